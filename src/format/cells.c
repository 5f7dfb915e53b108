/*
 * cells.c — cell values of a report (see cells.h).
 * May use base/ and text/ only.
 */
#include "format/cells.h"

#include <string.h>

#include "text/money.h"

void cells_init(struct report_cells *c, const struct report_format *f)
{
	memset(c, 0, sizeof *c);
	c->fmt = f;
}

void cells_init_zero(struct report_cells *c, const struct report_format *f)
{
	cells_init(c, f);
	memset(c->state, CELL_VALUE, (size_t)fmt_ncells(f));
}

static int in_range(const struct report_cells *c, int idx)
{
	return c->fmt && idx >= 0 && idx < fmt_ncells(c->fmt);
}

void cells_set(struct report_cells *c, int idx, int64_t v)
{
	if (!in_range(c, idx))
		return;
	c->v[idx] = v;
	c->state[idx] = CELL_VALUE;
	c->derived[idx] = 0;
}

void cells_set_blank(struct report_cells *c, int idx)
{
	if (!in_range(c, idx))
		return;
	c->v[idx] = 0;
	c->state[idx] = CELL_BLANK;
	c->derived[idx] = 0;
}

int64_t cells_get(const struct report_cells *c, int idx)
{
	return in_range(c, idx) ? c->v[idx] : 0;
}

enum cell_state cells_state(const struct report_cells *c, int idx)
{
	return in_range(c, idx) ? (enum cell_state)c->state[idx] : CELL_ABSENT;
}

int cells_set_id(struct report_cells *c, const char *id, int64_t v, struct gk_error *e)
{
	int idx = fmt_cell_index(c->fmt, id);

	if (idx < 0)
		return err_set(e, ERR_NOTFOUND, id, "the %s format has no cell %s", c->fmt->id, id);
	cells_set(c, idx, v);
	return 0;
}

void cells_t3_set(struct report_cells *c, enum t3_row r, enum t3_col col, int64_t v)
{
	cells_set(c, fmt_t3_cell(c->fmt, r, col), v);
}

void cells_t3_add(struct report_cells *c, enum t3_row r, enum t3_col col, int64_t v)
{
	int idx = fmt_t3_cell(c->fmt, r, col);
	cells_set(c, idx, cells_get(c, idx) + v);
}

int64_t cells_t3_get(const struct report_cells *c, enum t3_row r, enum t3_col col)
{
	return cells_get(c, fmt_t3_cell(c->fmt, r, col));
}

void cells_t4_set(struct report_cells *c, enum t4_group g, enum t4_col col, int64_t v)
{
	cells_set(c, fmt_t4_cell(c->fmt, g, col), v);
}

void cells_t4_add(struct report_cells *c, enum t4_group g, enum t4_col col, int64_t v)
{
	int idx = fmt_t4_cell(c->fmt, g, col);
	cells_set(c, idx, cells_get(c, idx) + v);
}

int64_t cells_t4_get(const struct report_cells *c, enum t4_group g, enum t4_col col)
{
	return cells_get(c, fmt_t4_cell(c->fmt, g, col));
}

/* The sums the format defines, as (total cell, part cells) — shared by cells_fill_totals,
 * cells_derive_blank_totals and, in the same order, by the rules. */
static int sum_parts(const struct report_format *f, int which, int *total, int parts[32])
{
	int n = 0, nrows = f->t3_nrows;

	if (which < nrows) {                      /* Table 三 row: 总计 = cols 1–6 */
		int base = fmt_table_first(f, TBL_3) + which * T3C__MAX;
		*total = base + T3C_TOTAL;
		for (int col = 0; col < T3C_TOTAL; col++)
			parts[n++] = base + col;
		return n;
	}
	which -= nrows;
	if (which < T3C__MAX) {                   /* Table 三 column: （七） = outcome rows */
		*total = fmt_t3_cell(f, T3R_HANDLED_TOTAL, (enum t3_col)which);
		for (int r = 0; r < nrows; r++)
			if (f->t3_rows[r].outcome)
				parts[n++] = fmt_t3_cell(f, f->t3_rows[r].key, (enum t3_col)which);
		return n;
	}
	which -= T3C__MAX;
	if (which < T4G__MAX) {                   /* Table 四 group: 总计 = the four results */
		*total = fmt_t4_cell(f, (enum t4_group)which, T4C_TOTAL);
		for (int col = 0; col < T4C_TOTAL; col++)
			parts[n++] = fmt_t4_cell(f, (enum t4_group)which, (enum t4_col)col);
		return n;
	}
	return -1;
}

void cells_fill_totals(struct report_cells *c)
{
	int total, parts[32], n;

	/* rows first, then the （七） row (whose 总计 cell is then the sum of sums), then 四 */
	for (int w = 0; (n = sum_parts(c->fmt, w, &total, parts)) >= 0; w++) {
		int64_t s = 0;
		for (int i = 0; i < n; i++)
			s += cells_get(c, parts[i]);
		cells_set(c, total, s);
	}
}

void cells_derive_blank_totals(struct report_cells *c)
{
	int total, parts[32], n;

	for (int w = 0; (n = sum_parts(c->fmt, w, &total, parts)) >= 0; w++) {
		int64_t s = 0;
		int ok = cells_state(c, total) == CELL_BLANK;
		for (int i = 0; ok && i < n; i++) {
			if (cells_state(c, parts[i]) == CELL_ABSENT)
				ok = 0;
			s += cells_get(c, parts[i]);
		}
		if (ok) {
			c->v[total] = s;
			c->derived[total] = 1;
		}
	}
}

int cells_write_value(const struct fmt_cell *cell, int64_t v, int max_decimals, struct buf *out)
{
	char m[MONEY_LEN];

	switch (cell->unit) {
	case UNIT_FEN_AS_WAN:
		return buf_puts(out, money_format_wan_rounded(v, max_decimals, m));
	case UNIT_FEN_AS_YUAN:
		/* whole 元 as reports print them ("251000"), else with 分 */
		if (v % FEN_PER_YUAN == 0 || max_decimals == 0)
			return buf_printf(out, "%lld", (long long)(v / FEN_PER_YUAN));
		return buf_puts(out, money_format_yuan(v, m));
	default:
		return buf_printf(out, "%lld", (long long)v);
	}
}

int cells_write(const struct report_cells *c, int idx, int max_decimals, struct buf *out)
{
	if (cells_state(c, idx) != CELL_VALUE)
		return 0;
	return cells_write_value(fmt_cell(c->fmt, idx), c->v[idx], max_decimals, out);
}

int cells_accumulate(struct report_cells *sum, const struct report_cells *add)
{
	int n;

	if (!sum->fmt || sum->fmt != add->fmt)
		return ERR_INVALID;
	n = fmt_ncells(sum->fmt);
	for (int i = 0; i < n; i++) {
		if (sum->state[i] == CELL_ABSENT || add->state[i] == CELL_ABSENT) {
			sum->state[i] = CELL_ABSENT;
			sum->v[i] = 0;
			continue;
		}
		sum->v[i] += add->v[i];
		sum->state[i] = CELL_VALUE;
		sum->derived[i] = 0;
	}
	return 0;
}

static void copy_cell(const struct report_cells *in, int from, struct report_cells *out, int to)
{
	if (from < 0 || to < 0)
		return;
	out->v[to] = in->v[from];
	out->state[to] = in->state[from];
	out->derived[to] = in->derived[from];
}

void cells_from_2019(const struct report_cells *in, struct report_cells *out,
		     int *other_breakdown_unknown)
{
	const struct report_format *f21 = fmt_get(FMT_V2021);

	cells_init(out, f21);
	if (other_breakdown_unknown)
		*other_breakdown_unknown = 0;
	if (!in->fmt || in->fmt->version != FMT_V2019) {
		if (in->fmt == f21)
			*out = *in;
		return;
	}
	for (int r = 0; r < T3R__MAX; r++)
		for (int c = 0; c < T3C__MAX; c++)
			copy_cell(in, fmt_t3_cell(in->fmt, r, c), out,
				  fmt_t3_cell(f21, r == T3R_OTHER_TOTAL ? T3R_OTHER_MISC : (enum t3_row)r, c));
	for (int c = 0; c < T3C__MAX; c++) {
		if (cells_state(in, fmt_t3_cell(in->fmt, T3R_OTHER_TOTAL, c)) == CELL_ABSENT)
			continue;
		cells_set(out, fmt_t3_cell(f21, T3R_OTHER_NO_CORRECTION, c), 0);
		cells_set(out, fmt_t3_cell(f21, T3R_OTHER_FEE_UNPAID, c), 0);
		if (other_breakdown_unknown)
			*other_breakdown_unknown = 1;
	}
	for (int g = 0; g < T4G__MAX; g++)
		for (int c = 0; c < T4C__MAX; c++)
			copy_cell(in, fmt_t4_cell(in->fmt, g, c), out, fmt_t4_cell(f21, g, c));
}

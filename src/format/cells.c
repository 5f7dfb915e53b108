/*
 * cells.c — cell values of a report (see cells.h).
 * May use base/ and text/ only.
 */
#include "format/cells.h"

#include <string.h>

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

int money_write(int64_t fen, int64_t fen_per_unit, int max_decimals, struct buf *out)
{
	int64_t scale = 1, pow = 1;
	int unit_digits = 0, nd, rc;
	char digits[24];

	for (int64_t u = fen_per_unit; u > 1; u /= 10)
		unit_digits++;
	if (max_decimals > unit_digits)
		max_decimals = unit_digits;
	if (max_decimals < 0)
		max_decimals = 0;
	for (int i = 0; i < unit_digits - max_decimals; i++)
		scale *= 10;
	for (int i = 0; i < max_decimals; i++)
		pow *= 10;
	if (fen < 0) {
		fen = -fen;
		if ((fen + scale / 2) / scale != 0 && (rc = buf_putc(out, '-')) != 0)
			return rc;
	}
	fen = (fen + scale / 2) / scale;  /* round half up: now in 10^-max_decimals units */
	if ((rc = buf_printf(out, "%lld", (long long)(fen / pow))) != 0)
		return rc;
	nd = max_decimals;
	for (int64_t frac = fen % pow, i = nd - 1; i >= 0; i--) {
		digits[i] = (char)('0' + frac % 10);
		frac /= 10;
	}
	while (nd > 0 && digits[nd - 1] == '0')
		nd--;
	if (nd == 0)
		return 0;
	digits[nd] = '\0';
	return buf_printf(out, ".%s", digits);
}

int money_parse(const char *s, size_t len, int64_t fen_per_unit, int64_t *fen)
{
	size_t i = 0;
	int neg = 0, seen = 0, dot = 0;
	int64_t v = 0, scale = fen_per_unit;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < len; i++) {
		if (s[i] == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return ERR_INVALID;
		if (dot) {
			if (scale == 1)
				return ERR_INVALID;   /* finer than 1 分 */
			scale /= 10;
		}
		seen = 1;
		if (v > (INT64_MAX - 9) / 10)
			return ERR_INVALID;
		v = v * 10 + (s[i] - '0');
	}
	if (!seen)
		return ERR_INVALID;
	if (v > INT64_MAX / scale)
		return ERR_INVALID;
	*fen = (neg ? -v : v) * scale;
	return 0;
}

int cells_write_value(const struct fmt_cell *cell, int64_t v, int max_decimals, struct buf *out)
{
	switch (cell->unit) {
	case UNIT_FEN_AS_WAN:
		return money_write(v, FEN_PER_WAN, max_decimals, out);
	case UNIT_FEN_AS_YUAN:
		return money_write(v, FEN_PER_YUAN, max_decimals, out);
	default:
		return buf_printf(out, "%lld", (long long)v);
	}
}

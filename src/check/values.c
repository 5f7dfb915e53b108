/*
 * values.c — the values after a row label, and how a cell is stored by its unit (spec §2).
 * May call base/, format/.
 */
#include "check/extract_int.h"

#include <stdlib.h>
#include "base/buf.h"

/* ---- reading values ----------------------------------------------------------------------- */

void chk_values_after(const struct extraction *x, size_t i, struct vals *v)
{
	const struct item *label = &x->it[i];
	int same_row = label->rowcells > 1;
	size_t k;

	v->n = 0;
	v->eof = 0;
	for (k = i + 1; k < x->n; k++) {
		const struct item *it = &x->it[k];
		if (same_row && it->row != label->row)
			return;
		if (it->kind == K_PAD) {
			if (v->n > 0)
				return;
			continue;
		}
		if (it->kind == K_TEXT)
			return;
		if (v->n < VMAX)
			v->idx[v->n++] = k;
	}
	v->eof = 1;
}

void chk_values_trim(const struct extraction *x, struct vals *v, size_t want)
{
	while (v->n > want && x->it[v->idx[v->n - 1]].kind == K_BLANK)
		v->n--;
	while (v->n > want && x->it[v->idx[0]].kind == K_BLANK) {
		memmove(v->idx, v->idx + 1, (v->n - 1) * sizeof *v->idx);
		v->n--;
	}
}

static int64_t pow10i(int n)
{
	int64_t p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

void chk_put(struct extraction *x, int idx, size_t k)
{
	const struct item *it = &x->it[k];
	const struct fmt_cell *cell = fmt_cell(x->f, idx);
	struct report_cells *c = &x->r->rep.cells;
	int64_t v;

	if (idx < 0 || !cell)
		return;
	if (it->cut)
		return;  /* the capture may have cut the number short: not reached */
	if (it->kind == K_BLANK) {
		cells_set_blank(c, idx);
		x->r->blank[idx] = 1;
		return;
	}
	if (cell->unit == UNIT_FEN_AS_WAN || cell->unit == UNIT_FEN_AS_YUAN) {
		/* money: the unit in the cell wins over the column's */
		int64_t per = it->num.unit == U_YUAN ? FEN_PER_YUAN :
			      it->num.unit == U_WAN ? FEN_PER_WAN :
			      cell->unit == UNIT_FEN_AS_WAN ? FEN_PER_WAN : FEN_PER_YUAN;
		if (it->num.scale > 12 || it->num.mant > INT64_MAX / per) {
			chk_note(x->r, "CAP-08", &idx, 1, "金额“%.*s”无法读取", (int)it->len, it->text);
			return;
		}
		v = it->num.mant * per / pow10i(it->num.scale);
	} else {
		if (it->num.scale > 0 && it->num.mant % pow10i(it->num.scale) != 0) {
			chk_note(x->r, "CAP-08", &idx, 1, "“%s”的“%s”应为整数，实为“%.*s”", cell->row_label,
			     cell->col_label, (int)it->len, it->text);
			return;
		}
		v = it->num.mant / pow10i(it->num.scale);
	}
	cells_set(c, idx, it->num.neg ? -v : v);
}

void chk_extra_row(struct extraction *x, const char *table, size_t label, const struct vals *v)
{
	struct buf b;

	if (x->r->extra && strlen(x->r->extra) > 4096)
		return;  /* enough kept aside */
	buf_init(&b, 1 << 16);
	if (x->r->extra && buf_puts(&b, x->r->extra))
		goto out;
	if (buf_printf(&b, "表%s %.*s:", table, (int)x->it[label].len, x->it[label].text))
		goto out;
	for (size_t k = 0; k < v->n; k++)
		if (buf_printf(&b, " %.*s", (int)x->it[v->idx[k]].len, x->it[v->idx[k]].text))
			goto out;
	if (buf_putc(&b, '\n'))
		goto out;
	free(x->r->extra);
	x->r->extra = buf_steal(&b);
	chk_note(x->r, "CAP-05", NULL, 0, "表%s有格式以外的行“%.*s”，单列存放，不参与核对", table,
	     (int)x->it[label].len, x->it[label].text);
out:
	buf_free(&b);
}

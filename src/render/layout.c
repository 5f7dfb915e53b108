/*
 * layout.c — the official rowspan/colspan geometry of Tables 二, 三, 四 (see layout.h).
 * May use base/, text/ and format/.
 */
#include "render/layout.h"

#include <string.h>

static void put(struct lay_table *t, const char *label, int cell, int row, int col, int rowspan,
		int colspan, int header)
{
	if (t->n >= LAY_MAX_CELLS)
		return;   /* cannot happen for the declared formats (≤ 260 cells) */
	t->c[t->n++] = (struct lay_cell){ label, cell, row, col, rowspan, colspan, header };
	if (row + rowspan > t->nrows)
		t->nrows = row + rowspan;
}

/* Table 二: each block is a title row spanning 4 columns, a header row 信息内容 + its columns,
 * and its rows; the last column of a block with fewer than 3 spans the rest. */
static void table2(const struct report_format *f, struct lay_table *t)
{
	int row = 0;

	t->ncols = 4;
	for (int b = 0; b < f->t2_nblocks; b++) {
		const struct fmt_t2_block *bl = &f->t2_blocks[b];
		int last_span = 4 - bl->ncols;

		put(t, bl->title, -1, row++, 0, 1, 4, 1);
		put(t, f->t2_header, -1, row, 0, 1, 1, 1);
		for (int c = 0; c < bl->ncols; c++)
			put(t, bl->cols[c].label, -1, row, 1 + c, 1, c == bl->ncols - 1 ? last_span : 1, 1);
		row++;
		for (int r = 0; r < bl->nrows; r++, row++) {
			put(t, bl->rows[r].label, -1, row, 0, 1, 1, 0);
			for (int c = 0; c < bl->ncols; c++)
				put(t, NULL, fmt_t2_cell(f, b, r, c), row, 1 + c, 1,
				    c == bl->ncols - 1 ? last_span : 1, 0);
		}
	}
}

static void table3(const struct report_format *f, struct lay_table *t)
{
	int result_rows = 0, result_done = 0;

	t->ncols = 3 + T3C__MAX;
	t->header_rows = 3;
	put(t, f->t3_note, -1, 0, 0, 3, 3, 1);
	put(t, f->t3_applicant, -1, 0, 3, 1, T3C__MAX, 1);
	put(t, f->t3_cols[T3C_NP].label, -1, 1, 3, 2, 1, 1);
	put(t, f->t3_org, -1, 1, 4, 1, T3C_TOTAL - 1, 1);
	put(t, f->t3_cols[T3C_TOTAL].label, -1, 1, 3 + T3C_TOTAL, 2, 1, 1);
	for (int c = T3C_BIZ; c < T3C_TOTAL; c++)
		put(t, f->t3_cols[c].label, -1, 2, 3 + c, 1, 1, 1);
	for (int p = 0; p < f->t3_nrows; p++)
		result_rows += f->t3_rows[p].kind != T3K_TOP;
	for (int p = 0; p < f->t3_nrows; p++) {
		const struct fmt_t3_row *r = &f->t3_rows[p];
		int row = 3 + p;

		if (r->kind == T3K_TOP) {
			put(t, r->label, -1, row, 0, 1, 3, 0);
		} else {
			if (!result_done++)
				put(t, f->t3_result, -1, row, 0, result_rows, 1, 0);
			if (r->kind == T3K_RESULT) {
				put(t, r->label, -1, row, 1, 1, 2, 0);
			} else {
				if (p == 0 || f->t3_rows[p - 1].group != r->group) {
					int span = 0;
					for (int q = p; q < f->t3_nrows && f->t3_rows[q].group == r->group; q++)
						span++;
					put(t, f->t3_groups[r->group].label, -1, row, 1, span, 1, 0);
				}
				put(t, r->label, -1, row, 2, 1, 1, 0);
			}
		}
		for (int c = 0; c < T3C__MAX; c++)
			put(t, NULL, fmt_t3_cell(f, r->key, c), row, 3 + c, 1, 1, 0);
	}
}

static void table4(const struct report_format *f, struct lay_table *t)
{
	t->ncols = T4G__MAX * T4C__MAX;
	t->header_rows = 3;
	put(t, f->t4_review, -1, 0, 0, 1, T4C__MAX, 1);
	put(t, f->t4_litigation, -1, 0, T4C__MAX, 1, 2 * T4C__MAX, 1);
	for (int c = 0; c < T4C__MAX; c++)
		put(t, f->t4_cols[c].label, -1, 1, c, 2, 1, 1);
	for (int g = T4G_LIT_DIRECT; g < T4G__MAX; g++)
		put(t, f->t4_groups[g].label, -1, 1, g * T4C__MAX, 1, T4C__MAX, 1);
	for (int g = T4G_LIT_DIRECT; g < T4G__MAX; g++)
		for (int c = 0; c < T4C__MAX; c++)
			put(t, f->t4_cols[c].label, -1, 2, g * T4C__MAX + c, 1, 1, 1);
	for (int g = 0; g < T4G__MAX; g++)
		for (int c = 0; c < T4C__MAX; c++)
			put(t, NULL, fmt_t4_cell(f, g, c), 3, g * T4C__MAX + c, 1, 1, 0);
}

void layout_build(const struct report_format *f, enum fmt_table t, struct lay_table *out)
{
	memset(out, 0, sizeof *out);
	out->table = t;
	if (t == TBL_2)
		table2(f, out);
	else if (t == TBL_3)
		table3(f, out);
	else if (t == TBL_4)
		table4(f, out);
}

/*
 * tables.c — Tables 二, 三 and 四 keyed on their row labels (spec §3–§5, §7.3).
 *
 * A small state machine walks the items: section headings and table markers (第二十条 block
 * titles, the 勾稽关系 note, 行政复议) move it between prose, Table 二, Table 三 and Table 四, and
 * in each table only that table's labels are matched, so the 总计 column header is never taken
 * for the （七）总计 row and a Table 四 总计 never for either. May call base/, text/, format/.
 */
#include "check/extract_int.h"

#include "text/utf8.h"

/* ---- Table 二 -------------------------------------------------------------------------------- */

static void t2_row(struct extraction *x, int block, int row, size_t i)
{
	const struct fmt_t2_block *bl = &x->f->t2_blocks[block];
	struct vals v;
	size_t want = (size_t)bl->ncols;

	chk_values_after(x, i, &v);
	chk_values_trim(x, &v, want);
	if (v.n == 0)
		return;
	if (v.n < want && !v.eof) {
		int c0 = fmt_t2_cell(x->f, block, row, 0);
		chk_note(x->r, "CAP-02", &c0, 1, "“%s”一行只有 %zu 个数值（应有 %zu 个），空白单元格在抓取中"
		     "丢失，无法确定位置", bl->rows[row].label, v.n, want);
		return;
	}
	/* cut short at the end of the capture: the values present are the leftmost ones */
	for (size_t k = 0; k < v.n && k < want; k++)
		chk_put(x, fmt_t2_cell(x->f, block, row, (int)k), v.idx[k]);
}

/* ---- Table 三 -------------------------------------------------------------------------------- */

struct t3state {
	int group;              /* current group (index), FMT_T3_RESULT_GROUP, or -1 */
	int subtotal[8][T3C__MAX];
	int has_subtotal[8];
	int subtotal_col_noted;
};

/* Read the 7 values of Table 三 row position pos after label item i. */
static void t3_row(struct extraction *x, struct t3state *st, int pos, size_t i)
{
	const struct fmt_t3_row *row = &x->f->t3_rows[pos];
	struct vals v;
	int cells[T3C__MAX];

	for (int c = 0; c < T3C__MAX; c++)
		cells[c] = fmt_t3_cell(x->f, row->key, c);
	chk_values_after(x, i, &v);
	chk_values_trim(x, &v, T3C__MAX);
	if (v.n == 0)
		return;  /* a header cell with the same words, or nothing read */
	if (chk_match(M_T3_COL, 0, x->f, x->it[i].text, x->it[i].len) >= 0) {
		/* "总计" / "其他" followed only by padding is the column header, not the row */
		int any = 0;
		for (size_t k = 0; k < v.n; k++)
			any |= x->it[v.idx[k]].kind == K_NUM;
		if (!any)
			return;
	}
	x->r->rows_seen[pos] = 1;
	if (v.n == T3C__MAX + 1) {
		/* a 法人或其他组织 小计 column after the five organisation columns */
		int64_t sum = 0, sub;
		int numeric = 1;
		for (size_t k = 0; k < v.n; k++)
			numeric &= x->it[v.idx[k]].kind == K_NUM;
		for (size_t k = 1; k <= 5 && numeric; k++)
			sum += x->it[v.idx[k]].num.mant;
		sub = numeric ? x->it[v.idx[6]].num.mant : -1;
		if (numeric && sub == sum) {
			if (!st->subtotal_col_noted++)
				chk_note(x->r, "CAP-03", NULL, 0, "表三多出“法人或其他组织小计”列，各行小计与五列之和"
				     "相符，已略去");
		} else {
			chk_note(x->r, "CAP-04", cells, T3C__MAX, "“%s”行的第 7 个数值（小计列）为 %.*s，"
			     "与法人或其他组织五列之和 %lld 不符；已略去", row->name,
			     (int)x->it[v.idx[6]].len, x->it[v.idx[6]].text, (long long)sum);
		}
		memmove(v.idx + 6, v.idx + 7, sizeof *v.idx);
		v.n = T3C__MAX;
	} else if (v.n > T3C__MAX) {
		chk_note(x->r, "CAP-09", cells, T3C__MAX, "“%s”行有 %zu 个数值，按格式取最后 7 个",
		     row->name, v.n);
		memmove(v.idx, v.idx + (v.n - T3C__MAX), T3C__MAX * sizeof *v.idx);
		v.n = T3C__MAX;
	}
	if (v.n == T3C__MAX) {
		for (int c = 0; c < T3C__MAX; c++)
			chk_put(x, cells[c], v.idx[c]);
		return;
	}
	if (v.eof)
		return;  /* the capture ends inside the row: its cells were never reached */
	/* Fewer than 7 and the row is over: the capture dropped the empty cells. Only the last
	 * value (总计) keeps its place. */
	chk_note(x->r, "CAP-02", cells, T3C__MAX, "“%s”行只有 %zu 个数值（应有 7 个）：空白单元格在抓取中"
	     "丢失，只读取最后一个数值为总计", row->name, v.n);
	if (x->it[v.idx[v.n - 1]].kind == K_NUM)
		chk_put(x, cells[T3C_TOTAL], v.idx[v.n - 1]);
}

/* A group label followed by numbers: a subtotal row, checked later against its reasons. */
static void t3_group_values(struct extraction *x, struct t3state *st, int g, size_t i)
{
	struct vals v;

	if (g < 0 || g >= 8)
		return;
	chk_values_after(x, i, &v);
	chk_values_trim(x, &v, T3C__MAX);
	if (v.n != T3C__MAX)
		return;
	for (int c = 0; c < T3C__MAX; c++) {
		const struct item *it = &x->it[v.idx[c]];
		st->subtotal[g][c] = it->kind == K_NUM ? (int)it->num.mant : 0;
	}
	st->has_subtotal[g] = 1;
}

static void t3_check_subtotals(struct extraction *x, struct t3state *st)
{
	for (int g = 0; g < x->f->t3_ngroups && g < 8; g++) {
		if (!st->has_subtotal[g])
			continue;
		for (int c = 0; c < T3C__MAX; c++) {
			int64_t sum = 0;
			int complete = 1, cells[FMT_T3_ROWS_MAX], n = 0;
			for (int r = 0; r < x->f->t3_nrows; r++) {
				int idx;
				if (x->f->t3_rows[r].kind != T3K_REASON || x->f->t3_rows[r].group != g)
					continue;
				idx = fmt_t3_cell(x->f, x->f->t3_rows[r].key, c);
				cells[n++] = idx;
				if (cells_state(&x->r->rep.cells, idx) == CELL_ABSENT)
					complete = 0;
				sum += cells_get(&x->r->rep.cells, idx);
			}
			if (complete && sum != st->subtotal[g][c])
				chk_note(x->r, "CAP-04", cells, n, "“%s”小计行（%s列）为 %d，与其下各项之和 %lld "
				     "不符", x->f->t3_groups[g].label, x->f->t3_cols[c].label,
				     st->subtotal[g][c], (long long)sum);
		}
		chk_note(x->r, "CAP-03", NULL, 0, "表三“%s”带有小计行（官方格式没有），已核对并略去",
		     x->f->t3_groups[g].label);
	}
}

/* ---- Table 四 -------------------------------------------------------------------------------- */

static void t4_read(struct extraction *x, size_t start)
{
	struct vals v = { .n = 0 };
	size_t k = start;
	int want = T4G__MAX * T4C__MAX;
	const struct item *s = &x->it[start];

	/* a grid row that holds only values: start at its first cell (leading blanks count) */
	if (s->rowcells >= 5) {
		size_t first = start;
		while (first > 0 && x->it[first - 1].row == s->row)
			first--;
		int all = 1;
		for (size_t j = first; j < x->n && x->it[j].row == s->row; j++)
			all &= x->it[j].kind == K_NUM || x->it[j].kind == K_BLANK;
		if (all)
			k = first;
	}
	for (; k < x->n; k++) {
		const struct item *it = &x->it[k];
		if (it->kind == K_PAD)
			continue;
		if (it->kind == K_TEXT)
			break;
		if (v.n < VMAX)
			v.idx[v.n++] = k;
	}
	v.eof = k >= x->n;
	chk_values_trim(x, &v, (size_t)want);
	if (v.n > (size_t)want) {
		chk_note(x->r, "CAP-09", NULL, 0, "表四有 %zu 个数值，按格式取前 15 个", v.n);
		v.n = (size_t)want;
	}
	if (v.n < (size_t)want && !v.eof) {
		chk_note(x->r, "CAP-02", NULL, 0, "表四只有 %zu 个数值（应有 15 个）：空白单元格在抓取中丢失，"
		     "无法确定位置，表四未读取", v.n);
		return;
	}
	for (size_t j = 0; j < v.n; j++)
		chk_put(x, fmt_t4_cell(x->f, (int)(j / T4C__MAX), (int)(j % T4C__MAX)), v.idx[j]);
}

/* ---- the walk ------------------------------------------------------------------------------ */

enum state { S_PROSE, S_T2, S_T3, S_T4, S_AFTER };

static int is_label_like(const struct item *it)
{
	return it->kind == K_TEXT && it->len > 0 && it->len <= 240;
}

void chk_walk_tables(struct extraction *x, const int *row_section)
{
	enum state st = S_PROSE;
	int block = -1, t4_done = 0;
	struct t3state t3 = { .group = -1 };
	const struct report_format *f = x->f;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &x->it[i];
		int m;

		/* a section heading moves the state */
		if (it->pos == 0 && row_section[it->row] >= 0) {
			switch (row_section[it->row]) {
			case SEC_PROACTIVE: st = S_T2; break;
			case SEC_APPLICATIONS: st = S_T3; t3.group = -1; break;
			case SEC_REVIEW_LITIGATION: st = t4_done ? S_AFTER : S_T4; break;
			default: st = S_AFTER; break;
			}
			continue;
		}
		if (!is_label_like(it))
			continue;
		if (st != S_T4 && (m = chk_match(M_T2_BLOCK, 0, f, it->text, it->len)) >= 0 &&
		    st != S_T3) {
			st = S_T2;
			block = m;
			continue;
		}
		if (st != S_T4 && st != S_T3 && has(x->nrow[it->row], "勾稽关系")) {
			st = S_T3;
			continue;
		}
		if (st == S_T2 || (st == S_PROSE && block >= 0)) {
			int b = block, r = -1;
			if (b >= 0)
				r = chk_match(M_T2_ROW, b, f, it->text, it->len);
			for (int bb = 0; r < 0 && bb < f->t2_nblocks; bb++)
				if ((r = chk_match(M_T2_ROW, bb, f, it->text, it->len)) >= 0)
					b = bb;
			if (r >= 0) {
				t2_row(x, b, r, i);
				continue;
			}
		}
		if (st == S_T2 || st == S_PROSE || st == S_T3) {
			m = chk_match(M_T3_ROW, 0, f, it->text, it->len);
			if (m >= 0 && st != S_T3 && f->t3_rows[m].kind != T3K_TOP)
				m = -1;  /* only 一、二、四 start Table 三 without its heading */
			if (m >= 0 && it->rowcells > 1 && (has(x->nrow[it->row], "自然人") ||
						       has(x->nrow[it->row], "商业企业")))
				m = -1;  /* the column header row: its 总计 is not the （七）总计 row */
			if (m >= 0) {
				const struct fmt_t3_row *row = &f->t3_rows[m];
				/* short reason labels ("3.其他") need their group */
				if (row->kind == T3K_REASON && t3.group != row->group &&
				    utf8_count(it->text, it->len) < 8)
					m = -1;
			}
			if (m >= 0) {
				st = S_T3;
				if (f->t3_rows[m].kind != T3K_REASON)
					t3.group = f->t3_rows[m].kind == T3K_RESULT ? FMT_T3_RESULT_GROUP : -1;
				t3_row(x, &t3, m, i);
				continue;
			}
		}
		if (st == S_T3) {
			m = chk_match(M_T3_GROUP, 0, f, it->text, it->len);
			if (m >= 0) {
				t3.group = m;
				if (m != FMT_T3_RESULT_GROUP)
					t3_group_values(x, &t3, m, i);
				continue;
			}
			if (chk_match(M_T4_GROUP, 0, f, it->text, it->len) == T4G_REV) {
				st = S_T4;
				continue;
			}
		}
		if (st == S_T4 && !t4_done) {
			continue;
		}
		/* in Table 二 or 三: an unknown label followed by numbers is a local extra row */
		if ((st == S_T2 || st == S_T3) && utf8_count(it->text, it->len) <= 40 &&
		    !has(x->nrow[it->row], "勾稽关系")) {
			struct vals v;
			chk_values_after(x, i, &v);
			chk_values_trim(x, &v, 0);
			if (v.n > 0 && x->it[v.idx[0]].kind == K_NUM)
				chk_extra_row(x, st == S_T2 ? "二" : "三", i, &v);
		}
	}
	t3_check_subtotals(x, &t3);
}

/* Table 四: the first value cell after its header (or in a row of five or more values). */
void chk_walk_t4(struct extraction *x, const int *row_section)
{
	int in = 0, header = 0;
	const struct report_format *f = x->f;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &x->it[i];
		if (it->pos == 0 && row_section[it->row] >= 0) {
			if (in && row_section[it->row] != SEC_REVIEW_LITIGATION)
				return;
			in = row_section[it->row] == SEC_REVIEW_LITIGATION;
			continue;
		}
		if (!in && it->kind == K_TEXT &&
		    chk_match(M_T3_ROW, 0, f, it->text, it->len) == fmt_t3_pos(f, T3R_CARRIED_OUT)) {
			/* no heading: Table 四 follows the last row of Table 三 */
			size_t k = i + 1;
			while (k < x->n && x->it[k].kind != K_TEXT)
				k++;
			i = k - 1;
			in = 1;
			continue;
		}
		if (!in)
			continue;
		if (it->kind == K_TEXT) {
			if (chk_match(M_T4_COL, 0, f, it->text, it->len) >= 0 ||
			    chk_match(M_T4_GROUP, 0, f, it->text, it->len) >= 0 ||
			    strcmp(x->nrow[it->row], "总计") == 0)
				header = 1;
			continue;
		}
		if (it->kind == K_NUM && (header || it->rowcells >= 5)) {
			t4_read(x, i);
			return;
		}
	}
}


/*
 * rules_tables.c — the checks of one report's tables (see rules.h, rules_int.h): the sums of
 * Tables 三 and 四 (the in-table note of Table 三, 勾稽关系: 一 + 二 = 三 + 四, is the only rule
 * the format itself states; the rest follow from the table structure), no negative counts,
 * Table 二's rows, blank cells, and the format a year must use.
 * Law and spec: docs/spec/annual-report-format.md §6 (T3-*, T4-*, T2-*). May call base/, text/.
 */
#include "format/rules_int.h"

#include <string.h>


/* ---- Table 三 ---------------------------------------------------------------------------- */

/* REQ 年报格式-三-勾稽: 第一项加第二项之和，等于第三项加第四项之和 (every column) */
void rule_t3_01(struct rule_ctx *x)
{
	for (int col = 0; col < T3C__MAX; col++) {
		int c[4] = {
			fmt_t3_cell(x->f, T3R_NEW_RECEIVED, col), fmt_t3_cell(x->f, T3R_CARRIED_IN, col),
			fmt_t3_cell(x->f, T3R_HANDLED_TOTAL, col), fmt_t3_cell(x->f, T3R_CARRIED_OUT, col),
		};
		if (!all_present(x->c, c, 4))
			continue;
		if (val(x->c, c[0]) + val(x->c, c[1]) != val(x->c, c[2]) + val(x->c, c[3]))
			EMIT(x, c, 4, "第一项加第二项之和应等于第三项加第四项之和（%s列）："
			     "%lld + %lld ≠ %lld + %lld", x->f->t3_cols[col].label,
			     val(x->c, c[0]), val(x->c, c[1]), val(x->c, c[2]), val(x->c, c[3]));
	}
}

void rule_t3_02(struct rule_ctx *x)
{
	for (int r = 0; r < x->f->t3_nrows; r++) {
		int c[T3C__MAX];
		long long sum = 0;

		for (int col = 0; col < T3C__MAX; col++)
			c[col] = fmt_t3_cell(x->f, x->f->t3_rows[r].key, col);
		if (!all_present(x->c, c, T3C__MAX) || x->c->derived[c[T3C_TOTAL]])
			continue;
		for (int col = 0; col < T3C_TOTAL; col++)
			sum += val(x->c, c[col]);
		if (sum != val(x->c, c[T3C_TOTAL]))
			EMIT(x, c, T3C__MAX, "总计列应等于自然人与法人或其他组织各列之和（%s）："
			     "应为 %lld，实为 %lld", x->f->t3_rows[r].name, sum, val(x->c, c[T3C_TOTAL]));
	}
}

void rule_t3_03(struct rule_ctx *x)
{
	for (int col = 0; col < T3C__MAX; col++) {
		int c[FINDING_MAX_CELLS], n = 1;
		long long sum = 0;

		c[0] = fmt_t3_cell(x->f, T3R_HANDLED_TOTAL, col);
		for (int r = 0; r < x->f->t3_nrows && n < FINDING_MAX_CELLS; r++)
			if (x->f->t3_rows[r].outcome)
				c[n++] = fmt_t3_cell(x->f, x->f->t3_rows[r].key, col);
		if (!all_present(x->c, c, n) || x->c->derived[c[0]])
			continue;
		for (int i = 1; i < n; i++)
			sum += val(x->c, c[i]);
		if (sum != val(x->c, c[0]))
			EMIT(x, c, n, "（七）总计应等于（一）至（六）各项之和（%s列）：应为 %lld，实为 %lld",
			     x->f->t3_cols[col].label, sum, val(x->c, c[0]));
	}
}

/* Negative counts in a table (T3-04, T4-04, T2-01): one finding per negative cell. */
static void no_negatives(struct rule_ctx *x, enum fmt_table t)
{
	int first = fmt_table_first(x->f, t), n = fmt_table_ncells(x->f, t);
	char name[NAME_CAP], num[64];

	for (int i = first; i < first + n; i++) {
		const struct fmt_cell *cell = fmt_cell(x->f, i);
		struct buf b;

		if (!present(x->c, i) || val(x->c, i) >= 0 || cell->unit == UNIT_COUNT_SIGNED)
			continue;
		buf_init(&b, sizeof num - 1);
		if (cells_write_value(cell, cells_get(x->c, i), 6, &b) != 0)
			memcpy(num, "?", 2);
		else
			memcpy(num, buf_cstr(&b), b.len + 1);
		buf_free(&b);
		EMIT(x, &i, 1, "数值不能为负数：%s为 %s", rules_cell_name(x->f, i, name, sizeof name), num);
	}
}

void rule_t3_04(struct rule_ctx *x)
{
	no_negatives(x, TBL_3);
}

void rule_t3_06(struct rule_ctx *x)
{
	int a = fmt_t3_cell(x->f, T3R_NEW_RECEIVED, T3C_TOTAL);
	int b = fmt_t3_cell(x->f, T3R_CARRIED_IN, T3C_TOTAL);
	int first = fmt_table_first(x->f, TBL_3), n = fmt_table_ncells(x->f, TBL_3);
	int bad[FINDING_MAX_CELLS], nbad = 0, count = 0;
	char name[NAME_CAP];

	if (!present(x->c, a) || !present(x->c, b) || val(x->c, a) != 0 || val(x->c, b) != 0)
		return;
	for (int i = first; i < first + n; i++) {
		if (!present(x->c, i) || val(x->c, i) == 0)
			continue;
		if (nbad < FINDING_MAX_CELLS)
			bad[nbad++] = i;
		count++;
	}
	if (count)
		EMIT(x, bad, nbad, "本年新收和上年结转的申请均为 0，其余各项也应为 0：%s为 %lld"
		     "（共 %d 个单元格不为 0）", rules_cell_name(x->f, bad[0], name, sizeof name),
		     val(x->c, bad[0]), count);
}

/* Only without 上年结转: an application carried in may have had its notice the year before,
 * so only then is every unpaid lapse of the year matched by a notice of the year. */
void rule_t3_07(struct rule_ctx *x)
{
	int c = fmt_t3_cell(x->f, T3R_OTHER_FEE_UNPAID, T3C_TOTAL);
	int in = fmt_t3_cell(x->f, T3R_CARRIED_IN, T3C_TOTAL);
	long notices = x->r->fee_notices;

	if (present(x->c, in) && val(x->c, in) > 0)
		return;
	if (notices < 0)
		notices = rules_fee_notices(rules_section_norm(x, SEC_OTHER_MATTERS));
	if (notices < 0 || !present(x->c, c) || val(x->c, c) <= notices)
		return;
	EMIT(x, &c, 1, "因逾期未缴费不再处理的申请不应多于第六部分所报收费通知数：%lld 件 > %ld 件",
	     val(x->c, c), notices);
}

void rule_t3_09(struct rule_ctx *x)
{
	int nrows = x->f->t3_nrows, t4 = fmt_table_first(x->f, TBL_4), later = 0;

	/* walk backwards, knowing whether anything after the row was reached */
	for (int i = 0; i < T4G__MAX * T4C__MAX; i++)
		later |= present(x->c, t4 + i);
	for (int r = nrows - 1; r >= 0; r--) {
		int c[T3C__MAX], have = 0;

		for (int col = 0; col < T3C__MAX; col++) {
			c[col] = fmt_t3_cell(x->f, x->f->t3_rows[r].key, col);
			have += present(x->c, c[col]);
		}
		if (have == T3C__MAX || (have == 0 && !later)) {
			later |= have > 0;
			continue;  /* complete, or not reached by a truncated capture */
		}
		if (have == 0)
			EMIT(x, c, T3C__MAX, "表格缺少“%s”行（每一行都必须列出，没有数据时填 0）",
			     x->f->t3_rows[r].name);
		else
			EMIT(x, c, T3C__MAX, "“%s”行缺少 %d 个单元格（应有 7 列）",
			     x->f->t3_rows[r].name, T3C__MAX - have);
		later = 1;
	}
}

/* ---- Table 四 ---------------------------------------------------------------------------- */

static void t4_sum(struct rule_ctx *x, enum t4_group g)
{
	int c[T4C__MAX];
	long long sum = 0;

	for (int col = 0; col < T4C__MAX; col++)
		c[col] = fmt_t4_cell(x->f, g, col);
	if (!all_present(x->c, c, T4C__MAX) || x->c->derived[c[T4C_TOTAL]])
		return;
	for (int col = 0; col < T4C_TOTAL; col++)
		sum += val(x->c, c[col]);
	if (sum != val(x->c, c[T4C_TOTAL]))
		EMIT(x, c, T4C__MAX, "%s总计应等于结果维持、结果纠正、其他结果、尚未审结之和："
		     "%lld + %lld + %lld + %lld = %lld ≠ %lld", x->f->t4_groups[g].name,
		     val(x->c, c[0]), val(x->c, c[1]), val(x->c, c[2]), val(x->c, c[3]), sum,
		     val(x->c, c[T4C_TOTAL]));
}

void rule_t4_01(struct rule_ctx *x) { t4_sum(x, T4G_REV); }
void rule_t4_02(struct rule_ctx *x) { t4_sum(x, T4G_LIT_DIRECT); }
void rule_t4_03(struct rule_ctx *x) { t4_sum(x, T4G_LIT_AFTER_REV); }
void rule_t4_04(struct rule_ctx *x) { no_negatives(x, TBL_4); }

/* ---- Table 二 ---------------------------------------------------------------------------- */

void rule_t2_01(struct rule_ctx *x)
{
	no_negatives(x, TBL_2);
}

/* REQ 立法法-82: 乡镇人民政府无权制定规章 (only provincial and districted-city governments) */
void rule_t2_03(struct rule_ctx *x)
{
	const struct report_format *f = x->f;
	enum organ_kind k = x->r->organ ? x->r->organ : report_guess_organ(x->r->agency);
	int c[4], n = 0;
	long long sum = 0;

	if (k != ORGAN_TOWNSHIP)
		return;
	for (int col = 0; col < f->t2_blocks[0].ncols; col++) {
		int i = fmt_t2_cell(f, 0, 0, col);   /* block （一）, row 规章 */
		if (present(x->c, i) && val(x->c, i) != 0) {
			c[n++] = i;
			sum += val(x->c, i);
		}
	}
	if (n)
		EMIT(x, c, n, "乡镇、街道无权制定规章，“规章”一行应为 0：实为 %s%lld",
		     n > 1 ? "合计 " : "", sum);
}

int rules_t2_id(const struct report_format *f, const char *row, const char *col)
{
	char id[96];
	struct buf b;
	int idx;

	buf_init(&b, sizeof id - 1);
	idx = buf_printf(&b, "%s.%s.%s", f->t2_prefix, row, col) == 0 ?
	      fmt_cell_index(f, b.ptr) : -1;
	buf_free(&b);
	return idx;
}

void rule_t2_04(struct rule_ctx *x)
{
	static const char *const rows[] = { "rule", "normdoc" };

	for (size_t i = 0; i < 2; i++) {
		int c[2] = { rules_t2_id(x->f, rows[i], "newly_published"),
			     rules_t2_id(x->f, rows[i], "total_published") };
		if (all_present(x->c, c, 2) && val(x->c, c[0]) > val(x->c, c[1]))
			EMIT(x, c, 2, "本年新公开数量不应大于对外公开总数量（%s）：%lld > %lld",
			     fmt_cell(x->f, c[0])->row_label, val(x->c, c[0]), val(x->c, c[1]));
	}
}

void rule_t2_05(struct rule_ctx *x)
{
	static const char *const rows[] = { "licensing", "other_mgmt_service", "penalty",
					    "coercion", "admin_fee" };

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int c[2] = { rules_t2_id(x->f, rows[i], "prev_items"), rules_t2_id(x->f, rows[i], "change") };
		if (all_present(x->c, c, 2) && val(x->c, c[0]) + val(x->c, c[1]) < 0)
			EMIT(x, c, 2, "上一年项目数量加本年增/减不应小于 0（%s）：%lld + (%lld) < 0",
			     fmt_cell(x->f, c[0])->row_label, val(x->c, c[0]), val(x->c, c[1]));
	}
}

/* ---- blank cells, format ---------------------------------------------------------------- */

void rule_cell_blank(struct rule_ctx *x)
{
	int bad[FINDING_MAX_CELLS], nbad = 0, count = 0, n = fmt_ncells(x->f);
	char name[NAME_CAP];

	for (int i = 0; i < n; i++) {
		if (cells_state(x->c, i) != CELL_BLANK)
			continue;
		if (nbad < FINDING_MAX_CELLS)
			bad[nbad++] = i;
		count++;
	}
	if (count)
		rules_emit(x->out, x->def->id, x->o->strict ? SEV_ERROR : SEV_WARN, x->f, bad, nbad,
		     "有 %d 个单元格空白（没有数据应填 0），如%s", count,
		     rules_cell_name(x->f, bad[0], name, sizeof name));
}

void rule_fmt_01(struct rule_ctx *x)
{
	const struct report_format *want = fmt_for_year(x->r->year);

	if (!want || want == x->f)
		return;
	EMIT(x, NULL, 0, "%d 年度报告应使用 %s 年格式（%s），本报告使用的是 %s 年格式", x->r->year,
	     want->id, want->basis, x->f->id);
}

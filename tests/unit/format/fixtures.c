/* fixtures.c — report models used by the format, rules and render tests (see fixtures.h). */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

static void section_from_file(struct annual_report *r, enum section s, const char *name)
{
	struct buf b, path;

	buf_init(&b, 0);
	buf_init(&path, 0);
	if (buf_printf(&path, "%s/tests/golden/cizhouzhai-2024/%s", GK_TEST_SOURCE_DIR, name) ||
	    buf_read_file(&b, path.ptr, NULL))
		abort();
	while (b.len && b.ptr[b.len - 1] == '\n')
		b.ptr[--b.len] = '\0';
	report_set_section(r, s, buf_cstr(&b));
	buf_free(&b);
	buf_free(&path);
}

void fixture_cizhouzhai(struct annual_report *r)
{
	report_init(r, fmt_get(FMT_V2021));
	cells_init_zero(&r->cells, r->cells.fmt);
	report_set_agency(r, "慈周寨镇");
	r->year = 2024;
	r->organ = ORGAN_TOWNSHIP;
	section_from_file(r, SEC_OVERVIEW, "overview.txt");
	report_set_section(r, SEC_PROACTIVE, "");
	report_set_section(r, SEC_APPLICATIONS, "");
	report_set_section(r, SEC_REVIEW_LITIGATION, "");
	section_from_file(r, SEC_PROBLEMS, "problems.txt");
	section_from_file(r, SEC_OTHER_MATTERS, "other_matters.txt");
}

/* Table 三 总计 column of the Hangzhou-style fixture, by row (spec §6.4). */
static const struct { enum t3_row row; long total; } hz_total[] = {
	{ T3R_NEW_RECEIVED, 14069 }, { T3R_CARRIED_IN, 560 },
	{ T3R_GRANTED, 5548 }, { T3R_PARTIAL, 2168 },
	{ T3R_DENY_STATE_SECRET, 13 }, { T3R_DENY_LAW_PROHIBITS, 30 },
	{ T3R_DENY_SECURITY_STABILITY, 11 }, { T3R_DENY_THIRD_PARTY, 51 },
	{ T3R_DENY_INTERNAL_AFFAIRS, 104 }, { T3R_DENY_PROCESS_INFO, 85 },
	{ T3R_DENY_ENFORCEMENT_FILE, 286 }, { T3R_DENY_ADMIN_QUERY, 150 },
	{ T3R_UNABLE_NOT_HELD, 3222 }, { T3R_UNABLE_NEEDS_CREATION, 180 },
	{ T3R_UNABLE_UNCLEAR_AFTER_FIX, 19 },
	{ T3R_NOPROC_PETITION, 203 }, { T3R_NOPROC_REPEAT, 148 }, { T3R_NOPROC_PUBLICATION, 0 },
	{ T3R_NOPROC_MASS_REPEAT, 101 }, { T3R_NOPROC_CONFIRM_REISSUE, 5 },
	{ T3R_OTHER_NO_CORRECTION, 318 }, { T3R_OTHER_FEE_UNPAID, 203 }, { T3R_OTHER_MISC, 965 },
	{ T3R_HANDLED_TOTAL, 13810 }, { T3R_CARRIED_OUT, 819 },
};

void fixture_hangzhou(struct annual_report *r)
{
	/* share of each organisation column, in 1/1000 (the rest are natural persons) */
	static const int share[T3C__MAX] = { 0, 120, 8, 5, 60, 30, 0 };
	static const long t4[T4G__MAX][T4C__MAX] = {
		{ 376, 97, 196, 121, 790 }, { 16, 1, 12, 27, 56 }, { 74, 1, 30, 51, 156 },
	};
	struct report_cells *c = &r->cells;

	report_init(r, fmt_get(FMT_V2021));
	cells_init_zero(c, r->cells.fmt);
	report_set_agency(r, "杭州市示例区人民政府");
	r->year = 2023;
	r->organ = ORGAN_GOVERNMENT;
	for (size_t i = 0; i < sizeof hz_total / sizeof hz_total[0]; i++)
		cells_t3_set(c, hz_total[i].row, T3C_TOTAL, hz_total[i].total);
	/* Organisation columns: outcome rows, 二 and 四 by share; 一 and （七） follow from the
	 * column identities; natural persons take what is left of every row. */
	for (int col = T3C_BIZ; col <= T3C_ORG_OTHER; col++) {
		long handled = 0;
		for (size_t i = 0; i < sizeof hz_total / sizeof hz_total[0]; i++) {
			enum t3_row row = hz_total[i].row;
			if (row == T3R_NEW_RECEIVED || row == T3R_HANDLED_TOTAL)
				continue;
			long v = hz_total[i].total * share[col] / 1000;
			cells_t3_set(c, row, col, v);
			if (row != T3R_CARRIED_IN && row != T3R_CARRIED_OUT)
				handled += v;
		}
		cells_t3_set(c, T3R_HANDLED_TOTAL, col, handled);
		cells_t3_set(c, T3R_NEW_RECEIVED, col, handled + cells_t3_get(c, T3R_CARRIED_OUT, col) -
			     cells_t3_get(c, T3R_CARRIED_IN, col));
	}
	for (int pos = 0; pos < r->cells.fmt->t3_nrows; pos++) {
		enum t3_row row = r->cells.fmt->t3_rows[pos].key;
		long rest = cells_t3_get(c, row, T3C_TOTAL);
		for (int col = T3C_BIZ; col <= T3C_ORG_OTHER; col++)
			rest -= cells_t3_get(c, row, col);
		cells_t3_set(c, row, T3C_NP, rest);
	}
	for (int g = 0; g < T4G__MAX; g++)
		for (int col = 0; col < T4C__MAX; col++)
			cells_t4_set(c, g, col, t4[g][col]);
	/* Table 二: invented figures for a district government */
	if (cells_set_id(c, "t2.rule.in_force", 0, NULL) ||
	    cells_set_id(c, "t2.normdoc.issued", 12, NULL) ||
	    cells_set_id(c, "t2.normdoc.repealed", 5, NULL) ||
	    cells_set_id(c, "t2.normdoc.in_force", 87, NULL) ||
	    cells_set_id(c, "t2.licensing.decisions", 56321, NULL) ||
	    cells_set_id(c, "t2.penalty.decisions", 3402, NULL) ||
	    cells_set_id(c, "t2.coercion.decisions", 17, NULL) ||
	    cells_set_id(c, "t2.admin_fee.amount_wan", 1234567800, NULL))  /* 1234.5678 万元 */
		abort();
	report_set_section(r, SEC_OVERVIEW,
			   "2023 年，本区共收到政府信息公开申请 14069 件，办结 13810 件，"
			   "结转下年度继续办理 819 件。\n\n"
			   "因政府信息公开被申请行政复议 790 件，被提起行政诉讼 212 件。");
	report_set_section(r, SEC_PROACTIVE, "");
	report_set_section(r, SEC_APPLICATIONS, "");
	report_set_section(r, SEC_REVIEW_LITIGATION, "");
	report_set_section(r, SEC_PROBLEMS,
			   "一是答复文书的说理还不够充分。二是部分部门主动公开不够及时。\n\n"
			   "下一步，将加强业务培训，完善答复文书模板，并开展季度检查。");
	report_set_section(r, SEC_OTHER_MATTERS,
			   "本年度共发出收费通知 260 件，实际收取信息处理费 0.38 万元。");
}

void fixture_shanghai_2019(struct annual_report *r)
{
	struct report_cells *c = &r->cells;
	static const struct { enum t3_row row; long np, biz, other; } rows[] = {
		/* 一, 二, 三(七), 四 as published; outcome rows invented to sum to them */
		{ T3R_NEW_RECEIVED, 821, 35, 3 }, { T3R_CARRIED_IN, 18, 0, 0 },
		{ T3R_GRANTED, 400, 30, 3 }, { T3R_PARTIAL, 67, 5, 0 },
		{ T3R_UNABLE_NOT_HELD, 200, 0, 0 }, { T3R_NOPROC_REPEAT, 50, 0, 0 },
		{ T3R_OTHER_TOTAL, 50, 0, 0 },
		{ T3R_HANDLED_TOTAL, 767, 35, 3 }, { T3R_CARRIED_OUT, 72, 0, 0 },
	};
	static const long t4[T4G__MAX][T4C__MAX] = {
		{ 5, 0, 0, 2, 7 }, { 8, 0, 0, 1, 9 }, { 0, 0, 0, 0, 0 },
	};
	const struct report_format *f = fmt_get(FMT_V2019);

	report_init(r, f);
	report_set_agency(r, "上海市人民政府办公厅");
	r->year = 2019;
	r->organ = ORGAN_DEPARTMENT;
	/* Table 三: every cell 0 except the rows above; the 总计 of the outcome rows blank */
	for (int pos = 0; pos < f->t3_nrows; pos++)
		for (int col = 0; col < T3C__MAX; col++)
			cells_t3_set(c, f->t3_rows[pos].key, col, 0);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		cells_t3_set(c, rows[i].row, T3C_NP, rows[i].np);
		cells_t3_set(c, rows[i].row, T3C_BIZ, rows[i].biz);
		cells_t3_set(c, rows[i].row, T3C_ORG_OTHER, rows[i].other);
		cells_t3_set(c, rows[i].row, T3C_TOTAL, rows[i].np + rows[i].biz + rows[i].other);
	}
	for (int pos = 0; pos < f->t3_nrows; pos++)
		if (f->t3_rows[pos].outcome)
			cells_set_blank(c, fmt_t3_cell(f, f->t3_rows[pos].key, T3C_TOTAL));
	for (int g = 0; g < T4G__MAX; g++)
		for (int col = 0; col < T4C__MAX; col++)
			cells_t4_set(c, g, col, t4[g][col]);
}

/* test_rules.c — each rule of spec §6 fires on a report built to break it, and stays quiet
 * on a correct one; the spec's test vectors (§6.4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fixtures.h"
#include "format/rules.h"

/* How many findings of rule id (any severity). */
static int count(const struct findings *f, const char *id)
{
	int n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += strcmp(f->v[i].rule, id) == 0;
	return n;
}

static const struct finding *first(const struct findings *f, const char *id)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].rule, id) == 0)
			return &f->v[i];
	return NULL;
}

/* The message of the first finding of rule id, "" if none. */
static const char *msg(const struct findings *f, const char *id)
{
	const struct finding *fi = first(f, id);
	return fi ? fi->msg : "";
}

static void check(const struct annual_report *r, struct findings *f)
{
	findings_free(f);
	findings_init(f);
	rules_check(r, NULL, f);
}

/* A correct non-trivial 2021 report: one application per outcome row in the natural-person
 * column, one carried in, one carried out. */
static void small_report(struct annual_report *r)
{
	const struct report_format *f = fmt_get(FMT_V2021);

	report_init(r, f);
	cells_init_zero(&r->cells, f);
	report_set_agency(r, "示例县自然资源局");
	r->year = 2024;
	r->organ = ORGAN_DEPARTMENT;
	for (int pos = 0; pos < f->t3_nrows; pos++)
		if (f->t3_rows[pos].outcome)
			cells_t3_set(&r->cells, f->t3_rows[pos].key, T3C_NP, 1);
	cells_t3_set(&r->cells, T3R_CARRIED_IN, T3C_NP, 1);
	cells_t3_set(&r->cells, T3R_CARRIED_OUT, T3C_NP, 1);
	cells_t3_set(&r->cells, T3R_NEW_RECEIVED, T3C_NP, 21);
	cells_t4_set(&r->cells, T4G_REV, T4C_UPHELD, 1);
	cells_fill_totals(&r->cells);
	report_set_section(r, SEC_OVERVIEW, "本年共收到政府信息公开申请 21 件。");
	report_set_section(r, SEC_PROBLEMS, "一是答复文书说理不够充分。下一步加强培训。");
	report_set_section(r, SEC_OTHER_MATTERS, "无。");
}

static void test_reference_report(void **state)
{
	struct annual_report r;
	struct findings f;

	/* spec §6.4: all cells 0 → every E rule passes; 六 is "0" → W */
	findings_init(&f);
	fixture_cizhouzhai(&r);
	check(&r, &f);
	assert_int_equal(findings_count(&f, SEV_ERROR), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0].rule, "TXT-02");
	assert_int_equal(f.v[0].sev, SEV_WARN);
	assert_non_null(strstr(f.v[0].msg, "其他需要报告的事项"));
	assert_non_null(strstr(f.v[0].msg, "“0”"));
	findings_free(&f);
	report_free(&r);
}

static void test_hangzhou_fixture_and_its_negative(void **state)
{
	struct annual_report r;
	struct findings f;
	const struct finding *fi;

	findings_init(&f);
	fixture_hangzhou(&r);
	check(&r, &f);
	assert_int_equal(f.n, 0);   /* every rule passes */
	/* spec §6.4 negative test: （六）3 总计 = 964 → T3-02 and T3-03 */
	cells_t3_set(&r.cells, T3R_OTHER_MISC, T3C_TOTAL, 964);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-02"), 1);
	assert_int_equal(count(&f, "T3-03"), 1);
	assert_int_equal(findings_count(&f, SEV_ERROR), 2);
	assert_non_null(strstr(msg(&f, "T3-02"), "（六）3.其他"));
	assert_non_null(strstr(msg(&f, "T3-02"), "应为 965，实为 964"));
	assert_non_null(strstr(msg(&f, "T3-03"), "总计列"));
	assert_non_null(strstr(msg(&f, "T3-03"), "应为 13809，实为 13810"));
	fi = first(&f, "T3-03");
	assert_non_null(fi);
	assert_string_equal(fmt_cell(fi->fmt, fi->cells[0])->id, "t3.handled_total.total");
	findings_free(&f);
	report_free(&r);
}

static void test_shanghai_2019(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	fixture_shanghai_2019(&r);
	check(&r, &f);
	/* T3-01 and T4-01..03 pass; the blank 总计 cells are recomputed, not trusted: W only */
	assert_int_equal(findings_count(&f, SEV_ERROR), 0);
	assert_int_equal(count(&f, "CELL-BLANK"), 1);
	assert_non_null(strstr(msg(&f, "CELL-BLANK"), "有 19 个单元格空白"));
	/* --strict makes blank cells an error */
	findings_free(&f);
	rules_check(&r, &(struct rule_options){ .strict = 1 }, &f);
	assert_int_equal(first(&f, "CELL-BLANK")->sev, SEV_ERROR);
	/* a wrong 一 total in the 总计 column still breaks T3-01 */
	cells_t3_set(&r.cells, T3R_NEW_RECEIVED, T3C_TOTAL, 858);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-01"), 1);
	assert_non_null(strstr(msg(&f, "T3-01"), "858 + 18 ≠ 805 + 72"));
	/* a 2021 report in the 2019 layout */
	r.year = 2021;
	check(&r, &f);
	assert_int_equal(count(&f, "FMT-01"), 1);
	findings_free(&f);
	report_free(&r);
}

static void test_t3_01(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	small_report(&r);
	check(&r, &f);
	assert_int_equal(f.n, 0);
	cells_t3_set(&r.cells, T3R_CARRIED_OUT, T3C_BIZ, 1);   /* 0 + 0 ≠ 0 + 1 */
	cells_fill_totals(&r.cells);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-01"), 2);   /* 商业企业 and 总计 columns */
	assert_string_equal(msg(&f, "T3-01"),
			    "第一项加第二项之和应等于第三项加第四项之和（商业企业列）：0 + 0 ≠ 0 + 1");
	/* never judged on absent cells (a truncated capture) */
	cells_init(&r.cells, r.cells.fmt);
	cells_t3_set(&r.cells, T3R_NEW_RECEIVED, T3C_NP, 5);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-01"), 0);
	findings_free(&f);
	report_free(&r);
}

static void test_t3_02_03_04(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	small_report(&r);
	cells_t3_set(&r.cells, T3R_GRANTED, T3C_TOTAL, 2);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-02"), 1);
	assert_int_equal(count(&f, "T3-03"), 1);
	report_free(&r);

	small_report(&r);
	cells_t3_set(&r.cells, T3R_HANDLED_TOTAL, T3C_NP, 19);
	cells_t3_set(&r.cells, T3R_HANDLED_TOTAL, T3C_TOTAL, 19);
	cells_t3_set(&r.cells, T3R_NEW_RECEIVED, T3C_NP, 19);
	cells_t3_set(&r.cells, T3R_NEW_RECEIVED, T3C_TOTAL, 19);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-01"), 0);
	assert_int_equal(count(&f, "T3-02"), 0);
	assert_int_equal(count(&f, "T3-03"), 2);  /* 自然人 and 总计 columns */
	report_free(&r);

	small_report(&r);
	cells_t3_set(&r.cells, T3R_NOPROC_REPEAT, T3C_NGO, -1);
	cells_t3_set(&r.cells, T3R_NOPROC_REPEAT, T3C_NP, 2);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-04"), 1);
	assert_non_null(strstr(msg(&f, "T3-04"), "“（五）2.重复申请”行“社会公益组织”列为 -1"));
	findings_free(&f);
	report_free(&r);
}

static void test_t3_06_07_08(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	fixture_cizhouzhai(&r);
	cells_t3_set(&r.cells, T3R_GRANTED, T3C_NP, 1);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-06"), 1);
	assert_int_equal(first(&f, "T3-06")->sev, SEV_ERROR);
	/* the overview says no application was received */
	cells_t3_set(&r.cells, T3R_NEW_RECEIVED, T3C_TOTAL, 1);
	check(&r, &f);
	assert_int_equal(count(&f, "T3-08"), 1);
	assert_non_null(strstr(msg(&f, "T3-08"), "（0 件）与表格不一致：表格为 1 件"));
	report_free(&r);

	small_report(&r);
	r.fee_notices = 0;                                  /* 1 lapsed fee, no notice sent */
	check(&r, &f);      /* one application carried in: its notice may be last year's */
	assert_int_equal(count(&f, "T3-07"), 0);
	cells_t3_set(&r.cells, T3R_CARRIED_IN, T3C_NP, 0);  /* nothing carried in */
	cells_t3_set(&r.cells, T3R_NEW_RECEIVED, T3C_NP, 22);
	cells_fill_totals(&r.cells);
	report_set_section(&r, SEC_OVERVIEW, "本年共收到政府信息公开申请 22 件。");
	check(&r, &f);
	assert_int_equal(count(&f, "T3-07"), 1);
	r.fee_notices = -1;
	report_set_section(&r, SEC_OTHER_MATTERS, "本年度发出收费通知 1 件，收取信息处理费 0.01 万元。");
	check(&r, &f);
	assert_int_equal(count(&f, "T3-07"), 0);
	report_set_section(&r, SEC_OVERVIEW, "本年共收到政府信息公开申请 20 件，办结 20 件。");
	check(&r, &f);
	assert_int_equal(count(&f, "T3-08"), 2);
	findings_free(&f);
	report_free(&r);
}

static void test_t3_09(void **state)
{
	struct annual_report r;
	struct findings f;
	const struct report_format *fm = fmt_get(FMT_V2021);

	findings_init(&f);
	small_report(&r);
	/* a row left out in the middle: the capture went past it */
	for (int col = 0; col < T3C__MAX; col++)
		r.cells.state[fmt_t3_cell(fm, T3R_NOPROC_CONFIRM_REISSUE, col)] = CELL_ABSENT;
	check(&r, &f);
	assert_int_equal(count(&f, "T3-09"), 1);
	assert_non_null(strstr(msg(&f, "T3-09"), "（五）5.要求行政机关确认或重新出具已获取信息"));
	report_free(&r);
	/* truncated after row 10: nothing later was reached, so nothing is missing */
	small_report(&r);
	for (int i = fmt_t3_cell(fm, T3R_DENY_ENFORCEMENT_FILE, 0); i < fmt_ncells(fm); i++)
		r.cells.state[i] = CELL_ABSENT;
	check(&r, &f);
	assert_int_equal(count(&f, "T3-09"), 0);
	assert_int_equal(findings_count(&f, SEV_ERROR), 0);
	findings_free(&f);
	report_free(&r);
}

static void test_t4(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	small_report(&r);
	cells_t4_set(&r.cells, T4G_REV, T4C_TOTAL, 2);
	cells_t4_set(&r.cells, T4G_LIT_DIRECT, T4C_PENDING, 1);
	cells_t4_set(&r.cells, T4G_LIT_AFTER_REV, T4C_CORRECTED, -1);
	check(&r, &f);
	assert_int_equal(count(&f, "T4-01"), 1);
	assert_int_equal(count(&f, "T4-02"), 1);
	assert_int_equal(count(&f, "T4-03"), 1);
	assert_int_equal(count(&f, "T4-04"), 1);
	assert_string_equal(msg(&f, "T4-01"),
			    "行政复议总计应等于结果维持、结果纠正、其他结果、尚未审结之和：1 + 0 + 0 + 0 = 1 ≠ 2");
	assert_non_null(strstr(msg(&f, "T4-02"), "行政诉讼（未经复议直接起诉）"));
	assert_int_equal(report_litigation_total(&r.cells), 0);
	findings_free(&f);
	report_free(&r);
}

static void test_t2(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	fixture_cizhouzhai(&r);
	/* REQ 立法法-82: a township reporting 规章 */
	assert_int_equal(cells_set_id(&r.cells, "t2.rule.in_force", 6, NULL), 0);
	check(&r, &f);
	assert_int_equal(count(&f, "T2-03"), 1);
	assert_int_equal(first(&f, "T2-03")->sev, SEV_WARN);
	r.organ = ORGAN_DEPARTMENT;
	check(&r, &f);
	assert_int_equal(count(&f, "T2-03"), 0);
	r.organ = ORGAN_UNKNOWN;                            /* guessed from "慈周寨镇" */
	check(&r, &f);
	assert_int_equal(count(&f, "T2-03"), 1);
	assert_int_equal(cells_set_id(&r.cells, "t2.admin_fee.amount_wan", -100, NULL), 0);
	check(&r, &f);
	assert_int_equal(count(&f, "T2-01"), 1);
	assert_non_null(strstr(msg(&f, "T2-01"), "为 -0.0001"));
	report_free(&r);

	/* 2019: newly published > total; item count going negative; signed change allowed */
	fixture_shanghai_2019(&r);
	assert_int_equal(cells_set_id(&r.cells, "t2v19.normdoc.newly_published", 5, NULL), 0);
	assert_int_equal(cells_set_id(&r.cells, "t2v19.normdoc.total_published", 3, NULL), 0);
	assert_int_equal(cells_set_id(&r.cells, "t2v19.penalty.prev_items", 3, NULL), 0);
	assert_int_equal(cells_set_id(&r.cells, "t2v19.penalty.change", -4, NULL), 0);
	assert_int_equal(cells_set_id(&r.cells, "t2v19.coercion.prev_items", 3, NULL), 0);
	assert_int_equal(cells_set_id(&r.cells, "t2v19.coercion.change", -3, NULL), 0);
	check(&r, &f);
	assert_int_equal(count(&f, "T2-04"), 1);
	assert_int_equal(count(&f, "T2-05"), 1);
	assert_int_equal(count(&f, "T2-01"), 0);
	findings_free(&f);
	report_free(&r);
}

static void test_texts(void **state)
{
	struct annual_report r;
	struct findings f;

	findings_init(&f);
	small_report(&r);
	report_set_section(&r, SEC_PROBLEMS, " 无。\n");
	report_set_section(&r, SEC_OTHER_MATTERS, "无");
	check(&r, &f);
	assert_int_equal(count(&f, "TXT-01"), 1);   /* 五 must say something */
	assert_int_equal(count(&f, "TXT-02"), 0);   /* 六 may be 无 */
	report_set_section(&r, SEC_OTHER_MATTERS, "");
	check(&r, &f);
	assert_int_equal(count(&f, "TXT-02"), 1);
	assert_non_null(strstr(msg(&f, "TXT-02"), "内容为空"));
	report_set_section(&r, SEC_OTHER_MATTERS, NULL);  /* absent: nothing to judge */
	check(&r, &f);
	assert_int_equal(count(&f, "TXT-02"), 0);
	report_set_section(&r, SEC_OVERVIEW, "本年度被申请行政复议 3 件。");
	check(&r, &f);
	assert_int_equal(count(&f, "TXT-03"), 1);
	findings_free(&f);
	report_free(&r);
}

static void test_cross_year(void **state)
{
	struct annual_report prev, cur;
	struct findings f;

	findings_init(&f);
	small_report(&prev);
	small_report(&cur);
	prev.year = 2023;
	rules_check_cross(&prev, &cur, NULL, &f);
	assert_int_equal(count(&f, "T3-05"), 0);
	assert_int_equal(count(&f, "TXT-05"), 0);   /* too few sentences to call it copying */
	cells_t3_set(&prev.cells, T3R_CARRIED_OUT, T3C_NP, 2);
	cells_fill_totals(&prev.cells);
	rules_check_cross(&prev, &cur, NULL, &f);
	assert_int_equal(count(&f, "T3-05"), 2);   /* 自然人 and 总计 */
	assert_int_equal(first(&f, "T3-05")->sev, SEV_WARN);
	assert_non_null(strstr(msg(&f, "T3-05"), "上年 2，本年 1"));
	findings_free(&f);
	rules_check_cross(&prev, &cur, &(struct rule_options){ .produced_here = 1 }, &f);
	assert_int_equal(first(&f, "T3-05")->sev, SEV_ERROR);
	findings_free(&f);

	/* T2-02: in force 10 + 2 issued − 1 repealed should be 11 */
	assert_int_equal(cells_set_id(&prev.cells, "t2.normdoc.in_force", 10, NULL), 0);
	assert_int_equal(cells_set_id(&cur.cells, "t2.normdoc.issued", 2, NULL), 0);
	assert_int_equal(cells_set_id(&cur.cells, "t2.normdoc.repealed", 1, NULL), 0);
	assert_int_equal(cells_set_id(&cur.cells, "t2.normdoc.in_force", 12, NULL), 0);
	rules_check_cross(&prev, &cur, NULL, &f);
	assert_int_equal(count(&f, "T2-02"), 1);
	assert_non_null(strstr(msg(&f, "T2-02"), "10 + 2 − 1 ≠ 12"));
	findings_free(&f);
	report_free(&prev);
	report_free(&cur);

	/* T4-06 and TXT-05 on two all-zero township years with the same narrative */
	fixture_cizhouzhai(&prev);
	fixture_cizhouzhai(&cur);
	prev.year = 2023;
	cells_t4_set(&cur.cells, T4G_REV, T4C_UPHELD, 1);
	cells_t4_set(&cur.cells, T4G_REV, T4C_TOTAL, 1);
	rules_check_cross(&prev, &cur, NULL, &f);
	assert_int_equal(count(&f, "T4-06"), 1);
	assert_int_equal(count(&f, "TXT-05"), 1);
	assert_non_null(strstr(msg(&f, "TXT-05"), "与 2023 年报告雷同"));
	findings_free(&f);
	report_free(&prev);
	report_free(&cur);
}

static void test_rule_table(void **state)
{
	static const char *const spec[] = {
		"T3-01", "T3-02", "T3-03", "T3-04", "T3-05", "T3-06", "T3-07", "T3-08", "T3-09",
		"T4-01", "T4-02", "T4-03", "T4-04", "T4-05", "T4-06",
		"T2-01", "T2-02", "T2-03", "T2-04", "T2-05",
	};

	for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++)
		assert_non_null(rules_find(spec[i]));
	assert_int_equal(rules_find("T3-01")->sev, SEV_ERROR);
	assert_int_equal(rules_find("T2-02")->sev, SEV_WARN);
	assert_true(rules_find("T3-05")->cross);
	assert_null(rules_find("T9-99"));
	assert_string_equal(rules_at(0)->id, "T3-01");
	assert_null(rules_at(rules_count()));
	assert_int_equal(report_guess_organ("城关镇人民政府"), ORGAN_TOWNSHIP);
	assert_int_equal(report_guess_organ("东城街道办事处"), ORGAN_TOWNSHIP);
	assert_int_equal(report_guess_organ("滑县人民政府"), ORGAN_GOVERNMENT);
	assert_int_equal(report_guess_organ("滑县教育局"), ORGAN_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_report),
		cmocka_unit_test(test_hangzhou_fixture_and_its_negative),
		cmocka_unit_test(test_shanghai_2019),
		cmocka_unit_test(test_t3_01),
		cmocka_unit_test(test_t3_02_03_04),
		cmocka_unit_test(test_t3_06_07_08),
		cmocka_unit_test(test_t3_09),
		cmocka_unit_test(test_t4),
		cmocka_unit_test(test_t2),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_cross_year),
		cmocka_unit_test(test_rule_table),
	};
	return cmocka_run_group_tests_name("format/rules", tests, NULL, NULL);
}

/* test_regcount.c — Table 二 and Table 四 counting at year boundaries (annual-report-format §3, §5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "domain/regcount.h"

static struct arena A;
static struct reg_record R[64];
static size_t NR;

/* Add a record from "name=value" strings, NULL-terminated; the test fails if it is refused. */
static void add(const char *reg, ...)
{
	struct reg_kv kv[REG_MAX_FIELDS];
	struct gk_error e = { 0 };
	size_t n = 0;
	const char *s;
	va_list ap;

	va_start(ap, reg);
	while ((s = va_arg(ap, const char *)) != NULL) {
		const char *eq = strchr(s, '=');
		kv[n].name = arena_strndup(&A, s, (size_t)(eq - s));
		kv[n].value = eq + 1;
		n++;
	}
	va_end(ap);
	if (reg_record_parse(reg_desc_find(reg), kv, n, &A, &R[NR], &e) != 0)
		fail_msg("refused: %s: %s", e.field, e.msg);
	NR++;
}

static int setup(void **state)
{
	arena_init(&A);
	NR = 0;
	return 0;
}

static int teardown(void **state)
{
	arena_free(&A);
	return 0;
}

static void test_table2_documents(void **state)
{
	struct table2 t;

	add("normdoc", "kind=normdoc", "issued=2023-06-01", "doc_no=a", "title=old, in force", NULL);
	add("normdoc", "kind=normdoc", "issued=2024-03-01", "doc_no=b", "title=repealed next year",
	    "repealed=2025-01-05", NULL);
	add("normdoc", "kind=normdoc", "issued=2022-01-01", "doc_no=c", "title=repealed on 12-31",
	    "repealed=2024-12-31", NULL);
	add("normdoc", "kind=normdoc", "issued=2025-01-01", "doc_no=d", "title=next year", NULL);
	add("normdoc", "kind=rule", "issued=2024-12-31", "doc_no=e", "title=a rule", NULL);

	/* REQ 年报-T2-issued REQ 年报-T2-repealed REQ 年报-T2-in-force */
	table2_count(R, NR, 2024, &t);
	assert_int_equal(t.normdoc.issued, 1);
	assert_int_equal(t.normdoc.repealed, 1);   /* c, repealed on 31 December */
	assert_int_equal(t.normdoc.in_force, 2);   /* a and b; c no longer, d not yet */
	assert_int_equal(t.rule.issued, 1);
	assert_int_equal(t.rule.in_force, 1);
	assert_int_equal(t.rule.repealed, 0);

	table2_count(R, NR, 2025, &t);             /* b repealed after 31 Dec 2024 */
	assert_int_equal(t.normdoc.issued, 1);
	assert_int_equal(t.normdoc.repealed, 1);
	assert_int_equal(t.normdoc.in_force, 2);   /* a and d */

	table2_count(R, NR, 2023, &t);
	assert_int_equal(t.normdoc.in_force, 2);   /* c and a */
	assert_int_equal(t.rule.in_force, 0);
}

static void test_table2_decisions_and_fees(void **state)
{
	struct table2 t;

	add("decision", "kind=penalty", "date=2024-12-31", NULL);
	add("decision", "kind=penalty", "date=2025-01-01", NULL);
	add("decision", "kind=licensing", "from=2024-01-01", "to=2024-01-31", "count=37", NULL);
	add("decision", "kind=licensing", "from=2024-02-01", "to=2024-02-29", "count=0", NULL);
	add("decision", "kind=licensing", "from=2023-12-01", "to=2023-12-31", "count=5", NULL);
	add("decision", "kind=coercion", "from=2024-12-01", "to=2024-12-31", "count=2", NULL);
	add("fee", "date=2024-06-01", "amount=1234.56", "item=x", NULL);
	add("fee", "from=2024-07-01", "to=2024-07-31", "amount=0.44", NULL);
	add("fee", "date=2023-12-31", "amount=99", NULL);

	/* REQ 年报-T2-decisions REQ 年报-T2-fee */
	table2_count(R, NR, 2024, &t);
	assert_int_equal(t.penalty, 1);
	assert_int_equal(t.licensing, 37);
	assert_int_equal(t.coercion, 2);
	assert_int_equal(t.admin_fee_fen, 123500);
	table2_count(R, NR, 2023, &t);
	assert_int_equal(t.licensing, 5);
	assert_int_equal(t.admin_fee_fen, 9900);
}

static void cases(void)
{
	add("case", "kind=rev", "filed=2023-11-20", "result=upheld", "closed=2024-02-01", NULL);
	add("case", "kind=rev", "filed=2024-05-01", NULL);                                  /* pending */
	add("case", "kind=lit_direct", "filed=2024-03-01", "result=corrected", "closed=2024-12-31", NULL);
	add("case", "kind=lit_direct", "filed=2022-03-01", "result=other", "closed=2023-01-10", NULL);
	add("case", "kind=lit_after_rev", "filed=2024-04-01", "result=upheld", "closed=2024-08-01",
	    "co_defendant=yes", NULL);
	add("case", "kind=lit_after_rev", "filed=2024-06-01", "result=other", "closed=2025-01-02", NULL);
	add("case", "kind=rev", "filed=2025-01-01", NULL);
}

static void group(const struct table4_group *g, int up, int cor, int oth, int pend)
{
	assert_int_equal(g->upheld, up);
	assert_int_equal(g->corrected, cor);
	assert_int_equal(g->other, oth);
	assert_int_equal(g->pending, pend);
	assert_int_equal(g->total, up + cor + oth + pend);  /* REQ 年报-T4-01 */
}

static void test_table4_by_closing_year(void **state)
{
	struct table4 t;

	cases();
	/* REQ 年报-T4-pending REQ 国办公开办函〔2016〕201号 */
	table4_count(R, NR, 2024, NULL, &t);
	group(&t.rev, 1, 0, 0, 1);          /* the 2023 case closed in 2024; the open one */
	group(&t.lit_direct, 0, 1, 0, 0);   /* closed on 31 December counts as concluded */
	group(&t.lit_after_rev, 0, 0, 0, 1); /* closes 2025-01-02: pending; co-defendant left out */
	assert_int_equal(t.excluded_co_defendant, 1);

	table4_count(R, NR, 2023, NULL, &t);
	group(&t.rev, 0, 0, 0, 1);
	group(&t.lit_direct, 0, 0, 1, 0);

	table4_count(R, NR, 2025, NULL, &t);
	group(&t.rev, 0, 0, 0, 2);          /* still open since 2024, and the new one */
	group(&t.lit_after_rev, 0, 0, 1, 0);
	group(&t.lit_direct, 0, 0, 0, 0);
}

static void test_table4_configurable(void **state)
{
	struct table4 t;
	struct table4_rules rules = { .basis = TABLE4_BY_FILING_YEAR, .exclude_co_defendant = 0 };

	cases();
	table4_count(R, NR, 2024, &rules, &t);
	group(&t.rev, 0, 0, 0, 1);          /* the 2023 case is not reported again */
	group(&t.lit_direct, 0, 1, 0, 0);
	group(&t.lit_after_rev, 1, 0, 0, 1); /* co-defendant case counted when the rule is off */
	assert_int_equal(t.excluded_co_defendant, 0);
	table4_count(R, NR, 2025, &rules, &t);
	group(&t.rev, 0, 0, 0, 1);
	group(&t.lit_after_rev, 0, 0, 0, 0);
}

static void test_narrative_counts(void **state)
{
	struct reg_tally *tally;
	size_t n;
	int64_t by_channel[FEEDBACK_C__MAX];

	add("news", "platform=政府网站", "date=2024-01-02", "title=a", NULL);
	add("news", "platform=微信公众号", "date=2024-02-02", "title=b", NULL);
	add("news", "platform=政府网站", "date=2024-12-31", "title=c", NULL);
	add("news", "platform=政府网站", "date=2025-01-01", "title=d", NULL);
	add("feedback", "channel=hotline", "received=2024-03-03", "text=x", NULL);
	add("feedback", "channel=web", "received=2024-03-04", "text=y", NULL);
	add("feedback", "channel=web", "received=2023-03-04", "text=z", NULL);
	assert_int_equal(news_count_by_platform(R, NR, 2024, &tally, &n), 3);
	assert_int_equal(n, 2);
	assert_string_equal(tally[0].name, "政府网站");
	assert_int_equal(tally[0].n, 2);
	assert_int_equal(tally[1].n, 1);
	free(tally);
	assert_int_equal(feedback_count_by_channel(R, NR, 2024, by_channel), 2);
	assert_int_equal(by_channel[FEEDBACK_C_WEB], 1);
	assert_int_equal(by_channel[FEEDBACK_C_MAILBOX], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_table2_documents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table2_decisions_and_fees, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table4_by_closing_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table4_configurable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_narrative_counts, setup, teardown),
	};
	return cmocka_run_group_tests_name("domain/regcount", tests, NULL, NULL);
}

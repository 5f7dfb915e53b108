/* test_register.c — every register refuses bad entries with the field named, and accepts good ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/register.h"
#include "text/date.h"

#define KV(...) ((const struct reg_kv[]){ __VA_ARGS__ }), sizeof((const struct reg_kv[]){ __VA_ARGS__ }) / sizeof(struct reg_kv)

static struct arena A;

static int parse(const char *reg, const struct reg_kv *kv, size_t n, struct reg_record *r, struct gk_error *e)
{
	return reg_record_parse(reg_desc_find(reg), kv, n, &A, r, e);
}

static void refused(const char *reg, const struct reg_kv *kv, size_t n, const char *field, const char *part)
{
	struct reg_record r;
	struct gk_error e = { 0 };

	assert_int_equal(parse(reg, kv, n, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, field);
	if (strstr(e.msg, part) == NULL)
		fail_msg("%s: message '%s' lacks '%s'", field, e.msg, part);
}

static void test_normdoc(void **state)
{
	struct reg_record r;
	struct gk_error e = { 0 };
	struct buf b;

	assert_int_equal(parse("normdoc", KV({ "kind", "normdoc" }, { "issued", "2024-03-01" },
					     { "doc_no", " 某政规〔2024〕1号 " }, { "title", "关于某事的规定" },
					     { "repealed", "" }), &r, &e), 0);
	assert_int_equal(r.v[NORMDOC_KIND].i, NORMDOC_K_NORMDOC);
	assert_string_equal(r.v[NORMDOC_DOC_NO].s, "某政规〔2024〕1号");  /* trimmed */
	assert_false(r.v[NORMDOC_REPEALED].set);                          /* empty = absent */
	assert_int_equal(reg_record_year(&r), 2024);
	buf_init(&b, 0);
	assert_int_equal(reg_value_format(reg_desc_find("normdoc"), NORMDOC_ISSUED, &r, &b), 0);
	assert_string_equal(buf_cstr(&b), "2024-03-01");
	buf_free(&b);

	refused("normdoc", KV({ "kind", "law" }, { "issued", "2024-03-01" }, { "doc_no", "x" }, { "title", "t" }),
		"kind", "不在可选值之中：rule, normdoc");
	refused("normdoc", KV({ "kind", "rule" }, { "issued", "2023-02-29" }, { "doc_no", "x" }, { "title", "t" }),
		"issued", "2023-02-29");
	refused("normdoc", KV({ "kind", "rule" }, { "issued", "2024-03-01" }, { "title", "t" }), "doc_no", "必须填写");
	refused("normdoc", KV({ "kind", "rule" }, { "issued", "2024-03-01" }, { "doc_no", "x" }, { "title", "t" },
			      { "repealed", "2024-02-01" }), "repealed", "早于 issued");
	refused("normdoc", KV({ "kind", "rule" }, { "bogus", "1" }), "bogus", "没有这个字段");
	refused("normdoc", KV({ "kind", "rule" }, { "issued", "2024-03-01" }, { "doc_no", "x" },
			      { "title", "two\nlines" }), "title", "只能是一行");
	refused("normdoc", KV({ "kind", "rule" }, { "issued", "2024-03-01" }, { "doc_no", "x" },
			      { "title", "tab\there" }), "title", "含有控制字符");
}

static void test_decision_shapes(void **state)
{
	struct reg_record r;
	struct gk_error e = { 0 };

	assert_int_equal(parse("decision", KV({ "kind", "penalty" }, { "date", "2024-05-06" },
					      { "doc_no", "某罚〔2024〕3号" }), &r, &e), 0);
	assert_int_equal(r.v[DECISION_COUNT].i, 1);   /* one dated decision counts 1 */
	assert_int_equal(parse("decision", KV({ "kind", "licensing" }, { "from", "2024-01-01" },
					      { "to", "2024-01-31" }, { "count", "37" }), &r, &e), 0);
	assert_int_equal(r.v[DECISION_COUNT].i, 37);
	assert_int_equal(reg_record_year(&r), 2024);

	refused("decision", KV({ "kind", "penalty" }), "date", "请写 date");
	refused("decision", KV({ "kind", "penalty" }, { "date", "2024-05-06" }, { "from", "2024-05-01" }),
		"from", "不能都写");
	refused("decision", KV({ "kind", "penalty" }, { "from", "2024-05-01" }), "to", "同时写 from 和 to");
	refused("decision", KV({ "kind", "penalty" }, { "from", "2024-05-31" }, { "to", "2024-05-01" },
			       { "count", "3" }), "to", "早于 from");
	/* REQ 年报-T2-period: a counted period lies within one calendar year */
	refused("decision", KV({ "kind", "penalty" }, { "from", "2024-12-01" }, { "to", "2025-01-31" },
			       { "count", "3" }), "to", "期间跨年");
	refused("decision", KV({ "kind", "penalty" }, { "from", "2024-01-01" }, { "to", "2024-01-31" }),
		"count", "必须写明数量");
	refused("decision", KV({ "kind", "penalty" }, { "from", "2024-01-01" }, { "to", "2024-01-31" },
			       { "count", "-2" }), "count", "整数");
	refused("decision", KV({ "kind", "penalty" }, { "date", "2024-01-01" }, { "count", "5" }),
		"count", "计 1 件");
}

static void test_fee_in_fen(void **state)
{
	struct reg_record r;
	struct gk_error e = { 0 };

	assert_int_equal(parse("fee", KV({ "date", "2024-06-01" }, { "amount", "1234.56" }), &r, &e), 0);
	assert_int_equal(r.v[FEE_AMOUNT].i, 123456);
	refused("fee", KV({ "date", "2024-06-01" }, { "amount", "12.345" }), "amount", "two decimals");
	refused("fee", KV({ "date", "2024-06-01" }), "amount", "必须填写");
}

static void test_case_rules(void **state)
{
	struct reg_record r;
	struct gk_error e = { 0 };

	assert_int_equal(parse("case", KV({ "kind", "rev" }, { "filed", "2024-02-01" }), &r, &e), 0);
	assert_int_equal(r.v[CASE_RESULT].i, CASE_R_PENDING);  /* default: pending */
	assert_int_equal(r.v[CASE_CO_DEFENDANT].i, 0);
	assert_int_equal(parse("case", KV({ "kind", "lit_after_rev" }, { "filed", "2024-02-01" },
					  { "result", "upheld" }, { "closed", "2024-09-01" },
					  { "co_defendant", "是" }, { "application", "GK-2024-ABCD" }), &r, &e), 0);
	assert_int_equal(r.v[CASE_CO_DEFENDANT].i, 1);
	assert_string_equal(r.v[CASE_APPLICATION].s, "GK-2024-ABCD");

	refused("case", KV({ "kind", "rev" }, { "filed", "2024-02-01" }, { "closed", "2024-03-01" }),
		"result", "须写明结果");
	refused("case", KV({ "kind", "rev" }, { "filed", "2024-02-01" }, { "result", "corrected" }),
		"closed", "须写明结案日期");
	refused("case", KV({ "kind", "rev" }, { "filed", "2024-02-01" }, { "result", "other" },
			   { "closed", "2024-01-01" }), "closed", "早于 filed");
	refused("case", KV({ "kind", "rev" }, { "filed", "2024-02-01" }, { "co_defendant", "yes" }),
		"co_defendant", "只有行政诉讼");
	refused("case", KV({ "kind", "rev" }, { "filed", "2024-02-01" }, { "co_defendant", "maybe" }),
		"co_defendant", "只能是 yes 或 no");
}

static void test_feedback_and_news(void **state)
{
	struct reg_record r;
	struct gk_error e = { 0 };
	char ref[32];

	assert_int_equal(parse("feedback", KV({ "channel", "web" }, { "received", "2024-04-01" },
					      { "text", "路灯坏了\n请修" }), &r, &e), 0);
	refused("feedback", KV({ "channel", "web" }, { "received", "2024-04-01" },
			       { "text", "路灯坏了\r\n请修" }), "text", "含有控制字符");  /* only \n in a long text */
	refused("feedback", KV({ "channel", "fax" }, { "received", "2024-04-01" }, { "text", "x" }),
		"channel", "hotline, mailbox, web");
	refused("feedback", KV({ "channel", "web" }, { "received", "2024-04-01" }, { "text", "x" },
			       { "answered", "2024-03-01" }), "answered", "早于 received");
	refused("feedback", KV({ "channel", "web" }, { "received", "2024-04-01" }, { "text", "x" },
			       { "answer", "done" }), "answered", "须写明答复日期");
	reg_feedback_ref(2024, 7, ref);
	assert_string_equal(ref, "FB2024-00007");
	refused("news", KV({ "platform", "微信" }, { "date", "2024-04-01" }), "title", "必须填写");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normdoc),
		cmocka_unit_test(test_decision_shapes),
		cmocka_unit_test(test_fee_in_fen),
		cmocka_unit_test(test_case_rules),
		cmocka_unit_test(test_feedback_and_news),
	};
	int rc;

	arena_init(&A);
	rc = cmocka_run_group_tests_name("domain/register", tests, NULL, NULL);
	arena_free(&A);
	return rc;
}

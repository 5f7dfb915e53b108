/* test_catalogue_meta.c — 索引号 patterns, the topic tree, metadata checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/catalogue.h"
#include "text/date.h"

static void fmt(const char *pattern, const char *uscc, int y, int m, long long seq,
		const char *want)
{
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(catalogue_index_format(pattern, uscc, date_make(y, m, 1), seq, &b, NULL), 0);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void refused(const char *pattern, const char *uscc)
{
	struct buf b;
	struct gk_error e = { 0 };
	buf_init(&b, 0);
	assert_int_equal(catalogue_index_format(pattern, uscc, date_make(2024, 1, 1), 1, &b, &e),
			 ERR_INVALID);
	assert_string_equal(e.field, "index_pattern");
	buf_free(&b);
}

static void test_index_patterns(void **state)
{
	/* §3.2 examples */
	fmt(DOC_INDEX_PATTERN_DEFAULT, "11370900004341590P", 2017, 5, 150,
	    "11370900004341590P/2017-00150");
	fmt("{orgcode}/{yyyy}-{seq:05d}", "11370900004341590P", 2018, 1, 222,
	    "004341590/2018-00222");
	fmt("{uscc}/{yyyymm}-{seq:05d}", "11341702486344515H", 2021, 10, 13,
	    "11341702486344515H/202110-00013");
	fmt("zfb/{yyyy}-{seq:05d}", NULL, 2023, 3, 238, "zfb/2023-00238");
	fmt("X-{seq}", NULL, 2023, 3, 123456, "X-123456");
	refused("{uscc}/{yyyy}", "11370900004341590P");       /* no serial: would repeat */
	refused("{uscc}/{yyyy}-{seq:05d}", NULL);            /* organ without a code */
	refused("{region}/{seq}", NULL);
	refused("{seq", NULL);
}

static void test_topics(void **state)
{
	struct buf b;
	const struct topic *t = catalogue_topic_find("综合政务\\政务公开");

	assert_non_null(t);
	assert_string_equal(t->code, "02.01");
	assert_ptr_equal(catalogue_topic_find("综合政务/政务公开"), t);
	assert_ptr_equal(catalogue_topic_find("政务公开"), t);
	assert_ptr_equal(catalogue_topic_find("02.01"), t);
	assert_string_equal(catalogue_topic_find("卫生、体育\\医药管理")->code, "13.02");
	assert_string_equal(catalogue_topic_find("其他")->code, "22");  /* level 1 wins */
	assert_null(catalogue_topic_find("综合政务\\不存在"));
	assert_null(catalogue_topic_find("宇宙"));
	buf_init(&b, 0);
	assert_int_equal(catalogue_topic_path(t, &b), 0);
	assert_string_equal(buf_cstr(&b), "综合政务\\政务公开");
	buf_free(&b);
	assert_string_equal(catalogue_genre_find("规范性文件"), GENRE_NORMDOC);
	assert_null(catalogue_genre_find("小说"));
}

static void test_enum_parse(void **state)
{
	assert_int_equal(doc_enum_parse(doc_disclosure_ids, doc_disclosure_labels, DISCLOSURE__MAX,
					"on_request"), DISCLOSURE_ON_REQUEST);
	assert_int_equal(doc_enum_parse(doc_disclosure_ids, doc_disclosure_labels, DISCLOSURE__MAX,
					"不予公开"), DISCLOSURE_WITHHELD);
	assert_int_equal(doc_enum_parse(doc_validity_ids, doc_validity_labels, VALIDITY__MAX,
					"gone"), -1);
}

static void check_fails(const struct doc *d, const char *field)
{
	struct gk_error e = { 0 };
	assert_int_not_equal(catalogue_doc_check(d, &e), 0);
	assert_string_equal(e.field, field);
}

/* REQ 条例-14 */
static void test_doc_check(void **state)
{
	struct doc d = { .title = "关于印发办法的通知", .body = "正文\n第二行",
			 .disclosure = "proactive", .validity = "valid", .genre = "通知",
			 .topic = "综合政务\\政务公开", .signed_date = "2024-03-01" };
	assert_int_equal(catalogue_doc_check(&d, NULL), 0);
	d.disclosure = "withheld";
	check_fails(&d, "withheld_reason");
	d.withheld_reason = "涉及国家秘密";
	check_fails(&d, "withheld_ground");
	d.withheld_ground = "条例第十四条";
	assert_int_equal(catalogue_doc_check(&d, NULL), 0);
	d.validity = "repealed";
	check_fails(&d, "invalid_date");
	d.invalid_date = "2024-02-30";
	check_fails(&d, "invalid_date");
	d.invalid_date = "2024-02-01";
	check_fails(&d, "invalid_date");   /* before 成文日期 */
	d.invalid_date = "2024-05-01";
	assert_int_equal(catalogue_doc_check(&d, NULL), 0);
	d.genre = "小说";
	check_fails(&d, "genre");
	d.genre = "通知";
	d.disclosure = "secret";
	check_fails(&d, "disclosure");
	d.disclosure = "proactive";
	d.title = "a\x02title";
	check_fails(&d, "title");
	d.title = "";
	check_fails(&d, "title");
	d.title = "通知";
	/* the declaration's limits, named by the field's id with its label */
	d.doc_no = "〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔"
		   "〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔〔";  /* 67 × 3 = 201 bytes */
	check_fails(&d, "doc_no");
	d.doc_no = "慈政发\t〔2024〕1号";
	check_fails(&d, "doc_no");
	d.doc_no = NULL;
	d.genre = GENRE_NORMDOC;
	check_fails(&d, "doc_no");
	d.genre = "通知";
	d.signed_date = "2024-02-30";
	check_fails(&d, "signed_date");
	d.signed_date = "2024-03-01";
	d.effective_date = "2024-02-01";
	check_fails(&d, "effective_date");
	d.effective_date = NULL;
	d.body = "正文\x1b[31m";
	check_fails(&d, "body");
	d.body = "正文\t第二行\r\n";
	assert_int_equal(catalogue_doc_check(&d, NULL), 0);
}

/* An error carries the field's Chinese label beside its id. */
static void test_doc_error_label(void **state)
{
	struct doc d = { .title = "x", .body = "b", .disclosure = "withheld", .validity = "valid",
			 .withheld_reason = "r" };
	struct gk_error e = { 0 };

	(void)state;
	assert_int_not_equal(catalogue_doc_check(&d, &e), 0);
	assert_string_equal(e.field, "withheld_ground");
	assert_string_equal(e.label, "不予公开的依据");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index_patterns),
		cmocka_unit_test(test_topics),
		cmocka_unit_test(test_enum_parse),
		cmocka_unit_test(test_doc_check),
		cmocka_unit_test(test_doc_error_label),
	};
	return cmocka_run_group_tests_name("domain/catalogue_meta", tests, NULL, NULL);
}

/* test_query.c — user input becomes quoted, ANDed FTS5 phrases; nothing raw reaches MATCH. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "search/query.h"

static void check(const char *in, const char *want, int want_n)
{
	struct buf b;
	int n = -1;
	buf_init(&b, 0);
	assert_int_equal(search_query_build(in, &b, &n, NULL), 0);
	assert_string_equal(buf_cstr(&b), want);
	assert_int_equal(n, want_n);
	buf_free(&b);
}

static void refused(const char *in, int code)
{
	struct buf b;
	struct gk_error e = { 0 };
	buf_init(&b, 0);
	assert_int_equal(search_query_build(in, &b, NULL, &e), code);
	assert_string_equal(e.field, "query");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_chinese_term_is_a_phrase(void **state)
{
	check("公开", "\"公 开\"", 1);
	check("申", "\"申\"", 1);
}

static void test_terms_are_anded(void **state)
{
	check("政府 信息　公开", "\"政 府\" AND \"信 息\" AND \"公 开\"", 3);
}

static void test_quotes_group_a_phrase(void **state)
{
	check("\"open data\" 公开", "\"open data\" AND \"公 开\"", 2);
	check("“政府 信息”", "\"政 府 信 息\"", 1);
	check("\"unterminated phrase", "\"unterminated phrase\"", 1);
}

static void test_normalised_like_documents(void **state)
{
	check("條例", "\"条 例\"", 1);
	check("ＧＢ／Ｔ　３３４８０", "\"gb t\" AND \"33480\"", 2);
	check("慈政〔2024〕3号", "\"慈 政 2024 3 号\"", 1);
	check("11370900004341590P/2017-00150", "\"11370900004341590 p 2017 00150\"", 1);
}

static void test_metacharacters_are_harmless(void **state)
{
	check("a OR b", "\"a\" AND \"or\" AND \"b\"", 3);
	check("公开* NOT 申请", "\"公 开\" AND \"not\" AND \"申 请\"", 3);
	check("title:x \"\"\"y", "\"title x\" AND \"y\"", 2);
	check("'; DROP TABLE doc; --", "\"drop\" AND \"table\" AND \"doc\"", 3);
	check("NEAR(公 开) ^x", "\"near 公\" AND \"开\" AND \"x\"", 3);
}

static void test_limits(void **state)
{
	char big[QUERY_MAX_BYTES + 2];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	refused(big, ERR_LIMIT);
	refused("a b c d e f g h i", ERR_LIMIT);
	check("a b c d e f g h", "\"a\" AND \"b\" AND \"c\" AND \"d\" AND \"e\" AND \"f\" AND "
	      "\"g\" AND \"h\"", 8);
	refused("", ERR_INVALID);
	refused("*** 。。 \"\"", ERR_INVALID);
	refused("\xc3\x28", ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chinese_term_is_a_phrase),
		cmocka_unit_test(test_terms_are_anded),
		cmocka_unit_test(test_quotes_group_a_phrase),
		cmocka_unit_test(test_normalised_like_documents),
		cmocka_unit_test(test_metacharacters_are_harmless),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests_name("search/query", tests, NULL, NULL);
}

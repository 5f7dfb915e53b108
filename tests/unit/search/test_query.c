/* test_query.c — what a user typed becomes terms (each searched as a phrase, all required);
 * quotes group words, search syntax means nothing, limits are enforced. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/buf.h"
#include "search/query.h"

/* The terms of in joined by "|". */
static void check(const char *in, const char *want)
{
	struct search_terms t;
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(search_query_parse(in, &t, NULL), 0);
	for (int i = 0; i < t.n; i++) {
		if (i)
			assert_int_equal(buf_putc(&b, '|'), 0);
		assert_int_equal(buf_append(&b, t.term[i], t.len[i]), 0);
		assert_null(memchr(t.term[i], '"', t.len[i]));
	}
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void refused(const char *in, int code)
{
	struct search_terms t;
	struct gk_error e = { 0 };
	assert_int_equal(search_query_parse(in, &t, &e), code);
	assert_string_equal(e.field, "query");
	assert_int_equal(t.n, 0);
}

static void test_terms_split_at_spaces(void **state)
{
	check("公开", "公开");
	check("政府 信息　公开", "政府|信息|公开");
	check("  申  ", "申");
}

static void test_quotes_group_a_phrase(void **state)
{
	check("\"open data\" 公开", "open data|公开");
	check("“政府 信息”", "政府 信息");
	check("＂政府信息＂", "政府信息");
	check("\"unterminated phrase", "unterminated phrase");
}

static void test_terms_without_tokens_are_dropped(void **state)
{
	check("公开 *** 。。", "公开");
	check("title:x \"\"\"y", "title:x|y");
	check("'; DROP TABLE doc; --", "DROP|TABLE|doc;");
}

static void test_without_a_term(void **state)
{
	struct search_terms t, w;
	assert_int_equal(search_query_parse("土地 流转 名单", &t, NULL), 0);
	search_terms_without(&t, 1, &w);
	assert_int_equal(w.n, 2);
	assert_memory_equal(w.term[0], "土地", 6);
	assert_memory_equal(w.term[1], "名单", 6);
}

static void test_limits(void **state)
{
	char big[QUERY_MAX_BYTES + 2];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	refused(big, ERR_LIMIT);
	refused("a b c d e f g h i", ERR_LIMIT);
	check("a b c d e f g h", "a|b|c|d|e|f|g|h");
	refused("", ERR_INVALID);
	refused("*** 。。 \"\"", ERR_INVALID);
	refused("\xc3\x28", ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms_split_at_spaces),
		cmocka_unit_test(test_quotes_group_a_phrase),
		cmocka_unit_test(test_terms_without_tokens_are_dropped),
		cmocka_unit_test(test_without_a_term),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests_name("search/query", tests, NULL, NULL);
}

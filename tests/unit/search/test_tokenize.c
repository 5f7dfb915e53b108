/* test_tokenize.c — what the search tokenizer makes of Chinese, mixed and odd text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/buf.h"
#include "search/tokenize.h"

struct collect {
	struct buf out;    /* tokens joined by '|' */
	struct buf spans;  /* the original text of each token joined by '|' */
	const char *text;
};

static int collect(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct collect *c = ctx;
	if (c->out.len)
		assert_int_equal(buf_putc(&c->out, '|'), 0);
	assert_int_equal(buf_append(&c->out, tok, len), 0);
	if (c->spans.len)
		assert_int_equal(buf_putc(&c->spans, '|'), 0);
	assert_int_equal(buf_append(&c->spans, c->text + start, end - start), 0);
	return 0;
}

static void check(const char *in, const char *want, const char *want_spans)
{
	struct collect c = { .text = in };
	buf_init(&c.out, 0);
	buf_init(&c.spans, 0);
	assert_int_equal(search_tokenize(in, strlen(in), collect, &c), 0);
	assert_string_equal(buf_cstr(&c.out), want);
	if (want_spans)
		assert_string_equal(buf_cstr(&c.spans), want_spans);
	buf_free(&c.out);
	buf_free(&c.spans);
}

static void test_han_each_character(void **state)
{
	check("政府信息公开", "政|府|信|息|公|开", NULL);
	check("申", "申", NULL);
}

static void test_traditional_folds_to_simplified(void **state)
{
	/* the token is simplified, the span is still the original traditional character */
	check("條例", "条|例", "條|例");
	check("政府資訊公開", "政|府|资|讯|公|开", "政|府|資|訊|公|開");
}

static void test_words_and_digits(void **state)
{
	check("Hello WORLD 2024年", "hello|world|2024|年", NULL);
	check("ＡＢＣ１２３", "abc|123", "ＡＢＣ|１２３");
	check("慈政〔2024〕3号", "慈|政|2024|3|号", NULL);
	check("11370900004341590P/2017-00150", "11370900004341590|p|2017|00150", NULL);
	check("Café", "café", NULL);
}

static void test_punctuation_and_metacharacters_separate(void **state)
{
	check("“公开”、（一）！", "公|开|一", NULL);
	check("a* OR b\" NEAR(c) -d ^e:f", "a|or|b|near|c|d|e|f", NULL);
	check("", "", NULL);
	check("，。；", "", NULL);
}

static void test_invalid_utf8_skipped(void **state)
{
	check("公\xff开", "公|开", NULL);
}

static void test_long_run_is_cut(void **state)
{
	char in[200];
	memset(in, 'a', 150);
	in[150] = '\0';
	struct collect c = { .text = in };
	buf_init(&c.out, 0);
	buf_init(&c.spans, 0);
	assert_int_equal(search_tokenize(in, 150, collect, &c), 0);
	assert_int_equal(c.out.len, 150 + 2);  /* 64 + 64 + 22 with two separators */
	buf_free(&c.out);
	buf_free(&c.spans);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_han_each_character),
		cmocka_unit_test(test_traditional_folds_to_simplified),
		cmocka_unit_test(test_words_and_digits),
		cmocka_unit_test(test_punctuation_and_metacharacters_separate),
		cmocka_unit_test(test_invalid_utf8_skipped),
		cmocka_unit_test(test_long_run_is_cut),
	};
	return cmocka_run_group_tests_name("search/tokenize", tests, NULL, NULL);
}

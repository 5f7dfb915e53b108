/* test_tokenize.c — what the search tokenizer makes of Chinese, mixed and odd text: in a
 * document each Han character with the bigram it starts at the same position ("+"), in a query
 * the chain of bigrams that finds the same positions. */
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

static int collect(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	struct collect *c = ctx;
	if (c->out.len)
		assert_int_equal(buf_putc(&c->out, (flags & SEARCH_TOKEN_COLOCATED) ? '+' : '|'), 0);
	assert_int_equal(buf_append(&c->out, tok, len), 0);
	if (c->spans.len)
		assert_int_equal(buf_putc(&c->spans, (flags & SEARCH_TOKEN_COLOCATED) ? '+' : '|'), 0);
	assert_int_equal(buf_append(&c->spans, c->text + start, end - start), 0);
	return 0;
}

static void check_mode(enum search_tok_mode mode, const char *in, const char *want,
		       const char *want_spans)
{
	struct collect c = { .text = in };
	buf_init(&c.out, 0);
	buf_init(&c.spans, 0);
	assert_int_equal(search_tokenize(in, strlen(in), mode, collect, &c), 0);
	assert_string_equal(buf_cstr(&c.out), want);
	if (want_spans)
		assert_string_equal(buf_cstr(&c.spans), want_spans);
	buf_free(&c.out);
	buf_free(&c.spans);
}

static void check(const char *in, const char *want, const char *want_spans)
{
	check_mode(SEARCH_TOK_DOCUMENT, in, want, want_spans);
}

static void check_query(const char *in, const char *want, const char *want_spans)
{
	check_mode(SEARCH_TOK_QUERY, in, want, want_spans);
}

static void test_han_character_and_bigram(void **state)
{
	check("政府信息公开", "政+政府|府+府信|信+信息|息+息公|公+公开|开",
	      "政+政府|府+府信|信+信息|息+息公|公+公开|开");
	check("申", "申", NULL);
	check("公开，透明", "公+公开|开|透+透明|明", NULL);  /* no bigram across punctuation */
}

static void test_space_between_characters_joins(void **state)
{
	/* a space or a line break between two Han characters is layout: the bigram crosses it
	 * (a padded name, a printed line ending inside a word), and marks the text as written */
	check("王　芳", "王+王芳|芳", "王+王　芳|芳");
	check("王  芳", "王+王芳|芳", "王+王  芳|芳");
	check("政府信\n息公开", "政+政府|府+府信|信+信息|息+息公|公+公开|开",
	      "政+政府|府+府信|信+信\n息|息+息公|公+公开|开");
	check("通 \r\n 知", "通+通知|知", NULL);
	check_query("王　芳", "王芳", "王　芳");
	check_query("政府 信息", "政府|府信|信息", NULL);
	/* punctuation, a tab (a table's cells), a form feed (a page) still separate */
	check("王芳\t村委会", "王+王芳|芳|村+村委|委+委会|会", NULL);
	check("公开\f透明", "公+公开|开|透+透明|明", NULL);
	check("公开， 透明", "公+公开|开|透+透明|明", NULL);
	check("公开 ，透明", "公+公开|开|透+透明|明", NULL);
	/* and a space beside a letter or a digit is a separator as before */
	check("第 3 条", "第|3|条", NULL);
	check_query("第 3 条", "第|3|条", NULL);
}

static void test_query_is_a_chain_of_bigrams(void **state)
{
	check_query("申", "申", NULL);
	check_query("公开", "公开", "公开");
	check_query("乡村振兴", "乡村|村振|振兴", NULL);
	/* a Han run followed by more tokens ends with its last character, to stay aligned */
	check_query("慈政〔2024〕3号", "慈政|政|2024|3|号", "慈政|政|2024|3|号");
	check_query("2024年", "2024|年", NULL);
	check_query("第3号文件", "第|3|号文|文件", NULL);
	check_query("公开，透明", "公开|开|透明", NULL);
}

static void test_traditional_folds_to_simplified(void **state)
{
	/* the token is simplified, the span is still the original traditional character */
	check("條例", "条+条例|例", "條+條例|例");
	check_query("政府資訊公開", "政府|府资|资讯|讯公|公开", "政府|府資|資訊|訊公|公開");
}

static void test_words_and_digits(void **state)
{
	check("Hello WORLD 2024年", "hello|world|2024|年", NULL);
	check("ＡＢＣ１２３", "abc|123", "ＡＢＣ|１２３");
	check("慈政〔2024〕3号", "慈+慈政|政|2024|3|号", NULL);
	check("11370900004341590P/2017-00150", "11370900004341590|p|2017|00150", NULL);
	check("Café", "café", NULL);
}

static void test_punctuation_and_metacharacters_separate(void **state)
{
	check("“公开”、（一）！", "公+公开|开|一", NULL);
	check("a* OR b\" NEAR(c) -d ^e:f", "a|or|b|near|c|d|e|f", NULL);
	check("", "", NULL);
	check("，。；", "", NULL);
}

static void test_invalid_utf8_skipped(void **state)
{
	check("公\xff开", "公|开", NULL);
	check_query("公\xff开", "公|开", NULL);
}

static void test_long_run_is_cut(void **state)
{
	char in[200];
	memset(in, 'a', 150);
	in[150] = '\0';
	struct collect c = { .text = in };
	buf_init(&c.out, 0);
	buf_init(&c.spans, 0);
	assert_int_equal(search_tokenize(in, 150, SEARCH_TOK_DOCUMENT, collect, &c), 0);
	assert_int_equal(c.out.len, 150 + 2);  /* 64 + 64 + 22 with two separators */
	buf_free(&c.out);
	buf_free(&c.spans);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_han_character_and_bigram),
		cmocka_unit_test(test_space_between_characters_joins),
		cmocka_unit_test(test_query_is_a_chain_of_bigrams),
		cmocka_unit_test(test_traditional_folds_to_simplified),
		cmocka_unit_test(test_words_and_digits),
		cmocka_unit_test(test_punctuation_and_metacharacters_separate),
		cmocka_unit_test(test_invalid_utf8_skipped),
		cmocka_unit_test(test_long_run_is_cut),
	};
	return cmocka_run_group_tests_name("search/tokenize", tests, NULL, NULL);
}

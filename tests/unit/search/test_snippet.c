/* test_snippet.c — the passage shown under a result: the terms marked where the index found
 * them, in the text as written, cut around the first occurrence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/buf.h"
#include "search/snippet.h"

/* The snippet of text for query with [ ] for the marks; *at the first occurrence. */
static const char *snip(const char *text, const char *query, size_t window, size_t *at)
{
	static char out[4096];
	struct search_terms t;
	struct buf b;
	size_t k = 0;

	buf_init(&b, 0);
	assert_int_equal(search_query_parse(query, &t, NULL), 0);
	assert_int_equal(search_snippet(text, strlen(text), &t, window, &b, at), 0);
	for (const char *p = buf_cstr(&b); *p && k + 1 < sizeof out; p++)
		out[k++] = *p == '\x02' ? '[' : *p == '\x03' ? ']' : *p;
	out[k] = '\0';
	buf_free(&b);
	return out;
}

static void test_marks_every_occurrence(void **state)
{
	assert_string_equal(snip("政府信息公开，公开透明。", "公开", 0, NULL),
			    "政府信息[公开]，[公开]透明。");
	assert_string_equal(snip("土地承包与土地流转", "土地 流转", 0, NULL),
			    "[土地]承包与[土地][流转]");
	assert_string_equal(snip("开公不是公开", "公开", 0, NULL), "开公不是[公开]");
}

static void test_punctuation_between_characters(void **state)
{
	/* a pair of characters with punctuation between them is not the word the index finds
	 * (it holds no bigram across the mark): 安全、生产 is not 安全生产 */
	assert_string_equal(snip("安全、生产和安全生产", "安全生产", 0, NULL), "安全、生产和[安全生产]");
	assert_string_equal(snip("政府、\n信息公开", "政府信息", 0, NULL), "政府、 信息公开");
	/* a line break or a space alone is layout: the word is found across it, and marked */
	assert_string_equal(snip("政府\n信息公开", "政府信息", 0, NULL), "[政府 信息]公开");
	assert_string_equal(snip("王　芳、李秀英", "王芳", 0, NULL), "[王　芳]、李秀英");
	/* punctuation in the term joins nothing: the index finds its parts next to each other,
	 * with or without a mark between them in the text */
	assert_string_equal(snip("安全、生产和安全生产", "安全、生产", 0, NULL),
			    "[安全、生产]和[安全生产]");
	/* nor does a term's character bind across a letter or a digit */
	assert_string_equal(snip("第3条和第 3 条", "第3条", 0, NULL), "[第3条]和[第 3 条]");
}

static void test_original_text_is_kept(void **state)
{
	/* traditional and full-width text is found by its folded form and shown as written */
	assert_string_equal(snip("依據《條例》第十條", "条例", 0, NULL), "依據《[條例]》第十條");
	assert_string_equal(snip("ＧＢ／Ｔ ３３４８０", "gb/t", 0, NULL), "[ＧＢ／Ｔ] ３３４８０");
	assert_string_equal(snip("慈政〔2024〕3号文件", "慈政〔2024〕3号", 0, NULL),
			    "[慈政〔2024〕3号]文件");
}

static void test_window_around_first_occurrence(void **state)
{
	char text[4096] = "";
	size_t at;
	const char *s;

	for (int i = 0; i < 40; i++)
		strcat(text, "一二三四五。");
	strcat(text, "这里有乡村振兴的内容。");
	for (int i = 0; i < 40; i++)
		strcat(text, "六七八九十。");
	s = snip(text, "乡村振兴", 30, &at);
	assert_int_equal(at, strstr(text, "乡村振兴") - text);
	assert_non_null(strstr(s, "[乡村振兴]"));
	assert_memory_equal(s, "…这里有", strlen("…这里有"));  /* from the sentence's start */
	assert_non_null(strstr(s, "…") != s ? s : strstr(s + 3, "…"));
	/* not found: the beginning, *at = the length */
	s = snip("一二三四五六七八九十", "乡村", 4, &at);
	assert_string_equal(s, "一二三四…");
	assert_int_equal(at, strlen("一二三四五六七八九十"));
}

static void test_control_characters_become_spaces(void **state)
{
	assert_string_equal(snip("第一页\f第二页\x02公开\x03", "公开", 0, NULL),
			    "第一页 第二页 [公开] ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_every_occurrence),
		cmocka_unit_test(test_punctuation_between_characters),
		cmocka_unit_test(test_original_text_is_kept),
		cmocka_unit_test(test_window_around_first_occurrence),
		cmocka_unit_test(test_control_characters_become_spaces),
	};
	return cmocka_run_group_tests_name("search/snippet", tests, NULL, NULL);
}

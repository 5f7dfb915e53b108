/* test_snippet.c — snippets and feeds are escaped before any markup is added. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "render/guide.h"
#include "render/snippet.h"

static void test_snippet_html_escapes_then_marks(void **state)
{
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(render_snippet_html(&b, "<script>\x02公开\x03 & \"x\"\x02" "a"), 0);
	assert_string_equal(buf_cstr(&b), "&lt;script&gt;<mark>公开</mark> &amp; &quot;x&quot;"
			    "<mark>a</mark>");
	buf_reset(&b);
	assert_int_equal(render_snippet_text(&b, "\x03x\x02y\x03", "«", "»"), 0);
	assert_string_equal(buf_cstr(&b), "x«y»");
	buf_free(&b);
}

static void test_atom_escapes(void **state)
{
	struct atom_entry en = { .id = "urn:gongkai:index:a/1", .title = "A & <B>",
				 .link = "https://x/docs/1?a=1&b=2", .updated = "2024-01-01T00:00:00+08:00",
				 .published = "2024-01-01T00:00:00+08:00", .author = "镇" };
	struct atom_feed f = { .id = "https://x/feed.xml", .title = "t", .updated = "u",
			       .entries = &en, .n = 1 };
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(render_atom(&b, &f), 0);
	assert_non_null(strstr(buf_cstr(&b), "<title>A &amp; &lt;B&gt;</title>"));
	assert_non_null(strstr(buf_cstr(&b), "href=\"https://x/docs/1?a=1&amp;b=2\""));
	assert_null(strstr(buf_cstr(&b), "<B>"));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_snippet_html_escapes_then_marks),
		cmocka_unit_test(test_atom_escapes),
	};
	return cmocka_run_group_tests_name("render/snippet", tests, NULL, NULL);
}

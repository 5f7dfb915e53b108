/* test_tpl.c — the template engine escapes by default, repeats lists, hides empty sections,
 * includes partials, and refuses malformed templates with the line that is wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "render/tpl.h"

static char *render(const char *src, struct tpl_val *ctx, struct arena *a)
{
	struct tpl_set *set = tpl_set_new();
	struct gk_error e = { 0 };
	struct buf out;
	char *s;

	buf_init(&out, 0);
	assert_int_equal(tpl_set_add(set, "partial", "[{{name}}]", 10, &e), 0);
	assert_int_equal(tpl_set_add(set, "t", src, strlen(src), &e), 0);
	assert_int_equal(tpl_render(set, "t", ctx, &out, &e), 0);
	s = arena_strdup(a, buf_cstr(&out));
	buf_free(&out);
	tpl_set_free(set);
	return s;
}

static void test_escapes_by_default(void **state)
{
	struct arena a;
	arena_init(&a);
	struct tpl_val *v = tpl_obj(&a);
	tpl_put_str(v, "x", "<script>alert('x')</script>&\"");
	assert_string_equal(render("<p title=\"{{x}}\">{{x}}</p>", v, &a),
			    "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;\">"
			    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;</p>");
	/* raw only when the template asks for it */
	tpl_put_str(v, "safe", "<b>粗</b>");
	assert_string_equal(render("{{{safe}}}{{&safe}}", v, &a), "<b>粗</b><b>粗</b>");
	arena_free(&a);
}

static void test_sections_lists_inverted(void **state)
{
	struct arena a;
	arena_init(&a);
	struct tpl_val *v = tpl_obj(&a);
	struct tpl_val *l = tpl_put_list(v, "docs");
	struct tpl_val *d = tpl_push_obj(l);
	tpl_put_str(d, "title", "通知");
	tpl_put_int(d, "id", 7);
	d = tpl_push_obj(l);
	tpl_put_str(d, "title", "公告");
	tpl_put_int(d, "id", 8);
	tpl_put_list(v, "none");
	tpl_put_str(v, "site", "慈周寨镇");
	assert_string_equal(render("{{#docs}}<a href=\"/doc/{{id}}\">{{title}}</a>{{site}};{{/docs}}", v, &a),
			    "<a href=\"/doc/7\">通知</a>慈周寨镇;<a href=\"/doc/8\">公告</a>慈周寨镇;");
	assert_string_equal(render("{{#none}}x{{/none}}{{^none}}暂无{{/none}}{{^missing}}!{{/missing}}", v, &a),
			    "暂无!");
	tpl_put_bool(v, "yes", 1);
	tpl_put_bool(v, "no", 0);
	tpl_put_str(v, "empty", "");
	assert_string_equal(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}", v, &a),
			    "Ye");
	arena_free(&a);
}

/* A handler reads back what it put (the error beside a form field). */
static void test_get_str(void **state)
{
	struct arena a;
	arena_init(&a);
	struct tpl_val *v = tpl_obj(&a);
	tpl_put_str(v, "issued", "no such date: 2024-02-30");
	tpl_put_int(v, "n", 3);
	tpl_put_obj(v, "child");
	assert_string_equal(tpl_get_str(v, "issued"), "no such date: 2024-02-30");
	assert_string_equal(tpl_get_str(v, "n"), "3");
	assert_null(tpl_get_str(v, "title"));
	assert_null(tpl_get_str(v, "child"));
	assert_null(tpl_get_str(NULL, "issued"));
	arena_free(&a);
}

static void test_dotted_partials_comments(void **state)
{
	struct arena a;
	arena_init(&a);
	struct tpl_val *v = tpl_obj(&a);
	struct tpl_val *u = tpl_put_obj(v, "user");
	tpl_put_str(u, "name", "张三");
	tpl_put_str(v, "name", "外层");
	struct tpl_val *tags = tpl_put_list(v, "tags");
	tpl_push_str(tags, "a<b");
	tpl_push_str(tags, "c");
	assert_string_equal(render("{{user.name}}{{! ignored }}{{>partial}}{{#user}}{{>partial}}{{/user}}", v, &a),
			    "张三[外层][张三]");
	assert_string_equal(render("{{#tags}}<{{.}}>{{/tags}}", v, &a), "<a&lt;b><c>");
	assert_string_equal(render("{{user.missing}}{{nope.x}}|", v, &a), "|");
	arena_free(&a);
}

static void test_malformed_templates_refused(void **state)
{
	static const char *bad[] = {
		"{{#a}}never closed", "{{/a}}", "{{#a}}{{/b}}", "{{unclosed", "{{}}", "{{a b}}",
		"line1\n{{#x}}\n{{/y}}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct tpl_set *set = tpl_set_new();
		struct gk_error e = { 0 };
		assert_int_not_equal(tpl_set_add(set, "bad", bad[i], strlen(bad[i]), &e), 0);
		assert_string_equal(e.field, "bad");
		tpl_set_free(set);
	}
	struct tpl_set *set = tpl_set_new();
	struct gk_error e = { 0 };
	assert_int_not_equal(tpl_set_add(set, "bad", bad[6], strlen(bad[6]), &e), 0);
	assert_non_null(strstr(e.msg, "line 3"));
	/* an unknown partial is an error at render time, not a crash */
	struct buf out;
	buf_init(&out, 0);
	assert_int_equal(tpl_set_add(set, "p", "{{>nope}}", 9, &e), 0);
	assert_int_equal(tpl_render(set, "p", NULL, &out, &e), ERR_NOTFOUND);
	assert_int_equal(tpl_render(set, "absent", NULL, &out, &e), ERR_NOTFOUND);
	buf_free(&out);
	tpl_set_free(set);
}

static void test_self_including_partial_is_bounded(void **state)
{
	struct tpl_set *set = tpl_set_new();
	struct gk_error e = { 0 };
	struct buf out;
	buf_init(&out, 0);
	assert_int_equal(tpl_set_add(set, "loop", "x{{>loop}}", 10, &e), 0);
	assert_int_equal(tpl_render(set, "loop", NULL, &out, &e), ERR_LIMIT);
	buf_free(&out);
	tpl_set_free(set);
}

static void test_output_limit(void **state)
{
	struct arena a;
	arena_init(&a);
	struct tpl_set *set = tpl_set_new();
	struct gk_error e = { 0 };
	struct tpl_val *v = tpl_obj(&a);
	struct tpl_val *l = tpl_put_list(v, "l");
	struct buf out;
	for (int i = 0; i < 100; i++)
		tpl_push_str(l, "0123456789");
	buf_init(&out, 64);
	assert_int_equal(tpl_set_add(set, "t", "{{#l}}{{.}}{{/l}}", 17, &e), 0);
	assert_int_equal(tpl_render(set, "t", v, &out, &e), ERR_LIMIT);
	buf_free(&out);
	tpl_set_free(set);
	arena_free(&a);
}

static void test_shipped_templates_load(void **state)
{
	struct tpl_set *set = tpl_set_new();
	struct gk_error e = { 0 };
	int rc = tpl_set_load_dir(set, GK_TEST_SOURCE_DIR "/templates", &e);
	if (rc)
		fail_msg("%s: %s", e.field, e.msg);
	assert_true(tpl_set_has(set, "layout"));
	assert_true(tpl_set_has(set, "error"));
	tpl_set_free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes_by_default),
		cmocka_unit_test(test_sections_lists_inverted),
		cmocka_unit_test(test_get_str),
		cmocka_unit_test(test_dotted_partials_comments),
		cmocka_unit_test(test_malformed_templates_refused),
		cmocka_unit_test(test_self_including_partial_is_bounded),
		cmocka_unit_test(test_output_limit),
		cmocka_unit_test(test_shipped_templates_load),
	};
	return cmocka_run_group_tests_name("render/tpl", tests, NULL, NULL);
}

/* test_form.c — request bodies: urlencoded and multipart parse into fields (Chinese text, file
 * parts), malformed bodies are refused with a message, oversized file parts are ERR_LIMIT. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/form.h"

static void test_urlencoded(void **state)
{
	struct arena a;
	struct form f = { 0 };
	struct gk_error e = { 0 };
	arena_init(&a);
	const char *body = "name=%E5%BC%A0%E4%B8%89&q=a+b%26c&empty=&flag&&x=1";
	assert_int_equal(form_parse_urlencoded(&a, &f, body, strlen(body), &e), 0);
	assert_string_equal(form_get(&f, "name")->value, "张三");
	assert_string_equal(form_get(&f, "q")->value, "a b&c");
	assert_string_equal(form_get(&f, "empty")->value, "");
	assert_string_equal(form_get(&f, "flag")->value, "");
	assert_string_equal(form_get(&f, "x")->value, "1");
	assert_null(form_get(&f, "nope"));
	struct form g = { 0 };
	assert_int_equal(form_parse_urlencoded(&a, &g, "a=%zz", 5, &e), ERR_INVALID);
	assert_int_equal(form_parse_urlencoded(&a, &g, "a=%4", 4, &e), ERR_INVALID);
	arena_free(&a);
}

static void test_multipart(void **state)
{
	struct arena a;
	struct form f = { 0 };
	struct gk_error e = { 0 };
	arena_init(&a);
	const char body[] =
		"preamble\r\n--BOUND\r\n"
		"Content-Disposition: form-data; name=\"title\"\r\n\r\n"
		"关于;\"公开\"\r\n"
		"--BOUND\r\n"
		"Content-Disposition: form-data; name=\"file\"; filename=\"a;b.txt\"\r\n"
		"Content-Type: text/plain\r\n\r\n"
		"line1\r\nline2\0bin\r\n"
		"--BOUND--\r\n";
	assert_int_equal(form_parse_multipart(&a, &f, "multipart/form-data; boundary=BOUND", body,
					      sizeof body - 1, 1000, &e), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(form_get(&f, "title")->value, "关于;\"公开\"");
	const struct form_field *file = form_get(&f, "file");
	assert_string_equal(file->filename, "a;b.txt");
	assert_string_equal(file->content_type, "text/plain");
	assert_int_equal(file->len, 16);
	assert_memory_equal(file->value, "line1\r\nline2\0bin", 16);
	/* the quoted boundary form, and a file over the limit */
	struct form g = { 0 };
	assert_int_equal(form_parse_multipart(&a, &g, "multipart/form-data; boundary=\"BOUND\"", body,
					      sizeof body - 1, 10, &e), ERR_LIMIT);
	arena_free(&a);
}

static void test_malformed_multipart(void **state)
{
	static const char *bad[] = {
		"no delimiter at all",
		"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",
		"--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--",
		"--B\r\nX-Other: 1\r\n\r\nx\r\n--B--",
		"--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--",
		"--B\r\nContent-Disposition: form-data; name=\"a\"",
		"--Bgarbage",
		"--B\r\nbroken header line\r\n\r\nx\r\n--B--",
	};
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct form f = { 0 };
		struct gk_error e = { 0 };
		assert_int_equal(form_parse_multipart(&a, &f, "multipart/form-data; boundary=B", bad[i],
						      strlen(bad[i]), 1000, &e), ERR_INVALID);
		assert_true(strlen(e.msg) > 0);
	}
	struct form f = { 0 };
	struct gk_error e = { 0 };
	assert_int_equal(form_parse_multipart(&a, &f, "multipart/form-data", "--B--", 5, 10, &e),
			 ERR_INVALID);
	assert_non_null(strstr(e.msg, "boundary"));
	arena_free(&a);
}

static void test_field_count_capped(void **state)
{
	struct arena a;
	struct form f = { 0 };
	struct gk_error e = { 0 };
	char body[4096] = "";
	arena_init(&a);
	for (int i = 0; i < FORM_MAX_FIELDS + 5; i++)
		strncat(body, "a=1&", sizeof body - strlen(body) - 1);
	assert_int_equal(form_parse_urlencoded(&a, &f, body, strlen(body), &e), ERR_LIMIT);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_malformed_multipart),
		cmocka_unit_test(test_field_count_capped),
	};
	return cmocka_run_group_tests_name("web/form", tests, NULL, NULL);
}

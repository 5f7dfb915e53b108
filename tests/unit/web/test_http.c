/* test_http.c — the Content-Disposition of downloads (RFC 6266 / 5987): a Chinese name is
 * percent-encoded UTF-8 with an ASCII fallback keeping the extension; an ASCII name is its own
 * fallback; quotes, semicolons, backslashes and line breaks never reach the header raw. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/http.h"

static void test_chinese_name(void **state)
{
	struct arena a;
	arena_init(&a);
	assert_string_equal(http_content_disposition(&a, "通知 附表.pdf", "attachment-7-1"),
			    "attachment; filename=\"attachment-7-1.pdf\"; "
			    "filename*=UTF-8''%E9%80%9A%E7%9F%A5%20%E9%99%84%E8%A1%A8.pdf");
	/* no usable extension: the stem alone */
	assert_string_equal(http_content_disposition(&a, "名单", "f"),
			    "attachment; filename=\"f\"; filename*=UTF-8''%E5%90%8D%E5%8D%95");
	assert_string_equal(http_content_disposition(&a, "表.p df", "f"),
			    "attachment; filename=\"f\"; filename*=UTF-8''%E8%A1%A8.p%20df");
	arena_free(&a);
}

static void test_ascii_name(void **state)
{
	struct arena a;
	arena_init(&a);
	assert_string_equal(http_content_disposition(&a, "report-1-2024-r1.pdf", "report"),
			    "attachment; filename=\"report-1-2024-r1.pdf\"; "
			    "filename*=UTF-8''report-1-2024-r1.pdf");
	assert_string_equal(http_content_disposition(&a, "map (1).png", "f"),
			    "attachment; filename=\"map (1).png\"; filename*=UTF-8''map%20%281%29.png");
	arena_free(&a);
}

static void test_hostile_name(void **state)
{
	struct arena a;
	const char *v;
	arena_init(&a);
	v = http_content_disposition(&a, "x\"; filename=evil.exe\r\nSet-Cookie: a=b\\.png", "f");
	assert_string_equal(v, "attachment; filename=\"f.png\"; filename*=UTF-8''"
			       "x%22%3B%20filename%3Devil.exe%0D%0ASet-Cookie%3A%20a%3Db%5C.png");
	assert_null(strchr(v, '\r'));
	v = http_content_disposition(&a, "100%.pdf", "f");
	assert_string_equal(v, "attachment; filename=\"f.pdf\"; filename*=UTF-8''100%25.pdf");
	v = http_content_disposition(&a, "", "f");
	assert_string_equal(v, "attachment; filename=\"f\"; filename*=UTF-8''");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chinese_name),
		cmocka_unit_test(test_ascii_name),
		cmocka_unit_test(test_hostile_name),
	};
	return cmocka_run_group_tests_name("web/http", tests, NULL, NULL);
}

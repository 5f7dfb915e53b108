/* test_normalise.c — full-width, case and traditional characters all match after normalising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/normalise.h"

static void check(const char *in, const char *want)
{
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(text_normalise(in, strlen(in), &b, NULL), 0);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void test_fullwidth_and_case(void **state)
{
	check("ＡＢＣ１２３", "abc123");
	check("（一）予以公开", "(一)予以公开");
	check("慈政〔2024〕3号", "慈政〔2024〕3号");
}

static void test_traditional(void **state)
{
	check("政府資訊公開條例", "政府资讯公开条例");
	check("第二十條第(一)項", "第二十条第(一)项");
}

static void test_invalid_utf8_refused(void **state)
{
	struct buf b;
	struct gk_error e = { 0 };
	buf_init(&b, 0);
	assert_int_equal(text_normalise("\xff\xfe", 2, &b, &e), ERR_INVALID);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fullwidth_and_case),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_invalid_utf8_refused),
	};
	return cmocka_run_group_tests_name("text/normalise", tests, NULL, NULL);
}

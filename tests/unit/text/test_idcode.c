/* test_idcode.c — USCC (GB 32100) and 居民身份证 (GB 11643) check characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/idcode.h"

/* REQ GB32100-check */
static void test_uscc_real_codes(void **state)
{
	/* real organs' codes (spec index-and-catalogue.md §3.2 examples) */
	static const char *good[] = { "11370900004341590P", "11500000MB1B37366Q",
				      "11370812004339255B", "113708280043326001" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_int_equal(idcode_uscc_validate(good[i], "--agency-code", NULL), 0);
	assert_int_equal(idcode_uscc_check_char("11370900004341590"), 'P');
}

static void test_uscc_refusals(void **state)
{
	struct gk_error e = { 0 };

	/* one wrong check character */
	assert_int_equal(idcode_uscc_validate("11370900004341591P", "--agency-code", &e), ERR_INVALID);
	assert_string_equal(e.field, "--agency-code");
	assert_non_null(strstr(e.msg, "expected"));
	/* every single-character change of the body is caught */
	char code[] = "11370812004339255B";
	for (int i = 0; i < 17; i++) {
		char keep = code[i];
		code[i] = keep == '1' ? '2' : '1';
		assert_int_not_equal(idcode_uscc_validate(code, "x", NULL), 0);
		code[i] = keep;
	}
	assert_int_equal(idcode_uscc_validate("1137081200433925", "x", &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "18"));
	/* letters outside the alphabet: I O S V Z, and lower case */
	assert_int_equal(idcode_uscc_validate("1137081200433925IB", "x", &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "'I'"));
	assert_int_equal(idcode_uscc_validate("11500000mb1b37366q", "x", NULL), ERR_INVALID);
}

/* REQ GB11643-check */
static void test_resident_id(void **state)
{
	struct gk_error e = { 0 };

	/* the GB 11643-1999 example number */
	assert_int_equal(idcode_resident_id_validate("11010519491231002X", "--id-number", NULL), 0);
	assert_int_equal(idcode_resident_id_validate("11010519491231002x", "--id-number", NULL), 0);
	assert_int_equal(idcode_resident_id_check_char("11010519491231002"), 'X');
	/* wrong check digit */
	assert_int_equal(idcode_resident_id_validate("110105194912310021", "--id-number", &e), ERR_INVALID);
	assert_string_equal(e.field, "--id-number");
	assert_non_null(strstr(e.msg, "expected 'X'"));
	/* impossible birth date 1949-02-30 (check digit computed for it, so only the date is wrong) */
	char bad[19] = "11010519490230002";
	bad[17] = idcode_resident_id_check_char(bad);
	bad[18] = '\0';
	assert_int_equal(idcode_resident_id_validate(bad, "x", &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "birth date"));
	/* length and digits */
	assert_int_equal(idcode_resident_id_validate("11010519491231002", "x", &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "18"));
	assert_int_equal(idcode_resident_id_validate("1101051949123A002X", "x", NULL), ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uscc_real_codes),
		cmocka_unit_test(test_uscc_refusals),
		cmocka_unit_test(test_resident_id),
	};
	return cmocka_run_group_tests_name("text/idcode", tests, NULL, NULL);
}

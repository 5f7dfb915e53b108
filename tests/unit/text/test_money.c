/* test_money.c — amounts in 元 parsed exactly into 分 and shown in 万元 (Table 二 fee column). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/money.h"

static void test_parse_yuan(void **state)
{
	int64_t fen;
	struct gk_error e = { 0 };

	assert_int_equal(money_parse_yuan("1234.56", &fen, "amount", &e), 0);
	assert_int_equal(fen, 123456);
	assert_int_equal(money_parse_yuan("1234.5", &fen, "amount", &e), 0);
	assert_int_equal(fen, 123450);
	assert_int_equal(money_parse_yuan("0", &fen, "amount", &e), 0);
	assert_int_equal(fen, 0);
	assert_int_equal(money_parse_yuan("0.01", &fen, "amount", &e), 0);
	assert_int_equal(fen, 1);
	const char *bad[] = { "", "-1", "1.234", "1,000", "12元", ".5", "5.", "1e3", " 1", "99999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(money_parse_yuan(bad[i], &fen, "amount", &e), ERR_INVALID);
		assert_string_equal(e.field, "amount");
	}
}

static void test_format(void **state)
{
	char s[MONEY_LEN];

	assert_string_equal(money_format_yuan(123456, s), "1234.56");
	assert_string_equal(money_format_yuan(5, s), "0.05");
	/* REQ 年报-T2-fee: 万元, exact up to 6 decimals */
	assert_string_equal(money_format_wan(123456, s), "0.123456");
	assert_string_equal(money_format_wan(1000000, s), "1");
	assert_string_equal(money_format_wan(0, s), "0");
	assert_string_equal(money_format_wan(1250000, s), "1.25");
	assert_string_equal(money_format_wan(1, s), "0.000001");
	assert_string_equal(money_format_wan_rounded(123456, 4, s), "0.1235");
	assert_string_equal(money_format_wan_rounded(123449, 4, s), "0.1234");
	assert_string_equal(money_format_wan_rounded(40, 4, s), "0");
	assert_string_equal(money_format_wan_rounded(99999999, 2, s), "100");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_yuan),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests_name("text/money", tests, NULL, NULL);
}

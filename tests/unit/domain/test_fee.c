/* test_fee.c — 国办函〔2020〕109号 tiers at every boundary (spec regulation-procedures.md §5.8). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "domain/fee.h"

/* REQ 109号-按件 */
static void test_by_count_boundaries(void **state)
{
	assert_int_equal(fee_by_count(1), 0);
	assert_int_equal(fee_by_count(10), 0);
	assert_int_equal(fee_by_count(11), 100);
	assert_int_equal(fee_by_count(30), 100);
	assert_int_equal(fee_by_count(31), 200);
	assert_int_equal(fee_by_count(40), 200);
	assert_int_equal(fee_by_count(41), 300);
	assert_int_equal(fee_by_count(50), 300);
	assert_int_equal(fee_by_count(51), 400);
	/* never decreasing */
	for (int k = 1; k < 500; k++)
		assert_true(fee_by_count(k + 1) >= fee_by_count(k));
}

/* REQ 109号-按量 */
static void test_by_pages_boundaries(void **state)
{
	assert_int_equal(fee_by_pages(0), 0);
	assert_int_equal(fee_by_pages(30), 0);
	assert_int_equal(fee_by_pages(31), 10);
	assert_int_equal(fee_by_pages(100), 700);           /* 70 × 10 */
	assert_int_equal(fee_by_pages(101), 720);           /* + 1 × 20 */
	assert_int_equal(fee_by_pages(200), 700 + 2000);
	assert_int_equal(fee_by_pages(201), 2700 + 40);
	/* progressive on the excess: each extra page costs its tier's rate */
	for (int p = 0; p < 400; p++) {
		int64_t step = fee_by_pages(p + 1) - fee_by_pages(p);
		int64_t want = p + 1 <= 30 ? 0 : p + 1 <= 100 ? 10 : p + 1 <= 200 ? 20 : 40;
		assert_int_equal(step, want);
	}
}

static void test_tiers_explained(void **state)
{
	struct fee_tier t[4];
	int n = fee_pages_tiers(101, t);

	assert_int_equal(n, 3);
	assert_int_equal(t[1].from, 31);
	assert_int_equal(t[1].to, 100);
	assert_int_equal(t[1].amount, 700);
	assert_int_equal(t[2].pages, 1);
	assert_int_equal(t[2].amount, 20);
	assert_int_equal(fee_pages_tiers(0, t), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_count_boundaries),
		cmocka_unit_test(test_by_pages_boundaries),
		cmocka_unit_test(test_tiers_explained),
	};
	return cmocka_run_group_tests_name("domain/fee", tests, NULL, NULL);
}

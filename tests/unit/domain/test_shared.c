/* test_shared.c — what the web processes of one database share: a form's rate count runs in a
 * window that starts at its first submission and starts again after it, counters a day old are
 * forgotten, and the secret is made once and read the same afterwards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/shared.h"
#include "../tmpstore.h"

static struct store *s;
static struct gk_error e;
static const int64_t T0 = 1767225600;  /* 2026-01-01T00:00:00Z */

static int setup(void **state)
{
	(void)state;
	return (s = tmpstore_open("dshared")) != NULL && store_begin(s, &e) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	tmpstore_drop(s);
	return 0;
}

static int64_t hit(const char *key, int64_t now)
{
	int64_t n = -1;

	assert_int_equal(shared_rate_hit(s, key, 600, now, &n, &e), 0);
	return n;
}

static void test_rate_window(void **state)
{
	(void)state;
	assert_int_equal(hit("apply:10.0.0.1", T0), 1);
	assert_int_equal(hit("apply:10.0.0.1", T0 + 10), 2);
	assert_int_equal(hit("apply:10.0.0.1", T0 + 599), 3);
	assert_int_equal(hit("apply:10.0.0.2", T0 + 599), 1);          /* per key */
	assert_int_equal(hit("apply:10.0.0.1", T0 + 600), 1);          /* the window has passed */
	assert_int_equal(hit("apply:10.0.0.1", T0 + 601), 2);          /* … and a new one runs */
}

static void test_rate_forgotten_after_a_day(void **state)
{
	(void)state;
	assert_int_equal(hit("feedback:10.0.0.3", T0), 1);
	assert_int_equal(hit("feedback:10.0.0.3", T0 + 1), 2);
	/* a new window of another key a day later prunes the old counters */
	assert_int_equal(hit("feedback:10.0.0.4", T0 + 86400 + 1), 1);
	assert_int_equal(hit("feedback:10.0.0.3", T0 + 2), 1);        /* its count was forgotten */
}

static void test_secret_made_once(void **state)
{
	uint8_t one[32], two[32], zero[32] = { 0 };

	(void)state;
	assert_int_equal(shared_secret(s, "test", one, sizeof one, &e), 0);
	assert_memory_not_equal(one, zero, sizeof one);
	assert_int_equal(shared_secret(s, "test", two, sizeof two, &e), 0);
	assert_memory_equal(one, two, sizeof one);
	assert_int_equal(shared_secret(s, "other", two, sizeof two, &e), 0);
	assert_memory_not_equal(one, two, sizeof one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rate_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rate_forgotten_after_a_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secret_made_once, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

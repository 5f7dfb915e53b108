/* test_signin.c — what a user is told after signing in (signin_news): the previous sign-in and
 * the failed attempts on the account since then; failures in the very second of the previous
 * sign-in count when they came after it and not when they came before it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/arena.h"
#include "domain/signin.h"
#include "domain/user.h"
#include "../tmpstore.h"

static struct store *s;
static struct arena a;
static int64_t alice;
static struct gk_error e;
static const int64_t T0 = 1767225600;  /* 2026-01-01T00:00:00Z */

static int setup(void **state)
{
	struct user_new u = { .name = "alice", .role = "admin", .password = "alice-secret-1" };

	(void)state;
	arena_init(&a);
	if ((s = tmpstore_open("dsign")) == NULL || store_begin(s, &e) != 0 ||
	    user_create(s, &u, &alice, &e) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tmpstore_drop(s);
	arena_free(&a);
	return 0;
}

static void failed_at(const char *client, int64_t at)
{
	assert_int_equal(signin_failed(s, "alice", client, at, &e), 0);
}

static void sign_in(const char *client, int64_t at)
{
	assert_int_equal(signin_succeeded(s, alice, 0, client, at, &e), 0);
}

static struct signin_news news(void)
{
	struct signin_news n;

	assert_int_equal(signin_news(s, alice, "alice", &a, &n, &e), 0);
	return n;
}

static void test_first_sign_in(void **state)
{
	struct signin_news n;

	(void)state;
	failed_at("10.0.0.9", T0 - 50);
	sign_in("10.0.0.1", T0);
	n = news();
	assert_int_equal(n.prev.at, 0);
	/* before any sign-in, every failure on the account is "since" */
	assert_int_equal(n.failures, 1);
}

static void test_failures_in_the_second_of_the_previous_sign_in(void **state)
{
	struct signin_news n;

	(void)state;
	/* a mistyped password, then the sign-in, in one second: that failure came before */
	failed_at("10.0.0.1", T0 + 100);
	sign_in("10.0.0.1", T0 + 100);
	/* someone else tries in the same second, and later; then the owner signs in again */
	failed_at("10.0.0.66", T0 + 100);
	failed_at("10.0.0.77", T0 + 160);
	sign_in("10.0.0.1", T0 + 200);
	n = news();
	assert_int_equal(n.prev.at, T0 + 100);
	assert_string_equal(n.prev.client, "10.0.0.1");
	assert_int_equal(n.failures, 2);
	assert_int_equal(n.last_failure.at, T0 + 160);
	assert_string_equal(n.last_failure.client, "10.0.0.77");

	/* a sign-in with nothing failed since tells of no failure */
	sign_in("10.0.0.1", T0 + 300);
	n = news();
	assert_int_equal(n.prev.at, T0 + 200);
	assert_int_equal(n.failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_sign_in),
		cmocka_unit_test(test_failures_in_the_second_of_the_previous_sign_in),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

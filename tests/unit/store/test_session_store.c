/* test_session_store.c — the session area of the SQLite store: a session is found by its token
 * hash only, its last use can be moved, and the deletions (one, a user's, the expired, all but
 * the newest few) remove exactly what they say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/user.h"
#include "store/session_store.h"
#include "store/store.h"
#include "../tmpstore.h"

static struct store *s;
static int64_t alice, bob;
static struct gk_error e;

/* A fake token hash: 64 hex digits ending in the number n. */
static const char *H(int n)
{
	static char h[8][65];
	static int slot;
	char *out = h[slot++ % 8];
	snprintf(out, 65, "%064d", n);
	return out;
}

static int setup(void **state)
{
	struct user_new a = { .name = "alice", .role = "admin", .password = NULL };
	struct user_new b = { .name = "bob", .role = "admin", .password = NULL };

	(void)state;
	if ((s = tmpstore_open("sess")) == NULL || store_begin(s, &e) != 0 ||
	    user_create(s, &a, &alice, &e) != 0 || user_create(s, &b, &bob, &e) != 0 ||
	    store_commit(s, &e) != 0)
		return -1;
	return store_begin(s, &e);
}

static int teardown(void **state)
{
	(void)state;
	tmpstore_drop(s);
	return 0;
}

static void add(int n, int64_t user, int64_t created, int64_t seen)
{
	struct session_rec r = { .token_hash = H(n), .user_id = user, .created = created,
				 .seen = seen, .client = "192.0.2.7" };
	assert_int_equal(session_store(s)->insert(s, &r, &e), 0);
}

static int exists(int n)
{
	struct session_rec r;
	struct arena a;
	int rc;

	arena_init(&a);
	rc = session_store(s)->get(s, H(n), &a, &r, &e);
	arena_free(&a);
	assert_true(rc == 0 || rc == ERR_NOTFOUND);
	return rc == 0;
}

static void test_insert_get_touch(void **state)
{
	struct session_rec r;
	struct arena a;
	const int64_t t0 = 1767225600;  /* 2026-01-01T00:00:00Z */

	(void)state;
	arena_init(&a);
	add(1, alice, t0, t0 + 5);
	assert_int_equal(session_store(s)->get(s, H(1), &a, &r, &e), 0);
	assert_string_equal(r.token_hash, H(1));
	assert_int_equal(r.user_id, alice);
	assert_int_equal(r.created, t0);
	assert_int_equal(r.seen, t0 + 5);
	assert_string_equal(r.client, "192.0.2.7");
	/* the same hash twice is a conflict, not a second session */
	struct session_rec dup = { .token_hash = H(1), .user_id = bob, .created = t0, .seen = t0 };
	assert_int_equal(session_store(s)->insert(s, &dup, &e), ERR_CONFLICT);
	assert_int_equal(session_store(s)->touch(s, H(1), t0 + 3600, &e), 0);
	assert_int_equal(session_store(s)->get(s, H(1), &a, &r, &e), 0);
	assert_int_equal(r.seen, t0 + 3600);
	assert_int_equal(r.created, t0);
	assert_int_equal(session_store(s)->get(s, H(2), &a, &r, &e), ERR_NOTFOUND);
	assert_int_equal(session_store(s)->remove(s, H(1), &e), 0);
	assert_false(exists(1));
	assert_int_equal(session_store(s)->remove(s, H(1), &e), 0);  /* gone already: fine */
	arena_free(&a);
}

static void test_remove_user_and_expired(void **state)
{
	const int64_t t0 = 1767225600;
	int n = -1;

	(void)state;
	add(10, alice, t0, t0);
	add(11, alice, t0, t0 + 100);
	add(12, bob, t0, t0);
	assert_int_equal(session_store(s)->remove_user(s, alice, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_false(exists(10));
	assert_false(exists(11));
	assert_true(exists(12));

	add(20, alice, t0, t0 + 50);        /* idle since t0+50 */
	add(21, alice, t0 + 60, t0 + 200);  /* used recently */
	add(22, bob, t0 - 10, t0 + 200);    /* made too long ago */
	/* expired: last used before t0+100, or made before t0 */
	assert_int_equal(session_store(s)->remove_expired(s, t0 + 100, t0, &n, &e), 0);
	assert_int_equal(n, 3);            /* 12 (seen t0), 20, 22 */
	assert_false(exists(12));
	assert_false(exists(20));
	assert_true(exists(21));
	assert_false(exists(22));
	assert_int_equal(session_store(s)->remove_user(s, alice, NULL, &e), 0);
}

static void test_trim_keeps_newest(void **state)
{
	const int64_t t0 = 1767225600;

	(void)state;
	for (int i = 0; i < 5; i++)
		add(30 + i, alice, t0 + i, t0 + i);
	add(40, bob, t0 - 100, t0);
	assert_int_equal(session_store(s)->trim_user(s, alice, 2, &e), 0);
	for (int i = 0; i < 3; i++)
		assert_false(exists(30 + i));
	assert_true(exists(33));
	assert_true(exists(34));
	assert_true(exists(40));  /* another user's are not counted */
}

static void test_unknown_user_refused(void **state)
{
	const int64_t t0 = 1767225600;

	(void)state;
	/* the table refers to app_user: a session of a user that does not exist is refused */
	struct session_rec r = { .token_hash = H(50), .user_id = 9999, .created = t0, .seen = t0 };
	assert_int_not_equal(session_store(s)->insert(s, &r, &e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_get_touch),
		cmocka_unit_test(test_remove_user_and_expired),
		cmocka_unit_test(test_trim_keeps_newest),
		cmocka_unit_test(test_unknown_user_refused),
	};
	return cmocka_run_group_tests_name("store/session", tests, setup, teardown);
}

/* test_session.c — staff sessions (domain/session.h) and sign-in (user_authenticate): a session
 * is found by its token until it is idle too long, too old, ended, rotated away or its user's
 * password changes; its CSRF token is derived from the token, the same every time; an unknown
 * or disabled account costs one argon2id verification like a wrong password. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/crypto.h"
#include "domain/session.h"
#include "domain/user.h"
#include "store/session_store.h"
#include "../tmpstore.h"

static struct store *s;
static int64_t alice, bob;
static struct gk_error e;
static const int64_t T0 = 1767225600;  /* 2026-01-01T00:00:00Z */

static int setup(void **state)
{
	struct user_new a = { .name = "alice", .role = "admin", .password = "alice-secret-1" };
	struct user_new b = { .name = "bob", .role = "admin", .password = "bob-secret-12" };
	struct user_new c = { .name = "carol", .role = "admin", .password = NULL };
	int64_t carol;

	(void)state;
	if ((s = tmpstore_open("dsess")) == NULL || store_begin(s, &e) != 0 ||
	    user_create(s, &a, &alice, &e) != 0 || user_create(s, &b, &bob, &e) != 0 ||
	    user_create(s, &c, &carol, &e) != 0 || store_commit(s, &e) != 0)
		return -1;
	return store_begin(s, &e);
}

static int teardown(void **state)
{
	(void)state;
	tmpstore_drop(s);
	return 0;
}

static int live(const char *token, int64_t now)
{
	struct session ss;
	int rc = session_find(s, token, now, &ss, &e);

	assert_true(rc == 0 || rc == ERR_NOTFOUND);
	return rc == 0;
}

static void test_start_find_and_csrf(void **state)
{
	char tok[CRYPTO_SHA256_HEX], hash[CRYPTO_SHA256_HEX], csrf[CRYPTO_SHA256_HEX];
	struct session made, found;
	struct session_rec r;
	struct arena a;

	(void)state;
	assert_int_equal(session_start(s, alice, "192.0.2.1", NULL, T0, tok, &made, &e), 0);
	assert_true(session_token_valid(tok));
	assert_int_equal(made.user_id, alice);
	assert_int_equal(session_find(s, tok, T0 + 10, &found, &e), 0);
	assert_int_equal(found.user_id, alice);
	/* the CSRF token: the same after a lookup (a restart) as at sign-in, not the token */
	assert_string_equal(found.csrf, made.csrf);
	session_csrf(tok, csrf);
	assert_string_equal(csrf, made.csrf);
	assert_string_not_equal(csrf, tok);
	/* stored under the SHA-256 of the token only */
	arena_init(&a);
	crypto_sha256_hex(tok, strlen(tok), hash);
	assert_int_equal(session_store(s)->get(s, hash, &a, &r, &e), 0);
	assert_int_equal(session_store(s)->get(s, tok, &a, &r, &e), ERR_NOTFOUND);
	arena_free(&a);
	/* malformed tokens are simply unknown */
	assert_false(live("", T0));
	assert_false(live("ABCDEF", T0));
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	assert_false(live(tok, T0));
}

static void test_touch_is_due_once_a_minute(void **state)
{
	char tok[CRYPTO_SHA256_HEX];
	struct session ss;

	(void)state;
	assert_int_equal(session_start(s, alice, NULL, NULL, T0, tok, &ss, &e), 0);
	assert_int_equal(session_find(s, tok, T0 + SESSION_TOUCH_SECONDS - 1, &ss, &e), 0);
	assert_false(ss.touch_due);
	assert_int_equal(session_find(s, tok, T0 + SESSION_TOUCH_SECONDS, &ss, &e), 0);
	assert_true(ss.touch_due);
	assert_int_equal(session_touch(s, tok, T0 + SESSION_TOUCH_SECONDS, &e), 0);
	assert_int_equal(session_find(s, tok, T0 + SESSION_TOUCH_SECONDS + 1, &ss, &e), 0);
	assert_false(ss.touch_due);
	assert_int_equal(ss.seen, T0 + SESSION_TOUCH_SECONDS);
}

static void test_idle_and_absolute_expiry(void **state)
{
	char tok[CRYPTO_SHA256_HEX];
	struct session ss;
	int64_t t;
	int n = 0;

	(void)state;
	assert_int_equal(session_start(s, alice, NULL, NULL, T0, tok, &ss, &e), 0);
	assert_true(live(tok, T0 + SESSION_IDLE_SECONDS));
	assert_false(live(tok, T0 + SESSION_IDLE_SECONDS + 1));
	/* used every idle period it lives on, but not past the absolute limit */
	for (t = T0 + SESSION_IDLE_SECONDS; t <= T0 + SESSION_MAX_SECONDS; t += SESSION_IDLE_SECONDS) {
		assert_true(live(tok, t));
		assert_int_equal(session_touch(s, tok, t, &e), 0);
	}
	assert_false(live(tok, T0 + SESSION_MAX_SECONDS + 1));
	/* the sweep deletes what has expired (this one and the earlier tests' sessions) */
	assert_int_equal(session_sweep(s, T0 + SESSION_MAX_SECONDS + 1, &n, &e), 0);
	assert_true(n >= 1);
	assert_int_equal(session_sweep(s, T0 + SESSION_MAX_SECONDS + 1, &n, &e), 0);
	assert_int_equal(n, 0);
}

static void test_rotation_logout_and_cap(void **state)
{
	char first[CRYPTO_SHA256_HEX], second[CRYPTO_SHA256_HEX], tok[CRYPTO_SHA256_HEX];
	struct session ss;
	const int64_t t = T0 + 86400;

	(void)state;
	assert_int_equal(session_start(s, alice, NULL, NULL, t, first, &ss, &e), 0);
	assert_int_equal(session_start(s, alice, NULL, first, t, second, &ss, &e), 0);
	assert_string_not_equal(first, second);
	assert_false(live(first, t));   /* rotated away */
	assert_true(live(second, t));
	assert_int_equal(session_end(s, second, &e), 0);
	assert_false(live(second, t));  /* logout */
	assert_int_equal(session_end(s, second, &e), 0);  /* twice is harmless */

	assert_int_equal(session_start(s, alice, NULL, NULL, t, first, &ss, &e), 0);
	for (int i = 1; i <= SESSION_PER_USER; i++)
		assert_int_equal(session_start(s, alice, NULL, NULL, t + i, tok, &ss, &e), 0);
	assert_false(live(first, t + SESSION_PER_USER));  /* the oldest went */
	assert_true(live(tok, t + SESSION_PER_USER));
}

static void test_password_change_ends_sessions(void **state)
{
	char a1[CRYPTO_SHA256_HEX], a2[CRYPTO_SHA256_HEX], b1[CRYPTO_SHA256_HEX];
	struct session ss;
	const int64_t t = T0 + 2 * 86400;

	(void)state;
	assert_int_equal(session_start(s, alice, NULL, NULL, t, a1, &ss, &e), 0);
	assert_int_equal(session_start(s, alice, NULL, NULL, t, a2, &ss, &e), 0);
	assert_int_equal(session_start(s, bob, NULL, NULL, t, b1, &ss, &e), 0);
	assert_int_equal(user_set_password(s, "alice", "alice-secret-2", &e), 0);
	assert_false(live(a1, t));
	assert_false(live(a2, t));
	assert_true(live(b1, t));
	/* clearing the password (disabling the account) ends them too */
	assert_int_equal(user_set_password(s, "bob", NULL, &e), 0);
	assert_false(live(b1, t));
}

/* One argon2id verification per attempt, whatever the account: an unknown name, an account
 * without a password, a wrong password and a right one cost the same. */
static void test_every_login_attempt_verifies_once(void **state)
{
	const char *names[] = { "nobody", "carol", "alice", "alice" };
	const char *passwords[] = { "whatever-1", "whatever-1", "wrong-password", "alice-secret-2" };
	const int want[] = { ERR_FORBIDDEN, ERR_FORBIDDEN, ERR_FORBIDDEN, 0 };
	struct user_rec r;
	struct arena a;

	(void)state;
	arena_init(&a);
	for (int i = 0; i < 4; i++) {
		unsigned long before = crypto_password_verifications();
		struct gk_error err = { 0 };
		int rc = user_authenticate(s, names[i], passwords[i], &a, &r, &err);

		assert_int_equal(rc, want[i]);
		assert_int_equal(crypto_password_verifications() - before, 1);
		if (rc)
			assert_string_equal(err.msg, "用户名或密码错误");
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_find_and_csrf),
		cmocka_unit_test(test_touch_is_due_once_a_minute),
		cmocka_unit_test(test_idle_and_absolute_expiry),
		cmocka_unit_test(test_rotation_logout_and_cap),
		cmocka_unit_test(test_password_change_ends_sessions),
		cmocka_unit_test(test_every_login_attempt_verifies_once),
	};
	return cmocka_run_group_tests_name("domain/session", tests, setup, teardown);
}

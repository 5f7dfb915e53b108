/* test_user.c — managing staff accounts (domain/user.h): disabling clears the password and ends
 * the sessions, but never takes away the last admin who can sign in nor one's own account;
 * a role change needs an organ for officers, keeps an admin, and is audit-logged with the old
 * and new values; refusals change nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/totp.h"
#include "domain/agency.h"
#include "domain/audit.h"
#include "domain/session.h"
#include "domain/totp_key.h"
#include "domain/user.h"
#include "../tmpstore.h"

static struct store *s;
static int64_t town, root, clerk;
static struct gk_error e;

static int setup(void **state)
{
	struct agency_new an = { .name = "慈周寨镇人民政府" };
	/* root can sign in; clerk has no password yet (no argon2id work for it) */
	struct user_new r = { .name = "root", .role = "security", .password = "root-secret-1" };
	struct user_new c = { .name = "clerk", .role = "reviewer", .password = NULL };

	(void)state;
	if ((s = tmpstore_open("duser")) == NULL)
		return -1;
	store_set_actor(s, "tester");
	if (store_begin(s, &e) != 0 || agency_create(s, &an, &town, &e) != 0)
		return -1;
	c.agency_id = town;
	if (user_create(s, &r, &root, &e) != 0 || user_create(s, &c, &clerk, &e) != 0 ||
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

static struct user_rec get(struct arena *a, int64_t id)
{
	struct user_rec u;

	assert_int_equal(user_get(s, id, a, &u, &e), 0);
	return u;
}

struct last_entry {
	char action[40];
	char content[400];
};

static int keep_last(void *ctx, const struct audit_rec *r)
{
	struct last_entry *l = ctx;

	snprintf(l->action, sizeof l->action, "%s", r->action);
	snprintf(l->content, sizeof l->content, "%s", r->content);
	return 0;
}

static void test_last_admin_and_self_are_kept(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	/* the only security administrator: neither disabled nor demoted, by anyone */
	assert_int_equal(user_disable(s, "root", NULL, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "最后一个能登录的安全管理员"));
	assert_int_equal(user_set_role(s, "root", "supervisor", 0, NULL, &e), ERR_STATE);
	assert_non_null(get(&a, root).password_hash);
	assert_string_equal(get(&a, root).role, "security");
	/* a disabled one does not count as one who can sign in */
	assert_int_equal(user_set_role(s, "clerk", "security", 0, NULL, &e), 0);
	assert_int_equal(user_disable(s, "root", NULL, &e), ERR_STATE);
	/* the account itself: never one's own */
	assert_int_equal(user_disable(s, "clerk", "clerk", &e), ERR_STATE);
	assert_int_equal(user_set_role(s, "clerk", "officer", town, "clerk", &e), ERR_STATE);
	assert_int_equal(user_disable(s, "nobody", NULL, &e), ERR_NOTFOUND);
	arena_free(&a);
}

static void test_disable_ends_sessions(void **state)
{
	char tok[CRYPTO_SHA256_HEX];
	struct session ss;
	struct arena a;

	(void)state;
	arena_init(&a);
	/* with clerk a security administrator who can sign in, root may be disabled by clerk */
	assert_int_equal(user_set_password(s, "clerk", "clerk-secret-1", &e), 0);
	assert_int_equal(session_start(s, root, NULL, NULL, 1767225600, tok, &ss, &e), 0);
	assert_int_equal(user_disable(s, "root", "clerk", &e), 0);
	assert_null(get(&a, root).password_hash);
	assert_int_equal(session_find(s, tok, 1767225601, &ss, &e), ERR_NOTFOUND);
	/* now clerk is the last security administrator who can sign in */
	assert_int_equal(user_disable(s, "clerk", "root", &e), ERR_STATE);
	arena_free(&a);
}

/* GB/T 22239-2019 8.1.4.1 a): at least 10 characters of three kinds, none of the last five. */
static void test_password_rules_and_history(void **state)
{
	static const char *const bad[] = { "Short-1", "onlylowercase", "lowercase12345", "UPPER12345",
					   "中文密码中文密码中文密码" };
	char pw[32];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(user_password_rules(bad[i], &e), ERR_INVALID);
		assert_int_equal(user_set_password(s, "clerk", bad[i], &e), ERR_INVALID);
	}
	assert_int_equal(user_password_rules("中文密码abc123def", NULL), 0);
	for (int i = 1; i <= USER_PASSWORD_HISTORY; i++) {
		snprintf(pw, sizeof pw, "Clerk-pass-%d", i);
		assert_int_equal(user_set_password(s, "clerk", pw, &e), 0);
	}
	for (int i = 1; i <= USER_PASSWORD_HISTORY; i++) {  /* each of the last five: refused */
		snprintf(pw, sizeof pw, "Clerk-pass-%d", i);
		assert_int_equal(user_set_password(s, "clerk", pw, &e), ERR_INVALID);
		assert_non_null(strstr(e.msg, "这个密码最近用过"));
	}
	assert_int_equal(user_set_password(s, "clerk", "Clerk-pass-6", &e), 0);
	assert_int_equal(user_set_password(s, "clerk", "Clerk-pass-1", &e), 0);  /* sixth back */
}

/* TOTP: pending until the first code, then asked; a code good once; reset removes it. */
static void test_second_factor(void **state)
{
	const char *secret, *again;
	char code[7];
	struct arena a;
	int on;

	(void)state;
	arena_init(&a);
	assert_int_equal(user_totp_begin(s, "clerk", &a, &secret, &e), 0);
	assert_int_equal(strlen(secret), 32);
	assert_int_equal(user_totp_begin(s, "clerk", &a, &again, &e), 0);
	assert_string_equal(again, secret);                  /* the pending one, shown again */
	assert_int_equal(user_totp_state(s, clerk, &on, &e), 0);
	assert_false(on);
	assert_int_equal(user_totp_confirm(s, "clerk", "123456", 1767225600, &e), ERR_INVALID);
	assert_int_equal(totp_code(secret, 1767225600, code), 0);
	assert_int_equal(user_totp_confirm(s, "clerk", code, 1767225600, &e), 0);
	assert_int_equal(user_totp_state(s, clerk, &on, &e), 0);
	assert_true(on);
	assert_int_equal(user_totp_begin(s, "clerk", &a, &again, &e), ERR_STATE);
	/* the confirming code is used: not again; the next step's is good, once */
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225600, &e), ERR_FORBIDDEN);
	assert_int_equal(totp_code(secret, 1767225630, code), 0);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225630, &e), 0);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225630, &e), ERR_FORBIDDEN);
	/* a code from two steps away is refused (one step of clock difference allowed) */
	assert_int_equal(totp_code(secret, 1767225600 + 150, code), 0);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225600 + 60, &e), ERR_FORBIDDEN);
	assert_int_equal(user_totp_reset(s, "clerk", &e), 0);
	assert_int_equal(user_totp_state(s, clerk, &on, &e), 0);
	assert_false(on);
	arena_free(&a);
}

/* Write text into the key file with the given mode. */
static void put_key(const char *text, mode_t mode)
{
	const char *path = store_totp_key_file(s);
	FILE *f;

	unlink(path);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
}

static char *read_key(void)
{
	static char text[80];
	FILE *f = fopen(store_totp_key_file(s), "r");

	assert_non_null(f);
	assert_non_null(fgets(text, sizeof text, f));
	fclose(f);
	return text;
}

/* The secret at rest: the database alone does not hold it; the key file is 0600 beside the
 * database; a wrong, missing or exposed key refuses with an error naming the file; a secret
 * kept in clear by an older database is sealed by user_totp_seal_all and still works. */
static void test_second_factor_sealed(void **state)
{
	const char *secret, *opened;
	char code[7], key[80];
	struct user_totp_rec raw;
	struct stat st;
	struct arena a;
	int found, sealed;

	(void)state;
	arena_init(&a);
	assert_int_equal(user_totp_begin(s, "clerk", &a, &secret, &e), 0);
	assert_int_equal(totp_code(secret, 1767225600, code), 0);
	assert_int_equal(user_totp_confirm(s, "clerk", code, 1767225600, &e), 0);
	/* the row holds no trace of the secret */
	assert_int_equal(user_store(s)->totp_get(s, clerk, &a, &raw, &found, &e), 0);
	assert_true(found);
	assert_true(totp_key_is_sealed(raw.secret));
	assert_null(strstr(raw.secret, secret));
	assert_int_equal(stat(store_totp_key_file(s), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(key, sizeof key, "%s", read_key());
	/* another key: refused, naming the file */
	put_key("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", 0600);
	assert_int_equal(totp_code(secret, 1767225630, code), 0);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225630, &e), ERR_DB);
	assert_non_null(strstr(e.msg, store_totp_key_file(s)));
	assert_non_null(strstr(e.msg, "的第二因素不能用"));
	/* an exposed key file is not used */
	put_key(key, 0644);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225630, &e), ERR_IO);
	assert_non_null(strstr(e.msg, "chmod 600"));
	/* a missing one neither, nor replaced by a new key while sealed secrets exist */
	assert_int_equal(unlink(store_totp_key_file(s)), 0);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225630, &e), ERR_IO);
	assert_non_null(strstr(e.msg, store_totp_key_file(s)));
	assert_int_equal(user_totp_begin(s, "root", &a, &opened, &e), ERR_IO);
	assert_int_equal(access(store_totp_key_file(s), F_OK), -1);
	/* the right key again: the code is good (once) */
	put_key(key, 0600);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225630, &e), 0);
	/* a sealed secret moved to another account's row does not open there */
	assert_int_equal(user_store(s)->totp_get(s, clerk, &a, &raw, &found, &e), 0);
	assert_int_equal(user_store(s)->totp_set(s, root, &raw, &e), 0);
	assert_int_equal(totp_code(secret, 1767225660, code), 0);
	assert_int_equal(user_totp_verify(s, root, code, 1767225660, &e), ERR_DB);
	assert_int_equal(user_totp_reset(s, "root", &e), 0);
	/* a secret in clear (a database from before sealing) works and is sealed on start */
	raw = (struct user_totp_rec){ secret, 1, 0 };
	assert_int_equal(user_store(s)->totp_set(s, clerk, &raw, &e), 0);
	assert_int_equal(user_totp_seal_all(s, &sealed, &e), 0);
	assert_int_equal(sealed, 1);
	assert_int_equal(user_store(s)->totp_get(s, clerk, &a, &raw, &found, &e), 0);
	assert_true(totp_key_is_sealed(raw.secret));
	assert_null(strstr(raw.secret, secret));
	assert_int_equal(user_totp_seal_all(s, &sealed, &e), 0);
	assert_int_equal(sealed, 0);
	assert_int_equal(user_totp_verify(s, clerk, code, 1767225660, &e), 0);
	assert_int_equal(user_totp_reset(s, "clerk", &e), 0);
	arena_free(&a);
}

static void test_role_change(void **state)
{
	struct last_entry l = { "", "" };
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_int_equal(user_create(s, &(struct user_new){ .name = "li", .role = "supervisor" },
				     &(int64_t){ 0 }, &e), 0);
	/* an officer belongs to an organ; an unknown role or organ is refused */
	assert_int_equal(user_set_role(s, "li", "officer", 0, NULL, &e), ERR_INVALID);
	assert_string_equal(e.field, "agency");
	assert_int_equal(user_set_role(s, "li", "boss", town, NULL, &e), ERR_INVALID);
	assert_string_equal(e.field, "role");
	assert_int_equal(user_set_role(s, "li", "officer", 9999, NULL, &e), ERR_NOTFOUND);
	assert_int_equal(user_set_role(s, "li", "officer", town, "root", &e), 0);
	{
		struct user_rec u;
		assert_int_equal(user_store(s)->get_by_name(s, "li", &a, &u, &e), 0);
		assert_string_equal(u.role, "officer");
		assert_int_equal(u.agency_id, town);
		assert_int_equal(audit_list(s, "user", u.id, keep_last, &l, &e), 0);
	}
	assert_string_equal(l.action, "set-role");
	assert_non_null(strstr(l.content, "\"role\":\"officer\""));
	assert_non_null(strstr(l.content, "\"old_role\":\"supervisor\""));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_admin_and_self_are_kept),
		cmocka_unit_test(test_disable_ends_sessions),
		cmocka_unit_test(test_role_change),
		cmocka_unit_test(test_password_rules_and_history),
		cmocka_unit_test(test_second_factor),
		cmocka_unit_test(test_second_factor_sealed),
	};
	return cmocka_run_group_tests_name("domain/user", tests, setup, teardown);
}

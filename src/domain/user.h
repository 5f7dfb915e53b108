/*
 * user.h — staff accounts: login name, display name, role, organ, argon2id password hash.
 *
 * Roles: officer (办理人员: registers and handles applications, keeps the catalogue),
 * reviewer (审核: 初审/复审), leader (负责人: 终审, approves extensions, signs the annual
 * report), supervisor (上级政务公开办: reads every subordinate organ), and the three
 * administrators of 三员分立 (GB/T 22239-2019): admin (系统管理员: runs the system),
 * security (安全管理员: accounts, roles, password resets) and auditor (审计管理员: reads and
 * exports the audit log). An account has one role, so nobody holds two of the three; what each
 * role may do is domain/access.h's table. The web console authenticates with
 * user_authenticate.
 * May call store/, base/ (crypto), text/.
 */
#ifndef GK_DOMAIN_USER_H
#define GK_DOMAIN_USER_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store.h"
#include "store/user_store.h"

enum user_role {
	ROLE_OFFICER,
	ROLE_REVIEWER,
	ROLE_LEADER,
	ROLE_ADMIN,
	ROLE_SUPERVISOR,
	ROLE_SECURITY,
	ROLE_AUDITOR,
	ROLE__MAX
};

struct user_role_info {
	const char *id;      /* "officer", as stored and typed */
	const char *label;   /* "办理人员" */
};

extern const struct user_role_info user_roles[ROLE__MAX];

/* The role whose id is s, or -1. */
int user_role_from_id(const char *s);

/* GB/T 22239-2019 8.1.4.1 a): passwords of at least USER_PASSWORD_MIN characters of three
 * of the four classes (lower-case, upper-case, digits, others), none of the account's last
 * USER_PASSWORD_HISTORY passwords again. */
#define USER_PASSWORD_MIN 10
#define USER_PASSWORD_HISTORY 5

/* 0 if password keeps the rules, else ERR_INVALID (field "--password-file") saying which. */
int user_password_rules(const char *password, struct gk_error *e) GK_WUR;

/* When the password of user id was last set (seconds since 1970; 0 = never recorded). */
int user_password_changed(struct store *s, int64_t id, int64_t *at, struct gk_error *e) GK_WUR;

/* The second factor (TOTP, base/totp.h) of account name.
 * user_totp_begin: the pending secret to enrol (a new one, or the pending one again; in a);
 *   until it is confirmed, sign-in does not ask for codes; ERR_STATE when one is confirmed
 *   already. Audit-logged as totp-begin (never the secret).
 * user_totp_confirm: the owner's first code turns it on (ERR_INVALID when wrong); totp-on.
 * user_totp_reset: remove it (a lost phone: the security administrator); totp-off.
 * user_totp_state: *on = 1 when a confirmed second factor is set.
 * user_totp_verify: ERR_FORBIDDEN unless code is good now and not used before.
 * The secret is stored sealed (domain/totp_key.h): a missing or exposed key file is ERR_IO,
 * one the secret does not open with ERR_DB, each naming the file (never the secret). */
int user_totp_begin(struct store *s, const char *name, struct arena *a, const char **secret,
		    struct gk_error *e) GK_WUR;
int user_totp_confirm(struct store *s, const char *name, const char *code, int64_t now,
		      struct gk_error *e) GK_WUR;
int user_totp_reset(struct store *s, const char *name, struct gk_error *e) GK_WUR;
int user_totp_state(struct store *s, int64_t id, int *on, struct gk_error *e) GK_WUR;
/* Seal every secret still kept in clear (a database from before sealing; run at every start
 * of gongkai serve): *sealed = how many. The key file is made when
 * no secret is sealed yet. Inside the caller's write transaction. */
int user_totp_seal_all(struct store *s, int *sealed, struct gk_error *e) GK_WUR;
int user_totp_verify(struct store *s, int64_t id, const char *code, int64_t now,
		     struct gk_error *e) GK_WUR;

/* The key sealing the second factors (domain/totp_key.h), and changing it (GB/T 22239-2019
 * 8.1.4.8: a key is changed on a schedule and whenever it may have been exposed).
 * user_totp_key_check: how many secrets are sealed and still in clear, whether a key file
 *   + ".new" is left over; 0 when every sealed secret opens with the key file, else ERR_DB
 *   naming the first that does not, or ERR_STATE when they open with the ".new" file (a change
 *   interrupted after it was saved), saying how to move it in place.
 * user_totp_rekey: every secret opened with the key file and sealed again (those in clear
 *   too) under a new key written to the key file + ".new" (0600, never over an existing file:
 *   ERR_STATE when one is left), audited per account as totp-rekey; *resealed = how many.
 *   Inside the caller's write transaction; nothing is changed (and the ".new" file removed)
 *   when anything fails.
 * user_totp_rekey_finish: after the transaction is saved, the new key moved over the old one
 *   (rename, then the folder synced); user_totp_rekey_abandon: when it is not, the ".new" file
 *   removed. Until the commit,
 *   sign-ins read the old sealed values and the old key; between the commit and the move (a
 *   moment) a second factor does not open and the sign-in fails with a server error. */
struct user_totp_key_state {
	int sealed, clear, next_left;
};
int user_totp_key_check(struct store *s, struct user_totp_key_state *st,
			struct gk_error *e) GK_WUR;
int user_totp_rekey(struct store *s, int *resealed, struct gk_error *e) GK_WUR;
int user_totp_rekey_finish(struct store *s, struct gk_error *e) GK_WUR;
void user_totp_rekey_abandon(struct store *s);

struct user_new {
	const char *name;          /* login name: 1–64 bytes of UTF-8, no spaces or control chars */
	const char *display_name;  /* NULL = name */
	const char *role;          /* role id */
	int64_t agency_id;         /* 0 = none (admin, supervisor of several organs) */
	const char *password;      /* NULL = no password yet (cannot log in); else ≥ 8 bytes */
};

/* Validate and add a user inside the open write transaction; audit-logged (never the password
 * or its hash). ERR_CONFLICT if the name exists. */
int user_create(struct store *s, const struct user_new *in, int64_t *id, struct gk_error *e) GK_WUR;

/* Set (or with password NULL, clear) the password of user name; audit-logged (never the
 * password). Every session of the user ends (domain/session.h). ERR_NOTFOUND if there is no
 * such user, ERR_INVALID if it is too short. */
int user_set_password(struct store *s, const char *name, const char *password,
		      struct gk_error *e) GK_WUR;

/* The account called name (strings in a); ERR_NOTFOUND if there is none. */
int user_find(struct store *s, const char *name, struct arena *a, struct user_rec *out,
	      struct gk_error *e) GK_WUR;

/* The account with id (strings in a); ERR_NOTFOUND if there is none. */
int user_get(struct store *s, int64_t id, struct arena *a, struct user_rec *out,
	     struct gk_error *e) GK_WUR;

/* Disable account name: its password is cleared (user_set_password with NULL), so it cannot
 * sign in and every session of it ends. self is the account doing it (NULL from the command
 * line). Refused with ERR_STATE when it would leave no security administrator who can sign in, or when name is
 * self (nobody locks themselves out). Audit-logged as clear-password. */
int user_disable(struct store *s, const char *name, const char *self, struct gk_error *e) GK_WUR;

/* Change the role and organ (0 = none) of account name; audit-logged with the old and the new
 * values. An officer, reviewer or leader needs an organ (field "--agency"). Refused with
 * ERR_STATE when it would leave no security administrator who can sign in, or when self (may be NULL) changes
 * their own role. Sessions go on: the console reads the role at every request. */
int user_set_role(struct store *s, const char *name, const char *role, int64_t agency_id,
		  const char *self, struct gk_error *e) GK_WUR;

/* Check name + password; on success fill out (strings in a). A wrong name or password are the
 * same ERR_FORBIDDEN "wrong user name or password", and an unknown name or an account without
 * a password (disabled) costs one argon2id verification like a wrong password does. */
int user_authenticate(struct store *s, const char *name, const char *password, struct arena *a,
		      struct user_rec *out, struct gk_error *e) GK_WUR;

/* Every user, in name order. */
int user_list(struct store *s, user_row_fn fn, void *ctx, struct gk_error *e) GK_WUR;

#endif

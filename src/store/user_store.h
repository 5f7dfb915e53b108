/*
 * user_store.h — persistence of staff accounts (table app_user). Domain rules: domain/user.h.
 *
 * Strings in records filled by get are allocated in the caller's arena; records passed to a
 * list callback are valid only during the call. Depends on store/store.h.
 */
#ifndef GK_STORE_USER_STORE_H
#define GK_STORE_USER_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct user_rec {
	int64_t id;
	const char *name;           /* login name, unique */
	const char *display_name;
	const char *role;           /* officer | reviewer | leader | admin | supervisor */
	int64_t agency_id;          /* 0 = not tied to one organ */
	const char *password_hash;  /* argon2id string, NULL = cannot log in */
	const char *created_at;
};

typedef int (*user_row_fn)(void *ctx, const struct user_rec *r);
/* One past password hash of an account (newest first in lists). */
typedef int (*user_hash_fn)(void *ctx, const char *hash, int64_t at);
struct user_totp_rec;
/* One account's second factor in a list (valid only during the call). */
typedef int (*user_totp_fn)(void *ctx, int64_t id, const struct user_totp_rec *r);

/* An account's second factor: the TOTP secret as stored (sealed, domain/totp_key.h; a
 * database from before sealing may still hold the base32 secret itself), whether its owner
 * confirmed it with a code (until then it is pending and not asked at sign-in), the last step
 * used. */
struct user_totp_rec {
	const char *secret;
	int confirmed;
	int64_t last_step;
};

struct user_store_ops {
	/* Insert (id ignored); ERR_CONFLICT if the name exists. */
	int (*insert)(struct store *s, const struct user_rec *r, int64_t *id, struct gk_error *e);
	/* By login name; ERR_NOTFOUND if none. */
	int (*get_by_name)(struct store *s, const char *name, struct arena *a, struct user_rec *out,
			   struct gk_error *e);
	int (*get)(struct store *s, int64_t id, struct arena *a, struct user_rec *out,
		   struct gk_error *e);
	/* Replace the password hash of user id (NULL clears it). */
	int (*set_password)(struct store *s, int64_t id, const char *hash, struct gk_error *e);
	/* Replace the role and organ (0 = none) of user id. */
	int (*set_role)(struct store *s, int64_t id, const char *role, int64_t agency_id,
			struct gk_error *e);
	/* Every user in name order; stops when fn returns non-zero. */
	int (*list)(struct store *s, user_row_fn fn, void *ctx, struct gk_error *e);
	/* Add a password hash to user id's history (at: seconds since 1970) and keep the newest
	 * keep of them. */
	int (*history_add)(struct store *s, int64_t id, const char *hash, int64_t at, int keep,
			   struct gk_error *e);
	/* The history, newest first; stops when fn returns non-zero. */
	int (*history_list)(struct store *s, int64_t id, user_hash_fn fn, void *ctx,
			    struct gk_error *e);
	/* The second factor of user id (*found = 0 when none; strings in a). */
	int (*totp_get)(struct store *s, int64_t id, struct arena *a, struct user_totp_rec *out,
			int *found, struct gk_error *e);
	/* Replace it (r NULL: remove it). */
	int (*totp_set)(struct store *s, int64_t id, const struct user_totp_rec *r,
			struct gk_error *e);
	/* Every account's second factor, by account id; stops when fn returns non-zero. */
	int (*totp_list)(struct store *s, user_totp_fn fn, void *ctx, struct gk_error *e);
};

/* The one implementation, store/user_store.c (written against store/db.h). */
extern const struct user_store_ops store_user_ops;

static inline const struct user_store_ops *user_store(struct store *s)
{
	(void)s;
	return &store_user_ops;
}

#endif

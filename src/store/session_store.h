/*
 * session_store.h — persistence of staff sign-in sessions (table staff_session). The rules
 * (token, expiry, CSRF token) are in domain/session.h.
 *
 * A row holds the SHA-256 of the session token, never the token itself, so whoever reads the
 * database cannot sign in with what they read. Times are seconds since 1970 (UTC) here and
 * the store's timestamps in the table. Strings of records filled by get are in the caller's
 * arena. Depends on store/store.h.
 */
#ifndef GK_STORE_SESSION_STORE_H
#define GK_STORE_SESSION_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct session_rec {
	const char *token_hash;   /* 64 hex digits: SHA-256 of the token */
	int64_t user_id;
	int64_t created;          /* when signed in */
	int64_t seen;             /* last use (updated at most once a minute) */
	const char *client;       /* the address it signed in from; NULL = unknown */
};

struct session_store_ops {
	/* Add a session; ERR_CONFLICT if the hash exists. */
	int (*insert)(struct store *s, const struct session_rec *r, struct gk_error *e);
	/* The session of token_hash; ERR_NOTFOUND if none. */
	int (*get)(struct store *s, const char *token_hash, struct arena *a,
		   struct session_rec *out, struct gk_error *e);
	/* Set the last use of token_hash to seen (no error if it is gone). */
	int (*touch)(struct store *s, const char *token_hash, int64_t seen, struct gk_error *e);
	/* Delete the session of token_hash (no error if it is gone). */
	int (*remove)(struct store *s, const char *token_hash, struct gk_error *e);
	/* Delete every session of user_id; *n (may be NULL) = how many. */
	int (*remove_user)(struct store *s, int64_t user_id, int *n, struct gk_error *e);
	/* Delete every session last used before seen_before or made before created_before;
	 * *n (may be NULL) = how many. */
	int (*remove_expired)(struct store *s, int64_t seen_before, int64_t created_before, int *n,
			      struct gk_error *e);
	/* Delete all but the keep most recent sessions of user_id. */
	int (*trim_user)(struct store *s, int64_t user_id, int keep, struct gk_error *e);
};

/* The one implementation, store/session_store.c (written against store/db.h). */
extern const struct session_store_ops store_session_ops;

static inline const struct session_store_ops *session_store(struct store *s)
{
	(void)s;
	return &store_session_ops;
}

#endif

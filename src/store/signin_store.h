/*
 * signin_store.h — persistence of sign-in records (tables signin_failure, signin_last): every
 * failed sign-in (account name as typed, client address, time) and each account's last two
 * sign-ins. The rules (throttling, what is shown) are in domain/signin.h.
 *
 * Times are seconds since 1970 (UTC). Strings of records handed to a list callback are valid
 * only during the call; those filled by last are in the caller's arena.
 * Depends on store/store.h.
 */
#ifndef GK_STORE_SIGNIN_STORE_H
#define GK_STORE_SIGNIN_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct signin_failure_rec {
	int64_t at;
	const char *account;      /* the name typed (may be no account at all) */
	const char *client;       /* the address the attempt came from */
};

typedef int (*signin_failure_fn)(void *ctx, const struct signin_failure_rec *r);

/* One sign-in of an account: when and from where (client NULL = unknown), and the last failed
 * sign-in recorded before it (its id; set by record). */
struct signin_rec {
	int64_t at;               /* 0 = none */
	const char *client;
	int64_t mark;
};

struct signin_store_ops {
	/* Record one failed sign-in. */
	int (*fail_add)(struct store *s, const struct signin_failure_rec *r, struct gk_error *e);
	/* The failures at or after since of account (NULL = any) from client (NULL = any) — of
	 * those in the second since itself, only the ones recorded after failure mark (0 = all) —:
	 * how many (*n) and the time of the latest (*last, 0 when none). */
	int (*fail_count)(struct store *s, const char *account, const char *client, int64_t since,
			  int64_t mark, int64_t *n, int64_t *last, struct gk_error *e);
	/* The same failures of account (NULL = every account), newest first, at most limit of
	 * them; stops when fn returns non-zero. */
	int (*fail_list)(struct store *s, const char *account, int64_t since, int64_t mark,
			 int limit, signin_failure_fn fn, void *ctx, struct gk_error *e);
	/* Delete the failures before before. */
	int (*fail_prune)(struct store *s, int64_t before, struct gk_error *e);
	/* Record a sign-in of user_id (now->mark is ignored: the last failure recorded is taken);
	 * the one before it becomes the previous. */
	int (*record)(struct store *s, int64_t user_id, const struct signin_rec *now,
		      struct gk_error *e);
	/* The latest (*last) and the one before it (*prev) of user_id ({0, NULL} when none). */
	int (*last)(struct store *s, int64_t user_id, struct arena *a, struct signin_rec *last,
		    struct signin_rec *prev, struct gk_error *e);
};

/* The one implementation, store/signin_store.c (written against store/db.h). */
extern const struct signin_store_ops store_signin_ops;

static inline const struct signin_store_ops *signin_store(struct store *s)
{
	(void)s;
	return &store_signin_ops;
}

#endif

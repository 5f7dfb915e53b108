/*
 * shared_store.h — persistence of what the web processes of one database share (tables
 * rate_count, web_secret): the counters of the public forms' rate limits and the secrets made
 * once for the whole database. The rules (windows, which secret signs what) are in
 * domain/shared.h.
 * Depends on store/store.h.
 */
#ifndef GK_STORE_SHARED_STORE_H
#define GK_STORE_SHARED_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct shared_store_ops {
	/* Count one event of key at time now in its window, which started after since (else a
	 * new window starts now, at 1); *n is the count in the window including this one. */
	int (*rate_hit)(struct store *s, const char *key, int64_t now, int64_t since, int64_t *n,
			struct gk_error *e);
	/* Forget the counters of windows that started before before. */
	int (*rate_prune)(struct store *s, int64_t before, struct gk_error *e);
	/* Store value as secret name unless one of that name is there already (the first
	 * process to make it wins; the others read it). */
	int (*secret_add)(struct store *s, const char *name, const char *value, const char *at,
			  struct gk_error *e);
	/* Secret name (in a, NULL when none). */
	int (*secret_get)(struct store *s, const char *name, struct arena *a, char **value,
			  struct gk_error *e);
};

/* The one implementation, store/shared_store.c (written against store/db.h). */
extern const struct shared_store_ops store_shared_ops;

static inline const struct shared_store_ops *shared_store(struct store *s)
{
	(void)s;
	return &store_shared_ops;
}

#endif

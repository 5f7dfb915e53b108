/*
 * agency_store.h — persistence of organs (行政机关, table agency). Domain rules: domain/agency.h.
 *
 * Strings in records filled by get/find are allocated in the caller's arena; records passed
 * to a list callback are valid only during the call. Depends on store/backend.h.
 */
#ifndef GK_STORE_AGENCY_STORE_H
#define GK_STORE_AGENCY_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/backend.h"

struct agency_rec {
	int64_t id;
	const char *name;
	const char *code;        /* 统一社会信用代码, NULL if unknown */
	const char *level;       /* "township", … (domain/agency.h) */
	int64_t parent_id;       /* 0 = none */
	const char *created_at;
};

typedef int (*agency_row_fn)(void *ctx, const struct agency_rec *r);

struct agency_store_ops {
	/* Insert (id ignored) and return the new id. ERR_CONFLICT for a duplicate name or code. */
	int (*insert)(struct store *s, const struct agency_rec *r, int64_t *id, struct gk_error *e);
	/* By id; ERR_NOTFOUND if none. */
	int (*get)(struct store *s, int64_t id, struct arena *a, struct agency_rec *out,
		   struct gk_error *e);
	/* By exact name; ERR_NOTFOUND if none. */
	int (*find_name)(struct store *s, const char *name, struct arena *a, struct agency_rec *out,
			 struct gk_error *e);
	/* Every organ in id order; stops early when fn returns non-zero (and returns that). */
	int (*list)(struct store *s, agency_row_fn fn, void *ctx, struct gk_error *e);
	int (*count)(struct store *s, int64_t *n, struct gk_error *e);
};

static inline const struct agency_store_ops *agency_store(struct store *s)
{
	return s->be->agency;
}

#endif

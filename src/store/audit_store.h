/*
 * audit_store.h — persistence of the hash-chained audit log (table audit_event).
 *
 * Append and read only: there is no update or delete operation (and the SQLite schema refuses
 * them with triggers). Chaining and verification are domain/audit.h's job.
 * Depends on store/store.h.
 */
#ifndef GK_STORE_AUDIT_STORE_H
#define GK_STORE_AUDIT_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct audit_rec {
	int64_t id;
	const char *at;          /* UTC timestamp */
	const char *actor;
	int64_t agency_id;       /* 0 = not about one organ */
	const char *entity;      /* "agency", "user", "application", … */
	int64_t entity_id;       /* 0 = none */
	const char *action;      /* "create", "event", "decide", … */
	const char *content;     /* JSON text */
	const char *prev_hash;   /* hex SHA-256 of the previous entry ("" for the first) */
	const char *hash;        /* hex SHA-256 of this entry */
};

typedef int (*audit_row_fn)(void *ctx, const struct audit_rec *r);

struct audit_store_ops {
	/* The entry with the highest id; *found = 0 if the log is empty. */
	int (*last)(struct store *s, struct arena *a, struct audit_rec *out, int *found,
		    struct gk_error *e);
	/* Append r with its id as given (the chain needs to know it before hashing). */
	int (*append)(struct store *s, const struct audit_rec *r, struct gk_error *e);
	/* Entries in id order, optionally only those about (entity, entity_id) when entity is not
	 * NULL; stops when fn returns non-zero. */
	int (*list)(struct store *s, const char *entity, int64_t entity_id, audit_row_fn fn,
		    void *ctx, struct gk_error *e);
};

/* The one implementation, store/audit_store.c (written against store/db.h). */
extern const struct audit_store_ops store_audit_ops;

static inline const struct audit_store_ops *audit_store(struct store *s)
{
	(void)s;
	return &store_audit_ops;
}

#endif

/*
 * migrate.h — moving an office's data between databases (gongkai migrate): everything one
 * database holds copied into an empty one (a SQLite file onto a platform's PostgreSQL
 * database, or back), in one transaction, then checked by exporting every organ's ledger
 * from both and comparing them byte for byte, and by verifying the destination's audit chain.
 * May call store/, domain/exchange.h, domain/audit.h, domain/agency.h.
 */
#ifndef GK_DOMAIN_MIGRATE_H
#define GK_DOMAIN_MIGRATE_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

struct migrate_report {
	int tables;               /* tables copied */
	int64_t rows;             /* rows copied, all tables */
	int organs;               /* organs whose exports were compared (all equal) */
	int64_t audit_entries;    /* entries of the destination's audit log, chain verified */
};

/* Called after each table: its name and rows copied. */
typedef void (*migrate_progress_fn)(void *ctx, const char *table, int64_t rows);

/* Copy everything of from into to (opened for writing, with no organ yet) and check it.
 * Nothing is written to to unless every row is accepted; from is only read. ERR_STATE when to
 * is not empty; ERR_DB / ERR_CONFLICT as the databases answer; ERR_INTERNAL (naming the organ)
 * if an export differs after the copy. */
int migrate_run(struct store *from, struct store *to, migrate_progress_fn fn, void *ctx,
		struct migrate_report *out, struct gk_error *e) GK_WUR;

#endif

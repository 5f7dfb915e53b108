/*
 * transfer.h — moving everything one store holds into another, empty one (gongkai migrate:
 * an office's SQLite file onto a platform's PostgreSQL database, or back).
 *
 * Every table of the schema is copied row by row with its ids, in an order that meets every
 * reference; the search index is not copied but rebuilt by the destination (its triggers, or
 * its driver). The destination must have this program's schema and no organ yet. The caller
 * opens a read transaction on from and a write transaction on to, and commits to only when
 * this returns 0 (nothing is written otherwise). Depends on store/store.h.
 */
#ifndef GK_STORE_TRANSFER_H
#define GK_STORE_TRANSFER_H

#include <stdint.h>

#include "base/err.h"
#include "store/stmt.h"
#include "store/store.h"

/* Called once per table copied: its name and the rows copied. */
typedef void (*transfer_fn)(void *ctx, const char *table, int64_t rows);

int store_transfer(struct store *from, struct store *to, transfer_fn fn, void *ctx,
		   struct gk_error *e) GK_WUR;

/* The number of tables store_transfer copies, and the name and the read statement of the i-th
 * (for the check that every column of the schema is copied). */
int store_transfer_tables(void);
const char *store_transfer_table(int i, enum stmt_id *read);
/* 1 for a table store_transfer leaves alone on purpose (each database keeps its own). */
int store_transfer_skips(const char *table);

#endif

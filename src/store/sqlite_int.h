/*
 * sqlite_int.h — shared between the SQLite driver's own files (store/sqlite.c, sqlite_search.c,
 * sqlite_keymap.c, sqlite_backup.c, sqlite_warm.c); nothing else includes it, and only these
 * files include sqlite3.h.
 *
 * The search seam runs SQLite-only SQL (FTS5): its statements are `static const char sql[]`
 * in sqlite_search.c, prepared once per connection and cached by the address of the text
 * (sq_stmt), handed back reset with bindings cleared.
 */
#ifndef GK_STORE_SQLITE_INT_H
#define GK_STORE_SQLITE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/driver.h"

/* The connection of a SQLite store. */
sqlite3 *sq_db(struct store *s);

/* The cached prepared statement for sql (a string with static storage), reset and with its
 * bindings cleared. ERR_DB (with SQLite's message) if it does not compile. */
int sq_stmt(struct store *s, const char *sql, sqlite3_stmt **out, struct gk_error *e) GK_WUR;

/* A SQLite result code as the store's error (store/db.c's mapping), naming what. */
int sq_fail(struct store *s, int rc, const char *what, struct gk_error *e);

/* Step a query: *row = 1 when a row is ready; at the end *row = 0 and the statement is reset. */
int sq_next(struct store *s, sqlite3_stmt *st, int *row, const char *what, struct gk_error *e) GK_WUR;

/* Step a query expected to return one row: 0 with the row ready, ERR_NOTFOUND naming field
 * and "no <none>" when there is none. */
int sq_one(struct store *s, sqlite3_stmt *st, const char *what, const char *field,
	   const char *none, struct gk_error *e) GK_WUR;

/* Text NULL → SQL NULL. */
void sq_bind_text(sqlite3_stmt *st, int i, const char *s);

/* sqlite_backup.c: the whole-database copy and check of store.h */
int sq_copy(const char *src, const char *dest, struct gk_error *e);
int sq_check(struct store *s, struct gk_error *e);

/* sqlite_keymap.c: the search key of each position of the search indexes (migration
 * "search_pos"). A position is the published bit and the day of a search key, above a serial
 * of SQ_POS_SERIAL_BITS bits among that day's documents. */
#define SQ_POS_SERIAL_BITS 20
#define SQ_POS_SERIAL_MAX (((int64_t)1 << SQ_POS_SERIAL_BITS) - 1)

/* The position of key's day with that serial (0: the day's first, SQ_POS_SERIAL_MAX: past its
 * last). */
int64_t sq_position(int64_t key, int64_t serial);

/* gk_key(position) registered on db with a map of its own (freed with db); NULL if that
 * failed. */
struct sq_keymap;
struct sq_keymap *sq_keymap_register(sqlite3 *db);

/* The map brought up to date with search_change, or read again from search_doc (within the
 * open transaction, so the map is the transaction's). */
int sq_keymap_refresh(struct store *s, struct sq_keymap *m, struct gk_error *e) GK_WUR;

/* The map of s's connection. */
struct sq_keymap *sq_keymap(struct store *s);

/* The key of position pos in m: 0, or -1 when no document has it. */
int sq_keymap_key(struct sq_keymap *m, int64_t pos, int64_t *key);

/* sqlite_warm.c: the search index read ahead (store_search_ops.warm); *whole set when the
 * whole file was read. */
int sq_warm(struct store *s, int64_t budget, int (*fn)(void *ctx, int64_t done), void *ctx,
	    int64_t *done, int *whole, struct gk_error *e) GK_WUR;

/* sqlite_search.c: the catalogue's full-text search (FTS5) */
extern const struct store_search_ops sqlite_search_ops;

#endif

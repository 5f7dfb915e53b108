/*
 * sqlite_int.h — shared helpers for the SQLite backend's area files (store/sqlite_*.c only).
 *
 * Every statement is prepared once per connection and cached (sq_stmt), keyed by the address
 * of its SQL text: write statements as `static const char sql[] = "…"` in the area file, with
 * `?` parameters, and never build SQL from user text. A cached statement comes back reset
 * with its bindings cleared; all statements are reset before COMMIT/ROLLBACK.
 * This header includes sqlite3.h; nothing outside src/store/ may include it.
 */
#ifndef GK_STORE_SQLITE_INT_H
#define GK_STORE_SQLITE_INT_H

#include <sqlite3.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/backend.h"

/* The connection of a SQLite store. */
sqlite3 *sq_db(struct store *s);

/* The cached prepared statement for sql (a string with static storage), reset and with its
 * bindings cleared. ERR_DB (with SQLite's message) if it does not compile. */
int sq_stmt(struct store *s, const char *sql, sqlite3_stmt **out, struct gk_error *e) GK_WUR;

/* Turn a SQLite result code into an enum err with a message naming what was being done:
 * SQLITE_CONSTRAINT → ERR_CONFLICT, SQLITE_BUSY/LOCKED → ERR_CONFLICT ("database is busy"),
 * anything else → ERR_DB. */
int sq_fail(struct store *s, int rc, const char *what, struct gk_error *e);

/* Step a statement that returns no rows (INSERT/UPDATE/DELETE) and reset it. */
int sq_exec_stmt(struct store *s, sqlite3_stmt *st, const char *what, struct gk_error *e) GK_WUR;

/* Step a query: *row = 1 when a row is ready; at the end *row = 0 and the statement is reset.
 * On error the statement is reset and the error (naming what) returned. */
int sq_next(struct store *s, sqlite3_stmt *st, int *row, const char *what, struct gk_error *e) GK_WUR;

/* Step an INSERT, reset it, and hand back the new row's id. */
int sq_insert(struct store *s, sqlite3_stmt *st, const char *what, int64_t *id,
	      struct gk_error *e) GK_WUR;

/* Step a query expected to return one row: 0 with the row ready (reset it after reading:
 * sqlite3_reset), ERR_NOTFOUND with field and "no <noun>" in e when there is none. */
int sq_one(struct store *s, sqlite3_stmt *st, const char *what, const char *field,
	   const char *none, struct gk_error *e) GK_WUR;

/* Call row(ctx, st) for every row of a query; stops early when row returns non-zero (and
 * returns that, the statement reset). */
int sq_each(struct store *s, sqlite3_stmt *st, const char *what,
	    int (*row)(void *ctx, sqlite3_stmt *st), void *ctx, struct gk_error *e) GK_WUR;

/* Bind helpers: text NULL → SQL NULL; int64 with 'null_if' sentinel. Indices start at 1. */
void sq_bind_text(sqlite3_stmt *st, int i, const char *s);
void sq_bind_int(sqlite3_stmt *st, int i, int64_t v);
void sq_bind_int_or_null(sqlite3_stmt *st, int i, int64_t v, int64_t null_value);

/* Column helpers. sq_col_text: "" for NULL, valid until the next step/reset.
 * sq_col_dup: a copy in the arena, or NULL for SQL NULL. */
const char *sq_col_text(sqlite3_stmt *st, int i);
char *sq_col_dup(sqlite3_stmt *st, int i, struct arena *a);
int64_t sq_col_int(sqlite3_stmt *st, int i);
int sq_col_is_null(sqlite3_stmt *st, int i);

/* The area op tables of the SQLite backend (one line per area; defined in sqlite_<area>.c). */
/* sqlite_backup.c: the whole-database copy and check of store.h */
int sq_copy(const char *src, const char *dest, struct gk_error *e);
int sq_check(struct store *s, struct gk_error *e);

extern const struct agency_store_ops sqlite_agency_ops;
extern const struct user_store_ops sqlite_user_ops;
extern const struct audit_store_ops sqlite_audit_ops;
extern const struct app_store_ops sqlite_app_ops;
extern const struct register_store_ops sqlite_register_ops;
extern const struct report_store_ops sqlite_report_ops;
extern const struct doc_store_ops sqlite_doc_ops;
extern const struct session_store_ops sqlite_session_ops;
extern const struct signin_store_ops sqlite_signin_ops;

#endif

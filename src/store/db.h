/*
 * db.h — what area code (store/<area>_store.c) runs its statements with, whatever the database.
 *
 * A statement is named (store/stmt.h) and prepared once per connection by the store's driver
 * (store/driver.h) from its dialect's text; db_stmt hands it back reset, bindings cleared
 * (unbound parameters are NULL). Parameters and columns are numbered as in the SQL: parameters
 * from 1, columns from 0. Errors are mapped once, in db.c: a unique, foreign-key or check
 * constraint is ERR_CONFLICT, a database busy past its timeout ERR_CONFLICT ("busy"),
 * anything else ERR_DB — each message naming what was being done.
 * Nothing here names a database library. Depends on base/, text/desc.h and store/stmt.h.
 */
#ifndef GK_STORE_DB_H
#define GK_STORE_DB_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/stmt.h"
#include "store/store.h"
#include "text/desc.h"

/* A prepared statement of one connection (opaque to area code). */
struct db_stmt;

/* The statement id of s's connection, ready to bind. ERR_DB if it does not compile. */
int db_stmt(struct store *s, enum stmt_id id, struct db_stmt **out, struct gk_error *e) GK_WUR;

/* Step a statement that returns no rows (INSERT/UPDATE/DELETE) and reset it. */
int db_exec(struct store *s, struct db_stmt *st, const char *what, struct gk_error *e) GK_WUR;

/* Step a query: *row = 1 when a row is ready; at the end *row = 0 and the statement is reset.
 * On error the statement is reset and the error (naming what) returned. */
int db_next(struct store *s, struct db_stmt *st, int *row, const char *what, struct gk_error *e) GK_WUR;

/* Step an INSERT, reset it, and hand back the new row's id (the dialect's INSERT may return
 * it as its one column: RETURNING id). */
int db_insert(struct store *s, struct db_stmt *st, const char *what, int64_t *id,
	      struct gk_error *e) GK_WUR;

/* Run statement id, a serial counter's "INSERT … ON CONFLICT … DO UPDATE SET last = last + 1
 * RETURNING last" of (owner ?1, year ?2), and hand back the serial it returns (the 索引号 of
 * documents, the reference numbers of notices). */
int db_serial(struct store *s, enum stmt_id id, int64_t owner, int64_t year, int64_t *serial,
	      const char *what, struct gk_error *e) GK_WUR;

/* Set the last serial of (owner, year) with statement id (binds ?1 owner, ?2 year, ?3 last):
 * an import's high-water mark. */
int db_serial_put(struct store *s, enum stmt_id id, int64_t owner, int64_t year, int64_t last,
		  const char *what, struct gk_error *e) GK_WUR;

/* Step a query expected to return one row: 0 with the row ready (db_reset it after reading),
 * ERR_NOTFOUND with field and "no <none>" in e when there is none. */
int db_one(struct store *s, struct db_stmt *st, const char *what, const char *field,
	   const char *none, struct gk_error *e) GK_WUR;

/* Call row(ctx, st) for every row of a query; stops early when row returns non-zero (and
 * returns that, the statement reset). */
int db_each(struct store *s, struct db_stmt *st, const char *what,
	    int (*row)(void *ctx, struct db_stmt *st), void *ctx, struct gk_error *e) GK_WUR;

/* Begin running a bound query (not yet stepped) beside the statements that follow it in the
 * same read transaction, where the database can (PostgreSQL: a second connection on the same
 * snapshot; SQLite: nothing, it runs when first stepped). Its rows come with db_each/db_next
 * as usual, the same rows either way. */
void db_start(struct store *s, struct db_stmt *st);

/* Forget the rest of a query's rows (call after reading the row db_one or db_next gave). */
void db_reset(struct db_stmt *st);

/* Rows changed by the last INSERT/UPDATE/DELETE of the connection. */
int64_t db_changes(struct store *s);

/* Binding: text NULL → SQL NULL (copied); int64 with a 'null_value' sentinel; a blob's bytes
 * must stay unchanged until the statement has been stepped (they are not copied). */
void db_bind_text(struct db_stmt *st, int i, const char *v);
void db_bind_int(struct db_stmt *st, int i, int64_t v);
void db_bind_int_or_null(struct db_stmt *st, int i, int64_t v, int64_t null_value);
void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t len);

/* A record declared field by field (text/desc.h, store/records.h): db_bind_record binds its
 * fields from parameter first on in the order of the declaration (a text as text, NULL when
 * absent; a whole number, -1 as NULL); db_read_record reads them back from column first on (a
 * NULL text as NULL, a NULL number as -1), copied into a, or without a valid until the next
 * step. The statement's columns are the fields' names in that order
 * (tests/unit/store/test_store_records.c holds every such statement to it). */
void db_bind_record(struct db_stmt *st, int first, const struct desc_record *r, const void *rec);
void db_read_record(struct db_stmt *st, int first, const struct desc_record *r, void *rec,
		    struct arena *a);

/* The storage class of a column of the current row. */
enum db_type { DB_NULL, DB_INT, DB_REAL, DB_TEXT, DB_BLOB };

/* Columns. db_col_text: "" for NULL, valid until the next step/reset; db_col_dup: a copy in
 * the arena, or NULL for SQL NULL; db_col_blob: the bytes (and *len), valid until the next
 * step/reset. */
const char *db_col_text(struct db_stmt *st, int i);
/* A text column that may be NULL: NULL for SQL NULL, else a copy in a, or without a the
 * statement's own text (valid until the next step/reset). */
const char *db_col_opt(struct db_stmt *st, int i, struct arena *a);
char *db_col_dup(struct db_stmt *st, int i, struct arena *a);
int64_t db_col_int(struct db_stmt *st, int i);
double db_col_double(struct db_stmt *st, int i);
int db_col_is_null(struct db_stmt *st, int i);
enum db_type db_col_type(struct db_stmt *st, int i);
/* How many columns the statement's rows have (on PostgreSQL, known once a row is ready). */
int db_col_count(struct db_stmt *st);
const void *db_col_blob(struct db_stmt *st, int i, size_t *len);
/* A copy of column i's bytes in the arena, NUL-terminated (*len the bytes without it). */
char *db_col_blob_dup(struct db_stmt *st, int i, struct arena *a, size_t *len);

#endif

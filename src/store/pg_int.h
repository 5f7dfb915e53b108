/*
 * pg_int.h — shared between the PostgreSQL driver's own files (store/postgresql.c,
 * store/pg_search.c); nothing else includes it, and only these files include libpq-fe.h.
 */
#ifndef GK_STORE_PG_INT_H
#define GK_STORE_PG_INT_H

#include <libpq-fe.h>

#include "base/err.h"
#include "store/driver.h"

/* The connection of a PostgreSQL store. */
PGconn *pg_conn(struct store *s);

/* A failed result (or, res NULL, the connection's last error) as the store's error, naming
 * what (store/db.c's mapping). */
int pg_fail(struct store *s, PGresult *res, const char *what, struct gk_error *e);

/* Run fixed SQL text (never user text); e may be NULL. */
int pg_exec(struct store *s, const char *sql, const char *what, struct gk_error *e);

/* pg_search.c: the catalogue's full-text search (tsvector of gongkai's tokens) */
extern const struct store_search_ops pg_search_ops;

#endif

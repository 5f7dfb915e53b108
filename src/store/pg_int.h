/*
 * pg_int.h — shared between the PostgreSQL driver's own files (store/postgresql.c,
 * store/pg_search.c); nothing else includes it, and only these files include libpq-fe.h.
 */
#ifndef GK_STORE_PG_INT_H
#define GK_STORE_PG_INT_H

#include <libpq-fe.h>

#include "base/err.h"
#include "store/driver.h"

#define PG_MAXPARAM 64

/* Type OIDs (catalog/pg_type_d.h, stable across versions). */
enum { OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_FLOAT4 = 700,
       OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

/* What every connection of gongkai's sets first (waiting for a lock at most PG_BUSY_S seconds);
 * and JIT compilation off (refused by a server without JIT: the failure is ignored). */
#define PG_BUSY_S "5"
#define PG_SESSION_SQL "SET client_encoding = 'UTF8'; SET lock_timeout = '" PG_BUSY_S "s'; " \
		       "SET client_min_messages = warning"
#define PG_NO_JIT_SQL "SET jit = off"

struct pg_stmt;

struct pg {
	PGconn *conn;
	int version;
	int64_t changes;
	unsigned serial;           /* names of prepared statements */
	int reading;               /* in a read transaction (one snapshot) */
	char *url;                 /* to open the connection beside */
	PGconn *beside;            /* pg_beside.c: NULL until first needed */
	int beside_off;            /* the server cannot share a snapshot: never again */
	struct pg_stmt *beside_st; /* the statement running beside, if any */
};

struct pg_stmt {
	struct pg *pg;
	char name[16];
	char *sql;                 /* the text as prepared ($N parameters) */
	int nparams;
	char *val[PG_MAXPARAM];    /* owned text values (NULL = SQL NULL) */
	const char *blob[PG_MAXPARAM];
	int len[PG_MAXPARAM];
	int fmt[PG_MAXPARAM];      /* 1 for a binary bytea */
	PGresult *res;
	int row, nrows;
	unsigned char *unesc;      /* the last bytea read, unescaped */
	int writes;                /* INSERT, UPDATE or DELETE: may fail on a constraint */
	int beside;                /* sent on the connection beside; its result not yet taken */
};

struct pg *pg_of(struct store *s);

/* A notice processor that drops the server's notices (gongkai reports its own errors). */
void pg_no_notices(void *arg, const char *msg);

/* A new connection to the database url names (libpq's URL or key=value string), shown as
 * application "gongkai" in pg_stat_activity unless the URL names another (application_name). */
PGconn *pg_connect(const char *url);

/* The connection of a PostgreSQL store. */
PGconn *pg_conn(struct store *s);

/* The values of st's parameters as libpq takes them (the lengths of binary ones set). */
void pg_param_values(struct pg_stmt *st, const char **vals);

/* The fault of a failed result on connection c (res may be NULL: the connection's message). */
void pg_fault(PGconn *c, const PGresult *res, struct db_fault *f);

/* A failed result (or, res NULL, the connection's last error) as the store's error, naming
 * what (store/db.c's mapping). */
int pg_fail(struct store *s, PGresult *res, const char *what, struct gk_error *e);

/* Run fixed SQL text (never user text); e may be NULL. */
int pg_exec(struct store *s, const char *sql, const char *what, struct gk_error *e);

/* pg_beside.c: a read statement run on a second connection that shares the read
 * transaction's snapshot, while the first runs the next ones (driver.h's start). */
void pg_beside_start(struct store *s, void *h);
/* The result of st, which was started beside: waits for it and ends the connection's
 * transaction; *c is the connection it came from (for its fault). */
PGresult *pg_beside_result(struct pg *q, struct pg_stmt *st, PGconn **c);
/* Give up the statement running beside (a reset before its rows were read). */
void pg_beside_abandon(struct pg *q);
void pg_beside_close(struct pg *q);

/* pg_search.c: the catalogue's full-text search (tsvector of gongkai's tokens) */
extern const struct store_search_ops pg_search_ops;
/* Every indexed document's chunks and title written again under its key (pg_search.c), for a
 * migration whose search tokens changed (struct migration's pg_tokens), inside its transaction. */
int pg_search_write_again(struct store *s, struct gk_error *e);

#endif

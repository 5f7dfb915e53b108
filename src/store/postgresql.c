/*
 * postgresql.c — the PostgreSQL driver (store/driver.h), on libpq: connection, schema
 * migrations, transactions, prepared statements, and PostgreSQL's SQLSTATEs as store faults.
 *
 * A database is named by a libpq URL (postgresql://USER@HOST/DB, also with ?host=/socket/dir).
 * The statements are the portable ones (store/sql_common.c) and PostgreSQL's own
 * (store/sql_postgresql.c); their `?` / `?N` parameters become `$N` when prepared, once per
 * connection. Values travel as text (blobs as binary bytea), results as text.
 *
 * Transactions: a write transaction is READ COMMITTED and first takes one advisory lock of
 * the whole database (pg_advisory_xact_lock), so writers queue as on SQLite's BEGIN IMMEDIATE:
 * the audit chain, 索引号 serials and every read-then-write of the domain see no concurrent
 * writer. A read transaction is REPEATABLE READ READ ONLY: one consistent snapshot. Waiting
 * for a lock longer than 5 s (lock_timeout) is "the database is busy". A lost connection is
 * re-established when the next transaction begins; a transaction it breaks fails as a whole.
 *
 * The database must use UTF-8 and the C collation (text sorts by bytes, as in SQLite); the
 * driver refuses others with the command that creates a right one. docs/platform.md.
 * May call base/, store/db.c, libpq.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "base/mem.h"
#include "store/migrations.h"
#include "store/pg_int.h"

#define PG_LOCK_KEY "7469021356"      /* the advisory lock of every write transaction */
struct pg *pg_of(struct store *s)
{
	return s->impl;
}

PGconn *pg_connect(const char *url)
{
	const char *const keys[] = { "dbname", "fallback_application_name", NULL };
	const char *const values[] = { url, "gongkai", NULL };

	return PQconnectdbParams(keys, values, 1);
}

PGconn *pg_conn(struct store *s)
{
	return pg_of(s)->conn;
}

void pg_no_notices(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

void pg_fault(PGconn *c, const PGresult *res, struct db_fault *f)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	f->msg = msg ? msg : PQerrorMessage(c);
	f->kind = DB_FAULT_OTHER;
	if (PQstatus(c) != CONNECTION_OK) {
		f->kind = DB_FAULT_GONE;
		f->msg = "the connection to the database was lost";
		return;
	}
	if (state == NULL)
		return;
	/* 08: connection exception; 57P01–57P03: the server shut down, the backend was
	 * terminated (pg_terminate_backend), the server is starting */
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P0", 4) == 0)
		f->kind = DB_FAULT_GONE;
	else if (strcmp(state, "23505") == 0)
		f->kind = DB_FAULT_UNIQUE;
	else if (strcmp(state, "23503") == 0)
		f->kind = DB_FAULT_FOREIGN_KEY;
	else if (strncmp(state, "23", 2) == 0 || strcmp(state, "P0001") == 0)
		f->kind = DB_FAULT_CHECK;   /* check, not null, or a refusing trigger */
	else if (strcmp(state, "55P03") == 0 || strcmp(state, "40001") == 0 ||
		 strcmp(state, "40P01") == 0) {
		f->kind = DB_FAULT_BUSY;
		f->msg = "another writer held it for more than " PG_BUSY_S " s";
	}
}

int pg_fail(struct store *s, PGresult *res, const char *what, struct gk_error *e)
{
	struct db_fault f;

	pg_fault(pg_conn(s), res, &f);
	return db_fault_error(&f, what, e);
}

/* Run fixed SQL text (transaction control, migrations): never user text. Empty text (a
 * migration with nothing to do here) is nothing to do, as in SQLite. */
int pg_exec(struct store *s, const char *sql, const char *what, struct gk_error *e)
{
	PGresult *res = PQexec(pg_conn(s), sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
		rc = e ? pg_fail(s, res, what, e) : ERR_DB;
	PQclear(res);
	return rc;
}

/* The single value of a fixed query (NULL when none), copied into out. */
static int pg_value(struct store *s, const char *sql, char *out, size_t n, const char *what,
		    struct gk_error *e)
{
	PGresult *res = PQexec(pg_conn(s), sql);
	int rc = 0;

	out[0] = '\0';
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = pg_fail(s, res, what, e);
	else if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		snprintf(out, n, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return rc;
}

/* sql with SQLite-style parameters (`?`, `?N`) as PostgreSQL's ($N), in a new string. */
static char *dollar_params(const char *sql)
{
	size_t n = strlen(sql), cap = n * 4 + 1;
	char *out = xmalloc(cap), *o = out;
	int quoted = 0, next = 1, max = 0;

	for (const char *p = sql; *p; p++) {
		if (*p == '\'')
			quoted = !quoted;
		if (quoted || *p != '?') {
			*o++ = *p;
			continue;
		}
		if (p[1] >= '0' && p[1] <= '9') {
			int v = (int)strtol(p + 1, NULL, 10);
			if (v > max)
				max = v;
			*o++ = '$';
			continue;   /* the digits follow */
		}
		next = max + 1;
		max = next;
		o += snprintf(o, cap - (size_t)(o - out), "$%d", next);
	}
	*o = '\0';
	return out;
}

static int drv_prepare(struct store *s, const char *sql, void **h, struct gk_error *e)
{
	struct pg *q = pg_of(s);
	struct pg_stmt *st = xcalloc(1, sizeof *st);
	char *text = dollar_params(sql);
	PGresult *res;
	int rc = 0;

	st->pg = q;
	st->writes = strncmp(sql, "INSERT", 6) == 0 || strncmp(sql, "UPDATE", 6) == 0 ||
		     strncmp(sql, "DELETE", 6) == 0;
	snprintf(st->name, sizeof st->name, "gk%u", ++q->serial);
	/* a failure is the fault of its result: a lost connection is ERR_UNAVAILABLE, as in
	 * any statement, not a bad statement */
	res = PQprepare(q->conn, st->name, text, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_fail(s, res, "preparing SQL", e);
	PQclear(res);
	if (rc == 0) {
		res = PQdescribePrepared(q->conn, st->name);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = pg_fail(s, res, "preparing SQL", e);
		else if ((st->nparams = PQnparams(res)) > PG_MAXPARAM)
			rc = err_set(e, ERR_INTERNAL, "", "a statement with %d parameters", st->nparams);
		for (int i = 0; rc == 0 && i < st->nparams; i++)
			st->fmt[i] = PQparamtype(res, i) == OID_BYTEA;
		PQclear(res);
	}
	if (rc != 0) {
		free(text);
		free(st);
		return rc;
	}
	st->sql = text;
	*h = st;
	return 0;
}

static void clear_result(struct pg_stmt *st)
{
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	if (st->unesc)
		PQfreemem(st->unesc);
	st->unesc = NULL;
}

static void drv_reset(void *h)
{
	struct pg_stmt *st = h;

	if (st->beside)
		pg_beside_abandon(st->pg);
	clear_result(st);
	for (int i = 0; i < st->nparams; i++) {
		free(st->val[i]);
		st->val[i] = NULL;
		st->blob[i] = NULL;
		st->len[i] = 0;
	}
}

static void drv_finalize(void *h)
{
	drv_reset(h);
	free(((struct pg_stmt *)h)->sql);
	free(h);   /* the server forgets the statement with the connection */
}

static void set_text(struct pg_stmt *st, int i, char *v)
{
	if (i < 1 || i > st->nparams) {
		free(v);
		return;
	}
	free(st->val[i - 1]);
	st->val[i - 1] = v;
	st->blob[i - 1] = NULL;
	st->len[i - 1] = 0;
}

static void drv_bind_null(void *h, int i)
{
	set_text(h, i, NULL);
}

static void drv_bind_int(void *h, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	set_text(h, i, xstrdup(buf));
}

static void drv_bind_text(void *h, int i, const char *v)
{
	set_text(h, i, xstrdup(v));
}

static void drv_bind_blob(void *h, int i, const void *p, size_t len)
{
	struct pg_stmt *st = h;

	set_text(st, i, NULL);
	if (i < 1 || i > st->nparams)
		return;
	st->blob[i - 1] = len ? p : "";
	st->len[i - 1] = (int)len;
	st->fmt[i - 1] = 1;
}

void pg_param_values(struct pg_stmt *st, const char **vals)
{
	for (int i = 0; i < st->nparams; i++) {
		vals[i] = st->blob[i] ? st->blob[i] : st->val[i];
		if (st->fmt[i] && !st->blob[i] && st->val[i])
			st->len[i] = (int)strlen(st->val[i]);
	}
}

static int drv_step(struct store *s, void *h, struct db_fault *f)
{
	struct pg_stmt *st = h;
	struct pg *q = pg_of(s);

	if (st->res == NULL) {
		const char *vals[PG_MAXPARAM];
		PGconn *c = q->conn;
		ExecStatusType rs;
		int guard = 0;

		if (st->beside) {
			st->res = pg_beside_result(q, st, &c);
		} else {
			pg_param_values(st, vals);
			/* A failed statement aborts a PostgreSQL transaction, not a SQLite one: a
			 * change that may fail runs inside a savepoint, so that its failure undoes
			 * only itself. */
			guard = st->writes && PQtransactionStatus(q->conn) == PQTRANS_INTRANS;
			if (guard && pg_exec(s, "SAVEPOINT gk_stmt", "", NULL) != 0)
				guard = 0;
			st->res = PQexecPrepared(q->conn, st->name, st->nparams, vals, st->len,
						 st->fmt, 0);
		}
		rs = PQresultStatus(st->res);
		if (rs != PGRES_TUPLES_OK && rs != PGRES_COMMAND_OK) {
			pg_fault(c, st->res, f);
			if (guard)
				pg_exec(s, "ROLLBACK TO SAVEPOINT gk_stmt", "", NULL);
			return -1;   /* the result (and f->msg) live until the reset */
		}
		if (guard)
			pg_exec(s, "RELEASE SAVEPOINT gk_stmt", "", NULL);
		q->changes = strtoll(PQcmdTuples(st->res), NULL, 10);
		st->nrows = PQntuples(st->res);
		st->row = -1;
	}
	if (st->unesc) {
		PQfreemem(st->unesc);
		st->unesc = NULL;
	}
	return ++st->row < st->nrows ? 1 : 0;
}

static int drv_col_count(void *h)
{
	struct pg_stmt *st = h;

	return st->res ? PQnfields(st->res) : 0;
}

static enum db_type drv_col_type(void *h, int i)
{
	struct pg_stmt *st = h;

	if (PQgetisnull(st->res, st->row, i))
		return DB_NULL;
	switch (PQftype(st->res, i)) {
	case OID_INT8:
	case OID_INT4:
	case OID_INT2:
		return DB_INT;
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC:
		return DB_REAL;
	case OID_BYTEA:
		return DB_BLOB;
	default:
		return DB_TEXT;
	}
}

static int64_t drv_col_int(void *h, int i)
{
	struct pg_stmt *st = h;

	return PQgetisnull(st->res, st->row, i) ? 0 : strtoll(PQgetvalue(st->res, st->row, i), NULL, 10);
}

static double drv_col_double(void *h, int i)
{
	struct pg_stmt *st = h;

	return PQgetisnull(st->res, st->row, i) ? 0 : strtod(PQgetvalue(st->res, st->row, i), NULL);
}

static const char *drv_col_text(void *h, int i, size_t *len)
{
	struct pg_stmt *st = h;

	if (PQgetisnull(st->res, st->row, i)) {
		*len = 0;
		return NULL;
	}
	*len = (size_t)PQgetlength(st->res, st->row, i);
	return PQgetvalue(st->res, st->row, i);
}

static const void *drv_col_blob(void *h, int i, size_t *len)
{
	struct pg_stmt *st = h;

	*len = 0;
	if (PQgetisnull(st->res, st->row, i))
		return NULL;
	if (PQftype(st->res, i) != OID_BYTEA)
		return drv_col_text(h, i, len);
	if (st->unesc)
		PQfreemem(st->unesc);
	st->unesc = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, i), len);
	return st->unesc;
}

static int64_t drv_changes(struct store *s)
{
	return pg_of(s)->changes;
}

static int64_t drv_last_id(struct store *s)
{
	(void)s;
	return 0;   /* every INSERT whose id is wanted says RETURNING id */
}

/* A migration's SQL as PostgreSQL runs it (a new string): its PostgreSQL variant, else its
 * SQL, with PostgreSQL's column types — outside quoted text, INTEGER PRIMARY KEY (not a
 * reference) is an identity column, INTEGER is BIGINT (SQLite's integers are 64-bit), BLOB
 * is BYTEA, and tables are not STRICT (PostgreSQL's always are). */
static char *pg_schema_sql(const struct migration *m)
{
	static const struct { const char *from, *to; } rule[] = {
		{ "INTEGER PRIMARY KEY REFERENCES", "BIGINT PRIMARY KEY REFERENCES" },
		{ "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" },
		{ "INTEGER", "BIGINT" },
		{ "BLOB", "BYTEA" },
		{ ") STRICT;", ");" },
	};
	const char *sql = m->pg ? m->pg : m->sql;
	size_t cap = strlen(sql) * 5 + 1;
	char *out = xmalloc(cap), *o = out;
	int quoted = 0;

	for (const char *p = sql; *p;) {
		size_t i, n = sizeof rule / sizeof rule[0];
		if (*p == '\'')
			quoted = !quoted;
		for (i = 0; !quoted && i < n; i++) {
			size_t len = strlen(rule[i].from);
			if (strncmp(p, rule[i].from, len) == 0) {
				o += snprintf(o, cap - (size_t)(o - out), "%s", rule[i].to);
				p += len;
				break;
			}
		}
		if (quoted || i == n)
			*o++ = *p++;
	}
	*o = '\0';
	return out;
}

/* The migration names recorded must be the ones this program knows. */
static int check_names(struct store *s, struct gk_error *e)
{
	PGresult *res = PQexec(pg_conn(s), "SELECT version, name FROM schema_migration ORDER BY version");
	int rc = 0;

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_fail(s, res, "reading the schema history", e);
		PQclear(res);
		return rc;
	}
	for (int r = 0; r < PQntuples(res) && rc == 0; r++) {
		int v = (int)strtol(PQgetvalue(res, r, 0), NULL, 10);
		const char *name = PQgetvalue(res, r, 1);
		if (v >= 1 && v <= store_migrations_n && strcmp(name, store_migrations[v - 1].name) != 0)
			rc = err_set(e, ERR_DB, "--db", "schema migration %d of this database is '%s' but "
				     "this gongkai expects '%s'; the database was made by a different "
				     "development line", v, name, store_migrations[v - 1].name);
	}
	PQclear(res);
	return rc;
}

/* The schema version: 0 when the database has no gongkai tables yet. */
static int read_version(struct store *s, int *have, struct gk_error *e)
{
	char v[32];
	int rc;

	*have = 0;
	if ((rc = pg_value(s, "SELECT to_regclass('schema_migration') IS NOT NULL", v, sizeof v,
			   "reading the schema version", e)) != 0)
		return rc;
	if (strcmp(v, "t") != 0)
		return 0;
	if ((rc = pg_value(s, "SELECT coalesce(max(version), 0) FROM schema_migration", v, sizeof v,
			   "reading the schema version", e)) != 0)
		return rc;
	*have = (int)strtol(v, NULL, 10);
	return 0;
}

static int newer(int have, struct gk_error *e)
{
	return err_set(e, ERR_DB, "--db", "the database has schema version %d but this gongkai "
		       "knows versions up to %d: it was written by a newer gongkai; upgrade gongkai "
		       "(the database is left untouched)", have, store_migrations_n);
}

static int migrate(struct store *s, struct gk_error *e)
{
	int have, rc;

	if ((rc = read_version(s, &have, e)) != 0)
		return rc;
	if (have > store_migrations_n)
		return newer(have, e);
	if (have == store_migrations_n) {
		pg_of(s)->version = have;
		return check_names(s, e);
	}
	if ((rc = pg_exec(s, "BEGIN; SELECT pg_advisory_xact_lock(" PG_LOCK_KEY ")",
			  "upgrading the schema", e)) != 0)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = read_version(s, &have, e)) != 0)
		goto fail;
	if (have > store_migrations_n) {
		rc = newer(have, e);
		goto fail;
	}
	if (have > 0 && (rc = check_names(s, e)) != 0)
		goto fail;
	for (int v = have + 1; v <= store_migrations_n; v++) {
		const struct migration *m = &store_migrations[v - 1];
		const char *vals[3];
		char num[12], now[21], what[128];
		PGresult *res;

		char *sql = pg_schema_sql(m);

		snprintf(what, sizeof what, "schema migration %d (%s)", v, m->name);
		rc = pg_exec(s, sql, what, e);
		free(sql);
		if (rc == 0 && m->pg_tokens)
			rc = pg_search_write_again(s, e);
		if (rc != 0)
			goto fail;
		snprintf(num, sizeof num, "%d", v);
		store_now(now);
		vals[0] = num;
		vals[1] = m->name;
		vals[2] = now;
		res = PQexecParams(pg_conn(s), "INSERT INTO schema_migration (version, name, applied_at) "
				   "VALUES ($1, $2, $3)", 3, NULL, vals, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = pg_fail(s, res, what, e);
		PQclear(res);
		if (rc != 0)
			goto fail;
	}
	if ((rc = pg_exec(s, "COMMIT", "upgrading the schema", e)) != 0)
		goto fail;
	pg_of(s)->version = store_migrations_n;
	return 0;
fail:
	pg_exec(s, "ROLLBACK", "rollback", NULL);
	return rc;
}

static void pg_close(struct store *s)
{
	struct pg *q = pg_of(s);

	if (q == NULL)
		return;
	db_finalize_all(s);
	pg_beside_close(q);
	PQfinish(q->conn);
	free(q->url);
	free(q);
	s->impl = NULL;
}

/* The database's name for messages: never the URL, which may hold a password. */
static void where(PGconn *c, char *out, size_t n)
{
	const char *host = PQhost(c);

	snprintf(out, n, "PostgreSQL database '%s'%s%s", PQdb(c) ? PQdb(c) : "",
		 host && host[0] && host[0] != '/' ? " on " : "", host && host[0] != '/' ? host : "");
}

static int settings(struct store *s, const char *name, struct gk_error *e)
{
	char v[64];
	int rc;

	if ((rc = pg_exec(s, PG_SESSION_SQL, "setting up the connection", e)) != 0)
		return rc;
	/* No JIT compilation: gongkai's statements are short or read a year once, and compiling
	 * them costs more than it saves (90 ms of a region report's 1.5 s at 10⁶ applications).
	 * A server without JIT (before PostgreSQL 11; openGauss) refuses the setting: ignored. */
	pg_exec(s, PG_NO_JIT_SQL, "turning JIT compilation off", NULL);
	if ((rc = pg_value(s, "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate FROM "
			   "pg_database WHERE datname = current_database()", v, sizeof v,
			   "reading the database's encoding", e)) != 0)
		return rc;
	if (strcmp(v, "UTF8 C") != 0 && strcmp(v, "UTF8 POSIX") != 0)
		return err_set(e, ERR_DB, "--db", "%s has encoding and collation '%s'; gongkai needs "
			       "UTF8 and C (text sorted by bytes): CREATE DATABASE … TEMPLATE template0 "
			       "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", name, v);
	return 0;
}

static int pg_open(struct store *s, const char *url, unsigned flags, struct gk_error *e)
{
	struct pg *q = xcalloc(1, sizeof *q);
	char name[200];
	int rc, have;

	s->impl = q;
	q->url = xstrdup(url);
	q->conn = pg_connect(url);
	if (q->conn == NULL || PQstatus(q->conn) != CONNECTION_OK) {
		const char *msg = q->conn ? PQerrorMessage(q->conn) : "out of memory";
		size_t n = strcspn(msg, "\n");
		rc = err_set(e, ERR_DB, "--db", "cannot connect to the PostgreSQL database: %.*s",
			     (int)n, msg);
		goto fail;
	}
	PQsetNoticeProcessor(q->conn, pg_no_notices, NULL);
	where(q->conn, name, sizeof name);
	if ((rc = settings(s, name, e)) != 0 || (rc = read_version(s, &have, e)) != 0)
		goto fail;
	if (have == 0 && !(flags & STORE_CREATE)) {
		rc = err_set(e, ERR_NOTFOUND, "--db", "no gongkai database in %s; create one with "
			     "'gongkai --db URL init --agency-name NAME'", name);
		goto fail;
	}
	if (flags & STORE_READONLY) {
		if (have != store_migrations_n) {
			rc = err_set(e, ERR_DB, "--db", "the database has schema version %d, this "
				     "gongkai needs %d; open it once for writing to upgrade it",
				     have, store_migrations_n);
			goto fail;
		}
		q->version = have;
		return check_names(s, e);
	}
	if ((rc = migrate(s, e)) != 0)
		goto fail;
	return 0;
fail:
	pg_close(s);
	return rc;
}

/* Make the connection again after it was lost (the server restarted, the backend was
 * terminated): prepared statements went with the session. ERR_UNAVAILABLE while the server
 * cannot be reached. */
static int pg_reconnect(struct store *s, struct gk_error *e)
{
	struct pg *q = pg_of(s);

	db_finalize_all(s);
	PQreset(q->conn);
	if (PQstatus(q->conn) != CONNECTION_OK)
		return err_set(e, ERR_UNAVAILABLE, "", "the database cannot be reached: the "
			       "connection was lost and could not be made again");
	PQsetNoticeProcessor(q->conn, pg_no_notices, NULL);
	return settings(s, "the database", e);
}

/* A transaction starts on a live connection: one lost since the last transaction (found
 * before, or by BEGIN itself failing on it) is made again once — nothing was done yet. */
static int pg_begin(struct store *s, int write, struct gk_error *e)
{
	struct pg *q = pg_of(s);
	int rc;

	for (int attempt = 0;; attempt++) {
		/* after a failure that lost the connection (libpq may not have seen the socket
		 * close yet: PQstatus can still say OK), always a new one */
		if ((attempt > 0 || PQstatus(q->conn) != CONNECTION_OK) && (rc = pg_reconnect(s, e)) != 0)
			return rc;
		rc = pg_exec(s, write ? "BEGIN ISOLATION LEVEL READ COMMITTED; "
			     "SELECT pg_advisory_xact_lock(" PG_LOCK_KEY ")"
			     : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
			     "starting a transaction", e);
		q->reading = rc == 0 && !write;
		if (rc != ERR_UNAVAILABLE || attempt > 0)
			return rc;
	}
}

static int pg_commit(struct store *s, struct gk_error *e)
{
	PGresult *res;
	int rc = 0;

	db_reset_all(s);
	pg_of(s)->reading = 0;
	res = PQexec(pg_conn(s), "COMMIT");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_fail(s, res, "committing", e);
	else if (strcmp(PQcmdStatus(res), "COMMIT") != 0)
		rc = err_set(e, ERR_DB, "", "committing: the transaction had failed and was rolled back");
	PQclear(res);
	return rc;
}

static void pg_rollback(struct store *s)
{
	db_reset_all(s);
	pg_of(s)->reading = 0;
	if (PQtransactionStatus(pg_conn(s)) != PQTRANS_IDLE)
		pg_exec(s, "ROLLBACK", "rolling back", NULL);
}

static void pg_schema_version(struct store *s, int *have, int *known)
{
	*have = pg_of(s)->version;
	*known = store_migrations_n;
}

static int pg_copy(const char *src, const char *dest, struct gk_error *e)
{
	(void)src;
	(void)dest;
	return err_set(e, ERR_INVALID, "FILE", "gongkai backup copies SQLite files; back up a "
		       "PostgreSQL database with pg_dump or a replica (docs/platform.md)");
}

static int pg_check(struct store *s, struct gk_error *e)
{
	char v[32];
	int rc;

	/* PostgreSQL enforces every constraint as it goes: what is left to see is that the
	 * schema is complete */
	if ((rc = pg_value(s, "SELECT count(*) FROM schema_migration", v, sizeof v,
			   "checking the database", e)) != 0)
		return rc;
	if (strtol(v, NULL, 10) != store_migrations_n)
		return err_set(e, ERR_DB, "", "the schema history has %s migrations, not %d", v,
			       store_migrations_n);
	return 0;
}

/* After store_transfer wrote rows with their ids: each identity column's next value follows
 * the largest id, and every document is indexed for search. */
static int pg_loaded(struct store *s, struct gk_error *e)
{
	PGresult *res;
	int rc;

	if ((rc = pg_exec(s, "DO $$ DECLARE r record; BEGIN\n"
			  "FOR r IN SELECT table_name, column_name FROM information_schema.columns\n"
			  "  WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP\n"
			  "  EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), "
			  "coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', r.table_name, "
			  "r.column_name, r.column_name, r.table_name);\n"
			  "END LOOP; END $$", "setting the next ids", e)) != 0)
		return rc;
	res = PQexec(pg_conn(s), "SELECT id FROM document ORDER BY id");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = pg_fail(s, res, "indexing the catalogue", e);
	for (int r = 0; rc == 0 && r < PQntuples(res); r++)
		rc = pg_search_ops.index(s, strtoll(PQgetvalue(res, r, 0), NULL, 10), e);
	PQclear(res);
	return rc;
}

const struct store_driver store_postgresql_driver = {
	.name = "postgresql",
	.sql = sql_postgresql,
	.search = &pg_search_ops,
	.open = pg_open,
	.close = pg_close,
	.schema_version = pg_schema_version,
	.copy = pg_copy,
	.check = pg_check,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.prepare = drv_prepare,
	.start = pg_beside_start,
	.reset = drv_reset,
	.finalize = drv_finalize,
	.bind_null = drv_bind_null,
	.bind_int = drv_bind_int,
	.bind_text = drv_bind_text,
	.bind_blob = drv_bind_blob,
	.step = drv_step,
	.col_count = drv_col_count,
	.col_type = drv_col_type,
	.col_int = drv_col_int,
	.col_double = drv_col_double,
	.col_text = drv_col_text,
	.col_blob = drv_col_blob,
	.changes = drv_changes,
	.last_id = drv_last_id,
	.loaded = pg_loaded,
};

/*
 * pg_beside.c — a read statement run on a second connection while the first runs the next
 * ones (the driver's start, store/driver.h): a region's annual report reads the year's fees
 * there while its applications are grouped here, on two server processes at once.
 *
 * The two connections read one and the same snapshot: the read transaction exports its
 * snapshot (pg_export_snapshot) and the second connection's transaction imports it (SET
 * TRANSACTION SNAPSHOT) before the statement is sent, so the figures add up as if one
 * connection had read them all. Only inside a read transaction, one statement at a time; the
 * second connection is opened the first time it is needed and kept with the store. A server
 * that cannot share snapshots (before PostgreSQL 10 on a standby, or one that refuses it:
 * tried once on the second connection, never on the transaction's own) leaves every statement
 * where it was: it then runs at its first step, as it would have without start.
 * May call base/ and libpq.
 */
#include <stdio.h>
#include <string.h>

#include "store/pg_int.h"

static int exec_ok(PGconn *c, const char *sql)
{
	PGresult *res = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(res);

	PQclear(res);
	return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

/* The transaction's snapshot exported into id (on the first connection); 0 if it cannot be. */
static int export_snapshot(PGconn *c, char *id, size_t n)
{
	PGresult *res = PQexec(c, "SELECT pg_export_snapshot()");
	int ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
		 strlen(PQgetvalue(res, 0, 0)) < n &&
		 strspn(PQgetvalue(res, 0, 0), "0123456789ABCDEFabcdef-") == strlen(PQgetvalue(res, 0, 0));

	if (ok)
		snprintf(id, n, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return ok;
}

/* The second connection, open and set up; NULL when it cannot be had. Whether the server
 * can export a snapshot is tried once here, in a transaction of this connection's own: a
 * failed export would abort the first connection's transaction. */
static PGconn *beside_conn(struct pg *q)
{
	char id[64];

	if (q->beside && PQstatus(q->beside) == CONNECTION_OK)
		return q->beside;
	if (q->beside) {              /* lost since its last statement: made again */
		PQfinish(q->beside);
		q->beside = NULL;
	}
	if (q->beside_off || q->url == NULL || PQserverVersion(q->conn) < 100000)
		return NULL;
	q->beside = pg_connect(q->url);
	if (PQstatus(q->beside) != CONNECTION_OK || !exec_ok(q->beside, PG_SESSION_SQL))
		goto off;
	PQsetNoticeProcessor(q->beside, pg_no_notices, NULL);
	(void)exec_ok(q->beside, PG_NO_JIT_SQL);
	if (!exec_ok(q->beside, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") ||
	    !export_snapshot(q->beside, id, sizeof id) || !exec_ok(q->beside, "ROLLBACK"))
		goto off;
	return q->beside;
off:
	/* refused (too many connections, no snapshots): this store reads on one connection */
	PQfinish(q->beside);
	q->beside = NULL;
	q->beside_off = 1;
	return NULL;
}

void pg_beside_start(struct store *s, void *h)
{
	struct pg *q = pg_of(s);
	struct pg_stmt *st = h;
	const char *vals[PG_MAXPARAM];
	char id[64], set[128];
	PGconn *b;

	if (!q->reading || st->writes || st->res || st->beside || q->beside_st ||
	    PQtransactionStatus(q->conn) != PQTRANS_INTRANS || (b = beside_conn(q)) == NULL)
		return;
	if (!export_snapshot(q->conn, id, sizeof id))
		return;
	snprintf(set, sizeof set, "SET TRANSACTION SNAPSHOT '%s'", id);  /* hex digits, dashes */
	if (!exec_ok(b, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
		return;
	pg_param_values(st, vals);
	if (!exec_ok(b, set) ||
	    !PQsendQueryParams(b, st->sql, st->nparams, NULL, vals, st->len, st->fmt, 0)) {
		(void)exec_ok(b, "ROLLBACK");
		return;
	}
	st->beside = 1;
	q->beside_st = st;
}

/* Read every result of the connection beside until it is idle; the first one is kept. */
static PGresult *drain(PGconn *b)
{
	PGresult *first = PQgetResult(b), *more;

	while ((more = PQgetResult(b)) != NULL)
		PQclear(more);
	return first;
}

PGresult *pg_beside_result(struct pg *q, struct pg_stmt *st, PGconn **c)
{
	PGresult *res = drain(q->beside);

	(void)exec_ok(q->beside, "COMMIT");
	st->beside = 0;
	q->beside_st = NULL;
	*c = q->beside;
	return res;
}

void pg_beside_abandon(struct pg *q)
{
	PGcancel *cancel = PQgetCancel(q->beside);
	char why[256];

	if (cancel) {
		(void)PQcancel(cancel, why, sizeof why);
		PQfreeCancel(cancel);
	}
	PQclear(drain(q->beside));
	(void)exec_ok(q->beside, "ROLLBACK");
	q->beside_st->beside = 0;
	q->beside_st = NULL;
}

void pg_beside_close(struct pg *q)
{
	if (q->beside_st)
		pg_beside_abandon(q);
	PQfinish(q->beside);
	q->beside = NULL;
}

/*
 * tmpstore.c — a throw-away store for unit tests (see tmpstore.h).
 */
#include "tmpstore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

static char dir[64], path[128];
static char pg_url[512], pg_name[64];

struct store *tmpstore_open(const char *tag)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;

	snprintf(dir, sizeof dir, "/tmp/gk-%s-XXXXXX", tag);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return NULL;
	}
	snprintf(path, sizeof path, "%s/t.db", dir);
	if (store_open(path, STORE_CREATE, &s, &e) != 0) {
		fprintf(stderr, "%s: %s\n", path, e.msg);
		return NULL;
	}
	return s;
}

const char *tmpstore_path(void)
{
	return path;
}

void tmpstore_drop(struct store *s)
{
	static const char *const suffix[] = { "", "-wal", "-shm", ".totp-key" };
	char p[160];

	store_close(s);
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
	rmdir(dir);
}

int tmpstore_pg_run(const char *url, const char *sql)
{
	PGconn *c = PQconnectdb(url);
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;

	if (!ok)
		fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
	return ok ? 0 : -1;
}

/* Run one statement on the admin database; 0 when it worked. */
static int pg_admin(const char *sql)
{
	const char *admin = getenv("GONGKAI_TEST_PG");

	return admin && *admin ? tmpstore_pg_run(admin, sql) : -1;
}

const char *tmpstore_pg_create(const char *tag)
{
	const char *admin = getenv("GONGKAI_TEST_PG");
	const char *q = admin ? strstr(admin, "/postgres?") : NULL;
	char sql[128];

	if (q == NULL) {
		fprintf(stderr, "GONGKAI_TEST_PG is not the URL of an admin database (…/postgres?…)\n");
		return NULL;
	}
	snprintf(pg_name, sizeof pg_name, "gk_unit_%s_%ld", tag, (long)getpid());
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", pg_name);
	if (pg_admin(sql) != 0)
		return NULL;
	snprintf(pg_url, sizeof pg_url, "%.*s/%s%s", (int)(q - admin), admin, pg_name, q + 9);
	return pg_url;
}

void tmpstore_pg_drop(void)
{
	char sql[128];

	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", pg_name);
	(void)pg_admin(sql);
}

struct store *tmpstore_pg_open(const char *tag)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;
	const char *url = tmpstore_pg_create(tag);

	if (url && store_open(url, STORE_CREATE, &s, &e) != 0) {
		fprintf(stderr, "%s: %s\n", url, e.msg);
		tmpstore_pg_drop();
		return NULL;
	}
	if (s)
		store_set_actor(s, "tester");
	return s;
}

void tmpstore_pg_close(struct store *s)
{
	store_close(s);
	tmpstore_pg_drop();
}

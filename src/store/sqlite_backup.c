/*
 * sqlite_backup.c — whole-database copies and the structural check for the SQLite store
 * (store_copy, store_check in store.h), used by `gongkai backup` and `gongkai restore`.
 *
 * A copy is SQLite's online backup API run in one step: the source is read in a single read
 * transaction, so the copy is one consistent snapshot, and in WAL mode the writers of the
 * source (a running server) go on meanwhile. Written into an existing database, the copy
 * replaces its content in one write transaction of the destination. May call base/, sqlite3.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/sqlite_int.h"

#define COPY_BUSY_MS 5000

static int open_db(const char *path, int flags, sqlite3 **out, const char *field, struct gk_error *e)
{
	int rc = sqlite3_open_v2(path, out, flags, NULL);

	if (rc != SQLITE_OK)
		return err_set(e, ERR_DB, field, "cannot open %s: %s", path,
			       *out ? sqlite3_errmsg(*out) : sqlite3_errstr(rc));
	sqlite3_busy_timeout(*out, COPY_BUSY_MS);
	return 0;
}

/* 0 when path holds an SQLite database (reading its schema succeeds). */
static int is_database(sqlite3 *db, const char *path, const char *field, struct gk_error *e)
{
	int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return err_set(e, ERR_DB, field, "%s is not a database (or is damaged): %s", path,
			       sqlite3_errstr(rc));
	if (rc != SQLITE_OK)
		return err_set(e, ERR_DB, field, "cannot read %s: %s", path, sqlite3_errmsg(db));
	return 0;
}

int sq_copy(const char *src, const char *dest, struct gk_error *e)
{
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_backup *b;
	struct stat st;
	int rc, waited = 0, fresh = stat(dest, &st) != 0;

	if (stat(src, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = err_set(e, ERR_NOTFOUND, "FILE", "no database file at %s", src);
		goto out;
	}
	/* read-write when allowed, so that closing tidies the source's -wal and -shm files;
	 * nothing is written to it */
	if ((rc = open_db(src, access(src, W_OK) == 0 ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
			  &from, "FILE", e)) != 0 ||
	    (rc = is_database(from, src, "FILE", e)) != 0 ||
	    (rc = open_db(dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &to, "FILE", e)) != 0)
		goto out;
	b = sqlite3_backup_init(to, "main", from, "main");
	if (b == NULL) {
		rc = err_set(e, ERR_DB, "FILE", "cannot copy %s to %s: %s", src, dest, sqlite3_errmsg(to));
		goto out;
	}
	/* -1: every page in one step, one snapshot of the source; retry while the destination is
	 * locked by another connection (a restore into a database in use) */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= COPY_BUSY_MS)
			break;
		sqlite3_sleep(50);
		waited += 50;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		rc = err_set(e, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? ERR_CONFLICT : ERR_DB, "FILE",
			     "copying %s to %s: %s", src, dest, sqlite3_errstr(rc));
		goto out;
	}
	/* A new file is one self-contained file (the copied header says WAL when the source
	 * is): rollback journal, so it can be read, moved and archived alone. An existing
	 * destination keeps its mode (SQLite keeps WAL). */
	rc = 0;
	if (fresh && sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = err_set(e, ERR_DB, "FILE", "finishing %s: %s", dest, sqlite3_errmsg(to));
out:
	sqlite3_close(from);
	sqlite3_close(to);
	return rc;
}

int sq_check(struct store *s, struct gk_error *e)
{
	static const char *const checks[][2] = {
		{ "PRAGMA integrity_check", "ok" },   /* every b-tree, index and constraint */
		{ "PRAGMA foreign_key_check", NULL }, /* no row: every reference resolves */
	};
	sqlite3 *db = sq_db(s);

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		sqlite3_stmt *st;
		int rc = sqlite3_prepare_v2(db, checks[i][0], -1, &st, NULL), bad = 0;
		char what[200] = "";

		if (rc != SQLITE_OK)
			return err_set(e, ERR_DB, "FILE", "%s: %s", checks[i][0], sqlite3_errmsg(db));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			bad = checks[i][1] == NULL || t == NULL || strcmp(t, checks[i][1]) != 0;
			if (bad)
				snprintf(what, sizeof what, "%s", t ? t : "?");
		} else if (rc != SQLITE_DONE) {
			snprintf(what, sizeof what, "%s", sqlite3_errmsg(db));
			bad = 1;
		}
		sqlite3_finalize(st);
		if (bad)
			return err_set(e, ERR_DB, "FILE", "the database is damaged: %s says %s",
				       checks[i][0] + 7, what);
	}
	return 0;
}

/*
 * store.h — the persistence interface: open a store, run transactions, name the actor.
 *
 * The store is an interface (DESIGN.md): operations are grouped by area, one header and one
 * file per area (store/agency_store.h, store/app_store.h, …), written once against a small
 * driver (store/driver.h: prepare, bind, step, column, transactions) that each database
 * provides with its dialect's statements. SQLite (store/sqlite.c, store/sql_sqlite.c) is the
 * embedded default. docs/store.md shows the seams: area → driver → dialect statements.
 *
 * Rules every caller follows:
 *   - one transaction per command (web: per request): store_begin … store_commit, or
 *     store_rollback on any error — nothing half-written is left behind;
 *   - the actor (a user name, or the OS user for the CLI) is set once with store_set_actor and
 *     recorded by the audit log for every change.
 * Only store/ includes sqlite3.h. Depends on base/.
 */
#ifndef GK_STORE_STORE_H
#define GK_STORE_STORE_H

#include <stdint.h>

#include "base/err.h"

#define STORE_ACTOR_MAX 64
#define STORE_KEY_FILE_MAX 4096

/* 1 when path names a database server (a postgresql:// URL) rather than a SQLite file: then
 * there is no folder "beside the database" for files that belong to it (the audit key). */
int store_is_server(const char *path);

/* store_open flags */
enum {
	STORE_CREATE = 1,     /* create the database if it does not exist (gongkai init) */
	STORE_READONLY = 2,   /* open for reading only */
};

struct store_driver;
struct db_stmt;

struct store {
	const struct store_driver *drv;   /* the database's driver (store/driver.h) */
	void *impl;                        /* the driver's own state */
	struct db_stmt *stmts;             /* the prepared statements, by name (store/db.c) */
	int in_txn;                        /* 1 inside store_begin … commit/rollback */
	char actor[STORE_ACTOR_MAX];       /* who acts on this connection, "" = unknown */
	char totp_key_file[STORE_KEY_FILE_MAX]; /* the key sealing TOTP secrets, "" = none */
};

/* Open the store at path (a file name for SQLite), apply pending schema migrations, and hand
 * back a new struct store (freed with store_close). Without STORE_CREATE a missing database is
 * ERR_NOTFOUND ("no database at …; create one with gongkai init"). A database whose schema is
 * newer than this program is refused with ERR_DB and a message saying which versions. */
int store_open(const char *path, unsigned flags, struct store **out, struct gk_error *e) GK_WUR;
/* Roll back any open transaction and free everything; s may be NULL. */
void store_close(struct store *s);

/* Begin a write transaction (SQLite: BEGIN IMMEDIATE, waiting up to the busy timeout for other
 * writers, so concurrent processes serialise instead of failing). */
int store_begin(struct store *s, struct gk_error *e) GK_WUR;
/* Begin a read transaction (a consistent snapshot). */
int store_begin_read(struct store *s, struct gk_error *e) GK_WUR;
int store_commit(struct store *s, struct gk_error *e) GK_WUR;
/* Undo the open transaction, if any. Never fails. */
void store_rollback(struct store *s);

/* Record who acts ("alice", or the OS user name); truncated to STORE_ACTOR_MAX-1 bytes. */
void store_set_actor(struct store *s, const char *actor);
/* The actor set with store_set_actor ("" if none). */
const char *store_actor(const struct store *s);

/* The file holding the key that seals the accounts' TOTP secrets at rest (domain/totp_key.h):
 * outside the database, so that a copy of the database alone does not reveal them. store_open
 * sets a SQLite database's default, its file name + ".totp-key"; a PostgreSQL store has none
 * until one is set (gongkai reads GONGKAI_TOTP_KEY or serve --totp-key). NULL or "" keeps the
 * default. */
void store_set_totp_key_file(struct store *s, const char *path);
/* The file set above, "" when none is known. */
const char *store_totp_key_file(const struct store *s);

/* The schema version of the open database and the newest version this program knows. */
void store_schema_version(struct store *s, int *have, int *known);

/* Copy the whole database at src to dest — a new file, or an existing database whose content
 * is replaced in one transaction — as one consistent snapshot of src, taken while other
 * connections (a running server) go on reading and writing it (SQLite's online backup).
 * src is opened read-only and never changed. A missing src is ERR_NOTFOUND, a file that is
 * not a database ERR_DB; errors name the field "FILE". */
int store_copy(const char *src, const char *dest, struct gk_error *e) GK_WUR;

/* Check the structure of the open database (SQLite: integrity_check, foreign_key_check):
 * 0 when sound, ERR_DB naming the first problem otherwise. */
int store_check(struct store *s, struct gk_error *e) GK_WUR;

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (the store's timestamp format). */
void store_now(char out[21]);

#endif

/*
 * sqlite.c — the SQLite backend: connection, pragmas, migrations, transactions, statement cache.
 *
 * Opened with WAL (readers never block the writer), foreign_keys=ON, synchronous=FULL and a
 * 5 s busy timeout. FULL makes every commit wait until the WAL is on the disk (fsync), so what
 * was acknowledged — an application's receipt, a staff action's answer — survives a power cut,
 * not only a killed process (NORMAL may lose the last commits then); bench/durability.sh
 * measures what it costs; write transactions start with BEGIN IMMEDIATE so two processes writing at
 * once queue on the lock instead of failing half-way. The schema is the ordered migration
 * list of store/migrations.c, applied on open inside one IMMEDIATE transaction.
 * The area operations live in store/sqlite_<area>.c. May call base/ and sqlite3.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/mem.h"
#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/sqlite_int.h"

#define SQ_BUSY_MS 5000
#define SQ_CACHE 512   /* statement cache slots (power of two) */

struct sq_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct sq {
	sqlite3 *db;
	int version;                   /* schema version after open */
	struct sq_slot cache[SQ_CACHE];
};

static struct sq *sq_of(struct store *s)
{
	return s->impl;
}

sqlite3 *sq_db(struct store *s)
{
	return sq_of(s)->db;
}

int sq_fail(struct store *s, int rc, const char *what, struct gk_error *e)
{
	const char *msg = s && s->impl ? sqlite3_errmsg(sq_db(s)) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return err_set(e, ERR_CONFLICT, "", "%s: %s", what, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_CONFLICT, "", "%s: the database is busy (another writer held "
			       "it for more than %d s)", what, SQ_BUSY_MS / 1000);
	default:
		return err_set(e, ERR_DB, "", "%s: %s", what, msg);
	}
}

int sq_stmt(struct store *s, const char *sql, sqlite3_stmt **out, struct gk_error *e)
{
	struct sq *q = sq_of(s);
	size_t h = ((uintptr_t)sql >> 3) & (SQ_CACHE - 1);
	int rc;

	for (size_t n = 0; n < SQ_CACHE; n++, h = (h + 1) & (SQ_CACHE - 1)) {
		struct sq_slot *slot = &q->cache[h];
		if (slot->sql == sql) {
			sqlite3_reset(slot->st);
			sqlite3_clear_bindings(slot->st);
			*out = slot->st;
			return 0;
		}
		if (slot->sql == NULL) {
			rc = sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->st, NULL);
			if (rc != SQLITE_OK) {
				slot->st = NULL;
				return err_set(e, ERR_DB, "", "preparing SQL: %s", sqlite3_errmsg(q->db));
			}
			slot->sql = sql;
			*out = slot->st;
			return 0;
		}
	}
	return err_set(e, ERR_INTERNAL, "", "statement cache full (%d statements)", SQ_CACHE);
}

int sq_exec_stmt(struct store *s, sqlite3_stmt *st, const char *what, struct gk_error *e)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		int r = sq_fail(s, rc, what, e);
		sqlite3_reset(st);
		return r;
	}
	sqlite3_reset(st);
	return 0;
}

int sq_next(struct store *s, sqlite3_stmt *st, int *row, const char *what, struct gk_error *e)
{
	int rc = sqlite3_step(st);

	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		return 0;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, what, e);
}

int sq_insert(struct store *s, sqlite3_stmt *st, const char *what, int64_t *id,
	      struct gk_error *e)
{
	int rc = sq_exec_stmt(s, st, what, e);

	if (rc == 0)
		*id = sqlite3_last_insert_rowid(sq_db(s));
	return rc;
}

int sq_one(struct store *s, sqlite3_stmt *st, const char *what, const char *field,
	   const char *none, struct gk_error *e)
{
	int rc, row;

	if ((rc = sq_next(s, st, &row, what, e)) != 0)
		return rc;
	return row ? 0 : err_set(e, ERR_NOTFOUND, field, "no %s", none);
}

int sq_each(struct store *s, sqlite3_stmt *st, const char *what,
	    int (*row)(void *ctx, sqlite3_stmt *st), void *ctx, struct gk_error *e)
{
	int rc, have;

	while ((rc = sq_next(s, st, &have, what, e)) == 0 && have) {
		if ((rc = row(ctx, st)) != 0) {
			sqlite3_reset(st);
			break;
		}
	}
	return rc;
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void sq_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, v);
}

void sq_bind_int_or_null(sqlite3_stmt *st, int i, int64_t v, int64_t null_value)
{
	if (v == null_value)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

const char *sq_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

char *sq_col_dup(sqlite3_stmt *st, int i, struct arena *a)
{
	const unsigned char *t;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	t = sqlite3_column_text(st, i);
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

int64_t sq_col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int sq_col_is_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

/* Run fixed SQL text (pragmas, migrations, transaction control): never user text. */
static int exec_fixed(struct store *s, const char *sql, const char *what, struct gk_error *e)
{
	char *msg = NULL;
	int rc = sqlite3_exec(sq_db(s), sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		int code = (rc & 0xff) == SQLITE_BUSY ? ERR_CONFLICT : ERR_DB;
		err_set(e, code, "", "%s: %s", what, msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return code;
	}
	return 0;
}

static int pragma_int(struct store *s, const char *sql, int *out, struct gk_error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(sq_db(s), sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sq_fail(s, rc, sql, e);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = 0;
	} else {
		rc = sq_fail(s, rc, sql, e);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The migration names recorded in the database must be the ones this program knows. */
static int check_names(struct store *s, int have, struct gk_error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(sq_db(s), "SELECT version, name FROM schema_migration "
				    "ORDER BY version", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sq_fail(s, rc, "reading the schema history", e);
	rc = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int v = sqlite3_column_int(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		if (v >= 1 && v <= have && v <= store_migrations_n &&
		    strcmp(name ? name : "", store_migrations[v - 1].name) != 0) {
			rc = err_set(e, ERR_DB, "--db", "schema migration %d of this database is "
				     "'%s' but this gongkai expects '%s'; the database was made by "
				     "a different development line", v, name ? name : "",
				     store_migrations[v - 1].name);
			break;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int migrate(struct store *s, struct gk_error *e)
{
	struct sq *q = sq_of(s);
	int have = 0, rc;
	char set_version[64];

	if ((rc = pragma_int(s, "PRAGMA user_version", &have, e)) != 0)
		return rc;
	if (have > store_migrations_n)
		goto newer;
	if (have == store_migrations_n) {
		q->version = have;
		return have > 0 ? check_names(s, have, e) : 0;
	}
	/* A migration may rebuild a table (SQLite cannot change a CHECK in place): foreign keys
	 * are off while the migrations run, and every reference is checked before the commit
	 * (the procedure of SQLite's ALTER TABLE documentation). */
	if ((rc = exec_fixed(s, "PRAGMA foreign_keys = OFF", "upgrading the schema", e)) != 0)
		return rc;
	if ((rc = exec_fixed(s, "BEGIN IMMEDIATE", "upgrading the schema", e)) != 0)
		goto fk_on;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = pragma_int(s, "PRAGMA user_version", &have, e)) != 0)
		goto fail;
	if (have > store_migrations_n) {
		exec_fixed(s, "ROLLBACK", "rollback", NULL);
		goto newer;
	}
	if (have > 0 && (rc = check_names(s, have, e)) != 0)
		goto fail;
	for (int v = have + 1; v <= store_migrations_n; v++) {
		const struct migration *m = &store_migrations[v - 1];
		sqlite3_stmt *st;
		char what[128];

		snprintf(what, sizeof what, "schema migration %d (%s)", v, m->name);
		if ((rc = exec_fixed(s, m->sql, what, e)) != 0)
			goto fail;
		rc = sqlite3_prepare_v2(q->db, "INSERT INTO schema_migration (version, name, "
					"applied_at) VALUES (?, ?, ?)", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			char now[21];
			store_now(now);
			sqlite3_bind_int(st, 1, v);
			sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(q->db);
			sqlite3_finalize(st);
		}
		if (rc != SQLITE_OK) {
			rc = sq_fail(s, rc, what, e);
			goto fail;
		}
	}
	snprintf(set_version, sizeof set_version, "PRAGMA user_version = %d", store_migrations_n);
	if ((rc = exec_fixed(s, set_version, "setting the schema version", e)) != 0)
		goto fail;
	{
		sqlite3_stmt *st;
		int bad = 0;

		rc = sqlite3_prepare_v2(q->db, "PRAGMA foreign_key_check", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			bad = sqlite3_step(st) == SQLITE_ROW;
			sqlite3_finalize(st);
		}
		if (rc != SQLITE_OK || bad) {
			rc = err_set(e, ERR_DB, "--db", "upgrading the schema would break references "
				     "between tables; the database is left as it was");
			goto fail;
		}
	}
	if ((rc = exec_fixed(s, "COMMIT", "upgrading the schema", e)) != 0)
		goto fail;
	q->version = store_migrations_n;
	return exec_fixed(s, "PRAGMA foreign_keys = ON", "enabling foreign keys", e);
fail:
	exec_fixed(s, "ROLLBACK", "rollback", NULL);
fk_on:
	exec_fixed(s, "PRAGMA foreign_keys = ON", "enabling foreign keys", NULL);
	return rc;
newer:
	exec_fixed(s, "PRAGMA foreign_keys = ON", "enabling foreign keys", NULL);
	return err_set(e, ERR_DB, "--db", "the database has schema version %d but this gongkai "
		       "knows versions up to %d: it was written by a newer gongkai; upgrade gongkai "
		       "(the database is left untouched)", have, store_migrations_n);
}

static void sq_close(struct store *s)
{
	struct sq *q = sq_of(s);

	if (q == NULL)
		return;
	for (size_t i = 0; i < SQ_CACHE; i++)
		if (q->cache[i].st)
			sqlite3_finalize(q->cache[i].st);
	sqlite3_close(q->db);
	free(q);
	s->impl = NULL;
}

static int sq_open(struct store *s, const char *path, unsigned flags, struct gk_error *e)
{
	struct sq *q = xcalloc(1, sizeof *q);
	struct stat st;
	int oflags, rc, wal = 0;
	char mode[16] = "";

	s->impl = q;
	if (!(flags & STORE_CREATE) && stat(path, &st) != 0) {
		rc = err_set(e, ERR_NOTFOUND, "--db", "no database at %s; create one with "
			     "'gongkai --db %s init --agency-name NAME'", path, path);
		goto fail;
	}
	oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (flags & STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &q->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		rc = err_set(e, ERR_DB, "--db", "cannot open %s: %s", path,
			     q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_busy_timeout(q->db, SQ_BUSY_MS);
	sqlite3_extended_result_codes(q->db, 0);
	/* The search tokenizer must be known before any FTS table is touched (migrations too). */
	if (store_fts_register(q->db) != 0) {
		rc = err_set(e, ERR_DB, "--db", "cannot register the search tokenizer (FTS5 missing)");
		goto fail;
	}
	if ((rc = exec_fixed(s, "PRAGMA foreign_keys = ON", "enabling foreign keys", e)) != 0)
		goto fail;
	/* A file that is not a database shows up here. */
	{
		sqlite3_stmt *jm;
		rc = sqlite3_prepare_v2(q->db, "PRAGMA journal_mode", -1, &jm, NULL);
		if (rc != SQLITE_OK) {
			rc = err_set(e, ERR_DB, "--db", "%s is not a gongkai database: %s", path,
				     sqlite3_errmsg(q->db));
			goto fail;
		}
		if (sqlite3_step(jm) == SQLITE_ROW)
			snprintf(mode, sizeof mode, "%s", (const char *)sqlite3_column_text(jm, 0));
		sqlite3_finalize(jm);
		wal = strcmp(mode, "wal") == 0;
	}
	if (!(flags & STORE_READONLY)) {
		if (!wal && (rc = exec_fixed(s, "PRAGMA journal_mode = WAL", "enabling WAL", e)) != 0)
			goto fail;
		if ((rc = exec_fixed(s, "PRAGMA synchronous = FULL", "setting synchronous", e)) != 0)
			goto fail;
		if ((rc = migrate(s, e)) != 0) {
			if (e && e->code == ERR_DB && strstr(e->msg, "file is not a database"))
				err_set(e, ERR_DB, "--db", "%s is not a gongkai database", path);
			goto fail;
		}
	} else {
		int have = 0;
		if ((rc = pragma_int(s, "PRAGMA user_version", &have, e)) != 0)
			goto fail;
		if (have != store_migrations_n) {
			rc = err_set(e, ERR_DB, "--db", "the database has schema version %d, this "
				     "gongkai needs %d; open it once for writing to upgrade it",
				     have, store_migrations_n);
			goto fail;
		}
		q->version = have;
	}
	return 0;
fail:
	sq_close(s);
	return rc;
}

static void reset_all(struct store *s)
{
	sqlite3_stmt *st = NULL;

	while ((st = sqlite3_next_stmt(sq_db(s), st)) != NULL)
		sqlite3_reset(st);
}

static int sq_begin(struct store *s, int write, struct gk_error *e)
{
	return exec_fixed(s, write ? "BEGIN IMMEDIATE" : "BEGIN", "starting a transaction", e);
}

static int sq_commit(struct store *s, struct gk_error *e)
{
	reset_all(s);
	return exec_fixed(s, "COMMIT", "committing", e);
}

static void sq_rollback(struct store *s)
{
	reset_all(s);
	if (!sqlite3_get_autocommit(sq_db(s)))
		exec_fixed(s, "ROLLBACK", "rolling back", NULL);
}

static void sq_schema_version(struct store *s, int *have, int *known)
{
	*have = sq_of(s)->version;
	*known = store_migrations_n;
}

const struct store_backend store_sqlite_backend = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.schema_version = sq_schema_version,
	.copy = sq_copy,
	.check = sq_check,
	/* area op tables: one line per area */
	.agency = &sqlite_agency_ops,
	.user = &sqlite_user_ops,
	.audit = &sqlite_audit_ops,
	.app = &sqlite_app_ops,
	.reg = &sqlite_register_ops,
	.report = &sqlite_report_ops,
	.doc = &sqlite_doc_ops,
	.session = &sqlite_session_ops,
	.signin = &sqlite_signin_ops,
};

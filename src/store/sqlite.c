/*
 * sqlite.c — the SQLite driver (store/driver.h): connection, pragmas, migrations, transactions,
 * statements, and SQLite's result codes as store faults.
 *
 * Opened with WAL (readers never block the writer), foreign_keys=ON, synchronous=FULL and a
 * 5 s busy timeout. FULL makes every commit wait until the WAL is on the disk (fsync), so what
 * was acknowledged — an application's receipt, a staff action's answer — survives a power cut,
 * not only a killed process (NORMAL may lose the last commits then); bench/durability.sh
 * measures what it costs; write transactions start with BEGIN IMMEDIATE so two processes writing at
 * once queue on the lock instead of failing half-way. The schema is the ordered migration
 * list of store/migrations.c, applied on open inside one IMMEDIATE transaction.
 * The statements' text is store/sql_common.c and store/sql_sqlite.c; the area operations
 * (store/<area>_store.c) are written once against store/db.h; the catalogue search is
 * store/sqlite_search.c.
 * May call base/, store/db.c and sqlite3.
 */
#include <limits.h>
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
#define SQ_BUSY_S "5"  /* SQ_BUSY_MS in seconds, for messages */
#define SQ_CACHE 512   /* statement cache slots (power of two) */

struct sq_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct sq {
	sqlite3 *db;
	struct sq_keymap *keymap;      /* gk_key's map, owned by db */
	int version;                   /* schema version after open */
	int writing;                   /* the open transaction may write */
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

struct sq_keymap *sq_keymap(struct store *s)
{
	return sq_of(s)->keymap;
}

/* The fault of a failed SQLite call, in the store's terms. */
static void fault_of(sqlite3 *db, int rc, struct db_fault *f)
{
	f->msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		switch (db ? sqlite3_extended_errcode(db) : rc) {
		case SQLITE_CONSTRAINT_UNIQUE:
		case SQLITE_CONSTRAINT_PRIMARYKEY:
			f->kind = DB_FAULT_UNIQUE;
			break;
		case SQLITE_CONSTRAINT_FOREIGNKEY:
			f->kind = DB_FAULT_FOREIGN_KEY;
			break;
		default:
			f->kind = DB_FAULT_CHECK;
			break;
		}
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		f->kind = DB_FAULT_BUSY;
		f->msg = "another writer held it for more than " SQ_BUSY_S " s";
		break;
	default:
		f->kind = DB_FAULT_OTHER;
		break;
	}
}

int sq_fail(struct store *s, int rc, const char *what, struct gk_error *e)
{
	struct db_fault f;

	fault_of(s && s->impl ? sq_db(s) : NULL, rc, &f);
	return db_fault_error(&f, what, e);
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

int sq_next(struct store *s, sqlite3_stmt *st, int *row, const char *what, struct gk_error *e)
{
	int rc = sqlite3_step(st);

	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		return 0;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, what, e);
}

int sq_one(struct store *s, sqlite3_stmt *st, const char *what, const char *field,
	   const char *none, struct gk_error *e)
{
	int rc, row;

	if ((rc = sq_next(s, st, &row, what, e)) != 0)
		return rc;
	return row ? 0 : err_set(e, ERR_NOTFOUND, field, "no %s", none);
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* The driver's statements (store/driver.h): h is a sqlite3_stmt. */

static int drv_prepare(struct store *s, const char *sql, void **h, struct gk_error *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(sq_db(s), sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);

	if (rc != SQLITE_OK)
		return err_set(e, ERR_DB, "", "preparing SQL: %s", sqlite3_errmsg(sq_db(s)));
	*h = st;
	return 0;
}

static void drv_reset(void *h)
{
	sqlite3_reset(h);
	sqlite3_clear_bindings(h);
}

static void drv_finalize(void *h)
{
	sqlite3_finalize(h);
}

static void drv_bind_null(void *h, int i)
{
	sqlite3_bind_null(h, i);
}

static void drv_bind_int(void *h, int i, int64_t v)
{
	sqlite3_bind_int64(h, i, v);
}

static void drv_bind_text(void *h, int i, const char *v)
{
	sqlite3_bind_text(h, i, v, -1, SQLITE_TRANSIENT);
}

static void drv_bind_blob(void *h, int i, const void *p, size_t len)
{
	sqlite3_bind_blob64(h, i, p, (sqlite3_uint64)len, SQLITE_STATIC);
}

static int drv_step(struct store *s, void *h, struct db_fault *f)
{
	int rc = sqlite3_step(h);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	fault_of(sq_db(s), rc, f);
	return -1;
}

static int drv_col_count(void *h)
{
	return sqlite3_column_count(h);
}

static enum db_type drv_col_type(void *h, int i)
{
	switch (sqlite3_column_type(h, i)) {
	case SQLITE_NULL:
		return DB_NULL;
	case SQLITE_INTEGER:
		return DB_INT;
	case SQLITE_FLOAT:
		return DB_REAL;
	case SQLITE_BLOB:
		return DB_BLOB;
	default:
		return DB_TEXT;
	}
}

static int64_t drv_col_int(void *h, int i)
{
	return sqlite3_column_int64(h, i);
}

static double drv_col_double(void *h, int i)
{
	return sqlite3_column_double(h, i);
}

static const char *drv_col_text(void *h, int i, size_t *len)
{
	const unsigned char *t;

	if (sqlite3_column_type(h, i) == SQLITE_NULL) {
		*len = 0;
		return NULL;
	}
	t = sqlite3_column_text(h, i);
	*len = (size_t)sqlite3_column_bytes(h, i);
	return t ? (const char *)t : "";
}

static const void *drv_col_blob(void *h, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(h, i);

	*len = (size_t)sqlite3_column_bytes(h, i);
	return p;
}

static int64_t drv_changes(struct store *s)
{
	return sqlite3_changes64(sq_db(s));
}

static int64_t drv_last_id(struct store *s)
{
	return sqlite3_last_insert_rowid(sq_db(s));
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
	db_finalize_all(s);
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
	/* A connection is one thread's (the server opens one per worker thread): SQLite's own
	 * lock around every call, sqlite3_column_* included, would only cost. */
	oflags = ((flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		 SQLITE_OPEN_NOMUTEX;
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
	if ((q->keymap = sq_keymap_register(q->db)) == NULL) {
		rc = err_set(e, ERR_DB, "--db", "cannot register gk_key (out of memory)");
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
		/* What is deleted is overwritten in the file (residual information, 等保 8.1.4.11):
		 * an application or a session removed leaves no readable trace in free pages.
		 * Debian's SQLite does so by default; said here for any other build. */
		if ((rc = exec_fixed(s, "PRAGMA secure_delete = ON", "setting secure_delete", e)) != 0)
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
	sq_of(s)->writing = write;
	return exec_fixed(s, write ? "BEGIN IMMEDIATE" : "BEGIN", "starting a transaction", e);
}

/* The documents a write transaction saved enter the search index now, in the order of their
 * keys (migration "search_queue": FTS5 starts a new segment for every row whose rowid is
 * smaller than the one before), their titles the title index too (migration "search_title").
 * Since migration "search_forward" the indexes' rowid is the key negated, so the queue is
 * read in descending key order; since "search_pos" the position negated (descending
 * positions); since "search_facet" with the filters' words. Their text is read through
 * search_source as it is at commit; the list of changed positions keeps its last 65,536
 * (store/sqlite_keymap.c). The queue is read first (CROSS JOIN), then sorted: ordered by
 * positions, SQLite (which has no statistics here) read search_doc whole in their order at
 * every write transaction instead, 2.3 ms at 20,000 documents for a transaction that saved
 * nothing. Each statement runs from the schema version of the migration named beside it, and
 * before that of the migration named after it, if any. */
#define FLUSH_INTO(table, rowid, order, cols, src_cols) \
	"INSERT INTO " table " (rowid, " cols ")\n" \
	"  SELECT " rowid ", " src_cols "\n" \
	"  FROM search_queue q CROSS JOIN search_doc d ON d.key = q.key\n" \
	"  JOIN search_source src ON src.doc_id = d.doc_id ORDER BY " order
#define FLUSH_FTS(rowid, order) FLUSH_INTO("search_fts", rowid, order, \
	"title, meta, body, attach", "src.title, src.meta, src.body, src.attach")
#define FLUSH_TITLE(rowid, order) FLUSH_INTO("search_title", rowid, order, "title", "src.title")
/* with the filters' words (migration "search_facet") */
#define FLUSH_FTS_FACET FLUSH_INTO("search_fts", "-d.pos", "d.pos DESC", \
	"title, meta, body, attach, facet", "src.title, src.meta, src.body, src.attach, src.facet")
#define FLUSH_TITLE_FACET FLUSH_INTO("search_title", "-d.pos", "d.pos DESC", "title, facet", \
	"src.title, src.facet")
static const struct { const char *sql, *since, *until; } search_flush_sql[] = {
	{ FLUSH_FTS("q.key", "q.key ASC"), "search_queue", "search_forward" },
	{ FLUSH_TITLE("q.key", "q.key ASC"), "search_title", "search_forward" },
	{ FLUSH_FTS("-q.key", "q.key DESC"), "search_forward", "search_pos" },
	{ FLUSH_TITLE("-q.key", "q.key DESC"), "search_forward", "search_pos" },
	{ FLUSH_FTS("-d.pos", "d.pos DESC"), "search_pos", "search_facet" },
	{ FLUSH_TITLE("-d.pos", "d.pos DESC"), "search_pos", "search_facet" },
	{ FLUSH_FTS_FACET, "search_facet", NULL },
	{ FLUSH_TITLE_FACET, "search_facet", NULL },
	{ "DELETE FROM search_queue", "search_queue", NULL },
	{ "DELETE FROM search_change WHERE n <= (SELECT seq FROM sqlite_sequence\n"
	  "  WHERE name = 'search_change') - 65536", "search_pos", NULL },
};

#define SEARCH_FLUSH_N (sizeof search_flush_sql / sizeof search_flush_sql[0])

static int search_flush(struct store *s, struct gk_error *e)
{
	struct sq *q = sq_of(s);
	sqlite3_stmt *st;
	int rc, row;

	if (!q->writing)
		return 0;
	for (size_t i = 0; i < SEARCH_FLUSH_N; i++) {
		/* looked up at each commit (a few dozen string comparisons): no cache shared
		 * between the threads that each hold a connection */
		int since = store_migration_number(search_flush_sql[i].since);
		int until = search_flush_sql[i].until
			    ? store_migration_number(search_flush_sql[i].until) : INT_MAX;

		if (q->version < since || q->version >= until)
			continue;
		if ((rc = sq_stmt(s, search_flush_sql[i].sql, &st, e)) != 0 ||
		    (rc = sq_next(s, st, &row, "adding the saved documents to the search index",
				  e)) != 0)
			return rc;   /* sq_next leaves a finished statement reset */
	}
	return 0;
}

static int sq_commit(struct store *s, struct gk_error *e)
{
	int rc;

	reset_all(s);
	if ((rc = search_flush(s, e)) != 0)
		return rc;
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

const struct store_driver store_sqlite_driver = {
	.name = "sqlite",
	.sql = sql_sqlite,
	.search = &sqlite_search_ops,
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.copy = sq_copy,
	.check = sq_check,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.prepare = drv_prepare,
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
};

/* test_store.c — the SQLite store: creation, pragmas, migrations, newer schema refused,
 * transactions commit or roll back as a whole, what is deleted leaves no trace in the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/agency_store.h"
#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/sqlite_int.h"
#include "store/store.h"

static char dir[64];
static char path[128];

static int setup(void **state)
{
	snprintf(dir, sizeof dir, "/tmp/gk-store-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	return 0;
}

static int teardown(void **state)
{
	char p[160];
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

static void exec_sql(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), 0);  /* the catalogue's FTS table needs it */
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Make the database look like one from version 1 ("core"): drop every later table (virtual
 * tables first, which takes their shadow tables with them). */
static void drop_later_than_core(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char sql[4096] = "PRAGMA foreign_keys = OFF;";
	size_t len = strlen(sql);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), 0);  /* FTS tables need their tokenizer */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name, type FROM sqlite_master WHERE type IN "
		"('table', 'view') AND name NOT IN ('schema_migration', 'agency', 'app_user', "
		"'audit_event') AND name NOT LIKE 'sqlite_%' "
		"ORDER BY type = 'view' DESC, sql LIKE 'CREATE VIRTUAL%' DESC", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(sql + len, sizeof sql - len, "DROP %s IF EXISTS \"%s\";",
					strcmp((const char *)sqlite3_column_text(st, 1), "view") == 0
					? "VIEW" : "TABLE", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_true(len < sizeof sql);
	snprintf(sql + len, sizeof sql - len, "DELETE FROM schema_migration WHERE version > 1; "
		 "PRAGMA user_version = 1;");
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int query_int(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int v;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void test_missing_database_named(void **state)
{
	struct store *s = NULL;
	struct gk_error e = { 0 };

	assert_int_equal(store_open(path, 0, &s, &e), ERR_NOTFOUND);
	assert_null(s);
	assert_non_null(strstr(e.msg, "gongkai"));
	assert_int_not_equal(access(path, F_OK), 0);  /* nothing created */
}

static void test_create_and_schema(void **state)
{
	struct store *s = NULL;
	struct gk_error e = { 0 };
	int have, known;

	assert_int_equal(store_open(path, STORE_CREATE, &s, &e), 0);
	store_schema_version(s, &have, &known);
	assert_int_equal(have, store_migrations_n);
	assert_int_equal(known, store_migrations_n);
	store_close(s);
	assert_int_equal(query_int("PRAGMA user_version"), store_migrations_n);
	assert_int_equal(query_int("SELECT count(*) FROM schema_migration"), store_migrations_n);
	/* WAL persists in the file */
	{
		sqlite3 *db;
		sqlite3_stmt *st;
		sqlite3_open(path, &db);
		sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	/* every table is STRICT: a text in an INTEGER column is refused */
	{
		sqlite3 *db;
		sqlite3_open(path, &db);
		assert_int_not_equal(sqlite3_exec(db, "INSERT INTO agency (name, level, parent_id, "
						 "created_at) VALUES ('x', 'township', 'abc', 'now')",
						 NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
}

static void test_older_upgrades_newer_refused(void **state)
{
	struct store *s = NULL;
	struct gk_error e = { 0 };

	assert_int_equal(store_open(path, STORE_CREATE, &s, &e), 0);
	store_close(s);
	/* Make it look like a database from version 1 (only "core"). */
	drop_later_than_core();
	assert_int_equal(store_open(path, 0, &s, &e), 0);
	store_close(s);
	assert_int_equal(query_int("PRAGMA user_version"), store_migrations_n);
	assert_int_equal(query_int("SELECT count(*) FROM application"), 0);

	/* A newer database is refused and left alone. */
	exec_sql("PRAGMA user_version = 999");
	memset(&e, 0, sizeof e);
	assert_int_equal(store_open(path, 0, &s, &e), ERR_DB);
	assert_null(s);
	assert_non_null(strstr(e.msg, "999"));
	assert_non_null(strstr(e.msg, "newer"));
	assert_int_equal(query_int("PRAGMA user_version"), 999);
}

static void test_transactions(void **state)
{
	struct store *s = NULL;
	struct gk_error e = { 0 };
	struct agency_rec r = { .name = "甲镇", .level = "township", .created_at = "now" };
	int64_t id, n;

	assert_int_equal(store_open(path, STORE_CREATE, &s, &e), 0);
	/* rolled back: gone */
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_store(s)->insert(s, &r, &id, &e), 0);
	store_rollback(s);
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(agency_store(s)->count(s, &n, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(n, 0);
	/* committed: there; a duplicate name is a conflict */
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_store(s)->insert(s, &r, &id, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_store(s)->insert(s, &r, &id, &e), ERR_CONFLICT);
	store_rollback(s);
	/* a dangling parent is refused (foreign_keys=ON) */
	r.name = "乙镇";
	r.parent_id = 77;
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_store(s)->insert(s, &r, &id, &e), ERR_CONFLICT);
	store_rollback(s);
	/* closing with an open transaction rolls it back */
	r.parent_id = 0;
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_store(s)->insert(s, &r, &id, &e), 0);
	store_close(s);
	assert_int_equal(query_int("SELECT count(*) FROM agency"), 1);
}

/* Acknowledged means on disk: every connection gongkai opens waits for the WAL to reach the
 * disk at each commit (synchronous=FULL = 2), not only for the operating system to have it. */
static void test_commits_are_durable(void **state)
{
	struct store *s = NULL;
	struct gk_error e = { 0 };
	sqlite3_stmt *st;

	assert_int_equal(store_open(path, STORE_CREATE, &s, &e), 0);
	assert_int_equal(sqlite3_prepare_v2(sq_db(s), "PRAGMA synchronous", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(sq_db(s), "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	store_close(s);
}

/* Whether the database file holds text (read whole, after the WAL is written back). */
static int file_holds(const char *text)
{
	FILE *f = fopen(path, "rb");
	size_t n = strlen(text), len = 0;
	char *b = NULL;
	int found = 0;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = (size_t)ftell(f);
	rewind(f);
	b = malloc(len + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, len, f), len);
	fclose(f);
	for (size_t i = 0; i + n <= len && !found; i++)
		found = memcmp(b + i, text, n) == 0;
	free(b);
	return found;
}

/* Residual information: what is deleted through a store connection is overwritten in the
 * file. The same steps on a connection with secure_delete off leave the text there, so the
 * check would see a trace if one were left. */
static void test_deleted_leaves_no_trace(void **state)
{
	static const char *const mark[2] = { "GK-RESIDUE-APPLICANT-13800000000",
					      "GK-RESIDUE-APPLICANT-13900000000" };
	struct store *s = NULL;
	struct gk_error e = { 0 };
	char sql[256];

	(void)state;
	assert_int_equal(store_open(path, STORE_CREATE, &s, &e), 0);
	store_close(s);   /* opened again: a connection that runs no migration */
	assert_int_equal(store_open(path, 0, &s, &e), 0);
	assert_int_equal(sqlite3_exec(sq_db(s), "CREATE TABLE residue (x TEXT)", NULL, NULL, NULL),
			 SQLITE_OK);
	for (int off = 0; off < 2; off++) {
		sqlite3 *db = sq_db(s), *raw = NULL;

		if (off) {
			assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
			assert_int_equal(sqlite3_exec(raw, "PRAGMA secure_delete = OFF", NULL, NULL,
						      NULL), SQLITE_OK);
			db = raw;
		}
		snprintf(sql, sizeof sql, "INSERT INTO residue VALUES ('%s'), ('keep')", mark[off]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
					      NULL), SQLITE_OK);
		assert_true(file_holds(mark[off]));
		snprintf(sql, sizeof sql, "DELETE FROM residue WHERE x = '%s'", mark[off]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
					      NULL), SQLITE_OK);
		assert_int_equal(file_holds(mark[off]), off);
		if (raw)
			sqlite3_close(raw);
	}
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_database_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_and_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_older_upgrades_newer_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transactions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_commits_are_durable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_leaves_no_trace, setup, teardown),
	};
	return cmocka_run_group_tests_name("store/sqlite", tests, NULL, NULL);
}

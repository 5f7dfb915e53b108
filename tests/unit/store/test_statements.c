/* test_statements.c — the store driver: every named statement has one text per dialect (the
 * portable one or the dialect's own, never both) and compiles against a fresh database of the
 * current schema; constraint faults become the store's errors (a duplicate is ERR_CONFLICT, a
 * reference to nothing is ERR_CONFLICT), and nothing of a refused change is stored. The
 * statements of a declared record name its fields in the order of the declaration.
 * With GONGKAI_TEST_PG (the URL of a PostgreSQL server's admin database, set by
 * scripts/run-tests) the same cases run on a new PostgreSQL database too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "../tmpstore.h"
#include "store/agency_store.h"
#include "store/db.h"
#include "store/driver.h"
#include "store/records.h"
#include "store/sqlite_int.h"
#include "store/stmt.h"
#include "store/transfer.h"
#include "store/user_store.h"

/* A new store: SQLite in a temporary folder, or (pg) a new database on GONGKAI_TEST_PG. */
static struct store *open_store(int pg)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;
	const char *url;

	if (!pg)
		return tmpstore_open("stmt");
	url = tmpstore_pg_create("stmt");
	assert_non_null(url);
	if (store_open(url, STORE_CREATE, &s, &e) != 0)
		fail_msg("%s: %s", url, e.msg);
	return s;
}

static void drop_store(struct store *s, int pg)
{
	if (!pg) {
		tmpstore_drop(s);
		return;
	}
	store_close(s);
	tmpstore_pg_drop();
}

static void every_statement_has_one_text_per_dialect(void **state)
{
	(void)state;
	for (int i = 0; i < STMT_COUNT; i++) {
		const char *const *dialect[] = { sql_sqlite, sql_postgresql };
		for (size_t d = 0; d < 2; d++) {
			if ((sql_common[i] == NULL) == (dialect[d][i] == NULL))
				fail_msg("%s: %s", stmt_name(i), sql_common[i] ? "in sql_common.c and a "
					 "dialect's file" : "in neither sql_common.c nor a dialect's file");
		}
		assert_true(strlen(stmt_name(i)) > 3);
	}
	assert_string_equal(stmt_name(ST_APP_GET), "APP_GET");
}

/* The column list of a statement's text: what SELECT … FROM or INSERT INTO t (…) names, one
 * name per entry of out (at most max), as written. */
static int columns_of(const char *sql, char out[][40], int max)
{
	const char *p, *end;
	int n = 0;

	if (strncmp(sql, "SELECT ", 7) == 0) {
		p = sql + 7;
		end = strstr(p, " FROM ");
	} else if (strncmp(sql, "UPDATE ", 7) == 0) {
		p = strstr(sql, " SET ");
		end = p ? strstr(p, " WHERE ") : NULL;
		p = p ? p + 5 : NULL;
	} else {
		p = strchr(sql, '(');
		end = p ? strchr(p, ')') : NULL;
		p = p ? p + 1 : NULL;
	}
	assert_non_null(p);
	assert_non_null(end);
	while (p < end && n < max) {
		const char *q = p;
		int depth = 0;   /* a comma inside coalesce(…) does not end the entry */
		while (q < end && (*q != ',' || depth > 0)) {
			depth += (*q == '(') - (*q == ')');
			q++;
		}
		/* the name: "d.title" → title, "NULL AS body" → body, "title = ?4" → title */
		const char *name = p, *w;
		for (w = p; w + 4 <= q; w++)
			if (memcmp(w, " AS ", 4) == 0)
				name = w + 4;
		for (w = name; w < q && *w != ' '; w++)
			if (*w == '.')
				name = w + 1;
		for (w = name; w < q && *w != ' '; w++)
			;
		snprintf(out[n++], sizeof out[0], "%.*s", (int)(w - name), name);
		p = q < end ? q + 2 : end;   /* ", " */
	}
	return n;
}

/* The statements that bind or read a declared record (db_bind_record, db_read_record) name its
 * fields in the order of the declaration, between the columns the area code handles itself
 * (first before them, after behind them). */
static void declared_records_match_their_statements(void **state)
{
	static const struct { enum stmt_id id; int first; const struct desc_record *r; int after; } t[] = {
		{ ST_APP_INSERT, 1, &app_rec_desc, 0 },     /* agency_id */
		{ ST_APP_GET, 2, &app_rec_desc, 0 },        /* id, agency_id */
		{ ST_APP_GET_BY_CODE, 2, &app_rec_desc, 0 },
		{ ST_APP_LIST_ALL, 2, &app_rec_desc, 0 },
		{ ST_APP_LIST_ORGAN, 2, &app_rec_desc, 0 },
		{ ST_APP_EVENT_INSERT, 1, &app_event_rec_desc, 0 },  /* app_id */
		{ ST_APP_EVENTS, 2, &app_event_rec_desc, 0 },        /* id, app_id */
		{ ST_DOC_INSERT, 2, &doc_desc, 0 },         /* agency_id, round */
		{ ST_DOC_UPDATE, 1, &doc_desc, 0 },         /* round (?1 is the id, in WHERE) */
		{ ST_DOC_GET, 4, &doc_desc, 0 },            /* id, agency_id, its name, round */
		{ ST_DOC_LIST, 4, &doc_desc, 0 },
		{ ST_DOC_EVENT_ADD, 3, &doc_event_desc, 0 },   /* doc_id, round, secrecy_checked */
		{ ST_DOC_EVENTS, 4, &doc_event_desc, 0 },      /* and the id first */
		{ ST_AGENCY_PROFILE_GET, 1, &agency_profile_desc, 0 },   /* agency_id */
		{ ST_AGENCY_PROFILE_PUT, 1, &agency_profile_desc, 0 },
		{ ST_APP_NOTICE_INSERT, 2, &notice_issued_desc, 1 },  /* app_id, agency_id; created_at */
		{ ST_APP_NOTICES, 3, &notice_issued_desc, 1 },        /* and the id first */
		{ ST_DOC_ATTACH, 1, &doc_attachment_desc, 6 },        /* doc_id; size, data, … */
		{ ST_DOC_ATTACHMENTS, 2, &doc_attachment_desc, 4 },   /* id, doc_id; size, … */
		{ ST_REPORT_TEXT_LIST, 1, &report_text_desc, 0 },     /* year */
		{ ST_REPORT_PUB_INSERT, 3, &report_pub_desc, 0 },     /* agency_id, year, revision */
		{ ST_REPORT_PUB_GET, 4, &report_pub_desc, 0 },        /* and the id first */
		{ ST_AGENCY_INSERT, 1, &agency_rec_desc, 0 },         /* parent_id */
		{ ST_AGENCY_GET, 2, &agency_rec_desc, 0 },            /* id, parent_id */
		{ ST_AGENCY_LIST, 2, &agency_rec_desc, 0 },
		{ ST_USER_INSERT, 1, &user_rec_desc, 0 },             /* agency_id */
		{ ST_USER_GET, 2, &user_rec_desc, 0 },                /* id, agency_id */
		{ ST_USER_LIST, 2, &user_rec_desc, 0 },
	};
	char cols[64][40];

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *sql = sql_common[t[i].id] ? sql_common[t[i].id] : sql_sqlite[t[i].id];
		int n = columns_of(sql, cols, 64);
		if ((size_t)n != (size_t)t[i].first + t[i].r->nfields + (size_t)t[i].after)
			fail_msg("%s: %d columns, %d + %zu declared + %d", stmt_name(t[i].id), n,
				 t[i].first, t[i].r->nfields, t[i].after);
		for (size_t f = 0; f < t[i].r->nfields; f++)
			if (strcmp(cols[t[i].first + (int)f], t[i].r->fields[f].id) != 0)
				fail_msg("%s: column %d is %s, the declaration's field %s",
					 stmt_name(t[i].id), t[i].first + (int)f,
					 cols[t[i].first + (int)f], t[i].r->fields[f].id);
	}
}

static void every_statement_compiles_on(int pg)
{
	struct gk_error e = { 0 };
	struct store *s = open_store(pg);
	struct db_stmt *st;

	assert_non_null(s);
	assert_int_equal(store_begin_read(s, &e), 0);
	for (int i = 0; i < STMT_COUNT; i++) {
		int rc = db_stmt(s, (enum stmt_id)i, &st, &e);
		if (rc != 0)
			fail_msg("%s does not compile: %s", stmt_name(i), e.msg);
	}
	store_rollback(s);
	drop_store(s, pg);
}

static void faults_on(int pg)
{
	struct gk_error e = { 0 };
	struct store *s = open_store(pg);
	struct agency_rec a = { .name = "某县人民政府", .level = "county", .created_at = "2026-01-01T00:00:00Z" };
	struct user_rec u = { .name = "li", .display_name = "李", .role = "officer", .agency_id = 999,
			      .created_at = "2026-01-01T00:00:00Z" };
	int64_t id = 0, n = -1;

	assert_non_null(s);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_store(s)->insert(s, &a, &id, &e), 0);
	assert_true(id > 0);
	/* the same name again: a unique key */
	assert_int_equal(agency_store(s)->insert(s, &a, &id, &e), ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "adding the organ"));
	/* an account of an organ that does not exist: a foreign key */
	assert_int_equal(user_store(s)->insert(s, &u, &id, &e), ERR_CONFLICT);
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(agency_store(s)->count(s, &n, &e), 0);
	assert_int_equal(n, 1);
	store_rollback(s);
	drop_store(s, pg);
}

/* gongkai migrate copies every column of every table but those each database keeps (the
 * schema history, the search index, what the web processes share): a column added by a migration and forgotten in the copy statements fails here. */
static void migrate_copies_every_table_and_column(void **state)
{
	struct store *s = tmpstore_open("stmt");
	struct gk_error e = { 0 };
	sqlite3_stmt *st;
	int tables = 0;

	(void)state;
	assert_non_null(s);
	assert_int_equal(sqlite3_prepare_v2(sq_db(s), "SELECT name, (SELECT count(*) FROM "
		"pragma_table_info(m.name)) FROM sqlite_master m WHERE type = 'table' AND name NOT "
		"LIKE 'sqlite_%'",
		-1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		enum stmt_id read;
		struct db_stmt *r;
		int i, ncols;
		if (store_transfer_skips(name))
			continue;
		for (i = 0; i < store_transfer_tables(); i++)
			if (strcmp(store_transfer_table(i, &read), name) == 0)
				break;
		if (i == store_transfer_tables())
			fail_msg("table %s is not copied by gongkai migrate (store/transfer.c)", name);
		assert_int_equal(db_stmt(s, read, &r, &e), 0);
		ncols = db_col_count(r);
		db_reset(r);
		if (ncols != sqlite3_column_int(st, 1))
			fail_msg("table %s has %d columns, gongkai migrate copies %d", name,
				 sqlite3_column_int(st, 1), ncols);
		tables++;
	}
	sqlite3_finalize(st);
	assert_int_equal(tables, store_transfer_tables());
	tmpstore_drop(s);
}

static void every_statement_compiles_on_sqlite(void **state)
{
	(void)state;
	every_statement_compiles_on(0);
}

static void faults_are_conflicts_and_nothing_is_stored_on_sqlite(void **state)
{
	(void)state;
	faults_on(0);
}

static void every_statement_compiles_on_postgresql(void **state)
{
	(void)state;
	every_statement_compiles_on(1);
}

static void faults_are_conflicts_and_nothing_is_stored_on_postgresql(void **state)
{
	(void)state;
	faults_on(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_statement_has_one_text_per_dialect),
		cmocka_unit_test(declared_records_match_their_statements),
		cmocka_unit_test(every_statement_compiles_on_sqlite),
		cmocka_unit_test(faults_are_conflicts_and_nothing_is_stored_on_sqlite),
		cmocka_unit_test(migrate_copies_every_table_and_column),
		/* PostgreSQL's cases, when scripts/run-tests gives a server */
		cmocka_unit_test(every_statement_compiles_on_postgresql),
		cmocka_unit_test(faults_are_conflicts_and_nothing_is_stored_on_postgresql),
	};
	const char *pg = getenv("GONGKAI_TEST_PG");
	size_t n = sizeof tests / sizeof tests[0];

	return _cmocka_run_group_tests("test_store_statements", tests, pg && *pg ? n : n - 2, NULL, NULL);
}

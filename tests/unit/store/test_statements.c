/* test_statements.c — the store driver: every named statement has text in every dialect and
 * compiles against a fresh database of the current schema; constraint faults become the
 * store's errors (a duplicate is ERR_CONFLICT, a reference to nothing is ERR_CONFLICT), and
 * nothing of a refused change is stored. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "../tmpstore.h"
#include "store/agency_store.h"
#include "store/db.h"
#include "store/driver.h"
#include "store/stmt.h"
#include "store/user_store.h"

static void every_dialect_names_every_statement(void **state)
{
	(void)state;
	for (int i = 0; i < STMT_COUNT; i++) {
		assert_non_null(sql_sqlite[i]);
		assert_true(strlen(sql_sqlite[i]) > 10);
		assert_true(strlen(stmt_name(i)) > 3);
	}
	assert_string_equal(stmt_name(ST_APP_GET), "APP_GET");
}

static void every_statement_compiles(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("stmt");
	struct db_stmt *st;

	(void)state;
	assert_non_null(s);
	assert_int_equal(store_begin_read(s, &e), 0);
	for (int i = 0; i < STMT_COUNT; i++) {
		int rc = db_stmt(s, (enum stmt_id)i, &st, &e);
		if (rc != 0)
			fail_msg("%s does not compile: %s", stmt_name(i), e.msg);
	}
	store_rollback(s);
	tmpstore_drop(s);
}

static void faults_are_conflicts_and_nothing_is_stored(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("stmt");
	struct agency_rec a = { .name = "某县人民政府", .level = "county", .created_at = "2026-01-01T00:00:00Z" };
	struct user_rec u = { .name = "li", .display_name = "李", .role = "officer", .agency_id = 999,
			      .created_at = "2026-01-01T00:00:00Z" };
	int64_t id = 0, n = -1;

	(void)state;
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
	tmpstore_drop(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_dialect_names_every_statement),
		cmocka_unit_test(every_statement_compiles),
		cmocka_unit_test(faults_are_conflicts_and_nothing_is_stored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

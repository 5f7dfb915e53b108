/* test_registers.c — the registers through a real store: a CSV import with a bad row stores
 * nothing, feedback reference numbers skip numbers already taken, the catalogue's normdoc hook
 * updates one entry instead of adding another, and a stored entry comes back identical. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/agency.h"
#include "domain/registers.h"
#include "../tmpstore.h"

static struct store *S;
static int64_t AG;
static struct arena A;

static int setup(void **state)
{
	struct gk_error e = { 0 };
	struct agency_new an = { .name = "慈周寨镇人民政府" };

	assert_non_null(S = tmpstore_open("reg"));
	store_set_actor(S, "test");
	assert_int_equal(store_begin(S, &e), 0);
	assert_int_equal(agency_create(S, &an, &AG, &e), 0);
	assert_int_equal(store_commit(S, &e), 0);
	arena_init(&A);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tmpstore_drop(S);
	arena_free(&A);
	return 0;
}

static size_t count(enum reg_kind k)
{
	struct reg_record *r;
	struct gk_error e = { 0 };
	size_t n;

	assert_int_equal(store_begin_read(S, &e), 0);
	assert_int_equal(registers_list(S, AG, k, &A, &r, &n, &e), 0);
	store_rollback(S);
	return n;
}

static void test_bad_row_stores_nothing(void **state)
{
	static const char csv[] = "kind,date,doc_no\n"
				  "penalty,2024-01-02,罚1\n"
				  "penalty,2024-01-03,罚2\n"
				  "penalty,2024-13-01,罚3\n";
	struct gk_error e = { 0 };
	size_t added = 9;

	assert_int_equal(store_begin(S, &e), 0);
	assert_int_equal(registers_import_csv(S, AG, reg_desc_find("decision"), csv, sizeof csv - 1, "d.csv", &A,
					      &added, &e), ERR_INVALID);
	store_rollback(S);
	assert_string_equal(e.field, "d.csv:4");
	assert_non_null(strstr(e.msg, "date"));
	assert_int_equal(added, 0);
	assert_int_equal(count(REG_DECISION), 0);
}

static void test_feedback_refs_skip_taken(void **state)
{
	static const char csv[] = "ref_no,channel,received,text\nFB2024-00002,mailbox,2024-01-05,旧的\n";
	struct gk_error e = { 0 };
	char ref[32];
	size_t added;

	setenv("GONGKAI_TODAY", "2024-06-01", 1);   /* web feedback is received today */
	assert_int_equal(store_begin(S, &e), 0);
	assert_int_equal(registers_import_csv(S, AG, reg_desc_find("feedback"), csv, sizeof csv - 1, "f.csv", &A,
					      &added, &e), 0);
	assert_int_equal(registers_feedback_submit(S, AG, "第一条", NULL, &A, ref, &e), 0);
	/* FB2024-00002 came from the import: numbering goes on after the highest */
	assert_string_equal(ref, "FB2024-00003");
	assert_int_equal(registers_feedback_submit(S, AG, "第二条", "电话", &A, ref, &e), 0);
	assert_string_equal(ref, "FB2024-00004");
	assert_int_equal(store_commit(S, &e), 0);
	assert_int_equal(registers_feedback_submit(S, AG, "", NULL, &A, ref, &e), ERR_INVALID);
	assert_string_equal(e.field, "text");
}

static void test_normdoc_sync_updates(void **state)
{
	struct gk_error e = { 0 };
	struct reg_record *r;
	struct reg_narrative nar;
	struct table2 t2;
	struct table4 t4;
	int64_t id1, id2;
	size_t n;

	assert_int_equal(store_begin(S, &e), 0);
	assert_int_equal(registers_normdoc_sync(S, AG, 42, "normdoc", "2024-03-01", "慈政规〔2024〕1号", "规定",
						NULL, &id1, &e), 0);
	assert_int_equal(registers_normdoc_sync(S, AG, 42, "normdoc", "2024-03-01", "慈政规〔2024〕1号", "规定",
						"2024-11-30", &id2, &e), 0);
	assert_int_equal(registers_normdoc_sync(S, AG, 43, "law", "2024-03-01", "x", "y", NULL, NULL, &e),
			 ERR_INVALID);
	assert_int_equal(store_commit(S, &e), 0);
	assert_int_equal(id1, id2);
	assert_int_equal(store_begin_read(S, &e), 0);
	assert_int_equal(registers_list(S, AG, REG_NORMDOC, &A, &r, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_true(r[0].v[NORMDOC_REPEALED].set);
	assert_int_equal(registers_report_records(S, AG, 1, &A, &r, &n, &e), 0);
	store_rollback(S);
	registers_year(r, n, 2024, NULL, &A, &t2, &t4, &nar);
	assert_int_equal(t2.normdoc.issued, 1);
	assert_int_equal(t2.normdoc.repealed, 1);
	assert_int_equal(t2.normdoc.in_force, 0);
}

static void test_stored_entry_comes_back(void **state)
{
	const struct reg_kv kv[] = { { "kind", "lit_after_rev" }, { "filed", "2024-02-01" },
				     { "result", "corrected" }, { "closed", "2024-10-01" },
				     { "co_defendant", "no" }, { "note", "两行\n备注" }, { "case_no", "（2024）行初1号" } };
	const struct reg_desc *d = reg_desc_find("case");
	struct gk_error e = { 0 };
	struct reg_record rec, *back;
	struct buf a, b;
	struct jsonw w;
	size_t n;

	assert_int_equal(reg_record_parse(d, kv, 7, &A, &rec, &e), 0);
	assert_int_equal(store_begin(S, &e), 0);
	assert_int_equal(registers_add(S, AG, &rec, &A, &e), 0);
	assert_int_equal(store_commit(S, &e), 0);
	assert_int_equal(store_begin_read(S, &e), 0);
	assert_int_equal(registers_list(S, AG, REG_CASE, &A, &back, &n, &e), 0);
	store_rollback(S);
	assert_int_equal(n, 1);
	buf_init(&a, 0);
	buf_init(&b, 0);
	jsonw_init(&w, &a, 0);
	registers_record_json(&w, d, &rec, 1);
	assert_int_equal(jsonw_finish(&w), 0);
	jsonw_init(&w, &b, 0);
	registers_record_json(&w, d, &back[0], 1);
	assert_int_equal(jsonw_finish(&w), 0);
	assert_string_equal(buf_cstr(&a), buf_cstr(&b));
	buf_free(&a);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bad_row_stores_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feedback_refs_skip_taken, setup, teardown),
		cmocka_unit_test_setup_teardown(test_normdoc_sync_updates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stored_entry_comes_back, setup, teardown),
	};
	return cmocka_run_group_tests_name("domain/registers", tests, NULL, NULL);
}

/* test_concurrency.c — four processes write at once to one PostgreSQL database (a new one on
 * GONGKAI_TEST_PG, which scripts/run-tests sets), each 200 documents in a write transaction of
 * its own (GK_CONC_WRITES=500: bench/concurrency.sh's size): every transaction commits, the
 * audit log stays one unbroken hash chain holding every document's entry (no fork, no gap:
 * `gongkai audit verify`'s check), and the 索引号 serials of each organ are 1 … N with none
 * repeated or skipped. (SQLite is left out: four writers there exceed its busy timeout now
 * and then, "database is locked" — a single office runs one process.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../tmpstore.h"
#include "domain/agency.h"
#include "domain/audit.h"
#include "domain/catalogue.h"

#define PROCS 4
#define ORGANS 2

static int writes(void)
{
	const char *n = getenv("GK_CONC_WRITES");
	return n && atoi(n) > 0 ? atoi(n) : 200;
}

/* One writer: n documents, alternately of organ 1 and 2, each in its own transaction.
 * Returns the number that failed (the child's exit status). */
static int writer(const char *db, int who, int n)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;
	int failed = 0;

	if (store_open(db, 0, &s, &e) != 0) {
		fprintf(stderr, "writer %d: %s\n", who, e.msg);
		return n;
	}
	store_set_actor(s, "writer");
	for (int i = 0; i < n; i++) {
		char title[64];
		struct doc_input in = { .title = title, .body = "正文" };
		struct arena a;
		int64_t id;
		int rc;

		snprintf(title, sizeof title, "第%d号写入者的第%d份文件", who, i);
		arena_init(&a);
		if ((rc = store_begin(s, &e)) == 0) {
			rc = catalogue_doc_add(s, 1 + (who + i) % ORGANS, &in, &a, &id, NULL, &e);
			rc = rc == 0 ? store_commit(s, &e) : (store_rollback(s), rc);
		}
		arena_free(&a);
		if (rc != 0) {
			fprintf(stderr, "writer %d, write %d: %s\n", who, i, e.msg);
			failed++;
		}
	}
	store_close(s);
	return failed > 255 ? 255 : failed;
}

static int last_serial(void *ctx, int year, int64_t last)
{
	(void)year;
	*(int64_t *)ctx = last;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void writers_on(const char *db)
{
	static const char *const names[ORGANS] = { "示范县人民政府", "慈周寨镇人民政府" };
	static const char *const codes[ORGANS] = { "11410100MB1234567W", "11410100MB7654321R" };
	int n = writes(), total = PROCS * n;
	struct gk_error e = { 0 };
	struct audit_verify_result res;
	struct store *s = NULL;
	struct arena a;
	pid_t pid[PROCS];
	char **ix;

	assert_int_equal(store_open(db, STORE_CREATE, &s, &e), 0);
	store_set_actor(s, "setup");
	assert_int_equal(store_begin(s, &e), 0);
	for (int i = 0; i < ORGANS; i++) {
		struct agency_new ag = { .name = names[i], .code = codes[i] };
		int64_t id;
		assert_int_equal(agency_create(s, &ag, &id, &e), 0);
		assert_int_equal(id, i + 1);
	}
	assert_int_equal(store_commit(s, &e), 0);
	store_close(s);

	for (int p = 0; p < PROCS; p++) {
		pid[p] = fork();
		assert_true(pid[p] >= 0);
		if (pid[p] == 0)
			_exit(writer(db, p, n));
	}
	for (int p = 0; p < PROCS; p++) {
		int st;
		assert_int_equal(waitpid(pid[p], &st, 0), pid[p]);
		assert_true(WIFEXITED(st));
		if (WEXITSTATUS(st) != 0)
			fail_msg("writer %d: %d writes failed", p, WEXITSTATUS(st));
	}

	assert_int_equal(store_open(db, 0, &s, &e), 0);
	assert_int_equal(store_begin_read(s, &e), 0);
	/* one chain: the organs' 2 entries, then a "create" entry per document, all linked */
	assert_int_equal(audit_verify(s, &res, &e), 0);
	if (res.bad_id != 0)
		fail_msg("the audit chain breaks at entry %lld: %s", (long long)res.bad_id, res.reason);
	assert_true(res.checked >= ORGANS + total);
	/* each organ's serial reached exactly its number of documents */
	for (int g = 1; g <= ORGANS; g++) {
		int64_t last = 0;
		assert_int_equal(doc_store(s)->serials(s, g, last_serial, &last, &e), 0);
		assert_int_equal(last, total / ORGANS);
	}
	/* and every document has its own 索引号 */
	arena_init(&a);
	ix = calloc((size_t)total, sizeof *ix);
	for (int id = 1; id <= total; id++) {
		struct doc d;
		if (catalogue_doc_get(s, id, &a, &d, &e) != 0)
			fail_msg("document %d: %s", id, e.msg);
		ix[id - 1] = (char *)d.index_no;
	}
	qsort(ix, (size_t)total, sizeof *ix, cmp_str);
	for (int i = 1; i < total; i++)
		if (strcmp(ix[i - 1], ix[i]) == 0)
			fail_msg("索引号 %s given twice", ix[i]);
	free(ix);
	arena_free(&a);
	store_rollback(s);
	store_close(s);
}

static void four_writers_on_postgresql(void **state)
{
	const char *url = tmpstore_pg_create("conc");

	(void)state;
	assert_non_null(url);
	writers_on(url);
	tmpstore_pg_drop();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(four_writers_on_postgresql),
	};
	const char *pg = getenv("GONGKAI_TEST_PG");

	if (pg == NULL || !*pg) {
		fprintf(stderr, "test_domain_concurrency needs GONGKAI_TEST_PG (scripts/run-tests sets it)\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}

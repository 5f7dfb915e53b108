/* test_catalogue_files.c — the text of the stored attachments read again
 * (catalogue_files_read_again, `gongkai doc reread`): a PDF an older version could not read
 * (stored "broken", no text) gets this version's text, its document is found by the PDF's
 * words afterwards, the change is audited once, a file whose text is unchanged is left as it
 * is, and a second run changes nothing. On SQLite, and on PostgreSQL when scripts/run-tests
 * gives a server (GONGKAI_TEST_PG). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "domain/agency.h"
#include "domain/catalogue.h"
#include "extract/extract.h"
#include "search/query.h"
#include "store/audit_store.h"
#include "store/doc_store.h"
#include "store/store.h"
#include "tmpstore.h"

#define PDF "tests/golden/check/gongwen-ruled.pdf"

static int count_row(void *ctx, const struct search_row *r)
{
	(void)r;
	++*(int *)ctx;
	return 0;
}

/* How many documents the public finds for query. */
static int found(struct store *s, const char *query)
{
	struct gk_error e = { 0 };
	struct search_terms t;
	struct doc_filter f = { .public_only = 1, .today = "2025-01-01" };
	struct search_spec q = { .terms = &t, .f = &f };
	int n = 0;

	assert_int_equal(search_query_parse(query, &t, &e), 0);
	assert_int_equal(store_begin_read(s, &e), 0);
	if (doc_store(s)->search(s, &q, count_row, &n, &e) != 0)
		fail_msg("search: %s", e.msg);
	store_rollback(s);
	return n;
}

static int count_reread(void *ctx, const struct audit_rec *r)
{
	if (strcmp(r->action, "reread") == 0) {
		++*(int *)ctx;
		assert_non_null(strstr(r->content, "区年报.pdf"));
		assert_null(strstr(r->content, "名单.txt"));
	}
	return 0;
}

/* A published document with two files: a PDF stored as an older reader left it (broken, no
 * text), and a plain text file; its id. */
static int64_t doc_with_old_text(struct store *s)
{
	struct gk_error e = { 0 };
	struct agency_new an = { .name = "慈周寨镇人民政府", .code = "11370812004339255B",
				 .level = "township" };
	struct doc d = { 0 };
	struct buf pdf;
	char path[1024];
	const char *line = "第一批惠民补贴发放名单：王建国。\n";
	int64_t organ, id, att_id;

	snprintf(path, sizeof path, "%s/%s", GK_TEST_SOURCE_DIR, PDF);
	buf_init(&pdf, 64u << 20);
	assert_int_equal(buf_read_file(&pdf, path, NULL), 0);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_create(s, &an, &organ, &e), 0);
	d.agency_id = organ;
	d.index_no = "11370812004339255B/2024-00001";
	d.title = "区政府办公室年度报告";
	d.body = "附件见下。";
	d.publisher = an.name;
	d.signed_date = d.published_date = d.changed_date = "2024-03-01";
	d.genre = "通知";
	d.disclosure = "proactive";
	d.validity = "valid";
	d.time_limit = TIME_LIMIT_DEFAULT;
	d.state = "published";
	d.author = "tester";
	d.created_at = d.updated_at = "2024-03-01T00:00:00Z";
	assert_int_equal(doc_store(s)->insert(s, &d, &id, &e), 0);
	struct doc_attachment a1 = { .doc_id = id, .name = "区年报.pdf", .mime = "application/pdf",
				     .size = (int64_t)pdf.len, .sha256 = "0", .data = pdf.ptr,
				     .text_state = "broken", .text_note = "an older reader's limit" };
	struct doc_attachment a2 = { .doc_id = id, .name = "名单.txt", .mime = "text/plain",
				     .size = (int64_t)strlen(line), .sha256 = "0", .data = line,
				     .text_state = "ok", .text = line };
	if (doc_store(s)->attach(s, &a1, &att_id, &e) != 0 || doc_store(s)->attach(s, &a2, &att_id, &e) != 0)
		fail_msg("attach: %s", e.msg);
	assert_int_equal(store_commit(s, &e), 0);
	buf_free(&pdf);
	return id;
}

static void read_again(struct store *s)
{
	struct gk_error e = { 0 };
	struct catalogue_reread r;
	struct arena a;
	struct doc_attachment *att;
	size_t n;
	int64_t id = doc_with_old_text(s);
	int audited = 0;

	store_set_actor(s, "tester");
	assert_int_equal(found(s, "门户网站"), 0);   /* the PDF was not read */
	assert_int_equal(found(s, "王建国"), 1);
	if (catalogue_files_read_again(s, &r, NULL, NULL, &e) != 0)
		fail_msg("reread: %s", e.msg);
	assert_int_equal(r.docs, 1);
	assert_int_equal(r.files, 2);
	assert_int_equal(r.changed, 1);    /* the PDF; the text file reads as it was stored */
	assert_int_equal(r.reindexed, 1);
	assert_int_equal(found(s, "门户网站"), 1);
	assert_int_equal(found(s, "推进决策"), 1);   /* the rest of the PDF too */
	assert_int_equal(found(s, "王建国"), 1);     /* the other file is still searched */
	arena_init(&a);
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(doc_store(s)->attachments(s, id, 1, &a, &att, &n, &e), 0);
	assert_int_equal(audit_store(s)->list(s, "document", id, count_reread, &audited, &e), 0);
	store_rollback(s);
	assert_int_equal(n, 2);
	assert_string_equal(att[0].text_state, "ok");
	assert_non_null(strstr(att[0].text, "依托区政府门户网站"));
	assert_int_equal(audited, 1);
	arena_free(&a);
	/* again: nothing left to change */
	assert_int_equal(catalogue_files_read_again(s, &r, NULL, NULL, &e), 0);
	assert_int_equal(r.docs, 1);
	assert_int_equal(r.files, 2);
	assert_int_equal(r.changed, 0);
	assert_int_equal(r.reindexed, 0);
}

static void test_sqlite(void **state)
{
	struct store *s = tmpstore_open("reread");

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	read_again(s);
	tmpstore_drop(s);
}

static void test_postgresql(void **state)
{
	struct store *s = tmpstore_pg_open("reread");

	(void)state;
	assert_non_null(s);
	read_again(s);
	tmpstore_pg_close(s);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sqlite),
		cmocka_unit_test(test_postgresql),
	};
	const char *pg = getenv("GONGKAI_TEST_PG");

	if (argc >= 2 && strcmp(argv[1], "extract-text") == 0)
		return extract_child_main(argc - 1, argv + 1);  /* the files are read in a child */
	/* PostgreSQL's case, the last, only with a server */
	return _cmocka_run_group_tests("domain/catalogue_files", tests, pg && *pg ? 2 : 1, NULL, NULL);
}

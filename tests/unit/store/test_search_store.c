/* test_search_store.c — the catalogue's search seam (doc_store_ops.search) on each database:
 * matches come newest first, a title-only search finds only title matches, and a search asked
 * for at most N rows gives exactly the N newest of them (a database never hands over more than
 * the page, the total and the facets read), also when the newest documents hold none of the
 * matches (PostgreSQL reads ranges of keys one after the other); a search's counts per organ
 * and per 主题分类 over many organs; on SQLite, the rows and scores of a Chinese term asked
 * token by token are FTS5's own phrase's, an index kept from before migrations
 * "search_forward" and "search_pos" is upgraded, and the keys read from the map of positions
 * are right, also after another connection saved documents; reading the index ahead puts its
 * pages in the system's file cache (SQLite only). PostgreSQL's case runs when
 * scripts/run-tests gives a server (GONGKAI_TEST_PG). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/agency.h"
#include "base/arena.h"
#include "domain/catalogue.h"
#include "search/query.h"
#include "store/doc_store.h"
#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/sqlite_int.h"
#include "store/store.h"
#include "tmpstore.h"

#define NDOCS 7

struct keys {
	int64_t v[NDOCS + 1];
	int scored[NDOCS + 1];
	double score[NDOCS + 1];
	int n;
};

static int take(void *ctx, const struct search_row *r)
{
	struct keys *k = ctx;

	if (k->n > NDOCS)
		return -1;   /* more rows than documents: fail below */
	k->scored[k->n] = r->scored;
	k->score[k->n] = r->score;
	k->v[k->n++] = r->key;
	return 0;
}

/* A published 通知 of organ, dated date, saved through the store. */
static void put_doc(struct store *s, int64_t organ, const char *publisher, const char *index_no,
		    const char *title, const char *body, const char *topic, const char *date)
{
	struct gk_error e = { 0 };
	struct doc d = { 0 };
	int64_t id;

	d.agency_id = organ;
	d.index_no = index_no;
	d.title = title;
	d.body = body;
	d.topic = topic;
	d.publisher = publisher;
	d.signed_date = d.published_date = d.changed_date = date;
	d.genre = "通知";
	d.disclosure = "proactive";
	d.validity = "valid";
	d.time_limit = TIME_LIMIT_DEFAULT;
	d.state = "published";
	d.author = "tester";
	d.created_at = d.updated_at = "2023-01-01T00:00:00Z";
	if (doc_store(s)->insert(s, &d, &id, &e) != 0)
		fail_msg("insert: %s %s", e.field, e.msg);
}

/* NDOCS published documents of one organ (its id returned), 40 days apart from 2024-01-01
 * (each in a span of its own: search_span's are 32 days); the odd ones have 防汛 in their
 * title, all of them in their body; the first and the fourth 灌溉 too. */
static int64_t fill(struct store *s)
{
	struct gk_error e = { 0 };
	struct agency_new an = { .name = "慈周寨镇人民政府", .code = "11370812004339255B",
				 .level = "township" };
	static const char *const dates[NDOCS] = { "2024-01-01", "2024-02-10", "2024-03-21",
						   "2024-04-30", "2024-06-09", "2024-07-19",
						   "2024-08-28" };
	int64_t organ;

	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_create(s, &an, &organ, &e), 0);
	for (int i = 0; i < NDOCS; i++) {
		char index_no[48], title[64];

		snprintf(index_no, sizeof index_no, "11370812004339255B/2024-%05d", i + 1);
		snprintf(title, sizeof title, "%s第%d号", i % 2 ? "防汛工作通知" : "工作通知", i + 1);
		put_doc(s, organ, an.name, index_no, title,
			i == 0 || i == 3 ? "做好汛期防汛准备，灌溉用水。" : "做好汛期防汛准备。", NULL,
			dates[i]);
	}
	assert_int_equal(store_commit(s, &e), 0);
	return organ;
}

/* Document id changed through the store and committed: its title, its 主题分类 (NULL: kept). */
static void change_doc(struct store *s, int64_t id, const char *title, const char *topic)
{
	struct gk_error e = { 0 };
	struct arena a;
	struct doc d;

	arena_init(&a);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(doc_store(s)->get(s, id, &a, &d, &e), 0);
	if (title)
		d.title = title;
	if (topic)
		d.topic = topic;
	if (doc_store(s)->update(s, &d, &e) != 0)
		fail_msg("update: %s", e.msg);
	assert_int_equal(store_commit(s, &e), 0);
	arena_free(&a);
}

/* The keys search hands over for query under the filter f. */
static struct keys search_under(struct store *s, const char *query, const struct doc_filter *f,
				int title_only, int nscore, int64_t max)
{
	struct gk_error e = { 0 };
	struct search_terms t;
	struct search_spec q = { .terms = &t, .title_only = title_only, .nscore = nscore, .max = max,
				 .f = f };
	struct keys k = { .n = 0 };

	assert_int_equal(search_query_parse(query, &t, &e), 0);
	assert_int_equal(store_begin_read(s, &e), 0);
	if (doc_store(s)->search(s, &q, take, &k, &e) != 0)
		fail_msg("search: %s", e.msg);
	store_rollback(s);
	return k;
}

/* The keys search hands over for query, public, today 2025-01-01, of the 主题分类 topic
 * (NULL: any). */
static struct keys search_in(struct store *s, const char *query, const char *topic,
			     int title_only, int nscore, int64_t max)
{
	struct doc_filter f = { .public_only = 1, .today = "2025-01-01", .topic = topic };

	return search_under(s, query, &f, title_only, nscore, max);
}

static struct keys search_for(struct store *s, const char *query, int title_only, int nscore,
			      int64_t max)
{
	return search_in(s, query, NULL, title_only, nscore, max);
}

static struct keys search(struct store *s, int title_only, int64_t max)
{
	return search_for(s, "防汛", title_only, 2, max);
}

static void bounded_newest_first(struct store *s)
{
	struct keys all, some, one, titles, two_titles, old;

	fill(s);
	all = search(s, 0, 0);
	assert_int_equal(all.n, NDOCS);
	for (int i = 1; i < all.n; i++)
		assert_true(all.v[i] < all.v[i - 1]);
	some = search(s, 0, 3);
	assert_int_equal(some.n, 3);
	assert_memory_equal(some.v, all.v, 3 * sizeof *all.v);
	one = search(s, 0, 1);
	assert_int_equal(one.n, 1);
	assert_true(one.v[0] == all.v[0]);
	/* the title matches: the odd documents (3 of 7), newest first, bounded the same way */
	titles = search(s, 1, 0);
	assert_int_equal(titles.n, NDOCS / 2);
	assert_true(titles.v[0] == all.v[1]);
	two_titles = search(s, 1, 2);
	assert_int_equal(two_titles.n, 2);
	assert_memory_equal(two_titles.v, titles.v, 2 * sizeof *titles.v);
	/* 灌溉: the fourth and the first document, none of the newest; the first nscore scored */
	old = search_for(s, "灌溉", 0, 2, 2);
	assert_int_equal(old.n, 2);
	assert_true(old.v[0] == all.v[3] && old.v[1] == all.v[6]);
	assert_true(old.scored[0] && old.scored[1]);
	old = search_for(s, "灌溉", 0, 1, 2);
	assert_int_equal(old.n, 2);
	assert_true(old.scored[0] && !old.scored[1]);
	old = search_for(s, "灌溉", 0, 2, 1);
	assert_int_equal(old.n, 1);
	assert_true(old.v[0] == all.v[3]);
	old = search_for(s, "灌溉", 0, 2, 0);
	assert_int_equal(old.n, 2);
	assert_true(old.v[0] == all.v[3] && old.v[1] == all.v[6]);
}

/* catalogue_search for 灌区 under f. */
static struct search_result filtered(struct store *s, const struct doc_filter *f, struct arena *a)
{
	struct gk_error e = { 0 };
	struct search_result r;

	assert_int_equal(store_begin_read(s, &e), 0);
	if (catalogue_search(s, "灌区", f, SEARCH_BY_RELEVANCE, a, &r, &e) != 0)
		fail_msg("search: %s", e.msg);
	store_rollback(s);
	return r;
}

/* Facets of a search whose matches span more organs than a first table of them holds: 90
 * organs, organ i with i % 4 + 1 documents holding 灌区 (dated from 2023-01-01, 主题分类
 * 国土资源、能源 with 土地 or 矿产 in turn); the counts per organ, by name, and per first
 * level of 主题分类 are the documents'. */
static void facets_of_many_organs(struct store *s)
{
	enum { ORGANS = 90 };
	struct gk_error e = { 0 };
	struct doc_filter f = { .public_only = 1, .today = "2025-01-01", .limit = 10 };
	struct search_result r;
	struct arena a;
	int64_t want = 0, got = 0;
	int seen[ORGANS] = { 0 }, n = 0;

	assert_int_equal(store_begin(s, &e), 0);
	for (int i = 0; i < ORGANS; i++) {
		char name[64];
		struct agency_new an = { .name = name };
		int64_t organ;

		snprintf(name, sizeof name, "第%d灌区管理所", i);
		assert_int_equal(agency_create(s, &an, &organ, &e), 0);
		for (int k = 0; k <= i % 4; k++, n++) {
			char index_no[48], date[16];

			snprintf(index_no, sizeof index_no, "GQ%03d/2023-%05d", i, k + 1);
			snprintf(date, sizeof date, "2023-%02d-%02d", n / 28 % 12 + 1, n % 28 + 1);
			put_doc(s, organ, name, index_no, "灌区用水通知", "灌区春灌用水安排。",
				n % 2 ? "国土资源、能源\\土地" : "国土资源、能源\\矿产", date);
			want++;
		}
	}
	assert_int_equal(store_commit(s, &e), 0);

	arena_init(&a);
	assert_int_equal(store_begin_read(s, &e), 0);
	if (catalogue_search(s, "灌区", &f, SEARCH_BY_RELEVANCE, &a, &r, &e) != 0)
		fail_msg("search: %s", e.msg);
	store_rollback(s);
	assert_int_equal(r.total, want);
	assert_int_equal(r.nfacets[FACET_AGENCY], ORGANS);
	for (size_t k = 0; k < r.nfacets[FACET_AGENCY]; k++) {
		int i = -1;
		assert_int_equal(sscanf(r.facets[FACET_AGENCY][k].label, "第%d灌区管理所", &i), 1);
		assert_true(i >= 0 && i < ORGANS && !seen[i]);
		seen[i] = 1;
		assert_int_equal(r.facets[FACET_AGENCY][k].n, i % 4 + 1);
		got += r.facets[FACET_AGENCY][k].n;
	}
	assert_int_equal(got, want);
	assert_int_equal(r.nfacets[FACET_TOPIC], 1);
	assert_string_equal(r.facets[FACET_TOPIC][0].label, "国土资源、能源");
	assert_int_equal(r.facets[FACET_TOPIC][0].n, want);
	/* a facet clicked: each organ's search finds its count, and only its documents; a
	 * 主题分类 finds itself and the topics under it, within an organ too */
	for (size_t k = 0; k < r.nfacets[FACET_AGENCY]; k += 7) {
		struct doc_filter by = f;
		struct search_result one;
		struct doc d;
		int64_t in_one;

		by.agency_id = strtoll(r.facets[FACET_AGENCY][k].value, NULL, 10);
		one = filtered(s, &by, &a);
		assert_int_equal(one.total, r.facets[FACET_AGENCY][k].n);
		assert_int_equal(one.nfacets[FACET_AGENCY], 1);
		assert_int_equal(store_begin_read(s, &e), 0);
		assert_int_equal(doc_store(s)->get(s, one.hits[0].id, &a, &d, &e), 0);
		store_rollback(s);
		assert_true(d.agency_id == by.agency_id);
		by.topic = "国土资源、能源\\土地";   /* the organ's documents are of one or the other */
		in_one = filtered(s, &by, &a).total;
		by.topic = "国土资源、能源\\矿产";
		assert_int_equal(in_one + filtered(s, &by, &a).total, r.facets[FACET_AGENCY][k].n);
	}
	{
		struct doc_filter by = f;
		by.topic = "国土资源、能源";
		assert_int_equal(filtered(s, &by, &a).total, want);
		by.topic = "国土资源、能源\\土地";
		assert_int_equal(filtered(s, &by, &a).total, want / 2);
		by.topic = "国土资源";          /* not a level of 主题分类: nothing */
		assert_int_equal(filtered(s, &by, &a).total, 0);
	}
	arena_free(&a);
}

static void test_sqlite(void **state)
{
	struct store *s = tmpstore_open("search");

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	bounded_newest_first(s);
	facets_of_many_organs(s);
	tmpstore_drop(s);
}

/* Both SQLite indexes written again with the text alone under rowid (an expression of
 * search_doc d), in order, and the trigger removing a document under old_rowid (the same of
 * old), once search_doc_remove is dropped: the indexes as a migration of then left them. */
#define INDEXES_THEN(rowid, order, old_rowid) \
	"DROP TABLE search_fts;\n" \
	"DROP TABLE search_title;\n" \
	"CREATE VIRTUAL TABLE search_fts USING fts5 (title, meta, body, attach, content = '',\n" \
	"  tokenize = 'gongkai');\n" \
	"CREATE VIRTUAL TABLE search_title USING fts5 (title, content = '', tokenize = 'gongkai');\n" \
	"INSERT INTO search_fts (rowid, title, meta, body, attach)\n" \
	"  SELECT " rowid ", src.title, src.meta, src.body, src.attach\n" \
	"  FROM search_doc d JOIN search_source src ON src.doc_id = d.doc_id ORDER BY " order ";\n" \
	"INSERT INTO search_title (rowid, title)\n" \
	"  SELECT " rowid ", src.title FROM search_doc d JOIN search_source src ON src.doc_id = d.doc_id\n" \
	"  ORDER BY " order ";\n" \
	"CREATE TRIGGER search_doc_remove BEFORE DELETE ON search_doc BEGIN\n" \
	"  INSERT INTO search_fts (search_fts, rowid, title, meta, body, attach)\n" \
	"    SELECT 'delete', " old_rowid ", title, meta, body, attach FROM search_source\n" \
	"    WHERE doc_id = old.doc_id AND NOT EXISTS (SELECT 1 FROM search_queue WHERE key = old.key);\n" \
	"  INSERT INTO search_title (search_title, rowid, title)\n" \
	"    SELECT 'delete', " old_rowid ", title FROM search_source\n" \
	"    WHERE doc_id = old.doc_id AND NOT EXISTS (SELECT 1 FROM search_queue WHERE key = old.key);\n" \
	"  DELETE FROM search_queue WHERE key = old.key;\n" \
	"  UPDATE search_span SET n = n - 1 WHERE span = old.key >> 50;\n" \
	"END;\n"

/* The SQLite indexes as they were before migration "search_facet": the text alone, under the
 * positions negated (search_source keeps its column facet, which nothing reads until the
 * upgrade writes the indexes again). Later migrations, if any, must be taken out here too. */
static const char before_facet_sql[] =
	"DROP TRIGGER search_doc_remove;\n"
	INDEXES_THEN("-d.pos", "d.pos DESC", "-old.pos");

/* Then as they were before migration "search_pos": no positions, the key
 * negated as the rowid (migration "search_forward"), added in descending key order, and the
 * triggers of then. */
static const char before_pos_sql[] =
	"DROP TRIGGER search_change_add;\n"
	"DROP TRIGGER search_change_remove;\n"
	"DROP TABLE search_change;\n"
	"DROP TRIGGER search_request_add;\n"
	"CREATE TRIGGER search_request_add INSTEAD OF INSERT ON search_request BEGIN\n"
	"  INSERT INTO search_topic (value) SELECT topic FROM document WHERE id = new.doc_id\n"
	"    AND topic IS NOT NULL AND topic NOT IN (SELECT value FROM search_topic);\n"
	"  INSERT INTO search_genre (value) SELECT genre FROM document WHERE id = new.doc_id\n"
	"    AND genre NOT IN (SELECT value FROM search_genre);\n"
	"  SELECT RAISE(ABORT, 'search index: more than 65536 documents alike on one day')\n"
	"    FROM search_source s WHERE s.doc_id = new.doc_id\n"
	"    AND EXISTS (SELECT 1 FROM search_doc WHERE key = s.base + 65535);\n"
	"  INSERT INTO search_doc (key, doc_id, agency_id)\n"
	"    SELECT coalesce((SELECT max(key) + 1 FROM search_doc\n"
	"      WHERE key BETWEEN s.base AND s.base + 65535), s.base), s.doc_id, s.agency_id\n"
	"    FROM search_source s WHERE s.doc_id = new.doc_id;\n"
	"END;\n"
	"DROP TRIGGER search_doc_remove;\n"
	"DROP INDEX search_doc_pos;\n"
	"ALTER TABLE search_doc DROP COLUMN pos;\n"
	INDEXES_THEN("-d.key", "d.key DESC", "-old.key");

/* Then as they were before migration "search_forward": the key itself as the rowid, added in
 * ascending order, and the trigger removing a document by it. */
static const char before_forward_sql[] =
	"DROP TRIGGER search_doc_remove;\n"
	INDEXES_THEN("d.key", "d.key", "old.key");

static int64_t raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A database indexed before migration `from` (its indexes taken back by `undo`, the
 * rowid of its newest match of 防汛 then in [lo, hi]) is upgraded on open: the same documents
 * found, newest first, the titles too; a title changed afterwards leaves the index (the new
 * trigger removes what the migration wrote). */
static void upgrade_from(const char *from, const char *undo, int64_t lo, int64_t hi)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-upgrade");
	struct keys all, titles, after;
	int64_t doc_id = 0, rowid, organ;
	char *path, sql[256];
	sqlite3 *db;
	int v = store_migration_number(from);

	assert_non_null(s);
	/* a later migration: take it out in before_facet_sql too ("search_spaces" changed the
	 * tokens only, which the upgrade writes again whatever it starts from) */
	assert_true(store_migration_number("search_spaces") == store_migrations_n &&
		    store_migration_number("search_facet") == store_migrations_n - 1);
	store_set_actor(s, "tester");
	organ = fill(s);
	all = search(s, 0, 0);
	titles = search(s, 1, 0);
	assert_int_equal(all.n, NDOCS);
	assert_int_equal(titles.n, NDOCS / 2);
	path = strdup(tmpstore_path());
	store_close(s);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), SQLITE_OK);
	rowid = raw_int(db, "SELECT min(rowid) FROM search_fts WHERE search_fts MATCH '防汛'");
	assert_true(rowid < 0 && rowid > -((int64_t)1 << 38));   /* a position, negated */
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, undo, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "DELETE FROM schema_migration WHERE version >= %d; "
		 "PRAGMA user_version = %d; COMMIT", v, v - 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	rowid = raw_int(db, "SELECT min(rowid) FROM search_fts WHERE search_fts MATCH '防汛'");
	assert_true(rowid >= lo && rowid <= hi);
	sqlite3_close(db);

	if (store_open(path, 0, &s, &e) != 0)
		fail_msg("%s: %s", path, e.msg);
	free(path);
	store_set_actor(s, "tester");
	after = search(s, 0, 0);
	assert_int_equal(after.n, NDOCS);
	assert_memory_equal(after.v, all.v, NDOCS * sizeof *all.v);
	after = search(s, 1, 0);
	assert_int_equal(after.n, NDOCS / 2);
	assert_memory_equal(after.v, titles.v, (NDOCS / 2) * sizeof *titles.v);
	/* the filters: by the words of the upgraded index */
	{
		struct doc_filter f = { .public_only = 1, .today = "2025-01-01", .agency_id = organ,
					.genre = "通知", .validity = "valid" };
		after = search_under(s, "防汛", &f, 0, 2, 0);
		assert_int_equal(after.n, NDOCS);
		assert_memory_equal(after.v, all.v, NDOCS * sizeof *all.v);
		after = search_under(s, "防汛", &f, 1, 2, 0);
		assert_int_equal(after.n, NDOCS / 2);
		f.validity = "expired";
		assert_int_equal(search_under(s, "防汛", &f, 0, 2, 0).n, 0);
		f.validity = "valid";
		f.agency_id = organ + 1;
		assert_int_equal(search_under(s, "防汛", &f, 0, 2, 0).n, 0);
	}

	/* the newest title match loses 防汛 from its title: found by its body only */
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(doc_store(s)->search_doc_of(s, titles.v[0], &doc_id, &e), 0);
	store_rollback(s);
	change_doc(s, doc_id, "工作通知（已更正）", NULL);
	after = search(s, 1, 0);
	assert_int_equal(after.n, NDOCS / 2 - 1);
	assert_memory_equal(after.v, titles.v + 1, (NDOCS / 2 - 1) * sizeof *titles.v);
	after = search_for(s, "更正", 0, 2, 0);
	assert_int_equal(after.n, 1);
	assert_int_equal(search(s, 0, 0).n, NDOCS);
	tmpstore_drop(s);
}

/* From before migration "search_forward" (rowids the keys) through "search_facet". */
static void test_sqlite_upgrade_forward(void **state)
{
	char undo[sizeof before_facet_sql + sizeof before_pos_sql + sizeof before_forward_sql];

	(void)state;
	snprintf(undo, sizeof undo, "%s%s%s", before_facet_sql, before_pos_sql, before_forward_sql);
	upgrade_from("search_forward", undo, 1, INT64_MAX);
}

/* From before migration "search_pos" (rowids the keys negated). */
static void test_sqlite_upgrade_pos(void **state)
{
	char undo[sizeof before_facet_sql + sizeof before_pos_sql];

	(void)state;
	snprintf(undo, sizeof undo, "%s%s", before_facet_sql, before_pos_sql);
	upgrade_from("search_pos", undo, INT64_MIN, -((int64_t)1 << 38));
}

/* From before migration "search_facet" (positions negated, no words of the filters). */
static void test_sqlite_upgrade_facet(void **state)
{
	(void)state;
	upgrade_from("search_facet", before_facet_sql, -((int64_t)1 << 38) + 1, -1);
}

/* Migration "search_spaces": a space between two Han characters no longer separates them.
 * A database of before it holds the tokens of then: a name padded with a space (王　芳) was
 * indexed as 王、芳 is. Made here by saving the body with the 、 and then setting the text
 * to the space behind the index's back (old_text, new_text); the upgrade writes the index
 * again, and 王芳 is found. */
#define OLD_TEXT "名单：王、芳，李秀英。"
#define NEW_TEXT "名单：王　芳，李秀英。"

/* The documents fill makes and one more with OLD_TEXT as its body, indexed; 王芳 not found. */
static void fill_padded_name(struct store *s)
{
	struct gk_error e = { 0 };
	int64_t organ = fill(s);

	assert_int_equal(store_begin(s, &e), 0);
	put_doc(s, organ, "慈周寨镇人民政府", "11370812004339255B/2024-00100", "补贴发放公示",
		OLD_TEXT, NULL, "2024-09-01");
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(search_for(s, "王芳", 0, 0, 0).n, 0);
	assert_int_equal(search_for(s, "李秀英", 0, 0, 0).n, 1);
}

/* After the upgrade: the padded name found, the rest as before. */
static void padded_name_found(struct store *s)
{
	assert_int_equal(search_for(s, "王芳", 0, 0, 0).n, 1);
	assert_int_equal(search_for(s, "李秀英", 0, 0, 0).n, 1);
	assert_int_equal(search_for(s, "防汛", 0, 0, 0).n, NDOCS);
	assert_int_equal(search_for(s, "防汛", 1, 0, 0).n, NDOCS / 2);
}

static void test_sqlite_upgrade_spaces(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-spaces");
	int v = store_migration_number("search_spaces");
	char *path, *before, *after, sql[256];
	sqlite3 *db;
	int64_t id;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	fill_padded_name(s);
	path = strdup(tmpstore_path());
	store_close(s);

	/* the text changed behind the index's back: the search triggers away meanwhile */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), SQLITE_OK);
	{
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(sql || ';', char(10)) "
						    "FROM sqlite_master WHERE name IN "
						    "('search_document_before', 'search_document_after')",
						    -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		before = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	after = sqlite3_mprintf("BEGIN; DROP TRIGGER search_document_before; "
				"DROP TRIGGER search_document_after; "
				"UPDATE document SET body = '%q' WHERE body = '%q'; %s COMMIT",
				NEW_TEXT, OLD_TEXT, before);
	assert_int_equal(sqlite3_exec(db, after, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(before);
	sqlite3_free(after);
	id = raw_int(db, "SELECT id FROM document WHERE title = '补贴发放公示'");
	sqlite3_close(db);
	if (store_open(path, 0, &s, &e) != 0)
		fail_msg("%s: %s", path, e.msg);
	assert_int_equal(search_for(s, "王芳", 0, 0, 0).n, 0);   /* the index of then */
	store_close(s);

	/* back to the version before "search_spaces", and opened: upgraded */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "DELETE FROM schema_migration WHERE version >= %d; "
		 "PRAGMA user_version = %d", v, v - 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	if (store_open(path, 0, &s, &e) != 0)
		fail_msg("%s: %s", path, e.msg);
	store_set_actor(s, "tester");
	padded_name_found(s);
	/* the document changed afterwards: removed with the tokens the upgrade wrote */
	change_doc(s, id, "补贴发放名单公示", NULL);
	padded_name_found(s);
	assert_int_equal(search_for(s, "名单公示", 1, 0, 0).n, 1);
	store_close(s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO search_fts (search_fts) VALUES ('integrity-check'); "
				      "INSERT INTO search_title (search_title) VALUES ('integrity-check')",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(path);
	tmpstore_drop(NULL);
}

/* A connection that searched before another one saved documents finds them after (it reads
 * the map of positions to keys again, store/sqlite_keymap.c): a new newest document first,
 * under the key its own connection gave it; and the filters read the new keys (a 主题分类 set
 * afterwards). */
static void test_sqlite_other_connection(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-other"), *s2;
	struct keys before, after;
	int64_t doc_id = 0, organ, new_id = 0;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	organ = fill(s);
	if (store_open(tmpstore_path(), STORE_READONLY, &s2, &e) != 0)
		fail_msg("%s", e.msg);
	before = search(s2, 0, 0);
	assert_int_equal(before.n, NDOCS);

	assert_int_equal(doc_store(s2)->search_doc_of(s2, before.v[0], &doc_id, &e), 0);
	assert_int_equal(store_begin(s, &e), 0);
	put_doc(s, organ, "慈周寨镇人民政府", "11370812004339255B/2024-00099", "防汛物资通知",
		"防汛物资已到位。", NULL, "2024-10-07");
	assert_int_equal(store_commit(s, &e), 0);
	after = search(s2, 0, 0);
	assert_int_equal(after.n, NDOCS + 1);
	assert_memory_equal(after.v + 1, before.v, NDOCS * sizeof *before.v);
	assert_int_equal(doc_store(s2)->search_doc_of(s2, after.v[0], &new_id, &e), 0);
	assert_true(new_id > doc_id);

	/* the newest title match gets a 主题分类: a search filtered by it finds that one only */
	change_doc(s, new_id, NULL, "农业、林业、水利\\水利");
	after = search_in(s2, "防汛", "农业、林业、水利", 0, 2, 0);
	assert_int_equal(after.n, 1);
	assert_int_equal(doc_store(s2)->search_doc_of(s2, after.v[0], &doc_id, &e), 0);
	assert_int_equal(doc_id, new_id);
	assert_int_equal(search(s2, 0, 0).n, NDOCS + 1);
	store_close(s2);
	tmpstore_drop(s);
}

#define MANY 400

struct many {
	int64_t v[MANY + 1];
	int n;
};

static int take_many(void *ctx, const struct search_row *r)
{
	struct many *k = ctx;

	if (k->n > MANY)
		return -1;
	k->v[k->n++] = r->key;
	return 0;
}

/* The keys search hands over for query (every match), and those search_doc lists for the
 * documents whose body holds it, newest position first: the same, key for key. */
static void same_keys(struct store *s, const char *path, const char *query, const char *like,
		      int expect)
{
	struct gk_error e = { 0 };
	struct search_terms t;
	struct doc_filter f = { .public_only = 1, .today = "2025-01-01" };
	struct search_spec q = { .terms = &t, .nscore = 2, .f = &f };
	struct many k = { .n = 0 };
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	assert_int_equal(search_query_parse(query, &t, &e), 0);
	assert_int_equal(store_begin_read(s, &e), 0);
	if (doc_store(s)->search(s, &q, take_many, &k, &e) != 0)
		fail_msg("search: %s", e.msg);
	store_rollback(s);
	assert_int_equal(k.n, expect);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT s.key FROM search_doc s JOIN document d "
					    "ON d.id = s.doc_id WHERE d.body LIKE ? ORDER BY s.pos "
					    "DESC", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(n < k.n);
		assert_int_equal(sqlite3_column_int64(st, 0), k.v[n]);
		n++;
	}
	assert_int_equal(n, k.n);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* 400 documents, 10 a day over 40 days, of two organs and three 主题分类: every key the
 * search hands over is the one its position maps to (store/sqlite_keymap.c): a word in every
 * document, one in every 37th, one in the first and the last only; and again after the first
 * document of a day was changed (its day's serials no longer the entries' places). */
static void test_sqlite_many_positions(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-many");
	struct agency_new an = { .name = "慈周寨镇人民政府", .code = "11370812004339255B",
				 .level = "township" }, bn = { .name = "滑县水利局",
				 .level = "county-dept" };
	static const char *const topics[] = { NULL, "农业、林业、水利\\水利", "民政、扶贫、救灾" };
	int64_t organ[2];
	char *path;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_create(s, &an, &organ[0], &e), 0);
	assert_int_equal(agency_create(s, &bn, &organ[1], &e), 0);
	for (int i = 0; i < MANY; i++) {
		char index_no[48], title[64], date[16], body[96];

		snprintf(index_no, sizeof index_no, "11370812004339255B/2024-%05d", i + 1);
		snprintf(title, sizeof title, "工作通知第%d号", i + 1);
		snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i / 10 / 28, 1 + i / 10 % 28);
		snprintf(body, sizeof body, "做好防汛准备。%s%s", i % 37 == 5 ? "灌溉用水。" : "",
			 i == 0 || i == MANY - 1 ? "堤坝巡查。" : "");
		put_doc(s, organ[i % 2], i % 2 ? bn.name : an.name, index_no, title, body,
			topics[i % 3], date);
	}
	assert_int_equal(store_commit(s, &e), 0);
	path = strdup(tmpstore_path());
	same_keys(s, path, "防汛", "%防汛%", MANY);
	same_keys(s, path, "灌溉", "%灌溉%", (MANY - 5 + 36) / 37);
	same_keys(s, path, "堤坝", "%堤坝%", 2);
	same_keys(s, path, "防汛", "%防汛%", MANY);   /* again: the map kept */
	/* the first document of a day changed: it leaves its place for the day's last */
	change_doc(s, 11, "工作通知（已更正）", NULL);
	same_keys(s, path, "防汛", "%防汛%", MANY);
	same_keys(s, path, "灌溉", "%灌溉%", (MANY - 5 + 36) / 37);
	free(path);
	tmpstore_drop(s);
}

/* A connection follows the changes another one made (store/sqlite_keymap.c): a few applied one
 * by one, more than 64 by reading the positions whole again, and changes no longer listed (the
 * list is pruned at each commit to its last 65,536: here by hand) by reading them whole too;
 * each time every key right. */
/* The rows the statements adding saved documents to the search indexes stepped through in
 * a scan since the last call (SQLite's count, reset). */
static int flush_scan_steps(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int n = 0;

	while ((st = sqlite3_next_stmt(sq_db(s), st)) != NULL)
		if (strncmp(sqlite3_sql(st), "INSERT INTO search_", 19) == 0)
			n += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
	return n;
}

/* A write transaction adds what it queued to the search indexes and reads nothing else: not
 * every indexed document in the order of their positions (which made each write transaction
 * read search_doc whole, 100–140 ms at 10⁶ documents). */
static void test_sqlite_flush_reads_the_queue(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-flush");
	int64_t organ;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	organ = fill(s);                     /* 7 documents indexed, the statements kept */
	flush_scan_steps(s);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(flush_scan_steps(s), 0);   /* nothing queued */
	assert_int_equal(store_begin(s, &e), 0);
	put_doc(s, organ, "慈周寨镇人民政府", "11370812004339255B/2025-00001", "防汛通知", "防汛。",
		NULL, "2024-09-01");
	assert_int_equal(store_commit(s, &e), 0);
	assert_true(flush_scan_steps(s) <= 2);      /* the queue's one row, in each index */
	assert_int_equal(search(s, 0, 0).n, NDOCS + 1);
	tmpstore_drop(s);
}

static void test_sqlite_follow_changes(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-follow"), *s2;
	char *path;
	int64_t organ;
	int total = NDOCS;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	organ = fill(s);
	path = strdup(tmpstore_path());
	if (store_open(path, STORE_READONLY, &s2, &e) != 0)
		fail_msg("%s", e.msg);
	same_keys(s2, path, "防汛", "%防汛%", NDOCS);
	assert_int_equal(store_begin(s, &e), 0);
	for (int round = 0; round < 3; round++) {
		int more = round == 1 ? 70 : 3;   /* changes: one each, more than 64, pruned */
		for (int i = 0; i < more; i++) {
			char index_no[48];
			snprintf(index_no, sizeof index_no, "11370812004339255B/2024-%05d",
				 100 + round * 100 + i);
			put_doc(s, organ, "慈周寨镇人民政府", index_no, "防汛值班通知", "防汛值班。",
				NULL, i % 2 ? "2024-03-21" : "2024-09-30");
		}
		assert_int_equal(store_commit(s, &e), 0);
		if (round == 2) {
			sqlite3 *db;
			assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
			assert_int_equal(sqlite3_exec(db, "DELETE FROM search_change WHERE n < "
						      "(SELECT max(n) FROM search_change)", NULL,
						      NULL, NULL), SQLITE_OK);
			sqlite3_close(db);
		}
		total += more;
		same_keys(s2, path, "防汛", "%防汛%", total);
		assert_int_equal(store_begin(s, &e), 0);
	}
	store_rollback(s);
	store_close(s2);
	free(path);
	tmpstore_drop(s);
}

/* The store asks FTS5 for a Chinese term's tokens one by one (store_fts_match): the rows it
 * hands over and their scores are FTS5's own phrase's — a title holding 防汛工作 counts once,
 * a body holding only 防汛 not at all (scoring each token would count it). */
static void test_sqlite_scores_as_phrases(void **state)
{
	struct store *s = tmpstore_open("search-phrase");
	struct keys k;
	char *path;
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	fill(s);
	k = search_for(s, "防汛工作", 0, NDOCS, 0);
	assert_int_equal(k.n, NDOCS / 2);
	path = strdup(tmpstore_path());
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(store_fts_register(db), SQLITE_OK);
	/* the weights of sqlite_search.c's statement; each row's key from its position */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT key FROM search_doc WHERE pos = "
					    "-search_fts.rowid), gk_score(search_fts, 100, NULL, 10.0, "
					    "4.0, 1.0, 0.6) FROM search_fts WHERE search_fts MATCH "
					    "'\"防汛工作\"' ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(n < k.n);
		assert_int_equal(sqlite3_column_int64(st, 0), k.v[n]);
		assert_true(k.scored[n]);
		if (sqlite3_column_double(st, 1) != k.score[n])
			fail_msg("row %d: score %g, FTS5's phrase %g", n, k.score[n],
				 sqlite3_column_double(st, 1));
		n++;
	}
	assert_int_equal(n, k.n);
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	tmpstore_drop(s);
}

/* ---------------------------------------------------------------- reading the index ahead */

#define WARM_DOCS 300

/* The bytes of the b-trees the index is read from (web/warm.c's trees), as dbstat counts. */
static int64_t index_bytes(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sum(pgsize) FROM dbstat WHERE name IN "
		"('search_doc', 'search_doc_pos', 'search_title_idx', 'search_title_docsize', "
		"'search_title_data', 'search_fts_idx', 'search_fts_docsize', 'search_fts_data')",
		-1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The bytes of the file at path in the system's file cache (mincore); with drop, its pages
 * are first let go (POSIX_FADV_DONTNEED: a clean file's pages leave the cache). */
static int64_t cached_bytes(const char *path, int drop)
{
	int fd = open(path, O_RDONLY);
	struct stat sb;
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *vec;
	void *m;
	int64_t n = 0;
	size_t pages;

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &sb), 0);
	if (drop) {
		assert_int_equal(fdatasync(fd), 0);
		assert_int_equal(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), 0);
	}
	pages = ((size_t)sb.st_size + (size_t)page - 1) / (size_t)page;
	m = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_SHARED, fd, 0);
	assert_true(m != MAP_FAILED);
	vec = malloc(pages);
	assert_int_equal(mincore(m, (size_t)sb.st_size, vec), 0);
	for (size_t i = 0; i < pages; i++)
		n += (vec[i] & 1) ? page : 0;
	free(vec);
	munmap(m, (size_t)sb.st_size);
	close(fd);
	return n;
}

static int stop_at_first(void *ctx, int64_t done)
{
	int *calls = ctx;

	(void)done;
	(*calls)++;
	return 1;
}

/* gongkai serve reads the index ahead at start (web/warm.c): when the whole database file fits
 * the budget the whole file is read, and is in the system's file cache after, where none of it
 * was; with a budget short of the file, every page of the index's trees (and those pages are
 * cached after); a smaller budget stops it after that many bytes, and so does its callback,
 * told every MiB. */
static void test_sqlite_read_ahead(void **state)
{
	static const char han[] = "政府信息公开工作年度报告申请答复行政复议诉讼乡村振兴农业水利"
				  "财政预算决算教育卫生健康交通运输住房城乡建设生态环境保护";
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-warm");
	struct agency_new an = { .name = "慈周寨镇人民政府", .code = "11370812004339255B",
				 .level = "township" };
	size_t nhan = strlen(han) / 3;
	int64_t organ, index, file, done;
	unsigned seed = 7;
	char *path, *body = malloc(3 * 1500 + 1);
	struct stat sb;
	int calls = 0, whole = -1;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_create(s, &an, &organ, &e), 0);
	for (int i = 0; i < WARM_DOCS; i++) {   /* bodies of 1,500 characters drawn from han */
		char index_no[48], title[64];

		for (int c = 0; c < 1500; c++) {
			seed = seed * 1103515245u + 12345u;
			memcpy(body + 3 * c, han + 3 * ((seed >> 16) % nhan), 3);
		}
		body[3 * 1500] = '\0';
		snprintf(index_no, sizeof index_no, "11370812004339255B/2024-%05d", i + 1);
		snprintf(title, sizeof title, "工作通知第%d号", i + 1);
		put_doc(s, organ, an.name, index_no, title, body, NULL, "2024-03-01");
	}
	assert_int_equal(store_commit(s, &e), 0);
	free(body);
	path = strdup(tmpstore_path());
	store_close(s);   /* the last connection: its log written into the file */
	index = index_bytes(path);
	assert_int_equal(stat(path, &sb), 0);
	file = (int64_t)sb.st_size;
	assert_true(index > (2 << 20) && file > index);

	/* the whole file, when it fits */
	if (cached_bytes(path, 1) >= index / 4)
		fail_msg("the file stayed in the file cache after POSIX_FADV_DONTNEED (is %s on "
			 "tmpfs?)", path);
	assert_int_equal(store_open(path, STORE_READONLY, &s, &e), 0);
	assert_int_equal(catalogue_search_warm(s, file, NULL, NULL, &done, &whole, &e), 0);
	assert_int_equal(whole, 1);
	assert_int_equal(done, file);
	if (cached_bytes(path, 0) < file)
		fail_msg("after reading the file ahead %lld of its %lld bytes are cached",
			 (long long)cached_bytes(path, 0), (long long)file);
	store_close(s);

	/* the index's pages, when the file does not fit */
	if (cached_bytes(path, 1) >= index / 4)
		fail_msg("the file stayed in the file cache after POSIX_FADV_DONTNEED");
	assert_int_equal(store_open(path, STORE_READONLY, &s, &e), 0);
	assert_int_equal(catalogue_search_warm(s, file - 1, NULL, NULL, &done, &whole, &e), 0);
	assert_int_equal(whole, 0);
	assert_int_equal(done, index);
	if (cached_bytes(path, 0) < index)
		fail_msg("after reading the index ahead %lld bytes of the file are cached, fewer "
			 "than the index's %lld", (long long)cached_bytes(path, 0), (long long)index);

	/* a budget of 100,000 bytes: read up to the page that reaches it */
	assert_int_equal(catalogue_search_warm(s, 100000, NULL, NULL, &done, &whole, &e), 0);
	assert_true(done >= 100000 && done < 100000 + 65536);
	/* the callback, told at the first MiB, stops it there: the index's pages, and the file */
	assert_int_equal(catalogue_search_warm(s, file - 1, stop_at_first, &calls, &done, &whole,
					       &e), 0);
	assert_int_equal(calls, 1);
	assert_int_equal(whole, 0);
	assert_true(done >= (1 << 20) && done < (1 << 20) + 65536);
	assert_int_equal(catalogue_search_warm(s, file, stop_at_first, &calls, &done, &whole, &e),
			 0);
	assert_int_equal(calls, 2);
	assert_int_equal(whole, 1);
	assert_int_equal(done, 1 << 20);
	free(path);
	tmpstore_drop(s);
}

/* A connection made ready (gongkai serve opens its workers' so at start, web/warm.c) knows the
 * key of every position of the index before its first search; a new one does not. */
static void test_sqlite_ready(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_open("search-ready"), *s2;
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;
	int64_t key;
	char *path;

	(void)state;
	assert_non_null(s);
	store_set_actor(s, "tester");
	fill(s);
	path = strdup(tmpstore_path());
	assert_int_equal(store_open(path, 0, &s2, &e), 0);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT pos, key FROM search_doc WHERE pos IS NOT "
					    "NULL", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {   /* unknown to the new connection */
		assert_int_equal(sq_keymap_key(sq_keymap(s2), sqlite3_column_int64(st, 0), &key), -1);
		n++;
	}
	assert_int_equal(n, NDOCS);
	sqlite3_reset(st);
	assert_int_equal(catalogue_search_ready(s2, &e), 0);
	while (sqlite3_step(st) == SQLITE_ROW) {   /* known once it is ready */
		assert_int_equal(sq_keymap_key(sq_keymap(s2), sqlite3_column_int64(st, 0), &key), 0);
		assert_int_equal(key, sqlite3_column_int64(st, 1));
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	store_close(s2);
	free(path);
	tmpstore_drop(s);
}

static void test_postgresql(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = tmpstore_pg_open("search");
	int64_t done = -1;
	int whole = -1;

	(void)state;
	assert_non_null(s);
	bounded_newest_first(s);
	facets_of_many_organs(s);
	/* the server keeps its own buffers: nothing is read ahead */
	assert_int_equal(catalogue_search_warm(s, (int64_t)1 << 40, NULL, NULL, &done, &whole, &e),
			 0);
	assert_int_equal(done, 0);
	assert_int_equal(whole, 0);
	assert_int_equal(catalogue_search_ready(s, &e), 0);   /* nothing to read either */
	tmpstore_pg_close(s);
}

/* Migration "search_spaces" on PostgreSQL: gongkai writes the chunks and titles again. */
static void test_postgresql_upgrade_spaces(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;
	const char *url = tmpstore_pg_create("spaces");
	char sql[256];

	(void)state;
	assert_non_null(url);
	if (store_open(url, STORE_CREATE, &s, &e) != 0)
		fail_msg("%s: %s", url, e.msg);
	store_set_actor(s, "tester");
	fill_padded_name(s);
	store_close(s);
	/* the text changed behind the index's back (gongkai indexes PostgreSQL's documents
	 * itself), and the database taken back to the version before "search_spaces" */
	snprintf(sql, sizeof sql, "UPDATE document SET body = '%s' WHERE body = '%s'; "
		 "DELETE FROM schema_migration WHERE version >= %d", NEW_TEXT, OLD_TEXT,
		 store_migration_number("search_spaces"));
	assert_int_equal(tmpstore_pg_run(url, sql), 0);
	if (store_open(url, 0, &s, &e) != 0)
		fail_msg("%s: %s", url, e.msg);
	padded_name_found(s);
	store_close(s);
	/* the GIN indexes taken away while the tables were filled are there again, as they were */
	assert_int_equal(tmpstore_pg_run(url, "DO $$ BEGIN IF (SELECT count(*) FROM pg_indexes "
					 "WHERE indexname IN ('search_chunk_tsv', 'search_title_tsv') "
					 "AND indexdef LIKE '%USING gin (tsv)') <> 2 THEN "
					 "RAISE EXCEPTION 'the GIN indexes are not there'; END IF; END $$"), 0);
	tmpstore_pg_drop();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sqlite),
		cmocka_unit_test(test_sqlite_upgrade_forward),
		cmocka_unit_test(test_sqlite_upgrade_pos),
		cmocka_unit_test(test_sqlite_upgrade_facet),
		cmocka_unit_test(test_sqlite_upgrade_spaces),
		cmocka_unit_test(test_sqlite_other_connection),
		cmocka_unit_test(test_sqlite_many_positions),
		cmocka_unit_test(test_sqlite_follow_changes),
		cmocka_unit_test(test_sqlite_flush_reads_the_queue),
		cmocka_unit_test(test_sqlite_scores_as_phrases),
		cmocka_unit_test(test_sqlite_read_ahead),
		cmocka_unit_test(test_sqlite_ready),
		cmocka_unit_test(test_postgresql),
		cmocka_unit_test(test_postgresql_upgrade_spaces),
	};
	const char *pg = getenv("GONGKAI_TEST_PG");

	size_t n = sizeof tests / sizeof tests[0];

	/* PostgreSQL's cases, the last two, only with a server */
	return _cmocka_run_group_tests("store/search", tests, pg && *pg ? n : n - 2, NULL, NULL);
}

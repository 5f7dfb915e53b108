/* test_fts_tokenizer.c — the "gongkai" FTS5 tokenizer inside SQLite: every search case of the
 * catalogue (1- and 2-character Chinese, traditional queries, full-width, 文号, 索引号, odd
 * input) against a small table, with the terms of search_query_parse written as the store
 * writes them (store_fts_match, gk_match), the ranking function gk_score, the same rows and
 * scores as FTS5's own phrases, and the words of a filter (gk_facets). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "search/query.h"
#include "store/fts_tokenizer.h"

static const char *docs[][2] = {
	{ "慈舟寨镇2024年政府信息公开工作年度报告", "本报告依据《中华人民共和国政府信息公开条例》编制。" },
	{ "关于印发农村土地承包办法的通知", "慈政〔2024〕3号 各村：现将办法印发给你们。" },
	{ "索引号示例", "索引号 11370900004341590P/2017-00150 的文件。" },
	{ "ＧＢ／Ｔ 33480 元数据", "电子公文元数据规范。" },
	{ "依申请公开办理流程", "申请人可以通过网络提交申请。" },
	{ "办事指南", "依照政府信息公开条例办理。" },
};

/* A table name(title, body) of the gongkai tokenizer holding rows[0..n) as rowids 1…n. */
static void make_table(sqlite3 *db, const char *name, const char *(*rows)[2], size_t n)
{
	char sql[128];
	sqlite3_stmt *st;

	snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE %s USING fts5(title, body, "
		 "tokenize='gongkai')", name);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "INSERT INTO %s(rowid, title, body) VALUES (?,?,?)", name);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int(st, 1, (int)i + 1);
		sqlite3_bind_text(st, 2, rows[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rows[i][1], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

static int setup(void **state)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), 0);
	make_table(db, "t", docs, sizeof docs / sizeof docs[0]);
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* The MATCH expression of a query as the store writes it (store_fts_match), and its shape. */
static void match(const char *q, struct buf *m, struct buf *shape)
{
	struct search_terms t;
	assert_int_equal(search_query_parse(q, &t, NULL), 0);
	assert_int_equal(store_fts_match(&t, NULL, m, shape), 0);
}

static void bind_shape(sqlite3_stmt *st, int i, const struct buf *shape)
{
	if (shape->len)
		sqlite3_bind_blob(st, i, shape->ptr, (int)shape->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* The rowids matching the query, best first, as "1,3"; "" if none. */
static void hits(sqlite3 *db, const char *q, char *out, size_t cap)
{
	struct buf m, shape;
	sqlite3_stmt *st;
	size_t len = 0;

	buf_init(&m, 0);
	buf_init(&shape, 0);
	out[0] = '\0';
	match(q, &m, &shape);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 AND "
					    "(?2 IS NULL OR gk_match(t, ?2)) "
					    "ORDER BY gk_score(t, 100, ?2, 5.0, 1.0) DESC, rowid", -1,
					    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
	bind_shape(st, 2, &shape);
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, cap - len, "%s%d", len ? "," : "",
					sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	buf_free(&m);
	buf_free(&shape);
}

#define EXPECT(q, want) do { char got[64]; hits(*state, (q), got, sizeof(got)); \
	assert_string_equal(got, (want)); } while (0)

static void test_short_chinese_queries(void **state)
{
	EXPECT("公开", "5,1,6");   /* title hits rank first */
	EXPECT("申", "5");
	EXPECT("报告", "1");
	EXPECT("开公", "");      /* characters must be adjacent and in order */
}

static void test_multi_term(void **state)
{
	EXPECT("公开 条例", "1,6");   /* 1 has 公开 in its title */
	EXPECT("公开 通知", "");
}

static void test_traditional_query_finds_simplified(void **state)
{
	EXPECT("條例", "6,1");
	EXPECT("資訊", "");  /* 资讯 is not 信息: a word, not a character mapping */
}

static void test_fullwidth_and_numbers(void **state)
{
	EXPECT("gb/t", "4");
	EXPECT("ＧＢ　３３４８０", "4");
	EXPECT("２０２４", "1,2");
}

static void test_doc_number_and_index_number(void **state)
{
	EXPECT("慈政〔2024〕3号", "2");
	EXPECT("慈政[2024]3号", "2");
	EXPECT("11370900004341590P/2017-00150", "3");
	EXPECT("11370900004341590p/2017-00151", "");
}

static void test_metacharacters_harmless(void **state)
{
	EXPECT("公开 OR 通知", "");
	EXPECT("公开\" OR \"通知", "");
	EXPECT("title:通知", "");   /* no column filter: the word "title" is searched */
	EXPECT("通知*", "2");
	EXPECT("NEAR(通知)", "");
	EXPECT("'); DROP TABLE t; --", "");
	EXPECT("申请", "5");
}

static void test_score_puts_title_matches_first(void **state)
{
	sqlite3 *db = *state;
	sqlite3_stmt *st;
	struct buf m, shape;
	double s6 = 0, s5 = 0;
	int n = 0;

	buf_init(&m, 0);
	buf_init(&shape, 0);
	match("公开", &m, &shape);
	/* the first row only is scored: the second gets NULL */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid, gk_score(t, 2, NULL, 10.0, 1.0) FROM t "
					    "WHERE t MATCH ? AND rowid >= 5 ORDER BY rowid DESC", -1,
					    &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		if (sqlite3_column_int(st, 0) == 6)
			s6 = sqlite3_column_double(st, 1);
		else
			s5 = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	assert_int_equal(n, 2);
	assert_true(s5 > s6);  /* 5 has 公开 in its title, 6 only in its body */
	assert_true(s6 > 0);
	buf_reset(&m);
	buf_reset(&shape);
	match("公开", &m, &shape);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT gk_score(t, 1, NULL, 10.0, 1.0) FROM t "
					    "WHERE t MATCH ? ORDER BY rowid DESC", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);  /* past the first n rows */
	sqlite3_finalize(st);
	buf_free(&m);
	buf_free(&shape);
}

/* How the store writes a query: a Chinese term's tokens as phrases of one token with its
 * shape; a term with digits, or with a character that folds into several, as one phrase. */
static void test_match_expression(void **state)
{
	static const struct { const char *q, *m, *shape; } cases[] = {
		{ "政府信息", "\"政府\" AND \"府信\" AND \"信息\"", "\3" },
		{ "公开", "\"公开\"", "" },
		{ "政府信息 公开", "\"政府\" AND \"府信\" AND \"信息\" AND \"公开\"", "\3\1" },
		{ "“政府 信息”", "\"政府\" AND \"府 信\" AND \"信息\"", "\3" },  /* the space joins */
		{ "“政府，信息”", "\"政府\" AND \"府\" AND \"信息\"", "\3" },
		{ "慈政〔2024〕3号", "\"慈政〔2024〕3号\"", "" },
		{ "㍿", "\"㍿\"", "" },
		{ "政府資訊", "\"政府\" AND \"府資\" AND \"資訊\"", "\3" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf m, shape;
		buf_init(&m, 0);
		buf_init(&shape, 0);
		match(cases[i].q, &m, &shape);
		assert_string_equal(buf_cstr(&m), cases[i].m);
		assert_int_equal(shape.len, strlen(cases[i].shape));
		assert_memory_equal(shape.len ? shape.ptr : "", cases[i].shape, shape.len);
		buf_free(&m);
		buf_free(&shape);
	}
}

/* What the store asks (each token a phrase, gk_match putting a term together) finds the rows
 * FTS5's own phrases find ("term" AND "term"), and scores them the same: characters in order
 * and adjacent (across a space, as one run), not across punctuation or a column; repeated
 * tokens; a character that
 * folds into several (㍿, kept as one phrase). */
static void test_terms_match_as_fts5_phrases(void **state)
{
	static const char *rows[][2] = {
		{ "政府信息公开", "哈哈哈 政府，信息公开" },
		{ "人民政府", "信息公开工作 政府信息 政府信息" },
		{ "株式会社", "㍿ 慈政〔2024〕3号" },
		{ "慈政 2024", "3号 慈政2024年3号" },
		{ "信息公开", "哈哈 公开信息 政府 信息" },
	};
	static const char *queries[] = {
		"政府信息", "\"政府信息公开\"", "信息公开 政府", "哈哈哈", "哈哈", "开公", "政府信",
		"㍿", "株式会社", "慈政〔2024〕3号", "慈政 2024", "公开信息", "\"政府 信息\"",
		"信息 公开工作", "府信息公", "政府信息公开工作",
	};
	sqlite3 *db = *state;
	sqlite3_stmt *mine, *fts5;

	make_table(db, "u", rows, sizeof rows / sizeof rows[0]);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid, gk_score(u, 100, ?2, 10.0, 1.0) "
					    "FROM u WHERE u MATCH ?1 AND (?2 IS NULL OR gk_match(u, ?2)) "
					    "ORDER BY rowid", -1, &mine, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid, gk_score(u, 100, NULL, 10.0, 1.0) "
					    "FROM u WHERE u MATCH ?1 ORDER BY rowid", -1, &fts5, NULL),
			 SQLITE_OK);
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		struct search_terms t;
		struct buf m, shape, phrases;
		int found = 0;

		buf_init(&m, 0);
		buf_init(&shape, 0);
		buf_init(&phrases, 0);
		match(queries[q], &m, &shape);
		assert_int_equal(search_query_parse(queries[q], &t, NULL), 0);
		for (int i = 0; i < t.n; i++) {
			assert_int_equal(buf_puts(&phrases, i ? " AND \"" : "\""), 0);
			assert_int_equal(buf_append(&phrases, t.term[i], t.len[i]), 0);
			assert_int_equal(buf_putc(&phrases, '"'), 0);
		}
		sqlite3_bind_text(mine, 1, buf_cstr(&m), -1, SQLITE_STATIC);
		bind_shape(mine, 2, &shape);
		sqlite3_bind_text(fts5, 1, buf_cstr(&phrases), -1, SQLITE_STATIC);
		for (;;) {
			int a = sqlite3_step(mine), b = sqlite3_step(fts5);
			if (a != b)
				fail_msg("%s: %s finds a different number of rows than %s", queries[q],
					 buf_cstr(&m), buf_cstr(&phrases));
			if (a != SQLITE_ROW)
				break;
			found++;
			assert_int_equal(sqlite3_column_int(mine, 0), sqlite3_column_int(fts5, 0));
			if (sqlite3_column_double(mine, 1) != sqlite3_column_double(fts5, 1))
				fail_msg("%s, row %d: score %g, FTS5's phrases %g", queries[q],
					 sqlite3_column_int(mine, 0), sqlite3_column_double(mine, 1),
					 sqlite3_column_double(fts5, 1));
		}
		sqlite3_reset(mine);
		sqlite3_reset(fts5);
		/* the queries that are not found anywhere are the ones meant not to be */
		if ((found == 0) != (strcmp(queries[q], "开公") == 0 ||
				     strcmp(queries[q], "政府信息公开工作") == 0))
			fail_msg("%s: %d rows", queries[q], found);
		buf_free(&m);
		buf_free(&shape);
		buf_free(&phrases);
	}
	sqlite3_finalize(mine);
	sqlite3_finalize(fts5);
}

/* A filter's words (gk_facets, the store's search_key_words) ANDed after the terms: the rows
 * with the word in their column facet, not those with it in their text; the shape ends with a
 * 0 byte, and the rows found are scored as without the filter. */
static void test_filter_words(void **state)
{
	static const char *rows[][2] = {
		{ "政府信息公开", "zfobh 正文" },      /* organ 18, the word of 17 in its body */
		{ "政府信息公开指南", "正文" },         /* organ 17 */
		{ "公开", "政府信息" },                 /* organ 17 */
	};
	static const int organ[] = { 18, 17, 17 };
	/* organ 17, 主题分类 code 5, 体裁 code 3, repealed (2) */
	const int64_t base = ((int64_t)17 << 31) | (5 << 23) | (3 << 18) | (2 << 16);
	sqlite3 *db = *state;
	sqlite3_stmt *st;
	struct search_terms t;
	struct buf m, shape, filter, words;
	char got[64];
	size_t len = 0;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT gk_facets(?)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, base);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "zfobh zftf zfgd zfvc");
	sqlite3_finalize(st);

	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE v USING fts5(title, body, facet, "
				      "tokenize='gongkai')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO v VALUES (?, ?, ?)", -1, &st, NULL),
			 SQLITE_OK);
	buf_init(&words, 0);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		buf_reset(&words);
		assert_int_equal(buf_puts(&words, organ[i] == 17 ? "zfobh" : "zfobi"), 0);
		sqlite3_bind_text(st, 1, rows[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, rows[i][1], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, buf_cstr(&words), -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);

	buf_init(&m, 0);
	buf_init(&shape, 0);
	buf_init(&filter, 0);
	assert_int_equal(buf_puts(&filter, "facet : (\"zfobh\")"), 0);
	assert_int_equal(search_query_parse("政府信息", &t, NULL), 0);
	assert_int_equal(store_fts_match(&t, buf_cstr(&filter), &m, &shape), 0);
	assert_string_equal(buf_cstr(&m), "\"政府\" AND \"府信\" AND \"信息\" AND facet : (\"zfobh\")");
	assert_int_equal(shape.len, 2);
	assert_memory_equal(shape.ptr, "\3\0", 2);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid, gk_score(v, 10, ?2, 10.0, 1.0) FROM v "
					    "WHERE v MATCH ?1 AND gk_match(v, ?2) ORDER BY rowid", -1,
					    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, shape.ptr, (int)shape.len, SQLITE_STATIC);
	got[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		len += (size_t)snprintf(got + len, sizeof got - len, "%s%d", len ? "," : "",
					sqlite3_column_int(st, 0));
		if (sqlite3_column_int(st, 0) == 2)
			assert_true(sqlite3_column_double(st, 1) > 0);
	}
	sqlite3_finalize(st);
	assert_string_equal(got, "2,3");   /* not 1: its body's zfobh is not its organ */

	/* a one-phrase term with a filter has a shape too; the title scores as without it */
	buf_reset(&m);
	buf_reset(&shape);
	assert_int_equal(search_query_parse("公开", &t, NULL), 0);
	assert_int_equal(store_fts_match(&t, buf_cstr(&filter), &m, &shape), 0);
	assert_int_equal(shape.len, 2);
	assert_memory_equal(shape.ptr, "\1\0", 2);
	{
		double with = 0, without = 0;
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT gk_score(v, 10, ?2, 10.0, 1.0) FROM v "
						    "WHERE v MATCH ?1 AND rowid = 3", -1, &st, NULL),
				 SQLITE_OK);
		sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, shape.ptr, (int)shape.len, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		with = sqlite3_column_double(st, 0);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, "\"公开\"", -1, SQLITE_STATIC);
		sqlite3_bind_null(st, 2);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		without = sqlite3_column_double(st, 0);
		sqlite3_finalize(st);
		assert_true(with > 0);
		assert_true(with == without);
	}
	buf_free(&m);
	buf_free(&shape);
	buf_free(&filter);
	buf_free(&words);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_chinese_queries),
		cmocka_unit_test(test_multi_term),
		cmocka_unit_test(test_traditional_query_finds_simplified),
		cmocka_unit_test(test_fullwidth_and_numbers),
		cmocka_unit_test(test_doc_number_and_index_number),
		cmocka_unit_test(test_metacharacters_harmless),
		cmocka_unit_test(test_score_puts_title_matches_first),
		cmocka_unit_test(test_match_expression),
		cmocka_unit_test(test_terms_match_as_fts5_phrases),
		cmocka_unit_test(test_filter_words),
	};
	return cmocka_run_group_tests_name("store/fts_tokenizer", tests, setup, teardown);
}

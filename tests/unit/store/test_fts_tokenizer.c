/* test_fts_tokenizer.c — the "gongkai" FTS5 tokenizer inside SQLite: every search case of the
 * catalogue (1- and 2-character Chinese, traditional queries, full-width, 文号, 索引号, odd
 * input) against a small table, with the terms of search_query_parse written as the store
 * writes them ("term" AND "term"), and the ranking function gk_score. */
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

static int setup(void **state)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(store_fts_register(db), 0);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, body, "
				      "tokenize='gongkai')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, title, body) VALUES (?,?,?)",
					    -1, &st, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		sqlite3_bind_int(st, 1, (int)i + 1);
		sqlite3_bind_text(st, 2, docs[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, docs[i][1], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* The MATCH expression of a query: each term quoted, ANDed. */
static void match(const char *q, struct buf *m)
{
	struct search_terms t;
	assert_int_equal(search_query_parse(q, &t, NULL), 0);
	for (int i = 0; i < t.n; i++) {
		assert_int_equal(buf_puts(m, i ? " AND \"" : "\""), 0);
		assert_int_equal(buf_append(m, t.term[i], t.len[i]), 0);
		assert_int_equal(buf_putc(m, '"'), 0);
	}
}

/* The rowids matching the query, best first, as "1,3"; "" if none. */
static void hits(sqlite3 *db, const char *q, char *out, size_t cap)
{
	struct buf m;
	sqlite3_stmt *st;
	size_t len = 0;

	buf_init(&m, 0);
	out[0] = '\0';
	match(q, &m);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? "
					    "ORDER BY bm25(t, 5.0, 1.0), rowid", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, cap - len, "%s%d", len ? "," : "",
					sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	buf_free(&m);
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
	EXPECT("公开 条例", "6,1");
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
	struct buf m;
	double s6 = 0, s5 = 0;
	int n = 0;

	buf_init(&m, 0);
	match("公开", &m);
	/* the first row only is scored: the second gets NULL */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid, gk_score(t, 2, 10.0, 1.0) FROM t "
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
	match("公开", &m);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT gk_score(t, 1, 10.0, 1.0) FROM t "
					    "WHERE t MATCH ? ORDER BY rowid DESC", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_cstr(&m), -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);  /* past the first n rows */
	sqlite3_finalize(st);
	buf_free(&m);
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
	};
	return cmocka_run_group_tests_name("store/fts_tokenizer", tests, setup, teardown);
}

/*
 * fts_tokenizer.h — registers gongkai's search tokenizer with an SQLite connection as the FTS5
 * tokenizer "gongkai" (used as `CREATE VIRTUAL TABLE … USING fts5(…, tokenize='gongkai')`),
 * and the FTS5 ranking function gk_score used by the catalogue's search.
 *
 * The tokenizing itself is search/tokenize.c (pure C); this file is the FTS5 glue and belongs
 * to the SQLite store, the only module that includes sqlite3.h. Every connection that reads or
 * writes an FTS table must register it first.
 *
 * gk_score(fts, n, w0, w1, …): for the first n rows a query returns, a relevance score (higher
 * is better): for each term and column, the term's count saturated and divided by the column's
 * length relative to its average (the term-frequency part of BM25, k1 = 1.2, b = 0.75), times
 * the column's weight wi; NULL for the rows after the first n, so that a query can count and
 * tally every match while scoring only the ones that will be ranked. No corpus-wide statistics
 * are read: FTS5's bm25() counts every document of every term first, which at a million
 * documents costs seconds for a common character.
 */
#ifndef GK_STORE_FTS_TOKENIZER_H
#define GK_STORE_FTS_TOKENIZER_H

struct sqlite3;

/* Register the "gongkai" tokenizer and gk_score on db. Returns 0 or ERR_DB (FTS5 missing). */
int store_fts_register(struct sqlite3 *db);

#endif

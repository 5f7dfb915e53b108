/*
 * fts_tokenizer.h — registers gongkai's search tokenizer with an SQLite connection as the FTS5
 * tokenizer "gongkai" (used as `CREATE VIRTUAL TABLE … USING fts5(…, tokenize='gongkai')`),
 * and the FTS5 ranking function gk_score used by the catalogue's search.
 *
 * The tokenizing itself is search/tokenize.c (pure C); this file is the FTS5 glue and belongs
 * to the SQLite store, the only module that includes sqlite3.h. Every connection that reads or
 * writes an FTS table must register it first.
 *
 * store_fts_match writes the MATCH expression of a query's terms: a Chinese term's tokens
 * ANDed, each token a phrase of its own (other terms stay one phrase), and the shape of the
 * expression (how many phrases each term has), which gk_match and gk_score are given to put
 * the terms together again.
 *
 * gk_match(fts, shape): 1 if in the row every term's phrases follow each other somewhere (the
 * k phrases of a term at positions p, p+1, … p+k-1 of one column), else 0. FTS5 checks a
 * phrase "a b c" by collecting every place it occurs in every document holding its tokens;
 * this stops at the first, which is all a match needs: the newest 10,001 matches of a common
 * phrase at 10⁶ documents are counted up to 1.6 times faster (docs/search.md).
 *
 * gk_score(fts, n, shape, w0, w1, …): for the first n rows a query returns, a relevance score
 * (higher is better): for each term and column, the term's count (the places its phrases follow
 * each other) saturated and divided by the column's length relative to its average (the
 * term-frequency part of BM25, k1 = 1.2, b = 0.75), times the column's weight wi; NULL for the
 * rows after the first n, so that a query can count and tally every match while scoring only
 * the ones that will be ranked. No corpus-wide statistics are read: FTS5's bm25() counts every
 * document of every term first, which at a million documents costs seconds for a common
 * character. A NULL shape: each phrase is a term; the phrases after a shape's 0 byte are a
 * filter's (neither checked nor scored).
 */
#ifndef GK_STORE_FTS_TOKENIZER_H
#define GK_STORE_FTS_TOKENIZER_H

struct sqlite3;
struct buf;
struct search_terms;

/* Register the "gongkai" tokenizer, gk_match, gk_score and gk_facets on db. Returns 0 or
 * ERR_DB (FTS5 missing). */
int store_fts_register(struct sqlite3 *db);


/* The FTS5 MATCH expression of t appended to m — the tokens of a term of Chinese characters
 * as phrases of one token, ANDed (政府信息 → "政府" AND "府信" AND "信息"); a term with digits
 * or letters (慈政〔2024〕3号), or whose tokens would not read back as themselves alone (a
 * character folding into several), stays one phrase — and its shape to
 * shape: a byte per term, how many phrases it has; shape is left empty when every term has
 * one (nothing for gk_match to check). A filter (an FTS5 expression the caller writes, NULL or
 * "" for none) is ANDed after the terms, and the shape then ends with a 0 byte: its phrases
 * are neither checked nor scored. Never written from anything but the parsed terms and the
 * caller's filter. Returns 0 or ERR_LIMIT (out of memory). */
int store_fts_match(const struct search_terms *t, const char *filter, struct buf *m,
		    struct buf *shape);

#endif

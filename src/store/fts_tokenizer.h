/*
 * fts_tokenizer.h — registers gongkai's search tokenizer with an SQLite connection as the FTS5
 * tokenizer "gongkai" (used as `CREATE VIRTUAL TABLE … USING fts5(…, tokenize='gongkai')`).
 *
 * The tokenizing itself is search/tokenize.c (pure C); this file is the FTS5 glue and belongs
 * to the SQLite store, the only module that includes sqlite3.h. Every connection that reads or
 * writes an FTS table must register it first.
 */
#ifndef GK_STORE_FTS_TOKENIZER_H
#define GK_STORE_FTS_TOKENIZER_H

struct sqlite3;

/* Register the "gongkai" tokenizer on db. Returns 0 or ERR_DB (FTS5 missing). */
int store_fts_register(struct sqlite3 *db);

#endif

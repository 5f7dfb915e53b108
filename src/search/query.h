/*
 * query.h — turn what a user typed into a safe FTS5 MATCH expression.
 *
 * User input is never passed raw to MATCH. The input is split into terms at white space
 * (including the ideographic space U+3000); text inside quotes ("…", “…”, ＂…＂) is one term
 * even with spaces in it. Each term is run through the search tokenizer and becomes one quoted
 * FTS5 phrase of its tokens — a Chinese term is a phrase of its characters, so 公开 must occur
 * as 公开, not as 公 … 开. Terms are ANDed. Since only tokens (letters, digits, single Han
 * characters) reach the expression, FTS5 syntax characters typed by the user (* : ^ ( ) - + ")
 * and words like OR, NOT, NEAR have no effect beyond being searched as text.
 * Depends on search/tokenize.h, text/, base/.
 */
#ifndef GK_SEARCH_QUERY_H
#define GK_SEARCH_QUERY_H

#include "base/buf.h"
#include "base/err.h"

#define QUERY_MAX_BYTES 256   /* longest accepted input, before normalising */
#define QUERY_MAX_TERMS 8     /* most terms (phrases) in one query */
#define QUERY_MAX_TOKENS 64   /* most tokens in one phrase */

/* Build the MATCH expression for input (NUL-terminated, UTF-8) by appending it to match;
 * *nterms (may be NULL) receives the number of phrases. Errors, with field "query":
 * ERR_INVALID for invalid UTF-8 or an input with nothing searchable in it ("…", "**");
 * ERR_LIMIT for an input longer than QUERY_MAX_BYTES or with more than QUERY_MAX_TERMS terms. */
int search_query_build(const char *input, struct buf *match, int *nterms,
		       struct gk_error *e) GK_WUR;

#endif

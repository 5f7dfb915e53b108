/*
 * query.h — what a user typed into a search box, split into the terms to search for.
 *
 * The input is split into terms at white space (including the ideographic space U+3000); text
 * inside quotes ("…", “…”, ＂…＂) is one term even with spaces in it. A document matches a term
 * when the term's tokens (search/tokenize.h, query mode) occur in it in order and adjacent — a
 * Chinese term is a phrase, so 公开 must occur as 公开, not as 公 … 开. Every term must match.
 * A term with no tokens (punctuation only) is dropped; nothing else about the input has a
 * meaning: FTS5 or tsquery syntax typed by the user (* : ^ ( ) - + " OR NOT NEAR) is searched as
 * text or separates tokens. Each backend writes the terms in its own query language from
 * here (store/), never from the raw input.
 * Depends on search/tokenize.h, text/, base/.
 */
#ifndef GK_SEARCH_QUERY_H
#define GK_SEARCH_QUERY_H

#include <stddef.h>

#include "base/err.h"

#define QUERY_MAX_BYTES 256   /* longest accepted input, before normalising */
#define QUERY_MAX_TERMS 8     /* most terms in one query */
#define QUERY_MAX_TOKENS 64   /* most tokens in one term */

/* The terms of a query, in the order typed. term[i] points into the parsed input (not
 * NUL-terminated, len[i] bytes); it never contains an ASCII double quote. */
struct search_terms {
	int n;
	const char *term[QUERY_MAX_TERMS];
	size_t len[QUERY_MAX_TERMS];
};

/* Split input (NUL-terminated, UTF-8; must outlive out) into out. Errors, with field "query":
 * ERR_INVALID for invalid UTF-8 or an input with nothing searchable in it ("…", "**");
 * ERR_LIMIT for an input longer than QUERY_MAX_BYTES, more than QUERY_MAX_TERMS terms or a
 * term of more than QUERY_MAX_TOKENS tokens. */
int search_query_parse(const char *input, struct search_terms *out, struct gk_error *e) GK_WUR;

/* out without term i (a suggestion when nothing is found). */
void search_terms_without(const struct search_terms *in, int i, struct search_terms *out);

#endif

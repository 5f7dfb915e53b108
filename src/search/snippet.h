/*
 * snippet.h — where the terms of a query occur in a text, for showing a result: the text (or a
 * window of it around the first match) with SEARCH_MARK_OPEN / SEARCH_MARK_CLOSE around each
 * occurrence.
 *
 * A term occurs where its tokens (search/tokenize.h) follow each other in the text as in the
 * term — the same rule the index applies, so what is marked is what was found; the marks
 * enclose the text as written (traditional or full-width characters stay as they are). Control
 * characters of the text (line breaks, page breaks, marker bytes) are shown as spaces, so the
 * only marker bytes in the output are the marks. Pure C; depends on search/, text/, base/.
 */
#ifndef GK_SEARCH_SNIPPET_H
#define GK_SEARCH_SNIPPET_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "search/query.h"

#define SEARCH_MARK_OPEN "\x02"
#define SEARCH_MARK_CLOSE "\x03"

/* Append to out text[0..len) with the terms of t marked: all of it when window is 0, else about
 * window characters around the first occurrence ("…" where the text is cut). *at (may be NULL)
 * receives the byte offset of the first occurrence, or len when there is none (then the window
 * is the text's beginning). Returns 0 or ERR_LIMIT when out is full. */
int search_snippet(const char *text, size_t len, const struct search_terms *t, size_t window,
		   struct buf *out, size_t *at) GK_WUR;

#endif

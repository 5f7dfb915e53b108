/*
 * snippet.h — search snippets for display: the text is escaped first, then the match markers
 * (SEARCH_MARK_OPEN "\x02" / SEARCH_MARK_CLOSE "\x03", put there by the store's FTS5
 * snippet()) become <mark>…</mark> or the given text markers. Documents cannot contain the
 * marker bytes (catalogue_doc_check refuses control characters), so a document can never
 * inject markup through its text.
 * Depends on base/ and render/tpl.h (the one HTML escaper).
 */
#ifndef GK_RENDER_SNIPPET_H
#define GK_RENDER_SNIPPET_H

#include "base/buf.h"

#define SNIPPET_MARK_OPEN '\x02'
#define SNIPPET_MARK_CLOSE '\x03'

/* HTML: escaped text with <mark> … </mark> around matches (unbalanced marks are closed). */
int render_snippet_html(struct buf *out, const char *snippet) GK_WUR;
/* Plain text with open / close strings around matches (e.g. "«", "»"). */
int render_snippet_text(struct buf *out, const char *snippet, const char *open,
			const char *close) GK_WUR;

#endif

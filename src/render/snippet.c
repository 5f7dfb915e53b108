/*
 * snippet.c — search snippets as HTML or text (see snippet.h).
 */
#include "render/snippet.h"

#include <string.h>

#include "render/tpl.h"

/* Walk snippet: text runs go through emit_text, marks through the open/close strings. */
static int walk(struct buf *out, const char *s, int html, const char *open, const char *close)
{
	int inside = 0, rc = 0;

	while (*s && rc == 0) {
		size_t n = strcspn(s, "\x02\x03");

		if (n)
			rc = html ? tpl_escape_html(out, s, n) : buf_append(out, s, n);
		s += n;
		if (rc || !*s)
			break;
		if (*s == SNIPPET_MARK_OPEN && !inside) {
			rc = buf_puts(out, open);
			inside = 1;
		} else if (*s == SNIPPET_MARK_CLOSE && inside) {
			rc = buf_puts(out, close);
			inside = 0;
		}
		s++;
	}
	if (rc == 0 && inside)
		rc = buf_puts(out, close);
	return rc;
}

int render_snippet_html(struct buf *out, const char *snippet)
{
	return walk(out, snippet, 1, "<mark>", "</mark>");
}

int render_snippet_text(struct buf *out, const char *snippet, const char *open,
			const char *close)
{
	return walk(out, snippet, 0, open, close);
}

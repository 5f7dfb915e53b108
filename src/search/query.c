/*
 * query.c — user input → FTS5 MATCH expression (see query.h and docs/search.md).
 */
#include "search/query.h"

#include <stdint.h>
#include <string.h>

#include "search/tokenize.h"
#include "text/utf8.h"

struct phrase {
	struct buf *out;
	int ntokens;
	int rc;
};

static int add_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct phrase *p = ctx;

	if (p->ntokens >= QUERY_MAX_TOKENS)
		return 1;  /* the rest of an over-long phrase is dropped */
	if ((p->ntokens > 0 && (p->rc = buf_putc(p->out, ' ')) != 0) ||
	    (p->rc = buf_append(p->out, tok, len)) != 0)
		return 1;
	p->ntokens++;
	return 0;
}

static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0x3000 || cp == 0xA0;
}

static int is_quote(int32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xFF02;
}

/* Append term s[0..len) as a phrase (joined with AND to what is there); count it if it has
 * tokens. */
static int add_term(const char *s, size_t len, struct buf *match, int *n, struct gk_error *e)
{
	struct buf ph;
	struct phrase p = { &ph, 0, 0 };
	int rc = 0;

	buf_init(&ph, 4096);
	search_tokenize(s, len, add_token, &p);
	if (p.rc) {
		rc = err_set(e, ERR_LIMIT, "query", "search query is too long");
		goto out;
	}
	if (p.ntokens == 0)
		goto out;
	if (++*n > QUERY_MAX_TERMS) {
		rc = err_set(e, ERR_LIMIT, "query", "too many search terms (at most %d)",
			     QUERY_MAX_TERMS);
		goto out;
	}
	if ((*n > 1 && buf_puts(match, " AND ")) || buf_putc(match, '"') ||
	    buf_append(match, ph.ptr, ph.len) || buf_putc(match, '"'))
		rc = err_set(e, ERR_LIMIT, "query", "search query is too long");
out:
	buf_free(&ph);
	return rc;
}

int search_query_build(const char *input, struct buf *match, int *nterms, struct gk_error *e)
{
	size_t len = strlen(input), pos = 0, term = 0;
	size_t before = match->len;
	int n = 0, quoted = 0, rc = 0;

	if (len > QUERY_MAX_BYTES)
		return err_set(e, ERR_LIMIT, "query", "search query is longer than %d bytes",
			       QUERY_MAX_BYTES);
	if (!utf8_valid(input, len))
		return err_set(e, ERR_INVALID, "query", "search query is not valid UTF-8");
	while (pos <= len) {
		int32_t cp = 0;
		size_t m = pos < len ? utf8_decode(input + pos, len - pos, &cp) : 1;
		int at_end = pos == len;
		int boundary = at_end || is_quote(cp) || (!quoted && is_space(cp));

		if (boundary) {
			if (pos > term && (rc = add_term(input + term, pos - term, match, &n, e)))
				goto out;
			if (!at_end && is_quote(cp))
				quoted = !quoted;
			term = pos + m;
		}
		pos += m;
	}
	if (n == 0)
		rc = err_set(e, ERR_INVALID, "query", "the search query has no words to search for");
out:
	if (rc && match->ptr) {  /* leave match as it was */
		match->len = before;
		match->ptr[before] = '\0';
	} else if (rc == 0 && nterms) {
		*nterms = n;
	}
	return rc;
}

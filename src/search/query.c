/*
 * query.c — user input → search terms (see query.h and docs/search.md).
 */
#include "search/query.h"

#include <stdint.h>
#include <string.h>

#include "search/tokenize.h"
#include "text/utf8.h"

static int count_token(void *ctx, const char *tok, size_t len, size_t start, size_t end,
		       int flags)
{
	return ++*(int *)ctx > QUERY_MAX_TOKENS;
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

/* Add term s[0..len) to out if it has tokens. */
static int add_term(const char *s, size_t len, struct search_terms *out, struct gk_error *e)
{
	int ntok = 0;

	if (search_tokenize(s, len, SEARCH_TOK_QUERY, count_token, &ntok) != 0)
		return err_set(e, ERR_LIMIT, "query", "a search term has more than %d words",
			       QUERY_MAX_TOKENS);
	if (ntok == 0)
		return 0;
	if (out->n == QUERY_MAX_TERMS)
		return err_set(e, ERR_LIMIT, "query", "too many search terms (at most %d)",
			       QUERY_MAX_TERMS);
	out->term[out->n] = s;
	out->len[out->n] = len;
	out->n++;
	return 0;
}

int search_query_parse(const char *input, struct search_terms *out, struct gk_error *e)
{
	size_t len = strlen(input), pos = 0, term = 0;
	int quoted = 0, rc;

	memset(out, 0, sizeof *out);
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
			if (pos > term && (rc = add_term(input + term, pos - term, out, e)) != 0) {
				memset(out, 0, sizeof *out);
				return rc;
			}
			if (!at_end && is_quote(cp))
				quoted = !quoted;
			term = pos + m;
		}
		pos += m;
	}
	if (out->n == 0)
		return err_set(e, ERR_INVALID, "query", "the search query has no words to search for");
	return 0;
}

void search_terms_without(const struct search_terms *in, int i, struct search_terms *out)
{
	memset(out, 0, sizeof *out);
	for (int k = 0; k < in->n; k++) {
		if (k == i)
			continue;
		out->term[out->n] = in->term[k];
		out->len[out->n] = in->len[k];
		out->n++;
	}
}

/* fuzz_query.c — the search box's query parser (search/query.h) on arbitrary bytes, then each
 * term tokenised as the backends do and the terms written as SQLite's FTS5 expression
 * (store_fts_match): nothing may crash or read out of bounds; every term lies inside the input
 * and holds no ASCII double quote; the expression is strings joined by AND, as many as its shape
 * says. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "search/query.h"
#include "search/tokenize.h"
#include "store/fts_tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	(void)tok, (void)len, (void)start, (void)end, (void)flags;
	++*(int *)ctx;
	return 0;
}

/* How many FTS5 strings m holds ("…" with "" inside, joined by " AND "); -1 if anything else. */
static int strings_of(const char *m)
{
	int n = 0;

	while (*m) {
		if (n && strncmp(m, " AND ", 5) != 0)
			return -1;
		m += n ? 5 : 0;
		if (*m++ != '"')
			return -1;
		for (;;) {
			if (*m == '\0')
				return -1;
			if (*m == '"' && m[1] == '"')
				m += 2;
			else if (*m++ == '"')
				break;
		}
		n++;
	}
	return n;
}

/* The expression of t, checked against its shape. */
static void check_expression(const struct search_terms *t)
{
	struct buf m, shape;
	int phrases = 0;

	buf_init(&m, 0);
	buf_init(&shape, 0);
	if (store_fts_match(t, NULL, &m, &shape) != 0)
		abort();
	if (shape.len != 0 && shape.len != (size_t)t->n)
		abort();
	for (size_t i = 0; i < shape.len; i++) {
		unsigned char k = (unsigned char)shape.ptr[i];
		if (k < 1 || k > QUERY_MAX_TOKENS)
			abort();
		phrases += k;
	}
	if (strings_of(buf_cstr(&m)) != (shape.len ? phrases : t->n))
		abort();
	buf_free(&m);
	buf_free(&shape);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[QUERY_MAX_BYTES * 2 + 1];
	struct search_terms t;
	struct gk_error e = { 0 };

	if (size >= sizeof in)
		size = sizeof in - 1;
	memcpy(in, data, size);
	in[size] = '\0';
	if (search_query_parse(in, &t, &e) != 0)
		return 0;
	for (int i = 0; i < t.n; i++) {
		int n = 0;
		if (t.term[i] < in || t.term[i] + t.len[i] > in + strlen(in) ||
		    memchr(t.term[i], '"', t.len[i]))
			abort();
		(void)!search_tokenize(t.term[i], t.len[i], SEARCH_TOK_QUERY, count, &n);
	}
	check_expression(&t);
	return 0;
}

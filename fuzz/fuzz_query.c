/* fuzz_query.c — the search box's query parser (search/query.h) on arbitrary bytes, then each
 * term tokenised as the backends do: nothing may crash or read out of bounds; every term lies
 * inside the input and holds no ASCII double quote. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/query.h"
#include "search/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	(void)tok, (void)len, (void)start, (void)end, (void)flags;
	++*(int *)ctx;
	return 0;
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
	return 0;
}

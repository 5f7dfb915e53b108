/*
 * tokenize.c — the search tokenizer (see tokenize.h and docs/search.md).
 */
#include "search/tokenize.h"

#include <stdint.h>

#include "text/normalise.h"
#include "text/utf8.h"

struct word {
	char bytes[TOKEN_MAX_BYTES + 4];
	size_t len;
	size_t start, end;
	enum text_cp_class cls;  /* TEXT_CP_LETTER or TEXT_CP_DIGIT while a run is open */
	int open;
};

static int word_flush(struct word *w, search_token_fn fn, void *ctx)
{
	int rc = 0;

	if (w->open && w->len > 0)
		rc = fn(ctx, w->bytes, w->len, w->start, w->end);
	w->open = 0;
	w->len = 0;
	return rc;
}

int search_tokenize(const char *text, size_t len, search_token_fn fn, void *ctx)
{
	struct word w = { .open = 0 };
	size_t pos = 0;
	int rc = 0;

	while (pos < len) {
		int32_t cp, folded[18];
		size_t m = utf8_decode(text + pos, len - pos, &cp), nf, i;
		size_t start = pos, end;

		if (m == 0) {  /* invalid byte: a separator */
			if ((rc = word_flush(&w, fn, ctx)) != 0)
				return rc;
			pos++;
			continue;
		}
		end = pos + m;
		pos = end;
		nf = text_fold_cp(cp, folded, 18);
		for (i = 0; i < nf; i++) {
			enum text_cp_class cls = text_cp_class(folded[i]);
			char enc[4];
			size_t el;

			if (cls == TEXT_CP_MARK && w.open && w.cls == TEXT_CP_LETTER)
				cls = TEXT_CP_LETTER;  /* a combining mark continues a word */
			if (cls != TEXT_CP_LETTER && cls != TEXT_CP_DIGIT) {
				if ((rc = word_flush(&w, fn, ctx)) != 0)
					return rc;
				if (cls == TEXT_CP_IDEO) {
					el = utf8_encode(folded[i], enc);
					if ((rc = fn(ctx, enc, el, start, end)) != 0)
						return rc;
				}
				continue;
			}
			el = utf8_encode(folded[i], enc);
			if (w.open && (w.cls != cls || w.len + el > TOKEN_MAX_BYTES))
				if ((rc = word_flush(&w, fn, ctx)) != 0)
					return rc;
			if (!w.open) {
				w.open = 1;
				w.cls = cls;
				w.start = start;
			}
			for (size_t k = 0; k < el; k++)
				w.bytes[w.len++] = enc[k];
			w.end = end;
		}
	}
	return word_flush(&w, fn, ctx);
}

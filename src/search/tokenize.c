/*
 * tokenize.c — the search tokenizer (see tokenize.h and docs/search.md).
 */
#include "search/tokenize.h"

#include <stdint.h>
#include <string.h>

#include "text/normalise.h"
#include "text/utf8.h"

struct tk {
	enum search_tok_mode mode;
	search_token_fn fn;
	void *ctx;
	/* an open letter or digit run */
	char word[TOKEN_MAX_BYTES + 4];
	size_t wlen, wstart, wend;
	enum text_cp_class wcls;
	int wopen;
	/* the Han run: its last character (bytes, range) and how many characters it has */
	char han[4];
	size_t hlen, hstart, hend;
	int hrun;
	int hclosed;             /* a separator came after the run */
};

static int emit(struct tk *t, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	return t->fn(t->ctx, tok, len, start, end, flags);
}

/* A Han run ends; more_follows: another token comes after it. */
static int han_end(struct tk *t, int more_follows)
{
	int rc = 0;

	if (t->mode == SEARCH_TOK_QUERY) {
		/* a run of one is its unigram; after a longer one the unigram of its last
		 * character keeps the next token's position aligned with the document's */
		if (t->hrun == 1 || (t->hrun > 1 && more_follows))
			rc = emit(t, t->han, t->hlen, t->hstart, t->hend, 0);
	}
	t->hrun = 0;
	t->hclosed = 0;
	return rc;
}

static int han(struct tk *t, const char *enc, size_t el, size_t start, size_t end)
{
	char bi[8];
	int rc;

	if (t->hrun > 0) {
		memcpy(bi, t->han, t->hlen);
		memcpy(bi + t->hlen, enc, el);
		if (t->mode == SEARCH_TOK_DOCUMENT) {
			/* the bigram sits at the previous character's position */
			if ((rc = emit(t, bi, t->hlen + el, t->hstart, end, SEARCH_TOKEN_COLOCATED)) != 0)
				return rc;
		} else if ((rc = emit(t, bi, t->hlen + el, t->hstart, end, 0)) != 0) {
			return rc;
		}
	}
	if (t->mode == SEARCH_TOK_DOCUMENT && (rc = emit(t, enc, el, start, end, 0)) != 0)
		return rc;
	memcpy(t->han, enc, el);
	t->hlen = el;
	t->hstart = start;
	t->hend = end;
	t->hrun++;
	return 0;
}

static int word_flush(struct tk *t)
{
	int rc = 0;

	if (t->wopen && t->wlen > 0)
		rc = emit(t, t->word, t->wlen, t->wstart, t->wend, 0);
	t->wopen = 0;
	t->wlen = 0;
	return rc;
}

/* 1 if cp, between two Han characters, leaves them one run (the bigram crosses it): a space
 * or a line break. Chinese puts no space between words, so one there is layout — a name
 * padded to the width of a longer one (王　芳), a line of a printed page or of pasted text
 * ending inside a word (政府信 / 息公开), a heading's letters spaced out (通  知). Punctuation,
 * a tab (a table's cell), a form feed (a page) and anything else still separate. */
static int han_joins(int32_t cp)
{
	return cp == ' ' || cp == '\n' || cp == '\r';
}

/* One folded code point cp of the original bytes [start, end). */
static int feed(struct tk *t, int32_t cp, size_t start, size_t end)
{
	enum text_cp_class cls = text_cp_class(cp);
	char enc[4];
	size_t el;
	int rc;

	if (cls == TEXT_CP_MARK && t->wopen && t->wcls == TEXT_CP_LETTER)
		cls = TEXT_CP_LETTER;  /* a combining mark continues a word */
	if (cls != TEXT_CP_LETTER && cls != TEXT_CP_DIGIT && cls != TEXT_CP_IDEO) {
		/* a separator: the Han run ends here, unless it is a space or a line break
		 * between two Han characters (see han_joins) */
		if (!han_joins(cp))
			t->hclosed = t->hrun > 0;
		return word_flush(t);
	}
	if (cls == TEXT_CP_IDEO && (rc = word_flush(t)) != 0)
		return rc;
	if (t->hrun && (cls != TEXT_CP_IDEO || t->hclosed) && (rc = han_end(t, 1)) != 0)
		return rc;
	el = utf8_encode(cp, enc);
	if (cls == TEXT_CP_IDEO)
		return han(t, enc, el, start, end);
	if (t->wopen && (t->wcls != cls || t->wlen + el > TOKEN_MAX_BYTES))
		if ((rc = word_flush(t)) != 0)
			return rc;
	if (!t->wopen) {
		t->wopen = 1;
		t->wcls = cls;
		t->wstart = start;
	}
	memcpy(t->word + t->wlen, enc, el);
	t->wlen += el;
	t->wend = end;
	return 0;
}

int search_tokenize(const char *text, size_t len, enum search_tok_mode mode, search_token_fn fn,
		    void *ctx)
{
	struct tk t = { .mode = mode, .fn = fn, .ctx = ctx };
	size_t pos = 0;
	int rc;

	while (pos < len) {
		int32_t cp, folded[18];
		size_t m = utf8_decode(text + pos, len - pos, &cp), nf, start = pos;

		if (m == 0) {  /* invalid byte: a separator */
			if ((rc = feed(&t, 0xFFFD, pos, pos + 1)) != 0)
				return rc;
			pos++;
			continue;
		}
		pos += m;
		nf = text_fold_cp(cp, folded, 18);
		for (size_t i = 0; i < nf; i++)
			if ((rc = feed(&t, folded[i], start, pos)) != 0)
				return rc;
	}
	if ((rc = word_flush(&t)) != 0)
		return rc;
	return t.hrun ? han_end(&t, 0) : 0;
}

/*
 * snippet.c — marking the terms of a query in a text (see snippet.h).
 *
 * The text and each term are read as units: the tokens of search_tokenize without the
 * colocated bigrams (a Han character, a word, a digit run). A term occurs where its units are
 * the last units read, in order, and where two of its characters are one pair (a bigram came
 * between them: nothing separates them in the term), so are they in the text; the bigram
 * index finds exactly these places (安全生产 is not found in 安全、生产: no bigram 全生 there).
 */
#include "search/snippet.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "search/tokenize.h"
#include "text/utf8.h"

#define UNIT_MAX (TOKEN_MAX_BYTES + 4)
#define MATCH_MAX 256    /* occurrences marked in one snippet */

struct unit {
	char s[UNIT_MAX];
	size_t len, start, end;
	int paired;   /* a character whose bigram with the character before it came before it */
};

struct term_units {
	struct unit u[QUERY_MAX_TOKENS];
	int n;
	int pair;     /* a bigram was read: the next unit is paired */
};

static int collect_unit(void *ctx, const char *tok, size_t len, size_t start, size_t end,
			int flags)
{
	struct term_units *t = ctx;

	if (flags & SEARCH_TOKEN_COLOCATED) {
		t->pair = 1;
		return 0;
	}
	if (t->n == QUERY_MAX_TOKENS)
		return 1;
	memcpy(t->u[t->n].s, tok, len);
	t->u[t->n].len = len;
	t->u[t->n].paired = t->pair;
	t->pair = 0;
	t->n++;
	return 0;
}

struct scan {
	struct term_units terms[QUERY_MAX_TERMS];
	int nterms;
	struct unit ring[QUERY_MAX_TOKENS];   /* the last units read */
	size_t nread;
	int pair;                             /* a bigram was read: the next unit is paired */
	size_t ms[MATCH_MAX], me[MATCH_MAX];  /* occurrences: byte ranges, in text order */
	int nm;
	size_t stop_after;                    /* stop once a unit starts past this byte */
	size_t window_bytes;
};

/* 1 if the text's unit b is the term's unit a, paired with the one before it when a is. */
static int same(const struct unit *a, const struct unit *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0 && (!a->paired || b->paired);
}

static int scan_unit(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	struct scan *sc = ctx;
	struct unit *u;

	if (flags & SEARCH_TOKEN_COLOCATED) {
		sc->pair = 1;
		return 0;
	}
	if (start > sc->stop_after)
		return 1;
	u = &sc->ring[sc->nread % QUERY_MAX_TOKENS];
	memcpy(u->s, tok, len);
	u->len = len;
	u->start = start;
	u->end = end;
	u->paired = sc->pair;
	sc->pair = 0;
	sc->nread++;
	for (int t = 0; t < sc->nterms; t++) {
		const struct term_units *tu = &sc->terms[t];
		size_t first;
		int k;

		if (tu->n == 0 || (size_t)tu->n > sc->nread || !same(&tu->u[tu->n - 1], u))
			continue;
		for (k = tu->n - 2; k >= 0; k--)
			if (!same(&tu->u[k], &sc->ring[(sc->nread - (size_t)(tu->n - k)) %
							QUERY_MAX_TOKENS]))
				break;
		if (k >= 0)
			continue;
		first = sc->ring[(sc->nread - (size_t)tu->n) % QUERY_MAX_TOKENS].start;
		/* overlapping occurrences merge into one mark */
		if (sc->nm > 0 && first < sc->me[sc->nm - 1]) {
			if (end > sc->me[sc->nm - 1])
				sc->me[sc->nm - 1] = end;
			continue;
		}
		if (sc->nm == MATCH_MAX)
			return 1;
		if (sc->nm == 0 && sc->window_bytes)
			sc->stop_after = first + sc->window_bytes;
		sc->ms[sc->nm] = first;
		sc->me[sc->nm] = end;
		sc->nm++;
	}
	return 0;
}

/* The byte n characters before p, not before lo. */
static size_t back_chars(const char *s, size_t p, size_t n, size_t lo)
{
	while (n-- > 0 && p > lo)
		p = utf8_char_start(s, p - 1);
	return p;
}

/* The byte n characters after p, not after len. */
static size_t fwd_chars(const char *s, size_t len, size_t p, size_t n)
{
	while (n-- > 0 && p < len) {
		p++;
		while (p < len && ((unsigned char)s[p] & 0xC0) == 0x80)
			p++;
	}
	return p;
}

/* Append s[from..to) with control characters as spaces. */
static int put_text(struct buf *out, const char *s, size_t from, size_t to)
{
	int rc = 0;
	for (size_t i = from; i < to && rc == 0; i++)
		rc = buf_putc(out, (unsigned char)s[i] < 0x20 || s[i] == 0x7F ? ' ' : s[i]);
	return rc;
}

int search_snippet(const char *text, size_t len, const struct search_terms *t, size_t window,
		   struct buf *out, size_t *at)
{
	struct scan *sc;
	size_t from = 0, to = len, p;
	int rc = 0;

	sc = xcalloc(1, sizeof *sc);
	for (int i = 0; i < t->n; i++) {
		search_tokenize(t->term[i], t->len[i], SEARCH_TOK_DOCUMENT, collect_unit,
				&sc->terms[i]);
	}
	sc->nterms = t->n;
	sc->stop_after = (size_t)-1;
	sc->window_bytes = window * 4;
	search_tokenize(text, len, SEARCH_TOK_DOCUMENT, scan_unit, sc);
	if (at)
		*at = sc->nm ? sc->ms[0] : len;
	if (window) {
		/* a little before the first occurrence, from a sentence's start when one is near */
		from = sc->nm ? back_chars(text, sc->ms[0], window / 5, 0) : 0;
		if (sc->nm) {
			size_t best = from;
			for (p = from; p < sc->ms[0]; p++)
				if (p + 3 <= sc->ms[0] && memcmp(text + p, "\xe3\x80\x82", 3) == 0)
					best = p + 3;   /* after a 。 */
				else if (text[p] == '\n')
					best = p + 1;
			from = best;
		}
		to = fwd_chars(text, len, from, window);
		if (from > 0)
			rc = buf_puts(out, "…");
	}
	p = from;
	for (int m = 0; m < sc->nm && rc == 0; m++) {
		if (sc->ms[m] < from || sc->ms[m] >= to)
			continue;
		size_t me = sc->me[m] < to ? sc->me[m] : to;
		if ((rc = put_text(out, text, p, sc->ms[m])) == 0 &&
		    (rc = buf_puts(out, SEARCH_MARK_OPEN)) == 0 &&
		    (rc = put_text(out, text, sc->ms[m], me)) == 0)
			rc = buf_puts(out, SEARCH_MARK_CLOSE);
		p = me;
	}
	if (rc == 0)
		rc = put_text(out, text, p, to);
	if (rc == 0 && to < len)
		rc = buf_puts(out, "…");
	free(sc);
	return rc ? ERR_LIMIT : 0;
}

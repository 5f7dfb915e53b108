/*
 * pdf_layout.c — a PDF page's rows rebuilt from the positions of its glyphs (see pdf_layout.h).
 *
 * A PDF has no rows or cells, only glyphs at positions. This file rebuilds what a reader of the
 * page sees:
 *   1. lines — glyphs whose vertical centres agree, left to right (centres followed in small
 *      steps: a Latin digit sits lower than a Han character in some fonts); words — runs of
 *      glyphs split at a gap over half a character, and beside a digit at a space or a narrow
 *      gap; the page's font size is the median width of its Han glyphs (never a box's height:
 *      a browser's print makes boxes 2.6 characters tall, taller than the line pitch);
 *   1b. two columns — a page whose prose is set in two columns (a gazette) is split at its
 *      gutter and read column by column, and so are later pages at the same gutter;
 *   2. value lines — lines ending in numbers (or blank placeholders); the left edge of their
 *      first number divides the row label from the values;
 *   3. row labels — the words of a value line left of the values, plus the lines between
 *      value lines that lie wholly left of the values (a label wrapped over two or three lines
 *      whose values sit on the middle line), each given to the nearest value line; the label
 *      words of a row are grouped into cells by horizontal overlap: a cell is a position;
 *   4. spanning labels — a label cell left of the row's own label (三、本年度办理结果, （三）不予
 *      公开, printed once, centred over the rows it spans, sometimes one or two characters a
 *      line) is stacked with its continuation and moved to the first row of its span, as an
 *      HTML rowspan would put it: the row whose label opens the numbering below it (（一） under
 *      三、, 1. under （三）), else the widest run of rows it is centred on;
 *   5. value columns — the values of a run of rows grouped by horizontal overlap, so a cell
 *      left empty (no glyph at all) is still an empty cell in its column;
 *   6. everything else — headings, prose (lines joined into paragraphs where a line runs to
 *      the right margin and the next is neither indented nor numbered), column headers — in
 *      reading order; page numbers and running headers or footers repeated at the page edges
 *      are dropped.
 * Tables continue across page breaks because rows are emitted in page order.
 */
#include "check/pdf_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "check/decode.h"
#include "text/utf8.h"

#define PDF_MAX_CELLS 16  /* label cells of one row */

struct word {
	float x1, y1, x2, y2;
	const char *text;  /* arena */
	int num;           /* a number or a blank placeholder */
};

enum lkind { L_PROSE, L_HEADER, L_VALUE, L_FRAGMENT, L_SKIP };

struct line {
	float y1, y2, x1, x2, h;
	struct word *w;    /* sorted by x */
	size_t nw;
	enum lkind kind;
	size_t nlabel;     /* value lines: words before the values */
	float xv;          /* value lines: left edge of the first value */
	int owner;         /* fragments: index of the value line they belong to */
	float cl, cr;      /* the text column it is part of (cr = 0: the page's width) */
};

struct cell {
	float x1, y1, x2, y2;
	char *text;        /* arena */
	int moved;         /* a spanning label placed here from its centre row */
};

struct prow {
	size_t line;                        /* the value line */
	struct cell cells[PDF_MAX_CELLS];   /* label cells, by x */
	int n;
	float top, bottom;                  /* text extent of the row */
	const float *slot;                  /* the value columns of its run (x1, x2 pairs) */
	int nslots;
};

/* The state of one page's rebuild. */
struct pctx {
	struct chk_doc *d;
	struct gk_error *e;
	struct line *lines;
	size_t nlines;
	float page_h;
	float em;                   /* the page's body font size: median Han glyph width */
	float digit_w;              /* the median width of a digit's box on the page */
	struct pdf_edges *edge;     /* texts seen at the top / bottom edge of earlier pages */
	int rc;
};

static int limit(struct pctx *c, int rc)
{
	if (rc && !c->rc)
		c->rc = err_set(c->e, ERR_LIMIT, "", "PDF has too many rows or cells");
	return c->rc;
}

/* ---- numbers -------------------------------------------------------------------------------- */

/* A table value: digits (ASCII or full-width) with sign, separators, a decimal point and a
 * unit (元 万元 件 个 项), or a blank placeholder (- / — 无). */
static int number_word(const char *s)
{
	static const char *const blanks[] = { "-", "--", "/", "—", "——", "－", "／", "无", NULL };
	static const char *const units[] = { "元", "万元", "件", "个", "项", "", NULL };
	size_t digits = 0;

	for (int i = 0; blanks[i]; i++)
		if (strcmp(s, blanks[i]) == 0)
			return 1;
	if (*s == '+' || *s == '-')
		s++;
	while (*s) {
		if (*s >= '0' && *s <= '9')
			digits++, s++;
		else if ((*s == ',' || *s == '.') && digits)
			s++;
		else if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
			 (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)
			digits++, s += 3;
		else
			break;
	}
	if (!digits)
		return 0;
	for (int i = 0; units[i]; i++)
		if (strcmp(s, units[i]) == 0)
			return 1;
	return 0;
}

/* A page number or folio: "—3—", "- 3 -", 第 3 页, 共 10 页, Page 8, 3/10, or a lone number of
 * at most three digits. Several numbers without such a mark are values, not a folio. */
static int folio(const char *s, size_t words)
{
	int digits = 0, mark = 0;
	for (const char *p = s; *p; ) {
		int32_t cp;
		size_t n = utf8_decode(p, strlen(p), &cp);
		if (n == 0)
			return 0;
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == '/' ||
			 cp == 0x7B2C || cp == 0x9875 || cp == 0x5171 || cp == '.' ||
			 (cp < 128 && strchr("PpageAGE", (int)cp)))
			mark = 1;  /* 第 页 共 */
		else if (cp != ' ')
			return 0;
		p += n;
	}
	return digits > 0 && digits <= 4 && (mark || (words == 1 && digits <= 3));
}

/* ---- glyphs → lines → words ----------------------------------------------------------------- */

static int by_centre(const void *a, const void *b)
{
	const struct pdf_glyph *x = a, *y = b;
	float cx = (x->y1 + x->y2) / 2, cy = (y->y1 + y->y2) / 2;
	return cx < cy ? -1 : cx > cy ? 1 : x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

static int by_x(const void *a, const void *b)
{
	const struct pdf_glyph *x = a, *y = b;
	return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

/* The glyphs of a page (spaces become a flag on the next glyph). */
static int by_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

/* The median width of the digits' boxes on a page, 0 if it has none. */
static float digit_width(const struct pdf_glyph *g, size_t n)
{
	float *v = xcalloc(n + 1, sizeof *v), w;
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (g[i].cp >= '0' && g[i].cp <= '9')
			v[k++] = g[i].x2 - g[i].x1;
	qsort(v, k, sizeof *v, by_float);
	w = k ? v[k / 2] : 0;
	free(v);
	return w;
}

/* The body font size of a page: the median width of its Han glyphs (their boxes are as wide as
 * the font is large, while their heights follow the font's ascent and descent, which differ
 * widely between fonts); two thirds of the median glyph height where there are none. */
static float page_em(const struct pdf_glyph *g, size_t n)
{
	float *v = xcalloc(n + 1, sizeof *v), em;
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (g[i].cp >= 0x4E00 && g[i].cp <= 0x9FFF)
			v[k++] = g[i].x2 - g[i].x1;
	if (k == 0)
		for (size_t i = 0; i < n; i++)
			v[k++] = (g[i].y2 - g[i].y1) * 2 / 3;
	qsort(v, k, sizeof *v, by_float);
	em = k ? v[k / 2] : 10;
	free(v);
	return em > 1 ? em : 1;
}

/* The font size of a glyph: a Han glyph's width; 0 for any other, whose box tells nothing (its
 * height is the font's ascent and descent, 2.6 times the size in a browser's print, and a
 * label "1.申请人…" wrapped over two lines would be read as one line). */
static float glyph_size(const struct pdf_glyph *g)
{
	return g->cp >= 0x4E00 && g->cp <= 0x9FFF ? g->x2 - g->x1 : 0;
}

static int is_digit(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* A word ends between glyphs a and b at a gap wider than half a character; beside a digit
 * already at a space or a sixth of a character (the digits of one number touch, while the
 * numbers of narrow neighbouring cells may be only a border apart). */
static int word_break(const struct pdf_glyph *a, const struct pdf_glyph *b, float em, float digit_w)
{
	float gap = b->x1 - a->x2;
	int digit = is_digit(a->cp) || is_digit(b->cp) || b->cp == '-' || b->cp == '+';

	if (gap > 0.5f * em)
		return 1;
	/* poppler widens each glyph's box to the next glyph of what it takes for one word: a digit
	 * much wider than a digit is a digit followed by a gap */
	if (is_digit(a->cp) && digit_w > 0 && a->x2 - a->x1 > 1.35f * digit_w)
		return 1;
	return digit && (b->space_before || gap > 0.15f * em);
}

/* Split the glyphs g[0..n) of one line (sorted by x) into words. */
static void line_words(struct pctx *c, struct line *l, const struct pdf_glyph *g, size_t n)
{
	char *buf = xmalloc(n * 5 + 1);
	size_t start = 0;

	l->w = arena_alloc(&c->d->arena, n * sizeof *l->w);
	l->nw = 0;
	while (start < n) {
		size_t end = start + 1, o = 0;
		struct word *w = &l->w[l->nw++];
		while (end < n && !word_break(&g[end - 1], &g[end], l->h, c->digit_w))
			end++;
		*w = (struct word){ g[start].x1, g[start].y1, g[start].x2, g[start].y2, NULL, 0 };
		for (size_t k = start; k < end; k++) {
			if (k > start && g[k].space_before)
				buf[o++] = ' ';
			o += utf8_encode(g[k].cp, buf + o);
			w->x2 = fmaxf(w->x2, g[k].x2);
			w->y1 = fminf(w->y1, g[k].y1);
			w->y2 = fmaxf(w->y2, g[k].y2);
		}
		buf[o] = '\0';
		w->text = arena_strndup(&c->d->arena, buf, o);
		w->num = number_word(w->text);
		start = end;
	}
	free(buf);
}

/* The lines of a page, top to bottom. */
static void page_lines(struct pctx *c, struct pdf_glyph *g, size_t n)
{
	size_t i = 0;

	qsort(g, n, sizeof *g, by_centre);
	c->lines = xcalloc(2 * n + 1, sizeof *c->lines);  /* room for split_columns */
	c->nlines = 0;
	c->em = page_em(g, n);
	c->digit_w = digit_width(g, n);
	while (i < n) {
		size_t j = i + 1;
		float yc = (g[i].y1 + g[i].y2) / 2;
		struct line *l = &c->lines[c->nlines++];
		/* glyph centres of one line differ by font (a Latin digit sits lower than a Han
		 * character in some fonts): follow the centres in small steps, within one em of
		 * the larger of the body font and the line's own (a title is set larger) */
		float em = fmaxf(c->em, glyph_size(&g[i]));
		while (j < n && (g[j].y1 + g[j].y2) / 2 - (g[j - 1].y1 + g[j - 1].y2) / 2 <= 0.4f * em &&
		       (g[j].y1 + g[j].y2) / 2 - yc <= 0.8f * em)
			j++;
		qsort(g + i, j - i, sizeof *g, by_x);
		l->h = c->em;
		l->y1 = g[i].y1, l->y2 = g[i].y2, l->x1 = g[i].x1, l->x2 = g[i].x2;
		for (size_t k = i; k < j; k++) {
			l->y1 = fminf(l->y1, g[k].y1), l->y2 = fmaxf(l->y2, g[k].y2);
			l->x1 = fminf(l->x1, g[k].x1), l->x2 = fmaxf(l->x2, g[k].x2);
		}
		line_words(c, l, g + i, j - i);
		i = j;
	}
}

/* ---- text set in two columns ---------------------------------------------------------------- */

/* Whether line l can be a line of text set in two columns split at x: no word across x, and on
 * each side one run of text (no gap of a character or more inside it) that is not just numbers
 * (a table's row has cells apart, or values). *left / *right: whether a side has text. */
static int column_line(const struct line *l, float x, float em, int *left, int *right)
{
	int num[2] = { 1, 1 }, any[2] = { 0, 0 };
	float end[2] = { 0, 0 };

	for (size_t k = 0; k < l->nw; k++) {
		const struct word *w = &l->w[k];
		int side = w->x2 > x;
		if (w->x1 < x && w->x2 > x)
			return 0;  /* a word across x */
		if (any[side] && w->x1 - end[side] >= em)
			return 0;  /* two cells on one side */
		num[side] &= w->num;
		any[side] = 1;
		end[side] = w->x2;
	}
	*left = any[0], *right = any[1];
	return !(any[0] && num[0]) && !(any[1] && num[1]);
}

/* The gutter of a page set in two columns: the middle of the widest gap, near the middle of
 * the text, between the words of lines with text on both sides; 0 if fewer than three lines
 * have one there. */
static float gutter(const struct pctx *c, float x1, float x2)
{
	float *g = xcalloc(c->nlines + 1, sizeof *g), mid = 0;
	size_t n = 0, agree = 0;

	for (size_t i = 0; i < c->nlines; i++) {
		const struct line *l = &c->lines[i];
		float best = 0, at = 0;
		int lw, rw;
		if (l->nw < 2)
			continue;
		for (size_t k = 1; k < l->nw; k++) {
			float gap = l->w[k].x1 - l->w[k - 1].x2, cx = (l->w[k].x1 + l->w[k - 1].x2) / 2;
			if (gap > best && cx > x1 + 0.35f * (x2 - x1) && cx < x1 + 0.65f * (x2 - x1))
				best = gap, at = cx;
		}
		if (best >= 1.0f * c->em && column_line(l, at, c->em, &lw, &rw))
			g[n++] = at;
	}
	qsort(g, n, sizeof *g, by_float);
	if (n >= 3) {
		mid = g[n / 2];
		for (size_t k = 0; k < n; k++)
			agree += fabsf(g[k] - mid) <= 1.0f * c->em;
	}
	free(g);
	return agree >= 3 ? mid : 0;
}

/* A run of lines [s, e) set in two columns at x: read as the left column, then the right. */
static void reorder_columns(struct pctx *c, size_t s, size_t e, float x)
{
	struct line *out = xcalloc(2 * (e - s) + 1, sizeof *out);
	size_t n = 0;
	float cl[2] = { INFINITY, x }, cr[2] = { x, 0 };

	for (int side = 0; side < 2; side++)
		for (size_t i = s; i < e; i++) {
			const struct line *l = &c->lines[i];
			struct line part = *l;
			size_t k = 0, m;
			while (k < l->nw && (l->w[k].x2 <= x) != !side)
				k++;
			for (m = k; m < l->nw && (l->w[m].x2 <= x) == !side; m++)
				;
			if (m == k)
				continue;
			part.w = l->w + k, part.nw = m - k;
			part.x1 = part.w[0].x1, part.x2 = part.w[part.nw - 1].x2;
			part.y1 = INFINITY, part.y2 = -INFINITY;
			for (size_t w = 0; w < part.nw; w++)
				part.y1 = fminf(part.y1, part.w[w].y1), part.y2 = fmaxf(part.y2, part.w[w].y2);
			cl[side] = fminf(cl[side], part.x1), cr[side] = fmaxf(cr[side], part.x2);
			out[n++] = part;
		}
	for (size_t i = 0; i < n; i++) {
		int side = out[i].x1 >= x;
		out[i].cl = cl[side], out[i].cr = cr[side];
	}
	/* n parts take the place of e - s lines: move what follows */
	memmove(&c->lines[s + n], &c->lines[e], (c->nlines - e) * sizeof *c->lines);
	memcpy(&c->lines[s], out, n * sizeof *out);
	c->nlines = c->nlines - (e - s) + n;
	free(out);
}

/* Text set in two columns (a gazette, a bulletin): each run of lines split at the page's gutter
 * — prose of one run of text a side, none across it, three or more with text on both sides — is
 * read column by column, so that a heading of the left column starts its own row and a
 * paragraph is not interleaved with its neighbour's. The pages after one set in two columns are
 * split at the same gutter where a single line has text on both sides: the end of a report is
 * often short. */
static void split_columns(struct pctx *c)
{
	float x1 = INFINITY, x2 = 0, x;
	size_t i = 0, need = 3;

	for (size_t k = 0; k < c->nlines; k++)
		x1 = fminf(x1, c->lines[k].x1), x2 = fmaxf(x2, c->lines[k].x2);
	if (c->edge->gutter)
		x = c->edge->gutter, need = 1;
	else if (!(x = gutter(c, x1, x2)))
		return;
	while (i < c->nlines) {
		size_t e = i, both = 0;
		int lw, rw;
		while (e < c->nlines && column_line(&c->lines[e], x, c->em, &lw, &rw)) {
			both += lw && rw;
			e++;
		}
		if (both >= need) {
			size_t before = c->nlines;
			if (both >= 3)
				c->edge->gutter = x;
			reorder_columns(c, i, e, x);
			e += c->nlines - before;
		}
		i = e > i ? e : i + 1;
	}
}

/* ---- what each line is ---------------------------------------------------------------------- */

/* Value lines: a label then numbers, or three or more numbers alone. */
static void mark_values(struct pctx *c)
{
	for (size_t i = 0; i < c->nlines; i++) {
		struct line *l = &c->lines[i];
		size_t k = 0;
		while (k < l->nw && l->w[l->nw - 1 - k].num)
			k++;
		l->kind = l->nw == 1 ? L_PROSE : L_HEADER;
		if (k >= 1 && (l->nw > k || k >= 3)) {
			l->kind = L_VALUE;
			l->nlabel = l->nw - k;
			l->xv = l->w[l->nlabel].x1;
		}
	}
}

/* Page numbers in the top or bottom sixth of a page, and the same text at the top or bottom
 * edge of an earlier page (a running header or footer). */
static void mark_edges(struct pctx *c)
{
	for (size_t i = 0; i < c->nlines; i++) {
		struct line *l = &c->lines[i];
		int seen = 0;
		if (l->nw == 0 || (l->y2 > c->page_h / 6 && l->y1 < c->page_h * 5 / 6))
			continue;
		if (l->nw <= 5) {
			/* "— 4 —" comes as three words: the folio is the line's text */
			char text[128] = "";
			size_t len = 0;
			for (size_t k = 0; k < l->nw && len < sizeof text - 1; k++) {
				size_t w = strlen(l->w[k].text);
				if (len + w >= sizeof text)
					break;
				memcpy(text + len, l->w[k].text, w + 1);
				len += w;
			}
			if (folio(text, l->nw)) {
				l->kind = L_SKIP;
				continue;
			}
		}
		if (l->kind == L_VALUE || (l->y2 > 0.08f * c->page_h && l->y1 < 0.92f * c->page_h))
			continue;
		for (int k = 0; k < c->edge->n && !seen; k++)
			seen = strcmp(c->edge->text[k], l->w[0].text) == 0;
		if (seen)
			l->kind = L_SKIP;
		else if (c->edge->n < PDF_EDGE_TEXTS)
			c->edge->text[c->edge->n++] = l->w[0].text;
	}
}

/* 1 if every line strictly between a and b lies wholly left of xv (or is dropped). */
static int clear_between(const struct pctx *c, size_t a, size_t b, float xv)
{
	for (size_t k = a + 1; k < b; k++) {
		const struct line *m = &c->lines[k];
		if (m->kind != L_SKIP && (m->kind == L_VALUE || m->x2 > xv - 0.2f * m->h))
			return 0;
	}
	return 1;
}

/* Lines wholly left of the values, between value lines (or touching one), are parts of row
 * labels: each goes to the nearest value line not separated from it by a line that reaches
 * the values (a heading, a column header, prose). */
static void mark_fragments(struct pctx *c)
{
	for (size_t i = 0; i < c->nlines; i++) {
		struct line *l = &c->lines[i];
		float yc = (l->y1 + l->y2) / 2, du = INFINITY, dd = INFINITY;
		long up = -1, down = -1;
		size_t k;
		if (l->kind == L_VALUE || l->kind == L_SKIP)
			continue;
		for (k = i; k-- > 0 && up < 0; )
			if (c->lines[k].kind == L_VALUE)
				up = (long)k;
		for (k = i + 1; k < c->nlines && down < 0; k++)
			if (c->lines[k].kind == L_VALUE)
				down = (long)k;
		if (up >= 0 && l->x2 <= c->lines[up].xv - 0.2f * l->h &&
		    clear_between(c, (size_t)up, i, c->lines[up].xv))
			du = yc - (c->lines[up].y1 + c->lines[up].y2) / 2;
		if (down >= 0 && l->x2 <= c->lines[down].xv - 0.2f * l->h &&
		    clear_between(c, i, (size_t)down, c->lines[down].xv))
			dd = (c->lines[down].y1 + c->lines[down].y2) / 2 - yc;
		/* outside a run of value lines only when touching one (a wrapped first/last label) */
		if (dd == INFINITY && du > 1.1f * l->h)
			continue;
		if (du == INFINITY && dd > 1.1f * l->h)
			continue;
		l->kind = L_FRAGMENT;
		l->owner = (int)(du <= dd ? up : down);
	}
}

/* ---- rows of a table ------------------------------------------------------------------------ */

static int overlap(float a1, float a2, float b1, float b2)
{
	return a1 < b2 - 0.5f && b1 < a2 - 0.5f;
}

static int by_word_y(const void *a, const void *b)
{
	const struct word *x = *(struct word *const *)a, *y = *(struct word *const *)b;
	float cx = (x->y1 + x->y2) / 2, cy = (y->y1 + y->y2) / 2;
	if (fabsf(cx - cy) > 0.35f * (x->y2 - x->y1))
		return cx < cy ? -1 : 1;
	return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

static char *join2(struct pctx *c, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = arena_alloc(&c->d->arena, la + lb + 1);
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

/* Group the label words w[0..n) of a row into cells by horizontal overlap. */
static void row_cells(struct pctx *c, struct prow *r, struct word **w, size_t n)
{
	qsort(w, n, sizeof *w, by_word_y);
	r->n = 0;
	for (size_t i = 0; i < n; i++) {
		int k;
		for (k = 0; k < r->n; k++)
			if (overlap(w[i]->x1, w[i]->x2, r->cells[k].x1, r->cells[k].x2))
				break;
		if (k == r->n) {
			if (r->n == PDF_MAX_CELLS)
				k = r->n - 1;
			else
				r->cells[r->n++] = (struct cell){ w[i]->x1, w[i]->y1, w[i]->x2, w[i]->y2, "",
								  0 };
		}
		r->cells[k].text = join2(c, r->cells[k].text, w[i]->text);
		r->cells[k].x1 = fminf(r->cells[k].x1, w[i]->x1);
		r->cells[k].x2 = fmaxf(r->cells[k].x2, w[i]->x2);
		r->cells[k].y1 = fminf(r->cells[k].y1, w[i]->y1);
		r->cells[k].y2 = fmaxf(r->cells[k].y2, w[i]->y2);
	}
	/* cells left to right */
	for (int i = 1; i < r->n; i++)
		for (int k = i; k > 0 && r->cells[k].x1 < r->cells[k - 1].x1; k--) {
			struct cell t = r->cells[k];
			r->cells[k] = r->cells[k - 1];
			r->cells[k - 1] = t;
		}
}

/* The rows of the page's value lines, with their label cells. */
static struct prow *page_rows(struct pctx *c, size_t *nrows)
{
	struct prow *rows = xcalloc(c->nlines + 1, sizeof *rows);
	size_t n = 0;

	for (size_t i = 0; i < c->nlines; i++) {
		struct line *l = &c->lines[i];
		struct word **w;
		size_t nw = 0;
		if (l->kind != L_VALUE)
			continue;
		w = xcalloc(c->nlines * 0 + l->nlabel + 1, sizeof *w);
		for (size_t k = 0; k < l->nlabel; k++)
			w[nw++] = &l->w[k];
		for (size_t f = 0; f < c->nlines; f++)
			if (c->lines[f].kind == L_FRAGMENT && c->lines[f].owner == (int)i) {
				w = xrealloc(w, (nw + c->lines[f].nw + 1) * sizeof *w);
				for (size_t k = 0; k < c->lines[f].nw; k++)
					w[nw++] = &c->lines[f].w[k];
			}
		rows[n].line = i;
		rows[n].top = l->y1, rows[n].bottom = l->y2;
		for (size_t k = 0; k < nw; k++)
			rows[n].top = fminf(rows[n].top, w[k]->y1), rows[n].bottom = fmaxf(rows[n].bottom, w[k]->y2);
		row_cells(c, &rows[n], w, nw);
		free(w);
		n++;
	}
	*nrows = n;
	return rows;
}

/* ---- labels printed once over several rows -------------------------------------------------- */

/* 1 if a cell of row r sits in the columns of s. */
static int blocks(const struct prow *r, const struct cell *s)
{
	for (int k = 0; k < r->n; k++)
		if (r->cells[k].text && overlap(r->cells[k].x1, r->cells[k].x2, s->x1, s->x2))
			return 1;
	return 0;
}

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* The numbering that opens the rows under a label: "（一）" under "三、", "1." under "（三）". */
static int opens_numbering(const char *parent, const char *label)
{
	static const char *const cn[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
					  NULL };
	static const char *const first[] = { "1.", "1、", "1．", "1 ", "１.", "１、", "１．", NULL };

	for (int i = 0; cn[i]; i++)
		if (starts_with(parent, cn[i]) && starts_with(parent + 3, "、"))
			return starts_with(label, "（一）") || starts_with(label, "(一)");
	if (starts_with(parent, "（") || starts_with(parent, "("))
		for (int i = 0; first[i]; i++)
			if (starts_with(label, first[i]))
				return 1;
	return 0;
}

/* The first row of the span of label s, centred on row r: within rows lo..hi (free of other
 * cells in s's columns), the row opening the numbering under s, else the widest run of rows s
 * is centred on, else r. */
static size_t span_start(const struct prow *rows, size_t lo, size_t r, size_t hi,
			 const struct cell *s)
{
	float yc = (s->y1 + s->y2) / 2, tol = 0.3f * (s->y2 - s->y1);
	size_t best = r;
	long width = -1;

	for (size_t a = r + 1; a-- > lo; ) {
		const struct prow *row = &rows[a];
		if (row->n && opens_numbering(s->text, row->cells[row->n - 1].text))
			return a;
	}
	for (size_t a = lo; a <= r; a++)
		for (size_t b = r; b <= hi; b++)
			if (fabsf((rows[a].top + rows[b].bottom) / 2 - yc) <= tol && (long)(b - a) > width)
				width = (long)(b - a), best = a;
	return best;
}

/* Move the label cells printed once over several rows (all but each row's own, rightmost
 * label) to the first row of their span; a label stacked a few characters a line is joined
 * first. Rows [s, e) are one run of value lines. */
static void place_spanning(struct pctx *c, struct prow *rows, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		for (int k = 0; k + 1 < rows[i].n; k++) {
			struct cell span = rows[i].cells[k];
			size_t r = i, lo, hi, a;
			float h = span.y2 - span.y1;
			if (!span.text || span.moved)
				continue;
			rows[i].cells[k].text = NULL;
			/* stacked continuation in the rows below: less than a character's size apart (not a
			 * box's height, which a browser's print makes 2.6 characters: （四）无法提供 and
			 * （五）不予处理 one under the other are two labels) */
			for (size_t j = i + 1; j < e; j++)
				for (int m = 0; m + 1 < rows[j].n; m++) {
					struct cell *p = &rows[j].cells[m];
					if (p->text && !p->moved && overlap(p->x1, p->x2, span.x1, span.x2) &&
					    p->y1 - span.y2 <= 1.0f * c->em) {
						span.text = join2(c, span.text, p->text);
						span.y2 = fmaxf(span.y2, p->y2);
						span.x1 = fminf(span.x1, p->x1), span.x2 = fmaxf(span.x2, p->x2);
						p->text = NULL;
					}
				}
			/* the row the label is centred on, and how far its columns are free */
			for (size_t j = s; j < e; j++)
				if ((span.y1 + span.y2) / 2 >= rows[j].top - 0.5f * h)
					r = j;
			for (lo = r; lo > s && !blocks(&rows[lo - 1], &span); lo--)
				;
			for (hi = r; hi + 1 < e && !blocks(&rows[hi + 1], &span); hi++)
				;
			a = span_start(rows, lo, r, hi, &span);
			if (rows[a].n < PDF_MAX_CELLS) {
				memmove(&rows[a].cells[1], &rows[a].cells[0], (size_t)rows[a].n * sizeof span);
				span.moved = 1;
				rows[a].cells[0] = span;
				rows[a].n++;
				if (a == i)
					k++;
			}
		}
	}
}

static int by_x1(const void *a, const void *b)
{
	const float *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* The value columns of rows [s, e): the values of all rows grouped by horizontal overlap, so
 * that a cell left empty (no glyph at all) still has its position. */
static void value_columns(struct pctx *c, struct prow *rows, size_t s, size_t e)
{
	size_t n = 0, k = 0;
	float *v, *slot;
	int nslots = 0;

	for (size_t i = s; i < e; i++)
		n += c->lines[rows[i].line].nw - c->lines[rows[i].line].nlabel;
	v = xcalloc(2 * n + 2, sizeof *v);
	for (size_t i = s; i < e; i++) {
		const struct line *l = &c->lines[rows[i].line];
		for (size_t w = l->nlabel; w < l->nw; w++, k += 2)
			v[k] = l->w[w].x1, v[k + 1] = l->w[w].x2;
	}
	qsort(v, n, 2 * sizeof *v, by_x1);
	slot = arena_alloc(&c->d->arena, (2 * n + 2) * sizeof *slot);
	for (k = 0; k < 2 * n; k += 2) {
		if (nslots && v[k] < slot[2 * nslots - 1] - 0.5f) {
			slot[2 * nslots - 1] = fmaxf(slot[2 * nslots - 1], v[k + 1]);
			continue;
		}
		slot[2 * nslots] = v[k], slot[2 * nslots + 1] = v[k + 1];
		nslots++;
	}
	for (size_t i = s; i < e; i++)
		rows[i].slot = slot, rows[i].nslots = nslots;
	free(v);
}

/* Runs of value lines with only label parts between them: their spanning labels and their
 * value columns. */
static void place_all_spanning(struct pctx *c, struct prow *rows, size_t n)
{
	size_t s = 0;
	for (size_t i = 1; i <= n; i++) {
		int joined = i < n;
		for (size_t k = i < n ? rows[i - 1].line + 1 : 0; joined && k < rows[i].line; k++)
			joined = c->lines[k].kind == L_FRAGMENT || c->lines[k].kind == L_SKIP;
		if (!joined) {
			place_spanning(c, rows, s, i);
			value_columns(c, rows, s, i);
			s = i;
		}
	}
}

/* ---- emitting the page ---------------------------------------------------------------------- */

static void emit_value_row(struct pctx *c, const struct prow *r)
{
	const struct line *l = &c->lines[r->line];

	if (limit(c, chk_doc_row(c->d, CHK_ROW_TABLE, c->d->ntables, NULL)))
		return;
	for (int k = 0; k < r->n; k++)
		if (r->cells[k].text && limit(c, chk_doc_cell(c->d, r->cells[k].text,
							      strlen(r->cells[k].text), 0)))
			return;
	/* each value in its column; a column without a value in this row is an empty cell */
	for (size_t k = l->nlabel, sl = 0; sl < (size_t)r->nslots || k < l->nw; sl++) {
		const char *t = "";
		if (k < l->nw && (sl >= (size_t)r->nslots ||
				  l->w[k].x1 < r->slot[2 * sl + 1] - 0.5f))
			t = l->w[k++].text;
		if (limit(c, chk_doc_cell(c->d, t, strlen(t), 0)))
			return;
	}
}

static void emit_words(struct pctx *c, const struct line *l)
{
	if (limit(c, chk_doc_row(c->d, CHK_ROW_TABLE, c->d->ntables, NULL)))
		return;
	for (size_t k = 0; k < l->nw; k++)
		if (limit(c, chk_doc_cell(c->d, l->w[k].text, strlen(l->w[k].text), 0)))
			return;
}

/* A line that starts a numbered heading or item (一、 （一） 1. 1、): never a continuation. */
static int numbered(const char *t)
{
	static const char *const cn[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
					  NULL };
	if (starts_with(t, "（") || starts_with(t, "(") || starts_with(t, "#"))
		return 1;
	for (int i = 0; cn[i]; i++)
		if (starts_with(t, cn[i]) && (starts_with(t + 3, "、") || t[3] == '.'))
			return 1;
	while (*t >= '0' && *t <= '9')
		t++;
	return starts_with(t, "、") || (*t == '.' && !(t[1] >= '0' && t[1] <= '9'));
}

/* Lines of prose in reading order; a line that runs to the right margin continues in the next
 * one when that one is not indented and follows closely (one paragraph, one row). */
static void emit_page(struct pctx *c, const struct prow *rows)
{
	float left = INFINITY, right = 0;
	size_t r = 0;
	struct buf para;
	const struct line *prev = NULL;

	for (size_t i = 0; i < c->nlines; i++)
		if (c->lines[i].kind == L_PROSE)
			left = fminf(left, c->lines[i].x1), right = fmaxf(right, c->lines[i].x2);
	buf_init(&para, CHK_MAX_INPUT);
	for (size_t i = 0; i < c->nlines && !c->rc; i++) {
		const struct line *l = &c->lines[i];
		float pr = prev && prev->cr > 0 ? prev->cr : right, ll = l->cr > 0 ? l->cl : left;
		int cont = prev && l->kind == L_PROSE && prev->x2 >= pr - 1.5f * prev->h &&
			   l->x1 <= ll + 0.5f * l->h && !numbered(l->w[0].text) &&
			   (l->y1 + l->y2) / 2 - (prev->y1 + prev->y2) / 2 <= 2.0f * l->h;
		if (l->kind == L_SKIP || l->kind == L_FRAGMENT)
			continue;
		if (!cont && para.len) {
			limit(c, chk_doc_line(c->d, para.ptr, para.len, 0));
			buf_reset(&para);
		}
		prev = NULL;
		if (l->kind == L_VALUE)
			emit_value_row(c, &rows[r++]);
		else if (l->kind == L_HEADER)
			emit_words(c, l);
		else if (buf_puts(&para, l->w[0].text) == 0)
			prev = l;
	}
	if (para.len && !c->rc)
		limit(c, chk_doc_line(c->d, para.ptr, para.len, 0));
	buf_free(&para);
}

int chk_pdf_page(struct chk_doc *d, struct pdf_glyph *g, size_t n, float page_h,
		 struct pdf_edges *edges, struct gk_error *e)
{
	struct pctx c = { .d = d, .e = e, .page_h = page_h, .edge = edges };
	struct prow *rows;
	size_t nrows = 0;

	page_lines(&c, g, n);
	split_columns(&c);
	mark_values(&c);
	mark_edges(&c);
	mark_fragments(&c);
	rows = page_rows(&c, &nrows);
	place_all_spanning(&c, rows, nrows);
	emit_page(&c, rows);
	d->ntables++;
	free(rows);
	free(c.lines);
	return c.rc;
}

/*
 * draw.c — the drawing model shared by the SVG and cairo back ends (see draw.h): adding
 * shapes, the palette, estimated text widths and line breaking.
 * May use base/ and text/.
 */
#include "render/draw.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/utf8.h"

void draw_palette(int n, uint32_t *fill, enum draw_hatch *hatch)
{
	static const uint32_t colours[] = { DRAW_BLUE, DRAW_ORANGE, DRAW_GREEN, DRAW_VERMILION,
					    DRAW_PURPLE, DRAW_SKY };
	static const enum draw_hatch hatches[] = { HATCH_NONE, HATCH_DIAG, HATCH_DOTS,
						   HATCH_BACKDIAG, HATCH_CROSS, HATCH_HORIZ };
	int k = n < 0 ? 0 : n % 6;

	*fill = colours[k];
	*hatch = hatches[k];
}

const struct draw_hatch_def *draw_hatch_def(enum draw_hatch h)
{
	static const struct draw_hatch_def defs[HATCH__MAX] = {
		[HATCH_NONE] = { 0, { { 0 } }, 0 },
		[HATCH_DIAG] = { 3, { { -2, 2, 2, -2 }, { 0, 8, 8, 0 }, { 6, 10, 10, 6 } }, 0 },
		[HATCH_BACKDIAG] = { 3, { { -2, 6, 2, 10 }, { 0, 0, 8, 8 }, { 6, -2, 10, 2 } }, 0 },
		[HATCH_CROSS] = { 2, { { 0, 4, 8, 4 }, { 4, 0, 4, 8 } }, 0 },
		[HATCH_DOTS] = { 0, { { 0 } }, 1 },
		[HATCH_HORIZ] = { 1, { { 0, 4, 8, 4 } }, 0 },
		[HATCH_VERT] = { 1, { { 4, 0, 4, 8 } }, 0 },
	};

	return &defs[(unsigned)h < HATCH__MAX ? h : HATCH_NONE];
}

void draw_init(struct drawing *d, double w, double h, const char *id, const char *title)
{
	memset(d, 0, sizeof *d);
	arena_init(&d->a);
	d->w = w;
	d->h = h;
	d->id = arena_strdup(&d->a, id ? id : "fig");
	d->title = arena_strdup(&d->a, title ? title : "");
	d->desc = "";
}

void draw_free(struct drawing *d)
{
	if (!d)
		return;
	free(d->v);
	arena_free(&d->a);
	memset(d, 0, sizeof *d);
}

void draw_set_desc(struct drawing *d, const char *desc)
{
	d->desc = arena_strdup(&d->a, desc ? desc : "");
}

static struct draw_item *add(struct drawing *d, enum draw_op op)
{
	static struct draw_item sink;
	struct draw_item *it;

	if (d->n >= DRAW_MAX_ITEMS) {
		d->rc = ERR_LIMIT;
		memset(&sink, 0, sizeof sink);
		return &sink;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	it = &d->v[d->n++];
	memset(it, 0, sizeof *it);
	it->op = op;
	it->fill = DRAW_NONE;
	it->stroke = DRAW_NONE;
	return it;
}

void draw_rect(struct drawing *d, double x, double y, double w, double h, uint32_t fill,
	       enum draw_hatch hatch, uint32_t stroke)
{
	struct draw_item *it = add(d, DRAW_RECT);

	it->x = x, it->y = y, it->w = w, it->h = h;
	it->fill = fill;
	it->hatch = hatch;
	it->stroke = stroke;
	it->stroke_w = stroke == DRAW_NONE ? 0 : 1;
}

void draw_line(struct drawing *d, double x0, double y0, double x1, double y1, uint32_t stroke,
	       double width)
{
	struct draw_item *it = add(d, DRAW_LINE);

	it->x = x0, it->y = y0, it->w = x1 - x0, it->h = y1 - y0;
	it->stroke = stroke;
	it->stroke_w = width;
}

struct draw_item *draw_text(struct drawing *d, double x, double y, const char *s, double size,
			    int bold, enum draw_anchor anchor, uint32_t colour)
{
	struct draw_item *it = add(d, DRAW_TEXT);

	it->x = x, it->y = y;
	it->text = arena_strdup(&d->a, s ? s : "");
	it->size = size;
	it->bold = bold;
	it->anchor = anchor;
	it->fill = colour;
	return it;
}

struct draw_item *draw_number(struct drawing *d, double x, double y, const char *s,
			      const char *cell, int year, double size, int bold,
			      enum draw_anchor anchor, uint32_t colour)
{
	struct draw_item *it = draw_text(d, x, y, s, size, bold, anchor, colour);

	it->cell = cell ? arena_strdup(&d->a, cell) : NULL;
	it->year = year;
	return it;
}

void draw_group(struct drawing *d, const char *title)
{
	struct draw_item *it = add(d, DRAW_GROUP);

	it->text = title ? arena_strdup(&d->a, title) : NULL;
}

void draw_end(struct drawing *d)
{
	add(d, DRAW_END);
}

/* Width of one character in em. */
static double char_em(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' ? 0.3 : (cp >= '0' && cp <= '9') ? 0.56 : 0.55;
	if (cp >= 0x2000 && cp < 0x2070)   /* general punctuation: — “ ” … */
		return cp == 0x2014 || cp == 0x2026 ? 1.0 : 0.5;
	return 1.0;                        /* Han, full-width forms, CJK punctuation */
}

double draw_text_width(const char *s, double size)
{
	size_t len = s ? strlen(s) : 0, i = 0;
	double em = 0;

	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0)
			n = 1, cp = '?';
		em += char_em(cp);
		i += n;
	}
	return em * size;
}

static int word_char(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       cp == '.' || cp == '-' || cp == '/';
}

/* Characters a Chinese line must not begin with (GB/T 15834 usage). */
static int no_line_start(int32_t cp)
{
	static const int32_t v[] = { 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF09, 0x300B,
				     0x201D, 0x3011, 0xFF1F, 0xFF01, 0x300D, 0x2019 };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (v[i] == cp)
			return 1;
	return 0;
}

/* Characters a Chinese line must not end with: opening brackets and quotes. */
static int no_line_end(int32_t cp)
{
	return cp == 0xFF08 || cp == 0x300A || cp == 0x201C || cp == 0x3010 || cp == 0x300C ||
	       cp == 0x2018;
}

int draw_wrap(const char *s, double size, double width, size_t *off, size_t *len, int max)
{
	size_t n = strlen(s), i = 0, start = 0, brk = 0;
	double w = 0, at_brk = 0;
	int lines = 0;
	int32_t prev = 0;

	if (max < 1)
		return 0;
	while (i < n) {
		int32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		double cw;

		if (k == 0)
			k = 1, cp = '?';
		cw = char_em(cp) * size;
		/* a break is allowed before i unless inside a word or before closing punctuation */
		if (i > start && !(word_char(cp) && word_char(prev)) && !no_line_start(cp) &&
		    !no_line_end(prev))
			brk = i, at_brk = w;
		if (w + cw > width && i > start && brk > start && lines < max - 1) {
			off[lines] = start;
			len[lines] = brk - start;
			lines++;
			start = brk;
			w -= at_brk;
			brk = start;
			at_brk = 0;
		}
		w += cw;
		prev = cp;
		i += k;
	}
	off[lines] = start;
	len[lines] = n - start;
	return lines + 1;
}

/*
 * chart.c — titles, headings, tiles and bar lists laid out on a drawing (see chart.h).
 * May use base/, text/ and render/draw.h.
 */
#include "render/chart.h"

#include <string.h>

#define X0 CHART_MARGIN
#define X1 (CHART_W - CHART_MARGIN)
#define MAX_LINES 6

#define TITLE_SIZE 22.0
#define HEAD_SIZE 17.0
#define SUB_SIZE 14.0
#define LABEL_SIZE 13.0
#define SMALL_SIZE 11.5
#define TILE_NUM_SIZE 26.0
#define TILE_BG UINT32_C(0xF3F3F3)

#define BAR_LABEL_W 236.0
#define BAR_X (X0 + BAR_LABEL_W + 10)
#define BAR_MAX (X1 - BAR_X - 86)
#define BAR_H 14.0
#define PREV_H 7.0

void chart_begin(struct chart *c, struct drawing *d, const char *prev_label)
{
	memset(c, 0, sizeof *c);
	c->d = d;
	c->y = 0;
	c->prev_label = prev_label ? prev_label : "上年";
	buf_init(&c->desc, 1u << 20);
	draw_rect(d, 0, 0, CHART_W, 6, DRAW_BLUE, HATCH_NONE, DRAW_NONE);
	c->y = 18;
}

static void desc(struct chart *c, const char *s)
{
	if (c->d->rc == 0)
		c->d->rc = buf_puts(&c->desc, s);
}

/* Draw s wrapped to width at (x, baseline of the first line), line height lh; returns the
 * number of lines. */
static int wrapped(struct chart *c, double x, double y, double width, const char *s, double size,
		   double lh, int bold, uint32_t colour, int max)
{
	size_t off[MAX_LINES], len[MAX_LINES];
	int n = draw_wrap(s, size, width, off, len, max < MAX_LINES ? max : MAX_LINES);

	for (int i = 0; i < n; i++) {
		char *line = arena_strndup(&c->d->a, s + off[i], len[i]);
		draw_text(c->d, x, y + i * lh, line, size, bold, ANCHOR_START, colour);
	}
	return n;
}

static int nlines(const char *s, double size, double width, int max)
{
	size_t off[MAX_LINES], len[MAX_LINES];

	return s && *s ? draw_wrap(s, size, width, off, len, max < MAX_LINES ? max : MAX_LINES) : 0;
}

void chart_title(struct chart *c, const char *title, const char *note1, const char *note2)
{
	int n = wrapped(c, X0, c->y + TITLE_SIZE, X1 - X0, title, TITLE_SIZE, 30, 1, DRAW_INK, 3);

	desc(c, title);
	desc(c, "。");
	c->y += 30 * n + 6;
	for (int i = 0; i < 2; i++) {
		const char *note = i ? note2 : note1;
		if (!note)
			continue;
		n = wrapped(c, X0, c->y + 13, X1 - X0, note, 12.5, 18, 0, DRAW_GREY, 3);
		desc(c, note);
		c->y += 18 * n;
	}
	c->y += 8;
}

void chart_heading(struct chart *c, const char *text)
{
	int n;

	draw_group(c->d, text);
	c->y += 16;
	n = wrapped(c, X0, c->y + HEAD_SIZE, X1 - X0, text, HEAD_SIZE, 23, 1, DRAW_INK, 2);
	c->y += 23 * n + 4;
	draw_line(c->d, X0, c->y, X1, c->y, DRAW_BLUE, 2);
	c->y += 12;
	desc(c, "\n");
	desc(c, text);
	desc(c, "：");
}

void chart_close(struct chart *c)
{
	draw_end(c->d);
}

void chart_subheading(struct chart *c, const char *text)
{
	int n;

	c->y += 6;
	n = wrapped(c, X0, c->y + SUB_SIZE, X1 - X0, text, SUB_SIZE, 19, 1, DRAW_INK, 2);
	c->y += 19 * n + 8;
	desc(c, text);
	desc(c, "：");
}

void chart_note(struct chart *c, const char *text)
{
	int n = wrapped(c, X0, c->y + 13, X1 - X0, text, 12, 17, 0, DRAW_GREY, 4);

	c->y += 17 * n + 4;
}

struct chart_value chart_count(struct chart *c, int64_t v)
{
	struct chart_value x = { 1, arena_printf(&c->d->a, "%lld", (long long)v), v, NULL, 0 };

	return x;
}

/* The number of a value, "—" when the cell is absent or blank (no number to show). */
static struct draw_item *number(struct chart *c, double x, double y, const struct chart_value *v,
				double size, int bold, enum draw_anchor anchor, uint32_t colour)
{
	return draw_number(c->d, x, y, v->text[0] ? v->text : "—", v->text[0] ? v->cell : NULL,
			   v->year, size, bold, anchor, colour);
}

/* "label：N（上年M）；" into the text alternative. */
static void desc_value(struct chart *c, const char *group, const char *label,
		       const struct chart_value *cur, const struct chart_value *prev, const char *unit)
{
	if (group) {
		desc(c, group);
		desc(c, " ");
	}
	desc(c, label);
	desc(c, " ");
	desc(c, cur->text[0] ? cur->text : "—");
	if (unit)
		desc(c, unit);
	if (prev->has) {
		desc(c, "（");
		desc(c, c->prev_label);
		desc(c, " ");
		desc(c, prev->text[0] ? prev->text : "—");
		desc(c, "）");
	}
	desc(c, "；");
}

/* The words comparing a tile's value with the previous one (no number: the reader has both). */
static const char *trend_words(const struct chart_value *cur, const struct chart_value *prev)
{
	if (!cur->text[0] || !prev->text[0])
		return "";
	return cur->v > prev->v ? "，增加" : cur->v < prev->v ? "，减少" : "，持平";
}

static double tile_height(const struct chart_tile *t, double w)
{
	double h = 12;

	if (t->kicker)
		h += 16 * nlines(t->kicker, SMALL_SIZE, w, 2);
	h += 17 * nlines(t->label, LABEL_SIZE, w, 3);
	h += TILE_NUM_SIZE + 8;
	if (t->prev.has)
		h += 17;
	return h + 10;
}

void chart_tiles(struct chart *c, const struct chart_tile *t, int n, int per_row)
{
	const double gap = 10, w = (X1 - X0 - (per_row - 1) * gap) / per_row, pad = 10;

	for (int i = 0; i < n; i += per_row) {
		double h = 0;

		for (int k = i; k < n && k < i + per_row; k++) {
			double th = tile_height(&t[k], w - 2 * pad);
			if (th > h)
				h = th;
		}
		for (int k = i; k < n && k < i + per_row; k++) {
			double x = X0 + (k - i) * (w + gap), y = c->y + 12;

			draw_group(c->d, NULL);
			draw_rect(c->d, x, c->y, w, h, TILE_BG, HATCH_NONE, DRAW_LIGHT);
			draw_rect(c->d, x, c->y, 4, h, DRAW_BLUE, HATCH_NONE, DRAW_NONE);
			if (t[k].kicker) {
				y += 16 * wrapped(c, x + pad, y + SMALL_SIZE - 2, w - 2 * pad, t[k].kicker,
						  SMALL_SIZE, 16, 0, DRAW_GREY, 2);
			}
			y += 17 * wrapped(c, x + pad, y + LABEL_SIZE - 1, w - 2 * pad, t[k].label,
					  LABEL_SIZE, 17, 1, DRAW_INK, 3);
			number(c, x + pad, y + TILE_NUM_SIZE, &t[k].cur, TILE_NUM_SIZE, 1, ANCHOR_START,
			       DRAW_INK);
			y += TILE_NUM_SIZE + 8;
			if (t[k].prev.has) {
				const char *words = trend_words(&t[k].cur, &t[k].prev);
				double px = x + pad;

				draw_text(c->d, px, y + SMALL_SIZE, c->prev_label, SMALL_SIZE, 0, ANCHOR_START,
					  DRAW_GREY);
				px += draw_text_width(c->prev_label, SMALL_SIZE) + 4;
				number(c, px, y + SMALL_SIZE, &t[k].prev, SMALL_SIZE, 0, ANCHOR_START,
				       DRAW_GREY);
				px += draw_text_width(t[k].prev.text[0] ? t[k].prev.text : "—", SMALL_SIZE);
				if (*words)
					draw_text(c->d, px, y + SMALL_SIZE, words, SMALL_SIZE, 0, ANCHOR_START,
						  DRAW_GREY);
			}
			draw_end(c->d);
			desc_value(c, t[k].kicker, t[k].label, &t[k].cur, &t[k].prev, NULL);
		}
		c->y += h + gap;
	}
}

static double bar_len(int64_t v, int64_t max)
{
	if (v <= 0 || max <= 0)
		return 0;
	return BAR_MAX * (double)v / (double)max < 2 ? 2 : BAR_MAX * (double)v / (double)max;
}

void chart_bars(struct chart *c, const struct chart_bar *b, int n)
{
	int64_t max = 0;
	const char *group = NULL;
	double top = c->y;

	for (int i = 0; i < n; i++) {
		if (b[i].cur.has && b[i].cur.v > max)
			max = b[i].cur.v;
		if (b[i].prev.has && b[i].prev.v > max)
			max = b[i].prev.v;
	}
	for (int i = 0; i < n; i++) {
		double indent = 0, lw, row, len, y;
		uint32_t fill;
		enum draw_hatch hatch;
		int lines;

		if (b[i].group && !*b[i].group)
			group = NULL;
		if (b[i].group && *b[i].group) {
			group = b[i].group;
			c->y += 4;
			lines = wrapped(c, X0, c->y + LABEL_SIZE, BAR_LABEL_W, group, LABEL_SIZE, 17, 1,
					DRAW_INK, 2);
			c->y += 17 * lines + 3;
		}
		if (group)
			indent = 14;
		lw = BAR_LABEL_W - indent;
		lines = nlines(b[i].label, LABEL_SIZE, lw, 4);
		row = 17 * lines;
		if (row < (b[i].prev.has ? 30 : 18))
			row = b[i].prev.has ? 30 : 18;
		y = c->y + 2;
		draw_group(c->d, NULL);
		wrapped(c, X0 + indent, y + LABEL_SIZE - 1, lw, b[i].label, LABEL_SIZE, 17, 0, DRAW_INK,
			4);
		draw_palette(b[i].paint, &fill, &hatch);
		len = bar_len(b[i].cur.v, max);
		if (len > 0)
			draw_rect(c->d, BAR_X, y, len, BAR_H, fill, hatch, DRAW_NONE);
		number(c, BAR_X + len + 6, y + BAR_H - 2, &b[i].cur, LABEL_SIZE + 1, 1, ANCHOR_START,
		       DRAW_INK);
		if (b[i].prev.has) {
			double px;

			len = bar_len(b[i].prev.v, max);
			if (len > 0)
				draw_rect(c->d, BAR_X, y + BAR_H + 3, len, PREV_H, DRAW_GREY, HATCH_DIAG,
					  DRAW_NONE);
			px = BAR_X + len + 6;
			draw_text(c->d, px, y + BAR_H + 3 + PREV_H + 1, c->prev_label, SMALL_SIZE - 1, 0,
				  ANCHOR_START, DRAW_GREY);
			px += draw_text_width(c->prev_label, SMALL_SIZE - 1) + 3;
			number(c, px, y + BAR_H + 3 + PREV_H + 1, &b[i].prev, SMALL_SIZE - 1, 0,
			       ANCHOR_START, DRAW_GREY);
		}
		draw_end(c->d);
		desc_value(c, group, b[i].label, &b[i].cur, &b[i].prev, b[i].unit);
		c->y += row + 6;
	}
	/* the zero line the bars start from */
	draw_line(c->d, BAR_X, top, BAR_X, c->y - 4, DRAW_LIGHT, 1);
}

int chart_finish(struct chart *c, struct gk_error *e)
{
	int rc = c->d->rc;

	c->d->h = c->y + 16;
	draw_set_desc(c->d, buf_cstr(&c->desc));
	buf_free(&c->desc);
	if (rc)
		return err_set(e, rc, "figure", "the figure is too large");
	return 0;
}

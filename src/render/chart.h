/*
 * chart.h — the building blocks of gongkai's pictures, laid out top to bottom on a drawing
 * (draw.h): a title, section headings, tiles with one large number each, and lists of
 * labelled horizontal bars. The 图解 of an annual report (figure.c), the region's organs and
 * the dashboard's trends are made of them, so they look alike and follow the same rules:
 *
 *   - every number is written beside what it measures (direct labels, no legend to match
 *     colours against, no axis to read values from);
 *   - bars of different series differ in hatch as well as colour (draw_palette), and a
 *     comparison value (last year) is a thinner grey hatched bar with its own label, so the
 *     picture reads in black and white and for colour-blind readers;
 *   - each number drawn is also written, with its label, into the text alternative (the
 *     drawing's desc), in drawing order.
 * A value names the cell of the report it shows (cell, year) when it is one; a value without
 * a cell is a count that is not a report cell (the dashboard's months, the region's organs).
 * Memory: a chart borrows its drawing; chart_finish hands the text alternative to it.
 * May use base/, text/ and render/draw.h.
 */
#ifndef GK_RENDER_CHART_H
#define GK_RENDER_CHART_H

#include <stdint.h>

#include "render/draw.h"

#define CHART_W 720.0        /* the width of every picture (px) */
#define CHART_MARGIN 24.0

struct chart_value {
	int has;                 /* 0: nothing to show (no such cell, or no previous year) */
	const char *text;        /* as printed ("12", "0.0500"); "" for an absent or blank cell */
	int64_t v;               /* for bar lengths and comparison */
	const char *cell;        /* the report cell it shows, or NULL */
	int year;                /* the year of that report */
};

struct chart_tile {
	const char *kicker;      /* small line above the label (a block title), or NULL */
	const char *label;
	struct chart_value cur, prev;
};

struct chart_bar {
	const char *group;       /* a group heading drawn before this bar, the bars after it
				  * indented under it; "" ends the group; NULL: as before */
	const char *label;
	struct chart_value cur, prev;
	int paint;               /* palette index (draw_palette) */
	const char *unit;        /* appended to the desc after the number ("件"), or NULL */
};

struct chart {
	struct drawing *d;
	double y;                /* top of the free space */
	const char *prev_label;  /* how a comparison value is introduced ("上年") */
	struct buf desc;
};

/* Start laying out on d (whose height chart_finish sets). prev_label: the word before a
 * comparison value. */
void chart_begin(struct chart *c, struct drawing *d, const char *prev_label);
/* The picture's title (wrapped), and under it lines of smaller notes (may be NULL). */
void chart_title(struct chart *c, const char *title, const char *note1, const char *note2);
/* A section heading with a rule under it; also opens a group named by it (chart_close). */
void chart_heading(struct chart *c, const char *text);
void chart_close(struct chart *c);
/* A smaller heading inside a section. */
void chart_subheading(struct chart *c, const char *text);
/* Tiles, per_row across. */
void chart_tiles(struct chart *c, const struct chart_tile *t, int n, int per_row);
/* A list of bars scaled to the largest value in it (this year's and the comparison). */
void chart_bars(struct chart *c, const struct chart_bar *b, int n);
/* A line of small grey text (wrapped). */
void chart_note(struct chart *c, const char *text);
/* Set the drawing's height and text alternative; ERR_LIMIT if the drawing overflowed. */
int chart_finish(struct chart *c, struct gk_error *e) GK_WUR;

/* A value from a number (formatted as a plain decimal, in the drawing's memory), no cell. */
struct chart_value chart_count(struct chart *c, int64_t v);

#endif

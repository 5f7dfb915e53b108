/*
 * draw.h — a picture (图解, chart) as a list of shapes, one model for every back end.
 *
 * The charts of gongkai (the 图解 of an annual report, the region's organs, the dashboard's
 * trends) are built once as a struct drawing: rectangles, lines and texts on a canvas of w × h
 * units (1 unit = 1 CSS px = 0.75 pt), in drawing order. Two back ends write it:
 *   draw_svg     SVG 1.1 text (draw_svg.c): presentation attributes only (no style attribute,
 *                no <style>, no script), so it can be inlined in a page under a strict CSP;
 *                a <title> and <desc> as the text alternative; byte-for-byte deterministic;
 *   draw_png     a PNG image, and draw_pdf one A4-wide PDF page, through cairo + Pango
 *                (draw_cairo.c) — the same shapes, the same patterns, the same texts.
 * Fills are a colour and a hatch pattern, so that series stay apart in black and white and
 * for colour-blind readers (draw_palette: the Okabe–Ito colours). A text that shows a number
 * of a report carries the id of its cell and the year of its report (SVG data-cell and
 * data-year), so a test can read every number back and compare it with the report.
 * Text widths are estimated (draw_text_width: a Han or full-width character is 1 em, other
 * characters about half) so that layout does not depend on the fonts of the machine.
 * Memory: a drawing owns its shapes and their strings; draw_free releases them.
 * May use base/ and text/.
 */
#ifndef GK_RENDER_DRAW_H
#define GK_RENDER_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

#define DRAW_MAX_ITEMS 20000

enum draw_op { DRAW_RECT = 0, DRAW_LINE, DRAW_TEXT, DRAW_GROUP, DRAW_END };

/* Hatch patterns laid over a fill colour (white lines), so two fills differ without colour. */
enum draw_hatch {
	HATCH_NONE = 0, HATCH_DIAG, HATCH_BACKDIAG, HATCH_CROSS, HATCH_DOTS, HATCH_HORIZ,
	HATCH_VERT, HATCH__MAX
};

enum draw_anchor { ANCHOR_START = 0, ANCHOR_MIDDLE, ANCHOR_END };

#define DRAW_NONE UINT32_C(0xFFFFFFFF)   /* no fill / no stroke */

struct draw_item {
	enum draw_op op;
	double x, y, w, h;     /* rect: box; line: (x,y)→(x+w,y+h); text: anchor on the baseline */
	uint32_t fill;         /* 0xRRGGBB or DRAW_NONE; a text's colour */
	enum draw_hatch hatch; /* rect only */
	uint32_t stroke;       /* 0xRRGGBB or DRAW_NONE */
	double stroke_w;
	const char *text;      /* text: what it says; group: its title (accessible name), or NULL */
	double size;           /* text: font size in units */
	int bold;
	enum draw_anchor anchor;
	const char *cell;      /* text: the report cell the number is, or NULL */
	int year;              /* text with cell: the year of that report */
};

struct drawing {
	double w, h;
	const char *id;        /* prefix of the ids in the SVG ("tujie"), unique within a page */
	const char *title;     /* short accessible name */
	const char *desc;      /* the text alternative: every figure in words */
	struct draw_item *v;
	size_t n, cap;
	struct arena a;        /* the strings */
	int rc;                /* ERR_LIMIT once more than DRAW_MAX_ITEMS were added */
};

/* A hatch as drawn on a DRAW_HATCH_TILE-unit square tile repeated over the fill: white line
 * segments (x0 y0 x1 y1) of width DRAW_HATCH_LINE, and a white dot of radius DRAW_HATCH_DOT in
 * the middle when dot is set. Both back ends draw these. */
#define DRAW_HATCH_TILE 8.0
#define DRAW_HATCH_LINE 1.6
#define DRAW_HATCH_DOT 1.7
struct draw_hatch_def {
	int nseg;
	double seg[4][4];
	int dot;
};
const struct draw_hatch_def *draw_hatch_def(enum draw_hatch h);

/* Okabe–Ito, distinguishable with every common colour-vision deficiency. */
#define DRAW_BLUE UINT32_C(0x0072B2)
#define DRAW_ORANGE UINT32_C(0xE69F00)
#define DRAW_GREEN UINT32_C(0x009E73)
#define DRAW_VERMILION UINT32_C(0xD55E00)
#define DRAW_PURPLE UINT32_C(0xCC79A7)
#define DRAW_SKY UINT32_C(0x56B4E9)
#define DRAW_YELLOW UINT32_C(0xF0E442)
#define DRAW_INK UINT32_C(0x1A1A1A)
#define DRAW_GREY UINT32_C(0x595959)      /* secondary text: 7:1 on white */
#define DRAW_LIGHT UINT32_C(0xBBBBBB)
#define DRAW_PAPER UINT32_C(0xFFFFFF)

/* The n-th series paint (colour and hatch), cycling through the palette. */
void draw_palette(int n, uint32_t *fill, enum draw_hatch *hatch);

/* An empty drawing of w × h; id, title and desc are copied. */
void draw_init(struct drawing *d, double w, double h, const char *id, const char *title);
void draw_free(struct drawing *d);
/* Replace the text alternative (copied). */
void draw_set_desc(struct drawing *d, const char *desc);

void draw_rect(struct drawing *d, double x, double y, double w, double h, uint32_t fill,
	       enum draw_hatch hatch, uint32_t stroke);
void draw_line(struct drawing *d, double x0, double y0, double x1, double y1, uint32_t stroke,
	       double width);
/* A text (copied); returns it so a caller may add cell and year. */
struct draw_item *draw_text(struct drawing *d, double x, double y, const char *s, double size,
			    int bold, enum draw_anchor anchor, uint32_t colour);
/* A number of a report: the text (copied) with its cell id (copied) and year. */
struct draw_item *draw_number(struct drawing *d, double x, double y, const char *s,
			      const char *cell, int year, double size, int bold,
			      enum draw_anchor anchor, uint32_t colour);
/* Groups nest; title (copied, may be NULL) names the group for assistive technology. */
void draw_group(struct drawing *d, const char *title);
void draw_end(struct drawing *d);

/* Estimated width of s at font size `size` (see above). */
double draw_text_width(const char *s, double size);
/* Break s into lines no wider than width at size (at character boundaries, never inside a
 * run of ASCII letters or digits); returns the number of lines, their starts and lengths in
 * off/len (at most max). */
int draw_wrap(const char *s, double size, double width, size_t *off, size_t *len, int max);

/* The back ends. ERR_LIMIT when out is full or the drawing has too many shapes. */
int draw_svg(const struct drawing *d, struct buf *out, struct gk_error *e) GK_WUR;
/* PNG at `scale` device pixels per unit (2: sharp on high-density screens). */
int draw_png(const struct drawing *d, double scale, struct buf *out, struct gk_error *e) GK_WUR;
/* One PDF page the size of the drawing (in pt: 0.75 pt per unit); title and author set in the
 * document information, the creation date fixed (created, a time_t). */
int draw_pdf(const struct drawing *d, const char *author, long long created, struct buf *out,
	     struct gk_error *e) GK_WUR;

#endif

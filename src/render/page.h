/*
 * page.h — the one page engine behind every paged document gongkai lays out itself: the annual
 * report (pdf.c) and the notices (notice.c), written as PDF and, from the very same layout, as
 * OFD (ofd.h).
 *
 * A4 with the margins of Chinese official documents (GB/T 9704: 37 mm top, 35 mm bottom,
 * 28 mm left, 26 mm right) and a centred "— N —" page number. Pango breaks the lines (UAX #14
 * with the Chinese rules: no line starts with ，。、）」 etc.); the engine places each line
 * itself, so the leading is exact and a paragraph continues on the next page line by line.
 * Every line drawn and every rule stroked goes to the cairo PDF surface and, when an OFD
 * recorder is attached, to it at the same position: one layout, two formats. When the OFD is
 * what is wanted the PDF bytes are discarded (the surface still lays out, so the fonts and
 * metrics are those of the PDF).
 * Text is cleaned as the DOCX cleans it (page_clean_text: control characters dropped; a line
 * break inside a paragraph is U+2028).
 * Only page.c, pdf.c, notice.c and ofd.c include pango and cairo (draw_cairo.c draws the 图解).
 * May use base/ and text/.
 */
#ifndef GK_RENDER_PAGE_H
#define GK_RENDER_PAGE_H

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "base/buf.h"
#include "base/err.h"

#define PAGE_MM (72.0 / 25.4)
#define PAGE_W (210 * PAGE_MM)
#define PAGE_H (297 * PAGE_MM)
#define PAGE_MARGIN_TOP (37 * PAGE_MM)
#define PAGE_MARGIN_BOTTOM (35 * PAGE_MM)
#define PAGE_MARGIN_LEFT (28 * PAGE_MM)
#define PAGE_MARGIN_RIGHT (26 * PAGE_MM)
#define PAGE_TEXT_W (PAGE_W - PAGE_MARGIN_LEFT - PAGE_MARGIN_RIGHT)
#define PAGE_BOTTOM (PAGE_H - PAGE_MARGIN_BOTTOM)
#define PAGE_MAX_FONTS 8

/* The fonts a document uses: a role each (title, body, …), the face that lays it out here and
 * the face the OFD names for it. */
struct page_font {
	const char *desc;      /* Pango font description of the face laid out with (Noto CJK) */
	double leading;        /* pt from one line to the next */
	const char *ofd_name;  /* the face the OFD names (ofd.c: as on 麒麟/统信 systems) */
	const char *ofd_family;
	int ofd_serif;
};

/* What a document's metadata says; y-m-d is its creation date. */
struct page_meta {
	const char *title;
	const char *author;
	int y, m, d;
};

struct ofd;

struct page {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	const struct page_font *fonts;
	PangoFontDescription *font[PAGE_MAX_FONTS];
	int nfonts;
	int footer_font;   /* the font of the page number */
	int cur_font;      /* the font of the text in the layout */
	double y;          /* top of the free space on the current page */
	int page;          /* current page number, 1-based */
	struct buf *out;   /* the PDF; NULL: discarded (an OFD is recorded) */
	struct buf num;
	struct ofd *ofd;   /* the OFD recorder, or NULL */
	int rc;            /* first error (ERR_LIMIT when out is full) */
};

/* Start a document with fonts[0..nfonts) (static; footer_font numbers the pages) written as a
 * PDF to out, or — out NULL and ofd given — recorded as an OFD. Always pair with page_close. */
void page_open(struct page *p, const struct page_font *fonts, int nfonts, int footer_font,
	       const struct page_meta *meta, struct buf *out, struct ofd *ofd);

/* Finish the last page and the document (finish: 1 to draw the last page's number and show
 * it; 0 after an error) and free everything. Returns the first error, or 0. */
int page_close(struct page *p, int finish) GK_WUR;

/* Put s[0..len) into the layout: font f, wrapped at width pt, first-line indent (pt),
 * alignment, justification. */
void page_set_text(struct page *p, int f, const char *s, size_t len, double width, double indent,
		   PangoAlignment align, int justify);

/* The lines of the text in the layout. */
int page_nlines(struct page *p);

/* Draw the laid-out lines [from, to) at x, the first line box starting at top, each line box
 * `leading` high with its text centred in it. */
void page_draw_lines(struct page *p, int from, int to, double x, double top, double leading);

/* Close the current page (drawing its number) and start the next one. */
void page_new_page(struct page *p);

/* Append s[0..len) to out as Pango should see it: a line break inside a paragraph becomes
 * U+2028 LINE SEPARATOR; the control characters the DOCX drops (C0 but tab and line feed,
 * U+FFFE, U+FFFF) are dropped. */
int page_clean_text(const char *s, size_t len, struct buf *out) GK_WUR;

/* A block of text lines of font f, width pt wide from the left margin, continuing on new
 * pages as needed. keep: the space (pt) that must remain below the block's first line on the
 * same page (a heading keeps itself with the next lines). */
void page_text_block(struct page *p, int f, const char *text, size_t text_len, double width,
		     double indent, PangoAlignment align, int justify, double keep);

/* Stroke the rectangle x, y, w, h (pt, from the top left of the page) with rule width lw. */
void page_rect(struct page *p, double x, double y, double w, double h, double lw);

#endif

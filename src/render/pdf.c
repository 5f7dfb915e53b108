/*
 * pdf.c — the annual report as a PDF (Pango for Chinese text layout, cairo for the page).
 *
 * A4 with the margins of Chinese official documents (GB/T 9704: 37 mm top, 35 mm bottom,
 * 28 mm left, 26 mm right) and a centred "— N —" page number. The typography follows the DOCX
 * with the Noto CJK faces of fonts-noto-cjk standing in for the official ones: the title in
 * Noto Serif CJK SC Bold 22 pt (for 方正小标宋简体), the headings in Noto Sans CJK SC 16 pt
 * (for 黑体), the narrative in Noto Serif CJK SC 16 pt (for 仿宋_GB2312 三号) on a fixed 28 pt
 * line with a two-character first-line indent; Table 二 in Noto Serif CJK SC 10.5 pt (五号), the
 * denser Tables 三 and 四 in 9 pt (小五). Lines are not justified: Pango stretches only spaces,
 * which opens gaps in Chinese text. A title too long for one line breaks before
 * 政府信息公开工作年度报告.
 * Pango breaks the lines (UAX #14 with the Chinese rules: no line starts with ，。、）」 etc.);
 * this file places each line itself, so the leading is exact and a paragraph can continue on
 * the next page line by line. A heading is never left alone at the foot of a page: it waits
 * for what follows and goes to the next page with the first two lines of text or with its
 * table. The six headings are the PDF's bookmarks. Text is cleaned as the DOCX cleans it
 * (clean_text: control characters dropped; a line break inside a paragraph is U+2028).
 *
 * Tables are drawn from the official geometry (layout.h) with the same merges as HTML, XLSX
 * and DOCX: every cell of the grid is a rectangle spanning its rows and columns, its text
 * wrapped to the cell and centred vertically. Row heights come from the cells of one row;
 * a merged cell taller than its rows grows the last of them. A table that does not fit on the
 * rest of a page but fits on a page starts a new one; one longer than a page breaks between
 * rows, repeats its header rows, and a merged cell cut by the break is drawn on both pages
 * with its label.
 *
 * The fonts are embedded (cairo subsets them) and the text stays selectable and searchable
 * (cairo writes ToUnicode maps). Deterministic: the creation date in the document information
 * is fixed (walk.h), nothing else in cairo's output depends on the clock.
 * This file is the only one that includes pango and cairo. May use base/, text/ and format/.
 */
#include "render/render.h"

#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "render/walk.h"
#include "text/date.h"

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define MARGIN_TOP (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT (28 * MM)
#define MARGIN_RIGHT (26 * MM)
#define TEXT_W (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
#define BOTTOM (PAGE_H - MARGIN_BOTTOM)
#define CELL_PAD_X 2.5
#define CELL_PAD_Y 2.5
#define RULE_W 0.6
#define TABLE_GAP 8.0
#define PDF_MAX_ROWS 40
#define PDF_MAX_COLS 16

enum pdf_font { F_TITLE, F_HEADING, F_BODY, F_TABLE, F_TABLE_SMALL, F_FOOTER, F__MAX };

static const struct {
	const char *desc;   /* Pango font description */
	double leading;     /* pt from one line to the next */
} fonts[F__MAX] = {
	[F_TITLE] = { "Noto Serif CJK SC Bold 22", 35 },
	[F_HEADING] = { "Noto Sans CJK SC 16", 28 },
	[F_BODY] = { "Noto Serif CJK SC 16", 28 },
	[F_TABLE] = { "Noto Serif CJK SC 10.5", 13.5 },         /* Table 二 (五号) */
	[F_TABLE_SMALL] = { "Noto Serif CJK SC 9", 11.5 },      /* Tables 三 and 四 (小五) */
	[F_FOOTER] = { "Noto Serif CJK SC 14", 20 },
};

/* Column widths of each table as fractions of the text width (they sum to 1). */
static const double cols_t2[] = { 0.30, 0.2333, 0.2333, 0.2334 };
static const double cols_t3[] = { 0.07, 0.16, 0.308, 0.066, 0.066, 0.066, 0.066, 0.066,
				  0.066, 0.066 };
static const double cols_t4[] = { 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0,
				  1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0,
				  1 / 15.0, 1 / 15.0, 1 / 15.0 };

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *font[F__MAX];
	double y;          /* top of the free space on the current page */
	int page;          /* current page number, 1-based */
	struct buf pend;   /* a heading waiting for what follows it */
	int pending;
	enum pdf_font tfont;   /* the font of the table being drawn */
	struct buf *out;
	struct buf num;
	int rc;            /* first write error (ERR_LIMIT when out is full) */
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *p = closure;

	if (p->rc == 0)
		p->rc = buf_append(p->out, data, len);
	return p->rc ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Put s[0..len) into the layout: font f, wrapped at width pt, first-line indent (pt),
 * alignment, justification. */
static void set_text(struct pdf *p, enum pdf_font f, const char *s, size_t len, double width,
		     double indent, PangoAlignment align, int justify)
{
	pango_layout_set_font_description(p->layout, p->font[f]);
	pango_layout_set_width(p->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_indent(p->layout, (int)(indent * PANGO_SCALE));
	pango_layout_set_alignment(p->layout, align);
	pango_layout_set_justify(p->layout, justify);
	pango_layout_set_text(p->layout, s, (int)len);
}

static int nlines(struct pdf *p)
{
	return pango_layout_get_line_count(p->layout);
}

/* Draw the laid-out lines [from, to) at x, the first line box starting at top, each line box
 * `leading` high with its text centred in it. */
static void draw_lines(struct pdf *p, int from, int to, double x, double top, double leading)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	int i = 0;

	do {
		PangoLayoutLine *line;
		PangoRectangle logical, lr;

		if (i < from)
			continue;
		if (i >= to)
			break;
		line = pango_layout_iter_get_line_readonly(it);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		pango_layout_line_get_extents(line, NULL, &lr);
		cairo_move_to(p->cr, x + (double)logical.x / PANGO_SCALE,
			      top + (i - from) * leading + (leading - (double)lr.height / PANGO_SCALE) / 2 -
				      (double)lr.y / PANGO_SCALE);
		pango_cairo_show_layout_line(p->cr, line);
	} while (i++, pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* The page number "— N —" centred below the text area. */
static void footer(struct pdf *p)
{
	buf_reset(&p->num);
	if (p->rc == 0)
		p->rc = buf_printf(&p->num, "— %d —", p->page);
	set_text(p, F_FOOTER, buf_cstr(&p->num), p->num.len, TEXT_W, 0, PANGO_ALIGN_CENTER, 0);
	draw_lines(p, 0, 1, MARGIN_LEFT, BOTTOM + 7 * MM, fonts[F_FOOTER].leading);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_TOP;
}

/* Text as Pango should see it: a line break inside a paragraph becomes U+2028 LINE SEPARATOR
 * (a new line, not a new paragraph with its indent, as w:br in the DOCX); the control
 * characters the DOCX drops (C0 but tab and line feed, U+FFFE, U+FFFF) are dropped, not drawn
 * as hex boxes. */
static int clean_text(const char *s, size_t len, struct buf *out)
{
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n')
			rc = buf_puts(out, "\u2028");
		else if (ch == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
			 (unsigned char)s[i + 2] >= 0xBE)
			i += 2;
		else if (ch >= 0x20 || ch == '\t')
			rc = buf_putc(out, (char)ch);
	}
	return rc;
}

/* A block of text lines at the left margin, continuing on new pages as needed. keep: the
 * space (pt) that must remain below the block's first line on the same page (a heading keeps
 * itself with the next lines). */
static void text_block(struct pdf *p, enum pdf_font f, const char *text, size_t text_len,
		       double indent, PangoAlignment align, int justify, double keep)
{
	double leading = fonts[f].leading;
	struct buf t;
	int n;

	buf_init(&t, 0);
	if (p->rc == 0)
		p->rc = clean_text(text, text_len, &t);
	if (p->y + leading + keep > BOTTOM && p->y > MARGIN_TOP)
		new_page(p);
	set_text(p, f, buf_cstr(&t), t.len, TEXT_W, indent, align, justify);
	n = nlines(p);
	for (int i = 0; i < n;) {
		int fit = (int)((BOTTOM - p->y) / leading);

		if (fit < 1) {
			new_page(p);   /* the footer used the layout: lay the text out again */
			set_text(p, f, buf_cstr(&t), t.len, TEXT_W, indent, align, justify);
			continue;
		}
		if (fit > n - i)
			fit = n - i;
		draw_lines(p, i, i + fit, MARGIN_LEFT, p->y, leading);
		p->y += fit * leading;
		i += fit;
	}
	buf_free(&t);
}

static int on_title(void *ctx, const char *s, size_t len)
{
	struct pdf *p = ctx;
	size_t cut;

	set_text(p, F_TITLE, s, len, TEXT_W, 0, PANGO_ALIGN_CENTER, 0);
	if (nlines(p) > 1 && (cut = walk_title_break(s, len)) > 0) {
		struct buf two;

		buf_init(&two, 0);
		if (p->rc == 0 && (p->rc = buf_append(&two, s, cut)) == 0 &&
		    (p->rc = buf_putc(&two, '\n')) == 0 && (p->rc = buf_append(&two, s + cut, len - cut)) == 0)
			text_block(p, F_TITLE, two.ptr, two.len, 0, PANGO_ALIGN_CENTER, 0, 0);
		buf_free(&two);
	} else {
		text_block(p, F_TITLE, s, len, 0, PANGO_ALIGN_CENTER, 0, 0);
	}
	p->y += fonts[F_BODY].leading;
	return p->rc;
}

/* Draw the waiting heading, if any, keeping `keep` pt below it on the same page; it becomes
 * a bookmark (PDF outline entry) pointing at where it is drawn. */
static void flush_heading(struct pdf *p, double keep)
{
	struct buf link;

	if (!p->pending)
		return;
	p->pending = 0;
	if (p->y + fonts[F_HEADING].leading + keep > BOTTOM && p->y > MARGIN_TOP)
		new_page(p);
	buf_init(&link, 0);
	if (p->rc == 0 &&
	    (p->rc = buf_printf(&link, "page=%d pos=[%.0f %.0f]", p->page, MARGIN_LEFT, p->y)) == 0)
		cairo_pdf_surface_add_outline(p->surface, CAIRO_PDF_OUTLINE_ROOT, buf_cstr(&p->pend),
					      link.ptr, 0);
	buf_free(&link);
	text_block(p, F_HEADING, p->pend.ptr, p->pend.len, 32, PANGO_ALIGN_LEFT, 0, 0);
}

static int on_heading(void *ctx, enum section sec, const char *s, size_t len)
{
	struct pdf *p = ctx;

	flush_heading(p, 0);
	buf_reset(&p->pend);
	if (p->rc == 0 && (p->rc = buf_append(&p->pend, s, len)) == 0)
		p->pending = 1;
	return p->rc;
}

static int on_para(void *ctx, const char *s, size_t len)
{
	struct pdf *p = ctx;

	flush_heading(p, 2 * fonts[F_BODY].leading);
	text_block(p, F_BODY, s, len, 32, PANGO_ALIGN_LEFT, 0, 0);
	return p->rc;
}

/* ---- tables ---------------------------------------------------------------------------- */

static const double *col_fracs(enum fmt_table t)
{
	return t == TBL_2 ? cols_t2 : t == TBL_3 ? cols_t3 : cols_t4;
}

/* Put the text of lay cell lc into the layout at its width; returns the lines it needs. */
static int cell_text(struct pdf *p, const struct lay_table *t, const struct report_cells *c,
		     const double *x, const struct lay_cell *lc)
{
	double w = x[lc->col + lc->colspan] - x[lc->col] - 2 * CELL_PAD_X;
	PangoAlignment align = lc->label && !lc->header && lc->rowspan == 1 ? PANGO_ALIGN_LEFT
									       : PANGO_ALIGN_CENTER;

	if (lc->label) {
		set_text(p, p->tfont, lc->label, strlen(lc->label), w, 0, align, 0);
	} else {
		if (p->rc == 0)
			p->rc = walk_cell_text(c, lc->cell, &p->num);
		set_text(p, p->tfont, buf_cstr(&p->num), p->num.len, w, 0, align, 0);
	}
	return nlines(p);
}

/* Draw the cells of t that meet rows [r0, r1), row r0 starting at top; rows' heights in h. */
static void draw_rows(struct pdf *p, const struct lay_table *t, const struct report_cells *c,
		      const double *x, const double *h, int r0, int r1, double top)
{
	double ytop[PDF_MAX_ROWS + 1];

	ytop[r0] = top;
	for (int r = r0; r < r1; r++)
		ytop[r + 1] = ytop[r] + h[r];
	cairo_set_line_width(p->cr, RULE_W);
	for (int i = 0; i < t->n; i++) {
		const struct lay_cell *lc = &t->c[i];
		int a = lc->row > r0 ? lc->row : r0;
		int b = lc->row + lc->rowspan < r1 ? lc->row + lc->rowspan : r1;
		double y0, y1, th;
		int n;

		if (a >= b)
			continue;
		y0 = ytop[a];
		y1 = ytop[b];
		cairo_rectangle(p->cr, x[lc->col], y0, x[lc->col + lc->colspan] - x[lc->col], y1 - y0);
		cairo_stroke(p->cr);
		n = cell_text(p, t, c, x, lc);
		th = n * fonts[p->tfont].leading;
		draw_lines(p, 0, n, x[lc->col] + CELL_PAD_X, y0 + (y1 - y0 - th) / 2,
			   fonts[p->tfont].leading);
	}
}

static int on_table(void *ctx, const struct lay_table *t, const struct report_cells *c)
{
	struct pdf *p = ctx;
	const double *frac = col_fracs(t->table);
	double x[PDF_MAX_COLS + 1], h[PDF_MAX_ROWS] = { 0 }, head = 0, all = 0;
	int r0;

	p->tfont = t->table == TBL_2 ? F_TABLE : F_TABLE_SMALL;
	if (t->nrows > PDF_MAX_ROWS || t->ncols > PDF_MAX_COLS)
		return ERR_INTERNAL;
	x[0] = MARGIN_LEFT;
	for (int k = 0; k < t->ncols; k++)
		x[k + 1] = x[k] + frac[k] * TEXT_W;
	/* row heights: single-row cells first, then merged cells grow their last row */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < t->n; i++) {
			const struct lay_cell *lc = &t->c[i];
			double need, have = 0;

			if ((lc->rowspan > 1) != pass)
				continue;
			need = cell_text(p, t, c, x, lc) * fonts[p->tfont].leading + 2 * CELL_PAD_Y;
			for (int r = lc->row; r < lc->row + lc->rowspan; r++)
				have += h[r];
			if (need > have)
				h[lc->row + lc->rowspan - 1] += need - have;
		}
	for (int r = 0; r < t->nrows; r++) {
		if (r < t->header_rows)
			head += h[r];
		all += h[r];
	}
	/* the whole table below its heading when it fits on a page, else its head and first row */
	if (all + TABLE_GAP + fonts[F_HEADING].leading <= BOTTOM - MARGIN_TOP)
		flush_heading(p, all + TABLE_GAP);
	else
		flush_heading(p, head + h[t->header_rows] + TABLE_GAP);
	p->y += TABLE_GAP / 2;
	if (p->y + (all <= BOTTOM - MARGIN_TOP ? all : head + h[t->header_rows]) > BOTTOM)
		new_page(p);
	r0 = 0;
	while (r0 < t->nrows) {
		double y = p->y;
		int r1 = r0;

		while (r1 < t->nrows && (y + h[r1] <= BOTTOM || r1 == r0))
			y += h[r1++];
		draw_rows(p, t, c, x, h, r0, r1, p->y);
		p->y = y;
		r0 = r1;
		if (r0 < t->nrows) {
			new_page(p);
			if (t->header_rows && r0 > t->header_rows) {
				draw_rows(p, t, c, x, h, 0, t->header_rows, p->y);
				p->y += head;
			}
		}
	}
	p->y += TABLE_GAP;
	return p->rc;
}

/* ---- the document ---------------------------------------------------------------------- */

int render_pdf(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	static const struct walk_ops ops = { on_title, on_heading, on_para, on_table };
	struct pdf p;
	struct buf title, date;
	int rc, y, m, d;

	if (!r->cells.fmt)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	memset(&p, 0, sizeof p);
	p.out = out;
	p.page = 1;
	p.y = MARGIN_TOP;
	buf_init(&p.num, 64);
	buf_init(&p.pend, 0);
	buf_init(&title, 0);
	buf_init(&date, 0);
	date_split((int)(walk_fixed_time(r->year) / 86400), &y, &m, &d);
	if ((rc = fmt_title(r->agency, r->year, &title)) ||
	    (rc = buf_printf(&date, "%04d-%02d-%02dT00:00:00Z", y, m, d)))
		goto out;
	p.surface = cairo_pdf_surface_create_for_stream(write_out, &p, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, title.ptr);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_AUTHOR,
				       r->agency ? r->agency : "");
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "gongkai");
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATE_DATE, date.ptr);
	p.cr = cairo_create(p.surface);
	p.layout = pango_cairo_create_layout(p.cr);
	/* sizes in points: cairo's PDF unit is the point, Pango's default resolution 96 dpi */
	pango_cairo_context_set_resolution(pango_layout_get_context(p.layout), 72);
	pango_context_set_language(pango_layout_get_context(p.layout),
				   pango_language_from_string("zh-cn"));
	pango_layout_context_changed(p.layout);
	for (int f = 0; f < F__MAX; f++)
		p.font[f] = pango_font_description_from_string(fonts[f].desc);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	rc = walk_report(r, &ops, &p, e);
	flush_heading(&p, 0);
	if (rc == 0 && (rc = p.rc) == 0) {
		footer(&p);
		cairo_show_page(p.cr);
	}
	for (int f = 0; f < F__MAX; f++)
		pango_font_description_free(p.font[f]);
	g_object_unref(p.layout);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	if (rc == 0 && p.rc)
		rc = p.rc;
	if (rc == 0 && cairo_surface_status(p.surface) != CAIRO_STATUS_SUCCESS)
		rc = ERR_INTERNAL;
	cairo_surface_destroy(p.surface);
out:
	buf_free(&p.num);
	buf_free(&p.pend);
	buf_free(&title);
	buf_free(&date);
	if (rc && e && !e->code)
		err_set(e, rc, "report", rc == ERR_LIMIT ? "the PDF is larger than the output allows"
							  : "cannot write the report as PDF");
	return rc;
}

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
 * The pages are laid out by the page engine (page.h); render_ofd writes the same layout as an
 * OFD (GB/T 33190) through its recorder (ofd.h).
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <string.h>

#include "render/ofd.h"
#include "render/page.h"
#include "render/walk.h"
#include "text/date.h"

#define MM PAGE_MM
#define MARGIN_TOP PAGE_MARGIN_TOP
#define MARGIN_LEFT PAGE_MARGIN_LEFT
#define TEXT_W PAGE_TEXT_W
#define BOTTOM PAGE_BOTTOM
#define CELL_PAD_X 2.5
#define CELL_PAD_Y 2.5
#define RULE_W 0.6
#define TABLE_GAP 8.0
#define PDF_MAX_ROWS 40
#define PDF_MAX_COLS 16

enum pdf_font { F_TITLE, F_HEADING, F_BODY, F_TABLE, F_TABLE_SMALL, F_FOOTER, F__MAX };

/* The Noto CJK faces stand in for the official ones, which the OFD names (ofd.h). */
static const struct page_font fonts[F__MAX] = {
	[F_TITLE] = { "Noto Serif CJK SC Bold 22", 35, OFD_FONT_TITLE },
	[F_HEADING] = { "Noto Sans CJK SC 16", 28, OFD_FONT_HEADING },
	[F_BODY] = { "Noto Serif CJK SC 16", 28, OFD_FONT_BODY },
	[F_TABLE] = { "Noto Serif CJK SC 10.5", 13.5, OFD_FONT_TABLE },     /* Table 二 (五号) */
	[F_TABLE_SMALL] = { "Noto Serif CJK SC 9", 11.5, OFD_FONT_TABLE },  /* Tables 三, 四 (小五) */
	[F_FOOTER] = { "Noto Serif CJK SC 14", 20, OFD_FONT_TABLE },
};

/* Column widths of each table as fractions of the text width (they sum to 1). */
static const double cols_t2[] = { 0.30, 0.2333, 0.2333, 0.2334 };
static const double cols_t3[] = { 0.07, 0.16, 0.308, 0.066, 0.066, 0.066, 0.066, 0.066,
				  0.066, 0.066 };
static const double cols_t4[] = { 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0,
				  1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0, 1 / 15.0,
				  1 / 15.0, 1 / 15.0, 1 / 15.0 };

struct pdf {
	struct page pg;
	struct buf pend;   /* a heading waiting for what follows it */
	int pending;
	enum pdf_font tfont;   /* the font of the table being drawn */
};

static int on_title(void *ctx, const char *s, size_t len)
{
	struct pdf *p = ctx;
	size_t cut;

	page_set_text(&p->pg, F_TITLE, s, len, TEXT_W, 0, PANGO_ALIGN_CENTER, 0);
	if (page_nlines(&p->pg) > 1 && (cut = walk_title_break(s, len)) > 0) {
		struct buf two;

		buf_init(&two, 0);
		if (p->pg.rc == 0 && (p->pg.rc = buf_append(&two, s, cut)) == 0 &&
		    (p->pg.rc = buf_putc(&two, '\n')) == 0 && (p->pg.rc = buf_append(&two, s + cut, len - cut)) == 0)
			page_text_block(&p->pg, F_TITLE, two.ptr, two.len, TEXT_W, 0, PANGO_ALIGN_CENTER, 0, 0);
		buf_free(&two);
	} else {
		page_text_block(&p->pg, F_TITLE, s, len, TEXT_W, 0, PANGO_ALIGN_CENTER, 0, 0);
	}
	p->pg.y += fonts[F_BODY].leading;
	return p->pg.rc;
}

/* Draw the waiting heading, if any, keeping `keep` pt below it on the same page; it becomes
 * a bookmark (PDF outline entry) pointing at where it is drawn. */
static void flush_heading(struct pdf *p, double keep)
{
	struct buf link;

	if (!p->pending)
		return;
	p->pending = 0;
	if (p->pg.y + fonts[F_HEADING].leading + keep > BOTTOM && p->pg.y > MARGIN_TOP)
		page_new_page(&p->pg);
	buf_init(&link, 0);
	if (p->pg.rc == 0 &&
	    (p->pg.rc = buf_printf(&link, "page=%d pos=[%.0f %.0f]", p->pg.page, MARGIN_LEFT, p->pg.y)) == 0)
		cairo_pdf_surface_add_outline(p->pg.surface, CAIRO_PDF_OUTLINE_ROOT, buf_cstr(&p->pend),
					      link.ptr, 0);
	buf_free(&link);
	page_text_block(&p->pg, F_HEADING, p->pend.ptr, p->pend.len, TEXT_W, 32, PANGO_ALIGN_LEFT, 0, 0);
}

static int on_heading(void *ctx, enum section sec, const char *s, size_t len)
{
	struct pdf *p = ctx;

	flush_heading(p, 0);
	buf_reset(&p->pend);
	if (p->pg.rc == 0 && (p->pg.rc = buf_append(&p->pend, s, len)) == 0)
		p->pending = 1;
	return p->pg.rc;
}

static int on_para(void *ctx, const char *s, size_t len)
{
	struct pdf *p = ctx;

	flush_heading(p, 2 * fonts[F_BODY].leading);
	page_text_block(&p->pg, F_BODY, s, len, TEXT_W, 32, PANGO_ALIGN_LEFT, 0, 0);
	return p->pg.rc;
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
		page_set_text(&p->pg, p->tfont, lc->label, strlen(lc->label), w, 0, align, 0);
	} else {
		if (p->pg.rc == 0)
			p->pg.rc = walk_cell_text(c, lc->cell, &p->pg.num);
		page_set_text(&p->pg, p->tfont, buf_cstr(&p->pg.num), p->pg.num.len, w, 0, align, 0);
	}
	return page_nlines(&p->pg);
}

/* Draw the cells of t that meet rows [r0, r1), row r0 starting at top; rows' heights in h. */
static void draw_rows(struct pdf *p, const struct lay_table *t, const struct report_cells *c,
		      const double *x, const double *h, int r0, int r1, double top)
{
	double ytop[PDF_MAX_ROWS + 1];

	ytop[r0] = top;
	for (int r = r0; r < r1; r++)
		ytop[r + 1] = ytop[r] + h[r];
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
		page_rect(&p->pg, x[lc->col], y0, x[lc->col + lc->colspan] - x[lc->col], y1 - y0, RULE_W);
		n = cell_text(p, t, c, x, lc);
		th = n * fonts[p->tfont].leading;
		page_draw_lines(&p->pg, 0, n, x[lc->col] + CELL_PAD_X, y0 + (y1 - y0 - th) / 2,
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
	p->pg.y += TABLE_GAP / 2;
	if (p->pg.y + (all <= BOTTOM - MARGIN_TOP ? all : head + h[t->header_rows]) > BOTTOM)
		page_new_page(&p->pg);
	r0 = 0;
	while (r0 < t->nrows) {
		double y = p->pg.y;
		int r1 = r0;

		while (r1 < t->nrows && (y + h[r1] <= BOTTOM || r1 == r0))
			y += h[r1++];
		draw_rows(p, t, c, x, h, r0, r1, p->pg.y);
		p->pg.y = y;
		r0 = r1;
		if (r0 < t->nrows) {
			page_new_page(&p->pg);
			if (t->header_rows && r0 > t->header_rows) {
				draw_rows(p, t, c, x, h, 0, t->header_rows, p->pg.y);
				p->pg.y += head;
			}
		}
	}
	p->pg.y += TABLE_GAP;
	return p->pg.rc;
}

/* ---- the document ---------------------------------------------------------------------- */

/* Lay the report out on pages and append it to out: as a PDF, or — ofd given — as the OFD
 * that recorded the same pages (the PDF then is not kept). */
static int lay_out(const struct annual_report *r, struct buf *out, struct ofd *ofd,
		   struct gk_error *e)
{
	static const struct walk_ops ops = { on_title, on_heading, on_para, on_table };
	struct page_meta meta = { NULL, r->agency ? r->agency : "", 0, 0, 0 };
	struct pdf p;
	struct buf title;
	int rc;

	if (!r->cells.fmt)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	buf_init(&title, 0);
	if ((rc = fmt_title(r->agency, r->year, &title)) != 0) {
		buf_free(&title);
		return rc;
	}
	meta.title = title.ptr;
	date_split((int)(walk_fixed_time(r->year) / 86400), &meta.y, &meta.m, &meta.d);
	memset(&p, 0, sizeof p);
	buf_init(&p.pend, 0);
	page_open(&p.pg, fonts, F__MAX, F_FOOTER, &meta, ofd ? NULL : out, ofd);
	rc = walk_report(r, &ops, &p, e);
	flush_heading(&p, 0);
	if (rc == 0)
		rc = p.pg.rc;
	{
		int rc2 = page_close(&p.pg, rc == 0);

		if (rc == 0)
			rc = rc2;
	}
	if (rc == 0 && ofd)
		rc = ofd_finish(ofd, &meta, out);
	buf_free(&p.pend);
	buf_free(&title);
	return rc;
}

int render_pdf(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	int rc = lay_out(r, out, NULL, e);

	if (rc && e && !e->code)
		err_set(e, rc, "report", rc == ERR_LIMIT ? "the PDF is larger than the output allows"
							  : "cannot write the report as PDF");
	return rc;
}

int render_ofd(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	struct ofd *o = ofd_new(fonts, F__MAX);
	int rc = lay_out(r, out, o, e);

	ofd_free(o);
	if (rc && e && !e->code)
		err_set(e, rc, "report", rc == ERR_LIMIT ? "the OFD is larger than the output allows"
							  : "cannot write the report as OFD");
	return rc;
}

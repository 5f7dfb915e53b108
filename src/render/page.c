/*
 * page.c — the page engine: lines and rules placed on A4 pages, drawn by cairo into a PDF and
 * recorded for an OFD at the same positions (see page.h).
 * Deterministic: the creation date in the PDF's information is the document's, nothing else in
 * cairo's output depends on the clock.
 * May use base/ and text/.
 */
#include "render/page.h"

#include <stdio.h>
#include <string.h>

#include "render/ofd.h"

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct page *p = closure;

	if (p->out == NULL)
		return CAIRO_STATUS_SUCCESS;   /* an OFD is recorded: the PDF is not wanted */
	if (p->rc == 0)
		p->rc = buf_append(p->out, data, len);
	return p->rc ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

void page_open(struct page *p, const struct page_font *fonts, int nfonts, int footer_font,
	       const struct page_meta *meta, struct buf *out, struct ofd *ofd)
{
	char date[32];

	memset(p, 0, sizeof *p);
	p->fonts = fonts;
	p->nfonts = nfonts < PAGE_MAX_FONTS ? nfonts : PAGE_MAX_FONTS;
	p->footer_font = footer_font;
	p->out = out;
	p->ofd = ofd;
	p->page = 1;
	p->y = PAGE_MARGIN_TOP;
	buf_init(&p->num, 64);
	snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00Z", meta->y, meta->m, meta->d);
	p->surface = cairo_pdf_surface_create_for_stream(write_out, p, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
				       meta->title ? meta->title : "");
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR,
				       meta->author ? meta->author : "");
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "gongkai");
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	p->cr = cairo_create(p->surface);
	p->layout = pango_cairo_create_layout(p->cr);
	/* sizes in points: cairo's PDF unit is the point, Pango's default resolution 96 dpi */
	pango_cairo_context_set_resolution(pango_layout_get_context(p->layout), 72);
	pango_context_set_language(pango_layout_get_context(p->layout),
				   pango_language_from_string("zh-cn"));
	pango_layout_context_changed(p->layout);
	for (int f = 0; f < p->nfonts; f++)
		p->font[f] = pango_font_description_from_string(fonts[f].desc);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

/* The page number "— N —" centred below the text area. */
static void footer(struct page *p)
{
	buf_reset(&p->num);
	if (p->rc == 0)
		p->rc = buf_printf(&p->num, "— %d —", p->page);
	page_set_text(p, p->footer_font, buf_cstr(&p->num), p->num.len, PAGE_TEXT_W, 0,
		      PANGO_ALIGN_CENTER, 0);
	page_draw_lines(p, 0, 1, PAGE_MARGIN_LEFT, PAGE_BOTTOM + 7 * PAGE_MM,
			p->fonts[p->footer_font].leading);
}

static void show_page(struct page *p)
{
	footer(p);
	cairo_show_page(p->cr);
	if (p->ofd && p->rc == 0)
		p->rc = ofd_page_end(p->ofd);
}

int page_close(struct page *p, int finish)
{
	int rc;

	if (finish && p->rc == 0)
		show_page(p);
	for (int f = 0; f < p->nfonts; f++)
		pango_font_description_free(p->font[f]);
	g_object_unref(p->layout);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	rc = p->rc;
	if (rc == 0 && cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		rc = ERR_INTERNAL;
	cairo_surface_destroy(p->surface);
	buf_free(&p->num);
	return rc;
}

void page_set_text(struct page *p, int f, const char *s, size_t len, double width, double indent,
		   PangoAlignment align, int justify)
{
	p->cur_font = f;
	pango_layout_set_font_description(p->layout, p->font[f]);
	pango_layout_set_width(p->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_indent(p->layout, (int)(indent * PANGO_SCALE));
	pango_layout_set_alignment(p->layout, align);
	pango_layout_set_justify(p->layout, justify);
	pango_layout_set_text(p->layout, s, (int)len);
}

int page_nlines(struct page *p)
{
	return pango_layout_get_line_count(p->layout);
}

void page_draw_lines(struct page *p, int from, int to, double x, double top, double leading)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	double size = (double)pango_font_description_get_size(p->font[p->cur_font]) / PANGO_SCALE;
	int i = 0;

	do {
		PangoLayoutLine *line;
		PangoRectangle logical, lr;
		double lx, base;

		if (i < from)
			continue;
		if (i >= to)
			break;
		line = pango_layout_iter_get_line_readonly(it);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		pango_layout_line_get_extents(line, NULL, &lr);
		lx = x + (double)logical.x / PANGO_SCALE;
		base = top + (i - from) * leading + (leading - (double)lr.height / PANGO_SCALE) / 2 -
		       (double)lr.y / PANGO_SCALE;
		cairo_move_to(p->cr, lx, base);
		pango_cairo_show_layout_line(p->cr, line);
		if (p->ofd && p->rc == 0)
			p->rc = ofd_line(p->ofd, p->cur_font, size, line, lx, base);
	} while (i++, pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void page_new_page(struct page *p)
{
	show_page(p);
	p->page++;
	p->y = PAGE_MARGIN_TOP;
}

int page_clean_text(const char *s, size_t len, struct buf *out)
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

void page_text_block(struct page *p, int f, const char *text, size_t text_len, double width,
		     double indent, PangoAlignment align, int justify, double keep)
{
	double leading = p->fonts[f].leading;
	struct buf t;
	int n;

	buf_init(&t, 0);
	if (p->rc == 0)
		p->rc = page_clean_text(text, text_len, &t);
	if (p->y + leading + keep > PAGE_BOTTOM && p->y > PAGE_MARGIN_TOP)
		page_new_page(p);
	page_set_text(p, f, buf_cstr(&t), t.len, width, indent, align, justify);
	n = page_nlines(p);
	for (int i = 0; i < n;) {
		int fit = (int)((PAGE_BOTTOM - p->y) / leading);

		if (fit < 1) {
			page_new_page(p);   /* the footer used the layout: lay the text out again */
			page_set_text(p, f, buf_cstr(&t), t.len, width, indent, align, justify);
			continue;
		}
		if (fit > n - i)
			fit = n - i;
		page_draw_lines(p, i, i + fit, PAGE_MARGIN_LEFT, p->y, leading);
		p->y += fit * leading;
		i += fit;
	}
	buf_free(&t);
}

void page_rect(struct page *p, double x, double y, double w, double h, double lw)
{
	cairo_set_line_width(p->cr, lw);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	if (p->ofd && p->rc == 0)
		p->rc = ofd_rect(p->ofd, x, y, w, h, lw);
}

/*
 * ofd.c — the OFD recorder and package (see ofd.h; GB/T 33190-2016 §7: the package, §8 the
 * document, §9 the page, §11 graphics, §12 text).
 * May use base/ and text/.
 */
#include "render/ofd.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/crypto.h"
#include "base/mem.h"
#include "render/docx_pkg.h"
#include "render/zip_pkg.h"

#define OFD_NS "http://www.ofdspec.org/2016"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define PT_MM (25.4 / 72.0)
#define OFD_MAX_PAGES 2000
#define OFD_MAX_FONTS 8

struct ofd {
	const struct page_font *fonts;
	int nfonts;
	struct buf cur;        /* the objects of the page being recorded */
	struct buf *pages;     /* each finished page's Content.xml */
	unsigned *page_ids;
	size_t npages, cap;
	unsigned next_id;      /* the last ID given (the fonts have 1..nfonts) */
};

struct ofd *ofd_new(const struct page_font *fonts, int n)
{
	struct ofd *o = xcalloc(1, sizeof *o);

	o->fonts = fonts;
	o->nfonts = n < OFD_MAX_FONTS ? n : OFD_MAX_FONTS;
	o->next_id = (unsigned)o->nfonts;
	buf_init(&o->cur, 0);
	return o;
}

void ofd_free(struct ofd *o)
{
	if (o == NULL)
		return;
	for (size_t i = 0; i < o->npages; i++)
		buf_free(&o->pages[i]);
	free(o->pages);
	free(o->page_ids);
	buf_free(&o->cur);
	free(o);
}

/* A length in millimetres, three decimals, trailing zeros dropped ("12.5", "0"). */
static int put_mm(struct buf *b, double v)
{
	long long k = llround(v * 1000.0);
	int rc;

	if (k < 0) {
		if ((rc = buf_putc(b, '-')) != 0)
			return rc;
		k = -k;
	}
	if (k % 1000 == 0)
		return buf_printf(b, "%lld", k / 1000);
	if (k % 100 == 0)
		return buf_printf(b, "%lld.%lld", k / 1000, (k % 1000) / 100);
	if (k % 10 == 0)
		return buf_printf(b, "%lld.%02lld", k / 1000, (k % 1000) / 10);
	return buf_printf(b, "%lld.%03lld", k / 1000, k % 1000);
}

/* "x y w h" in millimetres. */
static int put_box(struct buf *b, double x, double y, double w, double h)
{
	int rc;

	if ((rc = put_mm(b, x)) || (rc = buf_putc(b, ' ')) || (rc = put_mm(b, y)) ||
	    (rc = buf_putc(b, ' ')) || (rc = put_mm(b, w)) || (rc = buf_putc(b, ' ')))
		return rc;
	return put_mm(b, h);
}

/* The length of the UTF-8 sequence starting with byte c (1 for a stray byte). */
static int u8len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* A character that is not drawn: a control character or a line / paragraph separator. */
static int invisible(const char *s, int n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 1)
		return u[0] < 0x20 || u[0] == 0x7F;
	return n == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9);
}

/* One run of a line as a TextObject at x0 (pt, the run's start) on the baseline: its
 * characters placed where Pango put their clusters. */
static int text_run(struct ofd *o, int f, double size, const char *text, PangoGlyphItem *gi,
		    double x0, double base)
{
	PangoItem *item = gi->item;
	PangoGlyphString *gs = gi->glyphs;
	const char *s = text + item->offset;
	int len = item->length, width = 0, nchars = 0, rc = 0;
	int *at = xmalloc(((size_t)len + 1) * sizeof *at);
	double first = 0, prev = 0;
	struct buf code, dx;

	for (int i = 0; i < len; i++)
		at[i] = -1;
	for (int g = 0; g < gs->num_glyphs; g++) {
		int c = gs->log_clusters[g];

		if (c >= 0 && c < len && at[c] < 0)
			at[c] = width;
		width += gs->glyphs[g].geometry.width;
	}
	buf_init(&code, 0);
	buf_init(&dx, 0);
	for (int i = 0, last = 0; i < len && rc == 0;) {
		int n = u8len((unsigned char)s[i]);
		double cx;

		if (i + n > len)
			n = len - i;
		if (at[i] >= 0)
			last = at[i];
		cx = (double)last / PANGO_SCALE;
		if (!invisible(s + i, n)) {
			if (nchars == 0)
				first = cx;
			else if ((dx.len && (rc = buf_putc(&dx, ' '))) || (rc = put_mm(&dx, (cx - prev) * PT_MM)))
				break;
			prev = cx;
			nchars++;
			rc = docx_text(&code, s + i, (size_t)n);
		}
		i += n;
	}
	free(at);
	if (rc == 0 && nchars > 0) {
		/* the box of the run: from an em above the baseline to 0.35 em below it */
		double bx = x0 + first, bw = (double)width / PANGO_SCALE - first + size;

		o->next_id++;
		if ((rc = buf_printf(&o->cur, "<ofd:TextObject ID=\"%u\" Boundary=\"", o->next_id)) ||
		    (rc = put_box(&o->cur, bx * PT_MM, (base - size) * PT_MM, bw * PT_MM, size * 1.35 * PT_MM)) ||
		    (rc = buf_printf(&o->cur, "\" Font=\"%d\" Size=\"", f + 1)) ||
		    (rc = put_mm(&o->cur, size * PT_MM)) ||
		    (rc = buf_puts(&o->cur, "\"><ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"")) ||
		    (rc = put_mm(&o->cur, size * PT_MM)) || (rc = buf_putc(&o->cur, '"')))
			goto out;
		if (dx.len && ((rc = buf_puts(&o->cur, " DeltaX=\"")) || (rc = buf_append(&o->cur, dx.ptr, dx.len)) ||
			       (rc = buf_putc(&o->cur, '"'))))
			goto out;
		if ((rc = buf_putc(&o->cur, '>')) || (rc = buf_append(&o->cur, code.ptr, code.len)) ||
		    (rc = buf_puts(&o->cur, "</ofd:TextCode></ofd:TextObject>\n")))
			goto out;
	}
out:
	buf_free(&code);
	buf_free(&dx);
	return rc;
}

int ofd_line(struct ofd *o, int f, double size, PangoLayoutLine *line, double x, double baseline)
{
	const char *text = pango_layout_get_text(line->layout);
	double run_x = x;
	int rc = 0;

	if (f < 0 || f >= o->nfonts)
		return ERR_INTERNAL;
	for (GSList *l = line->runs; l && rc == 0; l = l->next) {
		PangoGlyphItem *gi = l->data;
		int w = 0;

		for (int g = 0; g < gi->glyphs->num_glyphs; g++)
			w += gi->glyphs->glyphs[g].geometry.width;
		rc = text_run(o, f, size, text, gi, run_x, baseline);
		run_x += (double)w / PANGO_SCALE;
	}
	return rc;
}

int ofd_rect(struct ofd *o, double x, double y, double w, double h, double lw)
{
	/* the box reaches a rule beyond the rectangle, so no stroke is clipped */
	const double pt[4][2] = { { lw, lw }, { w + lw, lw }, { w + lw, h + lw }, { lw, h + lw } };
	int rc;

	o->next_id++;
	if ((rc = buf_printf(&o->cur, "<ofd:PathObject ID=\"%u\" Boundary=\"", o->next_id)) ||
	    (rc = put_box(&o->cur, (x - lw) * PT_MM, (y - lw) * PT_MM, (w + 2 * lw) * PT_MM,
			  (h + 2 * lw) * PT_MM)) ||
	    (rc = buf_puts(&o->cur, "\" LineWidth=\"")) || (rc = put_mm(&o->cur, lw * PT_MM)) ||
	    (rc = buf_puts(&o->cur, "\"><ofd:StrokeColor Value=\"0 0 0\"/><ofd:AbbreviatedData>")))
		return rc;
	for (int i = 0; i < 4 && rc == 0; i++)
		if ((rc = buf_puts(&o->cur, i ? " L " : "M ")) == 0 &&
		    (rc = put_mm(&o->cur, pt[i][0] * PT_MM)) == 0 && (rc = buf_putc(&o->cur, ' ')) == 0)
			rc = put_mm(&o->cur, pt[i][1] * PT_MM);
	if (rc == 0)
		rc = buf_puts(&o->cur, " C</ofd:AbbreviatedData></ofd:PathObject>\n");
	return rc;
}

int ofd_page_end(struct ofd *o)
{
	struct buf *pg;
	int rc;

	if (o->npages >= OFD_MAX_PAGES)
		return ERR_LIMIT;
	if (o->npages == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 8;
		o->pages = xrealloc(o->pages, o->cap * sizeof *o->pages);
		o->page_ids = xrealloc(o->page_ids, o->cap * sizeof *o->page_ids);
	}
	pg = &o->pages[o->npages];
	buf_init(pg, 0);
	o->page_ids[o->npages] = ++o->next_id;
	o->next_id++;   /* the page's layer */
	if ((rc = buf_printf(pg, XML_DECL "<ofd:Page xmlns:ofd=\"" OFD_NS "\"><ofd:Content>"
			     "<ofd:Layer ID=\"%u\" Type=\"Body\">\n", o->next_id)) ||
	    (rc = buf_append(pg, o->cur.ptr, o->cur.len)) ||
	    (rc = buf_puts(pg, "</ofd:Layer></ofd:Content></ofd:Page>\n"))) {
		buf_free(pg);
		return rc;
	}
	o->npages++;
	buf_reset(&o->cur);
	return 0;
}

/* Doc_0/PublicRes.xml: the fonts, ID 1.. in the order of the roles. */
static int public_res(const struct ofd *o, struct buf *b)
{
	int rc = buf_puts(b, XML_DECL "<ofd:Res xmlns:ofd=\"" OFD_NS "\" BaseLoc=\"Res\"><ofd:Fonts>\n");

	for (int f = 0; f < o->nfonts && rc == 0; f++)
		rc = buf_printf(b, "<ofd:Font ID=\"%d\" FontName=\"%s\" FamilyName=\"%s\"%s/>\n", f + 1,
				o->fonts[f].ofd_name, o->fonts[f].ofd_family,
				o->fonts[f].ofd_serif ? " Serif=\"true\"" : "");
	return rc ? rc : buf_puts(b, "</ofd:Fonts></ofd:Res>\n");
}

/* Doc_0/Document.xml: the common data (A4) and the pages. */
static int document_xml(const struct ofd *o, struct buf *b)
{
	int rc = buf_printf(b, XML_DECL "<ofd:Document xmlns:ofd=\"" OFD_NS "\"><ofd:CommonData>"
			    "<ofd:MaxUnitID>%u</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
			    "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
			    "</ofd:CommonData><ofd:Pages>\n", o->next_id);

	for (size_t i = 0; i < o->npages && rc == 0; i++)
		rc = buf_printf(b, "<ofd:Page ID=\"%u\" BaseLoc=\"Pages/Page_%zu/Content.xml\"/>\n",
				o->page_ids[i], i);
	return rc ? rc : buf_puts(b, "</ofd:Pages></ofd:Document>\n");
}

/* OFD.xml: the entry, with the document's information. The DocID is the SHA-256 of the pages
 * cut to 128 bits, as 32 hex digits (the same pages give the same ID). */
static int ofd_xml(const struct ofd *o, const struct page_meta *meta, struct buf *b)
{
	char hex[CRYPTO_SHA256_HEX];
	struct buf all;
	int rc = 0;

	buf_init(&all, 0);
	for (size_t i = 0; i < o->npages && rc == 0; i++)
		rc = buf_append(&all, o->pages[i].ptr, o->pages[i].len);
	if (rc == 0) {
		crypto_sha256_hex(all.ptr ? all.ptr : "", all.len, hex);
		hex[32] = '\0';
	}
	buf_free(&all);
	if (rc)
		return rc;
	if ((rc = buf_printf(b, XML_DECL "<ofd:OFD xmlns:ofd=\"" OFD_NS "\" Version=\"1.0\" "
			     "DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>%s</ofd:DocID>"
			     "<ofd:Title>", hex)) ||
	    (rc = docx_text(b, meta->title ? meta->title : "", meta->title ? strlen(meta->title) : 0)) ||
	    (rc = buf_puts(b, "</ofd:Title><ofd:Author>")) ||
	    (rc = docx_text(b, meta->author ? meta->author : "", meta->author ? strlen(meta->author) : 0)))
		return rc;
	return buf_printf(b, "</ofd:Author><ofd:CreationDate>%04d-%02d-%02d</ofd:CreationDate>"
			  "<ofd:Creator>gongkai</ofd:Creator></ofd:DocInfo>"
			  "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n",
			  meta->y, meta->m, meta->d);
}

int ofd_finish(struct ofd *o, const struct page_meta *meta, struct buf *out)
{
	struct buf entry, doc, res;
	struct zip_part *parts = xcalloc(o->npages + 3, sizeof *parts);
	char (*names)[48] = xcalloc(o->npages + 1, sizeof *names);
	int rc;

	buf_init(&entry, 0);
	buf_init(&doc, 0);
	buf_init(&res, 0);
	if ((rc = ofd_xml(o, meta, &entry)) || (rc = document_xml(o, &doc)) || (rc = public_res(o, &res)))
		goto out;
	parts[0] = (struct zip_part){ "OFD.xml", entry.ptr, entry.len };
	parts[1] = (struct zip_part){ "Doc_0/Document.xml", doc.ptr, doc.len };
	parts[2] = (struct zip_part){ "Doc_0/PublicRes.xml", res.ptr, res.len };
	for (size_t i = 0; i < o->npages; i++) {
		snprintf(names[i], sizeof names[i], "Doc_0/Pages/Page_%zu/Content.xml", i);
		parts[3 + i] = (struct zip_part){ names[i], o->pages[i].ptr, o->pages[i].len };
	}
	rc = zip_package(parts, o->npages + 3, 9, meta->y, meta->m, meta->d, out);
out:
	free(parts);
	free(names);
	buf_free(&entry);
	buf_free(&doc);
	buf_free(&res);
	return rc;
}

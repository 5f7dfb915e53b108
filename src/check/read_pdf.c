/*
 * read_pdf.c — the PDF reader (poppler-glib; see reader.h).
 *
 * poppler gives each page's text and a box per character (poppler_page_get_text_layout); the
 * rows are rebuilt from those positions by pdf_layout.c. The document's title is a META row,
 * like an HTML <title>, and so is its author as "发布机构:X" (gongkai puts the organ there; a
 * person's name is not taken for an organ). A page with fewer than 5 glyphs has no text layer
 * (a scan) and is counted in chk_doc.no_text; a page with some text (a heading, a page number)
 * and pictures over a fifth of its area — a table pasted as a screenshot — in
 * chk_doc.image_pages. A page whose text is garbled — a font without a ToUnicode map, so
 * poppler gives control, private-use or replacement characters, or Latin letters where Chinese
 * was printed — is counted in chk_doc.garbled and not read: its rows would be nonsense (an
 * invented organ or year, cells of stray digits). poppler's own messages are silenced.
 * Bounded: CHK_MAX_PAGES pages, PDF_MAX_GLYPHS glyphs, CHK_MAX_INPUT bytes.
 * This file is the only one that includes poppler.
 */
#include "check/reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "base/mem.h"
#include "check/decode.h"
#include "check/pdf_layout.h"
#include "text/utf8.h"

#define PDF_MAX_GLYPHS ((size_t)4 << 20)  /* per document */
#define PDF_PICTURE_PAGE_GLYPHS 600       /* more text than this: not a page of pictures */

/* What a page's characters are, to tell a text layer from a garbled one. */
struct pdf_chars {
	size_t all, han, latin, bad;
};

static void count_char(struct pdf_chars *k, int32_t cp)
{
	k->all++;
	if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFF))
		k->han++;
	else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
		k->latin++;
	/* controls, private use, U+FFFD, and accented Latin letters no Chinese report prints
	 * (× ÷ · ° and the like are kept out) */
	else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
		 cp >= 0xF0000 || cp == 0xFFFD ||
		 (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
		k->bad++;
}

/* 1 if the page's text is garbled: a fifth of it codes no text means anything by, or almost no
 * Chinese and mostly Latin letters (a font's codes read as ASCII). */
static int garbled(const struct pdf_chars *k)
{
	return k->all >= 5 && (k->bad * 5 >= k->all || (k->han * 10 < k->all && k->latin * 2 > k->all));
}

struct pctx {
	struct chk_doc *d;
	struct gk_error *e;
	struct pdf_edges edges;
	size_t glyphs;
	int rc;
};

static int limit(struct pctx *c, int rc)
{
	if (rc && !c->rc)
		c->rc = err_set(c->e, ERR_LIMIT, "", "PDF has too many rows or cells");
	return c->rc;
}

static size_t page_glyphs(struct pctx *c, PopplerPage *page, struct pdf_glyph **out,
			  struct pdf_chars *chars)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *r = NULL;
	guint nr = 0;
	size_t n = 0, i = 0, len;
	int space = 0;
	const char *p;

	*out = NULL;
	if (!text || !poppler_page_get_text_layout(page, &r, &nr) || nr == 0) {
		g_free(text);
		g_free(r);
		return 0;
	}
	len = strlen(text);
	*out = xcalloc(nr, sizeof **out);
	for (p = text; *p && i < nr; i++) {
		int32_t cp;
		size_t k = utf8_decode(p, len - (size_t)(p - text), &cp);
		if (k == 0)
			k = 1, cp = 0xFFFD;
		p += k;
		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0) {
			space = 1;
			continue;
		}
		if (cp != '\n' && cp != '\r')
			count_char(chars, cp);
		if (cp == '\n' || cp == '\r' || cp < 0x20 || r[i].x2 <= r[i].x1 || r[i].y2 <= r[i].y1)
			continue;
		if (c->glyphs++ >= PDF_MAX_GLYPHS)
			break;
		(*out)[n++] = (struct pdf_glyph){ (float)r[i].x1, (float)r[i].y1, (float)r[i].x2,
					      (float)r[i].y2, cp, space };
		space = 0;
	}
	g_free(text);
	g_free(r);
	return n;
}

/* 1 if the pictures of the page cover more than a fifth of it. */
static int mostly_picture(PopplerPage *page, double w, double h)
{
	GList *m = poppler_page_get_image_mapping(page);
	double area = 0;

	for (GList *l = m; l; l = l->next) {
		const PopplerRectangle *r = &((PopplerImageMapping *)l->data)->area;
		area += (r->x2 - r->x1) * (r->y2 - r->y1);
	}
	poppler_page_free_image_mapping(m);
	return area > 0.2 * w * h;
}

/* Read one page into the document. */
static void read_page(struct pctx *c, PopplerPage *page, int index)
{
	struct pdf_glyph *g = NULL;
	struct pdf_chars k = { 0 };
	size_t n = page_glyphs(c, page, &g, &k);
	double w, h;

	poppler_page_get_size(page, &w, &h);
	if (garbled(&k)) {
		if (c->d->garbled < (int)(sizeof c->d->garbled_page / sizeof c->d->garbled_page[0]))
			c->d->garbled_page[c->d->garbled] = index + 1;
		c->d->garbled++;
	} else if (n < 5) {
		c->d->no_text++;
	} else {
		/* pictures are looked for only on pages with little text: a page of a text table
		 * has hundreds of glyphs */
		if (n < PDF_PICTURE_PAGE_GLYPHS && mostly_picture(page, w, h) && !c->d->image_pages++)
			c->d->first_image_page = index + 1;
		if (!c->rc)
			c->rc = chk_pdf_page(c->d, g, n, (float)h, &c->edges, c->e);
	}
	free(g);
}

/* poppler reports damage in the file on stderr; the reader says what matters itself. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain, (void)level, (void)msg, (void)data;
}

/* An empty PDF of no pages, kept open (below). */
static const char empty_pdf[] = "%PDF-1.4\n"
				"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
				"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
				"trailer<</Root 1 0 R>>\n%%EOF\n";
static PopplerDocument *kept_open;

/* Once for the process: poppler's complaints about a damaged file are not ours to print
 * (a handler set at each read would pile up, one more for every PDF read); and poppler's
 * global parameters (its character names and encodings, built when a document is opened while
 * none is, dropped when the last one is closed — 60 % of the time reading a small PDF took)
 * are kept, by a document that stays open. */
static pthread_once_t poppler_once = PTHREAD_ONCE_INIT;

static void set_up_poppler(void)
{
	GBytes *bytes = g_bytes_new_static(empty_pdf, sizeof empty_pdf - 1);

	g_log_set_handler("Poppler", G_LOG_LEVEL_MASK, quiet, NULL);
	kept_open = poppler_document_new_from_bytes(bytes, NULL, NULL);
	g_bytes_unref(bytes);
}

int chk_read_pdf(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e)
{
	struct pctx *c;
	GBytes *bytes;
	GError *gerr = NULL;
	PopplerDocument *doc;
	int pages, rc = 0;

	if (len > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, "", "file is %zu bytes, larger than the %zu MB limit", len,
			       CHK_MAX_INPUT >> 20);
	pthread_once(&poppler_once, set_up_poppler);
	bytes = g_bytes_new_static(raw, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes);
	if (!doc) {
		rc = err_set(e, ERR_INVALID, "", "not a readable PDF: %s%s",
			     gerr && gerr->code == POPPLER_ERROR_ENCRYPTED ? "it is encrypted (" : "",
			     gerr ? gerr->message : "unknown error");
		if (gerr && gerr->code == POPPLER_ERROR_ENCRYPTED)
			rc = err_set(e, ERR_INVALID, "", "not a readable PDF: it is protected by a "
				     "password (文件已加密)");
		g_clear_error(&gerr);
		return rc;
	}
	pages = poppler_document_get_n_pages(doc);
	if (pages > CHK_MAX_PAGES) {
		g_object_unref(doc);
		return err_set(e, ERR_LIMIT, "", "PDF has %d pages, more than the %d read", pages,
			       CHK_MAX_PAGES);
	}
	c = xcalloc(1, sizeof *c);
	c->d = d, c->e = e;
	{
		/* the document's title, as an HTML <title>: page metadata, not report text */
		gchar *title = poppler_document_get_title(doc);
		if (title && *title && strlen(title) < 1024 && utf8_valid(title, strlen(title)))
			limit(c, chk_doc_line(d, title, strlen(title), CHK_ROW_META));
		g_free(title);
		/* the author, where a producer put the organ there (gongkai does; a person's name
		 * or "Administrator" is not taken for an organ by extraction) */
		gchar *author = poppler_document_get_author(doc);
		if (author && *author && strlen(author) < 200 && utf8_valid(author, strlen(author))) {
			char *line = xasprintf("发布机构:%s", author);
			limit(c, chk_doc_line(d, line, strlen(line), CHK_ROW_META));
			free(line);
		}
		g_free(author);
	}
	for (int i = 0; i < pages && !c->rc && c->glyphs < PDF_MAX_GLYPHS; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		read_page(c, page, i);
		g_object_unref(page);
	}
	if (c->glyphs >= PDF_MAX_GLYPHS && !c->rc)
		c->rc = err_set(e, ERR_LIMIT, "", "PDF has more than %zu characters", PDF_MAX_GLYPHS);
	d->pages = pages;
	rc = c->rc;
	free(c);
	g_object_unref(doc);
	return rc;
}

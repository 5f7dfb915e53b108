/*
 * extract_pdf.c — the text of a PDF, page by page (poppler-glib), pages separated by form
 * feeds, as pdftotext does. Runs only in the extraction process (extract.h); poppler is
 * included nowhere else in the extract module.
 */
#include <poppler.h>
#include <string.h>

#include "extract/extract_int.h"

#define PDF_PAGES_MAX 5000

const char *extract_pdf(const char *data, size_t len, struct buf *out)
{
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	const char *why = NULL;
	int n;

	if (doc == NULL) {
		if (err)
			g_error_free(err);
		g_bytes_unref(bytes);
		return "not a readable PDF";
	}
	n = poppler_document_get_n_pages(doc);
	if (n > PDF_PAGES_MAX) {
		n = PDF_PAGES_MAX;
		why = NULL;  /* the first pages are enough for search */
	}
	for (int i = 0; i < n; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		char *text = page ? poppler_page_get_text(page) : NULL;
		int full = (i && buf_putc(out, '\f')) || (text && buf_puts(out, text));
		g_free(text);
		if (page)
			g_object_unref(page);
		if (full)
			break;  /* the text limit: what fits is kept */
	}
	g_object_unref(doc);
	g_bytes_unref(bytes);
	return why;
}

/*
 * extract_pdf.c — the text of a PDF, page by page (poppler-glib), pages separated by form
 * feeds, as pdftotext does, each line that only wraps a Chinese sentence joined to the next.
 * Runs only in the extraction process (extract.h); poppler is included nowhere else in the
 * extract module.
 */
#include <poppler.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/normalise.h"
#include "text/utf8.h"

#define PDF_PAGES_MAX 5000

/* 1 if the character of s[0..len) at byte p is one the tokenizer joins across a line break
 * (search/tokenize.c: a Han character, or kana). */
static int ideo_at(const char *s, size_t len, size_t p)
{
	int32_t cp;

	return utf8_decode(s + p, len - p, &cp) > 0 && text_cp_class(cp) == TEXT_CP_IDEO;
}

/* Page text as poppler gives it (a line break at the end of each printed line) appended to
 * out, without the line breaks that fall between two Han characters: Chinese prose has no
 * space between words, so a printed line ends anywhere in a word (中华人民共和 | 国). Search
 * reads across such a break anyway (search/tokenize.h); without it, the passage shown under
 * a result shows the word whole. A break after punctuation, a letter or a digit is kept (a
 * line of a table or a list stays a line). Non-zero when out is full. */
static int put_page(const char *text, struct buf *out)
{
	size_t len = strlen(text), from = 0;
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i++) {
		if (text[i] != '\n' || i == 0 || i + 1 == len ||
		    !ideo_at(text, len, utf8_char_start(text, i - 1)) || !ideo_at(text, len, i + 1))
			continue;
		rc = buf_append(out, text + from, i - from);
		from = i + 1;
	}
	return rc ? rc : buf_append(out, text + from, len - from);
}

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
		int full = (i && buf_putc(out, '\f')) || (text && put_page(text, out));
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

/*
 * pdf_layout.h — the rows of a PDF page rebuilt from the positions of its glyphs (a cell is a
 * position, not a line of text); used by read_pdf.c, which takes the glyphs from poppler.
 * May call base/, text/utf8.h, check/doc.h.
 */
#ifndef GK_CHECK_PDF_LAYOUT_H
#define GK_CHECK_PDF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "check/doc.h"

#define PDF_EDGE_TEXTS 64  /* running headers / footers remembered across pages */

/* One glyph's box on the page (points, y growing downwards) and its character. */
struct pdf_glyph {
	float x1, y1, x2, y2;
	int32_t cp;
	int space_before;  /* the text had a space before it */
};

/* What earlier pages of the document showed: texts at their top or bottom edge (arena strings
 * of the document), and where their text was split in two columns (0: never). */
struct pdf_edges {
	const char *text[PDF_EDGE_TEXTS];
	int n;
	float gutter;
};

/* Append the rows of one page of height page_h, rebuilt from its glyphs g[0..n) (reordered by
 * the call), to d. ERR_LIMIT (in e) past the document's row or cell limits. */
int chk_pdf_page(struct chk_doc *d, struct pdf_glyph *g, size_t n, float page_h,
		 struct pdf_edges *edges, struct gk_error *e) GK_WUR;

#endif

/*
 * docx_pkg.h — the one WordprocessingML writer behind every Word document gongkai writes: the
 * annual report (docx.c) and the reply letter (letter.c). Inside render/ only.
 *
 * It holds the text writer (escaping, dropping what XML 1.0 forbids), paragraphs, the page
 * (A4, GB/T 9704 margins, "— N —" page number) and the package: the parts every document
 * shares (styles with the fonts of Chinese official documents, settings with zh-CN, the font
 * table, the footer, relationships) zipped by zip_pkg.h in a fixed order with fixed times, so the
 * same document gives the same bytes in every time zone (docs/render.md, Determinism).
 * Styles a caller may name: NULL (Normal: 仿宋_GB2312 三号, 28 pt line, two-character indent),
 * "Title" (方正小标宋简体 二号, centred), "Heading1" (黑体 三号), "TableText" (宋体 五号).
 * May use base/ and text/.
 */
#ifndef GK_RENDER_DOCX_PKG_H
#define GK_RENDER_DOCX_PKG_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

#define DOCX_TEXT_WIDTH 8844   /* twips: 210 mm − 28 mm − 26 mm */

/* Append s[0..len) (valid UTF-8) as XML character data: & < > escaped, the control
 * characters XML 1.0 forbids (and U+FFFE, U+FFFF) dropped; tabs and line feeds kept. */
int docx_text(struct buf *out, const char *s, size_t len) GK_WUR;

/* A paragraph of style (NULL: Normal) with extra w:pPr content pr (may be ""): the text in
 * runs, '\t' as w:tab, '\n' as w:br, '\r' dropped. */
int docx_para(struct buf *out, const char *style, const char *pr, const char *s,
	      size_t len) GK_WUR;

/* The head of word/document.xml, up to and including <w:body>. */
int docx_body_begin(struct buf *out) GK_WUR;
/* The A4 section (GB/T 9704 margins, the page-number footer) and the end of the document. */
int docx_body_end(struct buf *out) GK_WUR;

/* What docProps/core.xml says; y-m-d is the creation date (00:00 UTC) and, as 00:00 local
 * time, the modification time of every zip entry. */
struct docx_meta {
	const char *title;
	const char *creator;
	int y, m, d;
};

/* Zip document (a whole word/document.xml) with the shared parts into a .docx appended to
 * out. ERR_LIMIT when out is full, ERR_INTERNAL when libzip fails. */
int docx_package(const struct buf *document, const struct docx_meta *meta,
		 struct buf *out) GK_WUR;

#endif

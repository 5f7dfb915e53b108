/*
 * reader.h — read a captured annual report (text, Markdown, HTML, HTML inside a script string,
 * PDF, DOCX, XLSX, gongkai JSON) into the neutral row/cell form of doc.h.
 *
 * chk_read (read.c) picks the reader by the file's content (sniff.h; the name only breaks
 * ties), decodes the charset (decode.h) and runs the reader; WPS / Office 97–2003 binaries, OFD
 * and images are refused with a message saying what the file is. Every reader is bounded: input above CHK_MAX_INPUT, tables
 * above CHK_MAX_CELLS, nesting deeper than CHK_MAX_DEPTH or more than CHK_MAX_STEPS parse
 * steps end in ERR_LIMIT with a message, never a hang or a crash. A broken input (malformed
 * zip, a DOCX without word/document.xml) is ERR_INVALID naming what is wrong.
 * libxml2, libzip and poppler are included only by the reader files behind this header.
 * May call base/, text/ and check/doc.h, check/decode.h, check/sniff.h.
 */
#ifndef GK_CHECK_READER_H
#define GK_CHECK_READER_H

#include <stddef.h>

#include "base/err.h"
#include "check/doc.h"

#define CHK_MAX_DEPTH 256             /* element nesting followed in HTML / DOCX */
#define CHK_MAX_DOCX_XML ((size_t)64 << 20)  /* word/document.xml, uncompressed */
#define CHK_MAX_PAGES 2000            /* PDF pages read */

/* Read raw bytes s[0..len) into d (initialised by the call; free with chk_doc_free even on
 * error). name (may be NULL) is the file name, used only to break ties. */
int chk_read(const char *s, size_t len, const char *name, struct chk_doc *d,
	     struct gk_error *e) GK_WUR;

/* Read a file (at most CHK_MAX_INPUT bytes; a larger file is refused before reading). */
int chk_read_file(const char *path, struct chk_doc *d, struct gk_error *e) GK_WUR;

/* The individual readers. Text, Markdown and JSON readers take valid UTF-8; the HTML and DOCX
 * readers take the raw bytes (HTML is decoded by its declared or sniffed charset, DOCX is
 * UTF-8 XML inside a zip). d must be initialised with chk_doc_init. */
int chk_read_text(const char *utf8, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;
int chk_read_html(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;
int chk_read_docx(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;
int chk_read_xlsx(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;
int chk_read_pdf(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;
/* The HTML reader on text already decoded to UTF-8 (a page taken out of a script string). */
int chk_read_html_utf8(const char *utf8, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;
int chk_read_json(const char *utf8, size_t len, struct chk_doc *d, struct gk_error *e) GK_WUR;

/* Add one line of text to d the way the text reader does: tab- or `|`-separated cells become
 * a table row, a label followed by numbers becomes label + number cells, a lone `|` is an
 * empty cell, `||` a separator, anything else one prose cell. Used by the DOCX reader for
 * paragraphs. */
int chk_text_line(struct chk_doc *d, const char *s, size_t len, unsigned flags) GK_WUR;

#endif

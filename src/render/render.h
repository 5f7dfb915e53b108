/*
 * render.h — write an annual report (format/report.h) as text, Markdown, HTML, JSON, XLSX, DOCX
 * or PDF.
 *
 *   txt   laid out exactly like the reference report (shared/corpus/reference-cizhouzhai-2024.txt):
 *         its heading levels, tab-separated table rows with empty group cells, and its printed
 *         forms of the labels ("(一) 予以公开", "结果 维持"); see txt.c.
 *   md    Markdown: the six headings, the narrative, each table as a pipe table on the grid of
 *         the official geometry (layout.h), exact labels.
 *   html  a complete page (UTF-8, lang zh-CN) with the official rowspan/colspan geometry; all
 *         text goes through the one escaping writer (tpl_escape_html, render/tpl.h).
 *   json  {"agency","year","format","cells":{id:number},"sections":{id:text},
 *         "findings":[{"rule","severity","cells","message"}]}: every cell of the format in
 *         format order (zeros included; ABSENT or BLANK cells are null), money in 万元 exactly.
 *   xlsx  the three tables, one A4 sheet each, merged cells as the official layout (xlsx.c).
 *   docx  A4 Word document: title, headings, narrative, real tables with the official merges,
 *         zh-CN, the fonts of Chinese official documents (docx.c).
 *   pdf   A4, the same typography with Noto CJK fonts embedded, text selectable (pdf.c).
 *   svg   the 图解: the report's figures as one picture (figure.c, drawn by draw_svg), every
 *         number a cell of the report, with the previous year's beside it when r->prev is set.
 *   png, figure.pdf  the same drawing through cairo (draw_cairo.c): a PNG at 2 pixels per
 *         unit, and one PDF page the size of the picture with its fonts embedded.
 *   ofd   the pages of the PDF, laid out by the same engine (page.h), as OFD (GB/T 33190,
 *         ofd.h): the national format for electronic official documents.
 * Output is deterministic: the same report gives the same bytes. Money is printed in 万元 with
 * at most 4 decimals (json: exact).
 * May use base/, text/ and format/.
 */
#ifndef GK_RENDER_RENDER_H
#define GK_RENDER_RENDER_H

#include "format/report.h"
#include "format/rules.h"

enum render_kind {
	RENDER_TXT = 0, RENDER_MD, RENDER_HTML, RENDER_JSON,
	RENDER_XLSX, RENDER_DOCX, RENDER_PDF,   /* binary: zip packages, a PDF file */
	RENDER_SVG,                             /* the 图解 (figure.c) */
	RENDER_PNG, RENDER_FIGURE_PDF,          /* binary: the same 图解 drawn by cairo */
	RENDER_OFD,                             /* binary: the PDF's pages as OFD (ofd.h) */
	RENDER__MAX
};

/* "txt" "md" "html" "json" "xlsx" "docx" "pdf" "svg" "png" "figure.pdf" "ofd" → kind, or
 * -1. */
int render_kind_by_name(const char *name);
/* The kind's name ("txt"), or NULL. */
const char *render_kind_name(enum render_kind k);
/* The kind's media type for HTTP ("application/pdf"), or NULL. */
const char *render_kind_type(enum render_kind k);
/* 1 for the kinds whose output is not text (xlsx, docx, pdf, png, figure.pdf, ofd): not for
 * a terminal. */
int render_kind_binary(enum render_kind k);

/* 1 for the kinds publication freezes (report_publish): every kind but png and figure.pdf,
 * the cairo drawings of the 图解, which are drawn on request from the frozen cells (drawing
 * a 1440-pixel-wide PNG takes about a second; the frozen SVG is the same drawing), and ofd,
 * laid out on request from the frozen cells by the engine of the frozen PDF (render.c's
 * table says it for each kind). */
int render_kind_frozen(enum render_kind k);

/* Append the report r in the given kind to out. findings: what to list in JSON (NULL: the
 * findings of rules_check with default options); other kinds ignore it. ERR_INVALID naming the
 * field when r has no format, a section is not valid UTF-8, or kind is unknown; ERR_LIMIT when
 * out is full. */
int render_report(const struct annual_report *r, enum render_kind kind,
		  const struct findings *findings, struct buf *out, struct gk_error *e) GK_WUR;

int render_txt(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_md(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_html(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_json(const struct annual_report *r, const struct findings *findings, struct buf *out,
		struct gk_error *e) GK_WUR;
/* The binary kinds (xlsx.c, docx.c, pdf.c; docs/render.md): byte-for-byte reproducible. */
int render_xlsx(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_docx(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_pdf(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_ofd(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;

/* The 图解 of r (figure.c) as a drawing (draw.h; draw_free it, also after a failure), and
 * written as SVG. */
struct drawing;
int render_figure(const struct annual_report *r, struct drawing *d, struct gk_error *e) GK_WUR;
int render_svg(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_png(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;
int render_figure_pdf(const struct annual_report *r, struct buf *out, struct gk_error *e) GK_WUR;

/* A plain official document as a .docx appended to out: the title, body (one paragraph a
 * line), the organ and the date (day) at the end (render/textdoc.c). */
int render_textdoc_docx(const char *title, const char *body, const char *organ, int day,
			struct buf *out, struct gk_error *e) GK_WUR;

#endif

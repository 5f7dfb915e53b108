/*
 * ofd.h — OFD (GB/T 33190-2016, 电子文件存储与交换格式 版式文档), the national format for
 * electronic official documents: a recorder that the page engine (page.h) hands every line it
 * draws and every rule it strokes, and the package written from it.
 *
 * The package (a zip, zip_pkg.h): OFD.xml (the entry: DocInfo with DocID, Title, Author,
 * CreationDate, Creator; DocRoot), Doc_0/Document.xml (CommonData with MaxUnitID, the A4 page
 * area 0 0 210 297 and PublicRes; Pages), Doc_0/PublicRes.xml (the fonts) and one
 * Doc_0/Pages/Page_N/Content.xml per page with one Body layer: a TextObject per run of text
 * (its Boundary, Font, Size, a black FillColor and one TextCode with X, Y and the DeltaX of
 * every character as Pango placed it) and a PathObject per rule. Units are millimetres; every
 * ID is unique in the document and MaxUnitID is the largest.
 * Fonts are not embedded: they are named as the fonts of official documents are installed on
 * 麒麟 (Kylin) and 统信 (UOS) systems (OFD_FONT_*: 方正小标宋_GBK, 方正黑体_GBK, 方正仿宋_GBK,
 * 方正书宋_GBK), with the generic family as FamilyName (宋体, 黑体, 仿宋) for readers that map by
 * family. Every character's position is explicit, so the reader's face does not move the text.
 * Deterministic: the DocID is a hash of the pages, every date the document's.
 * May use base/ and text/; ofd.c includes pango for the glyph positions of a line.
 */
#ifndef GK_RENDER_OFD_H
#define GK_RENDER_OFD_H

#include <pango/pango.h>

#include "base/buf.h"
#include "base/err.h"
#include "render/page.h"

/* The OFD name, family and serif flag of each role of font (struct page_font's tail). */
#define OFD_FONT_TITLE "方正小标宋_GBK", "宋体", 1     /* 方正小标宋简体: the title */
#define OFD_FONT_HEADING "方正黑体_GBK", "黑体", 0     /* 黑体: headings */
#define OFD_FONT_BODY "方正仿宋_GBK", "仿宋", 1        /* 仿宋_GB2312: the text */
#define OFD_FONT_TABLE "方正书宋_GBK", "宋体", 1       /* 宋体: tables, page numbers */

struct ofd;

/* A recorder for a document whose fonts are fonts[0..n) (static). Never NULL. */
struct ofd *ofd_new(const struct page_font *fonts, int n);
void ofd_free(struct ofd *o);

/* Record the laid-out line drawn with font f (size pt) whose baseline starts at x, baseline
 * (pt from the top left of the page). ERR_LIMIT when the page grows too large. */
int ofd_line(struct ofd *o, int f, double size, PangoLayoutLine *line, double x,
	     double baseline) GK_WUR;

/* Record the rectangle x, y, w, h stroked with rule width lw (pt). */
int ofd_rect(struct ofd *o, double x, double y, double w, double h, double lw) GK_WUR;

/* The current page is finished; what follows goes on the next one. */
int ofd_page_end(struct ofd *o) GK_WUR;

/* Append the OFD package of the recorded pages, with meta, to out. ERR_LIMIT when out is
 * full, ERR_INTERNAL when zipping fails. */
int ofd_finish(struct ofd *o, const struct page_meta *meta, struct buf *out) GK_WUR;

#endif

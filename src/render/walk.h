/*
 * walk.h — the annual report as a sequence of document blocks, for the page renderers.
 *
 * docx and pdf lay the report out the same way: the title, then for each of the six sections
 * its numbered heading, its narrative paragraphs and (sections 二–四) its table in the official
 * geometry (layout.h). walk_report drives a renderer through that sequence so the order, the
 * paragraph splitting and the UTF-8 check exist once. A paragraph is a run of text between
 * blank lines, trimmed; it may still contain single line breaks ('\n'), which a renderer shows
 * as a line break inside the paragraph.
 * May use base/, text/ and format/.
 */
#ifndef GK_RENDER_WALK_H
#define GK_RENDER_WALK_H

#include <time.h>

#include "format/report.h"
#include "render/layout.h"

struct walk_ops {
	int (*title)(void *ctx, const char *s, size_t len);
	int (*heading)(void *ctx, enum section sec, const char *s, size_t len);
	int (*para)(void *ctx, const char *s, size_t len);
	/* t is laid out from the report's format; c gives the values of its numeric cells */
	int (*table)(void *ctx, const struct lay_table *t, const struct report_cells *c);
};

/* Call ops for every block of r in order; stops at the first non-zero return and returns it.
 * ERR_INVALID naming the field when r has no format or the agency or a section is not valid
 * UTF-8 (checked before any call, so a renderer sees only valid UTF-8). */
int walk_report(const struct annual_report *r, const struct walk_ops *ops, void *ctx,
		struct gk_error *e) GK_WUR;

/* Call fn for each paragraph of text (see above); stops at the first non-zero return. */
int walk_paragraphs(const char *text, int (*fn)(void *ctx, const char *s, size_t len), void *ctx)
	GK_WUR;

/* The value of numeric cell idx as the report prints it (money in 万元 with at most 4
 * decimals), into out (reset first); "" when the cell is absent or blank. */
int walk_cell_text(const struct report_cells *c, int idx, struct buf *out) GK_WUR;

/* Where a title too long for one line is best broken: the offset of the words
 * "政府信息公开工作年度报告" after "<机关><年>年", or 0 when the title does not end with them
 * (or they are all of it). */
size_t walk_title_break(const char *title, size_t len);

/* The fixed time stamped into binary outputs as their creation time, so that the same report
 * gives the same bytes: 00:00:00 UTC on 1 January of the year after the report year (when the
 * report is written). */
time_t walk_fixed_time(int year);

#endif

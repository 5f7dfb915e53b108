/*
 * layout.h — the official table geometry of the annual report, as a grid of spanning cells.
 *
 * Spec annual-report-format.md §3.1 (Table 二: 4 columns, block titles spanning all, one-value
 * blocks spanning the value over 3 columns), §4.1–§4.2 (Table 三: 3 label columns × 3 header
 * rows, 三、本年度办理结果 rowspan 22 (2021) / 20 (2019), group labels rowspanned) and §5
 * (Table 四: 15 columns under 行政复议 / 行政诉讼). Built from the declared format, so every
 * renderer with merged cells (html here; xlsx, docx, pdf) and every grid renderer (md) shares
 * one geometry.
 * May use base/, text/ and format/.
 */
#ifndef GK_RENDER_LAYOUT_H
#define GK_RENDER_LAYOUT_H

#include "format/cells.h"

#define LAY_MAX_CELLS 320

struct lay_cell {
	const char *label;   /* exact label (static), or NULL for a numeric cell */
	int cell;            /* the numeric cell's index (fmt_cell), or -1 for a label */
	int row, col;        /* top-left position in the grid */
	int rowspan, colspan;
	int header;          /* 1: a header cell (<th>) */
};

struct lay_table {
	enum fmt_table table;
	int nrows, ncols;
	int header_rows;     /* the first rows that are column headers (Table 二: 0) */
	int n;
	struct lay_cell c[LAY_MAX_CELLS];   /* in row order, left to right */
};

/* Lay out table t of format f. Never fails for a declared format. */
void layout_build(const struct report_format *f, enum fmt_table t, struct lay_table *out);

#endif

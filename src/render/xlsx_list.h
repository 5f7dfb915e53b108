/*
 * xlsx_list.h — a plain workbook of listings written row by row: sheets of a bold, frozen
 * header row and then text or number cells, columns as wide as asked. libxlsxwriter's
 * constant-memory mode flushes each row as it is written, so a listing of any length costs
 * the same memory; sheets are written one after the other, never revisited. Used by
 * `gongkai check --xlsx` for the summary of a folder of reports.
 * May use base/ (libxlsxwriter is included only by the XLSX renderer files).
 */
#ifndef GK_RENDER_XLSX_LIST_H
#define GK_RENDER_XLSX_LIST_H

#include <stddef.h>

#include "base/err.h"

struct xlsx_list;

struct xlsx_value {
	const char *text;   /* NULL: a number */
	double num;
};

/* Start a workbook written to path (created or replaced when closed). */
int xlsx_list_open(const char *path, struct xlsx_list **out, struct gk_error *e) GK_WUR;
/* Start a sheet named name with ncols columns: the header labels and the widths (Excel
 * units). */
int xlsx_list_sheet(struct xlsx_list *x, const char *name, const char *const *header,
		    const double *widths, size_t ncols, struct gk_error *e) GK_WUR;
/* Append a row of the current sheet's ncols values. */
int xlsx_list_row(struct xlsx_list *x, const struct xlsx_value *v, struct gk_error *e) GK_WUR;
/* Write the workbook and free x (also after an error; x may be NULL). */
int xlsx_list_close(struct xlsx_list *x, struct gk_error *e) GK_WUR;

#endif

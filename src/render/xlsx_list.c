/*
 * xlsx_list.c — listings as a workbook, row by row (see xlsx_list.h).
 */
#include "render/xlsx_list.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base/mem.h"

#define LIST_FONT "宋体"

struct xlsx_list {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *text;
	size_t ncols;
	lxw_row_t row;
};

static int failed(struct gk_error *e, const char *what, lxw_error err)
{
	return err_set(e, ERR_IO, "", "cannot write the workbook (%s): %s", what,
		       lxw_strerror(err));
}

int xlsx_list_open(const char *path, struct xlsx_list **out, struct gk_error *e)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
	struct xlsx_list *x = xcalloc(1, sizeof *x);

	*out = NULL;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL) {
		free(x);
		return err_set(e, ERR_IO, path, "cannot create the workbook %s", path);
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_font_name(x->head, LIST_FONT);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	x->text = workbook_add_format(x->wb);
	format_set_font_name(x->text, LIST_FONT);
	format_set_text_wrap(x->text);
	format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
	*out = x;
	return 0;
}

int xlsx_list_sheet(struct xlsx_list *x, const char *name, const char *const *header,
		    const double *widths, size_t ncols, struct gk_error *e)
{
	lxw_error err;

	if ((x->ws = workbook_add_worksheet(x->wb, name)) == NULL)
		return err_set(e, ERR_INVALID, "", "cannot add the sheet %s", name);
	x->ncols = ncols;
	x->row = 0;
	for (size_t c = 0; c < ncols; c++) {
		if ((err = worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL)))
			return failed(e, "column", err);
		if ((err = worksheet_write_string(x->ws, 0, (lxw_col_t)c, header[c], x->head)))
			return failed(e, "header", err);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	return 0;
}

int xlsx_list_row(struct xlsx_list *x, const struct xlsx_value *v, struct gk_error *e)
{
	lxw_error err = LXW_NO_ERROR;

	if (x->row >= LXW_ROW_MAX - 1)
		return err_set(e, ERR_LIMIT, "", "more than %u rows in one sheet", LXW_ROW_MAX - 1);
	for (size_t c = 0; c < x->ncols && !err; c++)
		err = v[c].text ? worksheet_write_string(x->ws, x->row, (lxw_col_t)c, v[c].text, x->text)
				: worksheet_write_number(x->ws, x->row, (lxw_col_t)c, v[c].num, x->text);
	x->row++;
	return err ? failed(e, "row", err) : 0;
}

int xlsx_list_close(struct xlsx_list *x, struct gk_error *e)
{
	lxw_error err;

	if (!x)
		return 0;
	err = workbook_close(x->wb);
	free(x);
	return err ? failed(e, "close", err) : 0;
}

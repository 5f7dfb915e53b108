/*
 * xlsx.c — the three tables of the annual report as an Excel workbook (libxlsxwriter).
 *
 * One sheet per table, named by its section heading ("二、主动公开政府信息情况" …), each set up
 * to print on A4 as an office prints it: the report title and the section heading above the
 * table, Table 二 portrait, Tables 三 and 四 landscape, one page wide, the header rows repeated.
 * The tables follow the official geometry of layout.h cell for cell: every rowspan/colspan
 * becomes a merged range (Table 三's 3-column label area with the group cells merged
 * vertically, 申请人情况 / 法人或其他组织; Table 四's 行政复议 over 5 columns, 行政诉讼 over 10,
 * 未经复议直接起诉 / 复议后起诉 over 5, the rowspans of the column labels). Labels in 宋体,
 * the title and headings in 黑体, thin borders on every cell, column widths and row heights
 * fitted to the Chinese labels (Excel does not grow merged or wrapped rows by itself).
 * Numbers are numbers: counts as integers, the fee (Table 二 第（八）项) in 万元 rounded to
 * 4 decimals like every other renderer prints it.
 *
 * Deterministic: the document properties carry a fixed creation time (walk.h: the first of
 * January after the report year, 00:00 UTC), so the same report gives the same bytes.
 * libxlsxwriter 1.1.4 only writes to a file: the workbook goes to a private temporary file
 * that is read back into the caller's buffer and removed.
 * This file and xlsx_list.c (plain listings) are the only ones that include xlsxwriter.h.
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/mem.h"
#include "render/walk.h"
#include "text/utf8.h"

#define XLSX_FONT "宋体"
#define XLSX_TITLE_FONT "黑体"
#define XLSX_FONT_PT 10
#define XLSX_LINE_PT 14.0       /* height of one line of 10 pt CJK text */
#define XLSX_CJK_UNITS 2.0      /* width of a CJK character in Excel column units at 10 pt */
#define XLSX_PAPER_A4 9

struct xlsx_formats {
	lxw_format *title, *heading, *header, *label, *group, *number;
};

/* Column widths (Excel units) per table; the table's ncols entries are used. */
static const double width_t2[] = { 22, 18, 18, 18 };
static const double width_t3[] = { 6, 12, 38, 8, 8, 8, 8, 8, 8, 8 };
static const double width_t4[] = { 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };

static const double *widths(enum fmt_table t)
{
	return t == TBL_2 ? width_t2 : t == TBL_3 ? width_t3 : width_t4;
}

static lxw_format *cell_format(lxw_workbook *wb, int border, int align, int wrap)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, XLSX_FONT);
	format_set_font_size(f, XLSX_FONT_PT);
	format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	return f;
}

static void make_formats(lxw_workbook *wb, struct xlsx_formats *x)
{
	x->title = cell_format(wb, 0, LXW_ALIGN_CENTER, 1);
	format_set_font_name(x->title, XLSX_TITLE_FONT);
	format_set_font_size(x->title, 16);
	x->heading = cell_format(wb, 0, LXW_ALIGN_LEFT, 0);
	format_set_font_name(x->heading, XLSX_TITLE_FONT);
	format_set_font_size(x->heading, 12);
	x->header = cell_format(wb, 1, LXW_ALIGN_CENTER, 1);
	x->label = cell_format(wb, 1, LXW_ALIGN_LEFT, 1);
	x->group = cell_format(wb, 1, LXW_ALIGN_CENTER, 1);
	x->number = cell_format(wb, 1, LXW_ALIGN_CENTER, 0);
}

/* Lines a label needs in a cell of the given width (Excel units). */
static int label_lines(const char *s, double width)
{
	double w = 0, per_line = width - 1;
	int32_t cp;

	for (size_t i = 0, n = strlen(s), k; i < n; i += k ? k : 1) {
		k = utf8_decode(s + i, n - i, &cp);
		w += cp >= 0x2E80 || (cp >= 0x2010 && cp <= 0x201F) ? XLSX_CJK_UNITS : 1.1;
	}
	return per_line > 0 ? (int)((w + per_line - 0.01) / per_line) : 1;
}

/* Write one laid-out table at sheet row top. Returns 0 or an ERR_ code. */
static int write_table(lxw_worksheet *ws, const struct xlsx_formats *x, const struct lay_table *t,
		       const struct report_cells *c, int top)
{
	const double *w = widths(t->table);
	double height[64] = { 0 };
	struct buf num;
	int rc = 0;

	buf_init(&num, 64);
	for (int i = 0; i < t->n && rc == 0; i++) {
		const struct lay_cell *lc = &t->c[i];
		int r0 = top + lc->row, c0 = lc->col;
		int r1 = r0 + lc->rowspan - 1, c1 = c0 + lc->colspan - 1;
		lxw_format *f = lc->header ? x->header : !lc->label ? x->number
			      : lc->rowspan > 1 ? x->group : x->label;
		lxw_error le = LXW_NO_ERROR;

		if (lc->label) {
			double cw = 0;
			for (int k = c0; k <= c1; k++)
				cw += w[k];
			if (lc->rowspan == 1 && lc->row < 64) {
				double h = label_lines(lc->label, cw) * XLSX_LINE_PT + 4;
				if (h > height[lc->row])
					height[lc->row] = h;
			}
			if (r1 > r0 || c1 > c0)
				le = worksheet_merge_range(ws, r0, c0, r1, c1, lc->label, f);
			else
				le = worksheet_write_string(ws, r0, c0, lc->label, f);
		} else {
			if (r1 > r0 || c1 > c0)
				le = worksheet_merge_range(ws, r0, c0, r1, c1, "", f);
			if (le == LXW_NO_ERROR && (rc = walk_cell_text(c, lc->cell, &num)) == 0)
				le = num.len ? worksheet_write_number(ws, r0, c0, strtod(num.ptr, NULL), f)
					     : worksheet_write_blank(ws, r0, c0, f);
		}
		if (le != LXW_NO_ERROR)
			rc = ERR_INTERNAL;
	}
	for (int r = 0; r < t->nrows && r < 64 && rc == 0; r++)
		if (height[r] > XLSX_LINE_PT + 4)
			worksheet_set_row(ws, top + r, height[r], NULL);
	buf_free(&num);
	return rc;
}

static int write_sheet(lxw_workbook *wb, const struct xlsx_formats *x, const struct annual_report *r,
		       enum section sec, enum fmt_table t, const char *title, struct lay_table *lt)
{
	struct buf heading;
	lxw_worksheet *ws;
	const double *w = widths(t);
	double total = 0;
	int rc;

	buf_init(&heading, 0);
	layout_build(r->cells.fmt, t, lt);
	if ((rc = fmt_section_heading(r->cells.fmt, sec, &heading)))
		goto out;
	if (!(ws = workbook_add_worksheet(wb, heading.ptr))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (int k = 0; k < lt->ncols; k++) {
		worksheet_set_column(ws, k, k, w[k], NULL);
		total += w[k];
	}
	/* the title (16 pt: characters 1.6 times as wide as at 10 pt) wraps when the table is
	 * narrower than it */
	worksheet_set_row(ws, 0, 8 + 22 * label_lines(title, total / 1.6), NULL);
	worksheet_set_row(ws, 1, 24, NULL);
	if (worksheet_merge_range(ws, 0, 0, 0, lt->ncols - 1, title, x->title) ||
	    worksheet_write_string(ws, 1, 0, heading.ptr, x->heading)) {
		rc = ERR_INTERNAL;
		goto out;
	}
	if ((rc = write_table(ws, x, lt, &r->cells, 2)))
		goto out;
	worksheet_set_paper(ws, XLSX_PAPER_A4);
	if (t != TBL_2)
		worksheet_set_landscape(ws);
	worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
	worksheet_center_horizontally(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	if (lt->header_rows)
		worksheet_repeat_rows(ws, 2, 2 + lt->header_rows - 1);
	worksheet_print_area(ws, 0, 0, 2 + lt->nrows - 1, lt->ncols - 1);
out:
	buf_free(&heading);
	return rc;
}

int render_xlsx(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	static const struct { enum section sec; enum fmt_table t; } sheets[] = {
		{ SEC_PROACTIVE, TBL_2 }, { SEC_APPLICATIONS, TBL_3 }, { SEC_REVIEW_LITIGATION, TBL_4 },
	};
	const char *dir = getenv("TMPDIR");
	struct buf path, title, agency;
	struct lay_table *lt = NULL;
	lxw_workbook *wb = NULL;
	lxw_doc_properties props;
	struct xlsx_formats x;
	int rc, fd;

	if (!r->cells.fmt)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	if (r->agency && !utf8_valid(r->agency, strlen(r->agency)))
		return err_set(e, ERR_INVALID, "agency", "the agency name is not valid UTF-8");
	buf_init(&path, 0);
	buf_init(&title, 0);
	buf_init(&agency, 0);
	if ((rc = buf_printf(&path, "%s/gongkai-xlsx-XXXXXX", dir && *dir ? dir : "/tmp")) ||
	    (rc = fmt_title(r->agency, r->year, &title)) ||
	    (rc = buf_puts(&agency, r->agency ? r->agency : "")))
		goto out;
	if ((fd = mkstemp(path.ptr)) < 0) {
		rc = err_set(e, ERR_IO, "TMPDIR", "cannot create a temporary file in %s",
			     dir && *dir ? dir : "/tmp");
		goto out_nofile;
	}
	close(fd);
	if (!(wb = workbook_new(path.ptr))) {
		rc = err_set(e, ERR_IO, "TMPDIR", "cannot write a workbook to %s", path.ptr);
		goto out;
	}
	memset(&props, 0, sizeof props);
	props.title = title.ptr;
	props.author = agency.ptr;
	props.company = agency.ptr;
	props.comments = (char *)"gongkai";
	props.created = walk_fixed_time(r->year);
	workbook_set_properties(wb, &props);
	make_formats(wb, &x);
	lt = xmalloc(sizeof *lt);
	for (size_t i = 0; i < sizeof sheets / sizeof sheets[0] && rc == 0; i++)
		rc = write_sheet(wb, &x, r, sheets[i].sec, sheets[i].t, title.ptr, lt);
	if (workbook_close(wb) != LXW_NO_ERROR && rc == 0)
		rc = err_set(e, ERR_IO, "TMPDIR", "cannot write a workbook to %s", path.ptr);
	wb = NULL;
	if (rc == 0)
		rc = buf_read_file(out, path.ptr, e);
out:
	unlink(path.ptr);
out_nofile:
	free(lt);
	buf_free(&path);
	buf_free(&title);
	buf_free(&agency);
	if (rc && e && !e->code)
		err_set(e, rc, "report", "cannot write the report as XLSX");
	return rc;
}

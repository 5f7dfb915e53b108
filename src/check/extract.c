/*
 * extract.c — rows of a captured report → the report model (see extract.h).
 *
 * The steps, each in its own file (extract_int.h): items and normalised rows (items.c),
 * sections and format (sections.c), year and organ (organ.c), the tables (tables.c, values.c);
 * this file runs them, takes gongkai's own JSON as given, confirms blank cells against their
 * row totals and decides whether the capture is complete (CAP-01, CAP-10).
 * Spec: docs/spec/annual-report-format.md §2, §7. May call base/, text/, format/, check/doc.h.
 */
#include "check/extract_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

/* ---- blanks ---------------------------------------------------------------------------------- */

/* A blank cell is taken as 0 only where its row total (Table 三) or the column relation
 * confirms it; otherwise it is left out of the arithmetic (ABSENT) and reported. */
static void confirm_blanks(struct extraction *x)
{
	struct report_cells *c = &x->r->rep.cells;
	const struct report_format *f = x->f;
	int unconfirmed[FINDING_MAX_CELLS], nun = 0, count = 0;

	for (int r = 0; r < f->t3_nrows; r++) {
		int idx[T3C__MAX], blanks = 0, absent = 0;
		int64_t sum = 0;
		for (int col = 0; col < T3C__MAX; col++) {
			idx[col] = fmt_t3_cell(f, f->t3_rows[r].key, col);
			blanks += col < T3C_TOTAL && cells_state(c, idx[col]) == CELL_BLANK;
			absent += cells_state(c, idx[col]) == CELL_ABSENT;
			if (col < T3C_TOTAL)
				sum += cells_get(c, idx[col]);
		}
		if (!blanks || absent)
			continue;
		/* the total is a value (not blank) and agrees with the blanks as 0 */
		if (cells_state(c, idx[T3C_TOTAL]) != CELL_BLANK && sum == cells_get(c, idx[T3C_TOTAL]))
			continue;
		if (cells_state(c, idx[T3C_TOTAL]) == CELL_BLANK)
			continue;  /* all blank or blank total: recomputed (cells_derive_blank_totals) */
		for (int col = 0; col < T3C_TOTAL; col++)
			if (cells_state(c, idx[col]) == CELL_BLANK) {
				c->state[idx[col]] = CELL_ABSENT;
				if (nun < FINDING_MAX_CELLS)
					unconfirmed[nun++] = idx[col];
				count++;
			}
	}
	if (count)
		chk_note(x->r, "CAP-08", unconfirmed, nun, "有 %d 个空白单元格与所在行的总计不符，不能当作 0，"
		     "未参与核对（如“%s”行“%s”列）", count,
		     f->t3_rows[fmt_cell(f, unconfirmed[0])->row].name,
		     fmt_cell(f, unconfirmed[0])->col_label);
}

/* ---- main ---------------------------------------------------------------------------------- */

void chk_result_free(struct chk_result *r)
{
	if (!r)
		return;
	report_free(&r->rep);
	findings_free(&r->notes);
	free(r->extra);
	memset(r, 0, sizeof *r);
}

/* gongkai's own JSON: the cells, sections, year and organ are given. */
static void from_given(const struct chk_doc *d, struct chk_result *r)
{
	const struct report_format *f = d->given_format ? fmt_by_id(d->given_format) : NULL;

	report_free(&r->rep);
	report_init(&r->rep, f ? f : fmt_get(FMT_V2021));
	r->format = !f ? CHK_FMT_UNKNOWN : f->version == FMT_V2019 ? CHK_FMT_2019 : CHK_FMT_2021;
	r->rep.year = d->given_year;
	if (d->given_agency)
		report_set_agency(&r->rep, d->given_agency);
	for (size_t i = 0; i < d->ngiven; i++) {
		int idx = fmt_cell_index(r->rep.cells.fmt, d->given[i].id);
		if (idx < 0)
			continue;
		if (d->given[i].blank) {
			cells_set_blank(&r->rep.cells, idx);
			r->blank[idx] = 1;
		} else {
			const struct fmt_cell *cell = fmt_cell(r->rep.cells.fmt, idx);
			double v = d->given[i].value;
			if (cell->unit == UNIT_FEN_AS_WAN)
				v *= (double)FEN_PER_WAN;
			else if (cell->unit == UNIT_FEN_AS_YUAN)
				v *= (double)FEN_PER_YUAN;
			cells_set(&r->rep.cells, idx, (int64_t)(v + (v < 0 ? -0.5 : 0.5)));
		}
	}
	for (int i = 0; i < d->ngiven_sections; i++) {
		int sec = fmt_section_by_id(d->given_section[i].id);
		if (sec >= 0)
			report_set_section(&r->rep, (enum section)sec, d->given_section[i].text);
	}
	if (d->given_complete >= 0) {
		r->complete = d->given_complete;
	} else {
		/* gongkai's report JSON: complete when every cell and section is there */
		int all = r->format != CHK_FMT_UNKNOWN;
		for (int i = 0; i < fmt_ncells(r->rep.cells.fmt); i++)
			all &= cells_state(&r->rep.cells, i) != CELL_ABSENT;
		for (int sec = 0; sec < SEC__MAX; sec++)
			all &= r->rep.section[sec] != NULL;
		r->complete = all;
	}
}

/* What the reader saw that is not in the rows: pages of a PDF without text (a scan: CAP-11, an
 * error when no page has text, since nothing of the report could be read), pages whose text is
 * garbled (CAP-14, an error when no page is readable), pages that are
 * mostly a picture when cells are missing (a table pasted as a screenshot: CAP-13), a page that only
 * frames or links the report file (CAP-12, when the page itself holds no section and no cell).
 * Returns 1 when nothing of the report could be read: then CAP-01 and CAP-10 would only repeat
 * it. */
static int reader_notes(const struct chk_doc *d, struct chk_result *r, const int *found)
{
	int any = 0, unread = 0;

	if (d->source == CHK_SRC_PDF && d->no_text > 0) {
		if (d->no_text >= d->pages) {
			chk_note(r, "CAP-11", NULL, 0, "PDF 共 %d 页，都没有文字层（扫描件），报告内容无法"
				 "读取，需要 OCR 或文字版 PDF", d->pages);
			unread = 1;
		} else {
			chk_note(r, "CAP-11", NULL, 0, "PDF 共 %d 页，其中 %d 页没有文字层（扫描图片），"
				 "这些页的内容未读取", d->pages, d->no_text);
			r->notes.v[r->notes.n - 1].sev = SEV_WARN;
		}
	}
	if (d->source == CHK_SRC_PDF && d->garbled > 0) {
		struct buf list;
		int shown = d->garbled < 8 ? d->garbled : 8;
		buf_init(&list, 64);
		for (int i = 0; i < shown; i++)
			if (buf_printf(&list, "%s%d", i ? "、" : "", d->garbled_page[i]))
				break;
		if (d->no_text + d->garbled >= d->pages) {
			chk_note(r, "CAP-14", NULL, 0, "PDF 共 %d 页，第 %s 页%s的文字层是乱码（字体缺少 "
				 "ToUnicode 映射），没有一页能读出报告内容：需要重新导出 PDF（嵌入字体并"
				 "保留文字）或提供文字版", d->pages, buf_cstr(&list),
				 d->garbled > shown ? "等" : "");
			unread = 1;
		} else {
			chk_note(r, "CAP-14", NULL, 0, "PDF 共 %d 页，其中 %d 页（第 %s 页%s）的文字层是"
				 "乱码（字体缺少 ToUnicode 映射），这些页的内容未读取", d->pages,
				 d->garbled, buf_cstr(&list), d->garbled > shown ? "等" : "");
			r->notes.v[r->notes.n - 1].sev = SEV_WARN;
		}
		buf_free(&list);
	}
	if (d->source == CHK_SRC_PDF && d->image_pages > 0 && !unread) {
		int missing = 0;
		for (int i = 0; i < fmt_ncells(r->rep.cells.fmt); i++)
			missing += cells_state(&r->rep.cells, i) == CELL_ABSENT && !r->blank[i];
		if (missing)
			chk_note(r, "CAP-13", NULL, 0, "PDF 第 %d 页%s大半是图片，%d 个单元格未读到：表格"
				 "很可能是截图插入的，图片中的数字无法读取，需要文字版表格",
				 d->first_image_page, d->image_pages > 1 ? "等页" : "", missing);
	}
	if (!d->framed && !d->linked)
		return unread;
	for (int s = 0; s < SEC__MAX; s++)
		any |= found[s];
	for (int i = 0; i < fmt_ncells(r->rep.cells.fmt); i++)
		any |= cells_state(&r->rep.cells, i) != CELL_ABSENT;
	if (!any)
		chk_note(r, "CAP-12", NULL, 0, "页面本身不含报告，%s报告文件“%s”：请取回该文件再检查",
			 d->framed ? "只嵌入了" : "只链接了", d->framed ? d->framed : d->linked);
	return unread || !any;
}

/* Complete = all six sections and every cell of a declared format read (blank or not);
 * otherwise CAP-01 says what is missing, and CAP-10 when the format is not a declared one. */
static void judge_complete(struct chk_result *r, const struct report_format *f, const int *found)
{
	int all_sections = 1, all_cells = 1, n = fmt_ncells(f), absent = 0;
	int declared = r->format == CHK_FMT_2021 || r->format == CHK_FMT_2019;
	struct buf miss;

	for (int s = 0; s < SEC__MAX; s++)
		all_sections &= found[s];
	for (int i = 0; i < n; i++) {
		int read = cells_state(&r->rep.cells, i) != CELL_ABSENT || r->blank[i];
		all_cells &= read;
		absent += !read;
	}
	r->complete = all_sections && declared && all_cells;
	if (!r->complete) {
		buf_init(&miss, 400);
		for (int s = 0; s < SEC__MAX; s++)
			if (!found[s] && buf_printf(&miss, "%s%s", miss.len ? "、" : "",
						    chk_section_numeral[s]))
				break;
		if (declared)
			chk_note(r, "CAP-01", NULL, 0, "抓取不完整：%s%s%s；%d 个单元格未读到，不参与核对",
				 miss.len ? "未找到第" : "各部分都在", buf_cstr(&miss),
				 miss.len ? "部分" : "但表格不全", absent);
		else
			chk_note(r, "CAP-01", NULL, 0, "抓取不完整或不是年度报告：%s%s%s",
				 miss.len ? "未找到第" : "", buf_cstr(&miss),
				 miss.len ? "部分" : "六个部分都在");
		buf_free(&miss);
	}
	if (r->format == CHK_FMT_UNKNOWN || r->format == CHK_FMT_LEGACY)
		chk_note(r, "CAP-10", NULL, 0, "%s", r->format == CHK_FMT_LEGACY ?
			 "按 2019 年以前的旧格式编写，只有正文，未核对表格" :
			 "没有找到能判断格式版本的表头（本年制发件数 / 本年新制作数量 等），未核对格式");
}

int chk_extract(const struct chk_doc *d, struct chk_result *r, struct gk_error *e)
{
	struct extraction x = { .d = d, .r = r, .e = e };
	int *row_section = NULL, found[SEC__MAX] = { 0 };
	struct buf flat;
	int rc = 0;

	memset(r, 0, sizeof *r);
	report_init(&r->rep, fmt_get(FMT_V2021));
	findings_init(&r->notes);
	r->charset = d->charset;
	r->source = d->source;
	r->format = CHK_FMT_UNKNOWN;
	arena_init(&x.arena);
	buf_init(&flat, 0);
	x.f = fmt_get(FMT_V2021);

	if (d->source == CHK_SRC_JSON) {
		from_given(d, r);
		goto out;
	}
	chk_items_build(&x);
	if ((rc = chk_rows_normalise(&x)) != 0)
		goto out;
	for (size_t i = 0; i < x.nrows; i++)
		if ((rc = buf_puts(&flat, x.nrow[i])) != 0)
			goto out;
	row_section = xcalloc(x.nrows + 1, sizeof *row_section);
	chk_sections(&x, row_section, found);
	chk_find_year_and_organ(&x, row_section);
	r->format = chk_detect_format(&x, buf_cstr(&flat));
	x.f = fmt_get(r->format == CHK_FMT_2019 ? FMT_V2019 : FMT_V2021);
	if (x.f != r->rep.cells.fmt)
		cells_init(&r->rep.cells, x.f);  /* keep agency, year, sections; switch the cells */
	if (r->format != CHK_FMT_LEGACY) {
		chk_walk_tables(&x, row_section);
		chk_walk_t4(&x, row_section);
		confirm_blanks(&x);
		cells_derive_blank_totals(&r->rep.cells);  /* 上海 2019: blank 总计 recomputed */
	}
	if (!reader_notes(d, r, found))
		judge_complete(r, x.f, found);
out:
	free(row_section);
	free(x.it);
	arena_free(&x.arena);
	buf_free(&flat);
	return rc;
}

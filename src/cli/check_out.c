/*
 * check_out.c — the outputs of `gongkai check` (see check_out.h).
 */
#include "cli/check_out.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/mem.h"
#include "render/tpl.h"
#include "render/xlsx_list.h"
#include "text/csv.h"

/* ---- rows ------------------------------------------------------------------------------- */

void check_row_fill(struct check_row *row, const struct chk_report *r)
{
	const struct chk_result *x = &r->res;

	memset(row, 0, sizeof *row);
	row->file = xstrdup(r->file);
	row->spool = -1;
	row->ok = r->ok;
	findings_init(&row->cross);
	if (!r->ok) {
		row->error = xstrdup(r->err.msg[0] ? r->err.msg : err_name(r->err.code));
		return;
	}
	row->agency = x->rep.agency ? xstrdup(x->rep.agency) : NULL;
	row->year = x->rep.year;
	row->format = x->format;
	row->source = x->source;
	row->charset = x->charset;
	row->complete = x->complete;
	row->ncells = fmt_ncells(x->rep.cells.fmt);
	for (int i = 0; i < row->ncells; i++) {
		row->have += cells_state(&x->rep.cells, i) != CELL_ABSENT || x->blank[i];
		row->blank += x->blank[i];
	}
	row->extra = x->extra ? xstrdup(x->extra) : NULL;
	check_row_count(row, &r->findings);
}

void check_row_count(struct check_row *row, const struct findings *f)
{
	row->nerr += findings_count(f, SEV_ERROR);
	row->nwarn += findings_count(f, SEV_WARN);
	for (size_t i = 0; i < f->n && !row->first_error; i++)
		if (f->v[i].sev == SEV_ERROR)
			row->first_error = xasprintf("%s %s", f->v[i].rule, f->v[i].msg);
}

void check_row_free(struct check_row *row)
{
	if (!row)
		return;
	free(row->file);
	free(row->error);
	free(row->agency);
	free(row->first_error);
	free(row->extra);
	findings_free(&row->cross);
	memset(row, 0, sizeof *row);
}

int check_spool_findings(FILE *spool, const struct check_row *row, struct finding **out)
{
	*out = NULL;
	if (row->spool < 0 || row->nfind == 0)
		return 0;
	*out = xcalloc(row->nfind, sizeof **out);
	if (fseek(spool, row->spool, SEEK_SET) != 0 ||
	    fread(*out, sizeof **out, row->nfind, spool) != row->nfind) {
		free(*out);
		*out = NULL;
		return ERR_IO;
	}
	return 0;
}

static int worse(const struct check_row *a, const struct check_row *b)
{
	if (a->ok != b->ok)
		return a->ok ? 1 : -1;
	if (a->nerr != b->nerr)
		return a->nerr > b->nerr ? -1 : 1;
	if (a->nwarn != b->nwarn)
		return a->nwarn > b->nwarn ? -1 : 1;
	if (a->complete != b->complete)
		return a->complete ? 1 : -1;
	return strcmp(a->file, b->file);
}

static const struct check_row *order_base;

static int order_cmp(const void *a, const void *b)
{
	return worse(&order_base[*(const size_t *)a], &order_base[*(const size_t *)b]);
}

void check_order_worst_first(const struct check_row *rows, size_t n, size_t *order)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	order_base = rows;
	qsort(order, n, sizeof *order, order_cmp);
}

/* ---- text ------------------------------------------------------------------------------- */

/* “一、本年新收政府信息公开申请数量”行“自然人”列 … */
static void cell_label(const struct report_format *f, int idx, struct buf *b)
{
	const struct fmt_cell *c = fmt_cell(f, idx);
	int rc;

	if (!c)
		return;
	if (c->table == TBL_3)
		rc = buf_printf(b, "“%s”行“%s”列", f->t3_rows[c->row].name, c->col_label);
	else if (c->table == TBL_4)
		rc = buf_printf(b, "%s“%s”", f->t4_groups[c->row].name, c->col_label);
	else
		rc = buf_printf(b, "“%s”的“%s”", c->row_label, c->col_label);
	(void)rc;
}

/* The cells of a finding, grouped by row: “（六）3.其他”行（自然人、…、总计列）; at most 6 rows. */
static void cells_text(const struct finding *fi, struct buf *b)
{
	int k = 0, rows = 0;

	while (k < fi->ncells && rows < 6) {
		const struct fmt_cell *c = fmt_cell(fi->fmt, fi->cells[k]);
		int j = k + 1;

		if (!c)
			break;
		if (rows++ && buf_puts(b, "、"))
			return;
		if (c->table != TBL_3) {
			cell_label(fi->fmt, fi->cells[k], b);
			k++;
			continue;
		}
		/* the run of cells of the same Table 三 row */
		while (j < fi->ncells && fmt_cell(fi->fmt, fi->cells[j]) &&
		       fmt_cell(fi->fmt, fi->cells[j])->table == TBL_3 &&
		       fmt_cell(fi->fmt, fi->cells[j])->row == c->row)
			j++;
		if (j - k == 1) {
			cell_label(fi->fmt, fi->cells[k], b);
		} else {
			(void)!buf_printf(b, "“%s”行（", fi->fmt->t3_rows[c->row].name);
			for (int m = k; m < j; m++)
				(void)!buf_printf(b, "%s%s", m > k ? "、" : "",
						  fmt_cell(fi->fmt, fi->cells[m])->col_label);
			(void)!buf_puts(b, "列）");
		}
		k = j;
	}
	if (k < fi->ncells)
		(void)!buf_printf(b, " 等共 %d 个单元格", fi->ncells);
}

static void print_finding(const struct finding *fi)
{
	printf("  %s %-10s %s\n", severity_code(fi->sev), fi->rule, fi->msg);
	if (fi->ncells > 0 && fi->fmt) {
		struct buf b;
		buf_init(&b, 8192);
		cells_text(fi, &b);
		printf("    单元格：%s\n", buf_cstr(&b));
		buf_free(&b);
	}
}

void check_print_text(const struct check_row *row, const struct finding *f, size_t n)
{
	printf("%s\n", row->file);
	if (!row->ok) {
		printf("  无法读取 (unreadable): %s\n\n", row->error);
		return;
	}
	printf("  格式 %s", chk_format_id(row->format));
	if (row->year)
		printf(" · %d 年度", row->year);
	else
		printf(" · 年度不明");
	printf(" · %s", row->agency ? row->agency : "机关名称不明");
	printf(" · %s", row->complete ? "完整" : "不完整");
	printf(" · 单元格 %d/%d", row->have, row->ncells);
	if (row->blank)
		printf("（空白 %d）", row->blank);
	printf(" · %s", chk_source_name(row->source));
	if (row->source != CHK_SRC_PDF && row->source != CHK_SRC_DOCX && row->source != CHK_SRC_XLSX)
		printf(" %s", row->charset ? row->charset : "");
	printf("\n");
	for (size_t i = 0; i < n; i++)
		print_finding(&f[i]);
	for (size_t i = 0; i < row->cross.n; i++)
		print_finding(&row->cross.v[i]);
	if (row->extra)
		printf("  地方性行（未核对）：\n    %s", row->extra);
	if (n + row->cross.n == 0)
		printf("  没有发现问题\n");
	printf("\n");
}

/* ---- CSV -------------------------------------------------------------------------------- */

/* One text field of the CSV output (text/csv.h: quoted, formulas neutralised). */
static void csv_field(const char *s)
{
	struct buf b;

	buf_init(&b, 0);
	if (csv_write_field(&b, s) == 0 && b.len)
		fwrite(b.ptr, 1, b.len, stdout);
	buf_free(&b);
}

void check_print_csv_header(void)
{
	printf("file,agency,year,format,complete,errors,warnings,first_error\n");
}

void check_print_csv(const struct check_row *row)
{
	csv_field(row->file);
	putchar(',');
	if (!row->ok) {
		printf(",,,,,,");
		csv_field(row->error);
		putchar('\n');
		return;
	}
	csv_field(row->agency);
	putchar(',');
	if (row->year)
		printf("%d", row->year);
	printf(",%s,%s,%zu,%zu,", chk_format_id(row->format), row->complete ? "yes" : "no",
	       row->nerr, row->nwarn);
	csv_field(row->first_error);
	putchar('\n');
}

/* ---- JSON ------------------------------------------------------------------------------- */

static json_t *cell_json(const struct report_cells *c, int idx)
{
	const struct fmt_cell *cell = fmt_cell(c->fmt, idx);
	int64_t v = cells_get(c, idx);

	if (cell->unit == UNIT_FEN_AS_WAN)
		return json_real((double)v / (double)FEN_PER_WAN);
	if (cell->unit == UNIT_FEN_AS_YUAN)
		return json_real((double)v / (double)FEN_PER_YUAN);
	return json_integer(v);
}

static json_t *finding_json(const struct finding *fi)
{
	json_t *jf = json_object(), *ids = json_array();

	json_object_set_new(jf, "rule", json_string(fi->rule));
	json_object_set_new(jf, "severity", json_string(severity_code(fi->sev)));
	for (int k = 0; k < fi->ncells && fi->fmt; k++)
		json_array_append_new(ids, json_string(fmt_cell(fi->fmt, fi->cells[k])->id));
	json_object_set_new(jf, "cells", ids);
	json_object_set_new(jf, "message", json_string(fi->msg));
	return jf;
}

json_t *check_report_json(const struct chk_report *r)
{
	json_t *o = json_object(), *cells, *blank, *fs;
	const struct chk_result *x = &r->res;
	const struct report_format *f = x->rep.cells.fmt;

	json_object_set_new(o, "file", json_string(r->file));
	if (!r->ok) {
		json_object_set_new(o, "error", json_string(r->err.msg));
		return o;
	}
	json_object_set_new(o, "format", json_string(chk_format_id(x->format)));
	json_object_set_new(o, "year", x->rep.year ? json_integer(x->rep.year) : json_null());
	json_object_set_new(o, "agency", x->rep.agency ? json_string(x->rep.agency) : json_null());
	json_object_set_new(o, "complete", json_boolean(x->complete));
	cells = json_object();
	blank = json_array();
	for (int i = 0; i < fmt_ncells(f); i++) {
		if (x->blank[i])
			json_array_append_new(blank, json_string(fmt_cell(f, i)->id));
		if (cells_state(&x->rep.cells, i) != CELL_ABSENT)
			json_object_set_new(cells, fmt_cell(f, i)->id, cell_json(&x->rep.cells, i));
	}
	json_object_set_new(o, "cells", cells);
	json_object_set_new(o, "blank_cells", blank);
	fs = json_array();
	for (size_t i = 0; i < r->findings.n; i++)
		json_array_append_new(fs, finding_json(&r->findings.v[i]));
	json_object_set_new(o, "findings", fs);
	json_object_set_new(o, "charset", json_string(x->charset ? x->charset : ""));
	json_object_set_new(o, "source", json_string(chk_source_name(x->source)));
	json_object_set_new(o, "extra_rows", x->extra ? json_string(x->extra) : json_null());
	return o;
}

int check_print_json(FILE *spool, const struct check_row *row, int first)
{
	char *text = xmalloc(row->nfind + 1);
	json_t *o = NULL;
	int rc = 0;

	if (fseek(spool, row->spool, SEEK_SET) != 0 || fread(text, 1, row->nfind, spool) != row->nfind) {
		free(text);
		return ERR_IO;
	}
	text[row->nfind] = '\0';
	if (row->cross.n && (o = json_loads(text, 0, NULL)) != NULL) {
		json_t *fs = json_object_get(o, "findings");
		for (size_t i = 0; i < row->cross.n; i++)
			json_array_append_new(fs, finding_json(&row->cross.v[i]));
		free(text);
		text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(o);
		if (!text)
			return ERR_IO;
	}
	if (printf("%s%s", first ? "[\n" : ",\n", text) < 0)
		rc = ERR_IO;
	free(text);
	return rc;
}

/* ---- the summary of a folder --------------------------------------------------------------- */

static int esc(struct buf *b, const char *s)
{
	return s ? tpl_escape_html(b, s, strlen(s)) : 0;
}

static const char *organ_or(const struct check_row *r)
{
	return r->agency ? r->agency : "（机关名称不明）";
}

static int html_table(struct buf *b, const struct check_row *rows, const size_t *order, size_t n)
{
	int rc = buf_puts(b, "<table><thead><tr><th>机关</th><th>年度</th><th>格式</th><th>完整</th>"
			  "<th>错误</th><th>警告</th><th>第一个错误</th><th>文件</th></tr></thead>"
			  "<tbody>\n");
	for (size_t k = 0; k < n && rc == 0; k++) {
		const struct check_row *r = &rows[order[k]];
		rc = buf_printf(b, "<tr class=\"%s\"><td><a href=\"#r%zu\">",
				!r->ok || r->nerr ? "bad" : r->nwarn ? "warn" : "ok", order[k]);
		rc = rc ? rc : esc(b, r->ok ? organ_or(r) : "（无法读取）");
		rc = rc ? rc : buf_puts(b, "</a></td><td>");
		if (rc == 0 && r->year)
			rc = buf_printf(b, "%d", r->year);
		rc = rc ? rc : buf_printf(b, "</td><td>%s</td><td>%s</td><td>%zu</td><td>%zu</td><td>",
					  r->ok ? chk_format_id(r->format) : "",
					  !r->ok ? "" : r->complete ? "完整" : "不完整", r->nerr, r->nwarn);
		rc = rc ? rc : esc(b, r->ok ? r->first_error : r->error);
		rc = rc ? rc : buf_puts(b, "</td><td>");
		rc = rc ? rc : esc(b, r->file);
		rc = rc ? rc : buf_puts(b, "</td></tr>\n");
	}
	return rc ? rc : buf_puts(b, "</tbody></table>\n");
}

static int html_finding(struct buf *b, const struct finding *fi)
{
	int rc = buf_printf(b, "<li class=\"%s\"><b>%s %s</b> ", severity_code(fi->sev),
			    severity_code(fi->sev), fi->rule);
	rc = rc ? rc : esc(b, fi->msg);
	if (rc == 0 && fi->ncells > 0 && fi->fmt) {
		struct buf cells;
		buf_init(&cells, 8192);
		cells_text(fi, &cells);
		rc = buf_puts(b, "<br><small>单元格：");
		rc = rc ? rc : esc(b, buf_cstr(&cells));
		rc = rc ? rc : buf_puts(b, "</small>");
		buf_free(&cells);
	}
	return rc ? rc : buf_puts(b, "</li>\n");
}

/* One report's section: what was read, then every finding. */
static int html_section(struct buf *b, const struct check_row *r, size_t id, FILE *spool)
{
	struct finding *f = NULL;
	int rc = buf_printf(b, "<section id=\"r%zu\"><h2>", id);

	rc = rc ? rc : esc(b, r->ok ? organ_or(r) : "（无法读取）");
	if (rc == 0 && r->year)
		rc = buf_printf(b, " %d 年度", r->year);
	rc = rc ? rc : buf_puts(b, "</h2><p class=\"file\">");
	rc = rc ? rc : esc(b, r->file);
	rc = rc ? rc : buf_puts(b, "</p>\n");
	if (rc == 0 && !r->ok) {
		rc = buf_puts(b, "<p>无法读取：");
		rc = rc ? rc : esc(b, r->error);
		return rc ? rc : buf_puts(b, "</p></section>\n");
	}
	rc = rc ? rc : buf_printf(b, "<p>格式 %s · %s · 单元格 %d/%d · %s</p>\n<ul>\n",
				  chk_format_id(r->format), r->complete ? "完整" : "不完整", r->have,
				  r->ncells, chk_source_name(r->source));
	if (rc == 0 && (rc = check_spool_findings(spool, r, &f)) == 0) {
		for (size_t i = 0; i < r->nfind && rc == 0; i++)
			rc = html_finding(b, &f[i]);
		for (size_t i = 0; i < r->cross.n && rc == 0; i++)
			rc = html_finding(b, &r->cross.v[i]);
		if (rc == 0 && r->nfind + r->cross.n == 0)
			rc = buf_puts(b, "<li>没有发现问题</li>\n");
	}
	free(f);
	return rc ? rc : buf_puts(b, "</ul></section>\n");
}

/* Write the bytes of b to path through a temporary file beside it, renamed when complete. */
static int write_whole(const char *path, FILE *tmp, const char *tmppath, struct gk_error *e)
{
	if (fflush(tmp) != 0 || ferror(tmp) || fsync(fileno(tmp)) != 0) {
		fclose(tmp);
		unlink(tmppath);
		return err_set(e, ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
	}
	fclose(tmp);
	if (rename(tmppath, path) != 0) {
		unlink(tmppath);
		return err_set(e, ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
	}
	return 0;
}

int check_write_html(const char *path, const struct check_row *rows, const size_t *order,
		     size_t n, FILE *spool, struct gk_error *e)
{
	char *tmppath = xasprintf("%s.tmp-%ld", path, (long)getpid());
	FILE *out = fopen(tmppath, "w");
	size_t bad = 0, warned = 0;
	struct buf b;
	int rc = 0;

	if (!out) {
		rc = err_set(e, ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
		free(tmppath);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		bad += !rows[i].ok || rows[i].nerr, warned += rows[i].ok && !rows[i].nerr && rows[i].nwarn;
	buf_init(&b, 0);
	rc = buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
			"<title>政府信息公开工作年度报告核对汇总</title><style>"
			"body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
			"td,th{border:1px solid #999;padding:2px 6px;vertical-align:top}"
			"tr.bad td:first-child{border-left:4px solid #c00}"
			"tr.warn td:first-child{border-left:4px solid #e90}li.E b{color:#c00}"
			"li.W b{color:#a60}.file{color:#666}td:nth-child(1){min-width:10em}"
			"td:nth-child(n+2):nth-child(-n+6){white-space:nowrap}</style></head><body>\n"
			"<h1>政府信息公开工作年度报告核对汇总</h1>\n<p>%zu 份报告：%zu 份有错误或无法读取，"
			"%zu 份只有警告。按问题多少排列，最严重的在前。</p>\n", n, bad, warned);
	rc = rc ? rc : html_table(&b, rows, order, n);
	for (size_t k = 0; k < n && rc == 0; k++) {
		rc = html_section(&b, &rows[order[k]], order[k], spool);
		if (rc == 0 && b.len > (1 << 20)) {  /* keep the buffer small: write as it fills */
			if (fwrite(b.ptr, 1, b.len, out) != b.len)
				rc = ERR_IO;
			buf_reset(&b);
		}
	}
	rc = rc ? rc : buf_puts(&b, "</body></html>\n");
	if (rc == 0 && b.len && fwrite(b.ptr, 1, b.len, out) != b.len)
		rc = ERR_IO;
	buf_free(&b);
	if (rc) {
		fclose(out);
		unlink(tmppath);
		free(tmppath);
		return err_set(e, rc == ERR_IO ? ERR_IO : rc, path, "cannot write %s", path);
	}
	rc = write_whole(path, out, tmppath, e);
	free(tmppath);
	return rc;
}

static int xlsx_summary(struct xlsx_list *x, const struct check_row *rows, const size_t *order,
			size_t n, struct gk_error *e)
{
	static const char *const head[] = { "机关", "年度", "格式", "来源", "完整", "错误", "警告",
					    "第一个错误", "文件" };
	static const double width[] = { 30, 7, 8, 8, 7, 6, 6, 60, 40 };
	int rc = xlsx_list_sheet(x, "汇总", head, width, 9, e);

	for (size_t k = 0; k < n && rc == 0; k++) {
		const struct check_row *r = &rows[order[k]];
		struct xlsx_value v[9] = {
			{ r->ok ? organ_or(r) : "（无法读取）", 0 }, { NULL, r->year },
			{ r->ok ? chk_format_id(r->format) : "", 0 },
			{ r->ok ? chk_source_name(r->source) : "", 0 },
			{ !r->ok ? "" : r->complete ? "完整" : "不完整", 0 }, { NULL, (double)r->nerr },
			{ NULL, (double)r->nwarn }, { r->ok ? (r->first_error ? r->first_error : "") : r->error, 0 },
			{ r->file, 0 } };
		if (!r->year)
			v[1].text = "";
		rc = xlsx_list_row(x, v, e);
	}
	return rc;
}

static int xlsx_findings(struct xlsx_list *x, const struct check_row *rows, const size_t *order,
			 size_t n, FILE *spool, struct gk_error *e)
{
	static const char *const head[] = { "机关", "年度", "级别", "规则", "说明", "单元格", "文件" };
	static const double width[] = { 30, 7, 5, 9, 80, 50, 40 };
	int rc = xlsx_list_sheet(x, "问题", head, width, 7, e);

	for (size_t k = 0; k < n && rc == 0; k++) {
		const struct check_row *r = &rows[order[k]];
		struct finding *f = NULL;
		size_t total;
		if (!r->ok || check_spool_findings(spool, r, &f) != 0)
			continue;
		total = r->nfind + r->cross.n;
		for (size_t i = 0; i < total && rc == 0; i++) {
			const struct finding *fi = i < r->nfind ? &f[i] : &r->cross.v[i - r->nfind];
			struct buf cells;
			buf_init(&cells, 8192);
			if (fi->ncells > 0 && fi->fmt)
				cells_text(fi, &cells);
			struct xlsx_value v[7] = {
				{ organ_or(r), 0 }, { r->year ? NULL : "", r->year },
				{ severity_code(fi->sev), 0 }, { fi->rule, 0 }, { fi->msg, 0 },
				{ buf_cstr(&cells), 0 }, { r->file, 0 } };
			rc = xlsx_list_row(x, v, e);
			buf_free(&cells);
		}
		free(f);
	}
	return rc;
}

int check_write_xlsx(const char *path, const struct check_row *rows, const size_t *order,
		     size_t n, FILE *spool, struct gk_error *e)
{
	char *tmppath = xasprintf("%s.tmp-%ld.xlsx", path, (long)getpid());
	struct xlsx_list *x = NULL;
	int rc;

	if ((rc = xlsx_list_open(tmppath, &x, e)) == 0) {
		rc = xlsx_summary(x, rows, order, n, e);
		rc = rc ? rc : xlsx_findings(x, rows, order, n, spool, e);
		if (xlsx_list_close(x, rc ? NULL : e) && !rc)
			rc = ERR_IO;
	}
	if (rc == 0 && rename(tmppath, path) != 0)
		rc = err_set(e, ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
	if (rc)
		unlink(tmppath);
	free(tmppath);
	return rc;
}

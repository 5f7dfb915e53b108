/*
 * cmd_check.c — `gongkai check`: read published annual reports and say what is wrong.
 *
 *   gongkai check [--json | --csv] [--strict] FILE|DIR...
 *
 * Each FILE is read whatever its shape (text, Markdown, HTML in UTF-8/GBK/GB18030/Big5, DOCX,
 * gongkai JSON); a DIR is read recursively (files named *.txt *.text *.md *.htm *.html *.shtml
 * *.docx *.json). Text output: per file the format, year, organ, completeness, then every
 * finding with its rule, severity, message (expected vs found, in Chinese) and the cells it
 * points at, by row and column label. --json: an array, one object per file (keys: file,
 * format, year, agency, complete, cells, blank_cells, findings[rule, severity, cells, message],
 * plus charset, source, extra_rows). --csv: one line per file (file, agency, year, format,
 * complete, errors, warnings, first_error) after a header line. Reports of the same organ for
 * consecutive years are cross-checked. On a terminal a progress bar on stderr shows files
 * done, rate and time left.
 * Exit status: 0 no E finding, 1 some E finding, 2 a file could not be read or usage error.
 * Calls check/ (check.h) and format/ for labels.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/mem.h"
#include "check/check.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/jsonout.h"
#include "text/csv.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai check [--json | --csv] [--strict] FILE|DIR...\n\n"
		"Read published annual reports (政府信息公开工作年度报告) and say exactly what is wrong\n"
		"with each: broken 勾稽关系, blank cells, old-format tables, narrative that contradicts\n"
		"the tables, damaged or truncated captures. Reads plain text, Markdown, HTML (UTF-8,\n"
		"GBK/GB18030, Big5), DOCX and gongkai's own JSON; a directory is read recursively\n"
		"(*.txt *.text *.md *.htm *.html *.shtml *.docx *.json).\n\n"
		"  --json     one JSON array, an object per file: file, format, year, agency, complete,\n"
		"             cells {id: number}, blank_cells [id], findings [{rule, severity, cells,\n"
		"             message}], charset, source, extra_rows\n"
		"  --csv      one line per file: file, agency, year, format, complete, errors,\n"
		"             warnings, first_error (after a header line)\n"
		"  --strict   blank cells are errors (E) instead of warnings (W)\n"
		"  --help     this text\n\n"
		"Severity: E = must not be published as is; W = for the reviewer; I = information.\n"
		"Reports of the same organ for consecutive years are cross-checked (Table 二 of year\n"
		"N against Table 四 of N-1, per column; Table 二 stock; repeated narrative).\n"
		"Exit status: 0 no E finding, 1 some E finding, 2 a file could not be read or usage error.\n");
}

/* ---- files ------------------------------------------------------------------------------ */

struct files {
	char **v;
	size_t n, cap;
};

static void files_add(struct files *f, char *path)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->v = xrealloc(f->v, f->cap * sizeof *f->v);
	}
	f->v[f->n++] = path;
}

static int wanted(const char *name)
{
	static const char *const ext[] = { ".txt", ".text", ".md", ".htm", ".html", ".shtml",
					   ".docx", ".json", ".pdf", ".xlsx", ".js", ".doc", ".xls",
					   ".wps", ".et", ".ofd", NULL };
	size_t n = strlen(name);
	for (int i = 0; ext[i]; i++) {
		size_t m = strlen(ext[i]);
		if (n > m && strcasecmp(name + n - m, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the report files under dir (sorted, recursively, hidden entries skipped). */
static void walk_dir(struct files *f, const char *dir, int depth)
{
	DIR *d;
	struct dirent *de;
	struct files here = { 0 };

	if (depth > 32 || (d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		files_add(&here, xasprintf("%s/%s", dir, de->d_name));
	}
	closedir(d);
	qsort(here.v, here.n, sizeof *here.v, cmp_str);
	for (size_t i = 0; i < here.n; i++) {
		struct stat st;
		if (stat(here.v[i], &st) != 0) {
			free(here.v[i]);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			walk_dir(f, here.v[i], depth + 1);
			free(here.v[i]);
		} else if (S_ISREG(st.st_mode) && wanted(here.v[i])) {
			files_add(f, here.v[i]);
		} else {
			free(here.v[i]);
		}
	}
	free(here.v);
}

/* ---- progress ---------------------------------------------------------------------------- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(size_t done, size_t total, double t0, int end)
{
	double el = now() - t0, rate = el > 0 ? (double)done / el : 0;
	int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
	char bar[64];

	for (int i = 0; i < width; i++)
		bar[i] = i < fill ? '#' : '-';
	bar[width] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu files  %.0f/s  %.0fs left ", bar, done, total, rate,
		rate > 0 ? (double)(total - done) / rate : 0.0);
	if (end)
		fputc('\n', stderr);
}

/* ---- output ------------------------------------------------------------------------------ */

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

static void print_text(const struct chk_report *r)
{
	const struct chk_result *x = &r->res;
	int n, have = 0, blank = 0;

	printf("%s\n", r->file);
	if (!r->ok) {
		printf("  无法读取 (unreadable): %s\n\n", r->err.msg[0] ? r->err.msg : err_name(r->err.code));
		return;
	}
	n = fmt_ncells(x->rep.cells.fmt);
	for (int i = 0; i < n; i++) {
		have += cells_state(&x->rep.cells, i) != CELL_ABSENT || x->blank[i];
		blank += x->blank[i];
	}
	printf("  格式 %s", chk_format_id(x->format));
	if (x->rep.year)
		printf(" · %d 年度", x->rep.year);
	else
		printf(" · 年度不明");
	printf(" · %s", x->rep.agency ? x->rep.agency : "机关名称不明");
	printf(" · %s", x->complete ? "完整" : "不完整");
	printf(" · 单元格 %d/%d", have, n);
	if (blank)
		printf("（空白 %d）", blank);
	printf(" · %s", chk_source_name(x->source));
	if (x->source != CHK_SRC_PDF && x->source != CHK_SRC_DOCX && x->source != CHK_SRC_XLSX)
		printf(" %s", x->charset ? x->charset : "");
	printf("\n");
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *fi = &r->findings.v[i];
		printf("  %s %-10s %s\n", severity_code(fi->sev), fi->rule, fi->msg);
		if (fi->ncells > 0 && fi->fmt) {
			struct buf b;
			buf_init(&b, 8192);
			cells_text(fi, &b);
			printf("    单元格：%s\n", buf_cstr(&b));
			buf_free(&b);
		}
	}
	if (x->extra)
		printf("  地方性行（未核对）：\n    %s", x->extra);
	if (r->findings.n == 0)
		printf("  没有发现问题\n");
	printf("\n");
}

/* One text field of the CSV output (text/csv.h: quoted, formulas neutralised). */
static void csv_field(const char *s)
{
	struct buf b;

	buf_init(&b, 0);
	if (csv_write_field(&b, s) == 0 && b.len)
		fwrite(b.ptr, 1, b.len, stdout);
	buf_free(&b);
}

static void print_csv(const struct chk_report *r)
{
	const struct finding *first = NULL;

	csv_field(r->file);
	putchar(',');
	if (!r->ok) {
		printf(",,,,,,");
		csv_field(r->err.msg);
		putchar('\n');
		return;
	}
	csv_field(r->res.rep.agency);
	putchar(',');
	if (r->res.rep.year)
		printf("%d", r->res.rep.year);
	printf(",%s,%s,%zu,%zu,", chk_format_id(r->res.format), r->res.complete ? "yes" : "no",
	       chk_count(r, SEV_ERROR), chk_count(r, SEV_WARN));
	for (size_t i = 0; i < r->findings.n && !first; i++)
		if (r->findings.v[i].sev == SEV_ERROR)
			first = &r->findings.v[i];
	if (first) {
		char *s = xasprintf("%s %s", first->rule, first->msg);
		csv_field(s);
		free(s);
	}
	putchar('\n');
}

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

static json_t *report_json(const struct chk_report *r)
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
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *fi = &r->findings.v[i];
		json_t *jf = json_object(), *ids = json_array();
		json_object_set_new(jf, "rule", json_string(fi->rule));
		json_object_set_new(jf, "severity", json_string(severity_code(fi->sev)));
		for (int k = 0; k < fi->ncells && fi->fmt; k++)
			json_array_append_new(ids, json_string(fmt_cell(fi->fmt, fi->cells[k])->id));
		json_object_set_new(jf, "cells", ids);
		json_object_set_new(jf, "message", json_string(fi->msg));
		json_array_append_new(fs, jf);
	}
	json_object_set_new(o, "findings", fs);
	json_object_set_new(o, "charset", json_string(x->charset ? x->charset : ""));
	json_object_set_new(o, "source", json_string(chk_source_name(x->source)));
	json_object_set_new(o, "extra_rows", x->extra ? json_string(x->extra) : json_null());
	return o;
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct chk_options o = { 0 };
	struct files files = { 0 };
	struct chk_report *reports;
	int json = 0, csv = 0, ch, status = CLI_OK, unreadable = 0, tty;
	size_t errors = 0, warned = 0, nerr = 0, nwarn = 0;
	double t0;

	cli_getopt_reset();
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		case 'c': csv = 1; break;
		case 's': o.strict = 1; break;
		case 'h': usage(stdout); return CLI_OK;
		default:
			return cli_usage_error("check", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (json && csv)
		return cli_usage_error("check", "--json and --csv exclude each other");
	if (optind >= argc)
		return cli_usage_error("check", "name at least one FILE or DIR");
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk_dir(&files, argv[i], 0);
		else
			files_add(&files, xstrdup(argv[i]));  /* unreadable ones are reported below */
	}
	reports = xcalloc(files.n ? files.n : 1, sizeof *reports);
	tty = isatty(2) && files.n > 1;
	t0 = now();
	for (size_t i = 0; i < files.n; i++) {
		chk_check_file(files.v[i], &o, &reports[i]);
		if (tty && (i % 16 == 0 || i + 1 == files.n))
			progress(i + 1, files.n, t0, i + 1 == files.n);
	}
	chk_cross(reports, files.n, &o);

	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < files.n; i++)
			json_array_append_new(arr, report_json(&reports[i]));
		if (cli_json_print(arr) != CLI_OK)
			status = CLI_PROBLEMS;
	} else if (csv) {
		printf("file,agency,year,format,complete,errors,warnings,first_error\n");
		for (size_t i = 0; i < files.n; i++)
			print_csv(&reports[i]);
	} else {
		for (size_t i = 0; i < files.n; i++)
			print_text(&reports[i]);
	}
	for (size_t i = 0; i < files.n; i++) {
		const struct chk_report *r = &reports[i];
		size_t e = r->ok ? chk_count(r, SEV_ERROR) : 0, w = r->ok ? chk_count(r, SEV_WARN) : 0;
		if (!r->ok) {
			unreadable++;
			fprintf(stderr, "gongkai check: %s: %s\n", r->file, r->err.msg);
		}
		errors += e > 0, warned += w > 0, nerr += e, nwarn += w;
	}
	if (!json && !csv)
		printf("%zu 个文件：%zu 个有错误（E %zu 处），%zu 个有警告（W %zu 处），%zu 个无法读取\n",
		       files.n, errors, nerr, warned, nwarn, (size_t)unreadable);
	if (unreadable)
		status = CLI_USAGE;
	else if (errors && status == CLI_OK)
		status = CLI_PROBLEMS;
	for (size_t i = 0; i < files.n; i++) {
		chk_report_free(&reports[i]);
		free(files.v[i]);
	}
	free(reports);
	free(files.v);
	(void)cli;
	return status;
}

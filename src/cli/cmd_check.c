/*
 * cmd_check.c — `gongkai check`: read published annual reports and say what is wrong.
 *
 *   gongkai check [--json | --csv] [--html FILE] [--xlsx FILE] [--strict] FILE|DIR...
 *
 * Each FILE is read whatever its shape (PDF, text, Markdown, HTML in UTF-8/GBK/GB18030/Big5 or
 * inside a script string, DOCX, XLSX, gongkai JSON), chosen by content; a DIR is read
 * recursively (see wanted()). Text output: per file the format, year, organ, completeness,
 * then every finding with its rule, severity, message (expected vs found, in Chinese) and the
 * cells it points at, by row and column label. --json: an array, one object per file (keys:
 * file, format, year, agency, complete, cells, blank_cells, findings[rule, severity, cells,
 * message], plus charset, source, extra_rows). --csv: one line per file (file, agency, year,
 * format, complete, errors, warnings, first_error) after a header line. --html / --xlsx: the
 * summary of every report (organ, year, format, complete, errors, warnings, first error),
 * worst first, then each report's findings, written to FILE (stdout then only gets the
 * totals). Reports of the same organ for consecutive years are cross-checked. On a terminal,
 * a folder of more than 100 files shows a progress line on stderr.
 *
 * A folder is read one report at a time: each report's findings (or JSON) and its report model
 * (cells, narrative) go to a spool file and only a small row per report stays in memory; the
 * cross-year step reads back just the pairs it compares, so memory stays flat however large
 * the folder.
 * Exit status: 0 no E finding, 1 some E finding, 2 a file could not be read or usage error.
 * Calls check/ (check.h), cli/check_out.h for the outputs.
 */
#include <dirent.h>
#include <getopt.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/mem.h"
#include "check/check.h"
#include "cli/check_out.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"

#define PROGRESS_FROM 100   /* files in a run before a terminal shows progress */

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai check [--json | --csv] [--html FILE] [--xlsx FILE] [--strict] FILE|DIR...\n\n"
		"Read published annual reports (政府信息公开工作年度报告) and say exactly what is wrong\n"
		"with each: broken 勾稽关系, blank cells, old-format tables, narrative that contradicts\n"
		"the tables, damaged or truncated captures. Reads PDF (tables rebuilt from the positions\n"
		"of the words), plain text, Markdown, HTML (UTF-8, GBK/GB18030, Big5; also saved as .txt\n"
		"or inside a JavaScript string), DOCX, XLSX and gongkai's own JSON, chosen by content. A\n"
		"scanned PDF and a page that only frames or links the report are errors saying so; WPS\n"
		"and Office 97-2003 binaries are refused with what to do. A directory is read\n"
		"recursively (*.pdf *.txt *.text *.md *.htm *.html *.shtml *.js *.docx *.xlsx *.json;\n"
		"*.doc *.xls *.wps *.et *.ofd to say they cannot be read).\n\n"
		"  --json       one JSON array, an object per file: file, format, year, agency,\n"
		"               complete, cells {id: number}, blank_cells [id], findings [{rule,\n"
		"               severity, cells, message}], charset, source, extra_rows\n"
		"  --csv        one line per file: file, agency, year, format, complete, errors,\n"
		"               warnings, first_error (after a header line)\n"
		"  --html FILE  the summary of every report (organ, year, format, complete, errors,\n"
		"               warnings, first error), worst first, then each report's findings\n"
		"  --xlsx FILE  the same as a workbook: sheet 汇总 (one row per report), sheet 问题\n"
		"               (one row per finding)\n"
		"  --strict     blank cells are errors (E) instead of warnings (W)\n"
		"  --help       this text\n\n"
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

/* The progress line on a terminal: files done, rate, time left. */
static void progress(size_t done, size_t total, double t0, int end)
{
	double el = clock_seconds() - t0, rate = el > 0 ? (double)done / el : 0;
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

/* ---- the run -------------------------------------------------------------------------------- */

struct run {
	struct chk_options o;
	int json;
	struct check_row *rows;
	size_t n;
	FILE *spool;     /* each report's findings (or JSON text), read back by the outputs */
};

/* The report model (cells, year, the narrative sections) after the findings in the spool: what
 * the cross-year rules compare, read back for the pairs instead of reading the files again. */
static int spool_report(FILE *f, const struct annual_report *rep, struct check_row *row)
{
	int rc = 0;

	row->model = ftell(f);
	if (fwrite(&rep->cells, sizeof rep->cells, 1, f) != 1 ||
	    fwrite(&rep->year, sizeof rep->year, 1, f) != 1 ||
	    fwrite(&rep->organ, sizeof rep->organ, 1, f) != 1 ||
	    fwrite(&rep->fee_notices, sizeof rep->fee_notices, 1, f) != 1)
		return ERR_IO;
	for (int s = 0; s < SEC__MAX && rc == 0; s++) {
		uint32_t len = rep->section[s] ? (uint32_t)strlen(rep->section[s]) : UINT32_MAX;
		if (fwrite(&len, sizeof len, 1, f) != 1 ||
		    (len != UINT32_MAX && fwrite(rep->section[s], 1, len, f) != len))
			rc = ERR_IO;
	}
	return rc;
}

/* The report model of row read back into rep (initialised by the call; to be freed with
 * report_free only when the call returns 0). */
static int unspool_report(FILE *f, const struct check_row *row, struct annual_report *rep)
{
	struct report_cells cells;
	int rc = 0;

	if (fseek(f, row->model, SEEK_SET) != 0 || fread(&cells, sizeof cells, 1, f) != 1)
		return ERR_IO;
	report_init(rep, cells.fmt);
	rep->cells = cells;
	report_set_agency(rep, row->agency);
	if (fread(&rep->year, sizeof rep->year, 1, f) != 1 ||
	    fread(&rep->organ, sizeof rep->organ, 1, f) != 1 ||
	    fread(&rep->fee_notices, sizeof rep->fee_notices, 1, f) != 1)
		rc = ERR_IO;
	for (int s = 0; s < SEC__MAX && rc == 0; s++) {
		uint32_t len;
		if (fread(&len, sizeof len, 1, f) != 1) {
			rc = ERR_IO;
			break;
		}
		if (len == UINT32_MAX)
			continue;
		rep->section[s] = xmalloc((size_t)len + 1);
		if (fread(rep->section[s], 1, len, f) != len)
			rc = ERR_IO;
		rep->section[s][len] = '\0';
	}
	if (rc)
		report_free(rep);
	return rc;
}

/* Check file i and keep what the outputs need: a row, the findings (or JSON) in the spool. */
static int check_one(struct run *r, size_t i, const char *path)
{
	struct chk_report rep;
	struct check_row *row = &r->rows[i];
	int rc = 0;

	chk_check_file(path, &r->o, &rep);
	check_row_fill(row, &rep);
	if (rep.ok) {
		row->spool = ftell(r->spool);
		if (r->json) {
			json_t *o = check_report_json(&rep);
			char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			json_decref(o);
			row->nfind = text ? strlen(text) : 0;
			if (!text || fwrite(text, 1, row->nfind, r->spool) != row->nfind)
				rc = ERR_IO;
			free(text);
		} else {
			row->nfind = rep.findings.n;
			if (fwrite(rep.findings.v, sizeof *rep.findings.v, rep.findings.n, r->spool) !=
			    rep.findings.n)
				rc = ERR_IO;
		}
		if (rc == 0 && row->agency && row->year && row->format != CHK_FMT_LEGACY)
			rc = spool_report(r->spool, &rep.res.rep, row);
	}
	chk_report_free(&rep);
	return rc;
}

/* The cross-year rules on every pair of reports of the same organ for consecutive years, on
 * the report models read back from the spool two at a time (a folder of one year has none). */
static int cross_pairs(struct run *r)
{
	struct chk_key *keys = xcalloc(r->n ? r->n : 1, sizeof *keys);
	size_t (*pairs)[2], np;
	struct annual_report prev, cur;
	size_t held = (size_t)-1;
	int rc = 0;

	for (size_t i = 0; i < r->n; i++) {
		const struct check_row *row = &r->rows[i];
		if (row->ok && row->agency && row->year && row->format != CHK_FMT_LEGACY)
			keys[i].agency = row->agency, keys[i].year = row->year;
	}
	np = chk_cross_pairs(keys, r->n, &pairs);
	for (size_t k = 0; k < np && rc == 0; k++) {
		struct check_row *c = &r->rows[pairs[k][1]];
		struct findings f;
		if (held != pairs[k][0]) {
			if (held != (size_t)-1)
				report_free(&prev);
			held = (size_t)-1;
			if ((rc = unspool_report(r->spool, &r->rows[pairs[k][0]], &prev)) != 0)
				break;
			held = pairs[k][0];
		}
		if ((rc = unspool_report(r->spool, c, &cur)) == 0) {
			findings_init(&f);
			chk_cross_one(&prev, &cur, &r->o, &f);
			for (size_t j = 0; j < f.n; j++) {
				if (c->cross.n == c->cross.cap) {
					c->cross.cap = c->cross.cap ? 2 * c->cross.cap : 4;
					c->cross.v = xrealloc(c->cross.v, c->cross.cap * sizeof *c->cross.v);
				}
				c->cross.v[c->cross.n++] = f.v[j];
			}
			check_row_count(c, &f);
			findings_free(&f);
			report_free(&cur);
		}
	}
	if (held != (size_t)-1)
		report_free(&prev);
	free(pairs);
	free(keys);
	return rc;
}

/* Every report in order on stdout: text, JSON or CSV. */
static int print_reports(struct run *r, int json, int csv)
{
	int rc = 0;

	if (csv)
		check_print_csv_header();
	for (size_t i = 0; i < r->n && rc == 0; i++) {
		const struct check_row *row = &r->rows[i];
		if (csv) {
			check_print_csv(row);
		} else if (json) {
			if (!row->ok) {
				json_t *o = json_object();
				char *text;
				json_object_set_new(o, "file", json_string(row->file));
				json_object_set_new(o, "error", json_string(row->error));
				text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
				printf("%s%s", i ? ",\n" : "[\n", text ? text : "{}");
				free(text);
				json_decref(o);
			} else {
				rc = check_print_json(r->spool, row, i == 0);
			}
		} else {
			struct finding *f = NULL;
			if ((rc = check_spool_findings(r->spool, row, &f)) == 0)
				check_print_text(row, f, row->nfind);
			free(f);
		}
	}
	if (json && rc == 0)
		printf("%s]\n", r->n ? "\n" : "[");
	return rc;
}

/* The outputs of a run and its exit status: the summaries, the reports on stdout, the totals. */
static int finish(struct run *r, int json, int csv, const char *html, const char *xlsx)
{
	size_t errors = 0, warned = 0, nerr = 0, nwarn = 0, unreadable = 0;
	size_t *order = xcalloc(r->n ? r->n : 1, sizeof *order);
	struct gk_error e = { 0 };
	int status = CLI_OK;

	check_order_worst_first(r->rows, r->n, order);
	if ((html && check_write_html(html, r->rows, order, r->n, r->spool, &e) != 0) ||
	    (xlsx && check_write_xlsx(xlsx, r->rows, order, r->n, r->spool, &e) != 0)) {
		fprintf(stderr, "gongkai check: %s\n", e.msg);
		status = CLI_USAGE;
	}
	free(order);
	if ((json || csv || (!html && !xlsx)) && print_reports(r, json, csv) != 0) {
		fprintf(stderr, "gongkai check: cannot read the temporary file back\n");
		return CLI_PROBLEMS;
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct check_row *row = &r->rows[i];
		if (!row->ok) {
			unreadable++;
			fprintf(stderr, "gongkai check: %s: %s\n", row->file, row->error);
		}
		errors += row->nerr > 0, warned += row->nwarn > 0, nerr += row->nerr, nwarn += row->nwarn;
	}
	if (!json && !csv) {
		printf("%zu 个文件：%zu 个有错误（E %zu 处），%zu 个有警告（W %zu 处），%zu 个无法读取\n",
		       r->n, errors, nerr, warned, nwarn, unreadable);
		if (html && status == CLI_OK)
			printf("汇总已写入 %s\n", html);
		if (xlsx && status == CLI_OK)
			printf("汇总已写入 %s\n", xlsx);
	}
	if (unreadable || status == CLI_USAGE)
		return CLI_USAGE;
	return errors ? CLI_PROBLEMS : CLI_OK;
}

/* What check reads from its options. */
struct check_opts {
	const char *html, *xlsx;
	int json, csv, strict, help;
};

#define O(field) offsetof(struct check_opts, field)
static const struct cli_opt check_options[] = {
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "csv", .type = CLI_OPT_FLAG, .offset = O(csv) },
	{ .name = "html", .type = CLI_OPT_TEXT, .offset = O(html) },
	{ .name = "xlsx", .type = CLI_OPT_TEXT, .offset = O(xlsx) },
	{ .name = "strict", .type = CLI_OPT_FLAG, .offset = O(strict) },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int cmd_check(struct cli *cli, int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct run r = { 0 };
	struct files files = { 0 };
	const char *html, *xlsx;
	int json, csv, x, status = CLI_OK, tty;
	double t0;

	if ((x = cli_opts_read("check", check_options, &o, argc, argv, NULL, usage)) != 0)
		return x < 0 ? CLI_OK : x;
	html = o.html;
	xlsx = o.xlsx;
	json = o.json;
	csv = o.csv;
	r.o.strict = o.strict;
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
	if ((r.spool = tmpfile()) == NULL) {
		fprintf(stderr, "gongkai check: cannot create a temporary file\n");
		status = CLI_PROBLEMS;
		goto out;
	}
	setvbuf(r.spool, NULL, _IOFBF, 1 << 20);  /* few large writes */
	r.json = json;
	r.n = files.n;
	r.rows = xcalloc(files.n ? files.n : 1, sizeof *r.rows);
	tty = isatty(2) && files.n > PROGRESS_FROM;
	t0 = clock_seconds();
	for (size_t i = 0; i < files.n; i++) {
		if (check_one(&r, i, files.v[i]) != 0) {
			fprintf(stderr, "gongkai check: cannot write the temporary file\n");
			status = CLI_PROBLEMS;
			goto out;
		}
		if (tty && (i % 16 == 0 || i + 1 == files.n))
			progress(i + 1, files.n, t0, i + 1 == files.n);
	}
	if (cross_pairs(&r) != 0) {
		fprintf(stderr, "gongkai check: cannot read the temporary file back\n");
		status = CLI_PROBLEMS;
		goto out;
	}
	status = finish(&r, json, csv, html, xlsx);
out:
	for (size_t i = 0; i < r.n; i++)
		check_row_free(&r.rows[i]);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	if (r.spool)
		fclose(r.spool);
	free(r.rows);
	free(files.v);
	(void)cli;
	return status;
}

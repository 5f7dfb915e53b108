/*
 * check_out.h — what `gongkai check` prints and writes: each report as text, JSON or a CSV line,
 * and the summary of a folder (one table of every report, worst first, then each report's
 * findings) as HTML or XLSX.
 *
 * A folder is read one report at a time: what the outputs need of a report is kept as a small
 * check_row, its findings go to a spool file (check_out reads them back), so memory does not
 * grow with the size of the reports. Calls check/, format/, render/ (HTML escaping, XLSX
 * listings).
 */
#ifndef GK_CLI_CHECK_OUT_H
#define GK_CLI_CHECK_OUT_H

#include <jansson.h>
#include <stdio.h>

#include "check/check.h"

/* One report as the outputs need it. */
struct check_row {
	char *file;               /* owned */
	int ok;                   /* 0: unreadable, error says why */
	char *error;              /* owned */
	char *agency;             /* owned, NULL = not named */
	int year;                 /* 0 = unknown */
	enum chk_format format;
	enum chk_source source;
	const char *charset;      /* static */
	int complete;
	int have, ncells, blank;  /* cells read (blank included), cells of the format, blank ones */
	size_t nerr, nwarn;
	char *first_error;        /* owned, "RULE message" of the first E finding; NULL if none */
	char *extra;              /* owned, local extra rows; NULL if none */
	long spool;               /* offset of its findings (or JSON text) in the spool, -1 none */
	size_t nfind;             /* findings (or JSON bytes) there */
	long model;               /* offset of its report model in the spool (cross-year step) */
	struct findings cross;    /* cross-year findings added after the folder was read */
};

/* Fill row from a checked report (the findings are written to the spool by the caller). */
void check_row_fill(struct check_row *row, const struct chk_report *r);
/* Count findings f into row (E, W, the first E): the report's own, then cross-year ones. */
void check_row_count(struct check_row *row, const struct findings *f);
void check_row_free(struct check_row *row);

/* The report's findings read back from the spool (*out owned by the caller). */
int check_spool_findings(FILE *spool, const struct check_row *row, struct finding **out);

/* Per report output. */
void check_print_text(const struct check_row *row, const struct finding *f, size_t n);
void check_print_csv_header(void);
void check_print_csv(const struct check_row *row);
/* The JSON object of a checked report (the same keys as before a folder was streamed). */
json_t *check_report_json(const struct chk_report *r);
/* Print the JSON object spooled for row, with its cross-year findings appended. */
int check_print_json(FILE *spool, const struct check_row *row, int first);

/* The summary of rows[0..n) (order[] = worst first) written to path as HTML or XLSX; the
 * file is replaced only when complete. */
int check_write_html(const char *path, const struct check_row *rows, const size_t *order,
		     size_t n, FILE *spool, struct gk_error *e);
int check_write_xlsx(const char *path, const struct check_row *rows, const size_t *order,
		     size_t n, FILE *spool, struct gk_error *e);
/* order[0..n) sorted worst first: unreadable, most errors, most warnings, incomplete, file. */
void check_order_worst_first(const struct check_row *rows, size_t n, size_t *order);

#endif

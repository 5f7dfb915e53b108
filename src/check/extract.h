/*
 * extract.h — from the rows of a captured report (doc.h) to a report model (format/report.h).
 *
 * Extraction detects the format version (spec §7.1, then cross-checked with the year), the
 * report year and the organ's name from the title or preamble, the six sections by numeral and
 * keyword (heading variants, Markdown '#', auto-numbered '1、 总体情况', a lost numeral), and
 * the cells of Tables 二, 三 and 四 keyed on their row labels (spec §7.3): the values after a
 * label are read up to the next label, blank / '-' / '/' cells are BLANK (0), full-width
 * digits, units inside cells ('251000元') and signed values are read, padding cells are
 * trimmed, a 法人或其他组织 subtotal column is checked and dropped, rows whose empty cells the
 * capture dropped keep only their 总计, local extra rows are kept aside. Cells the capture never
 * reached stay ABSENT, so no rule is judged on them; a capture that lacks a section or a cell
 * is incomplete. Injected ruby annotations ('認(rèn)真') and gambling spam standing in for a
 * place name are removed first.
 *
 * What extraction itself notices about the capture is reported as findings of its own rules
 * (CAP-*, see chk_cap_rules), next to the report rules of format/rules.h.
 * May call base/, text/, format/ and check/doc.h.
 */
#ifndef GK_CHECK_EXTRACT_H
#define GK_CHECK_EXTRACT_H

#include "base/err.h"
#include "check/doc.h"
#include "format/report.h"
#include "format/rules.h"

/* The format as detected: a declared format, or neither. */
enum chk_format { CHK_FMT_2021, CHK_FMT_2019, CHK_FMT_LEGACY, CHK_FMT_UNKNOWN };

struct chk_result {
	struct annual_report rep;    /* agency (NULL if the capture never names it), year (0 if
				      * unknown), cells (cells.fmt is the 2021 table when the
				      * format is unknown), sections (NULL = not found) */
	enum chk_format format;
	int complete;                /* every section and every cell of the format was read */
	int rows_seen[FMT_T3_ROWS_MAX]; /* Table 三 row labels met in the capture */
	int blank[FMT_CELLS_MAX];    /* cells printed blank, '-' or '/' (all of them, confirmed
				      * as 0 or not) */
	struct findings notes;       /* CAP-* findings about the capture */
	char *extra;                 /* local extra rows, "label: v1 v2 …" lines; owned; may be NULL */
	const char *charset;         /* of the input (static) */
	enum chk_source source;
};

/* "2021", "2019", "legacy", "unknown". */
const char *chk_format_id(enum chk_format f);

/* Extract d into r (initialised by the call; free with chk_result_free even on error). */
int chk_extract(const struct chk_doc *d, struct chk_result *r, struct gk_error *e) GK_WUR;
void chk_result_free(struct chk_result *r);

/* The rules extraction reports under (CAP-01 …), for documentation and --help. */
const struct rule_def *chk_cap_rules(size_t *n);

#endif

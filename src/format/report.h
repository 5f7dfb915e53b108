/*
 * report.h — the annual report model shared by the generator, the renderers and the checker.
 *
 * struct annual_report is what a report *is*, whoever made it: the organ, the year, the
 * format, every numeric cell (cells.h) and the six sections' texts. The generator
 * (report_compute in domain/) fills it from the ledger; the report reader (check/) fills it
 * from a published page; the renderers (render/) write it out; the rules (rules.h) judge it.
 * Section texts are plain UTF-8, paragraphs separated by a blank line; for sections 二–四 the
 * text is an optional sentence printed before the table. NULL text = the section is absent
 * (a reader never found it); "" = present but empty.
 * May use base/ and text/ only.
 */
#ifndef GK_FORMAT_REPORT_H
#define GK_FORMAT_REPORT_H

#include "format/cells.h"

/* What kind of organ reports: decides T2-03 (a township cannot make 规章) and which
 * deadline applies (spec §0). */
enum organ_kind {
	ORGAN_UNKNOWN = 0,
	ORGAN_TOWNSHIP,     /* 乡（镇）人民政府, 街道办事处 */
	ORGAN_DEPARTMENT,   /* 县级以上人民政府部门 */
	ORGAN_GOVERNMENT,   /* 县级以上地方人民政府 (its own consolidated report) */
};

struct annual_report {
	char *agency;                     /* owned; "慈周寨镇" */
	int year;                         /* report year (the statistical year) */
	enum organ_kind organ;
	struct report_cells cells;        /* cells.fmt is the format */
	char *section[SEC__MAX];          /* owned; NULL = absent */
	long fee_notices;                 /* 收费通知 issued, as reported in 六; -1 = not reported */
	/* The previous year's report of the same organ (its latest published revision), for the
	 * change from last year in the 图解; prev.fmt NULL = none (its format may differ). */
	struct report_cells prev;
};

/* An empty report of the given format: no agency, every cell ABSENT, every section NULL,
 * fee_notices -1. Release with report_free. */
void report_init(struct annual_report *r, const struct report_format *f);
/* Release what r owns; r may be NULL; r is empty afterwards (its format kept). */
void report_free(struct annual_report *r);

/* Copy agency / a section text into r (replacing the old one; NULL clears). */
void report_set_agency(struct annual_report *r, const char *agency);
void report_set_section(struct annual_report *r, enum section s, const char *text);

/* Section s's text ("" when absent) and in *len its length without trailing whitespace —
 * what a renderer prints. */
const char *report_section_text(const struct annual_report *r, enum section s, size_t *len);

/* Guess the organ kind from its name: names ending in 镇 乡 街道 街道办事处 (optionally
 * followed by 人民政府) → ORGAN_TOWNSHIP; ending in 人民政府 → ORGAN_GOVERNMENT; anything
 * else ORGAN_UNKNOWN (a department cannot be told from its name reliably). */
enum organ_kind report_guess_organ(const char *agency);

/* Derived figure of Table 四 (T4-05, not printed): 行政诉讼合计 = both litigation totals. */
int64_t report_litigation_total(const struct report_cells *c);

#endif

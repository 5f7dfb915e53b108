/*
 * rules.h — the consistency rules of the annual report (spec §6), declared once.
 *
 * Every rule has an id (T3-01 … T3-09, T4-01 … T4-06, T2-01 … T2-05 from the spec; CELL-BLANK,
 * TXT-01 … TXT-05 and FMT-01 for the checks on blank cells, section texts and format/year),
 * a severity (E: must not be published; W: shown to the reviewer; I: information), and a
 * check that emits findings: the rule, the severity, the cells it points at and a Chinese
 * message stating expected and found ("第一项加第二项之和应等于第三项加第四项之和（自然人列）：
 * 0 + 0 ≠ 0 + 1"). No arithmetic rule is judged on ABSENT cells; BLANK cells count as 0, and
 * a blank total is first recomputed from its parts (cells_derive_blank_totals).
 * Used by the generator (refuse publication on E), the checker and the renderers (JSON).
 * May use base/ and text/ only.
 */
#ifndef GK_FORMAT_RULES_H
#define GK_FORMAT_RULES_H

#include "format/report.h"

enum severity { SEV_INFO = 0, SEV_WARN, SEV_ERROR };

#define FINDING_MAX_CELLS 32

struct finding {
	const char *rule;                   /* "T3-01" (static) */
	enum severity sev;
	const struct report_format *fmt;    /* the format the cell indices refer to */
	int ncells;
	int cells[FINDING_MAX_CELLS];       /* cell indices; fmt_cell(fmt, i)->id for the id */
	char msg[512];                      /* Chinese, expected vs found */
};

struct findings {
	struct finding *v;
	size_t n, cap;
};

struct rule_options {
	int strict;            /* blank cells are E instead of W (gongkai check --strict) */
	int produced_here;     /* cross-year: both reports produced by gongkai → T3-05 is E */
	double repeat_share;   /* TXT-05 threshold, share of identical sentences (0 → 0.5) */
};

/* One row of the rule table. */
struct rule_def {
	const char *id;
	enum severity sev;        /* default severity */
	unsigned versions;        /* bit (1 << enum fmt_version) for each format it applies to */
	int cross;                /* 1: needs the previous year's report (rules_check_cross) */
	const char *summary;      /* Chinese, one line, for docs and `--help` */
};

/* The rule table, in order: rules_at(0) … rules_at(rules_count() - 1). */
size_t rules_count(void);
const struct rule_def *rules_at(size_t i);
/* The rule with this id, or NULL. */
const struct rule_def *rules_find(const char *id);
/* "E", "W" or "I". */
const char *severity_code(enum severity s);

void findings_init(struct findings *f);
void findings_free(struct findings *f);
/* Number of findings of a severity. */
size_t findings_count(const struct findings *f, enum severity s);

/* Judge one report by every single-report rule; appends to out. o may be NULL (defaults).
 * The report is not modified (blank totals are recomputed on a copy). */
void rules_check(const struct annual_report *r, const struct rule_options *o,
		 struct findings *out);

/* Judge a report against the same organ's previous-year report (T3-05, T2-02, T4-06,
 * TXT-05); appends to out. Either format on either side. */
void rules_check_cross(const struct annual_report *prev, const struct annual_report *cur,
		       const struct rule_options *o, struct findings *out);

/* The cross-year cell rules on their own (for the checker's folder cross-checks):
 * T3-05 — cur 二、上年结转 == prev 四、结转下年度继续办理, per column, with severity sev;
 * T2-02 — cur 现行有效件数 == prev 现行有效件数 + cur 本年制发件数 − cur 本年废止件数 (2021). */
void rules_t3_05(const struct report_cells *prev, const struct report_cells *cur,
		 enum severity sev, struct findings *out);
void rules_t2_02(const struct report_cells *prev, const struct report_cells *cur,
		 struct findings *out);

#endif

/*
 * rules_int.h — inside the rule set of format/rules.h: the context a rule's check receives,
 * the one way it reports (rules_emit / EMIT), the helpers the checks share, and the checks
 * the table of rules.c names, by the file that holds them:
 *   rules.c        findings, the table, running it (rules_check);
 *   rules_tables.c the arithmetic of Tables 二, 三 and 四, blank cells, format and year;
 *   rules_text.c   the sections' texts and the figures the narrative states;
 *   rules_cross.c  the rules that compare two consecutive years (rules_check_cross).
 * May call base/ and text/.
 */
#ifndef GK_FORMAT_RULES_INT_H
#define GK_FORMAT_RULES_INT_H

#include "base/buf.h"
#include "format/rules.h"

struct rule_ctx {
	const struct annual_report *r;
	const struct report_cells *c;     /* blank totals already derived */
	const struct report_format *f;
	const struct rule_options *o;
	const struct rule_def *def;
	struct findings *out;
	struct buf norm[SEC__MAX];        /* section texts normalised once, on first use */
	unsigned char normed[SEC__MAX];
};

typedef void (*rule_fn)(struct rule_ctx *x);

/* Append a finding; cells may be NULL when n is 0. The message is truncated to fit. */
void rules_emit(struct findings *out, const char *rule, enum severity sev,
		const struct report_format *f, const int *cells, int n, const char *fmt, ...)
	GK_PRINTF(7, 8);

#define EMIT(x, cells, n, ...) \
	rules_emit((x)->out, (x)->def->id, (x)->def->sev, (x)->f, (cells), (n), __VA_ARGS__)

static inline int present(const struct report_cells *c, int idx)
{
	return idx >= 0 && cells_state(c, idx) != CELL_ABSENT;
}

static inline int all_present(const struct report_cells *c, const int *idx, int n)
{
	for (int i = 0; i < n; i++)
		if (!present(c, idx[i]))
			return 0;
	return 1;
}

static inline long long val(const struct report_cells *c, int idx)
{
	return (long long)cells_get(c, idx);
}

#define NAME_CAP 256

/* "“（六）3.其他”行“总计”列", "行政复议“总计”", "“规章”的“本年制发件数”" (into out[cap]). */
const char *rules_cell_name(const struct report_format *f, int idx, char *out, size_t cap);
/* The cell of Table 二 row `row` column `col` by ids, or -1. */
int rules_t2_id(const struct report_format *f, const char *row, const char *col);
/* Split normalised text into sentences (。！？；\n) and call fn on each. */
void rules_each_sentence(const char *text, void (*fn)(const char *s, size_t len, void *arg),
			 void *arg);
/* Section sec of the report, NFKC + casefold normalised (computed once per check), or NULL
 * when the section is absent or cannot be normalised. */
const char *rules_section_norm(struct rule_ctx *x, int sec);
/* The number of 收费通知 stated in normalised text, e.g. "发出收费通知 3 件", or -1. */
long rules_fee_notices(const char *text);

/* The checks of one report (rules_tables.c) */
void rule_t3_01(struct rule_ctx *x);
void rule_t3_02(struct rule_ctx *x);
void rule_t3_03(struct rule_ctx *x);
void rule_t3_04(struct rule_ctx *x);
void rule_t3_06(struct rule_ctx *x);
void rule_t3_07(struct rule_ctx *x);
void rule_t3_09(struct rule_ctx *x);
void rule_t4_01(struct rule_ctx *x);
void rule_t4_02(struct rule_ctx *x);
void rule_t4_03(struct rule_ctx *x);
void rule_t4_04(struct rule_ctx *x);
void rule_t2_01(struct rule_ctx *x);
void rule_t2_03(struct rule_ctx *x);
void rule_t2_04(struct rule_ctx *x);
void rule_t2_05(struct rule_ctx *x);
void rule_cell_blank(struct rule_ctx *x);
void rule_fmt_01(struct rule_ctx *x);
/* (rules_text.c) */
void rule_t3_08(struct rule_ctx *x);
void rule_txt_01(struct rule_ctx *x);
void rule_txt_02(struct rule_ctx *x);
void rule_txt_03(struct rule_ctx *x);

#endif

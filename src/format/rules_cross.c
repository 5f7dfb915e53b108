/*
 * rules_cross.c — the rules that compare a report with the previous year's (see rules.h,
 * rules_int.h): 上年结转 carried over (T3-05), Table 二's stock of documents in force (T2-02),
 * cases without applications two years running (T4-06), a narrative copied from last year
 * (TXT-05). Spec: docs/spec/annual-report-format.md §6. May call base/, text/.
 */
#include "format/rules_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/normalise.h"
#include "text/utf8.h"

/* REQ 年报格式-三-结转: 本年“上年结转” = 上年“结转下年度继续办理” */
void rules_t3_05(const struct report_cells *prev, const struct report_cells *cur,
		 enum severity sev, struct findings *out)
{
	for (int col = 0; col < T3C__MAX; col++) {
		int p = fmt_t3_cell(prev->fmt, T3R_CARRIED_OUT, col);
		int c = fmt_t3_cell(cur->fmt, T3R_CARRIED_IN, col);

		if (!present(prev, p) || !present(cur, c) || val(prev, p) == val(cur, c))
			continue;
		rules_emit(out, "T3-05", sev, cur->fmt, &c, 1, "本年“上年结转政府信息公开申请数量”应等于上年"
		     "“结转下年度继续办理”（%s列）：上年 %lld，本年 %lld", cur->fmt->t3_cols[col].label,
		     val(prev, p), val(cur, c));
	}
}

void rules_t2_02(const struct report_cells *prev, const struct report_cells *cur,
		 struct findings *out)
{
	static const char *const rows[] = { "rule", "normdoc" };

	if (prev->fmt->version != FMT_V2021 || cur->fmt->version != FMT_V2021)
		return;  /* the 2019 columns count something else */
	for (size_t i = 0; i < 2; i++) {
		int p = rules_t2_id(prev->fmt, rows[i], "in_force");
		int c[3] = { rules_t2_id(cur->fmt, rows[i], "in_force"), rules_t2_id(cur->fmt, rows[i], "issued"),
			     rules_t2_id(cur->fmt, rows[i], "repealed") };

		if (!present(prev, p) || !all_present(cur, c, 3))
			continue;
		if (val(prev, p) + val(cur, c[1]) - val(cur, c[2]) != val(cur, c[0]))
			rules_emit(out, "T2-02", SEV_WARN, cur->fmt, c, 3, "现行有效件数应等于上年现行有效件数"
			     "加本年制发件数减本年废止件数（%s）：%lld + %lld − %lld ≠ %lld",
			     fmt_cell(cur->fmt, c[0])->row_label, val(prev, p), val(cur, c[1]),
			     val(cur, c[2]), val(cur, c[0]));
	}
}

static void t4_06(const struct report_cells *prev, const struct report_cells *cur,
		  struct findings *out)
{
	int a[3] = { fmt_t3_cell(prev->fmt, T3R_NEW_RECEIVED, T3C_TOTAL),
		     fmt_t3_cell(cur->fmt, T3R_NEW_RECEIVED, T3C_TOTAL),
		     fmt_t3_cell(cur->fmt, T3R_CARRIED_IN, T3C_TOTAL) };
	int t[T4G__MAX];
	long long cases = 0;

	if (!present(prev, a[0]) || !present(cur, a[1]) || !present(cur, a[2]))
		return;
	if (val(prev, a[0]) || val(cur, a[1]) || val(cur, a[2]))
		return;
	for (int g = 0; g < T4G__MAX; g++) {
		t[g] = fmt_t4_cell(cur->fmt, g, T4C_TOTAL);
		if (present(cur, t[g]))
			cases += val(cur, t[g]);
	}
	if (cases > 0)
		rules_emit(out, "T4-06", SEV_WARN, cur->fmt, t, T4G__MAX, "连续两年没有收到政府信息公开申请，"
		     "却报告了 %lld 件行政复议、行政诉讼案件（请核实是否因主动公开引起）", cases);
}

/* TXT-05: sentences of the narrative sections found verbatim in last year's report. */
struct sentences {
	char **v;
	size_t n, cap;
};

static void collect_sentence(const char *s, size_t len, void *arg)
{
	struct sentences *ss = arg;
	size_t i = 0, j = 0;
	char *t;

	while (i < len && strchr(" \t\r", s[i]))
		i++;
	if (utf8_count(s + i, len - i) < 10)
		return;   /* short sentences ("无", headings) repeat legitimately */
	t = xstrndup(s + i, len - i);
	for (i = 0; t[i]; i++)   /* ignore spaces: reports are retyped */
		if (t[i] != ' ')
			t[j++] = t[i];
	t[j] = '\0';
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? 2 * ss->cap : 32;
		ss->v = xrealloc(ss->v, ss->cap * sizeof *ss->v);
	}
	ss->v[ss->n++] = t;
}

static void collect(const struct annual_report *r, struct sentences *ss)
{
	static const enum section narrative[] = { SEC_OVERVIEW, SEC_PROBLEMS, SEC_OTHER_MATTERS };

	for (size_t i = 0; i < 3; i++) {
		const char *text = r->section[narrative[i]];
		struct buf b;

		if (!text)
			continue;
		buf_init(&b, 0);
		if (text_nfkc_casefold(text, strlen(text), &b, NULL) == 0 && b.len)
			rules_each_sentence(b.ptr, collect_sentence, ss);
		buf_free(&b);
	}
}

static void sentences_free(struct sentences *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		free(ss->v[i]);
	free(ss->v);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void txt_05(const struct annual_report *prev, const struct annual_report *cur,
		   double threshold, struct findings *out)
{
	struct sentences p = { 0 }, c = { 0 };
	size_t same = 0;

	collect(prev, &p);
	collect(cur, &c);
	if (p.n)
		qsort(p.v, p.n, sizeof *p.v, cmp_str);
	for (size_t i = 0; i < c.n; i++)
		same += p.n && bsearch(&c.v[i], p.v, p.n, sizeof *p.v, cmp_str) != NULL;
	if (c.n >= 3 && (double)same >= threshold * (double)c.n)
		rules_emit(out, "TXT-05", SEV_WARN, cur->cells.fmt, NULL, 0, "正文与 %d 年报告雷同：%zu 句中有 "
		     "%zu 句与上年完全相同（%.0f%%）", prev->year, c.n, same, 100.0 * (double)same /
		     (double)c.n);
	sentences_free(&p);
	sentences_free(&c);
}

void rules_check_cross(const struct annual_report *prev, const struct annual_report *cur,
		       const struct rule_options *o, struct findings *out)
{
	static const struct rule_options defaults = { 0, 0, 0.5 };
	struct report_cells pc = prev->cells, cc = cur->cells;

	if (!o)
		o = &defaults;
	if (!pc.fmt || !cc.fmt)
		return;
	cells_derive_blank_totals(&pc);
	cells_derive_blank_totals(&cc);
	rules_t3_05(&pc, &cc, o->produced_here ? SEV_ERROR : SEV_WARN, out);
	rules_t2_02(&pc, &cc, out);
	t4_06(&pc, &cc, out);
	txt_05(prev, cur, o->repeat_share > 0 ? o->repeat_share : 0.5, out);
}

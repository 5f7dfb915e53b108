/*
 * report_compute.c — the annual report computed from the ledger (see report_compute.h).
 *
 * The mapping from the ledger's codes to the format's cells goes by id: an application's
 * outcome id is the Table 三 row_id and its applicant type id the col_id (domain/app_codes.h,
 * spec §4.1–§4.2), so no second list of rows is kept here.
 * May call store/, domain/, format/, text/, base/.
 */
#include "domain/report_compute.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "domain/audit.h"
#include "domain/catalogue.h"
#include "domain/registers.h"
#include "domain/report_ledger.h"
#include "store/report_store.h"
#include "text/jsonw.h"
#include "text/utf8.h"

static const char *const text_ids[RTEXT__MAX] = { "overview", "problems", "other_matters" };

int report_text_section_by_name(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "overview") == 0)
		return RTEXT_OVERVIEW;
	if (strcmp(name, "problems") == 0)
		return RTEXT_PROBLEMS;
	if (strcmp(name, "other") == 0 || strcmp(name, "other_matters") == 0)
		return RTEXT_OTHER;
	return -1;
}

enum section report_text_section_of(enum report_text_section t)
{
	static const enum section map[RTEXT__MAX] = { SEC_OVERVIEW, SEC_PROBLEMS, SEC_OTHER_MATTERS };

	return map[t];
}

int report_text_set(struct store *s, int64_t agency_id, int year, enum report_text_section t,
		    const char *text, size_t len, struct gk_error *e)
{
	char at[21];
	struct jsonw w;
	struct buf b, content;
	int rc;

	if (len > REPORT_TEXT_MAX)
		return err_set(e, ERR_LIMIT, "file", "文字超过 %d 字节", REPORT_TEXT_MAX);
	if (!utf8_valid(text, len) || memchr(text, '\0', len))
		return err_set(e, ERR_INVALID, "file", "文字须为 UTF-8 编码");
	buf_init(&b, 0);
	for (size_t i = 0; i < len; i++)
		if (!(text[i] == '\r' && i + 1 < len && text[i + 1] == '\n'))
			if ((rc = buf_putc(&b, text[i])) != 0)
				goto out;
	while (b.len > 0 && (b.ptr[b.len - 1] == '\n' || b.ptr[b.len - 1] == ' ' ||
			     b.ptr[b.len - 1] == '\t' || b.ptr[b.len - 1] == '\r'))
		b.len--;
	if (b.ptr)
		b.ptr[b.len] = '\0';
	store_now(at);
	if ((rc = report_store(s)->text_put(s, agency_id, year, text_ids[t], buf_cstr(&b), at,
					    store_actor(s), e)) != 0)
		goto out;
	buf_init(&content, 0);
	jsonw_init(&w, &content, 0);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "year", year);
	jsonw_kstr(&w, "section", text_ids[t]);
	jsonw_kint(&w, "bytes", (int64_t)b.len);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) == 0)
		rc = audit_record(s, agency_id, "report_text", year, "set", buf_cstr(&content), e);
	buf_free(&content);
out:
	if (rc == ERR_LIMIT && e->code == 0)
		err_set(e, ERR_LIMIT, "file", "文字太长");
	buf_free(&b);
	return rc;
}

int report_text_get(struct store *s, int64_t agency_id, int year, enum report_text_section t,
		    struct arena *a, const char **out, struct gk_error *e)
{
	return report_store(s)->text_get(s, agency_id, year, text_ids[t], a, out, e);
}

/* ---- the draft of 一、总体情况 ---- */

int report_overview_draft(const char *agency, const struct report_figures *f, struct buf *out)
{
	int rc = 0;

	rc |= buf_printf(out, "%d年，%s认真贯彻落实《中华人民共和国政府信息公开条例》，"
			 "本报告中所列数据统计期限为%d年1月1日至12月31日。\n\n", f->year, agency, f->year);
	rc |= buf_printf(out, "（一）信息主动公开情况。");
	if (f->normdocs_issued > 0)
		rc |= buf_printf(out, "%d年制发规章和行政规范性文件%lld件，年末现行有效%lld件。", f->year,
				 (long long)f->normdocs_issued, (long long)f->normdocs_in_force);
	else
		rc |= buf_printf(out, "%d年未制发规章和行政规范性文件。", f->year);
	if (f->docs_published > 0)
		rc |= buf_printf(out, "%d年通过政府信息公开目录主动公开政府信息%lld条。", f->year,
				 (long long)f->docs_published);
	if (f->news_total > 0) {
		rc |= buf_printf(out, "%d年", f->year);
		for (size_t i = 0; i < f->news_platforms; i++)
			rc |= buf_printf(out, "%s在%s发布新闻%lld条", i ? "、" : "", f->news[i].name,
					 (long long)f->news[i].n);
		rc |= buf_puts(out, "。");
	}
	rc |= buf_puts(out, "\n\n（二）信息依申请公开情况。");
	if (f->received == 0 && f->carried_in == 0) {
		rc |= buf_printf(out, "%d年全年未收到政府信息公开申请。", f->year);
	} else {
		if (f->received == 0)
			rc |= buf_printf(out, "%d年全年未收到政府信息公开申请。", f->year);
		else
			rc |= buf_printf(out, "%d年共收到政府信息公开申请%lld件。", f->year,
					 (long long)f->received);
		if (f->carried_in > 0)
			rc |= buf_printf(out, "上年结转%lld件。", (long long)f->carried_in);
		rc |= buf_printf(out, "本年度办结%lld件。", (long long)f->handled);
		if (f->carried_out > 0)
			rc |= buf_printf(out, "结转下年度继续办理%lld件。", (long long)f->carried_out);
	}
	if (f->reviews > 0 || f->lawsuits > 0) {
		if (f->reviews > 0)
			rc |= buf_printf(out, "因政府信息公开工作被申请行政复议%lld件。", (long long)f->reviews);
		else
			rc |= buf_puts(out, "未因政府信息公开工作被申请行政复议。");
		if (f->lawsuits > 0)
			rc |= buf_printf(out, "因政府信息公开工作被提起行政诉讼%lld件。", (long long)f->lawsuits);
		else
			rc |= buf_puts(out, "未因政府信息公开工作被提起行政诉讼。");
	}
	rc |= buf_puts(out, "\n\n（三）政府信息管理情况。\n\n（四）政府信息公开平台建设情况。\n\n"
			    "（五）监督保障情况。");
	if (f->feedback_total > 0)
		rc |= buf_printf(out, "%d年共收到公众意见建议和投诉%lld件。", f->year,
				 (long long)f->feedback_total);
	if (f->organ == ORGAN_GOVERNMENT || f->organ == ORGAN_TOWNSHIP)
		rc |= buf_puts(out, "（请填写工作考核、社会评议和责任追究结果情况。）");
	return rc ? ERR_LIMIT : 0;
}

/* ---- the draft of 六、其他需要报告的事项 ---- */

int report_other_draft(const struct report_figures *f, struct buf *out)
{
	const struct app_fee_year *t = &f->fees;
	int rc = 0;

	if (t->notices == 0 && t->paid == 0)
		return buf_puts(out, "无") ? ERR_LIMIT : 0;
	rc |= buf_printf(out, "%d年，依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
			 "发出收费通知%lld件，金额合计%lld.%02lld元；实际收取信息处理费%lld件，"
			 "金额合计%lld.%02lld元。", f->year, (long long)t->notices,
			 (long long)(t->notice_fen / 100), (long long)(t->notice_fen % 100),
			 (long long)t->paid, (long long)(t->paid_fen / 100),
			 (long long)(t->paid_fen % 100));
	return rc ? ERR_LIMIT : 0;
}

/* ---- pure mappings ---- */

/* The Table 三 row of an outcome in format f: the row with the same id (fmt_t3_row_by_id);
 * the 2019 format has no （六） sub-rows, their outcomes fold into （六）其他处理. -1 if none. */
static int outcome_row(const struct report_format *f, int o)
{
	int row = fmt_t3_row_by_id(app_outcome_id(o));

	if (row >= 0 && fmt_t3_pos(f, row) < 0 && strncmp(app_outcome_id(o), "other_", 6) == 0)
		row = T3R_OTHER_TOTAL;
	return row >= 0 && fmt_t3_pos(f, row) >= 0 ? row : -1;
}

void report_fill_t3(struct report_cells *c, const struct app_tally *t)
{
	const struct report_format *f = c->fmt;

	for (int a = 0; a < APPLICANT__MAX; a++) {
		int col = fmt_t3_col_by_id(app_applicant_id(a));

		if (col < 0)
			continue;
		cells_t3_set(c, T3R_NEW_RECEIVED, col, t->new_received[a]);
		cells_t3_set(c, T3R_CARRIED_IN, col, t->carried_in[a]);
		cells_t3_set(c, T3R_CARRIED_OUT, col, t->carried_out[a]);
		for (int o = 0; o < OUTCOME__MAX; o++) {
			int row = outcome_row(f, o);
			if (row >= 0)
				cells_t3_add(c, row, col, t->outcome[o][a]);
		}
	}
	cells_fill_totals(c);
}

static void set_id(struct report_cells *c, const char *id, int64_t v)
{
	int idx = fmt_cell_index(c->fmt, id);

	if (idx >= 0)
		cells_set(c, idx, v);
}

void report_fill_t2(struct report_cells *c, const struct table2 *t)
{
	if (c->fmt->version == FMT_V2021) {
		set_id(c, "t2.rule.issued", t->rule.issued);
		set_id(c, "t2.rule.repealed", t->rule.repealed);
		set_id(c, "t2.rule.in_force", t->rule.in_force);
		set_id(c, "t2.normdoc.issued", t->normdoc.issued);
		set_id(c, "t2.normdoc.repealed", t->normdoc.repealed);
		set_id(c, "t2.normdoc.in_force", t->normdoc.in_force);
		set_id(c, "t2.licensing.decisions", t->licensing);
		set_id(c, "t2.penalty.decisions", t->penalty);
		set_id(c, "t2.coercion.decisions", t->coercion);
		set_id(c, "t2.admin_fee.amount_wan", t->admin_fee_fen);
		return;
	}
	/* 2019 format: made = published in the year (a document is published when issued);
	 * 对外公开总数量 = in force on 31 December; item counts and procurement are not kept in
	 * the registers and stay 0 (docs/report.md). */
	set_id(c, "t2v19.rule.newly_made", t->rule.issued);
	set_id(c, "t2v19.rule.newly_published", t->rule.issued);
	set_id(c, "t2v19.rule.total_published", t->rule.in_force);
	set_id(c, "t2v19.normdoc.newly_made", t->normdoc.issued);
	set_id(c, "t2v19.normdoc.newly_published", t->normdoc.issued);
	set_id(c, "t2v19.normdoc.total_published", t->normdoc.in_force);
	set_id(c, "t2v19.licensing.decisions", t->licensing);
	set_id(c, "t2v19.penalty.decisions", t->penalty);
	set_id(c, "t2v19.coercion.decisions", t->coercion);
}

void report_fill_t4(struct report_cells *c, const struct table4 *t)
{
	const struct table4_group *g[T4G__MAX] = { &t->rev, &t->lit_direct, &t->lit_after_rev };

	for (int i = 0; i < T4G__MAX; i++) {
		cells_t4_set(c, i, T4C_UPHELD, g[i]->upheld);
		cells_t4_set(c, i, T4C_CORRECTED, g[i]->corrected);
		cells_t4_set(c, i, T4C_OTHER, g[i]->other);
		cells_t4_set(c, i, T4C_PENDING, g[i]->pending);
	}
	cells_fill_totals(c);
}

enum organ_kind report_organ_kind(const char *level)
{
	if (!level)
		return ORGAN_UNKNOWN;
	if (strcmp(level, "township") == 0)
		return ORGAN_TOWNSHIP;
	if (strstr(level, "_dept") || strcmp(level, "ministry") == 0)
		return ORGAN_DEPARTMENT;
	if (strcmp(level, "county") == 0 || strcmp(level, "city") == 0 || strcmp(level, "province") == 0)
		return ORGAN_GOVERNMENT;
	return ORGAN_UNKNOWN;
}

/* ---- the whole report ---- */

int report_compute(struct store *s, const struct agency_rec *ag, int year, struct arena *a,
		   struct annual_report *out, struct report_figures *figures, struct gk_error *e)
{
	return report_compute_counted(s, ag, year, NULL, a, out, figures, e);
}

int report_compute_counted(struct store *s, const struct agency_rec *ag, int year,
			   const struct organ_year *pre, struct arena *a,
			   struct annual_report *out, struct report_figures *figures,
			   struct gk_error *e)
{
	const struct report_format *f = fmt_for_year(year);
	struct report_figures fig = { 0 };
	struct ledger_year y;
	struct organ_year own;
	struct reg_narrative nar;
	struct table2 t2;
	struct table4 t4;
	struct buf draft;
	const char *text;
	int rc;

	buf_init(&draft, 0);
	if (!f || year > 9999)
		return err_set(e, ERR_INVALID, "YEAR", "%d 年没有年度报告的表格格式（格式自 2019 年"
			       "起）", year);
	report_free(out);
	report_init(out, f);
	cells_init_zero(&out->cells, f);
	report_set_agency(out, ag->name);
	out->year = year;
	out->organ = report_organ_kind(ag->level);

	if (pre == NULL) {
		if ((rc = ledger_year_read(s, ag->id, 1, year, a, &y, e)) != 0)
			goto out;
		ledger_year_organ(&y, ag->id, &own);
		pre = &own;
	}
	fig.fees = pre->apps.fees;
	fig.docs_published = pre->docs_published;
	registers_year(pre->recs, pre->nrecs, year, NULL, a, &t2, &t4, &nar);
	/* T3-07 compares with the notices 六 reports; "无" reports none (as a reader sees it) */
	out->fee_notices = fig.fees.notices || fig.fees.paid ? fig.fees.notices : -1;
	report_fill_t2(&out->cells, &t2);
	report_fill_t3(&out->cells, &pre->apps.tally);
	report_fill_t4(&out->cells, &t4);

	fig.year = year;
	fig.organ = out->organ;
	fig.received = cells_t3_get(&out->cells, T3R_NEW_RECEIVED, T3C_TOTAL);
	fig.carried_in = cells_t3_get(&out->cells, T3R_CARRIED_IN, T3C_TOTAL);
	fig.handled = cells_t3_get(&out->cells, T3R_HANDLED_TOTAL, T3C_TOTAL);
	fig.carried_out = cells_t3_get(&out->cells, T3R_CARRIED_OUT, T3C_TOTAL);
	fig.normdocs_issued = nar.normdocs_issued;
	fig.normdocs_in_force = t2.rule.in_force + t2.normdoc.in_force;
	fig.news = nar.news;
	fig.news_platforms = nar.news_platforms;
	fig.news_total = nar.news_total;
	fig.feedback_total = nar.feedback_total;
	fig.reviews = t4.rev.total;
	fig.lawsuits = t4.lit_direct.total + t4.lit_after_rev.total;

	for (int t = 0; t < RTEXT__MAX; t++) {
		text = pre->texts[t];
		if (!text && t != RTEXT_PROBLEMS) {
			buf_reset(&draft);
			rc = t == RTEXT_OVERVIEW ? report_overview_draft(ag->name, &fig, &draft)
						 : report_other_draft(&fig, &draft);
			if (rc != 0) {
				err_set(e, rc, text_ids[t], "草稿太长");
				goto out;
			}
			text = buf_cstr(&draft);
		}
		/* 五 and 六 are never left empty: "无" (spec §1.1). */
		if (!text || !*text)
			text = t == RTEXT_OVERVIEW ? "" : "无";
		report_set_section(out, report_text_section_of(t), text);
	}
	for (int sec = SEC_PROACTIVE; sec <= SEC_REVIEW_LITIGATION; sec++)
		report_set_section(out, sec, "");
	if (figures)
		*figures = fig;
out:
	buf_free(&draft);
	return rc;
}

/*
 * organ_rules.c — an organ's settings for what the law leaves open (see organ_rules.h).
 */
#include "domain/organ_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/agency.h"
#include "domain/notice_ref.h"
#include "text/date.h"
#include "text/utf8.h"

#define OFF(f) offsetof(struct agency_profile, f)

const struct organ_rule_info organ_rule_info[RULE__MAX] = {
	[RULE_FEE_PAUSE] = { "fee_pause", "--fee-pause", RULE_YESNO, 0, 0, "收费通知至缴费期间不计入答复期限",
		"yes", "国办函〔2020〕109号 does not say whether the time from the fee notice to "
		"payment counts towards the reply limit (UNVERIFIED, spec §5.8); a pause never runs "
		"past the payment due date", OFF(fee_pause) },
	[RULE_CORRECTION_PERIOD] = { "correction_period", "--correction-period", RULE_WORKDAYS, 1, 60,
		"补正期限（工作日）", "15", "条例第三十条: a \"reasonable\" period set by the organ; "
		"15 working days is a common value (UNVERIFIED, spec §5.4)", OFF(correction_period) },
	[RULE_CONSULT_CAP] = { "consult_cap", "--consult-cap", RULE_YESNO, 0, 0,
		"征求意见不计入期限的时间以15个工作日答复期为限", "yes",
		"条例第三十三条第三款 leaves out the time \"needed\" to consult; ending it at the "
		"15-working-day answer due date (条例第三十二条、第三十四条) is our reading (UNVERIFIED, "
		"spec §5.10)", OFF(consult_cap) },
	[RULE_CONFIRM_DAYS] = { "confirm_days", "--confirm-days", RULE_WORKDAYS, 0, 20,
		"确认收到申请的期限（工作日）", "2", "条例第三十一条: an online, e-mail or fax "
		"application is received on the day both sides confirm, a plain letter on the day the "
		"office confirms it (the same day it arrives); the Regulation sets no period for "
		"online, e-mail and fax (UNVERIFIED)", OFF(confirm_days) },
	[RULE_REVIEW_BODY] = { "review_body", "--review-body", RULE_TEXT, 0, 200, "行政复议机关",
		"from the organ's level", "行政复议法 (2023) Arts. 24, 25, 27: vertically led "
		"organs (海关、税务、金融、外汇管理、国家安全) name their 上一级主管部门 here",
		OFF(review_body) },
	[RULE_REPORT_DUE] = { "report_due", "--report-due", RULE_MMDD, 0, 0, "年度报告公布期限（月-日）",
		"01-31; 03-31 for a government's own report", "条例第四十九条: 县级以上人民政府部门 by "
		"1月31日, 本级人民政府 by 3月31日; townships are not named (a local notice decides)",
		OFF(report_due) },
	[RULE_FEE_ACCOUNT] = { "fee_account", "--fee-account", RULE_TEXT, 0, 300, "信息处理费缴费方式和账户",
		"none (a fee notice is refused without it)", "国办函〔2020〕109号: the fee is paid as a "
		"non-tax revenue (非税收入) through the way the organ names (收款单位、开户行、账号 or "
		"the payment platform); printed in the 收费通知书", OFF(fee_account) },
	[RULE_NOTICE_REF] = { "notice_ref", "--notice-ref", RULE_REF_PATTERN, 0, NOTICE_REF_MAX,
		"告知书文号格式", NOTICE_REF_DEFAULT, "党政机关公文处理工作条例第九条 and GB/T 9704: "
		"机关代字、〔年份〕、顺序号 — each organ chooses its own 代字 (e.g. "
		"慈政信复〔{year}〕{n}号); {n} the serial, {year} the year, {organ} the organ's name",
		OFF(notice_ref) },
	[RULE_NOTICE_TEMPLATES] = { "notice_templates", "--notice-templates", RULE_TEXT, 0, 500,
		"告知书模板目录", "the nearest organ above with one, else data/notices (shipped)",
		"示范文书: a 市 may prescribe its own wording for its 县 and 乡镇 (国办公开办函〔2020〕2号 "
		"circulated reference templates); a folder of KIND.txt files on the server "
		"(docs/notices.md), each with its version", OFF(notice_templates) },
};

static const char *value_of(const struct agency_profile *p, enum organ_rule r)
{
	return *(const char *const *)((const char *)p + organ_rule_info[r].off);
}

void organ_rules_default(struct organ_rules *out)
{
	memset(out, 0, sizeof *out);
	out->fee_pause = true;
	out->correction_period = ORGAN_CORRECTION_PERIOD_DEFAULT;
	out->consult_cap = true;
	out->confirm_days = ORGAN_CONFIRM_DAYS_DEFAULT;
}

/* A whole number in min..max, or -1. */
static int workdays(const char *s, int min, int max)
{
	char *end;
	long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	return *end || v < min || v > max ? -1 : (int)v;
}

/* "MM-DD" as a day of a leap year (so 02-29 is accepted), month and day out; 0 if not. */
static int mmdd(const char *s, int *m, int *d)
{
	if (strlen(s) != 5 || s[2] != '-')
		return 0;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*m = (s[0] - '0') * 10 + (s[1] - '0');
	*d = (s[3] - '0') * 10 + (s[4] - '0');
	return date_valid(2024, *m, *d);
}

int organ_rules_check(const struct agency_profile *p, struct gk_error *e)
{
	for (int r = 0; r < RULE__MAX; r++) {
		const struct organ_rule_info *ri = &organ_rule_info[r];
		const char *v = value_of(p, r);
		int m, d;

		if (v == NULL)
			continue;
		switch (ri->type) {
		case RULE_YESNO:
			if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
				return err_set(e, ERR_INVALID, ri->key, "%s只能是 yes 或 no，不是“%s”", ri->label, v);
			break;
		case RULE_WORKDAYS:
			if (workdays(v, ri->min, ri->max) < 0)
				return err_set(e, ERR_INVALID, ri->key, "%s应为 %d–%d 个工作日，不是“%s”",
					       ri->label, ri->min, ri->max, v);
			break;
		case RULE_MMDD:
			if (!mmdd(v, &m, &d))
				return err_set(e, ERR_INVALID, ri->key, "%s应为一年中的某一天 MM-DD（例如 "
					       "01-31），不是“%s”", ri->label, v);
			break;
		case RULE_REF_PATTERN:
			if (notice_ref_check(v, e) != 0)
				return ERR_INVALID;
			break;
		case RULE_TEXT:
			if (!*v || strlen(v) > (size_t)ri->max || !utf8_valid(v, strlen(v)))
				return err_set(e, ERR_INVALID, ri->key, "%s须为 1–%d 字节的 UTF-8 文字",
					       ri->label, ri->max);
			break;
		}
	}
	return 0;
}

void organ_rules_read(const struct agency_profile *p, struct organ_rules *out)
{
	const char *v;
	int n, m, d;

	organ_rules_default(out);
	if ((v = value_of(p, RULE_FEE_PAUSE)) != NULL)
		out->fee_pause = strcmp(v, "no") != 0;
	if ((v = value_of(p, RULE_CONSULT_CAP)) != NULL)
		out->consult_cap = strcmp(v, "no") != 0;
	n = workdays(value_of(p, RULE_CORRECTION_PERIOD), 1, 60);
	if (n > 0)
		out->correction_period = n;
	n = workdays(value_of(p, RULE_CONFIRM_DAYS), 0, 20);
	if (n >= 0)
		out->confirm_days = n;
	if ((v = value_of(p, RULE_REVIEW_BODY)) != NULL && *v)
		out->review_body = v;
	if ((v = value_of(p, RULE_FEE_ACCOUNT)) != NULL && *v)
		out->fee_account = v;
	if ((v = value_of(p, RULE_NOTICE_REF)) != NULL && notice_ref_check(v, NULL) == 0)
		out->notice_ref = v;
	if ((v = value_of(p, RULE_NOTICE_TEMPLATES)) != NULL && *v)
		out->notice_templates = v;
	if ((v = value_of(p, RULE_REPORT_DUE)) != NULL && mmdd(v, &m, &d)) {
		out->report_due_month = m;
		out->report_due_day = d;
	}
}

int organ_rules_load(struct store *s, int64_t agency_id, struct arena *a, struct organ_rules *out,
		     struct gk_error *e)
{
	struct agency_profile p;
	int found, rc;

	organ_rules_default(out);
	if ((rc = agency_store(s)->profile_get(s, agency_id, a, &p, &found, e)) == 0 && found)
		organ_rules_read(&p, out);
	return rc;
}

static int is_government(int level)
{
	return level == LEVEL_COUNTY || level == LEVEL_CITY || level == LEVEL_PROVINCE;
}

int organ_report_due(struct store *s, int64_t agency_id, int year, struct gk_error *e, int *due)
{
	struct organ_rules r;
	struct agency_rec ag;
	struct arena a;
	int rc;

	arena_init(&a);
	if ((rc = organ_rules_load(s, agency_id, &a, &r, e)) == 0 &&
	    (rc = agency_store(s)->get(s, agency_id, &a, &ag, e)) == 0) {
		/* REQ 条例-49: departments by 1月31日, a government's own report by 3月31日 */
		if (r.report_due_month == 0) {
			r.report_due_month = is_government(agency_level_from_id(ag.level)) ? 3 : 1;
			r.report_due_day = 31;
		}
		if (r.report_due_month == 2 && r.report_due_day == 29 && !date_is_leap(year + 1))
			r.report_due_day = 28;
		*due = date_make(year + 1, r.report_due_month, r.report_due_day);
	}
	arena_free(&a);
	return rc;
}

int organ_publication_day(const char *published_at, int *day, struct gk_error *e)
{
	int64_t secs;
	int rc;

	if ((rc = date_timestamp_parse(published_at, &secs, "published_at", e)) != 0)
		return rc;
	*day = (int)((secs + 8 * 3600) / 86400);   /* 北京时间 */
	return 0;
}

/* The nearest organ above agency_id (not itself) that is a people's government, or 0. */
static int government_above(struct store *s, const struct agency_rec *org, struct arena *a,
			    struct agency_rec *out, struct gk_error *e)
{
	int64_t id = org->parent_id;
	int rc;

	for (int depth = 0; id != 0 && depth < 16; depth++) {
		if ((rc = agency_store(s)->get(s, id, a, out, e)) != 0)
			return rc;
		if (is_government(agency_level_from_id(out->level)))
			return 0;
		id = out->parent_id;
	}
	out->id = 0;
	return 0;
}

int organ_review_body(struct store *s, int64_t agency_id, int decided, struct arena *a,
		      const char **out, struct gk_error *e)
{
	struct organ_rules r;
	struct agency_rec org, gov;
	int rc, level;

	*out = NULL;
	if ((rc = organ_rules_load(s, agency_id, a, &r, e)) != 0 ||
	    (rc = agency_store(s)->get(s, agency_id, a, &org, e)) != 0)
		return rc;
	if (r.review_body) {
		*out = r.review_body;
		return 0;
	}
	level = agency_level_from_id(org.level);
	/* REQ 行政复议法-25: a ministry and a province review their own acts */
	if (level == LEVEL_MINISTRY || level == LEVEL_PROVINCE) {
		*out = org.name;
		return 0;
	}
	/* REQ 行政复议法-24: a department → 本级人民政府; a 乡镇 / county / city → the government
	 * above it. Either way the nearest government above the organ in the tree. */
	if ((rc = government_above(s, &org, a, &gov, e)) != 0)
		return rc;
	if (gov.id == 0)
		return err_set(e, ERR_STATE, "remedy", "无法确定“%s”的行政复议机关：上级机关中没有人民政府。"
			       "请在机关的设置中写明行政复议机关（review_body；垂直管理的机关填写上一级主管部门）",
			       org.name);
	/* Former 行政复议法 Art. 12 (acts before 2024-01-01): a department's act could go to the
	 * 本级人民政府 or the 上一级主管部门, as the applicant chose. */
	if (decided < date_make(2024, 1, 1) && !is_government(level) && level != LEVEL_TOWNSHIP)
		*out = arena_printf(a, "%s或者上一级主管部门", gov.name);
	else
		*out = gov.name;
	return 0;
}

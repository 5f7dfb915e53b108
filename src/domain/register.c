/*
 * register.c — the register field tables and their validation (see register.h).
 *
 * Every rule a register entry must obey lives here, once: required fields, the value types,
 * date order (a repeal not before the issue, an answer not before receipt, a case not closed
 * before it was filed), the shape of decision and fee entries (one dated entry or a period
 * within one calendar year) and the pending ⇔ no closing date rule of cases.
 * May call base/ and text/.
 */
#include "domain/register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/date.h"
#include "text/money.h"
#include "text/utf8.h"

static const char *const normdoc_kinds[] = { "rule", "normdoc", NULL };
static const char *const decision_kinds[] = { "licensing", "penalty", "coercion", NULL };
static const char *const case_kinds[] = { "rev", "lit_direct", "lit_after_rev", NULL };
static const char *const case_results[] = { "pending", "upheld", "corrected", "other", NULL };
static const char *const feedback_channels[] = { "hotline", "mailbox", "web", NULL };
static const char *const normdoc_kind_labels[] = { "规章", "行政规范性文件", NULL };
static const char *const decision_kind_labels[] = { "行政许可", "行政处罚", "行政强制", NULL };
static const char *const case_kind_labels[] = { "行政复议", "行政诉讼（直接起诉）", "行政诉讼（复议后起诉）", NULL };
static const char *const case_result_labels[] = { "尚未审结", "结果维持", "结果纠正", "其他结果", NULL };
static const char *const feedback_channel_labels[] = { "热线电话", "信箱", "网站", NULL };

static const struct reg_field normdoc_fields[] = {
	[NORMDOC_KIND] = { "kind", REG_ENUM, 1, 0, normdoc_kinds,
			"rule (规章) or normdoc (行政规范性文件)", "类别", normdoc_kind_labels },
	[NORMDOC_ISSUED] = { "issued", REG_DATE, 1, 0, NULL, "issue date (制发日期) YYYY-MM-DD", "制发日期" },
	[NORMDOC_DOC_NO] = { "doc_no", REG_TEXT, 1, 100, NULL, "文号, e.g. 某政规〔2024〕1号", "文号" },
	[NORMDOC_TITLE] = { "title", REG_TEXT, 1, 500, NULL, "title", "名称" },
	[NORMDOC_REPEALED] = { "repealed", REG_DATE, 0, 0, NULL, "repeal date (废止日期), if repealed", "废止日期" },
};

static const struct reg_field decision_fields[] = {
	[DECISION_KIND] = { "kind", REG_ENUM, 1, 0, decision_kinds,
			    "licensing (行政许可), penalty (行政处罚) or coercion (行政强制)", "类别", decision_kind_labels },
	[DECISION_DATE] = { "date", REG_DATE, 0, 0, NULL,
			"date of one decision (omit for a period count)", "决定日期" },
	[DECISION_FROM] = { "from", REG_DATE, 0, 0, NULL, "first day of a counted period", "统计期间起" },
	[DECISION_TO] = { "to", REG_DATE, 0, 0, NULL,
			"last day of a counted period (same year as from)", "统计期间止" },
	[DECISION_COUNT] = { "count", REG_COUNT, 0, 0, NULL,
			"decisions in the period (1 for one decision)", "决定数量" },
	[DECISION_DOC_NO] = { "doc_no", REG_TEXT, 0, 100, NULL, "文号 of one decision", "文号" },
	[DECISION_TITLE] = { "title", REG_TEXT, 0, 500, NULL, "title or subject of one decision", "名称或事由" },
};

static const struct reg_field fee_fields[] = {
	[FEE_DATE] = { "date", REG_DATE, 0, 0, NULL, "collection date (omit for a period total)", "收费日期" },
	[FEE_FROM] = { "from", REG_DATE, 0, 0, NULL, "first day of a period total", "统计期间起" },
	[FEE_TO] = { "to", REG_DATE, 0, 0, NULL, "last day of a period total (same year as from)", "统计期间止" },
	[FEE_AMOUNT] = { "amount", REG_YUAN, 1, 0, NULL, "amount in 元, e.g. 1234.56", "金额（元）" },
	[FEE_ITEM] = { "item", REG_TEXT, 0, 200, NULL, "收费项目", "收费项目" },
};

static const struct reg_field case_fields[] = {
	[CASE_KIND] = { "kind", REG_ENUM, 1, 0, case_kinds,
			"rev (行政复议), lit_direct (直接起诉) or lit_after_rev (复议后起诉)", "类别", case_kind_labels },
	[CASE_FILED] = { "filed", REG_DATE, 1, 0, NULL, "date the case was filed / accepted", "受理（立案）日期" },
	[CASE_CASE_NO] = { "case_no", REG_TEXT, 0, 100, NULL, "案号", "案号" },
	[CASE_APPLICATION] = { "application", REG_APPREF, 0, 0, NULL,
			       "linked application: id or tracking code", "关联申请" },
	[CASE_RESULT] = { "result", REG_ENUM, 0, 0, case_results,
			  "pending (default), upheld (维持), corrected (纠正) or other", "结果", case_result_labels },
	[CASE_CLOSED] = { "closed", REG_DATE, 0, 0, NULL, "closing date (required unless pending)", "审结日期" },
	[CASE_CO_DEFENDANT] = { "co_defendant", REG_BOOL, 0, 0, NULL,
				"yes if this organ is only the reconsideration organ sued as co-defendant", "作为共同被告" },
	[CASE_NOTE] = { "note", REG_LONGTEXT, 0, 2000, NULL, "note", "备注" },
};

static const struct reg_field feedback_fields[] = {
	[FEEDBACK_REF_NO] = { "ref_no", REG_TEXT, 0, 30, NULL, "reference number (given when omitted)", "编号" },
	[FEEDBACK_CHANNEL] = { "channel", REG_ENUM, 1, 0, feedback_channels,
			"hotline, mailbox or web", "渠道", feedback_channel_labels },
	[FEEDBACK_RECEIVED] = { "received", REG_DATE, 1, 0, NULL, "date received", "收到日期" },
	[FEEDBACK_TEXT] = { "text", REG_LONGTEXT, 1, 5000, NULL, "what was said", "内容" },
	[FEEDBACK_CONTACT] = { "contact", REG_TEXT, 0, 200, NULL, "how to reach the sender", "联系方式" },
	[FEEDBACK_ANSWERED] = { "answered", REG_DATE, 0, 0, NULL, "date answered", "答复日期" },
	[FEEDBACK_ANSWER] = { "answer", REG_LONGTEXT, 0, 5000, NULL, "the answer given", "答复内容" },
};

static const struct reg_field news_fields[] = {
	[NEWS_PLATFORM] = { "platform", REG_TEXT, 1, 100, NULL, "platform, e.g. 政府网站, 微信公众号", "发布平台" },
	[NEWS_DATE] = { "date", REG_DATE, 1, 0, NULL, "publication date", "发布日期" },
	[NEWS_TITLE] = { "title", REG_TEXT, 1, 500, NULL, "title", "标题" },
	[NEWS_URL] = { "url", REG_TEXT, 0, 1000, NULL, "address", "网址" },
};

#define DESC(k, n, t, f, df, l) [k] = { k, n, t, sizeof(f) / sizeof((f)[0]), f, df, l }

const struct reg_desc reg_descs[REG__MAX] = {
	DESC(REG_NORMDOC, "normdoc", "规章和行政规范性文件 (rules and normative documents)", normdoc_fields,
	     NORMDOC_ISSUED, "规章和规范性文件"),
	DESC(REG_DECISION, "decision", "行政许可、行政处罚、行政强制 (administrative decisions)", decision_fields,
	     -1, "行政许可、处罚、强制"),
	DESC(REG_FEE, "fee", "行政事业性收费 (administrative fees)", fee_fields, -1, "行政事业性收费"),
	DESC(REG_CASE, "case", "行政复议、行政诉讼 (reconsideration and litigation cases)", case_fields,
	     CASE_FILED, "行政复议、行政诉讼"),
	DESC(REG_FEEDBACK, "feedback", "公众意见和投诉 (public feedback and complaints)", feedback_fields,
	     FEEDBACK_RECEIVED, "意见建议和投诉"),
	DESC(REG_NEWS, "news", "新闻发布 (news published per platform)", news_fields, NEWS_DATE, "新闻发布"),
};

const struct reg_desc *reg_desc_find(const char *name)
{
	for (int k = 0; k < REG__MAX; k++)
		if (strcmp(reg_descs[k].name, name) == 0)
			return &reg_descs[k];
	return NULL;
}

int reg_field_find(const struct reg_desc *d, const char *name)
{
	for (size_t f = 0; f < d->nfields; f++)
		if (strcmp(d->fields[f].name, name) == 0)
			return (int)f;
	return -1;
}

/* A copy in the arena without blanks and line breaks at either end. */
static char *trimmed(struct arena *a, const char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
			   (s[len - 1] == '\n')))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
		s++;
		len--;
	}
	return arena_strndup(a, s, len);
}

static int parse_text(const struct reg_field *fd, const char *s, struct reg_value *v, struct gk_error *e)
{
	size_t len = strlen(s);
	const char *p;

	if (!utf8_valid(s, len))
		return err_set(e, ERR_INVALID, fd->name, "不是有效的 UTF-8 文字");
	if ((p = utf8_control(s, len, fd->type == REG_LONGTEXT ? "\n" : "")) != NULL)
		return err_set(e, ERR_INVALID, fd->name, "%s",
			       *p == '\n' ? "只能是一行" : "含有控制字符");
	if (utf8_count(s, len) > fd->max)
		return err_set(e, ERR_INVALID, fd->name, "超过 %zu 个字符", fd->max);
	v->s = s;
	return 0;
}

static int parse_bool(const char *name, const char *s, int64_t *out, struct gk_error *e)
{
	static const char *const yes[] = { "yes", "1", "true", "是", NULL };
	static const char *const no[] = { "no", "0", "false", "否", NULL };

	for (int i = 0; yes[i]; i++) {
		if (strcmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return err_set(e, ERR_INVALID, name, "只能是 yes 或 no，不是“%s”", s);
}

static int parse_count(const char *name, const char *s, int64_t *out, struct gk_error *e)
{
	int64_t n = 0;
	const char *p = s;

	if (*p == '\0')
		return err_set(e, ERR_INVALID, name, "不是数量");
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return err_set(e, ERR_INVALID, name, "不是不小于 0 的整数：“%s”", s);
		n = n * 10 + (*p - '0');
		if (n > 1000000000)
			return err_set(e, ERR_INVALID, name, "过大：%s", s);
	}
	*out = n;
	return 0;
}

static int parse_value(const struct reg_field *fd, const char *s, struct reg_value *v, struct gk_error *e)
{
	int day, rc;

	switch (fd->type) {
	case REG_TEXT:
	case REG_LONGTEXT:
		return parse_text(fd, s, v, e);
	case REG_DATE:
		if ((rc = date_parse(s, &day, fd->name, e)) != 0)
			return rc;
		v->i = day;
		return 0;
	case REG_ENUM:
		for (int i = 0; fd->enum_names[i]; i++) {
			if (strcmp(s, fd->enum_names[i]) == 0) {
				v->i = i;
				return 0;
			}
		}
		{
			char list[200] = "";
			size_t used = 0;
			for (int i = 0; fd->enum_names[i]; i++)
				used += (size_t)snprintf(list + used, used < sizeof list ? sizeof list - used : 0,
							 "%s%s", i ? ", " : "", fd->enum_names[i]);
			return err_set(e, ERR_INVALID, fd->name, "“%s”不在可选值之中：%s", s, list);
		}
	case REG_COUNT:
		return parse_count(fd->name, s, &v->i, e);
	case REG_YUAN:
		return money_parse_yuan(s, &v->i, fd->name, e);
	case REG_BOOL:
		return parse_bool(fd->name, s, &v->i, e);
	case REG_APPREF:
		if (strlen(s) > 64 || !utf8_valid(s, strlen(s)))
			return err_set(e, ERR_INVALID, fd->name, "不是申请编号或查询码");
		v->s = s;
		return 0;
	}
	return err_set(e, ERR_INTERNAL, fd->name, "未知的字段类型");
}

int reg_record_parse(const struct reg_desc *d, const struct reg_kv *kv, size_t n, struct arena *a,
		     struct reg_record *rec, struct gk_error *e)
{
	int rc;

	memset(rec, 0, sizeof *rec);
	rec->kind = d->kind;
	for (size_t i = 0; i < n; i++) {
		int f = reg_field_find(d, kv[i].name);
		const struct reg_field *fd;
		char *s;

		if (f < 0)
			return err_set(e, ERR_INVALID, kv[i].name, "登记簿 %s 没有这个字段", d->name);
		fd = &d->fields[f];
		if (rec->v[f].set)
			return err_set(e, ERR_INVALID, fd->name, "重复填写");
		if (kv[i].value == NULL)
			continue;
		s = trimmed(a, kv[i].value);
		if (*s == '\0')
			continue;
		if ((rc = parse_value(fd, s, &rec->v[f], e)) != 0)
			return rc;
		rec->v[f].set = 1;
	}
	for (size_t f = 0; f < d->nfields; f++)
		if (d->fields[f].required && !rec->v[f].set)
			return err_set(e, ERR_INVALID, d->fields[f].name, "必须填写（%s）", d->fields[f].help);
	/* Defaults. */
	if (d->kind == REG_CASE) {
		if (!rec->v[CASE_RESULT].set)
			rec->v[CASE_RESULT] = (struct reg_value){ 1, CASE_R_PENDING, NULL };
		if (!rec->v[CASE_CO_DEFENDANT].set)
			rec->v[CASE_CO_DEFENDANT] = (struct reg_value){ 1, 0, NULL };
	}
	if (d->kind == REG_DECISION && rec->v[DECISION_DATE].set && !rec->v[DECISION_COUNT].set)
		rec->v[DECISION_COUNT] = (struct reg_value){ 1, 1, NULL };
	return reg_record_check(d, rec, e);
}

static int date_not_before(const struct reg_desc *d, const struct reg_record *rec, int later, int earlier,
			   struct gk_error *e)
{
	char a[DATE_LEN], b[DATE_LEN];

	if (rec->v[later].set && rec->v[earlier].set && rec->v[later].i < rec->v[earlier].i)
		return err_set(e, ERR_INVALID, d->fields[later].name, "%s %s 早于 %s %s",
			       d->fields[later].name, date_format((int)rec->v[later].i, a),
			       d->fields[earlier].name, date_format((int)rec->v[earlier].i, b));
	return 0;
}

/*
 * A decision or fee entry is either one dated entry or a period total. A period must lie
 * within one calendar year: Table 二 counts per year and any split of a straddling total
 * (by days, by end date) would misstate one of the two years — the office knows the split.
 */
static int check_dated_or_period(const struct reg_desc *d, const struct reg_record *rec, int fdate, int ffrom,
				 int fto, struct gk_error *e)
{
	const struct reg_value *date = &rec->v[fdate], *from = &rec->v[ffrom], *to = &rec->v[fto];

	if (date->set && (from->set || to->set))
		return err_set(e, ERR_INVALID, from->set ? "from" : "to",
			       "写 date（一项）或 from 和 to（一段期间），不能都写");
	if (!date->set && !(from->set && to->set))
		return err_set(e, ERR_INVALID, from->set ? "to" : (to->set ? "from" : "date"),
			       "请写 date（一项），或同时写 from 和 to（一段期间）");
	if (date->set)
		return 0;
	if (to->i < from->i)
		return date_not_before(d, rec, fto, ffrom, e);
	/* REQ 年报-T2-period: a counted period lies within one calendar year */
	if (date_year((int)from->i) != date_year((int)to->i))
		return err_set(e, ERR_INVALID, "to",
			       "期间跨年：请在 12-31 分开，使每年的表二各有合计");
	return 0;
}

int reg_record_check(const struct reg_desc *d, const struct reg_record *rec, struct gk_error *e)
{
	int rc;

	switch (d->kind) {
	case REG_NORMDOC:
		return date_not_before(d, rec, NORMDOC_REPEALED, NORMDOC_ISSUED, e);
	case REG_DECISION:
		if ((rc = check_dated_or_period(d, rec, DECISION_DATE, DECISION_FROM, DECISION_TO, e)) != 0)
			return rc;
		if (rec->v[DECISION_DATE].set && rec->v[DECISION_COUNT].i != 1)
			return err_set(e, ERR_INVALID, "count",
				       "有日期的一项决定计 1 件；合计请用 from 和 to");
		if (!rec->v[DECISION_DATE].set) {
			if (!rec->v[DECISION_COUNT].set)
				return err_set(e, ERR_INVALID, "count", "一段期间（from、to）必须写明数量");
			if (rec->v[DECISION_DOC_NO].set || rec->v[DECISION_TITLE].set)
				return err_set(e, ERR_INVALID, rec->v[DECISION_DOC_NO].set ? "doc_no" : "title",
					       "期间合计没有文号或标题；单项决定请用 date 登记");
		}
		return 0;
	case REG_FEE:
		return check_dated_or_period(d, rec, FEE_DATE, FEE_FROM, FEE_TO, e);
	case REG_CASE:
		if ((rc = date_not_before(d, rec, CASE_CLOSED, CASE_FILED, e)) != 0)
			return rc;
		if (rec->v[CASE_RESULT].i == CASE_R_PENDING && rec->v[CASE_CLOSED].set)
			return err_set(e, ERR_INVALID, "result",
				       "已结案件须写明结果（upheld、corrected 或 other）");
		if (rec->v[CASE_RESULT].i != CASE_R_PENDING && !rec->v[CASE_CLOSED].set)
			return err_set(e, ERR_INVALID, "closed", "有结果的案件须写明结案日期");
		if (rec->v[CASE_CO_DEFENDANT].i && rec->v[CASE_KIND].i == CASE_K_REV)
			return err_set(e, ERR_INVALID, "co_defendant",
				       "只有行政诉讼才有共同被告");
		return 0;
	case REG_FEEDBACK:
		if ((rc = date_not_before(d, rec, FEEDBACK_ANSWERED, FEEDBACK_RECEIVED, e)) != 0)
			return rc;
		if (rec->v[FEEDBACK_ANSWER].set && !rec->v[FEEDBACK_ANSWERED].set)
			return err_set(e, ERR_INVALID, "answered", "答复须写明答复日期");
		return 0;
	case REG_NEWS:
		return 0;
	case REG__MAX:
		break;
	}
	return err_set(e, ERR_INTERNAL, "", "没有这个登记簿");
}

int reg_value_format(const struct reg_desc *d, int f, const struct reg_record *rec, struct buf *out)
{
	const struct reg_field *fd = &d->fields[f];
	const struct reg_value *v = &rec->v[f];
	char tmp[MONEY_LEN > DATE_LEN ? MONEY_LEN : DATE_LEN];

	if (!v->set)
		return 0;
	switch (fd->type) {
	case REG_TEXT:
	case REG_LONGTEXT:
		return buf_puts(out, v->s);
	case REG_APPREF:
		if (v->s)
			return buf_puts(out, v->s);
		return buf_printf(out, "%lld", (long long)v->i);
	case REG_DATE:
		return buf_puts(out, date_format((int)v->i, tmp));
	case REG_ENUM:
		return buf_puts(out, fd->enum_names[v->i]);
	case REG_COUNT:
		return buf_printf(out, "%lld", (long long)v->i);
	case REG_YUAN:
		return buf_puts(out, money_format_yuan(v->i, tmp));
	case REG_BOOL:
		return buf_puts(out, v->i ? "yes" : "no");
	}
	return ERR_INTERNAL;
}

int reg_record_year(const struct reg_record *rec)
{
	const struct reg_value *v = NULL;

	switch (rec->kind) {
	case REG_NORMDOC:
		v = &rec->v[NORMDOC_ISSUED];
		break;
	case REG_DECISION:
		v = rec->v[DECISION_DATE].set ? &rec->v[DECISION_DATE] : &rec->v[DECISION_TO];
		break;
	case REG_FEE:
		v = rec->v[FEE_DATE].set ? &rec->v[FEE_DATE] : &rec->v[FEE_TO];
		break;
	case REG_CASE:
		v = &rec->v[CASE_FILED];
		break;
	case REG_FEEDBACK:
		v = &rec->v[FEEDBACK_RECEIVED];
		break;
	case REG_NEWS:
		v = &rec->v[NEWS_DATE];
		break;
	case REG__MAX:
		break;
	}
	return v && v->set ? date_year((int)v->i) : 0;
}

void reg_feedback_ref(int year, int64_t serial, char out[32])
{
	snprintf(out, 32, "FB%04d-%05lld", year, (long long)serial);
}

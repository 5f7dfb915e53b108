/*
 * catalogue_meta.c — the declared tables of the catalogue (主题分类 tree, 体裁, 公开方式, 有效性,
 * states), the 索引号 pattern and the metadata checks. Pure: no store access.
 *
 * Law and practice: docs/spec/index-and-catalogue.md §3 (索引号), §4 (gov.cn topic tree), §5.
 */
#include "domain/catalogue.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/records.h"
#include "text/date.h"
#include "text/desc.h"
#include "text/utf8.h"

const char *const doc_disclosure_ids[DISCLOSURE__MAX] = { "proactive", "on-request", "withheld" };
const char *const doc_disclosure_labels[DISCLOSURE__MAX] = { "主动公开", "依申请公开", "不予公开" };
const char *const doc_validity_ids[VALIDITY__MAX] = { "valid", "expired", "repealed" };
const char *const doc_validity_labels[VALIDITY__MAX] = { "有效", "失效", "废止" };
const char *const doc_state_ids[DOC_STATE__MAX] = {
	"draft", "first-review", "second-review", "final-review", "approved", "published",
	"withdrawn" };
const char *const doc_state_labels[DOC_STATE__MAX] = {
	"草稿", "待初审", "待复审", "待终审", "待发布", "已发布", "已撤回" };

int doc_enum_parse(const char *const *ids, const char *const *labels, int n, const char *name)
{
	for (int i = 0; i < n; i++) {
		const char *id = ids[i];
		size_t k;

		if (strcmp(name, id) == 0 || (labels && strcmp(name, labels[i]) == 0))
			return i;
		/* "on_request" for "on-request" */
		for (k = 0; id[k] && name[k] && (id[k] == name[k] ||
						 (id[k] == '-' && name[k] == '_')); k++)
			;
		if (!id[k] && !name[k])
			return i;
	}
	return -1;
}

enum doc_state doc_state_of(const struct doc *d)
{
	int i = d->state ? doc_enum_parse(doc_state_ids, NULL, DOC_STATE__MAX, d->state) : -1;
	return i < 0 ? DOC_DRAFT : (enum doc_state)i;
}

const char *doc_label(const char *const *ids, const char *const *labels, int n, const char *id)
{
	int i = id ? doc_enum_parse(ids, NULL, n, id) : -1;
	return i < 0 ? (id ? id : "") : labels[i];
}

const struct topic catalogue_topics[] = {
	{ "01", "国务院组织机构", NULL },
	{ "01.01", "国务院组织机构", "国务院" },
	{ "01.02", "国务院组织机构", "国务院办公厅" },
	{ "01.03", "国务院组织机构", "国务院组成部门" },
	{ "01.04", "国务院组织机构", "国务院直属特设机构" },
	{ "01.05", "国务院组织机构", "国务院直属机构" },
	{ "01.06", "国务院组织机构", "国务院办事机构" },
	{ "01.07", "国务院组织机构", "国务院直属事业单位" },
	{ "01.08", "国务院组织机构", "国务院部委管理的国家局" },
	{ "01.09", "国务院组织机构", "国务院议事协调机构" },
	{ "01.10", "国务院组织机构", "其他" },
	{ "02", "综合政务", NULL },
	{ "02.01", "综合政务", "政务公开" },
	{ "02.02", "综合政务", "政务督查" },
	{ "02.03", "综合政务", "应急管理" },
	{ "02.04", "综合政务", "电子政务" },
	{ "02.05", "综合政务", "文秘工作" },
	{ "02.06", "综合政务", "保密工作" },
	{ "02.07", "综合政务", "信访" },
	{ "02.08", "综合政务", "参事、文史" },
	{ "02.09", "综合政务", "其他" },
	{ "03", "国民经济管理、国有资产监管", NULL },
	{ "03.01", "国民经济管理、国有资产监管", "宏观经济" },
	{ "03.02", "国民经济管理、国有资产监管", "经济体制改革" },
	{ "03.03", "国民经济管理、国有资产监管", "统计" },
	{ "03.04", "国民经济管理、国有资产监管", "物价" },
	{ "03.05", "国民经济管理、国有资产监管", "国有资产监管" },
	{ "03.06", "国民经济管理、国有资产监管", "重大建设项目" },
	{ "03.07", "国民经济管理、国有资产监管", "其他" },
	{ "04", "财政、金融、审计", NULL },
	{ "04.01", "财政、金融、审计", "财政" },
	{ "04.02", "财政、金融、审计", "税务" },
	{ "04.03", "财政、金融、审计", "银行" },
	{ "04.04", "财政、金融、审计", "货币（含外汇）" },
	{ "04.05", "财政、金融、审计", "证券" },
	{ "04.06", "财政、金融、审计", "保险" },
	{ "04.07", "财政、金融、审计", "社会信用体系建设" },
	{ "04.08", "财政、金融、审计", "审计" },
	{ "04.09", "财政、金融、审计", "其他" },
	{ "05", "国土资源、能源", NULL },
	{ "05.01", "国土资源、能源", "土地" },
	{ "05.02", "国土资源、能源", "矿产" },
	{ "05.03", "国土资源、能源", "水资源" },
	{ "05.04", "国土资源、能源", "海洋" },
	{ "05.05", "国土资源、能源", "煤炭" },
	{ "05.06", "国土资源、能源", "石油与天然气" },
	{ "05.07", "国土资源、能源", "电力" },
	{ "05.08", "国土资源、能源", "其他" },
	{ "06", "农业、林业、水利", NULL },
	{ "06.01", "农业、林业、水利", "农业、畜牧业、渔业" },
	{ "06.02", "农业、林业、水利", "林业" },
	{ "06.03", "农业、林业、水利", "水利" },
	{ "06.04", "农业、林业、水利", "其他" },
	{ "07", "工业、交通", NULL },
	{ "07.01", "工业、交通", "机械制造与重工业" },
	{ "07.02", "工业、交通", "轻工纺织" },
	{ "07.03", "工业、交通", "化工" },
	{ "07.04", "工业、交通", "国防工业" },
	{ "07.05", "工业、交通", "航天、航空" },
	{ "07.06", "工业、交通", "信息产业（含电信）" },
	{ "07.07", "工业、交通", "公路" },
	{ "07.08", "工业、交通", "水运" },
	{ "07.09", "工业、交通", "铁路" },
	{ "07.10", "工业、交通", "民航" },
	{ "07.11", "工业、交通", "邮政" },
	{ "07.12", "工业、交通", "其他" },
	{ "08", "商贸、海关、旅游", NULL },
	{ "08.01", "商贸、海关、旅游", "对外经贸合作" },
	{ "08.02", "商贸、海关、旅游", "国内贸易（含供销）" },
	{ "08.03", "商贸、海关、旅游", "海关" },
	{ "08.04", "商贸、海关、旅游", "检验、检疫" },
	{ "08.05", "商贸、海关、旅游", "旅游" },
	{ "08.06", "商贸、海关、旅游", "其他" },
	{ "09", "市场监管、安全生产监管", NULL },
	{ "09.01", "市场监管、安全生产监管", "工商" },
	{ "09.02", "市场监管、安全生产监管", "质量监督" },
	{ "09.03", "市场监管、安全生产监管", "标准" },
	{ "09.04", "市场监管、安全生产监管", "食品药品监管" },
	{ "09.05", "市场监管、安全生产监管", "安全生产监管" },
	{ "09.06", "市场监管、安全生产监管", "其他" },
	{ "10", "城乡建设、环境保护", NULL },
	{ "10.01", "城乡建设、环境保护", "城市规划" },
	{ "10.02", "城乡建设、环境保护", "城乡建设（含住房）" },
	{ "10.03", "城乡建设、环境保护", "环境监测、保护与治理" },
	{ "10.04", "城乡建设、环境保护", "节能与资源综合利用" },
	{ "10.05", "城乡建设、环境保护", "气象、水文、测绘、地震" },
	{ "10.06", "城乡建设、环境保护", "其他" },
	{ "11", "科技、教育", NULL },
	{ "11.01", "科技、教育", "科技" },
	{ "11.02", "科技、教育", "教育" },
	{ "11.03", "科技、教育", "知识产权" },
	{ "11.04", "科技、教育", "其他" },
	{ "12", "文化、广电、新闻出版", NULL },
	{ "12.01", "文化、广电、新闻出版", "文化" },
	{ "12.02", "文化、广电、新闻出版", "文物" },
	{ "12.03", "文化、广电、新闻出版", "新闻出版" },
	{ "12.04", "文化、广电、新闻出版", "广播、电影、电视" },
	{ "12.05", "文化、广电、新闻出版", "其他" },
	{ "13", "卫生、体育", NULL },
	{ "13.01", "卫生、体育", "卫生" },
	{ "13.02", "卫生、体育", "医药管理" },
	{ "13.03", "卫生、体育", "体育" },
	{ "13.04", "卫生、体育", "其他" },
	{ "14", "人口与计划生育、妇女儿童工作", NULL },
	{ "14.01", "人口与计划生育、妇女儿童工作", "人口与计划生育" },
	{ "14.02", "人口与计划生育、妇女儿童工作", "妇女儿童" },
	{ "14.03", "人口与计划生育、妇女儿童工作", "其他" },
	{ "15", "劳动、人事、监察", NULL },
	{ "15.01", "劳动、人事、监察", "劳动就业" },
	{ "15.02", "劳动、人事、监察", "社会保障" },
	{ "15.03", "劳动、人事、监察", "人事工作" },
	{ "15.04", "劳动、人事、监察", "军转安置" },
	{ "15.05", "劳动、人事、监察", "监察" },
	{ "15.06", "劳动、人事、监察", "纠正行业不正之风" },
	{ "15.07", "劳动、人事、监察", "其他" },
	{ "16", "公安、安全、司法", NULL },
	{ "16.01", "公安、安全、司法", "公安" },
	{ "16.02", "公安、安全、司法", "国家安全" },
	{ "16.03", "公安、安全、司法", "司法" },
	{ "16.04", "公安、安全、司法", "其他" },
	{ "17", "民政、扶贫、救灾", NULL },
	{ "17.01", "民政、扶贫、救灾", "减灾救灾" },
	{ "17.02", "民政、扶贫、救灾", "优抚安置" },
	{ "17.03", "民政、扶贫、救灾", "社会福利" },
	{ "17.04", "民政、扶贫、救灾", "行政区划与地名" },
	{ "17.05", "民政、扶贫、救灾", "社团管理" },
	{ "17.06", "民政、扶贫、救灾", "扶贫" },
	{ "17.07", "民政、扶贫、救灾", "其他" },
	{ "18", "民族、宗教", NULL },
	{ "18.01", "民族、宗教", "民族事务" },
	{ "18.02", "民族、宗教", "宗教事务" },
	{ "19", "对外事务", NULL },
	{ "19.01", "对外事务", "外交、外事" },
	{ "19.02", "对外事务", "国际条约、国际组织" },
	{ "19.03", "对外事务", "其他" },
	{ "20", "港澳台侨工作", NULL },
	{ "20.01", "港澳台侨工作", "港澳工作" },
	{ "20.02", "港澳台侨工作", "对台工作" },
	{ "20.03", "港澳台侨工作", "侨务工作" },
	{ "21", "国防", NULL },
	{ "21.01", "国防", "国防建设" },
	{ "21.02", "国防", "国防动员" },
	{ "22", "其他", NULL },
};
const size_t catalogue_topics_n = sizeof catalogue_topics / sizeof catalogue_topics[0];

/* Compare s[0..len) with the C string z. */
static int span_eq(const char *s, size_t len, const char *z)
{
	return z && strlen(z) == len && memcmp(s, z, len) == 0;
}

const struct topic *catalogue_topic_find(const char *s)
{
	const struct topic *hit = NULL;
	const char *sep = NULL;
	size_t seplen = 0, len = strlen(s);
	int nhits = 0;

	for (const char *p = s; *p; p++) {
		if (*p == '\\' || *p == '/') {
			sep = p, seplen = 1;
			break;
		}
		if (strncmp(p, "＼", 3) == 0 || strncmp(p, "／", 3) == 0) {
			sep = p, seplen = 3;
			break;
		}
	}
	for (size_t i = 0; i < catalogue_topics_n; i++) {
		const struct topic *t = &catalogue_topics[i];

		if (strcmp(s, t->code) == 0)
			return t;
		if (sep) {
			if (t->l2 && span_eq(s, (size_t)(sep - s), t->l1) &&
			    strcmp(sep + seplen, t->l2) == 0)
				return t;
			continue;
		}
		if (t->l2 == NULL && span_eq(s, len, t->l1))
			return t;  /* a level-1 name wins */
		if (t->l2 && strcmp(s, t->l2) == 0) {
			hit = t;
			nhits++;
		}
	}
	return nhits == 1 ? hit : NULL;
}

int catalogue_topic_path(const struct topic *t, struct buf *out)
{
	if (t->l2 == NULL)
		return buf_puts(out, t->l1);
	return buf_printf(out, "%s\\%s", t->l1, t->l2);
}

const char *const catalogue_genres[] = {
	"决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
	"批复", "议案", "函", "纪要",
	GENRE_RULE, GENRE_NORMDOC, "规划", "统计数据", "政策解读", "工作动态", "其他",
};
const size_t catalogue_genres_n = sizeof catalogue_genres / sizeof catalogue_genres[0];

const char *catalogue_genre_find(const char *s)
{
	for (size_t i = 0; i < catalogue_genres_n; i++)
		if (strcmp(s, catalogue_genres[i]) == 0)
			return catalogue_genres[i];
	if (strcmp(s, "命令") == 0 || strcmp(s, "令") == 0)
		return catalogue_genres[2];
	if (strcmp(s, "规范性文件") == 0)
		return GENRE_NORMDOC;
	return NULL;
}

int catalogue_index_format(const char *pattern, const char *uscc, int day, int64_t seq,
			   struct buf *out, struct gk_error *e)
{
	const char *p = pattern;
	int y, m, have_seq = 0, rc = 0;

	date_split(day, &y, &m, NULL);
	while (*p && rc == 0) {
		const char *close;
		size_t n;

		if (*p != '{') {
			rc = buf_putc(out, *p++);
			continue;
		}
		close = strchr(p, '}');
		if (close == NULL)
			return err_set(e, ERR_INVALID, "index_pattern", "格式 %s 中的“{”没有配对的“}”", pattern);
		n = (size_t)(close - p - 1);
		p++;
		if (span_eq(p, n, "uscc") || span_eq(p, n, "orgcode")) {
			if (uscc == NULL || strlen(uscc) != 18)
				return err_set(e, ERR_INVALID, "index_pattern",
					       "机关没有 18 位统一社会信用代码，无法填入 {%.*s}；"
					       "请先登记机关的统一社会信用代码，或修改格式",
					       (int)n, p);
			rc = *p == 'u' ? buf_puts(out, uscc) : buf_append(out, uscc + 8, 9);
		} else if (span_eq(p, n, "yyyy")) {
			rc = buf_printf(out, "%04d", y);
		} else if (span_eq(p, n, "yyyymm")) {
			rc = buf_printf(out, "%04d%02d", y, m);
		} else if (span_eq(p, n, "seq")) {
			rc = buf_printf(out, "%lld", (long long)seq);
			have_seq = 1;
		} else if (n == 7 && memcmp(p, "seq:0", 5) == 0 && p[5] >= '1' && p[5] <= '9' &&
			   p[6] == 'd') {
			rc = buf_printf(out, "%0*lld", p[5] - '0', (long long)seq);
			have_seq = 1;
		} else {
			return err_set(e, ERR_INVALID, "index_pattern",
				       "没有 {%.*s} 这个占位符（可用：{uscc} {orgcode} {yyyy} "
				       "{yyyymm} {seq} {seq:05d}）", (int)n, p);
		}
		p = close + 1;
	}
	if (rc)
		return err_set(e, rc, "index_pattern", "索引号过长");
	if (!have_seq)
		return err_set(e, ERR_INVALID, "index_pattern",
			       "格式 %s 没有 {seq}：索引号会重复", pattern);
	return 0;
}

/* An error of the document's field id, with its label (the declaration's: records.c). */
int catalogue_doc_error(struct gk_error *e, int code, const char *id, const char *fmt, ...)
{
	const struct desc_field *f = desc_find(&doc_desc, id);
	va_list ap;

	if (f == NULL)   /* a field the declaration does not have: a mistake here */
		return err_set(e, ERR_INTERNAL, id, "文件没有这一项");
	va_start(ap, fmt);
	code = desc_verror(e, code, f, fmt, ap);
	va_end(ap);
	return code;
}

/* A stored date field: NULL or a valid YYYY-MM-DD (the declaration checked it); *day = 0
 * when NULL. */
static int day_of(const char *s)
{
	int day = 0;

	if (s && date_parse(s, &day, "", NULL) != 0)
		day = 0;
	return day;
}

int catalogue_doc_check(const struct doc *d, struct gk_error *e)
{
	int rc, signed_day, eff, inv, disc, val;

	if (d->title == NULL || !d->title[0])
		return catalogue_doc_error(e, ERR_INVALID, "title", "文件须有名称");
	/* UTF-8, no control characters (the search snippet markers are control characters),
	 * one line where the field is a line, real days, each text within its bytes */
	if ((rc = desc_check_given(&doc_desc, d, e)) != 0)
		return rc;
	if (utf8_count(d->title, strlen(d->title)) > DOC_TITLE_MAX)
		return catalogue_doc_error(e, ERR_LIMIT, "title", "超过 %d 个字", DOC_TITLE_MAX);
	if (d->summary && utf8_count(d->summary, strlen(d->summary)) > DOC_SUMMARY_MAX)
		return catalogue_doc_error(e, ERR_LIMIT, "summary", "超过 %d 个字", DOC_SUMMARY_MAX);
	if (d->genre && catalogue_genre_find(d->genre) == NULL)
		return catalogue_doc_error(e, ERR_INVALID, "genre", DOC_GENRE_UNKNOWN, d->genre);
	if (d->topic && catalogue_topic_find(d->topic) == NULL)
		return catalogue_doc_error(e, ERR_INVALID, "topic", DOC_TOPIC_UNKNOWN, d->topic);
	/* REQ 条例-20-1: a normative document enters the register with its 文号 */
	if (d->genre && (strcmp(d->genre, GENRE_RULE) == 0 || strcmp(d->genre, GENRE_NORMDOC) == 0) &&
	    (d->doc_no == NULL || !d->doc_no[0]))
		return catalogue_doc_error(e, ERR_INVALID, "doc_no", "%s须有文号", d->genre);
	disc = doc_enum_parse(doc_disclosure_ids, NULL, DISCLOSURE__MAX,
			      d->disclosure ? d->disclosure : "");
	if (disc < 0)
		return catalogue_doc_error(e, ERR_INVALID, "disclosure", DOC_DISCLOSURE_CHOICES);
	val = doc_enum_parse(doc_validity_ids, NULL, VALIDITY__MAX, d->validity ? d->validity : "");
	if (val < 0)
		return catalogue_doc_error(e, ERR_INVALID, "validity", DOC_VALIDITY_CHOICES);
	signed_day = day_of(d->signed_date);
	eff = day_of(d->effective_date);
	inv = day_of(d->invalid_date);
	/* REQ 条例-14: withholding names its reason and legal ground (Arts. 14–16). */
	if (disc == DISCLOSURE_WITHHELD) {
		if (d->withheld_reason == NULL || !d->withheld_reason[0])
			return catalogue_doc_error(e, ERR_INVALID, "withheld_reason",
						   "不予公开须写明不予公开理由");
		if (d->withheld_ground == NULL || !d->withheld_ground[0])
			return catalogue_doc_error(e, ERR_INVALID, "withheld_ground",
						   "不予公开须写明法律依据（例如条例第十四条）");
	}
	if (val != VALIDITY_VALID && inv == 0)
		return catalogue_doc_error(e, ERR_INVALID, "invalid_date", "%s须写明失效或废止的日期",
					   doc_validity_labels[val]);
	if (val == VALIDITY_VALID && inv != 0)
		return catalogue_doc_error(e, ERR_INVALID, "invalid_date",
					   "写了失效或废止日期，但文件是有效的");
	if (signed_day && inv && inv < signed_day)
		return catalogue_doc_error(e, ERR_INVALID, "invalid_date", "早于成文日期");
	if (signed_day && eff && eff < signed_day)
		return catalogue_doc_error(e, ERR_INVALID, "effective_date", "早于成文日期");
	return 0;
}

/*
 * guide.c — the 公开指南 and the Atom feeds, built from settings and the catalogue (guide.h).
 */
#include "domain/guide.h"

#include <string.h>

#include "domain/catalogue.h"
#include "store/agency_store.h"
#include "store/doc_store.h"
#include "text/date.h"

#define GUIDE_MAX_SECTIONS 16
#define GUIDE_MAX_PARAS 64

struct builder {
	struct arena *a;
	struct guide_model *g;
	struct guide_section *cur;
};

static void section(struct builder *b, int level, const char *heading)
{
	struct guide_model *g = b->g;

	if (g->nsections == GUIDE_MAX_SECTIONS)
		return;
	b->cur = &g->sections[g->nsections++];
	b->cur->level = level;
	b->cur->heading = heading;
	b->cur->paras = arena_alloc(b->a, GUIDE_MAX_PARAS * sizeof(char *));
	b->cur->nparas = 0;
}

static void para(struct builder *b, const char *text)
{
	if (b->cur && text && b->cur->nparas < GUIDE_MAX_PARAS)
		b->cur->paras[b->cur->nparas++] = text;
}

static void warn(struct builder *b, const char *text)
{
	if (b->g->nwarnings < 16)
		b->g->warnings[b->g->nwarnings++] = text;
}

/* "label：value" or, when the setting is missing, a warning naming the option to set it. */
static void field(struct builder *b, const char *label, const char *value, const char *opt)
{
	if (value && *value)
		para(b, arena_printf(b->a, "%s：%s", label, value));
	else
		warn(b, arena_printf(b->a, "指南缺少%s（条例第十二条），请用 gongkai guide set %s 设置",
				     label, opt));
}

/* Each line of text as its own paragraph. */
static void lines(struct builder *b, const char *text)
{
	while (text && *text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		if (n)
			para(b, arena_strndup(b->a, text, n));
		text += n + (nl != NULL);
	}
}

struct topic_count {
	const char *path[256];
	int n[256];
	int used, total;
	struct arena *a;
};

static int count_topic(void *p, const struct doc *d)
{
	struct topic_count *c = p;
	const char *t = d->topic ? d->topic : "未分类";
	int i;

	c->total++;
	for (i = 0; i < c->used; i++)
		if (strcmp(c->path[i], t) == 0)
			break;
	if (i == c->used) {
		if (c->used == 256)
			return 0;
		c->path[c->used++] = arena_strdup(c->a, t);
	}
	c->n[i]++;
	return 0;
}

/* 一、总则 and 二、主动公开: what is published, how it is arranged (with the catalogue's count
 * per topic on day), where and how soon. */
static void chapters_published(struct builder *b, const struct agency_rec *ag,
			       const struct agency_profile *p, const struct topic_count *tc,
			       const char *day)
{
	struct arena *a = b->a;

	section(b, 1, "一、总则");
	para(b, arena_printf(a, "为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府"
			      "信息公开条例》（国务院令第711号，以下简称《条例》），编制%s政府信息公开"
			      "指南。本指南根据本机关的设置和政府信息公开目录自动生成，随之更新，本版生成"
			      "于%s。", ag->name, day));

	section(b, 1, "二、主动公开");
	section(b, 2, "（一）公开范围");
	if (p->scope)
		lines(b, p->scope);
	else
		para(b, "依照《条例》第十九条、第二十条、第二十一条的规定，本机关主动公开涉及公众利益"
		     "调整、需要公众广泛知晓或者需要公众参与决策的政府信息，包括行政规范性文件、机构"
		     "职能、规划、财政预决算、行政许可和行政处罚等事项的依据、条件、程序和结果，以及"
		     "法律、法规、规章和国家有关规定应当主动公开的其他政府信息。");
	section(b, 2, "（二）信息分类和编排体系");
	para(b, arena_printf(a, "政府信息按主题分类（一级\\二级）和体裁分类编排，每条信息有唯一且不变"
			      "的索引号，格式为 %s（{uscc} 为统一社会信用代码，{yyyy} 为年份，{seq} 为"
			      "顺序号）。", p->index_pattern));
	para(b, arena_printf(a, "截至%s，目录中已主动公开政府信息 %d 条。", day, tc->total));
	for (int i = 0; i < tc->used; i++)
		para(b, arena_printf(a, "%s：%d 条", tc->path[i], tc->n[i]));
	section(b, 2, "（三）公开渠道");
	if (p->website)
		para(b, arena_printf(a, "政府网站政府信息公开专栏：%s", p->website));
	if (p->address)
		para(b, arena_printf(a, "政府信息公开查阅点：%s%s%s", p->address,
				      p->hours ? "，开放时间：" : "", p->hours ? p->hours : ""));
	para(b, "政府信息公开目录支持全文检索（单字、双字、繁体和全角输入均可检索）和订阅（Atom）。");
	section(b, 2, "（四）公开时限");
	para(b, "属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开；法律、"
	     "法规对公开期限另有规定的，从其规定（《条例》第二十六条）。");
}

/* 三、依申请公开: where and how to apply, the procedure and its time limits, fees. */
static void chapter_on_application(struct builder *b, const struct agency_rec *ag,
				   const struct agency_profile *p)
{
	struct arena *a = b->a;

	section(b, 1, "三、依申请公开");
	section(b, 2, "（一）受理机构");
	para(b, arena_printf(a, "名称：%s", p->office ? p->office : ag->name));
	field(b, "办公地址", p->address, "--address");
	field(b, "办公时间", p->hours, "--hours");
	field(b, "联系电话", p->phone, "--phone");
	field(b, "传真号码", p->fax, "--fax");
	field(b, "电子邮箱", p->email, "--email");
	field(b, "互联网联系方式", p->website, "--website");
	if (p->postcode)
		para(b, arena_printf(a, "邮政编码：%s", p->postcode));
	section(b, 2, "（二）申请方式");
	if (p->channels)
		lines(b, p->channels);
	else
		para(b, "申请人可以当面提交、通过信函（请在信封左下角注明“政府信息公开申请”字样）、传真"
		     "或者政府网站在线提交书面申请；采用书面形式确有困难的，可以口头提出，由受理机构代为"
		     "填写申请。");
	section(b, 2, "（三）申请内容");
	para(b, "政府信息公开申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府"
	     "信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括"
	     "获取信息的方式、途径（《条例》第二十九条）。");
	section(b, 2, "（四）办理程序和答复期限");
	para(b, "能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；"
	     "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过"
	     "20个工作日（《条例》第三十三条）。");
	para(b, "申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正，答复期限自收到"
	     "补正的申请之日起计算（第三十条）；征求第三方和其他机关意见所需时间不计算在答复期限内"
	     "（第三十二条、第三十四条）。");
	section(b, 2, "（五）答复类型");
	para(b, "根据《条例》第三十六条，分别作出予以公开、部分公开、不予公开（并说明理由）、无法提供、"
	     "不予处理、告知通过其他途径办理等答复。");
	section(b, 2, "（六）收费");
	if (p->fees)
		lines(b, p->fees);
	else
		para(b, "行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显"
		     "超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取"
		     "信息处理费（《条例》第四十二条）。");
}

/* 四、监督和救济: complaints to the organ above (named where the store knows it), review, suit. */
static void chapter_remedies(struct builder *b, struct store *s, const struct agency_rec *ag)
{
	struct agency_rec parent;
	struct arena *a = b->a;

	section(b, 1, "四、监督和救济");
	if (ag->parent_id && agency_store(s)->get(s, ag->parent_id, a, &parent, NULL) == 0)
		para(b, arena_printf(a, "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法"
				      "权益的，可以向%s或者政府信息公开工作主管部门投诉、举报，也可以依法"
				      "申请行政复议或者提起行政诉讼（《条例》第五十一条）。", parent.name));
	else
		para(b, "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级"
		     "行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政"
		     "诉讼（《条例》第五十一条）。");
}

int guide_build(struct store *s, int64_t agency_id, int today, struct arena *a,
		struct guide_model *out, struct gk_error *e)
{
	struct builder b = { a, out, NULL };
	struct topic_count tc = { .a = a };
	struct doc_filter f = { 0 };
	struct agency_profile p;
	struct agency_rec ag;
	char day[DATE_LEN];
	int rc, y;

	memset(out, 0, sizeof *out);
	if ((rc = agency_store(s)->get(s, agency_id, a, &ag, e)) != 0 ||
	    (rc = catalogue_profile_get(s, agency_id, a, &p, e)) != 0)
		return rc;
	date_format(today, day);
	y = date_year(today);
	out->title = arena_printf(a, "%s政府信息公开指南（%d年版）", ag.name, y);
	out->updated = arena_strdup(a, day);
	out->sections = arena_alloc(a, GUIDE_MAX_SECTIONS * sizeof *out->sections);
	out->warnings = arena_alloc(a, 16 * sizeof(char *));
	f.agency_id = agency_id;
	f.public_only = 1;
	f.today = day;
	f.limit = 100000;
	if ((rc = doc_store(s)->list(s, &f, count_topic, &tc, e)) != 0)
		return rc;
	chapters_published(&b, &ag, &p, &tc, day);
	chapter_on_application(&b, &ag, &p);
	chapter_remedies(&b, s, &ag);
	return 0;
}

struct feed_ctx {
	struct arena *a;
	const char *base;
	struct atom_entry *v;
	size_t n, cap;
};

/* A date as RFC 3339 at midnight China time. */
static const char *rfc3339(struct arena *a, const char *date)
{
	return arena_printf(a, "%sT00:00:00+08:00", date);
}

static int feed_row(void *p, const struct doc *d)
{
	struct feed_ctx *c = p;
	struct atom_entry *en;

	if (c->n == c->cap)
		return 1;
	en = &c->v[c->n++];
	en->id = arena_printf(c->a, "urn:gongkai:index:%s", d->index_no);
	en->title = arena_strdup(c->a, d->title);
	en->link = arena_printf(c->a, "%s/docs/%lld", c->base, (long long)d->id);
	en->published = en->updated = rfc3339(c->a, d->published_date);
	en->summary = d->summary ? arena_strdup(c->a, d->summary)
				 : d->doc_no ? arena_printf(c->a, "%s %s", d->doc_no, d->index_no)
					     : arena_strdup(c->a, d->index_no);
	en->author = arena_strdup(c->a, d->publisher);
	en->category = d->topic ? arena_strdup(c->a, d->topic) : NULL;
	return 0;
}

int feed_build(struct store *s, int64_t agency_id, const char *base_url, int today, int limit,
	       struct arena *a, struct atom_feed *out, struct gk_error *e)
{
	struct feed_ctx c = { a, base_url, NULL, 0, 0 };
	struct doc_filter f = { 0 };
	struct agency_rec ag;
	char day[DATE_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	if (limit <= 0 || limit > 500)
		limit = FEED_ENTRIES_DEFAULT;
	c.cap = (size_t)limit;
	c.v = arena_alloc(a, c.cap * sizeof *c.v);
	date_format(today, day);
	f.agency_id = agency_id;
	f.public_only = 1;
	f.today = day;
	f.limit = limit;
	if (agency_id) {
		if ((rc = agency_store(s)->get(s, agency_id, a, &ag, e)) != 0)
			return rc;
		out->title = arena_printf(a, "%s 政府信息公开", ag.name);
		out->author = ag.name;
		out->id = arena_printf(a, "%s/feed.xml?agency=%lld", base_url, (long long)agency_id);
		out->link = arena_printf(a, "%s/docs?agency=%lld", base_url, (long long)agency_id);
	} else {
		out->title = "政府信息公开平台 最新公开";
		out->author = "政府信息公开平台";
		out->id = arena_printf(a, "%s/feed.xml", base_url);
		out->link = arena_printf(a, "%s/docs", base_url);
	}
	out->self = out->id;
	if ((rc = doc_store(s)->list(s, &f, feed_row, &c, e)) != 0 && rc != 1)
		return rc;
	out->entries = c.v;
	out->n = c.n;
	/* the newest entry's date, else today */
	out->updated = c.n ? c.v[0].updated : rfc3339(a, day);
	return 0;
}

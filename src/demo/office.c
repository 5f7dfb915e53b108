/*
 * office.c — the demo office: its staff accounts and a year of its applications (see office.h).
 * May call domain/, store/, text/, base/.
 */
#include "demo/office.h"

#include <stdio.h>
#include <string.h>

#include "base/crypto.h"
#include "demo/catalogue.h"
#include "domain/agency.h"
#include "domain/application.h"
#include "domain/catalogue.h"
#include "domain/publish.h"
#include "domain/register.h"
#include "domain/registers.h"
#include "domain/user.h"
#include "text/date.h"

static const struct {
	const char *name, *display, *role, *organ;
} people[DEMO_ACCOUNTS] = {
	{ "officer", "王秀兰（党政办）", "officer", "慈周寨镇" },
	{ "reviewer", "李建国（党政办主任）", "reviewer", "慈周寨镇" },
	{ "reviewer2", "赵丽（纪检）", "reviewer", "慈周寨镇" },
	{ "leader", "张志强（镇长）", "leader", "慈周寨镇" },
	{ "admin", "系统管理员", "admin", "滑县人民政府" },
	{ "security", "安全管理员", "security", "滑县人民政府" },
	{ "auditor", "审计管理员", "auditor", "滑县人民政府" },
	{ "supervisor", "刘芳（县政务公开办）", "supervisor", "滑县人民政府" },
};

static int organ_id(struct store *s, const char *name, int64_t *id, struct gk_error *e)
{
	struct agency_rec r;
	struct arena a;
	int rc;

	arena_init(&a);
	rc = agency_resolve(s, name, &a, &r, e);
	if (rc == 0)
		*id = r.id;
	arena_free(&a);
	return rc;
}

/* The day n working days before today (n ≥ 0). */
static int workdays_back(const struct calendar *cal, int today, int n)
{
	int d = today;

	while (n > 0) {
		d--;
		if (calendar_is_workday(cal, d))
			n--;
	}
	return d;
}

struct step {
	int kind;          /* enum app_event_kind, or -1 = decide */
	int back;          /* working days before today */
	const char *approver;
	int outcome;
	const char *text;
};

#define END { -2, 0, NULL, 0, NULL }

struct demo_app {
	const char *name, *type, *request;
	int received_back;   /* working days before today */
	struct step steps[4];
};

/* One application per state of the lifecycle, and some due soon or overdue. */
static const struct demo_app apps[] = {
	{ "陈明", "np", "本村2024年低保户名单及评定依据", 19, { END } },          /* due tomorrow */
	{ "孙红梅", "np", "宅基地审批文件（慈周寨村三组）", 20, { END } },         /* due today */
	{ "滑县某建材有限公司", "biz", "2025年道路硬化工程招标文件", 16, { END } }, /* within 5 */
	{ "周文", "np", "征地补偿标准及发放明细", 24, { END } },                    /* overdue */
	{ "吴律师事务所", "legal", "某行政处罚决定书", 6,
	  { { EV_CORRECTION_REQUESTED, 4, NULL, 0, "请补充申请人身份证明及所需信息的具体名称" }, END } },
	{ "郑晓", "np", "涉及邻居的房屋翻建审批材料", 10,
	  { { EV_CONSULTATION_STARTED, 8, NULL, 0, "征求第三方（房屋所有人）意见" }, END } },
	{ "河南某研究院", "research", "近三年农业补贴发放统计", 15,
	  { { EV_EXTENDED, 3, "李建国", 0, "需要汇总多个年度的材料" }, END } },
	{ "王某", "np", "全镇所有会议记录（2000年至今）", 12,
	  { { EV_FEE_NOTICE, 10, NULL, 0, "申请数量明显超出合理范围" },
	    { EV_FEE_NOTICE_RECEIVED, 9, NULL, 0, NULL }, END } },
	{ "李华", "np", "2024年镇财政预算", 9,
	  { { -1, 2, NULL, OUTCOME_GRANTED, "已在本镇政府信息公开平台主动公开，现提供获取方式" }, END } },
	{ "某公益协会", "ngo", "村集体经济收支明细", 14,
	  { { -1, 3, NULL, OUTCOME_PARTIAL, "其中涉及个人身份信息和银行账号的部分不予公开（条例第十五条）" }, END } },
	{ "赵强", "np", "某案件侦查卷宗", 11,
	  { { -1, 5, NULL, OUTCOME_DENY_ENFORCEMENT_FILE, "所申请信息属于行政执法案卷信息" }, END } },
	{ "钱某", "np", "镇长个人收入情况", 8,
	  { { EV_WITHDRAWN, 6, NULL, 0, "申请人来电撤回" }, END } },
};

static int add_app(struct store *s, const struct calendar *cal, int64_t agency, int today,
		   const struct demo_app *d, struct gk_error *e)
{
	struct app_new in = { 0 };
	struct app_created out;
	int rc;

	in.agency_id = agency;
	in.received = workdays_back(cal, today, d->received_back);
	in.confirmed = in.received;   /* 条例第三十一条: confirmed with the applicant that day */
	in.channel = "online";
	in.applicant_type = d->type;
	in.applicant_name = d->name;
	in.contact = "电话：13800000000；通信地址：河南省滑县慈周寨镇";
	in.request = d->request;
	in.form = "纸质；邮寄";
	if ((rc = app_create(s, cal, &in, today, &out, e)) != 0)
		return rc;
	for (int i = 0; d->steps[i].kind != -2; i++) {
		const struct step *st = &d->steps[i];
		int date = workdays_back(cal, today, st->back);

		if (st->kind == -1) {
			rc = app_decide(s, cal, out.id, st->outcome, date, st->text, today, e);
		} else {
			struct app_event_in ev = { .kind = st->kind, .date = date, .note = st->text,
						   .approver = st->approver, .amount_fen = -1,
						   .outcome = -1 };
			if (st->kind == EV_FEE_NOTICE) {   /* 按量: 60 pages, 300 元 (109号) */
				ev.method = FEE_BY_PAGES;
				ev.quantity = 60;
			}
			if (st->kind == EV_CONSULTATION_STARTED) {
				ev.party = PARTY_THIRD_PARTY;   /* 条例第三十二条 */
				ev.counterpart = "张某（房屋所有人）";
			}
			rc = app_record(s, cal, out.id, &ev, today, e);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* Documents of 慈周寨镇 in every stage of 三审 (target state), written by the officer. */
static const struct {
	const char *title, *genre, *topic, *doc_no, *body;
	enum doc_state target;
	int signed_back;
} docs[] = {
	{ "慈周寨镇2025年政府信息公开工作要点", "通知", "综合政务", "慈政〔2025〕3号",
	  "为深入贯彻《中华人民共和国政府信息公开条例》，进一步提升政务公开质量，现将2025年工作要点通知如下：一、加强主动公开；二、规范依申请公开办理；三、做好年度报告编制。",
	  DOC_PUBLISHED, 60 },
	{ "慈周寨镇关于做好秸秆禁烧工作的通告", "通告", "农业、林业、水利", "慈政通〔2025〕2号",
	  "为保护大气环境，即日起全镇范围内禁止露天焚烧秸秆。各村要落实网格化巡查责任。", DOC_PUBLISHED, 40 },
	{ "慈周寨镇2025年财政预算执行情况", "报告", "财政、金融、审计", NULL,
	  "2025年全镇一般公共预算收入完成年度预算的百分之九十八，支出重点保障民生和基层运转。", DOC_PUBLISHED, 30 },
	{ "慈周寨镇防汛应急预案（修订）", "其他", "综合政务", NULL,
	  "本预案适用于本镇行政区域内洪涝灾害的预防和应急处置。", DOC_APPROVED, 12 },
	{ "慈周寨镇农村人居环境整治实施方案", "通知", "城乡建设、环境保护", NULL,
	  "为持续改善农村人居环境，制定本方案。", DOC_FINAL, 10 },
	{ "关于调整镇村干部联系户分工的通知", "通知", "综合政务", NULL,
	  "根据工作需要，对镇村干部联系户分工进行调整。", DOC_SECOND, 8 },
	{ "慈周寨镇冬季安全生产检查工作方案", "通知", "综合政务", NULL,
	  "为做好冬季安全生产工作，开展全面检查。", DOC_FIRST, 5 },
	{ "慈周寨镇2026年民生实事项目征集公告", "公告", "综合政务", NULL,
	  "现面向全镇群众征集2026年民生实事项目建议。", DOC_DRAFT, 2 },
	{ "关于某村道路施工临时交通管制的通告", "通告", "综合政务", NULL,
	  "施工期间实行临时交通管制。", DOC_WITHDRAWN, 50 },
};

static int add_doc(struct store *s, const struct calendar *cal, int64_t agency, int today, size_t i,
		   struct gk_error *e)
{
	struct doc_input in = { 0 };
	struct arena a;
	const char *index_no;
	char signed_date[DATE_LEN];
	enum doc_state t = docs[i].target;
	int64_t id;
	int rc;

	arena_init(&a);
	in.title = docs[i].title;
	in.genre = docs[i].genre;
	in.topic = docs[i].topic;
	in.doc_no = docs[i].doc_no;
	in.body = docs[i].body;
	in.publisher = "慈周寨镇人民政府";
	in.signed_date = date_format(workdays_back(cal, today, docs[i].signed_back), signed_date);
	store_set_actor(s, "officer");  /* the author */
	rc = catalogue_doc_add(s, agency, &in, &a, &id, &index_no, e);
	if (rc == 0 && t >= DOC_FIRST)
		rc = publish_submit(s, id, "officer", e);
	if (rc == 0 && t >= DOC_SECOND)
		rc = demo_approve(s, id, STAGE_FIRST, "reviewer", "reviewer", e);
	if (rc == 0 && t >= DOC_FINAL)
		rc = demo_approve(s, id, STAGE_SECOND, "reviewer2", "reviewer", e);
	if (rc == 0 && t >= DOC_APPROVED)
		rc = demo_approve(s, id, STAGE_FINAL, "leader", "leader", e);
	if (rc == 0 && t >= DOC_PUBLISHED)
		rc = publish_publish(s, id, "officer", 0, e);
	if (rc == 0 && t == DOC_WITHDRAWN)
		rc = publish_withdraw(s, id, "leader", "施工已结束，通告失效", e);
	arena_free(&a);
	return rc;
}

/* ---- the year behind today: applications received and answered, feedback ---- */

static const char *const surnames = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗";
static const char *const given[] = { "建国", "秀英", "志强", "丽娟", "海燕", "明", "磊", "桂兰",
				     "红梅", "国庆", "晓东", "春生", "玉兰", "文杰", "淑珍", "俊" };
static const char *const requests[] = {
	"本村%d年度村级财务收支明细", "%d年高标准农田建设项目招标及验收材料",
	"%d年城乡居民最低生活保障对象名单及评定依据", "本村宅基地审批档案（%d年以来）",
	"%d年农村道路硬化工程资金拨付情况", "征地补偿安置方案及补偿款发放明细（%d年）",
	"%d年耕地地力保护补贴发放名单", "镇卫生院%d年建设项目立项批复",
	"%d年度乡村振兴衔接资金项目库", "%d年人居环境整治专项资金使用情况",
	"某企业环境影响评价审批文件（%d年）", "%d年危房改造对象评定材料",
};
/* outcome mix of a township year: most disclosed, some not held, a few not handled */
static const struct { int outcome; unsigned weight; } year_mix[] = {
	{ OUTCOME_GRANTED, 42 }, { OUTCOME_PARTIAL, 12 }, { OUTCOME_UNABLE_NOT_HELD, 14 },
	{ OUTCOME_NOPROC_PUBLICATION, 8 }, { OUTCOME_DENY_THIRD_PARTY, 4 },
	{ OUTCOME_DENY_PROCESS_INFO, 3 }, { OUTCOME_NOPROC_PETITION, 4 },
	{ OUTCOME_OTHER_MISC, 5 }, { OUTCOME_OTHER_NO_CORRECTION, 3 }, { OUTCOME_UNABLE_UNCLEAR_AFTER_FIX, 2 },
};

static unsigned rnd(unsigned *x)
{
	*x = *x * 1103515245u + 12345u;
	return (*x >> 8) & 0xffffff;
}

/* The day n working days after d. */
static int workdays_after(const struct calendar *cal, int d, int n)
{
	while (n > 0) {
		d++;
		if (calendar_is_workday(cal, d))
			n--;
	}
	return d;
}

static int year_app(struct store *s, const struct calendar *cal, int64_t agency, int today, int i,
		    unsigned *x, struct gk_error *e)
{
	static const char *const channels[] = { "online", "online", "online", "in-person", "post" };
	unsigned total = 0, r;
	int outcome = OUTCOME_GRANTED, received, y, rc;
	char name[32], request[200];
	struct app_new in = { 0 };
	struct app_created out;
	struct app_event_in ev;
	size_t k;

	for (k = 0; k < sizeof year_mix / sizeof year_mix[0]; k++)
		total += year_mix[k].weight;
	r = rnd(x) % total;
	for (k = 0; k < sizeof year_mix / sizeof year_mix[0]; k++) {
		if (r < year_mix[k].weight) {
			outcome = year_mix[k].outcome;
			break;
		}
		r -= year_mix[k].weight;
	}
	/* received over the 12 months before the last five weeks, on working days */
	received = workdays_back(cal, today, 26 + (int)((long)i * 220 / 90) + (int)(rnd(x) % 3));
	if (received < date_make(2025, 1, 1))
		return 0;  /* 慈周寨镇's 2024 is the reference report: no application that year */
	date_split(received, &y, NULL, NULL);
	snprintf(name, sizeof name, "%.3s%s", surnames + 3 * (rnd(x) % 20), given[rnd(x) % 16]);
	snprintf(request, sizeof request, requests[rnd(x) % 12], y - (int)(rnd(x) % 2));
	in.agency_id = agency;
	in.received = received;
	in.channel = channels[rnd(x) % 5];
	/* 条例第三十一条: where the channel needs it, receipt confirmed with the applicant that day */
	in.confirmed = app_channels[app_channel_find(in.channel)].confirm ? received : 0;
	in.applicant_type = rnd(x) % 10 < 8 ? "np" : "biz";
	in.applicant_name = strcmp(in.applicant_type, "np") == 0 ? name : "滑县某农业发展有限公司";
	in.contact = "电话：13800000000";
	in.request = request;
	in.form = rnd(x) % 2 ? "纸质；邮寄" : "电子数据；电子邮件";
	if ((rc = app_create(s, cal, &in, today, &out, e)) != 0)
		return rc;
	if (outcome == OUTCOME_OTHER_MISC) {
		ev = (struct app_event_in){ .kind = EV_WITHDRAWN, .date = workdays_after(cal, received, 3),
					    .note = "申请人撤回申请", .amount_fen = -1, .outcome = -1 };
		return app_record(s, cal, out.id, &ev, today, e);
	}
	if (outcome == OUTCOME_OTHER_NO_CORRECTION || outcome == OUTCOME_UNABLE_UNCLEAR_AFTER_FIX) {
		ev = (struct app_event_in){ .kind = EV_CORRECTION_REQUESTED, .date = workdays_after(cal, received, 2),
					    .note = "请写明所需信息的名称、文号或者便于查询的其他特征性描述",
					    .amount_fen = -1, .outcome = -1 };
		if ((rc = app_record(s, cal, out.id, &ev, today, e)) != 0)
			return rc;
		if (outcome == OUTCOME_OTHER_NO_CORRECTION) {
			ev = (struct app_event_in){ .kind = EV_CORRECTION_LAPSED, .date = received + 40,
						    .amount_fen = -1, .outcome = -1 };
			return app_record(s, cal, out.id, &ev, today, e);
		}
		ev = (struct app_event_in){ .kind = EV_CORRECTION_RECEIVED, .date = workdays_after(cal, received, 5),
					    .amount_fen = -1, .outcome = -1 };
		if ((rc = app_record(s, cal, out.id, &ev, today, e)) != 0)
			return rc;
		received = ev.date;
	}
	return app_decide(s, cal, out.id, outcome, workdays_after(cal, received, 4 + (int)(rnd(x) % 15)),
			  outcome == OUTCOME_GRANTED ? "现将所申请的政府信息提供给您" : NULL, today, e);
}

/* Feedback on the portal, by hotline and mailbox over the year; the recent ones await an answer. */
static int year_feedback(struct store *s, const struct calendar *cal, int64_t agency, int today,
			 struct gk_error *e)
{
	static const char *const said[] = {
		"建议在镇政府网站公开村级小微权力清单。", "反映某村道路路灯长期不亮，夜间出行不便。",
		"询问今年耕地地力保护补贴何时发放。", "建议公开镇卫生院新建项目的进度。",
		"投诉某村垃圾清运不及时。", "咨询如何申请政府信息公开，是否需要收费。",
		"建议政务公开栏及时更新低保名单。", "反映信息公开目录中个别文件附件无法打开。",
	};
	static const char *const channels[] = { "web", "hotline", "mailbox" };
	int rc = 0;

	for (int i = 0; i < 16 && rc == 0; i++) {
		int received = workdays_back(cal, today, 3 + i * 14), answered = workdays_after(cal, received, 5);
		struct reg_kv kv[6];
		struct reg_record rec;
		struct arena a;
		char d1[DATE_LEN], d2[DATE_LEN];
		size_t n = 0;

		kv[n++] = (struct reg_kv){ "channel", channels[i % 3] };
		kv[n++] = (struct reg_kv){ "received", date_format(received, d1) };
		kv[n++] = (struct reg_kv){ "text", said[i % 8] };
		kv[n++] = (struct reg_kv){ "contact", "13800000000" };
		if (i >= 3 && answered < today) {
			kv[n++] = (struct reg_kv){ "answered", date_format(answered, d2) };
			kv[n++] = (struct reg_kv){ "answer", "感谢您的关注。您反映的问题已转交有关部门办理，办理结果将及时向您反馈。" };
		}
		arena_init(&a);
		if ((rc = reg_record_parse(reg_desc_find("feedback"), kv, n, &a, &rec, e)) == 0)
			rc = registers_add(s, agency, &rec, &a, e);
		arena_free(&a);
	}
	return rc;
}

int demo_web(struct store *s, const struct calendar *cal, int today,
	     struct demo_account accounts[DEMO_ACCOUNTS], struct gk_error *e)
{
	/* no 0/O, 1/l/I: read aloud and typed from a printout */
	static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	int64_t czz;
	int rc;

	for (int i = 0; i < DEMO_ACCOUNTS; i++) {
		struct user_new un = { 0 };
		int64_t org, id;

		if ((rc = organ_id(s, people[i].organ, &org, e)) != 0)
			return rc;
		do  /* the password rules ask three kinds of characters */
			crypto_random_code(accounts[i].password, DEMO_PASSWORD_LEN - 1, alphabet);
		while (user_password_rules(accounts[i].password, NULL) != 0);
		accounts[i].name = people[i].name;
		accounts[i].role = people[i].role;
		accounts[i].organ = people[i].organ;
		un.name = people[i].name;
		un.display_name = people[i].display;
		un.role = people[i].role;
		un.agency_id = org;
		un.password = accounts[i].password;
		if ((rc = user_create(s, &un, &id, e)) != 0)
			return rc;
	}
	if ((rc = organ_id(s, "慈周寨镇", &czz, e)) != 0)
		return rc;
	{
		unsigned x = 20261204;
		for (int i = 0; i < 90; i++)
			if ((rc = year_app(s, cal, czz, today, i, &x, e)) != 0)
				return rc;
	}
	for (size_t i = 0; i < sizeof apps / sizeof apps[0]; i++)
		if ((rc = add_app(s, cal, czz, today, &apps[i], e)) != 0)
			return rc;
	if ((rc = year_feedback(s, cal, czz, today, e)) != 0)
		return rc;
	{
		/* 慈周寨镇 has no 统一社会信用代码 in the demo: its 索引号 pattern says so. */
		struct agency_profile prof = { 0 };
		char actor[STORE_ACTOR_MAX];

		prof.index_pattern = "CZZ-{yyyy}-{seq:05d}";
		prof.office = "慈周寨镇党政办公室";
		prof.address = "河南省安阳市滑县慈周寨镇政府院内";
		prof.hours = "工作日 8:30–12:00，14:30–17:30";
		prof.phone = "0372-0000000";
		/* 国办函〔2020〕109号: fees are paid as non-tax revenue; printed in 收费通知书 */
		prof.fee_account = "通过河南省非税收入收缴系统缴纳，执收单位：慈周寨镇人民政府，"
				   "执收单位编码：000000（示例）";
		if ((rc = catalogue_profile_set(s, czz, &prof, e)) != 0)
			return rc;
		snprintf(actor, sizeof actor, "%s", store_actor(s));
		for (size_t i = 0; rc == 0 && i < sizeof docs / sizeof docs[0]; i++)
			rc = add_doc(s, cal, czz, today, i, e);
		store_set_actor(s, actor);
	}
	return rc;
}

/*
 * demo_web.c — demo accounts and applications for the web (see demo_web.h).
 * May call domain/, store/, base/.
 */
#include "domain/demo_web.h"

#include <string.h>

#include "base/crypto.h"
#include "domain/agency.h"
#include "domain/application.h"
#include "domain/user.h"

static const struct {
	const char *name, *display, *role, *organ;
} people[DEMO_ACCOUNTS] = {
	{ "officer", "王秀兰（党政办）", "officer", "慈周寨镇" },
	{ "reviewer", "李建国（党政办主任）", "reviewer", "慈周寨镇" },
	{ "reviewer2", "赵丽（纪检）", "reviewer", "慈周寨镇" },
	{ "leader", "张志强（镇长）", "leader", "慈周寨镇" },
	{ "admin", "系统管理员", "admin", "滑县人民政府" },
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
			if (st->kind == EV_FEE_NOTICE)
				ev.amount_fen = 30000;
			rc = app_record(s, cal, out.id, &ev, today, e);
		}
		if (rc)
			return rc;
	}
	return 0;
}

int demo_web(struct store *s, const struct calendar *cal, int today,
	     struct demo_account accounts[DEMO_ACCOUNTS], struct gk_error *e)
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
	int64_t czz;
	int rc;

	for (int i = 0; i < DEMO_ACCOUNTS; i++) {
		struct user_new un = { 0 };
		int64_t org, id;

		if ((rc = organ_id(s, people[i].organ, &org, e)) != 0)
			return rc;
		crypto_random_code(accounts[i].password, DEMO_PASSWORD_LEN - 1, alphabet);
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
	for (size_t i = 0; i < sizeof apps / sizeof apps[0]; i++)
		if ((rc = add_app(s, cal, czz, today, &apps[i], e)) != 0)
			return rc;
	return 0;
}

/*
 * demo_report.c — the annual-report part of the demo database (see demo_report.h).
 *
 * The generated ledgers are deterministic (a fixed linear congruential sequence, never rand()),
 * so the demo gives the same reports on every run and the golden files can rely on them.
 * May call domain/, store/, text/, base/.
 */
#include "demo/report.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "domain/agency.h"
#include "domain/application.h"
#include "domain/registers.h"
#include "domain/report_compute.h"
#include "domain/report_publish.h"
#include "store/agency_store.h"
#include "text/date.h"

/* The narrative of 慈周寨镇's 2024 report, as the organ wrote it (shared/corpus/
 * reference-cizhouzhai-2024.txt). */
static const char czz_overview[] =
	"2024 年，慈周寨镇政府高度重视政府信息公开工作，始终以党的二十大精神、党的二十届三中全会精神为指导，牢牢把握正确的政治方向，严格按照《中华人民共和国政府信息公开条例》有关要求，建立完善信息公开机制，加强信息主动公开，强化政府信息管理，以及推进政府信息公开平台的建设，稳稳推进政府信息公开工作。\n"
	"\n"
	"（一）信息主动公开情况。2024 年，慈周寨镇建立完善信息公开流程，完善《慈周寨镇新闻媒体信息发布三审三校制度》，确保所有应公开信息能够及时、准确地对外公布，增强政府工作的透明度和公众的信任度。\n"
	"\n"
	"（二）信息依申请公开情况。慈周寨镇致力提升服务质量和效率，确保公众的知情权得到有效保障。慈周寨镇建立了一套完善的信息依申请公开流程，从接收申请、审查内容到信息提供，每一环节都有明确的时限和标准。2024 年全年未收到政府信息公开申请。\n"
	"\n"
	"（三）政府信息管理情况。慈周寨镇始终坚持依法行政，严格执行国家关于信息管理的法律法规，对不同类型的政府信息进行明确分类，确保敏感信息的安全。2024 年，慈周寨镇共购置涉密电脑 1 台、保密安全柜 1 个确保涉密文件安全，全力做好加密传输、访问控制，防止涉密信息非法泄露。2024 年先后出台了《廉政风险预警防控工作制度》《廉政谈话提醒制度》《党风廉政建设主体责任和一岗双责制度》等相关制度，共发布政府文件 166 个、党委文件 58 个。\n"
	"\n"
	"（四）政府信息公开平台建设情况。按照省、市、县相关要求，“走进慈周”微信公众号已暂停运行。2024 年在云上滑州发布新闻 42 条。\n"
	"\n"
	"（五）监督保障情况。慈周寨镇明确党政办负责对信息公开工作进行日常监督和定期审计。并鼓励公众参与监督，通过设立投诉热线和意见箱等方式收集社会各界对信息公开工作的反馈和建议。";

static const char czz_problems[] =
	"经过一年的努力，慈周寨镇在信息公开方面取得了一定的成绩，但在自我审视的过程中，也发现了一些问题和不足。一是部分基层工作人员对信息公开的重要性认识不足，导致信息更新不够及时，公开内容有时缺乏针对性和实用性。二是虽然我们建立了多渠道的信息公开平台，但公众对这些平台的知晓度和使用率仍有待提高。三是信息公开的互动性和参与性还不够强，公众参与政府决策的渠道有限。\n"
	"\n"
	"针对上述问题，将采取以下改进措施：一是加强对基层工作人员的培训，提升他们的信息公开意识和业务能力。二是通过镇村活动、媒体宣传等方式提高公众对信息公开平台的认知度。三是优化平台功能，增加用户反馈机制，提升用户体验。四是开展更多的线上线下互动活动，鼓励公众参与到政府决策过程中来。";

static const char czz_other[] = "0";

/* An organ by name: the existing one, or a new one. */
static int organ(struct store *s, const char *name, const char *level, int64_t parent, int64_t *id,
		 struct gk_error *e)
{
	struct agency_new an = { .name = name, .level = level, .parent_id = parent };
	struct agency_rec r;
	struct arena a;
	int rc;

	arena_init(&a);
	rc = agency_store(s)->find_name(s, name, &a, &r, e);
	if (rc == 0)
		*id = r.id;
	arena_free(&a);
	if (rc != ERR_NOTFOUND)
		return rc;
	memset(e, 0, sizeof *e);
	return agency_create(s, &an, id, e);
}

/* One register entry from name/value pairs (NULL-terminated list). */
static int reg(struct store *s, int64_t agency, const char *kind, const char *const *kv, struct gk_error *e)
{
	struct reg_kv pairs[REG_MAX_FIELDS];
	struct reg_record rec;
	struct arena a;
	size_t n = 0;
	int rc;

	for (; kv[2 * n] && n < REG_MAX_FIELDS; n++)
		pairs[n] = (struct reg_kv){ kv[2 * n], kv[2 * n + 1] };
	arena_init(&a);
	if ((rc = reg_record_parse(reg_desc_find(kind), pairs, n, &a, &rec, e)) == 0)
		rc = registers_add(s, agency, &rec, &a, e);
	arena_free(&a);
	return rc;
}

static const char *const czz_news[] = {
	"慈周寨镇召开人居环境整治推进会", "慈周寨镇开展防汛应急演练", "慈周寨镇举办农民丰收节活动",
	"慈周寨镇推进高标准农田建设", "慈周寨镇开展安全生产大检查", "慈周寨镇召开党建工作会议",
	"慈周寨镇开展秸秆禁烧巡查", "慈周寨镇组织义务植树活动",
};

int demo_cizhouzhai_2024(struct store *s, const struct calendar *cal, int64_t parent_id, int64_t *id,
			 struct gk_error *e)
{
	int64_t ag;
	int rc;

	(void)cal;
	if ((rc = organ(s, "慈周寨镇", "township", parent_id, &ag, e)) != 0)
		return rc;
	/* 42 news items on 云上滑州 in 2024, as the report says; none on the paused WeChat account */
	for (int i = 0; i < 42 && rc == 0; i++) {
		char date[11], title[160];
		int d = date_make(2024, 1, 8) + i * 8;
		int y, m, dd;

		date_split(d, &y, &m, &dd);
		snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dd);
		snprintf(title, sizeof title, "%s（第%d期）", czz_news[i % 8], i / 8 + 1);
		rc = reg(s, ag, "news", (const char *const[]){ "platform", "云上滑州", "date", date,
							     "title", title, NULL }, e);
	}
	if (rc == 0)
		rc = report_text_set(s, ag, 2024, RTEXT_OVERVIEW, czz_overview, strlen(czz_overview), e);
	if (rc == 0)
		rc = report_text_set(s, ag, 2024, RTEXT_PROBLEMS, czz_problems, strlen(czz_problems), e);
	if (rc == 0)
		rc = report_text_set(s, ag, 2024, RTEXT_OTHER, czz_other, strlen(czz_other), e);
	if (rc == 0 && id)
		*id = ag;
	return rc;
}

/* ---- generated ledgers ---- */

struct lcg {
	uint64_t x;
};

static unsigned next(struct lcg *g, unsigned n)
{
	g->x = g->x * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((g->x >> 33) % n);
}

/* Relative frequency of each outcome (enum outcome order) and of each applicant type. */
static const unsigned outcome_weight[OUTCOME__MAX] = {
	40, 12, 1, 2, 1, 4, 3, 3, 2, 2, 14, 6, 2, 3, 3, 2, 1, 1, 3, 2, 3,
};
static const unsigned type_weight[APPLICANT__MAX] = { 70, 12, 2, 3, 8, 5 };

static unsigned pick(struct lcg *g, const unsigned *w, unsigned n)
{
	unsigned total = 0, r;

	for (unsigned i = 0; i < n; i++)
		total += w[i];
	r = next(g, total);
	for (unsigned i = 0; i < n; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return 0;
}

/* One application received on day `received`, handled to its outcome `days` later (or left
 * open when it would end after `last`). */
static int one_app(struct store *s, const struct calendar *cal, int64_t ag, int received, int outcome,
		   int type, int days, int last, int today, struct gk_error *e)
{
	struct app_new in = { .agency_id = ag, .received = received, .confirmed = received,
			      .channel = "online", .applicant_type = app_applicant_id(type),
			      .applicant_name = "申请人", .contact = "电话：0372-0000000",
			      .request = "本机关公开的政府信息" };
	struct app_created c;
	struct app_event_in ev = { .amount_fen = -1 };
	int end = received + days, rc;

	if (type != APPLICANT_NP)
		in.applicant_name = "某单位";
	if ((rc = app_create(s, cal, &in, today, &c, e)) != 0)
		return rc;
	if (end > last)
		return 0;   /* still open */
	switch (outcome) {
	case OUTCOME_OTHER_NO_CORRECTION:
		ev = (struct app_event_in){ .kind = EV_CORRECTION_REQUESTED, .date = received + 2 };
		if ((rc = app_record(s, cal, c.id, &ev, today, e)) != 0)
			return rc;
		ev = (struct app_event_in){ .kind = EV_CORRECTION_LAPSED, .date = received + 2 + 30 };
		return app_record(s, cal, c.id, &ev, today, e);
	case OUTCOME_OTHER_FEE_UNPAID:
		/* 按量: 50 pages, 200 元 (国办函〔2020〕109号) */
		ev = (struct app_event_in){ .kind = EV_FEE_NOTICE, .date = received + 3, .amount_fen = 20000,
					    .method = FEE_BY_PAGES, .quantity = 50 };
		if ((rc = app_record(s, cal, c.id, &ev, today, e)) != 0)
			return rc;
		ev = (struct app_event_in){ .kind = EV_FEE_NOTICE_RECEIVED, .date = received + 5 };
		if ((rc = app_record(s, cal, c.id, &ev, today, e)) != 0)
			return rc;
		ev = (struct app_event_in){ .kind = EV_FEE_LAPSED, .date = received + 5 + 45 };
		return app_record(s, cal, c.id, &ev, today, e);
	case OUTCOME_OTHER_MISC:
		ev = (struct app_event_in){ .kind = EV_WITHDRAWN, .date = received + days / 2 + 1 };
		return app_record(s, cal, c.id, &ev, today, e);
	case OUTCOME_NOPROC_MASS_REPEAT:
		/* REQ 条例-35: the applicant is asked for reasons before "not processed" */
		ev = (struct app_event_in){ .kind = EV_REASONS_REQUESTED, .date = received + 1 };
		if ((rc = app_record(s, cal, c.id, &ev, today, e)) != 0)
			return rc;
		return app_decide(s, cal, c.id, outcome, end, NULL, today, e);
	case OUTCOME_UNABLE_UNCLEAR_AFTER_FIX:
		ev = (struct app_event_in){ .kind = EV_CORRECTION_REQUESTED, .date = received + 2 };
		if ((rc = app_record(s, cal, c.id, &ev, today, e)) != 0)
			return rc;
		ev = (struct app_event_in){ .kind = EV_CORRECTION_RECEIVED, .date = received + 6 };
		if ((rc = app_record(s, cal, c.id, &ev, today, e)) != 0)
			return rc;
		return app_decide(s, cal, c.id, outcome, received + 6 + days, NULL, today, e);
	default:
		return app_decide(s, cal, c.id, outcome, end, NULL, today, e);
	}
}

/* n applications received over the year, by the weights above; those received late in the
 * year run into the next one (carried over). last: the last day anything may happen. */
static int apps(struct store *s, const struct calendar *cal, int64_t ag, int year, int n, uint64_t seed,
		int last, int today, struct gk_error *e)
{
	struct lcg g = { seed };
	int first = date_make(year, 1, 2), span = date_make(year, 12, 31) - first + 1, rc = 0;

	for (int i = 0; i < n && rc == 0; i++) {
		int received = first + (int)((int64_t)i * span / n);
		int outcome = (int)pick(&g, outcome_weight, OUTCOME__MAX);
		int type = (int)pick(&g, type_weight, APPLICANT__MAX);
		int days = 5 + (int)next(&g, 25);

		/* every outcome and every column at least once a year */
		if (i < OUTCOME__MAX)
			outcome = i;
		if (i < APPLICANT__MAX)
			type = i;
		rc = one_app(s, cal, ag, received, outcome, type, days, last, today, e);
	}
	return rc;
}

/* Publish organ agency's report of year as an office does, on day of the January after it
 * (before the 1月31日 of 条例第四十九条), so the demo's reports are on time. */
static int publish(struct store *s, int64_t agency, int year, int day, struct gk_error *e)
{
	struct agency_rec ag;
	struct findings f;
	struct report_pub_rec out;
	struct arena a;
	int rc;

	arena_init(&a);
	findings_init(&f);
	date_today_set(date_make(year + 1, 1, day));
	if ((rc = agency_store(s)->get(s, agency, &a, &ag, e)) == 0)
		rc = report_publish(s, &ag, year, NULL, &a, &f, &out, e);
	date_today_set(0);
	findings_free(&f);
	arena_free(&a);
	return rc;
}

#define REG(kind, ...) (rc == 0 ? (rc = reg(s, ag, kind, (const char *const[]){ __VA_ARGS__, NULL }, e)) : rc)

int demo_report_ledgers(struct store *s, const struct calendar *cal, struct gk_error *e)
{
	int64_t county, czz, daokou, land, market, ag;
	int today = date_make(2025, 1, 20), last = date_make(2025, 1, 15), rc;

	if ((rc = organ(s, "滑县人民政府", "county", 0, &county, e)) != 0 ||
	    (rc = demo_cizhouzhai_2024(s, cal, county, &czz, e)) != 0 ||
	    (rc = organ(s, "道口镇", "township", county, &daokou, e)) != 0 ||
	    (rc = organ(s, "滑县自然资源局", "county-dept", county, &land, e)) != 0 ||
	    (rc = organ(s, "滑县市场监督管理局", "county-dept", county, &market, e)) != 0)
		return rc;
	if (today < date_today())
		today = date_today();

	/* applications: 2023 and 2024, some running into the next year */
	if ((rc = apps(s, cal, county, 2023, 60, 11, last, today, e)) != 0 ||
	    (rc = apps(s, cal, county, 2024, 75, 12, last, today, e)) != 0 ||
	    (rc = apps(s, cal, daokou, 2023, 24, 21, last, today, e)) != 0 ||
	    (rc = apps(s, cal, daokou, 2024, 31, 22, last, today, e)) != 0 ||
	    (rc = apps(s, cal, land, 2023, 140, 31, last, today, e)) != 0 ||
	    (rc = apps(s, cal, land, 2024, 163, 32, last, today, e)) != 0 ||
	    (rc = apps(s, cal, market, 2023, 48, 41, last, today, e)) != 0 ||
	    (rc = apps(s, cal, market, 2024, 57, 42, last, today, e)) != 0)
		return rc;

	/* Table 二 */
	ag = county;
	REG("normdoc", "kind", "normdoc", "issued", "2021-06-15", "doc_no", "滑政〔2021〕12号",
	    "title", "滑县城乡居民最低生活保障实施办法", "repealed", "2024-06-30");
	REG("normdoc", "kind", "normdoc", "issued", "2023-03-20", "doc_no", "滑政规〔2023〕1号",
	    "title", "滑县农村集体经营性建设用地入市管理办法");
	REG("normdoc", "kind", "normdoc", "issued", "2024-06-28", "doc_no", "滑政规〔2024〕1号",
	    "title", "滑县城乡居民最低生活保障实施办法（修订）");
	REG("normdoc", "kind", "normdoc", "issued", "2024-11-05", "doc_no", "滑政规〔2024〕2号",
	    "title", "滑县政府投资项目管理办法");
	REG("fee", "from", "2024-01-01", "to", "2024-12-31", "amount", "186500.00", "item", "不动产登记费");
	ag = land;
	REG("normdoc", "kind", "normdoc", "issued", "2022-09-01", "doc_no", "滑自然资规〔2022〕1号",
	    "title", "滑县农村宅基地审批管理办法");
	REG("normdoc", "kind", "normdoc", "issued", "2024-04-10", "doc_no", "滑自然资规〔2024〕1号",
	    "title", "滑县临时用地管理实施细则");
	REG("decision", "kind", "licensing", "from", "2023-01-01", "to", "2023-12-31", "count", "412");
	REG("decision", "kind", "licensing", "from", "2024-01-01", "to", "2024-12-31", "count", "468");
	REG("decision", "kind", "penalty", "from", "2024-01-01", "to", "2024-12-31", "count", "37");
	REG("decision", "kind", "coercion", "date", "2024-08-19", "count", "1", "doc_no", "滑自然资强〔2024〕3号");
	REG("fee", "from", "2024-01-01", "to", "2024-12-31", "amount", "253180.50", "item", "土地复垦费");
	REG("case", "kind", "rev", "filed", "2024-02-18", "result", "upheld", "closed", "2024-04-12",
	    "case_no", "滑政复〔2024〕7号");
	REG("case", "kind", "rev", "filed", "2024-05-06", "result", "corrected", "closed", "2024-07-01",
	    "case_no", "滑政复〔2024〕19号");
	REG("case", "kind", "rev", "filed", "2024-09-02", "result", "other", "closed", "2024-09-30",
	    "case_no", "滑政复〔2024〕33号", "note", "申请人撤回复议申请");
	REG("case", "kind", "rev", "filed", "2024-12-09", "result", "pending", "case_no", "滑政复〔2024〕51号");
	REG("case", "kind", "lit_direct", "filed", "2024-03-14", "result", "upheld", "closed", "2024-10-22",
	    "case_no", "（2024）豫0526行初21号");
	REG("case", "kind", "lit_direct", "filed", "2024-11-20", "result", "pending",
	    "case_no", "（2024）豫0526行初88号");
	REG("case", "kind", "lit_after_rev", "filed", "2024-06-03", "result", "corrected", "closed",
	    "2024-12-16", "case_no", "（2024）豫0526行初47号");
	REG("case", "kind", "lit_after_rev", "filed", "2024-07-08", "result", "other", "closed", "2024-08-30",
	    "case_no", "（2024）豫0526行初52号", "note", "原告撤诉");
	REG("news", "platform", "云上滑州", "date", "2024-03-21", "title", "县自然资源局开展耕地保护宣传月活动");
	REG("news", "platform", "滑县人民政府网", "date", "2024-06-25", "title", "第34个全国土地日宣传活动举行");
	REG("feedback", "channel", "hotline", "received", "2024-05-11", "text", "咨询宅基地审批进度");
	ag = market;
	REG("decision", "kind", "licensing", "from", "2024-01-01", "to", "2024-12-31", "count", "2316");
	REG("decision", "kind", "penalty", "from", "2024-01-01", "to", "2024-12-31", "count", "285");
	REG("decision", "kind", "coercion", "from", "2024-01-01", "to", "2024-12-31", "count", "14");
	REG("case", "kind", "rev", "filed", "2024-04-02", "result", "upheld", "closed", "2024-05-30");
	REG("case", "kind", "rev", "filed", "2024-10-15", "result", "pending");
	ag = daokou;
	REG("news", "platform", "云上滑州", "date", "2024-02-14", "title", "道口镇开展古镇文化旅游节");
	REG("news", "platform", "云上滑州", "date", "2024-09-10", "title", "道口镇召开秋季防火工作会");
	REG("feedback", "channel", "mailbox", "received", "2024-07-02", "text", "建议增设公交站点");
	if (rc != 0)
		return rc;

	/* texts of 2024 for one department (the others use the draft and 无) */
	{
		static const char problems[] =
			"一是依申请公开答复的说理还不够充分。二是政策解读形式较为单一。\n\n"
			"下一步，将加强答复文书审核，丰富图解、视频等解读形式。";
		if ((rc = report_text_set(s, land, 2024, RTEXT_PROBLEMS, problems, strlen(problems), e)) != 0)
			return rc;
	}

	/* publication: every 2023 report; the 2024 reports of 慈周寨镇 and the land bureau */
	for (int i = 0; i < 4; i++) {
		int64_t o = i == 0 ? county : i == 1 ? daokou : i == 2 ? land : market;
		if ((rc = publish(s, o, 2023, 18 + i, e)) != 0)
			return rc;
	}
	if ((rc = publish(s, czz, 2024, 21, e)) != 0 || (rc = publish(s, land, 2024, 24, e)) != 0)
		return rc;
	return 0;
}

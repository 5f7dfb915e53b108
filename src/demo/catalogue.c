/*
 * catalogue.c — the demo's published documents (see catalogue.h).
 *
 * Each document is one template (title, 体裁, 主题分类, 文号, opening and points) filled with an
 * organ, a year and a deterministic choice of points, so the demo gives the same catalogue on
 * every run. A 行政规范性文件 would enter the register behind Table 二, so none is made before
 * 2025: the published 2023 and 2024 reports stay as they are (慈周寨镇's is the reference).
 * May call domain/, render/, text/, base/.
 */
#include "demo/catalogue.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "domain/agency.h"
#include "domain/catalogue.h"
#include "domain/publish.h"
#include "domain/user.h"
#include "render/render.h"
#include "text/date.h"

struct organ {
	const char *name, *full, *abbr, *login;   /* login: prefix of its staff accounts */
	const char *pattern;                      /* 索引号 pattern (no USCC in the demo) */
	int per_year;
};

static const struct organ organs[] = {
	{ "慈周寨镇", "慈周寨镇人民政府", "慈", NULL, NULL, 24 },
	{ "道口镇", "道口镇人民政府", "道", "daokou", "DKZ-{yyyy}-{seq:05d}", 18 },
	{ "滑县自然资源局", "滑县自然资源局", "滑自然资", "land", "HXZRZY-{yyyy}-{seq:05d}", 14 },
	{ "滑县市场监督管理局", "滑县市场监督管理局", "滑市监", "market", "HXSJ-{yyyy}-{seq:05d}", 14 },
};

struct tmpl {
	const char *genre, *topic, *title, *no;   /* title: %1$s organ, %2$d year */
	const char *opening;
	const char *points[5];
	int from;                                 /* first year it may appear (0: any) */
};

static const struct tmpl tmpls[] = {
	{ "通知", "综合政务\\政务公开", "%s关于印发%d年政务公开工作要点的通知", "%s政〔%d〕%d号",
	  "各村（社区）、各站所：现将《%d年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。",
	  { "一、加强政策解读，做到重要政策文件与解读材料同步起草、同步审签、同步发布。",
	    "二、规范依申请公开办理，严格落实登记、审核、答复各环节时限要求。",
	    "三、推进基层政务公开标准化规范化，动态更新公开事项目录。",
	    "四、做好政府信息公开工作年度报告编制，按时向社会公布。",
	    "五、加强政务公开培训，提升工作人员业务能力。" }, 0 },
	{ "通告", "农业、林业、水利\\农业、畜牧业、渔业", "%s关于%d年秸秆禁烧和综合利用的通告", "%s通〔%d〕%d号",
	  "为保护大气环境，维护群众身体健康，根据有关法律法规，现就%d年秸秆禁烧和综合利用有关事项通告如下：",
	  { "一、本行政区域内全面禁止露天焚烧农作物秸秆。",
	    "二、各村要落实网格化巡查责任，做到地块有人管、火点有人查。",
	    "三、鼓励秸秆还田、离田收储，推进肥料化、饲料化、能源化利用。",
	    "四、对违反规定焚烧秸秆的，依法予以处罚。",
	    "五、举报电话：0372-0000000。" }, 0 },
	{ "报告", "财政、金融、审计\\财政", "%s%d年财政预算执行情况和下一年度预算草案的报告", NULL,
	  "%d年，在上级党委政府的坚强领导下，全年财政收支总体平稳，重点支出保障有力。",
	  { "一般公共预算收入完成年度预算，税收收入占比稳步提高。",
	    "民生支出占一般公共预算支出的比重保持在百分之七十以上。",
	    "严格执行过紧日子要求，压减一般性支出。",
	    "强化预算绩效管理，对重点项目开展绩效评价。",
	    "下一年度将继续保障基层运转，兜牢“三保”底线。" }, 0 },
	{ "工作动态", "综合政务\\其他", "%s召开%d年度人居环境整治推进会", NULL,
	  "近日，会议对%d年农村人居环境整治工作进行再部署、再推进。",
	  { "会议通报了前一阶段各村环境整治检查情况。",
	    "会议要求聚焦垃圾治理、污水治理、厕所革命和村容村貌提升。",
	    "各村党支部书记作表态发言。",
	    "会议强调要建立长效管护机制，防止反弹。",
	    "镇纪委将对整治不力的村开展督导问责。" }, 0 },
	{ "公告", "城乡建设、环境保护\\城乡建设（含住房）", "%s%d年农村危房改造对象公示公告", "%s公〔%d〕%d号",
	  "根据农村危房改造政策，经农户申请、村级评议、镇级审核，现将%d年拟改造对象予以公示。",
	  { "公示期为7个工作日。",
	    "对公示对象有异议的，可在公示期内向镇民政所反映。",
	    "反映情况应当实事求是，提供联系方式以便核实。",
	    "公示期满无异议的，报县住房和城乡建设局审批。",
	    "附件：拟改造对象名单。" }, 0 },
	{ "通知", "综合政务\\应急管理", "%s关于做好%d年汛期安全防范工作的通知", "%s政〔%d〕%d号",
	  "各村、各单位：%d年汛期即将到来，为确保安全度汛，现就有关事项通知如下：",
	  { "一、落实防汛责任制，明确包村干部和巡查人员。",
	    "二、开展汛前隐患排查，对坑塘、沟渠、危房逐一登记。",
	    "三、储备编织袋、救生衣、发电机等防汛物资。",
	    "四、严格执行汛期24小时值班和信息报送制度。",
	    "五、遇有险情立即组织群众转移避险。" }, 0 },
	{ "政策解读", "民政、扶贫、救灾\\社会福利", "图解：%s%d年城乡居民最低生活保障政策", NULL,
	  "为方便群众了解%d年最低生活保障政策，现将有关内容解读如下。",
	  { "保障对象：共同生活的家庭成员人均收入低于当地低保标准，且财产状况符合规定的家庭。",
	    "申请方式：向户籍所在地乡镇人民政府（街道办事处）提出书面申请，也可委托村（居）民委员会代为提出。",
	    "审核确认：乡镇人民政府调查核实后，在村（居）务公开栏公示7天。",
	    "动态管理：对保障对象实行分类管理，定期核查。",
	    "监督举报：对骗取低保的行为，依法追回保障金。" }, 0 },
	{ "统计数据", "国民经济管理、国有资产监管\\统计", "%s%d年国民经济和社会发展主要指标", NULL,
	  "%d年全年主要经济指标运行情况如下（数据为初步统计）。",
	  { "地区生产总值同比增长百分之五点二。",
	    "粮食总产量保持稳定，夏粮单产创历史新高。",
	    "规模以上工业增加值同比增长。",
	    "农村居民人均可支配收入持续增长。",
	    "社会消费品零售总额稳步恢复。" }, 0 },
	{ "通知", "市场监管、安全生产监管\\安全生产监管", "%s关于开展%d年安全生产大检查的通知", "%s政〔%d〕%d号",
	  "为深刻吸取近期事故教训，切实做好%d年安全生产工作，决定开展安全生产大检查。",
	  { "一、检查范围：辖区内生产经营单位、人员密集场所、在建工程。",
	    "二、检查重点：消防安全、燃气安全、自建房安全、道路交通安全。",
	    "三、方法步骤：企业自查、部门检查、督导抽查三个阶段。",
	    "四、对检查发现的隐患建立台账，限期整改销号。",
	    "五、请于规定时间内报送检查总结。" }, 0 },
	{ "意见", "劳动、人事、监察\\劳动就业", "%s关于做好%d年稳就业工作的实施意见", "%s政〔%d〕%d号",
	  "为做好%d年稳就业工作，结合实际，提出如下意见。",
	  { "一、落实援企稳岗政策，发放一次性扩岗补助。",
	    "二、开展“春风行动”等招聘活动，搭建供需对接平台。",
	    "三、加强职业技能培训，提升劳动者就业能力。",
	    "四、做好高校毕业生、农民工等重点群体就业帮扶。",
	    "五、兜牢困难群体就业底线，开发公益性岗位。" }, 0 },
	{ "公告", "国土资源、能源\\土地", "%s%d年第%d批次集体土地征收预公告", NULL,
	  "因建设需要，拟征收集体土地，现将有关事项公告如下（%d年）。",
	  { "一、征收范围：详见附件勘测定界图。",
	    "二、征收目的：用于公共基础设施建设。",
	    "三、自本公告发布之日起，在拟征收范围内暂停办理户口迁入、分户，暂停抢栽抢建。",
	    "四、开展土地现状调查，请有关权利人予以配合。",
	    "五、联系电话：0372-0000000。" }, 0 },
	{ "纪要", "综合政务\\文秘工作", "%s%d年第%d次政府常务会议纪要", NULL,
	  "会议研究了%d年以下事项：",
	  { "一、听取了重点项目建设进展情况的汇报。",
	    "二、研究了农村道路养护资金安排。",
	    "三、审议通过了有关工作方案。",
	    "四、研究了信访积案化解工作。",
	    "五、部署了下一阶段重点工作。" }, 0 },
	{ "通报", "市场监管、安全生产监管\\食品药品监管", "%s关于%d年食品安全监督抽检情况的通报", "%s通报〔%d〕%d号",
	  "%d年，共组织开展食品安全监督抽检，现将有关情况通报如下。",
	  { "一、抽检覆盖粮食加工品、食用油、肉制品、乳制品、蔬菜等类别。",
	    "二、绝大多数批次样品检验合格。",
	    "三、对不合格产品已依法核查处置，督促企业召回。",
	    "四、提醒消费者通过正规渠道购买食品，保留购物凭证。",
	    "五、欢迎社会各界监督举报。" }, 0 },
	{ "规划", "城乡建设、环境保护\\城市规划", "%s国土空间规划（2021—2035年）%d年实施评估", NULL,
	  "按照规划实施评估要求，对%d年规划实施情况进行了评估。",
	  { "一、耕地和永久基本农田保护目标全面落实。",
	    "二、建设用地规模控制在规划范围内。",
	    "三、村庄布局持续优化。",
	    "四、生态保护红线内无违规建设。",
	    "五、下一步将加强规划实施监督。" }, 0 },
	{ GENRE_NORMDOC, "综合政务\\其他", "%s村级公益事业建设一事一议财政奖补管理办法（%d年修订）", "%s政规〔%d〕%d号",
	  "第一条 为规范村级公益事业建设一事一议财政奖补资金管理，制定本办法（%d年修订）。",
	  { "第二条 本办法适用于本行政区域内村级公益事业建设项目。",
	    "第三条 项目实行村民议事、乡镇审核、县级审批的程序。",
	    "第四条 奖补资金专款专用，实行报账制管理。",
	    "第五条 项目建成后及时组织验收，结果向村民公开。",
	    "第六条 本办法自印发之日起施行。" }, 2025 },
};

#define NT (sizeof tmpls / sizeof tmpls[0])

static unsigned mix(unsigned x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

int demo_approve(struct store *s, int64_t id, enum review_stage st, const char *who,
		 const char *role, struct gk_error *e)
{
	struct review_request rq = { .stage = st, .reviewer = who, .role = role, .approve = 1,
				     .secrecy_checked = st == STAGE_FINAL };

	return publish_review(s, id, &rq, e);
}

/* The staff of an organ that write and review: 慈周寨镇's are the demo accounts. */
static void staff_names(const struct organ *o, char names[4][64])
{
	static const char *const czz[4] = { "officer", "reviewer", "reviewer2", "leader" };
	static const char *const suffix[4] = { "officer", "reviewer", "reviewer2", "leader" };

	for (int i = 0; i < 4; i++) {
		if (o->login)
			snprintf(names[i], 64, "%s.%s", o->login, suffix[i]);
		else
			snprintf(names[i], 64, "%s", czz[i]);
	}
}

static int add_staff(struct store *s, const struct organ *o, int64_t agency, struct gk_error *e)
{
	static const char *const roles[4] = { "officer", "reviewer", "reviewer", "leader" };
	char names[4][64];
	int rc = 0;

	if (o->login == NULL)
		return 0;
	{
		struct agency_profile prof = { .index_pattern = o->pattern };
		if ((rc = catalogue_profile_set(s, agency, &prof, e)) != 0)
			return rc;
	}
	staff_names(o, names);
	for (int i = 0; i < 4 && rc == 0; i++) {
		struct user_new un = { .name = names[i], .role = roles[i], .agency_id = agency };
		int64_t id;
		rc = user_create(s, &un, &id, e);
	}
	return rc;
}

static int one(struct store *s, const struct organ *o, int64_t agency, int day, unsigned seed,
	       unsigned start, int seq, struct gk_error *e)
{
	const struct tmpl *t;
	char names[4][64], title[300], no[80], body[4000];
	struct doc_input in = { 0 };
	struct doc_upload up = { 0 };
	struct arena a;
	struct buf docx;
	const char *index_no;
	char signed_date[DATE_LEN];
	int64_t id;
	int y, rc, n;
	size_t len;

	date_split(day, &y, NULL, NULL);
	/* each template once a year (from a different start each year), then only the numbered
	 * ones (第N次会议纪要, 第N批次预公告) again */
	t = &tmpls[(start + (unsigned)seq) % NT];
	for (unsigned k = 1; t->from > y || (seq >= (int)NT && strstr(t->title, "第%d") == NULL); k++)
		t = &tmpls[(start + (unsigned)seq + k) % NT];
	snprintf(title, sizeof title, t->title, o->name, y, seq / 3 + 1);
	len = (size_t)snprintf(body, sizeof body, t->opening, y);
	n = 3 + (int)(mix(seed + 1) % 3);
	for (int i = 0; i < n && len < sizeof body - 600; i++)
		len += (size_t)snprintf(body + len, sizeof body - len, "\n%s", t->points[(i + (int)(seed % 2)) % 5]);
	in.title = title;
	in.body = body;
	in.genre = t->genre;
	in.topic = t->topic;
	in.publisher = o->full;
	in.signed_date = date_format(day - 1 - (int)(seed % 5), signed_date);
	if (t->no) {
		snprintf(no, sizeof no, t->no, o->abbr, y, seq + 1);
		in.doc_no = no;
	}
	arena_init(&a);
	buf_init(&docx, 4u << 20);
	if (seed % 3 == 0) {
		char name[340];
		if ((rc = render_textdoc_docx(title, body, o->full, day, &docx, e)) != 0)
			goto out;
		snprintf(name, sizeof name, "%s.docx", title);
		up.name = arena_strdup(&a, name);
		up.data = docx.ptr;
		up.size = docx.len;
		in.uploads = &up;
		in.nuploads = 1;
	}
	staff_names(o, names);
	date_today_set(day);
	store_set_actor(s, names[0]);
	if ((rc = catalogue_doc_add(s, agency, &in, &a, &id, &index_no, e)) == 0 &&
	    (rc = publish_submit(s, id, names[0], e)) == 0 &&
	    (rc = demo_approve(s, id, STAGE_FIRST, names[1], "reviewer", e)) == 0 &&
	    (rc = demo_approve(s, id, STAGE_SECOND, names[2], "reviewer", e)) == 0 &&
	    (rc = demo_approve(s, id, STAGE_FINAL, names[3], "leader", e)) == 0)
		rc = publish_publish(s, id, names[0], 0, e);
out:
	buf_free(&docx);
	arena_free(&a);
	return rc;
}

int demo_catalogue(struct store *s, int today, int *published, struct gk_error *e)
{
	char actor[STORE_ACTOR_MAX];
	int first, last = today - 1, rc = 0, ty;

	*published = 0;
	date_split(today, &ty, NULL, NULL);
	snprintf(actor, sizeof actor, "%s", store_actor(s));
	for (size_t k = 0; k < sizeof organs / sizeof organs[0] && rc == 0; k++) {
		const struct organ *o = &organs[k];
		struct agency_rec ag;
		struct arena a;

		arena_init(&a);
		rc = agency_resolve(s, o->name, &a, &ag, e);
		arena_free(&a);
		if (rc == 0)
			rc = add_staff(s, o, ag.id, e);
		for (int y = 2021; y <= ty && rc == 0; y++) {
			first = date_make(y, 1, 4);
			for (int i = 0; i < o->per_year && rc == 0; i++) {
				unsigned seed = mix((unsigned)(y * 131 + (int)k * 7919 + i));
				int span = (y == ty ? last : date_make(y, 12, 28)) - first;
				int day = first + (int)((long)span * i / o->per_year) + (int)(seed % 9);
				if (day > last)
					break;
				rc = one(s, o, ag.id, day, seed, mix((unsigned)(y * 31 + (int)k)), i, e);
				if (rc == 0)
					(*published)++;
			}
		}
	}
	date_today_set(0);
	store_set_actor(s, actor);
	return rc;
}

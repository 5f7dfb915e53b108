/*
 * search_corpus.c — the generated catalogue of the search benchmark (see search_corpus.h).
 */
#include "search_corpus.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/idcode.h"
#include "text/utf8.h"

#define MAGIC "GKSEARCHCORPUS2\n"

/* ------------------------------------------------------------------ random numbers */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static unsigned below(unsigned n)
{
	return n ? (unsigned)(rnd() % n) : 0;
}

static double unit(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

#define PICK(arr) ((arr)[below(sizeof(arr) / sizeof((arr)[0]))])

/* ------------------------------------------------------------------ word lists */

/* Subjects of government documents; frequent ones first (drawn with a skew). */
static const char *const topics[] = {
	"政府信息公开", "安全生产", "乡村振兴", "农村土地承包经营", "财政预算", "财政决算",
	"社会救助", "最低生活保障", "养老服务", "医疗保障", "疫情防控", "防汛抗旱", "森林防火",
	"人居环境整治", "耕地保护", "高标准农田建设", "危房改造", "农村饮水安全", "污水治理",
	"生活垃圾治理", "道路交通安全", "消防安全", "食品安全", "安全生产大检查", "扫黑除恶",
	"信访稳定", "矛盾纠纷排查化解", "网格化管理", "就业创业", "职业技能培训", "公益性岗位",
	"城乡居民基本养老保险", "城乡居民医疗保险", "特困人员供养", "临时救助", "残疾人两项补贴",
	"退役军人优抚", "义务教育", "学生资助", "营商环境", "招商引资", "项目建设", "政府采购",
	"工程招标", "行政许可", "行政处罚", "行政执法公示", "双随机一公开", "规范性文件清理",
	"法治政府建设", "政务服务", "一网通办", "12345热线", "环境保护督察", "秸秆禁烧",
	"大气污染防治", "河长制", "林长制", "宅基地管理", "一事一议财政奖补", "村级财务",
	"产业扶持资金", "惠民惠农补贴", "耕地地力保护补贴", "农机购置补贴", "粮食生产",
	"动物防疫", "非洲猪瘟防控", "疫苗接种", "计划生育奖励扶助", "妇女儿童发展", "文明城市创建",
	"志愿服务", "公共文化服务", "全民健身", "统计调查", "人口普查", "经济普查", "审计整改",
	"巡察整改", "减税降费", "国有资产管理", "应急预案", "地质灾害防治", "冬春季节火灾防控",
	"燃气安全", "自建房安全排查", "校园安全", "民办学校", "农民工工资支付", "根治欠薪",
};

static const char *const townships[] = {
	"慈周寨镇", "道口镇", "城关镇", "白道口镇", "留固镇", "上官镇", "牛屯镇", "万古镇",
	"高平镇", "王庄镇", "老店镇", "枣村乡", "四间房镇", "八里营镇", "赵营镇", "大寨乡",
	"桑村乡", "老爷庙乡", "小铺乡", "焦虎镇", "半坡店镇", "瓦岗寨乡",
};

static const char *const departments[] = {
	"财政局", "教育局", "自然资源局", "人力资源和社会保障局", "民政局", "卫生健康委员会",
	"住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "应急管理局", "市场监督管理局",
	"医疗保障局", "退役军人事务局", "公安局", "司法局", "审计局", "统计局", "林业局",
	"文化广电和旅游局", "发展和改革委员会", "工业和信息化局", "商务局", "城市管理局",
	"乡村振兴局", "信访局", "生态环境分局", "税务局", "残疾人联合会", "政务服务和大数据管理局",
	"机关事务管理局", "粮食和物资储备中心", "住房公积金管理中心", "行政审批服务局",
	"地方金融监督管理局", "供销合作社", "科学技术局",
};

static const char *const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
static const char *const given = "建国军民华平明伟芳秀英丽娟敏静强磊洋勇艳杰娜涛超霞刚桂兰玉萍红梅志海军云凤春燕利新文宝金荣福成立红光永庆祥德胜";

/* The n-th code point of a UTF-8 string of 3-byte characters, appended to out. */
static void put_nth(char **out, const char *s, unsigned n)
{
	memcpy(*out, s + 3 * n, 3);
	*out += 3;
}

void search_corpus_organ(int i, struct corpus_organ *o)
{
	char code[24];
	const char *t;

	memset(o, 0, sizeof *o);
	if (i == 0) {
		snprintf(o->name, sizeof o->name, "滑县人民政府办公室");
		snprintf(o->abbrev, sizeof o->abbrev, "滑政办");
	} else if (i <= (int)(sizeof townships / sizeof townships[0])) {
		t = townships[i - 1];
		snprintf(o->name, sizeof o->name, "滑县%s人民政府", t);
		snprintf(o->abbrev, sizeof o->abbrev, "%.6s政", t);  /* 慈周 → 慈周政: two characters */
	} else {
		t = departments[(size_t)(i - 1 - (int)(sizeof townships / sizeof townships[0])) %
				(sizeof departments / sizeof departments[0])];
		snprintf(o->name, sizeof o->name, "滑县%s", t);
		snprintf(o->abbrev, sizeof o->abbrev, "滑%.3s", t);
	}
	snprintf(code, sizeof code, "1141052600%07d", 4100 + i * 37);
	memcpy(o->uscc, code, 17);
	o->uscc[17] = idcode_uscc_check_char(code);
	o->uscc[18] = '\0';
}

/* ------------------------------------------------------------------ the Markov chain */

struct tri { int32_t a, b, c; };

static struct {
	struct tri *t;       /* every (a, b, c) seen, sorted by (a, b) */
	size_t n;
	struct tri *pairs;   /* each (a, b) once: c = index of its first entry in t */
	size_t *pair_end;
	size_t npairs;
	int32_t *starts;     /* pairs (a, b) that began a sentence */
	size_t nstarts;
} mk;

static int is_punct(int32_t cp)
{
	return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0x3001;
}

static int tri_cmp(const void *x, const void *y)
{
	const struct tri *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

static int train(char *const *files, int nfiles)
{
	size_t cap = 1 << 16, scap = 1 << 12;

	mk.t = malloc(cap * sizeof *mk.t);
	mk.starts = malloc(scap * 2 * sizeof *mk.starts);
	for (int f = 0; f < nfiles; f++) {
		FILE *fp = fopen(files[f], "rb");
		char *text;
		long len;
		int32_t prev[2] = { 0, 0 };
		int run = 0;

		if (!fp) {
			perror(files[f]);
			return -1;
		}
		fseek(fp, 0, SEEK_END);
		len = ftell(fp);
		rewind(fp);
		text = malloc((size_t)len + 1);
		if (fread(text, 1, (size_t)len, fp) != (size_t)len) {
			fclose(fp);
			return -1;
		}
		fclose(fp);
		for (size_t p = 0; p < (size_t)len;) {
			int32_t cp;
			size_t m = utf8_decode(text + p, (size_t)len - p, &cp);
			if (m == 0) {
				p++;
				run = 0;
				continue;
			}
			p += m;
			if (!utf8_is_han(cp) && !is_punct(cp)) {
				run = 0;    /* anything else ends the run */
				continue;
			}
			if (run >= 2) {
				if (mk.n == cap)
					mk.t = realloc(mk.t, (cap *= 2) * sizeof *mk.t);
				mk.t[mk.n++] = (struct tri){ prev[0], prev[1], cp };
			}
			if (run == 1 && utf8_is_han(prev[1]) && utf8_is_han(cp) &&
			    (prev[0] == 0x3002 || prev[0] == 0)) {
				if (mk.nstarts == scap)
					mk.starts = realloc(mk.starts, (scap *= 2) * 2 * sizeof *mk.starts);
				mk.starts[2 * mk.nstarts] = prev[1];
				mk.starts[2 * mk.nstarts + 1] = cp;
				mk.nstarts++;
			}
			if (run == 0)
				prev[1] = 0;
			prev[0] = prev[1];
			prev[1] = cp;
			run++;
			if (cp == 0x3002) {  /* a sentence ends: the next two characters start one */
				prev[0] = 0x3002;
				run = 1;
				prev[1] = 0x3002;
			}
		}
		free(text);
	}
	if (mk.n < 1000 || mk.nstarts < 20) {
		fprintf(stderr, "search corpus: too little training text (%zu trigrams)\n", mk.n);
		return -1;
	}
	qsort(mk.t, mk.n, sizeof *mk.t, tri_cmp);
	mk.pairs = malloc(mk.n * sizeof *mk.pairs);
	mk.pair_end = malloc(mk.n * sizeof *mk.pair_end);
	for (size_t i = 0; i < mk.n; i++) {
		if (mk.npairs && tri_cmp(&mk.pairs[mk.npairs - 1], &mk.t[i]) == 0) {
			mk.pair_end[mk.npairs - 1] = i + 1;
			continue;
		}
		mk.pairs[mk.npairs] = (struct tri){ mk.t[i].a, mk.t[i].b, (int32_t)i };
		mk.pair_end[mk.npairs++] = i + 1;
	}
	return 0;
}

/* The range of (a, b) in the sorted trigrams; 0 if none. */
static size_t tri_range(int32_t a, int32_t b, size_t *first)
{
	struct tri key = { a, b, 0 };
	size_t lo = 0, hi = mk.npairs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = tri_cmp(&mk.pairs[mid], &key);
		if (c == 0) {
			*first = (size_t)mk.pairs[mid].c;
			return mk.pair_end[mid] - *first;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ------------------------------------------------------------------ output buffer */

struct out {
	char *p;
	size_t len, cap;
};

static void need(struct out *o, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		while (o->len + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 1 << 16;
		o->p = realloc(o->p, o->cap);
	}
}

static void puts_(struct out *o, const char *s)
{
	size_t n = strlen(s);
	need(o, n);
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void putcp(struct out *o, int32_t cp)
{
	char enc[4];
	size_t n = utf8_encode(cp, enc);
	need(o, n);
	memcpy(o->p + o->len, enc, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void printf_(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	need(o, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(o->p + o->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
}

/* ------------------------------------------------------------------ documents */

struct gen {
	const char *words[4];   /* the document's subjects */
	int nwords;
	const struct corpus_organ *organ;
	int year, month, day;
};

/* A subject, frequent ones more often (index ~ u^2). */
static const char *topic_word(void)
{
	double u = unit();
	return topics[(size_t)(u * u * (sizeof topics / sizeof topics[0]))];
}

/* One sentence (ending in 。) of about 15–60 characters, starting with a subject now and then. */
static void sentence(struct out *o, const struct gen *g)
{
	size_t first, n, chars = 0, limit = 15 + below(45);
	int32_t a, b;
	unsigned s = below((unsigned)mk.nstarts);

	if (below(3) == 0) {
		puts_(o, g->words[below((unsigned)g->nwords)]);
		chars += 4;
	}
	a = mk.starts[2 * s];
	b = mk.starts[2 * s + 1];
	putcp(o, a);
	putcp(o, b);
	for (;;) {
		int32_t c;
		if ((n = tri_range(a, b, &first)) == 0)
			break;
		c = mk.t[first + below((unsigned)n)].c;
		if (c == 0x3002)
			break;
		if (chars > limit && (c == 0xFF0C || c == 0xFF1B))
			break;
		if (c == 0xFF0C && below(8) == 0) {  /* now and then a subject after a comma */
			putcp(o, c);
			puts_(o, g->words[below((unsigned)g->nwords)]);
			chars += 5;
			c = 0;
		}
		if (c)
			putcp(o, c);
		a = b;
		b = c ? c : b;
		chars++;
		if (chars > 120)
			break;
	}
	putcp(o, 0x3002);
}

static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
					 "十一", "十二", "十三", "十四", "十五" };
static const char *const section_heads[] = { "总体要求", "工作目标", "主要任务", "工作措施",
					      "保障措施", "工作要求", "实施步骤", "责任分工",
					      "基本情况", "存在问题", "下一步工作打算", "组织领导" };

static void body_text(struct out *o, const struct gen *g, const char *genre, size_t target)
{
	size_t start = o->len;
	int sec = 0;

	if (strcmp(genre, "通知") == 0 || strcmp(genre, "意见") == 0)
		printf_(o, "%s：\n", g->organ->name[6] == '\0' ? "各有关单位" :
			strstr(g->organ->name, "人民政府") && !strstr(g->organ->name, "办公室") ?
			"各村（居）民委员会，镇直各单位" : "各乡镇人民政府，县直各有关单位");
	for (int i = 0, k = 1 + (int)below(3); i < k; i++)
		sentence(o, g);
	if (strcmp(genre, "通知") == 0)
		puts_(o, "现将有关事项通知如下：");
	puts_(o, "\n");
	while (o->len - start < target * 3 && sec < 15) {
		printf_(o, "%s、%s%s\n", numerals[sec], below(2) ? g->words[0] : "",
			PICK(section_heads));
		for (int p = 0, np = 1 + (int)below(5); p < np && o->len - start < target * 3; p++) {
			printf_(o, "（%s）", numerals[p]);
			for (int i = 0, k = 2 + (int)below(5); i < k; i++)
				sentence(o, g);
			puts_(o, "\n");
		}
		sec++;
	}
	if (strcmp(genre, "通知") == 0)
		puts_(o, "特此通知。\n");
	else if (strcmp(genre, "公告") == 0 || strcmp(genre, "通告") == 0)
		printf_(o, "特此%s。\n", genre);
	if (strcmp(genre, "其他") == 0)
		printf_(o, "公示期为%d个工作日。公示期间如有异议，请向%s反映，联系电话：0372-%07u。\n",
			below(2) ? 5 : 7, g->organ->name, 8000000 + below(1000000));
	printf_(o, "\n%s\n%d年%d月%d日\n", g->organ->name, g->year, g->month, g->day);
}

static void person(struct out *o)
{
	char buf[16], *p = buf;
	size_t ns = strlen(surnames) / 3, ng = strlen(given) / 3;

	put_nth(&p, surnames, below((unsigned)ns));
	put_nth(&p, given, below((unsigned)ng));
	if (below(3))
		put_nth(&p, given, below((unsigned)ng));
	*p = '\0';
	puts_(o, buf);
}

static void attachment_text(struct out *o, const struct gen *g)
{
	int rows = 10 + (int)below(140);
	char village[16], *p;
	size_t ns = strlen(surnames) / 3;

	printf_(o, "%s%s名单\n序号\t姓名\t村（社区）\t金额（元）\n", g->organ->name, g->words[0]);
	for (int r = 1; r <= rows; r++) {
		p = village;
		put_nth(&p, surnames, below((unsigned)ns));
		memcpy(p, below(2) ? "庄" : "营", 3);
		p[3] = '\0';
		printf_(o, "%d\t", r);
		person(o);
		printf_(o, "\t%s村\t%u\n", village, 100 * (3 + below(60)));
	}
}

static void title_text(struct out *o, const struct gen *g, const char *genre)
{
	const char *t = g->words[0];
	static const char *const verbs[] = { "做好", "开展", "加强", "进一步做好", "组织开展",
					     "切实做好", "深入推进" };

	if (strcmp(genre, "通知") == 0) {
		if (below(3) == 0)
			printf_(o, "关于印发《滑县%s%s》的通知", t, below(2) ? "实施方案" : "管理办法");
		else
			printf_(o, "关于%s%s%s的通知", PICK(verbs), t,
				below(2) ? "工作" : (below(2) ? "专项行动" : ""));
	} else if (strcmp(genre, "公告") == 0 || strcmp(genre, "通告") == 0) {
		printf_(o, "%s关于%s%s的%s", g->organ->name, t, g->nwords > 1 ? g->words[1] : "",
			genre);
	} else if (strcmp(genre, "报告") == 0) {
		if (below(4) == 0)
			printf_(o, "%s%d年政府信息公开工作年度报告", g->organ->name, g->year);
		else
			printf_(o, "%s%d年%s工作情况报告", g->organ->name, g->year, t);
	} else if (strcmp(genre, "批复") == 0) {
		printf_(o, "关于%s%s项目的批复", PICK(townships), t);
	} else if (strcmp(genre, "意见") == 0) {
		printf_(o, "关于%s%s的实施意见", below(2) ? "进一步加强" : "全面推进", t);
	} else if (strcmp(genre, "工作动态") == 0) {
		static const char *const acts[] = { "召开", "部署", "开展", "专题研究" };
		printf_(o, "%s%s%s%s", g->organ->name + 6, PICK(acts), t,
			below(2) ? "工作会议" : "专项检查");
	} else if (strcmp(genre, "政策解读") == 0) {
		printf_(o, "《滑县%s实施方案》政策解读", t);
	} else {  /* 公示 */
		static const char *const what[] = { "名单", "结果", "项目", "资金发放情况" };
		printf_(o, "%s%d年%s%s公示", g->organ->name, g->year, t, PICK(what));
	}
}

/* Genres with their share (of 100). */
static const struct { const char *genre; int share; int numbered; } genres[] = {
	{ "通知", 30, 1 }, { "其他", 22, 0 }, { "工作动态", 14, 0 }, { "公告", 5, 1 },
	{ "通告", 4, 1 }, { "报告", 8, 1 }, { "批复", 5, 1 }, { "意见", 5, 1 },
	{ "政策解读", 7, 0 },
};

static const char *const topic_paths[] = {
	"综合政务\\政务公开", "综合政务\\应急管理", "综合政务\\其他", "财政、金融、审计\\财政",
	"国土资源、能源\\土地", "农业、林业、水利\\农业、畜牧业、渔业", "农业、林业、水利\\水利",
	"城乡建设、环境保护\\城乡建设（含住房）", "城乡建设、环境保护\\环境监测、保护与治理",
	"劳动、人事、监察\\劳动就业", "民政、扶贫、救灾\\减灾救灾", "民政、扶贫、救灾\\扶贫",
	"卫生、体育\\卫生", "教育\\其他", "公安、安全、司法\\公安", "市场监管、安全生产监管\\安全生产监管",
	"交通\\公路", "文化、广电、新闻出版\\文化",
};

int search_corpus_write(const char *path, long n, char *const *train_files, int ntrain)
{
	struct corpus_organ organs[CORPUS_ORGANS];
	static int serial[CORPUS_ORGANS][12], docno[CORPUS_ORGANS][12];
	struct out title = { 0 }, body = { 0 }, att = { 0 }, rec = { 0 };
	char tmp[strlen(path) + 8];
	FILE *fp;

	if (train(train_files, ntrain) != 0)
		return -1;
	for (int i = 0; i < CORPUS_ORGANS; i++)
		search_corpus_organ(i, &organs[i]);
	snprintf(tmp, sizeof tmp, "%s.part", path);
	if ((fp = fopen(tmp, "wb")) == NULL) {
		perror(tmp);
		return -1;
	}
	fputs(MAGIC, fp);
	fwrite(&n, sizeof n, 1, fp);
	for (long i = 0; i < n; i++) {
		struct gen g = { .nwords = 1 + (int)below(3) };
		const char *genre = genres[0].genre;
		char date[16], ix[64], dn[64] = "", inv[16] = "";
		const char *validity = "valid";
		int numbered = 1, pick = (int)below(100), len, day_of;
		int organ = below(4) == 0 ? 0 : (int)(1 + below(CORPUS_ORGANS - 1));
		uint32_t reclen;

		for (size_t k = 0; k < sizeof genres / sizeof genres[0]; k++) {
			if (pick < genres[k].share) {
				genre = genres[k].genre;
				numbered = genres[k].numbered;
				break;
			}
			pick -= genres[k].share;
		}
		for (int w = 0; w < g.nwords; w++)
			g.words[w] = topic_word();
		g.organ = &organs[organ];
		/* dates follow the document's place in the catalogue, with a month of disorder */
		day_of = (int)((double)i / (double)n * 3800.0) + (int)below(60) - 30;
		if (day_of < 0)
			day_of = 0;
		g.year = 2015 + day_of / 365;
		if (g.year > 2025)
			g.year = 2025;
		g.month = 1 + (day_of % 365) / 31;
		if (g.month > 12)
			g.month = 12;
		g.day = 1 + (int)below(28);
		snprintf(date, sizeof date, "%04d-%02d-%02d", g.year, g.month, g.day);
		snprintf(ix, sizeof ix, "%s/%04d-%05d", g.organ->uscc, g.year,
			 ++serial[organ][g.year - 2015]);
		if (numbered)
			snprintf(dn, sizeof dn, "%s%s〔%d〕%d号", g.organ->abbrev,
				 below(3) == 0 ? "文" : "", g.year, ++docno[organ][g.year - 2015]);
		if (below(100) < 10) {
			validity = below(3) ? "expired" : "repealed";
			snprintf(inv, sizeof inv, "%04d-%02d-%02d", g.year + 1 > 2025 ? 2025 : g.year + 1,
				 g.month, g.day);
		}
		title.len = body.len = att.len = 0;
		title_text(&title, &g, genre);
		/* 500–5,000 characters, log-uniform: most documents short, some long */
		len = (int)(500.0 * __builtin_exp(unit() * 2.302585));
		body_text(&body, &g, genre, (size_t)len);
		int with_att = strcmp(genre, "其他") == 0 ? below(2) == 0 : below(12) == 0;
		if (with_att)
			attachment_text(&att, &g);
		char org[8];
		snprintf(org, sizeof org, "%d", organ);
		const char *fields[] = { org, date, title.p, dn, ix, PICK(topic_paths), genre,
					 validity, inv, body.p, with_att ? "附件1.txt" : "",
					 with_att ? att.p : "" };
		rec.len = 0;
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
			puts_(&rec, fields[k]);
			need(&rec, 1);
			rec.len++;  /* keep the NUL */
		}
		reclen = (uint32_t)rec.len;
		if (fwrite(&reclen, sizeof reclen, 1, fp) != 1 ||
		    fwrite(rec.p, 1, rec.len, fp) != rec.len) {
			perror(tmp);
			fclose(fp);
			return -1;
		}
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		perror(path);
		return -1;
	}
	free(title.p);
	free(body.p);
	free(att.p);
	free(rec.p);
	return 0;
}

/* ------------------------------------------------------------------ reading */

struct corpus {
	const char *map;
	size_t size, pos;
	long n;
};

struct corpus *search_corpus_open(const char *path)
{
	struct corpus *c = calloc(1, sizeof *c);
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) != 0 || (size_t)st.st_size < strlen(MAGIC) + sizeof(long)) {
		if (fd >= 0)
			close(fd);
		free(c);
		return NULL;
	}
	c->size = (size_t)st.st_size;
	c->map = mmap(NULL, c->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (c->map == MAP_FAILED || memcmp(c->map, MAGIC, strlen(MAGIC)) != 0) {
		fprintf(stderr, "%s: not a search corpus of this version\n", path);
		if (c->map != MAP_FAILED)
			munmap((void *)c->map, c->size);
		free(c);
		return NULL;
	}
	memcpy(&c->n, c->map + strlen(MAGIC), sizeof c->n);
	search_corpus_rewind(c);
	return c;
}

long search_corpus_count(const struct corpus *c)
{
	return c->n;
}

void search_corpus_rewind(struct corpus *c)
{
	c->pos = strlen(MAGIC) + sizeof(long);
}

static const char *field(const char **p)
{
	const char *s = *p;
	*p += strlen(s) + 1;
	return s;
}

int search_corpus_next(struct corpus *c, struct corpus_doc *d)
{
	uint32_t len;
	const char *p;

	if (c->pos + sizeof len > c->size)
		return 0;
	memcpy(&len, c->map + c->pos, sizeof len);
	p = c->map + c->pos + sizeof len;
	c->pos += sizeof len + len;
	d->organ = (int)strtol(field(&p), NULL, 10);
	d->date = field(&p);
	d->title = field(&p);
	d->doc_no = field(&p);
	d->index_no = field(&p);
	d->topic = field(&p);
	d->genre = field(&p);
	d->validity = field(&p);
	d->invalid_date = field(&p);
	d->body = field(&p);
	d->attach_name = field(&p);
	d->attach_text = field(&p);
	return 1;
}

void search_corpus_close(struct corpus *c)
{
	if (c) {
		munmap((void *)c->map, c->size);
		free(c);
	}
}

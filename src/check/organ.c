/*
 * organ.c — the report year and the organ's name, from every shape a published report takes.
 *
 * Sources, from the most to the least telling (each read on the normalised rows: NFKC,
 * casefolded, no whitespace):
 *   the title — "X2023年政府信息公开工作年度报告", "X政府信息公开工作2022年度报告", split over two
 *     or three lines or repeated, behind widget text ("点击收听…", "【字体：大 中 小】") or a
 *     flipbook's page header ("Page 8 - X2022年…"); the page's own <title> / the PDF's title;
 *   "现公布/现公开 X2023年…报告" and "发布机构: X" / the page's ContentSource metadata;
 *   "本报告由 X 编制" / "由 X 按照…编制";
 *   the subject of the overview's first sentence ("2023年，厚桥街道在区委…", "X严格按照…");
 *   last, in a report that speaks of itself (我街), the rules it made ("制定了《X政府信息…》"),
 *   and a name by level alone completed by the one place of that level the text names (place.c);
 *   for the year also the statistical period ("统计期限为2023年1月1日", "202011日" with 年/月
 *     lost) and, last, any "20xx年" near the start.
 * A name is taken only when it looks like an organ (ends in 局, 办公室, 人民政府, 街道办事处 …)
 * and names a particular one: self-references (我局, 本机关) and bare levels without a place
 * (区政府办公室, 县乡村振兴局, 市人民政府) are not names unless the text names that place, and
 * gambling spam standing in for a place name is cut off (CAP-06). Unknown is better than wrong: no name is made up.
 * May call base/, text/.
 */
#include "check/extract_int.h"

#include "text/utf8.h"

#define ORGAN_ROWS 400   /* rows looked at from the start of the document */

/* What each source gave; NULL / 0 when it gave nothing. */
struct found {
	int title_year, period_year, other_year, first_year;
	char *title_organ, *pre_organ, *meta_organ, *made_organ, *subj_organ;
	const char *prev_short;     /* the last short row that is not a title, for the organ of a
				     * title below it (read only then: most rows are never used) */
	char *rules_organ;          /* the organ's own rules: "制定了《X政府信息…方案》" */
	char *bare;                 /* the first name by level alone ("县乡村振兴局") */
	struct places places;       /* the places the text names, to complete it */
	int title_from_line_above;  /* title_organ is the short line above a title without one */
	char self[4];               /* how the report speaks of itself: 我镇 → "镇", "" if never */
};

/* A year 2000–2099 at s ("2023"), or 0. */
static int year_at(const char *s)
{
	if (s[0] == '2' && s[1] == '0' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9')
		return 2000 + (s[2] - '0') * 10 + (s[3] - '0');
	return 0;
}

/* The year written before "年" followed by `after` (e.g. "政府信息公开", "度报告"). */
static int year_before(const char *s, const char *after, const char **where)
{
	const char *p = s;
	size_t al = strlen(after);
	while ((p = strstr(p, "年")) != NULL) {
		if (p - s >= 4 && strncmp(p + 3, after, al) == 0) {
			int y = year_at(p - 4);
			if (y) {
				if (where)
					*where = p - 4;
				return y;
			}
		}
		p += 3;
	}
	return 0;
}

static int is_title(const char *s)
{
	return has(s, "政府信息公开") && (has(s, "报告") || has(s, "年报")) &&
	       utf8_count(s, strlen(s)) <= 100;
}

static const char *const organ_suffix[] = {
	"街道办事处", "办事处", "街道", "人民政府", "政府", "办公厅", "办公室", "委员会", "管委会",
	"中心", "局", "办", "委", "院", "镇", "乡", "厅", "部", "署", "所", "站", "馆", "处", "会",
	"队", "室", "社", NULL };

/* An administrative level alone at the start of a name: "区政府办公室" names no district. */
static int bare_level(const char *s)
{
	static const char *const level[] = { "省", "市", "区", "县", "镇", "乡", "州", "盟", "旗", NULL };
	for (int i = 0; level[i]; i++)
		if (starts(s, strlen(s), level[i]))
			return 1;
	return 0;
}

static int organ_like(const char *s)
{
	size_t len = strlen(s);
	if (len < 6 || utf8_count(s, len) > 40)
		return 0;
	for (const char *p = s; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == ':' || *p == '>' || *p == ',' || *p == '.')
			return 0;
	if (starts(s, len, "我") || starts(s, len, "本") || starts(s, len, "该") ||
	    starts(s, len, "(") || utf8_count(s, len) < 3)
		return 0;  /* 我局, 本机关: the organ speaks of itself */
	if (has(s, "。") || has(s, "、") || has(s, ";") || has(s, "我") || has(s, "本机关"))
		return 0;  /* a sentence, not a name */
	for (int i = 0; organ_suffix[i]; i++)
		if (strcmp(s, organ_suffix[i]) == 0)
			return 0;
	for (int i = 0; organ_suffix[i]; i++) {
		size_t n = strlen(organ_suffix[i]);
		if (len >= n && memcmp(s + len - n, organ_suffix[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Remove gambling spam standing in for a place name ("365bet网上娱乐_…网址人民政府…"):
 * everything up to the last spam word. Returns the new start; *spam set when found. */
static const char *strip_spam(const char *s, int *spam)
{
	static const char *const words[] = { "网址", "官网", "娱乐", "平台", "app", "bet", "vwin",
					     "彩票", "棋牌", "博彩", "真人", "体育", NULL };
	const char *cut = NULL;
	int latin = 0;

	for (const char *p = s; *p; p++)
		latin += (*p >= 'a' && *p <= 'z');
	if (latin < 3)
		return s;
	for (int i = 0; words[i]; i++) {
		const char *p = s, *q;
		while ((q = strstr(p, words[i])) != NULL) {
			if (!cut || q + strlen(words[i]) > cut)
				cut = q + strlen(words[i]);
			p = q + 1;
		}
	}
	if (!cut)
		return s;
	*spam = 1;
	while (*cut == '_' || (*cut >= 'a' && *cut <= 'z') || (*cut >= '0' && *cut <= '9'))
		cut++;
	return cut;
}

/* What comes before a title on the same line and is not part of the name: widget text (点击收听,
 * 字体大中小, 打印, 分享), a flipbook's "page 8-" header, breadcrumbs ("首页>…>"), labels
 * ending in a colon or a bracket. Returns where the name may start. */
static const char *skip_prefix(const char *s)
{
	static const char *const stops[] = { ">", "】", "]", ":", "|", "》", "_", "-", "·", "\"", "“",
					     "「", NULL };
	static const char *const widgets[] = { "点击收听", "点击播放", "语音播报", "朗读", "收听",
					       "打印本页", "打印", "分享到", "分享", "关闭窗口", NULL };
	const char *p = s;
	int again = 1;

	while (again) {
		again = 0;
		for (int i = 0; stops[i]; i++) {
			const char *q = strstr(p, stops[i]);
			/* a stop in the first 40 characters; its last occurrence there */
			while (q && utf8_count(p, (size_t)(q - p)) < 40) {
				p = q + strlen(stops[i]);
				again = 1;
				q = strstr(p, stops[i]);
			}
		}
		for (int i = 0; widgets[i]; i++)
			if (starts(p, strlen(p), widgets[i])) {
				p += strlen(widgets[i]);
				again = 1;
			}
	}
	return p;
}

/* Organ candidate from s[0..len): prefix text, spam and words like "关于" removed; NULL if it
 * does not name a particular organ. A name by its level alone ("区政府办公室": which district?)
 * is no name either; the first one is kept in f->bare (when f is given), for the place the
 * text may name. */
static char *organ_from(struct extraction *x, const char *s, size_t len, struct found *f)
{
	char *c = arena_strndup(&x->arena, s, len);
	const char *p;
	char *cut;
	int spam = 0;

	p = strip_spam(c, &spam);
	if (spam)
		x->spam = 1;
	if ((cut = strstr((char *)p, "政府信息公开")) != NULL)
		*cut = '\0';
	if ((cut = strstr((char *)p, "党政办")) != NULL)
		*cut = '\0';
	p = skip_prefix(p);
	while (starts(p, strlen(p), "《") || starts(p, strlen(p), "关于"))
		p += starts(p, strlen(p), "《") ? 3 : 6;
	if (!organ_like(p))
		return NULL;
	if (bare_level(p)) {
		if (f && !f->bare)
			f->bare = (char *)p;
		return NULL;
	}
	return (char *)p;
}

/* ---- the sources ----------------------------------------------------------------------------- */

/* A title in s: the year and, before it (or before 政府信息公开), the organ. */
static int title_in(struct extraction *x, const char *s, struct found *f)
{
	const char *w = NULL, *gi;
	int y;

	if (!is_title(s))
		return 0;
	if (!(y = year_before(s, "政府信息公开", &w)) && !(y = year_before(s, "度政府信息公开", &w)) &&
	    !(y = year_before(s, "度报告", &w)) && !(y = year_before(s, "年度报告", &w)) &&
	    !(y = year_before(s, "报告", &w)))
		return 0;
	if (!f->title_year)
		f->title_year = y;
	gi = strstr(s, "政府信息公开");
	if (gi && gi < w)
		w = gi;  /* "X政府信息公开工作2022年度报告" */
	if (w > s)
		f->title_organ = organ_from(x, s, (size_t)(w - s), f);
	if (!f->title_organ && f->prev_short &&
	    (f->title_organ = organ_from(x, f->prev_short, strlen(f->prev_short), NULL)) != NULL)
		f->title_from_line_above = 1;  /* "X" / "2023年政府信息公开工作年度报告" */
	return 1;
}

/* The title, possibly split over up to three rows before the first heading, possibly with its
 * organ on the row above. */
static void scan_title(struct extraction *x, size_t i, const int *row_section, struct found *f)
{
	const char *s = x->nrow[i];
	size_t n = utf8_count(s, strlen(s));

	if (f->title_organ || row_section[i] >= 0)
		return;  /* a title without its organ (a page's <title>) leaves the search open */
	if (title_in(x, s, f))
		return;
	/* a title split over lines, near the top: join with the next one or two rows (when those
	 * are not a title themselves) */
	if (n <= 60 && i < 40 && i + 1 < x->nrows && row_section[i + 1] < 0 &&
	    (has(s, "政府信息") || has(s, "报告") || has(x->nrow[i + 1], "报告") ||
	     has(x->nrow[i + 1], "政府信息")) && !is_title(x->nrow[i + 1])) {
		char *two = arena_alloc(&x->arena, strlen(s) + strlen(x->nrow[i + 1]) + 1);
		memcpy(two, s, strlen(s));
		memcpy(two + strlen(s), x->nrow[i + 1], strlen(x->nrow[i + 1]) + 1);
		if (title_in(x, two, f))
			return;
		if (i + 2 < x->nrows && row_section[i + 2] < 0 && !is_title(x->nrow[i + 2]) &&
		    utf8_count(two, strlen(two)) <= 80) {
			char *three = arena_alloc(&x->arena, strlen(two) + strlen(x->nrow[i + 2]) + 1);
			memcpy(three, two, strlen(two));
			memcpy(three + strlen(two), x->nrow[i + 2], strlen(x->nrow[i + 2]) + 1);
			if (title_in(x, three, f))
				return;
		}
	}
	/* a short organ-like row just above a title without organ (never the page's metadata: a
	 * site's name is not the organ) */
	if (n <= 60 && !(x->d->rows[i].flags & CHK_ROW_META) && !is_title(s)) {
		int spam = 0;
		f->prev_short = s;
		strip_spam(s, &spam);  /* noted (CAP-06) whether or not a title below uses the row */
		x->spam |= spam;
	}
}

/* The statistical period: "统计期限为2023年1月1日", "统计期限自202011日起". */
static void scan_period(const char *s, struct found *f)
{
	const char *p = strstr(s, "统计");
	if (f->period_year || !p)
		return;
	for (const char *q = p; *q && q < p + 60; q++)
		if ((f->period_year = year_at(q)) != 0)
			return;
}

/* "现公布某局2023年政府信息公开工作年度报告", "现公开天门市人民政府办公室2025年…" */
static void scan_published(struct extraction *x, const char *s, struct found *f)
{
	const char *k = strstr(s, "现公布"), *yw = NULL, *e2;
	int y;

	if (f->pre_organ)
		return;
	if (!k)
		k = strstr(s, "现公开");
	if (!k)
		return;
	k += 9;
	if ((y = year_before(k, "政府信息公开", &yw)) || (y = year_before(k, "度", &yw))) {
		if (!f->other_year)
			f->other_year = y;
		if (yw > k)
			f->pre_organ = organ_from(x, k, (size_t)(yw - k), f);
	} else if ((e2 = strstr(k, "政府信息公开")) != NULL && e2 > k) {
		f->pre_organ = organ_from(x, k, (size_t)(e2 - k), f);
	}
}

/* "- 发布机构: 开远市人民政府", a page's ContentSource ("发布机构:X" from the reader),
 * "信息来源:X" */
static void scan_meta(struct extraction *x, const char *s, int heading, struct found *f)
{
	static const char *const keys[] = { "发布机构", "信息来源", "来源单位", "发文机关", NULL };
	const char *p = NULL;
	int k;

	if (f->meta_organ || heading)
		return;
	for (k = 0; keys[k] && !p; k++)
		p = strstr(s, keys[k]);
	if (!p)
		return;
	p += strlen(keys[k - 1]);
	if (*p == ':')
		p++;
	{
		/* up to the next label on the same line ("发布机构:X发布日期:2024-01-20") */
		const char *end = p + strlen(p), *q;
		static const char *const next[] = { "发布日期", "发布时间", "成文日期", "索引号", "文号",
						    "主题分类", "浏览", "日期", NULL };
		for (int i = 0; next[i]; i++)
			if ((q = strstr(p, next[i])) != NULL && q < end)
				end = q;
		f->meta_organ = organ_from(x, p, (size_t)(end - p), f);
	}
}

/* "由三元区人力资源和社会保障局政府信息公开工作机构-办公室编制", "本报告由X按照《条例》…编制" */
static void scan_made(struct extraction *x, const char *s, struct found *f)
{
	static const char *const verbs[] = { "按照", "根据", "依据", "依照", "编制", NULL };
	const char *p = strstr(s, "由"), *e2 = p ? strstr(p, "编制") : NULL, *end = e2;

	if (f->made_organ || !e2 || e2 - p >= 600)
		return;
	for (int i = 0; verbs[i]; i++) {
		const char *q = strstr(p + 3, verbs[i]);
		if (q && q < end)
			end = q;
	}
	if (end - p < 200)
		f->made_organ = organ_from(x, p + 3, (size_t)(end - p - 3), f);
}

/* The subject of the overview's first sentence: "2023年,厚桥街道在区委…", "县X局严格按照…" */
static void scan_subject(struct extraction *x, const char *s, struct found *f)
{
	static const char *const verbs[] = {
		"在", "认真", "严格", "坚持", "紧紧", "按照", "积极", "深入", "全面", "进一步", "持续",
		"高度", "围绕", "结合", "不断", "着力", "以", "共", "主动", "累计", "依法", "始终",
		"继续", "切实", "扎实", "聚焦", "立足", "贯彻", "落实", "政府信息公开", "政务公开",
		"信息公开", "全年", "紧扣", "牢固", NULL };
	const char *b = s, *best = NULL;

	if (f->subj_organ)
		return;
	if (year_at(s) && starts(s + 4, strlen(s + 4), "年")) {
		b = s + 7;
		if (starts(b, strlen(b), "度"))
			b += 3;
		if (*b == ',')
			b++;
	}
	for (int v = 0; verbs[v]; v++) {
		const char *q = strstr(b, verbs[v]);
		if (q && q > b && (!best || q < best))
			best = q;
	}
	if (best && best - b < 80)
		f->subj_organ = organ_from(x, b, (size_t)(best - b), f);
}

/* The organ's own rules on disclosure, named in the overview: "制定了《桥中街道政府信息依申请
 * 公开工作方案》". An organ that writes its own rules puts its name in their title; the rules
 * of a higher organ are carried out (贯彻, 落实, 按照《…》), not made. */
static void scan_rules(struct extraction *x, const char *s, struct found *f)
{
	static const char *const made[] = { "制定", "出台", "修订", "印发", "编制", NULL };
	static const char *const topic[] = { "政府信息", "政务公开", "信息公开", "依申请", "关于", NULL };
	const char *p = s, *q;

	while (!f->rules_organ && (q = strstr(p, "《")) != NULL) {
		const char *v = q, *close = strstr(q, "》"), *end = NULL;
		p = q + 3;
		if (v - s >= 3 && strncmp(v - 3, "了", 3) == 0)
			v -= 3;
		if (v - s < 6 || !close)
			continue;
		for (int i = 0; made[i] && !end; i++)
			if (strncmp(v - 6, made[i], 6) == 0)
				end = close;
		if (!end)
			continue;
		for (int i = 0; topic[i]; i++) {
			const char *t = strstr(p, topic[i]);
			if (t && t < end)
				end = t;
		}
		if (end < close && end > p)
			f->rules_organ = organ_from(x, p, (size_t)(end - p), f);
	}
}

static void scan_first_year(const char *s, struct found *f)
{
	const char *q = s;
	while (!f->first_year && (q = strstr(q, "年")) != NULL) {
		if (q - s >= 4)
			f->first_year = year_at(q - 4);
		q += 3;
	}
}

/* How the report speaks of itself: the level character after 我 (我镇, 我局, 我街道, 我委 …). */
static void scan_self(const char *s, struct found *f)
{
	static const char *const level[] = { "镇", "乡", "街", "局", "委", "办", "院", "厅", "区", "县",
					     "市", "部", "署", "中心", NULL };
	const char *p = s;

	while (!f->self[0] && (p = strstr(p, "我")) != NULL) {
		p += 3;
		for (int i = 0; level[i]; i++)
			if (starts(p, strlen(p), level[i])) {
				memcpy(f->self, level[i], 3);
				f->self[3] = '\0';
				break;
			}
	}
}

/* A name taken from anywhere but the title itself must agree with how the report speaks of
 * itself: a report that says 我镇 is not the county government's whose site shows it. */
static char *agrees(char *organ, const struct found *f)
{
	return organ && f->self[0] && !has(organ, f->self) ? NULL : organ;
}

/* ---- choosing ---------------------------------------------------------------------------------- */

/* The best organ name of the sources: the title's (or the 现公布 sentence's, preferring the
 * fuller spelling when one ends with the other), else the publisher metadata, "由X编制", the
 * overview's subject. Metadata replaces a shorter name it extends ("正阳街道办事处" →
 * "西咸新区正阳街道办事处"). */
static const char *choose_organ(struct extraction *x, struct found *f)
{
	const char *best;

	if (f->title_from_line_above)
		f->title_organ = agrees(f->title_organ, f);
	f->meta_organ = agrees(f->meta_organ, f);
	f->made_organ = agrees(f->made_organ, f);
	f->subj_organ = agrees(f->subj_organ, f);
	best = f->pre_organ ? f->pre_organ : f->title_organ;
	if (f->pre_organ && f->title_organ && ends_with(f->title_organ, f->pre_organ))
		best = f->title_organ;
	if (!best && !(best = f->meta_organ ? f->meta_organ : f->made_organ ? f->made_organ :
				f->subj_organ)) {
		/* the last resorts: the organ's own rules (only in a report that speaks of itself,
		 * and as it does), a name by level completed by the one place of that level */
		if (f->self[0] && (best = agrees(f->rules_organ, f)) != NULL)
			return best;
		return f->bare ? agrees(chk_place_complete(x, &f->places, f->bare), f) : NULL;
	}
	if (f->meta_organ && strlen(f->meta_organ) > strlen(best) &&
	    (ends_with(f->meta_organ, best) || strncmp(f->meta_organ, best, strlen(best)) == 0))
		best = f->meta_organ;
	return best;
}

/* A flipbook page's header "page9-" before a title: not part of it. */
static const char *skip_page_header(const char *s)
{
	const char *p = s;
	if (!starts(p, strlen(p), "page") && !starts(p, strlen(p), "p."))
		return s;
	p += starts(p, strlen(p), "page") ? 4 : 2;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '-' ? p + 1 : s;
}

void chk_find_year_and_organ(struct extraction *x, const int *row_section)
{
	struct found f = { 0 };
	size_t limit = x->nrows < ORGAN_ROWS ? x->nrows : ORGAN_ROWS;
	const char *organ;
	int section = -1;  /* the section of the rows so far */
	int overview_row = 0;  /* rows read since the overview's heading */

	for (size_t i = 0; i < limit; i++) {
		const char *s = skip_page_header(x->nrow[i]);
		if (row_section[i] >= 0) {
			section = row_section[i];
			overview_row = 0;
		}
		if (!*s)
			continue;
		x->nrow[i] = (char *)s;
		scan_title(x, i, row_section, &f);
		scan_self(s, &f);
		if (section > SEC_OVERVIEW)
			continue;  /* the preamble and the overview name the organ, not the tables */
		scan_period(s, &f);
		scan_published(x, s, &f);
		scan_meta(x, s, row_section[i] >= 0, &f);
		scan_made(x, s, &f);
		scan_rules(x, s, &f);
		if (!(x->d->rows[i].flags & CHK_ROW_META))
			chk_places_scan(&f.places, s);
		/* the subject of the overview's first sentence, or of a sentence opening with the year */
		if (row_section[i] < 0 && !(x->d->rows[i].flags & CHK_ROW_META) &&
		    ((section == SEC_OVERVIEW && overview_row++ == 0) ||
		     (year_at(s) && starts(s + 4, strlen(s + 4), "年"))) && !is_title(s))
			scan_subject(x, s, &f);
		scan_first_year(s, &f);
	}
	/* any "2020年" in the text (a capture that starts in the middle) */
	for (size_t i = 0; i < x->nrows && !f.first_year; i++)
		scan_first_year(x->nrow[i], &f);
	x->r->rep.year = f.title_year ? f.title_year : f.period_year ? f.period_year :
			 f.other_year ? f.other_year : f.first_year;
	if ((organ = choose_organ(x, &f)) != NULL)
		report_set_agency(&x->r->rep, organ);
	if (x->spam)
		chk_note(x->r, "CAP-06", NULL, 0, "标题或正文中的地名被博彩广告文字替换（被劫持的镜像站）；"
			 "机关名称按去除广告后的文字读取");
}

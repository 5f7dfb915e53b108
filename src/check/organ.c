/*
 * organ.c — the report year and the organ's name from the title, preamble and overview.
 * May call base/, text/.
 */
#include "check/extract_int.h"

#include "text/utf8.h"

/* ---- year and organ ------------------------------------------------------------------------ */

/* A year 2000–2099 at s ("2023"), or 0. */
static int year_at(const char *s)
{
	if (s[0] == '2' && s[1] == '0' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9')
		return 2000 + (s[2] - '0') * 10 + (s[3] - '0');
	return 0;
}

/* The year written before "年" followed by `after` (e.g. "政府信息公开", "度政府信息公开"). */
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
	       utf8_count(s, strlen(s)) <= 80;
}

static const char *const organ_suffix[] = {
	"街道办事处", "办事处", "街道", "人民政府", "政府", "办公厅", "办公室", "委员会", "管委会",
	"中心", "局", "办", "委", "院", "镇", "乡", "厅", "部", "署", "所", "站", "馆", "处", "会",
	"队", "室", "社", NULL };

static int organ_like(const char *s)
{
	size_t len = strlen(s);
	if (len < 6 || utf8_count(s, len) > 40)
		return 0;
	for (const char *p = s; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == ':' || *p == '>')
			return 0;
	if (starts(s, len, "我") || starts(s, len, "本") || utf8_count(s, len) < 3)
		return 0;  /* 我局, 本机关: the organ speaks of itself */
	for (int i = 0; organ_suffix[i]; i++)
		if (strcmp(s, organ_suffix[i]) == 0)
			return 0;
	if (strcmp(s, "人民政府") == 0 || strcmp(s, "市人民政府") == 0)
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

/* Organ candidate from s[0..len): spam removed, words like "关于" cut; NULL if not organ-like. */
static char *organ_from(struct extraction *x, const char *s, size_t len)
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
	while (starts(p, strlen(p), "《") || starts(p, strlen(p), "关于"))
		p += starts(p, strlen(p), "《") ? 3 : 6;
	if (!organ_like(p))
		return NULL;
	return (char *)p;
}

void chk_find_year_and_organ(struct extraction *x, const int *row_section)
{
	int title_year = 0, period_year = 0, other_year = 0, first_year = 0;
	char *title_organ = NULL, *pre_organ = NULL, *meta_organ = NULL, *made_organ = NULL,
	     *subj_organ = NULL, *prev_short = NULL;
	size_t limit = x->nrows < 400 ? x->nrows : 400;

	for (size_t i = 0; i < limit; i++) {
		const char *s = x->nrow[i], *w = NULL, *p;
		int y;
		if (!*s)
			continue;
		/* the title, possibly split: "正阳街道办事处" / "2023年政府信息公开工作年度报告" */
		if (!title_year && is_title(s) && row_section[i] < 0 &&
		    ((y = year_before(s, "政府信息公开", &w)) || (y = year_before(s, "度政府信息公开", &w)))) {
			title_year = y;
			if (w > s)
				title_organ = organ_from(x, s, (size_t)(w - s));
			else if (prev_short)
				title_organ = prev_short;
		}
		if (!title_year && utf8_count(s, strlen(s)) <= 60 && !is_title(s)) {
			char *o = organ_from(x, s, strlen(s));
			if (o)
				prev_short = o;
			else
				prev_short = NULL;
		}
		/* the statistical period: "统计期限为2023年1月1日", "统计期限自202011日起" */
		if (!period_year && (p = strstr(s, "统计")) != NULL) {
			for (const char *q = p; *q && q < p + 60; q++)
				if ((y = year_at(q)) != 0) {
					period_year = y;
					break;
				}
		}
		/* "现公布某局2023年政府信息公开工作年度报告", "现公开天门市人民政府办公室2025年…" */
		if (!pre_organ) {
			const char *k = strstr(s, "现公布");
			if (!k)
				k = strstr(s, "现公开");
			if (k) {
				const char *yw = NULL;
				k += 9;
				if ((y = year_before(k, "政府信息公开", &yw)) || (y = year_before(k, "度", &yw))) {
					if (!other_year)
						other_year = y;
					if (yw > k)
						pre_organ = organ_from(x, k, (size_t)(yw - k));
				} else {
					const char *e2 = strstr(k, "政府信息公开");
					if (e2 && e2 > k)
						pre_organ = organ_from(x, k, (size_t)(e2 - k));
				}
			}
		}
		/* "- 发布机构: 开远市人民政府" */
		if (!meta_organ && (p = strstr(s, "发布机构")) != NULL && row_section[i] < 0) {
			p += strlen("发布机构");
			if (*p == ':')
				p++;
			meta_organ = organ_from(x, p, strlen(p));
		}
		/* "由三元区人力资源和社会保障局政府信息公开工作机构-办公室编制" */
		if (!made_organ && (p = strstr(s, "由")) != NULL && strstr(p, "编制")) {
			const char *e2 = strstr(p, "编制");
			if (e2 - p < 200)
				made_organ = organ_from(x, p + 3, (size_t)(e2 - p - 3));
		}
		/* "2023年,厚桥街道在区委…": the subject of the overview's first sentence */
		if (!subj_organ && row_section[i] <= SEC_OVERVIEW && year_at(s) && starts(s + 4, strlen(s + 4), "年")) {
			static const char *const verbs[] = {
				"在", "认真", "严格", "坚持", "紧紧", "按照", "积极", "深入", "全面",
				"进一步", "持续", "高度", "围绕", "结合", "不断", "着力", "以", "共",
				"主动", "累计", "依法", "始终", "继续", "切实", "扎实", "聚焦", "立足",
				"贯彻", "落实", "政府信息公开", "政务公开", "信息公开", NULL };
			const char *b = s + 7, *best = NULL;
			if (starts(b, strlen(b), "度"))
				b += 3;
			if (*b == ',')
				b++;
			for (int v = 0; verbs[v]; v++) {
				const char *q = strstr(b, verbs[v]);
				if (q && q > b && (!best || q < best))
					best = q;
			}
			if (best && best - b < 80)
				subj_organ = organ_from(x, b, (size_t)(best - b));
		}
		if (!first_year && row_section[i] <= SEC_OVERVIEW) {
			const char *q = strstr(s, "年");
			if (q && q - s >= 4 && (y = year_at(q - 4)) != 0)
				first_year = y;
		}
	}
	if (!first_year) {
		/* any "2020年" in the text (a capture that starts in the middle) */
		for (size_t i = 0; i < x->nrows && !first_year; i++) {
			const char *q = x->nrow[i];
			while ((q = strstr(q, "年")) != NULL) {
				if (q - x->nrow[i] >= 4 && (first_year = year_at(q - 4)) != 0)
					break;
				q += 3;
			}
		}
	}
	x->r->rep.year = title_year ? title_year : period_year ? period_year :
			 other_year ? other_year : first_year;
	{
		char *best = pre_organ ? pre_organ : title_organ;
		/* prefer the fuller spelling when one ends with the other */
		if (pre_organ && title_organ && ends_with(title_organ, pre_organ))
			best = title_organ;
		if (!best)
			best = meta_organ ? meta_organ : made_organ ? made_organ : subj_organ;
		else if (meta_organ && strlen(meta_organ) > strlen(best) &&
			 (ends_with(meta_organ, best) || strncmp(meta_organ, best, strlen(best)) == 0))
			best = meta_organ;
		if (best)
			report_set_agency(&x->r->rep, best);
	}
	if (x->spam)
		chk_note(x->r, "CAP-06", NULL, 0, "标题或正文中的地名被博彩广告文字替换（被劫持的镜像站）；"
		     "机关名称按去除广告后的文字读取");
}


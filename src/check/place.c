/*
 * place.c — the places a report names, so that an organ it calls by its level alone can be
 * named in full: "县乡村振兴局" in a report that says "以青川县门户网站为主要公开平台" is
 * 青川县乡村振兴局.
 *
 * A place is taken only where the text names it as a government's place: "X县" followed by
 * 人民政府, 政府, 门户网站, 委, 人大, 政协 or 党委, where the text shows where X starts: two
 * characters after punctuation or a function word (以, 在, 利用, 依托 …), or two to four right
 * after a higher level (广元市青川县). A place is used only when it is the one place of its
 * level the report names a government of: a second county ("协助剑阁县政府") leaves the organ
 * unknown, since unknown is better than wrong (spec: a 年度报告 names the organ publishing it).
 * May call base/, text/.
 */
#include "check/extract_int.h"


static const char *const level[PLACE_LEVELS] = { "省", "市", "区", "县", "镇", "乡", "州", "盟", "旗" };

/* What may follow a place where it names a government. */
static const char *const governs[] = { "人民政府", "政府", "门户网站", "委", "人大", "政协", "党委",
				       NULL };

/* Characters that end the word before a place: function words and the last character of
 * verbs that introduce one (依托, 利用, 通过, 借助, 登录, 按照, 结合, 围绕, 指导). */
static const char *const boundary[] = {
	"以", "在", "由", "为", "向", "对", "和", "与", "及", "是", "的", "了", "经", "将", "从", "按",
	"于", "至", "用", "过", "据", "被", "同", "或", "托", "助", "录", "即", "含", "照", "合", "绕",
	"导", NULL };

/* The levels above a place: what may stand right before its name (四川省广元市青川县). */
static const char *const higher[] = { "省", "市", "州", "盟", "区", "县", "国", NULL };

/* Characters a place's name never holds: levels, and words that stand for "this / every /
 * the neighbouring" place (全县, 本区, 各乡镇, 邻县). */
static const char *const not_in_name[] = {
	"省", "市", "区", "县", "镇", "乡", "州", "盟", "旗", "全", "本", "我", "该", "各", "每", "两",
	"多", "邻", "外", "辖", "此", "其", "村", NULL };

static int in_list(const char *p, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (starts(p, strlen(p), list[i]))
			return 1;
	return 0;
}

/* The start of the UTF-8 character before p (p > s). */
static const char *prev_char(const char *s, const char *p)
{
	do
		p--;
	while (p > s && ((unsigned char)*p & 0xC0) == 0x80);
	return p;
}

static int is_han(const char *p)
{
	unsigned char c = (unsigned char)p[0];
	uint32_t cp;
	if (c < 0xE0 || c >= 0xF0)
		return 0;
	cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (uint32_t)(p[2] & 0x3F);
	return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* The n Han characters before `at` that may be a name (none a level or a "this / every" word),
 * or NULL. */
static const char *chars_before(const char *s, const char *at, int n)
{
	const char *p = at;
	while (n-- > 0)
		if (p == s || !is_han(p = prev_char(s, p)) || in_list(p, not_in_name))
			return NULL;
	return p;
}

/* Where the place's name ending at `at` (its level character) starts, when the text shows
 * where the word starts: two characters after a boundary ("以青川县"), or three or four right
 * after a higher level ("广元市青川县"). NULL when the start is not clear ("依托汉阳区" without
 * the boundary would read 托汉阳区 as well as 汉阳区). */
static const char *name_start(const char *s, const char *at)
{
	for (int n = 2; n <= 4; n++) {
		const char *p = chars_before(s, at, n), *before;
		if (!p)
			return NULL;
		before = p == s ? NULL : prev_char(s, p);
		if (before && is_han(before) && in_list(before, higher))
			return p;
		if (n == 2 && !in_list(p, boundary) &&
		    (!before || !is_han(before) || in_list(before, boundary)))
			return p;
	}
	return NULL;
}

void chk_places_scan(struct places *pl, const char *s)
{
	for (int l = 0; l < PLACE_LEVELS; l++) {
		size_t ll = strlen(level[l]);
		const char *p = s, *q;
		while ((q = strstr(p, level[l])) != NULL) {
			const char *two, *start;
			p = q + ll;
			if (!in_list(p, governs) || !(two = chars_before(s, q, 2)) ||
			    in_list(two, boundary) || in_list(prev_char(s, q), boundary))
				continue;  /* "按照县委": the county's own committee, no place named */
			/* every mention of a government of this level counts for ambiguity, also one
			 * whose name's start is unclear: "协助剑阁县政府" names another county */
			if (!pl->seen[l][0])
				memcpy(pl->seen[l], two, (size_t)(q - two));
			else if (memcmp(pl->seen[l], two, (size_t)(q - two)) != 0)
				pl->ambiguous[l] = 1;
			if ((start = name_start(s, q)) != NULL && !pl->len[l] &&
			    (size_t)(p - start) < sizeof pl->name[l]) {
				memcpy(pl->name[l], start, (size_t)(p - start));
				pl->name[l][p - start] = '\0';
				pl->len[l] = (size_t)(p - start);
			} else if (start && (pl->len[l] != (size_t)(p - start) ||
					     memcmp(pl->name[l], start, pl->len[l]) != 0)) {
				pl->ambiguous[l] = 1;
			}
		}
	}
}

char *chk_place_complete(struct extraction *x, const struct places *pl, const char *bare)
{
	for (int l = 0; l < PLACE_LEVELS; l++) {
		size_t ll = strlen(level[l]);
		char *full;
		if (!starts(bare, strlen(bare), level[l]))
			continue;
		if (!pl->len[l] || pl->ambiguous[l])
			return NULL;
		full = arena_alloc(&x->arena, pl->len[l] + strlen(bare + ll) + 1);
		memcpy(full, pl->name[l], pl->len[l]);
		memcpy(full + pl->len[l], bare + ll, strlen(bare + ll) + 1);
		return full;
	}
	return NULL;
}

/*
 * statutory.c — the versions of the 全国年节及纪念日放假办法 as one table by date in force, and
 * the days off they give each year.
 *
 * Every day a version lists is computed for the year and kept only if that version is the one
 * in force on that day; so a year in which a revision takes effect (1999, when 国务院令第270号
 * came into force on 18 September) gets the old rule before the date and the new one after it.
 * Computed once per process for 1949–2199 (a few thousand days; lunar dates through
 * domain/lunar), then looked up.
 * May call base/, text/date.h, domain/lunar. Law: see statutory.h.
 */
#include <pthread.h>
#include <stdlib.h>

#include "base/mem.h"
#include "domain/calendar.h"
#include "domain/lunar.h"
#include "domain/statutory.h"
#include "text/date.h"

enum rule_kind {
	RULE_SOLAR,     /* a fixed civil date: month, day */
	RULE_LUNAR,     /* a day of the lunar year: month, day (农历节日如遇闰月，以第一个月为准) */
	RULE_EVE,       /* 除夕: the day before 正月初一 */
	RULE_QINGMING,  /* the day of the solar term 清明 */
};

struct rule {
	const char *name;
	const char *presumed;
	const char *label;
	enum rule_kind kind;
	int month, day;
};

/* One row of a version's Art. 2; the presumed name is the holiday's name marked as assumed. */
#define DAY(name, label, kind, m, d) { name, name "（推定）", label, kind, m, d }

/* 政务院, 1949-12-23. */
static const struct rule rules_1949[] = {
	DAY("新年", "1月1日", RULE_SOLAR, 1, 1),
	DAY("春节", "正月初一", RULE_LUNAR, 1, 1),
	DAY("春节", "正月初二", RULE_LUNAR, 1, 2),
	DAY("春节", "正月初三", RULE_LUNAR, 1, 3),
	DAY("劳动节", "5月1日", RULE_SOLAR, 5, 1),
	DAY("国庆纪念日", "10月1日", RULE_SOLAR, 10, 1),
	DAY("国庆纪念日", "10月2日", RULE_SOLAR, 10, 2),
};

/* 国务院令第270号, 1999-09-18: 劳动节 and 国庆节 three days each. */
static const struct rule rules_1999[] = {
	DAY("新年", "1月1日", RULE_SOLAR, 1, 1),
	DAY("春节", "正月初一", RULE_LUNAR, 1, 1),
	DAY("春节", "正月初二", RULE_LUNAR, 1, 2),
	DAY("春节", "正月初三", RULE_LUNAR, 1, 3),
	DAY("劳动节", "5月1日", RULE_SOLAR, 5, 1),
	DAY("劳动节", "5月2日", RULE_SOLAR, 5, 2),
	DAY("劳动节", "5月3日", RULE_SOLAR, 5, 3),
	DAY("国庆节", "10月1日", RULE_SOLAR, 10, 1),
	DAY("国庆节", "10月2日", RULE_SOLAR, 10, 2),
	DAY("国庆节", "10月3日", RULE_SOLAR, 10, 3),
};

/* 国务院令第513号, in force 2008-01-01: 春节 from 除夕; 清明, 端午, 中秋 added; 劳动节 one day. */
static const struct rule rules_2008[] = {
	DAY("元旦", "1月1日", RULE_SOLAR, 1, 1),
	DAY("春节", "除夕", RULE_EVE, 0, 0),
	DAY("春节", "正月初一", RULE_LUNAR, 1, 1),
	DAY("春节", "正月初二", RULE_LUNAR, 1, 2),
	DAY("清明节", "清明", RULE_QINGMING, 0, 0),
	DAY("劳动节", "5月1日", RULE_SOLAR, 5, 1),
	DAY("端午节", "五月初五", RULE_LUNAR, 5, 5),
	DAY("中秋节", "八月十五", RULE_LUNAR, 8, 15),
	DAY("国庆节", "10月1日", RULE_SOLAR, 10, 1),
	DAY("国庆节", "10月2日", RULE_SOLAR, 10, 2),
	DAY("国庆节", "10月3日", RULE_SOLAR, 10, 3),
};

/* 国务院令第644号, in force 2014-01-01: 春节 正月初一至初三 (除夕 no longer off). */
static const struct rule rules_2014[] = {
	DAY("元旦", "1月1日", RULE_SOLAR, 1, 1),
	DAY("春节", "正月初一", RULE_LUNAR, 1, 1),
	DAY("春节", "正月初二", RULE_LUNAR, 1, 2),
	DAY("春节", "正月初三", RULE_LUNAR, 1, 3),
	DAY("清明节", "清明", RULE_QINGMING, 0, 0),
	DAY("劳动节", "5月1日", RULE_SOLAR, 5, 1),
	DAY("端午节", "五月初五", RULE_LUNAR, 5, 5),
	DAY("中秋节", "八月十五", RULE_LUNAR, 8, 15),
	DAY("国庆节", "10月1日", RULE_SOLAR, 10, 1),
	DAY("国庆节", "10月2日", RULE_SOLAR, 10, 2),
	DAY("国庆节", "10月3日", RULE_SOLAR, 10, 3),
};

/* 国务院令第795号, in force 2025-01-01: 春节 除夕 and 正月初一至初三; 劳动节 5月1日、2日. */
static const struct rule rules_2025[] = {
	DAY("元旦", "1月1日", RULE_SOLAR, 1, 1),
	DAY("春节", "除夕", RULE_EVE, 0, 0),
	DAY("春节", "正月初一", RULE_LUNAR, 1, 1),
	DAY("春节", "正月初二", RULE_LUNAR, 1, 2),
	DAY("春节", "正月初三", RULE_LUNAR, 1, 3),
	DAY("清明节", "清明", RULE_QINGMING, 0, 0),
	DAY("劳动节", "5月1日", RULE_SOLAR, 5, 1),
	DAY("劳动节", "5月2日", RULE_SOLAR, 5, 2),
	DAY("端午节", "五月初五", RULE_LUNAR, 5, 5),
	DAY("中秋节", "八月十五", RULE_LUNAR, 8, 15),
	DAY("国庆节", "10月1日", RULE_SOLAR, 10, 1),
	DAY("国庆节", "10月2日", RULE_SOLAR, 10, 2),
	DAY("国庆节", "10月3日", RULE_SOLAR, 10, 3),
};

#define RULES(r) r, sizeof r / sizeof r[0]

/* The versions in the order they came into force. */
static const struct version {
	int y, m, d;  /* in force from */
	const char *act;
	const struct rule *rules;
	size_t nrules;
} versions[] = {
	{ 1949, 12, 23, "政务院发布", RULES(rules_1949) },
	{ 1999, 9, 18, "国务院令第270号", RULES(rules_1999) },
	{ 2008, 1, 1, "国务院令第513号", RULES(rules_2008) },
	{ 2014, 1, 1, "国务院令第644号", RULES(rules_2014) },
	{ 2025, 1, 1, "国务院令第795号", RULES(rules_2025) },
};

#define NVERSIONS (sizeof versions / sizeof versions[0])
#define FIRST_YEAR 1949
#define NYEARS (CALENDAR_LAST_YEAR - FIRST_YEAR + 1)

static struct statutory_day *days;  /* all years, in date order within each year */
static size_t first_of[NYEARS + 1];  /* days[first_of[y - FIRST_YEAR] ..] belong to year y */
static pthread_once_t built = PTHREAD_ONCE_INIT;

/* The index of the version in force on day, or -1 before the first. */
static int version_at(int day)
{
	int v = -1;

	for (size_t i = 0; i < NVERSIONS; i++)
		if (date_make(versions[i].y, versions[i].m, versions[i].d) <= day)
			v = (int)i;
	return v;
}

/* The day rule r gives in year y, or STATUTORY_UNDATED if the lunar calendar does not reach. */
static int rule_day(struct lunar *lc, const struct rule *r, int y)
{
	int d;

	switch (r->kind) {
	case RULE_SOLAR:
		return date_make(y, r->month, r->day);
	case RULE_QINGMING:
		return lunar_qingming(y);
	case RULE_EVE:
		return lunar_to_day(lc, y, 1, 1, &d) == 0 ? d - 1 : STATUTORY_UNDATED;
	case RULE_LUNAR:
	default:
		return lunar_to_day(lc, y, r->month, r->day, &d) == 0 ? d : STATUTORY_UNDATED;
	}
}

static int day_cmp(const void *a, const void *b)
{
	const struct statutory_day *x = a, *y = b;
	/* undated last; INT_MIN compares below everything, so flip it */
	long kx = x->day == STATUTORY_UNDATED ? (long)INT_MAX + 1 : x->day;
	long ky = y->day == STATUTORY_UNDATED ? (long)INT_MAX + 1 : y->day;
	if (kx != ky)
		return (kx > ky) - (kx < ky);
	return (x->order > y->order) - (x->order < y->order);  /* as Art. 2 lists them */
}

static void build(void)
{
	struct lunar *lc = lunar_new();
	size_t n = 0, cap = 0;

	for (int y = FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
		size_t start = n;
		first_of[y - FIRST_YEAR] = n;
		for (size_t v = 0; v < NVERSIONS; v++) {
			const struct version *ver = &versions[v];
			for (size_t i = 0; i < ver->nrules; i++) {
				const struct rule *r = &ver->rules[i];
				int d = rule_day(lc, r, y);
				/* a day the lunar calendar cannot date: under the version of 1 January
				 * (only years after 2100, all under the latest version) */
				int at = version_at(d == STATUTORY_UNDATED ? date_make(y, 1, 1) : d);
				if (at != (int)v)
					continue;
				if (n == cap) {
					cap = cap ? cap * 2 : 4096;
					days = xrealloc(days, cap * sizeof *days);
				}
				days[n++] = (struct statutory_day){
					.day = d, .name = r->name, .label = r->label, .presumed = r->presumed,
					.fixed = r->kind == RULE_SOLAR, .order = (int)i,
					.act = ver->act,
					.in_force = date_make(ver->y, ver->m, ver->d),
				};
			}
		}
		qsort(days + start, n - start, sizeof *days, day_cmp);
	}
	first_of[NYEARS] = n;
	lunar_free(lc);
}

const struct statutory_day *statutory_year(int year, size_t *n)
{
	static const struct statutory_day none[1];

	*n = 0;
	if (year < FIRST_YEAR || year > CALENDAR_LAST_YEAR)
		return none;
	pthread_once(&built, build);
	*n = first_of[year - FIRST_YEAR + 1] - first_of[year - FIRST_YEAR];
	return *n ? days + first_of[year - FIRST_YEAR] : none;
}

const struct statutory_day *statutory_find(int day)
{
	size_t n;
	const struct statutory_day *list = statutory_year(date_year(day), &n);

	for (size_t i = 0; i < n && list[i].day != STATUTORY_UNDATED; i++)
		if (list[i].day == day)
			return &list[i];
	return NULL;
}

/*
 * statutory.c — the versions of the 全国年节及纪念日放假办法 as one table by date in force (a row
 * per day of Art. 2, a column per version), and the days off they give each year.
 *
 * Every day a version lists is computed for the year and kept only if that version is the one
 * in force on that day; so a year in which a revision takes effect (1999, when 国务院令第270号
 * came into force on 18 September) gets the old rule before the date and the new one after it.
 * Computed once per process for 1949–2199 (about 3,000 days from some 340 lunar conversions
 * through domain/lunar and 190 清明: a few milliseconds), then looked up.
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
	unsigned char in[5];  /* 1 where the version of that column (versions[] below) lists it */
};

/* REQ 放假办法-2: the versions in the order they came into force; each day gets the one in
 * force on it. The columns of rules[] are these versions. */
static const struct version {
	int y, m, d;  /* in force from */
	const char *act;
} versions[] = {
	{ 1949, 12, 23, "政务院发布" },
	{ 1999, 9, 18, "国务院令第270号" },   /* 劳动节 and 国庆节 three days each */
	{ 2008, 1, 1, "国务院令第513号" },    /* 春节 from 除夕; 清明, 端午, 中秋; 劳动节 one day */
	{ 2014, 1, 1, "国务院令第644号" },    /* 春节 正月初一至初三 (除夕 no longer off) */
	{ 2025, 1, 1, "国务院令第795号" },    /* 春节 除夕 and 初一至初三; 劳动节 5月1日、2日 */
};

/* One day of Art. 2 and the versions that list it; the presumed name is the holiday's name
 * marked as assumed. */
#define DAY(name, label, kind, m, d, v1949, v1999, v2008, v2014, v2025) \
	{ name, name "（推定）", label, kind, m, d, { v1949, v1999, v2008, v2014, v2025 } }

static const struct rule rules[] = {
	/*                                                         1949 1999 2008 2014 2025 */
	DAY("新年", "1月1日", RULE_SOLAR, 1, 1,                      1,   1,   0,   0,   0),
	DAY("元旦", "1月1日", RULE_SOLAR, 1, 1,                      0,   0,   1,   1,   1),
	DAY("春节", "除夕", RULE_EVE, 0, 0,                          0,   0,   1,   0,   1),
	DAY("春节", "正月初一", RULE_LUNAR, 1, 1,                    1,   1,   1,   1,   1),
	DAY("春节", "正月初二", RULE_LUNAR, 1, 2,                    1,   1,   1,   1,   1),
	DAY("春节", "正月初三", RULE_LUNAR, 1, 3,                    1,   1,   0,   1,   1),
	DAY("清明节", "清明", RULE_QINGMING, 0, 0,                   0,   0,   1,   1,   1),
	DAY("劳动节", "5月1日", RULE_SOLAR, 5, 1,                    1,   1,   1,   1,   1),
	DAY("劳动节", "5月2日", RULE_SOLAR, 5, 2,                    0,   1,   0,   0,   1),
	DAY("劳动节", "5月3日", RULE_SOLAR, 5, 3,                    0,   1,   0,   0,   0),
	DAY("端午节", "五月初五", RULE_LUNAR, 5, 5,                  0,   0,   1,   1,   1),
	DAY("中秋节", "八月十五", RULE_LUNAR, 8, 15,                 0,   0,   1,   1,   1),
	DAY("国庆纪念日", "10月1日", RULE_SOLAR, 10, 1,              1,   0,   0,   0,   0),
	DAY("国庆纪念日", "10月2日", RULE_SOLAR, 10, 2,              1,   0,   0,   0,   0),
	DAY("国庆节", "10月1日", RULE_SOLAR, 10, 1,                  0,   1,   1,   1,   1),
	DAY("国庆节", "10月2日", RULE_SOLAR, 10, 2,                  0,   1,   1,   1,   1),
	DAY("国庆节", "10月3日", RULE_SOLAR, 10, 3,                  0,   1,   1,   1,   1),
};

#define NVERSIONS (sizeof versions / sizeof versions[0])
#define NRULES (sizeof rules / sizeof rules[0])
_Static_assert(sizeof rules[0].in == NVERSIONS, "one column of rules[] per version");
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

/* The dates of one year that the rules are made of, each computed once (a lunar conversion
 * costs tens of microseconds, and the versions share their festivals). */
struct year_dates {
	int year;
	int month_start[13];  /* day 1 of each lunar month; 0 = not yet computed */
	int qingming;         /* 0 = not yet computed */
};

/* Day 1 of lunar month m of the year, or STATUTORY_UNDATED beyond the lunar tables. */
static int month_start(struct year_dates *yd, int m)
{
	int d;

	if (yd->month_start[m] == 0)
		yd->month_start[m] = lunar_to_day(yd->year, m, 1, &d) == 0 ? d : STATUTORY_UNDATED;
	return yd->month_start[m];
}

/* The day rule r gives in the year, or STATUTORY_UNDATED if the lunar calendar does not reach. */
static int rule_day(struct year_dates *yd, const struct rule *r)
{
	int start, d;

	switch (r->kind) {
	case RULE_SOLAR:
		return date_make(yd->year, r->month, r->day);
	case RULE_QINGMING:
		if (yd->qingming == 0)
			yd->qingming = lunar_qingming(yd->year);
		return yd->qingming;
	case RULE_EVE:
		start = month_start(yd, 1);
		return start == STATUTORY_UNDATED ? start : start - 1;
	case RULE_LUNAR:
	default:
		start = month_start(yd, r->month);
		if (start == STATUTORY_UNDATED)
			return start;
		if (r->day < 30)  /* every lunar month has 29 or 30 days */
			return start + r->day - 1;
		return lunar_to_day(yd->year, r->month, r->day, &d) == 0 ? d : STATUTORY_UNDATED;
	}
}

/* 1 if version v is in force on some day of year y. */
static int version_in_year(size_t v, int y)
{
	int from = date_make(versions[v].y, versions[v].m, versions[v].d);
	int until = v + 1 < NVERSIONS ?
		date_make(versions[v + 1].y, versions[v + 1].m, versions[v + 1].d) : INT_MAX;
	return from <= date_make(y, 12, 31) && until > date_make(y, 1, 1);
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
	size_t n = 0, cap = 0;

	for (int y = FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
		struct year_dates yd = { .year = y };
		size_t start = n;
		first_of[y - FIRST_YEAR] = n;
		for (size_t v = 0; v < NVERSIONS; v++) {
			const struct version *ver = &versions[v];
			if (!version_in_year(v, y))
				continue;
			for (size_t i = 0; i < NRULES; i++) {
				const struct rule *r = &rules[i];
				int d;
				if (!r->in[v])
					continue;
				d = rule_day(&yd, r);
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
		if (n > start)
			qsort(days + start, n - start, sizeof *days, day_cmp);
	}
	first_of[NYEARS] = n;
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

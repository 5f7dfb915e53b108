/*
 * statutory.h — the statutory days off (法定节假日) of the 全国年节及纪念日放假办法, year by year,
 * each under the version of the 办法 in force on that day.
 *
 * The 办法 names the days every citizen has off (Art. 2): fixed dates (元旦, 劳动节, 国庆节),
 * days of the lunar calendar (春节, 端午节, 中秋节) and the solar term 清明. The yearly notice of
 * the 国务院办公厅 then arranges them (bridging days, 调休 workdays, 补假 for a statutory day on a
 * weekend). For a year whose notice is not loaded the calendar assumes these days — and only
 * these: the notice's other days cannot be predicted (domain/calendar.h).
 *
 * The versions are one table in statutory.c, by the date each came into force, so a day of any
 * year from 1949-12-23 to 2199 gets the rule then in force. A lunar festival after the last
 * lunar year liblunar-date knows (2100) is listed with day STATUTORY_UNDATED.
 *
 * The lists are computed once per process (thread-safe) and live until it ends.
 * Depends on base/, text/date.h, domain/lunar. Law: 全国年节及纪念日放假办法 (1949; 国务院令
 * 第270号, 第513号, 第644号, 第795号), Art. 2; docs/spec/regulation-procedures.md §5.10.
 */
#ifndef GK_DOMAIN_STATUTORY_H
#define GK_DOMAIN_STATUTORY_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#define STATUTORY_UNDATED INT_MIN  /* a lunar festival whose date cannot be computed */
#define STATUTORY_TITLE "全国年节及纪念日放假办法"

struct statutory_day {
	int day;               /* the civil day number, or STATUTORY_UNDATED */
	const char *name;      /* the holiday as the 办法 of the day names it: "春节" */
	const char *label;     /* which day of it: "除夕", "正月初一", "清明", "5月1日" */
	bool fixed;            /* a fixed civil date (label says no more than the date) */
	int order;             /* the day's place in its version's Art. 2 (orders undated ones) */
	const char *presumed;  /* the name where a derivation assumes it: "春节（推定）" */
	const char *act;       /* the version that makes it a day off: "国务院令第795号" */
	int in_force;          /* the day that version came into force */
};

/* The statutory days off of civil year `year`, in date order (undated ones last); *n is set to
 * their number (0 before the 办法 or outside 1900–2199). Static storage; never NULL. */
const struct statutory_day *statutory_year(int year, size_t *n);

/* The statutory day that `day` is, or NULL. */
const struct statutory_day *statutory_find(int day);

#endif

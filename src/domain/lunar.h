/*
 * lunar.h — the traditional Chinese calendar (农历) as far as the statutory holidays need it:
 * a lunar month and day of a lunar year as a civil date, and the day of the solar term 清明.
 *
 * Lunar dates come from liblunar-date (Debian's liblunar-date-dev); its tables run from lunar
 * year 1900 to 2100, and outside them a lunar date cannot be had (ERR_LIMIT). 清明 is the day,
 * in Beijing time (UTC+8), on which the Sun's apparent longitude reaches 15°, computed here for
 * any year. Both are checked against an independent astronomical computation in
 * tests/unit/domain/test_lunar.c (see docs/clock.md for the accuracy).
 *
 * Depends on base/ and text/date.h; lunar.c is the only file that includes liblunar-date (a
 * GObject library). Law: 全国年节及纪念日放假办法 (农历 festivals, 清明 "农历清明当日").
 */
#ifndef GK_DOMAIN_LUNAR_H
#define GK_DOMAIN_LUNAR_H

#include "base/err.h"

#define LUNAR_FIRST_YEAR 1900  /* the lunar years liblunar-date knows */
#define LUNAR_LAST_YEAR 2100

/* The civil day number (text/date.h) of day `day` of month `month` (1–12, the ordinary month,
 * never a leap month of the same number) of lunar year `year`. ERR_LIMIT when the year is
 * outside LUNAR_FIRST_YEAR..LUNAR_LAST_YEAR, ERR_INVALID when the month or day does not exist
 * (e.g. 三十 of a 29-day month). Thread-safe: one converter per process, made on first use and
 * kept to the end (a few kilobytes). */
int lunar_to_day(int year, int month, int day, int *out) GK_WUR;

/* The day of 清明 in civil year `year` (4, 5 or, before 1944, 6 April), Beijing time. */
int lunar_qingming(int year);

#endif

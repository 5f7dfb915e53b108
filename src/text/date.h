/*
 * date.h — civil dates as day numbers (days since 1970-01-01, proleptic Gregorian).
 *
 * Dates in gongkai are whole days in China's civil calendar; there is no time zone arithmetic
 * in the legal clock. A day number makes "the next day" and comparisons trivial; parsing is
 * strict (YYYY-MM-DD, month 1–12, day valid for the month, leap years) so an impossible date
 * such as 2023-02-29 is refused with a message naming it.
 * Depends on base/err.h.
 */
#ifndef GK_TEXT_DATE_H
#define GK_TEXT_DATE_H

#include <stdint.h>

#include "base/err.h"

#define DATE_LEN 11  /* "YYYY-MM-DD" + NUL */

/* Day number of y-m-d (no validation). */
int date_make(int y, int m, int d);
/* Split a day number into year, month (1–12) and day (1–31); any pointer may be NULL. */
void date_split(int day, int *y, int *m, int *d);
/* 1 if y-m-d is a real date in years 1900–2199, else 0. */
int date_valid(int y, int m, int d);
int date_is_leap(int y);
int date_days_in_month(int y, int m);
/* ISO weekday: 1 = Monday … 7 = Sunday. */
int date_weekday(int day);
int date_year(int day);
/* Parse "YYYY-MM-DD" exactly. field names the argument in the error ("--received"). */
int date_parse(const char *s, int *day, const char *field, struct gk_error *e) GK_WUR;
/* Write "YYYY-MM-DD" into out (DATE_LEN bytes); returns out. */
char *date_format(int day, char out[DATE_LEN]);
/* Beijing time (Asia/Shanghai, the time every organ works by) is UTC+8 the whole year: China
 * has had no daylight saving time since 1991. So this one fixed offset is exact for every date
 * and time gongkai stores (all after 1991) and needs neither tzdata nor the machine's TZ.
 * Stored timestamps stay UTC; only what people read is turned into Beijing time, here. */
#define DATE_BEIJING_OFFSET (8 * 3600)

/* Today's date in Beijing time, whatever the machine's time zone. GONGKAI_TODAY=YYYY-MM-DD
 * overrides it, for demos and tests that need a fixed "today". */
int date_today(void);

/* Replay: make date_today answer day (0: the clock again). Only for a single-threaded replay
 * of past days such as `gongkai demo`, which lets every rule see "today" as it was. */
void date_today_set(int day);

/* Now as the UTC timestamp gongkai stores, "YYYY-MM-DDTHH:MM:SSZ" (out: 21 bytes). While a day
 * is replayed (date_today_set), that day in Beijing at the clock's time of day, so what a
 * replay records carries the day it happened on. */
void date_stamp_now(char out[21]);

/* A stored UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" as people read it: Beijing time
 * "YYYY-MM-DD HH:MM" (2026-12-02T05:37:05Z → 2026-12-02 13:37). Text that is not such a
 * timestamp is copied as it is (cut to fit). Returns out. */
#define DATE_SHOW_LEN 17
char *date_stamp_show(const char *utc, char out[DATE_SHOW_LEN]);
/* The same for a moment given in seconds since 1970 (UTC). Returns out. */
char *date_epoch_show(int64_t secs, char out[DATE_SHOW_LEN]);

/* Timestamps: seconds since 1970-01-01T00:00:00Z ↔ the store's "YYYY-MM-DDTHH:MM:SSZ" (UTC),
 * which sorts as text in time order. */
#define DATE_TIMESTAMP_LEN 21
char *date_timestamp_format(int64_t secs, char out[DATE_TIMESTAMP_LEN]);
/* Parse exactly "YYYY-MM-DDTHH:MM:SSZ"; ERR_INVALID (naming field) otherwise. */
int date_timestamp_parse(const char *s, int64_t *secs, const char *field,
			 struct gk_error *e) GK_WUR;

#endif

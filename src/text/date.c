/*
 * date.c — civil date arithmetic (see date.h).
 *
 * The day-number conversion is the well-known "days from civil" algorithm (era of 400 years),
 * exact for the whole proleptic Gregorian calendar.
 */
#include "text/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int date_make(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_split(int day, int *py, int *pm, int *pd)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);

	if (py)
		*py = y + (m <= 2);
	if (pm)
		*pm = m;
	if (pd)
		*pd = d;
}

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && date_is_leap(y));
}

int date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

int date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (day % 7 + 7) % 7;
	return (w + 3) % 7 + 1;
}

int date_year(int day)
{
	int y;
	date_split(day, &y, NULL, NULL);
	return y;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, int *day, const char *field, struct gk_error *e)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return err_set(e, ERR_INVALID, field, "not a date in the form YYYY-MM-DD: '%s'",
			       s ? s : "");
	if (!date_valid(y, m, d))
		return err_set(e, ERR_INVALID, field, "no such date: %s", s);
	*day = date_make(y, m, d);
	return 0;
}

char *date_format(int day, char out[DATE_LEN])
{
	int y, m, d;
	date_split(day, &y, &m, &d);
	snprintf(out, DATE_LEN, "%04d-%02d-%02d", y, m, d);
	return out;
}

char *date_timestamp_format(int64_t secs, char out[DATE_TIMESTAMP_LEN])
{
	int64_t day = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int64_t rest = secs - day * 86400;
	char tmp[64];
	int y, m, d;

	date_split((int)day, &y, &m, &d);
	/* Years outside 0000–9999 would not fit the format; they are never stored. */
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02dZ", y < 0 ? 0 : y > 9999 ? 9999 : y,
		 m, d, (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60));
	memcpy(out, tmp, DATE_TIMESTAMP_LEN - 1);
	out[DATE_TIMESTAMP_LEN - 1] = '\0';
	return out;
}

int date_timestamp_parse(const char *s, int64_t *secs, const char *field, struct gk_error *e)
{
	char day[DATE_LEN];
	int dn, hh, mm, ss;

	if (s == NULL || strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    s[19] != 'Z' || digits(s + 11, 2, &hh) || digits(s + 14, 2, &mm) ||
	    digits(s + 17, 2, &ss) || hh > 23 || mm > 59 || ss > 59)
		return err_set(e, ERR_INVALID, field, "not a timestamp YYYY-MM-DDTHH:MM:SSZ: '%s'",
			       s ? s : "");
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse(day, &dn, field, e) != 0)
		return ERR_INVALID;
	*secs = (int64_t)dn * 86400 + hh * 3600 + mm * 60 + ss;
	return 0;
}

static int today_replayed;

void date_today_set(int day)
{
	today_replayed = day;
}

void date_stamp_now(char out[21])
{
	struct timespec ts;
	struct tm tm;
	time_t t;

	clock_gettime(CLOCK_REALTIME, &ts);
	t = ts.tv_sec;
	if (today_replayed) {
		int64_t beijing = (int64_t)t + DATE_BEIJING_OFFSET;
		t = (time_t)((int64_t)today_replayed * 86400 + beijing % 86400 - DATE_BEIJING_OFFSET);
	}
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int date_today(void)
{
	const char *fixed = getenv("GONGKAI_TODAY");
	struct tm tm;
	time_t now;
	int day;

	if (today_replayed)
		return today_replayed;
	if (fixed && date_parse(fixed, &day, "GONGKAI_TODAY", NULL) == 0)
		return day;
	now = time(NULL) + DATE_BEIJING_OFFSET;
	gmtime_r(&now, &tm);
	return date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *date_stamp_show(const char *utc, char out[DATE_SHOW_LEN])
{
	int64_t secs;

	if (utc == NULL || date_timestamp_parse(utc, &secs, "", NULL) != 0) {
		snprintf(out, DATE_SHOW_LEN, "%s", utc ? utc : "");
		return out;
	}
	return date_epoch_show(secs, out);
}

char *date_epoch_show(int64_t secs, char out[DATE_SHOW_LEN])
{
	char full[DATE_TIMESTAMP_LEN];

	date_timestamp_format(secs + DATE_BEIJING_OFFSET, full);  /* "YYYY-MM-DDTHH:MM:SSZ" */
	snprintf(out, DATE_SHOW_LEN, "%.10s %.5s", full, full + 11);
	return out;
}

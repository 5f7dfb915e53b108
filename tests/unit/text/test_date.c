/* test_date.c — strict date parsing and day arithmetic; store timestamps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <time.h>

#include "text/date.h"

static void test_roundtrip_and_weekday(void **state)
{
	char s[DATE_LEN];
	int d;
	assert_int_equal(date_parse("2024-02-29", &d, "--received", NULL), 0);
	assert_string_equal(date_format(d, s), "2024-02-29");
	assert_string_equal(date_format(d + 1, s), "2024-03-01");
	assert_int_equal(date_weekday(d), 4);  /* Thursday */
	assert_int_equal(date_weekday(date_make(2024, 10, 1)), 2);
	assert_int_equal(date_make(1970, 1, 1), 0);
	/* every day 1900..2199 survives a round trip */
	for (int day = date_make(1900, 1, 1); day <= date_make(2199, 12, 31); day++) {
		int y, m, dd;
		date_split(day, &y, &m, &dd);
		assert_true(date_valid(y, m, dd));
		assert_int_equal(date_make(y, m, dd), day);
	}
}

static void test_impossible_dates_refused(void **state)
{
	struct gk_error e = { 0 };
	int d;
	assert_int_equal(date_parse("2023-02-29", &d, "--received", &e), ERR_INVALID);
	assert_string_equal(e.field, "--received");
	assert_non_null(strstr(e.msg, "2023-02-29"));
	assert_int_equal(date_parse("2024-13-01", &d, "x", NULL), ERR_INVALID);
	assert_int_equal(date_parse("2024-4-1", &d, "x", NULL), ERR_INVALID);
	assert_int_equal(date_parse("2024-04-31", &d, "x", NULL), ERR_INVALID);
	assert_int_equal(date_parse("", &d, "x", NULL), ERR_INVALID);
	assert_int_equal(date_parse("1900-02-29", &d, "x", NULL), ERR_INVALID);
	assert_int_equal(date_parse("2000-02-29", &d, "x", NULL), 0);
}

/* Timestamps agree with the C library's UTC conversion and sort as text in time order. */
static void test_timestamps(void **state)
{
	char s[DATE_TIMESTAMP_LEN], prev[DATE_TIMESTAMP_LEN] = "";
	struct gk_error e = { 0 };
	int64_t t;

	assert_string_equal(date_timestamp_format(0, s), "1970-01-01T00:00:00Z");
	assert_string_equal(date_timestamp_format(1709251199, s), "2024-02-29T23:59:59Z");
	assert_int_equal(date_timestamp_parse("2024-02-29T23:59:59Z", &t, "seen_at", &e), 0);
	assert_int_equal(t, 1709251199);
	for (int64_t x = 1600000000; x < 1900000000; x += 86400 * 7 + 3671) {
		char tm[32];
		struct tm parts;
		time_t tt = (time_t)x;
		gmtime_r(&tt, &parts);
		strftime(tm, sizeof tm, "%Y-%m-%dT%H:%M:%SZ", &parts);
		assert_string_equal(date_timestamp_format(x, s), tm);
		assert_int_equal(date_timestamp_parse(s, &t, "t", NULL), 0);
		assert_int_equal(t, x);
		assert_true(strcmp(prev, s) < 0);
		memcpy(prev, s, sizeof s);
	}
	assert_int_equal(date_timestamp_parse("2024-02-30T00:00:00Z", &t, "seen_at", &e), ERR_INVALID);
	assert_int_equal(date_timestamp_parse("2024-02-29 23:59:59", &t, "seen_at", &e), ERR_INVALID);
	assert_int_equal(date_timestamp_parse("2024-02-29T24:00:00Z", &t, "seen_at", &e), ERR_INVALID);
	assert_string_equal(e.field, "seen_at");
}

/* Stored UTC shown as Beijing time (UTC+8, no DST): across midnight, a month, a year. */
static void test_beijing_time(void **state)
{
	char s[DATE_SHOW_LEN];
	(void)state;
	assert_string_equal(date_stamp_show("2026-12-02T05:37:05Z", s), "2026-12-02 13:37");
	assert_string_equal(date_stamp_show("2026-12-02T16:00:00Z", s), "2026-12-03 00:00");
	assert_string_equal(date_stamp_show("2024-02-29T15:59:59Z", s), "2024-02-29 23:59");
	assert_string_equal(date_stamp_show("2024-02-29T16:30:00Z", s), "2024-03-01 00:30");
	assert_string_equal(date_stamp_show("2024-12-31T20:00:00Z", s), "2025-01-01 04:00");
	assert_string_equal(date_stamp_show("2024-07-01T12:00:00Z", s), "2024-07-01 20:00");  /* summer: no DST */
	assert_string_equal(date_stamp_show("2024-10-31", s), "2024-10-31");  /* a date stays as it is */
	assert_string_equal(date_stamp_show(NULL, s), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_and_weekday),
		cmocka_unit_test(test_impossible_dates_refused),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_beijing_time),
	};
	return cmocka_run_group_tests_name("text/date", tests, NULL, NULL);
}

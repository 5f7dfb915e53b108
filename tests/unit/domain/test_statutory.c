/* test_statutory.c — the statutory days of the 全国年节及纪念日放假办法 and the Chinese calendar
 * dates they need, checked against two independent sources:
 *
 *  - tests/data/cn-festivals-ref.tsv: 春节, 端午, 中秋 and 清明 1900–2199 computed from the Sun
 *    and the Moon with PyEphem (VSOP87/ELP) under the rules of GB/T 33661-2017, by
 *    tests/data/cn-festivals-ref.py — neither liblunar-date nor our 清明 formula;
 *  - data/cn-workday-calendar.tsv: the days off the 国务院办公厅 actually gave 2008–2026; every
 *    statutory day of those years must be one of them.
 *
 * REQ 放假办法-2: the statutory days off, by the version in force on the day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/lunar.h"
#include "domain/statutory.h"
#include "text/date.h"

#define REF GK_TEST_SOURCE_DIR "/tests/data/cn-festivals-ref.tsv"
#define SHIPPED GK_TEST_SOURCE_DIR "/data/cn-workday-calendar.tsv"

static int D(const char *s)
{
	int d = 0;
	if (date_parse(s, &d, "test", NULL) != 0)
		fail_msg("bad test date %s", s);
	return d;
}

static const char *F(int day)
{
	static char s[4][DATE_LEN];
	static int k;
	k = (k + 1) % 4;
	return date_format(day, s[k]);
}

struct ref {
	int year;
	char chunjie[DATE_LEN], duanwu[DATE_LEN], zhongqiu[DATE_LEN], qingming[DATE_LEN];
	int minutes;  /* of the 清明 instant, Beijing time, from midnight */
};

/* Read the reference table with a reader of our own (TAB-separated, '#' comments). */
static struct ref *read_ref(size_t *n)
{
	FILE *f = fopen(REF, "r");
	char line[256];
	struct ref *r = calloc(400, sizeof *r);

	assert_non_null(f);
	*n = 0;
	while (fgets(line, sizeof line, f)) {
		char *field[6], *p = line;
		int k = 0;
		if (line[0] == '#')
			continue;
		while (k < 6 && (field[k] = p) != NULL) {
			p = strpbrk(p, "\t\n");
			k++;
			if (p == NULL)
				break;
			*p++ = '\0';
		}
		assert_int_equal(k, 6);
		assert_true(*n < 400);
		r[*n].year = (int)strtol(field[0], NULL, 10);
		snprintf(r[*n].chunjie, DATE_LEN, "%s", field[1]);
		snprintf(r[*n].duanwu, DATE_LEN, "%s", field[2]);
		snprintf(r[*n].zhongqiu, DATE_LEN, "%s", field[3]);
		snprintf(r[*n].qingming, DATE_LEN, "%s", field[4]);
		r[*n].minutes = (int)strtol(field[5], NULL, 10) * 60 + (int)strtol(field[5] + 3, NULL, 10);
		(*n)++;
	}
	fclose(f);
	assert_int_equal(*n, 300);  /* 1900–2199 */
	return r;
}

static void expect_lunar(int y, int m, int d, const char *want)
{
	int got = 0;
	int rc = lunar_to_day(y, m, d, &got);
	if (rc != 0 || strcmp(F(got), want) != 0)
		fail_msg("lunar %d-%02d-%02d: got %s (rc %d), reference %s", y, m, d, rc ? "-" : F(got),
			 rc, want);
}

/* liblunar-date agrees with the astronomical reference for every year the 办法 makes the
 * festival a holiday: 春节 since 1950, 端午 and 中秋 since 2008 (the reference differs on 1916
 * 春节 and 1978 中秋, years without that holiday). */
static void test_lunar_dates_match_reference(void **state)
{
	size_t n;
	struct ref *r = read_ref(&n);
	int out = 0;

	for (size_t i = 0; i < n; i++) {
		int y = r[i].year;
		if (y >= 1950 && y <= LUNAR_LAST_YEAR)
			expect_lunar(y, 1, 1, r[i].chunjie);
		if (y >= 2008 && y <= LUNAR_LAST_YEAR) {
			expect_lunar(y, 5, 5, r[i].duanwu);
			expect_lunar(y, 8, 15, r[i].zhongqiu);
		}
	}
	/* the years of this tests, as the brief gives them */
	expect_lunar(2027, 1, 1, "2027-02-06");
	expect_lunar(2027, 5, 5, "2027-06-09");
	expect_lunar(2027, 8, 15, "2027-09-15");
	/* outside the library's table, and days that do not exist */
	assert_int_equal(lunar_to_day(2101, 1, 1, &out), ERR_LIMIT);
	assert_int_equal(lunar_to_day(1899, 1, 1, &out), ERR_LIMIT);
	assert_int_equal(lunar_to_day(2027, 13, 1, &out), ERR_INVALID);
	assert_int_equal(lunar_to_day(2027, 1, 31, &out), ERR_INVALID);
	free(r);
}

/* 清明 from the low-accuracy solar theory: the same day as the reference whenever the instant
 * is more than a quarter of an hour from midnight (the formula's accuracy), and in 2008–2100 on
 * every single year. */
static void test_qingming_matches_reference(void **state)
{
	size_t n, near_midnight = 0;
	struct ref *r = read_ref(&n);

	for (size_t i = 0; i < n; i++) {
		int got = lunar_qingming(r[i].year), want = D(r[i].qingming);
		int margin = r[i].minutes < 720 ? r[i].minutes : 1440 - r[i].minutes;
		if (got == want)
			continue;
		if (margin > 15 || (r[i].year >= 2008 && r[i].year <= 2100))
			fail_msg("清明 %d: got %s, reference %s (instant %d minutes from midnight)",
				 r[i].year, F(got), r[i].qingming, margin);
		near_midnight++;
	}
	assert_true(near_midnight <= 1);  /* 2199: 23:58 */
	assert_string_equal(F(lunar_qingming(2027)), "2027-04-05");
	assert_string_equal(F(lunar_qingming(2028)), "2028-04-04");
	assert_string_equal(F(lunar_qingming(1943)), "1943-04-06");  /* before 1944, 6 April too */
	free(r);
}

/* Every statutory day of 2008–2026 is a holiday row of that year's real notice (and the
 * notices' names are the 办法's). */
static void test_statutory_days_are_in_every_notice(void **state)
{
	FILE *f = fopen(SHIPPED, "r");
	char line[512];
	static char holiday[80000];  /* by day number - date_make(2000,1,1) */
	int base = date_make(2000, 1, 1);

	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char date[DATE_LEN];
		if (line[0] == '#' || strstr(line, "\tholiday\t") == NULL)
			continue;
		snprintf(date, sizeof date, "%.10s", line);
		holiday[D(date) - base] = 1;
	}
	fclose(f);
	for (int y = 2008; y <= 2026; y++) {
		size_t n;
		const struct statutory_day *sd = statutory_year(y, &n);
		assert_int_equal(n, y < 2025 ? 11 : 13);
		for (size_t i = 0; i < n; i++) {
			assert_int_not_equal(sd[i].day, STATUTORY_UNDATED);
			if (!holiday[sd[i].day - base])
				fail_msg("%s %s（%s）, statutory under %s, is not a day off in the %d notice",
					 F(sd[i].day), sd[i].name, sd[i].label, sd[i].act, y);
			assert_int_equal(date_year(sd[i].day), y);
			if (i > 0)
				assert_true(sd[i - 1].day <= sd[i].day);
		}
	}
}

static void expect_day(const struct statutory_day *sd, const char *date, const char *name,
		       const char *label, const char *act)
{
	if (strcmp(F(sd->day), date) != 0 || strcmp(sd->name, name) != 0 ||
	    strcmp(sd->label, label) != 0 || strcmp(sd->act, act) != 0)
		fail_msg("want %s %s（%s）%s, got %s %s（%s）%s", date, name, label, act, F(sd->day),
			 sd->name, sd->label, sd->act);
}

/* 2027 under 国务院令第795号: the thirteen days, in date order. */
static void test_2027(void **state)
{
	static const char *const want[][3] = {
		{ "2027-01-01", "元旦", "1月1日" },    { "2027-02-05", "春节", "除夕" },
		{ "2027-02-06", "春节", "正月初一" },  { "2027-02-07", "春节", "正月初二" },
		{ "2027-02-08", "春节", "正月初三" },  { "2027-04-05", "清明节", "清明" },
		{ "2027-05-01", "劳动节", "5月1日" },  { "2027-05-02", "劳动节", "5月2日" },
		{ "2027-06-09", "端午节", "五月初五" }, { "2027-09-15", "中秋节", "八月十五" },
		{ "2027-10-01", "国庆节", "10月1日" }, { "2027-10-02", "国庆节", "10月2日" },
		{ "2027-10-03", "国庆节", "10月3日" },
	};
	size_t n;
	const struct statutory_day *sd = statutory_year(2027, &n);

	assert_int_equal(n, 13);
	for (size_t i = 0; i < n; i++) {
		expect_day(&sd[i], want[i][0], want[i][1], want[i][2], "国务院令第795号");
		char presumed[64];
		snprintf(presumed, sizeof presumed, "%s（推定）", want[i][1]);
		assert_string_equal(sd[i].presumed, presumed);
		assert_int_equal(sd[i].in_force, D("2025-01-01"));
		assert_true(statutory_find(sd[i].day) != NULL);
		assert_int_equal(sd[i].fixed, want[i][2][0] >= '0' && want[i][2][0] <= '9');
	}
	assert_null(statutory_find(D("2027-02-09")));  /* 正月初四: a notice's day, not the 办法's */
	assert_null(statutory_find(D("2027-10-04")));
}

/* The rule in force on each day: the revisions of 1999, 2008, 2014 and 2025. */
static void test_versions_by_date_in_force(void **state)
{
	size_t n;
	const struct statutory_day *sd;

	/* 1999: 国务院令第270号 from 18 September — 劳动节 still one day, 国庆节 three */
	sd = statutory_find(D("1999-05-01"));
	assert_non_null(sd);
	assert_string_equal(sd->act, "政务院发布");
	assert_null(statutory_find(D("1999-05-02")));
	expect_day(statutory_find(D("1999-10-03")), "1999-10-03", "国庆节", "10月3日", "国务院令第270号");
	assert_non_null(statutory_find(D("2000-05-03")));
	/* 2008 (513号): 除夕 off, 劳动节 one day, 清明 a holiday */
	expect_day(statutory_find(D("2008-02-06")), "2008-02-06", "春节", "除夕", "国务院令第513号");
	assert_null(statutory_find(D("2008-02-09")));  /* 正月初三 */
	assert_null(statutory_find(D("2008-05-02")));
	expect_day(statutory_find(D("2008-04-04")), "2008-04-04", "清明节", "清明", "国务院令第513号");
	/* 2014 (644号): 正月初一至初三, 除夕 not */
	assert_null(statutory_find(D("2014-01-30")));
	expect_day(statutory_find(D("2014-02-02")), "2014-02-02", "春节", "正月初三", "国务院令第644号");
	/* 2025 (795号): 除夕 again, 劳动节 two days */
	expect_day(statutory_find(D("2025-01-28")), "2025-01-28", "春节", "除夕", "国务院令第795号");
	expect_day(statutory_find(D("2025-05-02")), "2025-05-02", "劳动节", "5月2日", "国务院令第795号");
	/* before the 办法 there is nothing to assume */
	statutory_year(1949, &n);
	assert_int_equal(n, 0);
	statutory_year(1900, &n);
	assert_int_equal(n, 0);
	statutory_year(2200, &n);
	assert_int_equal(n, 0);
	/* 1950: the 1949 rule — 4 fixed days and 春节 */
	statutory_year(1950, &n);
	assert_int_equal(n, 7);
}

/* After 2100 the lunar festivals cannot be dated: listed as undated, after the dated days. */
static void test_undated_after_2100(void **state)
{
	size_t n, undated = 0;
	const struct statutory_day *sd = statutory_year(2101, &n);

	assert_int_equal(n, 13);
	for (size_t i = 0; i < n; i++) {
		if (sd[i].day != STATUTORY_UNDATED) {
			assert_int_equal(undated, 0);  /* dated ones first */
			continue;
		}
		undated++;
		assert_false(sd[i].fixed);
		assert_true(strcmp(sd[i].name, "春节") == 0 || strcmp(sd[i].name, "端午节") == 0 ||
			    strcmp(sd[i].name, "中秋节") == 0);
	}
	assert_int_equal(undated, 6);
	assert_string_equal(sd[7].label, "除夕");  /* in the order of Art. 2 */
	expect_day(&sd[1], "2101-04-05", "清明节", "清明", "国务院令第795号");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lunar_dates_match_reference),
		cmocka_unit_test(test_qingming_matches_reference),
		cmocka_unit_test(test_statutory_days_are_in_every_notice),
		cmocka_unit_test(test_2027),
		cmocka_unit_test(test_versions_by_date_in_force),
		cmocka_unit_test(test_undated_after_2100),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_calendar.c — the working-day calendar: the shipped file year by year, coverage,
 * overrides, and every kind of malformed row refused with file:line.
 *
 * The yearly working-day counts are recomputed here from first principles — our own TSV
 * reading and our own weekday formula — never from the code under test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/calendar.h"
#include "text/date.h"

#define SHIPPED GK_TEST_SOURCE_DIR "/data/cn-workday-calendar.tsv"

/* Tomohiko Sakamoto's weekday: 0 = Sunday … 6 = Saturday. */
static int dow(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	if (m < 3)
		y -= 1;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static int mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : n[m - 1];
}

struct trow { int y, m, d; char kind[16]; };

/* Read the data rows of the shipped TSV with our own minimal reader. */
static struct trow *read_rows(size_t *n)
{
	FILE *f = fopen(SHIPPED, "r");
	char line[512];
	struct trow *rows = NULL;
	size_t cap = 0;

	assert_non_null(f);
	*n = 0;
	while (fgets(line, sizeof line, f)) {
		char *tab1, *tab2;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		tab1 = strchr(line, '\t');
		assert_non_null(tab1);
		tab2 = strchr(tab1 + 1, '\t');
		assert_non_null(tab2);
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			rows = realloc(rows, cap * sizeof *rows);
		}
		rows[*n].y = (int)strtol(line, NULL, 10);
		rows[*n].m = (int)strtol(line + 5, NULL, 10);
		rows[*n].d = (int)strtol(line + 8, NULL, 10);
		snprintf(rows[*n].kind, sizeof rows[*n].kind, "%.*s", (int)(tab2 - tab1 - 1), tab1 + 1);
		(*n)++;
	}
	fclose(f);
	return rows;
}

static struct calendar *shipped(void)
{
	struct calendar *cal = calendar_new();
	struct gk_error e = { 0 };
	int rc = calendar_load_file(cal, SHIPPED, &e);
	if (rc)
		fail_msg("%s: %s", e.field, e.msg);
	return cal;
}

/* Every year 2008–2026: working days = weekdays − weekday holidays + workday rows. */
static void test_yearly_counts_from_first_principles(void **state)
{
	struct calendar *cal = shipped();
	size_t n;
	struct trow *rows = read_rows(&n);

	for (int y = 2008; y <= 2026; y++) {
		int weekdays = 0, want;
		int hol_weekday = 0, work_rows = 0;
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= mdays(y, m); d++) {
				int w = dow(y, m, d);
				weekdays += w != 0 && w != 6;
			}
		for (size_t i = 0; i < n; i++) {
			int w;
			if (rows[i].y != y)
				continue;
			w = dow(rows[i].y, rows[i].m, rows[i].d);
			if (strcmp(rows[i].kind, "holiday") == 0 && w != 0 && w != 6)
				hol_weekday++;
			if (strcmp(rows[i].kind, "workday") == 0)
				work_rows++;
		}
		want = weekdays - hol_weekday + work_rows;
		if (calendar_workdays_in_year(cal, y) != want)
			fail_msg("%d: calendar says %d working days, the file implies %d", y,
				 calendar_workdays_in_year(cal, y), want);
		assert_true(calendar_covered(cal, y));
		/* a plausible year of the statute: 11 or 13 statutory days, 7 to 11 days off */
		assert_in_range(want, 245, 252);
	}
	free(rows);
	calendar_free(cal);
}

static void test_workday_rows_are_weekends(void **state)
{
	struct calendar *cal = shipped();
	size_t n, nwork = 0;
	struct trow *rows = read_rows(&n);

	for (size_t i = 0; i < n; i++) {
		int w = dow(rows[i].y, rows[i].m, rows[i].d);
		int day = date_make(rows[i].y, rows[i].m, rows[i].d);
		if (strcmp(rows[i].kind, "workday") == 0) {
			nwork++;
			if (w != 0 && w != 6)
				fail_msg("%04d-%02d-%02d is a workday row but not a weekend", rows[i].y,
					 rows[i].m, rows[i].d);
			assert_true(calendar_is_workday(cal, day));
			assert_int_equal(calendar_kind(cal, day), CAL_WORKDAY);
		} else {
			assert_false(calendar_is_workday(cal, day));
			assert_int_equal(calendar_kind(cal, day), CAL_HOLIDAY);
		}
	}
	assert_true(nwork > 100);
	free(rows);
	calendar_free(cal);
}

static void test_lookups_and_coverage(void **state)
{
	struct calendar *cal = shipped();

	assert_string_equal(calendar_name(cal, date_make(2024, 10, 1)), "国庆节");
	assert_string_equal(calendar_name(cal, date_make(2025, 1, 28)), "春节");
	assert_null(calendar_name(cal, date_make(2024, 10, 8)));
	assert_true(calendar_is_workday(cal, date_make(2024, 9, 29)));   /* Sunday, 调休 */
	assert_false(calendar_is_workday(cal, date_make(2024, 10, 5)));
	assert_true(calendar_is_workday(cal, date_make(2024, 2, 9)));    /* 除夕 2024: worked */
	assert_false(calendar_is_workday(cal, date_make(2025, 1, 28)));  /* 除夕 2025: off (795号) */
	/* coverage: 2007 only has the 2008 notice's December 元旦 rows; 2027 has none */
	assert_false(calendar_covered(cal, 2007));
	assert_false(calendar_covered(cal, 2027));
	assert_int_equal(calendar_first_uncovered(cal, date_make(2026, 12, 1), date_make(2027, 1, 5)),
			 2027);
	assert_int_equal(calendar_first_uncovered(cal, date_make(2008, 1, 1), date_make(2026, 12, 31)),
			 0);
	/* outside the notices: Mon–Fri less the statutory days (test_assumed_days) */
	assert_true(calendar_is_workday(cal, date_make(2027, 10, 8)));   /* a Friday */
	assert_false(calendar_is_workday(cal, date_make(2027, 10, 9)));
	calendar_free(cal);
}

/* REQ 放假办法-2: in a year no notice covers, the 办法's statutory days are days off, named as
 * assumed; nothing else is invented (no bridging day, no 补假, no 调休 workday). */
static void test_assumed_days(void **state)
{
	static const int off[][3] = {  /* 2027 under 国务院令第795号 (Mon–Fri ones change counts) */
		{ 1, 1, 1 }, { 2, 5, 1 }, { 2, 6, 0 }, { 2, 7, 0 }, { 2, 8, 1 }, { 4, 5, 1 },
		{ 5, 1, 0 }, { 5, 2, 0 }, { 6, 9, 1 }, { 9, 15, 1 }, { 10, 1, 1 }, { 10, 2, 0 },
		{ 10, 3, 0 },
	};
	struct calendar *cal = shipped();
	int weekdays = 0, assumed = 0;

	for (int d = date_make(2027, 1, 1); d <= date_make(2027, 12, 31); d++) {
		int y, m, dd;
		date_split(d, &y, &m, &dd);
		weekdays += dow(y, m, dd) != 0 && dow(y, m, dd) != 6;
		assumed += calendar_assumed(cal, d) != NULL;
	}
	assert_int_equal(assumed, 13);
	for (size_t i = 0; i < sizeof off / sizeof off[0]; i++) {
		int d = date_make(2027, off[i][0], off[i][1]);
		const struct statutory_day *sd = calendar_assumed(cal, d);
		assert_non_null(sd);
		assert_int_equal(sd->day, d);
		assert_false(calendar_is_workday(cal, d));
		assert_int_equal(calendar_kind(cal, d), CAL_HOLIDAY);
		assert_non_null(strstr(calendar_name(cal, d), "（推定）"));
		assert_int_equal(dow(2027, off[i][0], off[i][1]) != 0 && dow(2027, off[i][0], off[i][1]) != 6,
				 off[i][2]);
	}
	assert_string_equal(calendar_name(cal, date_make(2027, 2, 5)), "春节（推定）");
	assert_string_equal(calendar_assumed(cal, date_make(2027, 2, 5))->label, "除夕");
	assert_string_equal(calendar_name(cal, date_make(2027, 4, 5)), "清明节（推定）");
	/* the weekdays after a holiday stay working days: no bridging day, no 补假 invented */
	assert_true(calendar_is_workday(cal, date_make(2027, 2, 9)));   /* 正月初四 */
	assert_true(calendar_is_workday(cal, date_make(2027, 5, 3)));   /* after 劳动节 on a weekend */
	assert_true(calendar_is_workday(cal, date_make(2027, 10, 4)));
	assert_null(calendar_assumed(cal, date_make(2027, 2, 9)));
	assert_null(calendar_name(cal, date_make(2027, 2, 9)));
	assert_int_equal(calendar_kind(cal, date_make(2027, 2, 9)), CAL_ORDINARY);
	/* 7 of the 13 fall on Mon–Fri */
	assert_int_equal(calendar_workdays_in_year(cal, 2027), weekdays - 7);
	assert_int_equal(calendar_count_workdays(cal, date_make(2027, 1, 31), date_make(2027, 2, 14)), 8);
	assert_int_equal(calendar_add_workdays(cal, date_make(2027, 2, 4), 1), date_make(2027, 2, 9));
	/* still not covered: assumed days are no notice */
	assert_false(calendar_covered(cal, 2027));
	assert_int_equal(calendar_next_listed(cal, date_make(2027, 1, 1)), -1);
	/* a covered year has none: 2026's 除夕 2026-02-16 is off by the notice, named plainly */
	assert_null(calendar_assumed(cal, date_make(2026, 2, 16)));
	assert_string_equal(calendar_name(cal, date_make(2026, 2, 16)), "春节");
	/* 2007 (uncovered) under 国务院令第270号: 劳动节 three days; the 2008 notice's rows stand */
	assert_non_null(calendar_assumed(cal, date_make(2007, 5, 3)));
	assert_null(calendar_assumed(cal, date_make(2007, 12, 31)));
	assert_string_equal(calendar_name(cal, date_make(2007, 12, 31)), "元旦");
	calendar_free(cal);
}

/* A loaded row wins over an assumption: on its own date in an uncovered year, and for the
 * whole year once the year's notice makes it covered. */
static void test_loaded_rows_win(void **state)
{
	struct calendar *cal = shipped();
	struct gk_error e = { 0 };
	const char *partial = "2027-10-02\tworkday\t国庆节\n";  /* a Saturday worked */
	const char *notice = "2027-01-01\tholiday\t元旦\n2027-02-06\tholiday\t春节\n";

	assert_int_equal(calendar_load_text(cal, "partial.tsv", partial, strlen(partial), &e), 0);
	assert_false(calendar_covered(cal, 2027));
	assert_null(calendar_assumed(cal, date_make(2027, 10, 2)));
	assert_true(calendar_is_workday(cal, date_make(2027, 10, 2)));
	assert_int_equal(calendar_kind(cal, date_make(2027, 10, 2)), CAL_WORKDAY);
	assert_string_equal(calendar_name(cal, date_make(2027, 10, 2)), "国庆节");
	assert_non_null(calendar_assumed(cal, date_make(2027, 10, 1)));
	assert_non_null(calendar_assumed(cal, date_make(2027, 10, 3)));
	assert_int_equal(calendar_load_text(cal, "2027.tsv", notice, strlen(notice), &e), 0);
	assert_true(calendar_covered(cal, 2027));
	for (int d = date_make(2027, 1, 1); d <= date_make(2027, 12, 31); d++)
		assert_null(calendar_assumed(cal, d));
	assert_true(calendar_is_workday(cal, date_make(2027, 2, 5)));   /* the notice says nothing */
	assert_true(calendar_is_workday(cal, date_make(2027, 10, 1)));
	assert_string_equal(calendar_name(cal, date_make(2027, 2, 6)), "春节");
	calendar_free(cal);
}

/* The fast helpers agree with a day-by-day walk over the whole range of the file. */
static void test_count_and_add_agree_with_walk(void **state)
{
	struct calendar *cal = shipped();
	int from = date_make(2007, 12, 1), to = date_make(2027, 2, 1);

	for (int d = from; d < to; d += 3) {
		int walk = d, c = 0;
		for (int k = 1; k <= 25; k++) {
			do
				walk++;
			while (!calendar_is_workday(cal, walk));
			if (k == 7 || k == 20 || k == 25)
				assert_int_equal(calendar_add_workdays(cal, d, k), walk);
		}
		for (int x = d + 1; x <= d + 40; x++)
			c += calendar_is_workday(cal, x);
		assert_int_equal(calendar_count_workdays(cal, d, d + 40), c);
	}
	calendar_free(cal);
}

static void expect_bad(const char *text, const char *where, const char *needle)
{
	struct calendar *cal = shipped();
	struct gk_error e = { 0 };
	int before = calendar_workdays_in_year(cal, 2024);

	assert_int_equal(calendar_load_text(cal, "office.tsv", text, strlen(text), &e), ERR_INVALID);
	if (strcmp(e.field, where) != 0 || strstr(e.msg, needle) == NULL)
		fail_msg("want %s: …%s…, got %s: %s", where, needle, e.field, e.msg);
	/* a file with an error changes nothing, not even its good rows */
	assert_int_equal(calendar_workdays_in_year(cal, 2024), before);
	assert_true(calendar_is_workday(cal, date_make(2024, 10, 8)));
	calendar_free(cal);
}

static void test_bad_rows_named_by_file_and_line(void **state)
{
	expect_bad("# c\n2024-10-08\tholiday\tx\n2023-02-29\tholiday\t春节\n", "office.tsv:3",
		   "日期“2023-02-29”有误");
	expect_bad("2024-10-08\tholiday\tx\n24-10-09\tholiday\tx\n", "office.tsv:2", "有误");
	expect_bad("2024-10-08\tholliday\t国庆节\n", "office.tsv:1", "类别“holliday”无法识别");
	expect_bad("\n\n2024-10-08\tworkday\t国庆节\n", "office.tsv:3", "却不是星期六或星期日");
	expect_bad("2024-10-08\tholiday\tx\n2024-10-09\tholiday\tx\n2024-10-08\tholiday\ty\n",
		   "office.tsv:3", "日期 2024-10-08 重复（本文件第 1 行已有");
	expect_bad("2024-10-08 holiday 国庆节\n", "office.tsv:1", "实有 1 个");
	expect_bad("2024-10-08\tholiday\t国庆节\textra\n", "office.tsv:1", "实有 4 个");
	expect_bad("2024-10-08\tholiday\t\n", "office.tsv:1", "名称有误");
	expect_bad("2024-10-08\tholiday\t\xff\xfe\n", "office.tsv:1", "名称有误");
}

static char *write_file(const char *dir, const char *name, const char *text)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *f;
	strcpy(path, dir);  /* test code: banned list covers src/ only */
	strcat(path, "/");
	strcat(path, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* --calendar-dir: files in name order, later rows override; a 2027 notice makes 2027 covered. */
static void test_office_directory_overrides(void **state)
{
	char dir[] = "/tmp/gk-cal-XXXXXX";
	struct calendar *cal = NULL;
	struct gk_error e = { 0 };
	char *a, *b, *c, *bad;

	assert_non_null(mkdtemp(dir));
	/* b.tsv sorts after a.tsv: 2024-10-08 becomes a holiday, and a.tsv's 2027 rows stand */
	a = write_file(dir, "a.tsv", "2027-02-05\tholiday\t春节\n2024-10-08\tworkday\t国庆节\n");
	b = write_file(dir, "b.tsv", "\xEF\xBB\xBF# office correction\r\n2024-10-08\tholiday\t国庆节\r\n");
	c = write_file(dir, "notes.txt", "not a calendar\n");
	/* (2024-10-08 is a Tuesday, so a.tsv's workday row is refused: fix it first) */
	assert_int_not_equal(calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", dir, &e), 0);
	assert_non_null(strstr(e.field, "a.tsv:2"));
	unlink(a);
	free(a);
	a = write_file(dir, "a.tsv", "2027-02-05\tholiday\t春节\n2024-10-13\tholiday\t国庆节\n");
	assert_int_equal(calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", dir, &e), 0);
	assert_false(calendar_is_workday(cal, date_make(2024, 10, 8)));
	assert_string_equal(calendar_name(cal, date_make(2024, 10, 8)), "国庆节");
	assert_true(calendar_covered(cal, 2027));
	assert_false(calendar_is_workday(cal, date_make(2027, 2, 5)));
	assert_int_equal(calendar_files(cal), 3);
	calendar_free(cal);
	/* a later file overriding a shipped workday Sunday with a holiday */
	bad = write_file(dir, "c.tsv", "2024-09-29\tholiday\t国庆节\n");
	assert_int_equal(calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", dir, &e), 0);
	assert_false(calendar_is_workday(cal, date_make(2024, 9, 29)));
	calendar_free(cal);
	/* a missing directory is an error naming it */
	cal = NULL;
	assert_int_equal(calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", "/nonexistent/cal", &e), ERR_IO);
	assert_non_null(strstr(e.msg, "/nonexistent/cal"));
	assert_null(cal);
	unlink(a);
	unlink(b);
	unlink(c);
	unlink(bad);
	rmdir(dir);
	free(a);
	free(b);
	free(c);
	free(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yearly_counts_from_first_principles),
		cmocka_unit_test(test_workday_rows_are_weekends),
		cmocka_unit_test(test_lookups_and_coverage),
		cmocka_unit_test(test_assumed_days),
		cmocka_unit_test(test_loaded_rows_win),
		cmocka_unit_test(test_count_and_add_agree_with_walk),
		cmocka_unit_test(test_bad_rows_named_by_file_and_line),
		cmocka_unit_test(test_office_directory_overrides),
	};
	return cmocka_run_group_tests_name("domain/calendar", tests, NULL, NULL);
}

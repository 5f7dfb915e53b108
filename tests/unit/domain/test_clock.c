/* test_clock.c — statutory deadlines across every kind of holiday period, with derivations.
 *
 * Every expected date below was derived by hand from data/cn-workday-calendar.tsv; the
 * derivation is written beside it ("wd" = working day counted, [..] = days not counted). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "domain/clock.h"
#include "text/date.h"

static struct calendar *cal;

static int setup(void **state)
{
	struct gk_error e = { 0 };
	cal = NULL;
	if (calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", NULL, &e) != 0) {
		print_error("%s: %s\n", e.field, e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	calendar_free(cal);
	return 0;
}

static int D(const char *s)
{
	int d = 0;
	if (date_parse(s, &d, "test", NULL) != 0)
		fail_msg("bad test date %s", s);
	return d;
}

static void expect_due(const struct clock_deadline *dl, const char *want)
{
	char got[DATE_LEN];
	date_format(dl->due, got);
	if (strcmp(got, want) != 0)
		fail_msg("%s: got %s, want %s", clock_limit_key(dl->limit), got, want);
}

/* The step of kind k on day s, or NULL. */
static const struct clock_step *step_on(const struct clock_deadline *dl, enum clock_step_kind k,
					const char *s)
{
	int d = D(s);
	for (size_t i = 0; i < dl->nsteps; i++)
		if (dl->steps[i].kind == k && dl->steps[i].day == d)
			return &dl->steps[i];
	return NULL;
}

static char *describe(const struct clock_deadline *dl)
{
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(clock_deadline_describe(dl, &b), 0);
	return buf_steal(&b);
}

static void reply(const char *received, const char *want, struct clock_deadline *dl)
{
	struct gk_error e = { 0 };
	assert_int_equal(clock_reply_due(cal, D(received), CLOCK_NONE, NULL, 0, dl, &e), 0);
	expect_due(dl, want);
	assert_true(dl->verified);
}

/* REQ 条例-33: 国庆 2024.
 * received 2024-09-27 Fri [09-28 Sat] 09-29 Sun adjusted wd1, 09-30 wd2, [10-01..07 国庆节],
 * 10-08..11 wd3–6, 10-12 Sat adjusted wd7, [10-13], 10-14..18 wd8–12, 10-21..25 wd13–17,
 * 10-28 wd18, 10-29 wd19, 10-30 wd20 → 2024-10-30.
 * REQ 条例-30: correction notice 7 wd: 09-29, 09-30, 10-08..11, 10-12 (Saturday!) → 2024-10-12. */
static void test_guoqing_2024(void **state)
{
	struct clock_deadline dl, cn;
	struct gk_error e = { 0 };
	const struct clock_step *st;
	char *text;

	reply("2024-09-27", "2024-10-30", &dl);
	assert_non_null(st = step_on(&dl, STEP_ADJUSTED, "2024-09-29"));
	assert_int_equal(st->n, 1);
	assert_string_equal(st->name, "国庆节");
	assert_non_null(st = step_on(&dl, STEP_HOLIDAY, "2024-10-01"));
	assert_string_equal(st->name, "国庆节");
	assert_non_null(st = step_on(&dl, STEP_ADJUSTED, "2024-10-12"));
	assert_int_equal(st->n, 7);
	assert_non_null(st = step_on(&dl, STEP_WEEKEND, "2024-09-28"));
	assert_string_equal(st->name, "周六");
	assert_int_equal(dl.steps[0].kind, STEP_START);
	assert_int_equal(dl.steps[dl.nsteps - 1].kind, STEP_DUE);
	text = describe(&dl);
	assert_non_null(strstr(text, "2024-10-01 至 2024-10-07：国庆节放假7天，不计"));
	assert_non_null(strstr(text, "2024-09-29（周日）：调休上班日（国庆节），计为第1个工作日"));
	assert_non_null(strstr(text, "答复期限届满：2024-10-30（周三），即第20个工作日"));
	assert_non_null(strstr(text, "民法典第二百零一条"));
	free(text);
	clock_deadline_free(&dl);

	assert_int_equal(clock_correction_notice_due(cal, D("2024-09-27"), &cn, &e), 0);
	expect_due(&cn, "2024-10-12");
	clock_deadline_free(&cn);

	/* received 2024-09-29 (the DESIGN example): 09-30 wd1 … due 2024-10-31 */
	reply("2024-09-29", "2024-10-31", &dl);
	clock_deadline_free(&dl);
}

/* 国庆 in other years.
 * 2023 (中秋节、国庆节 09-29..10-06): received 09-28 Thu [09-29..10-06], 10-07 Sat adj wd1,
 *   10-08 Sun adj wd2, 10-09..13 wd3–7, 10-16..20 wd8–12, 10-23..27 wd13–17, 10-30 wd18,
 *   10-31 wd19, 11-01 wd20 → 2023-11-01.
 * 2025 (中秋节、国庆节 10-01..08): received 09-26 Fri [09-27], 09-28 Sun adj wd1, 09-29 wd2,
 *   09-30 wd3, [10-01..08], 10-09 wd4, 10-10 wd5, 10-11 Sat adj wd6, [10-12], 10-13..17 wd7–11,
 *   10-20..24 wd12–16, 10-27..30 wd17–20 → 2025-10-30.
 * 2026 (中秋节 09-25..27, 国庆节 10-01..07): received 09-18 Fri [09-19], 09-20 Sun adj wd1,
 *   09-21..24 wd2–5, [09-25..27], 09-28..30 wd6–8, [10-01..07], 10-08 wd9, 10-09 wd10,
 *   10-10 Sat adj wd11, [10-11], 10-12..16 wd12–16, 10-19..22 wd17–20 → 2026-10-22. */
static void test_guoqing_other_years(void **state)
{
	struct clock_deadline dl;

	reply("2023-09-28", "2023-11-01", &dl);
	assert_non_null(step_on(&dl, STEP_ADJUSTED, "2023-10-08"));
	clock_deadline_free(&dl);
	reply("2025-09-26", "2025-10-30", &dl);
	assert_string_equal(step_on(&dl, STEP_HOLIDAY, "2025-10-08")->name, "中秋节、国庆节");
	clock_deadline_free(&dl);
	reply("2026-09-18", "2026-10-22", &dl);
	assert_string_equal(step_on(&dl, STEP_HOLIDAY, "2026-09-25")->name, "中秋节");
	clock_deadline_free(&dl);
}

/* 春节.
 * 2024: received 02-02 Fri [02-03], 02-04 Sun adj wd1, 02-05..09 wd2–6 (除夕 02-09 is worked),
 *   [02-10..17 春节], 02-18 Sun adj wd7, 02-19..23 wd8–12, 02-26..29 wd13–16 (leap day 16),
 *   03-01 wd17, 03-04..06 wd18–20 → 2024-03-06.
 * 2025 (795号: 除夕 off): received 01-24 Fri [01-25], 01-26 Sun adj wd1, 01-27 wd2,
 *   [01-28..02-04], 02-05..07 wd3–5, 02-08 Sat adj wd6, [02-09], 02-10..14 wd7–11,
 *   02-17..21 wd12–16, 02-24..27 wd17–20 → 2025-02-27.
 * 2026: received 02-13 Fri, 02-14 Sat adj wd1, [02-15..23 春节, 9 days], 02-24..27 wd2–5,
 *   02-28 Sat adj wd6, [03-01], 03-02..06 wd7–11, 03-09..13 wd12–16, 03-16..19 wd17–20
 *   → 2026-03-19. */
static void test_chunjie(void **state)
{
	struct clock_deadline dl;
	char *text;

	reply("2024-02-02", "2024-03-06", &dl);
	assert_int_equal(step_on(&dl, STEP_WORKDAY, "2024-02-09")->n, 6);
	assert_int_equal(step_on(&dl, STEP_WORKDAY, "2024-02-29")->n, 16);
	clock_deadline_free(&dl);
	reply("2025-01-24", "2025-02-27", &dl);
	assert_string_equal(step_on(&dl, STEP_HOLIDAY, "2025-01-28")->name, "春节");
	text = describe(&dl);
	assert_non_null(strstr(text, "2025-01-28 至 2025-02-04：春节放假8天，不计"));
	free(text);
	clock_deadline_free(&dl);
	reply("2026-02-13", "2026-03-19", &dl);
	assert_int_equal(step_on(&dl, STEP_ADJUSTED, "2026-02-14")->n, 1);
	text = describe(&dl);
	assert_non_null(strstr(text, "2026-02-15 至 2026-02-23：春节放假9天，不计"));
	free(text);
	clock_deadline_free(&dl);
}

/* 元旦 across the year boundary.
 * 2026: received 2025-12-25 Thu, 12-26 wd1, [12-27, 28], 12-29..31 wd2–4, [01-01..03 元旦],
 *   01-04 Sun adj wd5, 01-05..09 wd6–10, 01-12..16 wd11–15, 01-19..23 wd16–20 → 2026-01-23.
 * 2024: received 2023-12-28 Thu, 12-29 wd1, [12-30, 12-31, 01-01 元旦], 01-02..05 wd2–5,
 *   01-08..12 wd6–10, 01-15..19 wd11–15, 01-22..26 wd16–20 → 2024-01-26. */
static void test_yuandan(void **state)
{
	struct clock_deadline dl;

	reply("2025-12-25", "2026-01-23", &dl);
	assert_non_null(step_on(&dl, STEP_ADJUSTED, "2026-01-04"));
	clock_deadline_free(&dl);
	reply("2023-12-28", "2024-01-26", &dl);
	assert_string_equal(step_on(&dl, STEP_HOLIDAY, "2023-12-30")->name, "元旦");
	clock_deadline_free(&dl);
}

/* 劳动节 2025 (5 days under 795号): received 04-25 Fri [04-26], 04-27 Sun adj wd1,
 * 04-28..30 wd2–4, [05-01..05], 05-06..09 wd5–8, [05-10, 11], 05-12..16 wd9–13,
 * 05-19..23 wd14–18, 05-26 wd19, 05-27 wd20 → 2025-05-27.
 * REQ 条例-26: formed 2024-04-30 Tue [05-01..05 劳动节], 05-06..10 wd1–5, 05-11 Sat adj wd6,
 * [05-12], 05-13..17 wd7–11, 05-20..24 wd12–16, 05-27..30 wd17–20 → 2024-05-30. */
static void test_laodong_and_publication(void **state)
{
	struct clock_deadline dl;
	struct gk_error e = { 0 };

	reply("2025-04-25", "2025-05-27", &dl);
	clock_deadline_free(&dl);
	assert_int_equal(clock_publication_due(cal, D("2024-04-30"), &dl, &e), 0);
	expect_due(&dl, "2024-05-30");
	assert_int_equal(dl.limit, CLOCK_PUBLICATION);
	assert_string_equal(clock_limit_key(dl.limit), "publication_due");
	clock_deadline_free(&dl);
}

/* Receipt on a holiday: 2024-10-01, [10-02..07], 10-08..11 wd1–4, 10-12 Sat adj wd5, [10-13],
 * 10-14..18 wd6–10, 10-21..25 wd11–15, 10-28..11-01 wd16–20 → 2024-11-01; 7 wd → 2024-10-15.
 * Receipt on a Sunday: 2024-10-13, 10-14..18 wd1–5 … 11-04..08 wd16–20 → 2024-11-08.
 * Leap day receipt: 2024-02-29 Thu, 03-01 wd1, 03-04..08 wd2–6, 03-11..15 wd7–11,
 * 03-18..22 wd12–16, 03-25..28 wd17–20 → 2024-03-28. */
static void test_receipt_on_day_off_and_leap_day(void **state)
{
	struct clock_deadline dl;
	struct gk_error e = { 0 };

	reply("2024-10-01", "2024-11-01", &dl);
	assert_null(step_on(&dl, STEP_HOLIDAY, "2024-10-01"));  /* the trigger day itself */
	clock_deadline_free(&dl);
	assert_int_equal(clock_correction_notice_due(cal, D("2024-10-01"), &dl, &e), 0);
	expect_due(&dl, "2024-10-15");
	clock_deadline_free(&dl);
	reply("2024-10-13", "2024-11-08", &dl);
	clock_deadline_free(&dl);
	reply("2024-02-29", "2024-03-28", &dl);
	clock_deadline_free(&dl);
}

/* REQ 条例-30: restart. received 2024-09-27, corrected application 2024-10-14 Mon:
 * 10-15..18 wd1–4, 10-21..25 wd5–9, 10-28..11-01 wd10–14, 11-04..08 wd15–19, 11-11 wd20
 * → 2024-11-11. */
static void test_restart_after_correction(void **state)
{
	struct clock_deadline dl;
	struct gk_error e = { 0 };
	char *text;

	assert_int_equal(clock_reply_due(cal, D("2024-09-27"), D("2024-10-14"), NULL, 0, &dl, &e), 0);
	expect_due(&dl, "2024-11-11");
	assert_int_equal(dl.trigger, D("2024-09-27"));
	assert_int_equal(dl.start, D("2024-10-14"));
	assert_non_null(step_on(&dl, STEP_RESTART, "2024-10-14"));
	text = describe(&dl);
	assert_non_null(strstr(text, "重新计算"));
	free(text);
	clock_deadline_free(&dl);
	/* a correction dated before receipt is refused, naming the field */
	assert_int_equal(clock_reply_due(cal, D("2024-09-27"), D("2024-09-20"), NULL, 0, &dl, &e),
			 ERR_INVALID);
	assert_string_equal(e.field, "correction_received");
	assert_non_null(strstr(e.msg, "2024-09-20"));
	clock_deadline_free(&dl);
}

/* REQ 条例-33 ¶3: consultations. received 2024-11-01 Fri; without pauses 11-29.
 * Two: (11-05, 11-08] = 11-06..08 (3 wd), (11-12, 11-14] = 11-13, 14 (2 wd): 11-04 wd1, 11-05 wd2,
 * [pause], 11-11 wd3, 11-12 wd4, [pause], 11-15 wd5, 11-18..22 wd6–10, 11-25..29 wd11–15,
 * 12-02..06 wd16–20 → 2024-12-06.
 * Overlapping (11-05, 11-08] and (11-07, 11-12]: union (11-05, 11-12] = 5 wd → also 2024-12-06
 * (counting the overlap twice would give 12-09). */
static void test_consultations(void **state)
{
	struct clock_pause two[] = {
		{ D("2024-11-12"), D("2024-11-14"), PAUSE_ORGAN, false },
		{ D("2024-11-05"), D("2024-11-08"), PAUSE_THIRD_PARTY, false },
	};
	struct clock_pause overlap[] = {
		{ D("2024-11-05"), D("2024-11-08"), PAUSE_THIRD_PARTY, false },
		{ D("2024-11-07"), D("2024-11-12"), PAUSE_THIRD_PARTY, false },
	};
	struct clock_pause bad[] = { { D("2024-11-12"), D("2024-11-05"), PAUSE_CONSULTATION, false } };
	struct clock_deadline dl;
	struct gk_error e = { 0 };
	const struct clock_step *st;

	reply("2024-11-01", "2024-11-29", &dl);
	clock_deadline_free(&dl);
	assert_int_equal(clock_reply_due(cal, D("2024-11-01"), CLOCK_NONE, two, 2, &dl, &e), 0);
	expect_due(&dl, "2024-12-06");
	assert_non_null(st = step_on(&dl, STEP_PAUSE, "2024-11-05"));
	assert_int_equal(st->n, 3);
	assert_int_equal(st->until, D("2024-11-08"));
	assert_string_equal(st->name, "征求第三方意见");
	assert_non_null(st = step_on(&dl, STEP_PAUSE, "2024-11-12"));
	assert_int_equal(st->n, 2);
	assert_int_equal(step_on(&dl, STEP_WORKDAY, "2024-11-15")->n, 5);
	clock_deadline_free(&dl);

	assert_int_equal(clock_reply_due(cal, D("2024-11-01"), CLOCK_NONE, overlap, 2, &dl, &e), 0);
	expect_due(&dl, "2024-12-06");
	assert_non_null(st = step_on(&dl, STEP_PAUSE, "2024-11-05"));
	assert_int_equal(st->n, 5);
	assert_int_equal(st->merged, 2);
	clock_deadline_free(&dl);

	assert_int_equal(clock_reply_due(cal, D("2024-11-01"), CLOCK_NONE, bad, 1, &dl, &e),
			 ERR_INVALID);
	assert_string_equal(e.field, "consultation");
	clock_deadline_free(&dl);
}

/* REQ 条例-33 extension: reply due 2024-10-30 Wed, 10-31 wd1, 11-01 wd2, 11-04..08 wd3–7,
 * 11-11..15 wd8–12, 11-18..22 wd13–17, 11-25..27 wd18–20 → 2024-11-27.
 * REQ 109号: fee notice received 2024-09-30 Mon [10-01..07], 10-08..11 wd1–4, 10-12 Sat adj wd5,
 * 10-14..18 wd6–10, 10-21..25 wd11–15, 10-28..11-01 wd16–20 → 2024-11-01.
 * REQ 条例-32: third party's answer, letter received 2024-09-27: 09-29, 09-30, 10-08..12,
 * 10-14..18, 10-21..23 = wd1–15 → 2024-10-23. */
static void test_schedule_extension_fee_consultation(void **state)
{
	struct clock_application app = {
		.received = D("2024-09-27"), .correction_received = CLOCK_NONE,
		.extended = true, .fee_notice_received = D("2024-09-30"),
	};
	struct clock_schedule s;
	struct clock_deadline dl;
	struct gk_error e = { 0 };

	assert_int_equal(clock_schedule_compute(cal, &app, &s, &e), 0);
	expect_due(&s.correction_notice, "2024-10-12");
	expect_due(&s.reply, "2024-10-30");
	expect_due(&s.extended_reply, "2024-11-27");
	expect_due(&s.fee_payment, "2024-11-01");
	assert_true(s.verified);
	clock_schedule_free(&s);

	app.extended = false;
	app.fee_notice_received = CLOCK_NONE;
	assert_int_equal(clock_schedule_compute(cal, &app, &s, &e), 0);
	assert_int_equal(s.extended_reply.nsteps, 0);
	assert_int_equal(s.extended_reply.due, CLOCK_NONE);
	assert_int_equal(s.fee_payment.nsteps, 0);
	clock_schedule_free(&s);

	assert_int_equal(clock_consultation_answer_due(cal, PAUSE_THIRD_PARTY, D("2024-09-27"), &dl, &e), 0);
	expect_due(&dl, "2024-10-23");
	assert_int_equal(dl.days, 15);
	clock_deadline_free(&dl);
}

/* A year outside the calendar: received 2026-12-15 Tue, 12-16..18 wd1–3, 12-21..25 wd4–8,
 * 12-28..31 wd9–12, then 2027 on Mon–Fri less the statutory days: [01-01 Fri 元旦, assumed],
 * 01-04..08 wd13–17, 01-11..13 wd18–20 → 2027-01-13, unverified because of 2027. */
static void test_year_outside_calendar(void **state)
{
	struct clock_deadline dl;
	char *text;

	{
		struct gk_error e = { 0 };
		assert_int_equal(clock_reply_due(cal, D("2026-12-15"), CLOCK_NONE, NULL, 0, &dl, &e), 0);
	}
	expect_due(&dl, "2027-01-13");
	assert_false(dl.verified);
	assert_int_equal(dl.uncovered_year, 2027);
	assert_int_equal(dl.steps[dl.nsteps - 1].kind, STEP_UNVERIFIED);
	assert_non_null(step_on(&dl, STEP_HOLIDAY, "2027-01-01"));
	assert_string_equal(step_on(&dl, STEP_HOLIDAY, "2027-01-01")->name, "元旦（推定）");
	text = describe(&dl);
	assert_non_null(strstr(text, "2027年不在工作日历内"));
	assert_non_null(strstr(text, "2027-01-01（周五）：元旦（推定）放假，不计"));
	free(text);
	clock_deadline_free(&dl);
	/* wholly inside 2026: verified */
	reply("2026-11-02", "2026-11-30", &dl);
	clock_deadline_free(&dl);
}

/* REQ 放假办法-2: deadlines across 2027's lunar festivals and 清明, before the 2027 notice is
 * loaded: the statutory days are not counted and each is named as assumed.
 * 春节: received 2027-01-28 Thu; 01-29 wd1, [01-30..31], 02-01..04 wd2–5, [02-05 除夕 Fri,
 * 02-06..07 正月初一、初二 (weekend), 02-08 初三 Mon], 02-09..10 wd6–7 → correction notice
 * 2027-02-10; reply: 02-09..12 wd6–9, 02-15..19 wd10–14, 02-22..26 wd15–19, 03-01 wd20
 * (Mon–Fri alone would give 02-08 and 02-25).
 * 清明: received 2027-03-31 Wed; 04-01..02 wd1–2, [04-03..04], [04-05 Mon 清明], 04-06..09
 * wd3–6, [04-10..11], 04-12 wd7 → 2027-04-12.
 * 端午: received 2027-06-07 Mon; 06-08 wd1, [06-09 Wed 五月初五], 06-10..11 wd2–3, 06-14..17
 * wd4–7 → 2027-06-17.  中秋: received 2027-09-13 Mon; 09-14 wd1, [09-15 Wed 八月十五],
 * 09-16..17 wd2–3, 09-20..23 wd4–7 → 2027-09-23. */
static void test_assumed_festivals_2027(void **state)
{
	struct gk_error e = { 0 };
	struct clock_deadline dl;
	char *text;
	static const struct { const char *received, *due, *day, *name; } notices[] = {
		{ "2027-03-31", "2027-04-12", "2027-04-05", "清明节（推定）" },
		{ "2027-06-07", "2027-06-17", "2027-06-09", "端午节（推定）" },
		{ "2027-09-13", "2027-09-23", "2027-09-15", "中秋节（推定）" },
	};

	assert_int_equal(clock_correction_notice_due(cal, D("2027-01-28"), &dl, &e), 0);
	expect_due(&dl, "2027-02-10");
	assert_false(dl.verified);
	for (const char *const *d = (const char *const[]){ "2027-02-05", "2027-02-06", "2027-02-07",
							      "2027-02-08", NULL }; *d; d++) {
		const struct clock_step *st = step_on(&dl, STEP_HOLIDAY, *d);
		if (st == NULL || strcmp(st->name, "春节（推定）") != 0)
			fail_msg("%s: want a holiday step 春节（推定）", *d);
	}
	text = describe(&dl);
	assert_non_null(strstr(text, "2027-02-05 至 2027-02-08：春节（推定）放假4天，不计"));
	free(text);
	clock_deadline_free(&dl);
	assert_int_equal(clock_reply_due(cal, D("2027-01-28"), CLOCK_NONE, NULL, 0, &dl, &e), 0);
	expect_due(&dl, "2027-03-01");
	assert_non_null(step_on(&dl, STEP_WORKDAY, "2027-02-09"));  /* 正月初四: not invented */
	clock_deadline_free(&dl);
	for (size_t i = 0; i < sizeof notices / sizeof notices[0]; i++) {
		const struct clock_step *st;
		assert_int_equal(clock_correction_notice_due(cal, D(notices[i].received), &dl, &e), 0);
		expect_due(&dl, notices[i].due);
		st = step_on(&dl, STEP_HOLIDAY, notices[i].day);
		if (st == NULL || strcmp(st->name, notices[i].name) != 0)
			fail_msg("%s: want a holiday step %s", notices[i].day, notices[i].name);
		assert_false(dl.verified);
		assert_int_equal(dl.uncovered_year, 2027);
		clock_deadline_free(&dl);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guoqing_2024),
		cmocka_unit_test(test_guoqing_other_years),
		cmocka_unit_test(test_chunjie),
		cmocka_unit_test(test_yuandan),
		cmocka_unit_test(test_laodong_and_publication),
		cmocka_unit_test(test_receipt_on_day_off_and_leap_day),
		cmocka_unit_test(test_restart_after_correction),
		cmocka_unit_test(test_consultations),
		cmocka_unit_test(test_schedule_extension_fee_consultation),
		cmocka_unit_test(test_year_outside_calendar),
		cmocka_unit_test(test_assumed_festivals_2027),
	};
	return cmocka_run_group_tests_name("domain/clock", tests, setup, teardown);
}

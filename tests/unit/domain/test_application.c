/* test_application.c — the application lifecycle (spec regulation-procedures.md §5.9): every
 * event in every state, the legal paths with their deadlines, the refusals, and the Table 三
 * year queries with year-end carry-over, on a temporary database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/agency.h"
#include "domain/application.h"
#include "domain/audit.h"
#include "domain/records.h"
#include "store/store.h"
#include "text/date.h"
#include "../tmpstore.h"

static struct calendar *cal;
static int today;

static int D(const char *s)
{
	int d = 0;
	assert_int_equal(date_parse(s, &d, "test", NULL), 0);
	return d;
}

static int group_setup(void **state)
{
	struct gk_error e = { 0 };
	if (calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", NULL, &e) != 0) {
		fprintf(stderr, "calendar: %s\n", e.msg);
		return -1;
	}
	today = date_make(2025, 12, 31);
	return 0;
}

static int group_teardown(void **state)
{
	calendar_free(cal);
	return 0;
}

static struct app_event_in ev(int kind, const char *date)
{
	struct app_event_in x;

	app_event_init(&x, kind, D(date));
	x.outcome = OUTCOME_GRANTED;
	x.approver = "王主任";
	x.party = PARTY_THIRD_PARTY;
	x.method = FEE_BY_PAGES;
	x.quantity = 50;              /* 按量: 50 pages = 200 元 */
	if (kind == EV_DELAYED)
		x.days = 30;
	return x;
}

/* The events kind needs first (the table's "after"), applied to st on date. */
static void prerequisites(struct app_status *st, int kind, const char *date)
{
	int after = app_event_rules[kind].after;
	if (after >= 0) {
		struct app_event_in x = ev(after, date);
		prerequisites(st, after, date);
		assert_int_equal(app_apply(st, &x, NULL, today, NULL), 0);
	}
}

/* Reach phase p from a fresh application received 2024-03-01, without the clock checks. */
static void reach(struct app_status *st, int p)
{
	static const int path[PHASE__MAX][2] = {
		[PHASE_AWAITING_CONFIRMATION] = { -1, -1 },
		[PHASE_RECEIVED] = { -1, -1 },
		[PHASE_AWAITING_CORRECTION] = { EV_CORRECTION_REQUESTED, -1 },
		[PHASE_CONSULTING] = { EV_CONSULTATION_STARTED, -1 },
		[PHASE_FEE_NOTICE_SENT] = { EV_FEE_NOTICE, -1 },
		[PHASE_AWAITING_PAYMENT] = { EV_FEE_NOTICE, EV_FEE_NOTICE_RECEIVED },
		[PHASE_REPLIED] = { EV_DECIDED, -1 },
		[PHASE_CLOSED] = { EV_WITHDRAWN, -1 },
	};
	app_status_init(st, D("2024-03-01"));
	if (p == PHASE_AWAITING_CONFIRMATION)
		st->phase = PHASE_AWAITING_CONFIRMATION;
	for (int i = 0; i < 2 && path[p][i] >= 0; i++) {
		struct app_event_in x = ev(path[p][i], "2024-03-04");
		assert_int_equal(app_apply(st, &x, NULL, today, NULL), 0);
	}
	assert_int_equal(st->phase, p);
}

/* REQ 条例-31 REQ 条例-30 REQ 条例-33 REQ 条例-35 REQ 109号: the transition table, every kind
 * in every phase; an event that must follow another is refused until that one is recorded. */
static void test_every_event_in_every_phase(void **state)
{
	for (int p = 0; p < PHASE__MAX; p++) {
		for (int k = 0; k < EV__MAX; k++) {
			struct app_status st, before;
			struct app_event_in x = ev(k, "2024-03-05");
			struct gk_error e = { 0 };
			int rc, allowed = (app_event_rules[k].from >> p) & 1;

			reach(&st, p);
			before = st;
			rc = app_apply(&st, &x, NULL, today, &e);
			if (allowed && app_event_rules[k].after >= 0) {
				assert_int_equal(rc, ERR_STATE);
				assert_non_null(strstr(e.msg, "须先记录"));
				assert_memory_equal(&st, &before, sizeof st);
				prerequisites(&st, k, "2024-03-05");
				rc = app_apply(&st, &x, NULL, today, &e);
			}
			if (allowed) {
				if (rc != 0)
					fail_msg("%s in %s refused: %s", app_event_rules[k].id,
						 app_phases[p].id, e.msg);
				if (app_event_rules[k].to >= 0)
					assert_int_equal(st.phase, app_event_rules[k].to);
			} else {
				if (rc == 0)
					fail_msg("%s in %s accepted", app_event_rules[k].id, app_phases[p].id);
				assert_int_equal(rc, ERR_STATE);
				assert_memory_equal(&st, &before, sizeof st);  /* nothing changed */
				assert_non_null(strstr(e.msg, "不能记录"));
			}
		}
	}
}

static void test_path_decided(void **state)
{
	struct app_status st;
	struct app_event_in x = ev(EV_DECIDED, "2024-03-20");
	struct gk_error e = { 0 };

	reach(&st, PHASE_RECEIVED);
	x.outcome = OUTCOME_PARTIAL;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.phase, PHASE_REPLIED);
	assert_int_equal(st.outcome, OUTCOME_PARTIAL);
	assert_int_equal(st.closed, D("2024-03-20"));
	assert_string_equal(x.warning, "");   /* in time: no warning */
	/* REQ 条例-36: exactly one outcome — deciding twice is refused and changes nothing */
	x.outcome = OUTCOME_GRANTED;
	x.date = D("2024-03-21");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "办结"));
	assert_int_equal(st.outcome, OUTCOME_PARTIAL);
}

/* REQ 条例-33: a reply after the deadline is recorded with a warning citing the article. */
static void test_late_reply_warned(void **state)
{
	struct app_status st;
	struct app_event_in x = ev(EV_DECIDED, "2024-11-01");
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));   /* reply due 2024-10-30 */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_non_null(strstr(x.warning, "2024-10-30"));
	assert_non_null(strstr(x.warning, "第三十三条"));
	assert_non_null(strstr(x.warning, "迟了 2 个工作日"));
}

/* REQ 条例-30: one correction notice, with the applicant's period; the reply clock restarts on
 * the corrected application. Received 2024-09-27: notice due 2024-10-12 (7 WD, 10-12 worked);
 * a notice of 10-08 with 15 WD: 10-09..11 wd1–3, 10-12 adj wd4, 10-14..18 wd5–9,
 * 10-21..25 wd10–14, 10-28 wd15 → the applicant may correct until 2024-10-28. */
static void test_path_correction(void **state)
{
	struct app_status st, keep;
	struct app_event_in x;
	struct clock_schedule sch;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));
	x = ev(EV_CORRECTION_REQUESTED, "2024-10-08");
	x.days = 15;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_string_equal(x.warning, "");          /* within the 7 working days */
	assert_int_equal(x.due, D("2024-10-28"));    /* filled in for the record */
	assert_int_equal(st.correction_due, D("2024-10-28"));
	assert_int_equal(app_schedule(&st, cal, D("2024-10-09"), &sch, &e), 0);
	assert_int_equal(app_binding_due(&st, &sch), CLOCK_NONE);  /* clock stopped */
	assert_int_equal(sch.correction_period.due, D("2024-10-28"));
	clock_schedule_free(&sch);
	keep = st;
	/* REQ 条例-30: a correction after the period needs the reason it is accepted */
	x = ev(EV_CORRECTION_RECEIVED, "2024-10-29");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_string_equal(e.field, "late_reason");
	assert_non_null(strstr(e.msg, "2024-10-28"));
	assert_non_null(strstr(e.msg, "第三十条"));
	x.late_reason = "申请人10月28日寄出，邮路延误";
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_non_null(strstr(x.warning, "邮路延误"));
	assert_non_null(strstr(x.warning, "逾期 1 个工作日"));
	/* in time, no reason needed; the reply clock restarts */
	st = keep;
	x = ev(EV_CORRECTION_RECEIVED, "2024-10-15");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.phase, PHASE_RECEIVED);
	assert_int_equal(app_schedule(&st, cal, D("2024-10-16"), &sch, &e), 0);
	assert_int_equal(sch.reply.start, D("2024-10-15"));
	assert_int_equal(app_binding_due(&st, &sch), sch.reply.due);
	assert_true(sch.reply.due > D("2024-10-30"));   /* later than the unrestarted 10-30 */
	clock_schedule_free(&sch);
	/* a second correction request, even after the first was answered */
	x = ev(EV_CORRECTION_REQUESTED, "2024-10-16");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "一次性告知"));
	/* still unclear after correction is allowed now */
	x = ev(EV_DECIDED, "2024-10-20");
	x.outcome = OUTCOME_UNABLE_UNCLEAR_AFTER_FIX;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
}

/* REQ 条例-30: the period as a date (a Sunday moves to the next working day, 民法典 Art. 203),
 * the organ's default period, and a notice after the 7 working days kept with a warning. */
static void test_correction_period_forms(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));
	x = ev(EV_CORRECTION_REQUESTED, "2024-10-08");
	x.due = D("2024-10-20");                      /* a Sunday */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.correction_due, D("2024-10-21"));
	assert_int_equal(st.correction_days, 10);      /* 10-09..11, 10-12, 10-14..18, 10-21 */

	app_status_init(&st, D("2024-09-27"));
	st.settings.correction_period = 10;
	x = ev(EV_CORRECTION_REQUESTED, "2024-10-14");   /* after 10-12: 1 working day late */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.correction_days, 10);
	assert_non_null(strstr(x.warning, "2024-10-12"));
	assert_non_null(strstr(x.warning, "迟了 1 个工作日"));

	app_status_init(&st, D("2024-09-27"));
	x = ev(EV_CORRECTION_REQUESTED, "2024-10-08");
	x.due = D("2024-10-08");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "due");
	x.due = CLOCK_NONE;
	x.days = 61;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "period");
}

/* REQ 条例-30: 逾期不补正 only after the period ends, and it closes as （六）1. */
static void test_path_correction_lapsed(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_CORRECTION_REQUESTED, "2024-03-05");
	x.days = 15;                                   /* 03-06..08, 11..15, 18..22, 25..26 */
	assert_int_equal(app_apply(&st, &x, cal, today, NULL), 0);
	assert_int_equal(st.correction_due, D("2024-03-26"));
	/* deciding while the correction is awaited is refused */
	x = ev(EV_DECIDED, "2024-03-10");
	assert_int_equal(app_apply(&st, &x, cal, today, NULL), ERR_STATE);
	x = ev(EV_CORRECTION_LAPSED, "2024-03-26");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "2024-03-26"));
	assert_non_null(strstr(e.msg, "第三十条"));
	assert_int_equal(st.phase, PHASE_AWAITING_CORRECTION);
	x = ev(EV_CORRECTION_LAPSED, "2024-03-27");
	assert_int_equal(app_apply(&st, &x, cal, today, NULL), 0);
	assert_int_equal(st.phase, PHASE_CLOSED);
	assert_int_equal(st.outcome, OUTCOME_OTHER_NO_CORRECTION);
	assert_int_equal(st.closed, D("2024-03-27"));
}

/* REQ 条例-33: consultation time is not counted; one extension, with the approver. */
static void test_path_consultation_and_extension(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct clock_schedule plain, paused;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-03-01"));
	assert_int_equal(app_schedule(&st, cal, D("2024-03-01"), &plain, &e), 0);
	x = ev(EV_CONSULTATION_STARTED, "2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	/* extension during the consultation, but never without the approver */
	x = ev(EV_EXTENDED, "2024-03-06");
	x.approver = NULL;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "approver");
	x.approver = "王主任";
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.extension_days, 20);   /* the default: the most the Regulation allows */
	x = ev(EV_EXTENDED, "2024-03-07");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "只能延长一次"));
	x = ev(EV_CONSULTATION_ANSWERED, "2024-03-19");   /* 10 working days later */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.phase, PHASE_RECEIVED);
	assert_int_equal(app_schedule(&st, cal, D("2024-03-20"), &paused, &e), 0);
	assert_int_equal(calendar_count_workdays(cal, plain.reply.due, paused.reply.due), 10);
	assert_int_equal(app_binding_due(&st, &paused), paused.extended_reply.due);
	assert_int_equal(calendar_count_workdays(cal, paused.reply.due, paused.extended_reply.due), 20);
	clock_schedule_free(&plain);
	clock_schedule_free(&paused);
	x = ev(EV_DECIDED, "2024-04-20");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
}

/* REQ 条例-33: the extension's approved length binds (1–20); REQ 492号-24: 15 at most under
 * the 2007 Regulation, whose reply limit is 15 working days. */
static void test_extension_length(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct clock_schedule sch;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));            /* reply due 2024-10-30 */
	x = ev(EV_EXTENDED, "2024-10-09");
	x.days = 21;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "workdays");
	assert_non_null(strstr(e.msg, "20"));
	x.days = 10;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(app_schedule(&st, cal, D("2024-10-09"), &sch, &e), 0);
	/* 10-31 wd1, 11-01 wd2, 11-04..08 wd3–7, 11-11..13 wd8–10 */
	assert_int_equal(app_binding_due(&st, &sch), D("2024-11-13"));
	assert_int_equal(sch.extended_reply.days, 10);
	clock_schedule_free(&sch);

	/* received 2018-09-28 (2007 Regulation): 09-29, 09-30 worked (wd1–2), 国庆 10-01..07,
	 * 10-08..12 wd3–7, 10-15..19 wd8–12, 10-22..24 wd13–15 → 10-24; +15 → 11-14 */
	app_status_init(&st, D("2018-09-28"));
	assert_int_equal(st.regime, CLOCK_REG_2007);
	x = ev(EV_EXTENDED, "2018-10-10");
	x.days = 16;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "国务院令第492号"));
	x.days = 0;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.extension_days, 15);
	assert_int_equal(app_schedule(&st, cal, D("2018-10-10"), &sch, &e), 0);
	assert_int_equal(sch.reply.due, D("2018-10-24"));
	assert_int_equal(sch.extended_reply.due, D("2018-11-14"));
	assert_int_equal(sch.correction_notice.due, CLOCK_NONE);   /* no 7-day rule in 2007 */
	assert_non_null(strstr(clock_deadline_basis(&sch.reply), "第二十四条"));
	clock_schedule_free(&sch);
}

static void test_extension_after_deadline_refused(void **state)
{
	struct app_status st;
	struct app_event_in x = ev(EV_EXTENDED, "2024-10-31");
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));   /* reply due 2024-10-30 */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "2024-10-30"));
	x.date = D("2024-10-30");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
}

/* REQ 492号-24: no 信息处理费 and no Art. 35 under the 2007 Regulation. */
static void test_regulation_2007(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct gk_error e = { 0 };
	enum clock_regime r;

	app_status_init(&st, D("2019-05-14"));
	assert_int_equal(st.regime, CLOCK_REG_2007);
	x = ev(EV_FEE_NOTICE, "2019-05-20");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "不收取信息处理费"));
	x = ev(EV_REASONS_REQUESTED, "2019-05-20");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "第三十五条"));
	app_status_init(&st, D("2019-05-15"));
	assert_int_equal(st.regime, CLOCK_REG_2019);
	assert_int_equal(clock_regime_of(D("2008-04-30"), &r, &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "2008-05-01"));
}

/* REQ 109号: one method, the amount computed from it; within the reply limit; pay within 20
 * working days of receiving the notice, else deemed abandoned; a late payment needs a reason. */
static void test_path_fee(void **state)
{
	struct app_status st, keep;
	struct app_event_in x;
	struct gk_error e = { 0 };
	struct clock_schedule sch;

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_FEE_NOTICE, "2024-03-05");
	x.method = FEE_METHOD_NONE;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "by_count");          /* a field, never an option */
	assert_non_null(strstr(e.msg, "按件或按量"));
	assert_null(strstr(e.msg, "--"));
	x.method = FEE_BY_PAGES;
	x.quantity = 30;                                   /* 30 pages are free */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "30页以内"));
	x.quantity = 50;
	x.amount_fen = 25000;                              /* 50 pages cost 200 元, not 250 */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "amount");
	assert_non_null(strstr(e.msg, "200.00"));
	x.amount_fen = -1;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.fee_fen, 20000);
	assert_int_equal(st.fee_method, FEE_BY_PAGES);
	x = ev(EV_FEE_NOTICE_RECEIVED, "2024-03-06");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(app_schedule(&st, cal, D("2024-03-07"), &sch, &e), 0);
	assert_int_equal(sch.fee_payment.due, D("2024-04-03"));   /* 20 WD after 03-06 (04-04 清明) */
	clock_schedule_free(&sch);
	keep = st;
	/* lapsing on the last day to pay is refused, the day after is accepted */
	x = ev(EV_FEE_LAPSED, "2024-04-03");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "2024-04-03"));
	assert_non_null(strstr(e.msg, "109号"));
	x.date = D("2024-04-07");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.outcome, OUTCOME_OTHER_FEE_UNPAID);
	/* paid after the period: only with the reason it is accepted */
	st = keep;
	x = ev(EV_FEE_PAID, "2024-04-07");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_string_equal(e.field, "late_reason");
	x.late_reason = "银行系统故障，申请人4月3日已办理";
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_non_null(strstr(x.warning, "银行系统故障"));

	/* paid in time: back to handling, then decided */
	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_FEE_NOTICE, "2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_FEE_PAID, "2024-03-08");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.phase, PHASE_RECEIVED);
	x = ev(EV_FEE_NOTICE, "2024-03-09");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);   /* charged once */
	x = ev(EV_DECIDED, "2024-03-20");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
}

/* REQ 109号: a fee notice after the reply deadline is refused; the fee pause never runs past
 * the payment due date. Received 2024-03-01: reply due 2024-03-29. */
static void test_fee_notice_in_time_and_pause_capped(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct clock_schedule sch;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_FEE_NOTICE, "2024-04-01");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "2024-03-29"));
	x.date = D("2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	/* never received, never paid: the pause ends at 03-05 + 20 WD = 04-03 (counted from the
	 * notice's date when its receipt is unknown), not on the day asked (06-28) */
	assert_int_equal(app_schedule(&st, cal, D("2024-06-28"), &sch, &e), 0);
	assert_int_equal(sch.fee_payment.due, D("2024-04-02"));
	/* 03-04 wd1, 03-05 wd2, pause to 04-02, then 18 more: 04-03 wd3, 04-07 adj wd4 … */
	assert_int_equal(sch.reply.due, calendar_add_workdays(cal, D("2024-04-02"), 18));
	clock_schedule_free(&sch);
}

/* REQ 条例-32 REQ 条例-34: each consultation names its party and is due 15 WD after its letter;
 * the pause ends at the answer or at that date (consult_cap); a third party's silence leaves
 * the decision to the organ. Received 2024-03-01, letter 03-05 → answer due 03-26. */
static void test_consultations(void **state)
{
	struct app_status st, later;
	struct app_event_in x;
	struct clock_schedule plain, sch;
	struct gk_error e = { 0 };
	int until;

	app_status_init(&st, D("2024-03-01"));
	assert_int_equal(app_schedule(&st, cal, D("2024-03-01"), &plain, &e), 0);
	x = ev(EV_CONSULTATION_STARTED, "2024-03-05");
	x.party = PARTY_NONE;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "party");
	x.party = PARTY_THIRD_PARTY;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.consults[0].due, D("2024-03-26"));
	x = ev(EV_CONSULTATION_STARTED, "2024-03-06");
	x.party = PARTY_ORGAN;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.nconsults, 2);
	/* two open: which one is answered must be said */
	x = ev(EV_CONSULTATION_ANSWERED, "2024-03-12");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	assert_string_equal(e.field, "ref");
	x.ref = 2;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.phase, PHASE_CONSULTING);   /* the third party is still awaited */
	/* no decision while the third party may still answer */
	x = ev(EV_DECIDED, "2024-03-26");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	/* after 03-26 the third party's time has run out: the organ decides */
	later = st;
	app_settle(&later, D("2024-03-27"));
	assert_int_equal(later.phase, PHASE_RECEIVED);
	assert_true(later.consults[0].lapsed);
	assert_int_equal(app_schedule(&later, cal, D("2024-05-06"), &sch, &e), 0);
	assert_int_equal(app_next(&later, &sch, CLOCK_NONE, D("2024-05-06"), &until),
			 TODO_DECIDE_CONSULTED);
	/* the pause (03-05, 03-26] holds 15 WD whatever the day asked */
	assert_int_equal(calendar_count_workdays(cal, plain.reply.due, sch.reply.due), 15);
	clock_schedule_free(&sch);
	x = ev(EV_DECIDED, "2024-03-27");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.phase, PHASE_REPLIED);
	/* an organ that waits for answers (consult_cap no) keeps the pause open */
	app_status_init(&st, D("2024-03-01"));
	st.settings.consult_cap = false;
	x = ev(EV_CONSULTATION_STARTED, "2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	app_settle(&st, D("2024-04-30"));
	assert_int_equal(st.phase, PHASE_CONSULTING);
	assert_int_equal(app_schedule(&st, cal, D("2024-04-30"), &sch, &e), 0);
	assert_true(calendar_count_workdays(cal, plain.reply.due, sch.reply.due) > 15);
	clock_schedule_free(&sch);
	/* REQ 条例-33: a consultation after the reply deadline is refused */
	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_CONSULTATION_STARTED, "2024-04-01");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "2024-03-29"));
	clock_schedule_free(&plain);
}

/* REQ 条例-35: reasons first; then not processed, or a delayed reply with the organ's period. */
static void test_art35(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct clock_schedule sch;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_DECIDED, "2024-03-10");
	x.outcome = OUTCOME_NOPROC_MASS_REPEAT;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "reasons-requested"));
	x = ev(EV_DELAYED, "2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "须先记录"));
	x = ev(EV_REASONS_REQUESTED, "2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_REASONS_RECEIVED, "2024-03-08");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_DELAYED, "2024-03-11");
	x.days = 0;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	x.days = 5;                                  /* 03-18: before the reply due 03-29 */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "2024-03-29"));
	x.days = 30;
	if (app_apply(&st, &x, cal, today, &e) != 0)
		fail_msg("%s", e.msg);
	assert_int_equal(app_schedule(&st, cal, D("2024-03-12"), &sch, &e), 0);
	assert_int_equal(app_binding_due(&st, &sch), calendar_add_workdays(cal, D("2024-03-11"), 30));
	clock_schedule_free(&sch);
	x = ev(EV_DECIDED, "2024-04-10");
	x.outcome = OUTCOME_NOPROC_MASS_REPEAT;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_string_equal(x.warning, "");          /* within the delayed period */
}

/* REQ 条例-31: awaiting confirmation, no reply clock; a late confirmation is warned. */
static void test_confirmation(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct clock_schedule sch;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));     /* Friday */
	st.phase = PHASE_AWAITING_CONFIRMATION;
	assert_int_equal(app_confirm_by(&st, cal), D("2024-09-30"));   /* 2 WD: 09-29 (worked), 09-30 */
	assert_int_equal(app_schedule(&st, cal, D("2024-09-30"), &sch, &e), 0);
	assert_int_equal(app_binding_due(&st, &sch), CLOCK_NONE);
	clock_schedule_free(&sch);
	x = ev(EV_RECEIPT_CONFIRMED, "2024-10-09");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_non_null(strstr(x.warning, "第三十一条"));
	assert_int_equal(st.received, D("2024-10-09"));
	assert_int_equal(st.phase, PHASE_RECEIVED);
	assert_int_equal(app_schedule(&st, cal, D("2024-10-09"), &sch, &e), 0);
	assert_int_equal(sch.reply.start, D("2024-10-09"));
	clock_schedule_free(&sch);
	/* a plain letter is confirmed the day it arrives */
	app_status_init(&st, D("2024-09-27"));
	st.phase = PHASE_AWAITING_CONFIRMATION;
	st.confirm_same_day = true;
	assert_int_equal(app_confirm_by(&st, cal), D("2024-09-27"));
}

static void test_withdrawn_from_every_open_phase(void **state)
{
	for (int p = 0; p < PHASE__MAX; p++) {
		struct app_status st;
		struct app_event_in x = ev(EV_WITHDRAWN, "2024-03-06");
		if (!app_phases[p].open)
			continue;
		reach(&st, p);
		assert_int_equal(app_apply(&st, &x, cal, today, NULL), 0);
		assert_int_equal(st.phase, PHASE_CLOSED);
		assert_int_equal(st.outcome, OUTCOME_OTHER_MISC);
	}
}

static void test_dates_refused(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_CONSULTATION_STARTED, "2024-02-29");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "早于收到申请之日"));
	x = ev(EV_CONSULTATION_STARTED, "2024-03-10");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_CONSULTATION_ANSWERED, "2024-03-09");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "早于上一项办理"));
	x = ev(EV_CONSULTATION_ANSWERED, "2026-01-01");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "晚于今天"));
	/* decision outcomes reserved to the lapse events */
	x = ev(EV_CONSULTATION_ANSWERED, "2024-03-12");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_DECIDED, "2024-03-13");
	x.outcome = OUTCOME_OTHER_FEE_UNPAID;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	x.outcome = OUTCOME_UNABLE_UNCLEAR_AFTER_FIX;   /* no correction round */
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
}

/* ---- through the store ---- */

static struct store *fresh_store(int64_t *agency)
{
	struct store *s = tmpstore_open("app");
	struct agency_new an = { .name = "慈周寨镇人民政府" };
	struct gk_error e = { 0 };

	assert_non_null(s);
	store_set_actor(s, "tester");
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(agency_create(s, &an, agency, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	return s;
}

static void drop_store(struct store *s)
{
	tmpstore_drop(s);
}

static int64_t add(struct store *s, int64_t agency, const char *received, const char *type,
		   const char *name)
{
	struct app_new in = { .agency_id = agency, .channel = "online", .applicant_type = type,
			      .applicant_name = name, .contact = "电话：13800000000",
			      .request = "道路建设资金使用情况" };
	struct app_created c;
	struct gk_error e = { 0 };

	in.received = in.confirmed = D(received);
	if (app_create(s, cal, &in, today, &c, &e) != 0)
		fail_msg("app_create: %s", e.msg);
	assert_int_equal(strlen(c.tracking_code), 14);
	return c.id;
}

static void decide(struct store *s, int64_t id, int outcome, const char *date)
{
	struct gk_error e = { 0 };
	if (app_decide(s, cal, id, outcome, D(date), NULL, today, &e) != 0)
		fail_msg("decide: %s", e.msg);
}

static void check_reconciles(const struct app_tally *t)
{
	for (int c = 0; c < APPLICANT__MAX; c++) {
		int64_t sum = 0;
		for (int o = 0; o < OUTCOME__MAX; o++)
			sum += t->outcome[o][c];
		assert_int_equal(sum, t->handled_total[c]);
		/* T3-01: 一 + 二 = 三(七) + 四 */
		assert_int_equal(t->new_received[c] + t->carried_in[c],
				 t->handled_total[c] + t->carried_out[c]);
	}
}

/* REQ 年报-4.5: open on 12-31 → 四 this year and 二 next year. */
static void test_year_end_carry_over(void **state)
{
	struct gk_error e = { 0 };
	struct app_organ_year y23, y24;
	struct app_tally t23, t24;
	int64_t ag, a1, a2, a3, a4;
	struct store *s = fresh_store(&ag);

	assert_int_equal(store_begin(s, &e), 0);
	a1 = add(s, ag, "2023-03-01", "np", "甲");           /* closed in 2023 */
	decide(s, a1, OUTCOME_GRANTED, "2023-03-20");
	a2 = add(s, ag, "2023-12-20", "biz", "乙公司");      /* open on 2023-12-31, closed 2024 */
	decide(s, a2, OUTCOME_DENY_THIRD_PARTY, "2024-01-05");
	a3 = add(s, ag, "2023-12-28", "np", "丙");           /* decided on 12-31 itself */
	decide(s, a3, OUTCOME_PARTIAL, "2023-12-31");
	a4 = add(s, ag, "2024-11-30", "legal", "丁律师事务所");  /* still open */
	(void)a4;
	add(s, ag, "2022-05-05", "np", "戊");                /* open since 2022 */
	assert_int_equal(store_commit(s, &e), 0);

	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(app_organ_year(s, ag, 2023, &y23, &e), 0);
	assert_int_equal(app_organ_year(s, ag, 2024, &y24, &e), 0);
	store_rollback(s);
	t23 = y23.tally;
	t24 = y24.tally;

	assert_int_equal(t23.new_received[APPLICANT_NP], 2);
	assert_int_equal(t23.new_received[APPLICANT_BIZ], 1);
	assert_int_equal(t23.carried_in[APPLICANT_NP], 1);           /* 戊 from 2022 */
	assert_int_equal(t23.outcome[OUTCOME_GRANTED][APPLICANT_NP], 1);
	assert_int_equal(t23.outcome[OUTCOME_PARTIAL][APPLICANT_NP], 1);
	assert_int_equal(t23.carried_out[APPLICANT_BIZ], 1);         /* 乙 open on 12-31 */
	assert_int_equal(t23.carried_out[APPLICANT_NP], 1);          /* 戊 */
	check_reconciles(&t23);

	for (int c = 0; c < APPLICANT__MAX; c++)
		assert_int_equal(t24.carried_in[c], t23.carried_out[c]);   /* T3-05 */
	assert_int_equal(t24.outcome[OUTCOME_DENY_THIRD_PARTY][APPLICANT_BIZ], 1);
	assert_int_equal(t24.new_received[APPLICANT_LEGAL], 1);
	assert_int_equal(t24.carried_out[APPLICANT_LEGAL], 1);
	assert_int_equal(t24.carried_out[APPLICANT_NP], 1);
	check_reconciles(&t24);
	drop_store(s);
}

/* REQ 109号-按件: same applicant, same organ, same natural month, in order of receipt. */
static void test_month_ordinal_and_fee_notice(void **state)
{
	struct gk_error e = { 0 };
	int64_t ag, ids[12], other, k;
	struct store *s = fresh_store(&ag);
	struct app_event_in x;
	struct arena a;
	struct app_view v;

	assert_int_equal(store_begin(s, &e), 0);
	add(s, ag, "2024-04-30", "np", "张三");                 /* previous month: not counted */
	for (int i = 0; i < 11; i++)
		ids[i] = add(s, ag, i < 5 ? "2024-05-03" : "2024-05-20", "np", "张三");
	other = add(s, ag, "2024-05-04", "np", "李四");
	assert_int_equal(app_month_ordinal(s, ids[0], &k, &e), 0);
	assert_int_equal(k, 1);
	assert_int_equal(app_month_ordinal(s, ids[10], &k, &e), 0);
	assert_int_equal(k, 11);
	assert_int_equal(app_month_ordinal(s, other, &k, &e), 0);
	assert_int_equal(k, 1);
	/* the 10th is free: a fee notice by count is refused and stores nothing */
	app_event_init(&x, EV_FEE_NOTICE, D("2024-05-21"));
	x.method = FEE_BY_COUNT;
	assert_int_equal(app_record(s, cal, ids[9], &x, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "10件以内"));
	/* the 11th costs 100 元 */
	app_event_init(&x, EV_FEE_NOTICE, D("2024-05-21"));
	x.method = FEE_BY_COUNT;
	assert_int_equal(app_record(s, cal, ids[10], &x, today, &e), 0);
	arena_init(&a);
	assert_int_equal(app_load(s, cal, ids[10], today, &a, &v, &e), 0);
	assert_int_equal(v.st.fee_fen, 10000);
	assert_int_equal(v.st.fee_quantity, 11);
	assert_int_equal(v.nevents, 2);   /* receipt confirmed, fee notice */
	assert_int_equal(v.events[1].quantity, 11);
	assert_string_equal(v.events[1].method, "by-count");
	assert_int_equal(v.st.phase, PHASE_FEE_NOTICE_SENT);
	app_view_free(&v);
	assert_int_equal(app_load(s, cal, ids[9], today, &a, &v, &e), 0);
	assert_int_equal(v.nevents, 1);   /* the refused notice left nothing */
	app_view_free(&v);
	arena_free(&a);
	assert_int_equal(store_commit(s, &e), 0);
	drop_store(s);
}

static void test_create_validates(void **state)
{
	struct gk_error e = { 0 };
	int64_t ag;
	struct store *s = fresh_store(&ag);
	struct app_new in = { .agency_id = ag, .channel = "online", .applicant_type = "np",
			      .applicant_name = "张三", .id_number = "110105194912310021" };
	struct app_created c;
	struct audit_verify_result res;
	char big[700];

	in.received = D("2024-05-01");
	assert_int_equal(store_begin(s, &e), 0);
	/* REQ 条例-29: a contact and a description of the information are required, from any
	 * front end; the error names the field by its id and its Chinese label */
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "contact");
	assert_string_equal(e.label, "联系方式");
	assert_non_null(strstr(e.msg, "条例第二十九条"));
	in.contact = "电话：13800000000";
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "request");
	assert_string_equal(e.label, "所需信息的描述");
	in.request = "道路建设资金使用情况";
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	in.contact = big;
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "contact");
	assert_non_null(strstr(e.msg, "最多 600 字节"));
	in.contact = "电话：13800000000";
	in.applicant_name = "张\n三";
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "applicant_name");
	in.applicant_name = "张三";
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "id_number");
	in.id_number = "11010519491231002X";
	in.channel = "pigeon";
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "channel");
	assert_non_null(strstr(e.msg, "in-person"));
	in.channel = "post";
	in.received = today + 1;
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	in.received = D("2024-05-01");
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), 0);
	/* the tracking code uses no 0 O 1 I L */
	assert_null(strpbrk(c.tracking_code, "0O1IL"));
	assert_int_equal(strlen(c.secret), 16);
	assert_int_equal(audit_verify(s, &res, &e), 0);
	assert_int_equal(res.bad_id, 0);
	assert_int_equal(res.checked, 2);   /* the organ, the application */
	assert_int_equal(store_commit(s, &e), 0);
	drop_store(s);
}

/* The audit entry of a new application: what was registered */
static int keep_content(void *ctx, const struct audit_rec *r)
{
	snprintf(ctx, 1024, "%s", r->content ? r->content : "");
	return 0;
}

/* REQ 条例-29: what an applicant gives besides the name is one list, in the order the record
 * keeps it (shown by app show, the console and --json, recorded by the audit log): every text
 * of the application's declaration, each with a member of the stored record. */
static void test_particulars_are_the_declared_texts(void **state)
{
	struct gk_error e = { 0 };
	int64_t ag;
	struct store *s = fresh_store(&ag);
	struct app_new in = { .agency_id = ag, .channel = "post", .applicant_type = "np",
			      .applicant_name = "张三", .id_number = "11010519491231002x",
			      .contact = "电话：13800000000", .request = "道路建设资金使用情况",
			      .form = "" };
	struct app_particular p[APP_F__N];
	struct app_created c;
	struct app_view v;
	struct arena a;
	char audit[1024] = "";
	size_t texts = 0, n;

	(void)state;
	for (size_t i = 0; i < app_new_desc.nfields; i++) {
		const struct desc_field *f = &app_new_desc.fields[i];
		if (f->type == DESC_LINE || f->type == DESC_TEXT) {
			assert_non_null(desc_find(&app_rec_desc, f->id));
			texts++;
		}
	}
	arena_init(&a);
	in.received = D("2024-05-06");
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), 0);
	assert_int_equal(app_load(s, cal, c.id, today, &a, &v, &e), 0);
	n = app_particulars(&v.rec, p);
	assert_int_equal(n, texts - 1);   /* all but the name */
	assert_string_equal(p[0].field->id, "contact");
	assert_string_equal(p[0].value, "电话：13800000000");
	assert_string_equal(p[1].field->label, "身份证明号码");
	assert_string_equal(p[1].value, "11010519491231002X");   /* one spelling per person */
	assert_string_equal(p[2].field->id, "request");
	assert_string_equal(p[3].field->id, "form");
	assert_null(p[3].value);                                   /* empty: not given */
	/* the audit log records whether an identity number was given, not the number */
	assert_int_equal(audit_list(s, "application", c.id, keep_content, audit, &e), 0);
	assert_non_null(strstr(audit, "\"contact\":\"电话：13800000000\""));
	assert_non_null(strstr(audit, "\"id_number_given\":true"));
	assert_null(strstr(audit, "1101051949"));
	assert_non_null(strstr(audit, "\"form\":null"));
	app_view_free(&v);
	arena_free(&a);
	assert_int_equal(store_commit(s, &e), 0);
	drop_store(s);
}

/* The ledger's outcomes and applicant types are the rows and columns of the declared format. */
static void test_codes_follow_the_report_format(void **state)
{
	static const char *const ids[OUTCOME__MAX] = { "granted", "partial", "deny_state_secret",
		"deny_law_prohibits", "deny_security_stability", "deny_third_party",
		"deny_internal_affairs", "deny_process_info", "deny_enforcement_file",
		"deny_admin_query", "unable_not_held", "unable_needs_creation",
		"unable_unclear_after_fix", "noproc_petition", "noproc_repeat", "noproc_publication",
		"noproc_mass_repeat", "noproc_confirm_reissue", "other_no_correction",
		"other_fee_unpaid", "other_misc" };
	char buf[1024];

	for (int o = 0; o < OUTCOME__MAX; o++) {
		assert_string_equal(app_outcome_id(o), ids[o]);
		assert_int_equal(app_outcome_find(ids[o]), o);
	}
	assert_int_equal(app_outcome_row(OUTCOME_OTHER_MISC), T3R_OTHER_MISC);
	assert_string_equal(app_outcome_label(OUTCOME_PARTIAL),
			    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
	assert_int_equal(app_applicant_col(APPLICANT_ORG_OTHER), T3C_ORG_OTHER);
	assert_string_equal(app_applicant_id(APPLICANT_LEGAL), "legal");
	assert_string_equal(app_applicant_label(APPLICANT_NP), "自然人");
	assert_int_equal(app_outcome_find("handled_total"), -1);   /* not an outcome */
	assert_string_equal(app_code_ids(CODES_CHANNELS, buf, sizeof buf),
			    "in-person, post, post-plain, online, fax, email, oral, other");
}

/* One limit per text: what app new and the web forms register (app_new_desc) is what the
 * stored record declares (app_rec_desc), which the ledger import checks. */
static void test_limits_one_rule(void **state)
{
	size_t same = 0;

	(void)state;
	for (size_t i = 0; i < app_new_desc.nfields; i++) {
		const struct desc_field *n = &app_new_desc.fields[i];
		const struct desc_field *r = desc_find(&app_rec_desc, n->id);
		if (r == NULL || n->type == DESC_DATE)
			continue;
		assert_int_equal(r->max, n->max);
		assert_true(r->max > 0);
		same++;
	}
	assert_int_equal(same, 7);   /* channel, type, name, id number, contact, request, form */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_event_in_every_phase),
		cmocka_unit_test(test_path_decided),
		cmocka_unit_test(test_late_reply_warned),
		cmocka_unit_test(test_path_correction),
		cmocka_unit_test(test_correction_period_forms),
		cmocka_unit_test(test_path_correction_lapsed),
		cmocka_unit_test(test_path_consultation_and_extension),
		cmocka_unit_test(test_extension_length),
		cmocka_unit_test(test_extension_after_deadline_refused),
		cmocka_unit_test(test_regulation_2007),
		cmocka_unit_test(test_path_fee),
		cmocka_unit_test(test_fee_notice_in_time_and_pause_capped),
		cmocka_unit_test(test_consultations),
		cmocka_unit_test(test_art35),
		cmocka_unit_test(test_confirmation),
		cmocka_unit_test(test_withdrawn_from_every_open_phase),
		cmocka_unit_test(test_dates_refused),
		cmocka_unit_test(test_year_end_carry_over),
		cmocka_unit_test(test_month_ordinal_and_fee_notice),
		cmocka_unit_test(test_create_validates),
		cmocka_unit_test(test_codes_follow_the_report_format),
		cmocka_unit_test(test_limits_one_rule),
		cmocka_unit_test(test_particulars_are_the_declared_texts),
	};
	return cmocka_run_group_tests_name("domain/application", tests, group_setup, group_teardown);
}

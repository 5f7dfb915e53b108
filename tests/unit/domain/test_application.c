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
	struct app_event_in x = { .kind = kind, .date = D(date), .amount_fen = 10000,
				  .outcome = OUTCOME_GRANTED, .approver = "王主任" };
	return x;
}

/* Reach phase p from a fresh application received 2024-03-01, without the clock checks. */
static void reach(struct app_status *st, int p)
{
	static const int path[PHASE__MAX][2] = {
		[PHASE_RECEIVED] = { -1, -1 },
		[PHASE_AWAITING_CORRECTION] = { EV_CORRECTION_REQUESTED, -1 },
		[PHASE_CONSULTING] = { EV_CONSULTATION_STARTED, -1 },
		[PHASE_FEE_NOTICE_SENT] = { EV_FEE_NOTICE, -1 },
		[PHASE_AWAITING_PAYMENT] = { EV_FEE_NOTICE, EV_FEE_NOTICE_RECEIVED },
		[PHASE_REPLIED] = { EV_DECIDED, -1 },
		[PHASE_CLOSED] = { EV_WITHDRAWN, -1 },
	};
	app_status_init(st, D("2024-03-01"));
	for (int i = 0; i < 2 && path[p][i] >= 0; i++) {
		struct app_event_in x = ev(path[p][i], "2024-03-04");
		assert_int_equal(app_apply(st, &x, NULL, today, NULL), 0);
	}
	assert_int_equal(st->phase, p);
}

/* REQ 条例-30 REQ 条例-33 REQ 109号: the transition table, every kind in every phase. */
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
				assert_true(strstr(e.msg, "refused") != NULL);
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
	/* REQ 条例-36: exactly one outcome — deciding twice is refused and changes nothing */
	x.outcome = OUTCOME_GRANTED;
	x.date = D("2024-03-21");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "closed"));
	assert_int_equal(st.outcome, OUTCOME_PARTIAL);
}

/* REQ 条例-30: one correction notice; the reply clock restarts on the corrected application. */
static void test_path_correction(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct clock_schedule sch;
	struct gk_error e = { 0 };

	app_status_init(&st, D("2024-09-27"));
	x = ev(EV_CORRECTION_REQUESTED, "2024-10-08");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(app_schedule(&st, cal, D("2024-10-09"), &sch, &e), 0);
	assert_int_equal(app_binding_due(&st, &sch), CLOCK_NONE);  /* clock stopped */
	clock_schedule_free(&sch);
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

static void test_path_correction_lapsed(void **state)
{
	struct app_status st;
	struct app_event_in x;

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_CORRECTION_REQUESTED, "2024-03-05");
	assert_int_equal(app_apply(&st, &x, cal, today, NULL), 0);
	/* deciding while the correction is awaited is refused */
	x = ev(EV_DECIDED, "2024-03-10");
	assert_int_equal(app_apply(&st, &x, cal, today, NULL), ERR_STATE);
	x = ev(EV_CORRECTION_LAPSED, "2024-04-10");
	assert_int_equal(app_apply(&st, &x, cal, today, NULL), 0);
	assert_int_equal(st.phase, PHASE_CLOSED);
	assert_int_equal(st.outcome, OUTCOME_OTHER_NO_CORRECTION);
	assert_int_equal(st.closed, D("2024-04-10"));
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
	assert_string_equal(e.field, "--approver");
	x.approver = "王主任";
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_EXTENDED, "2024-03-07");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "already extended"));
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

/* REQ 109号: pay within 20 working days of receiving the notice, else deemed abandoned. */
static void test_path_fee(void **state)
{
	struct app_status st;
	struct app_event_in x;
	struct gk_error e = { 0 };
	struct clock_schedule sch;

	app_status_init(&st, D("2024-03-01"));
	x = ev(EV_FEE_NOTICE, "2024-03-05");
	x.amount_fen = 0;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_INVALID);
	x.amount_fen = 20000;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_FEE_NOTICE_RECEIVED, "2024-03-06");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(app_schedule(&st, cal, D("2024-03-07"), &sch, &e), 0);
	assert_int_not_equal(sch.fee_payment.due, CLOCK_NONE);
	/* lapsing on the last day to pay is refused, the day after is accepted */
	x = ev(EV_FEE_LAPSED, "2024-03-07");
	x.date = sch.fee_payment.due;
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "may pay until"));
	x.date = sch.fee_payment.due + 1;
	clock_schedule_free(&sch);
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	assert_int_equal(st.outcome, OUTCOME_OTHER_FEE_UNPAID);

	/* paid: back to handling, then decided */
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
	assert_non_null(strstr(e.msg, "before the application was received"));
	x = ev(EV_CONSULTATION_STARTED, "2024-03-10");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), 0);
	x = ev(EV_CONSULTATION_ANSWERED, "2024-03-09");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "before the previous event"));
	x = ev(EV_CONSULTATION_ANSWERED, "2026-01-01");
	assert_int_equal(app_apply(&st, &x, cal, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "future"));
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
			      .applicant_name = name };
	struct app_created c;
	struct gk_error e = { 0 };

	in.received = D(received);
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
	assert_int_equal(app_year_tally(s, ag, 2023, &t23, &e), 0);
	assert_int_equal(app_year_tally(s, ag, 2024, &t24, &e), 0);
	store_rollback(s);

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
	struct app_event_in x = { .kind = EV_FEE_NOTICE, .amount_fen = -1 };
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
	/* the 10th is free: a fee notice without an amount is refused and stores nothing */
	x.date = D("2024-05-21");
	assert_int_equal(app_record(s, cal, ids[9], &x, today, &e), ERR_STATE);
	assert_non_null(strstr(e.msg, "first 10 are free"));
	/* the 11th costs 100 元 */
	assert_int_equal(app_record(s, cal, ids[10], &x, today, &e), 0);
	arena_init(&a);
	assert_int_equal(app_load(s, cal, ids[10], today, &a, &v, &e), 0);
	assert_int_equal(v.st.fee_fen, 10000);
	assert_int_equal(v.st.phase, PHASE_FEE_NOTICE_SENT);
	assert_int_equal(v.nevents, 1);
	app_view_free(&v);
	assert_int_equal(app_load(s, cal, ids[9], today, &a, &v, &e), 0);
	assert_int_equal(v.nevents, 0);
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

	in.received = D("2024-05-01");
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "--id-number");
	in.id_number = "11010519491231002X";
	in.channel = "pigeon";
	assert_int_equal(app_create(s, cal, &in, today, &c, &e), ERR_INVALID);
	assert_string_equal(e.field, "--channel");
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
			    "in-person, post, online, fax, email, other");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_event_in_every_phase),
		cmocka_unit_test(test_path_decided),
		cmocka_unit_test(test_path_correction),
		cmocka_unit_test(test_path_correction_lapsed),
		cmocka_unit_test(test_path_consultation_and_extension),
		cmocka_unit_test(test_extension_after_deadline_refused),
		cmocka_unit_test(test_path_fee),
		cmocka_unit_test(test_withdrawn_from_every_open_phase),
		cmocka_unit_test(test_dates_refused),
		cmocka_unit_test(test_year_end_carry_over),
		cmocka_unit_test(test_month_ordinal_and_fee_notice),
		cmocka_unit_test(test_create_validates),
		cmocka_unit_test(test_codes_follow_the_report_format),
	};
	return cmocka_run_group_tests_name("domain/application", tests, group_setup, group_teardown);
}

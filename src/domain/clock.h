/*
 * clock.h — the statutory clock: every working-day time limit of the disclosure regulation,
 * each computed with its derivation (the steps an officer or a court can follow).
 *
 * Counting (docs/spec/regulation-procedures.md §7; docs/clock.md): the day of the triggering event
 * is not counted (民法典 Art. 201); the deadline is the N-th working day strictly after it, on
 * the calendar of domain/calendar.h. Time paused (consultations, Art. 33 ¶3) is the interval
 * (letter sent, answer received]: working days in it are not counted; overlapping pauses are
 * merged, so no day is paused twice.
 *
 * Ownership: a struct clock_deadline is filled by one of the functions below into memory the
 * caller provides; its steps array is owned by it and released by clock_deadline_free().
 * Step names point into the calendar (holiday names) or to static strings, so the calendar
 * must outlive the deadlines computed on it. The ledger (app show), the web and the CLI all
 * render the same steps: clock_deadline_describe() for Chinese text, the fields for JSON.
 *
 * Which Regulation applies follows from the date of receipt (clock_regime_of): the 2019
 * Regulation (国务院令第711号) from 2019-05-15, the 2007 one (国务院令第492号, Art. 24: reply
 * within 15 working days, extension at most 15, no 7-day 补正 rule) before, from 2008-05-01;
 * earlier dates are refused. Each deadline records its regime and cites that Regulation.
 *
 * May call base/, text/, domain/calendar. Law: 条例 Arts. 26, 30, 32–35; 国办函〔2020〕109号;
 * 国务院令第492号 Art. 24; 民法典 Arts. 201, 203.
 */
#ifndef GK_DOMAIN_CLOCK_H
#define GK_DOMAIN_CLOCK_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "domain/calendar.h"

#define CLOCK_NONE INT_MIN   /* "no such date" for optional inputs */
#define CLOCK_MAX_DAYS 1000  /* the largest N accepted for organ-set periods (an event keeps
                              * it: APP_EVENT_DAYS_MAX, checked in application.c) */
#define CLOCK_MAX_PAUSES 64

/* The time limits of spec §6 that have a computable date. Order and keys are stable. */
enum clock_limit {
	CLOCK_PUBLICATION,        /* TL-01 publication_due          条例-26  20 WD */
	CLOCK_CORRECTION_NOTICE,  /* TL-02 correction_notice_due    条例-30   7 WD */
	CLOCK_CORRECTION_PERIOD,  /* TL-03 correction_period_due    条例-30  set by the organ */
	CLOCK_REPLY,              /* TL-04 reply_due                条例-33  20 WD */
	CLOCK_EXTENDED_REPLY,     /* TL-05 extended_reply_due       条例-33 +20 WD */
	CLOCK_THIRD_PARTY_ANSWER, /* TL-06 third_party_answer_due   条例-32  15 WD */
	CLOCK_ORGAN_ANSWER,       /* TL-07 organ_answer_due         条例-34  15 WD */
	CLOCK_DELAYED_REPLY,      /* TL-08 delayed_reply_due        条例-35  set by the organ */
	CLOCK_FEE_PAYMENT,        /* TL-10 fee_payment_due          109号    20 WD */
	CLOCK__MAX
};

/* The Regulation an application falls under: the one in force on its date of receipt. */
enum clock_regime {
	CLOCK_REG_2019,   /* 国务院令第711号, in force 2019-05-15 */
	CLOCK_REG_2007,   /* 国务院令第492号, in force 2008-05-01 to 2019-05-14 */
	CLOCK_REG__MAX
};

enum clock_step_kind {
	STEP_START,       /* the trigger day, not counted; n = enum clock_limit's start reason */
	STEP_RESTART,     /* reply clock restarts: corrected application received (条例-30) */
	STEP_WORKDAY,     /* an ordinary working day counted; n = its ordinal */
	STEP_ADJUSTED,    /* a Saturday/Sunday worked by the notice (调休上班), counted; n, name */
	STEP_WEEKEND,     /* an ordinary Saturday or Sunday, not counted; name "周六"/"周日" */
	STEP_HOLIDAY,     /* a statutory holiday, not counted; name ("国庆节") */
	STEP_PAUSE,       /* paused span (day, until]: n working days not counted; name = reason */
	STEP_DUE,         /* the deadline; n = the number of working days of the limit */
	STEP_UNVERIFIED,  /* a year the calendar does not cover; n = the year */
	STEP__MAX
};

struct clock_step {
	enum clock_step_kind kind;
	int day;           /* the date; for STEP_PAUSE the day the letter was sent */
	int until;         /* STEP_PAUSE: the day the answer was received; otherwise == day */
	int n;             /* see enum clock_step_kind */
	int merged;        /* STEP_PAUSE: how many pauses overlap in this span (1 = one) */
	bool capped;       /* STEP_PAUSE: it ended at the answer (or payment) due date, no answer */
	const char *name;  /* see enum clock_step_kind; NULL when none */
};

struct clock_deadline {
	enum clock_limit limit;
	enum clock_regime regime;  /* the Regulation whose article it cites */
	int trigger;         /* the event day the limit runs from (e.g. received) */
	int start;           /* the day counting runs from (trigger, or the restart day) */
	int due;             /* the deadline: last day to act */
	int days;            /* N working days of the limit */
	bool verified;       /* false if a year from start to due is not covered */
	int uncovered_year;  /* the first such year, 0 when verified */
	struct clock_step *steps;  /* owned; clock_deadline_free() */
	size_t nsteps, cap;
};

enum clock_pause_kind {
	PAUSE_CONSULTATION,  /* consultation, party not stated (条例-33 ¶3) */
	PAUSE_THIRD_PARTY,   /* 征求第三方意见 (条例-32) */
	PAUSE_ORGAN,         /* 征求其他机关意见 (条例-34) */
	PAUSE_FEE,           /* fee notice to payment: configurable, UNVERIFIED (109号) */
	PAUSE__MAX
};

/* A paused span: working days in (sent, answered] are not counted. */
struct clock_pause {
	int sent;
	int answered;
	enum clock_pause_kind kind;
	bool capped;   /* answered is the answer (or payment) due date: no answer came by then */
};

/* Everything that moves an application's deadlines (what the ledger's events record).
 * Zero-initialise, then set the dates that apply (CLOCK_NONE for those that do not). */
struct clock_application {
	int received;              /* Art. 31 receipt date */
	int correction_received;   /* corrected application received, or CLOCK_NONE */
	const struct clock_pause *pauses;  /* borrowed, npauses entries, any order */
	size_t npauses;
	bool extended;             /* an extension was approved (the ledger checks the approver) */
	int extension_days;        /* its approved length; 0 = the longest the Regulation allows */
	int fee_notice_received;   /* applicant received the fee notice, or CLOCK_NONE */
	int correction_notice;     /* 补正 notice sent, with … */
	int correction_days;       /* … the applicant's period in working days (0: no notice) */
	int delayed_notice;        /* Art. 35 delayed reply notified, with … */
	int delayed_days;          /* … the period the organ fixed (0: none) */
};

/* An application's deadlines. Members the inputs do not call for have nsteps == 0 and
 * due == CLOCK_NONE. Free with clock_schedule_free(). */
struct clock_schedule {
	enum clock_regime regime;               /* from the date of receipt */
	struct clock_deadline correction_notice;  /* none under the 2007 Regulation */
	struct clock_deadline correction_period;
	struct clock_deadline reply;
	struct clock_deadline extended_reply;
	struct clock_deadline delayed_reply;
	struct clock_deadline fee_payment;
	bool verified;  /* all computed deadlines verified */
};

/* REQ 条例-56 REQ 492号-24: the Regulation in force on the date of receipt. ERR_INVALID for a
 * date before 2008-05-01 (no Regulation; gongkai has no rules for it). */
int clock_regime_of(int received, enum clock_regime *out, struct gk_error *e) GK_WUR;
/* "《政府信息公开条例》（2019年修订，国务院令第711号）" / "（2007年，国务院令第492号）". */
const char *clock_regime_name(enum clock_regime r);
/* The first day of the 2019 Regulation (2019-05-15) and of the 2007 one (2008-05-01). */
int clock_regime_from(enum clock_regime r);
/* REQ 条例-33 REQ 492号-24: the longest extension, in working days (20 / 15). */
int clock_extension_max(enum clock_regime r);

/* The core: the n-th working day strictly after start, skipping the pauses, with steps.
 * limit only labels the result. ERR_INVALID for n outside 1..CLOCK_MAX_DAYS or a pause
 * whose answer precedes its letter; ERR_LIMIT past 2199. out is overwritten (it need not be
 * initialised) and must be freed by the caller even on error. */
int clock_count(const struct calendar *cal, enum clock_limit limit, int start, int n,
		const struct clock_pause *pauses, size_t npauses, struct clock_deadline *out,
		struct gk_error *e) GK_WUR;

/* REQ 条例-26: publish within 20 working days of the information being formed or changed. */
int clock_publication_due(const struct calendar *cal, int formed, struct clock_deadline *out,
			  struct gk_error *e) GK_WUR;
/* REQ 条例-30: the one correction notice within 7 working days of receipt. */
int clock_correction_notice_due(const struct calendar *cal, int received,
				struct clock_deadline *out, struct gk_error *e) GK_WUR;
/* REQ 条例-30: the applicant's correction period, n working days set by the organ, from the
 * day the applicant received the notice. */
int clock_correction_period_due(const struct calendar *cal, int notice_received, int n,
				struct clock_deadline *out, struct gk_error *e) GK_WUR;
/* REQ 条例-33: reply within 20 working days of receipt; REQ 条例-30: restarted from the day the
 * corrected application is received (correction_received, or CLOCK_NONE); REQ 条例-33 ¶3:
 * consultation time not counted. REQ 492号-24: 15 working days for an application received
 * before 2019-05-15 (ERR_INVALID before 2008-05-01). */
int clock_reply_due(const struct calendar *cal, int received, int correction_received,
		    const struct clock_pause *pauses, size_t npauses, struct clock_deadline *out,
		    struct gk_error *e) GK_WUR;
/* REQ 条例-33: an approved extension of days working days (1 … clock_extension_max; 0 = the
 * maximum) after the reply deadline (reply_due = reply.due); pauses after it are still not
 * counted. REQ 492号-24: at most 15 under the 2007 Regulation. */
int clock_extended_reply_due(const struct calendar *cal, enum clock_regime regime, int reply_due,
			     int days, const struct clock_pause *pauses, size_t npauses,
			     struct clock_deadline *out, struct gk_error *e) GK_WUR;
/* REQ 条例-32 / 条例-34: the consulted party answers within 15 working days of receiving the
 * letter (kind PAUSE_THIRD_PARTY or PAUSE_ORGAN). */
int clock_consultation_answer_due(const struct calendar *cal, enum clock_pause_kind kind,
				  int letter_received, struct clock_deadline *out,
				  struct gk_error *e) GK_WUR;
/* REQ 条例-35: a reasonable delayed reply period of n working days fixed by the organ. */
int clock_delayed_reply_due(const struct calendar *cal, int notice, int n,
			    struct clock_deadline *out, struct gk_error *e) GK_WUR;
/* REQ 109号: pay within 20 working days counted from the day after the notice is received. */
int clock_fee_payment_due(const struct calendar *cal, int notice_received,
			  struct clock_deadline *out, struct gk_error *e) GK_WUR;

/* All deadlines of one application. Checks the inputs (errors name the field:
 * "correction_received", "consultation", "fee_notice_received" and the dates). */
int clock_schedule_compute(const struct calendar *cal, const struct clock_application *app,
			   struct clock_schedule *out, struct gk_error *e) GK_WUR;

/* Release the steps; dl / s may be NULL; safe on a zeroed struct. */
void clock_deadline_free(struct clock_deadline *dl);
void clock_schedule_free(struct clock_schedule *s);

/* Stable names: "reply_due" …; Chinese label "答复期限" …; legal basis "条例第三十三条" …. */
const char *clock_limit_key(enum clock_limit limit);
const char *clock_limit_label(enum clock_limit limit);
const char *clock_limit_basis(enum clock_limit limit);
/* The working days of limit under regime (0: set by the organ, or no such limit). */
int clock_limit_days(enum clock_limit limit, enum clock_regime regime);
/* The basis of dl under its regime ("《政府信息公开条例》（2007年，国务院令第492号）第二十四条…"). */
const char *clock_deadline_basis(const struct clock_deadline *dl);
/* Stable step kind names: "start", "restart", "workday", "adjusted_workday", "weekend",
 * "holiday", "pause", "due", "unverified". */
const char *clock_step_key(enum clock_step_kind kind);
/* "周一" … "周日" for a day. */
const char *clock_weekday_name(int day);

/* One step as a Chinese sentence (for JSON "text"), appended to out. */
int clock_step_describe(const struct clock_deadline *dl, const struct clock_step *st,
			struct buf *out) GK_WUR;
/* The whole derivation as Chinese lines ("  " indent, '\n' ended), runs of ordinary working
 * days and of consecutive days off merged into one line each; appended to out. */
int clock_deadline_describe(const struct clock_deadline *dl, struct buf *out) GK_WUR;

#endif

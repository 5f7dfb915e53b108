/*
 * application.h — applications for disclosure (依申请公开): the lifecycle rules.
 *
 * An application is received (条例第三十一条), then moves by typed events; the declared
 * transition table app_event_rules says, for each kind of event, in which states it may
 * happen, which state follows and whether it closes the application with a Table 三 outcome
 * (spec regulation-procedures.md §5.9). Everything else is refused with a message saying why
 * and nothing is stored: deciding twice, a second correction notice (一次性告知), extending
 * twice or without the approver, answering a consultation never started, anything after
 * closing, a date before receipt or before the previous event, a date in the future.
 *
 * The store keeps rows (store/app_store.h); this module validates, replays the events into a
 * status (app_replay, pure), computes the live deadlines with the statutory clock
 * (domain/clock.h) and writes an audit entry for every change. Callers open and close the
 * transaction. Dates are day numbers (text/date.h); CLOCK_NONE = no such date.
 * May call store/, domain/clock, domain/audit, domain/fee, text/, base/.
 * Law: 条例 Arts. 29–42; 国办函〔2020〕109号.
 */
#ifndef GK_DOMAIN_APPLICATION_H
#define GK_DOMAIN_APPLICATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/app_codes.h"
#include "domain/calendar.h"
#include "domain/clock.h"
#include "store/app_store.h"
#include "store/store.h"

/* Where an application stands. */
enum app_phase {
	PHASE_RECEIVED,             /* being handled; the reply clock runs */
	PHASE_AWAITING_CORRECTION,  /* 补正 requested; the reply clock restarts on receipt */
	PHASE_CONSULTING,           /* third party / other organ consulted; clock paused */
	PHASE_FEE_NOTICE_SENT,      /* 收费通知 sent; clock paused until paid */
	PHASE_AWAITING_PAYMENT,     /* notice received by the applicant; 20 WD to pay */
	PHASE_REPLIED,              /* decided with an outcome (closed) */
	PHASE_CLOSED,               /* ended without a merits reply: lapsed or withdrawn */
	PHASE__MAX
};

/* The kinds of events; "decided" is recorded by app_decide. */
enum app_event_kind {
	EV_CORRECTION_REQUESTED,
	EV_CORRECTION_RECEIVED,
	EV_CORRECTION_LAPSED,
	EV_CONSULTATION_STARTED,
	EV_CONSULTATION_ANSWERED,
	EV_EXTENDED,
	EV_FEE_NOTICE,
	EV_FEE_NOTICE_RECEIVED,
	EV_FEE_PAID,
	EV_FEE_LAPSED,
	EV_WITHDRAWN,
	EV_DECIDED,
	EV__MAX
};

struct app_phase_info {
	const char *id;       /* "received", "awaiting-correction", … (stored, --state) */
	const char *label;    /* "办理中" … */
	bool open;            /* counts in 四、结转 when still in it on 12-31 */
};

extern const struct app_phase_info app_phases[PHASE__MAX];

/* One row of the transition table. */
struct app_event_rule {
	const char *id;         /* "correction-requested", … (typed, stored) */
	const char *label;      /* "补正告知" … */
	unsigned from;          /* bit (1u << phase) for every phase it may happen in */
	int to;                 /* the phase after it, or -1 = unchanged */
	int closes_with;        /* enum outcome it closes with, or -1 */
	const char *needs;      /* what it needs, for the refusal when the phase is wrong */
};

extern const struct app_event_rule app_event_rules[EV__MAX];

/* The phase / event kind whose id is s, or -1. */
int app_phase_from_id(const char *s);
int app_event_from_id(const char *s);

/* What the events add up to (app_replay). */
struct app_status {
	int received;
	enum app_phase phase;
	int outcome;                /* enum outcome once closed, else -1 */
	int closed;                 /* closing date, or CLOCK_NONE */
	int last_date;              /* date of the latest event (received at first) */
	int last_kind;              /* enum app_event_kind of it, -1 = the receipt */
	int correction_requested;   /* dates, or CLOCK_NONE */
	int correction_received;
	int extended;
	int fee_notice;
	int fee_notice_received;
	int fee_paid;
	int64_t fee_fen;            /* amount of the fee notice, -1 = none */
	struct clock_pause pauses[CLOCK_MAX_PAUSES];  /* answered == CLOCK_NONE while open */
	size_t npauses;
	bool fee_pause;             /* the organ leaves fee notice → payment out of the reply
				     * time limit (app_fee_pause_setting; default true) */
};

/* One event as typed (app_record) or as stored (replay). */
struct app_event_in {
	int kind;                   /* enum app_event_kind */
	int date;
	const char *note;           /* may be NULL */
	const char *approver;       /* extended: the head of the disclosure office who approved */
	int64_t amount_fen;         /* fee-notice: the amount; -1 = compute 按件 from the ledger */
	int outcome;                /* decided: enum outcome */
	const char *basis;          /* decided: legal basis / reasons (may be NULL) */
};

/* The status of a just-received application (fee_pause true). */
void app_status_init(struct app_status *st, int received);

/* REQ 109号-缴费 (UNVERIFIED, spec §5.8): the organ setting agency_profile.fee_pause says
 * whether the time from a fee notice to payment is left out of the reply time limit:
 * "yes" or NULL (the default) → 1, "no" → 0, anything else → -1. */
int app_fee_pause_setting(const char *value);

/* REQ 条例-30 REQ 条例-33 REQ 109号: check that ev may follow st and apply it. cal (may be NULL)
 * enables the clock checks (an extension after the reply deadline, a fee lapse before the
 * payment deadline); today bounds dates (no future events). On refusal st is unchanged and
 * ERR_STATE (or ERR_INVALID for a missing field) says why. */
int app_apply(struct app_status *st, const struct app_event_in *ev, const struct calendar *cal,
	      int today, struct gk_error *e) GK_WUR;

/* Replay stored events into st (no refusal checks beyond parsing). */
int app_replay(const struct app_rec *r, const struct app_event_rec *ev, size_t n,
	       struct app_status *st, struct gk_error *e) GK_WUR;

/* The deadlines of st as of today (open pauses counted as ending today, or at closing).
 * out must be freed with clock_schedule_free even on error. */
int app_schedule(const struct app_status *st, const struct calendar *cal, int today,
		 struct clock_schedule *out, struct gk_error *e) GK_WUR;

/* The reply deadline that currently binds (extended if extended), or CLOCK_NONE when no reply
 * clock runs (awaiting correction, closed). */
int app_binding_due(const struct app_status *st, const struct clock_schedule *sch);

/* ---- persistence through the store (inside the caller's transaction) ---- */

struct app_new {
	int64_t agency_id;
	int received;               /* day number */
	const char *channel;        /* app_channels id */
	const char *applicant_type; /* applicant_types id */
	const char *applicant_name;
	const char *contact;        /* optional */
	const char *id_number;      /* optional: 身份证 for np (checked), USCC for organisations */
	const char *request;        /* optional: description of the information */
	const char *form;           /* optional: requested form (paper, electronic, …) */
};

#define APP_CODE_LEN 15     /* "XXXX-XXXX-XXXX" + NUL */
#define APP_SECRET_LEN 17   /* 16 characters + NUL */

struct app_created {
	int64_t id;
	char tracking_code[APP_CODE_LEN];   /* public: shown on the portal's tracking page */
	char secret[APP_SECRET_LEN];        /* for the applicant only; the store keeps its hash */
};

/* Register a new application (audit-logged). cal may be NULL (no deadline summary). */
int app_create(struct store *s, const struct calendar *cal, const struct app_new *in,
	       int today, struct app_created *out, struct gk_error *e) GK_WUR;

/* Record an event (not "decided") on application id after app_apply's checks; audit-logged.
 * A fee-notice without an amount gets the 按件 fee of the applicant's count this month
 * (refused when that is 0: the first 10 are free). */
int app_record(struct store *s, const struct calendar *cal, int64_t id,
	       const struct app_event_in *ev, int today, struct gk_error *e) GK_WUR;

/* REQ 条例-36: decide application id with exactly one Table 三 outcome on date. */
int app_decide(struct store *s, const struct calendar *cal, int64_t id, int outcome, int date,
	       const char *basis, int today, struct gk_error *e) GK_WUR;

/* Everything about one application, loaded into arena a (and the schedule, which must be
 * freed with app_view_free). */
struct app_view {
	struct app_rec rec;
	struct app_event_rec *events;
	size_t nevents;
	struct app_status st;
	struct clock_schedule sch;  /* valid when has_schedule */
	bool has_schedule;
	int due;                    /* app_binding_due, or CLOCK_NONE */
	int64_t month_ordinal;      /* k: this application's rank for the applicant this month */
	int64_t fee_by_count;       /* 元 for that k (109号 按件) */
	int reply_late;             /* replied: working days after the binding deadline (0 = in
				     * time); -1 = not replied or no calendar */
	int correction_late;        /* 补正 notice: working days after its 7-day limit; -1 = none */
};

int app_load(struct store *s, const struct calendar *cal, int64_t id, int today,
	     struct arena *a, struct app_view *out, struct gk_error *e) GK_WUR;
void app_view_free(struct app_view *v);

/* The 1-based rank of application id among its applicant's applications to the same organ in
 * the same natural month, in order of receipt (109号 按件计收). */
int app_month_ordinal(struct store *s, int64_t id, int64_t *k, struct gk_error *e) GK_WUR;

/* ---- lists ---- */

struct app_query {
	int64_t agency_id;          /* 0 = every organ */
	const char *state;          /* a phase id, "open" (any open phase), or NULL */
	bool overdue;               /* only open applications past their binding deadline */
	int due_within;             /* ≥ 0: only open ones due within that many working days */
	int year;                   /* 0, or only those received in that year */
};

struct app_item {
	const struct app_rec *rec;  /* valid during the callback */
	enum app_phase phase;
	int due;                    /* binding reply deadline, CLOCK_NONE if none runs */
	int workdays_left;          /* working days from today to due (negative: overdue) */
	bool overdue;
};

typedef int (*app_item_fn)(void *ctx, const struct app_item *it);

/* Applications matching q, by date of receipt; deadlines live as of today. */
int app_list(struct store *s, const struct calendar *cal, const struct app_query *q, int today,
	     app_item_fn fn, void *ctx, struct gk_error *e) GK_WUR;

/* ---- the annual report (Table 三) ---- */

/* How one application counts in year Y's Table 三 (annual-report-format.md §4.5). */
struct app_year_row {
	int64_t id;
	enum applicant_type type;   /* the column */
	int received;
	int closed;                 /* CLOCK_NONE if still open at the time of the query */
	int outcome;                /* enum outcome if closed in Y, else -1 */
	bool carried_in;            /* received before Y and still open on Y-01-01 (二), else 一 */
	bool carried_out;           /* still open on Y-12-31 (四); else closed in Y with outcome */
};

typedef int (*app_year_fn)(void *ctx, const struct app_year_row *r);

/* Every application of agency_id that counts in year's Table 三: received on or before
 * 12-31 and not closed before 01-01. Each is in 一 or 二, and in exactly one outcome row or in
 * 四, so 一 + 二 = 三(七) + 四 per column holds by construction. */
int app_year_rows(struct store *s, int64_t agency_id, int year, app_year_fn fn, void *ctx,
		  struct gk_error *e) GK_WUR;

struct app_tally {
	int64_t new_received[APPLICANT__MAX];          /* 一 */
	int64_t carried_in[APPLICANT__MAX];            /* 二 */
	int64_t outcome[OUTCOME__MAX][APPLICANT__MAX]; /* 三 rows */
	int64_t handled_total[APPLICANT__MAX];         /* 三（七） */
	int64_t carried_out[APPLICANT__MAX];           /* 四 */
};

/* REQ 109号: the 信息处理费 of an organ's year — 收费通知 sent (by the date sent) with their
 * amounts, and fees paid (by the date paid) each with the amount of its notice. */
struct app_fee_year {
	int64_t notices, notice_fen;
	int64_t paid, paid_fen;
};
int app_fee_year(struct store *s, int64_t agency_id, int year, struct app_fee_year *out,
		 struct gk_error *e) GK_WUR;

/* The same, summed per applicant column. */
int app_year_tally(struct store *s, int64_t agency_id, int year, struct app_tally *out,
		   struct gk_error *e) GK_WUR;

#endif

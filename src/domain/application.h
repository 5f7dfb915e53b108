/*
 * application.h — applications for disclosure (依申请公开): the lifecycle rules.
 *
 * An application is received (条例第三十一条), then moves by typed events; the declared
 * transition table app_event_rules says, for each kind of event, in which states it may
 * happen, which state follows and whether it closes the application with a Table 三 outcome
 * (spec regulation-procedures.md §5.9), what it takes and the article behind it. Every time
 * limit of spec §5.10 and §6 is checked where the step is taken (app_apply, one place, in
 * domain/app_lifecycle.c): a step the law forbids or times is refused with the article and the
 * due date in the message and nothing is stored — deciding twice, a second correction notice
 * (一次性告知), closing for 逾期不补正 or 逾期未缴费 before the applicant's time ran out, a
 * correction or payment after it without a recorded reason, a fee notice or consultation after
 * the reply deadline, an extension beyond the Regulation's maximum, anything after closing, a
 * date before receipt or the previous event or in the future; a step the law only times (a
 * 补正 notice after 7 working days, a late reply or confirmation) is recorded with a warning
 * kept on the event. docs/lifecycle.md lists every step.
 *
 * The store keeps rows (store/app_store.h); this module validates, replays the events into a
 * status (app_replay, pure), computes the live deadlines with the statutory clock
 * (domain/clock.h) and writes an audit entry for every change. Callers open and close the
 * transaction. Dates are day numbers (text/date.h); CLOCK_NONE = no such date. The front ends
 * (CLI, console, the applicant's pages) call these functions and nothing else.
 * May call store/, domain/clock, domain/organ_rules, domain/audit, domain/fee, text/, base/.
 * Law: 条例 Arts. 29–42 (2019, 国务院令第711号; 2007, 国务院令第492号 Art. 24 for older
 * applications); 国办函〔2020〕109号.
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
#include "domain/organ_rules.h"
#include "store/app_store.h"
#include "store/store.h"
#include "text/desc.h"

/* Where an application stands. */
enum app_phase {
	PHASE_AWAITING_CONFIRMATION, /* arrived online / by e-mail, fax, plain letter: the date of
				      * receipt is the day it is confirmed (条例第三十一条) */
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
	EV_RECEIPT_CONFIRMED,
	EV_CORRECTION_REQUESTED,
	EV_CORRECTION_RECEIVED,
	EV_CORRECTION_LAPSED,
	EV_CONSULTATION_STARTED,
	EV_CONSULTATION_ANSWERED,
	EV_EXTENDED,
	EV_REASONS_REQUESTED,
	EV_REASONS_RECEIVED,
	EV_DELAYED,
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

/* What an event takes besides its date and note (bits of app_event_rule.takes): the CLI's
 * options and the console's fields follow from them. */
enum {
	TAKES_PERIOD = 1u << 0,      /* --period N (working days) or --due DATE */
	TAKES_LATE_REASON = 1u << 1, /* --late-reason TEXT: accepted after its time limit */
	TAKES_PARTY = 1u << 2,       /* --party third-party|organ [--counterpart NAME] */
	TAKES_REF = 1u << 3,         /* --ref N: which consultation */
	TAKES_WORKDAYS = 1u << 4,    /* --workdays N */
	TAKES_APPROVER = 1u << 5,    /* --approver NAME (required) */
	TAKES_FEE = 1u << 6,         /* --by-count | --by-pages P [--amount YUAN] */
};

/* One row of the transition table. */
struct app_event_rule {
	const char *id;         /* "correction-requested", … (typed, stored) */
	const char *label;      /* "补正告知" … */
	unsigned from;          /* bit (1u << phase) for every phase it may happen in */
	int to;                 /* the phase after it, or -1 = unchanged */
	int closes_with;        /* enum outcome it closes with, or -1 */
	const char *needs;      /* in which state it may be recorded, for the refusal */
	int after;              /* an event kind that must have come first, or -1 */
	const char *once;       /* NULL: may repeat; else why it happens once */
	const char *article;    /* the article it rests on ("条例第三十条") */
	unsigned takes;         /* TAKES_* */
	const char *limit;      /* its time limit, in words (docs/lifecycle.md, the console) */
};

extern const struct app_event_rule app_event_rules[EV__MAX];

/* The phase / event kind whose id is s, or -1. */
int app_phase_from_id(const char *s);
int app_event_from_id(const char *s);

/* Who is consulted (条例第三十二条 a third party, 第三十四条 another organ). */
enum app_party { PARTY_NONE, PARTY_THIRD_PARTY, PARTY_ORGAN, PARTY__MAX };
/* How a fee is computed (109号: one method per application). */
enum app_fee_method { FEE_METHOD_NONE, FEE_BY_COUNT, FEE_BY_PAGES, FEE_METHOD__MAX };

extern const char *const app_party_ids[PARTY__MAX];     /* "", "third-party", "organ" */
extern const char *const app_party_labels[PARTY__MAX];  /* "", "第三方", "其他行政机关" */
extern const char *const app_fee_method_ids[FEE_METHOD__MAX];    /* "", "by-count", "by-pages" */
extern const char *const app_fee_method_labels[FEE_METHOD__MAX]; /* "", "按件计收", "按量计收" */
int app_party_from_id(const char *s);        /* -1 if unknown */
int app_fee_method_from_id(const char *s);   /* -1 if unknown */

/* One consultation (征求意见) and its answer. */
struct app_consultation {
	int sent;                   /* the letter's date */
	int due;                    /* REQ 条例-32/34: answer due 15 WD later; CLOCK_NONE if unknown */
	int answered;               /* CLOCK_NONE while none */
	enum clock_pause_kind kind; /* PAUSE_THIRD_PARTY, PAUSE_ORGAN (PAUSE_CONSULTATION: older
				     * records that did not say) */
	bool lapsed;                /* the answer period ended without an answer: the pause ended
				     * at due (an organ's silence is consent; for a third party
				     * the organ decides) */
};

/* The organ's settings the lifecycle follows (domain/organ_rules.h). */
struct app_settings {
	bool fee_pause;             /* fee notice → payment left out of the reply limit */
	bool consult_cap;           /* a consultation pause ends at its answer due date */
	int correction_period;      /* working days a 补正 notice gives by default */
	int confirm_days;           /* working days to confirm a receipt */
};

/* What the events add up to (app_replay). */
struct app_status {
	int submitted;              /* the day it arrived */
	int received;               /* REQ 条例-31: the date of receipt (confirmation date for the
				     * channels that need one; submitted until then) */
	enum clock_regime regime;   /* from received: the 2019 or the 2007 Regulation */
	bool confirm_same_day;      /* a plain letter: confirmed the day it arrives */
	enum app_phase phase;
	int outcome;                /* enum outcome once closed, else -1 */
	int closed;                 /* closing date, or CLOCK_NONE */
	int last_date;              /* date of the latest event (received at first) */
	int last_kind;              /* enum app_event_kind of it, -1 = the receipt */
	int correction_requested;   /* dates, or CLOCK_NONE */
	int correction_due;         /* the applicant's last day to correct (CLOCK_NONE: not stated) */
	int correction_days;        /* its length in working days (0: not stated) */
	int correction_received;
	int extended;
	int extension_days;         /* the approved length (working days) */
	int reasons_requested;      /* Art. 35 */
	int reasons_received;
	int delayed;                /* Art. 35 delayed reply notified … */
	int delayed_days;           /* … with this period … */
	int delayed_due;            /* … ending on this day */
	int fee_notice;
	int fee_notice_received;
	int fee_paid;
	int64_t fee_fen;            /* amount of the fee notice, -1 = none */
	enum app_fee_method fee_method;
	int64_t fee_quantity;       /* the count (按件) or pages (按量), -1 = not stated */
	struct app_consultation consults[APP_MAX_CONSULTATIONS];
	size_t nconsults;
	struct app_settings settings;
};

#define APP_WARNING_LEN 480

/* One event as typed (app_record) or as stored (replay). app_apply fills in what it computes
 * (the period's due date, a consultation's answer due, the fee) and the warning. */
struct app_event_in {
	int kind;                   /* enum app_event_kind */
	int date;
	const char *note;           /* may be NULL */
	const char *approver;       /* extended: the head of the disclosure office who approved */
	int64_t amount_fen;         /* fee-notice: the amount given (checked), -1 = computed */
	int outcome;                /* decided: enum outcome */
	const char *basis;          /* decided: legal basis / reasons (may be NULL) */
	int due;                    /* a period's last day given as a date, or CLOCK_NONE (0,
				     * as in a zero-initialised event, also means none) */
	int days;                   /* a period in working days, 0 = not given */
	int party;                  /* consultation-started: enum app_party */
	int ref;                    /* consultation-answered: which one (1-based), 0 = the open one */
	int method;                 /* fee-notice: enum app_fee_method */
	int64_t quantity;           /* fee-notice: pages (按量) or the month's count (按件), -1 */
	const char *late_reason;    /* why a step after its time limit is accepted */
	const char *counterpart;    /* the party consulted / the organ responsible (36(五)) */
	const char *counterpart_contact;
	char warning[APP_WARNING_LEN];  /* out: what was late, kept with the event ("" = none) */
};

/* The text an event carries, declared once (note, basis, approver, late_reason, counterpart,
 * counterpart_contact: limits and labels); app_record checks by it. */
extern const struct desc_record app_event_desc;

/* An event with nothing given: every optional field unset. */
void app_event_init(struct app_event_in *ev, int kind, int date);

/* The status of a just-received application (the default settings). */
void app_status_init(struct app_status *st, int received);

/* The status of application r before its events: awaiting confirmation when it arrived by a
 * channel whose receipt must be confirmed and was registered with its day of arrival. */
int app_status_of(const struct app_rec *r, struct app_status *st, struct gk_error *e) GK_WUR;

/* The organ settings st follows. */
void app_status_settings(struct app_status *st, const struct organ_rules *rules);

/* REQ 条例-30 … REQ 109号 (every rule of the table): check that ev may follow st and apply it.
 * cal (may be NULL) enables the clock checks (a step after its time limit, a lapse before the
 * applicant's time ran out, the computed due dates); today bounds dates (no future events).
 * On refusal st is unchanged and ERR_STATE (or ERR_INVALID for a missing field) says why, in
 * Chinese, with the article and the date; an allowed late step leaves its warning in ev. */
int app_apply(struct app_status *st, struct app_event_in *ev, const struct calendar *cal,
	      int today, struct gk_error *e) GK_WUR;

/* The stored event as input (for replay and import). */
int app_event_of(const struct app_event_rec *rec, struct app_event_in *ev, struct gk_error *e) GK_WUR;

/* Replay stored events into st (no refusal checks beyond parsing), with the organ settings
 * settings (NULL: the defaults). */
int app_replay(const struct app_rec *r, const struct app_event_rec *ev, size_t n,
	       const struct organ_rules *settings, struct app_status *st, struct gk_error *e) GK_WUR;

/* st as of day: consultations whose answer period ended by then closed at their due date
 * (when the organ caps them; 2019 Regulation). The phase that shows. */
void app_settle(struct app_status *st, int day);

/* The deadlines of st as of today (open pauses counted as ending today, or at closing, and
 * never after their due date). out must be freed with clock_schedule_free even on error. */
int app_schedule(const struct app_status *st, const struct calendar *cal, int today,
		 struct clock_schedule *out, struct gk_error *e) GK_WUR;

/* THE rule of which reply limit applies: the delayed reply's once a delay was notified (条例
 * 第三十五条), else the extended one once extended (第三十三条), else the reply limit — as sch
 * counts it. */
const struct clock_deadline *app_reply_deadline(const struct app_status *st,
						const struct clock_schedule *sch);

/* The reply deadline that currently binds (app_reply_deadline's, with the dates the status
 * carries when the schedule has none), or CLOCK_NONE when no reply clock runs (awaiting
 * confirmation or correction, closed). */
int app_binding_due(const struct app_status *st, const struct clock_schedule *sch);

/* REQ 条例-31: the day by which the receipt of st must be confirmed (CLOCK_NONE when none is
 * awaited): a plain letter the day it arrived, others after the organ's confirm_days. */
int app_confirm_by(const struct app_status *st, const struct calendar *cal);

/* What an open application waits for, and who must act. */
enum app_todo {
	TODO_NONE,
	TODO_CONFIRM,             /* the office: confirm the receipt (by due) */
	TODO_REPLY,               /* the office: reply (by due) */
	TODO_WAIT_CORRECTION,     /* the applicant may correct until due */
	TODO_CLOSE_NO_CORRECTION, /* the correction period ended: close as （六）1 */
	TODO_WAIT_CONSULTATION,   /* a consulted party may answer until due */
	TODO_DECIDE_CONSULTED,    /* a third party did not answer by due: the organ decides */
	TODO_WAIT_PAYMENT,        /* the applicant may pay until due */
	TODO_CLOSE_FEE_UNPAID,    /* the payment period ended unpaid: close as （六）2 */
	TODO__MAX
};

struct app_todo_info {
	const char *id;           /* "confirm", "reply", … (JSON) */
	const char *label;        /* "待确认收到" … */
	bool office;              /* the office must act (lists and the dashboard) */
};
extern const struct app_todo_info app_todos[TODO__MAX];

/* What st waits for as of today, and until when (*until, CLOCK_NONE if no date). */
enum app_todo app_next(const struct app_status *st, const struct clock_schedule *sch,
		       int confirm_by, int today, int *until);

/* ---- persistence through the store (inside the caller's transaction) ---- */

/* The limits of an application's texts in bytes (APP_NAME_MAX …) are the stored record's:
 * store/app_store.h. */

/* REQ 条例-29: the content of an application. Every field is declared once in app_new_desc
 * (application.c): its id (the JSON key, the web form's field, the CLI's --option), limit,
 * Chinese label and help line; app_create checks it by that declaration. */
struct app_new {
	int64_t agency_id;
	int received;               /* day number: the day it arrived (handed in, signed for,
				     * submitted online, …) */
	int confirmed;              /* REQ 条例-31: for a channel whose receipt is confirmed, the
				     * day it was (0 = not yet: the application awaits it) */
	const char *channel;        /* app_channels id */
	const char *applicant_type; /* applicant_types id */
	const char *applicant_name;
	const char *contact;        /* REQ 条例-29 (一): required */
	const char *id_number;      /* optional: 身份证 for np (checked), USCC for organisations */
	const char *request;        /* REQ 条例-29 (二): required — name, 文号 or a description */
	const char *form;           /* 条例-29 (三): requested form and way of delivery (纸质、电子
				     *文档; 邮寄、电子邮件、当面领取、网上查看), optional */
};

extern const struct desc_record app_new_desc;

/* The application's fields as declared (app_new_desc.fields[APP_F_…]). */
enum { APP_F_RECEIVED, APP_F_CONFIRMED, APP_F_CHANNEL, APP_F_APPLICANT_TYPE, APP_F_APPLICANT_NAME,
       APP_F_ID_NUMBER, APP_F_CONTACT, APP_F_REQUEST, APP_F_FORM, APP_F__N };

/* REQ 条例-29: the particulars an applicant gives besides the name (identity number,
 * contact, the information asked for, the form asked for: each text of app_new_desc but the
 * name), in the order the record keeps them, with their values in r (NULL: not given). One
 * list for every place an application is shown or recorded, so a text added to the
 * declaration is shown everywhere. */
struct app_particular {
	const struct desc_field *field;  /* app_new_desc's: id and label */
	const char *value;
};
size_t app_particulars(const struct app_rec *r, struct app_particular out[APP_F__N]);

/* REQ 条例-29: check in against the declaration and the Regulation as of today (a date of
 * receipt not in the future nor before 2008-05-01, known channel and applicant type, a
 * confirmation date only where the channel needs one, the identity number's check
 * character); the first broken rule in e with the field's id and label. */
int app_new_check(const struct app_new *in, int today, struct gk_error *e) GK_WUR;

#define APP_CODE_LEN 15     /* "XXXX-XXXX-XXXX" + NUL */
#define APP_SECRET_LEN 17   /* 16 characters + NUL */

struct app_created {
	int64_t id;
	char tracking_code[APP_CODE_LEN];   /* public: shown on the portal's tracking page */
	char secret[APP_SECRET_LEN];        /* for the applicant only; the store keeps its hash */
	char warning[APP_WARNING_LEN];      /* a late confirmation ("" = none) */
};

/* Register a new application (audit-logged). cal may be NULL (no deadline summary). REQ
 * 条例-31: a date before 2008-05-01 is refused; a channel whose receipt is confirmed either
 * carries its confirmation date (recorded as the event receipt-confirmed) or awaits it. */
int app_create(struct store *s, const struct calendar *cal, const struct app_new *in,
	       int today, struct app_created *out, struct gk_error *e) GK_WUR;

/* Record an event (a decision too) on application id after app_apply's checks; audit-logged.
 * A fee-notice by count gets the 按件 fee of the applicant's count this month (refused when
 * that is 0: the first 10 are free). ev->warning receives the warning kept with the event. */
int app_record(struct store *s, const struct calendar *cal, int64_t id,
	       struct app_event_in *ev, int today, struct gk_error *e) GK_WUR;

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
	int confirm_by;             /* the receipt must be confirmed by then; CLOCK_NONE */
	enum app_todo todo;         /* what it waits for as of today … */
	int todo_until;             /* … until when (CLOCK_NONE: no date) */
	struct organ_rules rules;   /* the organ's settings it follows */
};

/* The time limit that applies to step kind of v now, as a Chinese sentence with its dates and
 * article (for the console beside the action, and any front end); "" when none. */
const char *app_step_limit(const struct app_view *v, int kind, char *buf, size_t len);

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
	bool overdue;               /* only open applications past their binding deadline or
				     * their confirmation date */
	int due_within;             /* ≥ 0: only open ones the office must act on within that
				     * many working days (reply, confirm) or now (to close) */
	int year;                   /* 0, or only those received in that year */
};

struct app_item {
	const struct app_rec *rec;  /* valid during the callback */
	enum app_phase phase;
	int due;                    /* binding reply deadline, CLOCK_NONE if none runs */
	int workdays_left;          /* working days from today to due (negative: overdue) */
	bool overdue;
	enum app_todo todo;         /* what it waits for (app_next) … */
	int todo_until;             /* … until when, CLOCK_NONE */
	int todo_left;              /* working days from today to todo_until (negative: past) */
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

/* What an organ's annual report takes from its applications: Table 三's tally per applicant
 * column (each application of the year in 一 or 二, and in exactly one outcome row or in 四,
 * so 一 + 二 = 三（七） + 四 per column holds by construction) and the year's fees. */
struct app_organ_year {
	int64_t agency_id;
	struct app_tally tally;
	struct app_fee_year fees;
};

/* Organ agency_id's year (all zero when it has no application that counts). */
int app_organ_year(struct store *s, int64_t agency_id, int year, struct app_organ_year *out,
		   struct gk_error *e) GK_WUR;

/* The same for organ root_id and every organ under it, counted at once (a region of 1,000
 * organs: two queries, not 3,000): *out an array in a, by ascending organ id, with an entry
 * for every organ under root_id that has applications or fees in the year;
 * app_organ_year_find picks one (NULL: none, all figures zero). */
int app_region_year(struct store *s, int64_t root_id, int year, struct arena *a,
		    struct app_organ_year **out, size_t *n, struct gk_error *e) GK_WUR;
const struct app_organ_year *app_organ_year_find(const struct app_organ_year *v, size_t n,
						 int64_t agency_id);

#endif

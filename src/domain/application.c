/*
 * application.c — the application lifecycle (see application.h).
 */
#include "domain/application.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "domain/audit.h"
#include "domain/fee.h"
#include "store/doc_store.h"
#include "text/date.h"
#include "text/idcode.h"
#include "text/jsonw.h"
#include "text/utf8.h"

#define B(p) (1u << (p))
#define OPEN_PHASES (B(PHASE_RECEIVED) | B(PHASE_AWAITING_CORRECTION) | B(PHASE_CONSULTING) | \
		     B(PHASE_FEE_NOTICE_SENT) | B(PHASE_AWAITING_PAYMENT))

const struct app_phase_info app_phases[PHASE__MAX] = {
	[PHASE_RECEIVED] = { "received", "办理中", true },
	[PHASE_AWAITING_CORRECTION] = { "awaiting-correction", "待补正", true },
	[PHASE_CONSULTING] = { "consulting", "征求意见中", true },
	[PHASE_FEE_NOTICE_SENT] = { "fee-notice-sent", "已发收费通知", true },
	[PHASE_AWAITING_PAYMENT] = { "awaiting-payment", "待缴费", true },
	[PHASE_REPLIED] = { "replied", "已答复", false },
	[PHASE_CLOSED] = { "closed", "已终止", false },
};

/* REQ 条例-30 REQ 条例-32 REQ 条例-33 REQ 条例-34 REQ 109号: the transition table of §5.9. */
const struct app_event_rule app_event_rules[EV__MAX] = {
	[EV_CORRECTION_REQUESTED] = { "correction-requested", "补正告知",
		B(PHASE_RECEIVED), PHASE_AWAITING_CORRECTION, -1,
		"an application being handled (办理中)" },
	[EV_CORRECTION_RECEIVED] = { "correction-received", "收到补正",
		B(PHASE_AWAITING_CORRECTION), PHASE_RECEIVED, -1,
		"a correction request awaiting its answer (correction-requested)" },
	[EV_CORRECTION_LAPSED] = { "correction-lapsed", "逾期未补正",
		B(PHASE_AWAITING_CORRECTION), PHASE_CLOSED, OUTCOME_OTHER_NO_CORRECTION,
		"a correction request awaiting its answer (correction-requested)" },
	[EV_CONSULTATION_STARTED] = { "consultation-started", "征求意见",
		B(PHASE_RECEIVED), PHASE_CONSULTING, -1,
		"an application being handled (办理中) with no consultation open" },
	[EV_CONSULTATION_ANSWERED] = { "consultation-answered", "收到意见",
		B(PHASE_CONSULTING), PHASE_RECEIVED, -1,
		"a consultation that was started (consultation-started) and not yet answered" },
	[EV_EXTENDED] = { "extended", "延长答复期限",
		B(PHASE_RECEIVED) | B(PHASE_CONSULTING), -1, -1,
		"an application being handled or in consultation, whose reply clock runs" },
	[EV_FEE_NOTICE] = { "fee-notice", "收费通知",
		B(PHASE_RECEIVED), PHASE_FEE_NOTICE_SENT, -1,
		"an application being handled (办理中)" },
	[EV_FEE_NOTICE_RECEIVED] = { "fee-notice-received", "申请人收到收费通知",
		B(PHASE_FEE_NOTICE_SENT), PHASE_AWAITING_PAYMENT, -1,
		"a fee notice that was sent (fee-notice)" },
	[EV_FEE_PAID] = { "fee-paid", "缴费",
		B(PHASE_FEE_NOTICE_SENT) | B(PHASE_AWAITING_PAYMENT), PHASE_RECEIVED, -1,
		"a fee notice that was sent (fee-notice) and not yet paid" },
	[EV_FEE_LAPSED] = { "fee-lapsed", "逾期未缴费",
		B(PHASE_AWAITING_PAYMENT), PHASE_CLOSED, OUTCOME_OTHER_FEE_UNPAID,
		"a fee notice the applicant received (fee-notice-received) and did not pay" },
	[EV_WITHDRAWN] = { "withdrawn", "申请人撤回",
		OPEN_PHASES, PHASE_CLOSED, OUTCOME_OTHER_MISC,
		"an open application" },
	[EV_DECIDED] = { "decided", "答复",
		B(PHASE_RECEIVED), PHASE_REPLIED, -1,
		"an application being handled (办理中): not awaiting a correction, a consultation "
		"answer or a fee" },
};

int app_phase_from_id(const char *s)
{
	for (int i = 0; s && i < PHASE__MAX; i++)
		if (strcmp(app_phases[i].id, s) == 0)
			return i;
	return -1;
}

int app_event_from_id(const char *s)
{
	for (int i = 0; s && i < EV__MAX; i++)
		if (strcmp(app_event_rules[i].id, s) == 0)
			return i;
	return -1;
}

void app_status_init(struct app_status *st, int received)
{
	memset(st, 0, sizeof *st);
	st->received = received;
	st->phase = PHASE_RECEIVED;
	st->outcome = -1;
	st->closed = CLOCK_NONE;
	st->last_date = received;
	st->last_kind = -1;
	st->correction_requested = CLOCK_NONE;
	st->correction_received = CLOCK_NONE;
	st->extended = CLOCK_NONE;
	st->fee_notice = CLOCK_NONE;
	st->fee_notice_received = CLOCK_NONE;
	st->fee_paid = CLOCK_NONE;
	st->fee_fen = -1;
	st->fee_pause = true;
}

int app_fee_pause_setting(const char *value)
{
	if (value == NULL || strcmp(value, "yes") == 0)
		return 1;
	return strcmp(value, "no") == 0 ? 0 : -1;
}

/* The fee-pause setting of organ agency_id into *on. */
static int organ_fee_pause(struct store *s, int64_t agency_id, bool *on, struct gk_error *e)
{
	struct agency_profile p;
	struct arena a;
	int found, rc;

	arena_init(&a);
	rc = doc_store(s)->profile_get(s, agency_id, &a, &p, &found, e);
	*on = app_fee_pause_setting(p.fee_pause) != 0;
	arena_free(&a);
	return rc;
}

static const char *ds(int day, char out[DATE_LEN])
{
	return date_format(day, out);
}

/* Apply without checks (the checks passed, or the event is being replayed). */
static int transition(struct app_status *st, const struct app_event_in *ev, struct gk_error *e)
{
	const struct app_event_rule *r = &app_event_rules[ev->kind];

	switch (ev->kind) {
	case EV_CORRECTION_REQUESTED:
		st->correction_requested = ev->date;
		break;
	case EV_CORRECTION_RECEIVED:
		st->correction_received = ev->date;
		break;
	case EV_CONSULTATION_STARTED:
	case EV_FEE_NOTICE:
		if (st->npauses >= CLOCK_MAX_PAUSES)
			return err_set(e, ERR_LIMIT, "KIND", "more than %d consultations and fee "
				       "notices on one application", CLOCK_MAX_PAUSES);
		st->pauses[st->npauses].sent = ev->date;
		st->pauses[st->npauses].answered = CLOCK_NONE;
		st->pauses[st->npauses].kind = ev->kind == EV_FEE_NOTICE ? PAUSE_FEE : PAUSE_CONSULTATION;
		st->npauses++;
		if (ev->kind == EV_FEE_NOTICE) {
			st->fee_notice = ev->date;
			st->fee_fen = ev->amount_fen;
		}
		break;
	case EV_CONSULTATION_ANSWERED:
	case EV_FEE_PAID:
		for (size_t i = st->npauses; i-- > 0;) {
			if (st->pauses[i].answered == CLOCK_NONE) {
				st->pauses[i].answered = ev->date;
				break;
			}
		}
		if (ev->kind == EV_FEE_PAID)
			st->fee_paid = ev->date;
		break;
	case EV_EXTENDED:
		st->extended = ev->date;
		break;
	case EV_FEE_NOTICE_RECEIVED:
		st->fee_notice_received = ev->date;
		break;
	default:
		break;
	}
	if (r->to >= 0)
		st->phase = r->to;
	if (ev->kind == EV_DECIDED)
		st->outcome = ev->outcome;
	else if (r->closes_with >= 0)
		st->outcome = r->closes_with;
	if (!app_phases[st->phase].open) {
		st->closed = ev->date;
		/* a pause still open at closing ends there */
		for (size_t i = 0; i < st->npauses; i++)
			if (st->pauses[i].answered == CLOCK_NONE)
				st->pauses[i].answered = ev->date;
	}
	st->last_date = ev->date;
	st->last_kind = ev->kind;
	return 0;
}

static const char *last_name(const struct app_status *st)
{
	return st->last_kind < 0 ? "received" : app_event_rules[st->last_kind].id;
}

int app_apply(struct app_status *st, const struct app_event_in *ev, const struct calendar *cal,
	      int today, struct gk_error *e)
{
	const struct app_event_rule *r;
	char d1[DATE_LEN], d2[DATE_LEN];

	if (ev->kind < 0 || ev->kind >= EV__MAX)
		return err_set(e, ERR_INVALID, "KIND", "unknown event kind");
	r = &app_event_rules[ev->kind];
	/* REQ 条例-45: nothing after closing */
	if (!app_phases[st->phase].open)
		return err_set(e, ERR_STATE, r->id, "refused: the application is closed (%s, %s on "
			       "%s); nothing can be recorded after closing", app_phases[st->phase].label,
			       app_outcome_id(st->outcome), ds(st->closed, d1));
	if (ev->date < st->received)
		return err_set(e, ERR_STATE, "--date", "refused: %s is before the application was "
			       "received (%s)", ds(ev->date, d1), ds(st->received, d2));
	if (ev->date < st->last_date)
		return err_set(e, ERR_STATE, "--date", "refused: %s is before the previous event "
			       "(%s on %s); events are recorded in order", ds(ev->date, d1),
			       last_name(st), ds(st->last_date, d2));
	if (ev->date > today)
		return err_set(e, ERR_STATE, "--date", "refused: %s is in the future (today is %s)",
			       ds(ev->date, d1), ds(today, d2));
	/* REQ 条例-30: one correction notice only (一次性告知) */
	if (ev->kind == EV_CORRECTION_REQUESTED && st->correction_requested != CLOCK_NONE)
		return err_set(e, ERR_STATE, r->id, "refused: a correction was already requested on "
			       "%s; the applicant is told once what to correct (一次性告知, 条例第三十条)",
			       ds(st->correction_requested, d1));
	/* REQ 条例-33: one extension, approved by the head of the disclosure office */
	if (ev->kind == EV_EXTENDED && st->extended != CLOCK_NONE)
		return err_set(e, ERR_STATE, r->id, "refused: the reply period was already extended on "
			       "%s; it may be extended once, by at most 20 working days (条例第三十三条)",
			       ds(st->extended, d1));
	if (ev->kind == EV_EXTENDED && (ev->approver == NULL || !*ev->approver))
		return err_set(e, ERR_INVALID, "--approver", "an extension needs the consent of the "
			       "head of the disclosure office (工作机构负责人同意, 条例第三十三条): give "
			       "--approver NAME");
	if (ev->kind == EV_FEE_NOTICE && st->fee_notice != CLOCK_NONE)
		return err_set(e, ERR_STATE, r->id, "refused: a fee notice was already sent on %s; "
			       "one application is charged once, by one method (109号)",
			       ds(st->fee_notice, d1));
	if (ev->kind == EV_FEE_NOTICE && ev->amount_fen <= 0)
		return err_set(e, ERR_INVALID, "--amount", "a fee notice needs an amount above 0");
	if (!(r->from & B(st->phase)))
		return err_set(e, ERR_STATE, r->id, "refused: %s needs %s, but the application is %s "
			       "(%s)", r->id, r->needs, app_phases[st->phase].id,
			       app_phases[st->phase].label);
	if (ev->kind == EV_DECIDED) {
		if (ev->outcome < 0 || ev->outcome >= OUTCOME__MAX)
			return err_set(e, ERR_INVALID, "--outcome", "unknown outcome");
		if (ev->outcome == OUTCOME_OTHER_NO_CORRECTION)
			return err_set(e, ERR_STATE, "--outcome", "refused: other_no_correction is "
				       "recorded with 'app event ID correction-lapsed' after a correction "
				       "request");
		if (ev->outcome == OUTCOME_OTHER_FEE_UNPAID)
			return err_set(e, ERR_STATE, "--outcome", "refused: other_fee_unpaid is recorded "
				       "with 'app event ID fee-lapsed' after a fee notice");
		/* REQ 条例-30: "still unclear after correction" needs a correction round */
		if (ev->outcome == OUTCOME_UNABLE_UNCLEAR_AFTER_FIX &&
		    st->correction_received == CLOCK_NONE)
			return err_set(e, ERR_STATE, "--outcome", "refused: unable_unclear_after_fix "
				       "(补正后申请内容仍不明确) needs a correction requested and received first");
	}
	if (cal && (ev->kind == EV_EXTENDED || ev->kind == EV_FEE_LAPSED)) {
		struct clock_schedule sch;
		int rc = app_schedule(st, cal, ev->date, &sch, e);
		if (rc == 0 && ev->kind == EV_EXTENDED && sch.reply.due != CLOCK_NONE &&
		    ev->date > sch.reply.due)
			rc = err_set(e, ERR_STATE, "--date", "refused: the reply deadline %s has passed; "
				     "an extension must be approved within the time limit (条例第三十三条)",
				     ds(sch.reply.due, d1));
		/* REQ 109号: deemed abandoned only after the 20 working days to pay */
		if (rc == 0 && ev->kind == EV_FEE_LAPSED && sch.fee_payment.due != CLOCK_NONE &&
		    ev->date <= sch.fee_payment.due)
			rc = err_set(e, ERR_STATE, "--date", "refused: the applicant may pay until %s "
				     "(20 working days after receiving the notice, 109号)",
				     ds(sch.fee_payment.due, d1));
		clock_schedule_free(&sch);
		if (rc != 0)
			return rc;
	}
	{
		struct app_status next = *st;
		int rc = transition(&next, ev, e);
		if (rc != 0)
			return rc;
		*st = next;
	}
	return 0;
}

int app_replay(const struct app_rec *r, const struct app_event_rec *ev, size_t n,
	       struct app_status *st, struct gk_error *e)
{
	int received, rc;

	if ((rc = date_parse(r->received, &received, "received", e)) != 0)
		return rc;
	app_status_init(st, received);
	for (size_t i = 0; i < n; i++) {
		struct app_event_in in = { .amount_fen = ev[i].amount_fen, .outcome = -1 };
		in.kind = app_event_from_id(ev[i].kind);
		if (in.kind < 0)
			return err_set(e, ERR_DB, "", "application %" PRId64 ": unknown stored event "
				       "'%s'", r->id, ev[i].kind);
		if ((rc = date_parse(ev[i].date, &in.date, "date", e)) != 0)
			return rc;
		if (ev[i].outcome)
			in.outcome = app_outcome_find(ev[i].outcome);
		if ((rc = transition(st, &in, e)) != 0)
			return rc;
	}
	return 0;
}

int app_schedule(const struct app_status *st, const struct calendar *cal, int today,
		 struct clock_schedule *out, struct gk_error *e)
{
	struct clock_pause pauses[CLOCK_MAX_PAUSES];
	struct clock_application in;
	int end = st->closed != CLOCK_NONE ? st->closed : today;
	size_t n = 0;

	if (end < st->last_date)
		end = st->last_date;
	for (size_t i = 0; i < st->npauses; i++) {
		if (st->pauses[i].kind == PAUSE_FEE && !st->fee_pause)
			continue;   /* the organ counts the fee period towards the limit */
		pauses[n] = st->pauses[i];
		if (pauses[n].answered == CLOCK_NONE)
			pauses[n].answered = end > pauses[n].sent ? end : pauses[n].sent;
		n++;
	}
	memset(&in, 0, sizeof in);
	in.received = st->received;
	in.correction_received = st->correction_received;
	in.pauses = pauses;
	in.npauses = n;
	in.extended = st->extended != CLOCK_NONE;
	in.fee_notice_received = st->fee_notice_received;
	return clock_schedule_compute(cal, &in, out, e);
}

int app_binding_due(const struct app_status *st, const struct clock_schedule *sch)
{
	if (!app_phases[st->phase].open || st->phase == PHASE_AWAITING_CORRECTION)
		return CLOCK_NONE;
	if (st->extended != CLOCK_NONE && sch->extended_reply.due != CLOCK_NONE)
		return sch->extended_reply.due;
	return sch->reply.due;
}

/* ---- persistence ---- */

static int text_ok(const char *s, size_t max)
{
	return s == NULL || (strlen(s) <= max && utf8_valid(s, strlen(s)));
}

/* The summary columns after a change: state, outcome, closed, current deadline. */
static int save_summary(struct store *s, const struct calendar *cal, int64_t id,
			const struct app_status *st, int today, struct gk_error *e)
{
	char closed[DATE_LEN], due[DATE_LEN];
	const char *due_s = NULL;
	int rc;

	if (cal && app_phases[st->phase].open) {
		struct clock_schedule sch;
		if ((rc = app_schedule(st, cal, today, &sch, e)) == 0) {
			int d = app_binding_due(st, &sch);
			if (d != CLOCK_NONE)
				due_s = date_format(d, due);
		}
		clock_schedule_free(&sch);
		if (rc != 0)
			return rc;
	}
	return app_store(s)->update_summary(s, id, app_phases[st->phase].id,
					    st->outcome >= 0 ? app_outcome_id(st->outcome) : NULL,
					    st->closed != CLOCK_NONE ? date_format(st->closed, closed) : NULL,
					    due_s, e);
}

/* 12 characters without 0 O 1 I L, grouped by 4: easy to read out on the phone. */
static const char code_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

static void new_code(char out[APP_CODE_LEN])
{
	char raw[13];

	crypto_random_code(raw, 12, code_alphabet);
	snprintf(out, APP_CODE_LEN, "%.4s-%.4s-%.4s", raw, raw + 4, raw + 8);
}

int app_create(struct store *s, const struct calendar *cal, const struct app_new *in,
	       int today, struct app_created *out, struct gk_error *e)
{
	struct app_rec r;
	struct app_status st;
	struct buf key, js;
	struct jsonw w;
	char received[DATE_LEN], now[21], secret_hash[CRYPTO_SHA256_HEX], ids[256];
	char id_number[RESIDENT_ID_LEN + 1];
	int type, rc = 0;

	buf_init(&key, 4096);
	buf_init(&js, 0);
	memset(&r, 0, sizeof r);
	memset(out, 0, sizeof *out);
	if (in->received > today) {
		rc = err_set(e, ERR_INVALID, "--received", "%s is in the future",
			     date_format(in->received, received));
		goto out;
	}
	if (app_channel_find(in->channel) < 0) {
		rc = err_set(e, ERR_INVALID, "--channel", "unknown channel '%s' (one of %s)",
			     in->channel ? in->channel : "", app_code_ids(CODES_CHANNELS, ids, sizeof ids));
		goto out;
	}
	type = app_applicant_find(in->applicant_type);
	if (type < 0) {
		rc = err_set(e, ERR_INVALID, "--applicant-type", "unknown applicant type '%s' (one "
			     "of %s)", in->applicant_type ? in->applicant_type : "",
			     app_code_ids(CODES_APPLICANTS, ids, sizeof ids));
		goto out;
	}
	if (in->applicant_name == NULL || !*in->applicant_name || !text_ok(in->applicant_name, 200)) {
		rc = err_set(e, ERR_INVALID, "--applicant-name", "the applicant's name is required "
			     "(UTF-8, at most 200 bytes)");
		goto out;
	}
	if (!text_ok(in->contact, 500)) {
		rc = err_set(e, ERR_INVALID, "--contact", "at most 500 bytes of UTF-8");
		goto out;
	}
	if (!text_ok(in->request, 20000)) {
		rc = err_set(e, ERR_INVALID, "--request", "at most 20000 bytes of UTF-8");
		goto out;
	}
	if (!text_ok(in->form, 200)) {
		rc = err_set(e, ERR_INVALID, "--form", "at most 200 bytes of UTF-8");
		goto out;
	}
	if (in->id_number && *in->id_number) {
		/* REQ GB11643-check: a natural person's 身份证 number; REQ GB32100-check otherwise */
		if (type == APPLICANT_NP)
			rc = idcode_resident_id_validate(in->id_number, "--id-number", e);
		else
			rc = idcode_uscc_validate(in->id_number, "--id-number", e);
		if (rc != 0)
			goto out;
		/* one spelling per person: a check character 'x' is stored as 'X' */
		snprintf(id_number, sizeof id_number, "%s", in->id_number);
		if (id_number[17] == 'x')
			id_number[17] = 'X';
		r.id_number = id_number;
	}
	/* "The same applicant" for 按件计收: the identity number when known, else type + name. */
	if (r.id_number)
		rc = buf_printf(&key, "id:%s", r.id_number);
	else
		rc = buf_printf(&key, "name:%s:%s", app_applicant_id(type), in->applicant_name);
	if (rc != 0) {
		rc = err_set(e, ERR_LIMIT, "--applicant-name", "too long");
		goto out;
	}
	crypto_random_code(out->secret, APP_SECRET_LEN - 1, code_alphabet);
	crypto_sha256_hex(out->secret, strlen(out->secret), secret_hash);
	store_now(now);
	r.agency_id = in->agency_id;
	r.secret_hash = secret_hash;
	r.received = date_format(in->received, received);
	r.channel = in->channel;
	r.applicant_type = in->applicant_type;
	r.applicant_name = in->applicant_name;
	r.applicant_key = buf_cstr(&key);
	r.contact = in->contact && *in->contact ? in->contact : NULL;
	r.request = in->request && *in->request ? in->request : NULL;
	r.form = in->form && *in->form ? in->form : NULL;
	r.state = app_phases[PHASE_RECEIVED].id;
	r.created_at = now;
	for (int attempt = 0; attempt < 4; attempt++) {
		new_code(out->tracking_code);
		r.tracking_code = out->tracking_code;
		rc = app_store(s)->insert(s, &r, &out->id, e);
		if (rc != ERR_CONFLICT || !strstr(e->msg, "tracking_code"))
			break;
	}
	if (rc != 0)
		goto out;
	app_status_init(&st, in->received);
	if ((rc = save_summary(s, cal, out->id, &st, today, e)) != 0)
		goto out;
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "tracking_code", r.tracking_code);
	jsonw_kstr(&w, "received", r.received);
	jsonw_kstr(&w, "channel", r.channel);
	jsonw_kstr(&w, "applicant_type", r.applicant_type);
	jsonw_kstr(&w, "applicant_name", r.applicant_name);
	jsonw_kstr(&w, "contact", r.contact);
	jsonw_kbool(&w, "id_number_given", r.id_number != NULL);
	jsonw_kstr(&w, "request", r.request);
	jsonw_kstr(&w, "form", r.form);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0) {
		err_set(e, rc, "", "audit content too large");
		goto out;
	}
	rc = audit_record(s, in->agency_id, "application", out->id, "create", buf_cstr(&js), e);
out:
	buf_free(&key);
	buf_free(&js);
	return rc;
}

int app_month_ordinal(struct store *s, int64_t id, int64_t *k, struct gk_error *e)
{
	struct arena a;
	struct app_rec r;
	char first[DATE_LEN];
	int rc;

	arena_init(&a);
	if ((rc = app_store(s)->get(s, id, &a, &r, e)) == 0) {
		snprintf(first, sizeof first, "%.8s01", r.received);   /* YYYY-MM-01 */
		rc = app_store(s)->ordinal_in_month(s, id, first, k, e);
	}
	arena_free(&a);
	return rc;
}

static int record(struct store *s, const struct calendar *cal, int64_t id,
		  const struct app_event_in *ev_in, int today, struct gk_error *e)
{
	struct arena a;
	struct app_rec r;
	struct app_event_rec *evs, row;
	struct app_event_in ev = *ev_in;
	struct app_status st;
	struct buf js;
	struct jsonw w;
	size_t n;
	char date[DATE_LEN], now[21];
	int64_t eid;
	int rc;

	arena_init(&a);
	buf_init(&js, 0);
	if (!text_ok(ev.note, 5000) || !text_ok(ev.basis, 5000) || !text_ok(ev.approver, 200)) {
		rc = err_set(e, ERR_INVALID, "--note", "notes and basis: at most 5000 bytes of UTF-8");
		goto out;
	}
	if ((rc = app_store(s)->get(s, id, &a, &r, e)) != 0)
		goto out;
	if ((rc = app_store(s)->events(s, id, &a, &evs, &n, e)) != 0)
		goto out;
	if ((rc = app_replay(&r, evs, n, &st, e)) != 0 ||
	    (rc = organ_fee_pause(s, r.agency_id, &st.fee_pause, e)) != 0)
		goto out;
	if (ev.kind == EV_FEE_NOTICE && ev.amount_fen < 0 && app_phases[st.phase].open) {
		/* REQ 109号-按件: the ledger counts the applicant's applications this month */
		int64_t k = 0;
		if ((rc = app_month_ordinal(s, id, &k, e)) != 0)
			goto out;
		ev.amount_fen = fee_by_count(k) * 100;
		if (ev.amount_fen == 0) {
			rc = err_set(e, ERR_STATE, "--amount", "refused: this is the applicant's "
				     "application no. %" PRId64 " to this organ this month; the first 10 "
				     "are free (109号 按件计收). Give --amount for a fee by pages", k);
			goto out;
		}
	}
	if ((rc = app_apply(&st, &ev, cal, today, e)) != 0)
		goto out;
	memset(&row, 0, sizeof row);
	store_now(now);
	row.app_id = id;
	row.kind = app_event_rules[ev.kind].id;
	row.date = date_format(ev.date, date);
	row.note = ev.note && *ev.note ? ev.note : NULL;
	row.approver = ev.kind == EV_EXTENDED ? ev.approver : NULL;
	row.amount_fen = ev.kind == EV_FEE_NOTICE ? ev.amount_fen : -1;
	row.outcome = st.outcome >= 0 && !app_phases[st.phase].open ? app_outcome_id(st.outcome) : NULL;
	row.basis = ev.basis && *ev.basis ? ev.basis : NULL;
	row.actor = store_actor(s)[0] ? store_actor(s) : "unknown";
	row.created_at = now;
	if ((rc = app_store(s)->event_insert(s, &row, &eid, e)) != 0)
		goto out;
	if ((rc = save_summary(s, cal, id, &st, today, e)) != 0)
		goto out;
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "event_id", eid);
	jsonw_kstr(&w, "kind", row.kind);
	jsonw_kstr(&w, "date", row.date);
	jsonw_kstr(&w, "note", row.note);
	jsonw_kstr(&w, "approver", row.approver);
	jsonw_key(&w, "amount_fen");
	if (row.amount_fen >= 0)
		jsonw_int(&w, row.amount_fen);
	else
		jsonw_null(&w);
	jsonw_kstr(&w, "outcome", row.outcome);
	jsonw_kstr(&w, "basis", row.basis);
	jsonw_kstr(&w, "state", app_phases[st.phase].id);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0) {
		err_set(e, rc, "", "audit content too large");
		goto out;
	}
	rc = audit_record(s, r.agency_id, "application", id,
			  ev.kind == EV_DECIDED ? "decide" : "event", buf_cstr(&js), e);
out:
	buf_free(&js);
	arena_free(&a);
	return rc;
}

int app_record(struct store *s, const struct calendar *cal, int64_t id,
	       const struct app_event_in *ev, int today, struct gk_error *e)
{
	if (ev->kind == EV_DECIDED)
		return err_set(e, ERR_INVALID, "KIND", "a decision is recorded with 'app decide'");
	return record(s, cal, id, ev, today, e);
}

int app_decide(struct store *s, const struct calendar *cal, int64_t id, int outcome, int date,
	       const char *basis, int today, struct gk_error *e)
{
	struct app_event_in ev = { .kind = EV_DECIDED, .date = date, .outcome = outcome,
				   .basis = basis, .amount_fen = -1 };
	return record(s, cal, id, &ev, today, e);
}

/* REQ 条例-30 REQ 条例-33: how late the 补正 notice and the reply were, in working days. */
static void late(struct app_view *v, const struct calendar *cal)
{
	const struct app_status *st = &v->st;
	int due;

	if (st->correction_requested != CLOCK_NONE && v->sch.correction_notice.due != CLOCK_NONE)
		v->correction_late = st->correction_requested > v->sch.correction_notice.due
			? calendar_count_workdays(cal, v->sch.correction_notice.due, st->correction_requested)
			: 0;
	if (st->phase != PHASE_REPLIED)
		return;
	due = st->extended != CLOCK_NONE ? v->sch.extended_reply.due : v->sch.reply.due;
	if (due != CLOCK_NONE)
		v->reply_late = st->closed > due ? calendar_count_workdays(cal, due, st->closed) : 0;
}

int app_load(struct store *s, const struct calendar *cal, int64_t id, int today,
	     struct arena *a, struct app_view *out, struct gk_error *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->due = CLOCK_NONE;
	out->reply_late = -1;
	out->correction_late = -1;
	if ((rc = app_store(s)->get(s, id, a, &out->rec, e)) != 0)
		return rc;
	if ((rc = app_store(s)->events(s, id, a, &out->events, &out->nevents, e)) != 0)
		return rc;
	if ((rc = app_replay(&out->rec, out->events, out->nevents, &out->st, e)) != 0 ||
	    (rc = organ_fee_pause(s, out->rec.agency_id, &out->st.fee_pause, e)) != 0)
		return rc;
	if ((rc = app_month_ordinal(s, id, &out->month_ordinal, e)) != 0)
		return rc;
	out->fee_by_count = fee_by_count(out->month_ordinal);
	if (cal) {
		rc = app_schedule(&out->st, cal, today, &out->sch, e);
		out->has_schedule = true;   /* freed by app_view_free in every case */
		if (rc != 0)
			return rc;
		out->due = app_binding_due(&out->st, &out->sch);
		late(out, cal);
	}
	return 0;
}

void app_view_free(struct app_view *v)
{
	if (v && v->has_schedule) {
		clock_schedule_free(&v->sch);
		v->has_schedule = false;
	}
}

/* ---- lists ---- */

struct list_ctx {
	struct store *s;
	const struct calendar *cal;
	const struct app_query *q;
	int today;
	app_item_fn fn;
	void *ctx;
	struct gk_error *e;
	int rc;
	int64_t pause_agency;   /* the organ whose fee-pause setting is in pause_on, or 0 */
	bool pause_on;
};

static int list_row(void *p, const struct app_rec *r)
{
	struct list_ctx *c = p;
	struct app_item it;
	struct app_event_rec *evs;
	struct app_status st;
	struct arena a;
	size_t n;
	int rc;

	memset(&it, 0, sizeof it);
	it.rec = r;
	it.due = CLOCK_NONE;
	it.phase = app_phase_from_id(r->state);
	if ((int)it.phase < 0)
		it.phase = PHASE_RECEIVED;
	if (r->closed == NULL && c->cal) {
		struct clock_schedule sch;
		arena_init(&a);
		rc = app_store(c->s)->events(c->s, r->id, &a, &evs, &n, c->e);
		if (rc == 0)
			rc = app_replay(r, evs, n, &st, c->e);
		if (rc == 0 && c->pause_agency != r->agency_id) {
			rc = organ_fee_pause(c->s, r->agency_id, &c->pause_on, c->e);
			c->pause_agency = r->agency_id;
		}
		st.fee_pause = c->pause_on;
		if (rc == 0) {
			rc = app_schedule(&st, c->cal, c->today, &sch, c->e);
			if (rc == 0)
				it.due = app_binding_due(&st, &sch);
			clock_schedule_free(&sch);
			it.phase = st.phase;
		}
		arena_free(&a);
		if (rc != 0) {
			c->rc = rc;
			return 1;
		}
		if (it.due != CLOCK_NONE) {
			it.overdue = c->today > it.due;
			it.workdays_left = it.overdue ? -calendar_count_workdays(c->cal, it.due, c->today)
						      : calendar_count_workdays(c->cal, c->today, it.due);
		}
	}
	if (c->q->overdue && !it.overdue)
		return 0;
	if (c->q->due_within >= 0 && (it.due == CLOCK_NONE || it.overdue ||
				      it.workdays_left > c->q->due_within))
		return 0;
	if ((rc = c->fn(c->ctx, &it)) != 0) {
		c->rc = rc;
		return 1;
	}
	return 0;
}

int app_list(struct store *s, const struct calendar *cal, const struct app_query *q, int today,
	     app_item_fn fn, void *ctx, struct gk_error *e)
{
	struct app_filter f;
	struct list_ctx c = { s, cal, q, today, fn, ctx, e, 0, 0, true };
	char from[DATE_LEN], to[DATE_LEN];
	int rc;

	memset(&f, 0, sizeof f);
	f.agency_id = q->agency_id;
	if (q->state && strcmp(q->state, "open") == 0) {
		f.open_only = 1;
	} else if (q->state) {
		if (app_phase_from_id(q->state) < 0)
			return err_set(e, ERR_INVALID, "--state", "unknown state '%s' (open, received, "
				       "awaiting-correction, consulting, fee-notice-sent, "
				       "awaiting-payment, replied, closed)", q->state);
		f.state = q->state;
	}
	if (q->overdue || q->due_within >= 0) {
		if (cal == NULL)
			return err_set(e, ERR_INTERNAL, "", "deadlines need the calendar");
		f.open_only = 1;
	}
	if (q->year) {
		f.received_from = date_format(date_make(q->year, 1, 1), from);
		f.received_to = date_format(date_make(q->year, 12, 31), to);
	}
	rc = app_store(s)->list(s, &f, list_row, &c, e);
	if (rc == 1)
		rc = c.rc;
	return rc;
}

/* ---- the annual report ---- */

struct year_ctx {
	int first, last;   /* Y-01-01, Y-12-31 */
	app_year_fn fn;
	void *ctx;
	struct gk_error *e;
	int rc;
};

static int year_row(void *p, const struct app_rec *r)
{
	struct year_ctx *c = p;
	struct app_year_row y;
	int rc;

	memset(&y, 0, sizeof y);
	y.id = r->id;
	y.type = app_applicant_find(r->applicant_type);
	y.outcome = -1;
	y.closed = CLOCK_NONE;
	if ((int)y.type < 0 || date_parse(r->received, &y.received, "received", c->e) != 0 ||
	    (r->closed && date_parse(r->closed, &y.closed, "closed", c->e) != 0)) {
		c->rc = err_set(c->e, ERR_DB, "", "application %" PRId64 " has a malformed type or "
				"date", r->id);
		return 1;
	}
	/* REQ 年报-4.5: 一 if received in Y, 二 if carried in; then one outcome row or 四 */
	y.carried_in = y.received < c->first;
	if (y.closed != CLOCK_NONE && y.closed <= c->last) {
		y.outcome = app_outcome_find(r->outcome);
		if (y.outcome < 0) {
			c->rc = err_set(c->e, ERR_DB, "", "application %" PRId64 " is closed without "
					"an outcome", r->id);
			return 1;
		}
	} else {
		y.carried_out = true;
	}
	if ((rc = c->fn(c->ctx, &y)) != 0) {
		c->rc = rc;
		return 1;
	}
	return 0;
}

int app_year_rows(struct store *s, int64_t agency_id, int year, app_year_fn fn, void *ctx,
		  struct gk_error *e)
{
	struct app_filter f;
	struct year_ctx c = { date_make(year, 1, 1), date_make(year, 12, 31), fn, ctx, e, 0 };
	char first[DATE_LEN], last[DATE_LEN];
	int rc;

	memset(&f, 0, sizeof f);
	f.agency_id = agency_id;
	f.received_to = date_format(c.last, last);
	f.closed_from = date_format(c.first, first);
	rc = app_store(s)->list(s, &f, year_row, &c, e);
	if (rc == 1)
		rc = c.rc;
	return rc;
}

static int tally_row(void *p, const struct app_year_row *r)
{
	struct app_tally *t = p;

	if (r->carried_in)
		t->carried_in[r->type]++;
	else
		t->new_received[r->type]++;
	if (r->carried_out) {
		t->carried_out[r->type]++;
	} else {
		t->outcome[r->outcome][r->type]++;
		t->handled_total[r->type]++;
	}
	return 0;
}

int app_year_tally(struct store *s, int64_t agency_id, int year, struct app_tally *out,
		   struct gk_error *e)
{
	memset(out, 0, sizeof *out);
	return app_year_rows(s, agency_id, year, tally_row, out, e);
}

int app_fee_year(struct store *s, int64_t agency_id, int year, struct app_fee_year *out,
		 struct gk_error *e)
{
	const char *notice = app_event_rules[EV_FEE_NOTICE].id, *paid = app_event_rules[EV_FEE_PAID].id;
	char first[DATE_LEN], last[DATE_LEN];
	int rc;

	date_format(date_make(year, 1, 1), first);
	date_format(date_make(year, 12, 31), last);
	rc = app_store(s)->event_totals(s, agency_id, notice, notice, first, last, &out->notices,
					&out->notice_fen, e);
	if (rc == 0)
		rc = app_store(s)->event_totals(s, agency_id, paid, notice, first, last, &out->paid,
						&out->paid_fen, e);
	return rc;
}

/*
 * app_out.c — printing an application (see app_out.h).
 */
#include "cli/app_out.h"
#include "cli/cli.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "domain/fee.h"
#include "text/date.h"
#include "text/money.h"

#define NSHOWN 8

/* The deadlines worth showing for v, NULL-terminated (room for NSHOWN). */
static void shown(const struct app_view *v, const struct clock_deadline *list[NSHOWN])
{
	size_t n = 0;

	if (v->has_schedule && v->st.phase != PHASE_AWAITING_CONFIRMATION) {
		if (v->sch.correction_notice.nsteps)
			list[n++] = &v->sch.correction_notice;
		if (v->sch.correction_period.nsteps)
			list[n++] = &v->sch.correction_period;
		if (v->st.phase != PHASE_AWAITING_CORRECTION)
			list[n++] = &v->sch.reply;
		if (v->sch.extended_reply.nsteps)
			list[n++] = &v->sch.extended_reply;
		if (v->sch.delayed_reply.nsteps)
			list[n++] = &v->sch.delayed_reply;
		if (v->sch.fee_payment.nsteps)
			list[n++] = &v->sch.fee_payment;
	}
	list[n] = NULL;
}

static const char *party_of(enum clock_pause_kind k)
{
	return k == PAUSE_ORGAN ? app_party_ids[PARTY_ORGAN] :
	       k == PAUSE_THIRD_PARTY ? app_party_ids[PARTY_THIRD_PARTY] : NULL;
}

/* A step as in `gongkai deadline --json`. */
static int step_json(struct jsonw *w, const struct clock_deadline *dl, const struct clock_step *st)
{
	char d[DATE_LEN];
	struct buf text;
	int rc;

	jsonw_obj_begin(w);
	jsonw_kstr(w, "deadline", clock_limit_key(dl->limit));
	jsonw_kstr(w, "kind", clock_step_key(st->kind));
	jsonw_kstr(w, "date", date_format(st->day, d));
	switch (st->kind) {
	case STEP_WORKDAY:
	case STEP_ADJUSTED:
		jsonw_kint(w, "count", st->n);
		break;
	case STEP_PAUSE:
		jsonw_kstr(w, "until", date_format(st->until, d));
		jsonw_kint(w, "workdays_paused", st->n);
		jsonw_kint(w, "merged", st->merged);
		break;
	case STEP_DUE:
		jsonw_kint(w, "workdays", st->n);
		break;
	case STEP_UNVERIFIED:
		jsonw_kint(w, "year", st->n);
		break;
	default:
		break;
	}
	if (st->name)
		jsonw_kstr(w, "name", st->name);
	buf_init(&text, 4096);
	rc = clock_step_describe(dl, st, &text);
	if (rc == 0)
		jsonw_kstr(w, "text", buf_cstr(&text));
	buf_free(&text);
	jsonw_obj_end(w);
	return rc;
}

/* The deadline keys of `gongkai deadline`, for the schedule of v. */
static void deadlines_json(struct jsonw *w, const struct app_view *v)
{
	if (v->has_schedule) {
		bool confirming = v->st.phase == PHASE_AWAITING_CONFIRMATION;
		cli_jsonw_kdate(w, "correction_notice_due", confirming ? CLOCK_NONE : v->sch.correction_notice.due);
		cli_jsonw_kdate(w, "reply_due", v->st.phase == PHASE_AWAITING_CORRECTION || confirming
				      ? CLOCK_NONE : v->sch.reply.due);
		if (v->sch.correction_period.nsteps)
			cli_jsonw_kdate(w, "correction_period_due", v->sch.correction_period.due);
		if (v->sch.extended_reply.nsteps)
			cli_jsonw_kdate(w, "extended_reply_due", v->sch.extended_reply.due);
		if (v->sch.delayed_reply.nsteps)
			cli_jsonw_kdate(w, "delayed_reply_due", v->sch.delayed_reply.due);
		if (v->sch.fee_payment.nsteps)
			cli_jsonw_kdate(w, "fee_payment_due", v->sch.fee_payment.due);
		jsonw_kbool(w, "verified", v->sch.verified);
	}
}

/* Each consultation: its party, when it was sent, when the answer is due and came. */
static void consultations_json(struct jsonw *w, const struct app_view *v)
{
	jsonw_key(w, "consultations");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < v->st.nconsults; i++) {
		const struct app_consultation *c = &v->st.consults[i];
		jsonw_obj_begin(w);
		jsonw_kint(w, "ref", (int64_t)i + 1);
		jsonw_kstr(w, "party", party_of(c->kind));
		cli_jsonw_kdate(w, "sent", c->sent);
		cli_jsonw_kdate(w, "answer_due", c->due);
		cli_jsonw_kdate(w, "answered", c->answered);
		jsonw_kbool(w, "lapsed", c->lapsed);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

/* The fee: this month's ordinal of the applicant, the by-count amount, the notice's. */
static void fee_json(struct jsonw *w, const struct app_view *v)
{
	char money[MONEY_LEN];

	jsonw_key(w, "fee");
	jsonw_obj_begin(w);
	jsonw_kint(w, "month_ordinal", v->month_ordinal);
	jsonw_kint(w, "by_count_yuan", v->fee_by_count);
	jsonw_kstr(w, "notice_amount_yuan", v->st.fee_fen >= 0 ? money_format_yuan(v->st.fee_fen, money)
							     : NULL);
	jsonw_kstr(w, "method", v->st.fee_method ? app_fee_method_ids[v->st.fee_method] : NULL);
	jsonw_obj_end(w);
}

/* The events of the ledger, each with its label and what it recorded. */
static void events_json(struct jsonw *w, const struct app_view *v)
{
	char money[MONEY_LEN];

	jsonw_key(w, "events");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < v->nevents; i++) {
		const struct app_event_rec *ev = &v->events[i];
		int k = app_event_from_id(ev->kind);
		jsonw_obj_begin(w);
		jsonw_kint(w, "id", ev->id);
		jsonw_kstr(w, "kind", ev->kind);
		jsonw_kstr(w, "label", k >= 0 ? app_event_rules[k].label : NULL);
		jsonw_kstr(w, "date", ev->date);
		jsonw_kstr(w, "note", ev->note);
		jsonw_kstr(w, "approver", ev->approver);
		jsonw_kstr(w, "amount_yuan", ev->amount_fen >= 0 ? money_format_yuan(ev->amount_fen, money)
								  : NULL);
		jsonw_kstr(w, "outcome", ev->outcome);
		jsonw_kstr(w, "basis", ev->basis);
		jsonw_kstr(w, "due", ev->due);
		jsonw_kint_or_null(w, "workdays", ev->days >= 0, ev->days);
		jsonw_kstr(w, "party", ev->party);
		jsonw_kstr(w, "counterpart", ev->counterpart);
		jsonw_kstr(w, "counterpart_contact", ev->counterpart_contact);
		jsonw_kstr(w, "method", ev->method);
		jsonw_kint_or_null(w, "quantity", ev->quantity >= 0, ev->quantity);
		jsonw_kstr(w, "late_reason", ev->late_reason);
		jsonw_kstr(w, "warning", ev->warning);
		jsonw_kstr(w, "actor", ev->actor);
		jsonw_kstr(w, "recorded_at", ev->created_at);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

int app_out_json(const struct app_view *v, const struct agency_rec *ag, int today, struct buf *out,
		 struct gk_error *e)
{
	const struct app_rec *r = &v->rec;
	const struct clock_deadline *list[NSHOWN];
	struct app_particular given[APP_F__N];
	struct jsonw w;
	int rc = 0;

	shown(v, list);
	jsonw_init(&w, out, 1);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "id", r->id);
	jsonw_kint(&w, "agency_id", r->agency_id);
	jsonw_kstr(&w, "agency", ag->name);
	jsonw_kstr(&w, "tracking_code", r->tracking_code);
	jsonw_kstr(&w, "received", v->st.phase == PHASE_AWAITING_CONFIRMATION ? NULL : r->received);
	jsonw_kstr(&w, "submitted", r->submitted ? r->submitted : r->received);
	jsonw_kstr(&w, "regulation", v->st.regime == CLOCK_REG_2007 ? "2007" : "2019");
	jsonw_kstr(&w, "channel", r->channel);
	jsonw_kstr(&w, "applicant_type", r->applicant_type);
	jsonw_kstr(&w, "applicant_name", r->applicant_name);
	for (size_t i = 0, n = app_particulars(r, given); i < n; i++)
		jsonw_kstr(&w, given[i].field->id, given[i].value);
	jsonw_kstr(&w, "created_at", r->created_at);
	jsonw_kstr(&w, "state", app_phases[v->st.phase].id);
	jsonw_kstr(&w, "state_label", app_phases[v->st.phase].label);
	jsonw_kbool(&w, "open", app_phases[v->st.phase].open);
	jsonw_kstr(&w, "outcome", v->st.outcome >= 0 ? app_outcome_id(v->st.outcome) : NULL);
	jsonw_kstr(&w, "outcome_label", v->st.outcome >= 0 ? app_outcome_label(v->st.outcome) : NULL);
	cli_jsonw_kdate(&w, "closed", v->st.closed);
	jsonw_kbool(&w, "extended", v->st.extended != CLOCK_NONE);
	jsonw_kint_or_null(&w, "extension_workdays", v->st.extended != CLOCK_NONE,
			   v->st.extension_days);
	cli_jsonw_kdate(&w, "today", today);
	cli_jsonw_kdate(&w, "confirm_by", v->confirm_by);
	deadlines_json(&w, v);
	jsonw_kstr(&w, "todo", v->todo != TODO_NONE ? app_todos[v->todo].id : NULL);
	jsonw_kstr(&w, "todo_label", v->todo != TODO_NONE ? app_todos[v->todo].label : NULL);
	cli_jsonw_kdate(&w, "todo_until", v->todo_until);
	consultations_json(&w, v);
	cli_jsonw_kdate(&w, "due", v->due);
	jsonw_kbool(&w, "overdue", v->due != CLOCK_NONE && today > v->due);
	jsonw_kint_or_null(&w, "reply_late_workdays", v->reply_late >= 0, v->reply_late);
	jsonw_kint_or_null(&w, "correction_notice_late_workdays", v->correction_late >= 0,
			   v->correction_late);
	fee_json(&w, v);
	jsonw_key(&w, "steps");
	jsonw_arr_begin(&w);
	for (size_t i = 0; list[i] && rc == 0; i++)
		for (size_t j = 0; j < list[i]->nsteps && rc == 0; j++)
			rc = step_json(&w, list[i], &list[i]->steps[j]);
	jsonw_arr_end(&w);
	events_json(&w, v);
	jsonw_obj_end(&w);
	if (rc == 0)
		rc = jsonw_finish(&w);
	if (rc != 0)
		err_set(e, rc, "", "cannot write the JSON output");
	return rc;
}

static int line(struct buf *b, const char *label, const char *value)
{
	return buf_printf(b, "%-16s %s\n", label, value && *value ? value : "-");
}

/* The deadlines that apply to v today, the binding one marked, and whether it was late. */
static int deadlines_text(const struct app_view *v, const struct clock_deadline *const *list,
			  int today, struct buf *out)
{
	char d[DATE_LEN];
	int rc = 0;

	rc |= buf_printf(out, "\ndeadlines (as of %s):\n", date_format(today, d));
	if (v->st.phase == PHASE_AWAITING_CORRECTION)
		rc |= buf_puts(out, "  reply clock stopped: awaiting the corrected application "
			       "(it restarts on receipt, 条例第三十条)\n");
	if (v->st.phase == PHASE_AWAITING_CONFIRMATION)
		rc |= buf_printf(out, "  no reply clock yet: it runs from the day the receipt is confirmed "
				 "(条例第三十一条); confirm by %s\n", date_format(v->confirm_by, d));
	for (size_t i = 0; list[i]; i++) {
		const struct clock_deadline *dl = list[i];
		const char *mark = "";
		if (dl->due == v->due && v->due != CLOCK_NONE)
			mark = today > v->due ? "  ← binding, OVERDUE" : "  ← binding";
		rc |= buf_printf(out, "  %-22s %s  %d个工作日 %s%s%s\n", clock_limit_key(dl->limit),
				 date_format(dl->due, d), dl->days, clock_deadline_basis(dl),
				 dl->verified ? "" : "  (UNVERIFIED: year not in calendar)", mark);
	}
	if (v->reply_late > 0)
		rc |= buf_printf(out, "  LATE: replied %d working day(s) after the deadline\n",
				 v->reply_late);
	else if (v->reply_late == 0)
		rc |= buf_puts(out, "  replied within the time limit\n");
	if (v->correction_late > 0)
		rc |= buf_printf(out, "  LATE: the 补正 notice went out %d working day(s) after its "
				 "7-day limit\n", v->correction_late);
	return rc;
}

/* The ledger's history, one line an event with what it recorded. */
static int history_text(const struct app_view *v, struct buf *out)
{
	const struct app_rec *r = &v->rec;
	char money[MONEY_LEN];
	int rc = 0;

	rc |= buf_puts(out, "\nhistory:\n");
	rc |= buf_printf(out, "  %s  %s\n", r->submitted ? r->submitted : r->received,
			 r->submitted ? "arrived" : "received");
	for (size_t i = 0; i < v->nevents; i++) {
		const struct app_event_rec *ev = &v->events[i];
		rc |= buf_printf(out, "  %s  %s", ev->date, ev->kind);
		if (ev->outcome)
			rc |= buf_printf(out, " %s", ev->outcome);
		if (ev->party)
			rc |= buf_printf(out, " %s", ev->party);
		if (ev->counterpart)
			rc |= buf_printf(out, " %s%s%s", ev->counterpart, ev->counterpart_contact ? " " : "",
					 ev->counterpart_contact ? ev->counterpart_contact : "");
		if (ev->ref > 0)
			rc |= buf_printf(out, " (consultation %" PRId64 ")", ev->ref);
		if (ev->due)
			rc |= buf_printf(out, "  until %s", ev->due);
		if (ev->days > 0)
			rc |= buf_printf(out, " (%" PRId64 " working days)", ev->days);
		if (ev->approver)
			rc |= buf_printf(out, "  approved by %s", ev->approver);
		if (ev->method)
			rc |= buf_printf(out, "  %s %" PRId64, ev->method, ev->quantity);
		if (ev->amount_fen >= 0)
			rc |= buf_printf(out, "  %s 元", money_format_yuan(ev->amount_fen, money));
		if (ev->late_reason)
			rc |= buf_printf(out, "  accepted late: %s", ev->late_reason);
		if (ev->basis)
			rc |= buf_printf(out, "  basis: %s", ev->basis);
		if (ev->note)
			rc |= buf_printf(out, "  note: %s", ev->note);
		rc |= buf_printf(out, "  (by %s)\n", ev->actor);
		if (ev->warning)
			rc |= buf_printf(out, "    WARNING: %s\n", ev->warning);
	}
	return rc;
}

int app_out_text(const struct app_view *v, const struct agency_rec *ag, int today, struct buf *out,
		 struct gk_error *e)
{
	const struct app_rec *r = &v->rec;
	const struct clock_deadline *list[NSHOWN];
	struct app_particular given[APP_F__N];
	char d[DATE_LEN], d2[DATE_LEN], money[MONEY_LEN], tmp[512];
	int ch = app_channel_find(r->channel);
	int ty = app_applicant_find(r->applicant_type);
	int rc = 0;

	shown(v, list);
	rc |= buf_printf(out, "application %" PRId64 "  tracking code %s\n", r->id, r->tracking_code);
	snprintf(tmp, sizeof tmp, "%" PRId64 " %s", ag->id, ag->name);
	rc |= line(out, "organ", tmp);
	if (v->st.phase == PHASE_AWAITING_CONFIRMATION)
		snprintf(tmp, sizeof tmp, "not yet: arrived %s  %s %s, awaiting confirmation (confirm by "
			 "%s, 条例第三十一条)", r->submitted ? r->submitted : r->received, r->channel,
			 ch >= 0 ? app_channels[ch].label : "", date_format(v->confirm_by, d));
	else if (r->submitted && strcmp(r->submitted, r->received) != 0)
		snprintf(tmp, sizeof tmp, "%s  %s %s (arrived %s, receipt confirmed %s)", r->received,
			 r->channel, ch >= 0 ? app_channels[ch].label : "", r->submitted, r->received);
	else
		snprintf(tmp, sizeof tmp, "%s  %s %s", r->received, r->channel,
			 ch >= 0 ? app_channels[ch].label : "");
	rc |= line(out, "received", tmp);
	rc |= line(out, "regulation", clock_regime_name(v->st.regime));
	snprintf(tmp, sizeof tmp, "%s  %s %s", r->applicant_name, r->applicant_type,
		 ty >= 0 ? app_applicant_label(ty) : "");
	rc |= line(out, "applicant", tmp);
	for (size_t i = 0, n = app_particulars(r, given); i < n; i++) {
		/* labelled by the field's id in words: "id number" */
		char label[64];
		snprintf(label, sizeof label, "%s", given[i].field->id);
		for (char *p = label; (p = strchr(p, '_')) != NULL;)
			*p = ' ';
		rc |= line(out, label, given[i].value);
	}
	snprintf(tmp, sizeof tmp, "%s %s%s", app_phases[v->st.phase].id, app_phases[v->st.phase].label,
		 v->st.extended != CLOCK_NONE ? "  (extended 已延期)" : "");
	rc |= line(out, "state", tmp);
	if (v->todo != TODO_NONE) {
		snprintf(tmp, sizeof tmp, "%s%s%s", app_todos[v->todo].label,
			 v->todo_until != CLOCK_NONE ? "  until " : "",
			 v->todo_until != CLOCK_NONE ? date_format(v->todo_until, d) : "");
		rc |= line(out, "next", tmp);
	}
	for (size_t i = 0; i < v->st.nconsults; i++) {
		const struct app_consultation *c = &v->st.consults[i];
		const char *party = party_of(c->kind);
		char d3[DATE_LEN];
		snprintf(tmp, sizeof tmp, "%zu. %s letter %s, answer due %s%s%s", i + 1,
			 party ? party : "(party not recorded)", date_format(c->sent, d),
			 c->due != CLOCK_NONE ? date_format(c->due, d2) : "-",
			 c->answered != CLOCK_NONE ? ", answered " : c->lapsed ? ", no answer by then" : "",
			 c->answered != CLOCK_NONE ? date_format(c->answered, d3) : "");
		rc |= line(out, i == 0 ? "consultations" : "", tmp);
	}
	if (v->st.outcome >= 0) {
		snprintf(tmp, sizeof tmp, "%s  %s  on %s", app_outcome_id(v->st.outcome),
			 app_outcome_name(v->st.outcome), date_format(v->st.closed, d));
		rc |= line(out, "outcome", tmp);
	}
	snprintf(tmp, sizeof tmp, "application no. %" PRId64 " of this applicant to this organ this "
		 "month: 按件 %" PRId64 " 元%s%s", v->month_ordinal, v->fee_by_count,
		 v->st.fee_fen >= 0 ? "; fee notice " : "",
		 v->st.fee_fen >= 0 ? money_format_yuan(v->st.fee_fen, money) : "");
	rc |= line(out, "fee (109号)", tmp);
	rc |= deadlines_text(v, list, today, out);
	rc |= history_text(v, out);
	for (size_t i = 0; list[i]; i++) {
		rc |= buf_printf(out, "\n%s (%s):\n", clock_limit_label(list[i]->limit),
				 clock_limit_key(list[i]->limit));
		rc |= clock_deadline_describe(list[i], out);
	}
	if (rc != 0)
		return err_set(e, ERR_LIMIT, "", "output too large");
	return 0;
}

void app_out_item_json(struct jsonw *w, const struct app_item *it)
{
	const struct app_rec *r = it->rec;

	jsonw_obj_begin(w);
	jsonw_kint(w, "id", r->id);
	jsonw_kint(w, "agency_id", r->agency_id);
	jsonw_kstr(w, "tracking_code", r->tracking_code);
	jsonw_kstr(w, "received", r->received);
	jsonw_kstr(w, "channel", r->channel);
	jsonw_kstr(w, "applicant_type", r->applicant_type);
	jsonw_kstr(w, "applicant_name", r->applicant_name);
	jsonw_kstr(w, "state", app_phases[it->phase].id);
	jsonw_kstr(w, "outcome", r->outcome);
	jsonw_kstr(w, "closed", r->closed);
	cli_jsonw_kdate(w, "due", it->due);
	jsonw_kint_or_null(w, "workdays_left", it->due != CLOCK_NONE, it->workdays_left);
	jsonw_kbool(w, "overdue", it->overdue);
	jsonw_kstr(w, "todo", it->todo != TODO_NONE ? app_todos[it->todo].id : NULL);
	cli_jsonw_kdate(w, "todo_until", it->todo_until);
	jsonw_obj_end(w);
}

/*
 * h_apps.c — the console's applications: the list with filters, the registration of one
 * received on paper, in person, by post or fax (channel and date of receipt typed; the Art. 29
 * form shared with /apply through web/appform.h), one application with its history, live deadlines and their derivation, every lifecycle action of the ledger (the
 * domain refuses what the law does not allow; the refusal is shown as a form error), and the
 * reply letter (告知书) as printable HTML and as DOCX. Staff see only the organs in their scope
 * (web_visible); another organ's application is "not found".
 * May call: domain/, render/ (letters and their documents), text/, web/app.h.
 */
#include <stdlib.h>
#include <string.h>

#include "domain/applicant.h"
#include "domain/application.h"
#include "domain/app_notice.h"
#include "domain/notice_ref.h"
#include "domain/letter.h"
#include "render/letter.h"
#include "render/render.h"
#include "text/date.h"
#include "text/money.h"
#include "web/appform.h"
#include "web/handlers.h"

struct list_fill {
	struct web_ctx *c;
	struct tpl_val *list;
	int n;
};

static int add_item(void *ctx, const struct app_item *it)
{
	struct list_fill *f = ctx;
	struct web_ctx *c = f->c;
	struct tpl_val *o;
	char day[DATE_LEN];
	int t;

	if (!web_visible(c, it->rec->agency_id))
		return 0;
	o = tpl_push_obj(f->list);
	tpl_put_int(o, "id", it->rec->id);
	tpl_put_str(o, "code", arena_strdup(c->a, it->rec->tracking_code));
	tpl_put_str(o, "received", arena_strdup(c->a, it->rec->received));
	tpl_put_str(o, "applicant", arena_strdup(c->a, it->rec->applicant_name));
	t = app_applicant_find(it->rec->applicant_type);
	tpl_put_str(o, "type", t >= 0 ? app_applicant_label(t) : "");
	tpl_put_str(o, "state", app_phases[it->phase].label);
	if (it->due != CLOCK_NONE) {
		tpl_put_str(o, "due", arena_strdup(c->a, date_format(it->due, day)));
		tpl_put_int(o, "left", it->workdays_left);
	}
	tpl_put_bool(o, "overdue", it->overdue);
	if (it->todo != TODO_NONE && it->todo != TODO_REPLY) {
		tpl_put_str(o, "todo", app_todos[it->todo].label);
		if (it->todo_until != CLOCK_NONE)
			tpl_put_str(o, "todo_until", arena_strdup(c->a, date_format(it->todo_until, day)));
	}
	f->n++;
	return 0;
}

/* The organ a list is about: staff of one organ see theirs; a supervisor (or admin) all the
 * organs in their scope (0) or the one chosen in it; an organ outside it is not found. */
static int list_agency(struct web_ctx *c, int64_t *agency_id)
{
	int rc = web_agency_asked(c, agency_id);

	if (rc == 0 && !web_reaches_beyond(c))
		*agency_id = c->user->agency_id;
	return rc;
}

int h_apps(struct web_ctx *c)
{
	struct app_query q = { .due_within = -1 };
	struct list_fill f = { c, tpl_put_list(c->page, "apps"), 0 };
	struct tpl_val *states = tpl_put_list(c->page, "states");
	struct store *s;
	int rc;

	if ((rc = list_agency(c, &q.agency_id)) != 0)
		return rc;
	q.state = web_in(c, "state")->s;
	q.overdue = web_in(c, "overdue")->present;
	if (web_in(c, "due_within")->present)
		q.due_within = (int)web_in(c, "due_within")->i;
	q.year = (int)web_in(c, "year")->i;
	for (int i = -1; i < PHASE__MAX; i++) {
		struct tpl_val *o = tpl_push_obj(states);
		const char *id = i < 0 ? "open" : app_phases[i].id;
		tpl_put_str(o, "id", id);
		tpl_put_str(o, "label", i < 0 ? "未办结" : app_phases[i].label);
		tpl_put_bool(o, "selected", q.state && strcmp(q.state, id) == 0);
	}
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = app_list(s, web_calendar(c), &q, web_today(), add_item, &f, &c->err);
	tpl_put_bool(c->page, "choose_agency", web_reaches_beyond(c));
	if (rc == 0 && web_reaches_beyond(c))
		rc = web_agencies_in_scope(c, tpl_put_list(c->page, "agencies"), q.agency_id);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? web_render(c, "apps", "依申请公开") : rc;
	tpl_put_int(c->page, "count", f.n);
	tpl_put_bool(c->page, "may_register", web_may(c, ACT_APP_HANDLE, 0));
	return web_render(c, "apps", "依申请公开");
}

static int new_form(struct web_ctx *c)
{
	char day[DATE_LEN];

	appform_choices(c);
	tpl_put_str(c->page, "today", arena_strdup(c->a, date_format(web_today(), day)));
	return web_render(c, "app_new", "登记申请");
}

int h_app_new_form(struct web_ctx *c)
{
	return new_form(c);
}

/* REQ 条例-31: an application received on paper, in person, by post or fax is registered with
 * the channel and the date it was received (which starts its clocks), for the staff member's
 * own organ. The answer is a receipt with the tracking code and the one-time secret for the
 * applicant (never stored, so shown only here) and the reply deadline; it links to the
 * application's page. */
int h_app_new(struct web_ctx *c)
{
	const struct web_value *received = web_in(c, "received");
	struct app_new in = { 0 };
	struct app_created out;
	struct app_view v;
	struct store *s;
	int rc, today = web_today();

	if (appform_read(c, &in) != 0) {
		c->resp->status = 400;
		return new_form(c);
	}
	in.agency_id = c->user->agency_id;
	in.received = received->day;
	in.confirmed = web_in(c, "confirmed")->present ? web_in(c, "confirmed")->day : 0;
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = app_create(s, web_calendar(c), &in, today, &out, &c->err);
	if (rc == 0)
		rc = app_load(s, web_calendar(c), out.id, today, c->a, &v, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return appform_refused(c, rc) ? new_form(c) : rc;
	appform_put_receipt(c, &out, &v);
	tpl_put_str(c->page, "applicant", arena_strdup(c->a, v.rec.applicant_name));
	if (app_channel_find(v.rec.channel) >= 0)
		tpl_put_str(c->page, "channel", app_channels[app_channel_find(v.rec.channel)].label);
	tpl_put_str(c->page, "app_url", arena_printf(c->a, "/console/applications/%lld", (long long)out.id));
	app_view_free(&v);
	return web_render(c, "app_new_receipt", "申请已登记");
}

static int parse_id(struct web_ctx *c, int64_t *id)
{
	return web_param_id(c, "id", "没有这件申请", id);
}

/* Load application id if the user may see it (ERR_NOTFOUND otherwise: no probing). */
static int load_visible(struct web_ctx *c, struct store *s, int64_t id, struct app_view *v)
{
	int rc = app_load(s, web_calendar(c), id, web_today(), c->a, v, &c->err);

	if (rc == 0 && !web_visible(c, v->rec.agency_id)) {
		app_view_free(v);
		return err_set(&c->err, ERR_NOTFOUND, "id", "没有这件申请");
	}
	return rc;
}

static void put_deadline(struct web_ctx *c, struct tpl_val *list, const char *key,
			 const struct clock_deadline *d)
{
	struct tpl_val *o;
	struct buf b;
	char day[DATE_LEN];

	if (d->due == CLOCK_NONE || d->due == 0 || d->days == 0)
		return;
	o = tpl_push_obj(list);
	tpl_put_str(o, "key", key);
	tpl_put_str(o, "label", clock_limit_label(d->limit));
	tpl_put_str(o, "basis", clock_deadline_basis(d));
	tpl_put_str(o, "due", arena_strdup(c->a, date_format(d->due, day)));
	tpl_put_int(o, "days", d->days);
	tpl_put_bool(o, "unverified", !d->verified);
	buf_init(&b, 64 * 1024);
	if (clock_deadline_describe(d, &b) == 0)
		tpl_put_str(o, "derivation", arena_strdup(c->a, buf_cstr(&b)));
	buf_free(&b);
}

/* A value of a list item, "" when absent: an absent key would be looked up in the enclosing
 * context (the application's own outcome, due date …) by the template engine. */
static void put_s(struct tpl_val *o, const char *key, const char *s)
{
	tpl_put_str(o, key, s ? s : "");
}

/* A refused action: which one, and why (shown beside its form, with what was typed). */
struct refusal {
	const char *kind;     /* the event kind, or "decided"; NULL when none */
	const char *msg;
};

static void put_action_fields(struct web_ctx *c, struct tpl_val *o, const struct app_view *v, int k,
			      const struct refusal *why)
{
	const struct app_event_rule *r = &app_event_rules[k];
	char hint[600];
	bool mine = why && why->kind && strcmp(why->kind, r->id) == 0;

	tpl_put_str(o, "kind", r->id);
	tpl_put_str(o, "label", r->label);
	tpl_put_str(o, "article", r->article);
	if (*app_step_limit(v, k, hint, sizeof hint))
		tpl_put_str(o, "limit", arena_strdup(c->a, hint));
	tpl_put_bool(o, "takes_period", r->takes & TAKES_PERIOD);
	tpl_put_bool(o, "takes_late_reason", r->takes & TAKES_LATE_REASON);
	tpl_put_bool(o, "takes_party", r->takes & TAKES_PARTY);
	tpl_put_bool(o, "takes_workdays", r->takes & TAKES_WORKDAYS);
	tpl_put_bool(o, "needs_approver", r->takes & TAKES_APPROVER);
	tpl_put_bool(o, "takes_fee", r->takes & TAKES_FEE);
	if (k == EV_CORRECTION_REQUESTED)
		tpl_put_int(o, "default_period", v->st.settings.correction_period);
	if (k == EV_EXTENDED)
		tpl_put_int(o, "max_workdays", clock_extension_max(v->st.regime));
	if (r->takes & TAKES_REF) {
		struct tpl_val *refs = tpl_put_list(o, "refs");
		size_t open = 0;
		for (size_t i = 0; i < v->st.nconsults; i++) {
			const struct app_consultation *cs = &v->st.consults[i];
			struct tpl_val *x;
			if (cs->answered != CLOCK_NONE || cs->lapsed)
				continue;
			x = tpl_push_obj(refs);
			tpl_put_int(x, "n", (int64_t)i + 1);
			tpl_put_str(x, "party", cs->kind == PAUSE_ORGAN ? "其他机关" :
					       cs->kind == PAUSE_THIRD_PARTY ? "第三方" : "征求意见");
			open++;
		}
		tpl_put_bool(o, "takes_ref", open > 1);
	}
	if (mine) {
		/* what was typed comes back with the refusal */
		tpl_put_str(o, "refused", why->msg);
		tpl_put_str(o, "v_date", web_in(c, "date")->s);
		tpl_put_str(o, "v_note", web_in(c, "note")->s);
		tpl_put_str(o, "v_late_reason", web_in(c, "late_reason")->s);
		tpl_put_str(o, "v_period", web_in(c, "period")->s);
		tpl_put_str(o, "v_due", web_in(c, "due")->s);
		tpl_put_str(o, "v_counterpart", web_in(c, "counterpart")->s);
		tpl_put_str(o, "v_pages", web_in(c, "pages")->s);
		tpl_put_str(o, "v_amount", web_in(c, "amount")->s);
		tpl_put_str(o, "v_approver", web_in(c, "approver")->s);
		tpl_put_str(o, "v_workdays", web_in(c, "workdays")->s);
	}
}

/* The application as registered, its state, outcome and what is due. */
static void put_app_record(struct web_ctx *c, struct tpl_val *app, const struct app_view *v)
{
	struct app_particular given[APP_F__N];
	struct tpl_val *particulars;
	char day[DATE_LEN];
	int t = app_applicant_find(v->rec.applicant_type);
	int ch = app_channel_find(v->rec.channel);

	tpl_put_int(app, "id", v->rec.id);
	tpl_put_str(app, "code", v->rec.tracking_code);
	tpl_put_bool(app, "confirming", v->st.phase == PHASE_AWAITING_CONFIRMATION);
	tpl_put_str(app, "received", v->st.phase == PHASE_AWAITING_CONFIRMATION ? NULL : v->rec.received);
	if (v->rec.submitted && (v->st.phase == PHASE_AWAITING_CONFIRMATION ||
				 strcmp(v->rec.submitted, v->rec.received) != 0))
		tpl_put_str(app, "submitted", v->rec.submitted);
	tpl_put_str(app, "channel", ch >= 0 ? app_channels[ch].label : v->rec.channel);
	if (ch >= 0)
		tpl_put_str(app, "receipt_rule", app_channels[ch].receipt);
	tpl_put_str(app, "regulation", clock_regime_name(v->st.regime));
	tpl_put_bool(app, "old_regulation", v->st.regime == CLOCK_REG_2007);
	tpl_put_str(app, "type", t >= 0 ? app_applicant_label(t) : v->rec.applicant_type);
	tpl_put_str(app, "name", v->rec.applicant_name);
	particulars = tpl_put_list(app, "particulars");
	for (size_t i = 0, n = app_particulars(&v->rec, given); i < n; i++) {
		struct tpl_val *o;
		if (!given[i].value)
			continue;
		o = tpl_push_obj(particulars);
		tpl_put_str(o, "label", given[i].field->label);
		tpl_put_str(o, "value", given[i].value);
	}
	tpl_put_str(app, "state", app_phases[v->st.phase].label);
	tpl_put_bool(app, "open", app_phases[v->st.phase].open);
	if (v->st.outcome >= 0)
		tpl_put_str(app, "outcome", app_outcome_name(v->st.outcome));
	if (v->due != CLOCK_NONE)
		tpl_put_str(app, "due", arena_strdup(c->a, date_format(v->due, day)));
	if (v->todo != TODO_NONE) {
		tpl_put_str(app, "todo", app_todos[v->todo].label);
		tpl_put_bool(app, "todo_office", app_todos[v->todo].office);
		if (v->todo_until != CLOCK_NONE)
			tpl_put_str(app, "todo_until", arena_strdup(c->a, date_format(v->todo_until, day)));
	}
	if (v->st.phase == PHASE_AWAITING_CORRECTION && v->st.correction_due != CLOCK_NONE)
		tpl_put_str(app, "correction_due", arena_strdup(c->a, date_format(v->st.correction_due, day)));
	tpl_put_int(app, "month_ordinal", v->month_ordinal);
	tpl_put_int(app, "fee_by_count", v->fee_by_count);
}

/* The consultations (条例第三十二条、第三十四条): sent, due, answered or lapsed. */
static void put_consultations(struct web_ctx *c, struct tpl_val *app, const struct app_view *v)
{
	struct tpl_val *cons = tpl_put_list(app, "consultations");
	char day[DATE_LEN];

	tpl_put_bool(app, "has_consultations", v->st.nconsults > 0);
	for (size_t i = 0; i < v->st.nconsults; i++) {
		const struct app_consultation *cs = &v->st.consults[i];
		struct tpl_val *o = tpl_push_obj(cons);
		tpl_put_int(o, "n", (int64_t)i + 1);
		put_s(o, "party", cs->kind == PAUSE_ORGAN ? "其他行政机关（条例第三十四条）" :
				  cs->kind == PAUSE_THIRD_PARTY ? "第三方（条例第三十二条）" : "未注明");
		put_s(o, "sent", arena_strdup(c->a, date_format(cs->sent, day)));
		put_s(o, "answer_due", cs->due != CLOCK_NONE ? arena_strdup(c->a, date_format(cs->due, day)) : NULL);
		put_s(o, "answered", cs->answered != CLOCK_NONE
		      ? arena_strdup(c->a, date_format(cs->answered, day)) : NULL);
		put_s(o, "lapsed", !cs->lapsed ? NULL : cs->kind == PAUSE_ORGAN
		      ? "逾期未答复，视为同意公开（条例第三十四条）；不计入期限的时间止于答复期限"
		      : "逾期未答复，由本机关依法决定（条例第三十二条）；不计入期限的时间止于答复期限");
	}
}

/* The history: one row per event, every value "" when the event has none. */
static void put_events(struct web_ctx *c, struct tpl_val *app, const struct app_view *v)
{
	struct tpl_val *evs = tpl_put_list(app, "events");
	char money[32];

	for (size_t i = 0; i < v->nevents; i++) {
		const struct app_event_rec *ev = &v->events[i];
		struct tpl_val *o = tpl_push_obj(evs);
		int k = app_event_from_id(ev->kind);
		int oc = ev->outcome ? app_outcome_find(ev->outcome) : -1;
		int pa = ev->party ? app_party_from_id(ev->party) : -1;
		int me = ev->method ? app_fee_method_from_id(ev->method) : -1;

		put_s(o, "date", ev->date);
		put_s(o, "label", k >= 0 ? app_event_rules[k].label : ev->kind);
		put_s(o, "note", ev->note);
		put_s(o, "approver", ev->approver);
		put_s(o, "basis", ev->basis);
		put_s(o, "actor", ev->actor);
		put_s(o, "until", ev->due);
		put_s(o, "days", ev->days > 0 ? arena_printf(c->a, "%lld", (long long)ev->days) : NULL);
		put_s(o, "party", pa > 0 ? app_party_labels[pa] : NULL);
		put_s(o, "counterpart", ev->counterpart);
		put_s(o, "counterpart_contact", ev->counterpart_contact);
		put_s(o, "ref", ev->ref > 0 ? arena_printf(c->a, "%lld", (long long)ev->ref) : NULL);
		put_s(o, "method", me > 0 ? app_fee_method_labels[me] : NULL);
		put_s(o, "pages", me == FEE_BY_PAGES ? arena_printf(c->a, "%lld", (long long)ev->quantity) : NULL);
		put_s(o, "count", me == FEE_BY_COUNT ? arena_printf(c->a, "%lld", (long long)ev->quantity) : NULL);
		put_s(o, "late_reason", ev->late_reason);
		put_s(o, "warning", ev->warning);
		put_s(o, "outcome", oc >= 0 ? app_outcome_name(oc) : NULL);
		put_s(o, "amount", ev->amount_fen >= 0
		      ? arena_strdup(c->a, money_format_yuan(ev->amount_fen, money)) : NULL);
	}
}

/* The deadlines of the schedule and how each was derived. */
static void put_deadlines(struct web_ctx *c, struct tpl_val *app, const struct app_view *v)
{
	struct tpl_val *dls;

	if (v->has_schedule) {
		dls = tpl_put_list(app, "deadlines");
		if (v->st.phase != PHASE_AWAITING_CONFIRMATION) {
			put_deadline(c, dls, "correction", &v->sch.correction_notice);
			put_deadline(c, dls, "correction_period", &v->sch.correction_period);
			if (v->st.phase != PHASE_AWAITING_CORRECTION)
				put_deadline(c, dls, "reply", &v->sch.reply);
			put_deadline(c, dls, "extended", &v->sch.extended_reply);
			put_deadline(c, dls, "delayed", &v->sch.delayed_reply);
			put_deadline(c, dls, "fee", &v->sch.fee_payment);
		}
	}
}

/* The actions the ledger allows now (it still checks every one when submitted), each with
 * the time limit that applies and, after a refusal, the reason beside it; the decision with
 * the outcomes it may take. */
static void put_actions(struct web_ctx *c, struct tpl_val *app, const struct app_view *v,
			const struct refusal *why)
{
	struct tpl_val *acts = tpl_put_list(app, "actions"), *outs;
	char hint[600];


	for (int k = 0; k < EV__MAX; k++) {
		if (k == EV_DECIDED || !(app_event_rules[k].from & (1u << v->st.phase)))
			continue;
		put_action_fields(c, tpl_push_obj(acts), v, k, why);
	}
	if (app_event_rules[EV_DECIDED].from & (1u << v->st.phase)) {
		tpl_put_bool(app, "can_decide", 1);
		if (*app_step_limit(v, EV_DECIDED, hint, sizeof hint))
			tpl_put_str(app, "decide_limit", arena_strdup(c->a, hint));
		if (why && why->kind && strcmp(why->kind, "decided") == 0)
			tpl_put_str(app, "decide_refused", why->msg);
		outs = tpl_put_list(app, "outcomes");
		for (int i = 0; i < OUTCOME__MAX; i++) {
			struct tpl_val *o;
			if (i == OUTCOME_OTHER_NO_CORRECTION || i == OUTCOME_OTHER_FEE_UNPAID)
				continue;  /* these come from their lapse events */
			o = tpl_push_obj(outs);
			tpl_put_str(o, "id", app_outcome_id(i));
			tpl_put_str(o, "label", app_outcome_name(i));
			tpl_put_bool(o, "selected", why && why->kind && strcmp(why->kind, "decided") == 0 &&
					   strcmp(web_str(c, "outcome"), app_outcome_id(i)) == 0);
		}
	}
}

static void put_view(struct web_ctx *c, const struct app_view *v, const struct refusal *why)
{
	struct tpl_val *app = tpl_put_obj(c->page, "app");
	char day[DATE_LEN];

	put_app_record(c, app, v);
	put_consultations(c, app, v);
	put_events(c, app, v);
	put_deadlines(c, app, v);
	put_actions(c, app, v, why);
	tpl_put_str(c->page, "today", arena_strdup(c->a, date_format(web_today(), day)));
}

/* The files the applicant sent (with a correction online), to download. */
static int put_files(struct web_ctx *c, struct store *s, int64_t id)
{
	struct app_file *f;
	struct tpl_val *list;
	size_t n;
	int rc = applicant_files(s, id, c->a, &f, &n, &c->err);

	if (rc != 0 || n == 0)
		return rc;
	list = tpl_put_list(c->page, "files");
	for (size_t i = 0; i < n; i++) {
		struct tpl_val *o = tpl_push_obj(list);
		tpl_put_int(o, "id", f[i].id);
		tpl_put_str(o, "name", f[i].name);
		tpl_put_str(o, "kb", arena_printf(c->a, "%lld", (long long)((f[i].size + 1023) / 1024)));
		tpl_put_str(o, "at", f[i].created_at);
	}
	return 0;
}

/* The notices of v (domain/app_notice.h), each to download in every format, with its
 * reference number once issued (domain/notice_ref.h), else the form to issue it; why: a
 * refused issue ("issue:<notice>") shown beside its notice. */
static int put_notices(struct web_ctx *c, struct store *s, const struct app_view *v,
		       const struct refusal *why)
{
	struct app_notice *nts;
	struct tpl_val *list;
	size_t n;
	const struct notice_issued *issued;
	size_t nissued;
	int rc = app_notices(v, c->a, &nts, &n, &c->err);

	if (rc != 0 || n == 0)
		return rc;
	if ((rc = notice_issued_list(s, v, c->a, &issued, &nissued, &c->err)) != 0)
		return rc;
	list = tpl_put_list(c->page, "notices");
	for (size_t i = 0; i < n; i++) {
		struct tpl_val *o = tpl_push_obj(list);
		const struct notice_issued *is;

		is = notice_issued_find(issued, nissued, nts[i].id);
		tpl_put_str(o, "href", arena_printf(c->a, "/console/applications/%lld/notices/%s",
						    (long long)v->rec.id, nts[i].id));
		tpl_put_str(o, "id", nts[i].id);
		tpl_put_str(o, "title", nts[i].title);
		tpl_put_str(o, "date", nts[i].date);
		tpl_put_str(o, "to", nts[i].to_applicant ? "申请人" : "被征求意见方");
		if (is) {
			tpl_put_str(o, "ref_number", is->ref_number);
			tpl_put_str(o, "issued_on", is->issued_on);
			tpl_put_str(o, "version", is->version);
		}
		if (why && why->kind && strncmp(why->kind, "issue:", 6) == 0 &&
		    strcmp(why->kind + 6, nts[i].id) == 0)
			tpl_put_str(o, "refused", why->msg);
	}
	return 0;
}

/* Show application id (after an action refused or done; why: the refusal, or NULL). */
static int detail(struct web_ctx *c, int64_t id, const struct refusal *why)
{
	struct app_view v;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load_visible(c, s, id, &v);
	if (rc == 0 && ((rc = put_files(c, s, id)) != 0 || (rc = put_notices(c, s, &v, why)) != 0))
		app_view_free(&v);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	put_view(c, &v, why);
	tpl_put_bool(c->page, "may_act", web_may(c, ACT_APP_HANDLE, v.rec.agency_id));
	app_view_free(&v);
	return web_render(c, "app", "申请详情");
}

int h_app(struct web_ctx *c)
{
	int64_t id;
	int rc = parse_id(c, &id);

	return rc ? rc : detail(c, id, NULL);
}

/* Run one lifecycle action (kind: the event kind, or "decided") inside a write transaction,
 * after checking the user sees id. A refusal is shown beside the action's form as well as in
 * the summary at the top, with what was typed. */
static int act(struct web_ctx *c, const char *kind, int (*fn)(struct web_ctx *, struct store *, int64_t))
{
	struct app_view v;
	struct refusal why = { kind, NULL };
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = parse_id(c, &id)) != 0)
		return rc;
	if (c->nerrors) {
		why.msg = "请更正上面列出的问题";
		return detail(c, id, &why);
	}
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = load_visible(c, s, id, &v);
	if (rc == 0) {
		app_view_free(&v);
		rc = fn(c, s, id);
	}
	why.msg = arena_strdup(c->a, c->err.msg);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? detail(c, id, &why) : rc;
	return web_redirect(c, arena_printf(c->a, "/console/applications/%lld", (long long)id));
}

static int do_event(struct web_ctx *c, struct store *s, int64_t id)
{
	struct app_event_in ev;
	const struct web_value *amount = web_in(c, "amount"), *v;
	const char *method = web_str(c, "method");
	int kind = app_event_from_id(web_str(c, "kind")), rc;

	if (kind < 0 || kind == EV_DECIDED)
		return err_set(&c->err, ERR_INVALID, "kind", "未知的办理事项");
	app_event_init(&ev, kind, web_in(c, "date")->day);
	ev.note = web_in(c, "note")->s;
	ev.approver = web_in(c, "approver")->s;
	ev.late_reason = web_in(c, "late_reason")->s;
	ev.counterpart = web_in(c, "counterpart")->s;
	if ((v = web_in(c, "period"))->present)
		ev.days = (int)v->i;
	if ((v = web_in(c, "workdays"))->present)
		ev.days = (int)v->i;
	if ((v = web_in(c, "due"))->present)
		ev.due = v->day;
	if ((v = web_in(c, "ref"))->present)
		ev.ref = (int)v->i;
	if (*web_str(c, "party") && (ev.party = app_party_from_id(web_str(c, "party"))) < 0)
		return err_set(&c->err, ERR_INVALID, "party", "请选择征求意见的对象");
	if (*method) {
		if ((ev.method = app_fee_method_from_id(method)) < 0)
			return err_set(&c->err, ERR_INVALID, "method", "请选择计收方式");
		if (ev.method == FEE_BY_PAGES)
			ev.quantity = web_in(c, "pages")->present ? web_in(c, "pages")->i : 0;
	}
	if (amount->present && (rc = money_parse_yuan(amount->s, &ev.amount_fen, "amount", &c->err)) != 0)
		return rc;
	return app_record(s, web_calendar(c), id, &ev, web_today(), &c->err);
}

/* POST /console/applications/:id/notices/:notice/issue: the notice's reference number, once
 * (domain/notice_ref.h); refused beside the notice when the domain refuses it. */
static int do_issue(struct web_ctx *c, struct store *s, int64_t id)
{
	const struct notice_issued *is;
	struct app_view v;
	int rc;

	if ((rc = app_load(s, web_calendar(c), id, web_today(), c->a, &v, &c->err)) != 0)
		return rc;
	rc = notice_issue(s, web_calendar(c), &v, web_param(c, "notice"), web_today(), c->a, &is,
			  &c->err);
	app_view_free(&v);
	return rc;
}

int h_app_notice_issue(struct web_ctx *c)
{
	return act(c, arena_printf(c->a, "issue:%s", web_param(c, "notice")), do_issue);
}

static int do_decide(struct web_ctx *c, struct store *s, int64_t id)
{
	struct app_event_in ev;
	int oc = app_outcome_find(web_str(c, "outcome"));

	if (oc < 0)
		return err_set(&c->err, ERR_INVALID, "outcome", "请选择处理结果");
	app_event_init(&ev, EV_DECIDED, web_in(c, "date")->day);
	ev.outcome = oc;
	ev.basis = web_in(c, "basis")->s;
	ev.counterpart = web_in(c, "responsible_organ")->s;
	ev.counterpart_contact = web_in(c, "responsible_contact")->s;
	return app_record(s, web_calendar(c), id, &ev, web_today(), &c->err);
}

int h_app_event(struct web_ctx *c)
{
	return act(c, web_str(c, "kind"), do_event);
}

int h_app_decide(struct web_ctx *c)
{
	return act(c, "decided", do_decide);
}

/* The letter of the application of the path's :id, built and checked by the domain: a
 * letter the domain refuses is refused here with its message. */
static int app_letter(struct web_ctx *c, int64_t *id, struct letter *l)
{
	struct app_view v;
	struct store *s;
	int rc;

	if ((rc = parse_id(c, id)) != 0)
		return rc;
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load_visible(c, s, *id, &v);
	if (rc == 0) {
		rc = letter_build(s, &v, c->a, l, &c->err);
		app_view_free(&v);
	}
	return web_finish(c, rc);
}

int h_app_letter(struct web_ctx *c)
{
	struct letter l;
	struct tpl_val *o, *paras;
	int64_t id;
	int rc;

	if ((rc = app_letter(c, &id, &l)) != 0)
		return rc;
	o = tpl_put_obj(c->page, "letter");
	tpl_put_str(o, "title", l.title);
	tpl_put_str(o, "ref", l.ref);
	if (l.ref_number)
		tpl_put_str(o, "ref_number", l.ref_number);
	tpl_put_str(o, "applicant", l.applicant);
	if (l.version)
		tpl_put_str(o, "version", l.version);
	/* the body in the organ's wording, as the downloads print it */
	paras = tpl_put_list(o, "paras");
	for (size_t i = 0; i < l.npara; i++)
		tpl_push_str(paras, l.paras[i]);
	tpl_put_str(o, "organ", l.organ);
	tpl_put_str(o, "date", l.date);
	tpl_put_int(c->page, "app_id", id);
	return web_render(c, "letter", l.title);
}

/* GET /console/applications/:id/files/:n — a file the applicant sent, to whoever sees the
 * application; audited as a download of records with personal data. */
int h_app_file(struct web_ctx *c)
{
	struct app_file f;
	struct app_view v;
	struct store *s;
	int64_t id, n = 0;
	int rc;

	if ((rc = parse_id(c, &id)) != 0)
		return rc;
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load_visible(c, s, id, &v);
	if (rc == 0) {
		app_view_free(&v);
		if ((rc = web_param_id(c, "n", "没有这个文件", &n)) == 0 &&
		    (rc = applicant_file_get(s, id, n, c->a, &f, &c->err)) == ERR_NOTFOUND)
			rc = err_set(&c->err, ERR_NOTFOUND, "n", "没有这个文件");
	}
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	if ((rc = web_audit_export(c, v.rec.agency_id, "application", id, "file")) != 0)
		return rc;
	return web_send_file(c, f.data, (size_t)f.size, f.mime, f.name,
			     arena_printf(c->a, "file-%lld-%lld", (long long)id, (long long)n),
			     f.sha256, "private, no-store");
}

/* The reply letter as a file of format f (enum notice_format), audited as an export. */
static int letter_file(struct web_ctx *c, int f)
{
	const char *ext = notice_format_name(f);
	struct letter l;
	int64_t id;
	int rc;

	if ((rc = app_letter(c, &id, &l)) != 0)
		return rc;
	if ((rc = render_letter(&l, f, &c->resp->body, &c->err)) != 0)
		return rc;
	c->resp->content_type = notice_format_type(f);
	http_resp_header(c->resp, "Content-Disposition",
			 arena_printf(c->a, "attachment; filename=\"letter-%lld.%s\"", (long long)id, ext));
	http_resp_header(c->resp, "Cache-Control", "private, no-store");
	return web_audit_export(c, 0, "application", id, ext);
}

/* GET /console/applications/:id/notices/:notice/:format — a notice issued for the application
 * (domain/app_notice.h) as txt, docx, pdf or ofd, the same bytes as `gongkai app notice`; a
 * notice the domain refuses (a legal element missing) is refused with its message; audited as
 * an export. */
int h_app_notice(struct web_ctx *c)
{
	const char *notice = web_param(c, "notice");
	int f = notice_format_by_name(web_param(c, "format"));
	struct app_view v;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = parse_id(c, &id)) != 0)
		return rc;
	if (f < 0)
		return err_set(&c->err, ERR_NOTFOUND, "format", "没有这种格式（txt、docx、pdf、ofd）");
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load_visible(c, s, id, &v);
	if (rc == 0) {
		rc = app_notice_write(s, web_calendar(c), &v, notice, f, c->a, &c->resp->body, &c->err);
		app_view_free(&v);
	}
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	c->resp->content_type = notice_format_type(f);
	http_resp_header(c->resp, "Content-Disposition",
			 arena_printf(c->a, "attachment; filename=\"%s-%lld.%s\"", notice, (long long)id,
				      notice_format_name(f)));
	http_resp_header(c->resp, "Cache-Control", "private, no-store");
	return web_audit_export(c, 0, "application", id, notice_format_name(f));
}

int h_app_letter_docx(struct web_ctx *c)
{
	return letter_file(c, NOTICE_DOCX);
}

int h_app_letter_pdf(struct web_ctx *c)
{
	return letter_file(c, NOTICE_PDF);
}

int h_app_letter_ofd(struct web_ctx *c)
{
	return letter_file(c, NOTICE_OFD);
}

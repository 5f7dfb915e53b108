/*
 * h_apply.c — the public side of applications: /apply (the Art. 29 form, channel online) with
 * its receipt (回执: tracking code + secret), and /track (code + secret → state, events with
 * dates, the deadlines that apply to the applicant; never personal data or internal notes).
 * May call: domain/, text/, web/app.h.
 */

#include "domain/application.h"
#include "domain/letter.h"
#include "text/date.h"
#include "web/appform.h"
#include "web/handlers.h"

static int apply_form(struct web_ctx *c)
{
	int rc = web_agencies(c, tpl_put_list(c->page, "agencies"), web_in(c, "agency")->i);

	if (rc)
		return rc;
	appform_choices(c);
	return web_render(c, "apply", "政府信息公开申请");
}

int h_apply_form(struct web_ctx *c)
{
	return apply_form(c);
}

int h_apply(struct web_ctx *c)
{
	struct app_new in = { 0 };
	struct app_created out;
	struct app_view v;
	struct store *s;
	int rc, today = web_today();

	if (appform_read(c, &in) != 0) {
		c->resp->status = 400;
		return apply_form(c);
	}
	in.agency_id = web_in(c, "agency")->i;
	in.received = today;
	in.channel = app_channels[CHANNEL_ONLINE].id;
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = app_create(s, web_calendar(c), &in, today, &out, &c->err);
	if (rc == 0)
		rc = app_load(s, web_calendar(c), out.id, today, c->a, &v, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return appform_refused(c, rc) ? apply_form(c) : rc;
	appform_put_receipt(c, &out, &v);
	app_view_free(&v);
	return web_render(c, "apply_receipt", "申请回执");
}

int h_track_form(struct web_ctx *c)
{
	return web_render(c, "track", "办理进度查询");
}

static void put_deadline(struct web_ctx *c, struct tpl_val *list, const struct clock_deadline *d)
{
	struct tpl_val *o;
	char day[DATE_LEN];

	if (d->due == CLOCK_NONE || d->due == 0 || d->days == 0)
		return;
	o = tpl_push_obj(list);
	tpl_put_str(o, "label", clock_limit_label(d->limit));
	tpl_put_str(o, "due", arena_strdup(c->a, date_format(d->due, day)));
	tpl_put_int(o, "days", d->days);
}

int h_track(struct web_ctx *c)
{
	struct app_view v;
	struct store *s;
	struct tpl_val *evs, *dls;
	char day[DATE_LEN];
	int rc;

	if (c->nerrors)
		return web_render(c, "track", "办理进度查询");
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = app_track(s, web_calendar(c), web_str(c, "code"), web_str(c, "secret"), web_today(),
		       c->a, &v, &c->err);
	if ((rc = web_finish(c, rc)) != 0) {
		if (rc != ERR_NOTFOUND)
			return rc;
		c->resp->status = 404;
		web_field_error(c, "code", "查询码或查询密码不正确，请核对回执");
		return web_render(c, "track", "办理进度查询");
	}
	/* Only what the applicant may see: no names, contacts, notes or approvers. */
	tpl_put_str(c->page, "tracking_code", v.rec.tracking_code);
	if (v.st.phase == PHASE_AWAITING_CONFIRMATION) {
		/* REQ 条例-31: no date of receipt until it is confirmed */
		tpl_put_str(c->page, "submitted", v.rec.submitted);
		if (v.confirm_by != CLOCK_NONE)
			tpl_put_str(c->page, "confirm_by", arena_strdup(c->a, date_format(v.confirm_by, day)));
	} else {
		tpl_put_str(c->page, "received", v.rec.received);
	}
	tpl_put_str(c->page, "state", app_phases[v.st.phase].label);
	if (v.st.outcome >= 0)
		tpl_put_str(c->page, "outcome", app_outcome_name(v.st.outcome));
	evs = tpl_put_list(c->page, "events");
	for (size_t i = 0; i < v.nevents; i++) {
		struct tpl_val *o = tpl_push_obj(evs);
		int k = app_event_from_id(v.events[i].kind);
		tpl_put_str(o, "date", v.events[i].date);
		tpl_put_str(o, "label", k >= 0 ? app_event_rules[k].label : v.events[i].kind);
	}
	if (v.has_schedule && app_phases[v.st.phase].open && v.st.phase != PHASE_AWAITING_CONFIRMATION) {
		/* the limits that bind the organ, and the applicant's own: to correct, to pay */
		dls = tpl_put_list(c->page, "deadlines");
		if (v.st.phase == PHASE_AWAITING_CORRECTION)
			put_deadline(c, dls, &v.sch.correction_period);
		else if (v.st.delayed != CLOCK_NONE)
			put_deadline(c, dls, &v.sch.delayed_reply);
		else if (v.st.extended != CLOCK_NONE)
			put_deadline(c, dls, &v.sch.extended_reply);
		else
			put_deadline(c, dls, &v.sch.reply);
		if (v.st.phase == PHASE_AWAITING_PAYMENT || v.st.phase == PHASE_FEE_NOTICE_SENT)
			put_deadline(c, dls, &v.sch.fee_payment);
	}
	if (v.due != CLOCK_NONE)
		tpl_put_str(c->page, "due", arena_strdup(c->a, date_format(v.due, day)));
	app_view_free(&v);
	http_resp_header(c->resp, "Cache-Control", "no-store");
	return web_render(c, "track_result", "办理进度");
}

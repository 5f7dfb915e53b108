/*
 * h_apply.c — the public side of applications: /apply (the Art. 29 form, channel online) with
 * its receipt (回执: tracking code + secret); what the applicant does next is /track
 * (web/h_track.c).
 * May call: domain/, text/, web/app.h.
 */

#include "domain/application.h"
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

/*
 * h_apply.c — the public side of applications: /apply (the Art. 29 form, channel online) with
 * its receipt (回执: tracking code + secret), and /track (code + secret → state, events with
 * dates, the deadlines that apply to the applicant; never personal data or internal notes).
 * May call: domain/, web/app.h.
 */
#include <string.h>

#include "domain/application.h"
#include "domain/letter.h"
#include "text/date.h"
#include "web/handlers.h"

static void put_types(struct web_ctx *c)
{
	struct tpl_val *l = tpl_put_list(c->page, "applicant_types");
	const char *sel = web_str(c, "applicant_type");

	for (int i = 0; i < APPLICANT__MAX; i++) {
		struct tpl_val *o = tpl_push_obj(l);
		tpl_put_str(o, "id", app_applicant_id(i));
		tpl_put_str(o, "label", app_applicant_label(i));
		tpl_put_bool(o, "selected", strcmp(sel, app_applicant_id(i)) == 0 ||
					    (!*sel && i == APPLICANT_NP));
	}
}

static void put_options(struct web_ctx *c, const char *key, const char *field,
			const char *const *values)
{
	struct tpl_val *l = tpl_put_list(c->page, key);

	for (int i = 0; values[i]; i++) {
		struct tpl_val *o = tpl_push_obj(l);
		tpl_put_str(o, "value", values[i]);
		tpl_put_bool(o, "selected", strcmp(web_str(c, field), values[i]) == 0);
	}
}

static int apply_form(struct web_ctx *c)
{
	static const char *const media[] = { "纸质", "电子文档", NULL };
	static const char *const deliveries[] = { "邮寄", "电子邮件", "当面领取", "网上查看", NULL };

	int rc = web_agencies(c, tpl_put_list(c->page, "agencies"), web_in(c, "agency")->i);

	if (rc)
		return rc;
	put_types(c);
	put_options(c, "media", "medium", media);
	put_options(c, "deliveries", "delivery", deliveries);
	return web_render(c, "apply", "政府信息公开申请");
}

int h_apply_form(struct web_ctx *c)
{
	return apply_form(c);
}

/* Join the non-empty "label：value" pairs with "；". */
static const char *join(struct web_ctx *c, const char *const pairs[][2], int n)
{
	struct buf b;
	char *s;

	buf_init(&b, 64 * 1024);
	for (int i = 0; i < n; i++) {
		const char *v = web_str(c, pairs[i][1]);
		if (!*v)
			continue;
		if ((b.len && buf_puts(&b, "；") != 0) || buf_printf(&b, "%s：%s", pairs[i][0], v) != 0)
			break;
	}
	s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

int h_apply(struct web_ctx *c)
{
	static const char *const contact[][2] = {
		{ "电话", "phone" }, { "通信地址", "address" }, { "电子邮箱", "email" },
	};
	static const char *const request[][2] = {
		{ "信息名称", "doc_title" }, { "文号", "doc_no" }, { "特征描述", "description" },
	};
	static const char *const form[][2] = { { "载体", "medium" }, { "获取方式", "delivery" } };
	struct app_new in = { 0 };
	struct app_created out;
	struct app_view v;
	struct store *s;
	char day[DATE_LEN];
	int rc, today = web_today();

	/* REQ 条例-29: a contact and a description of the information are required. */
	if (!*web_str(c, "phone") && !*web_str(c, "address") && !*web_str(c, "email"))
		web_field_error(c, "phone", "请至少填写一种联系方式（电话、通信地址或电子邮箱）");
	if (!*web_str(c, "doc_title") && !*web_str(c, "doc_no") && !*web_str(c, "description"))
		web_field_error(c, "description",
				"请写明所需信息的名称、文号或者便于查询的其他特征性描述（至少一项）");
	if (c->nerrors) {
		c->resp->status = 400;
		return apply_form(c);
	}
	in.agency_id = web_in(c, "agency")->i;
	in.received = today;
	in.channel = "online";
	in.applicant_type = web_str(c, "applicant_type");
	in.applicant_name = web_str(c, "applicant_name");
	in.id_number = web_in(c, "id_number")->s;
	in.contact = join(c, contact, 3);
	in.request = join(c, request, 3);
	in.form = join(c, form, 2);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = app_create(s, web_calendar(c), &in, today, &out, &c->err);
	if (rc == 0)
		rc = app_load(s, web_calendar(c), out.id, today, c->a, &v, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? apply_form(c) : rc;
	tpl_put_str(c->page, "tracking_code", arena_strdup(c->a, out.tracking_code));
	tpl_put_str(c->page, "secret", arena_strdup(c->a, out.secret));
	tpl_put_str(c->page, "received", arena_strdup(c->a, date_format(today, day)));
	if (v.due != CLOCK_NONE)
		tpl_put_str(c->page, "due", arena_strdup(c->a, date_format(v.due, day)));
	app_view_free(&v);
	http_resp_header(c->resp, "Cache-Control", "no-store");
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
	tpl_put_str(c->page, "received", v.rec.received);
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
	if (v.has_schedule && app_phases[v.st.phase].open) {
		dls = tpl_put_list(c->page, "deadlines");
		if (v.st.extended != CLOCK_NONE)
			put_deadline(c, dls, &v.sch.extended_reply);
		else
			put_deadline(c, dls, &v.sch.reply);
		if (v.st.phase == PHASE_AWAITING_PAYMENT)
			put_deadline(c, dls, &v.sch.fee_payment);
	}
	if (v.due != CLOCK_NONE)
		tpl_put_str(c->page, "due", arena_strdup(c->a, date_format(v.due, day)));
	app_view_free(&v);
	http_resp_header(c->resp, "Cache-Control", "no-store");
	return web_render(c, "track_result", "办理进度");
}

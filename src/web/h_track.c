/*
 * h_track.c — /track, the applicant's own pages: sign in with the tracking code and the secret
 * of the receipt (rate-limited), then, while signed in (a signed cookie, domain/applicant.h):
 * the state, the dates that bind the organ and the applicant, the history in plain Chinese,
 * the notices the organ sent to download, and the applicant's actions — send the 补正 with
 * files, withdraw (after a confirmation page), confirm the date of receipt. Each action is a
 * lifecycle event recorded by the domain under the same rules as the console, audited with
 * the actor "申请人 <code>", and shown in the console at once (it reads the same ledger).
 * Only what the applicant typed or the organ decided is shown: never the names of staff,
 * internal notes, approvers or other applications.
 * May call: domain/ (applicant, application, letter), render/notice.h, text/, web/app.h.
 * Law: 条例第二十九条、第三十条、第三十一条.
 */
#include <string.h>
#include <time.h>

#include "domain/applicant.h"
#include "domain/audit.h"
#include "base/crypto.h"
#include "domain/letter.h"
#include "render/notice.h"
#include "text/date.h"
#include "web/handlers.h"
#include "web/webint.h"

#define COOKIE_TRACK "gk_track"

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

/* The limits that bind the organ, and the applicant's own: to correct, to pay. */
static void put_deadlines(struct web_ctx *c, const struct app_view *v)
{
	struct tpl_val *dls;

	if (!v->has_schedule || !app_phases[v->st.phase].open ||
	    v->st.phase == PHASE_AWAITING_CONFIRMATION)
		return;
	dls = tpl_put_list(c->page, "deadlines");
	put_deadline(c, dls, v->st.phase == PHASE_AWAITING_CORRECTION ? &v->sch.correction_period
								       : app_reply_deadline(&v->st, &v->sch));
	if (v->st.phase == PHASE_AWAITING_PAYMENT || v->st.phase == PHASE_FEE_NOTICE_SENT)
		put_deadline(c, dls, &v->sch.fee_payment);
}

/* The applicant's page of v (their own actions offered as the state allows). */
static int track_page(struct web_ctx *c, struct store *s, const struct app_view *v)
{
	struct applicant_notice *nts;
	struct tpl_val *evs, *list;
	char day[DATE_LEN];
	size_t n;
	int rc;

	tpl_put_str(c->page, "tracking_code", v->rec.tracking_code);
	if (v->st.phase == PHASE_AWAITING_CONFIRMATION) {
		/* REQ 条例-31: no date of receipt until it is confirmed */
		tpl_put_str(c->page, "submitted", v->rec.submitted);
		if (v->confirm_by != CLOCK_NONE)
			tpl_put_str(c->page, "confirm_by", arena_strdup(c->a, date_format(v->confirm_by, day)));
		tpl_put_bool(c->page, "may_confirm", 1);
	} else {
		tpl_put_str(c->page, "received", v->rec.received);
	}
	tpl_put_str(c->page, "state", app_phases[v->st.phase].label);
	if (v->st.outcome >= 0)
		tpl_put_str(c->page, "outcome", app_outcome_name(v->st.outcome));
	evs = tpl_put_list(c->page, "events");
	for (size_t i = 0; i < v->nevents; i++) {
		struct tpl_val *o = tpl_push_obj(evs);
		int k = app_event_from_id(v->events[i].kind);
		tpl_put_str(o, "date", v->events[i].date);
		tpl_put_str(o, "label", k >= 0 ? app_event_rules[k].label : v->events[i].kind);
		if (k == EV_CORRECTION_RECEIVED || k == EV_WITHDRAWN || k == EV_RECEIPT_CONFIRMED)
			tpl_put_bool(o, "online", v->events[i].actor &&
					 strncmp(v->events[i].actor, "申请人", 9) == 0);
	}
	put_deadlines(c, v);
	if ((rc = applicant_notices(s, web_calendar(c), v, c->a, &nts, &n, &c->err)) != 0)
		return rc;
	list = tpl_put_list(c->page, "notices_sent");
	for (size_t i = 0; i < n; i++) {
		struct tpl_val *o = tpl_push_obj(list);
		tpl_put_str(o, "id", nts[i].id);
		tpl_put_str(o, "title", nts[i].title);
		tpl_put_str(o, "date", nts[i].date);
	}
	tpl_put_bool(c->page, "may_correct", v->st.phase == PHASE_AWAITING_CORRECTION);
	tpl_put_bool(c->page, "may_withdraw", app_phases[v->st.phase].open);
	tpl_put_int(c->page, "files_max", APPLICANT_FILES_MAX);
	tpl_put_int(c->page, "file_mb", APPLICANT_FILE_MAX >> 20);
	http_resp_header(c->resp, "Cache-Control", "no-store");
	return 0;
}

/* The signed-in applicant's application in v (a read transaction left open in *s), or
 * ERR_NOTFOUND when nobody is signed in. */
static int resume(struct web_ctx *c, int write, struct store **s, struct app_view *v)
{
	const char *tok = http_cookie(c->req, COOKIE_TRACK);
	int rc;

	memset(v, 0, sizeof *v);
	if (tok == NULL || *tok == '\0')
		return ERR_NOTFOUND;
	if ((rc = web_begin(c, write, s)) != 0)
		return rc;
	rc = applicant_resume(*s, web_calendar(c), tok, c->w->csrf_key, sizeof c->w->csrf_key,
			      (int64_t)time(NULL), web_today(), c->a, v, &c->err);
	if (rc != 0) {
		int rc2 = web_finish(c, rc);
		(void)rc2;
		err_clear(&c->err);
		return ERR_NOTFOUND;
	}
	store_set_actor(*s, arena_printf(c->a, "申请人 %s", v->rec.tracking_code));
	return 0;
}

/* Show the signed-in applicant's page (after an action done or refused), or the sign-in form. */
static int show(struct web_ctx *c)
{
	struct app_view v;
	struct store *s;
	int rc;

	if (resume(c, 0, &s, &v) != 0)
		return web_render(c, "track", "办理进度查询");
	rc = track_page(c, s, &v);
	app_view_free(&v);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	return web_render(c, "track_result", "办理进度");
}

int h_track_form(struct web_ctx *c)
{
	return show(c);
}

int h_track(struct web_ctx *c)
{
	char tok[APPLICANT_TOKEN_LEN];
	struct app_view v;
	struct store *s;
	int rc;

	if (c->nerrors)
		return web_render(c, "track", "办理进度查询");
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = app_track(s, web_calendar(c), web_str(c, "code"), web_str(c, "secret"), web_today(),
		       c->a, &v, &c->err);
	if (rc == 0) {
		applicant_token(&v.rec, c->w->csrf_key, sizeof c->w->csrf_key,
				(int64_t)time(NULL) + APPLICANT_SIGNIN_SECONDS, tok);
		rc = track_page(c, s, &v);
		app_view_free(&v);
	}
	if ((rc = web_finish(c, rc)) != 0) {
		if (rc != ERR_NOTFOUND)
			return rc;
		c->resp->status = 404;
		web_field_error(c, "code", "查询码或查询密码不正确，请核对回执");
		return web_render(c, "track", "办理进度查询");
	}
	web_set_cookie(c, COOKIE_TRACK, tok, APPLICANT_SIGNIN_SECONDS);
	return web_render(c, "track_result", "办理进度");
}

int h_track_signout(struct web_ctx *c)
{
	web_set_cookie(c, COOKIE_TRACK, "", -1);
	return web_redirect(c, "/track");
}

/* Run one of the applicant's actions (label: what it is called on the page, anchor: the
 * form's field that carries a refusal) in a write transaction; a refusal is shown on the page
 * beside the action with what was typed, anything else leads back to the page. */
static int act(struct web_ctx *c, int (*fn)(struct web_ctx *, struct store *, int64_t),
	       const char *label, const char *anchor, const char *done)
{
	struct app_view v;
	struct store *s;
	int rc;

	if (resume(c, 1, &s, &v) != 0) {
		c->resp->status = 403;
		web_field_error(c, "code", "登录已过期，请重新输入查询码和查询密码");
		return web_render(c, "track", "办理进度查询");
	}
	app_view_free(&v);
	rc = c->nerrors ? ERR_INVALID : fn(c, s, v.rec.id);
	if ((rc = web_finish(c, rc)) != 0) {
		if (rc == ERR_INVALID && c->nerrors) {
			c->resp->status = 400;
		} else if (rc == ERR_INVALID || rc == ERR_STATE || rc == ERR_LIMIT) {
			web_field_error_as(c, c->err.field[0] ? c->err.field : anchor, label, "%s", c->err.msg);
			c->resp->status = web_status(rc);
			err_clear(&c->err);
		} else {
			return rc;
		}
		return show(c);
	}
	web_notice(c, "%s", done);
	return show(c);
}

static int do_correct(struct web_ctx *c, struct store *s, int64_t id)
{
	static const char *const names[APPLICANT_FILES_MAX] = { "file1", "file2", "file3" };
	struct applicant_upload up[APPLICANT_FILES_MAX];
	size_t n = 0;

	for (int i = 0; i < APPLICANT_FILES_MAX; i++) {
		const struct web_value *f = web_in(c, names[i]);
		if (f->present && f->file) {
			up[n].name = f->file->filename;
			up[n].data = f->file->value;
			up[n].size = f->file->len;
			n++;
		}
	}
	return applicant_correct(s, web_calendar(c), id, web_str(c, "text"), up, n, web_today(),
				 &c->err);
}

int h_track_correct(struct web_ctx *c)
{
	return act(c, do_correct, "提交补正", "text", "补正材料已提交，工作人员可以立即看到。答复期限自今日起重新计算。");
}

static int do_withdraw(struct web_ctx *c, struct store *s, int64_t id)
{
	if (strcmp(web_str(c, "confirm"), "yes") != 0)
		return err_set(&c->err, ERR_INVALID, "confirm", "请勾选“我确认撤回此申请”");
	return applicant_withdraw(s, web_calendar(c), id, web_today(), &c->err);
}

int h_track_withdraw_form(struct web_ctx *c)
{
	struct app_view v;
	struct store *s;
	int rc;

	if (resume(c, 0, &s, &v) != 0)
		return web_render(c, "track", "办理进度查询");
	tpl_put_str(c->page, "tracking_code", v.rec.tracking_code);
	tpl_put_bool(c->page, "may_withdraw", app_phases[v.st.phase].open);
	tpl_put_str(c->page, "state", app_phases[v.st.phase].label);
	app_view_free(&v);
	if ((rc = web_finish(c, 0)) != 0)
		return rc;
	http_resp_header(c->resp, "Cache-Control", "no-store");
	return web_render(c, "track_withdraw", "撤回申请");
}

int h_track_withdraw(struct web_ctx *c)
{
	if (strcmp(web_str(c, "confirm"), "yes") != 0 && c->nerrors == 0) {
		/* the confirmation step was skipped: show it, with the reason */
		c->resp->status = 400;
		web_field_error(c, "confirm", "请勾选“我确认撤回此申请”后再提交");
		return h_track_withdraw_form(c);
	}
	return act(c, do_withdraw, "撤回申请", "confirm", "申请已撤回。本机关将按申请人撤回终止办理。");
}

static int do_confirm(struct web_ctx *c, struct store *s, int64_t id)
{
	return applicant_confirm(s, web_calendar(c), id, web_today(), &c->err);
}

int h_track_confirm(struct web_ctx *c)
{
	return act(c, do_confirm, "确认收到申请之日", "confirm", "已确认：今日为本机关收到申请之日，答复期限自今日起计算。");
}

/* GET /track/notices/:id/:kind — a notice the organ sent, as PDF, DOCX, OFD or text; the download is
 * audited like every other action of the applicant. */
int h_track_notice(struct web_ctx *c)
{
	const char *kind = web_param(c, "kind");
	struct app_view v;
	struct store *s;
	struct buf out;
	int64_t id = 0, agency = 0;
	int rc;

	if (resume(c, 1, &s, &v) != 0)
		return err_set(&c->err, ERR_NOTFOUND, "", "未登录或登录已过期");
	buf_init(&out, 8u << 20);
	rc = applicant_notice_write(s, web_calendar(c), &v, web_param(c, "id"), kind, c->a, &out, &c->err);
	id = v.rec.id;
	agency = v.rec.agency_id;
	app_view_free(&v);
	if (rc == 0)
		rc = audit_export(s, agency, "application", id, kind, &c->err);
	if ((rc = web_finish(c, rc)) == 0) {
		char sha[CRYPTO_SHA256_HEX];
		crypto_sha256_hex(out.ptr, out.len, sha);
		rc = web_send_file(c, out.ptr, out.len,
				   notice_format_type(notice_format_by_name(kind)),
				   arena_printf(c->a, "%s-%s.%s", web_param(c, "id"), v.rec.tracking_code, kind),
				   "notice", sha, "private, no-store");
	}
	buf_free(&out);
	return rc;
}

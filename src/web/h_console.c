/*
 * h_console.c — staff sign-in, sign-out and the dashboard.
 *
 * Sign-in verifies the argon2id hash of the account (domain users) and rotates the session.
 * Failed attempts are recorded and slow further attempts down with growing delays, counted
 * for the account from that address, the address, and the account (domain/signin.h): an
 * attacker elsewhere never locks the officer out. A client that must wait is told how long
 * (429, Retry-After) without the password being checked. The dashboard tells the user when
 * and from where they signed in before, and the failed attempts on their account since.
 * May call: domain/, text/, web/app.h.
 */
#include <string.h>
#include <time.h>

#include "domain/application.h"
#include "domain/organ_rules.h"
#include "domain/signin.h"
#include "domain/user.h"
#include "text/date.h"
#include "web/handlers.h"
#include "web/webint.h"

static const char *local_next(const char *s)
{
	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return "/console";
	return s;
}

int h_login_form(struct web_ctx *c)
{
	if (c->user)
		return web_redirect(c, local_next(web_in(c, "next")->s));
	return web_render(c, "login", "工作人员登录");
}

/* The one-time code of an account with a second factor: 0 when it is good (and now used),
 * ERR_FORBIDDEN when missing, wrong or used before. */
static int second_factor(struct web_ctx *c, const struct web_user *u)
{
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	return web_finish(c, user_totp_verify(s, u->id, web_str(c, "code"), (int64_t)time(NULL),
					       &c->err));
}

int h_login(struct web_ctx *c)
{
	const char *user = web_str(c, "user");
	struct web_user u;
	int64_t wait;
	int rc;

	if (c->nerrors)
		return web_render(c, "login", "工作人员登录");
	if ((rc = web_signin_wait(c, user, &wait)) != 0)
		return rc;
	if (wait > 0) {
		web_signin_refuse(c, "user", wait);
		return web_render(c, "login", "工作人员登录");
	}
	if (webint_authenticate(c, user, web_str(c, "password"), &u) != 0) {
		if ((rc = web_signin_failed(c, user)) != 0)
			return rc;
		c->resp->status = 401;
		web_field_error(c, "password", "用户名或密码错误");
		return web_render(c, "login", "工作人员登录");
	}
	if (u.totp_on && (rc = second_factor(c, &u)) != 0) {
		if (rc != ERR_FORBIDDEN)
			return rc;
		err_clear(&c->err);
		if ((rc = web_signin_failed(c, user)) != 0)
			return rc;
		c->resp->status = 401;
		tpl_put_bool(c->page, "ask_code", 1);
		web_field_error(c, "code", web_in(c, "code")->present ? "动态验证码错误或已用过，请输入验证器应用中现在显示的 6 位数字"
								      : "请输入验证器应用中显示的 6 位动态验证码");
		return web_render(c, "login", "工作人员登录");
	}
	if (web_login(c, &u) != 0)
		return ERR_INTERNAL;
	if (u.must_enrol)
		return web_redirect(c, "/console/totp");
	return web_redirect(c, local_next(web_in(c, "next")->s));
}

/* The second factor: the secret to enter in an authenticator app (as text and as an
 * otpauth:// address), then the first code to confirm it. GB/T 22239-2019 8.1.4.1 d). */
int h_totp_form(struct web_ctx *c)
{
	const char *secret = NULL;
	struct store *s;
	int rc;

	if (c->user->totp_on) {
		tpl_put_bool(c->page, "totp_on", 1);
		return web_render(c, "totp", "动态验证码");
	}
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	if ((rc = web_finish(c, user_totp_begin(s, c->user->name, c->a, &secret, &c->err))) != 0)
		return rc;
	tpl_put_str(c->page, "secret", secret);
	tpl_put_str(c->page, "uri", arena_printf(c->a, "otpauth://totp/%s:%s?secret=%s&issuer=%s",
						 "gongkai", c->user->name, secret, "gongkai"));
	tpl_put_bool(c->page, "must", c->user->must_enrol);
	return web_render(c, "totp", "动态验证码");
}

int h_totp(struct web_ctx *c)
{
	struct store *s;
	int rc;

	if (c->nerrors)
		return h_totp_form(c);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = web_finish(c, user_totp_confirm(s, c->user->name, web_str(c, "code"),
					     (int64_t)time(NULL), &c->err));
	if (rc == ERR_INVALID) {
		web_field_error(c, "code", "验证码不对：请核对手机时间，输入验证器应用中现在显示的 6 位数字");
		err_clear(&c->err);
		c->resp->status = 400;
		return h_totp_form(c);
	}
	if (rc)
		return rc;
	return web_redirect(c, "/console");
}

int h_logout(struct web_ctx *c)
{
	web_logout(c);
	return web_redirect(c, "/console/login");
}

struct due_fill {
	struct web_ctx *c;
	struct tpl_val *today, *soon, *overdue;
	int overdue_pass;     /* 0: due today or soon; 1: overdue; 2: the other things to do */
	struct tpl_val *confirm, *close, *decide;
};

static int add_due(void *ctx, const struct app_item *it)
{
	struct due_fill *f = ctx;
	struct tpl_val *list, *o;
	char day[DATE_LEN];

	if (!web_visible(f->c, it->rec->agency_id))
		return 0;
	if (f->overdue_pass == 2) {
		/* REQ 条例-31 REQ 条例-30 REQ 109号 REQ 条例-32: receipts to confirm, applications
		 * whose applicant's time ran out (to be closed), third parties silent past their due */
		list = it->todo == TODO_CONFIRM ? f->confirm :
		       it->todo == TODO_CLOSE_NO_CORRECTION || it->todo == TODO_CLOSE_FEE_UNPAID ? f->close :
		       it->todo == TODO_DECIDE_CONSULTED ? f->decide : NULL;
		if (list == NULL)
			return 0;
		o = tpl_push_obj(list);
		tpl_put_int(o, "id", it->rec->id);
		tpl_put_str(o, "code", arena_strdup(f->c->a, it->rec->tracking_code));
		tpl_put_str(o, "todo", app_todos[it->todo].label);
		if (it->todo_until != CLOCK_NONE)
			tpl_put_str(o, "until", arena_strdup(f->c->a, date_format(it->todo_until, day)));
		tpl_put_bool(o, "late", it->todo == TODO_CONFIRM && it->todo_left < 0);
		tpl_put_int(o, "late_days", -it->todo_left);
		return 0;
	}
	if (it->due == CLOCK_NONE || (it->overdue != 0) != f->overdue_pass)
		return 0;
	list = it->overdue ? f->overdue : it->workdays_left == 0 ? f->today : f->soon;
	o = tpl_push_obj(list);
	tpl_put_int(o, "id", it->rec->id);
	tpl_put_str(o, "code", arena_strdup(f->c->a, it->rec->tracking_code));
	tpl_put_str(o, "received", arena_strdup(f->c->a, it->rec->received));
	tpl_put_str(o, "state", app_phases[it->phase].label);
	tpl_put_str(o, "due", arena_strdup(f->c->a, date_format(it->due, day)));
	tpl_put_int(o, "left", it->workdays_left);
	tpl_put_int(o, "late", -it->workdays_left);
	return 0;
}

/* GB/T 22239-2019 8.1.4.1: the user sees when and from where they signed in before, and the
 * failed attempts on their account since then (the latest one's time and address). */
static int put_signin_news(struct web_ctx *c)
{
	struct signin_news n;
	struct tpl_val *o;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = web_finish(c, signin_news(s, c->user->id, c->user->name, c->a, &n, &c->err));
	if (rc)
		return rc;
	o = tpl_put_obj(c->page, "signin");
	if (n.prev.at) {
		tpl_put_str(o, "prev_at", web_local_time(c->a, n.prev.at));
		tpl_put_str(o, "prev_client", n.prev.client ? n.prev.client : "未知");
	}
	tpl_put_bool(o, "first", n.prev.at == 0);
	if (n.failures) {
		tpl_put_int(o, "failures", n.failures);
		tpl_put_str(o, "failure_at", web_local_time(c->a, n.last_failure.at));
		tpl_put_str(o, "failure_client", n.last_failure.client);
	}
	return 0;
}

/* REQ 条例-33: what is due today, within five working days, and overdue — each a link to the
 * application's deadlines with their derivation. */
int h_dashboard(struct web_ctx *c)
{
	struct due_fill f = { c, tpl_put_list(c->page, "due_today"), tpl_put_list(c->page, "due_soon"),
			      tpl_put_list(c->page, "overdue"), 0, tpl_put_list(c->page, "to_confirm"),
			      tpl_put_list(c->page, "to_close"), tpl_put_list(c->page, "to_decide") };
	struct app_query q = { .state = "open", .due_within = 5 };
	struct store *s;
	int rc, year;

	if (web_may(c, ACT_APP_READ, 0)) {
		tpl_put_bool(c->page, "sees_apps", 1);
		if (!web_reaches_beyond(c))
			q.agency_id = c->user->agency_id;
		if ((rc = web_begin(c, 0, &s)) != 0)
			return rc;
		rc = web_finish(c, app_list(s, web_calendar(c), &q, web_today(), add_due, &f, &c->err));
		if (rc)
			return rc;
		q.due_within = -1;
		q.overdue = true;
		if ((rc = web_begin(c, 0, &s)) != 0)
			return rc;
		f.overdue_pass = 1;
		rc = web_finish(c, app_list(s, web_calendar(c), &q, web_today(), add_due, &f, &c->err));
		if (rc)
			return rc;
		q.overdue = false;
		if ((rc = web_begin(c, 0, &s)) != 0)
			return rc;
		f.overdue_pass = 2;
		rc = web_finish(c, app_list(s, web_calendar(c), &q, web_today(), add_due, &f, &c->err));
		if (rc)
			return rc;
	}
	if ((rc = put_signin_news(c)) != 0)
		return rc;
	date_split(web_today(), &year, NULL, NULL);
	tpl_put_int(c->page, "report_year", year - 1);
	tpl_put_bool(c->page, "sees_region", web_may(c, ACT_REGION_READ, 0));
	if (c->user->agency_id) {
		struct tpl_val *pubs = tpl_put_list(c->page, "report_pubs");
		int due = 0, today = web_today();
		char day[DATE_LEN];
		if ((rc = web_list_reports(c, pubs, c->user->agency_id, year - 1)) != 0)
			return rc;
		tpl_put_bool(c->page, "report_published", tpl_list_len(pubs) > 0);
		tpl_put_bool(c->page, "has_organ", 1);
		/* REQ 条例-49: the organ's deadline for last year's report, warned 30 days before */
		if ((rc = web_begin(c, 0, &s)) != 0)
			return rc;
		if ((rc = web_finish(c, organ_report_due(s, c->user->agency_id, year - 1, &c->err, &due))) != 0)
			return rc;
		tpl_put_str(c->page, "report_due", arena_strdup(c->a, date_format(due, day)));
		if (tpl_list_len(pubs) == 0) {
			tpl_put_bool(c->page, "report_late", today > due);
			tpl_put_bool(c->page, "report_soon", today <= due && due - today <= 30);
			tpl_put_int(c->page, "report_days_left", due - today);
		}
	}
	if ((rc = web_put_trends(c)) != 0)
		return rc;
	return web_render(c, "dashboard", "工作台");
}

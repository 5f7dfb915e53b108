/*
 * h_console.c — staff sign-in, sign-out and the dashboard.
 *
 * Sign-in verifies the argon2id hash of the account (domain users), rotates the session, and
 * counts failures per account and per address: over the limit, even a right password is
 * refused until the window ends, with the same message (no account enumeration).
 * May call: domain/, web/app.h.
 */
#include <string.h>

#include "domain/application.h"
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

int h_login(struct web_ctx *c)
{
	const char *user = web_str(c, "user");
	struct web_user u;
	int ok = 0;

	if (c->nerrors)
		return web_render(c, "login", "工作人员登录");
	if (web_login_limited(c, user, 0)) {
		c->resp->status = 429;
		web_field_error(c, "user", "登录失败次数过多，请 15 分钟后再试");
		return web_render(c, "login", "工作人员登录");
	}
	ok = webint_authenticate(c, user, web_str(c, "password"), &u) == 0;
	if (!ok) {
		web_login_limited(c, user, 1);
		c->resp->status = 401;
		web_field_error(c, "password", "用户名或密码错误");
		return web_render(c, "login", "工作人员登录");
	}
	if (web_login(c, &u) != 0)
		return ERR_INTERNAL;
	return web_redirect(c, local_next(web_in(c, "next")->s));
}

int h_logout(struct web_ctx *c)
{
	web_logout(c);
	return web_redirect(c, "/console/login");
}

struct due_fill {
	struct web_ctx *c;
	struct tpl_val *today, *soon, *overdue;
	int overdue_pass;     /* 0: due today or soon; 1: overdue */
};

static int add_due(void *ctx, const struct app_item *it)
{
	struct due_fill *f = ctx;
	struct tpl_val *list, *o;
	char day[DATE_LEN];

	if (!web_visible(f->c, it->rec->agency_id) || it->due == CLOCK_NONE ||
	    (it->overdue != 0) != f->overdue_pass)
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

/* REQ 条例-33: what is due today, within five working days, and overdue — each a link to the
 * application's deadlines with their derivation. */
int h_dashboard(struct web_ctx *c)
{
	struct due_fill f = { c, tpl_put_list(c->page, "due_today"), tpl_put_list(c->page, "due_soon"),
			      tpl_put_list(c->page, "overdue"), 0 };
	struct app_query q = { .state = "open", .due_within = 5 };
	struct store *s;
	int rc, year;

	if (c->user->role_id == ROLE_OFFICER || c->user->role_id == ROLE_LEADER ||
	    c->user->role_id == ROLE_SUPERVISOR) {
		tpl_put_bool(c->page, "sees_apps", 1);
		if (c->user->role_id != ROLE_SUPERVISOR)
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
	}
	date_split(web_today(), &year, NULL, NULL);
	tpl_put_int(c->page, "report_year", year - 1);
	tpl_put_bool(c->page, "sees_region", c->user->role_id == ROLE_SUPERVISOR ||
					      c->user->role_id == ROLE_ADMIN);
	if (c->user->agency_id) {
		struct tpl_val *pubs = tpl_put_list(c->page, "report_pubs");
		if ((rc = web_list_reports(c, pubs, c->user->agency_id, year - 1)) != 0)
			return rc;
		tpl_put_bool(c->page, "report_published", tpl_list_len(pubs) > 0);
		tpl_put_bool(c->page, "has_organ", 1);
	}
	return web_render(c, "dashboard", "工作台");
}

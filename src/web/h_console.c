/*
 * h_console.c — staff sign-in, sign-out and the dashboard.
 *
 * Sign-in verifies the argon2id hash of the account (domain users), rotates the session, and
 * counts failures per account and per address: over the limit, even a right password is
 * refused until the window ends, with the same message (no account enumeration).
 * May call: domain/, web/app.h.
 */
#include <string.h>

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

int h_dashboard(struct web_ctx *c)
{
	return web_render(c, "dashboard", "工作台");
}

/*
 * h_portal.c — public portal pages that belong to no single domain area: the home page and
 * the display switches of every page (适老化, GB/T 37668-2019): larger text and high contrast,
 * each a cookie the server reads, so no script is needed to show the page as chosen.
 * May call: domain/, web/app.h, web/webint.h (the cookie names).
 */
#include <string.h>

#include "web/handlers.h"
#include "web/webint.h"

int h_home(struct web_ctx *c)
{
	struct tpl_val *latest = tpl_put_list(c->page, "latest");
	int rc = web_latest_docs(c, latest, 8);

	if (rc)
		return rc;
	tpl_put_bool(c->page, "has_latest", tpl_list_len(latest) > 0);
	if ((rc = web_list_reports(c, tpl_put_list(c->page, "reports"), 0, 0)) != 0)
		return rc;
	return web_render(c, "home", "首页");
}

/* A back link must stay on this site: a path, never "//host" or "http://". */
static const char *local_path(const char *s)
{
	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return "/";
	return s;
}

/* Set (on == 1) or clear the display cookie name to value for a year; back to the page. */
static int display_switch(struct web_ctx *c, const char *name, const char *value, int on)
{
	if (on)
		web_set_cookie(c, name, value, 365L * 86400);
	else
		web_set_cookie(c, name, "", -1);
	return web_redirect(c, local_path(web_in(c, "back")->s));
}

int h_text_size(struct web_ctx *c)
{
	return display_switch(c, COOKIE_TEXT, "large", strcmp(web_str(c, "size"), "large") == 0);
}

int h_contrast(struct web_ctx *c)
{
	return display_switch(c, COOKIE_CONTRAST, "high", strcmp(web_str(c, "mode"), "high") == 0);
}

/*
 * h_portal.c — public portal pages that belong to no single domain area: the home page and
 * the larger-text switch (适老化).
 * May call: domain/, web/app.h.
 */
#include <string.h>

#include "web/handlers.h"

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

int h_text_size(struct web_ctx *c)
{
	const char *size = web_str(c, "size");

	if (strcmp(size, "large") == 0)
		web_set_cookie(c, "gk_text", "large", 365L * 86400);
	else
		web_set_cookie(c, "gk_text", "", -1);
	return web_redirect(c, local_path(web_in(c, "back")->s));
}

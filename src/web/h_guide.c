/*
 * h_guide.c — the 政府信息公开指南 of an organ (/guide?agency=ID) and the Atom feed of new
 * publications (/feed.xml[?agency=ID]), both built by domain/guide.h on the day asked.
 * May call: domain/, render/guide.h, web/app.h.
 */
#include <string.h>

#include "domain/guide.h"
#include "render/guide.h"
#include "web/handlers.h"

int h_guide(struct web_ctx *c)
{
	struct guide_model g;
	struct store *s;
	struct buf html;
	int64_t ag = web_in(c, "agency")->i;
	int rc;

	if ((rc = web_agencies(c, tpl_put_list(c->page, "agencies"), ag)) != 0)
		return rc;
	if (ag == 0)
		return web_render(c, "guide", "政府信息公开指南");
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = web_finish(c, guide_build(s, ag, web_today(), c->a, &g, &c->err));
	if (rc == ERR_NOTFOUND)
		return err_set(&c->err, ERR_NOTFOUND, "agency", "没有这个机关");
	if (rc)
		return rc;
	buf_init(&html, 1u << 20);
	rc = render_guide_html(&html, &g);  /* escapes every text: a trusted fragment */
	if (rc == 0)
		tpl_put_str(c->page, "guide_html", arena_strdup(c->a, buf_cstr(&html)));
	buf_free(&html);
	return rc ? rc : web_render(c, "guide", g.title ? g.title : "政府信息公开指南");
}

int h_feed(struct web_ctx *c)
{
	struct atom_feed f;
	struct store *s;
	const char *host = http_header(c->req, "Host");
	const char *proto = http_header(c->req, "X-Forwarded-Proto");
	const char *base;
	int rc;

	if (host == NULL || !*host || strpbrk(host, "/\\\"<> "))
		host = "localhost";
	base = arena_printf(c->a, "%s://%s", proto && strcmp(proto, "https") == 0 ? "https" : "http", host);
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = web_finish(c, feed_build(s, web_in(c, "agency")->i, base, web_today(), FEED_ENTRIES_DEFAULT,
				      c->a, &f, &c->err));
	if (rc)
		return rc;
	if ((rc = render_atom(&c->resp->body, &f)) != 0)
		return rc;
	c->resp->content_type = "application/atom+xml; charset=utf-8";
	return 0;
}

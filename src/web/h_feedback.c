/*
 * h_feedback.c — /feedback: suggestions and complaints from the public (监督), stored in the
 * feedback register (domain/registers.h) with a reference number the sender can quote.
 * May call: domain/, web/app.h.
 */
#include "domain/registers.h"
#include "web/handlers.h"

static int form(struct web_ctx *c)
{
	int rc = web_agencies(c, tpl_put_list(c->page, "agencies"), web_in(c, "agency")->i);

	return rc ? rc : web_render(c, "feedback", "意见建议");
}

int h_feedback_form(struct web_ctx *c)
{
	return form(c);
}

int h_feedback(struct web_ctx *c)
{
	struct store *s;
	char ref[32];
	int rc;

	if (c->nerrors)
		return form(c);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = registers_feedback_submit(s, web_in(c, "agency")->i, web_str(c, "text"),
				       web_in(c, "contact")->s, c->a, ref, &c->err);
	rc = web_finish(c, rc);
	if (rc != 0)
		return web_refused(c, rc) ? form(c) : rc;
	tpl_put_str(c->page, "ref_no", arena_strdup(c->a, ref));
	return web_render(c, "feedback_done", "意见建议已收到");
}

/*
 * scope.c — THE permission check of the console (web_may: domain/access.h's access_may for
 * the signed-in user) and what follows from it for pages: whether a record's organ may be
 * seen for the request's action, the organs offered in a choice, the organ asked about.
 * May call: domain/, web/.
 */
#include <stdio.h>
#include <string.h>

#include "domain/access.h"
#include "domain/agency.h"
#include "web/webint.h"

int web_may(struct web_ctx *c, enum access_action act, int64_t organ)
{
	struct access_who *who;

	if (act == ACT_PUBLIC)
		return 1;
	if (c->user == NULL)
		return 0;
	who = &c->user->who;
	if (organ != 0 && access_reach(who->role) == REACH_BELOW && !who->below_loaded) {
		struct store *s;

		who->below_loaded = 1;
		if (web_begin(c, 0, &s) == 0 &&
		    web_finish(c, access_load_below(s, who, c->a, &c->err)) != 0)
			fprintf(stderr, "scope: %s\n", c->err.msg);
		err_clear(&c->err);
	}
	return access_may(who, act, organ);
}

int web_visible(struct web_ctx *c, int64_t agency_id)
{
	return c->route && web_may(c, c->route->action, agency_id ? agency_id : ACCESS_NO_ORGAN);
}

int web_reaches_beyond(const struct web_ctx *c)
{
	return c->user && access_reach(c->user->role_id) != REACH_OWN;
}

struct agency_fill {
	struct web_ctx *c;       /* NULL: every organ */
	struct tpl_val *list;
	int64_t selected;
};

static int add_agency(void *ctx, const struct agency_rec *r)
{
	struct agency_fill *f = ctx;
	struct tpl_val *o;
	struct arena *a = tpl_arena(f->list);

	if (f->c && !web_visible(f->c, r->id))
		return 0;
	o = tpl_push_obj(f->list);
	tpl_put_int(o, "id", r->id);
	tpl_put_str(o, "name", arena_strdup(a, r->name));
	tpl_put_bool(o, "selected", r->id == f->selected);
	return 0;
}

static int fill_agencies(struct web_ctx *c, struct agency_fill *f)
{
	struct store *s;
	int rc;

	if (f->c)
		(void)web_visible(c, c->user ? c->user->agency_id : 0);  /* load the scope first */
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = agency_list(s, add_agency, f, &c->err);
	return web_finish(c, rc);
}

int web_agencies(struct web_ctx *c, struct tpl_val *list, int64_t selected)
{
	struct agency_fill f = { NULL, list, selected };

	return fill_agencies(c, &f);
}

int web_agencies_in_scope(struct web_ctx *c, struct tpl_val *list, int64_t selected)
{
	struct agency_fill f = { c, list, selected };

	return fill_agencies(c, &f);
}

int web_agency_asked(struct web_ctx *c, int64_t *agency_id)
{
	const struct web_value *v = web_in(c, "agency");

	*agency_id = v->present ? (int64_t)v->i : 0;
	if (*agency_id && !web_visible(c, *agency_id))
		return err_set(&c->err, ERR_NOTFOUND, "agency", "没有这个机关");
	return 0;
}


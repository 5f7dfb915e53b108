/*
 * glue.c — the web front end's link to the domain: one store connection per worker thread,
 * the request's transaction, the signed-in user's record, the calendar, role names.
 * May call: domain/, store/store.h (open, transactions), base/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/agency.h"
#include "domain/calendar.h"
#include "domain/user.h"
#include "store/store.h"
#include "text/date.h"
#include "web/web.h"
#include "web/webint.h"

static __thread struct store *tl_store;

const char *webint_role_label(const char *role)
{
	int r = user_role_from_id(role ? role : "");

	return r >= 0 ? user_roles[r].label : "未知角色";
}

const char *webint_role_key(int role_id)
{
	static const char *const keys[ROLE__MAX] = {
		[ROLE_OFFICER] = "is_officer", [ROLE_REVIEWER] = "is_reviewer",
		[ROLE_LEADER] = "is_leader", [ROLE_ADMIN] = "is_admin",
		[ROLE_SUPERVISOR] = "is_supervisor",
	};
	return role_id >= 0 && role_id < ROLE__MAX ? keys[role_id] : "is_unknown";
}

int webint_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char d = 0;

	if (la != lb)
		return 0;
	for (size_t i = 0; i < la; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

struct names {
	int n;
	char *first;
};

static int count_agency(void *ctx, const struct agency_rec *r)
{
	struct names *nm = ctx;

	if (nm->n++ == 0)
		nm->first = strdup(r->name);
	return 0;
}

int webint_open(struct web *w, struct gk_error *e)
{
	struct store *s = NULL;
	struct names nm = { 0 };
	int rc;

	pthread_mutex_init(&w->stores_mu, NULL);
	if ((rc = calendar_open(&w->cal, w->cfg->data_dir, NULL, e)) != 0)
		return rc;
	if ((rc = store_open(w->cfg->db_path, 0, &s, e)) != 0)
		return rc;
	if ((rc = store_begin_read(s, e)) == 0) {
		rc = agency_list(s, count_agency, &nm, e);
		store_rollback(s);
	}
	store_close(s);
	/* The first organ (a township alone, or the county hosting the platform) names the site. */
	w->site_name = nm.first ? nm.first : strdup("政府信息公开");
	return rc;
}

void webint_close(struct web *w)
{
	for (int i = 0; i < w->nstores; i++)
		store_close(w->stores[i]);
	w->nstores = 0;
	calendar_free(w->cal);
	w->cal = NULL;
	free(w->site_name);
	w->site_name = NULL;
	pthread_mutex_destroy(&w->stores_mu);
}

/* This worker thread's connection, opened on first use and closed by webint_close. */
static int thread_store(struct web_ctx *c, struct store **out)
{
	struct web *w = c->w;
	int rc;

	if (tl_store == NULL) {
		pthread_mutex_lock(&w->stores_mu);
		if (w->nstores == WEB_MAX_STORES) {
			pthread_mutex_unlock(&w->stores_mu);
			return err_set(&c->err, ERR_INTERNAL, "", "too many worker threads");
		}
		rc = store_open(w->cfg->db_path, 0, &tl_store, &c->err);
		if (rc == 0)
			w->stores[w->nstores++] = tl_store;
		pthread_mutex_unlock(&w->stores_mu);
		if (rc)
			return rc;
	}
	*out = tl_store;
	return 0;
}

int web_begin(struct web_ctx *c, int write, struct store **out)
{
	struct store *s = NULL;
	int rc;

	if (c->store) {  /* already inside the request's transaction: nest */
		c->txn_nest++;
		*out = c->store;
		return 0;
	}
	if ((rc = thread_store(c, &s)) != 0)
		return rc;
	store_set_actor(s, c->user ? c->user->name : "web");
	rc = write ? store_begin(s, &c->err) : store_begin_read(s, &c->err);
	if (rc)
		return rc;
	c->store = s;
	*out = s;
	return 0;
}

int web_finish(struct web_ctx *c, int rc)
{
	if (c->store == NULL)
		return rc;
	if (c->txn_nest > 0) {  /* the outer web_finish commits or rolls back */
		c->txn_nest--;
		return rc;
	}
	if (rc == 0 && c->store->in_txn)
		rc = store_commit(c->store, &c->err);
	if (rc != 0)
		store_rollback(c->store);
	c->store = NULL;
	return rc;
}

void webint_end(struct web_ctx *c)
{
	c->txn_nest = 0;
	if (c->store) {
		store_rollback(c->store);
		c->store = NULL;
	}
}

const struct calendar *web_calendar(const struct web_ctx *c)
{
	return c->w->cal;
}

int web_today(void)
{
	return date_today();
}

static void fill_user(struct web_ctx *c, const struct user_rec *r, struct web_user *u)
{
	u->id = r->id;
	u->name = r->name;
	u->display_name = r->display_name && *r->display_name ? r->display_name : r->name;
	u->role = r->role;
	u->role_id = user_role_from_id(r->role);
	u->role_bit = u->role_id >= 0 ? RB(u->role_id) : 0;
	u->agency_id = r->agency_id;
	(void)c;
}

int webint_user_load(struct web_ctx *c, int64_t user_id, struct web_user *u)
{
	struct user_rec r;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = user_store(s)->get(s, user_id, c->a, &r, &c->err);
	if (rc == 0 && r.password_hash == NULL)
		rc = err_set(&c->err, ERR_FORBIDDEN, "", "the account is disabled");
	rc = web_finish(c, rc);
	if (rc == 0)
		fill_user(c, &r, u);
	err_clear(&c->err);
	return rc;
}

int webint_authenticate(struct web_ctx *c, const char *name, const char *password,
			struct web_user *u)
{
	struct user_rec r;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = user_authenticate(s, name, password, c->a, &r, &c->err);
	rc = web_finish(c, rc);
	if (rc == 0)
		fill_user(c, &r, u);
	err_clear(&c->err);
	return rc;
}

const char *webint_site_name(struct web_ctx *c)
{
	return c->w->site_name;
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
		(void)web_visible(c, 0);  /* load the scope before listing */
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

struct org {
	int64_t id, parent;
};

struct orgs {
	struct org *v;
	size_t n, cap;
	struct arena *a;
};

static int collect_org(void *ctx, const struct agency_rec *r)
{
	struct orgs *o = ctx;

	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		struct org *nv = arena_alloc(o->a, cap * sizeof *nv);
		if (o->n)
			memcpy(nv, o->v, o->n * sizeof *nv);
		o->v = nv;
		o->cap = cap;
	}
	o->v[o->n].id = r->id;
	o->v[o->n].parent = r->parent_id;
	o->n++;
	return 0;
}

/* 1 if org is root or lies under it (following parents, bounded against cycles). */
static int under(const struct orgs *o, int64_t org, int64_t root)
{
	for (size_t hops = 0; org && hops <= o->n; hops++) {
		if (org == root)
			return 1;
		int64_t parent = 0;
		for (size_t i = 0; i < o->n; i++)
			if (o->v[i].id == org)
				parent = o->v[i].parent;
		org = parent;
	}
	return 0;
}

int web_visible(struct web_ctx *c, int64_t agency_id)
{
	if (c->user == NULL)
		return 0;
	if (c->user->role_id == ROLE_ADMIN)
		return 1;
	if (c->user->role_id != ROLE_SUPERVISOR)
		return agency_id == c->user->agency_id && agency_id != 0;
	if (!c->scope_loaded) {
		struct orgs o = { .a = c->a };
		struct store *s;

		c->scope_loaded = 1;
		if (web_begin(c, 0, &s) != 0)
			return 0;
		if (web_finish(c, agency_list(s, collect_org, &o, &c->err)) != 0) {
			err_clear(&c->err);
			return 0;
		}
		c->scope = arena_alloc(c->a, (o.n + 1) * sizeof *c->scope);
		for (size_t i = 0; i < o.n; i++)
			if (under(&o, o.v[i].id, c->user->agency_id))
				c->scope[c->nscope++] = o.v[i].id;
	}
	for (size_t i = 0; i < c->nscope; i++)
		if (c->scope[i] == agency_id)
			return 1;
	return 0;
}

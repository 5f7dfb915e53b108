/*
 * txn.c — the web front end's link to the store: one connection per worker thread, the
 * request's transaction (web_begin / web_finish, rolled back by the dispatcher if a handler
 * left it open), what is loaded at start (the calendar, the site's name).
 * May call: domain/, store/store.h (open, transactions), text/, base/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/agency.h"
#include "domain/audit.h"
#include "domain/calendar.h"
#include "domain/shared.h"
#include "domain/user.h"
#include "store/store.h"
#include "text/date.h"
#include "text/normalise.h"
#include "web/web.h"
#include "web/webint.h"

static __thread struct store *tl_store;

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
	text_fold_prepare();  /* the search's character table, before the first search */
	if ((rc = calendar_open(&w->cal, w->cfg->data_dir, NULL, e)) != 0)
		return rc;
	if ((rc = store_open(w->cfg->db_path, 0, &s, e)) != 0)
		return rc;
	store_set_totp_key_file(s, w->cfg->totp_key_file);
	store_set_actor(s, "gongkai serve");  /* what the start-up changes is audited as the server's */
	if ((rc = store_begin(s, e)) == 0) {
		int sealed = 0;

		/* TOTP secrets kept in clear by a database from before sealing are sealed now; the
		 * key of the anonymous forms and the applicants' cookies is one for every process
		 * of the database, made by the first. */
		if ((rc = user_totp_seal_all(s, &sealed, e)) == 0 &&
		    (rc = agency_list(s, count_agency, &nm, e)) == 0 &&
		    (rc = shared_secret(s, WEB_SECRET_FORMS, w->csrf_key, sizeof w->csrf_key, e)) == 0)
			rc = store_commit(s, e);
		if (rc == 0 && sealed > 0)
			fprintf(stderr, "gongkai: sealed %d TOTP secret(s) kept in clear with the key "
				"in %s\n", sealed, store_totp_key_file(s));
		if (rc != 0)
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
	w->nspare = 0;
	calendar_free(w->cal);
	w->cal = NULL;
	free(w->site_name);
	w->site_name = NULL;
	pthread_mutex_destroy(&w->stores_mu);
}

int webint_store_offer(struct web *w, struct store *s)
{
	int taken = 0;

	pthread_mutex_lock(&w->stores_mu);
	if (w->nstores < (int)w->cfg->threads && w->nstores < WEB_MAX_STORES) {
		w->stores[w->nstores++] = s;
		w->spare[w->nspare++] = s;
		taken = 1;
	}
	pthread_mutex_unlock(&w->stores_mu);
	return taken;
}

/* This worker thread's connection: one opened ahead at start (web/warm.c), else opened on
 * first use; closed by webint_close. */
static int thread_store(struct web_ctx *c, struct store **out)
{
	struct web *w = c->w;
	int rc;

	if (tl_store == NULL) {
		pthread_mutex_lock(&w->stores_mu);
		if (w->nspare > 0) {
			tl_store = w->spare[--w->nspare];
			pthread_mutex_unlock(&w->stores_mu);
			*out = tl_store;
			return 0;
		}
		if (w->nstores == WEB_MAX_STORES) {
			pthread_mutex_unlock(&w->stores_mu);
			return err_set(&c->err, ERR_INTERNAL, "", "too many worker threads");
		}
		rc = store_open(w->cfg->db_path, 0, &tl_store, &c->err);
		if (rc == 0)
			store_set_totp_key_file(tl_store, w->cfg->totp_key_file);
		if (rc == 0)
			w->stores[w->nstores++] = tl_store;
		pthread_mutex_unlock(&w->stores_mu);
		if (rc) {  /* it opened at start: now it cannot be reached */
			fprintf(stderr, "opening the database: %s\n", c->err.msg);
			return err_set(&c->err, ERR_UNAVAILABLE, "", "the database cannot be reached");
		}
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

void web_put_time(struct tpl_val *o, const char *key, const char *utc)
{
	char t[DATE_SHOW_LEN];

	if (utc)
		tpl_put_strf(o, key, "%s", date_stamp_show(utc, t));
}

const char *webint_site_name(struct web_ctx *c)
{
	return c->w->site_name;
}


int web_audit_export(struct web_ctx *c, int64_t agency_id, const char *entity, int64_t entity_id,
		     const char *format)
{
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	return web_finish(c, audit_export(s, agency_id, entity, entity_id, format, &c->err));
}

/*
 * signin.c — sign-in throttling and records (see signin.h).
 */
#include "domain/signin.h"

#include <string.h>

#include "base/buf.h"
#include "domain/audit.h"
#include "text/jsonw.h"

#define SIGNIN_KEEP_SECONDS (180LL * 86400)   /* failures kept for throttling and display */

const struct signin_policy SIGNIN_POLICY_DEFAULT = { 5, 900, 900, 60 };

/* The wait still due after n failures, the latest at last, with free failures allowed and
 * delays doubling from 2 s up to cap. */
static int64_t due(int64_t n, int64_t last, int free, int cap, int64_t now)
{
	int64_t delay;

	if (n < free)
		return 0;
	delay = n - free >= 20 ? cap : (int64_t)2 << (n - free);
	if (delay > cap)
		delay = cap;
	return last + delay > now ? last + delay - now : 0;
}

int signin_wait(struct store *s, const struct signin_policy *p, const char *account,
		const char *client, int64_t now, int64_t *wait, struct gk_error *e)
{
	const struct signin_store_ops *ops = signin_store(s);
	int64_t since = now - p->window, n, last, w;
	int rc;

	*wait = 0;
	if ((rc = ops->fail_count(s, account, client, since, 0, &n, &last, e)) != 0)
		return rc;
	w = due(n, last, p->free, p->cap, now);
	if ((rc = ops->fail_count(s, NULL, client, since, 0, &n, &last, e)) != 0)
		return rc;
	if ((last = due(n, last, 4 * p->free, p->cap, now)) > w)
		w = last;
	if ((rc = ops->fail_count(s, account, NULL, since, 0, &n, &last, e)) != 0)
		return rc;
	if ((last = due(n, last, 4 * p->free, p->account_cap, now)) > w)
		w = last;
	*wait = w;
	return 0;
}

/* GB/T 22239-2019 8.1.4.3: every sign-in, failed sign-in and sign-out is an audit entry
 * (actor: the store's, i.e. the account; content: the address and, for a failure, the name
 * typed). agency_id and user_id 0 = not known. */
static int audit_signin(struct store *s, int64_t agency_id, int64_t user_id, const char *action,
			const char *account, const char *client, struct gk_error *e)
{
	struct buf js;
	struct jsonw w;
	int rc;

	buf_init(&js, 0);
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	if (account)
		jsonw_kstr(&w, "account", account);
	jsonw_kstr(&w, "client", client ? client : "?");
	jsonw_obj_end(&w);
	rc = jsonw_finish(&w);
	if (rc == 0)
		rc = audit_record(s, agency_id, "signin", user_id, action, buf_cstr(&js), e);
	buf_free(&js);
	return rc;
}

int signin_failed(struct store *s, const char *account, const char *client, int64_t now,
		  struct gk_error *e)
{
	struct signin_failure_rec r = { now, account, client ? client : "?" };
	int rc = signin_store(s)->fail_add(s, &r, e);

	if (rc == 0)
		rc = signin_store(s)->fail_prune(s, now - SIGNIN_KEEP_SECONDS, e);
	return rc ? rc : audit_signin(s, 0, 0, "failure", account, client, e);
}

int signin_succeeded(struct store *s, int64_t user_id, int64_t agency_id, const char *client,
		     int64_t now, struct gk_error *e)
{
	struct signin_rec r = { now, client, 0 };
	int rc = signin_store(s)->record(s, user_id, &r, e);

	return rc ? rc : audit_signin(s, agency_id, user_id, "sign-in", NULL, client, e);
}

int signin_ended(struct store *s, int64_t user_id, int64_t agency_id, const char *client,
		 struct gk_error *e)
{
	return audit_signin(s, agency_id, user_id, "sign-out", NULL, client, e);
}

struct first_failure {
	struct arena *a;
	struct signin_failure_rec *out;
};

static int keep_first(void *ctx, const struct signin_failure_rec *r)
{
	struct first_failure *f = ctx;

	f->out->at = r->at;
	f->out->account = arena_strdup(f->a, r->account);
	f->out->client = arena_strdup(f->a, r->client);
	return 1;
}

int signin_news(struct store *s, int64_t user_id, const char *account, struct arena *a,
		struct signin_news *out, struct gk_error *e)
{
	struct signin_rec latest;
	struct first_failure f = { a, &out->last_failure };
	int64_t last;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = signin_store(s)->last(s, user_id, a, &latest, &out->prev, e)) != 0)
		return rc;
	/* the failures recorded after the previous sign-in (times are whole seconds: in its very
	 * second, those after its mark) */
	if ((rc = signin_store(s)->fail_count(s, account, NULL, out->prev.at, out->prev.mark,
					      &out->failures, &last, e)) != 0 || out->failures == 0)
		return rc;
	rc = signin_store(s)->fail_list(s, account, out->prev.at, out->prev.mark, 1, keep_first,
					&f, e);
	return rc == 1 ? 0 : rc;
}

int signin_failures(struct store *s, int64_t since, int limit, signin_failure_fn fn, void *ctx,
		    struct gk_error *e)
{
	return signin_store(s)->fail_list(s, NULL, since, 0, limit, fn, ctx, e);
}

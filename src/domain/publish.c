/*
 * publish.c — 三审, publication, withdrawal, the publication clock and re-assessment (see
 * publish.h).
 */
#include "domain/publish.h"

#include <stdio.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/clock.h"
#include "store/user_store.h"
#include "text/date.h"
#include "text/jsonw.h"

/* The user acting, who must be staff of the document's organ (or of no single organ). */
static int staff_of(struct store *s, const char *name, const struct doc *d, struct arena *a,
		    struct user_rec *u, struct gk_error *e)
{
	int rc;

	if (name == NULL || !*name)
		return err_set(e, ERR_INVALID, "by", "请写明操作人");
	if ((rc = user_store(s)->get_by_name(s, name, a, u, e)) != 0)
		return rc == ERR_NOTFOUND ? err_set(e, ERR_FORBIDDEN, "by", "%s 不是本系统的用户",
						    name) : rc;
	if (strcmp(u->role, "supervisor") == 0 || (u->agency_id && u->agency_id != d->agency_id))
		return err_set(e, ERR_FORBIDDEN, "by", "%s 不是%s的工作人员", name, d->agency);
	return 0;
}

static int record(struct store *s, struct doc *d, const char *action, const char *stage,
		  const char *decision, const char *comment, int secrecy, struct gk_error *e)
{
	struct doc_event ev = { .doc_id = d->id, .round = d->round, .action = action,
				.stage = stage, .decision = decision, .comment = comment,
				.secrecy_checked = secrecy, .actor = store_actor(s) };
	struct buf js;
	struct jsonw w;
	char now[21];
	int rc;

	store_now(now);
	ev.at = now;
	d->updated_at = now;
	if ((rc = doc_store(s)->update(s, d, e)) != 0 ||
	    (rc = doc_store(s)->event_add(s, &ev, e)) != 0)
		return rc;
	buf_init(&js, 0);
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "index_no", d->index_no);
	jsonw_kstr(&w, "state", d->state);
	jsonw_kint(&w, "round", d->round);
	if (stage) {
		jsonw_kstr(&w, "stage", stage);
		jsonw_kstr(&w, "decision", decision);
		jsonw_kbool(&w, "secrecy_checked", secrecy);
	}
	jsonw_kstr(&w, "comment", comment);
	jsonw_kstr(&w, "published_date", d->published_date);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) == 0)
		rc = audit_record(s, d->agency_id, "document", d->id, action, buf_cstr(&js), e);
	buf_free(&js);
	return rc;
}

int publish_submit(struct store *s, int64_t id, const char *by, struct gk_error *e)
{
	struct user_rec u;
	struct arena a;
	struct doc d;
	int rc;

	arena_init(&a);
	if ((rc = doc_store(s)->get(s, id, &a, &d, e)) != 0)
		goto out;
	if (strcmp(by ? by : "", d.author) != 0 && (rc = staff_of(s, by, &d, &a, &u, e)) != 0)
		goto out;
	if (doc_state_of(&d) != DOC_DRAFT) {
		rc = err_set(e, ERR_STATE, "ID", "文件 %lld 目前是“%s”，不是草稿", (long long)id,
			     doc_state_labels[doc_state_of(&d)]);
		goto out;
	}
	d.round++;
	d.state = doc_state_ids[DOC_FIRST];
	rc = record(s, &d, "submitted", NULL, NULL, NULL, 0, e);
out:
	arena_free(&a);
	return rc;
}

struct prior_ctx {
	int round;
	struct review_rec v[STAGE__MAX];
	size_t n;
	struct arena *a;
};

static int collect_prior(void *p, const struct doc_event *ev)
{
	struct prior_ctx *c = p;
	int st;

	if (ev->round != c->round || strcmp(ev->action, "review") != 0 || ev->stage == NULL ||
	    ev->decision == NULL || strcmp(ev->decision, "approve") != 0 || c->n >= STAGE__MAX)
		return 0;
	if ((st = publish_stage_parse(ev->stage)) < 0)
		return 0;
	c->v[c->n].stage = (enum review_stage)st;
	c->v[c->n].reviewer = arena_strdup(c->a, ev->actor);
	c->v[c->n].approve = 1;
	c->n++;
	return 0;
}

int publish_review(struct store *s, int64_t id, const struct review_request *req,
		   struct gk_error *e)
{
	struct review_request r = *req;
	struct prior_ctx prior = { 0 };
	struct user_rec u;
	struct arena a;
	struct doc d;
	int rc;

	arena_init(&a);
	prior.a = &a;
	if ((rc = doc_store(s)->get(s, id, &a, &d, e)) != 0 ||
	    (rc = staff_of(s, req->reviewer, &d, &a, &u, e)) != 0)
		goto out;
	prior.round = d.round;
	if ((rc = doc_store(s)->events(s, id, collect_prior, &prior, e)) != 0)
		goto out;
	r.role = u.role;
	if ((rc = publish_review_check(doc_state_of(&d), d.author, prior.v, prior.n, &r, e)) != 0)
		goto out;
	/* REQ 三审-4: a rejection returns the document to draft with the reason */
	d.state = doc_state_ids[r.approve ? publish_stages[r.stage].next : DOC_DRAFT];
	rc = record(s, &d, "review", publish_stages[r.stage].id, r.approve ? "approve" : "reject",
		    r.comment, r.secrecy_checked, e);
out:
	arena_free(&a);
	return rc;
}

int publish_publish(struct store *s, int64_t id, const char *by, int at, struct gk_error *e)
{
	char day[DATE_LEN], note[64];
	struct user_rec u;
	struct arena a;
	struct doc d;
	int today = date_today(), rc;

	arena_init(&a);
	if ((rc = doc_store(s)->get(s, id, &a, &d, e)) != 0 ||
	    (rc = staff_of(s, by, &d, &a, &u, e)) != 0)
		goto out;
	if (doc_state_of(&d) != DOC_APPROVED) {
		rc = err_set(e, ERR_STATE, "ID", "文件 %lld 目前是“%s”：只有经过初审、复审和"
			     "终审的文件才能发布", (long long)id,
			     doc_state_labels[doc_state_of(&d)]);
		goto out;
	}
	if (strcmp(d.disclosure, "proactive") != 0) {
		rc = err_set(e, ERR_STATE, "ID", "文件 %lld 的公开属性是“%s”：只有主动公开的文件"
			     "才能发布", (long long)id,
			     doc_label(doc_disclosure_ids, doc_disclosure_labels, DISCLOSURE__MAX,
				       d.disclosure));
		goto out;
	}
	if (at == 0)
		at = today;
	if (at < today) {
		rc = err_set(e, ERR_INVALID, "at", "发布日期不能早于今天");
		goto out;
	}
	d.published_date = date_format(at, day);
	d.state = doc_state_ids[DOC_PUBLISHED];
	snprintf(note, sizeof note, "%s %s", at > today ? "scheduled for" : "published on", day);
	if ((rc = record(s, &d, "published", NULL, NULL, note, 0, e)) == 0)
		rc = catalogue_register_sync(s, &d, e);
out:
	arena_free(&a);
	return rc;
}

int publish_withdraw(struct store *s, int64_t id, const char *by, const char *reason,
		     struct gk_error *e)
{
	struct user_rec u;
	struct arena a;
	struct doc d;
	int rc;

	arena_init(&a);
	if (reason == NULL || !*reason) {
		rc = err_set(e, ERR_INVALID, "reason", "撤回须写明理由");
		goto out;
	}
	if ((rc = doc_store(s)->get(s, id, &a, &d, e)) != 0 ||
	    (rc = staff_of(s, by, &d, &a, &u, e)) != 0)
		goto out;
	if (doc_state_of(&d) != DOC_PUBLISHED) {
		rc = err_set(e, ERR_STATE, "ID", "文件 %lld 目前是“%s”，尚未发布",
			     (long long)id, doc_state_labels[doc_state_of(&d)]);
		goto out;
	}
	d.state = doc_state_ids[DOC_WITHDRAWN];
	rc = record(s, &d, "withdrawn", NULL, NULL, reason, 0, e);
out:
	arena_free(&a);
	return rc;
}

int publish_history(struct store *s, int64_t id, doc_event_fn fn, void *ctx, struct gk_error *e)
{
	return doc_store(s)->events(s, id, fn, ctx, e);
}

struct overdue_ctx {
	const struct calendar *cal;
	int today, all;
	overdue_fn fn;
	void *ctx;
	struct gk_error *e;
	int rc;
};

static int overdue_row(void *p, const struct doc *d)
{
	struct overdue_ctx *c = p;
	struct clock_deadline dl = { 0 };
	struct overdue_doc o = { .doc = d };
	enum doc_state st = doc_state_of(d);
	struct buf text;
	int rc;

	if (st > DOC_APPROVED || strcmp(d->disclosure, "proactive") != 0)
		return 0;
	if (date_parse(d->changed_date, &o.formed, "changed_date", c->e) != 0)
		return c->rc = ERR_INTERNAL;
	/* REQ 条例-26: 20 working days from the day the information was formed or changed */
	if ((rc = clock_publication_due(c->cal, o.formed, &dl, c->e)) != 0) {
		clock_deadline_free(&dl);
		return c->rc = rc;
	}
	o.due = dl.due;
	o.late = dl.due < c->today;
	o.verified = dl.verified;
	rc = 0;
	if (o.late || c->all) {
		buf_init(&text, 0);
		if ((rc = clock_deadline_describe(&dl, &text)) == 0) {
			o.derivation = buf_cstr(&text);
			rc = c->fn(c->ctx, &o);
		}
		buf_free(&text);
	}
	clock_deadline_free(&dl);
	return c->rc = rc;
}

int publish_overdue(struct store *s, const struct calendar *cal, const struct doc_filter *f,
		    int today, int all, overdue_fn fn, void *ctx, struct gk_error *e)
{
	struct overdue_ctx c = { cal, today, all, fn, ctx, e, 0 };
	struct doc_filter g = *f;
	int rc;

	g.disclosure = "proactive";
	g.public_only = 0;
	g.limit = 100000;
	rc = doc_store(s)->list(s, &g, overdue_row, &c, e);
	return c.rc ? c.rc : rc;
}

struct reassess_ctx {
	char day[DATE_LEN];
	doc_row_fn fn;
	void *ctx;
};

static int reassess_row(void *p, const struct doc *d)
{
	struct reassess_ctx *c = p;
	if (d->reassess_due == NULL || strcmp(d->reassess_due, c->day) > 0)
		return 0;
	return c->fn(c->ctx, d);
}

int publish_reassess_due(struct store *s, const struct doc_filter *f, int day, doc_row_fn fn,
			 void *ctx, struct gk_error *e)
{
	struct reassess_ctx c = { .fn = fn, .ctx = ctx };
	struct doc_filter g = *f;

	date_format(day, c.day);
	g.disclosure = "withheld";
	g.public_only = 0;
	g.limit = 100000;
	return doc_store(s)->list(s, &g, reassess_row, &c, e);
}

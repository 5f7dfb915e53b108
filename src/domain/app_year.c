/*
 * app_year.c — what an annual report counts of the applications of a year, for one organ or a
 * whole region in two statements (REQ 年报-4.5: Table 三's rows and columns, the fees of 六),
 * and the rows behind them (see application.h).
 * May call domain/, store/, text/, base/.
 */
#include "domain/application.h"

#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "base/sorted.h"
#include "text/date.h"

struct year_ctx {
	int first, last;   /* Y-01-01, Y-12-31 */
	app_year_fn fn;
	void *ctx;
	struct gk_error *e;
	int rc;
};

static int year_row(void *p, const struct app_rec *r)
{
	struct year_ctx *c = p;
	struct app_year_row y;
	int rc;

	memset(&y, 0, sizeof y);
	y.id = r->id;
	y.type = app_applicant_find(r->applicant_type);
	y.outcome = -1;
	y.closed = CLOCK_NONE;
	if ((int)y.type < 0 || date_parse(r->received, &y.received, "received", c->e) != 0 ||
	    (r->closed && date_parse(r->closed, &y.closed, "closed", c->e) != 0)) {
		c->rc = err_set(c->e, ERR_DB, "", "第 %" PRId64 " 号申请的申请人类型或日期已损坏",
				r->id);
		return 1;
	}
	/* REQ 年报-4.5: 一 if received in Y, 二 if carried in; then one outcome row or 四 */
	y.carried_in = y.received < c->first;
	if (y.closed != CLOCK_NONE && y.closed <= c->last) {
		y.outcome = app_outcome_find(r->outcome);
		if (y.outcome < 0) {
			c->rc = err_set(c->e, ERR_DB, "", "第 %" PRId64 " 号申请已办结却没有办理结果",
					r->id);
			return 1;
		}
	} else {
		y.carried_out = true;
	}
	if ((rc = c->fn(c->ctx, &y)) != 0) {
		c->rc = rc;
		return 1;
	}
	return 0;
}

int app_year_rows(struct store *s, int64_t agency_id, int year, app_year_fn fn, void *ctx,
		  struct gk_error *e)
{
	struct app_filter f;
	struct year_ctx c = { date_make(year, 1, 1), date_make(year, 12, 31), fn, ctx, e, 0 };
	char first[DATE_LEN], last[DATE_LEN];
	int rc;

	memset(&f, 0, sizeof f);
	f.agency_id = agency_id;
	f.received_to = date_format(c.last, last);
	f.closed_from = date_format(c.first, first);
	rc = app_store(s)->list(s, &f, year_row, &c, e);
	if (rc == 1)
		rc = c.rc;
	return rc;
}

/* The organs met so far, kept in ascending organ id. */
struct region_year {
	struct arena *a;
	struct app_organ_year *v;
	size_t n, cap;
	struct gk_error *e;
};

/* Where organ id is, or would go, in v[0..n). */
static size_t organ_pos(const struct app_organ_year *v, size_t n, int64_t id)
{
	return sorted_lower_bound(v, n, sizeof *v, offsetof(struct app_organ_year, agency_id), id);
}

/* The entry of organ id, made (zero) in its place when it is new: the rows come by organ, so
 * a new one is nearly always the last. */
static struct app_organ_year *organ_entry(struct region_year *r, int64_t id)
{
	size_t at = organ_pos(r->v, r->n, id);

	if (at < r->n && r->v[at].agency_id == id)
		return &r->v[at];
	(void)ARENA_PUSH(r->a, r->v, r->n, r->cap, 64);
	memmove(&r->v[at + 1], &r->v[at], (r->n - 1 - at) * sizeof *r->v);
	memset(&r->v[at], 0, sizeof r->v[at]);
	r->v[at].agency_id = id;
	return &r->v[at];
}

/* REQ 年报-4.5, as year_row classifies one application, for a group of them: 一 or 二, then one
 * outcome row and 三（七）, or 四. */
static int region_group(void *p, const struct app_year_group *g)
{
	struct region_year *r = p;
	struct app_tally *t;
	int type = app_applicant_find(g->applicant_type), outcome = -1;

	if (type < 0 || (g->closed && (outcome = g->outcome ? app_outcome_find(g->outcome) : -1) < 0))
		return err_set(r->e, ERR_DB, "", "机关 %" PRId64 " 有 %" PRId64 " 件申请的申请人类型"
			       "已损坏，或已办结却没有办理结果", g->agency_id, g->n);
	t = &organ_entry(r, g->agency_id)->tally;
	if (g->carried_in)
		t->carried_in[type] += g->n;
	else
		t->new_received[type] += g->n;
	if (!g->closed) {
		t->carried_out[type] += g->n;
	} else {
		t->outcome[outcome][type] += g->n;
		t->handled_total[type] += g->n;
	}
	return 0;
}

static int region_fee(void *p, int64_t agency_id, const char *kind, int64_t n, int64_t fen)
{
	struct region_year *r = p;
	struct app_fee_year *f = &organ_entry(r, agency_id)->fees;

	if (strcmp(kind, app_event_rules[EV_FEE_NOTICE].id) == 0)
		f->notices = n, f->notice_fen = fen;
	else
		f->paid = n, f->paid_fen = fen;
	return 0;
}

/* The year of organ root_id alone, or with every organ under it: one store operation (two
 * statements). */
static int organs_year(struct store *s, int64_t root_id, int alone, int year, struct arena *a,
		       struct app_organ_year **out, size_t *n, struct gk_error *e)
{
	struct region_year r = { .a = a, .e = e };
	struct app_year_query q = { .root_id = root_id, .alone = alone, .year = year,
				    .notice = app_event_rules[EV_FEE_NOTICE].id,
				    .paid = app_event_rules[EV_FEE_PAID].id };
	int rc;

	rc = app_store(s)->organs_year(s, &q, region_group, region_fee, &r, e);
	*out = r.v;
	*n = r.n;
	return rc;
}

int app_region_year(struct store *s, int64_t root_id, int year, struct arena *a,
		    struct app_organ_year **out, size_t *n, struct gk_error *e)
{
	return organs_year(s, root_id, 0, year, a, out, n, e);
}

int app_organ_year(struct store *s, int64_t agency_id, int year, struct app_organ_year *out,
		   struct gk_error *e)
{
	struct app_organ_year *v;
	struct arena a;
	size_t n;
	int rc;

	arena_init(&a);
	memset(out, 0, sizeof *out);
	out->agency_id = agency_id;
	if ((rc = organs_year(s, agency_id, 1, year, &a, &v, &n, e)) == 0 && n == 1)
		*out = v[0];
	arena_free(&a);
	return rc;
}

const struct app_organ_year *app_organ_year_find(const struct app_organ_year *v, size_t n,
						 int64_t agency_id)
{
	size_t at = organ_pos(v, n, agency_id);

	return at < n && v[at].agency_id == agency_id ? &v[at] : NULL;
}

/*
 * h_region.c — the supervisor's region summary (汇总) of annual reports in the console:
 * /console/reports/region?year=Y[&agency=ID][&draft=1] sums the reports of the year of an organ
 * and every organ under it (domain/report_publish.h, report_region: their published reports,
 * or with draft=1 their reports computed now), shows the sum in the official table layout
 * with the findings of the rules on the sum, and lists each organ: published or not, its
 * Table 三 totals, its findings, its overdue applications, a link to its report.
 * /console/reports/region/KIND gives the sum in every format the CLI writes
 * (`gongkai report YEAR --region ID --format KIND`).
 * The region is the user's organ, or an organ under it (web_visible) chosen with agency=ID.
 * May call: domain/, render/render.h, format/rules.h, web/app.h.
 */
#include <string.h>

#include "domain/agency.h"
#include "domain/application.h"
#include "domain/report_publish.h"
#include "format/rules.h"
#include "render/render.h"
#include "web/handlers.h"

struct region {
	struct agency_rec root;
	int year, drafts;
	struct annual_report r;
	struct region_summary sum;
	struct findings f;
};

/* The region asked for: agency=ID if the user may see it (else not found), or the user's
 * own organ. */
static int region_root(struct web_ctx *c, int64_t *root)
{
	int rc = web_agency_asked(c, root);

	if (rc == 0 && *root == 0)
		*root = c->user->agency_id;
	if (rc == 0 && *root == 0)
		rc = err_set(&c->err, ERR_FORBIDDEN, "agency", "您的账号不属于某一机关，请选择要汇总的机关");
	return rc;
}

/* Sum the region of the request into g (report_free / findings_free by the caller). */
static int region_build(struct web_ctx *c, struct region *g)
{
	struct store *s;
	int64_t root;
	int rc;

	report_init(&g->r, NULL);
	findings_init(&g->f);
	g->year = web_report_year(c);
	g->drafts = web_in(c, "draft")->present && strcmp(web_str(c, "draft"), "1") == 0;
	if ((rc = region_root(c, &root)) != 0)
		return rc;
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = agency_get(s, root, c->a, &g->root, &c->err);
	if (rc == 0)
		rc = report_region(s, &g->root, g->year, g->drafts, c->a, &g->r, &g->sum, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	rules_check(&g->r, NULL, &g->f);
	return 0;
}

static void region_free(struct region *g)
{
	findings_free(&g->f);
	report_free(&g->r);
}

struct overdue_count {
	struct region_summary *sum;
	long long *n;
};

static int count_overdue(void *ctx, const struct app_item *it)
{
	struct overdue_count *o = ctx;

	for (size_t i = 0; i < o->sum->organs; i++)
		if (o->sum->each[i].id == it->rec->agency_id)
			o->n[i]++;
	return 0;
}

static int organ_rows(struct web_ctx *c, struct region *g)
{
	struct app_query q = { .overdue = true, .due_within = -1 };
	struct overdue_count oc = { &g->sum, NULL };
	struct tpl_val *list = tpl_put_list(c->page, "organs");
	struct store *s;
	int rc;

	oc.n = arena_alloc(c->a, (g->sum.organs + 1) * sizeof *oc.n);
	memset(oc.n, 0, (g->sum.organs + 1) * sizeof *oc.n);
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = app_list(s, web_calendar(c), &q, web_today(), count_overdue, &oc, &c->err);
	if (rc == 0)
		rc = web_agencies_in_scope(c, tpl_put_list(c->page, "agencies"), g->root.id);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	for (size_t i = 0; i < g->sum.organs; i++) {
		const struct region_organ *r = &g->sum.each[i];
		struct tpl_val *o = tpl_push_obj(list);

		tpl_put_int(o, "id", r->id);
		tpl_put_str(o, "name", r->name);
		tpl_put_bool(o, "root", r->id == g->root.id);
		tpl_put_bool(o, "published", r->revision > 0);
		tpl_put_int(o, "revision", r->revision);
		web_put_time(o, "published_at", r->published_at);
		tpl_put_bool(o, "summed", r->summed);
		tpl_put_int(o, "received", r->received);
		tpl_put_int(o, "handled", r->handled);
		tpl_put_int(o, "carried_out", r->carried_out);
		tpl_put_int(o, "errors", (long long)r->errors);
		tpl_put_int(o, "warnings", (long long)r->warnings);
		tpl_put_bool(o, "has_errors", r->errors > 0);
		tpl_put_int(o, "overdue", oc.n[i]);
		tpl_put_bool(o, "has_overdue", oc.n[i] > 0);
	}
	return web_put_region_pictures(c, &g->root, g->year, &g->sum, oc.n);
}

int h_report_region(struct web_ctx *c)
{
	struct region g;
	struct buf html;
	struct tpl_val *kinds, *missing;
	int rc;

	buf_init(&html, 8u << 20);
	if ((rc = region_build(c, &g)) != 0 || (rc = organ_rows(c, &g)) != 0 ||
	    (rc = render_html(&g.r, &html, &c->err)) != 0)
		goto out;
	tpl_put_str(c->page, "report_html", web_report_body(c, buf_cstr(&html), html.len));
	tpl_put_str(c->page, "agency", g.root.name);
	tpl_put_int(c->page, "agency_id", g.root.id);
	tpl_put_int(c->page, "year", g.year);
	tpl_put_bool(c->page, "draft", g.drafts);
	tpl_put_str(c->page, "draft_q", g.drafts ? "&draft=1" : "");
	tpl_put_int(c->page, "organ_count", (long long)g.sum.organs);
	tpl_put_int(c->page, "included", (long long)g.sum.included);
	tpl_put_bool(c->page, "has_missing", g.sum.nmissing > 0);
	missing = tpl_put_list(c->page, "missing");
	for (size_t i = 0; i < g.sum.nmissing; i++)
		tpl_push_str(missing, g.sum.missing[i]);
	kinds = tpl_put_list(c->page, "kinds");
	for (int k = 0; k < RENDER__MAX; k++)
		tpl_push_str(kinds, render_kind_name((enum render_kind)k));
	web_put_findings(c, &g.f);
	rc = web_render(c, "report_region", arena_printf(c->a, "%s%d年政府信息公开工作年度报告汇总",
							 g.root.name, g.year));
out:
	buf_free(&html);
	region_free(&g);
	return rc;
}

/* The region's published figures of the year before, for the change from last year in the
 * 图解 (report_region_attach_prev). */
static int region_prev(struct web_ctx *c, struct region *g)
{
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	return web_finish(c, report_region_attach_prev(s, &g->root, &g->r, &c->err));
}

int h_report_region_download(struct web_ctx *c)
{
	int kind = render_kind_by_name(web_param(c, "kind"));
	struct region g;
	int rc;

	if (kind < 0)
		return err_set(&c->err, ERR_NOTFOUND, "kind", "没有这种格式");
	if ((rc = region_build(c, &g)) == 0 && (rc = region_prev(c, &g)) == 0 &&
	    (rc = render_report(&g.r, (enum render_kind)kind, &g.f, &c->resp->body, &c->err)) == 0) {
		c->resp->content_type = render_kind_type((enum render_kind)kind);
		http_resp_header(c->resp, "Content-Disposition",
				 arena_printf(c->a, "attachment; filename=\"region-%lld-%d%s.%s\"",
					      (long long)g.root.id, g.year, g.drafts ? "-draft" : "",
					      render_kind_name((enum render_kind)kind)));
		http_resp_header(c->resp, "Cache-Control", "private, no-store");
		rc = web_audit_export(c, g.root.id, "report-region", 0,
				      render_kind_name((enum render_kind)kind));
	}
	region_free(&g);
	return rc;
}

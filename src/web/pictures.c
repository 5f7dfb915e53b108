/*
 * pictures.c — the console's pictures, drawn by render/ as SVG and inlined in the page (the
 * CSP allows it: no style attribute, no script; see docs/render.md):
 *   the dashboard's trends for an officer or a leader of an organ — applications received
 *   and closed per month this year against last year, and the next 20 working days as a
 *   strip of what is due each day (domain/trend.h: the official calendar and the clock;
 *   nothing is counted here);
 *   the region page's pictures for a supervisor — every organ's applications, overdue ones
 *   and report status, sorted, and the region's summed report figures over the last years.
 * Each picture goes into the page as a trusted fragment (escaped by the SVG writer).
 * May call: domain/, render/ (draw.h, trend.h), text/, web/app.h.
 */
#include <string.h>

#include "domain/report_publish.h"
#include "domain/trend.h"
#include "render/draw.h"
#include "render/trend.h"
#include "text/date.h"
#include "web/handlers.h"

#define DUE_DAYS 20      /* REQ 条例-33: the reply limit is 20 working days */
#define REGION_YEARS 5

/* Write drawing d as SVG into obj[key] (in the request's arena); d is freed. */
static int put_svg(struct web_ctx *c, struct tpl_val *obj, const char *key, struct drawing *d,
		   int rc)
{
	struct buf svg;

	buf_init(&svg, 4u << 20);
	if (rc == 0 && (rc = draw_svg(d, &svg, &c->err)) == 0)
		tpl_put_str(obj, key, arena_strdup(c->a, buf_cstr(&svg)));
	buf_free(&svg);
	draw_free(d);
	return rc;
}

static void series(struct month_series *out, const struct trend_months *m, int known,
		   int closed)
{
	out->year = m->year;
	out->known = known;
	memcpy(out->v, closed ? m->closed : m->received, sizeof out->v);
}

int web_put_trends(struct web_ctx *c)
{
	struct trend_months now, last;
	struct trend_strip strip;
	struct month_series cur, prev;
	struct due_strip ds;
	struct drawing d;
	struct store *s;
	struct tpl_val *t;
	int rc, year, month, today = web_today();

	/* the trends and the due strip of the applications the user handles */
	if (!c->user || !c->user->agency_id ||
	    !access_may(&c->user->who, ACT_APP_HANDLE, c->user->agency_id))
		return 0;
	date_split(today, &year, &month, NULL);
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = trend_months(s, c->user->agency_id, year, &now, &c->err);
	if (rc == 0)
		rc = trend_months(s, c->user->agency_id, year - 1, &last, &c->err);
	if (rc == 0)
		rc = trend_due_strip(s, web_calendar(c), c->user->agency_id, today, DUE_DAYS, &strip,
				     &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	t = tpl_put_obj(c->page, "trends");
	tpl_put_int(t, "year", year);
	tpl_put_int(t, "last_year", year - 1);
	tpl_put_int(t, "days", DUE_DAYS);
	series(&cur, &now, month, 0);
	series(&prev, &last, 12, 0);
	rc = put_svg(c, t, "received", &d, render_months("trend-received", "收到的政府信息公开申请",
							    &cur, &prev, &d, &c->err));
	series(&cur, &now, month, 1);
	series(&prev, &last, 12, 1);
	if (rc == 0)
		rc = put_svg(c, t, "closed", &d, render_months("trend-closed", "办结的政府信息公开申请",
							      &cur, &prev, &d, &c->err));
	memset(&ds, 0, sizeof ds);
	ds.n = strip.n;
	memcpy(ds.day, strip.day, sizeof ds.day[0] * (size_t)strip.n);
	memcpy(ds.due, strip.due, sizeof ds.due[0] * (size_t)strip.n);
	ds.today = today;
	ds.overdue = strip.overdue;
	ds.later = strip.later;
	ds.paused = strip.paused;
	if (rc == 0)
		rc = put_svg(c, t, "due", &d, render_due_strip("trend-due", &ds, &d, &c->err));
	return rc;
}

int web_put_region_pictures(struct web_ctx *c, const struct agency_rec *root, int year,
			    const struct region_summary *sum, const long long *overdue)
{
	struct organ_bar *o = arena_alloc(c->a, (sum->organs + 1) * sizeof *o);
	struct region_year y[REGION_YEARS];
	struct tpl_val *p = tpl_put_obj(c->page, "pictures");
	struct drawing d;
	struct store *s;
	int rc;

	for (size_t i = 0; i < sum->organs; i++) {
		const struct region_organ *r = &sum->each[i];

		o[i].name = r->name;
		o[i].status = r->revision > 0 ? arena_printf(c->a, "%d年度报告已发布", year)
					      : arena_printf(c->a, "%d年度报告未发布", year);
		o[i].received = r->received;
		o[i].overdue = overdue[i];
	}
	rc = put_svg(c, p, "organs", &d,
		     render_organs("region-organs",
				   arena_printf(c->a, "%s及所属机关%d年收到的申请和超期申请", root->name,
						year),
				   o, (int)sum->organs, &d, &c->err));
	if (rc != 0)
		return rc;
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	for (int i = 0; i < REGION_YEARS && rc == 0; i++) {
		struct annual_report r;
		struct region_summary ys;
		const struct report_cells *cl = &r.cells;

		memset(&y[i], 0, sizeof y[i]);
		y[i].year = year - REGION_YEARS + 1 + i;
		report_init(&r, NULL);
		if (fmt_for_year(y[i].year) &&
		    (rc = report_region(s, root, y[i].year, 0, c->a, &r, &ys, &c->err)) == 0) {
			y[i].included = (int)ys.included;
			y[i].received = cells_t3_get(cl, T3R_NEW_RECEIVED, T3C_TOTAL);
			y[i].handled = cells_t3_get(cl, T3R_HANDLED_TOTAL, T3C_TOTAL);
			y[i].carried_out = cells_t3_get(cl, T3R_CARRIED_OUT, T3C_TOTAL);
			y[i].review = cells_t4_get(cl, T4G_REV, T4C_TOTAL);
		}
		report_free(&r);
	}
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	return put_svg(c, p, "years", &d,
		       render_region_years("region-years",
					   arena_printf(c->a, "%s及所属机关历年年度报告主要数字", root->name),
					   y, REGION_YEARS, &d, &c->err));
}

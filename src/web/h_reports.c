/*
 * h_reports.c — annual reports (年度报告) on the web. Public: every published report
 * (/reports), one report in the official table layout with its revision history and a
 * download of every frozen format (/reports/AGENCY/YEAR, /reports/AGENCY/YEAR/REV/KIND).
 * Console: the report of the user's organ computed live from the ledger with its findings and
 * its 图解 as it would be published, the narrative sections to edit, and publication (leader only; refused while an E finding
 * stands, the findings shown). Rules: domain/report_publish.h, domain/report_compute.h.
 * May call: domain/, render/render.h, format/rules.h, text/, web/app.h.
 */
#include <stdlib.h>
#include <string.h>

#include "base/crypto.h"
#include "domain/agency.h"
#include "domain/organ_rules.h"
#include "domain/report_compute.h"
#include "domain/report_publish.h"
#include "format/rules.h"
#include "render/render.h"
#include "text/date.h"
#include "web/handlers.h"

const char *web_report_body(struct web_ctx *c, const char *html, size_t len)
{
	const char *b = memmem(html, len, "<body>", 6), *e;

	if (b == NULL)
		return "";
	b += 6;
	e = memmem(b, len - (size_t)(b - html), "</body>", 7);
	return arena_strndup(c->a, b, e ? (size_t)(e - b) : strlen(b));
}

struct pubs {
	struct web_ctx *c;
	struct store *s;
	struct tpl_val *list;
};

static int add_pub(void *ctx, const struct report_pub_rec *r)
{
	struct pubs *p = ctx;
	struct web_ctx *c = p->c;
	struct tpl_val *o = tpl_push_obj(p->list);
	struct agency_rec ag;

	tpl_put_int(o, "agency_id", r->agency_id);
	if (agency_get(p->s, r->agency_id, c->a, &ag, &c->err) == 0)
		tpl_put_str(o, "agency", ag.name);
	err_clear(&c->err);
	tpl_put_int(o, "year", r->year);
	tpl_put_int(o, "revision", r->revision);
	tpl_put_str(o, "reason", r->reason ? arena_strdup(c->a, r->reason) : NULL);
	web_put_time(o, "published_at", r->published_at);
	tpl_put_str(o, "published_by", arena_strdup(c->a, r->published_by));
	tpl_put_str(o, "sha256", arena_strdup(c->a, r->sha256));
	tpl_put_bool(o, "first", r->revision == 1);
	return 0;
}

int web_list_reports(struct web_ctx *c, struct tpl_val *list, int64_t agency_id, int year)
{
	struct pubs p = { c, NULL, list };
	int rc;

	if ((rc = web_begin(c, 0, &p.s)) != 0)
		return rc;
	return web_finish(c, report_pub_list(p.s, agency_id, year, add_pub, &p, &c->err));
}

int h_reports(struct web_ctx *c)
{
	int rc = web_list_reports(c, tpl_put_list(c->page, "reports"), 0, 0);

	return rc ? rc : web_render(c, "reports", "政府信息公开工作年度报告");
}

static int num_param(struct web_ctx *c, const char *name, long long max, long long *out)
{
	int64_t v = 0;
	int rc = web_param_id(c, name, "没有这份年度报告", &v);

	*out = 0;
	if (rc != 0 || v > max)
		return rc ? rc : err_set(&c->err, ERR_NOTFOUND, name, "没有这份年度报告");
	*out = v;
	return 0;
}

/* The 图解 of a publication as "figure_svg": its frozen SVG, or for a report published before
 * there was one, drawn now from its frozen cells (and the previous year's publication). */
static int report_figure(struct web_ctx *c, struct store *s, const struct report_pub_rec *pub)
{
	struct annual_report r;
	struct buf svg;
	const char *body;
	size_t len;
	char sha[65];
	int rc = report_pub_rendering(s, pub->id, render_kind_name(RENDER_SVG), c->a, &body,
					       &len, sha, &c->err);

	if (rc == 0) {
		tpl_put_str(c->page, "figure_svg", arena_strndup(c->a, body, len));
		return 0;
	}
	if (rc != ERR_NOTFOUND)
		return rc;
	err_clear(&c->err);
	report_init(&r, NULL);
	buf_init(&svg, 4u << 20);
	if ((rc = report_published(s, pub->agency_id, pub->year, pub->revision, c->a, &r, NULL,
				   &c->err)) == 0 &&
	    (rc = report_attach_prev(s, pub->agency_id, &r, &c->err)) == 0 &&
	    (rc = render_svg(&r, &svg, &c->err)) == 0)
		tpl_put_str(c->page, "figure_svg", arena_strdup(c->a, buf_cstr(&svg)));
	buf_free(&svg);
	report_free(&r);
	return rc;
}

int h_report(struct web_ctx *c)
{
	struct report_pub_rec pub;
	struct agency_rec ag;
	struct store *s;
	const char *html;
	size_t len;
	char sha[65];
	long long agency, year, rev = web_in(c, "revision")->i;
	int rc;

	if ((rc = num_param(c, "agency", INT32_MAX, &agency)) != 0 ||
	    (rc = num_param(c, "year", 2199, &year)) != 0)
		return rc;
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = agency_get(s, agency, c->a, &ag, &c->err);
	if (rc == 0)
		rc = report_pub_get(s, agency, (int)year, (int)rev, c->a, &pub, &c->err);
	if (rc == 0)
		rc = report_pub_rendering(s, pub.id, "html", c->a, &html, &len, sha, &c->err);
	if (rc == 0)
		rc = report_figure(c, s, &pub);
	if ((rc = web_finish(c, rc)) != 0)
		return rc == ERR_NOTFOUND ? err_set(&c->err, ERR_NOTFOUND, "", "没有这份年度报告") : rc;
	tpl_put_str(c->page, "agency", ag.name);
	tpl_put_int(c->page, "agency_id", agency);
	tpl_put_int(c->page, "year", year);
	tpl_put_int(c->page, "revision", pub.revision);
	tpl_put_str(c->page, "sha256", pub.sha256);
	web_put_time(c->page, "published_at", pub.published_at);
	tpl_put_str(c->page, "report_html", web_report_body(c, html, len));
	{
		struct tpl_val *kinds = tpl_put_list(c->page, "kinds");
		for (int k = 0; k < RENDER__MAX; k++)
			tpl_push_str(kinds, render_kind_name((enum render_kind)k));
	}
	if ((rc = web_list_reports(c, tpl_put_list(c->page, "revisions"), agency, (int)year)) != 0)
		return rc;
	return web_render(c, "report", arena_printf(c->a, "%s%lld年政府信息公开工作年度报告",
						    ag.name, year));
}

/* Publication pub rendered now in kind k from its frozen cells and texts (with the previous
 * year's publication), into the request's arena; sha its SHA-256. */
static int draw_published(struct web_ctx *c, struct store *s, const struct report_pub_rec *pub,
			  enum render_kind k, const char **body, size_t *len, char sha[65])
{
	struct annual_report r;
	struct buf b;
	int rc;

	report_init(&r, NULL);
	buf_init(&b, 32u << 20);
	if ((rc = report_published(s, pub->agency_id, pub->year, pub->revision, c->a, &r, NULL,
				   &c->err)) == 0 &&
	    (rc = report_attach_prev(s, pub->agency_id, &r, &c->err)) == 0 &&
	    (rc = render_report(&r, k, NULL, &b, &c->err)) == 0) {
		char *copy = arena_alloc(c->a, b.len + 1);

		memcpy(copy, b.ptr, b.len);
		*body = copy;
		*len = b.len;
		crypto_sha256_hex(copy, b.len, sha);
	}
	buf_free(&b);
	report_free(&r);
	return rc;
}

int h_report_download(struct web_ctx *c)
{
	struct report_pub_rec pub = { 0 };
	struct store *s;
	const char *body, *kind = web_param(c, "kind");
	int k = render_kind_by_name(kind);
	size_t len;
	char sha[65];
	long long agency, year, rev;
	int rc;

	if ((rc = num_param(c, "agency", INT32_MAX, &agency)) != 0 ||
	    (rc = num_param(c, "year", 2199, &year)) != 0 ||
	    (rc = num_param(c, "rev", 1000, &rev)) != 0)
		return rc;
	if (k < 0)
		return err_set(&c->err, ERR_NOTFOUND, "kind", "没有这种格式");
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = report_pub_get(s, agency, (int)year, (int)rev, c->a, &pub, &c->err);
	if (rc == 0)
		rc = report_pub_rendering(s, pub.id, kind, c->a, &body, &len, sha, &c->err);
	if (rc == ERR_NOTFOUND && pub.id && !render_kind_frozen((enum render_kind)k)) {
		/* drawn on request from the frozen cells (render_kind_frozen) */
		err_clear(&c->err);
		rc = draw_published(c, s, &pub, (enum render_kind)k, &body, &len, sha);
	}
	if ((rc = web_finish(c, rc)) != 0)
		return rc == ERR_NOTFOUND ? err_set(&c->err, ERR_NOTFOUND, "", "没有这份年度报告或这种格式") : rc;
	return web_send_file(c, body, len, render_kind_type((enum render_kind)k),
			     arena_printf(c->a, "report-%lld-%lld-r%lld.%s", agency, year, rev, kind),
			     "report", sha, "public, max-age=86400");
}

/* ---------------------------------------------------------------- console */

void web_put_findings(struct web_ctx *c, const struct findings *f)
{
	struct tpl_val *fl = tpl_put_list(c->page, "findings");

	for (size_t i = 0; i < f->n; i++) {
		struct tpl_val *o = tpl_push_obj(fl);
		tpl_put_str(o, "rule", f->v[i].rule);
		tpl_put_str(o, "severity", severity_code(f->v[i].sev));
		tpl_put_bool(o, "error", f->v[i].sev == SEV_ERROR);
		tpl_put_str(o, "msg", arena_strdup(c->a, f->v[i].msg));
	}
	tpl_put_int(c->page, "errors", (long long)findings_count(f, SEV_ERROR));
	tpl_put_int(c->page, "warnings", (long long)findings_count(f, SEV_WARN));
}

int web_report_year(struct web_ctx *c)
{
	const struct web_value *y = web_in(c, "year");
	int this_year;

	date_split(web_today(), &this_year, NULL, NULL);
	return y->present && y->i >= 2019 ? (int)y->i : this_year - 1;
}

static int console_page(struct web_ctx *c, int year, const struct findings *refused)
{
	struct annual_report r;
	struct findings f;
	const struct findings *shown;
	struct agency_rec ag;
	struct store *s;
	struct buf html;
	struct tpl_val *texts;
	int rc, ended;

	if (c->user->agency_id == 0)
		return err_set(&c->err, ERR_FORBIDDEN, "", "您的账号不属于某一机关，无法编制年度报告");
	report_init(&r, NULL);
	findings_init(&f);
	buf_init(&html, 8u << 20);
	if ((rc = web_begin(c, 0, &s)) != 0)
		goto out;
	rc = agency_get(s, c->user->agency_id, c->a, &ag, &c->err);
	if (rc == 0)
		rc = report_compute(s, &ag, year, c->a, &r, NULL, &c->err);
	if (rc == 0)
		rc = report_check(s, ag.id, &r, &f, &c->err);
	if (rc == 0)
		rc = report_attach_prev(s, ag.id, &r, &c->err);
	texts = tpl_put_obj(c->page, "texts");
	for (int t = 0; rc == 0 && t < RTEXT__MAX; t++) {
		const char *body = NULL;
		static const char *const keys[RTEXT__MAX] = { "overview", "problems", "other" };
		rc = report_text_get(s, ag.id, year, (enum report_text_section)t, c->a, &body, &c->err);
		tpl_put_str(texts, keys[t], body);
	}
	if ((rc = web_finish(c, rc)) != 0)
		goto out;
	if ((rc = web_list_reports(c, tpl_put_list(c->page, "revisions"), ag.id, year)) != 0)
		goto out;
	if ((rc = render_html(&r, &html, &c->err)) != 0)
		goto out;
	tpl_put_str(c->page, "report_html", web_report_body(c, buf_cstr(&html), html.len));
	buf_reset(&html);
	if ((rc = render_svg(&r, &html, &c->err)) != 0)
		goto out;
	tpl_put_str(c->page, "figure_svg", arena_strdup(c->a, buf_cstr(&html)));
	tpl_put_int(c->page, "year", year);
	/* REQ 条例-49: a year not yet ended is provisional (and cannot be published); the organ's
	 * deadline */
	ended = report_year_ended(year, web_today());
	tpl_put_bool(c->page, "provisional", !ended);
	{
		int due = 0;
		char day[DATE_LEN];
		if (web_begin(c, 0, &s) == 0 &&
		    web_finish(c, organ_report_due(s, ag.id, year, &c->err, &due)) == 0)
			tpl_put_str(c->page, "report_due", arena_strdup(c->a, date_format(due, day)));
	}
	tpl_put_str(c->page, "agency", ag.name);
	tpl_put_int(c->page, "agency_id", ag.id);
	shown = refused && refused->n ? refused : &f;
	web_put_findings(c, shown);
	tpl_put_bool(c->page, "blocked", findings_count(shown, SEV_ERROR) > 0);
	tpl_put_bool(c->page, "may_publish", web_may(c, ACT_REPORT_PUBLISH, 0) && ended);
	tpl_put_bool(c->page, "may_edit", web_may(c, ACT_REPORT_EDIT, 0));
	rc = web_render(c, "report_console", "年度报告");
out:
	buf_free(&html);
	findings_free(&f);
	report_free(&r);
	return rc;
}

int h_report_console(struct web_ctx *c)
{
	return console_page(c, web_report_year(c), NULL);
}

int h_report_text(struct web_ctx *c)
{
	int t = report_text_section_by_name(web_str(c, "section"));
	const char *text = web_str(c, "text");
	int year = web_report_year(c), rc;
	struct store *s;

	if (c->nerrors)
		return console_page(c, year, NULL);
	if (t < 0)
		return err_set(&c->err, ERR_INVALID, "section", "未知的章节");
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = report_text_set(s, c->user->agency_id, year, (enum report_text_section)t, text,
			     strlen(text), &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? console_page(c, year, NULL) : rc;
	return web_redirect(c, arena_printf(c->a, "/console/reports?year=%d", year));
}

int h_report_publish(struct web_ctx *c)
{
	struct findings f;
	struct report_pub_rec out;
	struct agency_rec ag;
	struct store *s;
	int year = web_report_year(c), rc;

	if (c->nerrors)
		return console_page(c, year, NULL);
	findings_init(&f);
	if ((rc = web_begin(c, 1, &s)) != 0)
		goto out;
	rc = agency_get(s, c->user->agency_id, c->a, &ag, &c->err);
	if (rc == 0)
		rc = report_publish(s, &ag, year, web_in(c, "reason")->s, c->a, &f, &out, &c->err);
	if ((rc = web_finish(c, rc)) != 0) {
		if (web_refused(c, rc))
			rc = console_page(c, year, &f);
		goto out;
	}
	rc = web_redirect(c, arena_printf(c->a, "/reports/%lld/%d", (long long)ag.id, year));
out:
	findings_free(&f);
	return rc;
}

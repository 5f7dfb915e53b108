/*
 * report_publish.c — checking, publishing, revising and summing annual reports
 * (see report_publish.h).
 * May call store/, render/, format/, domain/, text/, base/.
 */
#include "domain/report_publish.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/crypto.h"
#include "base/mem.h"
#include "base/sorted.h"
#include "domain/audit.h"
#include "domain/report_compute.h"
#include "domain/report_ledger.h"
#include "render/render.h"
#include "store/records.h"
#include "text/date.h"
#include "text/jsonw.h"

int report_cells_serialise(const struct report_cells *c, struct buf *out)
{
	int n = fmt_ncells(c->fmt), rc = 0;

	for (int i = 0; i < n && rc == 0; i++)
		rc = buf_printf(out, "%s %" PRId64 "\n", fmt_cell(c->fmt, i)->id, cells_get(c, i));
	return rc;
}

int report_cells_parse(const char *text, struct report_cells *c, struct gk_error *e)
{
	const char *p = text;
	char id[64];
	int rc;

	while (*p) {
		const char *sp = strchr(p, ' '), *nl = strchr(p, '\n');
		char *end;
		long long v;

		if (!sp || !nl || sp > nl || (size_t)(sp - p) >= sizeof id)
			return err_set(e, ERR_DB, "cells", "已发布报告的冻结数据有一行已损坏");
		memcpy(id, p, (size_t)(sp - p));
		id[sp - p] = '\0';
		v = strtoll(sp + 1, &end, 10);
		if (end != nl)
			return err_set(e, ERR_DB, "cells", "已发布报告的冻结数据 %s 已损坏", id);
		if ((rc = cells_set_id(c, id, v, e)) != 0)
			return rc;
		p = nl + 1;
	}
	return 0;
}

/* The report publication r froze (its cells and sections) into *out, its organ named. */
static int report_of_pub(struct store *s, const struct report_pub_rec *r, struct arena *a,
			 struct annual_report *out, struct gk_error *e)
{
	const struct report_format *f;
	struct report_pub_section *secs;
	struct agency_rec ag;
	size_t n;
	int rc;

	if (!(f = fmt_by_id(r->format)))
		return err_set(e, ERR_DB, "format", "已发布报告的表格格式“%s”无法识别", r->format);
	report_free(out);
	report_init(out, f);
	cells_init_zero(&out->cells, f);
	out->year = r->year;
	if ((rc = agency_store(s)->get(s, r->agency_id, a, &ag, e)) != 0 ||
	    (rc = report_cells_parse(r->cells, &out->cells, e)) != 0 ||
	    (rc = report_store(s)->pub_sections(s, r->id, a, &secs, &n, e)) != 0)
		return rc;
	report_set_agency(out, ag.name);
	out->organ = report_organ_kind(ag.level);
	for (size_t i = 0; i < n; i++) {
		int sec = fmt_section_by_id(secs[i].section);
		if (sec >= 0)
			report_set_section(out, sec, secs[i].body);
	}
	return 0;
}

int report_published(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		     struct annual_report *out, struct report_pub_rec *rec, struct gk_error *e)
{
	struct report_pub_rec r;
	int rc;

	if ((rc = report_store(s)->pub_get(s, agency_id, year, revision, a, &r, e)) != 0 ||
	    (rc = report_of_pub(s, &r, a, out, e)) != 0)
		return rc;
	if (rec)
		*rec = r;
	return 0;
}

/* The rules of spec §6 on r, and the cross-year rules against prev (the previous year's latest
 * publication; NULL: none). */
static int check_after(struct store *s, const struct annual_report *r,
		       const struct report_pub_rec *prev, struct findings *out, struct gk_error *e)
{
	struct rule_options o = { .produced_here = 1 };
	struct annual_report p;
	struct arena a;
	int rc = 0;

	rules_check(r, &o, out);
	if (prev == NULL)
		return 0;
	arena_init(&a);
	report_init(&p, r->cells.fmt);
	/* REQ 报告格式-T3-05: next year's 二 equals this year's published 四 (E here). */
	if ((rc = report_of_pub(s, prev, &a, &p, e)) == 0)
		rules_check_cross(&p, r, &o, out);
	report_free(&p);
	arena_free(&a);
	return rc;
}

int report_check(struct store *s, int64_t agency_id, const struct annual_report *r,
		 struct findings *out, struct gk_error *e)
{
	struct report_pub_rec prev;
	struct arena a;
	int rc;

	arena_init(&a);
	rc = report_store(s)->pub_get(s, agency_id, r->year - 1, 0, &a, &prev, e);
	if (rc == ERR_NOTFOUND)
		memset(e, 0, sizeof *e);
	if (rc == 0 || rc == ERR_NOTFOUND)
		rc = check_after(s, r, rc == 0 ? &prev : NULL, out, e);
	arena_free(&a);
	return rc;
}

int report_attach_prev(struct store *s, int64_t agency_id, struct annual_report *r,
		       struct gk_error *e)
{
	struct annual_report prev;
	struct arena a;
	int rc;

	arena_init(&a);
	report_init(&prev, NULL);
	rc = report_published(s, agency_id, r->year - 1, 0, &a, &prev, NULL, e);
	if (rc == 0) {
		r->prev = prev.cells;
	} else if (rc == ERR_NOTFOUND) {
		memset(e, 0, sizeof *e);
		rc = 0;
	}
	report_free(&prev);
	arena_free(&a);
	return rc;
}

int report_region_attach_prev(struct store *s, const struct agency_rec *root,
			      struct annual_report *r, struct gk_error *e)
{
	struct annual_report prev;
	struct region_summary sum;
	struct arena a;
	int rc;

	if (!fmt_for_year(r->year - 1))
		return 0;
	arena_init(&a);
	report_init(&prev, NULL);
	rc = report_region(s, root, r->year - 1, 0, &a, &prev, &sum, e);
	if (rc == 0 && sum.included > 0)
		r->prev = prev.cells;
	report_free(&prev);
	arena_free(&a);
	return rc;
}

int report_published_diff(struct store *s, int64_t agency_id, const struct annual_report *r,
			  int *revision, int *ndiff, int *diff, int maxdiff, struct gk_error *e)
{
	struct annual_report pub;
	struct report_pub_rec rec;
	struct arena a;
	int rc;

	*revision = 0;
	*ndiff = 0;
	arena_init(&a);
	report_init(&pub, r->cells.fmt);
	rc = report_published(s, agency_id, r->year, 0, &a, &pub, &rec, e);
	if (rc == ERR_NOTFOUND) {
		memset(e, 0, sizeof *e);
		rc = 0;
	} else if (rc == 0) {
		*revision = rec.revision;
		for (int i = 0; i < fmt_ncells(r->cells.fmt); i++) {
			if (pub.cells.fmt == r->cells.fmt && cells_get(&pub.cells, i) == cells_get(&r->cells, i))
				continue;
			if (*ndiff < maxdiff)
				diff[*ndiff] = i;
			(*ndiff)++;
		}
	}
	report_free(&pub);
	arena_free(&a);
	return rc;
}

/* Freeze every rendering render/ freezes (render_kind_frozen); the JSON one's hash is the
 * publication's. */
static int freeze_renderings(struct store *s, int64_t pub_id, const struct annual_report *r,
			     const struct findings *fnd, struct gk_error *e)
{
	struct buf b;
	char sha[CRYPTO_SHA256_HEX];
	int rc = 0;

	buf_init(&b, 0);
	for (int k = 0; k < RENDER__MAX && rc == 0; k++) {
		if (!render_kind_frozen(k))
			continue;
		buf_reset(&b);
		if ((rc = render_report(r, k, fnd, &b, e)) != 0)
			break;
		crypto_sha256_hex(b.ptr ? b.ptr : "", b.len, sha);
		rc = report_store(s)->artifact_insert(s, pub_id, render_kind_name(k), b.ptr, b.len, sha, e);
	}
	buf_free(&b);
	return rc;
}

int report_year_ended(int year, int today)
{
	return year < date_year(today);
}

int report_publish(struct store *s, const struct agency_rec *ag, int year, const char *reason,
		   struct arena *a, struct findings *findings, struct report_pub_rec *out,
		   struct gk_error *e)
{
	struct annual_report r;
	struct report_pub_rec prev, rec = { 0 };
	struct buf cells, json, audit;
	struct jsonw w;
	char at[21], sha[CRYPTO_SHA256_HEX];
	int rc, published;

	report_init(&r, fmt_for_year(year));
	buf_init(&cells, 0);
	buf_init(&json, 0);
	buf_init(&audit, 0);
	rc = report_store(s)->pub_get(s, ag->id, year, 0, a, &prev, e);
	if (rc != 0 && rc != ERR_NOTFOUND)
		goto out;
	published = rc == 0;
	memset(e, 0, sizeof *e);
	rc = 0;
	if (!reason && published) {
		rc = err_set(e, ERR_CONFLICT, "YEAR", "%s %d 年度报告已发布（第 %d 版，%s），不能再改；"
			     "更正须发布新的一版并说明理由（--revise --reason R）",
			     ag->name, year, prev.revision, prev.published_at);
		goto out;
	}
	if (reason && !published) {
		rc = err_set(e, ERR_STATE, "revise", "%s %d 年度报告尚未发布，须先发布", ag->name,
			     year);
		goto out;
	}
	if (reason && !*reason) {
		rc = err_set(e, ERR_INVALID, "reason", "发布新的一版须说明理由");
		goto out;
	}
	if (!published && !report_year_ended(year, date_today())) {
		rc = err_set(e, ERR_STATE, "YEAR", "%s %d 年度报告须在 %d 年结束后发布：年度报告覆盖"
			     "全年（条例第四十九条、第五十条），此前的数据只是临时的",
			     ag->name, year, year);
		goto out;
	}
	if ((rc = report_compute(s, ag, year, a, &r, NULL, e)) != 0 ||
	    (rc = report_check(s, ag->id, &r, findings, e)) != 0 ||
	    (rc = report_attach_prev(s, ag->id, &r, e)) != 0)
		goto out;
	if (findings_count(findings, SEV_ERROR) > 0) {
		rc = err_set(e, ERR_STATE, "YEAR", "%s %d 年度报告违反 %zu 条错误（E）规则，不能发布"
			     "（gongkai report check %d）", ag->name, year,
			     findings_count(findings, SEV_ERROR), year);
		goto out;
	}
	if ((rc = report_cells_serialise(&r.cells, &cells)) != 0 ||
	    (rc = render_report(&r, RENDER_JSON, findings, &json, e)) != 0)
		goto out;
	crypto_sha256_hex(json.ptr, json.len, sha);
	store_now(at);
	rec.agency_id = ag->id;
	rec.year = year;
	rec.revision = published ? prev.revision + 1 : 1;
	rec.format = r.cells.fmt->id;
	rec.reason = reason;
	rec.cells = buf_cstr(&cells);
	rec.sha256 = sha;
	rec.published_at = at;
	rec.published_by = store_actor(s)[0] ? store_actor(s) : "unknown";
	if ((rc = report_store(s)->pub_insert(s, &rec, &rec.id, e)) != 0)
		goto out;
	for (int sec = 0; sec < SEC__MAX && rc == 0; sec++)
		if (r.section[sec])
			rc = report_store(s)->pub_section_insert(s, rec.id, fmt_section_id(sec),
								 r.section[sec], e);
	if (rc != 0 || (rc = freeze_renderings(s, rec.id, &r, findings, e)) != 0)
		goto out;
	jsonw_init(&w, &audit, 0);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "year", year);
	jsonw_kint(&w, "revision", rec.revision);
	if (reason)
		jsonw_kstr(&w, "reason", reason);
	jsonw_kstr(&w, "sha256", sha);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0 ||
	    (rc = audit_record(s, ag->id, "report", rec.id, reason ? "revise" : "publish",
			       buf_cstr(&audit), e)) != 0)
		goto out;
	*out = rec;
	out->format = arena_strdup(a, rec.format);
	out->reason = reason ? arena_strdup(a, reason) : NULL;
	out->cells = NULL;
	out->sha256 = arena_strdup(a, sha);
	out->published_at = arena_strdup(a, at);
	out->published_by = arena_strdup(a, rec.published_by);
out:
	if (rc == ERR_LIMIT && e->code == 0)
		err_set(e, ERR_LIMIT, "report", "报告太大");
	report_free(&r);
	buf_free(&cells);
	buf_free(&json);
	buf_free(&audit);
	return rc;
}

/* ---- region summary ---- */

struct organ_list {
	struct agency_rec *v;
	size_t n, cap;
	struct arena *a;
};

static int collect_organ(void *ctx, const struct agency_rec *r)
{
	struct organ_list *l = ctx;

	struct agency_rec *o = ARENA_PUSH(l->a, l->v, l->n, l->cap, 64);

	*o = *r;
	o->name = arena_strdup(l->a, r->name);
	o->level = r->level ? arena_strdup(l->a, r->level) : NULL;
	o->code = NULL;
	o->created_at = NULL;
	return 0;
}

/* 1 when organ i lies under root (or is root), following parent links (cycle-safe). */
static int under(const struct organ_list *l, size_t i, int64_t root)
{
	int64_t id = l->v[i].id;

	for (size_t hops = 0; hops <= l->n && id != 0; hops++) {
		if (id == root)
			return 1;
		{
			int64_t parent = 0;
			for (size_t j = 0; j < l->n; j++)
				if (l->v[j].id == id) {
					parent = l->v[j].parent_id;
					break;
				}
			id = parent;
		}
	}
	return 0;
}

/* The Table 三 totals and the findings count of organ o's report r. */
/* The Table 三 totals and the findings count of organ o's report r (prev: the organ's latest
 * publication of the year before, NULL: none). */
static int organ_status(struct store *s, struct region_organ *o, const struct annual_report *r,
			const struct report_pub_rec *prev, struct gk_error *e)
{
	struct findings f;
	int rc;

	o->received = cells_t3_get(&r->cells, T3R_NEW_RECEIVED, T3C_TOTAL);
	o->handled = cells_t3_get(&r->cells, T3R_HANDLED_TOTAL, T3C_TOTAL);
	o->carried_out = cells_t3_get(&r->cells, T3R_CARRIED_OUT, T3C_TOTAL);
	findings_init(&f);
	if ((rc = check_after(s, r, prev, &f, e)) == 0) {
		o->errors = findings_count(&f, SEV_ERROR);
		o->warnings = findings_count(&f, SEV_WARN);
	}
	findings_free(&f);
	return rc;
}

/* The latest publication of a year of each organ of a region, by organ (in a). */
struct region_pubs {
	struct report_pub_rec *v;
	size_t n, cap;
	struct arena *a;
};

static int keep_pub(void *ctx, const struct report_pub_rec *r)
{
	struct region_pubs *p = ctx;
	struct report_pub_rec *c = ARENA_PUSH(p->a, p->v, p->n, p->cap, 64);

	*c = *r;
	desc_dup(&report_pub_desc, c, p->a);
	return 0;
}

static const struct report_pub_rec *pub_of(const struct region_pubs *p, int64_t agency_id)
{
	size_t lo = sorted_lower_bound(p->v, p->n, sizeof *p->v,
				       offsetof(struct report_pub_rec, agency_id), agency_id);

	return lo < p->n && p->v[lo].agency_id == agency_id ? &p->v[lo] : NULL;
}

/* What a region's report reads of the ledger: the year of every organ under root, read the
 * first time an organ's report is computed from it. */
struct region_read {
	int64_t root_id;
	int done;
	struct ledger_year y;
};

/* Organ ag's report of year computed from the region's year (read then, the first time). */
static int compute(struct store *s, const struct agency_rec *ag, int year, struct region_read *c,
		   struct arena *a, struct annual_report *out, struct gk_error *e)
{
	struct organ_year one;
	int rc;

	if (!c->done && (rc = ledger_year_read(s, c->root_id, 0, year, a, &c->y, e)) != 0)
		return rc;
	c->done = 1;
	ledger_year_organ(&c->y, ag->id, &one);
	return report_compute_counted(s, ag, year, &one, a, out, NULL, e);
}

int report_region(struct store *s, const struct agency_rec *root, int year, int drafts,
		  struct arena *a, struct annual_report *out, struct region_summary *sum,
		  struct gk_error *e)
{
	const struct report_format *f = fmt_for_year(year);
	struct organ_list l = { .a = a };
	struct region_read read = { .root_id = root->id };
	struct region_pubs pubs = { .a = a }, before = { .a = a };
	struct annual_report one;
	struct buf text;
	int rc;

	memset(sum, 0, sizeof *sum);
	if (!f)
		return err_set(e, ERR_INVALID, "YEAR", "%d 年没有年度报告的表格格式（格式自 2019 年起）", year);
	if ((rc = agency_store(s)->list(s, collect_organ, &l, e)) != 0)
		return rc;
	report_free(out);
	report_init(out, f);
	cells_init_zero(&out->cells, f);
	report_set_agency(out, root->name);
	out->year = year;
	out->organ = report_organ_kind(root->level);
	sum->missing = arena_alloc(a, (l.n + 1) * sizeof *sum->missing);
	sum->each = arena_alloc(a, (l.n + 1) * sizeof *sum->each);
	memset(sum->each, 0, (l.n + 1) * sizeof *sum->each);
	report_init(&one, f);
	buf_init(&text, 0);
	if ((rc = report_store(s)->pubs_organs(s, root->id, 0, year, keep_pub, &pubs, e)) == 0)
		rc = report_store(s)->pubs_organs(s, root->id, 0, year - 1, keep_pub, &before, e);
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		const struct report_pub_rec *pub = pub_of(&pubs, l.v[i].id);
		const struct report_pub_rec *prev = pub_of(&before, l.v[i].id);
		struct region_organ *o;

		if (!under(&l, i, root->id))
			continue;
		o = &sum->each[sum->organs++];
		o->id = l.v[i].id;
		o->parent_id = l.v[i].parent_id;
		o->name = l.v[i].name;
		if (!drafts && !pub) {
			sum->missing[sum->nmissing++] = l.v[i].name;
			/* left out of the sum: its figures as computed now, for the list */
			if ((rc = compute(s, &l.v[i], year, &read, a, &one, e)) == 0)
				rc = organ_status(s, o, &one, prev, e);
			continue;
		}
		rc = drafts ? compute(s, &l.v[i], year, &read, a, &one, e) : report_of_pub(s, pub, a, &one, e);
		if (rc != 0)
			break;
		o->revision = pub ? pub->revision : 0;
		o->published_at = pub ? pub->published_at : NULL;
		if (one.cells.fmt != f) {
			rc = err_set(e, ERR_DB, "format", "%s %d 年度报告用的是 %s 格式，不能与其他报告相加", l.v[i].name, year,
				     one.cells.fmt->id);
			break;
		}
		if ((rc = cells_accumulate(&out->cells, &one.cells)) != 0) {
			err_set(e, rc, "format", "%s %d 年度报告不能相加", l.v[i].name, year);
			break;
		}
		o->summed = 1;
		sum->included++;
		rc = organ_status(s, o, &one, prev, e);
	}
	if (rc == 0) {
		rc = buf_printf(&text, "本汇总为%s及其所属%zu个机关%d年%s政府信息公开工作年度报告之和，"
				"共汇总%zu份报告。", root->name, sum->organs - 1, year,
				drafts ? "（按台账计算的）" : "已发布的", sum->included);
		if (rc == 0 && sum->nmissing) {
			rc = buf_printf(&text, "\n\n尚未发布%d年度报告的机关（%zu个）：", year, sum->nmissing);
			for (size_t i = 0; i < sum->nmissing && rc == 0; i++)
				rc = buf_printf(&text, "%s%s", i ? "、" : "", sum->missing[i]);
			if (rc == 0)
				rc = buf_puts(&text, "。");
		}
		if (rc != 0)
			rc = err_set(e, ERR_LIMIT, "region", "汇总说明太长");
	}
	if (rc == 0) {
		report_set_section(out, SEC_OVERVIEW, buf_cstr(&text));
		for (int sec = SEC_PROACTIVE; sec <= SEC_REVIEW_LITIGATION; sec++)
			report_set_section(out, sec, "");
		report_set_section(out, SEC_PROBLEMS, "无");
		report_set_section(out, SEC_OTHER_MATTERS, "无");
	}
	report_free(&one);
	buf_free(&text);
	return rc;
}

int report_pub_get(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		   struct report_pub_rec *out, struct gk_error *e)
{
	return report_store(s)->pub_get(s, agency_id, year, revision, a, out, e);
}

int report_pub_rendering(struct store *s, int64_t pub_id, const char *kind, struct arena *a,
			 const char **body, size_t *len, char sha256[65], struct gk_error *e)
{
	return report_store(s)->artifact_get(s, pub_id, kind, a, body, len, sha256, e);
}

int report_pub_list(struct store *s, int64_t agency_id, int year, report_pub_fn fn, void *ctx,
		    struct gk_error *e)
{
	return report_store(s)->pub_list(s, agency_id, year, fn, ctx, e);
}

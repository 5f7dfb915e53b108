/*
 * exchange_reports.c — an organ's published annual reports in the ledger export (see
 * exchange_reports.h): every revision with its frozen cells, its section texts and its frozen
 * renderings (base64), so that what the public was shown moves to the other database
 * unchanged. The import checks each revision against itself before anything is stored: the
 * format of its year, its cells (exactly a full set of that format, in its order), revisions
 * numbered 1, 2, … within a year with the reason of each correction, every rendering's size
 * and SHA-256, and the publication's hash being its JSON rendering's.
 * May call store/, render/render.h, format/, text/, base/, domain/ (exchange_int.h, records.h).
 */
#include "domain/exchange_reports.h"

#include <stdio.h>
#include <string.h>

#include "base/crypto.h"
#include "domain/exchange_int.h"
#include "domain/records.h"
#include "domain/report_publish.h"
#include "format/cells.h"
#include "format/format.h"
#include "render/render.h"
#include "store/report_store.h"
#include "text/utf8.h"

/* the largest section text a revision may carry (a report's texts are a few pages) */
#define XPUB_SECTION_MAX (1u << 20)

struct pubs {
	struct arena *a;
	struct report_pub_rec *v;
	size_t n, cap;
};

static int collect_pub(void *ctx, const struct report_pub_rec *r)
{
	struct pubs *p = ctx;
	struct report_pub_rec *c = ARENA_PUSH(p->a, p->v, p->n, p->cap, 8);

	*c = *r;
	desc_dup(&report_pub_desc, c, p->a);
	return 0;
}

/* The frozen renderings of revision pub_id, in the order of the render kinds. */
static int export_renderings(struct store *s, int64_t pub_id, struct arena *a, struct jsonw *w,
			     struct gk_error *e)
{
	jsonw_key(w, "renderings");
	jsonw_arr_begin(w);
	for (int k = 0; k < RENDER__MAX; k++) {
		const char *body;
		size_t len;
		char sha[65];
		int rc;

		if (!render_kind_frozen(k))
			continue;
		rc = report_store(s)->artifact_get(s, pub_id, render_kind_name(k), a, &body, &len, sha, e);
		if (rc == ERR_NOTFOUND) {
			memset(e, 0, sizeof *e);
			continue;   /* frozen by a version that did not make this kind */
		}
		if (rc != 0)
			return rc;
		jsonw_obj_begin(w);
		jsonw_kstr(w, "kind", render_kind_name(k));
		jsonw_kint(w, "size", (int64_t)len);
		jsonw_kstr(w, "sha256", sha);
		if ((rc = xc_write_base64(w, "data", body, len, e)) != 0)
			return rc;
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	return 0;
}

int exchange_export_reports(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			    struct gk_error *e)
{
	struct pubs p = { .a = a };
	int rc;

	if ((rc = report_store(s)->pub_list(s, agency_id, 0, collect_pub, &p, e)) != 0)
		return rc;
	jsonw_key(w, "report_publications");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < p.n; i++) {
		struct report_pub_section *secs;
		size_t nsecs;

		if ((rc = report_store(s)->pub_sections(s, p.v[i].id, a, &secs, &nsecs, e)) != 0)
			return rc;
		jsonw_obj_begin(w);
		jsonw_kint(w, "year", p.v[i].year);
		jsonw_kint(w, "revision", p.v[i].revision);
		xc_write_fields(w, &p.v[i], &report_pub_desc);
		jsonw_key(w, "sections");
		jsonw_arr_begin(w);
		for (size_t j = 0; j < nsecs; j++) {
			jsonw_obj_begin(w);
			jsonw_kstr(w, "section", secs[j].section);
			jsonw_kstr(w, "body", secs[j].body);
			jsonw_obj_end(w);
		}
		jsonw_arr_end(w);
		if ((rc = export_renderings(s, p.v[i].id, a, w, e)) != 0)
			return rc;
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	return 0;
}

/* ---- import ---- */

/* The cells of revision r: a full set of its format, each cell once, in the format's order
 * (what publishing froze), so that the revision reads back as it was published. */
static int check_cells(const struct xpub *x, const char *where, struct gk_error *e)
{
	const struct report_format *f = fmt_by_id(x->rec.format);
	struct report_cells c;
	struct gk_error why = { 0 };
	struct buf again;
	int same;

	cells_init_zero(&c, f);
	if (report_cells_parse(x->rec.cells, &c, &why) != 0)
		return xc_bad(e, where, "cells", "%s", why.msg);
	buf_init(&again, 0);
	same = report_cells_serialise(&c, &again) == 0 && strcmp(buf_cstr(&again), x->rec.cells) == 0;
	buf_free(&again);
	return same ? 0 : xc_bad(e, where, "cells", "不是%s格式全部单元格的数据（每格一行，按格式的顺序）",
				 f->id);
}

static int read_sections(const struct jv *arr, const char *where, struct arena *a, struct xpub *x,
			 struct gk_error *e)
{
	static const char *const keys[] = { "section", "body", NULL };

	x->nsecs = jv_len(arr);
	x->secs = arena_alloc(a, (x->nsecs + 1) * sizeof *x->secs);
	for (size_t j = 0; j < x->nsecs; j++) {
		const struct jv *o = jv_at(arr, j);
		const char *section = jv_str(jv_get(o, "section")), *body = jv_str(jv_get(o, "body"));
		char swhere[96];
		int rc;

		snprintf(swhere, sizeof swhere, "%.40s.sections[%zu]", where, j);
		if ((rc = xc_only_keys(o, swhere, keys, e)) != 0)
			return rc;
		if (section == NULL || fmt_section_by_id(section) < 0)
			return xc_bad(e, swhere, "section", "不是年度报告的章节：“%s”", section ? section : "");
		for (size_t k = 0; k < j; k++)
			if (strcmp(x->secs[k].section, section) == 0)
				return xc_bad(e, swhere, "section", "章节“%s”出现了两次", section);
		if (body == NULL || !utf8_valid(body, strlen(body)) || strlen(body) > XPUB_SECTION_MAX)
			return xc_bad(e, swhere, "body", "应为不超过 1 MiB 的 UTF-8 文本%s", "");
		x->secs[j] = (struct report_pub_section){ section, body };
	}
	return 0;
}

/* The renderings of x: each a kind that publishing freezes, once, its data decoding to its
 * size and SHA-256; the JSON one's hash is the revision's. */
static int read_renderings(const struct jv *arr, const char *where, struct arena *a, struct xpub *x,
			   struct gk_error *e)
{
	static const char *const keys[] = { "kind", "size", "sha256", "data", NULL };
	int json = 0;

	x->nrends = jv_len(arr);
	x->rends = arena_alloc(a, (x->nrends + 1) * sizeof *x->rends);
	for (size_t j = 0; j < x->nrends; j++) {
		const struct jv *o = jv_at(arr, j);
		struct xrendering *r = &x->rends[j];
		char rwhere[96];
		int64_t size;
		int k, rc;

		snprintf(rwhere, sizeof rwhere, "%.40s.renderings[%zu]", where, j);
		if ((rc = xc_only_keys(o, rwhere, keys, e)) != 0)
			return rc;
		r->kind = jv_str(jv_get(o, "kind"));
		r->sha256 = jv_str(jv_get(o, "sha256"));
		if ((k = render_kind_by_name(r->kind)) < 0 || !render_kind_frozen(k))
			return xc_bad(e, rwhere, "kind", "不是发布时保存的文本种类：“%s”", r->kind ? r->kind : "");
		for (size_t i = 0; i < j; i++)
			if (strcmp(x->rends[i].kind, r->kind) == 0)
				return xc_bad(e, rwhere, "kind", "“%s”出现了两次", r->kind);
		if ((rc = xc_int_member(o, rwhere, "size", 0, (int64_t)1 << 30, -1, &size, e)) != 0)
			return rc;
		if (r->sha256 == NULL || strlen(r->sha256) != CRYPTO_SHA256_HEX - 1)
			return xc_bad(e, rwhere, "sha256", "应为 64 位十六进制的 SHA-256%s", "");
		if ((rc = xc_read_base64(o, rwhere, size, r->sha256, a, &r->data, &r->len, e)) != 0)
			return rc;
		if (k == RENDER_JSON) {
			if (strcmp(r->sha256, x->rec.sha256) != 0)
				return xc_bad(e, rwhere, "sha256", "JSON 文本的 SHA-256 与该版的 sha256（%s）不符",
					      x->rec.sha256);
			json = 1;
		}
	}
	return json ? 0 : xc_bad(e, where, "renderings", "缺少 JSON 文本（该版的 sha256 是它的）%s", "");
}

static int read_pub(const struct jv *o, const char *where, struct arena *a, const struct xpub *prev,
		    struct xpub *x, struct gk_error *e)
{
	static const char *const extra[] = { "year", "revision", "sections", "renderings", NULL };
	const struct report_format *f;
	const struct jv *arr;
	int64_t year, revision;
	int rc;

	if ((rc = xc_read_fields(o, where, &report_pub_desc, extra, &x->rec, e)) != 0 ||
	    (rc = xc_int_member(o, where, "year", 2008, 2199, -1, &year, e)) != 0 ||
	    (rc = xc_int_member(o, where, "revision", 1, 1000, -1, &revision, e)) != 0)
		return rc;
	x->rec.year = (int)year;
	x->rec.revision = (int)revision;
	if (x->rec.reason && !x->rec.reason[0])
		x->rec.reason = NULL;   /* as publishing stores a first revision's */
	if ((f = fmt_for_year(x->rec.year)) == NULL || strcmp(f->id, x->rec.format) != 0)
		return xc_bad(e, where, "format", "与该年度的表格格式不符：“%s”", x->rec.format);
	/* revisions come by year, numbered from 1, each correction with its reason */
	if (prev && (prev->rec.year > x->rec.year ||
		     (prev->rec.year == x->rec.year && prev->rec.revision + 1 != x->rec.revision)))
		return xc_bad(e, where, "revision", "各版须按年度排列、自第 1 版起连续编号%s", "");
	if ((!prev || prev->rec.year != x->rec.year) && x->rec.revision != 1)
		return xc_bad(e, where, "revision", "该年度缺少第 1 版%s", "");
	if ((x->rec.revision > 1) != (x->rec.reason != NULL && x->rec.reason[0]))
		return xc_bad(e, where, "reason", "%s", x->rec.revision > 1 ?
			      "更正的一版须说明理由" : "第 1 版没有更正理由");
	if ((rc = check_cells(x, where, e)) != 0)
		return rc;
	if ((arr = xc_member(o, "sections", JV_ARRAY, 0, e, &rc)) == NULL && rc)
		return xc_bad(e, where, "sections", "应为 JSON 数组%s", "");
	if ((rc = read_sections(arr, where, a, x, e)) != 0)
		return rc;
	if ((arr = xc_member(o, "renderings", JV_ARRAY, 0, e, &rc)) == NULL && rc)
		return xc_bad(e, where, "renderings", "应为 JSON 数组%s", "");
	return read_renderings(arr, where, a, x, e);
}

int exchange_read_reports(const struct jv *root, struct arena *a, struct xpub **out, size_t *n,
			  struct gk_error *e)
{
	const struct jv *arr;
	int rc;

	*out = NULL;
	*n = 0;
	if ((arr = xc_member(root, "report_publications", JV_ARRAY, 0, e, &rc)) == NULL)
		return rc;
	*n = jv_len(arr);
	*out = arena_alloc(a, (*n + 1) * sizeof **out);
	memset(*out, 0, (*n + 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		char where[48];

		snprintf(where, sizeof where, "report_publications[%zu]", i);
		if ((rc = read_pub(jv_at(arr, i), where, a, i ? &(*out)[i - 1] : NULL, &(*out)[i], e)) != 0)
			return rc;
	}
	return 0;
}

int exchange_store_reports(struct store *s, int64_t agency_id, const struct xpub *v, size_t n,
			   struct gk_error *e)
{
	int rc;

	for (size_t i = 0; i < n; i++) {
		struct report_pub_rec rec = v[i].rec;
		char where[48];

		snprintf(where, sizeof where, "report_publications[%zu]", i);
		rec.agency_id = agency_id;
		if ((rc = report_store(s)->pub_insert(s, &rec, &rec.id, e)) != 0)
			return xc_refile(e, where, "revision");
		for (size_t j = 0; j < v[i].nsecs && rc == 0; j++)
			rc = report_store(s)->pub_section_insert(s, rec.id, v[i].secs[j].section,
								 v[i].secs[j].body, e);
		for (size_t j = 0; j < v[i].nrends && rc == 0; j++)
			rc = report_store(s)->artifact_insert(s, rec.id, v[i].rends[j].kind,
							      v[i].rends[j].data, v[i].rends[j].len,
							      v[i].rends[j].sha256, e);
		if (rc != 0 || (rc = xc_audit_import(s, agency_id, "report", rec.id, "sha256", rec.sha256,
						     0, e)) != 0)
			return rc;
	}
	return 0;
}

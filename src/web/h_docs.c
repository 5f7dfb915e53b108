/*
 * h_docs.c — 主动公开 on the web: the public catalogue (/catalogue by 主题分类 / 体裁 / year),
 * one document with all its metadata (/doc/ID), full-text search with filters, highlighted
 * snippets and paging (/search); and in the console the documents of the user's organs, a
 * new draft, editing, submission, the 三审 queue, publication and withdrawal. The rules are
 * domain/catalogue.h and domain/publish.h; refusals come back as form errors.
 * May call: domain/, render/snippet.h, text/, web/app.h.
 */
#include <stdlib.h>
#include <string.h>

#include "domain/catalogue.h"
#include "domain/records.h"
#include "domain/publish.h"
#include "render/snippet.h"
#include "text/date.h"
#include "web/handlers.h"

#define PAGE_SIZE 20

/* ---------------------------------------------------------------- shared */

static const char *dup(struct web_ctx *c, const char *s)
{
	return s ? arena_strdup(c->a, s) : NULL;
}

static void put_doc_row(struct web_ctx *c, struct tpl_val *o, const struct doc *d)
{
	tpl_put_int(o, "id", d->id);
	tpl_put_str(o, "index_no", dup(c, d->index_no));
	tpl_put_str(o, "title", dup(c, d->title));
	tpl_put_str(o, "doc_no", dup(c, d->doc_no));
	tpl_put_str(o, "agency", dup(c, d->agency));
	tpl_put_str(o, "date", dup(c, d->published_date ? d->published_date : d->signed_date));
	tpl_put_str(o, "genre", dup(c, d->genre));
	tpl_put_str(o, "topic", dup(c, d->topic));
	tpl_put_str(o, "state", doc_label(doc_state_ids, doc_state_labels, DOC_STATE__MAX, d->state));
	tpl_put_str(o, "validity", doc_label(doc_validity_ids, doc_validity_labels, VALIDITY__MAX,
					     d->validity));
	tpl_put_bool(o, "not_valid", d->validity && strcmp(d->validity, "valid") != 0);
}

struct rows {
	struct web_ctx *c;
	struct tpl_val *list;
	int n;
	int scoped;       /* console: only organs in the user's scope */
};

static int add_doc(void *ctx, const struct doc *d)
{
	struct rows *r = ctx;

	if (r->scoped && !web_visible(r->c, d->agency_id))
		return 0;
	put_doc_row(r->c, tpl_push_obj(r->list), d);
	r->n++;
	return 0;
}

/* The choices of the document form and of the catalogue's filter. */
static void put_choices(struct web_ctx *c, const char *topic, const char *genre)
{
	struct tpl_val *tl = tpl_put_list(c->page, "topics");
	struct tpl_val *gl = tpl_put_list(c->page, "genres");

	for (size_t i = 0; i < catalogue_topics_n; i++) {
		const struct topic *t = &catalogue_topics[i];
		struct tpl_val *o;
		if (t->l2)
			continue;  /* level 1 in the filter; a level-1 name includes its children */
		o = tpl_push_obj(tl);
		tpl_put_str(o, "name", t->l1);
		tpl_put_bool(o, "selected", topic && strcmp(topic, t->l1) == 0);
	}
	for (size_t i = 0; i < catalogue_genres_n; i++) {
		struct tpl_val *o = tpl_push_obj(gl);
		tpl_put_str(o, "name", catalogue_genres[i]);
		tpl_put_bool(o, "selected", genre && strcmp(genre, catalogue_genres[i]) == 0);
	}
}

/* The document form: its choices, and the labels and limits of its fields from the
 * declaration of a document (not the catalogue's pages, which show neither). */
static void put_form(struct web_ctx *c, const char *topic, const char *genre)
{
	put_choices(c, topic, genre);
	web_put_decl(c, &doc_desc);
}

/* base?… keeping the listing's query arguments (not the page), key set to value (value NULL:
 * key left out), URL-encoded. */
static const char *url_with(struct web_ctx *c, const char *base, const char *key,
			    const char *value)
{
	static const char *const keep[] = { "q", "topic", "genre", "year", "agency", "state",
					    "validity", "sort", "size" };
	struct buf q;
	const char *r;

	buf_init(&q, 4096);
	for (size_t i = 0; i <= sizeof keep / sizeof keep[0]; i++) {
		int last = i == sizeof keep / sizeof keep[0];
		const char *k = last ? key : keep[i];
		const char *v = last ? value : web_str(c, k);
		if (k == NULL || (!last && key && strcmp(k, key) == 0) || !v || !*v)
			continue;
		if (buf_printf(&q, "%s%s=", q.len ? "&" : "", k) != 0)
			break;
		for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
			int rc = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
				 ? buf_putc(&q, (char)*p) : buf_printf(&q, "%%%02X", *p);
			if (rc)
				break;
		}
	}
	r = arena_printf(c->a, "%s?%s", base, buf_cstr(&q));
	buf_free(&q);
	return r;
}

/* Paging links keeping the other query arguments. */
static void put_pager(struct web_ctx *c, const char *base, int page, int more)
{
	tpl_put_int(c->page, "page", page);
	if (page > 1)
		tpl_put_str(c->page, "prev", url_with(c, base, "page",
						      arena_printf(c->a, "%d", page - 1)));
	if (more)
		tpl_put_str(c->page, "next", url_with(c, base, "page",
						      arena_printf(c->a, "%d", page + 1)));
}

static int page_of(struct web_ctx *c)
{
	long long p = web_in(c, "page")->i;
	return p >= 1 ? (int)p : 1;
}

/* ---------------------------------------------------------------- public */

int web_latest_docs(struct web_ctx *c, struct tpl_val *list, int n)
{
	struct doc_filter f = { .public_only = 1, .limit = n };
	struct rows r = { c, list, 0, 0 };
	char today[DATE_LEN];
	struct store *s;
	int rc;

	f.today = date_format(web_today(), today);
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	return web_finish(c, catalogue_doc_list(s, &f, add_doc, &r, &c->err));
}

int h_catalogue(struct web_ctx *c)
{
	struct doc_filter f = { .public_only = 1, .limit = PAGE_SIZE + 1 };
	struct rows r = { c, tpl_list(c->a), 0, 0 };
	struct tpl_val *docs = tpl_put_list(c->page, "docs");
	char today[DATE_LEN];
	struct store *s;
	int rc, page = page_of(c), k = 0;

	f.today = date_format(web_today(), today);
	f.topic = web_in(c, "topic")->s;
	f.genre = web_in(c, "genre")->s;
	f.year = (int)web_in(c, "year")->i;
	f.agency_id = web_in(c, "agency")->i;
	f.offset = (page - 1) * PAGE_SIZE;
	put_choices(c, f.topic, f.genre);
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = catalogue_doc_list(s, &f, add_doc, &r, &c->err);
	if (rc == 0)
		rc = web_agencies(c, tpl_put_list(c->page, "agencies"), f.agency_id);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	for (struct tpl_val *it = tpl_list_first(r.list), *next; it && k < PAGE_SIZE; it = next, k++) {
		next = tpl_next(it);
		tpl_push(docs, it);
	}
	put_pager(c, "/catalogue", page, r.n > PAGE_SIZE);
	return web_render(c, "catalogue", "信息公开目录");
}

static int load_doc(struct web_ctx *c, struct store *s, struct doc *d)
{
	int64_t id;
	int rc;

	if ((rc = web_param_id(c, "id", "没有这份文件", &id)) != 0)
		return rc;
	rc = catalogue_doc_get(s, id, c->a, d, &c->err);
	/* the same words as for a document the visitor may not see: no probing */
	return rc == ERR_NOTFOUND ? err_set(&c->err, ERR_NOTFOUND, "id", "没有这份文件") : rc;
}

/* The document :id if the public may see it today, else "not found". */
static int load_public(struct web_ctx *c, struct store *s, struct doc *d)
{
	int rc = load_doc(c, s, d);

	if (rc == 0 && !catalogue_doc_visible(d, web_today()))
		rc = err_set(&c->err, ERR_NOTFOUND, "id", "没有这份文件");
	return rc;
}

/* The document :id if it belongs to an organ the signed-in user sees, else "not found". */
static int load_scoped(struct web_ctx *c, struct store *s, struct doc *d)
{
	int rc = load_doc(c, s, d);

	if (rc == 0 && !web_visible(c, d->agency_id))
		rc = err_set(&c->err, ERR_NOTFOUND, "id", "没有这份文件");
	return rc;
}

/* "PDF", "Word 文档", "图片" for a stored content type. */
static const char *mime_label(const char *mime)
{
	if (mime == NULL)
		return "文件";
	if (strcmp(mime, "application/pdf") == 0)
		return "PDF";
	if (strstr(mime, "wordprocessingml"))
		return "Word 文档";
	if (strstr(mime, "spreadsheetml"))
		return "Excel 表格";
	if (strcmp(mime, "text/plain") == 0)
		return "文本";
	if (strncmp(mime, "image/", 6) == 0)
		return "图片";
	return "文件";
}

/* "812 字节", "35.2 KB", "4.1 MB". */
static const char *size_label(struct web_ctx *c, int64_t size)
{
	if (size < 1024)
		return arena_printf(c->a, "%lld 字节", (long long)size);
	if (size < 1024 * 1024)
		return arena_printf(c->a, "%.1f KB", (double)size / 1024);
	return arena_printf(c->a, "%.1f MB", (double)size / (1024 * 1024));
}

/* d's metadata, body and attachments (each linked under base: "/doc/ID" or the console's). */
static void put_doc(struct web_ctx *c, struct store *s, const struct doc *d, const char *base)
{
	struct tpl_val *o = tpl_put_obj(c->page, "doc");
	struct doc_attachment *att = NULL;
	size_t natt = 0;

	put_doc_row(c, o, d);
	tpl_put_str(o, "publisher", d->publisher);
	tpl_put_str(o, "signed_date", d->signed_date);
	tpl_put_str(o, "published_date", d->published_date);
	tpl_put_str(o, "disclosure", doc_label(doc_disclosure_ids, doc_disclosure_labels,
					       DISCLOSURE__MAX, d->disclosure));
	tpl_put_str(o, "time_limit", d->time_limit);
	tpl_put_str(o, "effective_date", d->effective_date);
	tpl_put_str(o, "invalid_date", d->invalid_date);
	tpl_put_str(o, "summary", d->summary);
	tpl_put_str(o, "keywords", d->keywords);
	tpl_put_str(o, "body", d->body);
	tpl_put_str(o, "withheld_reason", d->withheld_reason);
	tpl_put_str(o, "withheld_ground", d->withheld_ground);
	tpl_put_str(o, "author", d->author);
	if (catalogue_doc_attachments(s, d->id, c->a, &att, &natt, &c->err) == 0 && natt) {
		struct tpl_val *l = tpl_put_list(o, "attachments");
		tpl_put_bool(o, "has_attachments", 1);
		for (size_t i = 0; i < natt; i++) {
			struct tpl_val *a = tpl_push_obj(l);
			tpl_put_str(a, "name", att[i].name);
			tpl_put_str(a, "href", arena_printf(c->a, "%s/attachments/%zu", base, i + 1));
			tpl_put_str(a, "type", mime_label(att[i].mime));
			tpl_put_str(a, "size_label", size_label(c, att[i].size));
			tpl_put_str(a, "sha256", att[i].sha256);
			/* staff see when a file's text could not be read (it is not searchable) */
			if (strncmp(base, "/console/", 9) == 0 && att[i].text_state &&
			    (strcmp(att[i].text_state, "broken") == 0 ||
			     strcmp(att[i].text_state, "empty") == 0))
				tpl_put_str(a, "unreadable", att[i].text_note ? att[i].text_note : "");
		}
	}
	err_clear(&c->err);
}

int h_doc(struct web_ctx *c)
{
	struct doc d;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load_public(c, s, &d);
	if (rc == 0)
		put_doc(c, s, &d, arena_printf(c->a, "/doc/%lld", (long long)d.id));
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	web_page_organ(c, d.agency);
	return web_render(c, "doc", d.title);
}

/* Attachment :n of the document :id as a download, when load finds the document for this
 * visitor (load_public or load_scoped); cache is its Cache-Control. */
static int send_attachment(struct web_ctx *c,
			   int (*load)(struct web_ctx *, struct store *, struct doc *),
			   const char *cache)
{
	struct doc_attachment att;
	struct doc d;
	struct store *s;
	const void *data;
	size_t len;
	int64_t n = 0;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load(c, s, &d);
	if (rc == 0 && ((rc = web_param_id(c, "n", "没有这个附件", &n)) != 0 || n > DOC_ATTACH_N))
		rc = err_set(&c->err, ERR_NOTFOUND, "n", "没有这个附件");
	if (rc == 0 && (rc = catalogue_attachment_get(s, d.id, n, c->a, &att, &data, &len,
						      &c->err)) == ERR_NOTFOUND)
		rc = err_set(&c->err, ERR_NOTFOUND, "n", "没有这个附件");
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	return web_send_file(c, data, len, att.mime, att.name,
			     arena_printf(c->a, "attachment-%lld-%lld", (long long)d.id, (long long)n),
			     att.sha256, cache);
}

/* The public gets the attachments of published documents only; a draft's, a withdrawn or
 * not yet published document's are "not found", as the document is. Revalidated each time:
 * a withdrawal must not live on in caches. */
int h_doc_attachment(struct web_ctx *c)
{
	return send_attachment(c, load_public, "public, no-cache");
}

/* A text with search markers as a trusted HTML fragment: escaped, then <mark> added. */
static const char *marked_html(struct web_ctx *c, const char *s)
{
	struct buf b;
	const char *r = NULL;

	if (s == NULL)
		return NULL;
	buf_init(&b, 64 * 1024);
	if (render_snippet_html(&b, s) == 0)
		r = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

static void put_hits(struct web_ctx *c, const struct search_result *r)
{
	struct tpl_val *list = tpl_put_list(c->page, "hits");

	for (size_t i = 0; i < r->nhits; i++) {
		const struct search_hit *h = &r->hits[i];
		struct tpl_val *o = tpl_push_obj(list);
		tpl_put_int(o, "id", h->id);
		tpl_put_str(o, "title", marked_html(c, h->title));
		tpl_put_str(o, "doc_no", marked_html(c, h->doc_no));
		tpl_put_str(o, "index_no", dup(c, h->index_no));
		tpl_put_str(o, "agency", dup(c, h->agency));
		tpl_put_str(o, "date", dup(c, h->published_date));
		tpl_put_str(o, "snippet", marked_html(c, h->snippet));
		tpl_put_str(o, "attachment", dup(c, h->attachment));
		if (h->page)
			tpl_put_int(o, "page", h->page);
	}
}

/* The facets as lists of links that add (or, when chosen, remove) the filter. */
static void put_facets(struct web_ctx *c, const struct search_result *r)
{
	static const struct { const char *key, *label; } fac[FACET__MAX] = {
		[FACET_AGENCY] = { "agency", "机关" }, [FACET_YEAR] = { "year", "年份" },
		[FACET_TOPIC] = { "topic", "主题分类" }, [FACET_GENRE] = { "genre", "体裁" },
		[FACET_VALIDITY] = { "validity", "有效性" },
	};
	struct tpl_val *list = tpl_put_list(c->page, "facets");

	for (int f = 0; f < FACET__MAX; f++) {
		const char *chosen = web_str(c, fac[f].key);
		struct tpl_val *o, *vals;
		if (r->nfacets[f] == 0)
			continue;
		tpl_put_bool(c->page, "has_facets", 1);
		o = tpl_push_obj(list);
		tpl_put_str(o, "label", fac[f].label);
		vals = tpl_put_list(o, "values");
		for (size_t i = 0; i < r->nfacets[f] && i < 30; i++) {
			const struct search_count *v = &r->facets[f][i];
			int sel = chosen && *chosen && strcmp(chosen, v->value) == 0;
			struct tpl_val *x;
			if (f == FACET_TOPIC && !*v->value)
				continue;  /* 未分类 cannot be chosen as a filter */
			x = tpl_push_obj(vals);
			tpl_put_str(x, "label", v->label);
			tpl_put_int(x, "n", v->n);
			tpl_put_bool(x, "selected", sel);
			tpl_put_str(x, "href", url_with(c, "/search", fac[f].key, sel ? NULL : v->value));
		}
	}
}

int h_search(struct web_ctx *c)
{
	struct doc_filter f = { .public_only = 1 };
	struct search_result res;
	const char *q = web_in(c, "q")->s, *sort = web_str(c, "sort"), *validity;
	enum search_sort by = sort && strcmp(sort, "date") == 0 ? SEARCH_BY_DATE
								: SEARCH_BY_RELEVANCE;
	int size = web_in(c, "size")->i == 10 ? 10 : 20, v;
	char today[DATE_LEN];
	struct store *s;
	int rc, page = page_of(c);

	f.today = date_format(web_today(), today);
	f.topic = web_in(c, "topic")->s;
	f.genre = web_in(c, "genre")->s;
	f.year = (int)web_in(c, "year")->i;
	f.agency_id = web_in(c, "agency")->i;
	if ((validity = web_str(c, "validity")) && *validity) {
		if ((v = doc_enum_parse(doc_validity_ids, doc_validity_labels, VALIDITY__MAX,
					validity)) < 0)
			web_field_error(c, "validity", "有效性只能是有效、失效或废止");
		else
			f.validity = doc_validity_ids[v];
	}
	f.limit = size;
	f.offset = (page - 1) * size;
	put_choices(c, f.topic, f.genre);
	if (c->nerrors || q == NULL || !*q)
		return web_render(c, "search", "检索");
	if ((size_t)f.offset >= SEARCH_COUNT_LIMIT) {
		web_field_error(c, "page", "只能翻到前 %d 条结果，请加上筛选条件或更多检索词",
				SEARCH_COUNT_LIMIT);
		return web_render(c, "search", "检索");
	}
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = catalogue_search(s, q, &f, by, c->a, &res, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? web_render(c, "search", "检索") : rc;
	tpl_put_bool(c->page, "searched", 1);
	tpl_put_int(c->page, "total", res.total);
	tpl_put_bool(c->page, "estimated", !res.exact);
	if (res.nhits) {
		tpl_put_int(c->page, "first", f.offset + 1);
		tpl_put_int(c->page, "last", f.offset + (int)res.nhits);
	}
	tpl_put_bool(c->page, "by_date", by == SEARCH_BY_DATE);
	tpl_put_str(c->page, "by_relevance_href", url_with(c, "/search", "sort", NULL));
	tpl_put_str(c->page, "by_date_href", url_with(c, "/search", "sort", "date"));
	tpl_put_bool(c->page, "size10", size == 10);
	tpl_put_str(c->page, "size10_href", url_with(c, "/search", "size", "10"));
	tpl_put_str(c->page, "size20_href", url_with(c, "/search", "size", NULL));
	if (res.suggestion) {
		tpl_put_str(c->page, "suggestion", res.suggestion);
		tpl_put_int(c->page, "suggestion_total", res.suggestion_total);
		tpl_put_bool(c->page, "suggestion_more", res.suggestion_total >= SEARCH_SUGGEST_LIMIT);
		tpl_put_str(c->page, "suggestion_href", url_with(c, "/search", "q", res.suggestion));
	}
	put_hits(c, &res);
	put_facets(c, &res);
	put_pager(c, "/search", page, res.more);
	return web_render(c, "search", "检索");
}

/* ---------------------------------------------------------------- console */

int h_docs(struct web_ctx *c)
{
	struct doc_filter f = { .limit = 200 };
	struct rows r = { c, tpl_put_list(c->page, "docs"), 0, 1 };
	struct tpl_val *states = tpl_put_list(c->page, "states");
	struct store *s;
	int rc;

	f.state = web_in(c, "state")->s;
	if (!web_reaches_beyond(c))
		f.agency_id = c->user->agency_id;
	for (int i = 0; i < DOC_STATE__MAX; i++) {
		struct tpl_val *o = tpl_push_obj(states);
		tpl_put_str(o, "id", doc_state_ids[i]);
		tpl_put_str(o, "label", doc_state_labels[i]);
		tpl_put_bool(o, "selected", f.state && strcmp(f.state, doc_state_ids[i]) == 0);
	}
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = catalogue_doc_list(s, &f, add_doc, &r, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? web_render(c, "docs", "主动公开") : rc;
	tpl_put_int(c->page, "count", r.n);
	tpl_put_bool(c->page, "may_write", web_may(c, ACT_DOC_WRITE, 0));
	return web_render(c, "docs", "主动公开");
}

static void fill_input(struct web_ctx *c, struct doc_input *in, struct doc_upload *up)
{
	const struct web_value *file = web_in(c, "attachment");

	memset(in, 0, sizeof *in);
	in->title = web_in(c, "title")->s;
	in->body = web_in(c, "body")->s;
	in->doc_no = web_in(c, "doc_no")->s;
	in->publisher = web_in(c, "publisher")->s;
	in->signed_date = web_in(c, "signed_date")->s;
	in->topic = web_in(c, "topic")->s;
	in->genre = web_in(c, "genre")->s;
	in->disclosure = web_in(c, "disclosure")->s;
	in->withheld_reason = web_in(c, "withheld_reason")->s;
	in->withheld_ground = web_in(c, "withheld_ground")->s;
	in->summary = web_in(c, "summary")->s;
	in->keywords = web_in(c, "keywords")->s;
	if (file->present) {
		up->name = file->file->filename;
		up->data = file->file->value;
		up->size = file->file->len;
		in->uploads = up;
		in->nuploads = 1;
	}
}

static int new_form(struct web_ctx *c)
{
	put_form(c, web_in(c, "topic")->s, web_in(c, "genre")->s);
	return web_render(c, "doc_new", "新建文件");
}

int h_doc_new_form(struct web_ctx *c)
{
	return new_form(c);
}

int h_doc_new(struct web_ctx *c)
{
	struct doc_input in;
	struct doc_upload up;
	struct store *s;
	const char *index_no;
	int64_t id;
	int rc;

	if (c->nerrors)
		return new_form(c);
	fill_input(c, &in, &up);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = catalogue_doc_add(s, c->user->agency_id, &in, c->a, &id, &index_no, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? new_form(c) : rc;
	return web_redirect(c, arena_printf(c->a, "/console/documents/%lld", (long long)id));
}

struct hist {
	struct web_ctx *c;
	struct tpl_val *list;
};

static int add_event(void *ctx, const struct doc_event *ev)
{
	struct hist *h = ctx;
	struct tpl_val *o = tpl_push_obj(h->list);
	struct web_ctx *c = h->c;
	int st = ev->stage ? publish_stage_parse(ev->stage) : -1;

	web_put_time(o, "at", ev->at);
	tpl_put_str(o, "action", dup(c, ev->action));
	tpl_put_str(o, "stage", st >= 0 ? publish_stages[st].label : NULL);
	tpl_put_str(o, "decision", ev->decision ? (strcmp(ev->decision, "approve") == 0 ? "通过" : "退回")
						: NULL);
	tpl_put_str(o, "comment", dup(c, ev->comment));
	tpl_put_bool(o, "secrecy", ev->secrecy_checked);
	tpl_put_str(o, "actor", dup(c, ev->actor));
	tpl_put_int(o, "round", ev->round);
	return 0;
}

static int doc_page(struct web_ctx *c)
{
	struct hist h = { c, tpl_put_list(c->page, "history") };
	struct doc d;
	struct store *s;
	enum doc_state st;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = load_scoped(c, s, &d);
	if (rc == 0) {
		put_doc(c, s, &d, arena_printf(c->a, "/console/documents/%lld", (long long)d.id));
		rc = publish_history(s, d.id, add_event, &h, &c->err);
	}
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	st = doc_state_of(&d);
	for (int i = 0; i < STAGE__MAX; i++)
		if (publish_stages[i].awaiting == st) {
			struct tpl_val *o = tpl_put_obj(c->page, "review");
			tpl_put_str(o, "stage", publish_stages[i].id);
			tpl_put_str(o, "label", publish_stages[i].label);
			tpl_put_bool(o, "secrecy", publish_stages[i].secrecy_required);
		}
	{
		int write = web_may(c, ACT_DOC_WRITE, d.agency_id);
		int publish = web_may(c, ACT_DOC_PUBLISH, d.agency_id);

		tpl_put_bool(c->page, "can_edit", write && st == DOC_DRAFT);
		tpl_put_bool(c->page, "can_submit", write && st == DOC_DRAFT);
		tpl_put_bool(c->page, "can_publish", publish && st == DOC_APPROVED);
		tpl_put_bool(c->page, "can_withdraw", publish && st == DOC_PUBLISHED);
		tpl_put_bool(c->page, "may_act", write || publish ||
					       web_may(c, ACT_DOC_REVIEW, d.agency_id));
	}
	put_form(c, d.topic, d.genre);
	tpl_put_int(c->page, "doc_id", d.id);
	return web_render(c, "doc_console", d.title);
}

int h_doc_console(struct web_ctx *c)
{
	return doc_page(c);
}

/* Staff download the attachments of any document of the organs they see, in any state;
 * never stored by a cache, as every console page. */
int h_doc_console_attachment(struct web_ctx *c)
{
	return send_attachment(c, load_scoped, "no-store");
}

/* One publishing step inside a write transaction on a document the user sees. */
static int doc_act(struct web_ctx *c, int (*fn)(struct web_ctx *, struct store *, const struct doc *))
{
	struct doc d;
	struct store *s;
	int rc;

	if (c->nerrors)
		return doc_page(c);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = load_scoped(c, s, &d);
	if (rc == 0)
		rc = fn(c, s, &d);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? doc_page(c) : rc;
	return web_redirect(c, arena_printf(c->a, "/console/documents/%lld", (long long)d.id));
}

static int do_edit(struct web_ctx *c, struct store *s, const struct doc *d)
{
	struct doc_input in;
	struct doc_upload up;

	fill_input(c, &in, &up);
	return catalogue_doc_edit(s, d->id, &in, &c->err);
}

static int do_submit(struct web_ctx *c, struct store *s, const struct doc *d)
{
	return publish_submit(s, d->id, c->user->name, &c->err);
}

static int do_review(struct web_ctx *c, struct store *s, const struct doc *d)
{
	struct review_request rq = { 0 };
	int st = publish_stage_parse(web_str(c, "stage"));

	if (st < 0)
		return err_set(&c->err, ERR_INVALID, "stage", "未知的审核环节");
	rq.stage = (enum review_stage)st;
	rq.reviewer = c->user->name;
	rq.role = c->user->role;
	rq.approve = strcmp(web_str(c, "decision"), "approve") == 0;
	rq.comment = web_in(c, "comment")->s;
	rq.secrecy_checked = web_in(c, "secrecy")->present;
	return publish_review(s, d->id, &rq, &c->err);
}

static int do_publish(struct web_ctx *c, struct store *s, const struct doc *d)
{
	const struct web_value *at = web_in(c, "at");

	return publish_publish(s, d->id, c->user->name, at->present ? at->day : 0, &c->err);
}

static int do_withdraw(struct web_ctx *c, struct store *s, const struct doc *d)
{
	return publish_withdraw(s, d->id, c->user->name, web_str(c, "reason"), &c->err);
}

int h_doc_edit(struct web_ctx *c) { return doc_act(c, do_edit); }
int h_doc_submit(struct web_ctx *c) { return doc_act(c, do_submit); }
int h_doc_review(struct web_ctx *c) { return doc_act(c, do_review); }
int h_doc_publish(struct web_ctx *c) { return doc_act(c, do_publish); }
int h_doc_withdraw(struct web_ctx *c) { return doc_act(c, do_withdraw); }

/*
 * catalogue_search.c — full-text search of the catalogue: counting, facets, order, pages,
 * highlighted titles and passages, and a suggestion when nothing is found (see catalogue.h,
 * "search", and docs/search.md).
 *
 * The store hands over the matches newest first with the fields they are counted by; this
 * file reads at most SEARCH_COUNT_LIMIT + 1 of them (the work is bounded however common the
 * term), ranks the newest and the title matches, and makes the page: only the documents shown
 * are read in full, and their passages found by search/snippet.h — the same token rule the
 * index applies. Nothing here depends on the backend.
 * May call base/, text/, search/, store/.
 */
#include "domain/catalogue.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "search/query.h"
#include "search/snippet.h"
#include "store/agency_store.h"

#define SNIPPET_CHARS 110        /* length of a passage shown under a result */
#define VALUES_MAX 64            /* distinct topics or genres tallied (more go to the last) */

enum { V_TOPIC, V_GENRE, V_VALIDITY, V__MAX };

struct row {
	int64_t key, agency_id;
	double score;
	int year;
	unsigned char v[V__MAX];     /* interned topic (level 1), genre, validity */
	unsigned char scored, title;
};

struct rows {
	struct row *r;
	size_t n, cap;
	/* distinct values of the interned fields */
	const char *vals[V__MAX][VALUES_MAX];
	int nvals[V__MAX];
	short of_code[V__MAX][SEARCH_ROW_CODES];  /* a row's code → its value's index + 1, or 0 */
	struct arena *a;
};

static unsigned char intern(struct rows *rs, int field, const char *s, size_t len)
{
	int i;

	for (i = 0; i < rs->nvals[field]; i++)
		if (strlen(rs->vals[field][i]) == len && memcmp(rs->vals[field][i], s, len) == 0)
			return (unsigned char)i;
	if (i == VALUES_MAX)
		return VALUES_MAX - 1;
	rs->vals[field][i] = arena_strndup(rs->a, s, len);
	rs->nvals[field]++;
	return (unsigned char)i;
}

/* The index of field's value in rs for a row's string s (a topic is counted by its first
 * level), looked up by the row's code once the code has been seen. */
static unsigned char value_of(struct rows *rs, int field, unsigned code, const char *s)
{
	const char *cut;
	unsigned char i;

	if (code < SEARCH_ROW_CODES && rs->of_code[field][code])
		return (unsigned char)(rs->of_code[field][code] - 1);
	s = s ? s : "";
	cut = field == V_TOPIC ? strchr(s, '\\') : NULL;
	i = intern(rs, field, s, cut ? (size_t)(cut - s) : strlen(s));
	if (code < SEARCH_ROW_CODES)
		rs->of_code[field][code] = (short)(i + 1);
	return i;
}

static int add_row(void *ctx, const struct search_row *sr)
{
	struct rows *rs = ctx;
	struct row *r;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 256;
		rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
	}
	r = &rs->r[rs->n++];
	memset(r, 0, sizeof *r);
	r->key = sr->key;
	r->agency_id = sr->agency_id;
	r->year = sr->year;
	r->scored = (unsigned char)sr->scored;
	r->score = sr->score;
	r->v[V_TOPIC] = value_of(rs, V_TOPIC, sr->code[0], sr->topic);
	r->v[V_GENRE] = value_of(rs, V_GENRE, sr->code[1], sr->genre);
	r->v[V_VALIDITY] = value_of(rs, V_VALIDITY, sr->code[2], sr->validity);
	return 0;
}

/* Up to max matches of t under f (title_only: title matches), newest first, into rs: the
 * store hands over no more (search_spec.max). */
static int collect(struct store *s, const struct search_terms *t, const struct doc_filter *f,
		   int title_only, size_t max, struct rows *rs, struct gk_error *e)
{
	struct search_spec q = { .terms = t, .title_only = title_only, .nscore = SEARCH_RANKED,
				 .max = (int64_t)max, .f = f };

	return doc_store(s)->search(s, &q, add_row, rs, e);
}

static void rows_free(struct rows *rs)
{
	free(rs->r);
	rs->r = NULL;
	rs->n = rs->cap = 0;
}

/* ---------------------------------------------------------------- total and facets */

/* The total: exact up to the limit, else the count scaled by the share of the documents
 * searched that the counted rows cover (two significant digits). */
static int total_of(struct store *s, const struct doc_filter *f, const struct rows *rs,
		    int64_t *total, int *exact, struct gk_error *e)
{
	int64_t all = 0, newer = 0, est, unit = 1;
	int rc;

	*exact = rs->n <= SEARCH_COUNT_LIMIT;
	*total = (int64_t)rs->n;
	if (*exact)
		return 0;
	if ((rc = doc_store(s)->search_scope(s, f, rs->r[SEARCH_COUNT_LIMIT - 1].key, &all, &newer,
					     e)) != 0)
		return rc;
	est = newer > 0 ? (int64_t)((double)SEARCH_COUNT_LIMIT * (double)all / (double)newer)
			: SEARCH_COUNT_LIMIT + 1;
	while (est / unit >= 100)
		unit *= 10;
	est = est / unit * unit;
	*total = est > SEARCH_COUNT_LIMIT ? est : SEARCH_COUNT_LIMIT + 1;
	return 0;
}

static int cmp_count(const void *x, const void *y)
{
	const struct search_count *a = x, *b = y;
	return a->n != b->n ? (a->n < b->n ? 1 : -1) : strcmp(a->value, b->value);
}

static int cmp_year_desc(const void *x, const void *y)
{
	const struct search_count *a = x, *b = y;
	return strcmp(b->value, a->value);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

/* How many rows each organ has: a table of organ ids with linear probing (a search's organs
 * are few; sorting 10,000 ids to count them took a tenth of a common word's search). */
struct organ_tally {
	int64_t id, n;             /* n 0: a free slot */
};

static size_t tally_slot(const struct organ_tally *t, size_t cap, int64_t id)
{
	size_t h = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull >> 32) & (cap - 1);

	while (t[h].n && t[h].id != id)
		h = (h + 1) & (cap - 1);
	return h;
}

/* The organs of the first counted rows of rs with their counts, *n of them, in a table of
 * *cap slots (a free slot has n 0). */
static struct organ_tally *tally_organs(const struct rows *rs, size_t counted, size_t *n,
					size_t *cap)
{
	size_t used = 0;
	struct organ_tally *t;

	*cap = 64;
	t = xcalloc(*cap, sizeof *t);
	for (size_t i = 0; i < counted; i++) {
		size_t h = tally_slot(t, *cap, rs->r[i].agency_id);
		if (t[h].n == 0) {
			if (2 * (used + 1) > *cap) {  /* grow to keep it at most half full */
				struct organ_tally *old = t;
				size_t ocap = *cap;
				*cap *= 2;
				t = xcalloc(*cap, sizeof *t);
				for (size_t k = 0; k < ocap; k++)
					if (old[k].n)
						t[tally_slot(t, *cap, old[k].id)] = old[k];
				free(old);
				h = tally_slot(t, *cap, rs->r[i].agency_id);
			}
			t[h].id = rs->r[i].agency_id;
			used++;
		}
		t[h].n++;
	}
	*n = used;
	return t;
}

/* Counts per value of each facet over the counted rows (scaled to total when estimated). */
static void facets(struct store *s, const struct rows *rs, size_t counted, int64_t total,
		   struct arena *a, struct search_result *out)
{
	double scale = counted && (int64_t)counted != total ? (double)total / (double)counted : 1;
	int64_t years[2200] = { 0 };
	int64_t per[V__MAX][VALUES_MAX] = { { 0 } };
	struct organ_tally *organs;
	struct search_count *c;
	size_t n, norgans, i, cap;

	for (i = 0; i < counted; i++) {
		const struct row *r = &rs->r[i];
		if (r->year > 0 && r->year < 2200)
			years[r->year]++;
		for (int v = 0; v < V__MAX; v++)
			per[v][r->v[v]]++;
	}
	/* organs */
	organs = tally_organs(rs, counted, &norgans, &cap);
	c = arena_alloc(a, (norgans + 1) * sizeof *c);
	for (i = 0, n = 0; i < cap; i++) {
		struct agency_rec ag;
		struct gk_error ignore;
		if (organs[i].n == 0)
			continue;
		c[n].value = arena_printf(a, "%" PRId64, organs[i].id);
		c[n].label = agency_store(s)->get(s, organs[i].id, a, &ag, &ignore) == 0
				     ? ag.name : c[n].value;
		c[n].n = organs[i].n;
		n++;
	}
	qsort(c, n, sizeof *c, cmp_count);
	out->facets[FACET_AGENCY] = c;
	out->nfacets[FACET_AGENCY] = n;
	free(organs);
	/* years */
	c = arena_alloc(a, 2200 * sizeof *c);
	for (n = 0, i = 0; i < 2200; i++)
		if (years[i]) {
			c[n].value = c[n].label = arena_printf(a, "%zu", i);
			c[n].n = years[i];
			n++;
		}
	qsort(c, n, sizeof *c, cmp_year_desc);
	out->facets[FACET_YEAR] = c;
	out->nfacets[FACET_YEAR] = n;
	/* topic, genre, validity */
	static const enum search_facet fac[V__MAX] = { FACET_TOPIC, FACET_GENRE, FACET_VALIDITY };
	for (int v = 0; v < V__MAX; v++) {
		c = arena_alloc(a, (VALUES_MAX + 1) * sizeof *c);
		for (n = 0, i = 0; i < (size_t)rs->nvals[v]; i++) {
			if (per[v][i] == 0)
				continue;
			c[n].value = rs->vals[v][i];
			c[n].label = rs->vals[v][i];
			if (v == V_TOPIC && !*c[n].label)
				c[n].label = "未分类";
			if (v == V_VALIDITY)
				c[n].label = doc_label(doc_validity_ids, doc_validity_labels,
						       VALIDITY__MAX, c[n].value);
			c[n].n = per[v][i];
			n++;
		}
		qsort(c, n, sizeof *c, cmp_count);
		out->facets[fac[v]] = c;
		out->nfacets[fac[v]] = n;
	}
	if (scale != 1)  /* estimated: the shares of the counted rows, applied to the total */
		for (int fct = 0; fct < FACET__MAX; fct++)
			for (i = 0; i < out->nfacets[fct]; i++)
				out->facets[fct][i].n = (int64_t)(out->facets[fct][i].n * scale + 0.5);
}

/* ---------------------------------------------------------------- order */

static int cmp_score(const void *x, const void *y)
{
	const struct row *a = *(const struct row *const *)x, *b = *(const struct row *const *)y;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return a->key < b->key ? 1 : a->key > b->key ? -1 : 0;
}

static int in_set(const int64_t *sorted, size_t n, int64_t id)
{
	return bsearch(&id, sorted, n, sizeof id, cmp_i64) != NULL;
}

/* The order of results: pointers into main and titles, *n of them. */
static const struct row **order(const struct rows *main, size_t counted, struct rows *titles,
				enum search_sort sort, size_t *n)
{
	const struct row **o = xmalloc((counted + titles->n + 1) * sizeof *o);
	int64_t *tid = xmalloc((titles->n + 1) * sizeof *tid);
	size_t k = 0, i, ranked;

	if (sort == SEARCH_BY_DATE) {
		for (i = 0; i < counted; i++)
			o[k++] = &main->r[i];
		free(tid);
		*n = k;
		return o;
	}
	/* the title matches by score, then the newest others by score, then the rest by date */
	for (i = 0; i < titles->n; i++) {
		titles->r[i].title = 1;
		tid[i] = titles->r[i].key;
		o[k++] = &titles->r[i];
	}
	qsort(o, k, sizeof *o, cmp_score);
	qsort(tid, titles->n, sizeof *tid, cmp_i64);
	ranked = k;
	for (i = 0; i < counted; i++) {
		if (i == SEARCH_RANKED)
			qsort(o + ranked, k - ranked, sizeof *o, cmp_score);
		if (!in_set(tid, titles->n, main->r[i].key))
			o[k++] = &main->r[i];
	}
	if (counted <= SEARCH_RANKED)
		qsort(o + ranked, k - ranked, sizeof *o, cmp_score);
	free(tid);
	*n = k;
	return o;
}

/* ---------------------------------------------------------------- the page */

static const char *marked(struct arena *a, const char *text, const struct search_terms *t,
			  size_t window, size_t *at)
{
	struct buf b;
	const char *r = NULL;

	buf_init(&b, 64 * 1024);
	if (search_snippet(text, strlen(text), t, window, &b, at) == 0)
		r = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

/* The page in which the byte at of a text with form feeds between pages lies (1-based). */
static int page_of(const char *text, size_t at)
{
	int page = 1;
	for (size_t i = 0; i < at && text[i]; i++)
		page += text[i] == '\f';
	return page;
}

static int fill_hit(struct store *s, const struct row *r, const struct search_terms *t,
		    struct arena *a, struct search_hit *h, struct gk_error *e)
{
	struct doc d;
	struct doc_attachment *att;
	size_t natt, at;
	int64_t doc_id;
	int rc;

	if ((rc = doc_store(s)->search_doc_of(s, r->key, &doc_id, e)) != 0 ||
	    (rc = doc_store(s)->get(s, doc_id, a, &d, e)) != 0)
		return rc;
	memset(h, 0, sizeof *h);
	h->id = d.id;
	h->index_no = d.index_no;
	h->agency = d.agency;
	h->state = d.state;
	h->published_date = doc_state_of(&d) == DOC_PUBLISHED ? d.published_date : NULL;
	h->in_title = r->title;
	h->title = marked(a, d.title, t, 0, NULL);
	h->doc_no = d.doc_no ? marked(a, d.doc_no, t, 0, NULL) : NULL;
	/* the passage: from the summary and body, else from the first attachment that matches */
	h->snippet = marked(a, d.body, t, SNIPPET_CHARS, &at);
	if (at < strlen(d.body) || r->title)
		return 0;
	if ((rc = doc_store(s)->attachments(s, d.id, 1, a, &att, &natt, e)) != 0)
		return rc;
	for (size_t i = 0; i < natt; i++) {
		const char *p;
		if (att[i].text == NULL)
			continue;
		p = marked(a, att[i].text, t, SNIPPET_CHARS, &at);
		if (at < strlen(att[i].text)) {
			h->snippet = p;
			h->attachment = att[i].name;
			h->page = strcmp(att[i].mime, "application/pdf") == 0 ? page_of(att[i].text, at)
									    : 0;
			break;
		}
	}
	return 0;
}

/* Nothing found for t: the query without the term whose removal finds most. */
static int suggest(struct store *s, const struct search_terms *t, const struct doc_filter *f,
		   struct arena *a, struct search_result *out, struct gk_error *e)
{
	struct rows rs = { .a = a };
	int best = -1, rc = 0;
	size_t best_n = 0;

	for (int i = 0; i < t->n && rc == 0; i++) {
		struct search_terms w;
		search_terms_without(t, i, &w);
		rs.n = 0;
		memset(rs.of_code, 0, sizeof rs.of_code);
		if ((rc = collect(s, &w, f, 0, SEARCH_SUGGEST_LIMIT, &rs, e)) == 0 && rs.n > best_n) {
			best = i;
			best_n = rs.n;
		}
	}
	rows_free(&rs);
	if (rc == 0 && best >= 0) {
		struct search_terms w;
		struct buf b;
		search_terms_without(t, best, &w);
		buf_init(&b, 4 * QUERY_MAX_BYTES);
		for (int i = 0; i < w.n; i++) {
			int spaced = memchr(w.term[i], ' ', w.len[i]) != NULL;
			if ((i && buf_putc(&b, ' ')) || (spaced && buf_putc(&b, '"')) ||
			    buf_append(&b, w.term[i], w.len[i]) || (spaced && buf_putc(&b, '"')))
				break;
		}
		out->suggestion = arena_strdup(a, buf_cstr(&b));
		out->suggestion_total = (int64_t)best_n;
		buf_free(&b);
	}
	return rc;
}

int catalogue_search(struct store *s, const char *query, const struct doc_filter *f,
		     enum search_sort sort, struct arena *a, struct search_result *out,
		     struct gk_error *e)
{
	struct search_terms t;
	struct rows main = { .a = a }, titles = { .a = a };
	const struct row **o = NULL;
	size_t counted, n = 0, limit = f->limit > 0 ? (size_t)f->limit : 20;
	size_t offset = f->offset > 0 ? (size_t)f->offset : 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = search_query_parse(query, &t, e)) != 0)
		return rc;
	if ((rc = collect(s, &t, f, 0, SEARCH_COUNT_LIMIT + 1, &main, e)) != 0 ||
	    (rc = total_of(s, f, &main, &out->total, &out->exact, e)) != 0)
		goto out;
	counted = main.n < SEARCH_COUNT_LIMIT ? main.n : SEARCH_COUNT_LIMIT;
	facets(s, &main, counted, out->total, a, out);
	if (sort == SEARCH_BY_RELEVANCE && counted &&
	    (rc = collect(s, &t, f, 1, SEARCH_RANKED, &titles, e)) != 0)
		goto out;
	o = order(&main, counted, &titles, sort, &n);
	out->hits = arena_alloc(a, (limit + 1) * sizeof *out->hits);
	for (size_t i = offset; i < n && out->nhits < limit; i++)
		if ((rc = fill_hit(s, o[i], &t, a, &out->hits[out->nhits++], e)) != 0)
			goto out;
	out->more = offset + limit < n;
	if (out->total == 0 && t.n > 1)
		rc = suggest(s, &t, f, a, out, e);
out:
	free(o);
	rows_free(&main);
	rows_free(&titles);
	return rc;
}

int catalogue_search_warm(struct store *s, int64_t budget, search_warm_fn fn, void *ctx,
			  int64_t *done, int *whole, struct gk_error *e)
{
	return doc_store(s)->search_warm(s, budget, fn, ctx, done, whole, e);
}

int catalogue_search_ready(struct store *s, struct gk_error *e)
{
	return doc_store(s)->search_ready(s, e);
}

/*
 * check.c — read, extract and judge a published annual report (see check.h).
 */
#include "check/check.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "check/reader.h"

/* Keep finding f of the report rules? Drop judgements the capture cannot support. */
static int keep(const struct chk_result *res, const struct finding *f)
{
	const struct report_format *fmt = res->rep.cells.fmt;

	if (res->format == CHK_FMT_UNKNOWN && strcmp(f->rule, "FMT-01") == 0)
		return 0;
	if (strcmp(f->rule, "T3-09") == 0 && f->ncells > 0) {
		const struct fmt_cell *c = fmt_cell(fmt, f->cells[0]);
		int pos = c ? c->row : -1, before = 0, after = 0;
		if (pos < 0)
			return 1;
		for (int r = 0; r < pos; r++)
			before |= res->rows_seen[r];
		for (int r = pos + 1; r < fmt->t3_nrows; r++)
			after |= res->rows_seen[r];
		if (res->rows_seen[pos])
			return res->complete;  /* seen but cells missing: the capture dropped them */
		/* never seen: a gap inside what was read is an omission; an edge is truncation */
		return res->complete || (before && after);
	}
	return 1;
}

static void append(struct findings *out, const struct finding *f)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n++] = *f;
}

/* Keep only what the outputs use (callers may hold many reports at once). */
static void shrink(struct chk_report *r)
{
	findings_free(&r->res.notes);  /* copied into r->findings */
	if (r->findings.n && r->findings.n < r->findings.cap) {
		r->findings.v = xrealloc(r->findings.v, r->findings.n * sizeof *r->findings.v);
		r->findings.cap = r->findings.n;
	}
}

static void judge(struct chk_report *r, const struct chk_options *o)
{
	struct rule_options ro = { .strict = o ? o->strict : 0 };
	struct findings all;

	findings_init(&all);
	for (size_t i = 0; i < r->res.notes.n; i++)
		append(&r->findings, &r->res.notes.v[i]);
	if (r->res.format == CHK_FMT_LEGACY) {
		shrink(r);
		return;
	}
	rules_check(&r->res.rep, &ro, &all);
	for (size_t i = 0; i < all.n; i++)
		if (keep(&r->res, &all.v[i]))
			append(&r->findings, &all.v[i]);
	/* --strict: the unconfirmed blanks noted by extraction are errors too */
	if (ro.strict)
		for (size_t i = 0; i < r->findings.n; i++)
			if (strcmp(r->findings.v[i].rule, "CAP-08") == 0)
				r->findings.v[i].sev = SEV_ERROR;
	findings_free(&all);
	shrink(r);
}

static int check_doc(struct chk_doc *d, int rc, const struct chk_options *o, struct chk_report *out)
{
	if (rc == 0 && (rc = chk_extract(d, &out->res, &out->err)) == 0) {
		out->ok = 1;
		judge(out, o);
	}
	chk_doc_free(d);
	return rc;
}

int chk_check_file(const char *path, const struct chk_options *o, struct chk_report *out)
{
	struct chk_doc d;
	int rc;

	memset(out, 0, sizeof *out);
	findings_init(&out->findings);
	out->file = xstrdup(path);
	rc = chk_read_file(path, &d, &out->err);
	return check_doc(&d, rc, o, out);
}

int chk_check_mem(const char *s, size_t len, const char *name, const struct chk_options *o,
		  struct chk_report *out)
{
	struct chk_doc d;
	int rc;

	memset(out, 0, sizeof *out);
	findings_init(&out->findings);
	out->file = xstrdup(name ? name : "-");
	rc = chk_read(s, len, name, &d, &out->err);
	return check_doc(&d, rc, o, out);
}

void chk_report_free(struct chk_report *r)
{
	if (!r)
		return;
	free(r->file);
	chk_result_free(&r->res);
	findings_free(&r->findings);
	memset(r, 0, sizeof *r);
}

size_t chk_count(const struct chk_report *r, enum severity s)
{
	return findings_count(&r->findings, s);
}

struct chk_key chk_report_key(const struct chk_report *r)
{
	struct chk_key k = { NULL, 0 };
	if (r->ok && r->res.rep.agency && r->res.rep.year && r->res.format != CHK_FMT_LEGACY)
		k.agency = r->res.rep.agency, k.year = r->res.rep.year;
	return k;
}

static const struct chk_key *cross_base;

/* Order by organ, then year, then position (qsort is not stable). */
static int cross_cmp(const void *a, const void *b)
{
	const struct chk_key *x = &cross_base[*(const size_t *)a];
	const struct chk_key *y = &cross_base[*(const size_t *)b];
	int c = strcmp(x->agency, y->agency);

	if (c)
		return c;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t chk_cross_pairs(const struct chk_key *keys, size_t n, size_t (**pairs)[2])
{
	size_t *idx = xcalloc(n ? n : 1, sizeof *idx), m = 0, np = 0;
	size_t (*out)[2] = xcalloc(n ? n : 1, sizeof *out);

	/* sorted by organ and year, each report's predecessor year is found in one pass */
	for (size_t i = 0; i < n; i++)
		if (keys[i].agency && keys[i].year)
			idx[m++] = i;
	cross_base = keys;
	qsort(idx, m, sizeof *idx, cross_cmp);
	for (size_t k = 1, prev_first = 0, group = 0; k < m; k++) {
		const struct chk_key *cur = &keys[idx[k]], *last = &keys[idx[k - 1]];
		/* group: first of cur's (organ, year); prev_first: first of the group before it */
		if (strcmp(last->agency, cur->agency) != 0 || last->year != cur->year) {
			prev_first = group;
			group = k;
		}
		if (group > 0 && strcmp(keys[idx[prev_first]].agency, cur->agency) == 0 &&
		    keys[idx[prev_first]].year == cur->year - 1 && prev_first < group) {
			out[np][0] = idx[prev_first];
			out[np][1] = idx[k];
			np++;
		}
	}
	free(idx);
	*pairs = out;
	return np;
}

void chk_cross_one(const struct annual_report *prev, const struct annual_report *cur,
		   const struct chk_options *o, struct findings *out)
{
	struct rule_options ro = { .strict = o ? o->strict : 0 };
	rules_check_cross(prev, cur, &ro, out);
}

void chk_cross(struct chk_report *reports, size_t n, const struct chk_options *o)
{
	struct chk_key *keys = xcalloc(n ? n : 1, sizeof *keys);
	size_t (*pairs)[2], np;

	for (size_t i = 0; i < n; i++)
		keys[i] = chk_report_key(&reports[i]);
	np = chk_cross_pairs(keys, n, &pairs);
	for (size_t k = 0; k < np; k++)
		chk_cross_one(&reports[pairs[k][0]].res.rep, &reports[pairs[k][1]].res.rep, o,
			      &reports[pairs[k][1]].findings);
	free(pairs);
	free(keys);
}

/*
 * report_ledger.c — what an annual report reads of the ledger for a year, for one organ or a
 * region at once (see report_ledger.h).
 * May call domain/, store/, base/.
 */
#include "domain/report_ledger.h"

#include <string.h>

#include "base/sorted.h"
#include "domain/registers.h"
#include "store/doc_store.h"
#include "store/report_store.h"

static int add_text(void *ctx, const struct report_text_rec *r)
{
	struct ledger_year *y = ctx;
	int section = report_text_section_by_name(r->section);
	struct organ_text *t;

	if (section < 0)
		return 0;   /* a section this version does not write */
	t = ARENA_PUSH(y->a, y->texts, y->ntexts, y->texts_cap, 64);
	t->agency_id = r->agency_id;
	t->section = section;
	t->body = arena_strdup(y->a, r->body);
	return 0;
}

static int add_docs(void *ctx, int64_t agency_id, int64_t n)
{
	struct ledger_year *y = ctx;
	struct organ_docs *d = ARENA_PUSH(y->a, y->docs, y->ndocs, y->docs_cap, 64);

	d->agency_id = agency_id;
	d->n = n;
	return 0;
}

int ledger_year_read(struct store *s, int64_t root_id, int alone, int year, struct arena *a,
		     struct ledger_year *out, struct gk_error *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->year = year;
	out->a = a;
	if (alone) {
		out->apps = arena_alloc(a, sizeof *out->apps);
		out->napps = 1;
		rc = app_organ_year(s, root_id, year, out->apps, e);
	} else {
		rc = app_region_year(s, root_id, year, a, &out->apps, &out->napps, e);
	}
	if (rc == 0)
		rc = registers_report_records(s, root_id, alone, a, &out->recs, &out->nrecs, e);
	if (rc == 0)
		rc = report_store(s)->texts_organs(s, root_id, alone, year, add_text, out, e);
	if (rc == 0)
		rc = doc_store(s)->published_organs(s, root_id, alone, year, add_docs, out, e);
	return rc;
}

void ledger_year_organ(const struct ledger_year *y, int64_t agency_id, struct organ_year *out)
{
	const struct app_organ_year *apps = app_organ_year_find(y->apps, y->napps, agency_id);
	size_t d;

	memset(out, 0, sizeof *out);
	if (apps)
		out->apps = *apps;
	out->apps.agency_id = agency_id;
	registers_of_organ(y->recs, y->nrecs, agency_id, &out->recs, &out->nrecs);
	/* texts and document counts come by organ (the statements' order): a search each */
	for (size_t i = sorted_lower_bound(y->texts, y->ntexts, sizeof *y->texts,
					   offsetof(struct organ_text, agency_id), agency_id);
	     i < y->ntexts && y->texts[i].agency_id == agency_id; i++)
		out->texts[y->texts[i].section] = y->texts[i].body;
	d = sorted_lower_bound(y->docs, y->ndocs, sizeof *y->docs,
			       offsetof(struct organ_docs, agency_id), agency_id);
	if (d < y->ndocs && y->docs[d].agency_id == agency_id)
		out->docs_published = y->docs[d].n;
}

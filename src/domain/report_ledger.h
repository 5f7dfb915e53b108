/*
 * report_ledger.h — what an annual report reads of the ledger for a year: the applications and
 * fees (Table 三, 六), the registers (Tables 二, 四, the narrative's counts), the texts staff
 * wrote and the documents published. Read for one organ, or for an organ and every organ
 * under it at once (a region's report sums 1,000 organs from one statement per kind of record,
 * not from 1,000 × 13), by the same statements, so an organ's report and its share of a
 * region's sum are counted alike by construction.
 * May call domain/, store/, base/.
 */
#ifndef GK_DOMAIN_REPORT_LEDGER_H
#define GK_DOMAIN_REPORT_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/application.h"
#include "domain/register.h"
#include "domain/report_compute.h"
#include "store/store.h"

/* One organ's year, as report_compute_counted takes it. */
struct organ_year {
	struct app_organ_year apps;           /* all zero when it has no application that counts */
	const struct reg_record *recs;        /* its register records (registers_report_records) */
	size_t nrecs;
	const char *texts[RTEXT__MAX];        /* the texts staff saved; NULL: none */
	int64_t docs_published;               /* catalogue documents published in the year */
};

/* A year of organ root_id alone, or of it and every organ under it; each array by organ. */
struct ledger_year {
	int year;
	struct app_organ_year *apps;
	size_t napps;
	struct reg_record *recs;
	size_t nrecs;
	struct organ_text { int64_t agency_id; int section; const char *body; } *texts;
	size_t ntexts, texts_cap;
	struct organ_docs { int64_t agency_id, n; } *docs;
	size_t ndocs, docs_cap;
	struct arena *a;
};

/* Read year of organ root_id alone (alone <> 0) or of it and every organ under it, into a. */
int ledger_year_read(struct store *s, int64_t root_id, int alone, int year, struct arena *a,
		     struct ledger_year *out, struct gk_error *e) GK_WUR;

/* Organ agency_id's part of y (its arrays point into y). */
void ledger_year_organ(const struct ledger_year *y, int64_t agency_id, struct organ_year *out);

#endif

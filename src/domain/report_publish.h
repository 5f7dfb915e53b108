/*
 * report_publish.h — checking, publishing, revising and summing annual reports.
 *
 *   report_check       every rule of spec §6 on a report, plus the cross-year rules against the
 *                      organ's published report of the previous year (T3-05 is an E rule there:
 *                      both reports were produced by gongkai);
 *   report_publish     refuses while any E finding exists; otherwise freezes the report — every
 *                      cell, every section text and every rendering render/ freezes (txt, md,
 *                      html, json, xlsx, docx, pdf, svg: render_kind_frozen) — with the
 *                      SHA-256 of each rendering, who published it and when. A
 *                      published revision is never changed; a correction is a new revision with
 *                      a reason, and every revision stays readable;
 *   report_published   a frozen revision back as a struct annual_report;
 *   report_region      an organ and every organ under it: the sum of their published reports
 *                      (or of their computed drafts), re-checked, with the organs that have not
 *                      published.
 * Functions run inside the caller's transaction (write for publish).
 * May call store/, render/, format/, domain/ (report_compute, agency, audit), text/, base/.
 */
#ifndef GK_DOMAIN_REPORT_PUBLISH_H
#define GK_DOMAIN_REPORT_PUBLISH_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "format/report.h"
#include "format/rules.h"
#include "store/agency_store.h"
#include "store/report_store.h"
#include "store/store.h"

/* Every finding on report r of organ agency_id: rules_check, then rules_check_cross against
 * the latest published revision of r->year - 1 when there is one (produced_here: T3-05 is E).
 * Appends to out. */
int report_check(struct store *s, int64_t agency_id, const struct annual_report *r,
		 struct findings *out, struct gk_error *e) GK_WUR;

/* REQ 条例-49 REQ 条例-50: whether year has ended on day today. The annual report covers the
 * whole year: before then its figures are provisional and it cannot be published. */
int report_year_ended(int year, int today);

/*
 * Publish organ ag's report of year as computed now (report_compute). Refused with ERR_STATE
 * for a year not yet ended (report_year_ended). reason NULL: the first
 * publication (ERR_CONFLICT if the year is already published); else a new revision of a
 * published year (ERR_STATE if it is not published; reason must not be empty). Refused with
 * ERR_STATE while an E finding exists (they are left in *findings). The publication is
 * audit-logged; *out (strings in a) describes it.
 */
int report_publish(struct store *s, const struct agency_rec *ag, int year, const char *reason,
		   struct arena *a, struct findings *findings, struct report_pub_rec *out,
		   struct gk_error *e) GK_WUR;

/* Revision `revision` (0 = latest) of organ agency_id's year as a report (into *out, which must
 * be report_init'd); *rec (may be NULL) gets the publication record. ERR_NOTFOUND if none. */
int report_published(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		     struct annual_report *out, struct report_pub_rec *rec,
		     struct gk_error *e) GK_WUR;

/* The publication record of revision `revision` (0 = the latest) of organ agency_id's year;
 * ERR_NOTFOUND if none. */
int report_pub_get(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		   struct report_pub_rec *out, struct gk_error *e) GK_WUR;

/* A frozen rendering of publication pub_id (kind "txt", "html", …): *body in a, its length
 * and SHA-256 hex; ERR_NOTFOUND if that kind was not frozen. */
int report_pub_rendering(struct store *s, int64_t pub_id, const char *kind, struct arena *a,
			 const char **body, size_t *len, char sha256[65], struct gk_error *e) GK_WUR;

/* Every published revision, of one organ (agency_id != 0) and/or one year (year != 0), by
 * organ, year and revision; stops when fn returns non-zero. */
int report_pub_list(struct store *s, int64_t agency_id, int year, report_pub_fn fn, void *ctx,
		    struct gk_error *e) GK_WUR;

/* Set r->prev to the cells of organ agency_id's latest published revision of r->year - 1,
 * the figures the 图解 compares with; r->prev stays empty when that year is not published. */
int report_attach_prev(struct store *s, int64_t agency_id, struct annual_report *r,
		       struct gk_error *e) GK_WUR;

/* For a region summary r of organ root (report_region, published reports): r->prev = the
 * region's sum of the published reports of r->year - 1, when any organ published that year. */
int report_region_attach_prev(struct store *s, const struct agency_rec *root,
			      struct annual_report *r, struct gk_error *e) GK_WUR;

/* How the latest published revision of r's organ and year compares with r (computed now):
 * *revision = 0 when the year is not published; else its number, *ndiff the number of cells
 * that differ and diff[0 .. min(ndiff, maxdiff)) their indices. */
int report_published_diff(struct store *s, int64_t agency_id, const struct annual_report *r,
			  int *revision, int *ndiff, int *diff, int maxdiff, struct gk_error *e) GK_WUR;

/* The cells as frozen ("cell_id value\n" in format order, money in 分) and back. */
int report_cells_serialise(const struct report_cells *c, struct buf *out) GK_WUR;
int report_cells_parse(const char *text, struct report_cells *c, struct gk_error *e) GK_WUR;

/* One organ of a region summary: its report of the year and what the rules say of it. */
struct region_organ {
	int64_t id, parent_id;
	const char *name;             /* (in a) */
	int revision;                 /* latest published revision of the year; 0 = not published */
	const char *published_at;     /* of that revision (in a); NULL when not published */
	int summed;                   /* its report is in the sum */
	/* Table 三 总计 of its report — the one summed, or for an organ left out (not published)
	 * its report computed now: 一 received, （七） handled, 四 carried out. */
	int64_t received, handled, carried_out;
	size_t errors, warnings;      /* report_check findings on that report */
};

/* A region summary (汇总). */
struct region_summary {
	size_t organs;                /* the organ and every organ under it */
	size_t included;              /* reports summed */
	const char **missing;         /* names of organs with no published report (in a) */
	size_t nmissing;
	struct region_organ *each;    /* every organ counted in organs, by id (in a) */
};

/*
 * Sum the reports of `year` of organ root and of every organ under it (parent_id, any depth)
 * into *out (report_init'd): their latest published revisions, or with drafts = 1 their reports
 * computed now. The sum's agency is root's name; its 一 lists what was summed and which organs
 * have not published, 五 and 六 are "无". Rules are re-checked by the caller (rules_check).
 * sum->each describes every organ (its status, Table 三 totals and findings count).
 */
int report_region(struct store *s, const struct agency_rec *root, int year, int drafts,
		  struct arena *a, struct annual_report *out, struct region_summary *sum,
		  struct gk_error *e) GK_WUR;

#endif

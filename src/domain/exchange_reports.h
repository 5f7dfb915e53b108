/*
 * exchange_reports.h — the published annual reports of an organ in its ledger export
 * ("report_publications"): every revision, in the order of years and revisions, with its
 * frozen cells, section texts and renderings, checked on import before anything is stored.
 * May call store/, render/, format/, text/, base/, domain/.
 */
#ifndef GK_DOMAIN_EXCHANGE_REPORTS_H
#define GK_DOMAIN_EXCHANGE_REPORTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/report_store.h"
#include "store/store.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

/* A frozen rendering of a revision as the file carries it. */
struct xrendering {
	const char *kind;        /* "json", "txt", … (render_kind_name) */
	const char *sha256;
	char *data;              /* decoded, len bytes */
	size_t len;
};

/* A revision read from the file and checked. */
struct xpub {
	struct report_pub_rec rec;           /* agency_id and id unset */
	struct report_pub_section *secs;
	size_t nsecs;
	struct xrendering *rends;
	size_t nrends;
};

/* Write the key "report_publications" and the organ's revisions. */
int exchange_export_reports(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			    struct gk_error *e) GK_WUR;
/* Read and check the file's revisions (none when the key is absent: files of earlier
 * versions do not carry them). */
int exchange_read_reports(const struct jv *root, struct arena *a, struct xpub **out, size_t *n,
			  struct gk_error *e) GK_WUR;
/* Store them for organ agency_id (in the caller's write transaction), each with its audit
 * entry; ERR_CONFLICT (named by its place in the file) when the organ already has it. */
int exchange_store_reports(struct store *s, int64_t agency_id, const struct xpub *v, size_t n,
			   struct gk_error *e) GK_WUR;

#endif

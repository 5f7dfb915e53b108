/*
 * report_store.h — persistence of the annual report: the narrative texts staff write (per
 * organ, year and section) and the published revisions, each frozen with its cells, its
 * section texts and every rendered format (tables report_text, report_publication,
 * report_pub_section, report_artifact). Published rows are never updated or deleted: the
 * SQLite schema refuses it with triggers, and this interface offers no way to.
 * Domain rules: domain/report_publish.h. Strings of records filled by get-like operations are
 * allocated in the caller's arena; records passed to a callback are valid during the call.
 * Depends on store/store.h.
 */
#ifndef GK_STORE_REPORT_STORE_H
#define GK_STORE_REPORT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* One published revision of one organ's report for one year. */
struct report_pub_rec {
	int64_t id;
	int64_t agency_id;
	int year;
	int revision;              /* 1, 2, … */
	const char *format;        /* "2021" / "2019" */
	const char *reason;        /* why this revision (NULL for revision 1) */
	const char *cells;         /* "cell_id value\n" for every cell, in format order */
	const char *sha256;        /* SHA-256 hex of the frozen JSON rendering */
	const char *published_at;  /* YYYY-MM-DDTHH:MM:SSZ */
	const char *published_by;
};

/* A section text of a revision (section ids of format/format.h: "overview" …). */
struct report_pub_section {
	const char *section;
	const char *body;
};

typedef int (*report_pub_fn)(void *ctx, const struct report_pub_rec *r);

/* One stored section text (table report_text). */
struct report_text_rec {
	int64_t agency_id;     /* texts_organs only */
	int year;
	const char *section;
	const char *body;
	const char *updated_at;
	const char *updated_by;
};

typedef int (*report_text_fn)(void *ctx, const struct report_text_rec *r);

struct report_store_ops {
	/* The stored text of a section, or *body = NULL when none is stored. */
	int (*text_get)(struct store *s, int64_t agency_id, int year, const char *section,
			struct arena *a, const char **body, struct gk_error *e);
	/* Insert or replace the text of a section, with who and when. */
	int (*text_put)(struct store *s, int64_t agency_id, int year, const char *section,
			const char *body, const char *at, const char *by, struct gk_error *e);
	/* Every stored text of an organ, by year and section; stops when fn returns non-zero. */
	int (*text_list)(struct store *s, int64_t agency_id, report_text_fn fn, void *ctx,
			 struct gk_error *e);
	/* The texts of year of organ root_id alone (alone <> 0), or of it and every organ under it
	 * (a region: one statement), each with its organ (no updated_at/by), by organ. */
	int (*texts_organs)(struct store *s, int64_t root_id, int alone, int year, report_text_fn fn,
			    void *ctx, struct gk_error *e);
	/* Insert a revision (id ignored; *id gets it). ERR_CONFLICT when (organ, year, revision)
	 * exists. */
	int (*pub_insert)(struct store *s, const struct report_pub_rec *r, int64_t *id,
			  struct gk_error *e);
	int (*pub_section_insert)(struct store *s, int64_t pub_id, const char *section,
				  const char *body, struct gk_error *e);
	/* A frozen rendering (kind "txt", "json", …; body may be binary). */
	int (*artifact_insert)(struct store *s, int64_t pub_id, const char *kind, const void *body,
			       size_t len, const char *sha256, struct gk_error *e);
	/* Revision `revision` (0 = the latest) of an organ's year; ERR_NOTFOUND if none. */
	int (*pub_get)(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		       struct report_pub_rec *out, struct gk_error *e);
	/* The section texts of a revision, as an array in a. */
	int (*pub_sections)(struct store *s, int64_t pub_id, struct arena *a,
			    struct report_pub_section **out, size_t *n, struct gk_error *e);
	/* A frozen rendering: *body (in a, NUL-terminated after len bytes) and its SHA-256 hex
	 * (65 bytes); ERR_NOTFOUND if that kind was not frozen. */
	int (*artifact_get)(struct store *s, int64_t pub_id, const char *kind, struct arena *a,
			    const char **body, size_t *len, char sha256[65], struct gk_error *e);
	/* The latest revision of year of organ root_id alone (alone <> 0), or of it and of each
	 * organ under it that published one (a region: one statement), by organ; fn's record is
	 * good during the call only. */
	int (*pubs_organs)(struct store *s, int64_t root_id, int alone, int year, report_pub_fn fn,
			   void *ctx, struct gk_error *e);
	/* Every revision, of one organ (agency_id != 0) and/or one year (year != 0), ordered by
	 * organ, year, revision; stops when fn returns non-zero. */
	int (*pub_list)(struct store *s, int64_t agency_id, int year, report_pub_fn fn, void *ctx,
			struct gk_error *e);
};

/* The one implementation, store/report_store.c (written against store/db.h). */
extern const struct report_store_ops store_report_ops;

static inline const struct report_store_ops *report_store(struct store *s)
{
	(void)s;
	return &store_report_ops;
}

#endif

/*
 * report_store.c — the annual report's texts and published revisions (implements
 * store/report_store.h; tables of migration "annual_report" in store/migrations.c).
 */
#include <stdio.h>

#include "store/report_store.h"
#include "store/records.h"
#include "store/db.h"

static int text_get(struct store *s, int64_t agency_id, int year, const char *section,
		    struct arena *a, const char **body, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	*body = NULL;
	if ((rc = db_stmt(s, ST_REPORT_TEXT_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	db_bind_int(st, 2, year);
	db_bind_text(st, 3, section);
	if ((rc = db_next(s, st, &row, "reading a report text", e)) != 0)
		return rc;
	if (row) {
		*body = db_col_dup(st, 0, a);
		db_reset(st);
	}
	return 0;
}

struct text_each {
	report_text_fn fn;
	void *ctx;
};

static int text_row(void *p, struct db_stmt *st)
{
	struct text_each *c = p;
	struct report_text_rec r = {
		.year = (int)db_col_int(st, 0),
	};

	db_read_record(st, 1, &report_text_desc, &r, NULL);
	return c->fn(c->ctx, &r);
}

static int text_list(struct store *s, int64_t agency_id, report_text_fn fn, void *ctx, struct gk_error *e)
{
	struct text_each c = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_TEXT_LIST, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	return db_each(s, st, "listing report texts", text_row, &c, e);
}

static int organ_text_row(void *p, struct db_stmt *st)
{
	struct text_each *c = p;
	struct report_text_rec r = {
		.agency_id = db_col_int(st, 0), .section = db_col_text(st, 1),
		.body = db_col_text(st, 2),
	};
	return c->fn(c->ctx, &r);
}

static int texts_organs(struct store *s, int64_t root_id, int alone, int year, report_text_fn fn,
			void *ctx, struct gk_error *e)
{
	struct text_each c = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_ORGANS_TEXTS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, root_id);
	db_bind_int(st, 2, alone != 0);
	db_bind_int(st, 3, year);
	return db_each(s, st, "reading the report texts", organ_text_row, &c, e);
}

static int text_put(struct store *s, int64_t agency_id, int year, const char *section,
		    const char *body, const char *at, const char *by, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	for (int pass = 0; pass < 2; pass++) {
		if ((rc = db_stmt(s, pass ? ST_REPORT_TEXT_INSERT : ST_REPORT_TEXT_UPDATE, &st, e)) != 0)
			return rc;
		db_bind_text(st, 1, body);
		db_bind_text(st, 2, at);
		db_bind_text(st, 3, by);
		db_bind_int(st, 4, agency_id);
		db_bind_int(st, 5, year);
		db_bind_text(st, 6, section);
		if ((rc = db_exec(s, st, "storing a report text", e)) != 0)
			return rc;
		if (pass == 0 && db_changes(s) > 0)
			break;
	}
	return 0;
}

static int pub_insert(struct store *s, const struct report_pub_rec *r, int64_t *id,
		      struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_PUB_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, r->agency_id);
	db_bind_int(st, 2, r->year);
	db_bind_int(st, 3, r->revision);
	db_bind_record(st, 4, &report_pub_desc, r);
	return db_insert(s, st, "publishing a report", id, e);
}

static int pub_section_insert(struct store *s, int64_t pub_id, const char *section,
			      const char *body, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_PUB_SECTION_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, pub_id);
	db_bind_text(st, 2, section);
	db_bind_text(st, 3, body);
	return db_exec(s, st, "freezing a report section", e);
}

static int artifact_insert(struct store *s, int64_t pub_id, const char *kind, const void *body,
			   size_t len, const char *sha256, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_ARTIFACT_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, pub_id);
	db_bind_text(st, 2, kind);
	db_bind_blob(st, 3, len ? body : "", len);
	db_bind_text(st, 4, sha256);
	return db_exec(s, st, "freezing a report rendering", e);
}


static void pub_row(struct db_stmt *st, struct arena *a, struct report_pub_rec *out)
{
	out->id = db_col_int(st, 0);
	out->agency_id = db_col_int(st, 1);
	out->year = (int)db_col_int(st, 2);
	out->revision = (int)db_col_int(st, 3);
	db_read_record(st, 4, &report_pub_desc, out, a);
}

static int pub_get(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		   struct report_pub_rec *out, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_REPORT_PUB_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	db_bind_int(st, 2, year);
	db_bind_int(st, 3, revision);
	db_bind_int(st, 4, revision);
	if ((rc = db_next(s, st, &row, "reading a published report", e)) != 0)
		return rc;
	if (!row) {
		if (revision)
			return err_set(e, ERR_NOTFOUND, "--revision", "the %d report has no revision %d",
				       year, revision);
		return err_set(e, ERR_NOTFOUND, "YEAR", "the %d report is not published", year);
	}
	pub_row(st, a, out);
	db_reset(st);
	return 0;
}

static int pub_sections(struct store *s, int64_t pub_id, struct arena *a,
			struct report_pub_section **out, size_t *n, struct gk_error *e)
{
	struct report_pub_section *v = NULL;
	size_t cap = 0;
	struct db_stmt *st;
	int rc, row;

	*n = 0;
	if ((rc = db_stmt(s, ST_REPORT_PUB_SECTIONS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, pub_id);
	while ((rc = db_next(s, st, &row, "reading a published report", e)) == 0 && row) {
		struct report_pub_section *sec = ARENA_PUSH(a, v, *n, cap, 8);
		sec->section = db_col_dup(st, 0, a);
		sec->body = db_col_dup(st, 1, a);
	}
	*out = v;
	return rc;
}

static int artifact_get(struct store *s, int64_t pub_id, const char *kind, struct arena *a,
			const char **body, size_t *len, char sha256[65], struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_REPORT_ARTIFACT_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, pub_id);
	db_bind_text(st, 2, kind);
	if ((rc = db_next(s, st, &row, "reading a published report", e)) != 0)
		return rc;
	if (!row)
		return err_set(e, ERR_NOTFOUND, "--format", "this revision has no %s rendering", kind);
	*body = db_col_blob_dup(st, 0, a, len);
	snprintf(sha256, 65, "%s", db_col_text(st, 1));
	db_reset(st);
	return 0;
}

/* fn for each row of st (PUB_COLS), each in an arena of its own freed after the call. */
static int each_pub(struct store *s, struct db_stmt *st, report_pub_fn fn, void *ctx,
		    struct gk_error *e)
{
	struct arena a;
	int rc, row;

	arena_init(&a);
	while ((rc = db_next(s, st, &row, "listing published reports", e)) == 0 && row) {
		struct report_pub_rec r;

		pub_row(st, &a, &r);
		rc = fn(ctx, &r);
		arena_free(&a);
		if (rc != 0) {
			db_reset(st);
			break;
		}
	}
	arena_free(&a);
	return rc;
}

static int pub_list(struct store *s, int64_t agency_id, int year, report_pub_fn fn, void *ctx,
		    struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_PUB_LIST, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	db_bind_int(st, 2, agency_id);
	db_bind_int(st, 3, year);
	db_bind_int(st, 4, year);
	return each_pub(s, st, fn, ctx, e);
}

static int pubs_organs(struct store *s, int64_t root_id, int alone, int year, report_pub_fn fn,
		       void *ctx, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_REPORT_ORGANS_PUBS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, root_id);
	db_bind_int(st, 2, alone != 0);
	db_bind_int(st, 3, year);
	return each_pub(s, st, fn, ctx, e);
}

const struct report_store_ops store_report_ops = {
	.text_get = text_get,
	.text_put = text_put,
	.text_list = text_list,
	.texts_organs = texts_organs,
	.pubs_organs = pubs_organs,
	.pub_insert = pub_insert,
	.pub_section_insert = pub_section_insert,
	.artifact_insert = artifact_insert,
	.pub_get = pub_get,
	.pub_sections = pub_sections,
	.artifact_get = artifact_get,
	.pub_list = pub_list,
};

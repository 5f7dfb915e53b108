/*
 * sqlite_report.c — the annual report's texts and published revisions in SQLite (implements
 * store/report_store.h; tables of migration "annual_report" in store/migrations.c).
 */
#include <stdio.h>
#include <string.h>

#include "store/report_store.h"
#include "store/sqlite_int.h"

static int text_get(struct store *s, int64_t agency_id, int year, const char *section,
		    struct arena *a, const char **body, struct gk_error *e)
{
	static const char sql[] = "SELECT body FROM report_text WHERE agency_id = ? AND year = ? "
				  "AND section = ?";
	sqlite3_stmt *st;
	int rc, row;

	*body = NULL;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_int(st, 2, year);
	sq_bind_text(st, 3, section);
	if ((rc = sq_next(s, st, &row, "reading a report text", e)) != 0)
		return rc;
	if (row) {
		*body = sq_col_dup(st, 0, a);
		sqlite3_reset(st);
	}
	return 0;
}

struct text_each {
	report_text_fn fn;
	void *ctx;
};

static int text_row(void *p, sqlite3_stmt *st)
{
	struct text_each *c = p;
	struct report_text_rec r = {
		.year = (int)sq_col_int(st, 0), .section = sq_col_text(st, 1), .body = sq_col_text(st, 2),
		.updated_at = sq_col_text(st, 3), .updated_by = sq_col_text(st, 4),
	};
	return c->fn(c->ctx, &r);
}

static int text_list(struct store *s, int64_t agency_id, report_text_fn fn, void *ctx, struct gk_error *e)
{
	static const char sql[] = "SELECT year, section, body, updated_at, updated_by FROM report_text "
				  "WHERE agency_id = ? ORDER BY year, section";
	struct text_each c = { fn, ctx };
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	return sq_each(s, st, "listing report texts", text_row, &c, e);
}

static int text_put(struct store *s, int64_t agency_id, int year, const char *section,
		    const char *body, const char *at, const char *by, struct gk_error *e)
{
	static const char upd[] = "UPDATE report_text SET body = ?, updated_at = ?, updated_by = ? "
				  "WHERE agency_id = ? AND year = ? AND section = ?";
	static const char ins[] = "INSERT INTO report_text (body, updated_at, updated_by, agency_id, "
				  "year, section) VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	for (int pass = 0; pass < 2; pass++) {
		if ((rc = sq_stmt(s, pass ? ins : upd, &st, e)) != 0)
			return rc;
		sq_bind_text(st, 1, body);
		sq_bind_text(st, 2, at);
		sq_bind_text(st, 3, by);
		sq_bind_int(st, 4, agency_id);
		sq_bind_int(st, 5, year);
		sq_bind_text(st, 6, section);
		if ((rc = sq_exec_stmt(s, st, "storing a report text", e)) != 0)
			return rc;
		if (pass == 0 && sqlite3_changes(sq_db(s)) > 0)
			break;
	}
	return 0;
}

static int pub_insert(struct store *s, const struct report_pub_rec *r, int64_t *id,
		      struct gk_error *e)
{
	static const char sql[] = "INSERT INTO report_publication (agency_id, year, revision, format, "
				  "reason, cells, sha256, published_at, published_by) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, r->agency_id);
	sq_bind_int(st, 2, r->year);
	sq_bind_int(st, 3, r->revision);
	sq_bind_text(st, 4, r->format);
	sq_bind_text(st, 5, r->reason);
	sq_bind_text(st, 6, r->cells);
	sq_bind_text(st, 7, r->sha256);
	sq_bind_text(st, 8, r->published_at);
	sq_bind_text(st, 9, r->published_by);
	if ((rc = sq_exec_stmt(s, st, "publishing a report", e)) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(sq_db(s));
	return 0;
}

static int pub_section_insert(struct store *s, int64_t pub_id, const char *section,
			      const char *body, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO report_pub_section (pub_id, section, body) "
				  "VALUES (?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, pub_id);
	sq_bind_text(st, 2, section);
	sq_bind_text(st, 3, body);
	return sq_exec_stmt(s, st, "freezing a report section", e);
}

static int artifact_insert(struct store *s, int64_t pub_id, const char *kind, const void *body,
			   size_t len, const char *sha256, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO report_artifact (pub_id, kind, body, sha256) "
				  "VALUES (?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, pub_id);
	sq_bind_text(st, 2, kind);
	sqlite3_bind_blob64(st, 3, len ? body : "", len, SQLITE_TRANSIENT);
	sq_bind_text(st, 4, sha256);
	return sq_exec_stmt(s, st, "freezing a report rendering", e);
}

#define PUB_COLS "id, agency_id, year, revision, format, reason, cells, sha256, published_at, " \
		 "published_by"

static void pub_row(sqlite3_stmt *st, struct arena *a, struct report_pub_rec *out)
{
	out->id = sq_col_int(st, 0);
	out->agency_id = sq_col_int(st, 1);
	out->year = (int)sq_col_int(st, 2);
	out->revision = (int)sq_col_int(st, 3);
	out->format = sq_col_dup(st, 4, a);
	out->reason = sq_col_dup(st, 5, a);
	out->cells = sq_col_dup(st, 6, a);
	out->sha256 = sq_col_dup(st, 7, a);
	out->published_at = sq_col_dup(st, 8, a);
	out->published_by = sq_col_dup(st, 9, a);
}

static int pub_get(struct store *s, int64_t agency_id, int year, int revision, struct arena *a,
		   struct report_pub_rec *out, struct gk_error *e)
{
	static const char sql[] = "SELECT " PUB_COLS " FROM report_publication WHERE agency_id = ? "
				  "AND year = ? AND (? = 0 OR revision = ?) ORDER BY revision DESC LIMIT 1";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_int(st, 2, year);
	sq_bind_int(st, 3, revision);
	sq_bind_int(st, 4, revision);
	if ((rc = sq_next(s, st, &row, "reading a published report", e)) != 0)
		return rc;
	if (!row) {
		if (revision)
			return err_set(e, ERR_NOTFOUND, "--revision", "the %d report has no revision %d",
				       year, revision);
		return err_set(e, ERR_NOTFOUND, "YEAR", "the %d report is not published", year);
	}
	pub_row(st, a, out);
	sqlite3_reset(st);
	return 0;
}

static int pub_sections(struct store *s, int64_t pub_id, struct arena *a,
			struct report_pub_section **out, size_t *n, struct gk_error *e)
{
	static const char sql[] = "SELECT section, body FROM report_pub_section WHERE pub_id = ? "
				  "ORDER BY section";
	struct report_pub_section *v = NULL;
	size_t cap = 0;
	sqlite3_stmt *st;
	int rc, row;

	*n = 0;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, pub_id);
	while ((rc = sq_next(s, st, &row, "reading a published report", e)) == 0 && row) {
		if (*n == cap) {
			struct report_pub_section *nv;
			cap = cap ? cap * 2 : 8;
			nv = arena_alloc(a, cap * sizeof *nv);
			if (*n)
				memcpy(nv, v, *n * sizeof *nv);
			v = nv;
		}
		v[*n].section = sq_col_dup(st, 0, a);
		v[*n].body = sq_col_dup(st, 1, a);
		(*n)++;
	}
	*out = v;
	return rc;
}

static int artifact_get(struct store *s, int64_t pub_id, const char *kind, struct arena *a,
			const char **body, size_t *len, char sha256[65], struct gk_error *e)
{
	static const char sql[] = "SELECT body, sha256 FROM report_artifact WHERE pub_id = ? AND kind = ?";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, pub_id);
	sq_bind_text(st, 2, kind);
	if ((rc = sq_next(s, st, &row, "reading a published report", e)) != 0)
		return rc;
	if (!row)
		return err_set(e, ERR_NOTFOUND, "--format", "this revision has no %s rendering", kind);
	{
		const void *p = sqlite3_column_blob(st, 0);
		size_t l = (size_t)sqlite3_column_bytes(st, 0);
		char *copy = arena_alloc(a, l + 1);

		if (l)
			memcpy(copy, p, l);
		copy[l] = '\0';
		*body = copy;
		*len = l;
		snprintf(sha256, 65, "%s", sq_col_text(st, 1));
	}
	sqlite3_reset(st);
	return 0;
}

static int pub_list(struct store *s, int64_t agency_id, int year, report_pub_fn fn, void *ctx,
		    struct gk_error *e)
{
	static const char sql[] = "SELECT " PUB_COLS " FROM report_publication WHERE (? = 0 OR "
				  "agency_id = ?) AND (? = 0 OR year = ?) ORDER BY agency_id, year, revision";
	sqlite3_stmt *st;
	struct arena a;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_int(st, 2, agency_id);
	sq_bind_int(st, 3, year);
	sq_bind_int(st, 4, year);
	arena_init(&a);
	while ((rc = sq_next(s, st, &row, "listing published reports", e)) == 0 && row) {
		struct report_pub_rec r;

		pub_row(st, &a, &r);
		rc = fn(ctx, &r);
		arena_free(&a);
		if (rc != 0) {
			sqlite3_reset(st);
			break;
		}
	}
	arena_free(&a);
	return rc;
}

const struct report_store_ops sqlite_report_ops = {
	.text_get = text_get,
	.text_put = text_put,
	.text_list = text_list,
	.pub_insert = pub_insert,
	.pub_section_insert = pub_section_insert,
	.artifact_insert = artifact_insert,
	.pub_get = pub_get,
	.pub_sections = pub_sections,
	.artifact_get = artifact_get,
	.pub_list = pub_list,
};

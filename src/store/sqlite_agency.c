/*
 * sqlite_agency.c — organs in SQLite (implements store/agency_store.h).
 */
#include <stdio.h>

#include "store/agency_store.h"
#include "store/sqlite_int.h"

#define AGENCY_COLS "id, name, code, level, parent_id, created_at"

/* Column values into r: copies in a when a is not NULL, else borrowed from the statement. */
static void fill(sqlite3_stmt *st, struct arena *a, struct agency_rec *r)
{
	r->id = sq_col_int(st, 0);
	r->name = a ? sq_col_dup(st, 1, a) : sq_col_text(st, 1);
	r->code = sq_col_is_null(st, 2) ? NULL : a ? sq_col_dup(st, 2, a) : sq_col_text(st, 2);
	r->level = a ? sq_col_dup(st, 3, a) : sq_col_text(st, 3);
	r->parent_id = sq_col_int(st, 4);
	r->created_at = a ? sq_col_dup(st, 5, a) : sq_col_text(st, 5);
}

static int insert(struct store *s, const struct agency_rec *r, int64_t *id, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO agency (name, code, level, parent_id, created_at) "
				  "VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, r->name);
	sq_bind_text(st, 2, r->code);
	sq_bind_text(st, 3, r->level);
	sq_bind_int_or_null(st, 4, r->parent_id, 0);
	sq_bind_text(st, 5, r->created_at);
	return sq_insert(s, st, "adding the organ", id, e);
}

static int get_one(struct store *s, sqlite3_stmt *st, struct arena *a, struct agency_rec *out,
		   const char *what, struct gk_error *e)
{
	char none[320];
	int rc;

	snprintf(none, sizeof none, "organ %s", what);
	if ((rc = sq_one(s, st, "reading organs", "--agency", none, e)) != 0)
		return rc;
	fill(st, a, out);
	sqlite3_reset(st);
	return 0;
}

static int get(struct store *s, int64_t id, struct arena *a, struct agency_rec *out,
	       struct gk_error *e)
{
	static const char sql[] = "SELECT " AGENCY_COLS " FROM agency WHERE id = ?";
	sqlite3_stmt *st;
	char what[40];
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(s, st, a, out, what, e);
}

static int find_name(struct store *s, const char *name, struct arena *a, struct agency_rec *out,
		     struct gk_error *e)
{
	static const char sql[] = "SELECT " AGENCY_COLS " FROM agency WHERE name = ?";
	sqlite3_stmt *st;
	char what[300];
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, name);
	snprintf(what, sizeof what, "named '%s'", name);
	return get_one(s, st, a, out, what, e);
}

struct each {
	agency_row_fn fn;
	void *ctx;
};

static int each_row(void *p, sqlite3_stmt *st)
{
	struct each *x = p;
	struct agency_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

static int list(struct store *s, agency_row_fn fn, void *ctx, struct gk_error *e)
{
	static const char sql[] = "SELECT " AGENCY_COLS " FROM agency ORDER BY id";
	struct each x = { fn, ctx };
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	return sq_each(s, st, "listing organs", each_row, &x, e);
}

static int count(struct store *s, int64_t *n, struct gk_error *e)
{
	static const char sql[] = "SELECT count(*) FROM agency";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	if ((rc = sq_next(s, st, &row, "counting organs", e)) != 0)
		return rc;
	*n = row ? sq_col_int(st, 0) : 0;
	sqlite3_reset(st);
	return 0;
}

const struct agency_store_ops sqlite_agency_ops = {
	.insert = insert,
	.get = get,
	.find_name = find_name,
	.list = list,
	.count = count,
};

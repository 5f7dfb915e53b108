/*
 * agency_store.c — organs and their settings (implements store/agency_store.h).
 */
#include <stdio.h>
#include <string.h>

#include "store/agency_store.h"
#include "store/db.h"
#include "store/records.h"

/* Column values into r: copies in a when a is not NULL, else borrowed from the statement. */
static void fill(struct db_stmt *st, struct arena *a, struct agency_rec *r)
{
	r->id = db_col_int(st, 0);
	r->parent_id = db_col_int(st, 1);
	db_read_record(st, 2, &agency_rec_desc, r, a);
}

static int insert(struct store *s, const struct agency_rec *r, int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_AGENCY_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int_or_null(st, 1, r->parent_id, 0);
	db_bind_record(st, 2, &agency_rec_desc, r);
	return db_insert(s, st, "adding the organ", id, e);
}

static int get_one(struct store *s, struct db_stmt *st, struct arena *a, struct agency_rec *out,
		   const char *what, struct gk_error *e)
{
	char none[320];
	int rc;

	snprintf(none, sizeof none, "organ %s", what);
	if ((rc = db_one(s, st, "reading organs", "--agency", none, e)) != 0)
		return rc;
	fill(st, a, out);
	db_reset(st);
	return 0;
}

static int get(struct store *s, int64_t id, struct arena *a, struct agency_rec *out,
	       struct gk_error *e)
{
	struct db_stmt *st;
	char what[40];
	int rc;

	if ((rc = db_stmt(s, ST_AGENCY_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(s, st, a, out, what, e);
}

static int find_name(struct store *s, const char *name, struct arena *a, struct agency_rec *out,
		     struct gk_error *e)
{
	struct db_stmt *st;
	char what[300];
	int rc;

	if ((rc = db_stmt(s, ST_AGENCY_FIND_NAME, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, name);
	snprintf(what, sizeof what, "named '%s'", name);
	return get_one(s, st, a, out, what, e);
}

struct each {
	agency_row_fn fn;
	void *ctx;
};

static int each_row(void *p, struct db_stmt *st)
{
	struct each *x = p;
	struct agency_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

static int list(struct store *s, agency_row_fn fn, void *ctx, struct gk_error *e)
{
	struct each x = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_AGENCY_LIST, &st, e)) != 0)
		return rc;
	return db_each(s, st, "listing organs", each_row, &x, e);
}

static int count(struct store *s, int64_t *n, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_AGENCY_COUNT, &st, e)) != 0)
		return rc;
	if ((rc = db_next(s, st, &row, "counting organs", e)) != 0)
		return rc;
	*n = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	return 0;
}

static int profile_get(struct store *s, int64_t agency_id, struct arena *a,
		       struct agency_profile *out, int *found, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	memset(out, 0, sizeof *out);
	out->agency_id = agency_id;
	*found = 0;
	if ((rc = db_stmt(s, ST_AGENCY_PROFILE_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	if ((rc = db_next(s, st, &row, "reading the organ's settings", e)) != 0 || !row)
		return rc;
	db_read_record(st, 1, &agency_profile_desc, out, a);
	*found = 1;
	db_reset(st);
	return 0;
}

static int profile_put(struct store *s, const struct agency_profile *p, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_AGENCY_PROFILE_PUT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, p->agency_id);
	db_bind_record(st, 2, &agency_profile_desc, p);
	return db_exec(s, st, "saving the organ's settings", e);
}

const struct agency_store_ops store_agency_ops = {
	.insert = insert,
	.get = get,
	.find_name = find_name,
	.list = list,
	.count = count,
	.profile_get = profile_get,
	.profile_put = profile_put,
};

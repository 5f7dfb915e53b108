/*
 * app_store.c — applications, their events and the files the applicant sends (implements
 * store/app_store.h).
 */
#include <stdio.h>

#include "store/app_store.h"
#include "store/db.h"
#include "store/records.h"

/* The columns of APP_COLS: id, organ, then the declared fields (store/records.c). */
static void fill(struct db_stmt *st, struct arena *a, struct app_rec *r)
{
	r->id = db_col_int(st, 0);
	r->agency_id = db_col_int(st, 1);
	db_read_record(st, 2, &app_rec_desc, r, a);
}

static int insert(struct store *s, const struct app_rec *r, int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_APP_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, r->agency_id);
	db_bind_record(st, 2, &app_rec_desc, r);
	return db_insert(s, st, "adding the application", id, e);
}

static int get_one(struct store *s, struct db_stmt *st, struct arena *a, struct app_rec *out,
		   const char *what, struct gk_error *e)
{
	char none[80];
	int rc;

	snprintf(none, sizeof none, "application %s", what);
	if ((rc = db_one(s, st, "reading applications", "ID", none, e)) != 0)
		return rc;
	fill(st, a, out);
	db_reset(st);
	return 0;
}

static int get(struct store *s, int64_t id, struct arena *a, struct app_rec *out,
	       struct gk_error *e)
{
	struct db_stmt *st;
	char what[40];
	int rc;

	if ((rc = db_stmt(s, ST_APP_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(s, st, a, out, what, e);
}

static int get_by_code(struct store *s, const char *code, struct arena *a, struct app_rec *out,
		       struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_APP_GET_BY_CODE, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, code);
	return get_one(s, st, a, out, "with that tracking code", e);
}

static int update_summary(struct store *s, int64_t id, const char *received, const char *state,
			  const char *outcome, const char *closed, const char *reply_due,
			  struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_APP_UPDATE_SUMMARY, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, received);
	db_bind_text(st, 2, state);
	db_bind_text(st, 3, outcome);
	db_bind_text(st, 4, closed);
	db_bind_text(st, 5, reply_due);
	db_bind_int(st, 6, id);
	if ((rc = db_exec(s, st, "updating the application", e)) != 0)
		return rc;
	if (db_changes(s) == 0)
		return err_set(e, ERR_NOTFOUND, "ID", "no application with id %lld", (long long)id);
	return 0;
}

static int event_insert(struct store *s, const struct app_event_rec *ev, int64_t *id,
			struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_APP_EVENT_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, ev->app_id);
	db_bind_record(st, 2, &app_event_rec_desc, ev);
	return db_insert(s, st, "recording the event", id, e);
}

static int events(struct store *s, int64_t app_id, struct arena *a, struct app_event_rec **out,
		  size_t *n, struct gk_error *e)
{
	struct db_stmt *st;
	struct app_event_rec *v = NULL;
	size_t cap = 0, len = 0;
	int rc, row;

	*out = NULL;
	*n = 0;
	if ((rc = db_stmt(s, ST_APP_EVENTS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, app_id);
	while ((rc = db_next(s, st, &row, "reading events", e)) == 0 && row) {
		struct app_event_rec *r = ARENA_PUSH(a, v, len, cap, 16);

		r->id = db_col_int(st, 0);
		r->app_id = db_col_int(st, 1);
		db_read_record(st, 2, &app_event_rec_desc, r, a);
	}
	if (rc == 0) {
		*out = v;
		*n = len;
	}
	return rc;
}

struct each {
	app_row_fn fn;
	void *ctx;
};

static int each_row(void *p, struct db_stmt *st)
{
	struct each *x = p;
	struct app_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

/* One statement with every filter; a NULL parameter disables its condition. With an organ
 * given, "agency_id = ?1" lets SQLite use the (agency_id, received) index — an "?1 IS NULL OR"
 * form would scan every organ's applications (the annual report of a region lists 1,000
 * organs in turn). */
static int list(struct store *s, const struct app_filter *f, app_row_fn fn, void *ctx,
		struct gk_error *e)
{
	struct each x = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, f->agency_id ? ST_APP_LIST_ORGAN : ST_APP_LIST_ALL, &st, e)) != 0)
		return rc;
	db_bind_int_or_null(st, 1, f->agency_id, 0);
	db_bind_text(st, 2, f->state);
	db_bind_int_or_null(st, 3, f->open_only, 0);
	db_bind_text(st, 4, f->received_from);
	db_bind_text(st, 5, f->received_to);
	db_bind_text(st, 6, f->closed_from);
	db_bind_int(st, 7, f->limit > 0 ? f->limit : INT64_MAX);
	return db_each(s, st, "listing applications", each_row, &x, e);
}

static int ordinal_in_month(struct store *s, int64_t id, const char *month_first, int64_t *k,
			    struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_APP_ORDINAL_IN_MONTH, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, month_first);
	if ((rc = db_next(s, st, &row, "counting the applicant's applications", e)) != 0)
		return rc;
	*k = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	return 0;
}

struct organs_each {
	app_year_group_fn group;
	app_organ_total_fn total;
	void *ctx;
};

static int organs_year_row(void *p, struct db_stmt *st)
{
	struct organs_each *x = p;
	struct app_year_group g = {
		.agency_id = db_col_int(st, 0),
		.applicant_type = db_col_text(st, 1),
		.carried_in = db_col_int(st, 2) != 0,
		.closed = !db_col_is_null(st, 3),
		.n = db_col_int(st, 4),
	};

	if (g.closed && db_col_text(st, 3)[0])
		g.outcome = db_col_text(st, 3);

	return x->group(x->ctx, &g);
}

static int organs_fee_row(void *p, struct db_stmt *st)
{
	struct organs_each *x = p;

	return x->total(x->ctx, db_col_int(st, 0), db_col_text(st, 1), db_col_int(st, 2),
			db_col_int(st, 3));
}

/* Two statements: a region's fees are started first, to be read beside the year's groups. */
static int organs_year(struct store *s, const struct app_year_query *q, app_year_group_fn group,
		       app_organ_total_fn total, void *ctx, struct gk_error *e)
{
	struct organs_each x = { .group = group, .total = total, .ctx = ctx };
	struct db_stmt *fees, *year;
	char first[16], last[16];   /* the year's days, YYYY-MM-DD, as events are dated */
	int rc;

	snprintf(first, sizeof first, "%04d-01-01", q->year);
	snprintf(last, sizeof last, "%04d-12-31", q->year);

	if ((rc = db_stmt(s, ST_APP_ORGANS_FEES, &fees, e)) != 0)
		return rc;
	db_bind_int(fees, 1, q->root_id);
	db_bind_int(fees, 2, q->alone != 0);
	db_bind_text(fees, 3, q->notice);
	db_bind_text(fees, 4, q->paid);
	db_bind_text(fees, 5, first);
	db_bind_text(fees, 6, last);
	if (!q->alone)   /* a region's: worth a second connection; one organ's is small */
		db_start(s, fees);
	if ((rc = db_stmt(s, ST_APP_ORGANS_YEAR, &year, e)) == 0) {
		db_bind_int(year, 1, q->root_id);
		db_bind_int(year, 2, q->alone != 0);
		db_bind_int(year, 3, q->year);
		rc = db_each(s, year, "counting the year's applications", organs_year_row, &x, e);
	}
	if (rc == 0)
		rc = db_each(s, fees, "adding up the year's fees", organs_fee_row, &x, e);
	else
		db_reset(fees);
	return rc;
}

/* The files an applicant sends with a correction (table app_file). */
static int file_insert(struct store *s, const struct app_file *f, int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	char now[21];
	int rc;

	if ((rc = db_stmt(s, ST_APP_FILE_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, f->app_id);
	db_bind_int_or_null(st, 2, f->event_id, 0);
	db_bind_text(st, 3, f->name);
	db_bind_text(st, 4, f->mime);
	db_bind_int(st, 5, f->size);
	db_bind_text(st, 6, f->sha256);
	db_bind_blob(st, 7, f->data, (size_t)f->size);
	store_now(now);
	db_bind_text(st, 8, now);
	return db_insert(s, st, "storing the applicant's file", id, e);
}

static void file_fill(struct db_stmt *st, struct arena *a, struct app_file *f)
{
	*f = (struct app_file){
		.id = db_col_int(st, 0), .app_id = db_col_int(st, 1),
		.event_id = db_col_is_null(st, 2) ? 0 : db_col_int(st, 2),
		.name = db_col_opt(st, 3, a), .mime = db_col_opt(st, 4, a),
		.size = db_col_int(st, 5), .sha256 = db_col_opt(st, 6, a),
		.created_at = db_col_opt(st, 7, a),
	};
}

static int files(struct store *s, int64_t app_id, struct arena *a, struct app_file **out,
		 size_t *n, struct gk_error *e)
{
	struct app_file *v = NULL;
	size_t cnt = 0, cap = 0;
	struct db_stmt *st;
	int rc, row;

	*out = NULL;
	*n = 0;
	if ((rc = db_stmt(s, ST_APP_FILES, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, app_id);
	while ((rc = db_next(s, st, &row, "reading the applicant's files", e)) == 0 && row) {
		file_fill(st, a, ARENA_PUSH(a, v, cnt, cap, 4));
	}
	if (rc == 0) {
		*out = v;
		*n = cnt;
	}
	return rc;
}

static int file_get(struct store *s, int64_t app_id, int64_t id, struct arena *a,
		    struct app_file *out, struct gk_error *e)
{
	struct db_stmt *st;
	size_t len;
	int rc;

	if ((rc = db_stmt(s, ST_APP_FILE_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, app_id);
	db_bind_int(st, 2, id);
	if ((rc = db_one(s, st, "reading the applicant's file", "file", "such file", e)) != 0)
		return rc;
	file_fill(st, a, out);
	out->data = db_col_blob_dup(st, 8, a, &len);
	out->size = (int64_t)len;
	db_reset(st);
	return 0;
}

/* The notices issued (tables notice_serial, app_notice). */
static int notice_next_serial(struct store *s, int64_t agency_id, int year, int64_t *serial,
			      struct gk_error *e)
{
	return db_serial(s, ST_APP_NOTICE_NEXT_SERIAL, agency_id, year, serial,
			 "taking a notice serial", e);
}

static int notice_serial_put(struct store *s, int64_t agency_id, int year, int64_t last,
			     struct gk_error *e)
{
	return db_serial_put(s, ST_APP_NOTICE_SERIAL_PUT, agency_id, year, last,
			     "setting a notice serial", e);
}

static int notice_insert(struct store *s, const struct notice_issued *n, int64_t *id,
			 struct gk_error *e)
{
	struct db_stmt *st;
	char now[21];
	int rc;

	if ((rc = db_stmt(s, ST_APP_NOTICE_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, n->app_id);
	db_bind_int(st, 2, n->agency_id);
	db_bind_record(st, 3, &notice_issued_desc, n);
	store_now(now);
	db_bind_text(st, 3 + (int)notice_issued_desc.nfields, now);
	return db_insert(s, st, "storing the notice issued", id, e);
}

static int notices(struct store *s, int64_t app_id, struct arena *a, struct notice_issued **out,
		   size_t *n, struct gk_error *e)
{
	struct notice_issued *v = NULL;
	size_t cap = 0;
	struct db_stmt *st;
	int rc, row;

	*out = NULL;
	*n = 0;
	if ((rc = db_stmt(s, ST_APP_NOTICES, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, app_id);
	while ((rc = db_next(s, st, &row, "reading the notices issued", e)) == 0 && row) {
		struct notice_issued *r = ARENA_PUSH(a, v, *n, cap, 8);

		r->id = db_col_int(st, 0);
		r->app_id = db_col_int(st, 1);
		r->agency_id = db_col_int(st, 2);
		db_read_record(st, 3, &notice_issued_desc, r, a);
		r->created_at = db_col_opt(st, 3 + (int)notice_issued_desc.nfields, a);
	}
	*out = v;
	return rc;
}

const struct app_store_ops store_app_ops = {
	.insert = insert,
	.get = get,
	.get_by_code = get_by_code,
	.update_summary = update_summary,
	.event_insert = event_insert,
	.events = events,
	.list = list,
	.ordinal_in_month = ordinal_in_month,
	.organs_year = organs_year,
	.file_insert = file_insert,
	.files = files,
	.file_get = file_get,
	.notice_next_serial = notice_next_serial,
	.notice_serial_put = notice_serial_put,
	.notice_insert = notice_insert,
	.notices = notices,
};

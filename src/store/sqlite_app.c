/*
 * sqlite_app.c — applications and their events in SQLite (implements store/app_store.h).
 */
#include <stdio.h>

#include "store/app_store.h"
#include "store/sqlite_int.h"

#define APP_COLS "id, agency_id, tracking_code, secret_hash, received, channel, applicant_type, " \
		 "applicant_name, applicant_key, contact, id_number, request, form, state, outcome, " \
		 "closed, reply_due, created_at, submitted"
#define EVENT_COLS "id, app_id, kind, date, note, approver, amount_fen, outcome, basis, actor, " \
		   "created_at, due, days, party, ref, method, quantity, late_reason, warning, " \
		   "counterpart, counterpart_contact"

static const char *col(sqlite3_stmt *st, int i, struct arena *a)
{
	if (sq_col_is_null(st, i))
		return NULL;
	return a ? sq_col_dup(st, i, a) : sq_col_text(st, i);
}

static void fill(sqlite3_stmt *st, struct arena *a, struct app_rec *r)
{
	r->id = sq_col_int(st, 0);
	r->agency_id = sq_col_int(st, 1);
	r->tracking_code = col(st, 2, a);
	r->secret_hash = col(st, 3, a);
	r->received = col(st, 4, a);
	r->channel = col(st, 5, a);
	r->applicant_type = col(st, 6, a);
	r->applicant_name = col(st, 7, a);
	r->applicant_key = col(st, 8, a);
	r->contact = col(st, 9, a);
	r->id_number = col(st, 10, a);
	r->request = col(st, 11, a);
	r->form = col(st, 12, a);
	r->state = col(st, 13, a);
	r->outcome = col(st, 14, a);
	r->closed = col(st, 15, a);
	r->reply_due = col(st, 16, a);
	r->created_at = col(st, 17, a);
	r->submitted = col(st, 18, a);
}

static int insert(struct store *s, const struct app_rec *r, int64_t *id, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO application (agency_id, tracking_code, secret_hash, "
		"received, channel, applicant_type, applicant_name, applicant_key, contact, id_number, "
		"request, form, state, outcome, closed, reply_due, created_at, submitted) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, r->agency_id);
	sq_bind_text(st, 2, r->tracking_code);
	sq_bind_text(st, 3, r->secret_hash);
	sq_bind_text(st, 4, r->received);
	sq_bind_text(st, 5, r->channel);
	sq_bind_text(st, 6, r->applicant_type);
	sq_bind_text(st, 7, r->applicant_name);
	sq_bind_text(st, 8, r->applicant_key);
	sq_bind_text(st, 9, r->contact);
	sq_bind_text(st, 10, r->id_number);
	sq_bind_text(st, 11, r->request);
	sq_bind_text(st, 12, r->form);
	sq_bind_text(st, 13, r->state);
	sq_bind_text(st, 14, r->outcome);
	sq_bind_text(st, 15, r->closed);
	sq_bind_text(st, 16, r->reply_due);
	sq_bind_text(st, 17, r->created_at);
	sq_bind_text(st, 18, r->submitted);
	return sq_insert(s, st, "adding the application", id, e);
}

static int get_one(struct store *s, sqlite3_stmt *st, struct arena *a, struct app_rec *out,
		   const char *what, struct gk_error *e)
{
	char none[80];
	int rc;

	snprintf(none, sizeof none, "application %s", what);
	if ((rc = sq_one(s, st, "reading applications", "ID", none, e)) != 0)
		return rc;
	fill(st, a, out);
	sqlite3_reset(st);
	return 0;
}

static int get(struct store *s, int64_t id, struct arena *a, struct app_rec *out,
	       struct gk_error *e)
{
	static const char sql[] = "SELECT " APP_COLS " FROM application WHERE id = ?";
	sqlite3_stmt *st;
	char what[40];
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(s, st, a, out, what, e);
}

static int get_by_code(struct store *s, const char *code, struct arena *a, struct app_rec *out,
		       struct gk_error *e)
{
	static const char sql[] = "SELECT " APP_COLS " FROM application WHERE tracking_code = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, code);
	return get_one(s, st, a, out, "with that tracking code", e);
}

static int update_summary(struct store *s, int64_t id, const char *received, const char *state,
			  const char *outcome, const char *closed, const char *reply_due,
			  struct gk_error *e)
{
	static const char sql[] = "UPDATE application SET received = ?, state = ?, outcome = ?, "
				  "closed = ?, reply_due = ? WHERE id = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, received);
	sq_bind_text(st, 2, state);
	sq_bind_text(st, 3, outcome);
	sq_bind_text(st, 4, closed);
	sq_bind_text(st, 5, reply_due);
	sq_bind_int(st, 6, id);
	if ((rc = sq_exec_stmt(s, st, "updating the application", e)) != 0)
		return rc;
	if (sqlite3_changes(sq_db(s)) == 0)
		return err_set(e, ERR_NOTFOUND, "ID", "no application with id %lld", (long long)id);
	return 0;
}

static int event_insert(struct store *s, const struct app_event_rec *ev, int64_t *id,
			struct gk_error *e)
{
	static const char sql[] = "INSERT INTO app_event (app_id, kind, date, note, approver, "
		"amount_fen, outcome, basis, actor, created_at, due, days, party, ref, method, "
		"quantity, late_reason, warning, counterpart, counterpart_contact) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, ev->app_id);
	sq_bind_text(st, 2, ev->kind);
	sq_bind_text(st, 3, ev->date);
	sq_bind_text(st, 4, ev->note);
	sq_bind_text(st, 5, ev->approver);
	sq_bind_int_or_null(st, 6, ev->amount_fen, -1);
	sq_bind_text(st, 7, ev->outcome);
	sq_bind_text(st, 8, ev->basis);
	sq_bind_text(st, 9, ev->actor);
	sq_bind_text(st, 10, ev->created_at);
	sq_bind_text(st, 11, ev->due);
	sq_bind_int_or_null(st, 12, ev->days, -1);
	sq_bind_text(st, 13, ev->party);
	sq_bind_int_or_null(st, 14, ev->ref, -1);
	sq_bind_text(st, 15, ev->method);
	sq_bind_int_or_null(st, 16, ev->quantity, -1);
	sq_bind_text(st, 17, ev->late_reason);
	sq_bind_text(st, 18, ev->warning);
	sq_bind_text(st, 19, ev->counterpart);
	sq_bind_text(st, 20, ev->counterpart_contact);
	return sq_insert(s, st, "recording the event", id, e);
}

static int events(struct store *s, int64_t app_id, struct arena *a, struct app_event_rec **out,
		  size_t *n, struct gk_error *e)
{
	static const char sql[] = "SELECT " EVENT_COLS " FROM app_event WHERE app_id = ? ORDER BY id";
	sqlite3_stmt *st;
	struct app_event_rec *v = NULL;
	size_t cap = 0, len = 0;
	int rc, row;

	*out = NULL;
	*n = 0;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, app_id);
	while ((rc = sq_next(s, st, &row, "reading events", e)) == 0 && row) {
		struct app_event_rec *r;
		if (len == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			struct app_event_rec *nv = arena_alloc(a, ncap * sizeof *nv);
			for (size_t i = 0; i < len; i++)
				nv[i] = v[i];
			v = nv;
			cap = ncap;
		}
		r = &v[len++];
		r->id = sq_col_int(st, 0);
		r->app_id = sq_col_int(st, 1);
		r->kind = col(st, 2, a);
		r->date = col(st, 3, a);
		r->note = col(st, 4, a);
		r->approver = col(st, 5, a);
		r->amount_fen = sq_col_is_null(st, 6) ? -1 : sq_col_int(st, 6);
		r->outcome = col(st, 7, a);
		r->basis = col(st, 8, a);
		r->actor = col(st, 9, a);
		r->created_at = col(st, 10, a);
		r->due = col(st, 11, a);
		r->days = sq_col_is_null(st, 12) ? -1 : sq_col_int(st, 12);
		r->party = col(st, 13, a);
		r->ref = sq_col_is_null(st, 14) ? -1 : sq_col_int(st, 14);
		r->method = col(st, 15, a);
		r->quantity = sq_col_is_null(st, 16) ? -1 : sq_col_int(st, 16);
		r->late_reason = col(st, 17, a);
		r->warning = col(st, 18, a);
		r->counterpart = col(st, 19, a);
		r->counterpart_contact = col(st, 20, a);
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

static int each_row(void *p, sqlite3_stmt *st)
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
#define LIST_FILTERS "AND (?2 IS NULL OR state = ?2) " \
		"AND (?3 IS NULL OR closed IS NULL) " \
		"AND (?4 IS NULL OR received >= ?4) AND (?5 IS NULL OR received <= ?5) " \
		"AND (?6 IS NULL OR closed IS NULL OR closed >= ?6) " \
		"ORDER BY received, id LIMIT ?7"
static int list(struct store *s, const struct app_filter *f, app_row_fn fn, void *ctx,
		struct gk_error *e)
{
	static const char sql_all[] = "SELECT " APP_COLS " FROM application "
		"WHERE (?1 IS NULL OR agency_id = ?1) " LIST_FILTERS;
	static const char sql_organ[] = "SELECT " APP_COLS " FROM application "
		"WHERE agency_id = ?1 " LIST_FILTERS;
	struct each x = { fn, ctx };
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, f->agency_id ? sql_organ : sql_all, &st, e)) != 0)
		return rc;
	sq_bind_int_or_null(st, 1, f->agency_id, 0);
	sq_bind_text(st, 2, f->state);
	sq_bind_int_or_null(st, 3, f->open_only, 0);
	sq_bind_text(st, 4, f->received_from);
	sq_bind_text(st, 5, f->received_to);
	sq_bind_text(st, 6, f->closed_from);
	sq_bind_int(st, 7, f->limit > 0 ? f->limit : -1);
	return sq_each(s, st, "listing applications", each_row, &x, e);
}

static int ordinal_in_month(struct store *s, int64_t id, const char *month_first, int64_t *k,
			    struct gk_error *e)
{
	static const char sql[] = "SELECT count(*) FROM application o, application a "
		"WHERE a.id = ?1 AND o.agency_id = a.agency_id AND o.applicant_key = a.applicant_key "
		"AND o.received >= ?2 AND (o.received < a.received "
		"OR (o.received = a.received AND o.id <= a.id))";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	sq_bind_text(st, 2, month_first);
	if ((rc = sq_next(s, st, &row, "counting the applicant's applications", e)) != 0)
		return rc;
	*k = row ? sq_col_int(st, 0) : 0;
	sqlite3_reset(st);
	return 0;
}

static int event_totals(struct store *s, int64_t agency_id, const char *kind,
			const char *amount_kind, const char *from, const char *to, int64_t *n,
			int64_t *fen, struct gk_error *e)
{
	static const char sql[] = "SELECT count(*), coalesce(sum((SELECT m.amount_fen "
		"FROM app_event m WHERE m.app_id = v.app_id AND m.kind = ?3 AND m.id <= v.id "
		"ORDER BY m.id DESC LIMIT 1)), 0) "
		"FROM app_event v JOIN application a ON a.id = v.app_id "
		"WHERE a.agency_id = ?1 AND v.kind = ?2 AND v.date >= ?4 AND v.date <= ?5";
	sqlite3_stmt *st;
	int rc, row;

	*n = *fen = 0;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_text(st, 2, kind);
	sq_bind_text(st, 3, amount_kind);
	sq_bind_text(st, 4, from);
	sq_bind_text(st, 5, to);
	if ((rc = sq_next(s, st, &row, "adding up events", e)) != 0)
		return rc;
	if (row) {
		*n = sq_col_int(st, 0);
		*fen = sq_col_int(st, 1);
	}
	sqlite3_reset(st);
	return 0;
}

const struct app_store_ops sqlite_app_ops = {
	.insert = insert,
	.get = get,
	.get_by_code = get_by_code,
	.update_summary = update_summary,
	.event_insert = event_insert,
	.events = events,
	.list = list,
	.ordinal_in_month = ordinal_in_month,
	.event_totals = event_totals,
};

/*
 * sqlite_audit.c — the audit log in SQLite (implements store/audit_store.h).
 */
#include "store/audit_store.h"
#include "store/sqlite_int.h"

#define AUDIT_COLS "id, at, actor, agency_id, entity, entity_id, action, content, prev_hash, hash"

static void fill(sqlite3_stmt *st, struct arena *a, struct audit_rec *r)
{
	r->id = sq_col_int(st, 0);
	r->at = a ? sq_col_dup(st, 1, a) : sq_col_text(st, 1);
	r->actor = a ? sq_col_dup(st, 2, a) : sq_col_text(st, 2);
	r->agency_id = sq_col_int(st, 3);
	r->entity = a ? sq_col_dup(st, 4, a) : sq_col_text(st, 4);
	r->entity_id = sq_col_int(st, 5);
	r->action = a ? sq_col_dup(st, 6, a) : sq_col_text(st, 6);
	r->content = a ? sq_col_dup(st, 7, a) : sq_col_text(st, 7);
	r->prev_hash = a ? sq_col_dup(st, 8, a) : sq_col_text(st, 8);
	r->hash = a ? sq_col_dup(st, 9, a) : sq_col_text(st, 9);
}

static int last(struct store *s, struct arena *a, struct audit_rec *out, int *found,
		struct gk_error *e)
{
	static const char sql[] = "SELECT " AUDIT_COLS " FROM audit_event ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	if ((rc = sq_next(s, st, found, "reading the audit log", e)) != 0)
		return rc;
	if (*found) {
		fill(st, a, out);
		sqlite3_reset(st);
	}
	return 0;
}

static int append(struct store *s, const struct audit_rec *r, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO audit_event (" AUDIT_COLS ") "
				  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, r->id);
	sq_bind_text(st, 2, r->at);
	sq_bind_text(st, 3, r->actor);
	sq_bind_int_or_null(st, 4, r->agency_id, 0);
	sq_bind_text(st, 5, r->entity);
	sq_bind_int_or_null(st, 6, r->entity_id, 0);
	sq_bind_text(st, 7, r->action);
	sq_bind_text(st, 8, r->content);
	sq_bind_text(st, 9, r->prev_hash);
	sq_bind_text(st, 10, r->hash);
	return sq_exec_stmt(s, st, "appending to the audit log", e);
}

struct each {
	audit_row_fn fn;
	void *ctx;
};

static int each_row(void *p, sqlite3_stmt *st)
{
	struct each *x = p;
	struct audit_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

static int list(struct store *s, const char *entity, int64_t entity_id, audit_row_fn fn,
		void *ctx, struct gk_error *e)
{
	static const char all[] = "SELECT " AUDIT_COLS " FROM audit_event ORDER BY id";
	static const char one[] = "SELECT " AUDIT_COLS " FROM audit_event "
				  "WHERE entity = ? AND entity_id = ? ORDER BY id";
	struct each x = { fn, ctx };
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, entity ? one : all, &st, e)) != 0)
		return rc;
	if (entity) {
		sq_bind_text(st, 1, entity);
		sq_bind_int(st, 2, entity_id);
	}
	return sq_each(s, st, "reading the audit log", each_row, &x, e);
}

const struct audit_store_ops sqlite_audit_ops = {
	.last = last,
	.append = append,
	.list = list,
};

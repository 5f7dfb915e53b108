/*
 * audit_store.c — the audit log (implements store/audit_store.h).
 */
#include "store/audit_store.h"
#include "store/db.h"


static void fill(struct db_stmt *st, struct arena *a, struct audit_rec *r)
{
	r->id = db_col_int(st, 0);
	r->at = a ? db_col_dup(st, 1, a) : db_col_text(st, 1);
	r->actor = a ? db_col_dup(st, 2, a) : db_col_text(st, 2);
	r->agency_id = db_col_int(st, 3);
	r->entity = a ? db_col_dup(st, 4, a) : db_col_text(st, 4);
	r->entity_id = db_col_int(st, 5);
	r->action = a ? db_col_dup(st, 6, a) : db_col_text(st, 6);
	r->content = a ? db_col_dup(st, 7, a) : db_col_text(st, 7);
	r->prev_hash = a ? db_col_dup(st, 8, a) : db_col_text(st, 8);
	r->hash = a ? db_col_dup(st, 9, a) : db_col_text(st, 9);
}

static int last(struct store *s, struct arena *a, struct audit_rec *out, int *found,
		struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_AUDIT_LAST, &st, e)) != 0)
		return rc;
	if ((rc = db_next(s, st, found, "reading the audit log", e)) != 0)
		return rc;
	if (*found) {
		fill(st, a, out);
		db_reset(st);
	}
	return 0;
}

static int append(struct store *s, const struct audit_rec *r, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_AUDIT_APPEND, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, r->id);
	db_bind_text(st, 2, r->at);
	db_bind_text(st, 3, r->actor);
	db_bind_int_or_null(st, 4, r->agency_id, 0);
	db_bind_text(st, 5, r->entity);
	db_bind_int_or_null(st, 6, r->entity_id, 0);
	db_bind_text(st, 7, r->action);
	db_bind_text(st, 8, r->content);
	db_bind_text(st, 9, r->prev_hash);
	db_bind_text(st, 10, r->hash);
	return db_exec(s, st, "appending to the audit log", e);
}

struct each {
	audit_row_fn fn;
	void *ctx;
};

static int each_row(void *p, struct db_stmt *st)
{
	struct each *x = p;
	struct audit_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

static int list(struct store *s, const char *entity, int64_t entity_id, audit_row_fn fn,
		void *ctx, struct gk_error *e)
{
	struct each x = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, entity ? ST_AUDIT_LIST_ONE : ST_AUDIT_LIST_ALL, &st, e)) != 0)
		return rc;
	if (entity) {
		db_bind_text(st, 1, entity);
		db_bind_int(st, 2, entity_id);
	}
	return db_each(s, st, "reading the audit log", each_row, &x, e);
}

const struct audit_store_ops store_audit_ops = {
	.last = last,
	.append = append,
	.list = list,
};

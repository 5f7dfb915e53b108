/*
 * user_store.c — staff accounts (implements store/user_store.h).
 */
#include <stdio.h>

#include "store/db.h"
#include "store/records.h"
#include "store/user_store.h"

static void fill(struct db_stmt *st, struct arena *a, struct user_rec *r)
{
	r->id = db_col_int(st, 0);
	r->agency_id = db_col_int(st, 1);
	db_read_record(st, 2, &user_rec_desc, r, a);
}

static int insert(struct store *s, const struct user_rec *r, int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_USER_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int_or_null(st, 1, r->agency_id, 0);
	db_bind_record(st, 2, &user_rec_desc, r);
	return db_insert(s, st, "adding the user", id, e);
}

static int get_one(struct store *s, struct db_stmt *st, struct arena *a, struct user_rec *out,
		   const char *what, struct gk_error *e)
{
	char none[320];
	int rc;

	snprintf(none, sizeof none, "user %s", what);
	if ((rc = db_one(s, st, "reading users", "user", none, e)) != 0)
		return rc;
	fill(st, a, out);
	db_reset(st);
	return 0;
}

static int get_by_name(struct store *s, const char *name, struct arena *a, struct user_rec *out,
		       struct gk_error *e)
{
	struct db_stmt *st;
	char what[300];
	int rc;

	if ((rc = db_stmt(s, ST_USER_GET_BY_NAME, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, name);
	snprintf(what, sizeof what, "named '%s'", name);
	return get_one(s, st, a, out, what, e);
}

static int get(struct store *s, int64_t id, struct arena *a, struct user_rec *out,
	       struct gk_error *e)
{
	struct db_stmt *st;
	char what[40];
	int rc;

	if ((rc = db_stmt(s, ST_USER_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(s, st, a, out, what, e);
}

static int set_password(struct store *s, int64_t id, const char *hash, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_USER_SET_PASSWORD, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, id);
	if ((rc = db_exec(s, st, "setting the password", e)) != 0)
		return rc;
	if (db_changes(s) == 0)
		return err_set(e, ERR_NOTFOUND, "user", "no user with id %lld", (long long)id);
	return 0;
}

static int set_role(struct store *s, int64_t id, const char *role, int64_t agency_id,
		    struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_USER_SET_ROLE, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, role);
	db_bind_int_or_null(st, 2, agency_id, 0);
	db_bind_int(st, 3, id);
	if ((rc = db_exec(s, st, "changing the role", e)) != 0)
		return rc;
	if (db_changes(s) == 0)
		return err_set(e, ERR_NOTFOUND, "user", "no user with id %lld", (long long)id);
	return 0;
}

struct each {
	user_row_fn fn;
	void *ctx;
};

static int each_row(void *p, struct db_stmt *st)
{
	struct each *x = p;
	struct user_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

static int list(struct store *s, user_row_fn fn, void *ctx, struct gk_error *e)
{
	struct each x = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_USER_LIST, &st, e)) != 0)
		return rc;
	return db_each(s, st, "listing users", each_row, &x, e);
}

static int history_add(struct store *s, int64_t id, const char *hash, int64_t at, int keep,
		       struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_USER_HISTORY_ADD, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, hash);
	db_bind_int(st, 3, at);
	if ((rc = db_exec(s, st, "recording the password", e)) != 0)
		return rc;
	if ((rc = db_stmt(s, ST_USER_HISTORY_TRIM, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, keep);
	return db_exec(s, st, "trimming the password history", e);
}

static int history_list(struct store *s, int64_t id, user_hash_fn fn, void *ctx,
			struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_USER_HISTORY_LIST, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	while ((rc = db_next(s, st, &row, "reading the password history", e)) == 0 && row)
		if (fn(ctx, db_col_text(st, 0), db_col_int(st, 1)) != 0) {
			db_reset(st);
			break;
		}
	return rc;
}

static int totp_get(struct store *s, int64_t id, struct arena *a, struct user_totp_rec *out,
		    int *found, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	*found = 0;
	if ((rc = db_stmt(s, ST_USER_TOTP_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	if ((rc = db_next(s, st, &row, "reading the second factor", e)) != 0 || !row)
		return rc;
	out->secret = db_col_dup(st, 0, a);
	out->confirmed = (int)db_col_int(st, 1);
	out->last_step = db_col_int(st, 2);
	*found = 1;
	db_reset(st);
	return 0;
}

static int totp_set(struct store *s, int64_t id, const struct user_totp_rec *r,
		    struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, r ? ST_USER_TOTP_PUT : ST_USER_TOTP_DELETE, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	if (r) {
		db_bind_text(st, 2, r->secret);
		db_bind_int(st, 3, r->confirmed);
		db_bind_int(st, 4, r->last_step);
	}
	return db_exec(s, st, "recording the second factor", e);
}

static int totp_list(struct store *s, user_totp_fn fn, void *ctx, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_USER_TOTP_LIST, &st, e)) != 0)
		return rc;
	while ((rc = db_next(s, st, &row, "reading the second factors", e)) == 0 && row) {
		struct user_totp_rec r = { db_col_text(st, 1), (int)db_col_int(st, 2),
					   db_col_int(st, 3) };
		if (fn(ctx, db_col_int(st, 0), &r) != 0) {
			db_reset(st);
			break;
		}
	}
	return rc;
}

const struct user_store_ops store_user_ops = {
	.totp_list = totp_list,
	.history_add = history_add,
	.history_list = history_list,
	.totp_get = totp_get,
	.totp_set = totp_set,
	.insert = insert,
	.get_by_name = get_by_name,
	.get = get,
	.set_password = set_password,
	.set_role = set_role,
	.list = list,
};

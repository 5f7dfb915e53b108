/*
 * sqlite_user.c — staff accounts in SQLite (implements store/user_store.h).
 */
#include <stdio.h>

#include "store/sqlite_int.h"
#include "store/user_store.h"

#define USER_COLS "id, name, display_name, role, agency_id, password_hash, created_at"

static const char *col(sqlite3_stmt *st, int i, struct arena *a)
{
	if (sq_col_is_null(st, i))
		return NULL;
	return a ? sq_col_dup(st, i, a) : sq_col_text(st, i);
}

static void fill(sqlite3_stmt *st, struct arena *a, struct user_rec *r)
{
	r->id = sq_col_int(st, 0);
	r->name = col(st, 1, a);
	r->display_name = col(st, 2, a);
	r->role = col(st, 3, a);
	r->agency_id = sq_col_int(st, 4);
	r->password_hash = col(st, 5, a);
	r->created_at = col(st, 6, a);
}

static int insert(struct store *s, const struct user_rec *r, int64_t *id, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO app_user (name, display_name, role, agency_id, "
				  "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, r->name);
	sq_bind_text(st, 2, r->display_name);
	sq_bind_text(st, 3, r->role);
	sq_bind_int_or_null(st, 4, r->agency_id, 0);
	sq_bind_text(st, 5, r->password_hash);
	sq_bind_text(st, 6, r->created_at);
	return sq_insert(s, st, "adding the user", id, e);
}

static int get_one(struct store *s, sqlite3_stmt *st, struct arena *a, struct user_rec *out,
		   const char *what, struct gk_error *e)
{
	char none[320];
	int rc;

	snprintf(none, sizeof none, "user %s", what);
	if ((rc = sq_one(s, st, "reading users", "user", none, e)) != 0)
		return rc;
	fill(st, a, out);
	sqlite3_reset(st);
	return 0;
}

static int get_by_name(struct store *s, const char *name, struct arena *a, struct user_rec *out,
		       struct gk_error *e)
{
	static const char sql[] = "SELECT " USER_COLS " FROM app_user WHERE name = ?";
	sqlite3_stmt *st;
	char what[300];
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, name);
	snprintf(what, sizeof what, "named '%s'", name);
	return get_one(s, st, a, out, what, e);
}

static int get(struct store *s, int64_t id, struct arena *a, struct user_rec *out,
	       struct gk_error *e)
{
	static const char sql[] = "SELECT " USER_COLS " FROM app_user WHERE id = ?";
	sqlite3_stmt *st;
	char what[40];
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(s, st, a, out, what, e);
}

static int set_password(struct store *s, int64_t id, const char *hash, struct gk_error *e)
{
	static const char sql[] = "UPDATE app_user SET password_hash = ? WHERE id = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, hash);
	sq_bind_int(st, 2, id);
	if ((rc = sq_exec_stmt(s, st, "setting the password", e)) != 0)
		return rc;
	if (sqlite3_changes(sq_db(s)) == 0)
		return err_set(e, ERR_NOTFOUND, "user", "no user with id %lld", (long long)id);
	return 0;
}

static int set_role(struct store *s, int64_t id, const char *role, int64_t agency_id,
		    struct gk_error *e)
{
	static const char sql[] = "UPDATE app_user SET role = ?, agency_id = ? WHERE id = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, role);
	sq_bind_int_or_null(st, 2, agency_id, 0);
	sq_bind_int(st, 3, id);
	if ((rc = sq_exec_stmt(s, st, "changing the role", e)) != 0)
		return rc;
	if (sqlite3_changes(sq_db(s)) == 0)
		return err_set(e, ERR_NOTFOUND, "user", "no user with id %lld", (long long)id);
	return 0;
}

struct each {
	user_row_fn fn;
	void *ctx;
};

static int each_row(void *p, sqlite3_stmt *st)
{
	struct each *x = p;
	struct user_rec r;

	fill(st, NULL, &r);
	return x->fn(x->ctx, &r);
}

static int list(struct store *s, user_row_fn fn, void *ctx, struct gk_error *e)
{
	static const char sql[] = "SELECT " USER_COLS " FROM app_user ORDER BY name";
	struct each x = { fn, ctx };
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	return sq_each(s, st, "listing users", each_row, &x, e);
}

static int history_add(struct store *s, int64_t id, const char *hash, int64_t at, int keep,
		       struct gk_error *e)
{
	static const char add[] = "INSERT INTO password_history (user_id, hash, at) VALUES (?, ?, ?)";
	static const char trim[] = "DELETE FROM password_history WHERE user_id = ?1 AND id NOT IN "
				   "(SELECT id FROM password_history WHERE user_id = ?1 "
				   "ORDER BY id DESC LIMIT ?2)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, add, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	sq_bind_text(st, 2, hash);
	sq_bind_int(st, 3, at);
	if ((rc = sq_exec_stmt(s, st, "recording the password", e)) != 0)
		return rc;
	if ((rc = sq_stmt(s, trim, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	sq_bind_int(st, 2, keep);
	return sq_exec_stmt(s, st, "trimming the password history", e);
}

static int history_list(struct store *s, int64_t id, user_hash_fn fn, void *ctx,
			struct gk_error *e)
{
	static const char sql[] = "SELECT hash, at FROM password_history WHERE user_id = ? "
				  "ORDER BY id DESC";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	while ((rc = sq_next(s, st, &row, "reading the password history", e)) == 0 && row)
		if (fn(ctx, sq_col_text(st, 0), sq_col_int(st, 1)) != 0) {
			sqlite3_reset(st);
			break;
		}
	return rc;
}

static int totp_get(struct store *s, int64_t id, struct arena *a, struct user_totp_rec *out,
		    int *found, struct gk_error *e)
{
	static const char sql[] = "SELECT secret, confirmed, last_step FROM user_totp WHERE user_id = ?";
	sqlite3_stmt *st;
	int rc, row;

	*found = 0;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	if ((rc = sq_next(s, st, &row, "reading the second factor", e)) != 0 || !row)
		return rc;
	out->secret = sq_col_dup(st, 0, a);
	out->confirmed = (int)sq_col_int(st, 1);
	out->last_step = sq_col_int(st, 2);
	*found = 1;
	sqlite3_reset(st);
	return 0;
}

static int totp_set(struct store *s, int64_t id, const struct user_totp_rec *r,
		    struct gk_error *e)
{
	static const char del[] = "DELETE FROM user_totp WHERE user_id = ?";
	static const char put[] = "INSERT OR REPLACE INTO user_totp (user_id, secret, confirmed, "
				  "last_step) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, r ? put : del, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	if (r) {
		sq_bind_text(st, 2, r->secret);
		sq_bind_int(st, 3, r->confirmed);
		sq_bind_int(st, 4, r->last_step);
	}
	return sq_exec_stmt(s, st, "recording the second factor", e);
}

const struct user_store_ops sqlite_user_ops = {
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

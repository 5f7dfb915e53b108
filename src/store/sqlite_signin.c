/*
 * sqlite_signin.c — sign-in records in SQLite (implements store/signin_store.h).
 */
#include "store/signin_store.h"
#include "store/sqlite_int.h"

static int fail_add(struct store *s, const struct signin_failure_rec *r, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO signin_failure (at, account, client) VALUES (?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, r->at);
	sq_bind_text(st, 2, r->account);
	sq_bind_text(st, 3, r->client);
	return sq_exec_stmt(s, st, "recording a failed sign-in", e);
}

static int fail_count(struct store *s, const char *account, const char *client, int64_t since,
		      int64_t mark, int64_t *n, int64_t *last, struct gk_error *e)
{
	static const char sql[] = "SELECT count(*), coalesce(max(at), 0) FROM signin_failure "
				  "WHERE at >= ?1 AND (at > ?1 OR id > ?4) "
				  "AND (?2 IS NULL OR account = ?2) AND (?3 IS NULL OR client = ?3)";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, since);
	sq_bind_text(st, 2, account);
	sq_bind_text(st, 3, client);
	sq_bind_int(st, 4, mark);
	if ((rc = sq_next(s, st, &row, "counting failed sign-ins", e)) != 0)
		return rc;
	*n = row ? sq_col_int(st, 0) : 0;
	*last = row ? sq_col_int(st, 1) : 0;
	sqlite3_reset(st);
	return 0;
}

static int fail_list(struct store *s, const char *account, int64_t since, int64_t mark,
		     int limit, signin_failure_fn fn, void *ctx, struct gk_error *e)
{
	static const char sql[] = "SELECT at, account, client FROM signin_failure "
				  "WHERE at >= ?1 AND (at > ?1 OR id > ?4) AND (?2 IS NULL OR account = ?2) "
				  "ORDER BY at DESC, id DESC LIMIT ?3";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, since);
	sq_bind_text(st, 2, account);
	sq_bind_int(st, 3, limit);
	sq_bind_int(st, 4, mark);
	while ((rc = sq_next(s, st, &row, "listing failed sign-ins", e)) == 0 && row) {
		struct signin_failure_rec r = { sq_col_int(st, 0), sq_col_text(st, 1), sq_col_text(st, 2) };
		if (fn(ctx, &r) != 0) {
			sqlite3_reset(st);
			break;
		}
	}
	return rc;
}

static int fail_prune(struct store *s, int64_t before, struct gk_error *e)
{
	static const char sql[] = "DELETE FROM signin_failure WHERE at < ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, before);
	return sq_exec_stmt(s, st, "pruning failed sign-ins", e);
}

static int record(struct store *s, int64_t user_id, const struct signin_rec *now,
		  struct gk_error *e)
{
	static const char sql[] =
		"INSERT INTO signin_last (user_id, at, client, mark) "
		"VALUES (?1, ?2, ?3, (SELECT coalesce(max(id), 0) FROM signin_failure)) "
		"ON CONFLICT (user_id) DO UPDATE SET prev_at = at, prev_client = client, "
		"prev_mark = mark, at = excluded.at, client = excluded.client, mark = excluded.mark";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, user_id);
	sq_bind_int(st, 2, now->at);
	sq_bind_text(st, 3, now->client);
	return sq_exec_stmt(s, st, "recording the sign-in", e);
}

static int last(struct store *s, int64_t user_id, struct arena *a, struct signin_rec *latest,
		struct signin_rec *prev, struct gk_error *e)
{
	static const char sql[] = "SELECT at, client, coalesce(prev_at, 0), prev_client, mark, "
				  "prev_mark FROM signin_last WHERE user_id = ?";
	sqlite3_stmt *st;
	int rc, row;

	*latest = (struct signin_rec){ 0, NULL, 0 };
	*prev = (struct signin_rec){ 0, NULL, 0 };
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, user_id);
	if ((rc = sq_next(s, st, &row, "reading the last sign-in", e)) != 0 || !row)
		return rc;
	latest->at = sq_col_int(st, 0);
	latest->client = sq_col_dup(st, 1, a);
	prev->at = sq_col_int(st, 2);
	prev->client = sq_col_dup(st, 3, a);
	latest->mark = sq_col_int(st, 4);
	prev->mark = sq_col_int(st, 5);
	sqlite3_reset(st);
	return 0;
}

const struct signin_store_ops sqlite_signin_ops = {
	.fail_add = fail_add,
	.fail_count = fail_count,
	.fail_list = fail_list,
	.fail_prune = fail_prune,
	.record = record,
	.last = last,
};

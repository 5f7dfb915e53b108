/*
 * sqlite_session.c — staff sessions in SQLite (implements store/session_store.h).
 */
#include "store/session_store.h"
#include "store/sqlite_int.h"
#include "text/date.h"

static void bind_time(sqlite3_stmt *st, int i, int64_t secs)
{
	char ts[DATE_TIMESTAMP_LEN];

	sq_bind_text(st, i, date_timestamp_format(secs, ts));
}

static int insert(struct store *s, const struct session_rec *r, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO staff_session (token_hash, user_id, created_at, "
				  "seen_at, client) VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, r->token_hash);
	sq_bind_int(st, 2, r->user_id);
	bind_time(st, 3, r->created);
	bind_time(st, 4, r->seen);
	sq_bind_text(st, 5, r->client);
	return sq_exec_stmt(s, st, "adding the session", e);
}

static int get(struct store *s, const char *token_hash, struct arena *a, struct session_rec *out,
	       struct gk_error *e)
{
	static const char sql[] = "SELECT token_hash, user_id, created_at, seen_at, client "
				  "FROM staff_session WHERE token_hash = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, token_hash);
	if ((rc = sq_one(s, st, "reading sessions", "session", "no such session", e)) != 0)
		return rc;
	out->token_hash = sq_col_dup(st, 0, a);
	out->user_id = sq_col_int(st, 1);
	out->client = sq_col_dup(st, 4, a);
	if ((rc = date_timestamp_parse(sq_col_text(st, 2), &out->created, "created_at", e)) == 0)
		rc = date_timestamp_parse(sq_col_text(st, 3), &out->seen, "seen_at", e);
	sqlite3_reset(st);
	return rc;
}

static int touch(struct store *s, const char *token_hash, int64_t seen, struct gk_error *e)
{
	static const char sql[] = "UPDATE staff_session SET seen_at = ? WHERE token_hash = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	bind_time(st, 1, seen);
	sq_bind_text(st, 2, token_hash);
	return sq_exec_stmt(s, st, "recording the session's use", e);
}

static int remove_one(struct store *s, const char *token_hash, struct gk_error *e)
{
	static const char sql[] = "DELETE FROM staff_session WHERE token_hash = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_text(st, 1, token_hash);
	return sq_exec_stmt(s, st, "ending the session", e);
}

/* Run a DELETE already bound, and report how many rows went. */
static int exec_count(struct store *s, sqlite3_stmt *st, const char *what, int *n,
		      struct gk_error *e)
{
	int rc = sq_exec_stmt(s, st, what, e);

	if (rc == 0 && n)
		*n = sqlite3_changes(sq_db(s));
	return rc;
}

static int remove_user(struct store *s, int64_t user_id, int *n, struct gk_error *e)
{
	static const char sql[] = "DELETE FROM staff_session WHERE user_id = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, user_id);
	return exec_count(s, st, "ending the user's sessions", n, e);
}

static int remove_expired(struct store *s, int64_t seen_before, int64_t created_before, int *n,
			  struct gk_error *e)
{
	static const char sql[] = "DELETE FROM staff_session WHERE seen_at < ? OR created_at < ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	bind_time(st, 1, seen_before);
	bind_time(st, 2, created_before);
	return exec_count(s, st, "removing expired sessions", n, e);
}

static int trim_user(struct store *s, int64_t user_id, int keep, struct gk_error *e)
{
	static const char sql[] = "DELETE FROM staff_session WHERE user_id = ? AND token_hash NOT IN "
				  "(SELECT token_hash FROM staff_session WHERE user_id = ? "
				  "ORDER BY created_at DESC, token_hash LIMIT ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, user_id);
	sq_bind_int(st, 2, user_id);
	sq_bind_int(st, 3, keep);
	return sq_exec_stmt(s, st, "limiting the user's sessions", e);
}

const struct session_store_ops sqlite_session_ops = {
	.insert = insert,
	.get = get,
	.touch = touch,
	.remove = remove_one,
	.remove_user = remove_user,
	.remove_expired = remove_expired,
	.trim_user = trim_user,
};

/*
 * session_store.c — staff sessions (implements store/session_store.h).
 */
#include "store/session_store.h"
#include "store/db.h"
#include "text/date.h"

static void bind_time(struct db_stmt *st, int i, int64_t secs)
{
	char ts[DATE_TIMESTAMP_LEN];

	db_bind_text(st, i, date_timestamp_format(secs, ts));
}

static int insert(struct store *s, const struct session_rec *r, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_INSERT, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, r->token_hash);
	db_bind_int(st, 2, r->user_id);
	bind_time(st, 3, r->created);
	bind_time(st, 4, r->seen);
	db_bind_text(st, 5, r->client);
	return db_exec(s, st, "adding the session", e);
}

static int get(struct store *s, const char *token_hash, struct arena *a, struct session_rec *out,
	       struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_GET, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, token_hash);
	if ((rc = db_one(s, st, "reading sessions", "session", "no such session", e)) != 0)
		return rc;
	out->token_hash = db_col_dup(st, 0, a);
	out->user_id = db_col_int(st, 1);
	out->client = db_col_dup(st, 4, a);
	if ((rc = date_timestamp_parse(db_col_text(st, 2), &out->created, "created_at", e)) == 0)
		rc = date_timestamp_parse(db_col_text(st, 3), &out->seen, "seen_at", e);
	db_reset(st);
	return rc;
}

static int touch(struct store *s, const char *token_hash, int64_t seen, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_TOUCH, &st, e)) != 0)
		return rc;
	bind_time(st, 1, seen);
	db_bind_text(st, 2, token_hash);
	return db_exec(s, st, "recording the session's use", e);
}

static int remove_one(struct store *s, const char *token_hash, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_REMOVE_ONE, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, token_hash);
	return db_exec(s, st, "ending the session", e);
}

/* Run a DELETE already bound, and report how many rows went. */
static int exec_count(struct store *s, struct db_stmt *st, const char *what, int *n,
		      struct gk_error *e)
{
	int rc = db_exec(s, st, what, e);

	if (rc == 0 && n)
		*n = db_changes(s);
	return rc;
}

static int remove_user(struct store *s, int64_t user_id, int *n, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_REMOVE_USER, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, user_id);
	return exec_count(s, st, "ending the user's sessions", n, e);
}

static int remove_expired(struct store *s, int64_t seen_before, int64_t created_before, int *n,
			  struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_REMOVE_EXPIRED, &st, e)) != 0)
		return rc;
	bind_time(st, 1, seen_before);
	bind_time(st, 2, created_before);
	return exec_count(s, st, "removing expired sessions", n, e);
}

static int trim_user(struct store *s, int64_t user_id, int keep, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SESSION_TRIM_USER, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, user_id);
	db_bind_int(st, 3, keep);
	return db_exec(s, st, "limiting the user's sessions", e);
}

const struct session_store_ops store_session_ops = {
	.insert = insert,
	.get = get,
	.touch = touch,
	.remove = remove_one,
	.remove_user = remove_user,
	.remove_expired = remove_expired,
	.trim_user = trim_user,
};

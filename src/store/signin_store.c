/*
 * signin_store.c — sign-in records (implements store/signin_store.h).
 */
#include "store/signin_store.h"
#include "store/db.h"

static int fail_add(struct store *s, const struct signin_failure_rec *r, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SIGNIN_FAIL_ADD, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, r->at);
	db_bind_text(st, 2, r->account);
	db_bind_text(st, 3, r->client);
	return db_exec(s, st, "recording a failed sign-in", e);
}

static int fail_count(struct store *s, const char *account, const char *client, int64_t since,
		      int64_t mark, int64_t *n, int64_t *last, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_SIGNIN_FAIL_COUNT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, since);
	db_bind_text(st, 2, account);
	db_bind_text(st, 3, client);
	db_bind_int(st, 4, mark);
	if ((rc = db_next(s, st, &row, "counting failed sign-ins", e)) != 0)
		return rc;
	*n = row ? db_col_int(st, 0) : 0;
	*last = row ? db_col_int(st, 1) : 0;
	db_reset(st);
	return 0;
}

static int fail_list(struct store *s, const char *account, int64_t since, int64_t mark,
		     int limit, signin_failure_fn fn, void *ctx, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_SIGNIN_FAIL_LIST, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, since);
	db_bind_text(st, 2, account);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, mark);
	while ((rc = db_next(s, st, &row, "listing failed sign-ins", e)) == 0 && row) {
		struct signin_failure_rec r = { db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2) };
		if (fn(ctx, &r) != 0) {
			db_reset(st);
			break;
		}
	}
	return rc;
}

static int fail_prune(struct store *s, int64_t before, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SIGNIN_FAIL_PRUNE, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, before);
	return db_exec(s, st, "pruning failed sign-ins", e);
}

static int record(struct store *s, int64_t user_id, const struct signin_rec *now,
		  struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SIGNIN_RECORD, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, now->at);
	db_bind_text(st, 3, now->client);
	return db_exec(s, st, "recording the sign-in", e);
}

static int last(struct store *s, int64_t user_id, struct arena *a, struct signin_rec *latest,
		struct signin_rec *prev, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	*latest = (struct signin_rec){ 0, NULL, 0 };
	*prev = (struct signin_rec){ 0, NULL, 0 };
	if ((rc = db_stmt(s, ST_SIGNIN_LAST, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, user_id);
	if ((rc = db_next(s, st, &row, "reading the last sign-in", e)) != 0 || !row)
		return rc;
	latest->at = db_col_int(st, 0);
	latest->client = db_col_dup(st, 1, a);
	prev->at = db_col_int(st, 2);
	prev->client = db_col_dup(st, 3, a);
	latest->mark = db_col_int(st, 4);
	prev->mark = db_col_int(st, 5);
	db_reset(st);
	return 0;
}

const struct signin_store_ops store_signin_ops = {
	.fail_add = fail_add,
	.fail_count = fail_count,
	.fail_list = fail_list,
	.fail_prune = fail_prune,
	.record = record,
	.last = last,
};

/*
 * shared_store.c — rate counters and secrets of the web processes (implements
 * store/shared_store.h).
 */
#include "store/shared_store.h"
#include "store/db.h"

static int rate_hit(struct store *s, const char *key, int64_t now, int64_t since, int64_t *n,
		    struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_RATE_HIT, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, key);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, since);
	if ((rc = db_next(s, st, &row, "counting a form's submissions", e)) != 0)
		return rc;
	if (!row)   /* the upsert returns its row: none is a fault of the database */
		return err_set(e, ERR_DB, "", "counting a form's submissions: no count returned");
	*n = db_col_int(st, 0);
	db_reset(st);
	return 0;
}

static int rate_prune(struct store *s, int64_t before, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_RATE_PRUNE, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, before);
	return db_exec(s, st, "pruning the rate counters", e);
}

static int secret_add(struct store *s, const char *name, const char *value, const char *at,
		      struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_SECRET_ADD, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, value);
	db_bind_text(st, 3, at);
	return db_exec(s, st, "storing a secret of the web processes", e);
}

static int secret_get(struct store *s, const char *name, struct arena *a, char **value,
		      struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	*value = NULL;
	if ((rc = db_stmt(s, ST_SECRET_GET, &st, e)) != 0)
		return rc;
	db_bind_text(st, 1, name);
	if ((rc = db_next(s, st, &row, "reading a secret of the web processes", e)) != 0 || !row)
		return rc;
	*value = db_col_dup(st, 0, a);
	db_reset(st);
	return 0;
}

const struct shared_store_ops store_shared_ops = {
	.rate_hit = rate_hit,
	.rate_prune = rate_prune,
	.secret_add = secret_add,
	.secret_get = secret_get,
};

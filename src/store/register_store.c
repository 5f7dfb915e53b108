/*
 * register_store.c — the registers (implements store/register_store.h).
 *
 * One table per register (migration "registers" in store/migrations.c); each is listed below
 * with its statements (ST_REG_<NAME>_*, store/stmt.h), whose column order is the register's
 * field order.
 */
#include <string.h>

#include "store/register_store.h"
#include "store/db.h"

struct regtable {
	const char *reg;
	int ncols;
	enum stmt_id insert, select, update, remove;  /* update: SET every column, then id, organ */
	enum stmt_id organs;                          /* the rows of an organ or a region */
};

static const struct regtable tables[] = {
	{ "normdoc", 5, ST_REG_NORMDOC_INSERT, ST_REG_NORMDOC_SELECT, ST_REG_NORMDOC_UPDATE,
	  ST_REG_NORMDOC_DELETE, ST_REG_NORMDOC_ORGANS },
	{ "decision", 7, ST_REG_DECISION_INSERT, ST_REG_DECISION_SELECT, ST_REG_DECISION_UPDATE,
	  ST_REG_DECISION_DELETE, ST_REG_DECISION_ORGANS },
	{ "fee", 5, ST_REG_FEE_INSERT, ST_REG_FEE_SELECT, ST_REG_FEE_UPDATE, ST_REG_FEE_DELETE,
	  ST_REG_FEE_ORGANS },
	{ "case", 8, ST_REG_CASE_INSERT, ST_REG_CASE_SELECT, ST_REG_CASE_UPDATE, ST_REG_CASE_DELETE,
	  ST_REG_CASE_ORGANS },
	{ "feedback", 7, ST_REG_FEEDBACK_INSERT, ST_REG_FEEDBACK_SELECT, ST_REG_FEEDBACK_UPDATE,
	  ST_REG_FEEDBACK_DELETE, ST_REG_FEEDBACK_ORGANS },
	{ "news", 4, ST_REG_NEWS_INSERT, ST_REG_NEWS_SELECT, ST_REG_NEWS_UPDATE, ST_REG_NEWS_DELETE,
	  ST_REG_NEWS_ORGANS },
};

static const struct regtable *table_of(const char *reg, struct gk_error *e)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].reg, reg) == 0)
			return &tables[i];
	err_set(e, ERR_INVALID, "register", "no register named '%s'", reg);
	return NULL;
}

/* Bind n cells to parameters first, first+1, …; empty cells stay NULL. */
static void bind_cells(struct db_stmt *st, int first, const struct regrow *row, int n)
{
	for (int c = 0; c < n; c++) {
		if (row->c[c].type == REGCELL_INT)
			db_bind_int(st, first + c, row->c[c].i);
		else if (row->c[c].type == REGCELL_TEXT)
			db_bind_text(st, first + c, row->c[c].s);
	}
}

static int insert(struct store *s, const char *reg, int64_t agency_id, const struct regrow *row, int64_t *id,
		  struct gk_error *e)
{
	const struct regtable *t = table_of(reg, e);
	struct db_stmt *st;
	int rc;

	if (t == NULL)
		return ERR_INVALID;
	if ((rc = db_stmt(s, t->insert, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	bind_cells(st, 2, row, t->ncols);
	return db_insert(s, st, "adding a register entry", id, e);
}

/* ERR_NOTFOUND / ERR_STATE for a row that may not be changed through the register. */
static int check_changeable(struct store *s, const char *reg, int64_t agency_id, int64_t id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;
	int64_t doc;

	if (strcmp(reg, "normdoc") != 0)
		return 0;
	if ((rc = db_stmt(s, ST_REG_CHECK_CHANGEABLE, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, agency_id);
	if ((rc = db_next(s, st, &row, "reading the normative document", e)) != 0)
		return rc;
	doc = row && !db_col_is_null(st, 0) ? db_col_int(st, 0) : 0;
	db_reset(st);
	if (doc)
		return err_set(e, ERR_STATE, "id",
			       "entry %lld follows catalogue document %lld: change the document instead",
			       (long long)id, (long long)doc);
	return 0;
}

static int change(struct store *s, const char *reg, int64_t agency_id, int64_t id, const struct regrow *row,
		  struct gk_error *e)
{
	const struct regtable *t = table_of(reg, e);
	struct db_stmt *st;
	int rc;

	if (t == NULL)
		return ERR_INVALID;
	if ((rc = check_changeable(s, reg, agency_id, id, e)) != 0)
		return rc;
	if ((rc = db_stmt(s, row ? t->update : t->remove, &st, e)) != 0)
		return rc;
	if (row)
		bind_cells(st, 1, row, t->ncols);
	db_bind_int(st, row ? t->ncols + 1 : 1, id);
	db_bind_int(st, row ? t->ncols + 2 : 2, agency_id);
	if ((rc = db_exec(s, st, row ? "changing a register entry" : "removing a register entry", e)) != 0)
		return rc;
	if (db_changes(s) == 0)
		return err_set(e, ERR_NOTFOUND, "id", "no %s entry %lld for this organ", reg, (long long)id);
	return 0;
}

static int update(struct store *s, const char *reg, int64_t agency_id, int64_t id, const struct regrow *row,
		  struct gk_error *e)
{
	return change(s, reg, agency_id, id, row, e);
}

static int remove_row(struct store *s, const char *reg, int64_t agency_id, int64_t id, struct gk_error *e)
{
	return change(s, reg, agency_id, id, NULL, e);
}

/* The rows of statement st (id, t's columns, [document_id,] [agency_id]) as an array in a. */
static int read_rows(struct store *s, const struct regtable *t, struct db_stmt *st, int with_organ,
		     struct arena *a, struct regrow **out, size_t *n, struct gk_error *e)
{
	struct regrow *rows = NULL;
	size_t nrows = 0, cap = 0;
	int rc, row, normdoc = strcmp(t->reg, "normdoc") == 0;

	while ((rc = db_next(s, st, &row, "listing a register", e)) == 0 && row) {
		struct regrow *r = ARENA_PUSH(a, rows, nrows, cap, 64);

		r->id = db_col_int(st, 0);
		if (normdoc)
			r->document_id = db_col_int(st, t->ncols + 1);
		if (with_organ)
			r->agency_id = db_col_int(st, t->ncols + 1 + normdoc);
		for (int c = 0; c < t->ncols; c++) {
			switch (db_col_type(st, c + 1)) {
			case DB_NULL:
				break;
			case DB_INT:
				r->c[c].type = REGCELL_INT;
				r->c[c].i = db_col_int(st, c + 1);
				break;
			default:
				r->c[c].type = REGCELL_TEXT;
				r->c[c].s = db_col_dup(st, c + 1, a);
				break;
			}
		}
	}
	if (rc != 0)
		return rc;
	*out = rows;
	*n = nrows;
	return 0;
}

static int list(struct store *s, const char *reg, int64_t agency_id, struct arena *a, struct regrow **out,
		size_t *n, struct gk_error *e)
{
	const struct regtable *t = table_of(reg, e);
	struct db_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (t == NULL)
		return ERR_INVALID;
	if ((rc = db_stmt(s, t->select, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	if ((rc = read_rows(s, t, st, 0, a, out, n, e)) == 0)
		for (size_t i = 0; i < *n; i++)
			(*out)[i].agency_id = agency_id;
	return rc;
}

static int list_organs(struct store *s, const char *reg, int64_t root_id, int alone, struct arena *a,
		       struct regrow **out, size_t *n, struct gk_error *e)
{
	const struct regtable *t = table_of(reg, e);
	struct db_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (t == NULL)
		return ERR_INVALID;
	if ((rc = db_stmt(s, t->organs, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, root_id);
	db_bind_int(st, 2, alone != 0);
	return read_rows(s, t, st, 1, a, out, n, e);
}

static int normdoc_sync(struct store *s, int64_t agency_id, int64_t document_id, const struct regrow *row,
			int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, r;

	if ((rc = db_stmt(s, ST_REG_NORMDOC_SYNC, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	bind_cells(st, 2, row, 5);
	db_bind_int(st, 7, document_id);
	if ((rc = db_next(s, st, &r, "recording the normative document", e)) != 0)
		return rc;
	*id = r ? db_col_int(st, 0) : 0;
	db_reset(st);
	return 0;
}

static int feedback_max_serial(struct store *s, int64_t agency_id, const char *prefix, int64_t *n,
			       struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_REG_FEEDBACK_MAX_SERIAL, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	db_bind_text(st, 2, prefix);
	if ((rc = db_next(s, st, &row, "counting feedback", e)) != 0)
		return rc;
	*n = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	return 0;
}

const struct register_store_ops store_register_ops = {
	.insert = insert,
	.list = list,
	.list_organs = list_organs,
	.update = update,
	.remove = remove_row,
	.normdoc_sync = normdoc_sync,
	.feedback_max_serial = feedback_max_serial,
};

/*
 * sqlite_register.c — the registers in SQLite (implements store/register_store.h).
 *
 * One table per register (migration "registers" in store/migrations.c); each is listed below
 * with its INSERT and SELECT statements, whose column order is the register's field order.
 */
#include <string.h>

#include "store/register_store.h"
#include "store/sqlite_int.h"

struct regtable {
	const char *reg;
	int ncols;
	const char *insert_sql;
	const char *select_sql;
	const char *update_sql;   /* SET every column; then WHERE id = ? AND agency_id = ? */
	const char *delete_sql;
};

#define INS(t, cols, q) "INSERT INTO " t " (agency_id, " cols ") VALUES (?, " q ")"
#define SEL(t, cols) "SELECT id, " cols " FROM " t " WHERE agency_id = ? ORDER BY id"
#define UPD(t, set) "UPDATE " t " SET " set " WHERE id = ? AND agency_id = ?"
#define DEL(t) "DELETE FROM " t " WHERE id = ? AND agency_id = ?"

#define NORMDOC_COLS "kind, issued, doc_no, title, repealed"
#define DECISION_COLS "kind, date, date_from, date_to, count, doc_no, title"
#define FEE_COLS "date, date_from, date_to, amount_fen, item"
#define CASE_COLS "kind, filed, case_no, application_id, result, closed, co_defendant, note"
#define FEEDBACK_COLS "ref_no, channel, received, body, contact, answered, answer"
#define NEWS_COLS "platform, date, title, url"

static const struct regtable tables[] = {
	{ "normdoc", 5, INS("reg_normdoc", NORMDOC_COLS, "?, ?, ?, ?, ?"),
	  SEL("reg_normdoc", NORMDOC_COLS ", document_id"),
	  UPD("reg_normdoc", "kind = ?, issued = ?, doc_no = ?, title = ?, repealed = ?"), DEL("reg_normdoc") },
	{ "decision", 7, INS("reg_decision", DECISION_COLS, "?, ?, ?, ?, ?, ?, ?"),
	  SEL("reg_decision", DECISION_COLS),
	  UPD("reg_decision", "kind = ?, date = ?, date_from = ?, date_to = ?, count = ?, doc_no = ?, title = ?"),
	  DEL("reg_decision") },
	{ "fee", 5, INS("reg_fee", FEE_COLS, "?, ?, ?, ?, ?"), SEL("reg_fee", FEE_COLS),
	  UPD("reg_fee", "date = ?, date_from = ?, date_to = ?, amount_fen = ?, item = ?"), DEL("reg_fee") },
	{ "case", 8, INS("reg_case", CASE_COLS, "?, ?, ?, ?, ?, ?, ?, ?"), SEL("reg_case", CASE_COLS),
	  UPD("reg_case", "kind = ?, filed = ?, case_no = ?, application_id = ?, result = ?, closed = ?, "
			  "co_defendant = ?, note = ?"), DEL("reg_case") },
	{ "feedback", 7, INS("reg_feedback", FEEDBACK_COLS, "?, ?, ?, ?, ?, ?, ?"),
	  SEL("reg_feedback", FEEDBACK_COLS),
	  UPD("reg_feedback", "ref_no = ?, channel = ?, received = ?, body = ?, contact = ?, answered = ?, answer = ?"),
	  DEL("reg_feedback") },
	{ "news", 4, INS("reg_news", NEWS_COLS, "?, ?, ?, ?"), SEL("reg_news", NEWS_COLS),
	  UPD("reg_news", "platform = ?, date = ?, title = ?, url = ?"), DEL("reg_news") },
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
static void bind_cells(sqlite3_stmt *st, int first, const struct regrow *row, int n)
{
	for (int c = 0; c < n; c++) {
		if (row->c[c].type == REGCELL_INT)
			sq_bind_int(st, first + c, row->c[c].i);
		else if (row->c[c].type == REGCELL_TEXT)
			sq_bind_text(st, first + c, row->c[c].s);
	}
}

static int insert(struct store *s, const char *reg, int64_t agency_id, const struct regrow *row, int64_t *id,
		  struct gk_error *e)
{
	const struct regtable *t = table_of(reg, e);
	sqlite3_stmt *st;
	int rc;

	if (t == NULL)
		return ERR_INVALID;
	if ((rc = sq_stmt(s, t->insert_sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	bind_cells(st, 2, row, t->ncols);
	if ((rc = sq_exec_stmt(s, st, "adding a register entry", e)) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(sq_db(s));
	return 0;
}

/* ERR_NOTFOUND / ERR_STATE for a row that may not be changed through the register. */
static int check_changeable(struct store *s, const char *reg, int64_t agency_id, int64_t id, struct gk_error *e)
{
	static const char sql[] = "SELECT document_id FROM reg_normdoc WHERE id = ? AND agency_id = ?";
	sqlite3_stmt *st;
	int rc, row;
	int64_t doc;

	if (strcmp(reg, "normdoc") != 0)
		return 0;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	sq_bind_int(st, 2, agency_id);
	if ((rc = sq_next(s, st, &row, "reading the normative document", e)) != 0)
		return rc;
	doc = row && !sq_col_is_null(st, 0) ? sq_col_int(st, 0) : 0;
	sqlite3_reset(st);
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
	sqlite3_stmt *st;
	int rc;

	if (t == NULL)
		return ERR_INVALID;
	if ((rc = check_changeable(s, reg, agency_id, id, e)) != 0)
		return rc;
	if ((rc = sq_stmt(s, row ? t->update_sql : t->delete_sql, &st, e)) != 0)
		return rc;
	if (row)
		bind_cells(st, 1, row, t->ncols);
	sq_bind_int(st, row ? t->ncols + 1 : 1, id);
	sq_bind_int(st, row ? t->ncols + 2 : 2, agency_id);
	if ((rc = sq_exec_stmt(s, st, row ? "changing a register entry" : "removing a register entry", e)) != 0)
		return rc;
	if (sqlite3_changes(sq_db(s)) == 0)
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

static int list(struct store *s, const char *reg, int64_t agency_id, struct arena *a, struct regrow **out,
		size_t *n, struct gk_error *e)
{
	const struct regtable *t = table_of(reg, e);
	struct regrow *rows = NULL;
	size_t nrows = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, row;

	*out = NULL;
	*n = 0;
	if (t == NULL)
		return ERR_INVALID;
	if ((rc = sq_stmt(s, t->select_sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	while ((rc = sq_next(s, st, &row, "listing a register", e)) == 0 && row) {
		struct regrow *r;
		if (nrows == cap) {
			struct regrow *bigger;
			cap = cap ? cap * 2 : 64;
			bigger = arena_alloc(a, cap * sizeof *bigger);
			if (nrows)
				memcpy(bigger, rows, nrows * sizeof *rows);
			rows = bigger;
		}
		r = &rows[nrows++];
		memset(r, 0, sizeof *r);
		r->id = sq_col_int(st, 0);
		if (strcmp(t->reg, "normdoc") == 0)
			r->document_id = sq_col_int(st, t->ncols + 1);
		for (int c = 0; c < t->ncols; c++) {
			switch (sqlite3_column_type(st, c + 1)) {
			case SQLITE_NULL:
				break;
			case SQLITE_INTEGER:
				r->c[c].type = REGCELL_INT;
				r->c[c].i = sq_col_int(st, c + 1);
				break;
			default:
				r->c[c].type = REGCELL_TEXT;
				r->c[c].s = sq_col_dup(st, c + 1, a);
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

static int normdoc_sync(struct store *s, int64_t agency_id, int64_t document_id, const struct regrow *row,
			int64_t *id, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO reg_normdoc (agency_id, " NORMDOC_COLS ", document_id) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
				  "kind = excluded.kind, issued = excluded.issued, doc_no = excluded.doc_no, "
				  "title = excluded.title, repealed = excluded.repealed RETURNING id";
	sqlite3_stmt *st;
	int rc, r;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	bind_cells(st, 2, row, 5);
	sq_bind_int(st, 7, document_id);
	if ((rc = sq_next(s, st, &r, "recording the normative document", e)) != 0)
		return rc;
	*id = r ? sq_col_int(st, 0) : 0;
	sqlite3_reset(st);
	return 0;
}

static int feedback_max_serial(struct store *s, int64_t agency_id, const char *prefix, int64_t *n,
			       struct gk_error *e)
{
	static const char sql[] = "SELECT coalesce(max(CAST(substr(ref_no, length(?2) + 1) AS INTEGER)), 0) "
				  "FROM reg_feedback WHERE agency_id = ?1 AND substr(ref_no, 1, length(?2)) = ?2 "
				  "AND substr(ref_no, length(?2) + 1) GLOB '[0-9]*' "
				  "AND NOT substr(ref_no, length(?2) + 1) GLOB '*[^0-9]*'";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_text(st, 2, prefix);
	if ((rc = sq_next(s, st, &row, "counting feedback", e)) != 0)
		return rc;
	*n = row ? sq_col_int(st, 0) : 0;
	sqlite3_reset(st);
	return 0;
}

const struct register_store_ops sqlite_register_ops = {
	.insert = insert,
	.list = list,
	.update = update,
	.remove = remove_row,
	.normdoc_sync = normdoc_sync,
	.feedback_max_serial = feedback_max_serial,
};

/*
 * db.c — the statements of a connection over its driver (implements store/db.h), and the one
 * mapping of database faults to the store's errors. Written once for every database.
 * May call base/ and store/driver.h.
 */
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "store/driver.h"

struct db_stmt {
	struct store *s;
	void *h;          /* the driver's prepared statement, NULL until first used */
};

static const char *const names[STMT_COUNT] = {
#define X(name) #name,
	STORE_STATEMENTS
#undef X
};

const char *stmt_name(enum stmt_id id)
{
	return (unsigned)id < STMT_COUNT ? names[id] : "?";
}

int db_fault_error(const struct db_fault *f, const char *what, struct gk_error *e)
{
	const char *msg = f->msg ? f->msg : "";

	switch (f->kind) {
	case DB_FAULT_UNIQUE:
	case DB_FAULT_FOREIGN_KEY:
	case DB_FAULT_CHECK:
		return err_set(e, ERR_CONFLICT, "", "%s: %s", what, msg);
	case DB_FAULT_BUSY:
		return err_set(e, ERR_CONFLICT, "", "%s: the database is busy (%s)", what, msg);
	case DB_FAULT_GONE:
		return err_set(e, ERR_UNAVAILABLE, "", "%s: the database cannot be reached (%s)", what, msg);
	default:
		return err_set(e, ERR_DB, "", "%s: %s", what, msg);
	}
}

int db_stmt(struct store *s, enum stmt_id id, struct db_stmt **out, struct gk_error *e)
{
	const struct store_driver *d = s->drv;
	struct db_stmt *st;
	int rc;

	if ((unsigned)id >= STMT_COUNT)
		return err_set(e, ERR_INTERNAL, "", "no statement %d", (int)id);
	if (s->stmts == NULL)
		s->stmts = xcalloc(STMT_COUNT, sizeof *s->stmts);
	st = &s->stmts[id];
	if (st->h == NULL) {
		const char *sql = d->sql[id] ? d->sql[id] : sql_common[id];
		if (sql == NULL)
			return err_set(e, ERR_INTERNAL, "", "statement %s has no %s text", names[id], d->name);
		if ((rc = d->prepare(s, sql, &st->h, e)) != 0)
			return rc;
		st->s = s;
	} else {
		d->reset(st->h);
	}
	*out = st;
	return 0;
}

void db_finalize_all(struct store *s)
{
	if (s->stmts == NULL)
		return;
	for (size_t i = 0; i < STMT_COUNT; i++)
		if (s->stmts[i].h)
			s->drv->finalize(s->stmts[i].h);
	free(s->stmts);
	s->stmts = NULL;
}

void db_reset_all(struct store *s)
{
	if (s->stmts == NULL)
		return;
	for (size_t i = 0; i < STMT_COUNT; i++)
		if (s->stmts[i].h)
			s->drv->reset(s->stmts[i].h);
}

/* One step; *row as db_next; the statement reset when done or failed. */
static int step(struct store *s, struct db_stmt *st, int *row, const char *what, struct gk_error *e)
{
	struct db_fault f = { 0, NULL };
	int r = s->drv->step(s, st->h, &f);

	*row = r == 1;
	if (r == 1)
		return 0;
	if (r == 0) {
		s->drv->reset(st->h);
		return 0;
	}
	r = db_fault_error(&f, what, e);
	s->drv->reset(st->h);
	return r;
}

int db_exec(struct store *s, struct db_stmt *st, const char *what, struct gk_error *e)
{
	int row, rc = step(s, st, &row, what, e);

	if (rc == 0 && row)
		s->drv->reset(st->h);
	return rc;
}

int db_next(struct store *s, struct db_stmt *st, int *row, const char *what, struct gk_error *e)
{
	return step(s, st, row, what, e);
}

int db_insert(struct store *s, struct db_stmt *st, const char *what, int64_t *id,
	      struct gk_error *e)
{
	int row, rc = step(s, st, &row, what, e);

	if (rc != 0)
		return rc;
	if (row) {
		*id = s->drv->col_int(st->h, 0);
		s->drv->reset(st->h);
	} else {
		*id = s->drv->last_id(s);
	}
	return 0;
}

int db_serial(struct store *s, enum stmt_id id, int64_t owner, int64_t year, int64_t *serial,
	      const char *what, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, id, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, owner);
	db_bind_int(st, 2, year);
	if ((rc = db_next(s, st, &row, what, e)) != 0)
		return rc;
	*serial = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	return row ? 0 : err_set(e, ERR_DB, "", "%s: no serial returned", what);
}

int db_serial_put(struct store *s, enum stmt_id id, int64_t owner, int64_t year, int64_t last,
		  const char *what, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, id, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, owner);
	db_bind_int(st, 2, year);
	db_bind_int(st, 3, last);
	return db_exec(s, st, what, e);
}

int db_one(struct store *s, struct db_stmt *st, const char *what, const char *field,
	   const char *none, struct gk_error *e)
{
	int rc, row;

	if ((rc = step(s, st, &row, what, e)) != 0)
		return rc;
	return row ? 0 : err_set(e, ERR_NOTFOUND, field, "no %s", none);
}

int db_each(struct store *s, struct db_stmt *st, const char *what,
	    int (*row)(void *ctx, struct db_stmt *st), void *ctx, struct gk_error *e)
{
	int rc, have;

	while ((rc = step(s, st, &have, what, e)) == 0 && have) {
		if ((rc = row(ctx, st)) != 0) {
			s->drv->reset(st->h);
			break;
		}
	}
	return rc;
}

void db_start(struct store *s, struct db_stmt *st)
{
	if (s->drv->start)
		s->drv->start(s, st->h);
}

void db_reset(struct db_stmt *st)
{
	st->s->drv->reset(st->h);
}

int64_t db_changes(struct store *s)
{
	return s->drv->changes(s);
}

void db_bind_text(struct db_stmt *st, int i, const char *v)
{
	if (v == NULL)
		st->s->drv->bind_null(st->h, i);
	else
		st->s->drv->bind_text(st->h, i, v);
}

void db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	st->s->drv->bind_int(st->h, i, v);
}

void db_bind_int_or_null(struct db_stmt *st, int i, int64_t v, int64_t null_value)
{
	if (v == null_value)
		st->s->drv->bind_null(st->h, i);
	else
		st->s->drv->bind_int(st->h, i, v);
}

void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t len)
{
	st->s->drv->bind_blob(st->h, i, p, len);
}

void db_bind_record(struct db_stmt *st, int first, const struct desc_record *r, const void *rec)
{
	for (size_t i = 0; i < r->nfields; i++) {
		const struct desc_field *f = &r->fields[i];
		int at = first + (int)i;

		if (f->type == DESC_INT)
			db_bind_int_or_null(st, at, *desc_int_ref(f, (void *)rec), -1);
		else if (f->type == DESC_DATE)
			db_bind_int_or_null(st, at, *(const int *)((const char *)rec + f->offset), 0);
		else
			db_bind_text(st, at, desc_str(f, rec));
	}
}

const char *db_col_opt(struct db_stmt *st, int i, struct arena *a)
{
	if (db_col_is_null(st, i))
		return NULL;
	return a ? db_col_dup(st, i, a) : db_col_text(st, i);
}

void db_read_record(struct db_stmt *st, int first, const struct desc_record *r, void *rec,
		    struct arena *a)
{
	for (size_t i = 0; i < r->nfields; i++) {
		const struct desc_field *f = &r->fields[i];
		int at = first + (int)i, null = db_col_is_null(st, at);

		if (f->type == DESC_INT)
			*desc_int_ref(f, rec) = null ? -1 : db_col_int(st, at);
		else if (f->type == DESC_DATE)
			*(int *)((char *)rec + f->offset) = null ? 0 : (int)db_col_int(st, at);
		else
			*desc_str_ref(f, rec) = db_col_opt(st, at, a);
	}
}

const char *db_col_text(struct db_stmt *st, int i)
{
	size_t len;
	const char *t = st->s->drv->col_text(st->h, i, &len);

	return t ? t : "";
}

char *db_col_dup(struct db_stmt *st, int i, struct arena *a)
{
	size_t len;
	const char *t = st->s->drv->col_text(st->h, i, &len);

	return t ? arena_strndup(a, t, len) : NULL;
}

int64_t db_col_int(struct db_stmt *st, int i)
{
	return st->s->drv->col_int(st->h, i);
}

double db_col_double(struct db_stmt *st, int i)
{
	return st->s->drv->col_double(st->h, i);
}

int db_col_is_null(struct db_stmt *st, int i)
{
	return st->s->drv->col_type(st->h, i) == DB_NULL;
}

int db_col_count(struct db_stmt *st)
{
	return st->s->drv->col_count(st->h);
}

enum db_type db_col_type(struct db_stmt *st, int i)
{
	return st->s->drv->col_type(st->h, i);
}

const void *db_col_blob(struct db_stmt *st, int i, size_t *len)
{
	return st->s->drv->col_blob(st->h, i, len);
}

char *db_col_blob_dup(struct db_stmt *st, int i, struct arena *a, size_t *len)
{
	const void *p = db_col_blob(st, i, len);
	char *copy = arena_alloc(a, *len + 1);

	if (*len)
		memcpy(copy, p, *len);
	return copy;   /* arena_alloc zero-fills: the NUL is there */
}

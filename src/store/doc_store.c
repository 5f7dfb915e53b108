/*
 * doc_store.c — the catalogue (implements store/doc_store.h).
 *
 * The full-text search is the driver's (store/sqlite_search.c for SQLite), reached through
 * s->drv->search; everything else is written once, against store/db.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/doc_store.h"
#include "store/db.h"
#include "store/driver.h"
#include "text/date.h"


static const char *col(struct db_stmt *st, int i, struct arena *a)
{
	if (db_col_is_null(st, i))
		return NULL;
	return a ? db_col_dup(st, i, a) : db_col_text(st, i);
}

/* Columns of DOC_COLS into d (copies in a, or borrowed when a is NULL); body is the column
 * after them if with_body. */
static void fill(struct db_stmt *st, struct arena *a, struct doc *d, int with_body)
{
	int i = 0;

	memset(d, 0, sizeof *d);
	d->id = db_col_int(st, i++);
	d->agency_id = db_col_int(st, i++);
	d->agency = col(st, i++, a);
	d->index_no = col(st, i++, a);
	d->title = col(st, i++, a);
	d->doc_no = col(st, i++, a);
	d->publisher = col(st, i++, a);
	d->signed_date = col(st, i++, a);
	d->published_date = col(st, i++, a);
	d->topic = col(st, i++, a);
	d->genre = col(st, i++, a);
	d->disclosure = col(st, i++, a);
	d->withheld_reason = col(st, i++, a);
	d->withheld_ground = col(st, i++, a);
	d->time_limit = col(st, i++, a);
	d->validity = col(st, i++, a);
	d->effective_date = col(st, i++, a);
	d->invalid_date = col(st, i++, a);
	d->summary = col(st, i++, a);
	d->keywords = col(st, i++, a);
	d->state = col(st, i++, a);
	d->round = (int)db_col_int(st, i++);
	d->author = col(st, i++, a);
	d->changed_date = col(st, i++, a);
	d->reassess_due = col(st, i++, a);
	d->created_at = col(st, i++, a);
	d->updated_at = col(st, i++, a);
	if (with_body)
		d->body = col(st, i, a);
}

static int next_serial(struct store *s, int64_t agency_id, int year, int64_t *seq,
		       struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_DOC_NEXT_SERIAL, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	db_bind_int(st, 2, year);
	if ((rc = db_next(s, st, &row, "taking an index serial", e)) != 0)
		return rc;
	*seq = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	return row ? 0 : err_set(e, ERR_DB, "", "no index serial returned");
}

/* Bind the stored fields of d (all but id, agency, 索引号, created_at) to ?1 … ?23. */
static void bind_fields(struct db_stmt *st, const struct doc *d)
{
	int i = 1;

	db_bind_text(st, i++, d->title);
	db_bind_text(st, i++, d->doc_no);
	db_bind_text(st, i++, d->publisher);
	db_bind_text(st, i++, d->signed_date);
	db_bind_text(st, i++, d->published_date);
	db_bind_text(st, i++, d->topic);
	db_bind_text(st, i++, d->genre);
	db_bind_text(st, i++, d->disclosure);
	db_bind_text(st, i++, d->withheld_reason);
	db_bind_text(st, i++, d->withheld_ground);
	db_bind_text(st, i++, d->time_limit);
	db_bind_text(st, i++, d->validity);
	db_bind_text(st, i++, d->effective_date);
	db_bind_text(st, i++, d->invalid_date);
	db_bind_text(st, i++, d->summary);
	db_bind_text(st, i++, d->keywords);
	db_bind_text(st, i++, d->body ? d->body : "");
	db_bind_text(st, i++, d->state);
	db_bind_int(st, i++, d->round);
	db_bind_text(st, i++, d->author);
	db_bind_text(st, i++, d->changed_date);
	db_bind_text(st, i++, d->reassess_due);
	db_bind_text(st, i++, d->updated_at);
}

static int insert(struct store *s, const struct doc *d, int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_INSERT, &st, e)) != 0)
		return rc;
	bind_fields(st, d);
	db_bind_int(st, 24, d->agency_id);
	db_bind_text(st, 25, d->index_no);
	db_bind_text(st, 26, d->created_at);
	return db_insert(s, st, "adding the document", id, e);
}

static int update(struct store *s, const struct doc *d, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_UPDATE, &st, e)) != 0)
		return rc;
	bind_fields(st, d);
	db_bind_int(st, 24, d->id);
	if ((rc = db_exec(s, st, "changing the document", e)) != 0)
		return rc;
	if (db_changes(s) == 0)
		return err_set(e, ERR_NOTFOUND, "ID", "no document %lld", (long long)d->id);
	return 0;
}

static int get(struct store *s, int64_t id, struct arena *a, struct doc *out, struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_DOC_GET, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	if ((rc = db_next(s, st, &row, "reading the document", e)) != 0)
		return rc;
	if (!row)
		return err_set(e, ERR_NOTFOUND, "ID", "no document %lld", (long long)id);
	fill(st, a, out, 1);
	db_reset(st);
	return 0;
}

static void bind_filter(struct db_stmt *st, const struct doc_filter *f)
{
	db_bind_int(st, 1, f->agency_id);
	db_bind_text(st, 2, f->topic);
	db_bind_text(st, 3, f->genre);
	if (f->year > 0) {
		char y[12];
		snprintf(y, sizeof y, "%04d", f->year);
		db_bind_text(st, 4, y);
	}
	db_bind_text(st, 5, f->validity);
	db_bind_text(st, 6, f->state);
	db_bind_text(st, 7, f->disclosure);
	db_bind_int(st, 8, f->public_only);
	db_bind_int(st, 9, f->staff_agency_id);
	db_bind_text(st, 10, f->today ? f->today : "");
	db_bind_int(st, 12, f->limit > 0 ? f->limit : 50);
	db_bind_int(st, 13, f->offset > 0 ? f->offset : 0);
}

static int list(struct store *s, const struct doc_filter *f, doc_row_fn fn, void *ctx,
		struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_DOC_LIST, &st, e)) != 0)
		return rc;
	bind_filter(st, f);
	while ((rc = db_next(s, st, &row, "listing documents", e)) == 0 && row) {
		struct doc d;
		fill(st, NULL, &d, 0);
		if ((rc = fn(ctx, &d)) != 0) {
			db_reset(st);
			break;
		}
	}
	return rc;
}

/* The search is the driver's own (store/driver.h, struct store_search_ops). */
static int search(struct store *s, const struct search_spec *q, search_row_fn fn, void *ctx,
		  struct gk_error *e)
{
	return s->drv->search->search(s, q, fn, ctx, e);
}

static int search_doc_of(struct store *s, int64_t key, int64_t *doc_id, struct gk_error *e)
{
	return s->drv->search->doc_of(s, key, doc_id, e);
}

static int search_scope(struct store *s, const struct doc_filter *f, int64_t key, int64_t *all,
			int64_t *newer, struct gk_error *e)
{
	return s->drv->search->scope(s, f, key, all, newer, e);
}

static int attach(struct store *s, const struct doc_attachment *att, int64_t *id,
		  struct gk_error *e)
{
	char now[21];
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_ATTACH, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, att->doc_id);
	db_bind_text(st, 2, att->name);
	db_bind_text(st, 3, att->mime);
	db_bind_int(st, 4, att->size);
	db_bind_text(st, 5, att->sha256);
	db_bind_blob(st, 6, att->data, (size_t)att->size);
	store_now(now);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, att->text_state ? att->text_state : "none");
	db_bind_text(st, 9, att->text_note);
	db_bind_text(st, 10, att->text);
	return db_insert(s, st, "storing the attachment", id, e);
}

static int attachments(struct store *s, int64_t doc_id, int with_text, struct arena *a,
		       struct doc_attachment **out, size_t *n, struct gk_error *e)
{
	struct doc_attachment *v = NULL;
	size_t cnt = 0, cap = 0;
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_DOC_ATTACHMENTS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, doc_id);
	db_bind_int(st, 2, with_text);
	while ((rc = db_next(s, st, &row, "reading attachments", e)) == 0 && row) {
		if (cnt == cap) {
			struct doc_attachment *nv;
			cap = cap ? cap * 2 : 4;
			nv = arena_alloc(a, cap * sizeof *nv);
			if (cnt)
				memcpy(nv, v, cnt * sizeof *nv);
			v = nv;
		}
		v[cnt] = (struct doc_attachment){
			.id = db_col_int(st, 0), .doc_id = db_col_int(st, 1),
			.name = col(st, 2, a), .mime = col(st, 3, a),
			.size = db_col_int(st, 4), .sha256 = col(st, 5, a),
			.text_state = col(st, 6, a), .text_note = col(st, 7, a),
			.text = col(st, 8, a),
		};
		cnt++;
	}
	*out = v;
	*n = cnt;
	return rc;
}

static int attachment_data(struct store *s, int64_t id, struct arena *a, const void **data, size_t *len,
			   struct gk_error *e)
{
	struct db_stmt *st;
	const void *blob;
	int rc;
	void *copy;

	if ((rc = db_stmt(s, ST_DOC_ATTACHMENT_DATA, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	if ((rc = db_one(s, st, "reading an attachment", "attachment", "such attachment", e)) != 0)
		return rc;
	blob = db_col_blob(st, 0, len);
	copy = arena_alloc(a, *len + 1);
	if (*len)
		memcpy(copy, blob, *len);
	*data = copy;
	db_reset(st);
	return 0;
}

struct serial_each {
	int (*fn)(void *ctx, int year, int64_t last);
	void *ctx;
};

static int serial_row(void *p, struct db_stmt *st)
{
	struct serial_each *c = p;
	return c->fn(c->ctx, (int)db_col_int(st, 0), db_col_int(st, 1));
}

static int serials(struct store *s, int64_t agency_id, int (*fn)(void *ctx, int year, int64_t last), void *ctx,
		   struct gk_error *e)
{
	struct serial_each c = { fn, ctx };
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_SERIALS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	return db_each(s, st, "listing index serials", serial_row, &c, e);
}

static int serial_put(struct store *s, int64_t agency_id, int year, int64_t last, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_SERIAL_PUT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, agency_id);
	db_bind_int(st, 2, year);
	db_bind_int(st, 3, last);
	return db_exec(s, st, "setting an index serial", e);
}

static int event_add(struct store *s, const struct doc_event *ev, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_EVENT_ADD, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, ev->doc_id);
	db_bind_int(st, 2, ev->round);
	db_bind_text(st, 3, ev->action);
	db_bind_text(st, 4, ev->stage);
	db_bind_text(st, 5, ev->decision);
	db_bind_text(st, 6, ev->comment);
	db_bind_int(st, 7, ev->secrecy_checked);
	db_bind_text(st, 8, ev->actor);
	db_bind_text(st, 9, ev->at);
	return db_exec(s, st, "recording the document's history", e);
}

static int events(struct store *s, int64_t doc_id, doc_event_fn fn, void *ctx,
		  struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, ST_DOC_EVENTS, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, doc_id);
	while ((rc = db_next(s, st, &row, "reading the document's history", e)) == 0 && row) {
		struct doc_event ev = {
			.id = db_col_int(st, 0), .doc_id = db_col_int(st, 1),
			.round = (int)db_col_int(st, 2), .action = col(st, 3, NULL),
			.stage = col(st, 4, NULL), .decision = col(st, 5, NULL),
			.comment = col(st, 6, NULL), .secrecy_checked = (int)db_col_int(st, 7),
			.actor = col(st, 8, NULL), .at = col(st, 9, NULL),
		};
		if ((rc = fn(ctx, &ev)) != 0) {
			db_reset(st);
			break;
		}
	}
	return rc;
}

const struct doc_store_ops store_doc_ops = {
	.next_serial = next_serial,
	.insert = insert,
	.update = update,
	.get = get,
	.list = list,
	.search = search,
	.search_scope = search_scope,
	.search_doc_of = search_doc_of,
	.attach = attach,
	.attachments = attachments,
	.attachment_data = attachment_data,
	.serials = serials,
	.serial_put = serial_put,
	.event_add = event_add,
	.events = events,
};

/*
 * doc_store.c — the catalogue (implements store/doc_store.h).
 *
 * The full-text match is the driver's (store/sqlite_search.c, store/pg_search.c), reached
 * through s->drv->search; the search key around it (migration "search") and everything else
 * is written once, against store/db.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/doc_store.h"
#include "store/db.h"
#include "store/records.h"
#include "store/driver.h"
#include "text/date.h"

/* Columns of DOC_COLS into d (copies in a, or borrowed when a is NULL): id, organ, its name,
 * round, then the declared fields (the body NULL in a list). */
static void fill(struct db_stmt *st, struct arena *a, struct doc *d)
{
	memset(d, 0, sizeof *d);
	d->id = db_col_int(st, 0);
	d->agency_id = db_col_int(st, 1);
	d->agency = db_col_opt(st, 2, a);
	d->round = (int)db_col_int(st, 3);
	db_read_record(st, 4, &doc_desc, d, a);
}

/* After document id or its attachments changed: the driver's index follows (when the
 * database does not keep it itself). */
static int reindex(struct store *s, int64_t id, struct gk_error *e)
{
	return s->drv->search->index ? s->drv->search->index(s, id, e) : 0;
}

static int text_searched(const char *state)
{
	return state && strcmp(state, "ok") == 0;
}

/* After a file of document doc_id was stored (was NULL) or read again, its text's state now
 * was before: a file whose text is not searched, and was not, changes nothing the index
 * holds (migration 18's rule, kept in SQLite by its triggers). */
static int reindex_for_text(struct store *s, int64_t doc_id, const char *was, const char *now,
			    struct gk_error *e)
{
	return text_searched(was) || text_searched(now) ? reindex(s, doc_id, e) : 0;
}

static int next_serial(struct store *s, int64_t agency_id, int year, int64_t *seq,
		       struct gk_error *e)
{
	return db_serial(s, ST_DOC_NEXT_SERIAL, agency_id, year, seq, "taking an index serial", e);
}

/* Bind ?2, the round, and the declared fields of d from ?3 on (ST_DOC_INSERT, ST_DOC_UPDATE):
 * a document kept without a body has an empty one. */
static void bind_fields(struct db_stmt *st, const struct doc *d)
{
	struct doc c = *d;

	if (c.body == NULL)
		c.body = "";
	db_bind_int(st, 2, c.round);
	db_bind_record(st, 3, &doc_desc, &c);
}

static int insert(struct store *s, const struct doc *d, int64_t *id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_INSERT, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, d->agency_id);
	bind_fields(st, d);
	if ((rc = db_insert(s, st, "adding the document", id, e)) != 0)
		return rc;
	return reindex(s, *id, e);
}

static int update(struct store *s, const struct doc *d, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_UPDATE, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, d->id);
	bind_fields(st, d);
	if ((rc = db_exec(s, st, "changing the document", e)) != 0)
		return rc;
	if (db_changes(s) == 0)
		return err_set(e, ERR_NOTFOUND, "ID", "no document %lld", (long long)d->id);
	return reindex(s, d->id, e);
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
	fill(st, a, out);
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
	db_bind_int(st, 11, f->limit > 0 ? f->limit : 50);
	db_bind_int(st, 12, f->offset > 0 ? f->offset : 0);
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
		fill(st, NULL, &d);
		if ((rc = fn(ctx, &d)) != 0) {
			db_reset(st);
			break;
		}
	}
	return rc;
}

struct organ_count {
	doc_organ_count_fn fn;
	void *ctx;
};

static int organ_count_row(void *p, struct db_stmt *st)
{
	struct organ_count *c = p;

	return c->fn(c->ctx, db_col_int(st, 0), db_col_int(st, 1));
}

static int published_organs(struct store *s, int64_t root_id, int alone, int year,
			    doc_organ_count_fn fn, void *ctx, struct gk_error *e)
{
	struct organ_count c = { fn, ctx };
	struct db_stmt *st;
	char y[12];
	int rc;

	if ((rc = db_stmt(s, ST_DOC_ORGANS_PUBLISHED, &st, e)) != 0)
		return rc;
	snprintf(y, sizeof y, "%04d", year);
	db_bind_int(st, 1, root_id);
	db_bind_int(st, 2, alone != 0);
	db_bind_text(st, 3, y);
	return db_each(s, st, "counting the documents published", organ_count_row, &c, e);
}

_Static_assert(SEARCH_KEY_TOPIC_MASK < SEARCH_ROW_CODES &&
	       SEARCH_KEY_GENRE_MASK < SEARCH_ROW_CODES,
	       "a key's codes are a search row's codes");

static const char *const key_validity[4] = { "valid", "expired", "repealed", NULL };

/* The word of one value of a field (search_key_words). */
static int facet_word(struct buf *b, char field, int64_t value)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%lld", (long long)value), rc;

	rc = buf_putc(b, 'z') || buf_putc(b, 'f') || buf_putc(b, field);
	for (int i = 0; i < n && rc == 0; i++)
		rc = digits[i] == '-' ? -1 : buf_putc(b, (char)('a' + (digits[i] - '0')));
	return rc;
}

int search_key_words(struct buf *b, int64_t key)
{
	return facet_word(b, 'o', (key >> SEARCH_KEY_AGENCY_SHIFT) & SEARCH_KEY_AGENCY_MASK) ||
	       buf_putc(b, ' ') ||
	       facet_word(b, 't', (key >> SEARCH_KEY_TOPIC_SHIFT) & SEARCH_KEY_TOPIC_MASK) ||
	       buf_putc(b, ' ') ||
	       facet_word(b, 'g', (key >> SEARCH_KEY_GENRE_SHIFT) & SEARCH_KEY_GENRE_MASK) ||
	       buf_putc(b, ' ') ||
	       facet_word(b, 'v', (key >> SEARCH_KEY_VALIDITY_SHIFT) & SEARCH_KEY_VALIDITY_MASK);
}

int search_facets_write(const struct search_bounds *b, const struct search_facet_syntax *x,
			struct buf *out)
{
	int rc = 0;

	for (int f = 0; f < b->nfacet && rc == 0; f++) {
		const struct search_facet_filter *fc = &b->facet[f];
		rc = (f && buf_puts(out, x->and)) || buf_puts(out, x->open);
		for (int i = 0; i < fc->n && rc == 0; i++)
			rc = (i && buf_puts(out, x->or)) || buf_puts(out, x->pre) ||
			     facet_word(out, fc->field, fc->value[i]) || buf_puts(out, x->post);
		rc = rc ? rc : buf_puts(out, x->close);
	}
	return rc;
}

static int64_t key_day(int day)
{
	return (int64_t)(day - date_make(1900, 1, 1)) << SEARCH_KEY_DAY_SHIFT;
}

/* The day f->today names; with none (or a bad one) a day before any document, so that a
 * public search without a day finds nothing rather than everything. */
static int today_of(const struct doc_filter *f)
{
	int today;
	if (f->today == NULL || date_parse(f->today, &today, "", NULL) != 0)
		today = date_make(1900, 1, 1) - 1;
	return today;
}

/* The key range f's visibility and year allow, and the days of its year when the range cannot
 * hold them (a staff search: both its published and its unpublished documents; 0 if none). */
static void key_range(const struct doc_filter *f, int64_t *lo, int64_t *hi, int64_t *dlo,
		      int64_t *dhi)
{
	int y0, y1;

	*lo = 0;
	*hi = INT64_MAX;
	*dlo = *dhi = 0;
	if (f->public_only && f->staff_agency_id == 0) {
		*lo = SEARCH_KEY_PUBLISHED;
		*hi = SEARCH_KEY_PUBLISHED + key_day(today_of(f) + 1) - 1;
	}
	if (f->year > 0) {
		y0 = date_make(f->year, 1, 1);
		y1 = date_make(f->year + 1, 1, 1);
		if (*lo == SEARCH_KEY_PUBLISHED) {   /* the range holds the year: no day test */
			if (SEARCH_KEY_PUBLISHED + key_day(y0) > *lo)
				*lo = SEARCH_KEY_PUBLISHED + key_day(y0);
			if (SEARCH_KEY_PUBLISHED + key_day(y1) - 1 < *hi)
				*hi = SEARCH_KEY_PUBLISHED + key_day(y1) - 1;
		} else {
			*dlo = key_day(y0) >> SEARCH_KEY_DAY_SHIFT;
			*dhi = (key_day(y1) >> SEARCH_KEY_DAY_SHIFT) - 1;
		}
	}
}

/* The values of a code table (search_topic, search_genre) by code, in a. */
static int codes(struct store *s, enum stmt_id id, struct arena *a, const char **out, int max,
		 struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(s, id, &st, e)) != 0)
		return rc;
	while ((rc = db_next(s, st, &row, "reading search codes", e)) == 0 && row) {
		int64_t code = db_col_int(st, 0);
		if (code > 0 && code < max)
			out[code] = db_col_dup(st, 1, a);
	}
	return rc;
}

struct decode {
	search_row_fn fn;
	void *ctx;
	const char **topic, **genre;
	int day, year;                 /* the last day decoded and its year (matches come newest
					* first: a run of them shares a day) */
};

/* A matching key as the row search results are filtered and counted by. */
static int decode_row(void *p, int64_t key, int scored, double score)
{
	struct decode *x = p;
	int day = (int)((key >> SEARCH_KEY_DAY_SHIFT) & SEARCH_KEY_DAY_MASK);
	unsigned topic = (unsigned)((key >> SEARCH_KEY_TOPIC_SHIFT) & SEARCH_KEY_TOPIC_MASK);
	unsigned genre = (unsigned)((key >> SEARCH_KEY_GENRE_SHIFT) & SEARCH_KEY_GENRE_MASK);
	unsigned validity = (unsigned)((key >> SEARCH_KEY_VALIDITY_SHIFT) &
				       SEARCH_KEY_VALIDITY_MASK);

	if (day != x->day) {
		x->day = day;
		x->year = date_year(date_make(1900, 1, 1) + day);
	}
	struct search_row r = {
		.key = key,
		.agency_id = (key >> SEARCH_KEY_AGENCY_SHIFT) & SEARCH_KEY_AGENCY_MASK,
		.year = x->year,
		.topic = x->topic[topic],
		.genre = x->genre[genre],
		.validity = key_validity[validity],
		.code = { topic, genre, validity },
		.scored = scored,
		.score = score,
	};
	return x->fn(x->ctx, &r);
}

/* A new filter of b by field, with no value yet. */
static struct search_facet_filter *new_facet(struct search_bounds *b, char field)
{
	struct search_facet_filter *fc = &b->facet[b->nfacet++];

	fc->field = field;
	fc->n = 0;
	return fc;
}

/* The text match is the driver's own (store/driver.h, struct store_search_ops); everything
 * else of a search is a test of the search key's bits, the same on every database. */
static int search(struct store *s, const struct search_spec *q, search_row_fn fn, void *ctx,
		  struct gk_error *e)
{
	const struct doc_filter *f = q->f;
	const char *topic[SEARCH_KEY_TOPIC_MASK + 1] = { NULL };
	const char *genre[SEARCH_KEY_GENRE_MASK + 1] = { NULL };
	struct decode x = { .fn = fn, .ctx = ctx, .topic = topic, .genre = genre, .day = -1 };
	struct search_bounds b = { .staff_agency_id = f->public_only ? f->staff_agency_id : 0,
				   .own_lo = SEARCH_KEY_PUBLISHED,
				   .own_hi = SEARCH_KEY_PUBLISHED + key_day(today_of(f) + 1) - 1 };
	struct search_facet_filter *fc;
	struct arena a;
	int rc;

	arena_init(&a);
	if ((rc = codes(s, ST_DOC_SEARCH_TOPICS, &a, topic, SEARCH_KEY_TOPIC_MASK + 1, e)) != 0 ||
	    (rc = codes(s, ST_DOC_SEARCH_GENRES, &a, genre, SEARCH_KEY_GENRE_MASK + 1, e)) != 0)
		goto out;
	if (f->agency_id) {
		fc = new_facet(&b, 'o');
		fc->value[fc->n++] = f->agency_id;
	}
	if (f->topic) {  /* a 主题分类 is itself and those under it (综合政务 holds 综合政务\政务公开) */
		size_t len = strlen(f->topic);
		fc = new_facet(&b, 't');
		for (unsigned c = 1; c <= SEARCH_KEY_TOPIC_MASK; c++)
			if (topic[c] && strncmp(topic[c], f->topic, len) == 0 &&
			    (topic[c][len] == '\0' || topic[c][len] == '\\'))
				fc->value[fc->n++] = c;
	}
	if (f->genre) {
		fc = new_facet(&b, 'g');
		for (unsigned c = 1; c <= SEARCH_KEY_GENRE_MASK && fc->n == 0; c++)
			if (genre[c] && strcmp(genre[c], f->genre) == 0)
				fc->value[fc->n++] = c;
	}
	if (f->validity) {
		fc = new_facet(&b, 'v');
		for (int i = 0; i < 3 && fc->n == 0; i++)
			if (strcmp(f->validity, key_validity[i]) == 0)
				fc->value[fc->n++] = i;
	}
	for (int i = 0; i < b.nfacet; i++)
		if (b.facet[i].n == 0)
			goto out;  /* no document has that 主题分类, 体裁 or 有效性 */
	key_range(f, &b.lo, &b.hi, &b.day_lo, &b.day_hi);
	rc = s->drv->search->match(s, q, &b, decode_row, &x, e);
out:
	arena_free(&a);
	return rc;
}

static int search_doc_of(struct store *s, int64_t key, int64_t *doc_id, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_SEARCH_DOC_OF, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, key);
	if ((rc = db_one(s, st, "reading a search result", "key", "such result", e)) != 0)
		return rc;
	*doc_id = db_col_int(st, 0);
	db_reset(st);
	return 0;
}

static int search_scope(struct store *s, const struct doc_filter *f, int64_t key, int64_t *all,
			int64_t *newer, struct gk_error *e)
{
	int64_t lo, hi, dlo, dhi;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_SEARCH_SCOPE, &st, e)) != 0)
		return rc;
	key_range(f, &lo, &hi, &dlo, &dhi);
	db_bind_int(st, 1, lo >> SEARCH_SPAN_SHIFT);
	db_bind_int(st, 2, hi >> SEARCH_SPAN_SHIFT);
	db_bind_int(st, 3, key >> SEARCH_SPAN_SHIFT);
	if ((rc = db_one(s, st, "estimating the number of results", "", "count", e)) != 0)
		return rc;
	*all = db_col_int(st, 0);
	*newer = db_col_int(st, 1);
	db_reset(st);
	return 0;
}

static int search_warm(struct store *s, int64_t budget, search_warm_fn fn, void *ctx,
		       int64_t *done, int *whole, struct gk_error *e)
{
	*done = 0;
	*whole = 0;
	return s->drv->search->warm ? s->drv->search->warm(s, budget, fn, ctx, done, whole, e)
				    : 0;
}

static int search_ready(struct store *s, struct gk_error *e)
{
	return s->drv->search->ready ? s->drv->search->ready(s, e) : 0;
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
	db_bind_record(st, 2, &doc_attachment_desc, att);
	db_bind_int(st, 5, att->size);
	db_bind_blob(st, 6, att->data, (size_t)att->size);
	store_now(now);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, att->text_state ? att->text_state : "none");
	db_bind_text(st, 9, att->text_note);
	db_bind_text(st, 10, att->text);
	if ((rc = db_insert(s, st, "storing the attachment", id, e)) != 0)
		return rc;
	return reindex_for_text(s, att->doc_id, NULL, att->text_state, e);
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
		struct doc_attachment *r = ARENA_PUSH(a, v, cnt, cap, 4);

		*r = (struct doc_attachment){
			.id = db_col_int(st, 0), .doc_id = db_col_int(st, 1), .size = db_col_int(st, 5),
			.text_state = db_col_opt(st, 6, a), .text_note = db_col_opt(st, 7, a),
			.text = db_col_opt(st, 8, a),
		};
		db_read_record(st, 2, &doc_attachment_desc, r, a);
	}
	*out = v;
	*n = cnt;
	return rc;
}

static int attachment_data(struct store *s, int64_t id, struct arena *a, const void **data, size_t *len,
			   struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_ATTACHMENT_DATA, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, id);
	if ((rc = db_one(s, st, "reading an attachment", "attachment", "such attachment", e)) != 0)
		return rc;
	*data = db_col_blob_dup(st, 0, a, len);
	db_reset(st);
	return 0;
}

struct filed_ctx {
	struct doc_filed *out;
	size_t *n;
};

static int filed_row(void *p, struct db_stmt *st)
{
	struct filed_ctx *c = p;
	c->out[(*c->n)++] = (struct doc_filed){ db_col_int(st, 0), db_col_int(st, 1) };
	return 0;
}

static int filed(struct store *s, int64_t after, struct doc_filed *out, size_t max, size_t *n,
		 struct gk_error *e)
{
	struct filed_ctx c = { out, n };
	struct db_stmt *st;
	int rc;

	*n = 0;
	if ((rc = db_stmt(s, ST_DOC_FILED, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, after);
	db_bind_int(st, 2, (int64_t)max);
	return db_each(s, st, "listing the documents with files", filed_row, &c, e);
}

static int attachment_text(struct store *s, const struct doc_attachment *att, struct gk_error *e)
{
	struct db_stmt *st;
	struct arena a;
	const char *was;
	int rc;

	/* the state it had, for reindex_for_text's rule */
	if ((rc = db_stmt(s, ST_DOC_ATTACHMENT_STATE, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, att->id);
	if ((rc = db_one(s, st, "reading the attachment", "attachment", "such attachment", e)) != 0)
		return rc;
	arena_init(&a);
	was = db_col_opt(st, 0, &a);
	db_reset(st);
	if ((rc = db_stmt(s, ST_DOC_ATTACHMENT_TEXT, &st, e)) == 0) {
		db_bind_int(st, 1, att->id);
		db_bind_text(st, 2, att->text_state ? att->text_state : "none");
		db_bind_text(st, 3, att->text_note);
		db_bind_text(st, 4, att->text);
		rc = db_exec(s, st, "storing the attachment's text", e);
	}
	if (rc == 0)
		rc = reindex_for_text(s, att->doc_id, was, att->text_state, e);
	arena_free(&a);
	return rc;
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
	return db_serial_put(s, ST_DOC_SERIAL_PUT, agency_id, year, last, "setting an index serial", e);
}

static int event_add(struct store *s, const struct doc_event *ev, struct gk_error *e)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(s, ST_DOC_EVENT_ADD, &st, e)) != 0)
		return rc;
	db_bind_int(st, 1, ev->doc_id);
	db_bind_int(st, 2, ev->round);
	db_bind_int(st, 3, ev->secrecy_checked);
	db_bind_record(st, 4, &doc_event_desc, ev);
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
			.round = (int)db_col_int(st, 2), .secrecy_checked = (int)db_col_int(st, 3),
		};
		db_read_record(st, 4, &doc_event_desc, &ev, NULL);
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
	.published_organs = published_organs,
	.search = search,
	.search_scope = search_scope,
	.search_doc_of = search_doc_of,
	.search_warm = search_warm,
	.search_ready = search_ready,
	.attach = attach,
	.attachments = attachments,
	.attachment_data = attachment_data,
	.filed = filed,
	.attachment_text = attachment_text,
	.serials = serials,
	.serial_put = serial_put,
	.event_add = event_add,
	.events = events,
};

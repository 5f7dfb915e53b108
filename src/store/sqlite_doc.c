/*
 * sqlite_doc.c — the catalogue in SQLite (implements store/doc_store.h).
 *
 * The search index (search_fts, search_doc) is kept in step with document and
 * document_attachment by the triggers of migration "search"; its rowid is the search key
 * described there (published bit, day, id). A search reads it backwards within the key range
 * the visibility and year give, joined to search_doc for the other filters. The FTS5 MATCH
 * expression is written here from the parsed terms (search/query.h), never from user text.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/doc_store.h"
#include "store/sqlite_int.h"
#include "text/date.h"

#define DOC_COLS "d.id, d.agency_id, a.name, d.index_no, d.title, d.doc_no, d.publisher, " \
	"d.signed_date, d.published_date, d.topic, d.genre, d.disclosure, d.withheld_reason, " \
	"d.withheld_ground, d.time_limit, d.validity, d.effective_date, d.invalid_date, " \
	"d.summary, d.keywords, d.state, d.round, d.author, d.changed_date, d.reassess_due, " \
	"d.created_at, d.updated_at"
#define DOC_NCOLS 27

/* Parameters ?1 … ?10 of every list and search (bind_filter). */
#define FILTER_SQL \
	"(?1 = 0 OR d.agency_id = ?1) " \
	"AND (?2 IS NULL OR d.topic = ?2 OR substr(d.topic, 1, length(?2) + 1) = ?2 || '\\') " \
	"AND (?3 IS NULL OR d.genre = ?3) " \
	"AND (?4 IS NULL OR substr(coalesce(d.published_date, d.signed_date, d.created_at), 1, 4) " \
	"    = ?4) " \
	"AND (?5 IS NULL OR d.validity = ?5) " \
	"AND (?6 IS NULL OR d.state = ?6) " \
	"AND (?7 IS NULL OR d.disclosure = ?7) " \
	"AND ((?8 = 0 AND ?9 = 0) " \
	"     OR (d.state = 'published' AND d.published_date <= ?10) " \
	"     OR (?9 <> 0 AND d.agency_id = ?9 AND d.state <> 'withdrawn')) "

static const char *col(sqlite3_stmt *st, int i, struct arena *a)
{
	if (sq_col_is_null(st, i))
		return NULL;
	return a ? sq_col_dup(st, i, a) : sq_col_text(st, i);
}

/* Columns of DOC_COLS into d (copies in a, or borrowed when a is NULL); body is the column
 * after them if with_body. */
static void fill(sqlite3_stmt *st, struct arena *a, struct doc *d, int with_body)
{
	int i = 0;

	memset(d, 0, sizeof *d);
	d->id = sq_col_int(st, i++);
	d->agency_id = sq_col_int(st, i++);
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
	d->round = (int)sq_col_int(st, i++);
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
	static const char sql[] = "INSERT INTO document_serial (agency_id, year, last) "
				  "VALUES (?, ?, 1) ON CONFLICT (agency_id, year) "
				  "DO UPDATE SET last = last + 1 RETURNING last";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_int(st, 2, year);
	if ((rc = sq_next(s, st, &row, "taking an index serial", e)) != 0)
		return rc;
	*seq = row ? sq_col_int(st, 0) : 0;
	sqlite3_reset(st);
	return row ? 0 : err_set(e, ERR_DB, "", "no index serial returned");
}

/* Bind the stored fields of d (all but id, agency, 索引号, created_at) to ?1 … ?23. */
static void bind_fields(sqlite3_stmt *st, const struct doc *d)
{
	int i = 1;

	sq_bind_text(st, i++, d->title);
	sq_bind_text(st, i++, d->doc_no);
	sq_bind_text(st, i++, d->publisher);
	sq_bind_text(st, i++, d->signed_date);
	sq_bind_text(st, i++, d->published_date);
	sq_bind_text(st, i++, d->topic);
	sq_bind_text(st, i++, d->genre);
	sq_bind_text(st, i++, d->disclosure);
	sq_bind_text(st, i++, d->withheld_reason);
	sq_bind_text(st, i++, d->withheld_ground);
	sq_bind_text(st, i++, d->time_limit);
	sq_bind_text(st, i++, d->validity);
	sq_bind_text(st, i++, d->effective_date);
	sq_bind_text(st, i++, d->invalid_date);
	sq_bind_text(st, i++, d->summary);
	sq_bind_text(st, i++, d->keywords);
	sq_bind_text(st, i++, d->body ? d->body : "");
	sq_bind_text(st, i++, d->state);
	sq_bind_int(st, i++, d->round);
	sq_bind_text(st, i++, d->author);
	sq_bind_text(st, i++, d->changed_date);
	sq_bind_text(st, i++, d->reassess_due);
	sq_bind_text(st, i++, d->updated_at);
}

static int insert(struct store *s, const struct doc *d, int64_t *id, struct gk_error *e)
{
	static const char sql[] =
		"INSERT INTO document (title, doc_no, publisher, signed_date, published_date, topic, "
		"genre, disclosure, withheld_reason, withheld_ground, time_limit, validity, "
		"effective_date, invalid_date, summary, keywords, body, state, round, author, "
		"changed_date, reassess_due, updated_at, agency_id, index_no, created_at) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
		"?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	bind_fields(st, d);
	sq_bind_int(st, 24, d->agency_id);
	sq_bind_text(st, 25, d->index_no);
	sq_bind_text(st, 26, d->created_at);
	if ((rc = sq_exec_stmt(s, st, "adding the document", e)) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(sq_db(s));
	return 0;
}

static int update(struct store *s, const struct doc *d, struct gk_error *e)
{
	static const char sql[] =
		"UPDATE document SET title = ?1, doc_no = ?2, publisher = ?3, signed_date = ?4, "
		"published_date = ?5, topic = ?6, genre = ?7, disclosure = ?8, withheld_reason = ?9, "
		"withheld_ground = ?10, time_limit = ?11, validity = ?12, effective_date = ?13, "
		"invalid_date = ?14, summary = ?15, keywords = ?16, body = ?17, state = ?18, "
		"round = ?19, author = ?20, changed_date = ?21, reassess_due = ?22, updated_at = ?23 "
		"WHERE id = ?24";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	bind_fields(st, d);
	sq_bind_int(st, 24, d->id);
	if ((rc = sq_exec_stmt(s, st, "changing the document", e)) != 0)
		return rc;
	if (sqlite3_changes(sq_db(s)) == 0)
		return err_set(e, ERR_NOTFOUND, "ID", "no document %lld", (long long)d->id);
	return 0;
}

static int get(struct store *s, int64_t id, struct arena *a, struct doc *out, struct gk_error *e)
{
	static const char sql[] = "SELECT " DOC_COLS ", d.body FROM document d "
				  "JOIN agency a ON a.id = d.agency_id WHERE d.id = ?";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	if ((rc = sq_next(s, st, &row, "reading the document", e)) != 0)
		return rc;
	if (!row)
		return err_set(e, ERR_NOTFOUND, "ID", "no document %lld", (long long)id);
	fill(st, a, out, 1);
	sqlite3_reset(st);
	return 0;
}

static void bind_filter(sqlite3_stmt *st, const struct doc_filter *f)
{
	sq_bind_int(st, 1, f->agency_id);
	sq_bind_text(st, 2, f->topic);
	sq_bind_text(st, 3, f->genre);
	if (f->year > 0) {
		char y[12];
		snprintf(y, sizeof y, "%04d", f->year);
		sqlite3_bind_text(st, 4, y, -1, SQLITE_TRANSIENT);
	}
	sq_bind_text(st, 5, f->validity);
	sq_bind_text(st, 6, f->state);
	sq_bind_text(st, 7, f->disclosure);
	sq_bind_int(st, 8, f->public_only);
	sq_bind_int(st, 9, f->staff_agency_id);
	sq_bind_text(st, 10, f->today ? f->today : "");
	sq_bind_int(st, 12, f->limit > 0 ? f->limit : 50);
	sq_bind_int(st, 13, f->offset > 0 ? f->offset : 0);
}

static int list(struct store *s, const struct doc_filter *f, doc_row_fn fn, void *ctx,
		struct gk_error *e)
{
	static const char sql[] = "SELECT " DOC_COLS " FROM document d "
				  "JOIN agency a ON a.id = d.agency_id WHERE " FILTER_SQL
				  "ORDER BY coalesce(d.published_date, '') DESC, d.id DESC "
				  "LIMIT ?12 OFFSET ?13";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	bind_filter(st, f);
	while ((rc = sq_next(s, st, &row, "listing documents", e)) == 0 && row) {
		struct doc d;
		fill(st, NULL, &d, 0);
		if ((rc = fn(ctx, &d)) != 0) {
			sqlite3_reset(st);
			break;
		}
	}
	return rc;
}

/* The search key (migration "search"): what each bit range holds. */
#define KEY_PUBLISHED ((int64_t)1 << 62)
#define KEY_DAY_SHIFT 45
#define KEY_DAY_MASK 0x1FFFF
#define KEY_AGENCY_SHIFT 31
#define KEY_AGENCY_MASK 0x3FFF
#define KEY_TOPIC_SHIFT 23
#define KEY_TOPIC_MASK 0xFF
#define KEY_GENRE_SHIFT 18
#define KEY_GENRE_MASK 0x1F
#define KEY_VALIDITY_SHIFT 16
#define KEY_SPAN_SHIFT 50   /* search_span: 32 days */

static const char *const key_validity[4] = { "valid", "expired", "repealed", NULL };

static int64_t key_day(int day)
{
	return (int64_t)(day - date_make(1900, 1, 1)) << KEY_DAY_SHIFT;
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

/* The key range f's visibility and year allow, and the days of its year (0 if none). */
static void key_range(const struct doc_filter *f, int64_t *lo, int64_t *hi, int64_t *dlo,
		      int64_t *dhi)
{
	int y0, y1;

	*lo = 0;
	*hi = INT64_MAX;
	*dlo = *dhi = 0;
	if (f->public_only && f->staff_agency_id == 0) {
		*lo = KEY_PUBLISHED;
		*hi = KEY_PUBLISHED + key_day(today_of(f) + 1) - 1;
	}
	if (f->year > 0) {
		y0 = date_make(f->year, 1, 1);
		y1 = date_make(f->year + 1, 1, 1);
		*dlo = key_day(y0) >> KEY_DAY_SHIFT;
		*dhi = (key_day(y1) >> KEY_DAY_SHIFT) - 1;
		if (*lo == KEY_PUBLISHED) {
			if (KEY_PUBLISHED + key_day(y0) > *lo)
				*lo = KEY_PUBLISHED + key_day(y0);
			if (KEY_PUBLISHED + key_day(y1) - 1 < *hi)
				*hi = KEY_PUBLISHED + key_day(y1) - 1;
		}
	}
}

/* Term i of q as an FTS5 string: "…", a double quote doubled (the parser never leaves one). */
static int put_term(struct buf *b, const char *t, size_t len)
{
	int rc = buf_putc(b, '"');
	for (size_t i = 0; i < len && rc == 0; i++)
		rc = t[i] == '"' ? buf_puts(b, "\"\"") : buf_putc(b, t[i]);
	return rc ? rc : buf_putc(b, '"');
}

static int match_expr(const struct search_spec *q, struct buf *b)
{
	int rc = q->title_only ? buf_puts(b, "{title} : (") : 0;

	for (int i = 0; i < q->terms->n && rc == 0; i++)
		if ((i == 0 || (rc = buf_puts(b, " AND ")) == 0))
			rc = put_term(b, q->terms->term[i], q->terms->len[i]);
	return rc ? rc : q->title_only ? buf_putc(b, ')') : 0;
}

/* The values of a code table (search_topic, search_genre) by code, in a. */
static int codes(struct store *s, const char *sql, struct arena *a, const char **out, int max,
		 struct gk_error *e)
{
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	while ((rc = sq_next(s, st, &row, "reading search codes", e)) == 0 && row) {
		int64_t code = sq_col_int(st, 0);
		if (code > 0 && code < max)
			out[code] = sq_col_dup(st, 1, a);
	}
	return rc;
}

static int search(struct store *s, const struct search_spec *q, search_row_fn fn, void *ctx,
		  struct gk_error *e)
{
	/* everything but the text match is a test of the key's bits: no table is read per
	 * match (see migration "search") */
	static const char sql[] =
		"SELECT rowid, gk_score(search_fts, ?2, 10.0, 4.0, 1.0, 0.6) FROM search_fts "
		"WHERE search_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4 "
		"AND (?5 = 0 OR (rowid >> 31) & 16383 = ?5) "
		"AND (?6 IS NULL OR (rowid >> 23) & 255 IN (SELECT code FROM search_topic "
		"     WHERE value = ?6 OR substr(value, 1, length(?6) + 1) = ?6 || '\\')) "
		"AND (?7 IS NULL OR (rowid >> 18) & 31 = (SELECT code FROM search_genre "
		"     WHERE value = ?7)) "
		"AND (?8 < 0 OR (rowid >> 16) & 3 = ?8) "
		"AND (?9 = 0 OR (rowid >> 31) & 16383 = ?9 OR rowid BETWEEN ?12 AND ?13) "
		"AND (?10 = 0 OR (rowid >> 45) & 131071 BETWEEN ?10 AND ?11) "
		"ORDER BY rowid DESC";
	static const char topics_sql[] = "SELECT code, value FROM search_topic";
	static const char genres_sql[] = "SELECT code, value FROM search_genre";
	const struct doc_filter *f = q->f;
	const char *topic[KEY_TOPIC_MASK + 1] = { NULL }, *genre[KEY_GENRE_MASK + 1] = { NULL };
	int64_t lo, hi, dlo, dhi, validity = -1;
	int rc, row, base = date_make(1900, 1, 1);
	sqlite3_stmt *st;
	struct arena a;
	struct buf m;

	arena_init(&a);
	buf_init(&m, 4096);
	if (match_expr(q, &m) != 0) {
		rc = err_set(e, ERR_LIMIT, "query", "search query is too long");
		goto out;
	}
	if ((rc = codes(s, topics_sql, &a, topic, KEY_TOPIC_MASK + 1, e)) != 0 ||
	    (rc = codes(s, genres_sql, &a, genre, KEY_GENRE_MASK + 1, e)) != 0 ||
	    (rc = sq_stmt(s, sql, &st, e)) != 0)
		goto out;
	for (int i = 0; f->validity && i < 3; i++)
		if (strcmp(f->validity, key_validity[i]) == 0)
			validity = i;
	if (f->validity && validity < 0)
		goto out;  /* no document has another 有效性 */
	key_range(f, &lo, &hi, &dlo, &dhi);
	sqlite3_bind_text(st, 1, buf_cstr(&m), (int)m.len, SQLITE_STATIC);
	sq_bind_int(st, 2, q->nscore);
	sq_bind_int(st, 3, lo);
	sq_bind_int(st, 4, hi);
	sq_bind_int(st, 5, f->agency_id);
	sq_bind_text(st, 6, f->topic);
	sq_bind_text(st, 7, f->genre);
	sq_bind_int(st, 8, validity);
	sq_bind_int(st, 9, f->public_only ? f->staff_agency_id : 0);
	sq_bind_int(st, 10, dlo);
	sq_bind_int(st, 11, dhi);
	sq_bind_int(st, 12, KEY_PUBLISHED);
	sq_bind_int(st, 13, KEY_PUBLISHED + key_day(today_of(f) + 1) - 1);
	while ((rc = sq_next(s, st, &row, "searching", e)) == 0 && row) {
		int64_t key = sq_col_int(st, 0);
		struct search_row r = {
			.key = key,
			.agency_id = (key >> KEY_AGENCY_SHIFT) & KEY_AGENCY_MASK,
			.year = date_year(base + (int)((key >> KEY_DAY_SHIFT) & KEY_DAY_MASK)),
			.topic = topic[(key >> KEY_TOPIC_SHIFT) & KEY_TOPIC_MASK],
			.genre = genre[(key >> KEY_GENRE_SHIFT) & KEY_GENRE_MASK],
			.validity = key_validity[(key >> KEY_VALIDITY_SHIFT) & 3],
			.scored = sqlite3_column_type(st, 1) != SQLITE_NULL,
			.score = sqlite3_column_double(st, 1),
		};
		if ((rc = fn(ctx, &r)) != 0) {
			sqlite3_reset(st);
			break;
		}
	}
out:
	buf_free(&m);
	arena_free(&a);
	return rc;
}

static int search_doc_of(struct store *s, int64_t key, int64_t *doc_id, struct gk_error *e)
{
	static const char sql[] = "SELECT doc_id FROM search_doc WHERE key = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, key);
	if ((rc = sq_one(s, st, "reading a search result", "key", "such result", e)) != 0)
		return rc;
	*doc_id = sq_col_int(st, 0);
	sqlite3_reset(st);
	return 0;
}

static int search_scope(struct store *s, const struct doc_filter *f, int64_t key, int64_t *all,
			int64_t *newer, struct gk_error *e)
{
	static const char sql[] =
		"SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE span >= ?3), 0) "
		"FROM search_span WHERE span BETWEEN ?1 AND ?2";
	int64_t lo, hi, dlo, dhi;
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	key_range(f, &lo, &hi, &dlo, &dhi);
	sq_bind_int(st, 1, lo >> KEY_SPAN_SHIFT);
	sq_bind_int(st, 2, hi >> KEY_SPAN_SHIFT);
	sq_bind_int(st, 3, key >> KEY_SPAN_SHIFT);
	if ((rc = sq_one(s, st, "estimating the number of results", "", "count", e)) != 0)
		return rc;
	*all = sq_col_int(st, 0);
	*newer = sq_col_int(st, 1);
	sqlite3_reset(st);
	return 0;
}

static int attach(struct store *s, const struct doc_attachment *att, int64_t *id,
		  struct gk_error *e)
{
	char now[21];
	static const char sql[] = "INSERT INTO document_attachment (doc_id, name, mime, size, "
				  "sha256, data, created_at, text_state, text_note, extracted_text) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, att->doc_id);
	sq_bind_text(st, 2, att->name);
	sq_bind_text(st, 3, att->mime);
	sq_bind_int(st, 4, att->size);
	sq_bind_text(st, 5, att->sha256);
	sqlite3_bind_blob64(st, 6, att->data, (sqlite3_uint64)att->size, SQLITE_STATIC);
	store_now(now);
	sq_bind_text(st, 7, now);
	sq_bind_text(st, 8, att->text_state ? att->text_state : "none");
	sq_bind_text(st, 9, att->text_note);
	sq_bind_text(st, 10, att->text);
	if ((rc = sq_exec_stmt(s, st, "storing the attachment", e)) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(sq_db(s));
	return 0;
}

static int attachments(struct store *s, int64_t doc_id, int with_text, struct arena *a,
		       struct doc_attachment **out, size_t *n, struct gk_error *e)
{
	static const char sql[] = "SELECT id, doc_id, name, mime, size, sha256, text_state, "
				  "text_note, CASE WHEN ?2 THEN extracted_text END "
				  "FROM document_attachment WHERE doc_id = ?1 ORDER BY id";
	struct doc_attachment *v = NULL;
	size_t cnt = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, doc_id);
	sq_bind_int(st, 2, with_text);
	while ((rc = sq_next(s, st, &row, "reading attachments", e)) == 0 && row) {
		if (cnt == cap) {
			struct doc_attachment *nv;
			cap = cap ? cap * 2 : 4;
			nv = arena_alloc(a, cap * sizeof *nv);
			if (cnt)
				memcpy(nv, v, cnt * sizeof *nv);
			v = nv;
		}
		v[cnt] = (struct doc_attachment){
			.id = sq_col_int(st, 0), .doc_id = sq_col_int(st, 1),
			.name = col(st, 2, a), .mime = col(st, 3, a),
			.size = sq_col_int(st, 4), .sha256 = col(st, 5, a),
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
	static const char sql[] = "SELECT data FROM document_attachment WHERE id = ?";
	sqlite3_stmt *st;
	int rc;
	void *copy;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, id);
	if ((rc = sq_one(s, st, "reading an attachment", "attachment", "such attachment", e)) != 0)
		return rc;
	*len = (size_t)sqlite3_column_bytes(st, 0);
	copy = arena_alloc(a, *len + 1);
	if (*len)
		memcpy(copy, sqlite3_column_blob(st, 0), *len);
	*data = copy;
	sqlite3_reset(st);
	return 0;
}

struct serial_each {
	int (*fn)(void *ctx, int year, int64_t last);
	void *ctx;
};

static int serial_row(void *p, sqlite3_stmt *st)
{
	struct serial_each *c = p;
	return c->fn(c->ctx, (int)sq_col_int(st, 0), sq_col_int(st, 1));
}

static int serials(struct store *s, int64_t agency_id, int (*fn)(void *ctx, int year, int64_t last), void *ctx,
		   struct gk_error *e)
{
	static const char sql[] = "SELECT year, last FROM document_serial WHERE agency_id = ? ORDER BY year";
	struct serial_each c = { fn, ctx };
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	return sq_each(s, st, "listing index serials", serial_row, &c, e);
}

static int serial_put(struct store *s, int64_t agency_id, int year, int64_t last, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO document_serial (agency_id, year, last) VALUES (?1, ?2, ?3) "
				  "ON CONFLICT (agency_id, year) DO UPDATE SET last = ?3";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	sq_bind_int(st, 2, year);
	sq_bind_int(st, 3, last);
	return sq_exec_stmt(s, st, "setting an index serial", e);
}

static int event_add(struct store *s, const struct doc_event *ev, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO document_event (doc_id, round, action, stage, "
				  "decision, comment, secrecy_checked, actor, at) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, ev->doc_id);
	sq_bind_int(st, 2, ev->round);
	sq_bind_text(st, 3, ev->action);
	sq_bind_text(st, 4, ev->stage);
	sq_bind_text(st, 5, ev->decision);
	sq_bind_text(st, 6, ev->comment);
	sq_bind_int(st, 7, ev->secrecy_checked);
	sq_bind_text(st, 8, ev->actor);
	sq_bind_text(st, 9, ev->at);
	return sq_exec_stmt(s, st, "recording the document's history", e);
}

static int events(struct store *s, int64_t doc_id, doc_event_fn fn, void *ctx,
		  struct gk_error *e)
{
	static const char sql[] = "SELECT id, doc_id, round, action, stage, decision, comment, "
				  "secrecy_checked, actor, at FROM document_event WHERE doc_id = ? "
				  "ORDER BY id";
	sqlite3_stmt *st;
	int rc, row;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, doc_id);
	while ((rc = sq_next(s, st, &row, "reading the document's history", e)) == 0 && row) {
		struct doc_event ev = {
			.id = sq_col_int(st, 0), .doc_id = sq_col_int(st, 1),
			.round = (int)sq_col_int(st, 2), .action = col(st, 3, NULL),
			.stage = col(st, 4, NULL), .decision = col(st, 5, NULL),
			.comment = col(st, 6, NULL), .secrecy_checked = (int)sq_col_int(st, 7),
			.actor = col(st, 8, NULL), .at = col(st, 9, NULL),
		};
		if ((rc = fn(ctx, &ev)) != 0) {
			sqlite3_reset(st);
			break;
		}
	}
	return rc;
}

static int profile_get(struct store *s, int64_t agency_id, struct arena *a,
		       struct agency_profile *out, int *found, struct gk_error *e)
{
	static const char sql[] = "SELECT agency_id, index_pattern, office, address, postcode, "
				  "hours, phone, fax, email, website, channels, fees, scope, "
				  "fee_pause, correction_period, consult_cap, confirm_days, "
				  "review_body, report_due, updated_at FROM agency_profile "
				  "WHERE agency_id = ?";
	sqlite3_stmt *st;
	int rc, row, i = 1;

	memset(out, 0, sizeof *out);
	out->agency_id = agency_id;
	*found = 0;
	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, 1, agency_id);
	if ((rc = sq_next(s, st, &row, "reading the organ's settings", e)) != 0 || !row)
		return rc;
	out->index_pattern = col(st, i++, a);
	out->office = col(st, i++, a);
	out->address = col(st, i++, a);
	out->postcode = col(st, i++, a);
	out->hours = col(st, i++, a);
	out->phone = col(st, i++, a);
	out->fax = col(st, i++, a);
	out->email = col(st, i++, a);
	out->website = col(st, i++, a);
	out->channels = col(st, i++, a);
	out->fees = col(st, i++, a);
	out->scope = col(st, i++, a);
	out->fee_pause = col(st, i++, a);
	out->correction_period = col(st, i++, a);
	out->consult_cap = col(st, i++, a);
	out->confirm_days = col(st, i++, a);
	out->review_body = col(st, i++, a);
	out->report_due = col(st, i++, a);
	out->updated_at = col(st, i++, a);
	*found = 1;
	sqlite3_reset(st);
	return 0;
}

static int profile_put(struct store *s, const struct agency_profile *p, struct gk_error *e)
{
	static const char sql[] = "INSERT INTO agency_profile (agency_id, "
				  "index_pattern, office, address, postcode, hours, phone, fax, "
				  "email, website, channels, fees, scope, fee_pause, correction_period, "
				  "consult_cap, confirm_days, review_body, report_due, updated_at) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				  "ON CONFLICT (agency_id) DO UPDATE SET "
				  "index_pattern = excluded.index_pattern, office = excluded.office, "
				  "address = excluded.address, postcode = excluded.postcode, "
				  "hours = excluded.hours, phone = excluded.phone, fax = excluded.fax, "
				  "email = excluded.email, website = excluded.website, "
				  "channels = excluded.channels, fees = excluded.fees, "
				  "scope = excluded.scope, fee_pause = excluded.fee_pause, "
				  "correction_period = excluded.correction_period, "
				  "consult_cap = excluded.consult_cap, confirm_days = excluded.confirm_days, "
				  "review_body = excluded.review_body, report_due = excluded.report_due, "
				  "updated_at = excluded.updated_at";
	sqlite3_stmt *st;
	int rc, i = 1;

	if ((rc = sq_stmt(s, sql, &st, e)) != 0)
		return rc;
	sq_bind_int(st, i++, p->agency_id);
	sq_bind_text(st, i++, p->index_pattern);
	sq_bind_text(st, i++, p->office);
	sq_bind_text(st, i++, p->address);
	sq_bind_text(st, i++, p->postcode);
	sq_bind_text(st, i++, p->hours);
	sq_bind_text(st, i++, p->phone);
	sq_bind_text(st, i++, p->fax);
	sq_bind_text(st, i++, p->email);
	sq_bind_text(st, i++, p->website);
	sq_bind_text(st, i++, p->channels);
	sq_bind_text(st, i++, p->fees);
	sq_bind_text(st, i++, p->scope);
	sq_bind_text(st, i++, p->fee_pause);
	sq_bind_text(st, i++, p->correction_period);
	sq_bind_text(st, i++, p->consult_cap);
	sq_bind_text(st, i++, p->confirm_days);
	sq_bind_text(st, i++, p->review_body);
	sq_bind_text(st, i++, p->report_due);
	sq_bind_text(st, i++, p->updated_at);
	return sq_exec_stmt(s, st, "saving the organ's settings", e);
}

const struct doc_store_ops sqlite_doc_ops = {
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
	.profile_get = profile_get,
	.profile_put = profile_put,
};

/*
 * sqlite_search.c — the catalogue's full-text search in SQLite: the search seam of the SQLite
 * driver (struct store_search_ops, store/driver.h; what each operation does: store/doc_store.h).
 *
 * The search index (search_fts, search_doc) is kept in step with document and
 * document_attachment by the triggers of migration "search"; its rowid is the search key
 * described there (published bit, day, id). A search reads it backwards within the key range
 * the visibility and year give, joined to search_doc for the other filters. The FTS5 MATCH
 * expression is written here from the parsed terms (search/query.h), never from user text.
 * May call base/, text/date.h, sqlite3.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/doc_store.h"
#include "store/sqlite_int.h"
#include "text/date.h"

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
		int64_t code = sqlite3_column_int64(st, 0);
		if (code > 0 && code < max)
		{
			const unsigned char *v = sqlite3_column_text(st, 1);
			out[code] = v ? arena_strdup(a, (const char *)v) : NULL;
		}
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
	sqlite3_bind_int64(st, 2, q->nscore);
	sqlite3_bind_int64(st, 3, lo);
	sqlite3_bind_int64(st, 4, hi);
	sqlite3_bind_int64(st, 5, f->agency_id);
	sq_bind_text(st, 6, f->topic);
	sq_bind_text(st, 7, f->genre);
	sqlite3_bind_int64(st, 8, validity);
	sqlite3_bind_int64(st, 9, f->public_only ? f->staff_agency_id : 0);
	sqlite3_bind_int64(st, 10, dlo);
	sqlite3_bind_int64(st, 11, dhi);
	sqlite3_bind_int64(st, 12, KEY_PUBLISHED);
	sqlite3_bind_int64(st, 13, KEY_PUBLISHED + key_day(today_of(f) + 1) - 1);
	while ((rc = sq_next(s, st, &row, "searching", e)) == 0 && row) {
		int64_t key = sqlite3_column_int64(st, 0);
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
	sqlite3_bind_int64(st, 1, key);
	if ((rc = sq_one(s, st, "reading a search result", "key", "such result", e)) != 0)
		return rc;
	*doc_id = sqlite3_column_int64(st, 0);
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
	sqlite3_bind_int64(st, 1, lo >> KEY_SPAN_SHIFT);
	sqlite3_bind_int64(st, 2, hi >> KEY_SPAN_SHIFT);
	sqlite3_bind_int64(st, 3, key >> KEY_SPAN_SHIFT);
	if ((rc = sq_one(s, st, "estimating the number of results", "", "count", e)) != 0)
		return rc;
	*all = sqlite3_column_int64(st, 0);
	*newer = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return 0;
}


const struct store_search_ops sqlite_search_ops = {
	.search = search,
	.doc_of = search_doc_of,
	.scope = search_scope,
};

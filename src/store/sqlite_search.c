/*
 * sqlite_search.c — the catalogue's full-text match in SQLite: the search seam of the SQLite
 * driver (struct store_search_ops, store/driver.h). The search key and the filters around the
 * match are the catalogue area's (store/doc_store.c); this file asks FTS5 for the terms and
 * the filters' words.
 *
 * The search index (search_fts, search_doc, and search_title for the titles alone) is kept
 * in step with document and document_attachment by the triggers of migration "search"; its
 * rowid is the document's position (published bit, day, serial; migration "search_pos"),
 * negated, and gk_key(position) gives the search key described in migration "search" from the
 * connection's map (store/sqlite_keymap.c). A search reads the index newest first within the
 * positions of the days the visibility and year give. The FTS5 MATCH
 * expression is written from the parsed terms (search/query.h) by store_fts_match, never from
 * user text, with the words of the filters (migration "search_facet") ANDed after them;
 * gk_match checks the tokens of each term follow each other (store/fts_tokenizer.h).
 * May call base/, store/fts_tokenizer.h, sqlite3.
 */
#include <stdint.h>

#include "base/buf.h"
#include "store/doc_store.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite_int.h"

/* A filter by organ, 主题分类, 体裁 or 有效性 is words of the index's column facet (migration
 * "search_facet"), ANDed with the terms: FTS5 steps through the short list and skips in the
 * long one. A staff search's year and its documents published and visible today are tests of
 * the position (its published bit and day are the key's); only an unpublished match of a
 * staff search asks gk_key whether it is of the member's own organ (the key from the
 * connection's map); the rows handed over get their key here: no table is read per match (see
 * migration "search"). The titles alone are their own index, under the same positions
 * (migration "search_title"), read for a title-only search. Both indexes hold the position
 * negated (migrations "search_forward", "search_pos"): the newest first is ascending rowids,
 * the order FTS5 reads fastest. gk_match, the costliest test, comes last. */
_Static_assert(SQ_POS_SERIAL_BITS == 20 && SEARCH_KEY_DAY_MASK == 131071,
	       "MATCH_SQL reads the day of a position");
#define MATCH_SQL(fts, weights) \
	"SELECT -rowid, gk_score(" fts ", ?2, ?10, " weights ") FROM " fts " " \
	"WHERE " fts " MATCH ?1 AND rowid BETWEEN -?4 AND -?3 " \
	"AND (?5 = 0 OR -rowid BETWEEN ?6 AND ?7 OR (gk_key(-rowid) >> 31) & 16383 = ?5) " \
	"AND (?8 = 0 OR (-rowid >> 20) & 131071 BETWEEN ?8 AND ?9) " \
	"AND (?10 IS NULL OR gk_match(" fts ", ?10)) " \
	"ORDER BY rowid LIMIT ?11"
static const char all_sql[] = MATCH_SQL("search_fts", "10.0, 4.0, 1.0, 0.6");
static const char title_sql[] = MATCH_SQL("search_title", "10.0");

/* The filters as FTS5 phrases of the column facet: facet : ("word" OR "word" …) AND … */
static const struct search_facet_syntax facet_syntax = {
	.and = " AND ", .open = "facet : (", .or = " OR ", .pre = "\"", .post = "\"", .close = ")",
};

static int match(struct store *s, const struct search_spec *q, const struct search_bounds *b,
		 search_match_fn fn, void *ctx, struct gk_error *e)
{
	int rc, row;
	sqlite3_stmt *st;
	struct buf m, shape, filter;

	buf_init(&m, 16384);   /* 256 bytes of query make at most a few KB */
	buf_init(&shape, 0);
	buf_init(&filter, 256);
	if (search_facets_write(b, &facet_syntax, &filter) != 0 ||
	    store_fts_match(q->terms, buf_cstr(&filter), &m, &shape) != 0) {
		rc = err_set(e, ERR_LIMIT, "query", "search query is too long");
		goto out;
	}
	if ((rc = sq_keymap_refresh(s, sq_keymap(s), e)) != 0 ||
	    (rc = sq_stmt(s, q->title_only ? title_sql : all_sql, &st, e)) != 0)
		goto out;
	sqlite3_bind_text(st, 1, buf_cstr(&m), (int)m.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, q->nscore);
	/* the key range's days as positions: the bounds are whole days (doc_store.c) */
	sqlite3_bind_int64(st, 3, sq_position(b->lo, 0));
	sqlite3_bind_int64(st, 4, sq_position(b->hi, SQ_POS_SERIAL_MAX));
	sqlite3_bind_int64(st, 5, b->staff_agency_id);
	sqlite3_bind_int64(st, 6, sq_position(b->own_lo, 0));   /* whole days, as lo and hi */
	sqlite3_bind_int64(st, 7, sq_position(b->own_hi, SQ_POS_SERIAL_MAX));
	sqlite3_bind_int64(st, 8, b->day_lo);
	sqlite3_bind_int64(st, 9, b->day_hi);
	if (shape.len > 0)
		sqlite3_bind_blob(st, 10, shape.ptr, (int)shape.len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_int64(st, 11, q->max > 0 ? q->max : -1);   /* LIMIT -1: every row */
	while ((rc = sq_next(s, st, &row, "searching", e)) == 0 && row) {
		int64_t pos = sqlite3_column_int64(st, 0), key;
		if (sq_keymap_key(sq_keymap(s), pos, &key) != 0) {
			sqlite3_reset(st);
			rc = err_set(e, ERR_DB, "", "the search index holds position %lld, which no "
				     "document has", (long long)pos);
			break;
		}
		if ((rc = fn(ctx, key, sqlite3_column_type(st, 1) != SQLITE_NULL,
			     sqlite3_column_double(st, 1))) != 0) {
			sqlite3_reset(st);
			break;
		}
	}
out:
	buf_free(&m);
	buf_free(&shape);
	buf_free(&filter);
	return rc;
}

/* The connection's map of positions read before its first search (sqlite_keymap.c). */
static int ready(struct store *s, struct gk_error *e)
{
	int rc;

	if ((rc = store_begin_read(s, e)) != 0)
		return rc;
	rc = sq_keymap_refresh(s, sq_keymap(s), e);
	store_rollback(s);
	return rc;
}

const struct store_search_ops sqlite_search_ops = {
	.match = match,
	.index = NULL,   /* the triggers of migration "search" keep the index */
	.warm = sq_warm,   /* sqlite_warm.c */
	.ready = ready,
};

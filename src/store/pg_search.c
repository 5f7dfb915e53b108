/*
 * pg_search.c — the catalogue's full-text match in PostgreSQL: the search seam of the
 * PostgreSQL driver (struct store_search_ops, store/driver.h). The search key and the filters
 * around the match are the catalogue area's (store/doc_store.c), as on SQLite.
 *
 * The tokens are gongkai's own (search/tokenize.h), the same as SQLite's FTS5 index holds:
 * gongkai computes them and stores them as tsvectors with their positions and a weight per
 * field (A title, B 文号 / 索引号 / keywords, C summary and body, D the attachments' text), so
 * PostgreSQL's own text search configurations play no part. A tsvector holds positions up
 * to 16,383, so a long document is kept as chunks of 16,300 positions that overlap by 300
 * (search_chunk): a term found within one chunk is found, as a phrase. A query term is the
 * phrase of its tokens ('乡村' <-> '村振' <-> '振兴'); a document matches when every term
 * matches one of its chunks (migration "search", PostgreSQL variant). The titles' lexemes are
 * also kept alone (search_title, migration "search_title_pg") for the title-only search.
 * A search for the newest N matches reads ranges of keys, newest first, until it has them
 * (match_ranges): GIN cannot hand over matches in key order.
 * May call base/, search/tokenize.h, search/query.h, libpq.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "search/query.h"
#include "search/tokenize.h"
#include "store/doc_store.h"
#include "store/pg_int.h"

#define CHUNK_STEP 16000   /* a chunk starts every CHUNK_STEP positions … */
#define CHUNK_SPAN 16300   /* … and holds CHUNK_SPAN of them (a tsvector: at most 16,383) */
#define FIELD_GAP 8        /* positions between fields: no phrase spans two */
#define CHUNK_BYTES (8u << 20)   /* the tsvector text of a chunk */
#define POOL_BYTES (1u << 30)    /* the tokens of a document (its text is bounded before:
				  * the fields' limits, 8 MiB of text per attachment) */

/* One lexeme as tsvector / tsquery text: '…' with ' doubled and \ escaped. */
static int put_lexeme(struct buf *b, const char *t, size_t len)
{
	int rc = buf_putc(b, '\'');

	for (size_t i = 0; i < len && rc == 0; i++)
		rc = t[i] == '\'' ? buf_puts(b, "''") : t[i] == '\\' ? buf_puts(b, "\\\\")
		     : buf_putc(b, t[i]);
	return rc ? rc : buf_putc(b, '\'');
}

/* The rows of sql run with its n parameters v; NULL when it failed (*rc the error, in e). */
static PGresult *rows_of(struct store *s, const char *sql, int n, const char *const *v,
			 const char *what, int *rc, struct gk_error *e)
{
	PGresult *res = PQexecParams(pg_conn(s), sql, n, NULL, v, NULL, NULL, 0);

	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		return res;
	*rc = pg_fail(s, res, what, e);
	PQclear(res);
	return NULL;
}

/* --- indexing ---------------------------------------------------------------------------- */

/* One occurrence of a lexeme in a chunk: its bytes in the pool, its position there and the
 * weight of its field. */
struct occ {
	const char *lex;           /* set once the pool is complete (it moves while it grows) */
	size_t off;
	unsigned len, pos;
	char weight;
};

struct chunk {
	struct occ *v;
	size_t n, cap;
};

struct chunks {
	struct buf pool;           /* every token's bytes, once */
	struct chunk *part;        /* the occurrences of each chunk */
	size_t n;
	long pos;                  /* the last position given */
	char weight;               /* of the field being read */
	int rc;
};

static int index_token(void *p, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	struct chunks *c = p;
	size_t off = c->pool.len;

	(void)start;
	(void)end;
	if (!(flags & SEARCH_TOKEN_COLOCATED) || c->pos == 0)
		c->pos++;
	if ((c->rc = buf_append(&c->pool, tok, len)) != 0)
		return c->rc;
	for (long k = (c->pos - 1) / CHUNK_STEP; k >= 0 && c->pos - k * CHUNK_STEP <= CHUNK_SPAN; k--) {
		struct chunk *ch;
		while ((size_t)k >= c->n) {
			c->part = xrealloc(c->part, (c->n + 1) * sizeof *c->part);
			memset(&c->part[c->n++], 0, sizeof *c->part);
		}
		ch = &c->part[k];
		if (ch->n == ch->cap) {
			ch->cap = ch->cap ? 2 * ch->cap : 1024;
			ch->v = xrealloc(ch->v, ch->cap * sizeof *ch->v);
		}
		ch->v[ch->n++] = (struct occ){ .off = off, .len = (unsigned)len,
					       .pos = (unsigned)(c->pos - k * CHUNK_STEP),
					       .weight = c->weight };
	}
	return 0;
}

/* tsvector order: the lexemes' bytes (a prefix first), then the position. */
static int cmp_occ(const void *x, const void *y)
{
	const struct occ *a = x, *b = y;
	int d = memcmp(a->lex, b->lex, a->len < b->len ? a->len : b->len);

	if (d == 0)
		d = a->len != b->len ? (a->len < b->len ? -1 : 1) : 0;
	return d ? d : (a->pos > b->pos) - (a->pos < b->pos);
}

/* Chunk ch as tsvector text, each lexeme once with all its positions ('公开':3A,17C …):
 * PostgreSQL then reads lexemes already sorted and merged. */
static int chunk_text(struct chunk *ch, const struct buf *pool, struct buf *out)
{
	int rc = 0;

	for (size_t i = 0; i < ch->n; i++)
		ch->v[i].lex = pool->ptr + ch->v[i].off;
	qsort(ch->v, ch->n, sizeof *ch->v, cmp_occ);
	for (size_t i = 0; i < ch->n && rc == 0; i++) {
		const struct occ *o = &ch->v[i];
		int same = i > 0 && o->len == ch->v[i - 1].len &&
			   memcmp(o->lex, ch->v[i - 1].lex, o->len) == 0;
		if (same)
			rc = buf_printf(out, ",%u%c", o->pos, o->weight);
		else
			rc = (i > 0 ? buf_putc(out, ' ') : 0) || put_lexeme(out, o->lex, o->len) ||
			     buf_printf(out, ":%u%c", o->pos, o->weight);
	}
	return rc;
}

static void chunks_free(struct chunks *c)
{
	for (size_t k = 0; k < c->n; k++)
		free(c->part[k].v);
	free(c->part);
	buf_free(&c->pool);
}

static int index_field(struct chunks *c, char weight, const char *text, size_t len)
{
	c->weight = weight;
	if (c->pos > 0)
		c->pos += FIELD_GAP;
	return text ? search_tokenize(text, len, SEARCH_TOK_DOCUMENT, index_token, c) : 0;
}

/* The fields of document id, in the order of the weights A, B, C, then its attachments'
 * text (D); as SQLite's view search_source puts them. */
static const char fields_sql[] =
	"SELECT d.title, coalesce(d.doc_no, '') || chr(10) || d.index_no || chr(10) || "
	"coalesce(d.keywords, ''), coalesce(d.summary || chr(10), '') || d.body, "
	"(SELECT string_agg(t, chr(28) ORDER BY id) FROM (SELECT id, extracted_text AS t "
	"FROM document_attachment WHERE doc_id = d.id AND text_state = 'ok') x) "
	"FROM document d WHERE d.id = $1";

static int put_chunks(struct store *s, const char *key, struct chunks *c, struct gk_error *e)
{
	struct buf text;
	int rc = 0;

	buf_init(&text, CHUNK_BYTES);
	for (size_t k = 0; k < c->n && rc == 0; k++) {
		char part[24];
		const char *v[3] = { key, part, NULL };
		PGresult *res;

		buf_reset(&text);
		if (chunk_text(&c->part[k], &c->pool, &text) != 0) {
			rc = err_set(e, ERR_LIMIT, "", "the document is too large to index");
			break;
		}
		v[2] = buf_cstr(&text);
		snprintf(part, sizeof part, "%zu", k);
		res = PQexecParams(pg_conn(s), "INSERT INTO search_chunk (key, part, tsv) "
				   "VALUES ($1, $2, $3::tsvector || gk_facets(CAST($1 AS BIGINT)))", 3, NULL, v, NULL,
				   NULL, 0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = pg_fail(s, res, "indexing the document", e);
		PQclear(res);
	}
	buf_free(&text);
	return rc;
}

/* The title's lexemes on their own (migration "search_title_pg"): the A entries of the first
 * chunk, where the title is, and the filters' lexemes (migration "search_facet"). */
static int put_title(struct store *s, const char *key, struct gk_error *e)
{
	const char *v[1] = { key };
	PGresult *res = PQexecParams(pg_conn(s), "INSERT INTO search_title (key, tsv) SELECT key, "
				     "ts_filter(tsv, '{a}') || gk_facets(key) FROM search_chunk "
				     "WHERE key = $1 AND part = 0", 1, NULL, v, NULL, NULL, 0);
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : pg_fail(s, res, "indexing the document", e);

	PQclear(res);
	return rc;
}

/* The chunks and title of document id (text) under key (text). */
static int index_under(struct store *s, const char *id, const char *key, struct gk_error *e)
{
	const char *v[1] = { id };
	struct chunks c = { 0 };
	PGresult *res;
	int rc = 0;

	if ((res = rows_of(s, fields_sql, 1, v, "indexing the document", &rc, e)) == NULL)
		return rc;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return err_set(e, ERR_NOTFOUND, "", "indexing the document: no document %s", id);
	}
	buf_init(&c.pool, POOL_BYTES);
	for (int f = 0; f < 4 && c.rc == 0; f++)
		if (!PQgetisnull(res, 0, f))
			index_field(&c, "ABCD"[f], PQgetvalue(res, 0, f), (size_t)PQgetlength(res, 0, f));
	PQclear(res);
	rc = c.rc ? err_set(e, ERR_LIMIT, "", "the document is too large to index") : put_chunks(s, key, &c, e);
	chunks_free(&c);
	return rc ? rc : put_title(s, key, e);
}

static int pg_index(struct store *s, int64_t doc_id, struct gk_error *e)
{
	char id[24], key[24];
	const char *v[1] = { id };
	PGresult *res;
	int rc;

	snprintf(id, sizeof id, "%lld", (long long)doc_id);
	if ((res = rows_of(s, "SELECT gk_search_put($1)", 1, v, "indexing the document", &rc, e)) == NULL)
		return rc;
	if (PQgetisnull(res, 0, 0)) {
		PQclear(res);
		return 0;   /* withdrawn: not indexed */
	}
	snprintf(key, sizeof key, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return index_under(s, id, key, e);
}

/* The GIN indexes of the two tables, as statements that make them again (pg_get_indexdef: as
 * the migrations left them, not restated here), and a statement dropping them. */
static const char gin_defs_sql[] =
	"SELECT pg_get_indexdef(i.indexrelid), CAST(CAST(i.indexrelid AS regclass) AS text) "
	"FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am m ON m.oid = x.relam "
	"WHERE m.amname = 'gin' AND i.indrelid IN (CAST('search_chunk' AS regclass), "
	"CAST('search_title' AS regclass))";

/* The documents are read WRITE_AGAIN_BATCH at a time, by key (a platform's 10⁷ keys are not
 * held in memory at once). */
#define WRITE_AGAIN_BATCH 10000

/* Every document's chunks and title written again under its key, the tables emptied first. */
static int write_documents_again(struct store *s, struct gk_error *e)
{
	char after[24] = "-9223372036854775808";
	int rc, n = WRITE_AGAIN_BATCH;

	if ((rc = pg_exec(s, "TRUNCATE search_chunk, search_title", "writing the search index again",
			  e)) != 0)
		return rc;
	while (rc == 0 && n == WRITE_AGAIN_BATCH) {
		char max[12];
		const char *v[2] = { after, max };
		PGresult *res;

		snprintf(max, sizeof max, "%d", WRITE_AGAIN_BATCH);
		if ((res = rows_of(s, "SELECT doc_id, key FROM search_doc WHERE key > $1 ORDER BY key "
				   "LIMIT $2", 2, v, "writing the search index again", &rc, e)) == NULL)
			return rc;
		n = PQntuples(res);
		for (int r = 0; r < n && rc == 0; r++)
			rc = index_under(s, PQgetvalue(res, r, 0), PQgetvalue(res, r, 1), e);
		if (n > 0)
			snprintf(after, sizeof after, "%s", PQgetvalue(res, n - 1, 1));
		PQclear(res);
	}
	return rc;
}

/* The GIN indexes are taken away while the tables are filled again (one index built at the
 * end is faster and smaller than one grown row by row), then made again as they were, and
 * the tables' statistics taken at once (the planner's were of the tables before). */
int pg_search_write_again(struct store *s, struct gk_error *e)
{
	const char *what = "writing the search index again";
	struct buf make, drop;
	PGresult *res;
	int rc = 0;

	if ((res = rows_of(s, gin_defs_sql, 0, NULL, what, &rc, e)) == NULL)
		return rc;
	buf_init(&make, 0);
	buf_init(&drop, 0);
	for (int r = 0; r < PQntuples(res) && rc == 0; r++)
		rc = buf_printf(&make, "%s; ", PQgetvalue(res, r, 0)) ||
		     buf_printf(&drop, "DROP INDEX %s; ", PQgetvalue(res, r, 1));
	PQclear(res);
	if (rc != 0 || buf_puts(&make, "ANALYZE search_chunk; ANALYZE search_title") != 0)
		rc = err_set(e, ERR_LIMIT, "", "%s: out of memory", what);
	if (rc == 0 && (drop.len == 0 || (rc = pg_exec(s, buf_cstr(&drop), what, e)) == 0) &&
	    (rc = write_documents_again(s, e)) == 0)
		rc = pg_exec(s, buf_cstr(&make), what, e);
	buf_free(&make);
	buf_free(&drop);
	return rc;
}

/* --- matching ---------------------------------------------------------------------------- */

/* A query term as two tsquery texts: its tokens in a row (the phrase: '乡村' <-> '村振'), and
 * all of them anywhere ('乡村' & '村振'), which GIN answers without reading a chunk back. */
struct phrase {
	struct buf *b, *all;
	int n, rc;
};

static int query_token(void *p, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	struct phrase *q = p;
	int colocated = flags & SEARCH_TOKEN_COLOCATED;

	(void)start;
	(void)end;
	if (q->n++ > 0 && ((q->rc = buf_puts(q->b, colocated ? " | " : " <-> ")) != 0 ||
			   (q->rc = buf_puts(q->all, colocated ? " | " : " & ")) != 0))
		return q->rc;
	if ((q->rc = put_lexeme(q->b, tok, len)) != 0 || (q->rc = put_lexeme(q->all, tok, len)) != 0)
		return q->rc;
	return 0;
}

/* The filters as tsquery text: ('#word' | '#word' …) & …, the lexemes gk_facets gives every
 * chunk (migration "search_facet"; no token of a text starts with '#', search/tokenize.h). */
static const struct search_facet_syntax facet_syntax = {
	.and = " & ", .open = "(", .or = " | ", .pre = "'#", .post = "'", .close = ")",
};

/* The tsquery text q appended to b, with filter ANDed ("" for none). */
static int put_filtered(struct buf *b, const char *q, const char *filter)
{
	return *filter ? buf_printf(b, "(%s) & %s", q, filter) : buf_puts(b, q);
}

/* The terms of q as tsquery texts separated by chr(31): each as a phrase (in terms) and with
 * its tokens anywhere (in alls), both with the filter ANDed (facet_syntax; "" for none); all the
 * phrases joined by | (in any, for the score). 1 in *empty when a term has no token at all
 * (it matches nothing). */
static int queries(const struct search_spec *q, const char *filter, struct buf *terms,
		   struct buf *alls, struct buf *any, int *empty)
{
	int rc = 0;

	*empty = 0;
	for (int i = 0; i < q->terms->n && rc == 0; i++) {
		struct buf one, all;
		struct phrase ph = { &one, &all, 0, 0 };

		buf_init(&one, 0);
		buf_init(&all, 0);
		rc = search_tokenize(q->terms->term[i], q->terms->len[i], SEARCH_TOK_QUERY, query_token, &ph);
		if (rc == 0 && ph.n == 0)
			*empty = 1;
		if (rc == 0 && ph.n > 0)
			rc = (i > 0 ? buf_putc(terms, 31) || buf_putc(alls, 31) : 0) ||
			     put_filtered(terms, buf_cstr(&one), filter) ||
			     put_filtered(alls, buf_cstr(&all), filter) ||
			     (any->len ? buf_puts(any, " | ") : 0) ||
			     buf_printf(any, "(%s)", buf_cstr(&one));
		buf_free(&one);
		buf_free(&all);
	}
	return rc;
}

/* The matches in table (search_chunk, or search_title for the titles alone), newest first:
 * a document matches when each term ($1, phrases separated by chr(31)) matches one of its
 * chunks. GIN finds the chunks holding a term's tokens anywhere ($12, the same terms with
 * their tokens AND-ed: no chunk is read back for that); those are sorted newest first and
 * grouped by document, and a document whose chunks hold the tokens of every term (the bits of
 * the terms found, OR-ed, all set) is a candidate. Only then, candidate after candidate until
 * enough match, is each term of several tokens checked as a phrase against the document's
 * chunks (which reads and decompresses a tsvector): so a document holding one term but not
 * another is never read back (checked in the grouping, each row's phrase was: "安全生产 检查"
 * read the chunks of every document holding 安全生产, 1.1 s at 200,000 documents, 0.26 s
 * now), and the sort carries keys, not tsvectors. The filters by organ, 主题分类, 体裁 and
 * 有效性 are lexemes every chunk holds (migration "search_facet"), ANDed into each term's
 * queries, so GIN skips ahead in a common word's list; a staff member's own drafts ($5, $8,
 * $9) and a staff search's year ($6, $7) are tests of the key's bits, made in the scan. At
 * most $11 documents ($11 NULL: all). The first $2 are scored by ts_rank (weights D, C, B, A)
 * against any term ($10). (Each OFFSET 0 keeps its subquery's order and what it computes to
 * itself: the phrases are checked on the candidates in key order, and the check stops with
 * the limit.) */
#define MATCH_SQL(table) \
	"WITH q AS (SELECT CAST(t AS tsquery) AS t, CAST(a AS tsquery) AS a, i " \
	"  FROM unnest(string_to_array($1, chr(31)), string_to_array($12, chr(31))) " \
	"  WITH ORDINALITY AS u(t, a, i)), " \
	"hit AS (SELECT k.key FROM (SELECT s.key FROM (SELECT c.key, q.i " \
	"  FROM q JOIN " table " c ON c.tsv @@ q.a " \
	"  WHERE c.key BETWEEN $3 AND $4 " \
	"  AND (CAST($5 AS BIGINT) = 0 OR (c.key >> 31) & 16383 = $5 OR c.key BETWEEN $8 AND $9) " \
	"  AND (CAST($6 AS BIGINT) = 0 OR (c.key >> 45) & 131071 BETWEEN $6 AND $7) " \
	"  ORDER BY c.key DESC OFFSET 0) s " \
	"  GROUP BY s.key HAVING bit_or(CAST(1 AS BIGINT) << CAST(s.i - 1 AS INTEGER)) = " \
	"    (CAST(1 AS BIGINT) << CAST((SELECT count(*) FROM q) AS INTEGER)) - 1 " \
	"  ORDER BY s.key DESC OFFSET 0) k " \
	"  WHERE NOT EXISTS (SELECT 1 FROM q WHERE q.t <> q.a AND NOT EXISTS " \
	"    (SELECT 1 FROM " table " c WHERE c.key = k.key AND c.tsv @@ q.t)) " \
	"  ORDER BY k.key DESC LIMIT CAST($11 AS BIGINT)) " \
	"SELECT h.key, CASE WHEN row_number() OVER (ORDER BY h.key DESC) <= $2 THEN " \
	"  (SELECT max(ts_rank('{0.06, 0.1, 0.4, 1.0}', c.tsv, CAST($10 AS tsquery))) " \
	"   FROM " table " c WHERE c.key = h.key) END " \
	"FROM hit h ORDER BY h.key DESC"
static const char match_sql[] = MATCH_SQL("search_chunk");
static const char title_sql[] = MATCH_SQL("search_title");

/* One statement of the match over the keys [lo, hi]: at most max rows (0: all), the first
 * nscore scored; each row to fn (non-zero stops, and is returned), counted in *got. v holds
 * the other parameters. */
static int match_keys(struct store *s, const char *sql, const char **v, int64_t lo, int64_t hi,
		      int64_t nscore, int64_t max, search_match_fn fn, void *ctx, int64_t *got,
		      struct gk_error *e)
{
	char num[4][24];
	PGresult *res;
	int rc = 0;

	snprintf(num[0], sizeof num[0], "%lld", (long long)nscore);
	snprintf(num[1], sizeof num[1], "%lld", (long long)lo);
	snprintf(num[2], sizeof num[2], "%lld", (long long)hi);
	snprintf(num[3], sizeof num[3], "%lld", (long long)max);
	v[1] = num[0];
	v[2] = num[1];
	v[3] = num[2];
	v[10] = max > 0 ? num[3] : NULL;   /* LIMIT NULL: every row */
	if ((res = rows_of(s, sql, 12, v, "searching", &rc, e)) == NULL)
		return rc;
	for (int r = 0; r < PQntuples(res) && rc == 0; r++) {
		(*got)++;
		rc = fn(ctx, strtoll(PQgetvalue(res, r, 0), NULL, 10), !PQgetisnull(res, r, 1),
			strtod(PQgetvalue(res, r, 1), NULL));
	}
	PQclear(res);
	return rc;
}

/* The spans of keys within [lo, hi] that hold documents (search_span, 32 days each), newest
 * first: each span's first key and its documents, in (*spans)[i] (free it), *n of them. */
static int spans_of(struct store *s, int64_t lo, int64_t hi, int64_t (**spans)[2], int *n,
		    struct gk_error *e)
{
	char v0[24], v1[24];
	const char *v[2] = { v0, v1 };
	PGresult *res;
	int rc;

	snprintf(v0, sizeof v0, "%lld", (long long)(lo >> SEARCH_SPAN_SHIFT));
	snprintf(v1, sizeof v1, "%lld", (long long)(hi >> SEARCH_SPAN_SHIFT));
	if ((res = rows_of(s, "SELECT span, n FROM search_span WHERE span BETWEEN $1 AND $2 AND n > 0 "
			   "ORDER BY span DESC", 2, v, "searching", &rc, e)) == NULL)
		return rc;
	*n = PQntuples(res);
	*spans = xcalloc((size_t)*n + 1, sizeof **spans);
	for (int r = 0; r < *n; r++) {
		(*spans)[r][0] = strtoll(PQgetvalue(res, r, 0), NULL, 10) << SEARCH_SPAN_SHIFT;
		(*spans)[r][1] = strtoll(PQgetvalue(res, r, 1), NULL, 10);
	}
	PQclear(res);
	return 0;
}

/* A search of one term for at most q->max documents reads ranges of keys one after the
 * other, newest first. GIN hands over every chunk holding a word, unordered, and each is read
 * from the table for its key; within a range the key's index picks out that range's chunks
 * first, so a common word reads the chunks of the newest documents only, not all of them. The
 * first range holds about twice q->max documents (search_span tells how many a range holds);
 * each next one as many as the matches found so far say the rest needs, at least twice the
 * one before; when the first found none, the term is rare and the rest is one range. The
 * last reaches b->lo. Each range reads the GIN lists of the term's tokens again: a search of
 * several terms (whose lists are those of common words more often than not) or of the titles
 * (their own small index) is one statement. */
#define WANT_MAX ((int64_t)1 << 40)
static int match_ranges(struct store *s, const struct search_spec *q, const struct search_bounds *b,
			const char *sql, const char **v, search_match_fn fn, void *ctx,
			struct gk_error *e)
{
	int64_t (*spans)[2] = NULL, got = 0, seen = 0, want = 2 * q->max, top = b->hi;
	int rc, n = 0, next = 0;

	if ((rc = spans_of(s, b->lo, b->hi, &spans, &n, e)) != 0)
		return rc;
	while (rc == 0 && got < q->max && top >= b->lo) {
		int64_t bottom = b->lo, have = 0;
		while (next < n) {
			have += spans[next][1];
			if (have >= want && next + 1 < n && spans[next][0] > b->lo) {
				bottom = spans[next++][0];
				break;
			}
			next++;
		}
		rc = match_keys(s, sql, v, bottom, top, q->nscore > got ? q->nscore - got : 0,
				q->max - got, fn, ctx, &got, e);
		seen += have;
		top = bottom - 1;
		if (bottom == b->lo)
			break;
		if (got == 0) {
			want = WANT_MAX;   /* none in the newest: a rare term, the rest at once */
		} else {
			int64_t need = (q->max - got) * seen / got * 5 / 4;  /* at this density */
			want = need > 2 * want ? need : 2 * want;
			if (want > WANT_MAX)
				want = WANT_MAX;   /* more than any database holds: the rest at once */
		}
	}
	free(spans);
	return rc;
}

static int pg_match(struct store *s, const struct search_spec *q, const struct search_bounds *b,
		    search_match_fn fn, void *ctx, struct gk_error *e)
{
	char num[5][24];
	/* $2, $3, $4 and $11 are set per range of keys (match_keys) */
	const int64_t nums[5] = { b->staff_agency_id, b->day_lo, b->day_hi, b->own_lo, b->own_hi };
	const char *v[12];
	const char *sql = q->title_only ? title_sql : match_sql;
	struct buf terms, alls, any, filter;
	int64_t got = 0;
	int rc, empty;

	buf_init(&terms, 1 << 16);
	buf_init(&alls, 1 << 16);
	buf_init(&any, 1 << 16);
	buf_init(&filter, 256);
	if (search_facets_write(b, &facet_syntax, &filter) != 0 ||
	    queries(q, buf_cstr(&filter), &terms, &alls, &any, &empty) != 0) {
		rc = err_set(e, ERR_LIMIT, "query", "search query is too long");
		goto out;
	}
	rc = 0;
	if (empty || terms.len == 0 || b->lo > b->hi)
		goto out;   /* a term without a token matches nothing, nor does an empty range */
	for (int i = 0; i < 5; i++) {
		snprintf(num[i], sizeof num[i], "%lld", (long long)nums[i]);
		v[i + 4] = num[i];
	}
	v[0] = buf_cstr(&terms);
	v[9] = buf_cstr(&any);
	v[11] = buf_cstr(&alls);
	if (q->max > 0 && !q->title_only && q->terms->n == 1)
		rc = match_ranges(s, q, b, sql, v, fn, ctx, e);
	else
		rc = match_keys(s, sql, v, b->lo, b->hi, q->nscore, q->max, fn, ctx, &got, e);
out:
	buf_free(&terms);
	buf_free(&alls);
	buf_free(&any);
	buf_free(&filter);
	return rc;
}

const struct store_search_ops pg_search_ops = {
	.match = pg_match,
	.index = pg_index,
	.warm = NULL,   /* the server keeps its buffers (its pg_prewarm: docs/platform.md) */
	.ready = NULL,  /* a connection keeps nothing of the index */
};

/*
 * fts_tokenizer.c — the FTS5 tokenizer "gongkai", wrapping search_tokenize, the ranking
 * function gk_score, and the words of a document's filters, gk_facets (see fts_tokenizer.h
 * and docs/search.md). Documents and queries go through
 * the same function, so whatever folding applies to one applies to the other.
 */
#include "store/fts_tokenizer.h"

#include <sqlite3.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "search/query.h"
#include "search/tokenize.h"
#include "store/driver.h"
#include "text/normalise.h"
#include "text/utf8.h"

#define SCORE_MAX_COLUMNS 8
#define MAX_PHRASES (QUERY_MAX_TERMS * QUERY_MAX_TOKENS)  /* in a query store_fts_match writes */

struct tok_call {
	void *fts_ctx;
	int (*x_token)(void *, int, const char *, int, int, int);
};

static int emit(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	struct tok_call *c = ctx;
	return c->x_token(c->fts_ctx, (flags & SEARCH_TOKEN_COLOCATED) ? FTS5_TOKEN_COLOCATED : 0,
			  tok, (int)len, (int)start, (int)end);
}

static int gk_create(void *udata, const char **azArg, int nArg, Fts5Tokenizer **out)
{
	static int dummy;
	*out = (Fts5Tokenizer *)&dummy;  /* stateless */
	return SQLITE_OK;
}

static void gk_delete(Fts5Tokenizer *t)
{
}

static int gk_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
		       int (*x_token)(void *, int, const char *, int, int, int))
{
	struct tok_call c = { ctx, x_token };
	enum search_tok_mode mode = (flags & FTS5_TOKENIZE_QUERY) ? SEARCH_TOK_QUERY
								  : SEARCH_TOK_DOCUMENT;
	if (len <= 0)
		return SQLITE_OK;
	return search_tokenize(text, (size_t)len, mode, emit, &c);
}

/* ---------------------------------------------------------------- the match expression */

/* The tokens of a term: each its folded bytes and the range of the term it came from. */
struct term_tokens {
	int n;
	const char *tok[QUERY_MAX_TOKENS + 1];
	size_t len[QUERY_MAX_TOKENS + 1], start[QUERY_MAX_TOKENS + 1], end[QUERY_MAX_TOKENS + 1];
	char bytes[(QUERY_MAX_TOKENS + 1) * (TOKEN_MAX_BYTES + 4)];
	size_t used;
};

static int keep_token(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	struct term_tokens *tt = ctx;

	(void)flags;
	if (tt->n > QUERY_MAX_TOKENS || tt->used + len > sizeof tt->bytes)
		return 1;
	memcpy(tt->bytes + tt->used, tok, len);
	tt->tok[tt->n] = tt->bytes + tt->used;
	tt->len[tt->n] = len;
	tt->start[tt->n] = start;
	tt->end[tt->n] = end;
	tt->used += len;
	tt->n++;
	return 0;
}

/* The tokens of text[0..len) in query mode into tt; -1 if more than fit. */
static int tokens_of(const char *text, size_t len, struct term_tokens *tt)
{
	tt->n = 0;
	tt->used = 0;
	return search_tokenize(text, len, SEARCH_TOK_QUERY, keep_token, tt) ? -1 : 0;
}

/* Text as one FTS5 string: "…", a double quote doubled (the parser never leaves one). */
static int put_string(struct buf *b, const char *t, size_t len)
{
	int rc = buf_putc(b, '"');
	for (size_t i = 0; i < len && rc == 0; i++)
		rc = t[i] == '"' ? buf_puts(b, "\"\"") : buf_putc(b, t[i]);
	return rc ? rc : buf_putc(b, '"');
}

/* 1 if every token of tt is Chinese (a character or a pair): the terms whose lists are long.
 * A term with digits or letters (a 文号, an 索引号) has a rare token that FTS5's phrase reads
 * first; asked as separate tokens it cost 15 % more (1.16 → 1.36 ms at 10⁶ documents). */
static int all_han(const struct term_tokens *tt)
{
	for (int i = 0; i < tt->n; i++) {
		int32_t cp;
		if (utf8_decode(tt->tok[i], tt->len[i], &cp) == 0 || text_cp_class(cp) != TEXT_CP_IDEO)
			return 0;
	}
	return 1;
}

/* 1 if each token of tt, asked alone, is that token again (so FTS5 reads it as one phrase of
 * that one token): not so when one character folds into several (㍿ → 株式会社). */
static int tokens_stand_alone(const char *term, const struct term_tokens *tt)
{
	struct term_tokens one;

	for (int i = 0; i < tt->n; i++)
		if (tokens_of(term + tt->start[i], tt->end[i] - tt->start[i], &one) != 0 ||
		    one.n != 1 || one.len[0] != tt->len[i] ||
		    memcmp(one.tok[0], tt->tok[i], tt->len[i]) != 0)
			return 0;
	return 1;
}

int store_fts_match(const struct search_terms *t, const char *filter, struct buf *m,
		    struct buf *shape)
{
	struct term_tokens tt;
	int rc = 0, groups = 0;

	for (int i = 0; i < t->n && rc == 0; i++) {
		const char *term = t->term[i];
		size_t len = t->len[i];
		unsigned char k = 1;

		if (i && (rc = buf_puts(m, " AND ")) != 0)
			break;
		if (tokens_of(term, len, &tt) == 0 && tt.n >= 2 && tt.n <= QUERY_MAX_TOKENS &&
		    all_han(&tt) && tokens_stand_alone(term, &tt)) {
			for (int j = 0; j < tt.n && rc == 0; j++)
				if (j == 0 || (rc = buf_puts(m, " AND ")) == 0)
					rc = put_string(m, term + tt.start[j], tt.end[j] - tt.start[j]);
			k = (unsigned char)tt.n;
			groups++;
		} else {
			rc = put_string(m, term, len);
		}
		if (rc == 0)
			rc = buf_putc(shape, (char)k);
	}
	if (rc == 0 && filter && *filter) {
		if ((rc = buf_puts(m, " AND ")) == 0 && (rc = buf_puts(m, filter)) == 0)
			rc = buf_putc(shape, 0);   /* the phrases after the terms: the filter's */
	} else if (rc == 0 && groups == 0) {
		buf_reset(shape);
	}
	return rc ? ERR_LIMIT : 0;
}

/* ---------------------------------------------------------------- adjacency and score */

/* How many places in each column (tf[c], c < ncol; NULL: any column, stop at the first) the
 * k phrases from first follow each other: phrase first + i at the position of first, plus i. */
static int adjacent(const Fts5ExtensionApi *api, Fts5Context *fts, int first, int k, int *tf,
		    int ncol)
{
	Fts5PhraseIter it[QUERY_MAX_TOKENS];
	int col[QUERY_MAX_TOKENS], off[QUERY_MAX_TOKENS], found = 0;

	for (int i = 0; i < k; i++)
		api->xPhraseFirst(fts, first + i, &it[i], &col[i], &off[i]);
	for (; col[0] >= 0; api->xPhraseNext(fts, &it[0], &col[0], &off[0])) {
		int i;
		for (i = 1; i < k; i++) {
			while (col[i] >= 0 && (col[i] < col[0] || (col[i] == col[0] && off[i] < off[0] + i)))
				api->xPhraseNext(fts, &it[i], &col[i], &off[i]);
			if (col[i] < 0)
				return found;   /* phrase i has no later place: no more matches */
			if (col[i] != col[0] || off[i] != off[0] + i)
				break;
		}
		if (i < k)
			continue;
		found++;
		if (tf == NULL)
			return found;
		if (col[0] < ncol)
			tf[col[0]]++;
	}
	return found;
}

/* The groups of a shape (see store_fts_match) of a query of nphrase phrases: how many, each
 * its first phrase and how many phrases (at most cap groups); without a shape, each phrase is a
 * group; after a 0 byte, the phrases left are a filter's, in no group. -1 if the shape does
 * not fit. */
static int groups_of(sqlite3_value *v, int nphrase, int cap, int *first, int *k)
{
	const unsigned char *s = sqlite3_value_blob(v);
	int n = sqlite3_value_bytes(v), at = 0;

	if (s == NULL || n <= 0) {
		if (nphrase > cap)
			return -1;
		for (int i = 0; i < nphrase; i++) {
			first[i] = i;
			k[i] = 1;
		}
		return nphrase;
	}
	if (n - (s[n - 1] == 0) > cap)
		return -1;
	for (int g = 0; g < n; g++) {
		if (s[g] == 0 && g == n - 1)
			return g;       /* the filter's phrases follow */
		if (s[g] < 1 || s[g] > QUERY_MAX_TOKENS || at + s[g] > nphrase)
			return -1;
		first[g] = at;
		k[g] = s[g];
		at += s[g];
	}
	return at == nphrase ? n : -1;
}

static void gk_match(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		     int nval, sqlite3_value **val)
{
	int first[QUERY_MAX_TERMS], k[QUERY_MAX_TERMS], n;

	if (nval >= 1 && sqlite3_value_type(val[0]) == SQLITE_NULL) {
		sqlite3_result_int(ctx, 1);   /* no term of several phrases */
		return;
	}
	if (nval < 1 || (n = groups_of(val[0], api->xPhraseCount(fts), QUERY_MAX_TERMS, first,
					 k)) < 0) {
		sqlite3_result_error(ctx, "gk_match: a shape that does not fit the query", -1);
		return;
	}
	for (int g = 0; g < n; g++)
		if (k[g] > 1 && adjacent(api, fts, first[g], k[g], NULL, 0) == 0) {
			sqlite3_result_int(ctx, 0);
			return;
		}
	sqlite3_result_int(ctx, 1);
}

/* Per query: how many rows were scored, the average length of each column. */
struct score_state {
	sqlite3_int64 calls;
	int ncol;
	double avg[SCORE_MAX_COLUMNS];
};

static void gk_score(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		     int nval, sqlite3_value **val)
{
	struct score_state *st = api->xGetAuxdata(fts, 0);
	int tf[SCORE_MAX_COLUMNS];
	int first[MAX_PHRASES], k[MAX_PHRASES];
	double score = 0;
	int ngroup;

	if (nval < 2) {
		sqlite3_result_error(ctx, "gk_score: how many rows to score, and the shape?", -1);
		return;
	}
	if (st == NULL) {
		sqlite3_int64 rows = 0, total;
		if ((st = sqlite3_malloc(sizeof *st)) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		st->calls = 0;
		st->ncol = api->xColumnCount(fts);
		if (st->ncol > SCORE_MAX_COLUMNS)
			st->ncol = SCORE_MAX_COLUMNS;
		api->xRowCount(fts, &rows);
		for (int c = 0; c < st->ncol; c++) {
			total = 0;
			api->xColumnTotalSize(fts, c, &total);
			st->avg[c] = rows > 0 && total > 0 ? (double)total / (double)rows : 1.0;
		}
		if (api->xSetAuxdata(fts, st, sqlite3_free) != SQLITE_OK) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	if (st->calls++ >= sqlite3_value_int64(val[0])) {
		sqlite3_result_null(ctx);
		return;
	}
	if ((ngroup = groups_of(val[1], api->xPhraseCount(fts), MAX_PHRASES, first, k)) < 0) {
		sqlite3_result_error(ctx, "gk_score: a shape that does not fit the query", -1);
		return;
	}
	for (int g = 0; g < ngroup; g++) {
		for (int c = 0; c < st->ncol; c++)
			tf[c] = 0;
		adjacent(api, fts, first[g], k[g], tf, st->ncol);
		for (int c = 0; c < st->ncol && c + 2 < nval; c++) {
			int size = 0;
			double norm;
			if (tf[c] == 0)
				continue;
			api->xColumnSize(fts, c, &size);
			norm = 1.2 * (0.25 + 0.75 * (double)size / st->avg[c]);
			score += sqlite3_value_double(val[c + 2]) * tf[c] / (tf[c] + norm);
		}
	}
	sqlite3_result_double(ctx, score);
}

/* ---------------------------------------------------------------- the filters' words */

/* gk_facets(base): the filters' words of a document whose key's base is base
 * (search_key_words; migration "search_facet"). */
static void gk_facets(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf b;

	(void)argc;
	buf_init(&b, 64);
	if (search_key_words(&b, sqlite3_value_int64(argv[0])) != 0)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, buf_cstr(&b), (int)b.len, SQLITE_TRANSIENT);
	buf_free(&b);
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int store_fts_register(sqlite3 *db)
{
	static fts5_tokenizer tok = { gk_create, gk_delete, gk_tokenize };
	fts5_api *api = fts5_api_of(db);

	if (api == NULL || api->iVersion < 2)
		return ERR_DB;
	if (api->xCreateTokenizer(api, "gongkai", NULL, &tok, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "gk_score", NULL, gk_score, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "gk_match", NULL, gk_match, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "gk_facets", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				       NULL, gk_facets, NULL, NULL, NULL) != SQLITE_OK)
		return ERR_DB;
	return 0;
}

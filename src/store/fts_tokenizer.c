/*
 * fts_tokenizer.c — the FTS5 tokenizer "gongkai", wrapping search_tokenize, and the ranking
 * function gk_score (see fts_tokenizer.h and docs/search.md). Documents and queries go through
 * the same function, so whatever folding applies to one applies to the other.
 */
#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include "base/err.h"
#include "search/tokenize.h"

#define SCORE_MAX_COLUMNS 8

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
	double score = 0;
	int nphrase = api->xPhraseCount(fts);

	if (nval < 1) {
		sqlite3_result_error(ctx, "gk_score: how many rows to score?", -1);
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
	for (int p = 0; p < nphrase; p++) {
		Fts5PhraseIter it;
		int col, off;

		for (int c = 0; c < st->ncol; c++)
			tf[c] = 0;
		for (api->xPhraseFirst(fts, p, &it, &col, &off); col >= 0;
		     api->xPhraseNext(fts, &it, &col, &off))
			if (col < st->ncol)
				tf[col]++;
		for (int c = 0; c < st->ncol && c + 1 < nval; c++) {
			int size = 0;
			double norm;
			if (tf[c] == 0)
				continue;
			api->xColumnSize(fts, c, &size);
			norm = 1.2 * (0.25 + 0.75 * (double)size / st->avg[c]);
			score += sqlite3_value_double(val[c + 1]) * tf[c] / (tf[c] + norm);
		}
	}
	sqlite3_result_double(ctx, score);
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
	    api->xCreateFunction(api, "gk_score", NULL, gk_score, NULL) != SQLITE_OK)
		return ERR_DB;
	return 0;
}

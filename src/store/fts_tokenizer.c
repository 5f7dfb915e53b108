/*
 * fts_tokenizer.c — the FTS5 tokenizer "gongkai", wrapping search_tokenize (see
 * fts_tokenizer.h and docs/search.md). Documents and queries go through the same function,
 * so whatever folding applies to one applies to the other.
 */
#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include "base/err.h"
#include "search/tokenize.h"

struct tok_call {
	void *fts_ctx;
	int (*x_token)(void *, int, const char *, int, int, int);
};

static int emit(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct tok_call *c = ctx;
	return c->x_token(c->fts_ctx, 0, tok, (int)len, (int)start, (int)end);
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
	if (len <= 0)
		return SQLITE_OK;
	return search_tokenize(text, (size_t)len, emit, &c);
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
	if (api->xCreateTokenizer(api, "gongkai", NULL, &tok, NULL) != SQLITE_OK)
		return ERR_DB;
	return 0;
}

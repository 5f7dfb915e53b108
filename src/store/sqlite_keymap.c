/*
 * sqlite_keymap.c — the search key of each position of SQLite's search indexes (migration
 * "search_pos"), held in memory by each connection and asked by the SQL function
 * gk_key(position) in the search's statement (sqlite_search.c).
 *
 * The indexes hold a document under its position (published bit, day, serial), whose
 * neighbours differ by little, so FTS5's lists stay small; everything results are filtered and
 * counted by is in the search key, kept in search_doc beside the position. Reading search_doc
 * for each match would cost a b-tree search each; the map is two sorted arrays read once and
 * again only when search_gen (bumped by every change to search_doc) says they changed. Matches
 * come in position order, so each lookup starts from the one before (galloping), and the
 * statement asks for one row's key several times (its filters), answered from the last.
 * May call base/, sqlite3.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/sqlite_int.h"

struct sq_keymap {
	int64_t gen;        /* search_gen.n when the arrays were read; -1: never */
	size_t n, cap;
	int64_t *pos, *key; /* search_doc's positions, ascending, and their keys */
	size_t hint;        /* where the last lookup ended */
	int64_t last_pos, last_key;
};

/* The index of position p in m, or -1: a galloping search from the last one found. */
static long find(struct sq_keymap *m, int64_t p)
{
	size_t lo, hi, h = m->hint < m->n ? m->hint : 0, step = 1;

	if (m->n == 0)
		return -1;
	if (m->pos[h] == p)
		return (long)h;
	if (m->pos[h] < p) {         /* look right of h: pos[lo] < p ≤ pos[hi] or none */
		lo = h;
		while (h + step < m->n && m->pos[h + step] < p)
			step *= 2;
		hi = h + step < m->n ? h + step : m->n - 1;
		if (m->pos[hi] < p)
			return -1;
	} else {                     /* left of h: pos[lo] < p ≤ pos[hi] */
		hi = h;
		while (step <= h && m->pos[h - step] >= p)
			step *= 2;
		if (step > h) {
			if (m->pos[0] >= p) {
				m->hint = 0;
				return m->pos[0] == p ? 0 : -1;
			}
			lo = 0;
		} else {
			lo = h - step;
		}
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->pos[mid] < p)
			lo = mid;
		else
			hi = mid;
	}
	m->hint = hi;
	return m->pos[hi] == p ? (long)hi : -1;
}

/* gk_key(position): the search key of the document at that position, NULL if none. */
static void gk_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sq_keymap *m = sqlite3_user_data(ctx);
	int64_t p;
	long i;

	if (argc != 1 || sqlite3_value_type(argv[0]) != SQLITE_INTEGER)
		return;   /* NULL */
	p = sqlite3_value_int64(argv[0]);
	if (p == m->last_pos) {
		sqlite3_result_int64(ctx, m->last_key);
		return;
	}
	if ((i = find(m, p)) < 0)
		return;
	m->last_pos = p;
	m->last_key = m->key[i];
	sqlite3_result_int64(ctx, m->last_key);
}

static void keymap_free(void *p)
{
	struct sq_keymap *m = p;

	if (m) {
		free(m->pos);
		free(m->key);
		free(m);
	}
}

struct sq_keymap *sq_keymap_register(sqlite3 *db)
{
	struct sq_keymap *m = calloc(1, sizeof *m);

	if (m == NULL)
		return NULL;
	m->gen = -1;
	m->last_pos = -1;
	/* deterministic: SQLite may answer a row's repeated gk_key(p) once */
	if (sqlite3_create_function_v2(db, "gk_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, m,
				       gk_key, NULL, NULL, keymap_free) != SQLITE_OK)
		return NULL;   /* SQLite called keymap_free */
	return m;
}

static int grow(struct sq_keymap *m)
{
	size_t cap = m->cap ? 2 * m->cap : 4096;
	int64_t *pos = realloc(m->pos, cap * sizeof *pos), *key;

	if (pos == NULL)
		return -1;
	m->pos = pos;
	if ((key = realloc(m->key, cap * sizeof *key)) == NULL)
		return -1;
	m->key = key;
	m->cap = cap;
	return 0;
}

int sq_keymap_refresh(struct store *s, struct sq_keymap *m, struct gk_error *e)
{
	sqlite3_stmt *st;
	int rc, row;
	int64_t gen;

	if ((rc = sq_stmt(s, "SELECT n FROM search_gen", &st, e)) != 0 ||
	    (rc = sq_one(s, st, "reading the search positions", "", "search_gen", e)) != 0)
		return rc;
	gen = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (gen == m->gen)
		return 0;
	m->n = 0;
	m->hint = 0;
	m->last_pos = -1;
	m->gen = -1;
	if ((rc = sq_stmt(s, "SELECT pos, key FROM search_doc WHERE pos IS NOT NULL ORDER BY pos",
			  &st, e)) != 0)
		return rc;
	while ((rc = sq_next(s, st, &row, "reading the search positions", e)) == 0 && row) {
		if (m->n == m->cap && grow(m) != 0) {
			sqlite3_reset(st);
			return err_set(e, ERR_LIMIT, "", "out of memory reading the search positions");
		}
		m->pos[m->n] = sqlite3_column_int64(st, 0);
		m->key[m->n++] = sqlite3_column_int64(st, 1);
	}
	if (rc == 0)
		m->gen = gen;
	return rc;
}

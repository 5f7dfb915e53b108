/*
 * sqlite_keymap.c — the search key of each position of SQLite's search indexes (migration
 * "search_pos"), held in memory by each connection and asked by the SQL function
 * gk_key(position) in the search's statement (sqlite_search.c).
 *
 * The indexes hold a document under its position (published bit, day, serial), whose
 * neighbours differ by little, so FTS5's lists stay small; everything results are filtered and
 * counted by is in the search key, kept in search_doc beside the position. Reading search_doc
 * for each match would cost a b-tree search each; the map is two sorted arrays read whole
 * once, then kept in step with search_change (each position added with its key, or taken out,
 * numbered; the last 65,536 kept): a connection applies the changes after the last it saw, or
 * reads search_doc whole again when they are more than 64 or no longer listed. Matches come in
 * position order, so each lookup starts from the one before (galloping), and the statement
 * asks for one row's key several times (its filters), answered from the last.
 * May call base/, sqlite3.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/sqlite_int.h"

struct sq_keymap {
	int64_t gen;        /* the last change of search_change applied; -1: none read */
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

/* The place position p has, or would have, in m (the first index whose position is ≥ p). */
static size_t place(const struct sq_keymap *m, int64_t p)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->pos[mid] < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One change of search_change applied: position p now holds key k, or none (k NULL). */
static int apply(struct sq_keymap *m, int64_t p, int has_key, int64_t k)
{
	size_t i = place(m, p);
	int here = i < m->n && m->pos[i] == p;

	if (!has_key) {
		if (here) {
			memmove(m->pos + i, m->pos + i + 1, (m->n - i - 1) * sizeof *m->pos);
			memmove(m->key + i, m->key + i + 1, (m->n - i - 1) * sizeof *m->key);
			m->n--;
		}
		return 0;
	}
	if (here) {
		m->key[i] = k;
		return 0;
	}
	if (m->n == m->cap && grow(m) != 0)
		return -1;
	memmove(m->pos + i + 1, m->pos + i, (m->n - i) * sizeof *m->pos);
	memmove(m->key + i + 1, m->key + i, (m->n - i) * sizeof *m->key);
	m->pos[i] = p;
	m->key[i] = k;
	m->n++;
	return 0;
}

/* The changes after m->gen, up to gen, applied: 0, an error, or -1 if they could not be (the
 * list no longer reaches back to m->gen, or they are many: a whole read is cheaper). */
#define FOLLOW_MAX 64
static int follow(struct store *s, struct sq_keymap *m, int64_t gen, struct gk_error *e)
{
	sqlite3_stmt *st;
	int rc, row;
	int64_t first;

	if (m->gen < 0 || gen - m->gen > FOLLOW_MAX)
		return -1;
	if ((rc = sq_stmt(s, "SELECT min(n) FROM search_change", &st, e)) != 0 ||
	    (rc = sq_one(s, st, "reading the search positions", "", "search_change", e)) != 0)
		return rc;
	first = sqlite3_column_type(st, 0) == SQLITE_NULL ? INT64_MAX : sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (first > m->gen + 1)
		return -1;   /* pruned past what this connection read */
	if ((rc = sq_stmt(s, "SELECT pos, key FROM search_change WHERE n > ?1 AND n <= ?2 "
			  "ORDER BY n", &st, e)) != 0)
		return rc;
	sqlite3_bind_int64(st, 1, m->gen);
	sqlite3_bind_int64(st, 2, gen);
	while ((rc = sq_next(s, st, &row, "reading the search positions", e)) == 0 && row) {
		if (apply(m, sqlite3_column_int64(st, 0), sqlite3_column_type(st, 1) != SQLITE_NULL,
			  sqlite3_column_int64(st, 1)) != 0) {
			sqlite3_reset(st);
			return err_set(e, ERR_LIMIT, "", "out of memory reading the search positions");
		}
	}
	return rc;
}

int sq_keymap_refresh(struct store *s, struct sq_keymap *m, struct gk_error *e)
{
	sqlite3_stmt *st;
	int rc, row;
	int64_t gen;

	/* the last change's number: search_change's counter, never going back */
	if ((rc = sq_stmt(s, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
			  "'search_change'), 0)", &st, e)) != 0 ||
	    (rc = sq_one(s, st, "reading the search positions", "", "search_change", e)) != 0)
		return rc;
	gen = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (gen == m->gen)
		return 0;
	m->hint = 0;
	m->last_pos = -1;
	if ((rc = follow(s, m, gen, e)) >= 0) {
		m->gen = rc == 0 ? gen : -1;
		return rc;
	}
	m->n = 0;
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

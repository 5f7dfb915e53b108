/*
 * sqlite_keymap.c — the search key of each position of SQLite's search indexes (migration
 * "search_pos"), held in memory by each connection: looked up by sqlite_search.c for each row
 * a search hands over, and by the SQL function gk_key(position) in a staff search's statement
 * (is an unpublished match the member's own organ's?).
 *
 * The indexes hold a document under its position (published bit, day, serial), whose
 * neighbours differ by little, so FTS5's lists stay small; everything results are filtered and
 * counted by is in the search key, kept in search_doc beside the position. Reading search_doc
 * for each match would cost a b-tree search each; the map is one sorted array of positions
 * with their keys, read whole once, then kept in step with search_change (each position added
 * with its key, or taken out, numbered; the last 65,536 kept): a connection applies the
 * changes after the last it saw, or reads search_doc whole again when they are more than 64 or
 * no longer listed. A lookup goes to the position's day by a table of where each day's entries
 * start, and there to its serial (a binary search among the day's entries when some were taken
 * out); a row's key asked again (by the statement, then for the row handed over) is answered
 * from the last.
 * May call base/, sqlite3.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/sqlite_int.h"

#define POS_DAYS ((size_t)1 << 18)   /* published bit and day: a position's upper bits */

struct entry {
	int64_t pos, key;
};

struct sq_keymap {
	int64_t gen;        /* the last change of search_change applied; -1: none read */
	size_t n, cap;
	struct entry *e;    /* search_doc's positions, ascending, with their keys */
	uint32_t *day;      /* day[d]: the first entry whose position's upper bits are ≥ d;
			     * POS_DAYS + 1 of them */
	int64_t last_pos, last_key;
};

/* day[] from the entries (after they were read or changed). */
static void index_days(struct sq_keymap *m)
{
	size_t i = 0;

	for (size_t d = 0; d <= POS_DAYS; d++) {
		while (i < m->n && (size_t)(m->e[i].pos >> SQ_POS_SERIAL_BITS) < d)
			i++;
		m->day[d] = (uint32_t)i;
	}
}

/* The first entry of m from lo, before hi, whose position is ≥ p (hi if none). */
static size_t first_at_least(const struct sq_keymap *m, size_t lo, size_t hi, int64_t p)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->e[mid].pos < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The index of position p in m, or -1: its day's entries from day[], where the serial is the
 * place when none of the day was taken out, else a binary search among them (a day holds a
 * few hundred documents: the lookup touches two or three cache lines, whatever the gap to
 * the match before). */
static long find(const struct sq_keymap *m, int64_t p)
{
	size_t d, lo, hi, guess;

	if (p < 0 || (size_t)(p >> SQ_POS_SERIAL_BITS) >= POS_DAYS)
		return -1;
	d = (size_t)(p >> SQ_POS_SERIAL_BITS);
	lo = m->day[d];
	hi = m->day[d + 1];
	if (lo >= hi)
		return -1;
	guess = lo + (size_t)(p & SQ_POS_SERIAL_MAX);
	if (guess < hi && m->e[guess].pos == p)
		return (long)guess;
	lo = first_at_least(m, lo, hi, p);
	return lo < hi && m->e[lo].pos == p ? (long)lo : -1;
}

int64_t sq_position(int64_t key, int64_t serial)
{
	return ((key >> 62) << 37) |
	       (((key >> SEARCH_KEY_DAY_SHIFT) & SEARCH_KEY_DAY_MASK) << SQ_POS_SERIAL_BITS) | serial;
}

int sq_keymap_key(struct sq_keymap *m, int64_t pos, int64_t *key)
{
	long i;

	if (pos == m->last_pos) {
		*key = m->last_key;
		return 0;
	}
	if ((i = find(m, pos)) < 0)
		return -1;
	m->last_pos = pos;
	*key = m->last_key = m->e[i].key;
	return 0;
}

/* gk_key(position): the search key of the document at that position, NULL if none. */
static void gk_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sq_keymap *m = sqlite3_user_data(ctx);
	int64_t p, k;

	if (argc != 1 || sqlite3_value_type(argv[0]) != SQLITE_INTEGER)
		return;   /* NULL */
	p = sqlite3_value_int64(argv[0]);
	if (sq_keymap_key(m, p, &k) == 0)
		sqlite3_result_int64(ctx, k);
}

static void keymap_free(void *p)
{
	struct sq_keymap *m = p;

	if (m) {
		free(m->e);
		free(m->day);
		free(m);
	}
}

struct sq_keymap *sq_keymap_register(sqlite3 *db)
{
	struct sq_keymap *m = calloc(1, sizeof *m);

	if (m == NULL)
		return NULL;
	if ((m->day = calloc(POS_DAYS + 1, sizeof *m->day)) == NULL) {
		free(m);
		return NULL;
	}
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
	struct entry *e = realloc(m->e, cap * sizeof *e);

	if (e == NULL)
		return -1;
	m->e = e;
	m->cap = cap;
	return 0;
}

/* One change of search_change applied: position p now holds key k, or none (has_key 0).
 * day[] is made again by the caller. */
static int apply(struct sq_keymap *m, int64_t p, int has_key, int64_t k)
{
	size_t i = first_at_least(m, 0, m->n, p);
	int here = i < m->n && m->e[i].pos == p;

	if (!has_key) {
		if (here) {
			memmove(m->e + i, m->e + i + 1, (m->n - i - 1) * sizeof *m->e);
			m->n--;
		}
		return 0;
	}
	if (here) {
		m->e[i].key = k;
		return 0;
	}
	if (m->n == m->cap && grow(m) != 0)
		return -1;
	memmove(m->e + i + 1, m->e + i, (m->n - i) * sizeof *m->e);
	m->e[i] = (struct entry){ p, k };
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
	int64_t listed = 0;

	if (m->gen < 0 || gen - m->gen > FOLLOW_MAX)
		return -1;
	if ((rc = sq_stmt(s, "SELECT pos, key FROM search_change WHERE n > ?1 AND n <= ?2 "
			  "ORDER BY n", &st, e)) != 0)
		return rc;
	sqlite3_bind_int64(st, 1, m->gen);
	sqlite3_bind_int64(st, 2, gen);
	while ((rc = sq_next(s, st, &row, "reading the search positions", e)) == 0 && row) {
		listed++;
		if (apply(m, sqlite3_column_int64(st, 0), sqlite3_column_type(st, 1) != SQLITE_NULL,
			  sqlite3_column_int64(st, 1)) != 0) {
			sqlite3_reset(st);
			index_days(m);
			return err_set(e, ERR_LIMIT, "", "out of memory reading the search positions");
		}
	}
	index_days(m);
	if (rc == 0 && listed != gen - m->gen)
		return -1;   /* fewer listed than numbered: pruned past what this connection read */
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
		m->e[m->n].pos = sqlite3_column_int64(st, 0);
		m->e[m->n++].key = sqlite3_column_int64(st, 1);
	}
	index_days(m);
	if (rc == 0)
		m->gen = gen;
	return rc;
}

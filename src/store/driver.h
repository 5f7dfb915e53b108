/*
 * driver.h — what a database driver provides to the store: a connection, transactions,
 * prepared statements (prepare, bind, step, column), its dialect's statements and the
 * mapping of its errors. Everything above it (store/db.c, the area files store/<area>_store.c,
 * domain/) is written once for every database.
 *
 * A new database costs one driver file (store/<driver>.c, a `const struct store_driver`),
 * one statements file (store/sql_<dialect>.c: the text of each statement that the dialect
 * cannot take from store/sql_common.c), the
 * dialect's variant of any migration whose SQL differs (store/migrations.c), its search seam,
 * and one line in store.c choosing it by the database's name. See docs/store.md.
 * Only store/ includes this header. Depends on store/store.h, store/stmt.h.
 */
#ifndef GK_STORE_DRIVER_H
#define GK_STORE_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/stmt.h"
#include "store/store.h"

/* What went wrong with a statement, in the store's terms (db.c turns it into an enum err). */
enum db_fault_kind {
	DB_FAULT_UNIQUE = 1,      /* a unique key or primary key is taken */
	DB_FAULT_FOREIGN_KEY,     /* a reference to a row that does not exist, or is still used */
	DB_FAULT_CHECK,           /* a CHECK or NOT NULL constraint, or a refusing trigger */
	DB_FAULT_BUSY,            /* another writer held the database past the timeout */
	DB_FAULT_GONE,            /* the connection to the database server was lost */
	DB_FAULT_OTHER,
};

struct db_fault {
	enum db_fault_kind kind;
	const char *msg;          /* the database's own words (valid until the next call) */
};

/* The error for a fault, naming what was being done: ERR_CONFLICT for a constraint or a busy
 * database, ERR_UNAVAILABLE for a lost connection, ERR_DB otherwise. Returns the code. */
int db_fault_error(const struct db_fault *f, const char *what, struct gk_error *e);

struct search_spec;
struct buf;

/* The keys of one span of search_span (32 days of documents) share their bits above this. */
#define SEARCH_SPAN_SHIFT 50

/* The search key (migration "search"): what each bit range holds. */
#define SEARCH_KEY_PUBLISHED ((int64_t)1 << 62)
#define SEARCH_KEY_DAY_SHIFT 45          /* days since 1900-01-01 */
#define SEARCH_KEY_DAY_MASK 0x1FFFF
#define SEARCH_KEY_AGENCY_SHIFT 31
#define SEARCH_KEY_AGENCY_MASK 0x3FFF
#define SEARCH_KEY_TOPIC_SHIFT 23        /* search_topic's code, 0: none */
#define SEARCH_KEY_TOPIC_MASK 0xFF
#define SEARCH_KEY_GENRE_SHIFT 18        /* search_genre's code */
#define SEARCH_KEY_GENRE_MASK 0x1F
#define SEARCH_KEY_VALIDITY_SHIFT 16     /* 0 valid, 1 expired, 2 repealed */
#define SEARCH_KEY_VALIDITY_MASK 3

/* The filters' words of the search index (migration "search_facet"): a word for a field's
 * value is "zf", the field's letter (o organ, t 主题分类 code, g 体裁 code, v 有效性), then the
 * value's digits as the letters a–j, so that gongkai's tokenizer keeps it one word (it splits
 * letters from digits): organ 17 is zfobh. A document holds one for each field, from its key's
 * bits: search_key_words appends them to b, separated by spaces. 0, or non-zero (out of
 * memory). */
int search_key_words(struct buf *b, int64_t key);

/* A filter as words of the search index (search_key_words): any of n values of one field. */
struct search_facet_filter {
	char field;                    /* 'o' organ, 't' 主题分类, 'g' 体裁, 'v' 有效性 */
	int n;
	int64_t value[SEARCH_KEY_TOPIC_MASK + 1];   /* a 主题分类 and those under it */
};

struct search_bounds;

/* How a dialect's text query writes the filters: each as open, the words of its values
 * between pre and post separated by or, then close; the filters separated by and. */
struct search_facet_syntax {
	const char *and, *open, *or, *pre, *post, *close;
};

/* The filters of b (search_bounds.facet) appended to out in syntax x ("" for none). 0 or
 * non-zero (out of memory). */
int search_facets_write(const struct search_bounds *b, const struct search_facet_syntax *x,
			struct buf *out);

/* What a search's filter allows (store/doc_store.c computes it from a doc_filter): the
 * filters by organ, 主题分类, 体裁 and 有效性 as words of the index, ANDed; the rest tests of
 * the search key's bits (migration "search"). */
struct search_bounds {
	int64_t lo, hi;                /* the key range */
	struct search_facet_filter facet[4];
	int nfacet;
	int64_t staff_agency_id;       /* an organ whose unpublished documents show too */
	int64_t day_lo, day_hi;        /* days since 1900-01-01 of one year, 0 = any */
	int64_t own_lo, own_hi;        /* the keys published and visible today */
};

/* One matching document, newest first: its search key; scored and score for the first
 * q->nscore (higher is more relevant). Non-zero stops the search. */
typedef int (*search_match_fn)(void *ctx, int64_t key, int scored, double score);

/* The catalogue's full-text search, which each database does its own way (SQLite: FTS5 with
 * gongkai's tokenizer; PostgreSQL: tsvectors of the same tokens). */
struct store_search_ops {
	/* The documents matching every term of q within b, newest (greatest key) first. */
	int (*match)(struct store *s, const struct search_spec *q, const struct search_bounds *b,
		     search_match_fn fn, void *ctx, struct gk_error *e);
	/* Index document doc_id anew after it or its attachments changed; NULL when the database
	 * keeps its index itself (SQLite's triggers). */
	int (*index)(struct store *s, int64_t doc_id, struct gk_error *e);
	/* Read the search index from the disk ahead of the searches, into the system's file
	 * cache, at most budget bytes, fn told every MiB or so; *done the bytes read, *whole set
	 * when they are the whole database file (it fitted the budget). NULL when the database
	 * server keeps its own buffers. */
	int (*warm)(struct store *s, int64_t budget, int (*fn)(void *ctx, int64_t done), void *ctx,
		    int64_t *done, int *whole, struct gk_error *e);
	/* Read now, in a read transaction of its own, what a connection reads at its first
	 * search (SQLite: its map of positions); NULL when there is nothing. */
	int (*ready)(struct store *s, struct gk_error *e);
};

struct store_driver {
	const char *name;                         /* "sqlite" */
	const char *const *sql;                   /* its dialect's own statements (stmt.h) */
	const struct store_search_ops *search;

	/* Connection: open (creating with STORE_CREATE), migrate, and set s->impl; close frees. */
	int (*open)(struct store *s, const char *path, unsigned flags, struct gk_error *e);
	void (*close)(struct store *s);
	void (*schema_version)(struct store *s, int *have, int *known);
	int (*copy)(const char *src, const char *dest, struct gk_error *e);  /* store_copy */
	int (*check)(struct store *s, struct gk_error *e);                   /* store_check */

	/* Transactions (write = 1: take the write lock at once, so writers queue). */
	int (*begin)(struct store *s, int write, struct gk_error *e);
	int (*commit)(struct store *s, struct gk_error *e);
	void (*rollback)(struct store *s);

	/* Statements: h is the driver's own handle. prepare compiles sql once per connection;
	 * reset ends a query and clears the bindings (to NULL); finalize frees. */
	int (*prepare)(struct store *s, const char *sql, void **h, struct gk_error *e);
	/* Begin running a bound query now, beside the next statements of a read transaction and
	 * on its snapshot, when the driver can (PostgreSQL: on a second connection); its rows
	 * come at its first step, and a reset before then gives it up. NULL, or nothing done:
	 * it runs at its first step, as any other. */
	void (*start)(struct store *s, void *h);
	void (*reset)(void *h);
	void (*finalize)(void *h);
	void (*bind_null)(void *h, int i);
	void (*bind_int)(void *h, int i, int64_t v);
	void (*bind_text)(void *h, int i, const char *v);           /* copied */
	void (*bind_blob)(void *h, int i, const void *p, size_t len); /* not copied */
	/* 1: a row is ready; 0: done (the statement is finished, not yet reset); -1: *f says. */
	int (*step)(struct store *s, void *h, struct db_fault *f);
	int (*col_count)(void *h);                /* columns of the result (SQLite: also before
						   * a step; PostgreSQL: once a row is ready) */
	enum db_type (*col_type)(void *h, int i);
	int64_t (*col_int)(void *h, int i);
	double (*col_double)(void *h, int i);
	const char *(*col_text)(void *h, int i, size_t *len);        /* NULL for SQL NULL */
	const void *(*col_blob)(void *h, int i, size_t *len);
	int64_t (*changes)(struct store *s);      /* rows changed by the last statement */
	/* After rows were written with their ids (store_transfer): make the next ids follow
	 * them and index the catalogue; NULL when the database needs nothing. */
	int (*loaded)(struct store *s, struct gk_error *e);
	int64_t (*last_id)(struct store *s);      /* id of the last INSERT (when not RETURNING) */
};

/* The drivers this program has (one line each). */
extern const struct store_driver store_sqlite_driver;
extern const struct store_driver store_postgresql_driver;

/* Called by a driver's close: finalize every statement the connection prepared. */
void db_finalize_all(struct store *s);
/* Called by a driver before COMMIT/ROLLBACK: reset every prepared statement. */
void db_reset_all(struct store *s);

#endif

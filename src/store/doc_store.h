/*
 * doc_store.h — persistence of the catalogue: documents (table document), their attachments,
 * history (document_event), per-organ serials for 索引号 (document_serial), organ settings
 * (agency_profile) and the search index (search_fts with the tokenizer "gongkai", search_doc;
 * kept in step with the documents by the schema itself, see migration "search").
 * Domain rules: domain/catalogue.h, domain/publish.h.
 *
 * Records carry stored forms: dates 'YYYY-MM-DD' (NULL = none), timestamps UTC text,
 * enumerations as the ids of the domain tables ("proactive", "published", …). Strings in
 * records filled by get are allocated in the caller's arena; records passed to a callback are
 * valid only during the call. Depends on store/store.h.
 */
#ifndef GK_STORE_DOC_STORE_H
#define GK_STORE_DOC_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "search/query.h"
#include "store/agency_store.h"
#include "store/store.h"

#define DOC_TITLE_MAX 300           /* characters */
#define DOC_SUMMARY_MAX 500         /* characters */
#define DOC_BODY_MAX (4u << 20)     /* bytes */
/* Bytes of a document's other texts, as its declaration (store/records.c) checks them
 * whichever front end they came from: a 文号 or an organ's name, a 主题分类's path, a
 * withholding's reason and legal ground, a 公开时限, the 主题词. */
#define DOC_LINE_MAX 200
#define DOC_TOPIC_MAX 300
#define DOC_REASON_MAX 2000
#define DOC_GROUND_MAX 500
#define DOC_KEYWORDS_MAX 300

struct doc {
	int64_t id;
	int64_t agency_id;
	const char *agency;            /* the organ's name (read only) */
	const char *index_no;          /* 索引号 */
	const char *title;             /* 名称 */
	const char *doc_no;            /* 文号, NULL if none */
	const char *publisher;         /* 发布机构 */
	const char *signed_date;       /* 成文日期 */
	const char *published_date;    /* 发布日期 (NULL until published) */
	const char *topic;             /* 主题分类 "一级\二级", NULL if not classified */
	const char *genre;             /* 体裁分类 */
	const char *disclosure;        /* proactive | on-request | withheld */
	const char *withheld_reason;
	const char *withheld_ground;
	const char *time_limit;        /* 公开时限 */
	const char *validity;          /* valid | expired | repealed */
	const char *effective_date;    /* 实施日期 */
	const char *invalid_date;      /* date of 失效 / 废止 */
	const char *summary;           /* 内容概述 */
	const char *keywords;          /* 主题词 */
	const char *body;              /* NULL in lists */
	const char *state;             /* draft, first-review, …, published, withdrawn */
	int round;                     /* review round: +1 at each submission */
	const char *author;            /* user name */
	const char *changed_date;      /* date the content last changed (publication clock) */
	const char *reassess_due;      /* 不予公开: next re-assessment date */
	const char *created_at;
	const char *updated_at;
};

struct doc_attachment {
	int64_t id;
	int64_t doc_id;
	const char *name;
	const char *mime;
	int64_t size;
	const char *sha256;            /* hex */
	const void *data;              /* insert only */
	const char *text_state;        /* none (not a kind whose text is read), ok, empty, broken */
	const char *text_note;         /* why the text could not be read, NULL if it could */
	const char *text;              /* the extracted text (insert, attachment_texts); PDF pages
					* separated by form feeds */
};

/* A document that has files (doc_store_ops.filed). */
struct doc_filed {
	int64_t doc_id, agency_id;
};

struct doc_event {
	int64_t id;
	int64_t doc_id;
	int round;
	const char *action;            /* created, edited, submitted, review, published, withdrawn */
	const char *stage;             /* review: first | second | final */
	const char *decision;          /* review: approve | reject */
	const char *comment;
	int secrecy_checked;
	const char *actor;
	const char *at;
};

/* Which documents. Zero / NULL fields do not filter. */
struct doc_filter {
	int64_t agency_id;
	const char *topic;             /* exact path, or a level-1 name (includes its children) */
	const char *genre;
	int year;                      /* year of 发布日期, or of 成文日期 when unpublished */
	const char *validity;
	const char *state;
	const char *disclosure;
	const char *today;             /* public_only: visible on this day */
	int public_only;               /* published with 发布日期 ≤ today */
	int64_t staff_agency_id;       /* search: also this organ's unpublished documents */
	int limit;                     /* 0 = 50 */
	int offset;
};

#define SEARCH_ROW_CODES 256

/* One match of a search, newest first (see search in doc_store_ops). */
struct search_row {
	int64_t key;                   /* the store's order: a newer document has a greater key;
					* search_doc_of gives its document */
	int64_t agency_id;
	int year;                      /* of 发布日期 (成文日期 or creation when unpublished) */
	const char *topic;             /* 主题分类 path or NULL */
	const char *genre;
	const char *validity;
	unsigned code[3];              /* topic, genre, validity: a number below
					* SEARCH_ROW_CODES for each, the same number within one
					* search standing for the same string (tallied by number) */
	int scored;                    /* score is set (the first nscore rows) */
	double score;                  /* relevance: higher is better */
};

/* What to search for. */
struct search_spec {
	const struct search_terms *terms;  /* every term must match */
	int title_only;                /* only documents whose title matches every term */
	int nscore;                    /* score this many rows (the first) */
	int64_t max;                   /* at most this many rows (the newest); 0 = all */
	const struct doc_filter *f;    /* which documents; limit and offset are not used */
};

typedef int (*doc_row_fn)(void *ctx, const struct doc *d);
typedef int (*doc_organ_count_fn)(void *ctx, int64_t agency_id, int64_t n);
typedef int (*doc_event_fn)(void *ctx, const struct doc_event *ev);
typedef int (*search_row_fn)(void *ctx, const struct search_row *r);
/* Told the bytes read so far while the search index is read ahead; non-zero stops. */
typedef int (*search_warm_fn)(void *ctx, int64_t done);

struct doc_store_ops {
	/* The next serial for (organ, year): one more than any ever handed out (never reused).
	 * Call inside the write transaction that uses it. */
	int (*next_serial)(struct store *s, int64_t agency_id, int year, int64_t *seq,
			   struct gk_error *e);
	/* Insert (id ignored); ERR_CONFLICT for a duplicate 索引号. */
	int (*insert)(struct store *s, const struct doc *d, int64_t *id, struct gk_error *e);
	/* Replace every stored field of d->id but id, agency and 索引号 (which never change). */
	int (*update)(struct store *s, const struct doc *d, struct gk_error *e);
	/* By id, with the body; ERR_NOTFOUND if none. */
	int (*get)(struct store *s, int64_t id, struct arena *a, struct doc *out, struct gk_error *e);
	/* Matching documents newest first (published, else updated), body NULL. */
	int (*list)(struct store *s, const struct doc_filter *f, doc_row_fn fn, void *ctx,
		    struct gk_error *e);
	/* How many documents organ root_id alone (alone <> 0), or it and each organ under it (a
	 * region: one statement), published in year: fn once per organ that has any, by organ. */
	int (*published_organs)(struct store *s, int64_t root_id, int alone, int year,
				doc_organ_count_fn fn, void *ctx, struct gk_error *e);
	/* The documents matching q->terms under q->f, newest first, each with the fields results
	 * are filtered and counted by; the first q->nscore scored (title weighted above the 文号 /
	 * 索引号, the body and the attachments' text). Stops when fn returns non-zero. */
	int (*search)(struct store *s, const struct search_spec *q, search_row_fn fn, void *ctx,
		      struct gk_error *e);
	/* The document of a search_row's key; ERR_NOTFOUND if none. */
	int (*search_doc_of)(struct store *s, int64_t key, int64_t *doc_id, struct gk_error *e);
	/* How many indexed documents f's visibility and year cover (*all), and how many of them
	 * are as new as key or newer (*newer): to estimate a total past the counting limit. */
	int (*search_scope)(struct store *s, const struct doc_filter *f, int64_t key, int64_t *all,
			    int64_t *newer, struct gk_error *e);
	/* Read the search index from the disk ahead of the searches (store/driver.h's warm):
	 * at most budget bytes, fn told now and then; *done the bytes read, 0 when the database
	 * server keeps its own buffers (PostgreSQL); *whole set when they are the whole file. */
	int (*search_warm)(struct store *s, int64_t budget, search_warm_fn fn, void *ctx,
			   int64_t *done, int *whole, struct gk_error *e);
	/* Read now what this connection reads at its first search (store/driver.h's ready). */
	int (*search_ready)(struct store *s, struct gk_error *e);
	/* Insert an attachment (with its extracted text and state); the document's index entry
	 * follows. */
	int (*attach)(struct store *s, const struct doc_attachment *att, int64_t *id,
		      struct gk_error *e);
	/* Attachments of a document in id order, data not loaded (text only with_text), as an
	 * array in a. */
	int (*attachments)(struct store *s, int64_t doc_id, int with_text, struct arena *a,
			   struct doc_attachment **out, size_t *n, struct gk_error *e);
	/* The bytes of attachment id: *data in a, *len bytes. ERR_NOTFOUND if none. */
	int (*attachment_data)(struct store *s, int64_t id, struct arena *a, const void **data,
			       size_t *len, struct gk_error *e);
	/* The documents with files, by id, the first at most max after id after: in out, *n of
	 * them (fewer than max: the last). */
	int (*filed)(struct store *s, int64_t after, struct doc_filed *out, size_t max, size_t *n,
		     struct gk_error *e);
	/* Replace the extracted text, its state and note of attachment att->id (its file read
	 * again); the document's index entry follows. ERR_NOTFOUND if none. */
	int (*attachment_text)(struct store *s, const struct doc_attachment *att,
			       struct gk_error *e);
	/* The last serial handed out per year for an organ, by year; stops when fn returns
	 * non-zero. */
	int (*serials)(struct store *s, int64_t agency_id, int (*fn)(void *ctx, int year, int64_t last),
		       void *ctx, struct gk_error *e);
	/* Set the last serial of (organ, year) (a ledger import restoring its numbering). */
	int (*serial_put)(struct store *s, int64_t agency_id, int year, int64_t last, struct gk_error *e);
	int (*event_add)(struct store *s, const struct doc_event *ev, struct gk_error *e);
	/* History of a document, oldest first. */
	int (*events)(struct store *s, int64_t doc_id, doc_event_fn fn, void *ctx,
		      struct gk_error *e);
};

/* The one implementation, store/doc_store.c (written against store/db.h). */
extern const struct doc_store_ops store_doc_ops;

static inline const struct doc_store_ops *doc_store(struct store *s)
{
	(void)s;
	return &store_doc_ops;
}

#endif

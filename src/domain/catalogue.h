/*
 * catalogue.h — 主动公开: documents (政府信息) and the catalogue (目录) of an organ.
 *
 * A document carries the metadata of docs/spec/index-and-catalogue.md §2.1: 索引号, 名称, 文号,
 * 发布机构, 成文日期, 发布日期, 主题分类 (the two-level tree of §4, declared below), 体裁分类
 * (§5), 公开方式 (主动公开 / 依申请公开 / 不予公开 with reason and legal ground), 公开时限,
 * 有效性 (有效 / 失效 / 废止 with dates), the body text, and attachments kept with their SHA-256.
 * Its 索引号 is made when it is added, from the organ's pattern (default
 * {uscc}/{yyyy}-{seq:05d}, §3.2), from a per-organ, per-year serial that only grows: unique and
 * never reused, also when two processes add at once (the serial is taken inside the write
 * transaction).
 *
 * A 规章 or 行政规范性文件 that is published is also the one entry of the normative-document
 * register for it (REQ 条例-20-1: Table 二 第（一）项 follows from the catalogue); its repeal
 * date follows the document's 有效性.
 *
 * Publishing (三审, 保密审查, withdrawal) is domain/publish.h; search is catalogue_search here.
 * Every change is audit-logged. Functions that change data run inside the caller's open write
 * transaction (one per command), so a change and its audit entry commit together.
 *
 * Ownership: strings in records filled by these functions live in the caller's arena.
 * May call base/, text/, search/, extract/ (attachment text), store/, domain/audit.h. Law: 条例 Arts. 12, 17, 19–26;
 * 国办秘书局《政府信息公开目录系统实施指引（试行）》(2008) for the metadata and 索引号.
 */
#ifndef GK_DOMAIN_CATALOGUE_H
#define GK_DOMAIN_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "search/snippet.h"
#include "store/doc_store.h"

/* A document's limits (DOC_TITLE_MAX, DOC_BODY_MAX …) are its declaration's: store/doc_store.h. */
#define DOC_ATTACH_MAX (20u << 20)  /* bytes per attachment */
#define DOC_ATTACH_N 20             /* attachments per document */
#define DOC_ATTACH_NAME_MAX 255     /* bytes of an attachment's file name (UTF-8, no controls) */
#define DOC_INDEX_PATTERN_DEFAULT "{uscc}/{yyyy}-{seq:05d}"

/* 公开方式 */
enum doc_disclosure { DISCLOSURE_PROACTIVE, DISCLOSURE_ON_REQUEST, DISCLOSURE_WITHHELD,
		      DISCLOSURE__MAX };
/* 有效性 */
enum doc_validity { VALIDITY_VALID, VALIDITY_EXPIRED, VALIDITY_REPEALED, VALIDITY__MAX };
/* Where a document is in 三审 (domain/publish.h moves it); stored as doc_state_ids. */
enum doc_state {
	DOC_DRAFT,      /* being written, or returned by a reviewer */
	DOC_FIRST,      /* submitted, awaiting 初审 */
	DOC_SECOND,     /* awaiting 复审 */
	DOC_FINAL,      /* awaiting 终审 (with 保密审查) */
	DOC_APPROVED,   /* passed 终审, not yet published */
	DOC_PUBLISHED,  /* published (visible from its 发布日期 on: scheduled until then) */
	DOC_WITHDRAWN,  /* taken down after publication, with a reason */
	DOC_STATE__MAX
};

/* Stable ids ("proactive", "valid", "draft") and Chinese labels (主动公开, 有效, 草稿). */
extern const char *const doc_disclosure_ids[DISCLOSURE__MAX];
extern const char *const doc_disclosure_labels[DISCLOSURE__MAX];
extern const char *const doc_validity_ids[VALIDITY__MAX];
extern const char *const doc_validity_labels[VALIDITY__MAX];
extern const char *const doc_state_ids[DOC_STATE__MAX];
extern const char *const doc_state_labels[DOC_STATE__MAX];
/* Index of name in ids (also accepting the Chinese label and '_' for '-'), or -1. */
int doc_enum_parse(const char *const *ids, const char *const *labels, int n, const char *name);
/* The state of a stored document (DOC_DRAFT for an unknown id, which the schema forbids). */
enum doc_state doc_state_of(const struct doc *d);
/* The Chinese label of a stored id ("published" → 已发布), or the id itself if unknown. */
const char *doc_label(const char *const *ids, const char *const *labels, int n, const char *id);

/* 主题分类: the two-level tree of spec §4 (gov.cn), declared in catalogue_meta.c. */
struct topic {
	const char *code;   /* "02" (level 1) or "02.01" */
	const char *l1;     /* 综合政务 */
	const char *l2;     /* 政务公开, or NULL for a level-1 entry */
};
extern const struct topic catalogue_topics[];
extern const size_t catalogue_topics_n;
/* Find a topic by code ("02.01"), by path ("综合政务\政务公开", also with '/' or '＼'), or by a
 * name that is unique in the tree ("政务公开"; "其他" alone is level 1 #22). NULL if none. */
const struct topic *catalogue_topic_find(const char *s);
/* "综合政务\政务公开" (or "其他") into out. */
int catalogue_topic_path(const struct topic *t, struct buf *out) GK_WUR;

/* 体裁分类: the 15 公文 types of 《党政机关公文处理工作条例》 plus common non-公文 genres. */
extern const char *const catalogue_genres[];
extern const size_t catalogue_genres_n;
#define GENRE_RULE "规章"
#define GENRE_NORMDOC "行政规范性文件"
#define GENRE_DEFAULT "其他"
#define TIME_LIMIT_DEFAULT "信息形成或者变更之日起20个工作日内"
/* The genre spelled as in the list, or NULL if it is not one. */
const char *catalogue_genre_find(const char *s);

/* Format an index number from pattern: {uscc} the organ's 统一社会信用代码, {orgcode} its
 * 9-character 组织机构代码 (USCC characters 9–17), {yyyy} / {yyyymm} of day, {seq} / {seq:0Nd}
 * the serial (N ≤ 9); other text is copied. ERR_INVALID (field "index_pattern") for an
 * unknown placeholder, a pattern without {seq}, or {uscc}/{orgcode} when the organ has no
 * code. */
int catalogue_index_format(const char *pattern, const char *uscc, int day, int64_t seq,
			   struct buf *out, struct gk_error *e) GK_WUR;

/* Check a whole document's metadata (stored form, defaults applied): title present and
 * ≤ DOC_TITLE_MAX characters, text valid UTF-8 without control characters, enumerations and
 * dates well-formed, 不予公开 with reason and ground, 失效 / 废止 with a date, dates in order.
 * Errors name the declared field ("withheld_reason") with its label. */
/* err_set naming the document's field id (its declaration's: doc_no, withheld_reason, …)
 * with the field's Chinese label. */
int catalogue_doc_error(struct gk_error *e, int code, const char *id, const char *fmt, ...)
	GK_PRINTF(4, 5);
/* What the 公开方式 and 有效性 may be, as an error says it. */
#define DOC_DISCLOSURE_CHOICES \
	"只能是 proactive（主动公开）、on-request（依申请公开）或 withheld（不予公开）"
#define DOC_VALIDITY_CHOICES "只能是 valid（有效）、expired（失效）或 repealed（废止）"
/* A 主题分类 or 体裁 not in the tables (%s: what was given). */
#define DOC_TOPIC_UNKNOWN "没有“%s”这个主题分类（可选的分类见 doc topics）"
#define DOC_GENRE_UNKNOWN "没有“%s”这种体裁（可选的体裁见 doc genres）"
int catalogue_doc_check(const struct doc *d, struct gk_error *e) GK_WUR;

/* The MIME type of a file from its first bytes (and, for the zip-based Office files and text,
 * its name): PDF, DOCX, XLSX, plain text (.txt), PNG, JPEG, GIF; else NULL — the kinds of file
 * gongkai accepts from anyone (an attachment, the applicant's files). */
const char *catalogue_file_type(const char *name, const void *data, size_t size);
/* 1 for a file name as it is stored and shown: valid UTF-8, no control characters, 1 to
 * DOC_ATTACH_NAME_MAX bytes — the rules of every other text field. */
int catalogue_file_name_ok(const char *name);

/* An attachment to add: a file read by the caller (bytes owned by the caller). */
struct doc_upload {
	const char *name;
	const void *data;
	size_t size;
};

/* What a user gives to add or edit a document. NULL = not given (edit: unchanged); "" clears
 * an optional field on edit. Enumerations accept ids or Chinese labels. */
struct doc_input {
	const char *title;
	const char *body;
	const char *doc_no;
	const char *publisher;
	const char *signed_date;   /* YYYY-MM-DD */
	const char *topic;
	const char *genre;
	const char *disclosure;    /* proactive | on-request | withheld */
	const char *withheld_reason; /* 不予公开 reason */
	const char *withheld_ground; /* 不予公开 legal ground */
	const char *time_limit;
	const char *validity;      /* valid | expired | repealed */
	const char *effective_date;
	const char *invalid_date;  /* date it became 失效 / 废止 */
	const char *summary;
	const char *keywords;
	const struct doc_upload *uploads;
	size_t nuploads;
};

/* Add a document of organ agency_id as a draft whose author is store_actor(s), inside the
 * open write transaction; makes its 索引号 (year of today). *id and *index_no (a string in a;
 * index_no may be NULL) receive the result. Audit-logged. */
int catalogue_doc_add(struct store *s, int64_t agency_id, const struct doc_input *in,
		      struct arena *a, int64_t *id, const char **index_no, struct gk_error *e) GK_WUR;
/* Change the given fields of document id. Drafts may change anything. Once submitted the text
 * is frozen (ERR_STATE: a reviewer rejects it back to draft); a published document may still
 * change its 有效性 (with the date), 公开时限, 内容概述, 主题词 and 主题分类 — the change is
 * recorded and a normative document's register entry follows. Audit-logged. */
int catalogue_doc_edit(struct store *s, int64_t id, const struct doc_input *in,
		       struct gk_error *e) GK_WUR;
/* The document id (with body). ERR_NOTFOUND if none. */
int catalogue_doc_get(struct store *s, int64_t id, struct arena *a, struct doc *out,
		      struct gk_error *e) GK_WUR;
/* Its attachments (no data), as an array in a. */
int catalogue_doc_attachments(struct store *s, int64_t id, struct arena *a,
			      struct doc_attachment **out, size_t *n, struct gk_error *e) GK_WUR;
/* Attachment n (1-based, in the order they were added) of document doc_id with its bytes:
 * *att (strings) and *data (*len bytes) in a. ERR_NOTFOUND when the document has no such
 * attachment; ERR_INTERNAL when the stored bytes are not the size recorded with them. Who may
 * see the document is the caller's question (catalogue_doc_visible for the public). */
int catalogue_attachment_get(struct store *s, int64_t doc_id, int64_t n, struct arena *a,
			     struct doc_attachment *att, const void **data, size_t *len,
			     struct gk_error *e) GK_WUR;
/* Read the text of att (data, size and mime set) for search: sets text_state, text_note and
 * text (in a). Bounded in time and memory (extract/extract.h); never fails — a file whose text
 * cannot be read is flagged "broken" with the reason, and still stored. */
void catalogue_attachment_text(struct doc_attachment *att, struct arena *a);
/* What catalogue_files_read_again did (committed): the documents and files read, the files
 * whose text (or its state or note) came out differently, and the documents they belong to
 * (re-indexed, one audit entry each). */
struct catalogue_reread {
	int64_t docs, files, changed, reindexed;
};
/* Read the text of every stored attachment again with this version's readers (after an
 * upgrade that reads some kind of file better: docs/search.md "Attachments"), each document's
 * files in a write transaction of their own; the files whose text changed are stored with the
 * new text and their document re-indexed, audited as action "reread" of the document with
 * the files' names. progress (may be NULL) is called after each document with the counts so
 * far. Stops at the first error: what was done before it stays done. */
int catalogue_files_read_again(struct store *s, struct catalogue_reread *out,
			       void (*progress)(void *ctx, const struct catalogue_reread *r),
			       void *ctx, struct gk_error *e) GK_WUR;
/* 1 if the public may see d on day today (published and 发布日期 ≤ today). */
int catalogue_doc_visible(const struct doc *d, int today);

/* Documents matching f, newest first (body not loaded). */
int catalogue_doc_list(struct store *s, const struct doc_filter *f, doc_row_fn fn, void *ctx,
		       struct gk_error *e) GK_WUR;

/* ---------------------------------------------------------------- search (catalogue_search.c)
 * Full-text search of the catalogue (docs/search.md). The matches are counted exactly up to
 * SEARCH_COUNT_LIMIT; past it the total is estimated from how densely the newest matches
 * fall among the documents searched ("约 N 条"), and so are the counts per facet. Results are
 * ordered by date (newest first) or by relevance: documents whose title holds every term
 * first, then the others; within each, the SEARCH_RANKED newest are ordered by score (terms in
 * the title, the 文号 / 索引号, the body, the attachments, weighted in that order), the rest by
 * date. Pages reach as far as the matches counted. */
#define SEARCH_COUNT_LIMIT 10000
#define SEARCH_RANKED 200
#define SEARCH_SUGGEST_LIMIT 1000   /* a suggestion's matches are counted up to this */

/* The markers around matches in search_hit.title / snippet / doc_no are SEARCH_MARK_OPEN and
 * SEARCH_MARK_CLOSE (search/snippet.h); render_snippet_html() escapes the text and turns them
 * into <mark> … </mark>. Documents cannot contain them. */

enum search_sort { SEARCH_BY_RELEVANCE, SEARCH_BY_DATE };

/* What results can be counted and filtered by (facets), each with its doc_filter field. */
enum search_facet {
	FACET_AGENCY,    /* value: the organ's id; label: its name */
	FACET_YEAR,      /* value: "2024" */
	FACET_TOPIC,     /* value and label: the level-1 主题分类 ("未分类" value "" for none) */
	FACET_GENRE,     /* value and label: the 体裁 */
	FACET_VALIDITY,  /* value: valid | expired | repealed; label: 有效 … */
	FACET__MAX
};

struct search_count {
	const char *value;
	const char *label;
	int64_t n;
};

struct search_hit {
	int64_t id;
	const char *index_no;
	const char *title;             /* with markers around matches */
	const char *doc_no;            /* with markers; NULL if none */
	const char *snippet;           /* a passage with markers around matches */
	const char *attachment;        /* the snippet is from this attachment (its name), or NULL */
	int page;                      /* … on this page of it (PDF), 0 if not paged */
	const char *agency;
	const char *published_date;    /* NULL for an unpublished document */
	const char *state;
	int in_title;                  /* the title holds every term */
};

struct search_result {
	int64_t total;                 /* matches (an estimate when !exact) */
	int exact;
	struct search_count *facets[FACET__MAX];  /* per facet, the largest count first (years:
						   * newest first); counts sum to total */
	size_t nfacets[FACET__MAX];
	struct search_hit *hits;       /* the page asked for */
	size_t nhits;
	int more;                      /* a page follows */
	const char *suggestion;        /* nothing found: the query without one term, or NULL */
	int64_t suggestion_total;      /* … and its matches (at most SEARCH_SUGGEST_LIMIT) */
};

/* Search for query under f (f->limit results from f->offset; limit 0 = 20), in order sort.
 * With f->public_only only documents published and visible on f->today; f->staff_agency_id
 * adds that organ's unpublished documents (staff search). Withdrawn documents are never found.
 * Everything in *out is allocated in a. ERR_INVALID / ERR_LIMIT (field "query") for a query
 * with nothing to search or too long. */
int catalogue_search(struct store *s, const char *query, const struct doc_filter *f,
		     enum search_sort sort, struct arena *a, struct search_result *out,
		     struct gk_error *e) GK_WUR;

/* Read the search index from the disk ahead of the first searches (gongkai serve at start):
 * at most budget bytes, fn told the bytes read every MiB or so (non-zero stops); *done the
 * bytes read, 0 when the database server keeps its own buffers (PostgreSQL); *whole set when
 * the whole database file fitted the budget and was read (SQLite). */
int catalogue_search_warm(struct store *s, int64_t budget, search_warm_fn fn, void *ctx,
			  int64_t *done, int *whole, struct gk_error *e) GK_WUR;

/* Read now what the connection s reads at its first search (SQLite: its map of the index's
 * positions, read whole; docs/search.md), so that its first search costs what later ones do. */
int catalogue_search_ready(struct store *s, struct gk_error *e) GK_WUR;

/* REQ 条例-20-1: a published 规章 / 行政规范性文件 is the one entry of the normative-document
 * register for it (kind, 成文日期 as issued, 文号, title, 废止/失效 date as repealed); other
 * genres have none. Called on publication and on every later change (publish.c). */
int catalogue_register_sync(struct store *s, const struct doc *d, struct gk_error *e) GK_WUR;

/* The organ's settings with defaults filled in (index pattern). */
int catalogue_profile_get(struct store *s, int64_t agency_id, struct arena *a,
			  struct agency_profile *out, struct gk_error *e) GK_WUR;
/* Set the non-NULL fields of p ("" clears one) for organ agency_id; the index pattern is
 * checked. Audit-logged. */
int catalogue_profile_set(struct store *s, int64_t agency_id, const struct agency_profile *p,
			  struct gk_error *e) GK_WUR;

#endif

/*
 * catalogue.h — 主动公开: documents (政府信息) and the catalogue (目录) of an organ.
 *
 * A document carries the metadata of spec/index-and-catalogue.md §2.1: 索引号, 名称, 文号,
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
 * Every change is audit-logged. One transaction per call: callers pass an open store and the
 * functions begin and commit (or roll back) themselves.
 *
 * Ownership: strings in records filled by these functions live in the caller's arena.
 * May call base/, text/, search/, store/, domain/audit.h. Law: 条例 Arts. 12, 17, 19–26;
 * 国办秘书局《政府信息公开目录系统实施指引（试行）》(2008) for the metadata and 索引号.
 */
#ifndef GK_DOMAIN_CATALOGUE_H
#define GK_DOMAIN_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

struct store;

#define DOC_TITLE_MAX 300           /* characters */
#define DOC_BODY_MAX (4u << 20)     /* bytes */
#define DOC_ATTACH_MAX (20u << 20)  /* bytes per attachment */
#define DOC_ATTACH_N 20             /* attachments per document */
#define DOC_INDEX_PATTERN_DEFAULT "{uscc}/{yyyy}-{seq:05d}"

/* 公开方式 */
enum doc_disclosure { DISCLOSURE_PROACTIVE, DISCLOSURE_ON_REQUEST, DISCLOSURE_WITHHELD,
		      DISCLOSURE__MAX };
/* 有效性 */
enum doc_validity { VALIDITY_VALID, VALIDITY_EXPIRED, VALIDITY_REPEALED, VALIDITY__MAX };
/* Where a document is in 三审 (domain/publish.h moves it). */
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
/* Index of name in ids (also accepting the Chinese label and "on_request"), or -1. */
int doc_enum_parse(const char *const *ids, const char *const *labels, int n, const char *name);

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
/* The genre spelled as in the list (after trimming), or NULL if it is not one. */
const char *catalogue_genre_find(const char *s);

struct doc_attachment {
	int64_t id;
	const char *name;     /* file name as uploaded (no directories) */
	const char *mime;     /* application/pdf, …docx, image/png, image/jpeg, image/gif */
	int64_t size;
	char sha256[65];
	const void *data;     /* only when loaded for download */
};

struct doc {
	int64_t id;
	int64_t agency_id;
	const char *agency;        /* the organ's name */
	const char *index_no;      /* 索引号 */
	const char *title;         /* 名称 */
	const char *doc_no;        /* 文号, NULL if none */
	const char *publisher;     /* 发布机构 (full name; default: the organ) */
	int signed_date;           /* 成文日期 (day number), 0 if not known */
	int published_date;        /* 发布日期, 0 until published */
	const char *topic;         /* 主题分类 path "一级\二级", NULL if not classified */
	const char *genre;         /* 体裁分类 */
	enum doc_disclosure disclosure;
	const char *withheld_reason;   /* 不予公开: the reason … */
	const char *withheld_ground;   /* … and its legal ground ("条例第十四条") */
	const char *time_limit;    /* 公开时限, default 信息形成或者变更之日起20个工作日内 */
	enum doc_validity validity;
	int effective_date;        /* 实施日期, 0 if none */
	int invalid_date;          /* 失效 / 废止 date, 0 if none */
	const char *summary;       /* 内容概述 */
	const char *keywords;      /* 主题词 */
	const char *body;
	enum doc_state state;
	const char *author;        /* user name of who added it */
	int reassess_due;          /* 不予公开: next re-assessment (Art. 18), 0 if n/a */
	const char *created_at, *updated_at;
	struct doc_attachment *attachments;  /* loaded by catalogue_doc_get */
	size_t nattachments;
};

/* An attachment to add: a file read by the caller (bytes owned by the caller). */
struct doc_upload {
	const char *name;
	const void *data;
	size_t size;
};

/* What a user gives to add or edit a document. NULL / 0 / -1 = not given (edit: unchanged). */
struct doc_input {
	const char *agency;        /* organ name or id; required for add when several organs */
	const char *title;
	const char *body;
	const char *doc_no;
	const char *publisher;
	const char *signed_date;   /* YYYY-MM-DD */
	const char *topic;
	const char *genre;
	const char *disclosure;    /* proactive | on-request | withheld (or the Chinese label) */
	const char *reason;        /* 不予公开 reason */
	const char *ground;        /* 不予公开 legal ground */
	const char *time_limit;
	const char *validity;      /* valid | expired | repealed (或 有效 / 失效 / 废止) */
	const char *effective_date;
	const char *invalid_date;  /* date it became 失效 / 废止 */
	const char *summary;
	const char *keywords;
	const struct doc_upload *uploads;
	size_t nuploads;
	const char *by;            /* the acting user (must exist); NULL = the store's actor */
};

/* Format an index number from pattern: {uscc} the organ's 统一社会信用代码, {orgcode} its
 * 9-character 组织机构代码 (USCC characters 9–17), {yyyy} / {yyyymm} of day, {seq} / {seq:0Nd}
 * the serial (N ≤ 9); other text is copied. ERR_INVALID (field "index_pattern") for an
 * unknown placeholder, a pattern without {seq}, or {uscc}/{orgcode} when the organ has no
 * code. */
int catalogue_index_format(const char *pattern, const char *uscc, int day, int64_t seq,
			   struct buf *out, struct gk_error *e) GK_WUR;

/* Check a whole document's metadata (after defaults): title present and ≤ DOC_TITLE_MAX
 * characters, text valid UTF-8 without control characters, 不予公开 with reason and ground,
 * 失效 / 废止 with a date, dates in order. Errors name the CLI option ("--reason"). */
int catalogue_doc_check(const struct doc *d, struct gk_error *e) GK_WUR;

/* Add a document as a draft of the organ; makes its 索引号. *id and index_no (may be NULL; a
 * string in a) receive the result. */
int catalogue_doc_add(struct store *s, const struct doc_input *in, struct arena *a,
		      int64_t *id, const char **index_no, struct gk_error *e) GK_WUR;
/* Change the given fields of document id. Only drafts may change their text; a published
 * document may change only its 有效性 (with its date), 公开时限 and 主题词/概述 (the change is
 * recorded; the register entry follows). ERR_STATE otherwise. */
int catalogue_doc_edit(struct store *s, int64_t id, const struct doc_input *in,
		       struct gk_error *e) GK_WUR;
/* The document id with its attachments (data not loaded). ERR_NOTFOUND if none. */
int catalogue_doc_get(struct store *s, int64_t id, struct arena *a, struct doc *out,
		      struct gk_error *e) GK_WUR;

/* Filters for lists and search; NULL / 0 / -1 = any. */
struct doc_filter {
	const char *agency;       /* organ name or id */
	const char *topic;        /* a topic (level 1 includes its level-2 children) */
	const char *genre;
	int year;                 /* of 发布日期 (published) or 成文日期 */
	int validity;             /* enum doc_validity or -1 */
	int state;                /* enum doc_state or -1 */
	int public_only;          /* only published and visible today */
	int64_t staff_agency_id;  /* search: also drafts of this organ (0 = none) */
	int limit;                /* most rows (default 50, at most 1000) */
	int offset;
};
#define DOC_FILTER_INIT { .validity = -1, .state = -1 }

typedef int (*doc_row_fn)(void *ctx, const struct doc *d);
/* Documents matching f, newest first (body not loaded); fn may stop by returning non-zero. */
int catalogue_doc_list(struct store *s, const struct doc_filter *f, doc_row_fn fn, void *ctx,
		       struct gk_error *e) GK_WUR;

/* One search hit. snippet: body or title text with SEARCH_MARK_OPEN / SEARCH_MARK_CLOSE around
 * matched text; render_snippet_html() escapes it and turns the marks into <mark>. */
#define SEARCH_MARK_OPEN "\x02"
#define SEARCH_MARK_CLOSE "\x03"
struct search_hit {
	int64_t id;
	const char *index_no;
	const char *title;
	const char *snippet;
	const char *agency;
	int published_date;       /* 0 for a draft (staff search) */
	const char *state;        /* doc_state_ids */
	double rank;              /* bm25: lower is better */
};
typedef int (*search_hit_fn)(void *ctx, const struct search_hit *h);
/* Full-text search (docs/search.md), best first. The public (f->public_only) sees only
 * published documents visible today; staff (f->staff_agency_id) also their organ's drafts.
 * ERR_INVALID / ERR_LIMIT (field "query") for a query with nothing to search or too long. */
int catalogue_search(struct store *s, const char *query, const struct doc_filter *f,
		     search_hit_fn fn, void *ctx, struct gk_error *e) GK_WUR;

/* Organ settings used by 索引号, the guide and the feed (table agency_profile). */
struct agency_profile {
	int64_t agency_id;
	const char *agency;         /* organ name */
	const char *uscc;           /* 统一社会信用代码 (the organ's code) */
	const char *index_pattern;  /* default DOC_INDEX_PATTERN_DEFAULT */
	const char *office;         /* 政府信息公开工作机构 name */
	const char *address, *postcode, *hours, *phone, *fax, *email, *website;
	const char *channels;       /* ways applications are accepted, one per line */
	const char *fees;           /* fee rules text */
	const char *scope;          /* 主动公开范围 text (optional) */
};
/* The organ named (or by id) with its settings, defaults filled in. */
int catalogue_profile_get(struct store *s, const char *agency, struct arena *a,
			  struct agency_profile *out, struct gk_error *e) GK_WUR;
/* Set the non-NULL fields of p (agency names the organ). Audit-logged. */
int catalogue_profile_set(struct store *s, const char *agency, const struct agency_profile *p,
			  struct gk_error *e) GK_WUR;

#endif

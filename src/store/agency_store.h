/*
 * agency_store.h — persistence of organs (行政机关, table agency) and their settings (table
 * agency_profile: 索引号 pattern, guide, the organ's rules). Domain rules: domain/agency.h,
 * domain/organ_rules.h.
 *
 * Strings in records filled by get/find are allocated in the caller's arena; records passed
 * to a list callback are valid only during the call. Depends on store/store.h.
 */
#ifndef GK_STORE_AGENCY_STORE_H
#define GK_STORE_AGENCY_STORE_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct agency_rec {
	int64_t id;
	const char *name;
	const char *code;        /* 统一社会信用代码, NULL if unknown */
	const char *level;       /* "township", … (domain/agency.h) */
	int64_t parent_id;       /* 0 = none */
	const char *created_at;
};

/* Organ settings for 索引号, the guide and the feed. NULL = not set. */
struct agency_profile {
	int64_t agency_id;
	const char *index_pattern;
	const char *office;            /* 政府信息公开工作机构 */
	const char *address, *postcode, *hours, *phone, *fax, *email, *website;
	const char *channels;          /* ways applications are accepted, one per line */
	const char *fees;
	const char *scope;             /* 主动公开范围 */
	/* the organ's readings of what the law leaves open (domain/organ_rules.h; NULL = default) */
	const char *fee_pause;         /* "yes" (default) / "no": fee notice to payment paused */
	const char *correction_period; /* working days given for a 补正 */
	const char *consult_cap;       /* "yes" / "no": a consultation pause ends at its answer due */
	const char *confirm_days;      /* working days to confirm a receipt (条例第三十一条) */
	const char *review_body;       /* 行政复议机关 named in reply letters */
	const char *report_due;        /* "MM-DD": the annual report's publication deadline */
	const char *fee_account;       /* how and where a fee is paid (收费通知书) */
	const char *notice_ref;        /* the pattern of its notices' reference numbers */
	const char *notice_templates;  /* the folder of its own notice templates */
	const char *updated_at;
};

typedef int (*agency_row_fn)(void *ctx, const struct agency_rec *r);

struct agency_store_ops {
	/* Insert (id ignored) and return the new id. ERR_CONFLICT for a duplicate name or code. */
	int (*insert)(struct store *s, const struct agency_rec *r, int64_t *id, struct gk_error *e);
	/* By id; ERR_NOTFOUND if none. */
	int (*get)(struct store *s, int64_t id, struct arena *a, struct agency_rec *out,
		   struct gk_error *e);
	/* By exact name; ERR_NOTFOUND if none. */
	int (*find_name)(struct store *s, const char *name, struct arena *a, struct agency_rec *out,
			 struct gk_error *e);
	/* Every organ in id order; stops early when fn returns non-zero (and returns that). */
	int (*list)(struct store *s, agency_row_fn fn, void *ctx, struct gk_error *e);
	int (*count)(struct store *s, int64_t *n, struct gk_error *e);
	/* *found = 0 when the organ has no settings yet. */
	int (*profile_get)(struct store *s, int64_t agency_id, struct arena *a,
			   struct agency_profile *out, int *found, struct gk_error *e);
	/* Insert or replace the organ's settings (all fields). */
	int (*profile_put)(struct store *s, const struct agency_profile *p, struct gk_error *e);
};

/* The one implementation, store/agency_store.c (written against store/db.h). */
extern const struct agency_store_ops store_agency_ops;

static inline const struct agency_store_ops *agency_store(struct store *s)
{
	(void)s;
	return &store_agency_ops;
}

#endif

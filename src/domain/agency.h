/*
 * agency.h — organs (行政机关): the tenants of a gongkai database.
 *
 * Every record belongs to an organ. An organ has a unique name, optionally its 统一社会信用代码
 * (checked, text/idcode.h), an administrative level, and optionally a parent organ (the county
 * of a township, …). Commands acting on one organ name it with --agency ID|NAME; when the
 * database holds exactly one organ it is the default (agency_resolve).
 * May call store/, text/, base/.
 */
#ifndef GK_DOMAIN_AGENCY_H
#define GK_DOMAIN_AGENCY_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/agency_store.h"
#include "store/store.h"

enum agency_level {
	LEVEL_TOWNSHIP,
	LEVEL_COUNTY_DEPT,
	LEVEL_COUNTY,
	LEVEL_CITY_DEPT,
	LEVEL_CITY,
	LEVEL_PROVINCE_DEPT,
	LEVEL_PROVINCE,
	LEVEL_MINISTRY,
	LEVEL__MAX
};

struct agency_level_info {
	const char *id;      /* "township", as stored and typed */
	const char *label;   /* "乡镇（街道）" */
};

extern const struct agency_level_info agency_levels[LEVEL__MAX];

/* The level whose id is s, or -1. */
int agency_level_from_id(const char *s);

struct agency_new {
	const char *name;       /* required, UTF-8, ≤ 200 bytes */
	const char *code;       /* USCC or NULL */
	const char *level;      /* level id, NULL = "township" */
	int64_t parent_id;      /* 0 = none */
};

/* Validate and add an organ inside the open write transaction; audit-logged. *id: new id.
 * ERR_INVALID naming the field, ERR_CONFLICT for a duplicate name or code. */
int agency_create(struct store *s, const struct agency_new *in, int64_t *id,
		  struct gk_error *e) GK_WUR;

/* The organ with id (strings in a); ERR_NOTFOUND if there is none. */
int agency_get(struct store *s, int64_t id, struct arena *a, struct agency_rec *out,
	       struct gk_error *e) GK_WUR;

/* The organ named by arg: all digits = id, else the exact name; arg NULL or "" = the only
 * organ (ERR_INVALID "--agency is required" when there are several, ERR_NOTFOUND when none).
 * Strings of out are allocated in a. */
int agency_resolve(struct store *s, const char *arg, struct arena *a, struct agency_rec *out,
		   struct gk_error *e) GK_WUR;

int agency_list(struct store *s, agency_row_fn fn, void *ctx, struct gk_error *e) GK_WUR;

/* The organ's full name as it signs its letters: a government recorded by its place's name
 * gets 人民政府 (慈周寨镇 → 慈周寨镇人民政府, 滑县 → 滑县人民政府), a 街道 its 办事处 (…街道 →
 * …街道办事处); a name that already ends so, and a department's name, is kept. In a. */
const char *agency_full_name(const struct agency_rec *r, struct arena *a);

#endif

/*
 * agency.c — organs (see agency.h).
 */
#include "domain/agency.h"

#include <string.h>

#include "domain/audit.h"
#include "text/idcode.h"
#include "text/jsonw.h"
#include "text/utf8.h"

const struct agency_level_info agency_levels[LEVEL__MAX] = {
	[LEVEL_TOWNSHIP] = { "township", "乡镇（街道）" },
	[LEVEL_COUNTY_DEPT] = { "county-dept", "县级部门" },
	[LEVEL_COUNTY] = { "county", "县级人民政府" },
	[LEVEL_CITY_DEPT] = { "city-dept", "市级部门" },
	[LEVEL_CITY] = { "city", "市级人民政府" },
	[LEVEL_PROVINCE_DEPT] = { "province-dept", "省级部门" },
	[LEVEL_PROVINCE] = { "province", "省级人民政府" },
	[LEVEL_MINISTRY] = { "ministry", "国务院部门" },
};

int agency_level_from_id(const char *s)
{
	for (int i = 0; s && i < LEVEL__MAX; i++)
		if (strcmp(agency_levels[i].id, s) == 0)
			return i;
	return -1;
}

int agency_create(struct store *s, const struct agency_new *in, int64_t *id, struct gk_error *e)
{
	struct agency_rec r;
	struct arena a;
	struct buf js;
	struct jsonw w;
	char now[21];
	int rc;

	arena_init(&a);
	buf_init(&js, 0);
	memset(&r, 0, sizeof r);
	if (in->name == NULL || !*in->name || strlen(in->name) > 200 ||
	    !utf8_valid(in->name, strlen(in->name))) {
		rc = err_set(e, ERR_INVALID, "agency_name",
			     "必须填写机关名称（UTF-8 文字，最多 200 字节）");
		goto out;
	}
	r.name = in->name;
	r.level = in->level ? in->level : "township";
	if (agency_level_from_id(r.level) < 0) {
		rc = err_set(e, ERR_INVALID, "level", "没有“%s”这个层级（可选：township、"
			     "county-dept、county、city-dept、city、province-dept、province、ministry）",
			     r.level);
		goto out;
	}
	if (in->code && *in->code) {
		/* REQ GB32100-check: the organ's 统一社会信用代码 carries a valid check character */
		if ((rc = idcode_uscc_validate(in->code, "agency_code", e)) != 0)
			goto out;
		r.code = in->code;
	}
	if (in->parent_id) {
		struct agency_rec parent;
		if ((rc = agency_store(s)->get(s, in->parent_id, &a, &parent, e)) != 0) {
			err_set(e, rc, "parent", "没有编号为 %lld 的机关", (long long)in->parent_id);
			goto out;
		}
		r.parent_id = in->parent_id;
	}
	store_now(now);
	r.created_at = now;
	if ((rc = agency_store(s)->insert(s, &r, id, e)) != 0) {
		/* which one is taken, asked of the ledger (the name first), not read from the
		 * database's message, whose order differs between SQLite and PostgreSQL */
		if (rc == ERR_CONFLICT) {
			struct agency_rec same;
			int by_name = agency_store(s)->find_name(s, r.name, &a, &same, e) == 0;

			err_set(e, rc, by_name || !r.code ? "agency_name" : "agency_code",
				"已有%s相同的机关", by_name || !r.code ? "名称" : "统一社会信用代码");
		}
		goto out;
	}
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "name", r.name);
	jsonw_kstr(&w, "code", r.code);
	jsonw_kstr(&w, "level", r.level);
	jsonw_key(&w, "parent_id");
	if (r.parent_id)
		jsonw_int(&w, r.parent_id);
	else
		jsonw_null(&w);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0) {
		err_set(e, rc, "", AUDIT_TOO_LARGE);
		goto out;
	}
	rc = audit_record(s, *id, "agency", *id, "create", buf_cstr(&js), e);
out:
	buf_free(&js);
	arena_free(&a);
	return rc;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

struct only_ctx {
	int64_t id;
	int64_t n;
};

static int remember(void *p, const struct agency_rec *r)
{
	struct only_ctx *c = p;

	c->id = r->id;
	c->n++;
	return 0;
}

int agency_resolve(struct store *s, const char *arg, struct arena *a, struct agency_rec *out,
		   struct gk_error *e)
{
	int rc;

	if (arg == NULL || !*arg) {
		struct only_ctx c = { 0, 0 };
		if ((rc = agency_store(s)->list(s, remember, &c, e)) != 0)
			return rc;
		if (c.n == 0)
			return err_set(e, ERR_NOTFOUND, "agency", "数据库中还没有机关，请先添加一个"
				       "（init）");
		if (c.n > 1)
			return err_set(e, ERR_INVALID, "agency", "数据库中有 %lld 个机关，请写明是"
				       "哪一个（编号或名称）", (long long)c.n);
		return agency_store(s)->get(s, c.id, a, out, e);
	}
	if (all_digits(arg) && strlen(arg) < 18) {
		int64_t id = 0;
		for (const char *p = arg; *p; p++)
			id = id * 10 + (*p - '0');
		rc = agency_store(s)->get(s, id, a, out, e);
		if (rc != ERR_NOTFOUND)
			return rc;
	}
	rc = agency_store(s)->find_name(s, arg, a, out, e);
	if (rc == ERR_NOTFOUND)
		err_set(e, rc, "agency", "没有编号或名称为“%s”的机关", arg);
	return rc;
}

int agency_list(struct store *s, agency_row_fn fn, void *ctx, struct gk_error *e)
{
	return agency_store(s)->list(s, fn, ctx, e);
}

int agency_get(struct store *s, int64_t id, struct arena *a, struct agency_rec *out,
	       struct gk_error *e)
{
	return agency_store(s)->get(s, id, a, out, e);
}

/* 1 when name ends with suffix. */
static int ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n >= k && strcmp(name + n - k, suffix) == 0;
}

const char *agency_full_name(const struct agency_rec *r, struct arena *a)
{
	int level = agency_level_from_id(r->level ? r->level : "township");
	const char *name = r->name ? r->name : "";

	if (level != LEVEL_TOWNSHIP && level != LEVEL_COUNTY && level != LEVEL_CITY &&
	    level != LEVEL_PROVINCE)
		return name;
	if (ends_with(name, "人民政府") || ends_with(name, "办事处") || ends_with(name, "政府"))
		return name;
	if (ends_with(name, "街道"))
		return arena_printf(a, "%s办事处", name);
	return arena_printf(a, "%s人民政府", name);
}

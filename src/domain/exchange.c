/*
 * exchange.c — ledger export and import as JSON (see exchange.h).
 *
 * Each record's fields are declared once (domain/records.h) and used both ways: the export
 * writes them in that order, the import accepts exactly those keys and checks each by its
 * declaration. Register entries reuse registers_record_json / _from_json. Here: the organ, its
 * staff, registers and report texts, and the whole file; the catalogue, the applications and
 * the published reports are their own files (exchange_int.h).
 */
#include "domain/exchange.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "domain/agency.h"
#include "domain/exchange_int.h"
#include "domain/records.h"
#include "domain/registers.h"
#include "domain/user.h"
#include "store/agency_store.h"
#include "store/report_store.h"
#include "store/user_store.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

/* ---- export ---- */

static int collect_user(void *ctx, const struct user_rec *r)
{
	struct collect *c = ctx;
	struct user_rec *u;

	if (r->agency_id != c->agency_id)
		return 0;
	u = xc_collect_push(c);
	*u = *r;
	u->name = xc_dup(c->a, r->name);
	u->display_name = xc_dup(c->a, r->display_name);
	u->role = xc_dup(c->a, r->role);
	u->password_hash = NULL;
	u->created_at = NULL;
	return 0;
}

static int write_report_text(void *ctx, const struct report_text_rec *r)
{
	struct jsonw *w = ctx;

	jsonw_obj_begin(w);
	jsonw_kint(w, "year", r->year);
	xc_write_fields(w, r, &report_text_desc);
	jsonw_obj_end(w);
	return 0;
}

/* The organ (name, code, level, parent) and its profile, if set. */
static int export_organ(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			struct gk_error *e)
{
	struct agency_rec ag, parent;
	struct agency_profile prof;
	int rc, found;

	if ((rc = agency_store(s)->get(s, agency_id, a, &ag, e)) != 0)
		return rc;
	jsonw_key(w, "agency");
	jsonw_obj_begin(w);
	jsonw_kstr(w, "name", ag.name);
	if (ag.code)
		jsonw_kstr(w, "code", ag.code);
	jsonw_kstr(w, "level", ag.level);
	if (ag.parent_id && (rc = agency_store(s)->get(s, ag.parent_id, a, &parent, e)) == 0)
		jsonw_kstr(w, "parent", parent.name);
	if (rc != 0)
		return rc;
	jsonw_obj_end(w);
	if ((rc = agency_store(s)->profile_get(s, agency_id, a, &prof, &found, e)) != 0)
		return rc;
	if (found) {
		jsonw_key(w, "profile");
		jsonw_obj_begin(w);
		xc_write_fields(w, &prof, &agency_profile_desc);
		jsonw_obj_end(w);
	}
	return 0;
}

/* The organ's staff accounts: names and roles, never passwords or second factors. */
static int export_users(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			struct gk_error *e)
{
	struct collect users = { .size = sizeof(struct user_rec), .a = a, .agency_id = agency_id };
	int rc;

	if ((rc = user_store(s)->list(s, collect_user, &users, e)) != 0)
		return rc;
	jsonw_key(w, "users");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < users.n; i++) {
		const struct user_rec *u = (const struct user_rec *)users.items + i;
		jsonw_obj_begin(w);
		jsonw_kstr(w, "name", u->name);
		jsonw_kstr(w, "display_name", u->display_name);
		jsonw_kstr(w, "role", u->role);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	return 0;
}

/* Every register's records; a record tied to a document names it by its 索引号 (docs and
 * index_nos: the documents exported, in the same order). */
static int export_registers(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			    const struct collect *docs, const char **index_nos, struct gk_error *e)
{
	int rc;

	jsonw_key(w, "registers");
	jsonw_obj_begin(w);
	for (int k = 0; k < REG__MAX; k++) {
		struct reg_record *recs;
		size_t n;

		if ((rc = registers_list(s, agency_id, (enum reg_kind)k, a, &recs, &n, e)) != 0)
			return rc;
		jsonw_key(w, reg_descs[k].name);
		jsonw_arr_begin(w);
		for (size_t i = 0; i < n; i++) {
			jsonw_obj_begin(w);
			registers_record_fields(w, &reg_descs[k], &recs[i]);
			for (size_t j = 0; recs[i].document_id && j < docs->n; j++)
				if (((int64_t *)docs->items)[j] == recs[i].document_id)
					jsonw_kstr(w, "document", index_nos[j]);
			jsonw_obj_end(w);
		}
		jsonw_arr_end(w);
	}
	jsonw_obj_end(w);
	return 0;
}

int exchange_export(struct store *s, int64_t agency_id, struct buf *out, struct gk_error *e)
{
	struct arena a;
	struct collect docs = { .size = sizeof(int64_t) };
	const char **index_nos = NULL;
	struct jsonw w;
	int rc;

	arena_init(&a);
	docs.a = &a;
	jsonw_init(&w, out, 1);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "format", EXCHANGE_FORMAT);
	jsonw_kint(&w, "version", EXCHANGE_VERSION);
	if ((rc = export_organ(s, agency_id, &a, &w, e)) != 0 ||
	    (rc = export_users(s, agency_id, &a, &w, e)) != 0 ||
	    (rc = xc_export_applications(s, agency_id, &a, &w, e)) != 0 ||
	    (rc = xc_export_documents(s, agency_id, &a, &w, &docs, &index_nos, e)) != 0 ||
	    (rc = export_registers(s, agency_id, &a, &w, &docs, index_nos, e)) != 0)
		goto out;
	jsonw_key(&w, "report_texts");
	jsonw_arr_begin(&w);
	if ((rc = report_store(s)->text_list(s, agency_id, write_report_text, &w, e)) != 0)
		goto out;
	jsonw_arr_end(&w);
	if ((rc = exchange_export_reports(s, agency_id, &a, &w, e)) != 0)
		goto out;
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0)
		err_set(e, rc, "export", "台账太大，不能一次导出");
out:
	arena_free(&a);
	return rc;
}

/* ---- import: reading and checking ---- */

static int read_agency(const struct jv *root, struct ximport *x, struct gk_error *e)
{
	static const char *const keys[] = { "name", "code", "level", "parent" };
	const char **dst[] = { &x->name, &x->code, &x->level, &x->parent };
	const struct jv *ag;
	void *it = NULL;
	struct jv *val;
	const char *key;
	int rc;

	if ((ag = xc_member(root, "agency", JV_OBJECT, 1, e, &rc)) == NULL || rc)
		return rc;
	while ((key = jv_next(ag, &it, &val)) != NULL) {
		size_t i;
		for (i = 0; i < 4; i++)
			if (strcmp(key, keys[i]) == 0)
				break;
		if (i == 4)
			return xc_bad(e, "agency", key, "没有这个字段%s", "");
		if (jv_type(val) != JV_NULL && (*dst[i] = jv_str(val)) == NULL)
			return xc_bad(e, "agency", key, "应为字符串%s", "");
	}
	if (x->name == NULL)
		return xc_bad(e, "agency", "name", "必须填写%s", "");
	return 0;
}

static int read_users(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	const struct jv *arr;
	int rc;

	if ((arr = xc_member(root, "users", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->nusers = jv_len(arr);
	x->users = arena_alloc(a, (x->nusers + 1) * sizeof *x->users);
	for (size_t i = 0; i < x->nusers; i++) {
		char where[32];
		snprintf(where, sizeof where, "users[%zu]", i);
		if ((rc = xc_read_fields(jv_at(arr, i), where, &user_account_desc, NULL, &x->users[i], e)) != 0)
			return rc;
		if (user_role_from_id(x->users[i].role) < 0)
			return xc_bad(e, where, "role", "没有“%s”这个角色", x->users[i].role);
	}
	return 0;
}


static int read_serials_and_texts(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const char *const sections[] = { "overview", "problems", "other_matters", NULL };
	static const char *const text_extra[] = { "year", NULL };
	const struct jv *arr;
	int64_t v;
	int rc;

	if ((arr = xc_member(root, "serials", JV_ARRAY, 0, e, &rc)) == NULL && rc)
		return rc;
	x->nserials = jv_len(arr);
	x->serials = arena_alloc(a, (x->nserials + 1) * sizeof *x->serials);
	for (size_t i = 0; i < x->nserials; i++) {
		char where[40];
		snprintf(where, sizeof where, "serials[%zu]", i);
		if ((rc = xc_int_member(jv_at(arr, i), where, "year", 1900, 2199, -1, &v, e)) != 0)
			return rc;
		x->serials[i].year = (int)v;
		if ((rc = xc_int_member(jv_at(arr, i), where, "last", 0, INT64_MAX, -1, &x->serials[i].last, e)) != 0)
			return rc;
	}
	if ((arr = xc_member(root, "report_texts", JV_ARRAY, 0, e, &rc)) == NULL && rc)
		return rc;
	x->ntexts = jv_len(arr);
	x->texts = arena_alloc(a, (x->ntexts + 1) * sizeof *x->texts);
	for (size_t i = 0; i < x->ntexts; i++) {
		char where[40];
		snprintf(where, sizeof where, "report_texts[%zu]", i);
		if ((rc = xc_read_fields(jv_at(arr, i), where, &report_text_desc, text_extra, &x->texts[i], e)) != 0 ||
		    (rc = xc_int_member(jv_at(arr, i), where, "year", 1900, 2199, -1, &v, e)) != 0)
			return rc;
		x->texts[i].year = (int)v;
		if (!xc_one_of(x->texts[i].section, sections))
			return xc_bad(e, where, "section", "应为 overview、problems 或 other_matters，不是“%s”",
				   x->texts[i].section);
	}
	return 0;
}

static int read_registers(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	const struct jv *regs;
	void *it = NULL;
	struct jv *val;
	const char *key;
	int rc;

	if ((regs = xc_member(root, "registers", JV_OBJECT, 0, e, &rc)) == NULL || rc)
		return rc;
	while ((key = jv_next(regs, &it, &val)) != NULL) {
		const struct reg_desc *d = reg_desc_find(key);
		size_t n;

		if (d == NULL)
			return xc_bad(e, "registers", key, "没有这个登记册%s", "");
		if (jv_type(val) != JV_ARRAY)
			return xc_bad(e, "registers", key, "应为数组%s", "");
		n = jv_len(val);
		x->regs[d->kind] = arena_alloc(a, (n + 1) * sizeof(struct reg_record));
		x->nregs[d->kind] = n;
		for (size_t i = 0; i < n; i++) {
			struct reg_record *r = &x->regs[d->kind][i];
			char where[48];

			snprintf(where, sizeof where, "registers.%s[%zu]", d->name, i);
			if ((rc = registers_record_from_json(d, jv_at(val, i), where, a, r, e)) != 0)
				return rc;
			if (d->kind == REG_NORMDOC) {
				const struct jv *link = jv_get(jv_at(val, i), "document");
				const char *index_no = jv_str(link);
				size_t j;

				if (i == 0)
					x->normdoc_doc = arena_alloc(a, (n + 1) * sizeof *x->normdoc_doc);
				x->normdoc_doc[i] = -1;
				if (link && jv_type(link) != JV_NULL) {
					for (j = 0; index_no && j < x->ndocs; j++)
						if (strcmp(x->docs[j].index_no, index_no) == 0)
							break;
					if (index_no == NULL || j == x->ndocs)
						return xc_bad(e, where, "document", "本文件中没有这个索引号的文件%s", "");
					x->normdoc_doc[i] = (int)j;
				}
			}
			if (d->kind == REG_CASE && r->v[CASE_APPLICATION].set) {
				size_t j;
				for (j = 0; j < x->napps; j++)
					if (strcmp(x->apps[j].tracking_code, r->v[CASE_APPLICATION].s) == 0)
						break;
				if (j == x->napps)
					return xc_bad(e, where, "application", "本文件中没有申请“%s”",
						   r->v[CASE_APPLICATION].s);
			}
		}
	}
	return 0;
}

/* The file is a gongkai ledger export of the version this program reads, with no section
 * it does not know. */
static int check_header(struct jv *root, struct gk_error *e)
{
	static const char *const top[] = { "format", "version", "agency", "profile", "users",
					   "applications", "documents", "serials", "registers",
					   "report_texts", "report_publications", NULL };
	const char *format, *key;
	int64_t version;
	struct jv *val;
	void *it = NULL;

	if (jv_type(root) != JV_OBJECT || (format = jv_str(jv_get(root, "format"))) == NULL ||
	    strcmp(format, EXCHANGE_FORMAT) != 0)
		return xc_bad(e, "format", NULL, "不是 gongkai 的台账导出文件（缺少 \"format\": \"%s\"）",
			   EXCHANGE_FORMAT);
	if (jv_int(jv_get(root, "version"), &version) != 0 || version != EXCHANGE_VERSION)
		return xc_bad(e, "version", NULL, "本程序只读第 %s 版的导出格式", "1");
	while ((key = jv_next(root, &it, &val)) != NULL) {
		int known = 0;
		for (int i = 0; top[i]; i++)
			known |= strcmp(top[i], key) == 0;
		if (!known)
			return xc_bad(e, key, NULL, "没有这个部分%s", "");
	}
	return 0;
}

/* The organ (under its parent when this database has it) and its staff accounts; *id is the
 * new organ's. */
static int store_organ(struct store *s, struct ximport *x, struct arena *a,
		       struct exchange_counts *c, int64_t *id, struct gk_error *e)
{
	struct agency_new an = { .name = x->name, .code = x->code, .level = x->level };
	struct agency_rec parent;
	int rc;

	if (x->parent) {
		struct gk_error ignore = { 0 };
		if (agency_store(s)->find_name(s, x->parent, a, &parent, &ignore) == 0)
			an.parent_id = parent.id;
		else
			snprintf(c->parent_missing, sizeof c->parent_missing, "%s", x->parent);
	}
	if ((rc = agency_create(s, &an, id, e)) != 0) {
		/* agency_create names the organ's fields (agency_code); the file's are "code" … */
		const char *f = strncmp(e->field, "agency_", 7) == 0 ? e->field + 7 : e->field;
		char field[sizeof e->field];
		snprintf(field, sizeof field, "%s", f);
		return xc_refile(e, "agency", field);
	}
	c->agency_id = *id;
	for (size_t i = 0; i < x->nusers; i++) {
		int64_t uid;
		char where[32];
		x->users[i].agency_id = *id;
		if (user_create(s, &x->users[i], &uid, e) != 0) {
			snprintf(where, sizeof where, "users[%zu]", i);
			return xc_refile(e, where, NULL);
		}
		c->users++;
	}
	return 0;
}

/* The registers' records (a 规范性文件 tied to the document it was imported as) and the
 * report texts. */
static int store_registers(struct store *s, int64_t id, struct ximport *x, struct arena *a,
			   struct exchange_counts *c, struct gk_error *e)
{
	int rc;

	for (int k = 0; k < REG__MAX; k++) {
		for (size_t i = 0; i < x->nregs[k]; i++) {
			char where[48];
			if (k == REG_NORMDOC && x->normdoc_doc && x->normdoc_doc[i] >= 0)
				x->regs[k][i].document_id = x->doc_ids[x->normdoc_doc[i]];
			if (registers_import_record(s, id, &x->regs[k][i], a, e) != 0) {
				char field[sizeof e->field];
				snprintf(where, sizeof where, "registers.%s[%zu]", reg_descs[k].name, i);
				snprintf(field, sizeof field, "%s", e->field);
				return xc_refile(e, where, field);
			}
			c->registers++;
		}
	}
	for (size_t i = 0; i < x->ntexts; i++) {
		const struct report_text_rec *t = &x->texts[i];

		if ((rc = report_store(s)->text_put(s, id, t->year, t->section, t->body, t->updated_at,
						    t->updated_by, e)) != 0)
			return rc;
		if ((rc = xc_audit_import(s, id, "report_text", 0, "year", NULL, t->year, e)) != 0)
			return rc;
	}
	c->report_texts = x->ntexts;
	return 0;
}

int exchange_import(struct store *s, const char *text, size_t len, const char *label,
		    struct exchange_counts *c, struct gk_error *e)
{
	struct ximport x;
	struct jv *root = NULL;
	struct arena a;
	int64_t id;
	int rc;

	memset(c, 0, sizeof *c);
	memset(&x, 0, sizeof x);
	arena_init(&a);
	if ((rc = jsonr_parse(text, len, label, &root, e)) != 0 || (rc = check_header(root, e)) != 0)
		goto out;
	/* 1. Check every record (the organ's settings before the applications replayed under
	 * them). */
	if ((rc = read_agency(root, &x, e)) != 0 || (rc = read_users(root, &a, &x, e)) != 0 ||
	    (rc = xc_read_documents(root, &a, &x, e)) != 0 || (rc = xc_read_apps(root, &a, &x, e)) != 0 ||
	    (rc = read_serials_and_texts(root, &a, &x, e)) != 0 || (rc = read_registers(root, &a, &x, e)) != 0 ||
	    (rc = exchange_read_reports(root, &a, &x.pubs, &x.npubs, e)) != 0)
		goto out;
	/* 2. Store it all (the caller's transaction makes it all or nothing). */
	if ((rc = store_organ(s, &x, &a, c, &id, e)) != 0 ||
	    (rc = xc_store_apps(s, id, &x, &a, c, e)) != 0 ||
	    (rc = xc_store_catalogue(s, id, &x, c, e)) != 0 ||
	    (rc = store_registers(s, id, &x, &a, c, e)) != 0 ||
	    (rc = exchange_store_reports(s, id, x.pubs, x.npubs, e)) != 0)
		goto out;
	c->report_publications = x.npubs;
out:
	jsonr_free(root);
	arena_free(&a);
	return rc;
}

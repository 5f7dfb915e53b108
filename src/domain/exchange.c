/*
 * exchange.c — ledger export and import as JSON (see exchange.h).
 *
 * Each record's fields are declared once (domain/records.h) and used both ways: the export
 * writes them in that order, the import accepts exactly those keys and checks each by its
 * declaration. Register entries reuse registers_record_json / _from_json.
 */
#include "domain/exchange.h"
#include "domain/exchange_int.h"
#include "domain/exchange_reports.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "domain/agency.h"
#include "domain/app_codes.h"
#include "domain/application.h"
#include "domain/clock.h"
#include "domain/audit.h"
#include "domain/catalogue.h"
#include "domain/records.h"
#include "domain/registers.h"
#include "domain/user.h"
#include "store/agency_store.h"
#include "base/crypto.h"
#include "store/app_store.h"
#include "store/doc_store.h"
#include "store/report_store.h"
#include "text/base64.h"
#include "store/user_store.h"
#include "text/date.h"
#include "text/jsonr.h"
#include "text/jsonw.h"
#include "text/utf8.h"

/* ---- export ---- */

struct collect {
	struct arena *a;
	int64_t agency_id;
	void *items;
	size_t n, cap, size;
};

static void *collect_push(struct collect *c)
{
	c->items = arena_grow(c->a, c->items, c->n, &c->cap, c->size, 32);
	return (char *)c->items + c->n++ * c->size;
}

static const char *dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static int collect_user(void *ctx, const struct user_rec *r)
{
	struct collect *c = ctx;
	struct user_rec *u;

	if (r->agency_id != c->agency_id)
		return 0;
	u = collect_push(c);
	*u = *r;
	u->name = dup(c->a, r->name);
	u->display_name = dup(c->a, r->display_name);
	u->role = dup(c->a, r->role);
	u->password_hash = NULL;
	u->created_at = NULL;
	return 0;
}

static int collect_app(void *ctx, const struct app_rec *r)
{
	struct collect *c = ctx;
	struct app_rec *copy = collect_push(c);

	*copy = *r;
	for (size_t f = 0; f < app_rec_desc.nfields; f++) {
		const struct desc_field *d = &app_rec_desc.fields[f];
		if (d->type != DESC_INT)
			*desc_str_ref(d, copy) = dup(c->a, desc_str(d, r));
	}
	return 0;
}

/* The fields of rec as r declares them, in its order: text when given, numbers when ≥ 0. */
void xc_write_fields(struct jsonw *w, const void *rec, const struct desc_record *r)
{
	for (size_t f = 0; f < r->nfields; f++) {
		const struct desc_field *d = &r->fields[f];
		if (d->type == DESC_INT) {
			int64_t v = *desc_int_ref(d, (void *)rec);
			if (v >= 0)
				jsonw_kint(w, d->id, v);
		} else if (desc_str(d, rec)) {
			jsonw_kstr(w, d->id, desc_str(d, rec));
		}
	}
}

static int collect_doc_id(void *ctx, const struct doc *d)
{
	struct collect *c = ctx;
	*(int64_t *)collect_push(c) = d->id;
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int write_doc_event(void *ctx, const struct doc_event *ev)
{
	struct jsonw *w = ctx;

	jsonw_obj_begin(w);
	jsonw_kint(w, "round", ev->round);
	xc_write_fields(w, ev, &doc_event_desc);
	jsonw_kbool(w, "secrecy_checked", ev->secrecy_checked);
	jsonw_obj_end(w);
	return 0;
}

static int write_serial(void *ctx, int year, int64_t last)
{
	struct jsonw *w = ctx;

	jsonw_obj_begin(w);
	jsonw_kint(w, "year", year);
	jsonw_kint(w, "last", last);
	jsonw_obj_end(w);
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

/* The catalogue of the organ: documents (id order) with attachments (base64) and history;
 * their 索引号 by id in *index_nos (for the normdoc links). */
static int export_documents(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			    struct collect *ids, const char ***index_nos, struct gk_error *e)
{
	struct doc_filter f = { .agency_id = agency_id, .limit = 1 << 30 };
	int rc;

	if ((rc = doc_store(s)->list(s, &f, collect_doc_id, ids, e)) != 0)
		return rc;
	if (ids->n)
		qsort(ids->items, ids->n, sizeof(int64_t), cmp_id);
	*index_nos = arena_alloc(a, (ids->n + 1) * sizeof **index_nos);
	jsonw_key(w, "documents");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < ids->n; i++) {
		struct doc d;
		struct doc_attachment *att;
		size_t natt;

		if ((rc = doc_store(s)->get(s, ((int64_t *)ids->items)[i], a, &d, e)) != 0 ||
		    (rc = doc_store(s)->attachments(s, d.id, 0, a, &att, &natt, e)) != 0)
			return rc;
		(*index_nos)[i] = d.index_no;
		jsonw_obj_begin(w);
		xc_write_fields(w, &d, &doc_desc);
		jsonw_kint(w, "round", d.round);
		jsonw_key(w, "attachments");
		jsonw_arr_begin(w);
		for (size_t j = 0; j < natt; j++) {
			const void *data;
			size_t len;
			struct buf b64;

			if ((rc = doc_store(s)->attachment_data(s, att[j].id, a, &data, &len, e)) != 0)
				return rc;
			buf_init(&b64, 0);
			if ((rc = base64_encode(data, len, &b64)) != 0) {
				buf_free(&b64);
				return err_set(e, rc, "export", "附件太大");
			}
			jsonw_obj_begin(w);
			jsonw_kstr(w, "name", att[j].name);
			jsonw_kstr(w, "mime", att[j].mime);
			jsonw_kint(w, "size", att[j].size);
			jsonw_kstr(w, "sha256", att[j].sha256);
			jsonw_kstr(w, "data", buf_cstr(&b64));
			jsonw_obj_end(w);
			buf_free(&b64);
		}
		jsonw_arr_end(w);
		jsonw_key(w, "events");
		jsonw_arr_begin(w);
		if ((rc = doc_store(s)->events(s, d.id, write_doc_event, w, e)) != 0)
			return rc;
		jsonw_arr_end(w);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	jsonw_key(w, "serials");
	jsonw_arr_begin(w);
	if ((rc = doc_store(s)->serials(s, agency_id, write_serial, w, e)) != 0)
		return rc;
	jsonw_arr_end(w);
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

/* The applications with their events, fields as declared (domain/records.h). */
static int export_applications(struct store *s, int64_t agency_id, struct arena *a,
			       struct jsonw *w, struct gk_error *e)
{
	struct collect apps = { .size = sizeof(struct app_rec), .a = a, .agency_id = agency_id };
	struct app_filter filter = { .agency_id = agency_id };
	int rc;

	if ((rc = app_store(s)->list(s, &filter, collect_app, &apps, e)) != 0)
		return rc;
	jsonw_key(w, "applications");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < apps.n; i++) {
		const struct app_rec *ap = (const struct app_rec *)apps.items + i;
		struct app_event_rec *ev;
		struct notice_issued *nis;
		size_t nev, nni;

		if ((rc = app_store(s)->events(s, ap->id, a, &ev, &nev, e)) != 0 ||
		    (rc = app_store(s)->notices(s, ap->id, a, &nis, &nni, e)) != 0)
			return rc;
		jsonw_obj_begin(w);
		xc_write_fields(w, ap, &app_rec_desc);
		jsonw_key(w, "events");
		jsonw_arr_begin(w);
		for (size_t j = 0; j < nev; j++) {
			jsonw_obj_begin(w);
			xc_write_fields(w, &ev[j], &app_event_rec_desc);
			jsonw_obj_end(w);
		}
		jsonw_arr_end(w);
		/* the notices issued, with their number and wording (none: no key, as before) */
		if (nni > 0) {
			jsonw_key(w, "notices");
			jsonw_arr_begin(w);
			for (size_t j = 0; j < nni; j++) {
				jsonw_obj_begin(w);
				xc_write_fields(w, &nis[j], &notice_issued_desc);
				jsonw_obj_end(w);
			}
			jsonw_arr_end(w);
		}
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
	    (rc = export_applications(s, agency_id, &a, &w, e)) != 0 ||
	    (rc = export_documents(s, agency_id, &a, &w, &docs, &index_nos, e)) != 0 ||
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

int xc_bad(struct gk_error *e, const char *where, const char *key, const char *fmt, const char *arg)
{
	char field[64];

	snprintf(field, sizeof field, "%.40s%s%.22s", where, key ? "." : "", key ? key : "");
	return err_set(e, ERR_INVALID, field, fmt, arg);
}

/* Value s of field f as the file gives it: text of at most 100000 bytes, a day or a UTC time
 * of the shape its declaration says (text/desc.h). */
static int read_text(const struct desc_field *f, const char *where, const char *s,
		     struct gk_error *e)
{
	struct gk_error why = { 0 };

	if (!utf8_valid(s, strlen(s)) || strlen(s) > 100000)
		return xc_bad(e, where, f->id, "不是不超过 100000 字节的有效 UTF-8 文本%s", "");
	if (f->type == DESC_DAY && desc_check_value(f, s, &why) != 0)
		return xc_bad(e, where, f->id, "不是 YYYY-MM-DD 格式的日期：“%s”", s);
	if (f->type == DESC_STAMP && desc_check_value(f, s, &why) != 0)
		return xc_bad(e, where, f->id, "不是 YYYY-MM-DDTHH:MM:SSZ 格式的 UTC 时间：“%s”", s);
	if (f->max && (f->type == DESC_LINE || f->type == DESC_TEXT) && desc_check_value(f, s, &why) != 0)
		return xc_bad(e, where, f->id, "%s", why.msg);   /* its declared limit, as typed in */
	return 0;
}

/* Read object obj into rec by its declaration r (whole numbers absent are -1); keys in
 * extra[] are skipped (handled by the caller); anything else is refused. */
int xc_read_fields(const struct jv *obj, const char *where, const struct desc_record *r,
		       const char *const *extra, void *rec, struct gk_error *e)
{
	void *it = NULL;
	struct jv *val;
	const char *key;
	int rc;

	if (jv_type(obj) != JV_OBJECT)
		return xc_bad(e, where, NULL, "应为 JSON 对象%s", "");
	for (size_t i = 0; i < r->nfields; i++)
		if (r->fields[i].type == DESC_INT)
			*desc_int_ref(&r->fields[i], rec) = -1;
	while ((key = jv_next(obj, &it, &val)) != NULL) {
		const struct desc_field *f = desc_find(r, key);
		const char *s;
		int known = 0;

		for (size_t i = 0; extra && extra[i]; i++)
			known |= strcmp(extra[i], key) == 0;
		if (known)
			continue;
		if (f == NULL)
			return xc_bad(e, where, key, "没有这个字段%s", "");
		if (jv_type(val) == JV_NULL)
			continue;
		if (f->type == DESC_INT) {
			int64_t *dst = desc_int_ref(f, rec);
			if (jv_int(val, dst) != 0 || !desc_int_fits(f, *dst))
				return xc_bad(e, where, key, "应为不超过其上限的非负整数%s",
					   strcmp(key, "amount_fen") == 0 ? "（单位：分）" : "");
			continue;
		}
		if ((s = jv_str(val)) == NULL)
			return xc_bad(e, where, key, "应为字符串，不是 %s", jv_type_name(jv_type(val)));
		if ((rc = read_text(f, where, s, e)) != 0)
			return rc;
		*desc_str_ref(f, rec) = s;
	}
	for (size_t i = 0; i < r->nfields; i++) {
		const struct desc_field *f = &r->fields[i];
		if ((f->flags & DESC_REQUIRED) && f->type != DESC_INT &&
		    (desc_str(f, rec) == NULL || !*desc_str(f, rec)))
			return xc_bad(e, where, f->id, "必须填写%s", "");
	}
	return 0;
}

struct ximport {
	const char *name, *code, *level, *parent;
	struct user_new *users;
	size_t nusers;
	struct app_rec *apps;
	struct app_event_rec **events;
	size_t *nevents;
	struct notice_issued **notices;    /* per application: the notices issued */
	size_t *nnotices;
	size_t napps;
	struct reg_record *regs[REG__MAX];
	size_t nregs[REG__MAX];
	int *normdoc_doc;                  /* per normdoc entry: its document's index in docs, or -1 */
	struct agency_profile *profile;    /* NULL if the file has none */
	struct doc *docs;
	size_t ndocs;
	int64_t *doc_ids;                  /* ids given on storing */
	struct doc_attachment **atts;
	size_t *natts;
	struct doc_event **devs;
	size_t *ndevs;
	struct { int year; int64_t last; } *serials;
	size_t nserials;
	struct report_text_rec *texts;
	size_t ntexts;
	struct xpub *pubs;                 /* the published annual reports */
	size_t npubs;
};

/* An integer member key of obj within [lo, hi]; absent → dflt when dflt >= lo, else an error. */
int xc_int_member(const struct jv *obj, const char *where, const char *key, int64_t lo, int64_t hi,
		      int64_t dflt, int64_t *out, struct gk_error *e)
{
	const struct jv *v = jv_get(obj, key);

	if (v == NULL || jv_type(v) == JV_NULL) {
		if (dflt < lo)
			return xc_bad(e, where, key, "必须填写%s", "");
		*out = dflt;
		return 0;
	}
	if (jv_int(v, out) != 0 || *out < lo || *out > hi)
		return xc_bad(e, where, key, "应为范围内的整数%s", "");
	return 0;
}

/* s is NULL or one of the NULL-terminated ids. */
static int one_of(const char *s, const char *const *ids)
{
	if (s == NULL)
		return 1;
	for (size_t i = 0; ids[i]; i++)
		if (strcmp(s, ids[i]) == 0)
			return 1;
	return 0;
}

const struct jv *xc_member(const struct jv *root, const char *key, enum jv_type t, int required,
			       struct gk_error *e, int *rc)
{
	const struct jv *v = jv_get(root, key);

	*rc = 0;
	if (v == NULL || jv_type(v) == JV_NULL) {
		if (required)
			*rc = xc_bad(e, key, NULL, "必须填写%s", "");
		return NULL;
	}
	if (jv_type(v) != t)
		*rc = xc_bad(e, key, NULL, "应为 JSON %s", jv_type_name(t));
	return v;
}

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

static int check_lifecycle(const struct ximport *x, size_t i, struct gk_error *e);

static int read_attachments(const struct jv *arr, const char *where, struct arena *a, struct doc_attachment *out,
			    struct gk_error *e)
{
	static const char *const extra[] = { "size", "data", NULL };
	int rc;

	for (size_t j = 0; j < jv_len(arr); j++) {
		const struct jv *obj = jv_at(arr, j);
		const char *data;
		char awhere[64], hex[CRYPTO_SHA256_HEX];
		struct buf bytes;

		snprintf(awhere, sizeof awhere, "%.40s.attachments[%zu]", where, j);
		if ((rc = xc_read_fields(obj, awhere, &doc_attachment_desc, extra, &out[j], e)) != 0 ||
		    (rc = xc_int_member(obj, awhere, "size", 0, INT64_MAX, -1, &out[j].size, e)) != 0)
			return rc;
		if ((data = jv_str(jv_get(obj, "data"))) == NULL)
			return xc_bad(e, awhere, "data", "必须填写（base64）%s", "");
		buf_init(&bytes, (size_t)1 << 30);
		if (base64_decode(data, strlen(data), &bytes) != 0) {
			buf_free(&bytes);
			return xc_bad(e, awhere, "data", "不是 base64 编码%s", "");
		}
		crypto_sha256_hex(bytes.ptr ? bytes.ptr : "", bytes.len, hex);
		if ((int64_t)bytes.len != out[j].size || strcmp(hex, out[j].sha256) != 0) {
			buf_free(&bytes);
			return xc_bad(e, awhere, "data", "与其大小和 sha256 不符%s", "");
		}
		{
			char *copy = arena_alloc(a, bytes.len + 1);   /* binary: may hold NUL bytes */
			if (bytes.len)
				memcpy(copy, bytes.ptr, bytes.len);
			out[j].data = copy;
		}
		buf_free(&bytes);
	}
	return 0;
}

static int read_documents(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const char *const extra[] = { "round", "attachments", "events", NULL };
	static const char *const ev_extra[] = { "round", "secrecy_checked", NULL };
	static const char *const disclosures[] = { "proactive", "on-request", "withheld", NULL };
	static const char *const validities[] = { "valid", "expired", "repealed", NULL };
	static const char *const states[] = { "draft", "first-review", "second-review", "final-review", "approved",
					      "published", "withdrawn", NULL };
	static const char *const stages[] = { "first", "second", "final", NULL };
	static const char *const decisions[] = { "approve", "reject", NULL };
	const struct jv *arr, *prof;
	int rc;

	if ((prof = xc_member(root, "profile", JV_OBJECT, 0, e, &rc)) != NULL && rc == 0) {
		x->profile = arena_alloc(a, sizeof *x->profile);
		rc = xc_read_fields(prof, "profile", &agency_profile_desc, NULL, x->profile, e);
		if (rc == 0 && (rc = organ_rules_check(x->profile, e)) != 0) {
			char field[sizeof e->field];
			snprintf(field, sizeof field, "profile.%.50s", e->field);  /* "fee_pause" */
			snprintf(e->field, sizeof e->field, "%s", field);
		}
	}
	if (rc != 0 || (arr = xc_member(root, "documents", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->ndocs = jv_len(arr);
	x->docs = arena_alloc(a, (x->ndocs + 1) * sizeof *x->docs);
	x->doc_ids = arena_alloc(a, (x->ndocs + 1) * sizeof *x->doc_ids);
	x->atts = arena_alloc(a, (x->ndocs + 1) * sizeof *x->atts);
	x->natts = arena_alloc(a, (x->ndocs + 1) * sizeof *x->natts);
	x->devs = arena_alloc(a, (x->ndocs + 1) * sizeof *x->devs);
	x->ndevs = arena_alloc(a, (x->ndocs + 1) * sizeof *x->ndevs);
	for (size_t i = 0; i < x->ndocs; i++) {
		const struct jv *obj = jv_at(arr, i), *atts, *evs;
		struct doc *d = &x->docs[i];
		char where[32];
		int64_t round;

		snprintf(where, sizeof where, "documents[%zu]", i);
		if ((rc = xc_read_fields(obj, where, &doc_desc, extra, d, e)) != 0 ||
		    (rc = xc_int_member(obj, where, "round", 0, 1000000, 0, &round, e)) != 0)
			return rc;
		d->round = (int)round;
		if (!one_of(d->disclosure, disclosures))
			return xc_bad(e, where, "disclosure", "应为 proactive、on-request 或 withheld，不是“%s”", d->disclosure);
		if (!one_of(d->validity, validities))
			return xc_bad(e, where, "validity", "应为 valid、expired 或 repealed，不是“%s”", d->validity);
		if (!one_of(d->state, states))
			return xc_bad(e, where, "state", "没有“%s”这个状态", d->state);
		for (size_t j = 0; j < i; j++)
			if (strcmp(x->docs[j].index_no, d->index_no) == 0)
				return xc_bad(e, where, "index_no", "“%s”出现了两次", d->index_no);
		atts = jv_get(obj, "attachments");
		evs = jv_get(obj, "events");
		x->natts[i] = jv_len(atts);
		x->atts[i] = arena_alloc(a, (x->natts[i] + 1) * sizeof **x->atts);
		if ((rc = read_attachments(atts, where, a, x->atts[i], e)) != 0)
			return rc;
		x->ndevs[i] = jv_len(evs);
		x->devs[i] = arena_alloc(a, (x->ndevs[i] + 1) * sizeof **x->devs);
		for (size_t j = 0; j < x->ndevs[i]; j++) {
			struct doc_event *ev = &x->devs[i][j];
			const struct jv *sc;
			char ewhere[64];
			int b = 0;

			snprintf(ewhere, sizeof ewhere, "%.30s.events[%zu]", where, j);
			if ((rc = xc_read_fields(jv_at(evs, j), ewhere, &doc_event_desc, ev_extra, ev, e)) != 0 ||
			    (rc = xc_int_member(jv_at(evs, j), ewhere, "round", 0, 1000000, 0, &round, e)) != 0)
				return rc;
			ev->round = (int)round;
			if ((sc = jv_get(jv_at(evs, j), "secrecy_checked")) != NULL && jv_bool(sc, &b) != 0)
				return xc_bad(e, ewhere, "secrecy_checked", "应为 true 或 false%s", "");
			ev->secrecy_checked = b;
			if (!one_of(ev->stage, stages) || !one_of(ev->decision, decisions))
				return xc_bad(e, ewhere, ev->decision && !one_of(ev->decision, decisions) ? "decision" : "stage",
					   "不是审核的%s", "环节或决定");
		}
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
		if (!one_of(x->texts[i].section, sections))
			return xc_bad(e, where, "section", "应为 overview、problems 或 other_matters，不是“%s”",
				   x->texts[i].section);
	}
	return 0;
}

/* The notices issued for application i (its object obj): fields as declared, each notice once
 * per application, each number once in the file, issued on or after the day received. */
static int read_notices(const struct jv *obj, const char *where, struct arena *a,
			struct ximport *x, size_t i, struct gk_error *e)
{
	const struct jv *nis = jv_get(obj, "notices");
	int rc;

	if (nis && jv_type(nis) != JV_ARRAY && jv_type(nis) != JV_NULL)
		return xc_bad(e, where, "notices", "应为数组%s", "");
	x->nnotices[i] = jv_len(nis);
	x->notices[i] = arena_alloc(a, (x->nnotices[i] + 1) * sizeof **x->notices);
	for (size_t j = 0; j < x->nnotices[i]; j++) {
		struct notice_issued *ni = &x->notices[i][j];
		char nwhere[64];

		snprintf(nwhere, sizeof nwhere, "%.30s.notices[%zu]", where, j);
		if ((rc = xc_read_fields(jv_at(nis, j), nwhere, &notice_issued_desc, NULL, ni, e)) != 0)
			return rc;
		if (ni->serial < 1 || ni->year < 0)
			return xc_bad(e, nwhere, "serial", "须写明年份和序号（序号从 1 起）%s", "");
		if (strcmp(ni->issued_on, x->apps[i].received) < 0)
			return xc_bad(e, nwhere, "issued_on", "早于申请的收到日期（%s）",
				   x->apps[i].received);
		for (size_t k = 0; k <= i; k++)
			for (size_t m = 0; m < (k == i ? j : x->nnotices[k]); m++) {
				if (k == i && strcmp(x->notices[k][m].notice, ni->notice) == 0)
					return xc_bad(e, nwhere, "notice", "“%s”出具了两次", ni->notice);
				if (strcmp(x->notices[k][m].ref_number, ni->ref_number) == 0)
					return xc_bad(e, nwhere, "ref_number", "“%s”出现了两次", ni->ref_number);
			}
	}
	return 0;
}

static int read_apps(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const char *const app_extra[] = { "events", "notices", NULL };
	const struct jv *arr;
	int rc;

	if ((arr = xc_member(root, "applications", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->napps = jv_len(arr);
	x->apps = arena_alloc(a, (x->napps + 1) * sizeof *x->apps);
	x->events = arena_alloc(a, (x->napps + 1) * sizeof *x->events);
	x->nevents = arena_alloc(a, (x->napps + 1) * sizeof *x->nevents);
	x->notices = arena_alloc(a, (x->napps + 1) * sizeof *x->notices);
	x->nnotices = arena_alloc(a, (x->napps + 1) * sizeof *x->nnotices);
	for (size_t i = 0; i < x->napps; i++) {
		const struct jv *obj = jv_at(arr, i), *evs;
		char where[40];

		snprintf(where, sizeof where, "applications[%zu]", i);
		if ((rc = xc_read_fields(obj, where, &app_rec_desc, app_extra, &x->apps[i], e)) != 0)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (strcmp(x->apps[j].tracking_code, x->apps[i].tracking_code) == 0)
				return xc_bad(e, where, "tracking_code", "“%s”出现了两次", x->apps[i].tracking_code);
		evs = jv_get(obj, "events");
		if (evs && jv_type(evs) != JV_ARRAY && jv_type(evs) != JV_NULL)
			return xc_bad(e, where, "events", "应为数组%s", "");
		x->nevents[i] = jv_len(evs);
		x->events[i] = arena_alloc(a, (x->nevents[i] + 1) * sizeof **x->events);
		for (size_t j = 0; j < x->nevents[i]; j++) {
			struct app_event_rec *ev = &x->events[i][j];
			char ewhere[64];

			snprintf(ewhere, sizeof ewhere, "applications[%zu].events[%zu]", i, j);
			if ((rc = xc_read_fields(jv_at(evs, j), ewhere, &app_event_rec_desc, NULL, ev, e)) != 0)
				return rc;
			if (strcmp(ev->date, x->apps[i].received) < 0)
				return xc_bad(e, ewhere, "date", "早于申请的收到日期（%s）",
					   x->apps[i].received);
		}
		if ((rc = check_lifecycle(x, i, e)) != 0 || (rc = read_notices(obj, where, a, x, i, e)) != 0)
			return rc;
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

/* Coded values of an application and its events, then its history replayed through the
 * lifecycle rules (domain/application.h): the events must be a legal sequence and lead to
 * the state, outcome and closing date the file states. */
static int check_lifecycle(const struct ximport *x, size_t i, struct gk_error *e)
{
	const struct app_rec *ap = &x->apps[i];
	struct app_status st;
	struct organ_rules rules;
	char where[40];
	char ids[400];

	snprintf(where, sizeof where, "applications[%zu]", i);
	if (app_channel_find(ap->channel) < 0)
		return xc_bad(e, where, "channel", "应为以下之一：%s", app_code_ids(CODES_CHANNELS, ids, sizeof ids));
	if (app_applicant_find(ap->applicant_type) < 0)
		return xc_bad(e, where, "applicant_type", "应为以下之一：%s",
			   app_code_ids(CODES_APPLICANTS, ids, sizeof ids));
	if (ap->outcome && app_outcome_find(ap->outcome) < 0)
		return xc_bad(e, where, "outcome", "“%s”不是表三的处理结果", ap->outcome);
	if (app_phase_from_id(ap->state) < 0)
		return xc_bad(e, where, "state", "没有“%s”这个状态", ap->state);
	if (app_status_of(ap, &st, e) != 0)
		return xc_bad(e, where, "received", "不是日期%s", "");
	/* the events are replayed under the settings the file gives the organ */
	if (x->profile)
		organ_rules_read(x->profile, &rules);
	else
		organ_rules_default(&rules);
	app_status_settings(&st, &rules);
	for (size_t j = 0; j < x->nevents[i]; j++) {
		const struct app_event_rec *ev = &x->events[i][j];
		struct app_event_in in;
		struct gk_error why = { 0 };
		char ewhere[80];

		snprintf(ewhere, sizeof ewhere, "%.40s.events[%zu]", where, j);
		if (app_event_from_id(ev->kind) < 0)
			return xc_bad(e, ewhere, "kind", "没有“%s”这种事件", ev->kind);
		if (ev->outcome && app_outcome_find(ev->outcome) < 0)
			return xc_bad(e, ewhere, "outcome", "“%s”不是表三的处理结果", ev->outcome);
		if (ev->party && app_party_from_id(ev->party) < 0)
			return xc_bad(e, ewhere, "party", "应为 third-party 或 organ，不是“%s”", ev->party);
		if (ev->method && app_fee_method_from_id(ev->method) < 0)
			return xc_bad(e, ewhere, "method", "应为 by-count 或 by-pages，不是“%s”", ev->method);
		if (app_event_of(ev, &in, &why) != 0)
			return xc_bad(e, ewhere, why.field, "%s", why.msg);
		if (app_apply(&st, &in, NULL, date_make(2199, 12, 31), &why) != 0)
			return xc_bad(e, ewhere, "kind", "事件顺序不成立：%s", why.msg);
	}
	if (strcmp(app_phases[st.phase].id, ap->state) != 0)
		return xc_bad(e, where, "state", "与事件推出的“%s”不符", app_phases[st.phase].id);
	if ((st.outcome >= 0) != (ap->outcome != NULL) ||
	    (ap->outcome && strcmp(app_outcome_id(st.outcome), ap->outcome) != 0))
		return xc_bad(e, where, "outcome", "与事件推出的“%s”不符",
			   st.outcome >= 0 ? app_outcome_id(st.outcome) : "none");
	{
		char day[DATE_LEN];
		const char *closed = st.closed != CLOCK_NONE ? date_format(st.closed, day) : NULL;
		const char *received = date_format(st.received, (char[DATE_LEN]){ 0 });
		if ((closed == NULL) != (ap->closed == NULL) || (closed && strcmp(closed, ap->closed) != 0))
			return xc_bad(e, where, "closed", "与事件推出的“%s”不符", closed ? closed : "open");
		if (strcmp(received, ap->received) != 0)
			return xc_bad(e, where, "received", "与事件推出的“%s”不符", received);
	}
	return 0;
}

/* ---- import: storing ---- */

/* An audit entry "import" whose content is {"KEY": value} (value a string, or ival when NULL). */
int xc_audit_import(struct store *s, int64_t agency_id, const char *entity, int64_t entity_id, const char *key,
			const char *value, int64_t ival, struct gk_error *e)
{
	struct audit_json j;

	audit_json_begin(&j);
	if (value)
		jsonw_kstr(&j.w, key, value);
	else
		jsonw_kint(&j.w, key, ival);
	return audit_json_record(s, &j, agency_id, entity, entity_id, "import", e);
}

static int store_catalogue(struct store *s, int64_t agency_id, struct ximport *x, struct exchange_counts *c,
			   struct gk_error *e)
{
	int rc;

	if (x->profile) {
		x->profile->agency_id = agency_id;
		if ((rc = agency_store(s)->profile_put(s, x->profile, e)) != 0)
			return rc;
	}
	for (size_t i = 0; i < x->ndocs; i++) {
		struct doc d = x->docs[i];

		d.agency_id = agency_id;
		if ((rc = doc_store(s)->insert(s, &d, &x->doc_ids[i], e)) != 0)
			return rc;
		for (size_t j = 0; j < x->natts[i]; j++) {
			struct doc_attachment att = x->atts[i][j];
			struct arena ta;
			int64_t att_id;
			att.doc_id = x->doc_ids[i];
			arena_init(&ta);  /* its text is read again, as when it was first added */
			catalogue_attachment_text(&att, &ta);
			rc = doc_store(s)->attach(s, &att, &att_id, e);
			arena_free(&ta);
			if (rc != 0)
				return rc;
		}
		for (size_t j = 0; j < x->ndevs[i]; j++) {
			struct doc_event ev = x->devs[i][j];
			ev.doc_id = x->doc_ids[i];
			if ((rc = doc_store(s)->event_add(s, &ev, e)) != 0)
				return rc;
		}
		if ((rc = xc_audit_import(s, agency_id, "document", x->doc_ids[i], "index_no", d.index_no, 0, e)) != 0)
			return rc;
		c->documents++;
	}
	for (size_t i = 0; i < x->nserials; i++)
		if ((rc = doc_store(s)->serial_put(s, agency_id, x->serials[i].year, x->serials[i].last, e)) != 0)
			return rc;
	return 0;
}

/* The organ's notice serial of ni's year raised to ni's serial, so that the next notice issued
 * after an import gets a number not in the file. */
static int notice_serial_raise(struct store *s, int64_t agency_id, const struct notice_issued *ni,
			       struct gk_error *e)
{
	int64_t next;
	int rc;

	/* the serial only grows: take one (one more than any so far) and set the larger */
	if ((rc = app_store(s)->notice_next_serial(s, agency_id, (int)ni->year, &next, e)) != 0)
		return rc;
	return app_store(s)->notice_serial_put(s, agency_id, (int)ni->year,
					       next - 1 > ni->serial ? next - 1 : ni->serial, e);
}

static int store_apps(struct store *s, int64_t agency_id, const struct ximport *x, struct arena *a,
		      struct exchange_counts *c, struct gk_error *e)
{
	int rc;

	for (size_t i = 0; i < x->napps; i++) {
		struct app_rec ap = x->apps[i];
		int64_t id, evid;

		ap.agency_id = agency_id;
		if ((rc = app_store(s)->insert(s, &ap, &id, e)) != 0)
			return rc;
		for (size_t j = 0; j < x->nevents[i]; j++) {
			struct app_event_rec ev = x->events[i][j];
			ev.app_id = id;
			if ((rc = app_store(s)->event_insert(s, &ev, &evid, e)) != 0)
				return rc;
		}
		for (size_t j = 0; j < x->nnotices[i]; j++) {
			struct notice_issued ni = x->notices[i][j];
			int64_t nid;

			ni.app_id = id;
			ni.agency_id = agency_id;
			if ((rc = app_store(s)->notice_insert(s, &ni, &nid, e)) != 0 ||
			    (rc = notice_serial_raise(s, agency_id, &ni, e)) != 0)
				return rc;
		}
		c->applications++;
		c->events += x->nevents[i];
		if ((rc = xc_audit_import(s, agency_id, "application", id, "tracking_code", ap.tracking_code, 0, e)) != 0)
			return rc;
	}
	(void)a;
	return 0;
}

/* Restate the error a store step gave as one of the file's: the section (where) and field,
 * keeping its code and message. Returns the code. */
int xc_refile(struct gk_error *e, const char *where, const char *field)
{
	struct gk_error why = *e;

	xc_bad(e, where, field, "%s", why.msg);
	e->code = why.code;
	return why.code;
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
	    (rc = read_documents(root, &a, &x, e)) != 0 || (rc = read_apps(root, &a, &x, e)) != 0 ||
	    (rc = read_serials_and_texts(root, &a, &x, e)) != 0 || (rc = read_registers(root, &a, &x, e)) != 0 ||
	    (rc = exchange_read_reports(root, &a, &x.pubs, &x.npubs, e)) != 0)
		goto out;
	/* 2. Store it all (the caller's transaction makes it all or nothing). */
	if ((rc = store_organ(s, &x, &a, c, &id, e)) != 0 ||
	    (rc = store_apps(s, id, &x, &a, c, e)) != 0 ||
	    (rc = store_catalogue(s, id, &x, c, e)) != 0 ||
	    (rc = store_registers(s, id, &x, &a, c, e)) != 0 ||
	    (rc = exchange_store_reports(s, id, x.pubs, x.npubs, e)) != 0)
		goto out;
	c->report_publications = x.npubs;
out:
	jsonr_free(root);
	arena_free(&a);
	return rc;
}

/*
 * exchange_fields.c — the helpers the parts of the ledger export share (see exchange_int.h): writing and reading a
 * declared record's fields, the import's errors named by their place in the file, its audit
 * entries.
 * May call store/, text/, base/, domain/.
 */
#include "domain/exchange_int.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "domain/audit.h"
#include "base/crypto.h"
#include "text/base64.h"
#include "text/jsonr.h"
#include "text/jsonw.h"
#include "text/utf8.h"

void *xc_collect_push(struct collect *c)
{
	c->items = arena_grow(c->a, c->items, c->n, &c->cap, c->size, 32);
	return (char *)c->items + c->n++ * c->size;
}

const char *xc_dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
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
int xc_one_of(const char *s, const char *const *ids)
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

/* Restate the error a store step gave as one of the file's: the section (where) and field,
 * keeping its code and message. Returns the code. */
int xc_refile(struct gk_error *e, const char *where, const char *field)
{
	struct gk_error why = *e;

	xc_bad(e, where, field, "%s", why.msg);
	e->code = why.code;
	return why.code;
}

int xc_only_keys(const struct jv *obj, const char *where, const char *const *keys, struct gk_error *e)
{
	void *it = NULL;
	struct jv *val;
	const char *key;

	if (jv_type(obj) != JV_OBJECT)
		return xc_bad(e, where, NULL, "应为 JSON 对象%s", "");
	while ((key = jv_next(obj, &it, &val)) != NULL)
		if (!xc_one_of(key, keys))
			return xc_bad(e, where, key, "没有这个字段%s", "");
	return 0;
}

int xc_write_base64(struct jsonw *w, const char *key, const void *data, size_t len,
		    struct gk_error *e)
{
	struct buf b64;
	int rc;

	buf_init(&b64, 0);
	if ((rc = base64_encode(data, len, &b64)) != 0) {
		buf_free(&b64);
		return err_set(e, rc, "export", "文件太大，不能导出：%zu 字节", len);
	}
	jsonw_kstr(w, key, buf_cstr(&b64));
	buf_free(&b64);
	return 0;
}

int xc_read_base64(const struct jv *obj, const char *where, int64_t size, const char *sha256,
		   struct arena *a, char **data, size_t *len, struct gk_error *e)
{
	const char *text = jv_str(jv_get(obj, "data"));
	char hex[CRYPTO_SHA256_HEX];
	struct buf bytes;

	if (text == NULL)
		return xc_bad(e, where, "data", "必须填写（base64）%s", "");
	buf_init(&bytes, (size_t)1 << 30);
	if (base64_decode(text, strlen(text), &bytes) != 0) {
		buf_free(&bytes);
		return xc_bad(e, where, "data", "不是 base64 编码%s", "");
	}
	crypto_sha256_hex(bytes.ptr ? bytes.ptr : "", bytes.len, hex);
	if ((int64_t)bytes.len != size || sha256 == NULL || strcmp(hex, sha256) != 0) {
		buf_free(&bytes);
		return xc_bad(e, where, "data", "与其大小和 sha256 不符%s", "");
	}
	*len = bytes.len;
	*data = arena_alloc(a, bytes.len + 1);   /* binary: may hold NUL bytes */
	if (bytes.len)
		memcpy(*data, bytes.ptr, bytes.len);
	buf_free(&bytes);
	return 0;
}

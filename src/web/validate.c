/*
 * validate.c — a route's input (web/routes.c), checked before its handler runs: each field's
 * type, presence, length (its own, or four times what its declaration allows) and UTF-8 without
 * control characters; file parts and their names; a form of a domain table's fields ("*").
 * What is wrong is recorded per field, in Chinese, for the handler to show beside the field;
 * the domain's own checks follow in the handler.
 * May call: text/, base/, web/.
 */
#include "web/webint.h"

#include <string.h>

#include "text/date.h"
#include "text/utf8.h"

static int valid_line(const char *s, size_t len, int multiline)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 && !(multiline && (ch == '\n' || ch == '\r' || ch == '\t')))
			return 0;
		if (ch == 0x7f)
			return 0;
	}
	return 1;
}

/* A file name as stored with an attachment and shown on pages: like every other text field,
 * valid UTF-8 without control characters, and at most WEB_FILENAME_MAX bytes. */
static int valid_filename(const char *name)
{
	size_t len = strlen(name);

	return len > 0 && len <= WEB_FILENAME_MAX && utf8_valid(name, len) && valid_line(name, len, 0);
}

/* 1 if every query argument (name and value) is valid UTF-8 without a NUL byte: the HTTP
 * adapter turns an encoded NUL (%00) into a byte that is never valid UTF-8 (http.h). */
int webint_valid_query(const struct form *q)
{
	for (size_t i = 0; i < q->n; i++)
		if (!utf8_valid(q->f[i].name, strlen(q->f[i].name)) ||
		    !utf8_valid(q->f[i].value, q->f[i].len) || strlen(q->f[i].value) != q->f[i].len)
			return 0;
	return 1;
}

/* 1 if name is one of the route's declared fields (or the CSRF token). */
static int declared(const struct web_field *f, const char *name)
{
	if (strcmp(name, CSRF_FIELD) == 0)
		return 1;
	for (int i = 0; f && f[i].name; i++)
		if (strcmp(f[i].name, name) == 0)
			return 1;
	return 0;
}

/* The route's "*" field: every other text field of the request, multi-line text of at most
 * spec->max bytes, kept in c->extra for the handler (who says which names mean something). */
static void validate_extra(struct web_ctx *c, const struct form *src, const struct web_field *spec,
			   struct tpl_val *form)
{
	for (size_t i = 0; i < src->n; i++) {
		const struct form_field *ff = &src->f[i];
		struct gk_error e;

		if (ff->filename || declared(c->route->fields, ff->name) || form_get(&c->extra, ff->name))
			continue;
		if (!utf8_valid(ff->value, ff->len) || strlen(ff->value) != ff->len) {
			web_field_error_as(c, ff->name, NULL, "含有无效字符（须为 UTF-8 文字）");
			continue;
		}
		if (ff->len > spec->max) {
			web_field_error_as(c, ff->name, NULL, "过长：最多 %zu 字节，现为 %zu 字节", spec->max, ff->len);
			c->too_long = 1;
			continue;
		}
		if (!valid_line(ff->value, ff->len, 1)) {
			web_field_error_as(c, ff->name, NULL, "含有不允许的控制字符");
			continue;
		}
		if (form_add(c->a, &c->extra, ff->name, strlen(ff->name), ff->value, ff->len, &e) != 0) {
			web_field_error_as(c, ff->name, NULL, "%s", e.msg);
			continue;
		}
		tpl_put_str(form, ff->name, ff->value);
	}
}

const char *web_field_label(const struct web_field *f)
{
	const struct desc_field *d = f->label || !f->decl ? NULL : desc_find(f->decl, f->name);

	return d ? d->label : f->label;
}

size_t web_field_max(const struct web_field *f)
{
	const struct desc_field *d = f->max || !f->decl ? NULL : desc_find(f->decl, f->name);

	return d ? WEB_BOUND(d->max) : f->max;
}

void web_put_decl(struct web_ctx *c, const struct desc_record *r)
{
	struct tpl_val *d = tpl_put_obj(c->page, "decl");

	for (size_t i = 0; i < r->nfields; i++) {
		struct tpl_val *f = tpl_put_obj(d, r->fields[i].id);

		tpl_put_str(f, "label", r->fields[i].label);
		if (r->fields[i].max)
			tpl_put_int(f, "max", (long long)r->fields[i].max);
	}
}

/* Validate the route's fields from query (GET) or body (POST); record field errors. */
void webint_validate(struct web_ctx *c)
{
	const struct web_field *f = c->route->fields;
	const struct form *src = strcmp(c->route->method, "POST") == 0 ? &c->req->body
								      : &c->req->query;
	struct tpl_val *form = tpl_put_obj(c->page, "form");
	int n = 0;

	while (f && f[n].name)
		n++;
	c->in = arena_alloc(c->a, (size_t)(n ? n : 1) * sizeof *c->in);
	for (int i = 0; i < n; i++) {
		const struct form_field *ff = form_get(src, f[i].name);
		struct web_value *v = &c->in[i];
		const char *label = web_field_label(&f[i]) ? web_field_label(&f[i]) : f[i].name;
		size_t max = web_field_max(&f[i]);

		if (strcmp(f[i].name, "*") == 0) {
			validate_extra(c, src, &f[i], form);
			continue;
		}
		if (f[i].type == F_FILE) {
			if (ff && ff->filename && ff->len > 0 && !valid_filename(ff->filename)) {
				web_field_error(c, f[i].name, "%s的文件名无效：须为 1–%d 字节的 UTF-8 文字，"
						"不含控制字符", label, WEB_FILENAME_MAX);
			} else if (ff && ff->filename && ff->len > 0) {
				v->present = 1;
				v->file = ff;
				v->s = ff->filename;
				v->len = ff->len;
			} else if (f[i].required) {
				web_field_error(c, f[i].name, "请选择要上传的%s", label);
			}
			continue;
		}
		if (ff && ff->filename) {
			web_field_error(c, f[i].name, "%s应为文字，不是文件", label);
			continue;
		}
		if (ff == NULL || ff->len == 0) {
			if (f[i].required)
				web_field_error(c, f[i].name, "请填写%s", label);
			continue;
		}
		if (!utf8_valid(ff->value, ff->len) || strlen(ff->value) != ff->len) {
			web_field_error(c, f[i].name, "%s含有无效字符（须为 UTF-8 文字）", label);
			continue;
		}
		tpl_put_str(form, f[i].name, ff->value);
		if (f[i].type == F_LINE || f[i].type == F_TEXT) {
			if (ff->len > max) {
				web_field_error(c, f[i].name, "%s过长：最多 %zu 字节（约 %zu 个汉字），现为 %zu 字节",
						label, max, max / 3, ff->len);
				c->too_long = 1;
				continue;
			}
			if (!valid_line(ff->value, ff->len, f[i].type == F_TEXT)) {
				web_field_error(c, f[i].name, "%s含有不允许的控制字符", label);
				continue;
			}
		} else if (f[i].type == F_INT) {
			unsigned long long x = 0;
			size_t k;

			for (k = 0; k < ff->len && ff->value[k] >= '0' && ff->value[k] <= '9' && k < 18; k++)
				x = x * 10 + (unsigned)(ff->value[k] - '0');
			if (k != ff->len || (max && x > max)) {
				web_field_error(c, f[i].name, "%s应为不大于 %zu 的整数", label, max);
				continue;
			}
			v->i = (long long)x;
		} else if (f[i].type == F_DATE) {
			struct gk_error e;

			if (date_parse(ff->value, &v->day, f[i].name, &e) != 0) {
				web_field_error(c, f[i].name, "%s应为有效日期（年-月-日，如 2024-09-27）", label);
				continue;
			}
		}
		v->present = 1;
		v->s = ff->value;
		v->len = ff->len;
	}
}

/*
 * desc.c — the rules a record descriptor declares, checked once (see desc.h).
 */
#include "text/desc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "text/date.h"
#include "text/utf8.h"

const struct desc_field *desc_find(const struct desc_record *r, const char *id)
{
	for (size_t i = 0; id && i < r->nfields; i++)
		if (strcmp(r->fields[i].id, id) == 0)
			return &r->fields[i];
	return NULL;
}

const char *desc_str(const struct desc_field *f, const void *rec)
{
	return *(const char *const *)((const char *)rec + f->offset);
}

const char **desc_str_ref(const struct desc_field *f, void *rec)
{
	return (const char **)((char *)rec + f->offset);
}

int64_t *desc_int_ref(const struct desc_field *f, void *rec)
{
	return (int64_t *)((char *)rec + f->offset);
}

/* A real day written YYYY-MM-DD, and a real UTC time YYYY-MM-DDTHH:MM:SSZ (text/date.h's
 * readings of them). */
static int real_day(const char *v)
{
	int day;

	return date_parse(v, &day, "", NULL) == 0;
}

static int real_stamp(const char *v)
{
	int64_t secs;

	return date_timestamp_parse(v, &secs, "", NULL) == 0;
}

int desc_verror(struct gk_error *e, int code, const struct desc_field *f, const char *fmt,
		va_list ap)
{
	if (e == NULL)
		return code;
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", f->id);
	snprintf(e->label, sizeof e->label, "%s", f->label);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return code;
}

int desc_error(struct gk_error *e, int code, const struct desc_field *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = desc_verror(e, code, f, fmt, ap);
	va_end(ap);
	return code;
}

/* "a、b、c" of the ids. */
static const char *id_list(const char *const *ids, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; ids[i] && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? "、" : "", ids[i]);
	return buf;
}

static int missing(const struct desc_field *f, struct gk_error *e)
{
	return f->law ? desc_error(e, ERR_INVALID, f, "必须填写（%s）", f->law)
		      : desc_error(e, ERR_INVALID, f, "必须填写");
}

int desc_check_value(const struct desc_field *f, const char *v, struct gk_error *e)
{
	size_t len = v ? strlen(v) : 0;
	char ids[256];

	if (len == 0) {
		return f->flags & DESC_REQUIRED ? missing(f, e) : 0;
	}
	if (!utf8_valid(v, len))
		return desc_error(e, ERR_INVALID, f, "不是有效的 UTF-8 文字");
	if (f->max && len > f->max)
		return desc_error(e, ERR_INVALID, f, "最多 %zu 字节（约 %zu 个汉字），现有 %zu 字节", f->max,
				  f->max / 3, len);
	if (f->type == DESC_LINE && strpbrk(v, "\r\n"))
		return desc_error(e, ERR_INVALID, f, "只能写一行");
	if (utf8_control(v, len, f->type == DESC_TEXT ? "\t\n\r" : ""))
		return desc_error(e, ERR_INVALID, f, "含有控制字符");
	if (f->type == DESC_DAY && !real_day(v))
		return desc_error(e, ERR_INVALID, f, "不是日期 YYYY-MM-DD：“%.40s”", v);
	if (f->type == DESC_STAMP && !real_stamp(v))
		return desc_error(e, ERR_INVALID, f, "不是 UTC 时间 YYYY-MM-DDTHH:MM:SSZ：“%.40s”", v);
	if (f->type == DESC_ENUM && f->enum_ids) {
		for (size_t i = 0; f->enum_ids && f->enum_ids[i]; i++)
			if (strcmp(f->enum_ids[i], v) == 0)
				return 0;
		return desc_error(e, ERR_INVALID, f, "没有“%s”这一项（可选：%s）", v,
				  id_list(f->enum_ids, ids, sizeof ids));
	}
	return 0;
}

int desc_int_fits(const struct desc_field *f, int64_t v)
{
	return v >= 0 && (f->max == 0 || (uint64_t)v <= f->max);
}

/* desc_check, and desc_check_given when !required. */
static int check_fields(const struct desc_record *r, const void *rec, int required,
			struct gk_error *e)
{
	int rc;

	for (size_t i = 0; i < r->nfields; i++) {
		const struct desc_field *f = &r->fields[i];
		const int needed = required && (f->flags & DESC_REQUIRED);
		if (f->type == DESC_DATE) {
			if (needed && *(const int *)((const char *)rec + f->offset) == 0)
				return missing(f, e);
			continue;
		}
		if (f->type == DESC_INT) {
			int64_t v = *(const int64_t *)((const char *)rec + f->offset);
			if (v < 0 && needed)
				return missing(f, e);
			if (v >= 0 && !desc_int_fits(f, v))
				return desc_error(e, ERR_INVALID, f, "最大为 %zu，现为 %lld", f->max,
						  (long long)v);
			continue;
		}
		if (!needed && (desc_str(f, rec) == NULL || !desc_str(f, rec)[0]))
			continue;
		if ((rc = desc_check_value(f, desc_str(f, rec), e)) != 0)
			return rc;
	}
	return 0;
}

int desc_check(const struct desc_record *r, const void *rec, struct gk_error *e)
{
	return check_fields(r, rec, 1, e);
}

int desc_check_given(const struct desc_record *r, const void *rec, struct gk_error *e)
{
	return check_fields(r, rec, 0, e);
}

const char *desc_option(const char *id, char *buf, size_t len)
{
	size_t n = 0;
	const char *p;

	if (id[0] < 'a' || id[0] > 'z' || len < 4)
		return id;
	for (p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return id;
	buf[n++] = '-';
	buf[n++] = '-';
	for (p = id; *p && n + 1 < len; p++)
		buf[n++] = *p == '_' ? '-' : *p;
	buf[n] = '\0';
	return buf;
}

void desc_dup(const struct desc_record *r, void *rec, struct arena *a)
{
	for (size_t i = 0; i < r->nfields; i++) {
		const struct desc_field *f = &r->fields[i];

		if (f->type != DESC_INT && f->type != DESC_DATE && desc_str(f, rec))
			*desc_str_ref(f, rec) = arena_strdup(a, desc_str(f, rec));
	}
}

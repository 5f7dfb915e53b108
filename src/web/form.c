/*
 * form.c — query string, urlencoded and multipart/form-data parsing (see form.h).
 *
 * Multipart follows RFC 7578 / RFC 2046 §5.1: a boundary from the Content-Type header, parts
 * separated by CRLF "--" boundary, each with header lines (Content-Disposition naming the
 * field and perhaps a filename, optionally Content-Type), the body closed by "--" boundary "--".
 * Anything else is refused with a message saying what is wrong.
 * May call: base/.
 */
#include "web/form.h"

#include <string.h>
#include <strings.h>

int form_add(struct arena *a, struct form *form, const char *name, size_t name_len,
	     const char *value, size_t value_len, struct gk_error *e)
{
	struct form_field *f;

	if (form->n >= FORM_MAX_FIELDS)
		return err_set(e, ERR_LIMIT, "", "表单字段过多（最多 %d 个）", FORM_MAX_FIELDS);
	f = ARENA_PUSH(a, form->f, form->n, form->cap, 16);
	f->name = arena_strndup(a, name, name_len);
	{
		char *v = arena_alloc(a, value_len + 1);
		memcpy(v, value, value_len);
		v[value_len] = '\0';
		f->value = v;
	}
	f->len = value_len;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int form_url_decode(struct arena *a, const char *s, size_t len, char **out, size_t *out_len,
		    struct gk_error *e)
{
	char *d = arena_alloc(a, len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			d[n++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return err_set(e, ERR_INVALID, "", "网址编码不完整（%% 后缺少两位十六进制数）");
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return err_set(e, ERR_INVALID, "", "网址编码错误（%% 后应为两位十六进制数）");
			d[n++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			d[n++] = s[i];
		}
	}
	d[n] = '\0';
	*out = d;
	*out_len = n;
	return 0;
}

int form_parse_urlencoded(struct arena *a, struct form *form, const char *data, size_t len,
			  struct gk_error *e)
{
	const char *p = data, *end = data + len;
	int rc = 0;

	while (p < end && rc == 0) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *pair_end = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(pair_end - p));
		char *name, *value;
		size_t nlen, vlen;

		if (pair_end == p) {
			p = pair_end + 1;
			continue;
		}
		rc = form_url_decode(a, p, (size_t)((eq ? eq : pair_end) - p), &name, &nlen, e);
		if (rc == 0 && eq)
			rc = form_url_decode(a, eq + 1, (size_t)(pair_end - eq - 1), &value, &vlen, e);
		else if (rc == 0) {
			value = "";
			vlen = 0;
		}
		if (rc == 0 && memchr(name, '\0', nlen))
			rc = err_set(e, ERR_INVALID, "", "字段名含有空字符");
		if (rc == 0)
			rc = form_add(a, form, name, nlen, value, vlen, e);
		p = pair_end + 1;
	}
	return rc;
}

/* Find the value of parameter key (e.g. boundary, name) in a header value such as
 * `form-data; name="x"; filename="a.txt"`. Quoted values may contain ';'. Returns an arena
 * string or NULL. */
static char *header_param(struct arena *a, const char *h, size_t len, const char *key)
{
	const char *p = h, *end = h + len;
	size_t klen = strlen(key);

	while (p < end) {
		const char *semi;

		while (p < end && (*p == ' ' || *p == '\t' || *p == ';'))
			p++;
		if ((size_t)(end - p) > klen && strncasecmp(p, key, klen) == 0 && p[klen] == '=') {
			const char *v = p + klen + 1;

			if (v < end && *v == '"') {
				const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
				if (q == NULL)
					return NULL;
				return arena_strndup(a, v + 1, (size_t)(q - v - 1));
			}
			semi = memchr(v, ';', (size_t)(end - v));
			if (semi == NULL)
				semi = end;
			while (semi > v && (semi[-1] == ' ' || semi[-1] == '\t'))
				semi--;
			return arena_strndup(a, v, (size_t)(semi - v));
		}
		/* skip this parameter, honouring quotes */
		while (p < end && *p != ';') {
			if (*p == '"') {
				const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));
				p = q ? q + 1 : end;
			} else {
				p++;
			}
		}
	}
	return NULL;
}

static const char *find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	return memmem(hay, hlen, needle, nlen);
}

int form_parse_multipart(struct arena *a, struct form *form, const char *content_type,
			 const char *data, size_t len, size_t max_file, struct gk_error *e)
{
	const char *end = data + len, *p;
	char *boundary, *delim;
	size_t dlen;
	int rc = 0;

	boundary = content_type ? header_param(a, content_type, strlen(content_type), "boundary")
				: NULL;
	if (boundary == NULL || boundary[0] == '\0' || strlen(boundary) > 70)
		return err_set(e, ERR_INVALID, "", "multipart 表单缺少有效的 boundary 参数");
	delim = arena_printf(a, "\r\n--%s", boundary);
	dlen = strlen(delim);
	/* The first delimiter may be at the very start (without the CRLF). */
	if (len >= dlen - 2 && memcmp(data, delim + 2, dlen - 2) == 0) {
		p = data + dlen - 2;
	} else {
		const char *first = find_bytes(data, len, delim, dlen);
		if (first == NULL)
			return err_set(e, ERR_INVALID, "", "multipart 表单格式错误：找不到分隔符");
		p = first + dlen;
	}
	for (;;) {
		const char *hdr_end, *body, *next, *line;
		char *name = NULL, *filename = NULL, *ctype = NULL;
		int has_disp = 0;

		if ((size_t)(end - p) >= 2 && p[0] == '-' && p[1] == '-')
			break;  /* closing delimiter */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;  /* transport padding */
		if ((size_t)(end - p) < 2 || p[0] != '\r' || p[1] != '\n')
			return err_set(e, ERR_INVALID, "", "multipart 表单格式错误：分隔符后缺少换行");
		p += 2;
		hdr_end = find_bytes(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (hdr_end == NULL && (size_t)(end - p) >= 2 && p[0] == '\r' && p[1] == '\n')
			hdr_end = p - 2;  /* a part with no headers at all */
		if (hdr_end == NULL)
			return err_set(e, ERR_INVALID, "", "multipart 表单格式错误：分段头部不完整");
		for (line = p; line < hdr_end;) {
			const char *eol = find_bytes(line, (size_t)(hdr_end - line), "\r\n", 2);
			const char *colon;
			size_t llen;

			if (eol == NULL)
				eol = hdr_end;
			llen = (size_t)(eol - line);
			colon = memchr(line, ':', llen);
			if (colon == NULL)
				return err_set(e, ERR_INVALID, "", "multipart 表单格式错误：分段头部缺少冒号");
			if ((size_t)(colon - line) == 19 && strncasecmp(line, "Content-Disposition", 19) == 0) {
				const char *v = colon + 1;
				size_t vlen = (size_t)(eol - v);

				while (vlen && (*v == ' ' || *v == '\t')) {
					v++;
					vlen--;
				}
				if (vlen < 9 || strncasecmp(v, "form-data", 9) != 0)
					return err_set(e, ERR_INVALID, "", "multipart 分段不是 form-data");
				has_disp = 1;
				name = header_param(a, v, vlen, "name");
				filename = header_param(a, v, vlen, "filename");
			} else if ((size_t)(colon - line) == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
				const char *v = colon + 1;
				while (v < eol && (*v == ' ' || *v == '\t'))
					v++;
				ctype = arena_strndup(a, v, (size_t)(eol - v));
			}
			line = eol + 2;
		}
		if (!has_disp || name == NULL || name[0] == '\0')
			return err_set(e, ERR_INVALID, "", "multipart 分段缺少字段名（Content-Disposition name）");
		body = hdr_end + 4;
		if (body > end)
			return err_set(e, ERR_INVALID, "", "multipart 表单格式错误：内容被截断");
		next = find_bytes(body, (size_t)(end - body), delim, dlen);
		if (next == NULL)
			return err_set(e, ERR_INVALID, "", "multipart 表单不完整：缺少结束分隔符");
		if (filename && (size_t)(next - body) > max_file)
			return err_set(e, ERR_LIMIT, name, "上传的文件超过 %zu 字节的上限", max_file);
		rc = form_add(a, form, name, strlen(name), body, (size_t)(next - body), e);
		if (rc)
			return rc;
		form->f[form->n - 1].filename = filename;
		form->f[form->n - 1].content_type = ctype;
		p = next + dlen;
	}
	return rc;
}

const struct form_field *form_get(const struct form *form, const char *name)
{
	for (size_t i = 0; i < form->n; i++)
		if (strcmp(form->f[i].name, name) == 0)
			return &form->f[i];
	return NULL;
}

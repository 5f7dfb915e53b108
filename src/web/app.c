/*
 * app.c — the dispatcher between the HTTP adapter and the handlers.
 *
 * For every request, in this order: static files; the route of web/routes.c matching method
 * and path; the session (cookie → signed-in user); the route's permission (anonymous staff
 * pages redirect to the login, a wrong role is 403); the CSRF token of every POST (403 when
 * missing or wrong); rate limits of public forms; the route's input fields (type, required,
 * maximum length, UTF-8: web/validate.c); then the handler. Errors of any step become an HTTP
 * status in one place, web_status(), and an error page in Chinese.
 * May call: domain/, render/, base/, text/, web/.
 */
#include "web/app.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "base/crypto.h"
#include "base/mem.h"
#include "base/paths.h"
#include "domain/session.h"
#include "text/date.h"
#include "text/utf8.h"
#include "web/throttle.h"
#include "web/static.h"
#include "web/web.h"
#include "web/webint.h"


int web_status(int err)
{
	switch (err) {
	case ERR_OK: return 200;
	case ERR_INVALID: return 400;
	case ERR_FORBIDDEN: return 403;
	case ERR_NOTFOUND: return 404;
	case ERR_STATE: return 409;
	case ERR_CONFLICT: return 409;
	case ERR_LIMIT: return 413;
	case WEB_ERR_METHOD: return 405;
	case WEB_ERR_RATE: return 429;
	case ERR_UNAVAILABLE: return 503;
	default: return 500;
	}
}

static const char *status_title(int status)
{
	switch (status) {
	case 400: return "请求有误";
	case 403: return "无权访问";
	case 404: return "页面不存在";
	case 405: return "请求方法不允许";
	case 409: return "操作无法进行";
	case 413: return "提交的内容过大";
	case 429: return "操作过于频繁";
	case 503: return "服务暂时不可用";
	default: return "服务器内部错误";
	}
}

/* ---------------------------------------------------------------- small helpers */

const struct web_value *web_in(const struct web_ctx *c, const char *name)
{
	static const struct web_value none;

	if (c->route && c->route->fields)
		for (int i = 0; c->route->fields[i].name; i++)
			if (strcmp(c->route->fields[i].name, name) == 0)
				return &c->in[i];
	return &none;
}

const char *web_str(const struct web_ctx *c, const char *name)
{
	const struct web_value *v = web_in(c, name);

	return v->s ? v->s : "";
}

const char *web_param(const struct web_ctx *c, const char *name)
{
	for (int i = 0; i < c->nparams; i++)
		if (strcmp(c->param_name[i], name) == 0)
			return c->param[i];
	return NULL;
}

int web_param_id(struct web_ctx *c, const char *name, const char *none, int64_t *out)
{
	const char *p = web_param(c, name);
	char *end;
	long long v;

	if (p == NULL || *p < '1' || *p > '9')
		return err_set(&c->err, ERR_NOTFOUND, name, "%s", none);
	v = strtoll(p, &end, 10);
	if (*end || v <= 0)
		return err_set(&c->err, ERR_NOTFOUND, name, "%s", none);
	*out = v;
	return 0;
}

static char *vfmt(struct arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *s;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	s = arena_alloc(a, (size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

const char *web_extra(const struct web_ctx *c, const char *name)
{
	const struct form_field *f = form_get(&c->extra, name);

	return f ? f->value : NULL;
}

int web_may_get(struct web_ctx *c, const char *pattern)
{
	for (const struct web_route *r = web_routes; r->pattern; r++)
		if (strcmp(r->method, "GET") == 0 && strcmp(r->pattern, pattern) == 0)
			return r->action == ACT_PUBLIC || web_may(c, r->action, 0);
	return 0;
}

static void field_error(struct web_ctx *c, const char *field, const char *label, const char *msg)
{
	struct tpl_val *item;

	if (c->errors == NULL) {
		c->errors = tpl_put_list(c->page, "errors");
		c->errmap = tpl_put_obj(c->page, "err");
	}
	item = tpl_push_obj(c->errors);
	tpl_put_str(item, "field", field);
	tpl_put_str(item, "label", label);
	tpl_put_str(item, "msg", msg);
	tpl_put_str(c->errmap, field, msg);
	c->nerrors++;
	tpl_put_bool(c->page, "has_errors", 1);
}

void web_field_error(struct web_ctx *c, const char *field, const char *fmt, ...)
{
	const char *label = field;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = vfmt(c->a, fmt, ap);
	va_end(ap);
	if (c->route && c->route->fields)
		for (int i = 0; c->route->fields[i].name; i++)
			if (strcmp(c->route->fields[i].name, field) == 0 &&
			    web_field_label(&c->route->fields[i]))
				label = web_field_label(&c->route->fields[i]);
	field_error(c, field, label, msg);
}

void web_field_error_as(struct web_ctx *c, const char *field, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = vfmt(c->a, fmt, ap);
	va_end(ap);
	field_error(c, field, label ? label : field, msg);
}

/* The form field a domain error names by its id: "display_name", "NAME" → "name",
 * "password_file" → "password" (a declared field that prefixes it); an option written
 * "--display-name" is read the same way. */
static const char *form_field_of(struct web_ctx *c, const char *domain_field)
{
	char norm[64];
	size_t n = 0;
	const char *p = domain_field;

	while (*p == '-')
		p++;
	for (; *p && n + 1 < sizeof norm; p++)
		norm[n++] = *p == '-' ? '_' : (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
	norm[n] = '\0';
	if (c->route && c->route->fields && n)
		for (int i = 0; c->route->fields[i].name; i++) {
			const char *f = c->route->fields[i].name;
			size_t fl = strlen(f);
			if (strcmp(f, norm) == 0 || (strncmp(f, norm, fl) == 0 && norm[fl] == '_'))
				return f;
		}
	return NULL;
}

int web_refused(struct web_ctx *c, int rc)
{
	const char *field = form_field_of(c, c->err.field);

	if (rc != ERR_INVALID && rc != ERR_STATE && rc != ERR_CONFLICT && rc != ERR_LIMIT &&
	    rc != ERR_FORBIDDEN)
		return 0;
	/* the domain's label of the field (text/desc.h) when it gave one, else the form's */
	if (c->err.label[0])
		web_field_error_as(c, field ? field : "form", arena_strdup(c->a, c->err.label), "%s",
				   c->err.msg[0] ? c->err.msg : err_name(rc));
	else
		web_field_error(c, field ? field : "form", "%s", c->err.msg[0] ? c->err.msg : err_name(rc));
	c->resp->status = web_status(rc);
	c->err = (struct gk_error){ 0 };
	return 1;
}

void web_notice(struct web_ctx *c, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = vfmt(c->a, fmt, ap);
	va_end(ap);
	if (c->notices == NULL)
		c->notices = tpl_put_list(c->page, "notices");
	tpl_push_str(c->notices, msg);
}

int web_send_file(struct web_ctx *c, const void *data, size_t len, const char *type,
		  const char *filename, const char *fallback_stem, const char *sha256,
		  const char *cache)
{
	const char *etag = arena_printf(c->a, "\"%s\"", sha256);
	const char *inm = http_header(c->req, "If-None-Match");

	c->resp->content_type = type;
	http_resp_header(c->resp, "Content-Disposition",
			 http_content_disposition(c->a, filename, fallback_stem));
	http_resp_header(c->resp, "ETag", etag);
	http_resp_header(c->resp, "Cache-Control", cache);
	if (inm && strcmp(inm, etag) == 0) {
		c->resp->status = 304;
		return 0;
	}
	if (buf_append(&c->resp->body, data, len) != 0)
		return err_set(&c->err, ERR_LIMIT, "", "文件过大");
	return 0;
}

void web_set_cookie(struct web_ctx *c, const char *name, const char *value, long max_age)
{
	const char *proto = http_header(c->req, "X-Forwarded-Proto");
	const char *secure = proto && strcasecmp(proto, "https") == 0 ? "; Secure" : "";

	if (max_age < 0)
		http_resp_header(c->resp, "Set-Cookie",
				 arena_printf(c->a, "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
					      name, secure));
	else
		http_resp_header(c->resp, "Set-Cookie",
				 arena_printf(c->a, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s",
					      name, value, max_age, secure));
}

int web_redirect(struct web_ctx *c, const char *location)
{
	c->resp->status = 303;
	http_resp_header(c->resp, "Location", arena_strdup(c->a, location));
	http_resp_header(c->resp, "Cache-Control", "no-store");
	return 0;
}

/* Render name with the page values into the base layout. */
void web_page_organ(struct web_ctx *c, const char *organ)
{
	const char *site = webint_site_name(c);

	if (organ && *organ && !(site && strcmp(site, organ) == 0) && !c->organ_set) {
		tpl_put_str(c->page, "organ", organ);
		c->organ_set = 1;
	}
}

int web_render(struct web_ctx *c, const char *name, const char *title)
{
	struct buf body;
	int rc;

	buf_init(&body, 8u << 20);
	tpl_put_str(c->page, "title", title);
	if (c->route && c->route->action != ACT_PUBLIC) {
		tpl_put_bool(c->page, "console", 1);
		if (c->user && c->user->organ)
			web_page_organ(c, c->user->organ);
	}
	rc = tpl_render(c->w->tpl, name, c->page, &body, &c->err);
	if (rc == 0) {
		tpl_put_str(c->page, "body", arena_strndup(c->a, buf_cstr(&body), body.len));
		rc = tpl_render(c->w->tpl, "layout", c->page, &c->resp->body, &c->err);
	}
	buf_free(&body);
	if (rc == 0) {
		c->resp->content_type = "text/html; charset=utf-8";
		if (c->user)
			http_resp_header(c->resp, "Cache-Control", "no-store");
	}
	return rc;
}

/* "Local time" of a stored moment, as shown on pages: YYYY-MM-DD HH:MM (UTC+8, the time of
 * every organ gongkai serves). */
const char *web_local_time(struct arena *a, int64_t at)
{
	char t[DATE_SHOW_LEN];

	return arena_strdup(a, date_epoch_show(at, t));
}

/* ---------------------------------------------------------------- the signed-in user */

static void put_user(struct web_ctx *c)
{
	struct tpl_val *u;

	if (c->user == NULL)
		return;
	u = tpl_put_obj(c->page, "user");
	tpl_put_str(u, "name", c->user->name);
	tpl_put_str(u, "display_name", c->user->display_name);
	tpl_put_str(u, "role", c->user->role);
	tpl_put_str(u, "role_label", webint_role_label(c->user->role));
	tpl_put_bool(u, webint_role_key(c->user->role_id), 1);
	tpl_put_bool(u, "sees_registers", web_may_get(c, "/console/registers"));
	tpl_put_bool(u, "sees_templates", web_may_get(c, "/console/templates"));
	tpl_put_bool(u, "sees_accounts", web_may(c, ACT_ACCOUNTS, 0));
	tpl_put_bool(u, "sees_audit", web_may(c, ACT_AUDIT_READ, 0));
	tpl_put_bool(u, "sees_documents", web_may(c, ACT_DOC_READ, 0));
	tpl_put_bool(u, "sees_apps", web_may(c, ACT_APP_READ, 0));
	tpl_put_bool(u, "sees_reports", web_may(c, ACT_REPORT_READ, 0));
	tpl_put_bool(u, "sees_region", web_may(c, ACT_REGION_READ, 0));
}

/* ---------------------------------------------------------------- routing */

/* Match path against pattern, capturing ":name" segments into c. */
static int match(struct web_ctx *c, const char *pattern, const char *path)
{
	const char *p = pattern, *q = path;

	c->nparams = 0;
	while (*p && *q) {
		if (*p == ':') {
			const char *pe = strchr(p, '/'), *qe = strchr(q, '/');
			size_t plen = pe ? (size_t)(pe - p - 1) : strlen(p + 1);
			size_t qlen = qe ? (size_t)(qe - q) : strlen(q);

			if (qlen == 0 || c->nparams == WEB_MAX_PARAMS)
				return 0;
			c->param_name[c->nparams] = arena_strndup(c->a, p + 1, plen);
			c->param[c->nparams] = arena_strndup(c->a, q, qlen);
			c->nparams++;
			p += plen + 1;
			q += qlen;
			continue;
		}
		if (*p != *q)
			return 0;
		p++;
		q++;
	}
	return *p == '\0' && *q == '\0';
}

static void error_page(struct web_ctx *c, int rc)
{
	int status = web_status(rc);
	const char *msg = c->err.msg[0] ? c->err.msg : status_title(status);
	struct gk_error e2;

	c->resp->status = status;
	buf_reset(&c->resp->body);
	if (status >= 500) {
		/* what went wrong is for the log, not for the public (it may name tables, files) */
		fprintf(stderr, "error: %s %s: %s%s%s\n", c->req->method, c->req->path,
			c->err.field[0] ? c->err.field : "", c->err.field[0] ? ": " : "", msg);
		msg = status == 503
			? "数据库暂时无法连接，您的请求没有被处理，也没有保存任何内容。请稍后再试。"
			: "服务器暂时无法处理这个请求，请稍后再试。如果问题持续出现，请与本机关政府信息公开工作机构联系。";
		c->err.field[0] = '\0';
	}
	if (status == 503)  /* the connection is made again at the next request */
		http_resp_header(c->resp, "Retry-After", "5");
	tpl_put_int(c->page, "status", status);
	tpl_put_bool(c->page, status == 404 ? "not_found" : status >= 500 ? "server_error" : "other_error", 1);
	tpl_put_str(c->page, "message", arena_strdup(c->a, msg));
	if (c->err.field[0])
		tpl_put_str(c->page, "field", arena_strdup(c->a, c->err.field));
	c->err = (struct gk_error){ 0 };
	if (web_render(c, "error", status_title(status)) != 0) {
		e2 = c->err;
		buf_reset(&c->resp->body);
		c->resp->content_type = "text/plain; charset=utf-8";
		if (buf_printf(&c->resp->body, "%d %s\n", status, e2.msg) != 0)
			buf_reset(&c->resp->body);
	}
	c->resp->status = status;
}

/* Append s percent-encoded (RFC 3986 unreserved kept; keep_slash: "/" too). */
static int put_encoded(struct buf *b, const char *s, size_t n, int keep_slash)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '.' || ch == '_' || ch == '~' || (keep_slash && ch == '/'))
			rc = buf_putc(b, (char)ch);
		else
			rc = buf_printf(b, "%%%02X", ch);
	}
	return rc;
}

/* 301 to the first n bytes of the path, with the request's query arguments, encoded. */
static void slash_redirect(struct web_ctx *c, size_t n)
{
	const struct form *q = &c->req->query;
	struct buf loc;

	int rc;

	buf_init(&loc, 16384);
	rc = put_encoded(&loc, c->req->path, n, 1);
	for (size_t i = 0; i < q->n && rc == 0; i++) {
		if ((rc = buf_putc(&loc, i ? '&' : '?')) == 0 &&
		    (rc = put_encoded(&loc, q->f[i].name, strlen(q->f[i].name), 0)) == 0 &&
		    (rc = buf_putc(&loc, '=')) == 0)
			rc = put_encoded(&loc, q->f[i].value, q->f[i].len, 0);
	}
	if (rc != 0) {
		buf_free(&loc);
		error_page(c, ERR_LIMIT);
		return;
	}
	c->resp->status = 301;
	http_resp_header(c->resp, "Location", arena_strdup(c->a, buf_cstr(&loc)));
	buf_free(&loc);
}

static void serve_static(struct web_ctx *c, const char *name)
{
	const struct static_file *f = static_find(c->w->st, name);
	const char *inm = http_header(c->req, "If-None-Match");

	if (f == NULL) {
		error_page(c, ERR_NOTFOUND);
		return;
	}
	http_resp_header(c->resp, "ETag", f->etag);
	http_resp_header(c->resp, "Cache-Control", "public, max-age=3600");
	c->resp->content_type = f->content_type;
	if (inm && strcmp(inm, f->etag) == 0) {
		c->resp->status = 304;
		return;
	}
	if (buf_append(&c->resp->body, f->data, f->len) != 0)
		error_page(c, ERR_INTERNAL);
}

/* Behind nginx: the client's address is the last entry of X-Forwarded-For (the one nginx
 * appended), and a request nginx received over TLS is answered with HSTS, as http.c does for
 * its own. */
static void read_proxy_headers(struct web_ctx *c)
{
	const char *xff = http_header(c->req, "X-Forwarded-For");
	const char *proto = http_header(c->req, "X-Forwarded-Proto");

	if (xff && *xff) {
		const char *last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ')
			last++;
		if (*last && strlen(last) < 64)
			c->req->remote = arena_strdup(c->a, last);
	}
	if (proto && strcmp(proto, "https") == 0)
		http_resp_header(c->resp, "Strict-Transport-Security", "max-age=31536000");
}

/* The route of the path for method, or NULL; *wrong_method when the path has a route for
 * another method only. */
static const struct web_route *find_route(struct web_ctx *c, const char *method, int *wrong_method)
{
	*wrong_method = 0;
	for (const struct web_route *it = web_routes; it->pattern; it++) {
		if (!match(c, it->pattern, c->req->path))
			continue;
		if (strcmp(it->method, method) == 0)
			return it;
		*wrong_method = 1;
	}
	c->nparams = 0;
	return NULL;
}

/* What every page shows: the display choices (大字号, 高对比度), the form key, the path, the
 * site's name and who is signed in. */
static void put_page_common(struct web_ctx *c)
{
	const char *tc = http_cookie(c->req, COOKIE_TEXT);

	tpl_put_bool(c->page, "large_text", tc && strcmp(tc, "large") == 0);
	tc = http_cookie(c->req, COOKIE_CONTRAST);
	tpl_put_bool(c->page, "high_contrast", tc && strcmp(tc, "high") == 0);
	tpl_put_str(c->page, "csrf", c->csrf);
	tpl_put_str(c->page, "path", c->req->path);
	tpl_put_str(c->page, "site_name", webint_site_name(c));
	put_user(c);
}

/* A console route: signed in, the second factor set up and the password current, and the
 * role allowed the route's action. 0 to go on, else the error; *answered when a GET was
 * redirected instead (to sign in, or to the setup page). */
static int console_gate(struct web_ctx *c, const struct web_route *r, const char *method,
			int *answered)
{
	int get = strcmp(method, "GET") == 0;

	tpl_put_bool(c->page, "console", 1);
	if (c->user == NULL) {
		if (get) {
			*answered = 1;
			return web_redirect(c, arena_printf(c->a, "/console/login?next=%s", c->req->path));
		}
		return err_set(&c->err, ERR_FORBIDDEN, "", "请先登录");
	}
	if ((c->user->must_enrol || c->user->must_change) && !(r->flags & R_SETUP)) {
		/* GB/T 22239-2019 8.1.4.1: the second factor set up, an expired password
		 * changed, before anything else */
		const char *to = c->user->must_enrol ? "/console/totp" : "/console/password?expired=1";
		if (get) {
			*answered = 1;
			return web_redirect(c, to);
		}
		return err_set(&c->err, ERR_FORBIDDEN, "", "请先%s", c->user->must_enrol
			       ? "设置动态验证码（第二重身份鉴别）" : "修改已过期的密码");
	}
	if (!web_may(c, r->action, 0))
		return err_set(&c->err, ERR_FORBIDDEN, "", "您的角色（%s）无权使用此功能",
			       webint_role_label(c->user->role));
	return 0;
}

/* A POST: its form key, and for a public form the submissions from one address in 10
 * minutes (the route's form limit, or the configured one). */
static int post_gate(struct web_ctx *c, const struct web_route *r)
{
	int form = R_FORM_OF(r->flags), rc, over;

	if ((rc = webint_check_csrf(c)) != 0)
		return rc;
	if (form > WEB_FORM_NONE && form < WEB_FORM__MAX) {
		int limit = c->w->cfg->form_limit[form] > 0 ? c->w->cfg->form_limit[form]
							     : web_form_limits[form].per_10min;
		const char *key = arena_printf(c->a, "%s:%s", web_form_limits[form].name,
					       c->req->remote);

		if ((rc = web_throttle(c, key, 600, limit, &over)) != 0)
			return rc;
		if (over) {
			http_resp_header(c->resp, "Retry-After", "600");
			return err_set(&c->err, WEB_ERR_RATE, "",
				       "提交过于频繁，请十分钟后再试。如有急事，请拨打公开指南中的咨询电话。");
		}
	}
	return 0;
}

/* Before any route: a path and query of valid UTF-8 without NUL, "/page/" sent to "/page",
 * and /static/ served from memory. 0 to go on, else the error; *answered when done. */
static int pre_route(struct web_ctx *c, const char *method, int *answered)
{
	struct http_req *req = c->req;
	size_t n = strlen(req->path);

	if (!utf8_valid(req->path, n) || !webint_valid_query(&req->query))
		return err_set(&c->err, ERR_INVALID, "", "网址含有无效字符（空字节或不是 UTF-8 文字）");
	/* "/console/", "/catalogue/": the page without the slash (query kept) */
	if (n > 1 && req->path[n - 1] == '/' && strcmp(method, "GET") == 0) {
		while (n > 1 && req->path[n - 1] == '/')
			n--;
		slash_redirect(c, n);
		*answered = 1;
		return 0;
	}
	if (strncmp(req->path, "/static/", 8) == 0) {
		if (strcmp(method, "GET") != 0)
			return WEB_ERR_METHOD;
		serve_static(c, req->path + 8);
		*answered = 1;
	}
	return 0;
}

/* One request: the checks before any route, the route, the session and the page's common
 * values, the console's and the form's gates, the typed values validated, the handler. */
static int dispatch(struct web_ctx *c, const char *method, int *answered)
{
	const struct web_route *r;
	int rc, wrong_method;

	if ((rc = pre_route(c, method, answered)) != 0 || *answered)
		return rc;
	r = find_route(c, method, &wrong_method);
	c->route = r;
	webint_load_session(c);
	if (c->db_down)  /* the session could not be read: answer 503, not "please sign in" */
		return err_set(&c->err, ERR_UNAVAILABLE, "", "reading the session: the database cannot be reached");
	put_page_common(c);
	if (r == NULL) {
		if (wrong_method)
			http_resp_header(c->resp, "Allow", "GET, HEAD, POST");
		return wrong_method ? WEB_ERR_METHOD : ERR_NOTFOUND;
	}
	if (c->req->body_rc) {
		c->err = c->req->body_err;
		return c->req->body_rc;
	}
	if (r->action != ACT_PUBLIC && ((rc = console_gate(c, r, method, answered)) != 0 || *answered))
		return rc;
	if (strcmp(method, "POST") == 0 && (rc = post_gate(c, r)) != 0)
		return rc;
	webint_validate(c);
	if (c->nerrors)
		c->resp->status = 400;
	if (c->nerrors && !(r->flags & R_FORM))
		return err_set(&c->err, c->too_long ? ERR_LIMIT : ERR_INVALID, "", "输入有误，请检查后重试");
	rc = r->handler(c);
	webint_end(c);
	*answered = rc == 0;
	return rc;
}

void webint_dispatch(void *cls, struct http_req *req, struct http_resp *resp)
{
	struct web *w = cls;
	struct web_ctx ctx = { .w = w, .req = req, .resp = resp, .a = req->arena };
	const char *method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
	int answered = 0, rc;

	ctx.page = tpl_obj(ctx.a);
	if (w->cfg->behind_proxy)
		read_proxy_headers(&ctx);
	rc = dispatch(&ctx, method, &answered);
	if (!answered)
		error_page(&ctx, rc);
}

/* ---------------------------------------------------------------- startup */

const char *web_default_dir(const char *what)
{
	return paths_dir(what, strcmp(what, "templates") == 0 ? "GONGKAI_TEMPLATE_DIR" : "GONGKAI_STATIC_DIR");
}

int web_run(const struct web_config *cfg, struct gk_error *e)
{
	struct web w = { .cfg = cfg };
	struct http_config hc = { 0 };
	struct buf cert, key;
	int rc;

	buf_init(&cert, 1u << 20);
	buf_init(&key, 1u << 20);

	w.tpl = tpl_set_new();
	if ((rc = tpl_set_load_dir(w.tpl, cfg->template_dir ? cfg->template_dir
							    : web_default_dir("templates"), e)) != 0)
		goto out;
	if (!tpl_set_has(w.tpl, "layout") || !tpl_set_has(w.tpl, "error")) {
		rc = err_set(e, ERR_NOTFOUND, "templates", "layout.html and error.html are required");
		goto out;
	}
	if ((rc = static_load(cfg->static_dir ? cfg->static_dir : web_default_dir("static"),
			      &w.st, e)) != 0)
		goto out;
	if ((rc = webint_open(&w, e)) != 0)
		goto out;
	session_set_limits(cfg->session_idle > 0 ? (int64_t)cfg->session_idle * 60 : 0,
			   cfg->session_max > 0 ? (int64_t)cfg->session_max * 3600 : 0);
	hc.listen = cfg->listen;
	hc.threads = cfg->threads;
	hc.max_body = cfg->max_body ? cfg->max_body : 2u << 20;
	hc.max_file = hc.max_body;
	hc.per_address = cfg->per_address ? cfg->per_address : cfg->behind_proxy ? 0 : 64;
	hc.max_connections = cfg->max_connections;
	hc.request_seconds = cfg->request_seconds ? cfg->request_seconds : 30;
	if (cfg->tls_cert) {
		if ((rc = buf_read_file(&cert, cfg->tls_cert, e)) != 0 ||
		    (rc = buf_read_file(&key, cfg->tls_key, e)) != 0)
			goto out;
		hc.tls_cert = buf_cstr(&cert);
		hc.tls_key = buf_cstr(&key);
	}
	hc.handler = webint_dispatch;
	hc.cls = &w;
	webint_warm_start(&w);
	rc = http_serve(&hc, e);
	webint_warm_stop(&w);
out:
	if (key.ptr)
		memset(key.ptr, 0, key.cap);
	buf_free(&key);
	buf_free(&cert);
	webint_close(&w);
	static_free(w.st);
	tpl_set_free(w.tpl);
	return rc;
}

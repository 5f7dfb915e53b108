/*
 * app.h — inside the web front end: the route table's types, the per-request context that
 * handlers receive, and the helpers they use to answer (render a page, redirect, report a
 * field error). Handlers live in web/h_*.c and are listed in the one table of web/routes.c.
 *
 * A handler receives input already validated against its route's field list (types, required,
 * maximum lengths, valid UTF-8), the signed-in user (if any, with permission already checked),
 * and the request's arena. It returns 0 or an enum err; the dispatcher (web/app.c) turns errors
 * into HTTP statuses in exactly one place (web_status).
 * May call: domain/, render/, base/, text/, web/http.h.
 */
#ifndef GK_WEB_APP_H
#define GK_WEB_APP_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/access.h"
#include "domain/catalogue.h"
#include "domain/user.h"
#include "render/tpl.h"
#include "text/desc.h"
#include "web/http.h"
#include "web/web.h"


/* The longest file name an uploaded file may carry (bytes): an attachment's limit. */
#define WEB_FILENAME_MAX DOC_ATTACH_NAME_MAX

/* Field types of route input. */
enum field_type {
	F_LINE,     /* one line of text (no control characters) */
	F_TEXT,     /* multi-line text */
	F_INT,      /* a decimal integer ≥ 0 */
	F_DATE,     /* YYYY-MM-DD */
	F_FILE,     /* a file part of a multipart body */
};

/* A field named "*" stands for every other text field of the request: each is checked as
 * multi-line text of at most max bytes and handed over through web_extra — for forms whose
 * fields come from a domain table (the registers), where the domain checks each value. */
struct web_field {
	const char *name;
	enum field_type type;
	int required;
	size_t max;           /* bytes for text, the largest value for F_INT; 0 with decl: bound
			       * to WEB_BOUND of the declared limit */
	const char *label;    /* Chinese label used in error messages; NULL with decl: the
			       * declaration's */
	const struct desc_record *decl;  /* the record that declares the field (text/desc.h), or
					  * NULL: the route gives its label and limit itself */
};

/* A route bounds a field the domain checks to four times the domain's limit: the domain says
 * what is wrong, in the same words on every front end. */
#define WEB_BOUND(max) (4 * (max))

/* A field's label and its most bytes (or largest value): the route's own, else its
 * declaration's (the label, and WEB_BOUND of the limit). */
const char *web_field_label(const struct web_field *f);
size_t web_field_max(const struct web_field *f);

/* Route flags */
enum {
	R_FORM = 1,       /* invalid input goes to the handler as field errors (re-show the form) */
	R_LOGIN = 4,      /* the login form: rate-limited by its own rules */
	R_SETUP = 2,      /* open to a user who must first set up a second factor or change an
			   * expired password (the pages that do it, sign-out) */
};

struct web_ctx;
typedef int (*web_handler_fn)(struct web_ctx *c);

struct web_route {
	const char *method;           /* "GET" (also answers HEAD) or "POST" */
	const char *pattern;          /* "/doc/:id" — ":name" matches one path segment */
	enum access_action action;    /* what it does: who may (domain/access.h); ACT_PUBLIC = anyone */
	unsigned flags;
	const struct web_field *fields; /* terminated by { NULL } ; may be NULL */
	web_handler_fn handler;
};

/* A public form's own limit per client address (enum web_form) rides in the route's flags. */
#define R_LIMITED(form) ((unsigned)(form) << 8)
#define R_FORM_OF(flags) ((int)((flags) >> 8))

extern const struct web_route web_routes[];

/* The signed-in staff member. */
struct web_user {
	int64_t id;
	const char *name;
	const char *display_name;
	const char *role;        /* "officer", … */
	int role_id;             /* enum user_role */
	int64_t agency_id;
	struct access_who who;   /* for access_may (the organs below loaded on first use) */
	int totp_on;             /* signs in with a second factor */
	int must_enrol;          /* must set up the second factor before anything else */
	int must_change;         /* the password expired: must change it before anything else */
	const char *organ;       /* the name of agency_id, NULL when none (page titles) */
};

struct web_value {
	const char *s;           /* text (NULL when absent) */
	size_t len;
	long long i;             /* F_INT */
	int day;                 /* F_DATE */
	int present;
	const struct form_field *file;
};

#define WEB_MAX_PARAMS 4
#define WEB_MAX_ERRORS 32

struct web;

struct web_ctx {
	struct web *w;
	struct http_req *req;
	struct http_resp *resp;
	struct arena *a;
	const struct web_route *route;
	const char *param_name[WEB_MAX_PARAMS];
	const char *param[WEB_MAX_PARAMS];
	int nparams;
	struct web_value *in;        /* parallel to route->fields */
	struct web_user *user;       /* NULL for the public */
	const char *csrf;            /* the token forms must carry */
	struct tpl_val *page;        /* the page's template values */
	int nerrors;                 /* field errors (R_FORM routes), also in page.errors */
	struct gk_error err;         /* detail of the error a handler returns */
	/* the dispatcher's own */
	struct tpl_val *errors, *errmap, *notices;
	int csrf_cookie_new;         /* the visitor had no CSRF cookie: a POST cannot be valid */
	int too_long;                /* a field exceeded its maximum */
	struct store *store;         /* set by web_begin while a transaction is open */
	int organ_set;               /* web_page_organ was called */
	int txn_nest;                /* web_begin calls inside the open transaction */
	int db_down;                 /* the session could not be read: the database unreachable */
	struct form extra;           /* the fields a "*" route field let through */
};

/* Input of the route's field called name (never NULL; .present says whether given). */
const struct web_value *web_in(const struct web_ctx *c, const char *name);
/* Text of field name, or "" when absent. */
const char *web_str(const struct web_ctx *c, const char *name);
/* Path parameter ":name" (NULL if the pattern has none). */
const char *web_param(const struct web_ctx *c, const char *name);
/* Text of a field let through by the route's "*" field, or NULL when absent. */
const char *web_extra(const struct web_ctx *c, const char *name);
/* 1 if the signed-in user may GET the route declared with pattern (for links). */
int web_may_get(struct web_ctx *c, const char *pattern);
/* THE permission check: 1 if the signed-in user may do act on organ (0 = on nothing in
 * particular, ACCESS_NO_ORGAN = records of no organ) — access_may, with the organs under a
 * supervisor's loaded on first use. Handlers ask this, never a role. */
int web_may(struct web_ctx *c, enum access_action act, int64_t organ);
/* 1 if the signed-in user reaches organs beyond their own (a supervisor, the administrators):
 * pages then offer a choice of organ. */
int web_reaches_beyond(const struct web_ctx *c);
/* Path parameter ":name" as a positive integer written the one way (digits, no leading zero)
 * in *out; ERR_NOTFOUND with message none when it is not one (a page that does not exist). */
int web_param_id(struct web_ctx *c, const char *name, const char *none, int64_t *out) GK_WUR;
/* Record an error against a form field (shown beside it and in the summary). */
void web_field_error(struct web_ctx *c, const char *field, const char *fmt, ...) GK_PRINTF(3, 4);
/* The same with the label shown in the summary given (NULL: the field's name). */
void web_field_error_as(struct web_ctx *c, const char *field, const char *label, const char *fmt, ...)
	GK_PRINTF(4, 5);

/* A refusal by the domain (rc with c->err) on a form: when rc is an input or state error, it
 * becomes a form error beside the field the domain named (or in the summary), the response
 * status is web_status(rc), and 1 is returned so the handler shows the form again.
 * Otherwise 0 (the handler returns rc). */
int web_refused(struct web_ctx *c, int rc);

/* 1 if the signed-in user may see records of organ agency_id for the action of the request's
 * route: web_may(c, c->route->action, agency_id). */
int web_visible(struct web_ctx *c, int64_t agency_id);

/* Fill list with the organs (id, name, selected when id == selected) for a <select>: every
 * organ (the public's choice), or only those the user may see (web_visible: the console's
 * choice, so that a supervisor is offered their organ and the organs under it). */
int web_agencies(struct web_ctx *c, struct tpl_val *list, int64_t selected) GK_WUR;
int web_agencies_in_scope(struct web_ctx *c, struct tpl_val *list, int64_t selected) GK_WUR;
/* The organ a console page was asked about with the route's "agency" field: 0 when not
 * asked; ERR_NOTFOUND (404, as for another organ's application: no probing) when the user
 * may not see it (web_visible) — never silently another organ. */
int web_agency_asked(struct web_ctx *c, int64_t *agency_id) GK_WUR;

/* Render template name inside the base layout with title, status 200 (or resp->status). */
int web_render(struct web_ctx *c, const char *name, const char *title) GK_WUR;
/* The organ a page is about (a document's, a guide's; the console user's is set by
 * web_render): the <title> names it after the page, before the platform's name. The first
 * call wins; nothing when organ is the platform itself. */
void web_page_organ(struct web_ctx *c, const char *organ);
/* 303 See Other to a local path. */
int web_redirect(struct web_ctx *c, const char *location) GK_WUR;
/* Answer with a file to download: len bytes of data (copied) as content type type, offered
 * as filename (http_content_disposition, fallback_stem for names that are not plain ASCII),
 * ETag "sha256" (a 304 without the bytes when If-None-Match names it), Cache-Control cache.
 * Content-Length and X-Content-Type-Options: nosniff come from the adapter. ERR_LIMIT when
 * the response cannot hold it. */
int web_send_file(struct web_ctx *c, const void *data, size_t len, const char *type,
		  const char *filename, const char *fallback_stem, const char *sha256,
		  const char *cache) GK_WUR;
/* Set a cookie: HttpOnly, SameSite=Lax, Path=/; max_age < 0 deletes it. */
void web_set_cookie(struct web_ctx *c, const char *name, const char *value, long max_age);
/* Add a flash line shown on the next rendered page of this request. */
void web_notice(struct web_ctx *c, const char *fmt, ...) GK_PRINTF(2, 3);

/* Sign the user in: a new session (rotating any old one) and a new CSRF token. */
int web_login(struct web_ctx *c, const struct web_user *u) GK_WUR;
void web_logout(struct web_ctx *c);
/* Sign-in throttling (domain/signin.h): *wait = the seconds the client must still wait before
 * trying account; web_signin_failed records a failed attempt (its own write transaction);
 * web_signin_refuse sets status 429 with Retry-After and a form error beside field saying how
 * long to wait. */
int web_signin_wait(struct web_ctx *c, const char *account, int64_t *wait) GK_WUR;
int web_signin_failed(struct web_ctx *c, const char *account) GK_WUR;
void web_signin_refuse(struct web_ctx *c, const char *field, int64_t wait);

/* Begin a transaction (write = 1: one write transaction for the whole request) on this worker
 * thread's store connection, acting as the signed-in user (or "web" for the public).
 * Inside an open transaction it nests: only the outermost web_finish commits. Begin the write
 * transaction first when a request writes. Errors go to c->err. The dispatcher rolls back
 * whatever a handler left open. */
struct store;
struct calendar;
int web_begin(struct web_ctx *c, int write, struct store **out) GK_WUR;
/* Commit when rc is 0, else roll back; returns rc or the commit's error. */
int web_finish(struct web_ctx *c, int rc) GK_WUR;
/* Audit a download of records by the signed-in user (domain/audit.h: audit_export), in a
 * write transaction of its own. */
int web_audit_export(struct web_ctx *c, int64_t agency_id, const char *entity, int64_t entity_id,
		     const char *format) GK_WUR;
/* The working-day calendar loaded at startup. */
const struct calendar *web_calendar(const struct web_ctx *c);
/* A moment (seconds since 1970) as pages show it: "YYYY-MM-DD HH:MM", Beijing time
 * (text/date.h: date_epoch_show). In arena a. */
const char *web_local_time(struct arena *a, int64_t at);
/* Today in Beijing time (GONGKAI_TODAY honoured). */
int web_today(void);
/* Put a stored UTC timestamp under key as people read it, Beijing time "YYYY-MM-DD HH:MM"
 * (text/date.h); nothing when utc is NULL. Every time a page shows goes through here. */
void web_put_time(struct tpl_val *o, const char *key, const char *utc);

/* A declared record's fields for a form's template (text/desc.h): decl.ID.label, the label the
 * command line and the domain's messages use, and decl.ID.max, its limit in bytes (no max when
 * it has none) — so a form shows each field by the words of its declaration. */
void web_put_decl(struct web_ctx *c, const struct desc_record *r);

/* The HTTP status for an error code: the one place where errors become statuses. */
int web_status(int err);

#endif

/*
 * webint.h — what the dispatcher (web/app.c) and the handler files share beyond app.h: the
 * server's state and a few helpers. Not for handlers' business logic.
 * May call: base/, render/, domain/shared.h, web/.
 */
#ifndef GK_WEB_WEBINT_H
#define GK_WEB_WEBINT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "domain/shared.h"
#include "web/app.h"

/* Dispatcher-only outcomes beyond enum err (mapped by web_status). */
enum {
	WEB_ERR_METHOD = ERR__MAX + 1,  /* 405 */
	WEB_ERR_RATE,                   /* 429 */
};

#define WEB_MAX_STORES 128

struct web_config;
struct tpl_set;
struct static_set;
struct store;

struct web {
	const struct web_config *cfg;
	struct tpl_set *tpl;
	struct static_set *st;
	uint8_t csrf_key[SHARED_SECRET_MAX]; /* the database's WEB_SECRET_FORMS (domain/shared.h) */
	pthread_mutex_t stores_mu;
	struct store *stores[WEB_MAX_STORES];  /* one connection per worker thread */
	int nstores;
	struct store *spare[WEB_MAX_STORES];   /* opened ready at start, for workers to take */
	int nspare;
	struct calendar *cal;
	char *site_name;
	pthread_t warm_thread;                 /* web/warm.c */
	int warm_running;
	atomic_int warm_stop;
	int64_t warm_budget;
};

#define COOKIE_SESSION "gk_session"
#define COOKIE_CSRF "gk_csrf"
#define COOKIE_TEXT "gk_text"
#define COOKIE_CONTRAST "gk_contrast"
#define CSRF_FIELD "_csrf"

void webint_dispatch(void *cls, struct http_req *req, struct http_resp *resp);
/* web/validate.c: the route's fields from the query (GET) or the body (POST) into c->in, what
 * is wrong as field errors; whether a query string is UTF-8 without control characters. */
void webint_validate(struct web_ctx *c);
int webint_valid_query(const struct form *q);
/* web/signin.c: find the signed-in user and the CSRF token of the request (setting the
 * anonymous CSRF cookie when the visitor has none); check the CSRF token of a POST (403). */
void webint_load_session(struct web_ctx *c);
int webint_check_csrf(struct web_ctx *c) GK_WUR;

/* Open / close what the handlers need (the store, the calendar); webint_close accepts a
 * half-opened w. webint_end rolls back a transaction a handler left open. */
int webint_open(struct web *w, struct gk_error *e) GK_WUR;
void webint_close(struct web *w);
void webint_end(struct web_ctx *c);
/* web/warm.c: the search index read ahead in a thread of its own (started once w is open;
 * stopped, if still reading, before it is closed). */
void webint_warm_start(struct web *w);
void webint_warm_stop(struct web *w);
/* web/txn.c: a connection opened ahead (ready for searches) for the next worker thread that
 * has none; 0 (s left to the caller) when the workers' connections are all open or offered. */
int webint_store_offer(struct web *w, struct store *s);
/* Load the signed-in user id into u (arena strings); non-zero if the account is gone or has
 * no password (disabled). Nests in an open transaction. */
int webint_user_load(struct web_ctx *c, int64_t user_id, struct web_user *u);
/* Check a user name and password; 0 and u filled (arena strings) when they match. */
int webint_authenticate(struct web_ctx *c, const char *name, const char *password,
			struct web_user *u);
/* The platform or organ name shown in the header. */
const char *webint_site_name(struct web_ctx *c);
/* "officer" → "办理人员" …; the template key "is_officer" … for a role. */
const char *webint_role_label(const char *role);
const char *webint_role_key(int role_id);
/* Constant-time string equality for secrets. */
int webint_equal(const char *a, const char *b);

#endif

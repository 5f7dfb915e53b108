/*
 * signin.c — who is asking: staff sign-in and sign-out (sessions kept in the store,
 * domain/session.h), the signed-in user of each request, the CSRF token every POST must carry
 * (the session's, or an anonymous visitor's keyed from a cookie), and the throttling and
 * records of failed sign-ins (domain/signin.h). docs/threat-model.md says why each is so.
 * May call: domain/, base/, web/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/crypto.h"
#include "domain/session.h"
#include "domain/signin.h"
#include "web/throttle.h"
#include "web/web.h"
#include "web/webint.h"

int web_login(struct web_ctx *c, const struct web_user *u)
{
	char token[CRYPTO_SHA256_HEX];
	struct session ss;
	struct store *s;
	int rc;

	/* The store keeps the session, so it outlives a restart of the server. The token the
	 * browser had (if any) ends here: rotation. */
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	store_set_actor(s, u->name);  /* the sign-in is the account's own act */
	rc = session_start(s, u->id, c->req->remote, http_cookie(c->req, COOKIE_SESSION),
			   (int64_t)time(NULL), token, &ss, &c->err);
	if (rc == 0)
		rc = signin_succeeded(s, u->id, u->agency_id, c->req->remote, (int64_t)time(NULL),
				      &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	web_set_cookie(c, COOKIE_SESSION, arena_strdup(c->a, token), SESSION_MAX_SECONDS);
	c->user = arena_alloc(c->a, sizeof *c->user);
	*c->user = *u;
	c->csrf = arena_strdup(c->a, ss.csrf);
	return 0;
}

void web_logout(struct web_ctx *c)
{
	const char *tok = http_cookie(c->req, COOKIE_SESSION);
	struct store *s;

	if (tok && web_begin(c, 1, &s) == 0) {
		int rc = session_end(s, tok, &c->err);
		if (rc == 0 && c->user)
			rc = signin_ended(s, c->user->id, c->user->agency_id, c->req->remote, &c->err);
		if (web_finish(c, rc) != 0)
			fprintf(stderr, "logout: %s\n", c->err.msg);
	}
	err_clear(&c->err);
	web_set_cookie(c, COOKIE_SESSION, "", -1);
	c->user = NULL;
}

/* The throttling policy of this server (--login-limit sets the free failures). */
static struct signin_policy policy(const struct web_ctx *c)
{
	struct signin_policy p = SIGNIN_POLICY_DEFAULT;

	if (c->w->cfg->login_limit > 0)
		p.free = c->w->cfg->login_limit;
	return p;
}

int web_signin_wait(struct web_ctx *c, const char *account, int64_t *wait)
{
	struct signin_policy p = policy(c);
	struct store *s;
	int rc;

	*wait = 0;
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = signin_wait(s, &p, account, c->req->remote, (int64_t)time(NULL), wait, &c->err);
	return web_finish(c, rc);
}

int web_signin_failed(struct web_ctx *c, const char *account)
{
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = signin_failed(s, account, c->req->remote, (int64_t)time(NULL), &c->err);
	return web_finish(c, rc);
}

void web_signin_refuse(struct web_ctx *c, const char *field, int64_t wait)
{
	c->resp->status = 429;
	http_resp_header(c->resp, "Retry-After", arena_printf(c->a, "%lld", (long long)wait));
	web_field_error(c, field, "尝试过于频繁，请 %lld 秒后再试", (long long)wait);
}

/* The anonymous CSRF token: a keyed hash of the visitor's random gk_csrf cookie. */
static const char *anon_csrf(struct web_ctx *c, const char *cookie)
{
	char buf[64 + CRYPTO_SHA256_HEX];
	char *out = arena_alloc(c->a, CRYPTO_SHA256_HEX);

	memcpy(buf, c->w->csrf_key, 64);
	snprintf(buf + 64, sizeof buf - 64, "%s", cookie);
	crypto_sha256_hex(buf, 64 + strlen(buf + 64), out);
	return out;
}

/* 1 and c->user, c->csrf set when tok names a live session of an account that may still sign
 * in. The session's last use is recorded at most once a minute (a write transaction of its
 * own, so most requests write nothing); failing to record it does not sign anyone out. */
static int signed_in(struct web_ctx *c, const char *tok)
{
	int64_t now = (int64_t)time(NULL);
	struct web_user *u = arena_alloc(c->a, sizeof *u);
	struct session ss;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) == 0) {
		rc = session_find(s, tok, now, &ss, &c->err);
		if (rc == 0)
			rc = webint_user_load(c, ss.user_id, u);
		rc = web_finish(c, rc);
	}
	if (rc == ERR_UNAVAILABLE) {
		fprintf(stderr, "session: %s\n", c->err.msg);
		c->db_down = 1;
	}
	err_clear(&c->err);
	if (rc != 0)
		return 0;
	if (ss.touch_due && web_begin(c, 1, &s) == 0 &&
	    web_finish(c, session_touch(s, tok, now, &c->err)) != 0)
		fprintf(stderr, "session: %s\n", c->err.msg);
	err_clear(&c->err);
	c->user = u;
	c->csrf = arena_strdup(c->a, ss.csrf);
	return 1;
}

/* Find the signed-in user and the CSRF token for this request; set the anonymous CSRF cookie
 * when the visitor has none. */
void webint_load_session(struct web_ctx *c)
{
	const char *tok = http_cookie(c->req, COOKIE_SESSION);
	const char *cc = http_cookie(c->req, COOKIE_CSRF);

	if (session_token_valid(tok) && signed_in(c, tok))
		return;
	if (cc == NULL || strlen(cc) != 64 || strspn(cc, "0123456789abcdef") != 64) {
		char fresh[CRYPTO_SHA256_HEX];
		uint8_t raw[32];

		crypto_random(raw, sizeof raw);
		crypto_hex(raw, sizeof raw, fresh);
		cc = arena_strdup(c->a, fresh);
		web_set_cookie(c, COOKIE_CSRF, cc, 30L * 86400);
		c->csrf_cookie_new = 1;
	}
	c->csrf = anon_csrf(c, cc);
}

int webint_check_csrf(struct web_ctx *c)
{
	const struct form_field *t = form_get(&c->req->body, CSRF_FIELD);

	if (c->csrf_cookie_new || t == NULL || c->csrf == NULL || !webint_equal(t->value, c->csrf))
		return err_set(&c->err, ERR_FORBIDDEN, CSRF_FIELD,
			       "表单已失效或来源不明（缺少有效的 CSRF 令牌）。请返回上一页，刷新后重新提交。");
	return 0;
}


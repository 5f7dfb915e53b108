/*
 * session.c — staff sign-in sessions in the store (see session.h).
 */
#include "domain/session.h"

#include <string.h>

#include "base/arena.h"
#include "store/session_store.h"

/* Domain separation for the CSRF derivation: the MAC is of this text, keyed with the token. */
static const char csrf_label[] = "gongkai csrf v1";

int session_token_valid(const char *token)
{
	return token && strlen(token) == SESSION_TOKEN_LEN &&
	       strspn(token, "0123456789abcdef") == SESSION_TOKEN_LEN;
}

void session_csrf(const char *token, char out[CRYPTO_SHA256_HEX])
{
	crypto_hmac_sha256_hex(token, strlen(token), csrf_label, sizeof csrf_label - 1, out);
}

int64_t session_idle_seconds = 30 * 60, session_max_seconds = 12 * 3600;

void session_set_limits(int64_t idle_seconds, int64_t max_seconds)
{
	if (idle_seconds > 0)
		session_idle_seconds = idle_seconds;
	if (max_seconds > 0)
		session_max_seconds = max_seconds;
}

static int expired(int64_t created, int64_t seen, int64_t now)
{
	return now - seen > SESSION_IDLE_SECONDS || now - created > SESSION_MAX_SECONDS;
}

int session_sweep(struct store *s, int64_t now, int *n, struct gk_error *e)
{
	return session_store(s)->remove_expired(s, now - SESSION_IDLE_SECONDS,
						now - SESSION_MAX_SECONDS, n, e);
}

int session_start(struct store *s, int64_t user_id, const char *client, const char *old_token,
		  int64_t now, char token[CRYPTO_SHA256_HEX], struct session *out,
		  struct gk_error *e)
{
	char hash[CRYPTO_SHA256_HEX];
	uint8_t raw[32];
	struct session_rec r = { .user_id = user_id, .created = now, .seen = now, .client = client };
	int rc;

	if (old_token && (rc = session_end(s, old_token, e)) != 0)  /* rotation */
		return rc;
	if ((rc = session_sweep(s, now, NULL, e)) != 0)
		return rc;
	crypto_random(raw, sizeof raw);
	crypto_hex(raw, sizeof raw, token);
	crypto_sha256_hex(token, SESSION_TOKEN_LEN, hash);
	r.token_hash = hash;
	if ((rc = session_store(s)->insert(s, &r, e)) != 0)
		return rc;
	if ((rc = session_store(s)->trim_user(s, user_id, SESSION_PER_USER, e)) != 0)
		return rc;
	memset(out, 0, sizeof *out);
	out->user_id = user_id;
	out->created = out->seen = now;
	session_csrf(token, out->csrf);
	return 0;
}

int session_find(struct store *s, const char *token, int64_t now, struct session *out,
		 struct gk_error *e)
{
	char hash[CRYPTO_SHA256_HEX];
	struct session_rec r;
	struct arena a;
	int rc;

	if (!session_token_valid(token))
		return err_set(e, ERR_NOTFOUND, "session", "没有这个会话");
	crypto_sha256_hex(token, SESSION_TOKEN_LEN, hash);
	arena_init(&a);
	rc = session_store(s)->get(s, hash, &a, &r, e);
	arena_free(&a);
	if (rc != 0)
		return rc;
	if (expired(r.created, r.seen, now))
		return err_set(e, ERR_NOTFOUND, "session", "会话已过期");
	memset(out, 0, sizeof *out);
	out->user_id = r.user_id;
	out->created = r.created;
	out->seen = r.seen;
	out->touch_due = now - r.seen >= SESSION_TOUCH_SECONDS;
	session_csrf(token, out->csrf);
	return 0;
}

int session_touch(struct store *s, const char *token, int64_t now, struct gk_error *e)
{
	char hash[CRYPTO_SHA256_HEX];

	if (!session_token_valid(token))
		return 0;
	crypto_sha256_hex(token, SESSION_TOKEN_LEN, hash);
	return session_store(s)->touch(s, hash, now, e);
}

int session_end(struct store *s, const char *token, struct gk_error *e)
{
	char hash[CRYPTO_SHA256_HEX];

	if (!session_token_valid(token))
		return 0;
	crypto_sha256_hex(token, SESSION_TOKEN_LEN, hash);
	return session_store(s)->remove(s, hash, e);
}

int session_end_user(struct store *s, int64_t user_id, struct gk_error *e)
{
	return session_store(s)->remove_user(s, user_id, NULL, e);
}

/*
 * session.h — staff sign-in sessions, kept in the store so that they survive a restart of the
 * server.
 *
 * A session is a random 256-bit token (64 hex digits) handed to the browser in a cookie; the
 * store keeps only its SHA-256 with the user, the times it was made and last used and the
 * address it came from. A session ends after SESSION_IDLE_SECONDS without use, at
 * SESSION_MAX_SECONDS after sign-in whatever the use, at logout, and when the user's password
 * is changed or cleared (user_set_password). Every sign-in makes a new token (rotation) and
 * ends the one the browser had. Expired rows are deleted at each sign-in; a user keeps at most
 * SESSION_PER_USER sessions (the oldest go first).
 *
 * The session's CSRF token is derived, not stored: HMAC-SHA-256 keyed with the session token
 * (session_csrf). Only a holder of the cookie can compute it, it is the same after a restart,
 * and it does not reveal the session token. docs/threat-model.md says why.
 *
 * Sessions are not audit-log entries (one per sign-in and a touch a minute would flood the
 * hash chain); the changes that end them (password set or cleared) are audited.
 * Every function works inside the transaction its caller opened; `now` is seconds since 1970.
 * May call: store/, base/ (crypto).
 */
#ifndef GK_DOMAIN_SESSION_H
#define GK_DOMAIN_SESSION_H

#include <stdint.h>

#include "base/crypto.h"
#include "base/err.h"
#include "store/store.h"

/* The idle timeout (default 30 minutes, GB/T 22239-2019 8.1.4.1 b: 超时自动退出) and the
 * absolute lifetime (default 12 hours) of every session; session_set_limits changes them for
 * the process, once, before any session is looked at (`gongkai serve --session-idle
 * --session-max`). */
extern int64_t session_idle_seconds, session_max_seconds;
#define SESSION_IDLE_SECONDS session_idle_seconds
#define SESSION_MAX_SECONDS session_max_seconds
void session_set_limits(int64_t idle_seconds, int64_t max_seconds);
#define SESSION_TOUCH_SECONDS 60    /* record a use at most this often */
#define SESSION_PER_USER 16
#define SESSION_TOKEN_LEN 64        /* hex digits */

struct session {
	int64_t user_id;
	char csrf[CRYPTO_SHA256_HEX];   /* the token this session's forms carry */
	int64_t created, seen;
	int touch_due;                  /* session_find: the last recorded use is over a minute old */
};

/* 1 if token has the form of a session token (64 lower-case hex digits). */
int session_token_valid(const char *token);

/* The CSRF token of the session whose token is token. */
void session_csrf(const char *token, char out[CRYPTO_SHA256_HEX]);

/* Sign user_id in (write transaction): end old_token's session if any (may be NULL), delete
 * expired sessions and the user's oldest beyond SESSION_PER_USER, and make a new session.
 * token receives the new token (64 hex digits + NUL), out the session. client may be NULL. */
int session_start(struct store *s, int64_t user_id, const char *client, const char *old_token,
		  int64_t now, char token[CRYPTO_SHA256_HEX], struct session *out,
		  struct gk_error *e) GK_WUR;

/* The live session of token at now: 0 and out filled, ERR_NOTFOUND when the token is malformed,
 * unknown or expired. Reads only; out->touch_due says to call session_touch. */
int session_find(struct store *s, const char *token, int64_t now, struct session *out,
		 struct gk_error *e) GK_WUR;

/* Record a use of token's session at now (write transaction). */
int session_touch(struct store *s, const char *token, int64_t now, struct gk_error *e) GK_WUR;

/* End token's session (logout); no error if there is none. */
int session_end(struct store *s, const char *token, struct gk_error *e) GK_WUR;

/* End every session of user_id (password changed or cleared). */
int session_end_user(struct store *s, int64_t user_id, struct gk_error *e) GK_WUR;

/* Delete expired sessions; *n (may be NULL) = how many. */
int session_sweep(struct store *s, int64_t now, int *n, struct gk_error *e) GK_WUR;

#endif

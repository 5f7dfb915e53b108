/*
 * session.h — staff sessions and the per-address / per-account rate limiter.
 *
 * A session is a random 256-bit token handed to the browser in an HttpOnly, SameSite=Lax
 * cookie; the server keeps only its SHA-256, so a copy of the server's memory or store does
 * not yield usable tokens. Sessions expire after an idle period and at an absolute limit,
 * and a new one is made at every login (rotation). Thread-safe.
 *
 * The rate limiter counts events per key ("login-user:alice", "login-addr:1.2.3.4",
 * "form:1.2.3.4") in fixed windows. Thread-safe.
 * May call: base/.
 */
#ifndef GK_WEB_SESSION_H
#define GK_WEB_SESSION_H

#include <stdint.h>
#include <time.h>

#include "base/arena.h"
#include "base/crypto.h"

#define SESSION_IDLE_SECONDS (2 * 3600)
#define SESSION_MAX_SECONDS (12 * 3600)

struct session {
	int64_t user_id;
	char user[64];
	char csrf[CRYPTO_SHA256_HEX];
	time_t created, seen;
};

struct sessions;

struct sessions *sessions_new(void);
void sessions_free(struct sessions *ss);
/* Make a session for user (id, name) and return its token (64 hex digits) in token. */
void sessions_create(struct sessions *ss, int64_t user_id, const char *user,
		     char token[CRYPTO_SHA256_HEX], struct session *out);
/* Look token up; 0 and *out filled when it names a live session (which is touched), else -1. */
int sessions_lookup(struct sessions *ss, const char *token, struct session *out);
void sessions_destroy(struct sessions *ss, const char *token);

struct ratelimit;

struct ratelimit *ratelimit_new(void);
void ratelimit_free(struct ratelimit *rl);
/* Count one event for key in a window of window seconds; returns the count so far in the
 * current window including this one. */
int ratelimit_hit(struct ratelimit *rl, const char *key, int window);
/* The count of key in its current window, without counting. */
int ratelimit_peek(struct ratelimit *rl, const char *key, int window);
void ratelimit_reset(struct ratelimit *rl, const char *key);

#endif

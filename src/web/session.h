/*
 * session.h — the per-address / per-account rate limiter. Staff sessions themselves are kept
 * in the store (domain/session.h), so that a restart does not sign everyone out; web/app.c
 * hands their token to the browser in an HttpOnly, SameSite=Lax cookie.
 *
 * The rate limiter counts events per key ("login-user:alice", "login-addr:1.2.3.4",
 * "form:1.2.3.4") in fixed windows. Thread-safe.
 * May call: base/.
 */
#ifndef GK_WEB_SESSION_H
#define GK_WEB_SESSION_H

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

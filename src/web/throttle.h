/*
 * throttle.h — the rate limiter of the public forms: counts events per key ("apply:1.2.3.4",
 * "track:1.2.3.4", "feedback:1.2.3.4") in fixed windows, in memory, per process.
 * Thread-safe. (Sign-in attempts are throttled by domain/signin.h, in the store.)
 * May call: base/.
 */
#ifndef GK_WEB_THROTTLE_H
#define GK_WEB_THROTTLE_H

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

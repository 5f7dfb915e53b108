/*
 * throttle.h — the rate limit of the public forms: submissions of each form per client address
 * ("apply:1.2.3.4", "track:…", "feedback:…") in a window from the first, counted in the database
 * (domain/shared.h), so every `gongkai serve` process of one database counts the same
 * submissions. (Sign-in attempts are throttled by domain/signin.h, in the store too.)
 * May call: domain/shared.h, web/.
 */
#ifndef GK_WEB_THROTTLE_H
#define GK_WEB_THROTTLE_H

#include "web/app.h"

/* Count one submission of key in the window of window seconds; 0 and *over set when the count
 * passes limit, an error (the database unreachable: c->err) otherwise. Its own transaction:
 * called before the request's. */
int web_throttle(struct web_ctx *c, const char *key, int window, int limit, int *over) GK_WUR;

#endif

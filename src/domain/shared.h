/*
 * shared.h — what every `gongkai serve` process of one database shares beyond the records, so
 * that a platform may run several of them (docs/platform.md): the rate limits of the public
 * forms (counted in the database) and the secrets made once for the whole
 * database (WEB_SECRET_FORMS signs the anonymous forms' CSRF tokens and the applicants'
 * /track cookies, so a form served by one process is accepted by another). Staff sessions
 * and sign-in throttling are shared through their own records (domain/session.h,
 * domain/signin.h). Every function works in the caller's (write) transaction.
 * May call: store/shared_store.h, store/store.h, base/.
 */
#ifndef GK_DOMAIN_SHARED_H
#define GK_DOMAIN_SHARED_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

#define WEB_SECRET_FORMS "forms"
#define SHARED_SECRET_MAX 64  /* bytes */

/* Count one submission of key ("apply:1.2.3.4") at time now in its window of window seconds,
 * which starts at the first submission (after the window a new one starts); *n is the count
 * in that window, this one included. Counters of windows over a day old are forgotten. */
int shared_rate_hit(struct store *s, const char *key, int window, int64_t now, int64_t *n,
		    struct gk_error *e) GK_WUR;

/* The secret name as len bytes (len ≤ SHARED_SECRET_MAX): read, or made at random and stored
 * by the first process that asks (a concurrent first asker reads the same). */
int shared_secret(struct store *s, const char *name, uint8_t *out, size_t len,
		  struct gk_error *e) GK_WUR;

#endif

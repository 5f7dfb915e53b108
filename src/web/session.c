/*
 * session.c — in-memory sessions keyed by token hash, and fixed-window rate counters
 * (see session.h). Both are small lists under a mutex: a township office has a handful of
 * staff; the lists are capped so that no client can grow them without bound.
 * May call: base/.
 */
#include "web/session.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

#define SESSIONS_MAX 4096
#define RATE_KEYS_MAX 16384

struct sentry {
	char hash[CRYPTO_SHA256_HEX];
	struct session s;
	struct sentry *next;
};

struct sessions {
	pthread_mutex_t mu;
	struct sentry *head;
	int n;
};

struct sessions *sessions_new(void)
{
	struct sessions *ss = xcalloc(1, sizeof *ss);

	pthread_mutex_init(&ss->mu, NULL);
	return ss;
}

void sessions_free(struct sessions *ss)
{
	struct sentry *e, *next;

	if (ss == NULL)
		return;
	for (e = ss->head; e; e = next) {
		next = e->next;
		free(e);
	}
	pthread_mutex_destroy(&ss->mu);
	free(ss);
}

static int expired(const struct session *s, time_t now)
{
	return now - s->seen > SESSION_IDLE_SECONDS || now - s->created > SESSION_MAX_SECONDS;
}

/* Drop expired sessions; with the mutex held. */
static void sweep(struct sessions *ss, time_t now)
{
	struct sentry **pp = &ss->head;

	while (*pp) {
		struct sentry *e = *pp;
		if (expired(&e->s, now)) {
			*pp = e->next;
			free(e);
			ss->n--;
		} else {
			pp = &e->next;
		}
	}
}

void sessions_create(struct sessions *ss, int64_t user_id, const char *user,
		     char token[CRYPTO_SHA256_HEX], struct session *out)
{
	uint8_t raw[32];
	struct sentry *e = xcalloc(1, sizeof *e);
	time_t now = time(NULL);

	crypto_random(raw, sizeof raw);
	crypto_hex(raw, sizeof raw, token);
	crypto_sha256_hex(token, strlen(token), e->hash);
	crypto_random(raw, sizeof raw);
	crypto_hex(raw, sizeof raw, e->s.csrf);
	e->s.user_id = user_id;
	snprintf(e->s.user, sizeof e->s.user, "%s", user);
	e->s.created = e->s.seen = now;
	pthread_mutex_lock(&ss->mu);
	sweep(ss, now);
	while (ss->n >= SESSIONS_MAX) {  /* drop the oldest (at the tail) */
		struct sentry **pp = &ss->head;
		while ((*pp)->next)
			pp = &(*pp)->next;
		free(*pp);
		*pp = NULL;
		ss->n--;
	}
	e->next = ss->head;
	ss->head = e;
	ss->n++;
	*out = e->s;
	pthread_mutex_unlock(&ss->mu);
}

int sessions_lookup(struct sessions *ss, const char *token, struct session *out)
{
	char hash[CRYPTO_SHA256_HEX];
	time_t now = time(NULL);
	int rc = -1;

	if (token == NULL || strlen(token) != 64)
		return -1;
	crypto_sha256_hex(token, 64, hash);
	pthread_mutex_lock(&ss->mu);
	for (struct sentry *e = ss->head; e; e = e->next) {
		if (strcmp(e->hash, hash) == 0) {  /* hashes, not secrets: plain compare is fine */
			if (!expired(&e->s, now)) {
				e->s.seen = now;
				*out = e->s;
				rc = 0;
			}
			break;
		}
	}
	pthread_mutex_unlock(&ss->mu);
	return rc;
}

void sessions_destroy(struct sessions *ss, const char *token)
{
	char hash[CRYPTO_SHA256_HEX];
	struct sentry **pp;

	if (token == NULL || strlen(token) != 64)
		return;
	crypto_sha256_hex(token, 64, hash);
	pthread_mutex_lock(&ss->mu);
	for (pp = &ss->head; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->hash, hash) == 0) {
			struct sentry *e = *pp;
			*pp = e->next;
			free(e);
			ss->n--;
			break;
		}
	}
	pthread_mutex_unlock(&ss->mu);
}

/* ---------------------------------------------------------------- rate limiter */

struct rentry {
	char *key;
	time_t start;
	int window;
	int count;
	struct rentry *next;
};

struct ratelimit {
	pthread_mutex_t mu;
	struct rentry *head;
	int n;
};

struct ratelimit *ratelimit_new(void)
{
	struct ratelimit *rl = xcalloc(1, sizeof *rl);

	pthread_mutex_init(&rl->mu, NULL);
	return rl;
}

void ratelimit_free(struct ratelimit *rl)
{
	struct rentry *e, *next;

	if (rl == NULL)
		return;
	for (e = rl->head; e; e = next) {
		next = e->next;
		free(e->key);
		free(e);
	}
	pthread_mutex_destroy(&rl->mu);
	free(rl);
}

/* Find key's entry (creating it when make), resetting a finished window; mutex held. */
static struct rentry *rfind(struct ratelimit *rl, const char *key, int window, int make)
{
	time_t now = time(NULL);
	struct rentry **pp = &rl->head, *e;

	while (*pp) {
		e = *pp;
		if (now - e->start >= e->window) {  /* finished window: forget it */
			*pp = e->next;
			free(e->key);
			free(e);
			rl->n--;
			continue;
		}
		if (strcmp(e->key, key) == 0)
			return e;
		pp = &e->next;
	}
	if (!make || rl->n >= RATE_KEYS_MAX)
		return NULL;
	e = xcalloc(1, sizeof *e);
	e->key = xstrdup(key);
	e->start = now;
	e->window = window;
	e->next = rl->head;
	rl->head = e;
	rl->n++;
	return e;
}

int ratelimit_hit(struct ratelimit *rl, const char *key, int window)
{
	struct rentry *e;
	int n;

	pthread_mutex_lock(&rl->mu);
	e = rfind(rl, key, window, 1);
	/* With the table full every new key counts as over any limit: fail closed. */
	n = e ? ++e->count : 1 << 20;
	pthread_mutex_unlock(&rl->mu);
	return n;
}

int ratelimit_peek(struct ratelimit *rl, const char *key, int window)
{
	struct rentry *e;
	int n;

	pthread_mutex_lock(&rl->mu);
	e = rfind(rl, key, window, 0);
	n = e ? e->count : 0;
	pthread_mutex_unlock(&rl->mu);
	return n;
}

void ratelimit_reset(struct ratelimit *rl, const char *key)
{
	struct rentry *e;

	pthread_mutex_lock(&rl->mu);
	e = rfind(rl, key, 1, 0);
	if (e)
		e->count = 0;
	pthread_mutex_unlock(&rl->mu);
}

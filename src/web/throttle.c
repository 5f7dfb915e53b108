/*
 * throttle.c — fixed-window rate counters (see throttle.h): a small list under a mutex, capped
 * so that no client can grow it without bound.
 * May call: base/.
 */
#include "web/throttle.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"

#define RATE_KEYS_MAX 16384

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

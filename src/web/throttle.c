/*
 * throttle.c — the public forms' rate limit (see throttle.h): one short write transaction per
 * submission, before the handler's own.
 * May call: domain/shared.h, store/store.h, web/.
 */
#include "web/throttle.h"

#include <time.h>

#include "domain/shared.h"
#include "web/webint.h"

int web_throttle(struct web_ctx *c, const char *key, int window, int limit, int *over)
{
	struct store *s;
	int64_t n = 0;
	int rc;

	*over = 0;
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = web_finish(c, shared_rate_hit(s, key, window, (int64_t)time(NULL), &n, &c->err));
	if (rc == 0)
		*over = n > limit;
	return rc;
}

/*
 * shared.c — rate limits and secrets shared by the web processes (see shared.h).
 */
#include "domain/shared.h"

#include <string.h>

#include "base/arena.h"
#include "base/crypto.h"
#include "store/shared_store.h"

#define RATE_KEEP 86400  /* seconds a window's counter is kept after it starts */

int shared_rate_hit(struct store *s, const char *key, int window, int64_t now, int64_t *n,
		    struct gk_error *e)
{
	int rc;

	if ((rc = shared_store(s)->rate_hit(s, key, now, now - window, n, e)) != 0)
		return rc;
	return *n == 1 ? shared_store(s)->rate_prune(s, now - RATE_KEEP, e) : 0;
}

int shared_secret(struct store *s, const char *name, uint8_t *out, size_t len,
		  struct gk_error *e)
{
	char hex[2 * SHARED_SECRET_MAX + 1], at[21];
	struct arena a;
	char *got = NULL;
	int rc;

	if (len > SHARED_SECRET_MAX)
		return err_set(e, ERR_INTERNAL, "", "共享密钥最多 %d 字节", SHARED_SECRET_MAX);
	arena_init(&a);
	rc = shared_store(s)->secret_get(s, name, &a, &got, e);
	if (rc == 0 && got == NULL) {
		crypto_random(out, len);
		crypto_hex(out, len, hex);
		store_now(at);
		rc = shared_store(s)->secret_add(s, name, hex, at, e);
		crypto_wipe(hex, sizeof hex);
		if (rc == 0)
			rc = shared_store(s)->secret_get(s, name, &a, &got, e);
	}
	if (rc == 0 && (got == NULL || crypto_unhex(got, out, len) != 0))
		rc = err_set(e, ERR_DB, "", "网站各进程共用的密钥 %s 已损坏"
			     "（web_secret 应为 %zu 字节的十六进制）", name, len);
	if (got)
		crypto_wipe(got, strlen(got));
	arena_free(&a);
	return rc;
}

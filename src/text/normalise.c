/*
 * normalise.c — NFKC + casefold (utf8proc) then traditional → simplified (OpenCC).
 *
 * OpenCC's converter is created once per process (loading its dictionaries takes tens of
 * milliseconds) and used under a mutex. The OpenCC configuration is "t2s.json" from the
 * Debian package's data directory; GONGKAI_OPENCC_CONFIG may name another file.
 */
#include "text/normalise.h"

#include <opencc/opencc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/utf8.h"

static pthread_once_t cc_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t cc_lock = PTHREAD_MUTEX_INITIALIZER;
static opencc_t cc = (opencc_t)-1;

static void cc_open(void)
{
	const char *cfg = getenv("GONGKAI_OPENCC_CONFIG");
	cc = opencc_open(cfg && *cfg ? cfg : "t2s.json");
}

int text_nfkc_casefold(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;
	int rc;

	if (!utf8_valid(s, len))
		return err_set(e, ERR_INVALID, "", "text is not valid UTF-8");
	if (len == 0)
		return 0;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
			 UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0)
		return err_set(e, ERR_INVALID, "", "cannot normalise text: %s", utf8proc_errmsg(n));
	rc = buf_append(out, dst, (size_t)n);
	free(dst);
	if (rc)
		return err_set(e, rc, "", "normalised text is too long");
	return 0;
}

int text_t2s(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	char *conv;
	int rc;

	if (!utf8_valid(s, len))
		return err_set(e, ERR_INVALID, "", "text is not valid UTF-8");
	if (len == 0)
		return 0;
	pthread_once(&cc_once, cc_open);
	if (cc == (opencc_t)-1) {
		/* Without OpenCC's dictionaries the text passes unchanged; matching still works for
		 * simplified text. */
		rc = buf_append(out, s, len);
		return rc ? err_set(e, rc, "", "text is too long") : 0;
	}
	pthread_mutex_lock(&cc_lock);
	conv = opencc_convert_utf8(cc, s, len);
	pthread_mutex_unlock(&cc_lock);
	if (conv == NULL)
		return err_set(e, ERR_INTERNAL, "", "OpenCC conversion failed");
	rc = buf_puts(out, conv);
	opencc_convert_utf8_free(conv);
	return rc ? err_set(e, rc, "", "text is too long") : 0;
}

int text_normalise(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	struct buf tmp;
	int rc;

	buf_init(&tmp, out->max);
	if ((rc = text_nfkc_casefold(s, len, &tmp, e)) == 0)
		rc = text_t2s(buf_cstr(&tmp), tmp.len, out, e);
	buf_free(&tmp);
	return rc;
}

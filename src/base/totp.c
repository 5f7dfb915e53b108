/*
 * totp.c — TOTP with liboath (see totp.h).
 */
#include "base/totp.h"

#include <liboath/oath.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/crypto.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
	oath_init();
}

void totp_secret_new(char out[TOTP_SECRET_B32])
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	uint8_t raw[20];
	size_t bit = 0;

	crypto_random(raw, sizeof raw);
	for (int i = 0; i < TOTP_SECRET_B32 - 1; i++, bit += 5) {
		unsigned v = ((unsigned)raw[bit / 8] << 8 | (bit / 8 + 1 < sizeof raw ? raw[bit / 8 + 1] : 0u));
		out[i] = b32[(v >> (11 - bit % 8)) & 31];
	}
	out[TOTP_SECRET_B32 - 1] = '\0';
}

int totp_secret_valid(const char *s)
{
	if (s == NULL || strlen(s) != TOTP_SECRET_B32 - 1)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '2' && *s <= '7')))
			return 0;
	return 1;
}

/* The raw secret of a base32 one (malloc'd, *len bytes); NULL when malformed. */
static char *decode(const char *secret, size_t *len)
{
	char *raw = NULL;

	pthread_once(&once, init);
	if (!totp_secret_valid(secret) ||
	    oath_base32_decode(secret, strlen(secret), &raw, len) != OATH_OK) {
		free(raw);
		return NULL;
	}
	return raw;
}

int totp_check(const char *secret, const char *code, int64_t now, int64_t last_step,
	       int64_t *step)
{
	size_t len;
	char *raw;
	uint64_t counter = 0;
	int pos, rc;

	if (code == NULL || strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return 0;
	if ((raw = decode(secret, &len)) == NULL)
		return 0;
	rc = oath_totp_validate3(raw, len, (time_t)now, TOTP_STEP, 0, 1, &pos, &counter, code);
	free(raw);
	if (rc < 0 || (int64_t)counter <= last_step)
		return 0;
	*step = (int64_t)counter;
	return 1;
}

int totp_code(const char *secret, int64_t now, char out[7])
{
	size_t len;
	char *raw = decode(secret, &len);
	int rc;

	if (raw == NULL)
		return -1;
	rc = oath_totp_generate(raw, len, (time_t)now, TOTP_STEP, 0, 6, out);
	free(raw);
	return rc == OATH_OK ? 0 : -1;
}

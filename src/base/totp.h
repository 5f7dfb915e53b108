/*
 * totp.h — time-based one-time passwords (TOTP, RFC 6238: HMAC-SHA-1, 6 digits, 30-second
 * steps) as any authenticator app makes them, for the staff's second factor. The only file
 * that includes liboath (base/totp.c).
 * A secret is 20 random bytes, handed to people and apps in base32 (RFC 4648, 32 letters).
 * May call: base/crypto.h.
 */
#ifndef GK_BASE_TOTP_H
#define GK_BASE_TOTP_H

#include <stdint.h>

#define TOTP_SECRET_B32 33     /* 32 base32 letters + NUL */
#define TOTP_STEP 30

/* A new random secret in base32. */
void totp_secret_new(char out[TOTP_SECRET_B32]);

/* 1 if code is the one-time password of secret at now, or one step before or after (clocks
 * differ), at a step later than last_step (a code is good once: no replay); *step receives the
 * step it matched. 0 otherwise, and for a malformed secret or code. */
int totp_check(const char *secret, const char *code, int64_t now, int64_t last_step,
	       int64_t *step);

/* The code of secret at now (6 digits + NUL); 0, or -1 for a malformed secret. */
int totp_code(const char *secret, int64_t now, char out[7]);

/* 1 if s is a well-formed base32 secret of TOTP_SECRET_B32 - 1 letters. */
int totp_secret_valid(const char *s);

#endif

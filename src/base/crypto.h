/*
 * crypto.h — hashing, randomness and password hashing (the one module that includes sodium.h).
 *
 * Everything security-related goes through here so that libsodium is included once:
 * SHA-256 (audit chain, tracking secrets), random bytes and random codes drawn from an
 * alphabet (tracking codes, session tokens), argon2id password hashes (crypto_pwhash_str,
 * INTERACTIVE limits), authenticated encryption of small secrets (XChaCha20-Poly1305, for
 * secrets kept at rest under a key outside the database). Thread-safe once crypto_init has succeeded (every function calls it).
 * Depends on base/ and libsodium.
 */
#ifndef GK_BASE_CRYPTO_H
#define GK_BASE_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define CRYPTO_SHA256_LEN 32
#define CRYPTO_SHA256_HEX (2 * CRYPTO_SHA256_LEN + 1)
#define CRYPTO_PWHASH_LEN 128  /* crypto_pwhash_STRBYTES */

/* Initialise libsodium (idempotent). ERR_INTERNAL if the library cannot start. */
int crypto_init(struct gk_error *e) GK_WUR;

/* SHA-256 of data[0..len), as 32 bytes. */
void crypto_sha256(const void *data, size_t len, uint8_t out[CRYPTO_SHA256_LEN]);
/* SHA-256 of data[0..len) as 64 lower-case hex digits + NUL. */
void crypto_sha256_hex(const void *data, size_t len, char out[CRYPTO_SHA256_HEX]);
/* Lower-case hex of n bytes into out (2n+1 bytes). */
void crypto_hex(const uint8_t *bytes, size_t n, char *out);

/* n cryptographically random bytes. */
void crypto_random(void *out, size_t n);
/* A NUL-terminated string of n characters drawn uniformly from alphabet (out has n+1 bytes). */
void crypto_random_code(char *out, size_t n, const char *alphabet);

/* argon2id hash of the password (crypto_pwhash_str, OPSLIMIT/MEMLIMIT_INTERACTIVE) into out.
 * ERR_INTERNAL if memory for hashing cannot be obtained. */
int crypto_password_hash(const char *password, char out[CRYPTO_PWHASH_LEN], struct gk_error *e) GK_WUR;
/* 1 if password matches the stored hash, 0 otherwise (also for a malformed hash). */
int crypto_password_verify(const char *hash, const char *password);
/* Verify password against a fixed argon2id hash made with the same parameters as
 * crypto_password_hash, and throw the answer away: an unknown or disabled account then costs
 * the same time as a wrong password, so response times do not tell which accounts exist. */
void crypto_password_verify_dummy(const char *password);
/* 1 if hash was made with the parameters crypto_password_hash uses today. */
int crypto_password_current(const char *hash);
/* The fixed hash crypto_password_verify_dummy verifies against. */
extern const char crypto_password_dummy_hash[];
/* How many argon2id verifications (real and dummy) this process has run: tests use it to
 * check that every login attempt pays for one. */
unsigned long crypto_password_verifications(void);

/* HMAC-SHA-256 of data[0..len) under key[0..keylen), as 64 lower-case hex digits + NUL. */
void crypto_hmac_sha256_hex(const void *key, size_t keylen, const void *data, size_t len,
			    char out[CRYPTO_SHA256_HEX]);

/* Ed25519 signatures (libsodium crypto_sign), keys and signatures in lower-case hex:
 * a secret key is 128 hex digits (it holds its public key), a public key 64, a signature 128. */
#define CRYPTO_SIGN_SECRET_HEX 129
#define CRYPTO_SIGN_PUBLIC_HEX 65
#define CRYPTO_SIGN_HEX 129
void crypto_sign_keypair_hex(char secret[CRYPTO_SIGN_SECRET_HEX], char pub[CRYPTO_SIGN_PUBLIC_HEX]);
/* The public key of a secret key; -1 when it is malformed. */
int crypto_sign_public_hex(const char *secret, char pub[CRYPTO_SIGN_PUBLIC_HEX]);
/* Sign data with secret; -1 when the key is malformed. */
int crypto_sign_hex(const char *secret, const void *data, size_t len, char sig[CRYPTO_SIGN_HEX]);
/* 1 if sig is pub's signature of data. */
int crypto_sign_verify_hex(const char *pub, const void *data, size_t len, const char *sig);

/* Authenticated encryption (libsodium crypto_aead_xchacha20poly1305_ietf) of len bytes of
 * plain under a 32-byte key, binding ad[0..adlen) (authenticated, not hidden: the record the
 * secret belongs to, so it cannot be moved to another). out gets len + CRYPTO_SEAL_OVERHEAD
 * bytes: a random nonce, then the ciphertext and its tag. */
#define CRYPTO_SEAL_KEY_LEN 32
#define CRYPTO_SEAL_OVERHEAD (24 + 16)
void crypto_seal(const uint8_t key[CRYPTO_SEAL_KEY_LEN], const void *plain, size_t len,
		 const void *ad, size_t adlen, uint8_t *out);
/* Undo crypto_seal: out gets inlen - CRYPTO_SEAL_OVERHEAD bytes; -1 (out untouched) when the
 * tag does not verify (another key, another ad, or altered bytes) or in is too short. */
int crypto_seal_open(const uint8_t key[CRYPTO_SEAL_KEY_LEN], const uint8_t *in, size_t inlen,
		     const void *ad, size_t adlen, uint8_t *out);
/* Exactly 2n hex digits (either case) into n bytes; -1 when hex is NULL or anything else. */
int crypto_unhex(const char *hex, uint8_t *out, size_t n);
/* Create the key file path (it must not exist yet) with mode 0600 holding text and a newline,
 * on disk (fsync) before it returns; nothing is left behind when it fails. 0, or -1 with errno
 * set. */
int crypto_key_file_create(const char *path, const char *text);
/* Zero n bytes at p in a way the compiler keeps (keys, secrets). */
void crypto_wipe(void *p, size_t n);

#endif

/*
 * totp_key.h — the staff's TOTP secrets sealed at rest (GB/T 22239-2019 8.1.4.8 保密性: the
 * data that authenticates is kept confidential in storage).
 *
 * A TOTP secret is as good as a password for the second factor, so the database never holds
 * it in clear: user_totp.secret is "v1:" and the hex of a random nonce, the secret encrypted
 * with XChaCha20-Poly1305 and its tag (base/crypto.h crypto_seal), with the account's id bound
 * as associated data (a sealed secret copied to another account's row does not open). The
 * 32-byte key lives in a file outside the database (store_totp_key_file: the database file +
 * ".totp-key" for SQLite, GONGKAI_TOTP_KEY or serve --totp-key for PostgreSQL): 64 hex digits,
 * mode 0600, made on the first enrolment. A copy of the database alone reveals no secret; a
 * missing or other key refuses the second factor with an error naming the file.
 * May call: store/store.h, base/.
 */
#ifndef GK_DOMAIN_TOTP_KEY_H
#define GK_DOMAIN_TOTP_KEY_H

#include <stdint.h>

#include "base/arena.h"
#include "base/crypto.h"
#include "base/err.h"

#define TOTP_KEY_LEN CRYPTO_SEAL_KEY_LEN

/* Read the key in path (64 hex digits, then an optional newline). ERR_IO, naming the file and
 * what to do, when it is missing (unless create: then a new key is written there, mode 0600,
 * never over an existing file), when group or others may read or write it (the key would be
 * as exposed as the database) or when it holds anything else. Key trouble is the operator's,
 * so it is an error of the server (logged, 500), never shown to the one signing in. */
int totp_key_load(const char *path, int create, uint8_t key[TOTP_KEY_LEN], struct gk_error *e) GK_WUR;

/* A new random key written to path (mode 0600, synced; never over an existing file): ERR_IO
 * naming the file when it cannot be made. */
int totp_key_create(const char *path, uint8_t key[TOTP_KEY_LEN], struct gk_error *e) GK_WUR;

/* A change of key (domain/user.h user_totp_rekey): the new key is made beside the key file
 * as path + ".new" (totp_key_next_path, in a), moved over it once the re-sealed secrets are
 * saved (totp_key_install: rename, then the folder synced; ERR_IO saying where the key is
 * when it cannot be moved) or removed when they are not (totp_key_discard).
 * totp_key_exists: 1 when something is at path. */
const char *totp_key_next_path(const char *path, struct arena *a);
int totp_key_exists(const char *path);
int totp_key_install(const char *next, const char *path, struct gk_error *e) GK_WUR;
void totp_key_discard(const char *path);

/* 1 when stored is a sealed secret, 0 when it is a base32 secret kept in clear (a database
 * from before sealing; gongkai seals those on its next start, user_totp_seal_all). */
int totp_key_is_sealed(const char *stored);

/* The secret of account id sealed under key, as stored ("v1:…", in a). */
const char *totp_key_seal(const uint8_t key[TOTP_KEY_LEN], int64_t id, const char *secret,
			  struct arena *a);

/* Open what totp_key_seal stored for account id: *secret in a. ERR_DB naming the key file
 * (path) when it does not open — another key, or altered bytes. */
int totp_key_open(const uint8_t key[TOTP_KEY_LEN], const char *path, int64_t id,
		  const char *stored, struct arena *a, const char **secret, struct gk_error *e) GK_WUR;

#endif

/*
 * crypto.c — libsodium behind base/crypto.h (see there).
 */
#include "base/crypto.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>

int crypto_init(struct gk_error *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "", "libsodium could not be initialised");
	return 0;
}

static void init_or_die(void)
{
	if (sodium_init() < 0)
		abort();
}

void crypto_sha256(const void *data, size_t len, uint8_t out[CRYPTO_SHA256_LEN])
{
	init_or_die();
	crypto_hash_sha256(out, data, len);
}

void crypto_hex(const uint8_t *bytes, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 15];
	}
	out[2 * n] = '\0';
}

void crypto_sha256_hex(const void *data, size_t len, char out[CRYPTO_SHA256_HEX])
{
	uint8_t h[CRYPTO_SHA256_LEN];

	crypto_sha256(data, len, h);
	crypto_hex(h, sizeof h, out);
}

void crypto_random(void *out, size_t n)
{
	init_or_die();
	randombytes_buf(out, n);
}

void crypto_random_code(char *out, size_t n, const char *alphabet)
{
	uint32_t k = (uint32_t)strlen(alphabet);
	uint32_t limit = 256 - 256 % k;   /* bytes at or above it would bias the draw */
	uint8_t pool[64];
	size_t used = sizeof pool;

	/* One system call per 64 random bytes instead of one per character. */
	for (size_t i = 0; i < n;) {
		if (used == sizeof pool) {
			crypto_random(pool, sizeof pool);
			used = 0;
		}
		if (pool[used] < limit)
			out[i++] = alphabet[pool[used] % k];
		used++;
	}
	out[n] = '\0';
	sodium_memzero(pool, sizeof pool);
}

int crypto_password_hash(const char *password, char out[CRYPTO_PWHASH_LEN], struct gk_error *e)
{
	int rc;

	if ((rc = crypto_init(e)) != 0)
		return rc;
	if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_INTERNAL, "password", "out of memory while hashing the password");
	return 0;
}

static atomic_ulong verifications;

int crypto_password_verify(const char *hash, const char *password)
{
	if (hash == NULL || password == NULL || sodium_init() < 0)
		return 0;
	atomic_fetch_add(&verifications, 1);
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

/* argon2id, m=64 MiB, t=2 (crypto_pwhash OPSLIMIT/MEMLIMIT_INTERACTIVE) of a random password
 * nobody kept. tests/unit/base/test_crypto.c checks that the parameters stay those of
 * crypto_password_hash. */
const char crypto_password_dummy_hash[] =
	"$argon2id$v=19$m=65536,t=2,p=1$EWnpybgMgawN67XfZt5A2Q$kv9om6zMbcrSzS6ucUe/iN7kIRCId0qCf9HqCYd3p9s";

void crypto_password_verify_dummy(const char *password)
{
	(void)crypto_password_verify(crypto_password_dummy_hash, password ? password : "");
}

int crypto_password_current(const char *hash)
{
	init_or_die();
	return crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					      crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

unsigned long crypto_password_verifications(void)
{
	return atomic_load(&verifications);
}

void crypto_hmac_sha256_hex(const void *key, size_t keylen, const void *data, size_t len,
			    char out[CRYPTO_SHA256_HEX])
{
	crypto_auth_hmacsha256_state st;
	uint8_t mac[crypto_auth_hmacsha256_BYTES];

	init_or_die();
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, data, len);
	crypto_auth_hmacsha256_final(&st, mac);
	crypto_hex(mac, sizeof mac, out);
	sodium_memzero(&st, sizeof st);
}

void crypto_sign_keypair_hex(char secret[CRYPTO_SIGN_SECRET_HEX], char pub[CRYPTO_SIGN_PUBLIC_HEX])
{
	uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];

	crypto_sign_keypair(pk, sk);
	crypto_hex(sk, sizeof sk, secret);
	crypto_hex(pk, sizeof pk, pub);
	sodium_memzero(sk, sizeof sk);
}

int crypto_sign_public_hex(const char *secret, char pub[CRYPTO_SIGN_PUBLIC_HEX])
{
	uint8_t sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];

	if (crypto_unhex(secret, sk, sizeof sk) != 0)
		return -1;
	crypto_sign_ed25519_sk_to_pk(pk, sk);
	sodium_memzero(sk, sizeof sk);
	crypto_hex(pk, sizeof pk, pub);
	return 0;
}

int crypto_sign_hex(const char *secret, const void *data, size_t len, char sig[CRYPTO_SIGN_HEX])
{
	uint8_t sk[crypto_sign_SECRETKEYBYTES], s[crypto_sign_BYTES];

	if (crypto_unhex(secret, sk, sizeof sk) != 0)
		return -1;
	crypto_sign_detached(s, NULL, data, len, sk);
	sodium_memzero(sk, sizeof sk);
	crypto_hex(s, sizeof s, sig);
	return 0;
}

int crypto_sign_verify_hex(const char *pub, const void *data, size_t len, const char *sig)
{
	uint8_t pk[crypto_sign_PUBLICKEYBYTES], s[crypto_sign_BYTES];

	if (crypto_unhex(pub, pk, sizeof pk) != 0 || crypto_unhex(sig, s, sizeof s) != 0)
		return 0;
	return crypto_sign_verify_detached(s, data, len, pk) == 0;
}

void crypto_seal(const uint8_t key[CRYPTO_SEAL_KEY_LEN], const void *plain, size_t len,
		 const void *ad, size_t adlen, uint8_t *out)
{
	unsigned long long clen;

	init_or_die();
	randombytes_buf(out, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
						   &clen, plain, len, ad, adlen, NULL, out, key);
}

int crypto_seal_open(const uint8_t key[CRYPTO_SEAL_KEY_LEN], const uint8_t *in, size_t inlen,
		     const void *ad, size_t adlen, uint8_t *out)
{
	const size_t nb = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	unsigned long long mlen;

	init_or_die();
	if (inlen < CRYPTO_SEAL_OVERHEAD)
		return -1;
	return crypto_aead_xchacha20poly1305_ietf_decrypt(out, &mlen, NULL, in + nb, inlen - nb,
							  ad, adlen, in, key) == 0 ? 0 : -1;
}

int crypto_unhex(const char *hex, uint8_t *out, size_t n)
{
	size_t got;

	init_or_die();
	if (hex == NULL || strlen(hex) != 2 * n ||
	    sodium_hex2bin(out, n, hex, 2 * n, NULL, &got, NULL) != 0 || got != n)
		return -1;
	return 0;
}

int crypto_key_file_create(const char *path, const char *text)
{
	size_t len = strlen(text);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600), saved;

	if (fd < 0)
		return -1;
	errno = 0;
	if (write(fd, text, len) != (ssize_t)len || write(fd, "\n", 1) != 1 || fsync(fd) != 0) {
		saved = errno ? errno : EIO;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	return close(fd);
}

void crypto_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}

_Static_assert(CRYPTO_SEAL_OVERHEAD == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
	       crypto_aead_xchacha20poly1305_ietf_ABYTES, "seal layout");
_Static_assert(CRYPTO_SEAL_KEY_LEN == crypto_aead_xchacha20poly1305_ietf_KEYBYTES, "seal key");

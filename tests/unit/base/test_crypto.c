/* test_crypto.c — the dummy password hash costs what a real one does (same argon2id
 * parameters), verifications are counted, HMAC-SHA-256 matches RFC 4231. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/crypto.h"

static void test_dummy_hash_has_current_parameters(void **state)
{
	char hash[CRYPTO_PWHASH_LEN];
	struct gk_error e = { 0 };
	unsigned long before;

	(void)state;
	assert_int_equal(crypto_password_hash("a password", hash, &e), 0);
	assert_true(crypto_password_current(hash));
	/* if crypto_password_hash changes its limits, the dummy must be made again with them */
	assert_true(crypto_password_current(crypto_password_dummy_hash));
	assert_false(crypto_password_current("$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA"));
	before = crypto_password_verifications();
	crypto_password_verify_dummy("a password");
	crypto_password_verify_dummy(NULL);
	assert_int_equal(crypto_password_verifications() - before, 2);
	assert_true(crypto_password_verify(hash, "a password"));
	assert_false(crypto_password_verify(hash, "another"));
}

static void test_hmac_sha256_rfc4231(void **state)
{
	char out[CRYPTO_SHA256_HEX];
	const char *data = "what do ya want for nothing?";

	(void)state;
	/* RFC 4231, test case 2 */
	crypto_hmac_sha256_hex("Jefe", 4, data, strlen(data), out);
	assert_string_equal(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

/* A key file is made once, 0600, holding the text and a newline; a second is refused. */
static void test_key_file_create(void **state)
{
	char dir[] = "/tmp/gk-keyfile-XXXXXX", path[64], text[16] = "";
	struct stat st;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/k", dir);
	assert_int_equal(crypto_key_file_create(path, "00ff"), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(text, sizeof text, f));
	fclose(f);
	assert_string_equal(text, "00ff\n");
	assert_int_equal(crypto_key_file_create(path, "1111"), -1);
	assert_int_equal(errno, EEXIST);
	unlink(path);
	rmdir(dir);
}

/* Hex in either case; NULL, odd lengths and other characters refused. */
static void test_unhex(void **state)
{
	uint8_t b[2];

	(void)state;
	assert_int_equal(crypto_unhex("00fF", b, 2), 0);
	assert_int_equal(b[1], 0xff);
	assert_int_equal(crypto_unhex(NULL, b, 2), -1);
	assert_int_equal(crypto_unhex("00f", b, 2), -1);
	assert_int_equal(crypto_unhex("00fg", b, 2), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dummy_hash_has_current_parameters),
		cmocka_unit_test(test_hmac_sha256_rfc4231),
		cmocka_unit_test(test_key_file_create),
		cmocka_unit_test(test_unhex),
	};
	return cmocka_run_group_tests_name("base/crypto", tests, NULL, NULL);
}

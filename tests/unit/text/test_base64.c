/* test_base64.c — RFC 4648 vectors, binary round trip, and strict refusal of bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/base64.h"

static void test_vectors(void **state)
{
	static const char *const plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *const enc[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	struct buf b;

	buf_init(&b, 0);
	for (size_t i = 0; i < 7; i++) {
		buf_reset(&b);
		assert_int_equal(base64_encode(plain[i], strlen(plain[i]), &b), 0);
		assert_string_equal(buf_cstr(&b), enc[i]);
		buf_reset(&b);
		assert_int_equal(base64_decode(enc[i], strlen(enc[i]), &b), 0);
		assert_int_equal(b.len, strlen(plain[i]));
		assert_memory_equal(buf_cstr(&b), plain[i], b.len);
	}
	buf_free(&b);
}

static void test_binary_and_bad(void **state)
{
	unsigned char bytes[256];
	struct buf b, back;

	for (int i = 0; i < 256; i++)
		bytes[i] = (unsigned char)(255 - i);
	buf_init(&b, 0);
	buf_init(&back, 0);
	assert_int_equal(base64_encode(bytes, sizeof bytes, &b), 0);
	assert_int_equal(base64_decode(b.ptr, b.len, &back), 0);
	assert_int_equal(back.len, sizeof bytes);
	assert_memory_equal(back.ptr, bytes, sizeof bytes);
	const char *bad[] = { "Zg=", "Z===", "Zh==", "Zg==Zg==", "Zm9v\n", "Zm 9", "Zm9=v" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(base64_decode(bad[i], strlen(bad[i]), &back), ERR_INVALID);
	buf_free(&b);
	buf_free(&back);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_binary_and_bad),
	};
	return cmocka_run_group_tests_name("text/base64", tests, NULL, NULL);
}

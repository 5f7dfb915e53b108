/* test_buf.c — the capped buffer refuses to grow past its maximum and keeps what it had. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"

static void test_append_and_printf(void **state)
{
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(buf_puts(&b, "公开"), 0);
	assert_int_equal(buf_printf(&b, " %d件", 42), 0);
	assert_string_equal(buf_cstr(&b), "公开 42件");
	assert_int_equal(b.len, strlen("公开 42件"));
	buf_free(&b);
}

static void test_limit_keeps_content(void **state)
{
	struct buf b;
	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "12345678"), 0);
	assert_int_equal(buf_putc(&b, '9'), ERR_LIMIT);
	assert_int_equal(buf_printf(&b, "%s", "x"), ERR_LIMIT);
	assert_string_equal(buf_cstr(&b), "12345678");
	buf_free(&b);
}

static void test_arena(void **state)
{
	struct arena a;
	arena_init(&a);
	char *s = arena_printf(&a, "%s-%05d", "2024", 3);
	assert_string_equal(s, "2024-00003");
	for (int i = 0; i < 1000; i++)
		assert_non_null(arena_alloc(&a, 100));
	assert_true(a.total >= 100000);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append_and_printf),
		cmocka_unit_test(test_limit_keeps_content),
		cmocka_unit_test(test_arena),
	};
	return cmocka_run_group_tests_name("base/buf", tests, NULL, NULL);
}

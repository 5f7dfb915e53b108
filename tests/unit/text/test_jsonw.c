/* test_jsonw.c — the JSON writer: escaping, commas, nesting, limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/jsonw.h"

static void test_compact(void **state)
{
	struct buf b;
	struct jsonw w;

	buf_init(&b, 0);
	jsonw_init(&w, &b, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "name", "慈周寨镇 \"x\"\n\\");
	jsonw_kint(&w, "n", -42);
	jsonw_key(&w, "list");
	jsonw_arr_begin(&w);
	jsonw_int(&w, 1);
	jsonw_str(&w, NULL);
	jsonw_bool(&w, 1);
	jsonw_obj_begin(&w);
	jsonw_obj_end(&w);
	jsonw_arr_end(&w);
	jsonw_kstr(&w, "ctl", "\x01");
	jsonw_obj_end(&w);
	assert_int_equal(jsonw_finish(&w), 0);
	assert_string_equal(buf_cstr(&b), "{\"name\":\"慈周寨镇 \\\"x\\\"\\n\\\\\",\"n\":-42,"
			    "\"list\":[1,null,true,{}],\"ctl\":\"\\u0001\"}");
	buf_free(&b);
}

static void test_pretty_and_errors(void **state)
{
	struct buf b;
	struct jsonw w;

	buf_init(&b, 0);
	jsonw_init(&w, &b, 1);
	jsonw_arr_begin(&w);
	jsonw_int(&w, 1);
	jsonw_int(&w, 2);
	jsonw_arr_end(&w);
	assert_int_equal(jsonw_finish(&w), 0);
	assert_string_equal(buf_cstr(&b), "[\n  1,\n  2\n]\n");
	buf_free(&b);

	/* unbalanced */
	buf_init(&b, 0);
	jsonw_init(&w, &b, 0);
	jsonw_obj_begin(&w);
	assert_int_equal(jsonw_finish(&w), ERR_INTERNAL);
	buf_free(&b);

	/* a capped buffer reports ERR_LIMIT */
	buf_init(&b, 8);
	jsonw_init(&w, &b, 0);
	jsonw_str(&w, "a long string that does not fit");
	assert_int_equal(jsonw_finish(&w), ERR_LIMIT);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty_and_errors),
	};
	return cmocka_run_group_tests_name("text/jsonw", tests, NULL, NULL);
}

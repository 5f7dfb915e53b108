/* test_desc.c — what a record's declaration checks: required, UTF-8, limits, one line,
 * enumerations, days and UTC times as records keep them, whole numbers within their limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "text/desc.h"

struct rec {
	const char *name;
	const char *kind;
	const char *day;
	const char *at;
	int64_t count;
};

static const char *const kinds[] = { "a", "b", NULL };

static const struct desc_field fields[] = {
	{ "name", DESC_LINE, offsetof(struct rec, name), 9, DESC_REQUIRED, NULL, "名称", NULL, "条例第二十九条" },
	{ "kind", DESC_ENUM, offsetof(struct rec, kind), 0, 0, kinds, "类别", NULL, NULL },
	DESC_MEMBER(rec, day, DESC_DAY, 0, "日期"),
	DESC_MEMBER(rec, at, DESC_STAMP, 0, "时间"),
	{ "count", DESC_INT, offsetof(struct rec, count), 30, 0, NULL, "件数", NULL, NULL },
};
static const struct desc_record record = { "rec", "记录", fields, 5 };

/* The field and the start of the message desc_check gives for r, or "" when r is fine. */
static const char *broken(struct rec r, char *out, size_t len)
{
	struct gk_error e = { 0 };

	if (desc_check(&record, &r, &e) == 0)
		return "";
	assert_int_equal(e.code, ERR_INVALID);
	snprintf(out, len, "%s（%s）: %s", e.field, e.label, e.msg);
	return out;
}

static void test_rules(void **state)
{
	struct rec ok = { .name = "慈周寨", .kind = "a", .day = "2024-02-29",
			  .at = "2024-02-29T23:59:59Z", .count = -1 };
	struct rec r;
	char m[1024];

	(void)state;
	assert_string_equal(broken(ok, m, sizeof m), "");
	r = ok; r.name = "";
	assert_string_equal(broken(r, m, sizeof m), "name（名称）: 必须填写（条例第二十九条）");
	r = ok; r.name = "一二三四";
	assert_non_null(strstr(broken(r, m, sizeof m), "最多 9 字节"));
	r = ok; r.name = "a\nb";
	assert_non_null(strstr(broken(r, m, sizeof m), "只能写一行"));
	r = ok; r.name = "a\tb";
	assert_string_equal(broken(r, m, sizeof m), "name（名称）: 含有控制字符");
	r = ok; r.name = "a\x7f";
	assert_string_equal(broken(r, m, sizeof m), "name（名称）: 含有控制字符");
	r = ok; r.name = "\xff";
	assert_non_null(strstr(broken(r, m, sizeof m), "UTF-8"));
	r = ok; r.kind = "c";
	assert_non_null(strstr(broken(r, m, sizeof m), "可选：a、b"));
	r = ok; r.day = "2023-02-29";
	assert_non_null(strstr(broken(r, m, sizeof m), "day（日期）: 不是日期"));
	r = ok; r.day = "2024-2-1";
	assert_non_null(strstr(broken(r, m, sizeof m), "day（日期）"));
	r = ok; r.at = "2024-02-29 12:00:00";
	assert_non_null(strstr(broken(r, m, sizeof m), "at（时间）: 不是 UTC 时间"));
	r = ok; r.at = "2024-02-29T24:00:00Z";
	assert_non_null(strstr(broken(r, m, sizeof m), "at（时间）"));
	r = ok; r.at = "2023-02-29T12:00:00Z";
	assert_non_null(strstr(broken(r, m, sizeof m), "at（时间）"));
	r = ok; r.count = 30;
	assert_string_equal(broken(r, m, sizeof m), "");
	r = ok; r.count = 31;
	assert_non_null(strstr(broken(r, m, sizeof m), "count（件数）: 最大为 30"));
}

/* desc_check_given: a record being made is checked in what it has, not for what it lacks. */
static void test_given(void **state)
{
	struct rec r = { .count = -1 };
	struct gk_error e = { 0 };

	(void)state;
	assert_int_equal(desc_check_given(&record, &r, &e), 0);
	assert_int_not_equal(desc_check(&record, &r, &e), 0);
	r.day = "2024-13-01";
	assert_int_equal(desc_check_given(&record, &r, &e), ERR_INVALID);
	assert_string_equal(e.field, "day");
}

static void test_access(void **state)
{
	struct rec r = { .name = "x", .count = 7 };

	(void)state;
	*desc_str_ref(&fields[2], &r) = "2024-01-01";
	assert_string_equal(r.day, "2024-01-01");
	assert_string_equal(desc_str(desc_find(&record, "name"), &r), "x");
	assert_int_equal(*desc_int_ref(desc_find(&record, "count"), &r), 7);
	assert_null(desc_find(&record, "nothing"));
}

/* A record read by a callback is made its own: every text copied, absent ones left NULL, the
 * numbers as they were. */
static void test_dup(void **state)
{
	char name[] = "乙", day[] = "2024-05-06";
	struct rec r = { .name = name, .day = day, .count = 3 };
	struct arena a;

	(void)state;
	arena_init(&a);
	desc_dup(&record, &r, &a);
	name[0] = day[0] = 'x';
	assert_string_equal(r.name, "乙");
	assert_string_equal(r.day, "2024-05-06");
	assert_true(r.name != name && r.day != day);
	assert_null(r.kind);
	assert_null(r.at);
	assert_int_equal(r.count, 3);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_given),
		cmocka_unit_test(test_access),
		cmocka_unit_test(test_dup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_csv.c — the strict CSV reader: quoting, BOM, line numbers in errors, caps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/csv.h"

static int parse(const char *s, struct arena *a, struct csv_table *t, struct gk_error *e)
{
	return csv_parse(s, strlen(s), "f.csv", NULL, a, t, e);
}

static void test_quoting_and_crlf(void **state)
{
	struct arena a;
	struct csv_table t;
	struct gk_error e = { 0 };

	arena_init(&a);
	assert_int_equal(parse("\xEF\xBB\xBF" "kind, title ,date\r\n"
			       "rule,\"甲,乙 \"\"丙\"\"\",2024-01-02\r\n"
			       "\r\n"
			       "normdoc,\"两行\n文字\",\n"
			       "normdoc,last,2024-03-04", &a, &t, &e), 0);
	assert_int_equal(t.ncols, 3);
	assert_string_equal(t.header[0], "kind");   /* BOM skipped */
	assert_int_equal(csv_column(&t, "title"), 1);  /* header blanks trimmed */
	assert_int_equal(csv_column(&t, "nope"), -1);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(t.rows[0].fields[1], "甲,乙 \"丙\"");
	assert_int_equal(t.rows[0].line, 2);
	assert_string_equal(t.rows[1].fields[1], "两行\n文字");
	assert_string_equal(t.rows[1].fields[2], "");
	assert_int_equal(t.rows[1].line, 4);       /* blank line 3 skipped */
	assert_int_equal(t.rows[2].line, 6);       /* the quoted newline counted */
	assert_string_equal(t.rows[2].fields[2], "2024-03-04");  /* no final newline */
	arena_free(&a);
}

static void expect_error(const char *input, int code, const char *field, const char *msg_part)
{
	struct arena a;
	struct csv_table t;
	struct gk_error e = { 0 };

	arena_init(&a);
	assert_int_equal(parse(input, &a, &t, &e), code);
	assert_string_equal(e.field, field);
	if (strstr(e.msg, msg_part) == NULL)
		fail_msg("message '%s' lacks '%s'", e.msg, msg_part);
	arena_free(&a);
}

static void test_errors_name_the_line(void **state)
{
	expect_error("a,b\n1,2\n3\n", ERR_INVALID, "f.csv:3", "1 fields where the header has 2");
	expect_error("a,b\n1,2\nx\"y,2\n", ERR_INVALID, "f.csv:3", "quote inside an unquoted field");
	expect_error("a,b\n\"1\"x,2\n", ERR_INVALID, "f.csv:2", "after the closing quote");
	expect_error("a,b\n1,2\n\"open,2\n3,4\n", ERR_INVALID, "f.csv:3", "never closed");
	expect_error("a,b\n1,\xff\n", ERR_INVALID, "f.csv:2", "UTF-8");
	expect_error("a,a\n", ERR_INVALID, "f.csv:1", "appears twice");
	expect_error("a,,b\n", ERR_INVALID, "f.csv:1", "column 2 has no name");
	expect_error("", ERR_INVALID, "f.csv:1", "empty");
	expect_error("\n\n", ERR_INVALID, "f.csv:1", "empty");
}

static void test_nul_and_caps(void **state)
{
	struct arena a;
	struct csv_table t;
	struct gk_error e = { 0 };
	struct csv_limits lim = { .max_bytes = 100, .max_rows = 2, .max_cols = 3, .max_field = 5 };
	static const char nul[] = "a,b\n1,\0\n";

	arena_init(&a);
	assert_int_equal(csv_parse(nul, sizeof nul - 1, "f.csv", NULL, &a, &t, &e), ERR_INVALID);
	assert_string_equal(e.field, "f.csv:2");
	assert_int_equal(csv_parse("a\n1\n2\n3\n", 8, "f.csv", &lim, &a, &t, &e), ERR_LIMIT);
	assert_string_equal(e.field, "f.csv:4");
	assert_int_equal(csv_parse("a,b,c,d\n", 8, "f.csv", &lim, &a, &t, &e), ERR_LIMIT);
	assert_int_equal(csv_parse("a\n123456\n", 9, "f.csv", &lim, &a, &t, &e), ERR_LIMIT);
	assert_string_equal(e.field, "f.csv:2");
	{
		char big[200];
		memset(big, 'x', sizeof big);
		assert_int_equal(csv_parse(big, sizeof big, "f.csv", &lim, &a, &t, &e), ERR_LIMIT);
	}
	assert_int_equal(csv_parse("a\n1\n2\n", 6, "f.csv", &lim, &a, &t, &e), 0);
	assert_int_equal(t.nrows, 2);
	arena_free(&a);
}

/* The writer quotes what needs quoting and neutralises anything a spreadsheet would run as a
 * formula; what it writes reads back (csv_parse) as the apostrophe-prefixed text. */
static void test_writer_neutralises_formulas(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "慈周寨镇", "慈周寨镇" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
		{ "+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"" },
		{ "-2+3", "\"'-2+3\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\t=1", "\"'\t=1\"" },
		{ "\r=1", "\"'\r=1\"" },
		{ "a=1", "a=1" },
	};
	struct arena a;

	arena_init(&a);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b, doc;
		struct csv_table t;
		struct gk_error e;

		buf_init(&b, 0);
		assert_int_equal(csv_write_field(&b, cases[i].in), 0);
		assert_string_equal(buf_cstr(&b), cases[i].out);
		buf_init(&doc, 0);
		assert_int_equal(buf_printf(&doc, "c,d\n%s,x\n", buf_cstr(&b)), 0);
		assert_int_equal(csv_parse(doc.ptr, doc.len, "t", NULL, &a, &t, &e), 0);
		assert_int_equal(t.nrows, 1);
		if (cases[i].in[0] && strchr("=+-@\t\r", cases[i].in[0])) {
			assert_int_equal(t.rows[0].fields[0][0], '\'');
			assert_string_equal(t.rows[0].fields[0] + 1, cases[i].in);
		}
		buf_free(&doc);
		buf_free(&b);
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting_and_crlf),
		cmocka_unit_test(test_errors_name_the_line),
		cmocka_unit_test(test_nul_and_caps),
		cmocka_unit_test(test_writer_neutralises_formulas),
	};
	return cmocka_run_group_tests_name("text/csv", tests, NULL, NULL);
}

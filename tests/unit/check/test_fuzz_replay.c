/* test_fuzz_replay.c — the corpus of the check fuzz targets (fuzz/corpus/fuzz_check_*, seeds
 * and any input that once crashed) replays through the same body as the fuzzers, in every
 * test run: no crash, no leak (ASan build), no finding pointing outside its format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "../../../fuzz/fuzz_check.h"

typedef void body_fn(const uint8_t *data, size_t size, const char *name);

static int replay(const char *target, body_fn *body, const char *name)
{
	char *dir = xasprintf(GK_TEST_SOURCE_DIR "/fuzz/corpus/%s", target);
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (!d)
		fail_msg("no corpus %s", dir);
	while ((de = readdir(d)) != NULL) {
		char *path;
		struct buf b;
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		buf_init(&b, 0);
		if (buf_read_file(&b, path, NULL) == 0) {
			body((const uint8_t *)(b.ptr ? b.ptr : ""), b.len, name);
			n++;
		}
		buf_free(&b);
		free(path);
	}
	closedir(d);
	free(dir);
	return n;
}

static void test_text_corpus(void **state)
{
	assert_true(replay("fuzz_check_text", fuzz_check_input, "fuzz.txt") >= 30);
}

static void test_html_corpus(void **state)
{
	assert_true(replay("fuzz_check_html", fuzz_check_input, "fuzz.html") >= 5);
}

static void test_docx_corpus(void **state)
{
	assert_true(replay("fuzz_check_docx", fuzz_check_docx, "fuzz.docx") >= 3);
}

static void test_xlsx_corpus(void **state)
{
	assert_true(replay("fuzz_check_xlsx", fuzz_check_xlsx, "fuzz.xlsx") >= 3);
}

static void test_pdf_corpus(void **state)
{
	assert_true(replay("fuzz_check_pdf", fuzz_check_input, "fuzz.pdf") >= 3);
}

static void test_sniff_corpus(void **state)
{
	assert_true(replay("fuzz_check_sniff", fuzz_check_input, NULL) >= 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_corpus),
		cmocka_unit_test(test_html_corpus),
		cmocka_unit_test(test_docx_corpus),
		cmocka_unit_test(test_xlsx_corpus),
		cmocka_unit_test(test_pdf_corpus),
		cmocka_unit_test(test_sniff_corpus),
	};
	return cmocka_run_group_tests_name("check/fuzz-replay", tests, NULL, NULL);
}

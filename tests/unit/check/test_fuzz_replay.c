/* test_fuzz_replay.c — the corpus of the check fuzz targets (fuzz/corpus/fuzz_check_*, seeds
 * and any input that once crashed) replays through the same body as the fuzzers, in every
 * test run: no crash, no leak (ASan build), no finding pointing outside its format. The DOCX
 * and XLSX harnesses pack their bytes into a package: a real document's members, given to the
 * harness as its bytes, read the same cells as the document itself. */
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
#include "check/ooxml.h"
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

/* Member `member` of the package in pkg, appended to out (the checker's own zip reading). */
static void unzip_member(const struct buf *pkg, const char *member, struct buf *out)
{
	struct gk_error e = { 0 };
	zip_t *z;

	assert_int_equal(chk_zip_open(pkg->ptr, pkg->len, "package", &z, &e), 0);
	assert_int_equal(chk_zip_member(z, member, out, 1 << 20, &e), 0);
	zip_discard(z);
}

/* The cells read from the file tests/golden/check/<file>, and from its members (NULL-ended,
 * joined by a NUL) given to pack as a harness's bytes, are the same; returns how many hold a
 * value. */
static int same_cells(const char *file, const char *name, const char *const *members,
		      void (*pack)(const uint8_t *, size_t, struct buf *))
{
	char *path = xasprintf(GK_TEST_SOURCE_DIR "/tests/golden/check/%s", file);
	struct chk_options o = { 0 };
	struct chk_report whole, packed;
	struct buf raw, input, pkg;
	int values = 0;

	buf_init(&raw, 0);
	buf_init(&input, 0);
	buf_init(&pkg, 0);
	assert_int_equal(buf_read_file(&raw, path, NULL), 0);
	for (int m = 0; members[m]; m++) {
		if (m > 0)
			assert_int_equal(buf_putc(&input, '\0'), 0);
		unzip_member(&raw, members[m], &input);
	}
	pack((const uint8_t *)input.ptr, input.len, &pkg);
	assert_int_equal(chk_check_mem(raw.ptr, raw.len, name, &o, &whole), 0);
	assert_int_equal(chk_check_mem(pkg.ptr, pkg.len, name, &o, &packed), 0);
	assert_ptr_equal(whole.res.rep.cells.fmt, packed.res.rep.cells.fmt);
	assert_int_equal(whole.res.format, packed.res.format);
	for (int i = 0; i < FMT_CELLS_MAX; i++) {
		assert_int_equal(whole.res.rep.cells.state[i], packed.res.rep.cells.state[i]);
		assert_int_equal(whole.res.rep.cells.v[i], packed.res.rep.cells.v[i]);
		values += whole.res.rep.cells.state[i] == CELL_VALUE;
	}
	chk_report_free(&whole);
	chk_report_free(&packed);
	buf_free(&raw);
	buf_free(&input);
	buf_free(&pkg);
	free(path);
	return values;
}

static void test_xlsx_packing(void **state)
{
	static const char *const members[] = { "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
						NULL };
	assert_int_equal(same_cells("hangzhou-2021-tables.xlsx", "fuzz.xlsx", members,
				    fuzz_xlsx_package), 200);
}

static void test_docx_packing(void **state)
{
	static const char *const members[] = { "word/document.xml", NULL };
	assert_int_equal(same_cells("reference-2024.docx", "fuzz.docx", members, fuzz_docx_package),
			 200);
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
		cmocka_unit_test(test_xlsx_packing),
		cmocka_unit_test(test_docx_packing),
		cmocka_unit_test(test_pdf_corpus),
		cmocka_unit_test(test_sniff_corpus),
	};
	return cmocka_run_group_tests_name("check/fuzz-replay", tests, NULL, NULL);
}

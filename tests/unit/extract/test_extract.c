/* test_extract.c — the text of attachments, read in a separate limited process: PDF pages
 * separated by form feeds, DOCX paragraphs and tables, XLSX rows and cells, plain text; a
 * broken, hostile or oversized file is flagged "broken" with a reason, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/arena.h"
#include "base/buf.h"
#include "extract/extract.h"

#define DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static void read_file(const char *rel, struct buf *b)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", GK_TEST_SOURCE_DIR, rel);
	buf_init(b, 64u << 20);
	assert_int_equal(buf_read_file(b, path, NULL), 0);
}

static void extract_file(const char *rel, const char *mime, struct arena *a,
			 struct extract_result *x)
{
	struct buf b;
	read_file(rel, &b);
	extract_text(b.ptr, b.len, mime, a, x);
	buf_free(&b);
}

static void test_pdf_pages(void **state)
{
	struct arena a;
	struct extract_result x;

	arena_init(&a);
	extract_file("tests/data/attachments/two-pages.pdf", "application/pdf", &a, &x);
	assert_int_equal(x.state, EXTRACT_OK);
	assert_string_equal(x.text, "Page one: budget report\fPage two: land transfer 2024");
	arena_free(&a);
}

static void test_pdf_wrapped_lines_joined(void **state)
{
	struct arena a;
	struct extract_result x;

	/* a report printed in 公文 layout: its prose wraps mid-word at the end of each line */
	arena_init(&a);
	extract_file("tests/golden/check/gongwen-ruled.pdf", "application/pdf", &a, &x);
	assert_int_equal(x.state, EXTRACT_OK);
	assert_non_null(strstr(x.text, "根据《中华人民共和国政府信息公开条例》要求编制"));
	assert_non_null(strstr(x.text, "依托区政府门户网站"));
	assert_null(strstr(x.text, "共和\n国"));
	/* a line that ends after a digit or punctuation stays a line, and so does the title */
	assert_non_null(strstr(x.text, "1日至\n2024年12月31日。\n"));
	assert_non_null(strstr(x.text, "执行、管理、服务、结果公开。\n"));
	assert_non_null(strstr(x.text, "区人民政府办公室\n2024年政府信息公开"));
	/* the pages are still separated */
	assert_non_null(strchr(x.text, '\f'));
	arena_free(&a);
}

static void test_docx_paragraphs_and_tables(void **state)
{
	struct arena a;
	struct extract_result x;

	arena_init(&a);
	extract_file("tests/golden/check/reference-2024.docx", DOCX, &a, &x);
	assert_int_equal(x.state, EXTRACT_OK);
	assert_non_null(strstr(x.text, "慈周寨镇2024年政府信息公开工作年度报告\n"));
	assert_non_null(strstr(x.text, "信息内容 \t本年制发件数 \t"));  /* a table row: cells by tabs */
	arena_free(&a);
}

static void test_xlsx_rows_and_cells(void **state)
{
	struct arena a;
	struct extract_result x;

	arena_init(&a);
	extract_file("tests/data/attachments/list.xlsx", XLSX, &a, &x);
	assert_int_equal(x.state, EXTRACT_OK);
	/* shared strings (also in several runs), an inline string, a number */
	assert_string_equal(x.text, "姓名\t村\t补贴（元）\n王建国\t后营村\t1200\n");
	arena_free(&a);
}

static void test_plain_text(void **state)
{
	struct arena a;
	struct extract_result x;

	arena_init(&a);
	extract_text("名单\x02公示\r\n", strlen("名单\x02公示\r\n"), "text/plain", &a, &x);
	assert_int_equal(x.state, EXTRACT_OK);
	assert_string_equal(x.text, "名单公示\n");  /* control characters dropped */
	extract_text("\xb9\xab\xbf\xaa", 4, "text/plain", &a, &x);  /* GBK, not UTF-8 */
	assert_int_equal(x.state, EXTRACT_BROKEN);
	assert_non_null(strstr(x.note, "UTF-8"));
	extract_text(" \n\t", 3, "text/plain", &a, &x);
	assert_int_equal(x.state, EXTRACT_EMPTY);
	arena_free(&a);
}

static void test_images_are_not_read(void **state)
{
	struct arena a;
	struct extract_result x;

	arena_init(&a);
	extract_text("\x89PNG\r\n\x1a\n", 8, "image/png", &a, &x);
	assert_int_equal(x.state, EXTRACT_NONE);
	assert_null(x.text);
	arena_free(&a);
}

static void test_broken_files_are_flagged(void **state)
{
	struct arena a;
	struct extract_result x;
	struct buf b;

	arena_init(&a);
	extract_text("%PDF-1.4 garbage", 16, "application/pdf", &a, &x);
	assert_int_equal(x.state, EXTRACT_BROKEN);
	assert_non_null(x.note);
	extract_file("tests/golden/check/not-xml.docx", DOCX, &a, &x);
	assert_int_equal(x.state, EXTRACT_BROKEN);
	extract_text("PK\x03\x04 not a zip", 14, XLSX, &a, &x);
	assert_int_equal(x.state, EXTRACT_BROKEN);
	/* a PDF cut in half */
	read_file("tests/data/attachments/two-pages.pdf", &b);
	extract_text(b.ptr, b.len / 2, "application/pdf", &a, &x);
	assert_true(x.state == EXTRACT_BROKEN || x.state == EXTRACT_OK);
	buf_free(&b);
	arena_free(&a);
}

static void test_zip_bomb_stops_at_the_limit(void **state)
{
	/* a DOCX whose document.xml unzips to more than EXTRACT_UNZIPPED_MAX */
	size_t big = EXTRACT_UNZIPPED_MAX + 1024;
	char *xml = malloc(big);
	zip_source_t *src;
	zip_t *z;
	zip_error_t ze;
	void *data;
	zip_int64_t len;
	struct arena a;
	struct extract_result x;

	memset(xml, 'a', big);
	memcpy(xml, "<w:document><w:body><w:p><w:r><w:t>", 36);
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	assert_true(zip_file_add(z, "word/document.xml", zip_source_buffer(z, xml, big, 0),
				 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	len = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	data = malloc((size_t)len);
	assert_int_equal(zip_source_read(src, data, (zip_uint64_t)len), len);
	zip_source_close(src);
	zip_source_free(src);
	assert_true(len < (1 << 20));  /* small on disk */
	arena_init(&a);
	extract_text(data, (size_t)len, DOCX, &a, &x);
	assert_int_equal(x.state, EXTRACT_BROKEN);
	arena_free(&a);
	free(data);
	free(xml);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_pages),
		cmocka_unit_test(test_pdf_wrapped_lines_joined),
		cmocka_unit_test(test_docx_paragraphs_and_tables),
		cmocka_unit_test(test_xlsx_rows_and_cells),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_images_are_not_read),
		cmocka_unit_test(test_broken_files_are_flagged),
		cmocka_unit_test(test_zip_bomb_stops_at_the_limit),
	};
	/* extract_text starts this program again as the reading process */
	if (argc >= 2 && strcmp(argv[1], "extract-text") == 0)
		return extract_child_main(argc - 1, argv + 1);
	return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}

/* test_formats.c — the reader is chosen by content, not by the file's name, and every format an
 * organ publishes in reads to the same cells: a browser's PDF print of a report page (wrapped
 * labels, labels centred over the rows they span, blank cells), a spreadsheet of the tables, a
 * page saved as text, a page inside a JavaScript string. A scanned PDF, a PDF whose text layer
 * is garbled and a page that only frames or links the report say so as errors; WPS binaries
 * are refused with a clear message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SANITIZE_ADDRESS__
size_t __sanitizer_get_current_allocated_bytes(void);   /* libasan's; gcc ships no header for it */
#endif

#include "base/mem.h"
#include "check/check.h"
#include "check/sniff.h"

#define GOLDEN GK_TEST_SOURCE_DIR "/tests/golden/check/"

static struct buf slurp(const char *name)
{
	struct buf b;
	char *path = xasprintf(GOLDEN "%s", name);
	buf_init(&b, 0);
	if (buf_read_file(&b, path, NULL) != 0)
		fail_msg("cannot read %s", path);
	free(path);
	return b;
}

static void check(const char *name, struct chk_report *r)
{
	struct chk_options o = { 0 };
	char *path = xasprintf(GOLDEN "%s", name);
	if (chk_check_file(path, &o, r) != 0)
		fail_msg("%s: %s", name, r->err.msg);
	free(path);
}

static const struct finding *finding(const struct chk_report *r, const char *rule)
{
	for (size_t i = 0; i < r->findings.n; i++)
		if (strcmp(r->findings.v[i].rule, rule) == 0)
			return &r->findings.v[i];
	return NULL;
}

/* Every cell of the format read alike (state, value, printed blank), limited to the tables
 * given as a mask of TBL_2 / TBL_3 / TBL_4 bits. */
static void same_cells(const struct chk_report *a, const struct chk_report *b, unsigned tables)
{
	const struct report_cells *x = &a->res.rep.cells, *y = &b->res.rep.cells;
	int n = 0;

	assert_ptr_equal(x->fmt, y->fmt);
	for (int i = 0; i < fmt_ncells(x->fmt); i++) {
		const struct fmt_cell *c = fmt_cell(x->fmt, i);
		if (!(tables & (1u << c->table)))
			continue;
		if (cells_state(x, i) != cells_state(y, i) || cells_get(x, i) != cells_get(y, i) ||
		    a->res.blank[i] != b->res.blank[i])
			fail_msg("%s: cell %s is %lld (state %d) in %s, %lld (state %d) in %s", b->file,
				 c->id, (long long)cells_get(y, i), cells_state(y, i), b->file,
				 (long long)cells_get(x, i), cells_state(x, i), a->file);
		n++;
	}
	assert_true(n >= 10);
}

#define ALL_TABLES ((1u << TBL_2) | (1u << TBL_3) | (1u << TBL_4))

static void test_sniff_by_content(void **state)
{
	static const struct { const char *file, *name; enum chk_kind want; } cases[] = {
		{ "shanghai-2019-page.txt", "report.txt", CHK_KIND_HTML },
		{ "hangzhou-2021-script.txt", "report.txt", CHK_KIND_HTML_IN_SCRIPT },
		{ "hangzhou-2021-chromium.pdf", "report.txt", CHK_KIND_PDF },
		{ "reference-2024.docx", "report.bin", CHK_KIND_DOCX },
		{ "hangzhou-2021-tables.xlsx", "report.docx", CHK_KIND_XLSX },
		{ "wps-table.et", "report.xlsx", CHK_KIND_OLE2 },
		{ "hangzhou-2021.html", "report.md", CHK_KIND_HTML },
		{ "big5-traditional.txt", "report.html", CHK_KIND_TEXT },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = slurp(cases[i].file);
		enum chk_kind k = chk_sniff(b.ptr, b.len, cases[i].name);
		if (k != cases[i].want)
			fail_msg("%s named %s: %s, expected %s", cases[i].file, cases[i].name,
				 chk_kind_name(k), chk_kind_name(cases[i].want));
		buf_free(&b);
	}
	static const char ofd[] = "PK\003\004....OFD.xml", png[] = "\x89PNG\r\n\032\n",
			  md[] = "# 报告\n一、总体情况\n", json[] = "{\"cells\": {}}";
	assert_int_equal(chk_sniff(ofd, sizeof ofd - 1, "x.zip"), CHK_KIND_OFD);
	assert_int_equal(chk_sniff(png, sizeof png - 1, "scan.txt"), CHK_KIND_BINARY);
	assert_int_equal(chk_sniff(md, sizeof md - 1, "a.md"), CHK_KIND_MARKDOWN);
	assert_int_equal(chk_sniff(json, sizeof json - 1, NULL), CHK_KIND_JSON);
	assert_int_equal(chk_sniff(json, sizeof json - 1, "x.txt"), CHK_KIND_TEXT);
}

/* The markup counts behind sniffing, at their thresholds and after many tags: text that does not
 * open with a page becomes HTML from 8 known tags (3 after <html>), and markup written inside a
 * string (escaped quotes, <\/ closing tags) is found after any number of plain tags. */
static void test_sniff_markup_counts(void **state)
{
	static const struct { int tags; const char *before, *after; enum chk_kind want; } cases[] = {
		{ 7, "说明 ", "", CHK_KIND_TEXT },
		{ 8, "说明 ", "", CHK_KIND_HTML },
		{ 1, "说明 <html>", "", CHK_KIND_TEXT },
		{ 2, "说明 <html>", "", CHK_KIND_HTML },
		{ 40, "var s = \"", "<p class=\\\"a\\\">", CHK_KIND_HTML },
		{ 40, "var s = \"", "<p class=\\\"a\\\" id=\\\"b\\\">", CHK_KIND_HTML_IN_SCRIPT },
		{ 40, "var s = \"", "<p id=\\\"b\\\">x<\\/p>", CHK_KIND_HTML_IN_SCRIPT },
		{ 40, "var s = \"", "<\\/td>", CHK_KIND_HTML },
		{ 40, "var s = \"", "\\n\\n\\n\\n", CHK_KIND_HTML_IN_SCRIPT },
		{ 3, "var s = \"", "\\n\\n\\n\\n", CHK_KIND_TEXT },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		enum chk_kind k;

		buf_init(&b, 1 << 20);
		assert_int_equal(buf_puts(&b, cases[i].before), 0);
		for (int t = 0; t < cases[i].tags; t++)
			assert_int_equal(buf_puts(&b, "<td>1"), 0);
		assert_int_equal(buf_puts(&b, cases[i].after), 0);
		k = chk_sniff(b.ptr, b.len, NULL);
		if (k != cases[i].want)
			fail_msg("case %zu (%d tags, then %s): %s, expected %s", i, cases[i].tags,
				 cases[i].after, chk_kind_name(k), chk_kind_name(cases[i].want));
		buf_free(&b);
	}
}

/* The PDF `pdf` reads complete, to the cells, format and year of the page `html` (and its
 * organ, when it is a print of that page). */
static void reads_as_page(const char *html, const char *pdf, int print, struct chk_report *r)
{
	struct chk_report page;
	check(html, &page);
	check(pdf, r);
	assert_int_equal(r->res.source, CHK_SRC_PDF);
	assert_int_equal(r->res.format, page.res.format);
	assert_int_equal(r->res.rep.year, page.res.rep.year);
	assert_true(r->res.complete);
	same_cells(&page, r, ALL_TABLES);
	if (print)
		assert_string_equal(r->res.rep.agency, page.res.rep.agency);
	chk_report_free(&page);
}

/* A browser's print of the report page reads to the page's own cells. */
static void test_pdf_browser_print(void **state)
{
	static const char *const pages[][2] = { { "hangzhou-2021.html", "hangzhou-2021-chromium.pdf" },
						{ "shanghai-2019.html", "shanghai-2019-chromium.pdf" } };
	for (size_t i = 0; i < 2; i++) {
		struct chk_report pdf;
		reads_as_page(pages[i][0], pages[i][1], 1, &pdf);
		assert_int_equal(chk_count(&pdf, SEV_ERROR), 0);
		chk_report_free(&pdf);
	}
}

/* Blank cells of the printed page keep their position (上海 2019 left the 总计 cells empty). */
static void test_pdf_blank_cells_keep_their_column(void **state)
{
	struct chk_report r;
	const struct report_cells *c = &r.res.rep.cells;
	check("shanghai-2019-chromium.pdf", &r);
	assert_true(r.res.blank[fmt_cell_index(c->fmt, "t3.granted.total")]);
	assert_int_equal(cells_get(c, fmt_cell_index(c->fmt, "t3.granted.np")), 500);
	assert_int_equal(cells_get(c, fmt_cell_index(c->fmt, "t3.granted.org_other")), 3);
	assert_non_null(finding(&r, "CELL-BLANK"));
	chk_report_free(&r);
}

static void test_pdf_negative(void **state)
{
	struct chk_report r;
	const struct finding *f;
	check("hangzhou-2021-negative-chromium.pdf", &r);
	f = finding(&r, "T3-02");
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_ERROR);
	assert_non_null(strstr(f->msg, "应为 965，实为 964"));
	chk_report_free(&r);
}

static void test_pdf_scanned_is_an_error(void **state)
{
	struct chk_report r;
	const struct finding *f;
	check("scanned.pdf", &r);
	f = finding(&r, "CAP-11");
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_ERROR);
	assert_non_null(strstr(f->msg, "扫描件"));
	assert_null(finding(&r, "CAP-10"));  /* not "format unknown": nothing could be read */
	assert_false(r.res.complete);
	chk_report_free(&r);
}

/* The shapes organs' PDFs take (tests/golden/check/make-fixtures.py): a 公文-style export with
 * ruled tables, Table 三 on landscape pages, labels wrapped in narrow cells, a group split by the
 * page break and "— 3 —" page numbers; a gazette set in two columns with a running header and
 * "第 1 页 共 2 页". Both read to the page's own 200 cells, with no finding at all. */
static void test_pdf_published_shapes(void **state)
{
	static const char *const pdfs[] = { "gongwen-ruled.pdf", "bulletin-two-column.pdf" };
	for (size_t i = 0; i < 2; i++) {
		struct chk_report pdf;
		reads_as_page("hangzhou-2021.html", pdfs[i], 0, &pdf);
		if (pdf.findings.n > 0)
			fail_msg("%s: %s %s", pdfs[i], pdf.findings.v[0].rule, pdf.findings.v[0].msg);
		for (int sec = 0; sec < SEC__MAX; sec++)
			if (strstr(pdf.res.rep.section[sec], "第1页") || strstr(pdf.res.rep.section[sec], "—3—"))
				fail_msg("%s: a page number in section %d", pdfs[i], sec + 1);
		chk_report_free(&pdf);
	}
}

/* Two columns are read column by column: the left column's heading starts its section and its
 * paragraph reads on, never interleaved with the right column's lines. */
static void test_pdf_two_columns_in_reading_order(void **state)
{
	struct chk_report r;
	const char *o;
	check("bulletin-two-column.pdf", &r);
	assert_string_equal(r.res.rep.agency, "青川县乡村振兴局");
	o = r.res.rep.section[SEC_OVERVIEW];
	assert_non_null(strstr(o, "严格按照县委县政府要求,认真贯彻落实《条例》及相关规定,切实抓好决策"));
	assert_non_null(strstr(o, "全年在青川县人民政府门户网站公开政府信息98条"));
	/* the left column's last lines come before the right column's first */
	assert_non_null(strstr(o, "主动公开情况"));
	assert_non_null(strstr(o, "财政预决算6条"));
	assert_true(strstr(o, "主动公开情况") < strstr(o, "财政预决算6条"));
	assert_non_null(strstr(r.res.rep.section[SEC_PROBLEMS], "一是政策解读形式还不够丰富"));
	assert_null(strstr(r.res.rep.section[SEC_PROBLEMS], "收费通知"));
	chk_report_free(&r);
}

/* A realistic scan (the 公文 print's pages as JPEG pictures) is an error saying so; a table
 * pasted as a screenshot under its heading is a warning naming the page, the rest still read. */
static void test_pdf_pictures(void **state)
{
	struct chk_report r, html;
	const struct finding *f;

	check("scanned-pages.pdf", &r);
	f = finding(&r, "CAP-11");
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_ERROR);
	assert_non_null(strstr(f->msg, "都没有文字层"));
	chk_report_free(&r);

	check("table-image.pdf", &r);
	check("hangzhou-2021.html", &html);
	f = finding(&r, "CAP-13");
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_WARN);
	assert_non_null(strstr(f->msg, "第 2 页"));
	assert_non_null(strstr(f->msg, "截图"));
	assert_null(finding(&r, "CAP-11"));  /* every page has text */
	same_cells(&html, &r, (1u << TBL_2) | (1u << TBL_4));
	assert_int_equal(cells_state(&r.res.rep.cells,
				     fmt_cell_index(r.res.rep.cells.fmt, "t3.new_received.total")),
			 CELL_ABSENT);
	assert_string_equal(r.res.rep.agency, "杭州市某区人民政府办公室");
	chk_report_free(&html);
	chk_report_free(&r);
	/* a report whose tables are text has no such warning, pictures or not */
	check("gongwen-ruled.pdf", &r);
	assert_null(finding(&r, "CAP-13"));
	chk_report_free(&r);
}

/* A PDF of one page whose text, as poppler reads it, is Latin letters: what a simple font's
 * codes give when the font printed Chinese but carries no ToUnicode map (the CID case is in
 * tests/cli/check.sh). The objects are written with their offsets. */
static struct buf latin_only_pdf(void)
{
	static const char *const obj[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
		"/Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length 106 >>\nstream\nBT /F1 14 Tf 72 760 Td (Xq Zrk Wbt Pqo 2024 Hdv Lmc Tsy) Tj "
		"0 -20 Td (Rcw Gfn 3 Jyx Kbe Vqa Nzo Ufh) Tj ET\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	};
	size_t off[5];
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(buf_printf(&b, "%%PDF-1.4\n"), 0);
	for (int i = 0; i < 5; i++) {
		off[i] = b.len;
		assert_int_equal(buf_printf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]), 0);
	}
	size_t xref = b.len;
	assert_int_equal(buf_printf(&b, "xref\n0 6\n0000000000 65535 f \n"), 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(buf_printf(&b, "%010zu 00000 n \n", off[i]), 0);
	assert_int_equal(buf_printf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
				    xref), 0);
	return b;
}

/* A text layer that means nothing is said to be garbled, naming the page; it is not read as an
 * incomplete report, and no organ or year is taken from it. */
static void test_pdf_garbled_is_an_error(void **state)
{
	struct buf pdf = latin_only_pdf();
	struct chk_options o = { 0 };
	struct chk_report r;
	const struct finding *f;

	assert_int_equal(chk_check_mem(pdf.ptr, pdf.len, "r.pdf", &o, &r), 0);
	f = finding(&r, "CAP-14");
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_ERROR);
	assert_non_null(strstr(f->msg, "第 1 页"));
	assert_null(finding(&r, "CAP-01"));
	assert_null(finding(&r, "CAP-10"));
	assert_null(finding(&r, "CAP-11"));
	assert_null(r.res.rep.agency);
	assert_int_equal(r.res.rep.year, 0);
	chk_report_free(&r);
	buf_free(&pdf);
}

static void test_pdf_broken_named(void **state)
{
	static const char s[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage";
	struct chk_options o = { 0 };
	struct chk_report r;
	assert_int_equal(chk_check_mem(s, sizeof s - 1, "r.pdf", &o, &r), ERR_INVALID);
	assert_non_null(strstr(r.err.msg, "PDF"));
	chk_report_free(&r);
}

static void test_xlsx_tables(void **state)
{
	struct chk_report html, x;
	const struct finding *f;
	check("hangzhou-2021.html", &html);
	check("hangzhou-2021-tables.xlsx", &x);
	assert_int_equal(x.res.source, CHK_SRC_XLSX);
	assert_int_equal(x.res.format, CHK_FMT_2021);
	same_cells(&html, &x, ALL_TABLES);
	f = finding(&x, "CAP-01");  /* the workbook holds the tables, not the text */
	assert_non_null(f);
	assert_non_null(strstr(f->msg, "一、五、六"));
	chk_report_free(&html);
	chk_report_free(&x);
}

/* The same page saved as a text file, and inside a JavaScript string, reads as the page. */
static void test_html_whatever_the_name(void **state)
{
	static const char *const pairs[][2] = { { "shanghai-2019.html", "shanghai-2019-page.txt" },
						{ "hangzhou-2021.html", "hangzhou-2021-script.txt" } };
	for (size_t i = 0; i < 2; i++) {
		struct chk_report a, b;
		check(pairs[i][0], &a);
		check(pairs[i][1], &b);
		assert_true(b.res.complete);
		same_cells(&a, &b, ALL_TABLES);
		assert_string_equal(b.res.rep.agency, a.res.rep.agency);
		chk_report_free(&a);
		chk_report_free(&b);
	}
}

/* The heap in use, from the allocator the build runs on (glibc's: exact when its caches are
 * off, as main() runs this test). */
static size_t heap_in_use(void)
{
#ifdef __SANITIZE_ADDRESS__
	return __sanitizer_get_current_allocated_bytes();
#else
	return mallinfo2().uordblks;
#endif
}

/* A process that checks report after report (the web server does) keeps nothing of each: once
 * the first of a kind has been read, reading it again leaves the heap as it was. (A handler
 * for poppler's messages was added at each PDF read: 40 bytes more every time.) */
static void test_reads_leave_nothing_behind(void **state)
{
	static const char *const files[] = { "hangzhou-2021-chromium.pdf", "scanned.pdf",
					      "hangzhou-2021.html", "hangzhou-2021-tables.xlsx",
					      "reference-2024.docx", "big5-traditional.txt" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		struct chk_report r;
		size_t before, after;

		check(files[i], &r);   /* the first of its kind: what is set up once for the process */
		chk_report_free(&r);
		before = heap_in_use();
		for (int n = 0; n < 40; n++) {
			check(files[i], &r);
			chk_report_free(&r);
		}
		after = heap_in_use();
		if (after > before + 800)
			fail_msg("%s: %zu bytes more in use after reading it 40 times", files[i],
				 after - before);
	}
}

static void test_page_that_frames_or_links(void **state)
{
	struct chk_report r;
	const struct finding *f;
	check("frame-pdf.html", &r);
	f = finding(&r, "CAP-12");
	assert_non_null(f);
	assert_int_equal(f->sev, SEV_ERROR);
	assert_non_null(strstr(f->msg, "嵌入"));
	assert_non_null(strstr(f->msg, "report2024.pdf"));
	chk_report_free(&r);
	check("link-pdf.html", &r);
	f = finding(&r, "CAP-12");
	assert_non_null(f);
	assert_non_null(strstr(f->msg, "链接"));
	chk_report_free(&r);
	/* a full report page with a download link is read, not sent elsewhere */
	check("hangzhou-2021.html", &r);
	assert_null(finding(&r, "CAP-12"));
	chk_report_free(&r);
}

static void test_wps_refused(void **state)
{
	struct chk_options o = { 0 };
	struct chk_report r;
	assert_int_equal(chk_check_file(GOLDEN "wps-table.et", &o, &r), ERR_INVALID);
	assert_false(r.ok);
	assert_non_null(strstr(r.err.msg, "WPS"));
	assert_non_null(strstr(r.err.msg, "DOCX, XLSX or PDF"));
	chk_report_free(&r);
}

/* glibc's per-thread and fast caches hold freed chunks that mallinfo2 counts as in use: run
 * with them off (once more, from the start, if the environment does not say so already). */
#define TUNABLES "glibc.malloc.tcache_count=0:glibc.malloc.mxfast=0"

int main(int argc, char **argv)
{
	const char *t = getenv("GLIBC_TUNABLES");

	if ((!t || strcmp(t, TUNABLES) != 0) && argc > 0) {
		setenv("GLIBC_TUNABLES", TUNABLES, 1);
		execv("/proc/self/exe", argv);
		perror("execv /proc/self/exe");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_by_content),
		cmocka_unit_test(test_sniff_markup_counts),
		cmocka_unit_test(test_pdf_browser_print),
		cmocka_unit_test(test_pdf_blank_cells_keep_their_column),
		cmocka_unit_test(test_pdf_negative),
		cmocka_unit_test(test_pdf_scanned_is_an_error),
		cmocka_unit_test(test_pdf_published_shapes),
		cmocka_unit_test(test_pdf_two_columns_in_reading_order),
		cmocka_unit_test(test_pdf_pictures),
		cmocka_unit_test(test_pdf_garbled_is_an_error),
		cmocka_unit_test(test_pdf_broken_named),
		cmocka_unit_test(test_xlsx_tables),
		cmocka_unit_test(test_html_whatever_the_name),
		cmocka_unit_test(test_reads_leave_nothing_behind),
		cmocka_unit_test(test_page_that_frames_or_links),
		cmocka_unit_test(test_wps_refused),
	};
	return cmocka_run_group_tests_name("check/formats", tests, NULL, NULL);
}

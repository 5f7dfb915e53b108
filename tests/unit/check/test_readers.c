/* test_readers.c — every capture shape reads into the same rows and cells; charsets decode;
 * broken or oversized input ends in a named error, never a crash or a hang. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/mem.h"
#include "check/decode.h"
#include "check/extract_int.h"
#include "check/reader.h"
#include "text/normalise.h"
#include "text/utf8.h"

#define GOLDEN GK_TEST_SOURCE_DIR "/tests/golden/check/"

static void read_str(const char *s, const char *name, struct chk_doc *d)
{
	struct gk_error e = { 0 };
	int rc = chk_read(s, strlen(s), name, d, &e);
	if (rc)
		fail_msg("read failed: %s", e.msg);
}

/* The row whose first non-span cell is `label`, or NULL. */
static const struct chk_row *row_of(const struct chk_doc *d, const char *label)
{
	for (size_t i = 0; i < d->n; i++)
		for (size_t j = 0; j < d->rows[i].n; j++) {
			if (d->rows[i].cells[j].flags & CHK_CELL_SPAN)
				continue;
			if (strcmp(d->rows[i].cells[j].text, label) == 0)
				return &d->rows[i];
		}
	return NULL;
}

/* The cells of a row joined as "a|b|^|c" (^ = span cell). */
static char *joined(const struct chk_row *r)
{
	struct buf b;
	buf_init(&b, 0);
	for (size_t j = 0; j < r->n; j++) {
		if (j)
			assert_int_equal(buf_putc(&b, '|'), 0);
		assert_int_equal(buf_puts(&b, r->cells[j].flags & CHK_CELL_SPAN ? "^"
									     : r->cells[j].text), 0);
	}
	return buf_steal(&b);
}

static void assert_row(const struct chk_doc *d, const char *label, const char *want)
{
	const struct chk_row *r = row_of(d, label);
	char *got;
	if (!r)
		fail_msg("no row labelled %s", label);
	got = joined(r);
	assert_string_equal(got, want);
	free(got);
}

static void test_tab_separated(void **state)
{
	struct chk_doc d;
	read_str("# 某镇2024年政府信息公开工作年度报告\n\n"
		 "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t\n"
		 "\t(二) 部分公开\t0\t0\t0\t0\t0\t0\t0\t\n", NULL, &d);
	assert_true(d.rows[0].flags & CHK_ROW_HEADING);
	assert_string_equal(d.rows[0].cells[0].text, "某镇2024年政府信息公开工作年度报告");
	/* The empty group cell after the label stays; trailing tabs of the line do not. */
	assert_row(&d, "一、本年新收政府信息公开申请数量",
		   "一、本年新收政府信息公开申请数量||1|0|0|0|0|0|1");
	assert_row(&d, "(二) 部分公开", "(二) 部分公开|0|0|0|0|0|0|0");
	chk_doc_free(&d);
}

static void test_one_cell_per_line(void **state)
{
	struct chk_doc d;
	size_t i, empties = 0, pads = 0;
	/* 038-style: a lone `|` is an empty cell, `||` a padding line. */
	read_str("一、本年新收政府信息公开申请数量 |\n|\n|\n0 |\n||\n二、上年结转 |\n", NULL, &d);
	for (i = 0; i < d.n; i++) {
		if (d.rows[i].flags & CHK_ROW_PAD)
			pads++;
		else if (d.rows[i].n == 1 && d.rows[i].cells[0].text[0] == '\0')
			empties++;
	}
	assert_int_equal(empties, 2);
	assert_int_equal(pads, 1);
	assert_row(&d, "0", "0");
	assert_row(&d, "二、上年结转", "二、上年结转");
	chk_doc_free(&d);
}

static void test_pipe_rows_and_markdown(void **state)
{
	struct chk_doc d;
	read_str("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
		 "|---|---|---|---|\n"
		 "| 规章 | 0 | 0 | 0 |\n"
		 "一、本年新收政府信息公开申请数量 | 0 | | | | | | 0 |\n"
		 "| | 2.其他法律行政法规禁止公开 | | 3 |\n", "x.md", &d);
	assert_int_equal(d.source, CHK_SRC_MARKDOWN);
	assert_row(&d, "规章", "规章|0|0|0");
	assert_row(&d, "一、本年新收政府信息公开申请数量",
		   "一、本年新收政府信息公开申请数量|0||||||0");
	assert_row(&d, "2.其他法律行政法规禁止公开", "|2.其他法律行政法规禁止公开||3");
	for (size_t i = 0; i < d.n; i++)  /* the |---| line is gone */
		assert_null(strstr(d.rows[i].cells[0].text, "---"));
	chk_doc_free(&d);
}

static void test_space_separated_numbers(void **state)
{
	struct chk_doc d;
	read_str("四、结转下年度继续办理 0 0 0 0 0 0 7\n"
		 "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
		 "2020 年,我单位未出现申请行政复议的情况。\n", NULL, &d);
	assert_row(&d, "四、结转下年度继续办理", "四、结转下年度继续办理|0|0|0|0|0|0|7");
	assert_int_equal(d.rows[1].n, 15);
	assert_int_equal(d.rows[2].n, 1);  /* prose that starts with a number stays prose */
	chk_doc_free(&d);
}

static void test_capture_header_skipped_and_cut(void **state)
{
	struct chk_doc d;
	read_str("#! agency: 某局\n#! format: 2021\n一、本年新收 | 4 | 0 | 4", NULL, &d);
	assert_null(row_of(&d, "#! agency: 某局"));
	assert_int_equal(d.cut, 1);
	/* The last cell has no delimiter after it: the capture may have cut "45" to "4". */
	assert_true(d.rows[d.n - 1].cells[3].flags & CHK_CELL_CUT);
	chk_doc_free(&d);
}

static void test_html_rowspan_colspan_grid(void **state)
{
	struct chk_doc d;
	read_str("<html><head><title>某局2021年报告</title><script>var x='一、总体情况';</script>"
		 "</head><body><div>首页 &gt; 年报</div><h2>三、收到和处理政府信息公开申请情况</h2>"
		 "<table><tr><td colspan=3 rowspan=2>(本列数据的勾稽关系为)</td>"
		 "<td colspan=7>申请人情况</td></tr>"
		 "<tr><td>自然人</td><td colspan=5>法人或其他组织</td><td>总计</td></tr>"
		 "<tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>"
		 "<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>"
		 "<tr><td rowspan=1>（三）不予公开</td><td>1.属于<b>国家</b>秘密</td>"
		 "<td>0</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
		 "</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>", NULL, &d);
	assert_int_equal(d.source, CHK_SRC_HTML);
	assert_true(d.rows[0].flags & CHK_ROW_META);
	assert_string_equal(d.rows[0].cells[0].text, "某局2021年报告");
	assert_null(row_of(&d, "一、总体情况"));  /* script text is not report text */
	assert_true(row_of(&d, "三、收到和处理政府信息公开申请情况")->flags & CHK_ROW_HEADING);
	assert_row(&d, "（一）予以公开", "三、本年度办理结果|（一）予以公开|^|5|1|0|0|0|0|6");
	/* the rowspan of 三 covers column 0 of the next row; the empty <td> is a blank, not a span */
	assert_row(&d, "1.属于国家秘密", "^|（三）不予公开|1.属于国家秘密|0||0|0|0|0|0");
	assert_row(&d, "自然人", "^|^|^|自然人|法人或其他组织|^|^|^|^|总计");
	assert_non_null(row_of(&d, "四、政府信息公开行政复议、行政诉讼情况"));
	chk_doc_free(&d);
}

static void test_html_layout_table_is_text(void **state)
{
	struct chk_doc d;
	read_str("<table><tr><td><p>一、总体情况</p><p>正文</p>"
		 "<table><tr><td>规章</td><td>1</td><td>0</td><td>2</td></tr></table>"
		 "</td></tr></table>", NULL, &d);
	assert_non_null(row_of(&d, "一、总体情况"));
	assert_row(&d, "规章", "规章|1|0|2");
	chk_doc_free(&d);
}

static void test_gb2312_label_read_as_gb18030(void **state)
{
	struct chk_doc d;
	struct gk_error e = { 0 };
	/* 喆 is not in GB2312; pages labelled gb2312 use it anyway. */
	assert_int_equal(chk_read_file(GOLDEN "gb2312-label.html", &d, &e), 0);
	assert_string_equal(d.charset, "GB18030");
	assert_non_null(row_of(&d, "2023年，张喆镇认真贯彻《条例》。"));
	chk_doc_free(&d);
}

static void test_big5_sniffed(void **state)
{
	struct chk_doc d;
	struct gk_error e = { 0 };
	assert_int_equal(chk_read_file(GOLDEN "big5-traditional.txt", &d, &e), 0);
	assert_string_equal(d.charset, "Big5");
	assert_row(&d, "規章", "規章|0|0|0");
	chk_doc_free(&d);
}

/* The declared charset: <meta … charset=…> and <?xml … encoding=…?>, written in any case, in the
 * first 8 KB; the word alone or past 8 KB declares nothing. */
static void test_charset_declared(void **state)
{
	static const struct { const char *before, *s; int want; } cases[] = {
		{ "", "<META http-equiv=\"Content-Type\" content=\"text/html; CHARSET=gb2312\">", CHK_CS_GB18030 },
		{ "", "<Meta ChArSeT = 'Big5'>", CHK_CS_BIG5 },
		{ "cccc", "<meta charset=\"utf-8\">", CHK_CS_UTF8 },
		{ "", "<?XML version=\"1.0\" ENCODING=\"GBK\"?>", CHK_CS_GB18030 },
		{ "", "charset=gbk, but no meta tag", -1 },
		{ "", "<meta name=x> charset", -1 },
		{ "", "<meta charset=\"klingon\">", -1 },
		{ "x", "<meta charset=\"gbk\">", CHK_CS_GB18030 },
		{ "8k", "<meta charset=\"gbk\">", -1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		int got;

		buf_init(&b, 0);
		if (strcmp(cases[i].before, "8k") == 0) {
			for (int k = 0; k < 8192; k++)
				assert_int_equal(buf_putc(&b, 'c'), 0);
		} else {
			assert_int_equal(buf_puts(&b, cases[i].before), 0);
		}
		assert_int_equal(buf_puts(&b, cases[i].s), 0);
		got = chk_charset_declared(b.ptr, b.len);
		if (got != cases[i].want)
			fail_msg("%s: %d, expected %d", cases[i].s, got, cases[i].want);
		buf_free(&b);
	}
}

static void test_gbk_sniffed_without_label(void **state)
{
	const char *utf8 = "一、总体情况\n本年度收到政府信息公开申请3件，办结3件。\n";
	char gbk[256], *in = (char *)utf8, *out = gbk;
	size_t inleft = strlen(utf8), outleft = sizeof gbk;
	iconv_t cd = iconv_open("GBK", "UTF-8");
	struct buf b;
	enum chk_charset cs;
	enum chk_cs_from from;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	buf_init(&b, 0);
	assert_int_equal(chk_decode(gbk, (size_t)(out - gbk), &b, &cs, &from, NULL, NULL), 0);
	assert_int_equal(cs, CHK_CS_GB18030);
	assert_int_equal(from, CHK_CSF_SNIFFED);
	assert_string_equal(buf_cstr(&b), utf8);
	buf_free(&b);
}

static void test_utf16_bom(void **state)
{
	struct chk_doc d;
	struct gk_error e = { 0 };
	assert_int_equal(chk_read_file(GOLDEN "utf16-bom.txt", &d, &e), 0);
	assert_string_equal(d.charset, "UTF-16LE");
	assert_non_null(row_of(&d, "本年度收到申请0件。"));
	chk_doc_free(&d);
}

static void test_invalid_utf8_replaced(void **state)
{
	struct buf b;
	size_t bad = 0;
	/* mostly UTF-8 with one stray byte: stays UTF-8, the byte becomes U+FFFD */
	const char s[] = "一、总体情况 二、主动公开 三、收到和处理 \xff 四、复议";
	buf_init(&b, 0);
	assert_int_equal(chk_decode(s, sizeof s - 1, &b, NULL, NULL, &bad, NULL), 0);
	assert_int_equal(bad, 1);
	assert_non_null(strstr(buf_cstr(&b), "\xEF\xBF\xBD"));
	buf_free(&b);
}

static void test_docx(void **state)
{
	struct chk_doc d;
	struct gk_error e = { 0 };
	assert_int_equal(chk_read_file(GOLDEN "small.docx", &d, &e), 0);
	assert_int_equal(d.source, CHK_SRC_DOCX);
	assert_non_null(row_of(&d, "一、总体情况"));
	assert_row(&d, "规章", "规章|0|1");  /* a paragraph with tabs is a row */
	/* gridSpan adds a span cell; the vMerge continuation is a span cell */
	assert_row(&d, "（一）予以公开", "三、本年度办理结果|（一）予以公开|^|3|0|0|0|0|1|4");
	assert_row(&d, "（二）部分公开", "^|（二）部分公开|^|1|0|0|0|0|0|1");
	/* deleted text (tracked changes) is not read */
	assert_row(&d, "六、其他需要报告的事项", "六、其他需要报告的事项");
	chk_doc_free(&d);
}

static void expect_error(const char *path, int code, const char *words)
{
	struct chk_doc d;
	struct gk_error e = { 0 };
	assert_int_equal(chk_read_file(path, &d, &e), code);
	if (!strstr(e.msg, words))
		fail_msg("error for %s is \"%s\", expected it to say \"%s\"", path, e.msg, words);
	chk_doc_free(&d);
}

static void test_docx_broken(void **state)
{
	char path[] = "/tmp/gk-docx-XXXXXX";
	struct buf b;
	int fd;

	expect_error(GOLDEN "no-document.docx", ERR_INVALID, "word/document.xml");
	expect_error(GOLDEN "not-xml.docx", ERR_INVALID, "not XML");
	/* declared GBK, written in UTF-8: said in the error, nothing written to stderr */
	{
		FILE *err = tmpfile();
		int saved = dup(2);
		struct stat st;

		assert_true(err != NULL && saved >= 0);
		fflush(stderr);
		assert_true(dup2(fileno(err), 2) >= 0);
		expect_error(GOLDEN "wrong-encoding.docx", ERR_INVALID, "not in the encoding it declares");
		fflush(stderr);
		assert_true(dup2(saved, 2) >= 0);
		close(saved);
		assert_int_equal(fstat(fileno(err), &st), 0);
		assert_int_equal(st.st_size, 0);
		fclose(err);
	}
	/* a DOCX cut in half: the zip directory is gone */
	buf_init(&b, 0);
	assert_int_equal(buf_read_file(&b, GOLDEN "small.docx", NULL), 0);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, b.ptr, b.len / 2), (ssize_t)(b.len / 2));
	close(fd);
	expect_error(path, ERR_INVALID, "zip");
	unlink(path);
	buf_free(&b);
}

static void test_huge_file_refused_at_once(void **state)
{
	char path[] = "/tmp/gk-huge-XXXXXX";
	int fd = mkstemp(path);
	struct buf b;
	struct gk_error e = { 0 };
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)50 << 20), 0);  /* a 50 MB page (sparse) */
	close(fd);
	expect_error(path, ERR_LIMIT, "limit");
	unlink(path);
	/* the same limit holds for bytes handed over directly */
	buf_init(&b, 0);
	assert_int_equal(chk_decode("x", CHK_MAX_INPUT + 1, &b, NULL, NULL, NULL, &e), ERR_LIMIT);
	buf_free(&b);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_pathological_table_bounded(void **state)
{
	/* Every cell spans 1000 columns and 65534 rows: a naive grid would be billions of cells. */
	struct buf b;
	struct chk_doc d;
	struct gk_error e = { 0 };
	double t0;
	int i, rc;

	buf_init(&b, 0);
	assert_int_equal(buf_puts(&b, "<table>"), 0);
	for (i = 0; i < 5000; i++)
		assert_int_equal(buf_puts(&b, "<tr><td colspan=1000 rowspan=65534>x</td>"
					      "<td colspan=9999>y</td></tr>"), 0);
	assert_int_equal(buf_puts(&b, "</table>"), 0);
	t0 = now();
	rc = chk_read(b.ptr, b.len, NULL, &d, &e);
	assert_int_equal(rc, ERR_LIMIT);
	assert_non_null(strstr(e.msg, "too large"));
	assert_true(now() - t0 < 5.0);
	chk_doc_free(&d);
	buf_free(&b);
}

static void test_deep_nesting_bounded(void **state)
{
	struct buf b;
	struct chk_doc d;
	struct gk_error e = { 0 };
	int i, rc;

	buf_init(&b, 0);
	for (i = 0; i < 20000; i++)
		assert_int_equal(buf_puts(&b, "<div><span>"), 0);
	assert_int_equal(buf_puts(&b, "一、总体情况"), 0);
	rc = chk_read(b.ptr, b.len, "deep.html", &d, &e);
	/* Either libxml2 stops at its own depth limit or we do; both are fine, a crash is not. */
	assert_true(rc == 0 || rc == ERR_LIMIT || rc == ERR_INVALID);
	chk_doc_free(&d);
	buf_free(&b);
}

/* The checker's own fold of rows is the one normalisation: each code point it folds itself
 * folds as utf8proc folds it, and whole documents (every capture of the corpus, the fixtures
 * 092.txt with traditional characters and ruby pinyin) come out byte for byte the same. */
static void test_fold_is_nfkc_casefold(void **state)
{
	static const char *const files[] = { GOLDEN "hangzhou-2021.html", GOLDEN "shanghai-2019.html",
					     GK_TEST_SOURCE_DIR "/tests/data/corpus/reference-cizhouzhai-2024.txt" };
	int folded = 0;

	for (int32_t cp = 1; cp < 0x10000; cp++) {
		char in[4], want_s[8];
		size_t n;
		struct buf ref;
		int32_t f = chk_fold_cp(cp);
		if (f < 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		n = utf8_encode(cp, in);
		buf_init(&ref, 0);
		assert_int_equal(text_nfkc_casefold(in, n, &ref, NULL), 0);
		want_s[utf8_encode(f, want_s)] = '\0';
		if (strcmp(ref.ptr, want_s) != 0)
			fail_msg("U+%04X folds to '%s' here, '%s' by utf8proc", (unsigned)cp, want_s, ref.ptr);
		buf_free(&ref);
		folded++;
	}
	assert_true(folded > 21000);  /* the CJK ideographs, ASCII, full-width forms, punctuation */
	for (size_t i = 0; i < sizeof files / sizeof files[0] + 1; i++) {
		struct buf in, a, b;
		char *path = i < sizeof files / sizeof files[0] ? xstrdup(files[i]) :
			     xasprintf("%s/tests/data/corpus/real/092.txt", GK_TEST_SOURCE_DIR);
		buf_init(&in, 0), buf_init(&a, 0), buf_init(&b, 0);
		assert_int_equal(buf_read_file(&in, path, NULL), 0);
		assert_int_equal(chk_fold(in.ptr, in.len, &a, NULL), 0);
		assert_int_equal(text_nfkc_casefold(in.ptr, in.len, &b, NULL), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.ptr, b.ptr, a.len);
		buf_free(&in), buf_free(&a), buf_free(&b);
		free(path);
	}
}

static void test_binary_text_refused(void **state)
{
	struct chk_doc d;
	struct gk_error e = { 0 };
	const char s[] = "abc\0def\n";
	assert_int_equal(chk_read(s, sizeof s - 1, "x.txt", &d, &e), ERR_INVALID);
	assert_non_null(strstr(e.msg, "NUL"));
	chk_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tab_separated),
		cmocka_unit_test(test_one_cell_per_line),
		cmocka_unit_test(test_pipe_rows_and_markdown),
		cmocka_unit_test(test_space_separated_numbers),
		cmocka_unit_test(test_capture_header_skipped_and_cut),
		cmocka_unit_test(test_html_rowspan_colspan_grid),
		cmocka_unit_test(test_html_layout_table_is_text),
		cmocka_unit_test(test_gb2312_label_read_as_gb18030),
		cmocka_unit_test(test_big5_sniffed),
		cmocka_unit_test(test_charset_declared),
		cmocka_unit_test(test_gbk_sniffed_without_label),
		cmocka_unit_test(test_utf16_bom),
		cmocka_unit_test(test_invalid_utf8_replaced),
		cmocka_unit_test(test_docx),
		cmocka_unit_test(test_docx_broken),
		cmocka_unit_test(test_huge_file_refused_at_once),
		cmocka_unit_test(test_pathological_table_bounded),
		cmocka_unit_test(test_deep_nesting_bounded),
		cmocka_unit_test(test_binary_text_refused),
		cmocka_unit_test(test_fold_is_nfkc_casefold),
	};
	return cmocka_run_group_tests_name("check/readers", tests, NULL, NULL);
}

/* test_render_binary.c — the XLSX, DOCX and PDF renderers: each package compared part by part
 * (the unzipped XML) with tests/golden/render/<name>.<kind>/, the PDF through `pdftotext
 * -layout` with a golden text and `pdffonts` for embedded fonts; every output rendered twice
 * and compared byte for byte; the official merges present in the XML.
 * GK_UPDATE_GOLDEN=1 rewrites the goldens (then review the diff). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <zip.h>

#include "../format/fixtures.h"
#include "render/render.h"

static int updating(void)
{
	const char *u = getenv("GK_UPDATE_GOLDEN");
	return u && strcmp(u, "1") == 0;
}

static void golden_path(struct buf *path, const char *name)
{
	buf_reset(path);
	assert_int_equal(buf_printf(path, "%s/tests/golden/render/%s", GK_TEST_SOURCE_DIR, name), 0);
}

/* mkdir -p of the directory part of path */
static void make_parents(const char *path)
{
	char *p = strdup(path);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0755) != 0)
			assert_int_equal(errno, EEXIST);
		*s = '/';
	}
	free(p);
}

static void write_file(const char *path, const char *p, size_t len)
{
	FILE *fp;

	make_parents(path);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(p, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Compare got with the golden file name (rewritten first when updating). */
static void assert_golden(const char *got, size_t len, const char *name)
{
	struct buf path, want;

	buf_init(&path, 0);
	buf_init(&want, 0);
	golden_path(&path, name);
	if (updating())
		write_file(path.ptr, got, len);
	assert_int_equal(buf_read_file(&want, path.ptr, NULL), 0);
	if (len != want.len || memcmp(got, want.ptr, len) != 0) {
		size_t i = 0;
		while (i < len && i < want.len && got[i] == want.ptr[i])
			i++;
		print_error("%s differs at byte %zu:\n got: %.160s\nwant: %.160s\n", name, i,
			    got + (i > 40 ? i - 40 : 0), want.ptr + (i > 40 ? i - 40 : 0));
		fail();
	}
	buf_free(&path);
	buf_free(&want);
}

/* Render r as kind twice; the two outputs must be identical. */
static void render_twice(const struct annual_report *r, enum render_kind k, struct buf *out)
{
	struct buf again;
	struct gk_error e = { 0 };

	buf_init(&again, 0);
	if (render_report(r, k, NULL, out, &e) != 0)
		print_error("render %s: %s: %s\n", render_kind_name(k), e.field, e.msg);
	assert_int_equal(e.code, 0);
	assert_true(out->len > 0);
	assert_int_equal(render_report(r, k, NULL, &again, NULL), 0);
	assert_int_equal(again.len, out->len);
	assert_memory_equal(again.ptr, out->ptr, out->len);
	buf_free(&again);
}

/* Every part of a package is well-formed XML (libxml2, no network, no entities). */
static void assert_well_formed(const char *data, size_t len, const char *name)
{
	xmlDocPtr doc = xmlReadMemory(data, (int)len, name, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		print_error("%s is not well-formed XML\n", name);
		fail();
	}
	xmlFreeDoc(doc);
}

/* The zip package: its entry list (in order) and every entry compared with
 * <dir>/ENTRIES and <dir>/<entry>. Entries are appended to xml (one after the other) so the
 * caller can look for what a user would notice. */
static void assert_zip_golden(const struct buf *pkg, const char *dir, struct buf *xml)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	struct buf list, name;
	zip_int64_t n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(pkg->ptr, pkg->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	buf_init(&list, 0);
	buf_init(&name, 0);
	n = zip_get_num_entries(za, 0);
	assert_true(n > 0);
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_file_t *zf;
		char *data;

		assert_int_equal(zip_stat_index(za, i, 0, &st), 0);
		assert_int_equal(buf_printf(&list, "%s\n", st.name), 0);
		data = malloc(st.size + 1);
		zf = zip_fopen_index(za, i, 0);
		assert_non_null(zf);
		assert_int_equal(zip_fread(zf, data, st.size), (zip_int64_t)st.size);
		zip_fclose(zf);
		buf_reset(&name);
		assert_int_equal(buf_printf(&name, "%s/%s", dir ? dir : "", st.name), 0);
		if (dir)
			assert_golden(data, st.size, name.ptr);
		assert_well_formed(data, st.size, st.name);
		assert_int_equal(buf_append(xml, data, st.size), 0);
		free(data);
	}
	buf_reset(&name);
	assert_int_equal(buf_printf(&name, "%s/ENTRIES", dir ? dir : ""), 0);
	if (dir)
		assert_golden(list.ptr, list.len, name.ptr);
	zip_close(za);
	buf_free(&list);
	buf_free(&name);
}

static void assert_has(const struct buf *hay, const char *needle)
{
	if (!strstr(buf_cstr(hay), needle)) {
		print_error("missing: %s\n", needle);
		fail();
	}
}

/* ---- XLSX ---- */

static void test_xlsx_goldens(void **state)
{
	struct annual_report r;
	struct buf out, xml;

	buf_init(&out, 0);
	buf_init(&xml, 0);
	fixture_cizhouzhai(&r);
	render_twice(&r, RENDER_XLSX, &out);
	assert_zip_golden(&out, "cizhouzhai-2024.xlsx", &xml);
	/* one sheet per table, named by the section heading */
	assert_has(&xml, "<sheet name=\"二、主动公开政府信息情况\"");
	assert_has(&xml, "<sheet name=\"三、收到和处理政府信息公开申请情况\"");
	assert_has(&xml, "<sheet name=\"四、政府信息公开行政复议、行政诉讼情况\"");
	assert_has(&xml, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z");
	/* Chinese fonts: 宋体 for the tables, 黑体 for the title */
	assert_has(&xml, "<sz val=\"10\"/><color theme=\"1\"/><name val=\"宋体\"/>");
	assert_has(&xml, "<name val=\"黑体\"/>");
	report_free(&r);

	buf_reset(&out);
	buf_reset(&xml);
	fixture_hangzhou(&r);
	render_twice(&r, RENDER_XLSX, &out);
	assert_zip_golden(&out, "hangzhou-2023.xlsx", &xml);
	report_free(&r);

	/* 2019 format, blank 总计 cells of a real report stay blank (no number, still bordered) */
	buf_reset(&out);
	buf_reset(&xml);
	fixture_shanghai_2019(&r);
	render_twice(&r, RENDER_XLSX, &out);
	assert_zip_golden(&out, "shanghai-2019.xlsx", &xml);
	assert_has(&xml, "第二十条第（九）项");
	assert_has(&xml, "<mergeCell ref=\"A8:A27\"/>");   /* 三、本年度办理结果 over 20 rows */
	assert_has(&xml, "<c r=\"J8\" s=\"5\"/>");          /* （一）予以公开 总计 left blank */
	report_free(&r);
	buf_free(&out);
	buf_free(&xml);
}

/* Text a spreadsheet would run as a formula (an organ named "=HYPERLINK(…)") is written as a
 * string cell: the workbook holds it as text and no formula anywhere. */
static void test_xlsx_formula_text_stays_text(void **state)
{
	struct annual_report r;
	struct buf out, xml;

	buf_init(&out, 0);
	buf_init(&xml, 0);
	fixture_cizhouzhai(&r);
	report_set_agency(&r, "=HYPERLINK(\"http://evil.example/\",\"点此\")+1");
	render_twice(&r, RENDER_XLSX, &out);
	assert_zip_golden(&out, NULL, &xml);
	assert_has(&xml, "=HYPERLINK(\"http://evil.example/\",\"点此\")+1");
	if (strstr(buf_cstr(&xml), "<f>") || strstr(buf_cstr(&xml), "<f "))
		fail_msg("a formula element in the workbook");
	report_free(&r);
	buf_free(&out);
	buf_free(&xml);
}

/* The merges of the official layout (spec §3.1, §4.2, §5), sheet rows counted from the table's
 * first row 3 (rows 1–2 hold the title and the heading). */
static void test_xlsx_merges(void **state)
{
	struct annual_report r;
	struct buf out, xml;

	buf_init(&out, 0);
	buf_init(&xml, 0);
	fixture_hangzhou(&r);
	render_twice(&r, RENDER_XLSX, &out);
	assert_zip_golden(&out, "hangzhou-2023.xlsx", &xml);
	/* Table 二: block titles over 4 columns, one-value blocks' value over 3 */
	assert_has(&xml, "<mergeCell ref=\"A3:D3\"/>");
	assert_has(&xml, "<mergeCell ref=\"B16:D16\"/>");
	/* Table 三: note 3×3, 申请人情况 over 7, 自然人 and 总计 down 2 rows, 法人或其他组织 over 5,
	 * 三、本年度办理结果 down 22 rows, （三）不予公开 down 8, （四）3, （五）5, （六）3,
	 * rows 一/二/四 over the 3 label columns, （一）（二）（七） over 2 */
	assert_has(&xml, "<mergeCell ref=\"A3:C5\"/>");
	assert_has(&xml, "<mergeCell ref=\"D3:J3\"/>");
	assert_has(&xml, "<mergeCell ref=\"D4:D5\"/>");
	assert_has(&xml, "<mergeCell ref=\"E4:I4\"/>");
	assert_has(&xml, "<mergeCell ref=\"J4:J5\"/>");
	assert_has(&xml, "<mergeCell ref=\"A8:A29\"/>");
	assert_has(&xml, "<mergeCell ref=\"B10:B17\"/>");
	assert_has(&xml, "<mergeCell ref=\"B18:B20\"/>");
	assert_has(&xml, "<mergeCell ref=\"B21:B25\"/>");
	assert_has(&xml, "<mergeCell ref=\"B26:B28\"/>");
	assert_has(&xml, "<mergeCell ref=\"A6:C6\"/>");
	assert_has(&xml, "<mergeCell ref=\"B29:C29\"/>");
	assert_has(&xml, "<mergeCell ref=\"A30:C30\"/>");
	/* Table 四: 行政复议 over 5, 行政诉讼 over 10, the two litigation groups over 5 each, the
	 * 行政复议 column labels down 2 rows */
	assert_has(&xml, "<mergeCell ref=\"A3:E3\"/>");
	assert_has(&xml, "<mergeCell ref=\"F3:O3\"/>");
	assert_has(&xml, "<mergeCell ref=\"F4:J4\"/>");
	assert_has(&xml, "<mergeCell ref=\"K4:O4\"/>");
	assert_has(&xml, "<mergeCell ref=\"A4:A5\"/>");
	/* numbers are numbers (no t="s"): 一 总计 14069, the fee in 万元, 复议 总计 790 */
	assert_has(&xml, "<c r=\"J6\" s=\"5\"><v>14069</v></c>");
	assert_has(&xml, "<c r=\"B16\" s=\"5\"><v>1234.5678</v></c>");
	assert_has(&xml, "<c r=\"E6\" s=\"5\"><v>790</v></c>");
	report_free(&r);
	buf_free(&out);
	buf_free(&xml);
}

/* ---- DOCX ---- */

static int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static void test_docx_goldens(void **state)
{
	struct annual_report r;
	struct buf out, xml;

	buf_init(&out, 0);
	buf_init(&xml, 0);
	fixture_cizhouzhai(&r);
	render_twice(&r, RENDER_DOCX, &out);
	assert_zip_golden(&out, "cizhouzhai-2024.docx", &xml);
	/* A4, zh-CN, the fonts of official documents, the six headings as headings */
	assert_has(&xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
	assert_has(&xml, "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"");
	assert_has(&xml, "w:eastAsia=\"仿宋_GB2312\"");
	assert_has(&xml, "w:eastAsia=\"方正小标宋简体\"");
	assert_has(&xml, "w:eastAsia=\"黑体\"");
	assert_has(&xml, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>");
	assert_has(&xml, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
			 "慈周寨镇2024年政府信息公开工作年度报告</w:t>");
	assert_int_equal(count_of(xml.ptr, "<w:pStyle w:val=\"Heading1\"/>"), 6);
	assert_has(&xml, "六、其他需要报告的事项</w:t></w:r></w:p>\n<w:p><w:r><w:t xml:space=\"preserve\">0<");
	assert_has(&xml, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z");
	/* three real tables; Table 三's merges: 申请人情况 over 7, 法人或其他组织 over 5, the
	 * result group and the four reason groups merged down (1 + 4 restarts), the note, 自然人
	 * and 总计 down the header rows (3 more); Table 四: 行政诉讼 over 10, five labels down (5) */
	assert_int_equal(count_of(xml.ptr, "<w:tbl>"), 3);
	assert_int_equal(count_of(xml.ptr, "<w:gridSpan w:val=\"7\"/>"), 1);
	assert_int_equal(count_of(xml.ptr, "<w:gridSpan w:val=\"10\"/>"), 1);
	/* 法人或其他组织, 行政复议, 未经复议直接起诉, 复议后起诉 */
	assert_int_equal(count_of(xml.ptr, "<w:gridSpan w:val=\"5\"/>"), 4);
	assert_int_equal(count_of(xml.ptr, "<w:vMerge w:val=\"restart\"/>"), 8 + 5);
	/* continuation cells: note 2×, 自然人, 总计, result 21, groups 7+2+4+2, Table 四 5 */
	assert_int_equal(count_of(xml.ptr, "<w:vMerge/>"), 2 + 1 + 1 + 21 + 15 + 5);
	report_free(&r);

	buf_reset(&out);
	buf_reset(&xml);
	fixture_hangzhou(&r);
	render_twice(&r, RENDER_DOCX, &out);
	assert_zip_golden(&out, "hangzhou-2023.docx", &xml);
	assert_has(&xml, ">14069<");
	assert_has(&xml, ">1234.5678<");
	report_free(&r);

	/* 2019 format; section 六 absent (no paragraph after its heading) */
	buf_reset(&out);
	buf_reset(&xml);
	fixture_shanghai_2019(&r);
	render_twice(&r, RENDER_DOCX, &out);
	assert_zip_golden(&out, "shanghai-2019.docx", &xml);
	assert_has(&xml, "（六）其他处理");
	report_free(&r);
	buf_free(&out);
	buf_free(&xml);
}

/* Every text goes through the one XML writer: markup in an agency name or a narrative is
 * text, control characters XML forbids are dropped, tabs and line breaks become w:tab, w:br. */
static void test_docx_escapes_text(void **state)
{
	struct annual_report r;
	struct buf out;

	buf_init(&out, 0);
	fixture_cizhouzhai(&r);
	report_set_agency(&r, "A&B<镇>");
	report_set_section(&r, SEC_PROBLEMS, "一是<w:p>&amp;\x01\x1b不足\t二是\n三是\"引号\"");
	assert_int_equal(render_docx(&r, &out, NULL), 0);
	{
		zip_error_t ze;
		zip_source_t *src;
		zip_t *za;
		zip_file_t *zf;
		zip_stat_t st;
		char *data;

		zip_error_init(&ze);
		src = zip_source_buffer_create(out.ptr, out.len, 0, &ze);
		za = zip_open_from_source(src, ZIP_RDONLY, &ze);
		assert_non_null(za);
		assert_int_equal(zip_stat(za, "word/document.xml", 0, &st), 0);
		data = calloc(1, st.size + 1);
		zf = zip_fopen(za, "word/document.xml", 0);
		assert_int_equal(zip_fread(zf, data, st.size), (zip_int64_t)st.size);
		zip_fclose(zf);
		assert_well_formed(data, st.size, "document.xml");
		assert_non_null(strstr(data, "A&amp;B&lt;镇&gt;2024年"));
		assert_non_null(strstr(data, "一是&lt;w:p&gt;&amp;amp;不足</w:t></w:r><w:r><w:tab/></w:r>"
					     "<w:r><w:t xml:space=\"preserve\">二是</w:t></w:r><w:r><w:br/>"));
		assert_null(strchr(data, '\x01'));
		assert_null(strchr(data, '\x1b'));
		free(data);
		zip_close(za);
	}
	/* a text that is not UTF-8 is refused, naming the section */
	report_set_section(&r, SEC_OTHER_MATTERS, "\xff\xfe");
	{
		struct gk_error e = { 0 };
		buf_reset(&out);
		assert_int_equal(render_docx(&r, &out, &e), ERR_INVALID);
		assert_string_equal(e.field, "other_matters");
	}
	report_free(&r);
	buf_free(&out);
}

/* The same bytes in every time zone (libzip stores local times; see docx.c). */
static void test_binary_time_zones(void **state)
{
	static const char *const zones[] = { "UTC", "Asia/Shanghai", "America/New_York" };
	static const enum render_kind kinds[] = { RENDER_XLSX, RENDER_DOCX, RENDER_PDF };
	struct annual_report r;

	fixture_cizhouzhai(&r);
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		struct buf first, other;

		buf_init(&first, 0);
		for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
			buf_init(&other, 0);
			assert_int_equal(setenv("TZ", zones[z], 1), 0);
			tzset();
			assert_int_equal(render_report(&r, kinds[k], NULL, z ? &other : &first, NULL), 0);
			if (z) {
				assert_int_equal(other.len, first.len);
				assert_memory_equal(other.ptr, first.ptr, first.len);
			}
			buf_free(&other);
		}
		buf_free(&first);
	}
	unsetenv("TZ");
	tzset();
	report_free(&r);
}

/* ---- PDF ---- */

/* Write out to a temporary file; returns its path (caller unlinks and frees). */
static char *temp_file(const struct buf *out)
{
	const char *dir = getenv("TMPDIR");
	struct buf path;
	int fd;

	buf_init(&path, 0);
	assert_int_equal(buf_printf(&path, "%s/gk-test-pdf-XXXXXX", dir && *dir ? dir : "/tmp"), 0);
	fd = mkstemp(path.ptr);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, out->ptr, out->len), (ssize_t)out->len);
	assert_int_equal(close(fd), 0);
	return buf_steal(&path);
}

/* The standard output of a command run on a file (poppler-utils). */
static void run_tool(const char *cmd, const char *file, struct buf *got)
{
	struct buf line;
	char chunk[4096];
	size_t n;
	FILE *fp;

	buf_init(&line, 0);
	assert_int_equal(buf_printf(&line, "%s '%s'%s", cmd, file,
				    strncmp(cmd, "pdftotext", 9) == 0 ? " -" : ""), 0);
	fp = popen(line.ptr, "r");
	assert_non_null(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		assert_int_equal(buf_append(got, chunk, n), 0);
	assert_int_equal(pclose(fp), 0);
	buf_free(&line);
}

/* The PDF's text (pdftotext -layout) matches the golden text; every font is embedded as a
 * subset with a Unicode map (pdffonts: emb sub uni all yes), and they are the Noto CJK faces. */
static void pdf_golden(const struct annual_report *r, const char *golden, int pages)
{
	struct buf out, text, fonts, info, want;
	char *path;
	int nfonts = 0;

	buf_init(&out, 0);
	buf_init(&text, 0);
	buf_init(&fonts, 0);
	buf_init(&info, 0);
	buf_init(&want, 0);
	render_twice(r, RENDER_PDF, &out);
	assert_memory_equal(out.ptr, "%PDF-", 5);
	/* the six headings are bookmarks: an outline of 6 entries (closed), "一、总体情况" first */
	assert_non_null(memmem(out.ptr, out.len, "/Type /Outlines", 15));
	assert_non_null(memmem(out.ptr, out.len, "/Count -6", 9));
	assert_non_null(memmem(out.ptr, out.len, "/Title <FEFF4E003001603B4F5360C551B5>", 37));
	path = temp_file(&out);
	run_tool("pdftotext -layout", path, &text);
	assert_golden(text.ptr, text.len, golden);
	run_tool("pdffonts", path, &fonts);
	for (const char *l = strchr(fonts.ptr, '\n'); l && (l = strchr(l + 1, '\n')) && l[1];) {
		const char *end = strchr(l + 1, '\n');
		struct buf row;

		buf_init(&row, 0);
		assert_int_equal(buf_append(&row, l + 1, end ? (size_t)(end - l - 1) : strlen(l + 1)), 0);
		if (!strstr(row.ptr, "yes yes yes") || !strstr(row.ptr, "CJK"))
			print_error("font not embedded as a CJK subset with a Unicode map: %s\n", row.ptr);
		assert_non_null(strstr(row.ptr, "yes yes yes"));
		assert_non_null(strstr(row.ptr, "CJK"));
		nfonts++;
		buf_free(&row);
	}
	assert_true(nfonts >= 2);
	run_tool("pdfinfo", path, &info);
	assert_non_null(strstr(info.ptr, "A4"));
	assert_non_null(strstr(info.ptr, "Creator:         gongkai"));
	assert_int_equal(buf_printf(&want, "Pages:           %d\n", pages), 0);
	assert_non_null(strstr(info.ptr, want.ptr));
	unlink(path);
	free(path);
	buf_free(&out);
	buf_free(&text);
	buf_free(&fonts);
	buf_free(&info);
	buf_free(&want);
}

static void test_pdf_goldens(void **state)
{
	struct annual_report r;

	fixture_cizhouzhai(&r);
	pdf_golden(&r, "cizhouzhai-2024.pdf.txt", 4);
	report_free(&r);
	fixture_hangzhou(&r);
	pdf_golden(&r, "hangzhou-2023.pdf.txt", 3);
	report_free(&r);
	/* 2019 format, blank cells, the last section absent: its heading is still drawn */
	fixture_shanghai_2019(&r);
	pdf_golden(&r, "shanghai-2019.pdf.txt", 3);
	report_free(&r);
}

/* A narrative longer than a page continues on the next pages; a table still fits; what the
 * text holds is shown as text. */
static void test_pdf_long_text(void **state)
{
	struct annual_report r;
	struct buf text, out;

	fixture_hangzhou(&r);
	buf_init(&text, 0);
	buf_init(&out, 0);
	for (int i = 0; i < 60; i++)
		assert_int_equal(buf_printf(&text, "第%d段：政府信息公开工作持续推进，公开内容更加规范。\n\n", i + 1),
				 0);
	/* markup is text, control characters are dropped (not drawn as boxes) */
	assert_int_equal(buf_puts(&text, "一是<b>&\x01\x1b不足\n二是"), 0);
	report_set_section(&r, SEC_PROBLEMS, text.ptr);
	render_twice(&r, RENDER_PDF, &out);
	{
		char *path = temp_file(&out);
		struct buf t;

		buf_init(&t, 0);
		run_tool("pdftotext -layout", path, &t);
		assert_non_null(strstr(t.ptr, "第1段"));
		assert_non_null(strstr(t.ptr, "第60段"));
		assert_non_null(strstr(t.ptr, "一是<b>&不足"));
		assert_non_null(strstr(t.ptr, "—6—"));
		unlink(path);
		free(path);
		buf_free(&t);
	}
	report_free(&r);
	buf_free(&text);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_goldens),
		cmocka_unit_test(test_xlsx_merges),
		cmocka_unit_test(test_xlsx_formula_text_stays_text),
		cmocka_unit_test(test_docx_goldens),
		cmocka_unit_test(test_docx_escapes_text),
		cmocka_unit_test(test_binary_time_zones),
		cmocka_unit_test(test_pdf_goldens),
		cmocka_unit_test(test_pdf_long_text),
	};
	return cmocka_run_group_tests_name("render_binary", tests, NULL, NULL);
}

/* test_letter.c — the reply letter (告知书) as DOCX and as text (render/letter.h): a valid zip package
 * with the same parts as the report's DOCX, the legal basis and the remedy statement
 * (REQ 行政复议法-20: 60 日; REQ 行政诉讼法-46: 6 个月) in word/document.xml, markup typed by
 * an applicant or an officer written as text, the same bytes on every run and in every time
 * zone, text that is not UTF-8 refused naming the part; the text form with the same parts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <zip.h>

#include "render/letter.h"

static const struct letter sample = {
	.title = "政府信息公开申请答复告知书",
	.ref = "D583-44QM-9TNW",
	.applicant = "<script>alert(1)</script>",
	.received = "2024-09-27",
	.request = "2024年道路修缮工程预算 & 决算",
	.outcome = "（二）部分公开",
	.conclusion = "经审查，您申请获取的政府信息中部分内容可以公开，现提供可以公开的部分；其余部分不予公开，理由如下。",
	.basis = "《中华人民共和国政府信息公开条例》第三十七条",
	.reasons = "第二部分涉及个人隐私 <script>x</script>\n第三部分\x01另行告知",
	.remedy = "如对本答复不服，可以自收到本告知书之日起60日内向示范县人民政府申请行政复议，"
		  "或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼。",
	.organ = "慈周寨镇人民政府",
	.date = "2024-10-31",
	/* the body as the domain fills the reply template (data/notices/reply.txt) */
	.paras = {
		"本机关于2024年9月27日收到您提出的政府信息公开申请（2024年道路修缮工程预算 & 决算）。",
		"经审查，您申请获取的政府信息中部分内容可以公开，现提供可以公开的部分；其余部分不予公开，理由如下。",
		"处理结果：（二）部分公开。",
		"法律依据：《中华人民共和国政府信息公开条例》第三十七条。",
		"理由：第二部分涉及个人隐私 <script>x</script>\n第三部分\x01另行告知",
		"如对本答复不服，可以自收到本告知书之日起60日内向示范县人民政府申请行政复议，"
		"或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼。",
	},
	.npara = 6,
};

/* The package's entries in order ("a\nb\n") and the text of one of them. */
struct unzipped {
	char entries[1024];
	char *part;
	size_t part_len;
};

static void unzip_part(const struct buf *pkg, const char *want, struct unzipped *u)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_int64_t n;

	memset(u, 0, sizeof *u);
	zip_error_init(&ze);
	src = zip_source_buffer_create(pkg->ptr, pkg->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	n = zip_get_num_entries(za, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_file_t *zf;
		char *data;
		xmlDocPtr doc;

		assert_int_equal(zip_stat_index(za, i, 0, &st), 0);
		{
			size_t at = strlen(u->entries);
			snprintf(u->entries + at, sizeof u->entries - at, "%s\n", st.name);
		}
		data = calloc(1, st.size + 1);
		zf = zip_fopen_index(za, i, 0);
		assert_non_null(zf);
		assert_int_equal(zip_fread(zf, data, st.size), (zip_int64_t)st.size);
		zip_fclose(zf);
		doc = xmlReadMemory(data, (int)st.size, st.name, NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		if (!doc) {
			print_error("%s is not well-formed XML\n", st.name);
			fail();
		}
		xmlFreeDoc(doc);
		if (strcmp(st.name, want) == 0) {
			u->part = data;
			u->part_len = st.size;
		} else {
			free(data);
		}
	}
	zip_close(za);
	assert_non_null(u->part);
}

static void test_letter_parts(void **state)
{
	struct buf out;
	struct unzipped u;
	const char *doc;

	(void)state;
	buf_init(&out, 0);
	assert_int_equal(render_letter_docx(&sample, &out, NULL), 0);
	assert_true(out.len > 4 && memcmp(out.ptr, "PK\x03\x04", 4) == 0);
	unzip_part(&out, "word/document.xml", &u);
	/* the same parts, in the same order, as the annual report's DOCX */
	assert_string_equal(u.entries, "[Content_Types].xml\n_rels/.rels\ndocProps/core.xml\n"
			    "docProps/app.xml\nword/document.xml\nword/styles.xml\nword/settings.xml\n"
			    "word/fontTable.xml\nword/footer1.xml\nword/_rels/document.xml.rels\n");
	doc = u.part;
	assert_non_null(strstr(doc, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
				    "政府信息公开申请答复告知书</w:t>"));
	assert_non_null(strstr(doc, "编号：D583-44QM-9TNW"));
	assert_non_null(strstr(doc, "本机关于2024年9月27日收到您提出的政府信息公开申请（2024年道路修缮工程预算 &amp; 决算）。"));
	assert_non_null(strstr(doc, "处理结果：（二）部分公开。"));
	assert_non_null(strstr(doc, "法律依据：《中华人民共和国政府信息公开条例》第三十七条。"));
	/* REQ 行政复议法-20 REQ 行政诉讼法-46: the remedy statement with both bodies and limits */
	assert_non_null(strstr(doc, "60日内向示范县人民政府申请行政复议"));
	assert_non_null(strstr(doc, "6个月内向有管辖权的人民法院提起行政诉讼"));
	/* markup is text; a line break in the reasons is w:br; control characters dropped */
	assert_non_null(strstr(doc, "&lt;script&gt;alert(1)&lt;/script&gt;："));
	assert_non_null(strstr(doc, "理由：第二部分涉及个人隐私 &lt;script&gt;x&lt;/script&gt;</w:t></w:r>"
				    "<w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">第三部分另行告知"));
	assert_null(strstr(doc, "<script>"));
	assert_null(strchr(doc, '\x01'));
	/* signed: organ, date in Chinese, the seal line, right-aligned; A4 */
	assert_non_null(strstr(doc, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
				    "慈周寨镇人民政府</w:t>"));
	assert_non_null(strstr(doc, "2024年10月31日"));
	assert_non_null(strstr(doc, "（印章）"));
	assert_non_null(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	free(u.part);

	unzip_part(&out, "word/styles.xml", &u);
	assert_non_null(strstr(u.part, "w:eastAsia=\"zh-CN\""));
	assert_non_null(strstr(u.part, "w:eastAsia=\"仿宋_GB2312\""));
	free(u.part);
	unzip_part(&out, "word/fontTable.xml", &u);
	assert_non_null(strstr(u.part, "<w:altName w:val=\"SimSun\"/>"));
	free(u.part);
	unzip_part(&out, "docProps/core.xml", &u);
	assert_non_null(strstr(u.part, "<dc:creator>慈周寨镇人民政府</dc:creator>"));
	assert_non_null(strstr(u.part, "2024-10-31T00:00:00Z"));
	free(u.part);
	buf_free(&out);
}

/* The same letter gives the same bytes: twice, and under three time zones. */
static void test_letter_deterministic(void **state)
{
	static const char *const zones[] = { "UTC", "Asia/Shanghai", "America/New_York" };
	struct buf first, again;

	(void)state;
	buf_init(&first, 0);
	buf_init(&again, 0);
	assert_int_equal(render_letter_docx(&sample, &first, NULL), 0);
	for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		assert_int_equal(setenv("TZ", zones[z], 1), 0);
		tzset();
		buf_reset(&again);
		assert_int_equal(render_letter_docx(&sample, &again, NULL), 0);
		assert_int_equal(again.len, first.len);
		assert_memory_equal(again.ptr, first.ptr, first.len);
	}
	unsetenv("TZ");
	tzset();
	buf_free(&first);
	buf_free(&again);
}

/* Without a decision date the letter carries the date received; the date line stays empty. */
static void test_letter_without_date(void **state)
{
	struct letter l = sample;
	struct buf out;
	struct unzipped u;

	(void)state;
	l.date = "";
	buf_init(&out, 0);
	assert_int_equal(render_letter_docx(&l, &out, NULL), 0);
	unzip_part(&out, "word/document.xml", &u);
	assert_null(strstr(u.part, "2024年10月31日"));
	assert_non_null(strstr(u.part, "收到您提出的政府信息公开申请（"));
	free(u.part);
	unzip_part(&out, "docProps/core.xml", &u);
	assert_non_null(strstr(u.part, "2024-09-27T00:00:00Z"));
	free(u.part);
	buf_free(&out);
}

static void test_letter_not_utf8(void **state)
{
	struct letter l = sample;
	struct gk_error e = { 0 };
	struct buf out;

	(void)state;
	l.reasons = "\xff\xfe";
	buf_init(&out, 0);
	assert_int_equal(render_letter_docx(&l, &out, &e), ERR_INVALID);
	assert_string_equal(e.field, "reasons");
	assert_int_equal(out.len, 0);
	/* the body as filled from the organ's wording is checked the same way */
	l = sample;
	l.paras[2] = "\xff";
	assert_int_equal(render_letter_docx(&l, &out, &e), ERR_INVALID);
	assert_string_equal(e.field, "body");
	assert_int_equal(out.len, 0);
	buf_free(&out);
}

static void test_letter_txt(void **state)
{
	static const char head[] = "政府信息公开申请答复告知书\n编号：D583-44QM-9TNW\n\n"
				   "<script>alert(1)</script>：\n　　本机关于2024年9月27日收到";
	struct buf out;
	const char *t;

	(void)state;
	buf_init(&out, 0);
	assert_int_equal(render_letter_txt(&sample, &out, NULL), 0);
	t = buf_cstr(&out);
	/* title, reference, addressee (plain text: nothing to escape), the body indented */
	assert_true(strncmp(t, head, strlen(head)) == 0);
	/* REQ 行政复议法-20 REQ 行政诉讼法-46 */
	assert_non_null(strstr(t, "\n　　法律依据：《中华人民共和国政府信息公开条例》第三十七条。\n"));
	assert_non_null(strstr(t, "60日内向示范县人民政府申请行政复议"));
	assert_non_null(strstr(t, "6个月内向有管辖权的人民法院提起行政诉讼"));
	assert_non_null(strstr(t, "慈周寨镇人民政府\n　　　　　　　　　　　　2024年10月31日\n"));
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_letter_parts),
		cmocka_unit_test(test_letter_deterministic),
		cmocka_unit_test(test_letter_without_date),
		cmocka_unit_test(test_letter_not_utf8),
		cmocka_unit_test(test_letter_txt),
	};
	return cmocka_run_group_tests_name("render/letter", tests, NULL, NULL);
}

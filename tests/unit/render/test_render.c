/* test_render.c — the report renderers against golden files: the txt renderer reproduces the
 * reference report (慈周寨镇 2024) byte for byte; md, html and json of the same report and of
 * the Hangzhou-style fixture match their goldens; the official HTML geometry; escaping.
 * GK_UPDATE_GOLDEN=1 rewrites the goldens other than the reference (then review the diff). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../format/fixtures.h"
#include "render/layout.h"
#include "render/render.h"

static void golden_path(struct buf *path, const char *name)
{
	assert_int_equal(buf_printf(path, "%s/tests/golden/%s", GK_TEST_SOURCE_DIR, name), 0);
}

/* Compare got with the golden file; on a difference, print the first differing line. */
static void assert_golden(const struct buf *got, const char *name, int may_update)
{
	struct buf path, want;
	const char *u = getenv("GK_UPDATE_GOLDEN");

	buf_init(&path, 0);
	buf_init(&want, 0);
	golden_path(&path, name);
	if (may_update && u && strcmp(u, "1") == 0) {
		FILE *fp = fopen(path.ptr, "wb");
		assert_non_null(fp);
		assert_int_equal(fwrite(buf_cstr(got), 1, got->len, fp), got->len);
		assert_int_equal(fclose(fp), 0);
	}
	assert_int_equal(buf_read_file(&want, path.ptr, NULL), 0);
	if (got->len != want.len || memcmp(buf_cstr(got), buf_cstr(&want), got->len) != 0) {
		size_t i = 0, line = 1, start = 0;
		while (i < got->len && i < want.len && got->ptr[i] == want.ptr[i]) {
			if (got->ptr[i] == '\n') {
				line++;
				start = i + 1;
			}
			i++;
		}
		print_error("%s differs at line %zu (byte %zu):\n got: %.120s\nwant: %.120s\n", name,
			    line, i, buf_cstr(got) + start, buf_cstr(&want) + start);
		fail();
	}
	buf_free(&path);
	buf_free(&want);
}

static void render_golden(const struct annual_report *r, enum render_kind k, const char *name,
			  int may_update)
{
	struct buf out, again;

	buf_init(&out, 0);
	buf_init(&again, 0);
	assert_int_equal(render_report(r, k, NULL, &out, NULL), 0);
	assert_golden(&out, name, may_update);
	/* deterministic: the same report gives the same bytes */
	assert_int_equal(render_report(r, k, NULL, &again, NULL), 0);
	assert_int_equal(again.len, out.len);
	assert_memory_equal(again.ptr, out.ptr, out.len);
	buf_free(&out);
	buf_free(&again);
}

static void test_txt_reproduces_reference(void **state)
{
	struct annual_report r;
	struct buf out, ref;

	fixture_cizhouzhai(&r);
	/* the golden copy, and the published original kept in tests/data/corpus */
	render_golden(&r, RENDER_TXT, "reference-cizhouzhai-2024.txt", 0);
	buf_init(&out, 0);
	buf_init(&ref, 0);
	assert_int_equal(render_txt(&r, &out, NULL), 0);
	assert_int_equal(buf_read_file(&ref, GK_TEST_DATA_DIR "/corpus/reference-cizhouzhai-2024.txt", NULL), 0);
	assert_int_equal(out.len, ref.len);
	assert_memory_equal(out.ptr, ref.ptr, ref.len);
	buf_free(&out);
	buf_free(&ref);
	report_free(&r);
}

static void test_goldens(void **state)
{
	struct annual_report r;

	fixture_cizhouzhai(&r);
	render_golden(&r, RENDER_MD, "cizhouzhai-2024.md", 1);
	render_golden(&r, RENDER_HTML, "cizhouzhai-2024.html", 1);
	render_golden(&r, RENDER_JSON, "cizhouzhai-2024.json", 1);
	report_free(&r);
	fixture_hangzhou(&r);
	render_golden(&r, RENDER_TXT, "hangzhou-2023.txt", 1);
	render_golden(&r, RENDER_MD, "hangzhou-2023.md", 1);
	render_golden(&r, RENDER_HTML, "hangzhou-2023.html", 1);
	render_golden(&r, RENDER_JSON, "hangzhou-2023.json", 1);
	/* the negative test: its findings appear in the JSON */
	cells_t3_set(&r.cells, T3R_OTHER_MISC, T3C_TOTAL, 964);
	render_golden(&r, RENDER_JSON, "hangzhou-2023-broken.json", 1);
	report_free(&r);
	fixture_shanghai_2019(&r);
	render_golden(&r, RENDER_TXT, "shanghai-2019.txt", 1);
	render_golden(&r, RENDER_HTML, "shanghai-2019.html", 1);
	render_golden(&r, RENDER_JSON, "shanghai-2019.json", 1);
	report_free(&r);
}

static int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static void test_json_has_every_cell(void **state)
{
	struct annual_report r;
	struct buf out;

	fixture_cizhouzhai(&r);
	buf_init(&out, 0);
	assert_int_equal(render_json(&r, NULL, &out, NULL), 0);
	assert_int_equal(count_of(out.ptr, "\"t3."), 175);
	assert_int_equal(count_of(out.ptr, "\"t4."), 15);
	assert_int_equal(count_of(out.ptr, "\"t2."), 10);
	assert_non_null(strstr(out.ptr, "\"t3.new_received.np\": 0"));
	assert_non_null(strstr(out.ptr, "\"format\": \"2021\""));
	assert_non_null(strstr(out.ptr, "\"rule\": \"TXT-02\""));
	buf_free(&out);
	report_free(&r);
}

static const struct lay_cell *find_label(const struct lay_table *t, const char *label)
{
	for (int i = 0; i < t->n; i++)
		if (t->c[i].label && strcmp(t->c[i].label, label) == 0)
			return &t->c[i];
	return NULL;
}

static void test_official_geometry(void **state)
{
	static struct lay_table t;
	const struct lay_cell *c;

	/* spec §4.2: 三、本年度办理结果 rowspan 22 (2021) / 20 (2019); groups 8, 3, 5, 3 */
	layout_build(fmt_get(FMT_V2021), TBL_3, &t);
	assert_int_equal(t.ncols, 10);
	assert_int_equal(t.nrows, 3 + 25);
	assert_int_equal(find_label(&t, "三、本年度办理结果")->rowspan, 22);
	assert_int_equal(find_label(&t, "（三）不予公开")->rowspan, 8);
	assert_int_equal(find_label(&t, "（四）无法提供")->rowspan, 3);
	assert_int_equal(find_label(&t, "（五）不予处理")->rowspan, 5);
	assert_int_equal(find_label(&t, "（六）其他处理")->rowspan, 3);
	assert_int_equal(find_label(&t, "一、本年新收政府信息公开申请数量")->colspan, 3);
	assert_int_equal(find_label(&t, "（七）总计")->colspan, 2);
	c = find_label(&t, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	assert_int_equal(c->rowspan, 3);
	assert_int_equal(c->colspan, 3);
	assert_int_equal(find_label(&t, "法人或其他组织")->colspan, 5);
	assert_int_equal(find_label(&t, "自然人")->rowspan, 2);
	layout_build(fmt_get(FMT_V2019), TBL_3, &t);
	assert_int_equal(find_label(&t, "三、本年度办理结果")->rowspan, 20);
	assert_int_equal(find_label(&t, "（六）其他处理")->colspan, 2);
	/* §5: 15 numbers under 行政复议 (5) and 行政诉讼 (10) */
	layout_build(fmt_get(FMT_V2021), TBL_4, &t);
	assert_int_equal(t.ncols, 15);
	assert_int_equal(find_label(&t, "行政复议")->colspan, 5);
	assert_int_equal(find_label(&t, "行政诉讼")->colspan, 10);
	assert_int_equal(find_label(&t, "复议后起诉")->colspan, 5);
	/* §3.1: one-value blocks span the value over 3 columns */
	layout_build(fmt_get(FMT_V2021), TBL_2, &t);
	assert_int_equal(find_label(&t, "本年处理决定数量")->colspan, 3);
	assert_int_equal(find_label(&t, "第二十条第（八）项")->colspan, 4);
}

static void test_html_escapes_everything(void **state)
{
	struct annual_report r;
	struct buf out;

	fixture_cizhouzhai(&r);
	report_set_agency(&r, "<script>alert('x')</script>镇");
	report_set_section(&r, SEC_PROBLEMS, "甲 & 乙 <b>\n第二行\n\n第二段");
	buf_init(&out, 0);
	assert_int_equal(render_html(&r, &out, NULL), 0);
	assert_null(strstr(out.ptr, "<script>"));
	assert_null(strstr(out.ptr, "<b>"));
	assert_non_null(strstr(out.ptr, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;镇"));
	assert_non_null(strstr(out.ptr, "<p>甲 &amp; 乙 &lt;b&gt;<br>第二行</p>\n<p>第二段</p>"));
	/* invalid UTF-8 is refused, not passed to the page */
	report_set_section(&r, SEC_PROBLEMS, "\xff\xfe");
	buf_reset(&out);
	assert_int_equal(render_html(&r, &out, NULL), ERR_INVALID);
	buf_free(&out);
	report_free(&r);
}

static void test_kinds_and_money(void **state)
{
	struct annual_report r;
	struct buf out;

	assert_int_equal(render_kind_by_name("html"), RENDER_HTML);
	assert_int_equal(render_kind_by_name("xlsx"), RENDER_XLSX);
	assert_int_equal(render_kind_by_name("odt"), -1);
	assert_string_equal(render_kind_name(RENDER_JSON), "json");
	fixture_cizhouzhai(&r);
	/* 12345678 分 = 12.345678 万元: 4 decimals in print, exact in JSON */
	assert_int_equal(cells_set_id(&r.cells, "t2.admin_fee.amount_wan", 12345678, NULL), 0);
	buf_init(&out, 0);
	assert_int_equal(render_txt(&r, &out, NULL), 0);
	assert_non_null(strstr(out.ptr, "行政事业性收费\t12.3457\t\t"));
	buf_reset(&out);
	assert_int_equal(render_json(&r, NULL, &out, NULL), 0);
	assert_non_null(strstr(out.ptr, "\"t2.admin_fee.amount_wan\": 12.345678,"));
	buf_free(&out);
	report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_txt_reproduces_reference),
		cmocka_unit_test(test_goldens),
		cmocka_unit_test(test_json_has_every_cell),
		cmocka_unit_test(test_official_geometry),
		cmocka_unit_test(test_html_escapes_everything),
		cmocka_unit_test(test_kinds_and_money),
	};
	return cmocka_run_group_tests_name("render/report", tests, NULL, NULL);
}

/* test_figure.c — the 图解 of an annual report as SVG (render/figure.c, draw_svg.c): golden
 * files for the three fixture reports (tests/golden/render/<name>.svg), the same bytes twice,
 * well-formed XML with a title and a text alternative, nothing a strict CSP blocks, and every
 * number read back: each text with a digit is one cell of the report (or of the previous
 * year's, given as r.prev) with exactly the value the report prints, or a year in a label.
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

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../format/fixtures.h"
#include "render/draw.h"
#include "render/render.h"

static int updating(void)
{
	const char *u = getenv("GK_UPDATE_GOLDEN");
	return u && strcmp(u, "1") == 0;
}

static void assert_golden(const struct buf *got, const char *name)
{
	struct buf path, want;

	buf_init(&path, 0);
	buf_init(&want, 0);
	assert_int_equal(buf_printf(&path, "%s/tests/golden/render/%s", GK_TEST_SOURCE_DIR, name), 0);
	if (updating()) {
		FILE *fp = fopen(path.ptr, "wb");
		assert_non_null(fp);
		assert_int_equal(fwrite(got->ptr, 1, got->len, fp), got->len);
		assert_int_equal(fclose(fp), 0);
	}
	assert_int_equal(buf_read_file(&want, path.ptr, NULL), 0);
	if (got->len != want.len || memcmp(got->ptr, want.ptr, got->len) != 0) {
		size_t i = 0;
		while (i < got->len && i < want.len && got->ptr[i] == want.ptr[i])
			i++;
		print_error("%s differs at byte %zu:\n got: %.160s\nwant: %.160s\n", name, i,
			    got->ptr + (i > 40 ? i - 40 : 0), want.ptr + (i > 40 ? i - 40 : 0));
		fail();
	}
	buf_free(&path);
	buf_free(&want);
}

struct readback {
	const struct annual_report *r;
	int numbers;        /* texts with a cell of this year */
	int prev_numbers;   /* texts with a cell of the previous year */
	int titles;
};

/* A text without a cell may hold digits only as the year of a report in a label, or as the
 * item number that begins a label of the format ("1.属于国家秘密"). */
static void assert_only_years(const char *s, int year)
{
	char y1[16], y0[16];
	const char *p = s;

	while (*p >= '0' && *p <= '9' && p[1] == '.')
		p += 2;

	snprintf(y1, sizeof y1, "%d年", year);
	snprintf(y0, sizeof y0, "%d年", year - 1);
	while (*p) {
		if (strncmp(p, y1, strlen(y1)) == 0) {
			p += strlen(y1);
		} else if (strncmp(p, y0, strlen(y0)) == 0) {
			p += strlen(y0);
		} else {
			if (*p >= '0' && *p <= '9') {
				print_error("a number that is no cell of the report: \"%s\"\n", s);
				fail();
			}
			p++;
		}
	}
}

static void walk(xmlNode *n, struct readback *rb)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		assert_null(xmlHasProp(n, (const xmlChar *)"style"));
		assert_string_not_equal((const char *)n->name, "style");
		assert_string_not_equal((const char *)n->name, "script");
		assert_string_not_equal((const char *)n->name, "image");
		if (strcmp((const char *)n->name, "title") == 0)
			rb->titles++;
		if (strcmp((const char *)n->name, "text") == 0) {
			xmlChar *content = xmlNodeGetContent(n);
			xmlChar *cell = xmlGetProp(n, (const xmlChar *)"data-cell");
			xmlChar *year = xmlGetProp(n, (const xmlChar *)"data-year");

			if (cell) {
				int y = atoi((const char *)year);
				const struct report_cells *c = y == rb->r->year ? &rb->r->cells : &rb->r->prev;
				int idx = c->fmt ? fmt_cell_index(c->fmt, (const char *)cell) : -1;
				struct buf want;

				assert_true(y == rb->r->year || y == rb->r->year - 1);
				assert_true(idx >= 0);
				buf_init(&want, 0);
				assert_int_equal(cells_write(c, idx, 4, &want), 0);
				if (strcmp(buf_cstr(&want), (const char *)content) != 0) {
					print_error("%s of %d: the picture says %s, the report %s\n", cell, y,
						    content, buf_cstr(&want));
					fail();
				}
				buf_free(&want);
				if (y == rb->r->year)
					rb->numbers++;
				else
					rb->prev_numbers++;
			} else {
				assert_only_years((const char *)content, rb->r->year);
			}
			xmlFree(content);
			xmlFree(cell);
			xmlFree(year);
		}
		walk(n->children, rb);
	}
}

/* Parse svg and read every number back against r; returns what was found. */
static struct readback read_back(const struct buf *svg, const struct annual_report *r)
{
	struct readback rb = { r, 0, 0, 0 };
	xmlDocPtr doc = xmlReadMemory(svg->ptr, (int)svg->len, "figure.svg", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNode *root;

	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "svg");
	walk(root, &rb);
	xmlFreeDoc(doc);
	return rb;
}

/* Cells drawn per year of the 2021 format: Table 二 (10), the four totals of 三, its 21
 * outcome rows, 6 applicant types, Table 四 (15). */
#define CELLS_2021 (10 + 4 + 21 + 6 + 15)
/* The 上海 2019 fixture as read from its page: Table 二 absent (22 cells) and the 总计 of its
 * 19 outcome rows blank, so only the four totals of 三, 6 applicant types and Table 四. */
#define CELLS_SHANGHAI (4 + 6 + 15)

static void render_checked(const struct annual_report *r, const char *golden, int cells,
			   int prev_cells)
{
	struct buf a, b;
	struct gk_error e = { 0 };
	struct readback rb;

	buf_init(&a, 0);
	buf_init(&b, 0);
	assert_int_equal(render_report(r, RENDER_SVG, NULL, &a, &e), 0);
	assert_int_equal(render_report(r, RENDER_SVG, NULL, &b, &e), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.ptr, b.ptr, a.len);
	assert_golden(&a, golden);
	rb = read_back(&a, r);
	assert_int_equal(rb.numbers, cells);
	assert_int_equal(rb.prev_numbers, prev_cells);
	assert_true(rb.titles >= 1);
	/* the text alternative names the organ and states the figures */
	assert_non_null(strstr(buf_cstr(&a), "<desc id=\"tujie-desc\">"));
	assert_non_null(strstr(buf_cstr(&a), "一、本年新收政府信息公开申请数量 "));
	assert_non_null(strstr(buf_cstr(&a), r->agency));
	buf_free(&a);
	buf_free(&b);
}

static void test_cizhouzhai(void **state)
{
	struct annual_report r;

	(void)state;
	fixture_cizhouzhai(&r);
	render_checked(&r, "cizhouzhai-2024.svg", CELLS_2021, 0);
	report_free(&r);
}

/* With the previous year: every number has last year's value beside it. */
static void test_hangzhou_with_prev(void **state)
{
	struct annual_report r, prev;

	(void)state;
	fixture_hangzhou(&r);
	fixture_cizhouzhai(&prev);
	r.prev = prev.cells;
	render_checked(&r, "hangzhou-2023.svg", CELLS_2021, CELLS_2021);
	report_free(&r);
	report_free(&prev);
}

static int count(const char *s, const char *what)
{
	int n = 0;

	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

/* 2019 format, totals left blank: a blank cell is "—", never a number. */
static void test_shanghai_2019(void **state)
{
	struct annual_report r;
	struct buf b;

	(void)state;
	fixture_shanghai_2019(&r);
	buf_init(&b, 0);
	assert_int_equal(render_svg(&r, &b, NULL), 0);
	assert_int_equal(count(buf_cstr(&b), ">—</text>"), 22 + 19);
	buf_free(&b);
	render_checked(&r, "shanghai-2019.svg", CELLS_SHANGHAI, 0);
	report_free(&r);
}

/* Markup in the organ's name is text, escaped once. */
static void test_escaping(void **state)
{
	struct annual_report r;
	struct buf b;

	(void)state;
	fixture_cizhouzhai(&r);
	report_set_agency(&r, "<script>alert(1)</script>&镇");
	buf_init(&b, 0);
	assert_int_equal(render_svg(&r, &b, NULL), 0);
	assert_null(strstr(buf_cstr(&b), "<script>"));
	assert_non_null(strstr(buf_cstr(&b), "&lt;script&gt;alert(1)&lt;/script&gt;&amp;镇"));
	buf_free(&b);
	report_set_agency(&r, "\xff\xfe");
	buf_init(&b, 0);
	assert_int_equal(render_svg(&r, &b, NULL), ERR_INVALID);
	buf_free(&b);
	report_free(&r);
}

/* Lines break where a reader expects: never inside a number, never before a closing mark. */
static void test_wrap(void **state)
{
	size_t off[6], len[6];
	const char *s = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
	int n;

	(void)state;
	n = draw_wrap(s, 13, 13 * 8, off, len, 6);
	assert_true(n >= 3);
	for (int i = 1; i < n; i++) {
		assert_false(strncmp(s + off[i], "，", strlen("，")) == 0);
		assert_false(strncmp(s + off[i], "）", strlen("）")) == 0);
	}
	n = draw_wrap("收费金额 25.3181 万元", 13, 13 * 5.5, off, len, 6);
	for (int i = 0; i < n; i++)
		assert_false(len[i] > 0 && memchr("0123456789.", "收费金额 25.3181 万元"[off[i]], 11) &&
			     off[i] > 0 && "收费金额 25.3181 万元"[off[i] - 1] >= '0' &&
			     "收费金额 25.3181 万元"[off[i] - 1] <= '9');
	assert_int_equal(draw_wrap("", 13, 100, off, len, 6), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cizhouzhai),
		cmocka_unit_test(test_hangzhou_with_prev),
		cmocka_unit_test(test_shanghai_2019),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_wrap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_trend.c — the console's pictures (render/trend.c) and the cairo back end
 * (draw_cairo.c): the month columns say "—" for months not reached and state every number in
 * their text alternative; the due strip shows each working day it is given, today outlined;
 * the organs are sorted, most applications first; the same bytes twice; a PNG and a one-page
 * PDF of the 图解 from the same drawing, reproducible, the PDF's text the SVG's labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../format/fixtures.h"
#include "render/draw.h"
#include "render/render.h"
#include "render/trend.h"
#include "text/date.h"

static char *svg_of(struct drawing *d, int rc)
{
	struct buf b;
	char *s;

	assert_int_equal(rc, 0);
	buf_init(&b, 0);
	assert_int_equal(draw_svg(d, &b, NULL), 0);
	s = strdup(buf_cstr(&b));
	buf_free(&b);
	draw_free(d);
	return s;
}

static int count(const char *s, const char *what)
{
	int n = 0;

	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

static void test_months(void **state)
{
	struct month_series cur = { 2025, 3, { 4, 0, 7 } }, prev = { 2024, 12, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 } };
	struct drawing d;
	char *a, *b;

	(void)state;
	a = svg_of(&d, render_months("m", "收到的政府信息公开申请", &cur, &prev, &d, NULL));
	b = svg_of(&d, render_months("m", "收到的政府信息公开申请", &cur, &prev, &d, NULL));
	assert_string_equal(a, b);
	/* 9 months of 2025 not reached: no column, "—" */
	assert_int_equal(count(a, ">—</text>"), 9);
	assert_non_null(strstr(a, "3月：2025年 7，2024年 3；"));
	assert_non_null(strstr(a, "12月：2025年 —，2024年 12；"));
	assert_non_null(strstr(a, ">12月</text>"));
	assert_null(strstr(a, "style="));
	free(a);
	free(b);
}

static void test_due_strip(void **state)
{
	struct due_strip s = { 0 };
	struct drawing d;
	char *a;

	(void)state;
	s.n = 3;
	s.day[0] = date_make(2024, 9, 30);   /* a Monday, then 国庆 */
	s.day[1] = date_make(2024, 10, 8);
	s.day[2] = date_make(2024, 10, 9);
	s.due[1] = 2;
	s.today = s.day[0];
	s.overdue = 1;
	a = svg_of(&d, render_due_strip("due", &s, &d, NULL));
	assert_non_null(strstr(a, "今后3个工作日到期的申请"));
	assert_non_null(strstr(a, "09-30（今天）0 件；10-08（周二）2 件；10-09（周三）0 件；"));
	assert_non_null(strstr(a, "已超期 1 件"));
	free(a);
	s.n = 0;
	assert_int_equal(render_due_strip("due", &s, &d, NULL), ERR_INVALID);
	draw_free(&d);
}

static void test_organs_sorted(void **state)
{
	struct organ_bar o[3] = { { "乙镇", "未发布", 5, 1 }, { "甲镇", "已发布", 9, 0 },
				  { "<b>丙</b>镇", "已发布", 5, 2 } };
	struct drawing d;
	char *a;

	(void)state;
	a = svg_of(&d, render_organs("o", "各机关", o, 3, &d, NULL));
	assert_true(strstr(a, "甲镇") < strstr(a, "&lt;b&gt;丙&lt;/b&gt;镇"));
	assert_true(strstr(a, "&lt;b&gt;丙&lt;/b&gt;镇") < strstr(a, "乙镇"));
	assert_null(strstr(a, "<b>"));
	free(a);
}

/* The 图解 through cairo: a PNG and a PDF page, each the same bytes twice. */
static void test_cairo(void **state)
{
	struct annual_report r;
	struct buf a, b;
	char path[] = "/tmp/gk-figure-XXXXXX";
	int fd;

	(void)state;
	fixture_hangzhou(&r);
	buf_init(&a, 0);
	buf_init(&b, 0);
	assert_int_equal(render_report(&r, RENDER_PNG, NULL, &a, NULL), 0);
	assert_int_equal(render_report(&r, RENDER_PNG, NULL, &b, NULL), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.ptr, b.ptr, a.len);
	assert_memory_equal(a.ptr, "\x89PNG\r\n\x1a\n", 8);
	/* IHDR: 1440 pixels wide (720 units at 2 pixels) */
	assert_int_equal(((unsigned char)a.ptr[16] << 24 | (unsigned char)a.ptr[17] << 16 |
			  (unsigned char)a.ptr[18] << 8 | (unsigned char)a.ptr[19]), 1440);
	buf_reset(&a);
	buf_reset(&b);
	assert_int_equal(render_report(&r, RENDER_FIGURE_PDF, NULL, &a, NULL), 0);
	assert_int_equal(render_report(&r, RENDER_FIGURE_PDF, NULL, &b, NULL), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.ptr, b.ptr, a.len);
	assert_memory_equal(a.ptr, "%PDF-", 5);
	/* its text, as pdftotext reads it, has the labels and numbers of the SVG */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, a.ptr, a.len), (ssize_t)a.len);
	close(fd);
	{
		char cmd[256];
		FILE *p;
		struct buf text;
		char chunk[4096];
		size_t n;

		snprintf(cmd, sizeof cmd, "pdftotext -q %s - 2>/dev/null", path);
		p = popen(cmd, "r");
		assert_non_null(p);
		buf_init(&text, 0);
		while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
			assert_int_equal(buf_append(&text, chunk, n), 0);
		pclose(p);
		assert_non_null(strstr(buf_cstr(&text), "三、收到和处理政府信息公开申请情况"));
		assert_non_null(strstr(buf_cstr(&text), "1.属于国家秘密"));
		buf_free(&text);
	}
	unlink(path);
	buf_free(&a);
	buf_free(&b);
	report_free(&r);
}

/* In black and white the series stay apart: no two paints of the palette share a hatch, and
 * the comparison bar's grey hatch is none of theirs on a grey fill. */
static void test_palette_without_colour(void **state)
{
	enum draw_hatch seen[6];

	(void)state;
	for (int i = 0; i < 6; i++) {
		uint32_t fill;

		draw_palette(i, &fill, &seen[i]);
		assert_true(fill != DRAW_GREY && fill != DRAW_NONE);
		for (int k = 0; k < i; k++)
			assert_int_not_equal(seen[i], seen[k]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_due_strip),
		cmocka_unit_test(test_organs_sorted),
		cmocka_unit_test(test_cairo),
		cmocka_unit_test(test_palette_without_colour),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

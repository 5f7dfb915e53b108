/*
 * trend.c — the console's pictures: months, the due strip, a region's organs and years
 * (see trend.h).
 * May use base/, text/, format/ and render/ (chart.h, draw.h).
 */
#include "render/trend.h"

#include <stdlib.h>
#include <string.h>

#include "format/format.h"
#include "render/chart.h"
#include "text/date.h"

#define X0 CHART_MARGIN
#define X1 (CHART_W - CHART_MARGIN)

static const char *weekday(int day)
{
	static const char *const names[8] = { "", "周一", "周二", "周三", "周四", "周五", "周六", "周日" };
	int w = date_weekday(day);

	return names[w >= 1 && w <= 7 ? w : 0];
}

static void say(struct chart *c, const char *s)
{
	if (c->d->rc == 0)
		c->d->rc = buf_puts(&c->desc, s);
}

/* A small legend entry: a swatch and its words; returns the x after it. */
static double legend(struct chart *c, double x, double y, uint32_t fill, enum draw_hatch h,
		     const char *words)
{
	draw_rect(c->d, x, y - 10, 16, 11, fill, h, DRAW_NONE);
	draw_text(c->d, x + 21, y, words, 12.5, 0, ANCHOR_START, DRAW_INK);
	return x + 21 + draw_text_width(words, 12.5) + 18;
}

int render_months(const char *id, const char *title, const struct month_series *cur,
		  const struct month_series *prev, struct drawing *d, struct gk_error *e)
{
	const double gw = (X1 - X0) / 12, cw = 19, ph = 120;
	struct chart c;
	int64_t max = 0;
	double top, base, x;
	const char *ycur, *yprev;

	draw_init(d, CHART_W, 0, id, title);
	ycur = arena_printf(&d->a, "%d年", cur->year);
	yprev = prev ? arena_printf(&d->a, "%d年", prev->year) : NULL;
	chart_begin(&c, d, yprev);
	chart_title(&c, title, prev ? arena_printf(&d->a, "每月件数，%s与%s同月比较。", ycur, yprev)
				 : "每月件数。", NULL);
	x = legend(&c, X0, c.y + 12, DRAW_BLUE, HATCH_NONE, ycur);
	if (prev)
		legend(&c, x, c.y + 12, DRAW_GREY, HATCH_DIAG, yprev);
	c.y += 24;
	for (int m = 0; m < 12; m++) {
		if (m < cur->known && cur->v[m] > max)
			max = cur->v[m];
		if (prev && m < prev->known && prev->v[m] > max)
			max = prev->v[m];
	}
	top = c.y + 18;
	base = top + ph;
	draw_group(d, title);
	for (int m = 0; m < 12; m++) {
		const struct month_series *s[2] = { cur, prev };
		double gx = X0 + m * gw;

		say(&c, arena_printf(&d->a, "%d月：", m + 1));
		for (int k = 0; k < 2 && s[k]; k++) {
			double cx = gx + (gw - 2 * cw - 3) / 2 + k * (cw + 3), h;
			int known = m < s[k]->known;
			const char *t = known ? arena_printf(&d->a, "%lld", (long long)s[k]->v[m]) : "—";

			h = known && max > 0 ? ph * (double)s[k]->v[m] / (double)max : 0;
			if (h > 0 && h < 2)
				h = 2;
			if (h > 0)
				draw_rect(d, cx, base - h, cw, h, k ? DRAW_GREY : DRAW_BLUE,
					  k ? HATCH_DIAG : HATCH_NONE, DRAW_NONE);
			draw_text(d, cx + cw / 2, base - h - 4, t, 10.5, k == 0, ANCHOR_MIDDLE,
				  k ? DRAW_GREY : DRAW_INK);
			say(&c, arena_printf(&d->a, "%s%s %s", k ? "，" : "", k ? yprev : ycur, t));
		}
		say(&c, "；");
		draw_text(d, gx + gw / 2, base + 17, arena_printf(&d->a, "%d月", m + 1), 12, 0,
			  ANCHOR_MIDDLE, DRAW_INK);
	}
	draw_line(d, X0, base, X1, base, DRAW_INK, 1);
	draw_end(d);
	c.y = base + 26;
	return chart_finish(&c, e);
}

int render_due_strip(const char *id, const struct due_strip *s, struct drawing *d,
		     struct gk_error *e)
{
	const int per_row = 10;
	const double gap = 6, w = (X1 - X0 - (per_row - 1) * gap) / per_row, h = 80;
	struct chart c;
	const char *title;

	draw_init(d, CHART_W, 0, id, NULL);
	if (s->n < 1 || s->n > STRIP_MAX)
		return err_set(e, ERR_INVALID, "days", "a strip of 1 to %d working days", STRIP_MAX);
	title = arena_printf(&d->a, "今后%d个工作日到期的申请", s->n);
	d->title = title;
	chart_begin(&c, d, NULL);
	chart_title(&c, title, arena_printf(&d->a, "按法定工作日（节假日、调休已计入）列出每天到期答复的件数。"
					    "另有已超期 %lld 件，第%d个工作日之后到期 %lld 件，"
					    "暂停计时（补正、征求意见、缴费等）%lld 件。",
					    (long long)s->overdue, s->n, (long long)s->later,
					    (long long)s->paused), NULL);
	for (int k = 0; k < s->n; k++) {
		double x = X0 + (k % per_row) * (w + gap), y = c.y + (k / per_row) * (h + gap);
		int yy, mm, dd, today = s->day[k] == s->today;
		const char *date, *count = arena_printf(&d->a, "%lld", (long long)s->due[k]);

		date_split(s->day[k], &yy, &mm, &dd);
		date = arena_printf(&d->a, "%02d-%02d", mm, dd);
		draw_group(d, NULL);
		draw_rect(d, x, y, w, h, s->due[k] ? UINT32_C(0xFBE3B6) : DRAW_PAPER, HATCH_NONE,
			  today ? DRAW_INK : DRAW_LIGHT);
		if (today) {
			draw_rect(d, x + 1, y + 1, w - 2, h - 2, DRAW_NONE, HATCH_NONE, DRAW_INK);
		}
		draw_text(d, x + w / 2, y + 17, date, 12.5, today, ANCHOR_MIDDLE, DRAW_INK);
		draw_text(d, x + w / 2, y + 33, today ? "今天" : weekday(s->day[k]), 11.5, today,
			  ANCHOR_MIDDLE, today ? DRAW_INK : DRAW_GREY);
		draw_text(d, x + w / 2, y + 66, count, 22, s->due[k] > 0, ANCHOR_MIDDLE,
			  s->due[k] ? DRAW_INK : DRAW_GREY);
		draw_end(d);
		say(&c, arena_printf(&d->a, "%s%s（%s）%s 件；", k ? "" : "\n", date,
				     today ? "今天" : weekday(s->day[k]), count));
	}
	c.y += ((s->n + per_row - 1) / per_row) * (h + gap);
	return chart_finish(&c, e);
}

static int organ_cmp(const void *a, const void *b)
{
	const struct organ_bar *x = a, *y = b;

	if (x->received != y->received)
		return x->received > y->received ? -1 : 1;
	if (x->overdue != y->overdue)
		return x->overdue > y->overdue ? -1 : 1;
	return strcmp(x->name, y->name);
}

int render_organs(const char *id, const char *title, struct organ_bar *o, int n,
		  struct drawing *d, struct gk_error *e)
{
	struct chart c;
	struct chart_bar *b;
	int rc;

	draw_init(d, CHART_W, 0, id, title);
	if (n < 0 || n > 500)
		return err_set(e, ERR_LIMIT, "organs", "too many organs for one picture");
	qsort(o, (size_t)n, sizeof *o, organ_cmp);
	b = calloc((size_t)n + 1, sizeof *b);
	chart_begin(&c, d, "超期");
	chart_title(&c, title, "粗条：收到的申请；细条（斜线）：超期未答复的申请。按收到的申请从多到少排列。", NULL);
	for (int i = 0; i < n; i++) {
		b[i].label = arena_printf(&d->a, "%s（%s）", o[i].name, o[i].status);
		b[i].cur = chart_count(&c, o[i].received);
		b[i].prev = chart_count(&c, o[i].overdue);
		b[i].paint = 0;
	}
	draw_group(d, title);
	chart_bars(&c, b, n);
	draw_end(d);
	free(b);
	rc = chart_finish(&c, e);
	return rc;
}

int render_region_years(const char *id, const char *title, const struct region_year *y, int n,
			struct drawing *d, struct gk_error *e)
{
	const struct report_format *f = fmt_get(FMT_V2021);
	const struct fmt_t3_row *rows = f->t3_rows;
	struct chart c;
	struct chart_bar b[4 * 12];
	int k = 0;

	draw_init(d, CHART_W, 0, id, title);
	if (n < 1 || n > 12)
		return err_set(e, ERR_INVALID, "years", "1 to 12 years in one picture");
	chart_begin(&c, d, NULL);
	chart_title(&c, title, "各年度已发布的年度报告之和；没有已发布报告的年度为“—”。", NULL);
	for (int m = 0; m < 4; m++) {
		const char *label = m == 0 ? rows[fmt_t3_pos(f, T3R_NEW_RECEIVED)].label
				  : m == 1 ? arena_printf(&d->a, "%s（七）总计", f->t3_result)
				  : m == 2 ? rows[fmt_t3_pos(f, T3R_CARRIED_OUT)].label
					   : arena_printf(&d->a, "%s 总计", f->t4_review);

		for (int i = 0; i < n; i++, k++) {
			int64_t v = m == 0 ? y[i].received : m == 1 ? y[i].handled
				  : m == 2 ? y[i].carried_out : y[i].review;

			memset(&b[k], 0, sizeof b[k]);
			b[k].group = i == 0 ? label : NULL;
			b[k].label = arena_printf(&d->a, "%d年", y[i].year);
			if (y[i].included) {
				b[k].cur = chart_count(&c, v);
			} else {
				b[k].cur.has = 0;
				b[k].cur.text = "";
			}
			b[k].paint = m;
		}
	}
	draw_group(d, title);
	chart_bars(&c, b, k);
	draw_end(d);
	return chart_finish(&c, e);
}

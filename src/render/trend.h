/*
 * trend.h — the pictures of the staff console (drawn with chart.h on a drawing, draw.h):
 *
 *   render_months      one count per month of this year beside the same month of last year, as
 *                      pairs of columns (this year solid, last year grey hatched), every column
 *                      with its number; months not yet reached have no column and say "—";
 *   render_due_strip   the next working days as a strip of day cells (date, weekday, the number
 *                      due that day), today's outlined, with those already overdue and those due
 *                      later in words;
 *   render_organs      the organs of a region as a sorted bar list: each organ's applications
 *                      (a bar) and its overdue ones (a thin bar), its report's status in its
 *                      label;
 *   render_region_years  the region's summed report figures over the years, a bar per year.
 * The figures come from the domain (domain/trend.h, domain/report_publish.h) as plain numbers:
 * this file formats dates but never counts days. Every picture has a title and a text
 * alternative stating every number; ids in the SVG start with the drawing's id.
 * May use base/, text/ and render/ (chart.h, draw.h).
 */
#ifndef GK_RENDER_TREND_H
#define GK_RENDER_TREND_H

#include <stdint.h>

#include "render/draw.h"

struct month_series {
	int year;
	int known;            /* months with figures (12 for a past year, the months so far) */
	int64_t v[12];
};

/* id: the drawing's id; title: what is counted ("收到的政府信息公开申请"). */
int render_months(const char *id, const char *title, const struct month_series *cur,
		  const struct month_series *prev, struct drawing *d, struct gk_error *e) GK_WUR;

#define STRIP_MAX 40

struct due_strip {
	int n;
	int day[STRIP_MAX];   /* working days, the first one today when today is one */
	int64_t due[STRIP_MAX];
	int today;            /* today's day number */
	int64_t overdue, later, paused;
};

int render_due_strip(const char *id, const struct due_strip *s, struct drawing *d,
		     struct gk_error *e) GK_WUR;

struct organ_bar {
	const char *name;
	const char *status;   /* "已发布" / "未发布" … */
	int64_t received, overdue;
};

/* Sorted here: most applications first, then by name. n ≤ 500. */
int render_organs(const char *id, const char *title, struct organ_bar *o, int n,
		  struct drawing *d, struct gk_error *e) GK_WUR;

struct region_year {
	int year;
	int included;         /* reports summed; 0: no figures for that year */
	int64_t received, handled, carried_out, review, litigation;
};

int render_region_years(const char *id, const char *title, const struct region_year *y, int n,
			struct drawing *d, struct gk_error *e) GK_WUR;

#endif

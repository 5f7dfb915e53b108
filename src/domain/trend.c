/*
 * trend.c — the dashboard's figures: months received / closed and the due strip (trend.h).
 * May call store/ (through domain/application.h), domain/calendar.h, text/, base/.
 */
#include "domain/trend.h"

#include <string.h>

#include "domain/application.h"
#include "domain/clock.h"
#include "text/date.h"

struct months_ctx {
	struct trend_months *out;
	int first, last;
};

static int month_of(int day)
{
	int y, m, d;

	date_split(day, &y, &m, &d);
	return m - 1;
}

static int month_row(void *p, const struct app_year_row *r)
{
	struct months_ctx *c = p;

	if (r->received >= c->first && r->received <= c->last)
		c->out->received[month_of(r->received)]++;
	if (r->closed != CLOCK_NONE && r->closed >= c->first && r->closed <= c->last)
		c->out->closed[month_of(r->closed)]++;
	return 0;
}

int trend_months(struct store *s, int64_t agency_id, int year, struct trend_months *out,
		 struct gk_error *e)
{
	struct months_ctx c = { out, date_make(year, 1, 1), date_make(year, 12, 31) };

	memset(out, 0, sizeof *out);
	out->year = year;
	return app_year_rows(s, agency_id, year, month_row, &c, e);
}

static int strip_item(void *p, const struct app_item *it)
{
	struct trend_strip *t = p;

	if (it->overdue) {            /* a reply, or a receipt not confirmed in time */
		t->overdue++;
	} else if (it->due == CLOCK_NONE) {
		t->paused++;
	} else {
		for (int k = 0; k < t->n; k++)
			if (t->day[k] == it->due) {
				t->due[k]++;
				return 0;
			}
		t->later++;
	}
	return 0;
}

int trend_due_strip(struct store *s, const struct calendar *cal, int64_t agency_id, int today,
		    int n, struct trend_strip *out, struct gk_error *e)
{
	struct app_query q = { .agency_id = agency_id, .state = "open", .due_within = -1 };
	int start;

	memset(out, 0, sizeof *out);
	if (n < 1 || n > TREND_STRIP_MAX)
		return err_set(e, ERR_INVALID, "days", "天数须为 1 到 %d 个工作日", TREND_STRIP_MAX);
	start = calendar_is_workday(cal, today) ? today : calendar_add_workdays(cal, today, 1);
	out->n = n;
	out->day[0] = start;
	for (int k = 1; k < n; k++)
		out->day[k] = calendar_add_workdays(cal, start, k);
	return app_list(s, cal, &q, today, strip_item, out, e);
}

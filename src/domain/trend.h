/*
 * trend.h — what the dashboard's trends show: applications received and closed in each month
 * of a year, and the open applications due on each of the next working days.
 *
 *   trend_months     per month of `year`: applications received (the date of receipt, 条例
 *                    第三十一条) and closed (the closing date: the decision or the event that
 *                    ended the application), as Table 三 counts them (app_year_rows);
 *   trend_due_strip  the next n working days from today on the official calendar (today itself
 *                    when it is a working day) and, for each, the open applications whose
 *                    binding deadline (app_list: as the clock computes it, pauses included)
 *                    falls on it; with those already overdue and those due later.
 * The web layer draws these figures; it never counts days itself.
 * May call store/ (through domain/application.h), domain/calendar.h, text/, base/.
 */
#ifndef GK_DOMAIN_TREND_H
#define GK_DOMAIN_TREND_H

#include <stdint.h>

#include "base/err.h"
#include "domain/calendar.h"
#include "store/store.h"

struct trend_months {
	int year;
	int64_t received[12], closed[12];
};

/* The months of `year` for organ agency_id. */
int trend_months(struct store *s, int64_t agency_id, int year, struct trend_months *out,
		 struct gk_error *e) GK_WUR;

#define TREND_STRIP_MAX 40

struct trend_strip {
	int n;                         /* working days in the strip */
	int day[TREND_STRIP_MAX];      /* each working day (day number, text/date.h) */
	int64_t due[TREND_STRIP_MAX];  /* open applications due on it */
	int64_t overdue;               /* open and past their deadline */
	int64_t later;                 /* due after the last day of the strip */
	int64_t paused;                /* open, no reply clock running (awaiting 补正, a fee, a receipt to confirm …), not overdue */
};

/* The next n (1 … TREND_STRIP_MAX) working days of organ agency_id from today. */
int trend_due_strip(struct store *s, const struct calendar *cal, int64_t agency_id, int today,
		    int n, struct trend_strip *out, struct gk_error *e) GK_WUR;

#endif

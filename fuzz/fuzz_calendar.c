/*
 * fuzz_calendar.c — libFuzzer target for the calendar TSV reader (calendar_load_text), then a
 * deadline computed on whatever was loaded, so odd calendars (all holidays, overrides) are
 * exercised through the clock too.
 *
 * Every input is read into a calendar holding only the shipped rules (calendar_new). Making one
 * builds tables of 110,000 days, which cost more than reading most inputs, so one is kept
 * between inputs for as long as inputs are refused: a refused file leaves the calendar as it
 * was (calendar.h: nothing of a bad file is loaded, which the target checks), and only after a
 * file was loaded is a new one made.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "domain/calendar.h"
#include "domain/clock.h"
#include "text/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct calendar *fresh;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gk_error e = { 0 };
	struct clock_deadline dl;
	struct calendar *cal;

	if (fresh == NULL)
		fresh = calendar_new();
	cal = fresh;
	if (calendar_load_text(cal, "fuzz.tsv", (const char *)data, size, &e) != 0) {
		if (calendar_files(cal) != 0)  /* refused: nothing of it is in the calendar */
			abort();
		return 0;
	}
	fresh = NULL;
	{
		int d = calendar_next_listed(cal, date_make(2000, 1, 1));
		if (d < 0)
			d = date_make(2024, 9, 27);
		if (clock_reply_due(cal, d, CLOCK_NONE, NULL, 0, &dl, &e) == 0)
			(void)calendar_covered(cal, date_year(dl.due));
		clock_deadline_free(&dl);
	}
	calendar_free(cal);
	return 0;
}

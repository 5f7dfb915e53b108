/*
 * fuzz_calendar.c — libFuzzer target for the calendar TSV reader (calendar_load_text), then a
 * deadline computed on whatever was loaded, so odd calendars (all holidays, overrides) are
 * exercised through the clock too.
 */
#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "domain/clock.h"
#include "text/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct calendar *cal = calendar_new();
	struct gk_error e = { 0 };
	struct clock_deadline dl;

	if (calendar_load_text(cal, "fuzz.tsv", (const char *)data, size, &e) == 0) {
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

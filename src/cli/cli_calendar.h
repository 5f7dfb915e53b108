/*
 * cli_calendar.h — what the CLI prints about the working-day calendar's assumed days (推定放假):
 * the statutory days off the calendar counts in a year no notice covers (domain/calendar.h).
 * `gongkai calendar` and `gongkai deadline` word them the same way through these helpers.
 */
#ifndef GK_CLI_CLI_CALENDAR_H
#define GK_CLI_CLI_CALENDAR_H

#include <stddef.h>

#include "base/buf.h"
#include "domain/calendar.h"

/* What an assumed year leaves out, as one Chinese sentence (no final full stop). */
#define CLI_NOT_ASSUMED \
	"补假（适逢周六、周日的法定节假日依放假办法第六条在工作日补假）、其他放假调休日和调休上班日" \
	"由国务院办公厅当年的通知确定，无法预知，未计入"

/* The days in (after, until] the calendar assumes to be off, in date order, at most cap of
 * them into out (static storage); returns how many there are in all. */
size_t cli_assumed_between(const struct calendar *cal, int after, int until,
			   const struct statutory_day **out, size_t cap);

/* "2027-02-05（周五）春节（除夕）" appended to b (the day's label only where the date does not
 * say it). */
void cli_assumed_text(struct buf *b, const struct statutory_day *sd);

struct jsonw;
/* {date, weekday, name, day, basis} for one assumed day, written to w. */
void cli_assumed_json(struct jsonw *w, const struct statutory_day *sd);

#endif

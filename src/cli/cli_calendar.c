/*
 * cli_calendar.c — loading the working-day calendar for commands that count deadlines, and the
 * wording of the days it assumes in years no notice covers (cli_calendar.h).
 */
#include "cli/cli.h"
#include "cli/cli_calendar.h"
#include "domain/clock.h"
#include "text/date.h"
#include "text/jsonw.h"

int cli_load_calendar(const struct cli *cli, struct calendar **out)
{
	struct gk_error e = { 0 };

	if (calendar_open(out, cli->data_dir, cli->calendar_dir, &e) != 0) {
		cli_error(&e);
		return CLI_USAGE;
	}
	return 0;
}

size_t cli_assumed_between(const struct calendar *cal, int after, int until,
			   const struct statutory_day **out, size_t cap)
{
	size_t n = 0;

	for (int y = date_year(after + 1), last = date_year(until); y <= last; y++) {
		size_t count;
		const struct statutory_day *sd;
		if (calendar_covered(cal, y))
			continue;
		sd = statutory_year(y, &count);
		for (size_t i = 0; i < count && sd[i].day != STATUTORY_UNDATED; i++) {
			if (sd[i].day <= after || sd[i].day > until ||
			    calendar_assumed(cal, sd[i].day) == NULL)
				continue;  /* outside, or a loaded row names the date */
			if (n < cap)
				out[n] = &sd[i];
			n++;
		}
	}
	return n;
}

void cli_assumed_text(struct buf *b, const struct statutory_day *sd)
{
	char d[DATE_LEN];

	if (buf_printf(b, "%s（%s）%s", date_format(sd->day, d), clock_weekday_name(sd->day),
		       sd->name) == 0 && !sd->fixed) {
		if (buf_printf(b, "（%s）", sd->label) != 0) {
			/* ERR_LIMIT: the caller's buffer is full; keep what fits */
		}
	}
}

void cli_assumed_json(struct jsonw *w, const struct statutory_day *sd)
{
	jsonw_obj_begin(w);
	cli_jsonw_kdate(w, "date", sd->day);
	cli_jsonw_kstr_opt(w, "weekday", clock_weekday_name(sd->day));
	cli_jsonw_kstr_opt(w, "name", sd->name);
	cli_jsonw_kstr_opt(w, "day", sd->label);
	cli_jsonw_kstr_opt(w, "basis", sd->act);
	jsonw_obj_end(w);
}

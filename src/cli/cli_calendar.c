/*
 * cli_calendar.c — loading the working-day calendar for commands that count deadlines.
 */
#include "cli/cli.h"
#include "domain/calendar.h"

int cli_load_calendar(const struct cli *cli, struct calendar **out)
{
	struct gk_error e = { 0 };

	if (calendar_open(out, cli->data_dir, cli->calendar_dir, &e) != 0) {
		cli_error(&e);
		return CLI_USAGE;
	}
	return 0;
}

/*
 * main.c — entry point: global options, then dispatch to a command of the table in commands.c.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/extract.h"

static void usage(FILE *f)
{
	fprintf(f,
		"gongkai %s — 政府信息公开管理系统 (government information disclosure)\n\n"
		"Usage: gongkai [--db FILE|URL] [--calendar-dir DIR] [--by USER] COMMAND [OPTIONS]\n"
		"       gongkai COMMAND --help\n\n"
		"Global options:\n"
		"  --db FILE|URL        the database: a SQLite file, or a PostgreSQL database as\n"
		"                       postgresql://USER@HOST/DB (default $GONGKAI_DB, else\n"
		"                       ./gongkai.db)\n"
		"  --calendar-dir DIR   extra working-day calendars (*.tsv), loaded after the shipped\n"
		"                       one (default $GONGKAI_CALENDAR_DIR)\n"
		"  --by USER            who is acting, recorded in the audit log (default: the\n"
		"                       operating-system user)\n"
		"  --help, --version\n\n"
		"Commands:\n", GK_VERSION);
	for (const struct cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %-12s %s\n", c->name, c->summary);
	fprintf(f,
		"\nEnvironment:\n"
		"  GONGKAI_DB            the database, when --db is not given\n"
		"  GONGKAI_CALENDAR_DIR  extra working-day calendars, when --calendar-dir is not given\n"
		"  GONGKAI_TOTP_KEY      the key file sealing the staff's one-time-code secrets\n"
		"                        (default: the database file + .totp-key)\n"
		"  GONGKAI_SHARE_DIR     the folder of the shipped files (data/ with the calendar,\n"
		"                        templates/, static/); default ../share/gongkai beside the\n"
		"                        binary, else the source tree of a binary run from its build\n"
		"                        folder, else " GK_INSTALL_DATA_DIR "\n"
		"  GONGKAI_DATA_DIR, GONGKAI_TEMPLATE_DIR, GONGKAI_STATIC_DIR\n"
		"                        one of those folders on its own\n"
		"  GONGKAI_TODAY         take this date (YYYY-MM-DD) as today (tests, rehearsals)\n"
		"\nFiles:\n"
		"  " GK_INSTALL_DATA_DIR "/\n"
		"                                      the calendar, templates and static files\n"
		"  /var/lib/gongkai/gongkai.db         the database of the packaged service\n"
		"  /var/backups/gongkai/               its daily backups (gongkai-backup.timer)\n"
		"  /etc/default/gongkai                the service's options (address, threads)\n"
		"\nExit status: 0 success, 1 problems found or action refused, 2 usage or input error.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "calendar-dir", required_argument, NULL, 'c' },
		{ "by", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli cli = { 0 };
	int ch;

	/* the process that reads an attachment's text, started by extract_text (extract.h) */
	if (argc >= 2 && strcmp(argv[1], "extract-text") == 0)
		return extract_child_main(argc - 1, argv + 1);
	cli.db_path = getenv("GONGKAI_DB");
	cli.calendar_dir = getenv("GONGKAI_CALENDAR_DIR");
	cli.totp_key_file = getenv("GONGKAI_TOTP_KEY");
	if (cli.calendar_dir && !*cli.calendar_dir)
		cli.calendar_dir = NULL;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 'c':
			cli.calendar_dir = optarg;
			break;
		case 'b':
			cli.actor = optarg;
			break;
		case 'h':
			usage(stdout);
			return CLI_OK;
		case 'V':
			printf("gongkai %s\n", GK_VERSION);
			return CLI_OK;
		default:
			fprintf(stderr, "gongkai: unknown option '%s'\n", argv[optind - 1]);
			fprintf(stderr, "Try 'gongkai --help'.\n");
			return CLI_USAGE;
		}
	}
	if (cli.db_path == NULL || !*cli.db_path)
		cli.db_path = "gongkai.db";
	cli.data_dir = cli_data_dir();
	if (optind >= argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		if (strcmp(c->name, argv[optind]) == 0) {
			char **sub = argv + optind;
			int subc = argc - optind;
			cli_getopt_reset();
			return c->run(&cli, subc, sub);
		}
	}
	fprintf(stderr, "gongkai: unknown command '%s'\nTry 'gongkai --help'.\n", argv[optind]);
	return CLI_USAGE;
}

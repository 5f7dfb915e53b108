/*
 * cmd_backup.c — `gongkai backup` and `gongkai restore`: a checked copy of the whole database
 * taken while the server runs, kept daily with rotation; a restore that refuses a damaged or
 * newer copy (domain/backup.h).
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "domain/backup.h"
#include "text/date.h"

/* What backup reads from its options. */
struct backup_opts {
	const char *dir, *check;
	int keep_daily, keep_weekly, help;
};

#define O(field) offsetof(struct backup_opts, field)
static const struct cli_opt backup_options[] = {
	{ .name = "dir", .type = CLI_OPT_TEXT, .offset = O(dir), .value = "DIR",
	  .help = "the daily backup DIR/gongkai-YYYY-MM-DD.db (today, Beijing\n"
		  "time; replaced when run again the same day), then rotation:\n"
		  "the other gongkai-*.db of DIR beyond what is kept are removed" },
	{ .name = "keep-daily", .type = CLI_OPT_INT, .offset = O(keep_daily), .lo = 0, .hi = 1000,
	  .value = "N", .help = "keep the N newest daily backups (default 7)" },
	{ .name = "keep-weekly", .type = CLI_OPT_INT, .offset = O(keep_weekly), .lo = 0, .hi = 1000,
	  .value = "N", .help = "and the newest of each of the N weeks before (default 4)" },
	{ .name = "check", .type = CLI_OPT_TEXT, .offset = O(check), .value = "FILE",
	  .help = "only check a backup (nothing is written)" },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

static void backup_help(FILE *f)
{
	fprintf(f, "Usage: gongkai [--db DB] backup FILE\n"
	       "       gongkai [--db DB] backup --dir DIR [--keep-daily N] [--keep-weekly N]\n"
	       "       gongkai backup --check FILE\n"
	       "Copy the whole database to FILE while the server keeps running (SQLite's online\n"
	       "backup: one consistent moment), then check the copy: its structure (integrity\n"
	       "check) and its audit log's hash chain, every entry. FILE appears only when the\n"
	       "copy is sound, and an existing FILE is never overwritten.\n");
	cli_opts_help(f, backup_options, 19);
	fprintf(f, "It prints the audit log's head (ID:HASH): 'gongkai audit verify --head ID:HASH'\n"
	       "later proves that the log was not rewritten since. To restore: gongkai restore.\n");
}

static void restore_help(FILE *f)
{
	fprintf(f, "Usage: gongkai [--db DB] restore FILE\n"
	       "Replace the database DB with the backup FILE. FILE is checked first, as 'backup'\n"
	       "checks a copy: a damaged file, a broken audit log or a file written by a newer\n"
	       "gongkai is refused and DB is left as it is; a backup of an older gongkai is\n"
	       "upgraded. DB as it was is first saved beside it as DB.before-restore-DATE-TIME.\n"
	       "Stop the server first (systemctl stop gongkai), restore, then start it again.\n");
}

static void print_info(const char *what, const char *file, const struct backup_info *in)
{
	printf("%s %s: schema %d", what, file, in->schema);
	if (in->schema_was != in->schema)
		printf(" (written with schema %d, upgraded)", in->schema_was);
	printf(", integrity check ok, audit log intact (%lld entries)\n", (long long)in->audit_entries);
	if (in->head_id)
		printf("audit head: %lld:%s\n", (long long)in->head_id, in->head);
}

static void removed(void *ctx, const char *path)
{
	(void)ctx;
	printf("removed %s (rotation)\n", path);
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct backup_opts o = { .keep_daily = 7, .keep_weekly = 4 };
	struct gk_error e = { 0 };
	struct backup_info info;
	const char *dir, *check, *file = NULL;
	char daily[4096];
	int keep_daily, keep_weekly, x;

	if ((x = cli_opts_read("backup", backup_options, &o, argc, argv, NULL, backup_help)) != 0)
		return x < 0 ? CLI_OK : x;
	dir = o.dir;
	check = o.check;
	keep_daily = o.keep_daily;
	keep_weekly = o.keep_weekly;
	if (optind < argc)
		file = argv[optind++];
	if (optind < argc)
		return cli_usage_error("backup", "unexpected argument '%s'", argv[optind]);
	if (!!file + !!dir + !!check != 1)
		return cli_usage_error("backup", "name one FILE, or --dir DIR, or --check FILE");
	if (keep_daily < 1 && dir)
		return cli_usage_error("backup", "--keep-daily: at least 1 (today's backup)");
	if (check) {
		if (backup_verify(check, &info, &e) != 0)
			return cli_error(&e);
		print_info("sound backup", check, &info);
		return CLI_OK;
	}
	if (dir) {
		backup_daily_name(dir, date_today(), daily, sizeof daily);
		file = daily;
	}
	if (backup_take(cli->db_path, file, dir != NULL, &info, &e) != 0)
		return cli_error(&e);
	print_info("backup written to", file, &info);
	if (dir && backup_rotate(dir, keep_daily, keep_weekly, removed, NULL, &e) != 0)
		return cli_error(&e);
	return CLI_OK;
}

int cmd_restore(struct cli *cli, int argc, char **argv)
{
	struct gk_error e = { 0 };
	struct backup_info info;
	char saved[4096];

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		restore_help(stdout);
		return CLI_OK;
	}
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("restore", "name the backup FILE (and only it)");
	if (backup_restore(argv[1], cli->db_path, saved, sizeof saved, &info, &e) != 0)
		return cli_error(&e);
	print_info("restored from", argv[1], &info);
	printf("into %s\n", cli->db_path);
	if (saved[0])
		printf("the database as it was before: %s\n", saved);
	return CLI_OK;
}

/*
 * cmd_migrate.c — `gongkai migrate --from DB --to DB`: everything of one database moved into
 * an empty one (SQLite ↔ PostgreSQL), then checked (domain/migrate.h).
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/migrate.h"

static void migrate_help(FILE *f)
{
	fprintf(f, "Usage: gongkai migrate --from DB --to DB\n"
	       "Copy everything the database --from holds (organs and their settings, staff\n"
	       "accounts, the audit log, applications, registers, annual reports, the catalogue\n"
	       "with its attachments, sessions) into --to, which must hold no organ yet: a new\n"
	       "SQLite file, or a PostgreSQL database (postgresql://USER@HOST/DB; its schema is\n"
	       "created). One transaction: if anything is refused, nothing is written. Then every\n"
	       "organ's export (gongkai export) is taken from both and compared, and the audit\n"
	       "log of --to verified. --from is only read; stop the servers writing to it first.\n");
}

static void progress(void *ctx, const char *table, int64_t rows)
{
	(void)ctx;
	printf("  %-22s %lld rows\n", table, (long long)rows);
}

/* What migrate reads from its options. */
struct migrate_opts {
	const char *from, *to;
	int help;
};

#define O(field) offsetof(struct migrate_opts, field)
static const struct cli_opt migrate_options[] = {
	{ .name = "from", .type = CLI_OPT_TEXT, .offset = O(from) },
	{ .name = "to", .type = CLI_OPT_TEXT, .offset = O(to) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int cmd_migrate(struct cli *cli, int argc, char **argv)
{
	struct migrate_opts o = { .from = NULL };
	const char *from, *to, *db = cli->db_path;
	struct migrate_report r;
	struct gk_error e = { 0 };
	struct store *a = NULL, *b = NULL;
	int rc, x;

	if ((x = cli_opts_read("migrate", migrate_options, &o, argc, argv, NULL, migrate_help)) != 0)
		return x < 0 ? CLI_OK : x;
	from = o.from;
	to = o.to;
	if (optind < argc)
		return cli_usage_error("migrate", "unexpected argument '%s'", argv[optind]);
	if (from == NULL || to == NULL)
		return cli_usage_error("migrate", "--from and --to are both needed");
	cli->db_path = from;
	x = cli_open_store(cli, 0, &a);
	cli->db_path = to;
	if (x == 0)
		x = cli_open_store(cli, STORE_CREATE, &b);
	cli->db_path = db;
	if (x != 0) {
		store_close(a);
		return x;
	}
	printf("copying every table into the empty database\n");
	rc = migrate_run(a, b, progress, NULL, &r, &e);
	if (rc == 0)
		printf("%d tables, %lld rows; the exports of all %d organs are the same on both; "
		       "audit log intact (%lld entries)\n", r.tables, (long long)r.rows, r.organs,
		       (long long)r.audit_entries);
	store_close(a);
	return cli_finish(b, rc, &e);
}

/*
 * cmd_exchange.c — `gongkai export [--agency A] > ledger.json` and `gongkai import ledger.json`:
 * an organ's whole ledger as one JSON document (domain/exchange.h says what is in it).
 * The import is one transaction: a bad record (named with its field) means nothing is stored.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/exchange.h"

#define LEDGER_MAX ((size_t)512 << 20)   /* 512 MiB of JSON */

/* What export and import read from their options. */
struct exchange_opts {
	const char *agency;
	int help;
};

#define O(field) offsetof(struct exchange_opts, field)
static const struct cli_opt export_options[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
static const struct cli_opt import_options[] = {
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int cmd_export(struct cli *cli, int argc, char **argv)
{
	struct exchange_opts o = { .agency = NULL };
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out;
	int rc, x;

	if ((x = cli_opts_parse("export", export_options, &o, argc, argv, NULL)) != 0)
		return x;
	if (o.help) {
		printf("Usage: gongkai export [--agency ID|NAME] > ledger.json\n"
		       "Writes the organ's whole ledger (organ, staff accounts without passwords,\n"
		       "applications with their events, every register) as JSON; see gongkai import.\n");
		return CLI_OK;
	}
	if (optind < argc)
		return cli_usage_error("export", "unexpected argument '%s'", argv[optind]);
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, LEDGER_MAX);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0 &&
	    (rc = exchange_export(s, ag.id, &out, &e)) == 0)
		fwrite(out.ptr, 1, out.len, stdout);
	x = cli_finish(s, rc, &e);
	buf_free(&out);
	arena_free(&a);
	return x;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	struct exchange_opts o = { .agency = NULL };
	struct exchange_counts c;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct buf in;
	const char *path, *label;
	int rc, x;

	if ((x = cli_opts_parse("import", import_options, &o, argc, argv, NULL)) != 0)
		return x;
	if (o.help) {
		printf("Usage: gongkai import ledger.json\n"
		       "Adds the organ of a `gongkai export` file with everything it holds. Every\n"
		       "record is checked first; one bad record and nothing is stored.\n");
		return CLI_OK;
	}
	if (optind != argc - 1)
		return cli_usage_error("import", "needs one file (ledger.json)");
	path = argv[optind];
	label = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	buf_init(&in, LEDGER_MAX);
	if ((rc = buf_read_file(&in, path, &e)) != 0) {
		buf_free(&in);
		return cli_error(&e);
	}
	if ((x = cli_open_store(cli, STORE_CREATE, &s)) != 0) {
		buf_free(&in);
		return x;
	}
	if ((rc = store_begin(s, &e)) == 0)
		rc = exchange_import(s, in.ptr ? in.ptr : "", in.len, label, &c, &e);
	x = cli_finish(s, rc, &e);
	buf_free(&in);
	if (rc != 0) {
		fprintf(stderr, "gongkai: nothing was imported from %s\n", label);
		return x;
	}
	printf("imported organ %lld: %zu users, %zu applications (%zu events), %zu documents, "
	       "%zu register entries, %zu report texts, %zu published report revisions\n",
	       (long long)c.agency_id, c.users, c.applications, c.events, c.documents, c.registers,
	       c.report_texts, c.report_publications);
	if (c.parent_missing[0])
		fprintf(stderr, "gongkai: note: parent organ '%s' is not in this database; left unlinked\n",
			c.parent_missing);
	return x;
}

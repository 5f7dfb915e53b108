/*
 * cmd_init.c — `gongkai init`: create the database, or add an organ to it; prints the id.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/agency.h"

/* What init reads from its options. */
struct init_opts {
	struct agency_new in;
	const char *parent, *actor;
	int help;
};

#define O(field) offsetof(struct init_opts, field)
static const struct cli_opt init_options[] = {
	{ .name = "agency-name", .type = CLI_OPT_TEXT, .offset = O(in.name), .value = "NAME",
	  .help = "the organ's full name, e.g. 慈周寨镇人民政府" },
	{ .name = "agency-code", .type = CLI_OPT_TEXT, .offset = O(in.code), .value = "USCC",
	  .help = "its 统一社会信用代码 (18 characters, check character verified)" },
	{ .name = "level", .type = CLI_OPT_TEXT, .offset = O(in.level), .value = "LEVEL",
	  .help = "township (default), county-dept, county, city-dept, city,\n"
		  "province-dept, province, ministry" },
	{ .name = "parent", .type = CLI_OPT_TEXT, .offset = O(parent), .value = "ID|NAME",
	  .help = "the superior organ, already in the database" },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(actor) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai --db FILE init --agency-name NAME [--agency-code USCC] [--level LEVEL]\n"
	       "                             [--parent ID|NAME] [--by USER]\n"
	       "Create the database if needed and add an organ (行政机关); print its id.\n");
	cli_opts_help(f, init_options, 21);
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	struct init_opts o = { .parent = NULL };
	struct agency_new in;
	const char *parent;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct arena a;
	int rc, x;
	int64_t id = 0;

	if ((x = cli_opts_read("init", init_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.actor)
		cli->actor = o.actor;
	in = o.in;
	parent = o.parent;
	if (optind < argc)
		return cli_usage_error("init", "unexpected argument '%s'", argv[optind]);
	if (in.name == NULL)
		return cli_usage_error("init", "--agency-name is required");
	if ((x = cli_open_store(cli, STORE_CREATE, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin(s, &e)) == 0) {
		if (parent) {
			struct agency_rec p;
			if ((rc = agency_resolve(s, parent, &a, &p, &e)) == 0)
				in.parent_id = p.id;
			else
				snprintf(e.field, sizeof e.field, "--parent");
		}
		if (rc == 0)
			rc = agency_create(s, &in, &id, &e);
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	if (x == CLI_OK)
		printf("%lld\n", (long long)id);
	return x;
}

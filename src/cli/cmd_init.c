/*
 * cmd_init.c — `gongkai init`: create the database, or add an organ to it; prints the id.
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "domain/agency.h"

static void help(void)
{
	printf("Usage: gongkai --db FILE init --agency-name NAME [--agency-code USCC] [--level LEVEL]\n"
	       "                             [--parent ID|NAME] [--by USER]\n"
	       "Create the database if needed and add an organ (行政机关); print its id.\n"
	       "  --agency-name NAME   the organ's full name, e.g. 慈周寨镇人民政府\n"
	       "  --agency-code USCC   its 统一社会信用代码 (18 characters, check character verified)\n"
	       "  --level LEVEL        township (default), county-dept, county, city-dept, city,\n"
	       "                       province-dept, province, ministry\n"
	       "  --parent ID|NAME     the superior organ, already in the database\n");
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency-name", required_argument, NULL, 'n' },
		{ "agency-code", required_argument, NULL, 'c' },
		{ "level", required_argument, NULL, 'l' },
		{ "parent", required_argument, NULL, 'p' },
		{ "by", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct agency_new in = { 0 };
	const char *parent = NULL;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct arena a;
	int ch, rc, x;
	int64_t id = 0;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': in.name = optarg; break;
		case 'c': in.code = optarg; break;
		case 'l': in.level = optarg; break;
		case 'p': parent = optarg; break;
		case 'B': cli->actor = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("init", "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
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

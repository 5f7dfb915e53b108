/*
 * cmd_guide.c — `gongkai guide` (the 公开指南, and `guide set` for the organ's settings) and
 * `gongkai feed` (Atom feed of new publications, per organ or for the platform).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/catalogue.h"
#include "domain/guide.h"
#include "domain/organ_rules.h"
#include "text/date.h"
#include "text/jsonw.h"

static void help(void)
{
	printf("Usage: gongkai guide [--agency A] [--html | --json]\n"
	       "       gongkai guide set [--agency A] [--office NAME] [--address T] [--postcode T]\n"
	       "                         [--hours T] [--phone T] [--fax T] [--email T] [--website URL]\n"
	       "                         [--channels-file F] [--fees-file F] [--scope-file F]\n"
	       "                         [--index-pattern P] [SETTING VALUE]... [--by USER]\n"
	       "       gongkai guide template [KIND] …   (the organ's notice templates: --help)\n"
	       "       gongkai feed [--agency A | --platform] [--base-url URL] [--limit N]\n"
	       "The guide (政府信息公开指南, 条例第十二条) is generated from the organ's settings and its\n"
	       "catalogue; an empty value clears a setting. --index-pattern sets the 索引号 pattern\n"
	       "(default {uscc}/{yyyy}-{seq:05d}; also {orgcode} {yyyymm} {seq}).\n"
	       "SETTING: the organ's readings of what the law leaves open (docs/lifecycle.md):\n");
	for (int r = 0; r < RULE__MAX; r++)
		printf("  %-20s %s (default %s)\n    %s\n", organ_rule_info[r].option,
		       organ_rule_info[r].label, organ_rule_info[r].deflt, organ_rule_info[r].law);
}

static int guide_set(struct cli *cli, int argc, char **argv)
{
	enum { O_RULE = 1000 };
	static const struct option base[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "office", required_argument, NULL, 'o' },
		{ "address", required_argument, NULL, 'd' },
		{ "postcode", required_argument, NULL, 'z' },
		{ "hours", required_argument, NULL, 'H' },
		{ "phone", required_argument, NULL, 'p' },
		{ "fax", required_argument, NULL, 'f' },
		{ "email", required_argument, NULL, 'e' },
		{ "website", required_argument, NULL, 'w' },
		{ "channels-file", required_argument, NULL, 'C' },
		{ "fees-file", required_argument, NULL, 'F' },
		{ "scope-file", required_argument, NULL, 'S' },
		{ "index-pattern", required_argument, NULL, 'i' },
		{ "by", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
	};
	/* the base options, then one per organ setting of the declared table */
	struct option opts[sizeof base / sizeof base[0] + RULE__MAX + 1];
	const char *agency = NULL, *files[3] = { NULL, NULL, NULL };
	struct agency_profile p = { 0 };
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct buf text[3];
	struct arena a;
	int ch, rc = 0, x;
	size_t nb = sizeof base / sizeof base[0];

	memcpy(opts, base, sizeof base);
	for (int r = 0; r < RULE__MAX; r++)
		opts[nb + r] = (struct option){ organ_rule_info[r].option + 2, required_argument, NULL,
						O_RULE + r };
	opts[nb + RULE__MAX] = (struct option){ NULL, 0, NULL, 0 };
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch >= O_RULE && ch < O_RULE + RULE__MAX) {
			*(const char **)((char *)&p + organ_rule_info[ch - O_RULE].off) = optarg;
			continue;
		}
		switch (ch) {
		case 'a': agency = optarg; break;
		case 'o': p.office = optarg; break;
		case 'd': p.address = optarg; break;
		case 'z': p.postcode = optarg; break;
		case 'H': p.hours = optarg; break;
		case 'p': p.phone = optarg; break;
		case 'f': p.fax = optarg; break;
		case 'e': p.email = optarg; break;
		case 'w': p.website = optarg; break;
		case 'C': files[0] = optarg; break;
		case 'F': files[1] = optarg; break;
		case 'S': files[2] = optarg; break;
		case 'i': p.index_pattern = optarg; break;
		case 'B': cli->actor = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("guide", "set: unknown or incomplete option '%s'",
						argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("guide", "set: unexpected argument '%s'", argv[optind]);
	arena_init(&a);
	for (int i = 0; i < 3; i++) {
		buf_init(&text[i], 64 * 1024);
		if (files[i] && rc == 0 && (rc = buf_read_file(&text[i], files[i], &e)) == 0)
			*(i == 0 ? &p.channels : i == 1 ? &p.fees : &p.scope) = buf_cstr(&text[i]);
	}
	if (rc != 0) {
		x = cli_error(&e);
		goto out;
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		goto out;
	if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, agency, &a, &ag, &e)) == 0)
		rc = catalogue_profile_set(s, ag.id, &p, &e);
	x = cli_finish(s, rc, &e);
out:
	for (int i = 0; i < 3; i++)
		buf_free(&text[i]);
	arena_free(&a);
	return x;
}

int cmd_guide(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "html", no_argument, NULL, 'H' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *agency = NULL;
	struct guide_model g;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out;
	int ch, rc, x, html = 0, json = 0;

	if (argc > 1 && strcmp(argv[1], "set") == 0)
		return guide_set(cli, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "template") == 0)
		return guide_template(cli, argc - 1, argv + 1);
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': agency = optarg; break;
		case 'H': html = 1; break;
		case 'j': json = 1; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("guide", "unknown or incomplete option '%s'",
						argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("guide", "unexpected argument '%s'", argv[optind]);
	if ((x = cli_open_store(cli, STORE_READONLY, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, agency, &a, &ag, &e)) == 0 &&
	    (rc = guide_build(s, ag.id, date_today(), &a, &g, &e)) == 0) {
		if (json) {
			struct jsonw w;
			jsonw_init(&w, &out, 1);
			jsonw_obj_begin(&w);
			jsonw_kstr(&w, "title", g.title);
			jsonw_kstr(&w, "updated", g.updated);
			jsonw_key(&w, "sections");
			jsonw_arr_begin(&w);
			for (size_t i = 0; i < g.nsections; i++) {
				jsonw_obj_begin(&w);
				jsonw_kint(&w, "level", g.sections[i].level);
				jsonw_kstr(&w, "heading", g.sections[i].heading);
				jsonw_key(&w, "paragraphs");
				jsonw_arr_begin(&w);
				for (size_t k = 0; k < g.sections[i].nparas; k++)
					jsonw_str(&w, g.sections[i].paras[k]);
				jsonw_arr_end(&w);
				jsonw_obj_end(&w);
			}
			jsonw_arr_end(&w);
			jsonw_key(&w, "warnings");
			jsonw_arr_begin(&w);
			for (size_t i = 0; i < g.nwarnings; i++)
				jsonw_str(&w, g.warnings[i]);
			jsonw_arr_end(&w);
			jsonw_obj_end(&w);
			rc = jsonw_finish(&w);
		} else {
			rc = html ? render_guide_html(&out, &g) : render_guide_text(&out, &g);
		}
		if (rc)
			rc = err_set(&e, rc, "", "guide too large");
	}
	if ((x = cli_finish(s, rc, &e)) == CLI_OK)
		fputs(buf_cstr(&out), stdout);
	buf_free(&out);
	arena_free(&a);
	return x;
}

int cmd_feed(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "platform", no_argument, NULL, 'P' },
		{ "base-url", required_argument, NULL, 'u' },
		{ "limit", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *agency = NULL, *base = "http://127.0.0.1:8080";
	struct atom_feed f;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out;
	int ch, rc, x, platform = 0, limit = FEED_ENTRIES_DEFAULT;
	int64_t agency_id = 0;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': agency = optarg; break;
		case 'P': platform = 1; break;
		case 'u': base = optarg; break;
		case 'n':
			if ((x = cli_opt_int(optarg, "--limit", 1, 500, &limit)) != 0)
				return x;
			break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("feed", "unknown or incomplete option '%s'",
						argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("feed", "unexpected argument '%s'", argv[optind]);
	if (strncmp(base, "http://", 7) != 0 && strncmp(base, "https://", 8) != 0)
		return cli_usage_error("feed", "--base-url must start with http:// or https://");
	if ((x = cli_open_store(cli, STORE_READONLY, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	if ((rc = store_begin_read(s, &e)) == 0 && !platform &&
	    (rc = cli_agency(s, agency, &a, &ag, &e)) == 0)
		agency_id = ag.id;
	if (rc == 0 && (rc = feed_build(s, agency_id, base, date_today(), limit, &a, &f, &e)) == 0 &&
	    (rc = render_atom(&out, &f)) != 0)
		rc = err_set(&e, rc, "", "feed too large");
	if ((x = cli_finish(s, rc, &e)) == CLI_OK)
		fputs(buf_cstr(&out), stdout);
	buf_free(&out);
	arena_free(&a);
	return x;
}

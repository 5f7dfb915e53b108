/*
 * cmd_guide.c — `gongkai guide` (the 公开指南, and `guide set` for the organ's settings) and
 * `gongkai feed` (Atom feed of new publications, per organ or for the platform).
 */
#include <getopt.h>
#include <stddef.h>
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

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai guide [--agency A] [--html | --json]\n"
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
		fprintf(f, "  %-20s %s (default %s)\n    %s\n", organ_rule_info[r].option,
		       organ_rule_info[r].label, organ_rule_info[r].deflt, organ_rule_info[r].law);
}

/* What guide set reads from its options: the organ's profile, its three texts' files. */
struct guide_set_opts {
	const char *agency, *channels, *fees, *scope, *by;
	int help;
	struct agency_profile p;
};

#define O(field) offsetof(struct guide_set_opts, field)
#define P(field) (O(p) + offsetof(struct agency_profile, field))
static const struct cli_opt guide_set_base[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "office", .type = CLI_OPT_TEXT, .offset = P(office) },
	{ .name = "address", .type = CLI_OPT_TEXT, .offset = P(address) },
	{ .name = "postcode", .type = CLI_OPT_TEXT, .offset = P(postcode) },
	{ .name = "hours", .type = CLI_OPT_TEXT, .offset = P(hours) },
	{ .name = "phone", .type = CLI_OPT_TEXT, .offset = P(phone) },
	{ .name = "fax", .type = CLI_OPT_TEXT, .offset = P(fax) },
	{ .name = "email", .type = CLI_OPT_TEXT, .offset = P(email) },
	{ .name = "website", .type = CLI_OPT_TEXT, .offset = P(website) },
	{ .name = "channels-file", .type = CLI_OPT_TEXT, .offset = O(channels) },
	{ .name = "fees-file", .type = CLI_OPT_TEXT, .offset = O(fees) },
	{ .name = "scope-file", .type = CLI_OPT_TEXT, .offset = O(scope) },
	{ .name = "index-pattern", .type = CLI_OPT_TEXT, .offset = P(index_pattern) },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(by) },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
};
#undef P
#undef O
#define NBASE (sizeof guide_set_base / sizeof guide_set_base[0])

static int guide_set(struct cli *cli, int argc, char **argv)
{
	/* the base options, then one per organ setting of the declared table */
	struct cli_opt opts[NBASE + RULE__MAX + 1];
	struct guide_set_opts o = { 0 };
	struct agency_profile *p = &o.p;
	const char *files[3];
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct buf text[3];
	struct arena a;
	int rc = 0, x;

	memcpy(opts, guide_set_base, sizeof guide_set_base);
	for (int r = 0; r < RULE__MAX; r++)
		opts[NBASE + r] = (struct cli_opt){ .name = organ_rule_info[r].option + 2,
						    .type = CLI_OPT_TEXT,
						    .offset = offsetof(struct guide_set_opts, p) +
							      organ_rule_info[r].off };
	opts[NBASE + RULE__MAX] = (struct cli_opt){ .name = NULL };
	if ((x = cli_opts_read("guide set", opts, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.by)
		cli->actor = o.by;
	files[0] = o.channels;
	files[1] = o.fees;
	files[2] = o.scope;
	if (optind < argc)
		return cli_usage_error("guide set", "unexpected argument '%s'", argv[optind]);
	arena_init(&a);
	for (int i = 0; i < 3; i++) {
		buf_init(&text[i], 64 * 1024);
		if (files[i] && rc == 0 && (rc = buf_read_file(&text[i], files[i], &e)) == 0)
			*(i == 0 ? &p->channels : i == 1 ? &p->fees : &p->scope) = buf_cstr(&text[i]);
	}
	if (rc != 0) {
		x = cli_error(&e);
		goto out;
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		goto out;
	if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0)
		rc = catalogue_profile_set(s, ag.id, p, &e);
	x = cli_finish(s, rc, &e);
out:
	for (int i = 0; i < 3; i++)
		buf_free(&text[i]);
	arena_free(&a);
	return x;
}

/* What guide and feed read from their options. */
struct guide_opts {
	const char *agency, *base;
	int html, json, platform, limit, help;
};

#define O(field) offsetof(struct guide_opts, field)
static const struct cli_opt guide_options[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "html", .type = CLI_OPT_FLAG, .offset = O(html) },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
static const struct cli_opt feed_options[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "platform", .type = CLI_OPT_FLAG, .offset = O(platform) },
	{ .name = "base-url", .type = CLI_OPT_TEXT, .offset = O(base) },
	{ .name = "limit", .type = CLI_OPT_INT, .offset = O(limit), .lo = 1, .hi = 500 },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int cmd_guide(struct cli *cli, int argc, char **argv)
{
	struct guide_opts o = { 0 };
	struct guide_model g;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out;
	int rc, x;

	if (argc > 1 && strcmp(argv[1], "set") == 0)
		return guide_set(cli, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "template") == 0)
		return guide_template(cli, argc - 1, argv + 1);
	if ((x = cli_opts_read("guide", guide_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (optind < argc)
		return cli_usage_error("guide", "unexpected argument '%s'", argv[optind]);
	if ((x = cli_open_store(cli, STORE_READONLY, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0 &&
	    (rc = guide_build(s, ag.id, date_today(), &a, &g, &e)) == 0) {
		if (o.json) {
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
			rc = o.html ? render_guide_html(&out, &g) : render_guide_text(&out, &g);
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
	struct guide_opts o = { .base = "http://127.0.0.1:8080", .limit = FEED_ENTRIES_DEFAULT };
	struct atom_feed f;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out;
	int rc, x;
	int64_t agency_id = 0;
	const char *base;

	if ((x = cli_opts_read("feed", feed_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (optind < argc)
		return cli_usage_error("feed", "unexpected argument '%s'", argv[optind]);
	base = o.base;
	if (strncmp(base, "http://", 7) != 0 && strncmp(base, "https://", 8) != 0)
		return cli_usage_error("feed", "--base-url must start with http:// or https://");
	if ((x = cli_open_store(cli, STORE_READONLY, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	if ((rc = store_begin_read(s, &e)) == 0 && !o.platform &&
	    (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0)
		agency_id = ag.id;
	if (rc == 0 && (rc = feed_build(s, agency_id, base, date_today(), o.limit, &a, &f, &e)) == 0 &&
	    (rc = render_atom(&out, &f)) != 0)
		rc = err_set(&e, rc, "", "feed too large");
	if ((x = cli_finish(s, rc, &e)) == CLI_OK)
		fputs(buf_cstr(&out), stdout);
	buf_free(&out);
	arena_free(&a);
	return x;
}

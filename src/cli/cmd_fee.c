/*
 * cmd_fee.c — `gongkai fee`: the information processing fee of 国办函〔2020〕109号.
 *
 *   gongkai fee --by-count K [--json]    the K-th application of one applicant in a month
 *   gongkai fee --by-pages P [--json]    one application of P pages
 *   gongkai fee --app ID [--json]        K counted from the ledger for application ID
 */
#include <getopt.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/application.h"
#include "domain/fee.h"
#include "text/jsonw.h"

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai fee --by-count K | --by-pages P | --app ID [--json]\n"
	       "The 信息处理费 of 国办函〔2020〕109号, progressive on the excess (超额累进):\n"
	       "  按件 (same applicant, same organ, same natural month): 1-10 free, 11-30 100 元/件,\n"
	       "       then tiers of 10 件 at +100 元/件 (31-40 200, 41-50 300, ...);\n"
	       "  按量 (pages of one application): 1-30 free, 31-100 10 元/页, 101-200 20 元/页,\n"
	       "       201 and more 40 元/页.\n"
	       "--app ID counts K from the ledger: the application's rank among the same applicant's\n"
	       "applications to the same organ in the same month, in order of receipt.\n");
}

static int parse_count(const char *s, int64_t max, const char *field, int64_t *out)
{
	struct gk_error e = { 0 };

	return cli_int(s, field, 0, max, out, &e) != 0 ? cli_error(&e) : 0;
}

static int print_count(int64_t k, int64_t app_id, int json)
{
	int64_t fee = fee_by_count(k);

	if (json) {
		struct cli_json j;

		cli_json_open(&j);
		jsonw_obj_begin(&j.w);
		jsonw_kstr(&j.w, "method", "by_count");
		if (app_id)
			jsonw_kint(&j.w, "application", app_id);
		jsonw_kint(&j.w, "count", k);
		jsonw_kint(&j.w, "amount_yuan", fee);
		jsonw_obj_end(&j.w);
		return cli_json_close(&j);
	}
	printf("%" PRId64 " 元\n", fee);
	printf("按件计收: application no. %" PRId64 " of the applicant this month; 1-10 free, "
	       "11-30 100 元/件, then +100 元/件 per 10 件 (国办函〔2020〕109号)\n", k);
	return CLI_OK;
}

static int print_pages(int64_t p, int json)
{
	struct fee_tier t[4];
	int n = fee_pages_tiers(p, t);

	if (json) {
		struct cli_json j;

		cli_json_open(&j);
		jsonw_obj_begin(&j.w);
		jsonw_kstr(&j.w, "method", "by_pages");
		jsonw_kint(&j.w, "pages", p);
		jsonw_kint(&j.w, "amount_yuan", fee_by_pages(p));
		jsonw_key(&j.w, "tiers");
		jsonw_arr_begin(&j.w);
		for (int i = 0; i < n; i++) {
			jsonw_obj_begin(&j.w);
			jsonw_kint(&j.w, "from", t[i].from);
			jsonw_kint(&j.w, "to", t[i].to);
			jsonw_kint(&j.w, "rate_yuan", t[i].rate);
			jsonw_kint(&j.w, "pages", t[i].pages);
			jsonw_kint(&j.w, "amount_yuan", t[i].amount);
			jsonw_obj_end(&j.w);
		}
		jsonw_arr_end(&j.w);
		jsonw_obj_end(&j.w);
		return cli_json_close(&j);
	}
	printf("%" PRId64 " 元\n", fee_by_pages(p));
	printf("按量计收: %" PRId64 " pages", p);
	for (int i = 0; i < n; i++)
		printf("%s pages %" PRId64 "-%" PRId64 ": %" PRId64 " × %" PRId64 " = %" PRId64 " 元",
		       i ? ";" : ":", t[i].from, t[i].to, t[i].pages, t[i].rate, t[i].amount);
	printf(" (国办函〔2020〕109号)\n");
	return CLI_OK;
}

/* What fee reads from its options (the counts are read by parse_count: 64-bit limits). */
struct fee_opts {
	const char *count, *pages, *app;
	int json, help;
};

#define O(field) offsetof(struct fee_opts, field)
static const struct cli_opt fee_options[] = {
	{ .name = "by-count", .type = CLI_OPT_TEXT, .offset = O(count) },
	{ .name = "by-pages", .type = CLI_OPT_TEXT, .offset = O(pages) },
	{ .name = "app", .type = CLI_OPT_TEXT, .offset = O(app) },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int cmd_fee(struct cli *cli, int argc, char **argv)
{
	struct fee_opts o = { .count = NULL };
	const char *count, *pages, *app;
	int json, x;
	int64_t v;

	if ((x = cli_opts_read("fee", fee_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	count = o.count;
	pages = o.pages;
	app = o.app;
	json = o.json;
	if (optind < argc)
		return cli_usage_error("fee", "unexpected argument '%s'", argv[optind]);
	if ((count != NULL) + (pages != NULL) + (app != NULL) != 1)
		return cli_usage_error("fee", "give one of --by-count K, --by-pages P, --app ID "
				       "(one method per application, 109号)");
	if (count) {
		if ((x = parse_count(count, FEE_MAX_COUNT, "--by-count", &v)) != 0)
			return x;
		if (v < 1)
			return cli_usage_error("fee", "--by-count counts from 1");
		return print_count(v, 0, json);
	}
	if (pages) {
		if ((x = parse_count(pages, FEE_MAX_PAGES, "--by-pages", &v)) != 0)
			return x;
		return print_pages(v, json);
	}
	{
		struct gk_error e = { 0 };
		struct store *s = NULL;
		int64_t id, k = 0;
		int rc;

		if ((rc = cli_parse_id(app, "--app", &id, &e)) != 0)
			return cli_error(&e);
		if ((x = cli_open_store(cli, 0, &s)) != 0)
			return x;
		if ((rc = store_begin_read(s, &e)) == 0)
			rc = app_month_ordinal(s, id, &k, &e);
		if ((x = cli_finish(s, rc, &e)) != CLI_OK)
			return x;
		return print_count(k, id, json);
	}
}

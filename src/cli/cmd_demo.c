/*
 * cmd_demo.c — `gongkai --db FILE demo`: fill a database with demo data (used by make demo).
 *
 * Each part of gongkai contributes its demo data through one domain function called below, in
 * one transaction: the annual-report ledgers (domain/demo_report.h) — 慈周寨镇's 2024 ledger,
 * from which `gongkai report 2024 --agency 慈周寨镇` reproduces the reference report, and the
 * organs of 滑县 with 2023–2024 applications, registers and published reports; then the web's
 * part (domain/demo_web.h): a staff account per role, whose passwords are printed here once,
 * and this year's applications in every state of the lifecycle.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "domain/calendar.h"
#include "demo/report.h"
#include "demo/catalogue.h"
#include "demo/office.h"
#include "text/date.h"

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct gk_error e = { 0 };
	struct calendar *cal = NULL;
	struct store *s = NULL;
	struct demo_account acc[DEMO_ACCOUNTS];
	int x, rc, ndocs = 0;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("Usage: gongkai --db FILE demo\n"
		       "Fill FILE (created if missing) with demo organs, ledgers and reports.\n");
		return CLI_OK;
	}
	if (argc > 1)
		return cli_usage_error("demo", "unexpected argument '%s'", argv[1]);
	if ((x = cli_load_calendar(cli, &cal)) != 0)
		return x;
	if (!cli->actor)
		cli->actor = "demo";
	if ((x = cli_open_store(cli, STORE_CREATE, &s)) != 0) {
		calendar_free(cal);
		return x;
	}
	if ((rc = store_begin(s, &e)) == 0 && (rc = demo_report_ledgers(s, cal, &e)) == 0 &&
	    (rc = demo_web(s, cal, date_today(), acc, &e)) == 0 &&
	    (rc = demo_catalogue(s, date_today(), &ndocs, &e)) == 0) {
		printf("demo data in %s: 滑县人民政府 and 4 organs under it, %d documents published "
		       "since 2021; try\n"
		       "  gongkai --db %s report 2024 --agency 慈周寨镇\n"
		       "  gongkai --db %s report 2024 --region 滑县人民政府 --draft\n",
		       cli->db_path, ndocs, cli->db_path, cli->db_path);
		printf("\nStaff accounts for the console (/console/login) — passwords shown only now:\n");
		for (int i = 0; i < DEMO_ACCOUNTS; i++)
			printf("  %-11s %-10s %-14s %s\n", acc[i].name, acc[i].role, acc[i].organ,
			       acc[i].password);
	}
	x = cli_finish(s, rc, &e);
	calendar_free(cal);
	return x;
}

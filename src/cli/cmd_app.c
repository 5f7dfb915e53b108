/*
 * cmd_app.c — `gongkai app new|event|decide|show|letter|list|generate`: the application ledger
 * (依申请公开). Parses options, calls domain/application.h, prints text or JSON.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/app_out.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "domain/application.h"
#include "domain/calendar.h"
#include "domain/letter.h"
#include "render/letter.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/money.h"

static void help(void)
{
	printf("Usage:\n"
	       "  gongkai app new --received DATE --channel CH --applicant-type TYPE --applicant-name NAME\n"
	       "                  [--contact TEXT] [--id-number N] [--request TEXT] [--form TEXT]\n"
	       "                  [--agency ID|NAME] [--json]\n"
	       "  gongkai app event ID KIND --date DATE [--note TEXT] [--approver NAME] [--amount YUAN]\n"
	       "  gongkai app decide ID --outcome ROW --date DATE [--basis TEXT]\n"
	       "  gongkai app show ID [--json]\n"
	       "  gongkai app letter ID [--format txt|docx] [-o FILE]\n"
	       "  gongkai app list [--state S] [--overdue] [--due-within N] [--year Y] [--agency A] [--json]\n"
	       "  gongkai app generate --count N [--year Y] [--seed S] [--agency A]\n"
	       "CH: in-person post online fax email other.  TYPE: np biz research ngo legal org_other.\n"
	       "KIND: correction-requested correction-received correction-lapsed consultation-started\n"
	       "      consultation-answered extended (needs --approver) fee-notice (--amount, else the\n"
	       "      按件 fee of the applicant's count this month) fee-notice-received fee-paid\n"
	       "      fee-lapsed withdrawn.\n"
	       "ROW: a Table 三 outcome: granted partial deny_state_secret deny_law_prohibits\n"
	       "     deny_security_stability deny_third_party deny_internal_affairs deny_process_info\n"
	       "     deny_enforcement_file deny_admin_query unable_not_held unable_needs_creation\n"
	       "     unable_unclear_after_fix noproc_petition noproc_repeat noproc_publication\n"
	       "     noproc_mass_repeat noproc_confirm_reissue other_misc.\n"
	       "S: open received awaiting-correction consulting fee-notice-sent awaiting-payment\n"
	       "   replied closed.  --due-within N counts working days.\n"
	       "letter: the reply letter (告知书) of a decided application, refused without its legal\n"
	       "     basis, reasons or remedy statement; docx needs -o FILE or a redirection.\n"
	       "Every command is one transaction; --by USER names the actor for the audit log.\n");
}

/* Open the store and the calendar, begin a transaction. Returns an exit status. */
static int open_all(struct cli *cli, int write, struct store **s, struct calendar **cal,
		    struct gk_error *e)
{
	int x;

	*cal = NULL;
	if ((x = cli_open_store(cli, 0, s)) != 0)
		return x;
	if (calendar_open(cal, cli->data_dir, cli->calendar_dir, e) != 0 ||
	    (write ? store_begin(*s, e) : store_begin_read(*s, e)) != 0) {
		calendar_free(*cal);
		*cal = NULL;
		return cli_finish(*s, e->code ? e->code : ERR_INTERNAL, e);
	}
	return 0;
}

static int parse_date_opt(const char *s, const char *field, int *day, struct gk_error *e)
{
	if (s == NULL)
		return err_set(e, ERR_INVALID, field, "%s DATE is required", field);
	return date_parse(s, day, field, e);
}

/* ---- app new ---- */

static int app_new_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "received", required_argument, NULL, 'r' },
		{ "channel", required_argument, NULL, 'c' },
		{ "applicant-type", required_argument, NULL, 't' },
		{ "applicant-name", required_argument, NULL, 'n' },
		{ "contact", required_argument, NULL, 'C' },
		{ "id-number", required_argument, NULL, 'i' },
		{ "request", required_argument, NULL, 'q' },
		{ "form", required_argument, NULL, 'f' },
		{ "agency", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "by", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct app_new in = { 0 };
	struct app_created made;
	const char *received = NULL, *agency = NULL;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct agency_rec ag;
	struct arena a;
	int ch, rc, x, json = 0;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': received = optarg; break;
		case 'c': in.channel = optarg; break;
		case 't': in.applicant_type = optarg; break;
		case 'n': in.applicant_name = optarg; break;
		case 'C': in.contact = optarg; break;
		case 'i': in.id_number = optarg; break;
		case 'q': in.request = optarg; break;
		case 'f': in.form = optarg; break;
		case 'a': agency = optarg; break;
		case 'j': json = 1; break;
		case 'B': cli->actor = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("app new", "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("app new", "unexpected argument '%s'", argv[optind]);
	if (received == NULL || in.channel == NULL || in.applicant_type == NULL || in.applicant_name == NULL)
		return cli_usage_error("app new", "--received, --channel, --applicant-type and "
				       "--applicant-name are required");
	if ((rc = date_parse(received, &in.received, "--received", &e)) != 0)
		return cli_error(&e);
	if ((x = open_all(cli, 1, &s, &cal, &e)) != 0)
		return x;
	arena_init(&a);
	if ((rc = cli_agency(s, agency, &a, &ag, &e)) == 0) {
		in.agency_id = ag.id;
		rc = app_create(s, cal, &in, date_today(), &made, &e);
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	calendar_free(cal);
	if (x != CLI_OK)
		return x;
	if (json) {
		printf("{\n  \"id\": %" PRId64 ",\n  \"tracking_code\": \"%s\",\n"
		       "  \"tracking_secret\": \"%s\"\n}\n", made.id, made.tracking_code, made.secret);
	} else {
		printf("%" PRId64 "\n", made.id);
		printf("tracking code:   %s\n", made.tracking_code);
		printf("tracking secret: %s  (give it to the applicant with the code; it is not "
		       "stored and cannot be shown again)\n", made.secret);
	}
	return CLI_OK;
}

/* ---- app event / app decide ---- */

static int app_event_cmd(struct cli *cli, int argc, char **argv, int decide)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "note", required_argument, NULL, 'n' },
		{ "approver", required_argument, NULL, 'A' },
		{ "amount", required_argument, NULL, 'm' },
		{ "outcome", required_argument, NULL, 'o' },
		{ "basis", required_argument, NULL, 'b' },
		{ "by", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = decide ? "app decide" : "app event";
	const char *date = NULL, *amount = NULL, *outcome = NULL;
	struct app_event_in ev = { .amount_fen = -1, .outcome = -1 };
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	int64_t id;
	int ch, rc, x;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': date = optarg; break;
		case 'n': ev.note = optarg; break;
		case 'A': ev.approver = optarg; break;
		case 'm': amount = optarg; break;
		case 'o': outcome = optarg; break;
		case 'b': ev.basis = optarg; break;
		case 'B': cli->actor = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error(cmd, "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != (decide ? 1 : 2))
		return cli_usage_error(cmd, decide ? "give the application ID" :
				       "give the application ID and the event KIND");
	if ((rc = cli_parse_id(argv[optind], "ID", &id, &e)) != 0)
		return cli_error(&e);
	if (decide) {
		ev.kind = EV_DECIDED;
		if (outcome == NULL)
			return cli_usage_error(cmd, "--outcome ROW is required");
		ev.outcome = app_outcome_find(outcome);
		if (ev.outcome < 0) {
			char ids[1024];
			err_set(&e, ERR_INVALID, "--outcome", "unknown outcome '%s' (a Table 三 row_id: "
				"%s)", outcome, app_code_ids(CODES_OUTCOMES, ids, sizeof ids));
			return cli_error(&e);
		}
	} else {
		ev.kind = app_event_from_id(argv[optind + 1]);
		if (ev.kind < 0 || ev.kind == EV_DECIDED) {
			err_set(&e, ERR_INVALID, "KIND", "unknown event kind '%s' (see gongkai app --help)",
				argv[optind + 1]);
			return cli_error(&e);
		}
		if (outcome || ev.basis)
			return cli_usage_error(cmd, "--outcome and --basis belong to 'app decide'");
	}
	if ((rc = parse_date_opt(date, "--date", &ev.date, &e)) != 0)
		return cli_error(&e);
	if (amount) {
		if (ev.kind != EV_FEE_NOTICE)
			return cli_usage_error(cmd, "--amount belongs to a fee-notice");
		if ((rc = money_parse_yuan(amount, &ev.amount_fen, "--amount", &e)) != 0)
			return cli_error(&e);
	}
	if (ev.approver && ev.kind != EV_EXTENDED)
		return cli_usage_error(cmd, "--approver belongs to an extension ('extended')");
	if ((x = open_all(cli, 1, &s, &cal, &e)) != 0)
		return x;
	if (decide)
		rc = app_decide(s, cal, id, ev.outcome, ev.date, ev.basis, date_today(), &e);
	else
		rc = app_record(s, cal, id, &ev, date_today(), &e);
	x = cli_finish(s, rc, &e);
	calendar_free(cal);
	return x;
}

/* ---- app show ---- */

static int app_show_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct app_view v;
	struct agency_rec ag;
	struct arena a;
	struct buf out;
	int64_t id;
	int ch, rc, x, json = 0, today = date_today();

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("app show", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("app show", "give the application ID");
	if ((rc = cli_parse_id(argv[optind], "ID", &id, &e)) != 0)
		return cli_error(&e);
	if ((x = open_all(cli, 0, &s, &cal, &e)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	memset(&v, 0, sizeof v);
	rc = app_load(s, cal, id, today, &a, &v, &e);
	if (rc == 0)
		rc = agency_store(s)->get(s, v.rec.agency_id, &a, &ag, &e);
	if (rc == 0)
		rc = json ? app_out_json(&v, &ag, today, &out, &e) : app_out_text(&v, &ag, today, &out, &e);
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK)
		fputs(buf_cstr(&out), stdout);
	app_view_free(&v);
	buf_free(&out);
	arena_free(&a);
	calendar_free(cal);
	return x;
}

/* ---- app letter ---- */

/* REQ 行政复议法-20 REQ 行政诉讼法-46: the reply letter (告知书) as the console gives it,
 * refused when the domain refuses it (no decision, no legal basis, no reasons). */
static int app_letter_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct app_view v;
	struct letter l;
	struct arena a;
	struct buf out;
	const char *format = "txt", *output = NULL;
	int64_t id;
	int ch, rc, x, docx;

	while ((ch = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("app letter", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("app letter", "give the application ID");
	if (strcmp(format, "txt") != 0 && strcmp(format, "docx") != 0)
		return cli_usage_error("app letter", "--format: txt or docx, not '%s'", format);
	docx = strcmp(format, "docx") == 0;
	if (docx && cli_binary_to_tty(output))
		return cli_usage_error("app letter", "--format docx writes a binary file: give -o FILE "
				       "or redirect the output");
	if ((rc = cli_parse_id(argv[optind], "ID", &id, &e)) != 0)
		return cli_error(&e);
	if ((x = open_all(cli, 0, &s, &cal, &e)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	memset(&v, 0, sizeof v);
	rc = app_load(s, cal, id, date_today(), &a, &v, &e);
	if (rc == 0)
		rc = letter_build(s, &v, &a, &l, &e);
	if (rc == 0)
		rc = docx ? render_letter_docx(&l, &out, &e) : render_letter_txt(&l, &out, &e);
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK && cli_write_output(output, out.ptr ? out.ptr : "", out.len, &e) != 0)
		x = cli_error(&e);
	app_view_free(&v);
	buf_free(&out);
	arena_free(&a);
	calendar_free(cal);
	return x;
}

/* ---- app list ---- */

struct list_ctx {
	struct jsonw *w;
	int64_t n;
};

static int list_item(void *p, const struct app_item *it)
{
	struct list_ctx *c = p;
	char due[DATE_LEN] = "-", left[16] = "";

	c->n++;
	if (it->due != CLOCK_NONE)
		date_format(it->due, due);
	if (c->w) {
		app_out_item_json(c->w, it);
		return 0;
	}
	if (it->due != CLOCK_NONE)
		snprintf(left, sizeof left, "%d", it->workdays_left);
	printf("%-6" PRId64 " %-10s %-19s %-10s %5s %-9s %-14s %s\n", it->rec->id, it->rec->received,
	       app_phases[it->phase].id, due, left, it->rec->applicant_type, it->rec->tracking_code,
	       it->rec->outcome ? it->rec->outcome : "");
	return 0;
}

static int app_list_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "due-within", required_argument, NULL, 'w' },
		{ "year", required_argument, NULL, 'y' },
		{ "agency", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct app_query q = { .due_within = -1 };
	const char *agency = NULL;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct list_ctx c = { 0 };
	struct agency_rec ag;
	struct arena a;
	struct jsonw w;
	struct buf out;
	int ch, rc, x, json = 0;
	char *end;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 's': q.state = optarg; break;
		case 'o': q.overdue = true; break;
		case 'w':
			q.due_within = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || q.due_within < 0 || q.due_within > 1000)
				return cli_usage_error("app list", "--due-within wants working days 0-1000");
			break;
		case 'y':
			q.year = (int)strtol(optarg, &end, 10);
			if (*end || q.year < 1900 || q.year > 2199)
				return cli_usage_error("app list", "--year wants a year, e.g. 2024");
			break;
		case 'a': agency = optarg; break;
		case 'j': json = 1; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("app list", "unknown or incomplete option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("app list", "unexpected argument '%s'", argv[optind]);
	if ((x = open_all(cli, 0, &s, &cal, &e)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	rc = 0;
	if (agency) {
		if ((rc = cli_agency(s, agency, &a, &ag, &e)) == 0)
			q.agency_id = ag.id;
	}
	if (json) {
		jsonw_init(&w, &out, 1);
		jsonw_arr_begin(&w);
		c.w = &w;
	} else {
		printf("%-6s %-10s %-19s %-10s %5s %-9s %-14s %s\n", "ID", "RECEIVED", "STATE", "DUE",
		       "LEFT", "APPLICANT", "TRACKING", "OUTCOME");
	}
	if (rc == 0)
		rc = app_list(s, cal, &q, date_today(), list_item, &c, &e);
	if (rc == 0 && json) {
		jsonw_arr_end(&w);
		rc = cli_jsonw_print(&w, &e);
	}
	buf_free(&out);
	arena_free(&a);
	x = cli_finish(s, rc, &e);
	calendar_free(cal);
	return x;
}

int cmd_app(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (sub == NULL || strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		help();
		return sub ? CLI_OK : CLI_USAGE;
	}
	if (strcmp(sub, "new") == 0)
		return app_new_cmd(cli, argc - 1, argv + 1);
	if (strcmp(sub, "event") == 0)
		return app_event_cmd(cli, argc - 1, argv + 1, 0);
	if (strcmp(sub, "decide") == 0)
		return app_event_cmd(cli, argc - 1, argv + 1, 1);
	if (strcmp(sub, "show") == 0)
		return app_show_cmd(cli, argc - 1, argv + 1);
	if (strcmp(sub, "letter") == 0)
		return app_letter_cmd(cli, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return app_list_cmd(cli, argc - 1, argv + 1);
	if (strcmp(sub, "generate") == 0)
		return app_generate_cmd(cli, argc - 1, argv + 1);
	return cli_usage_error("app", "unknown subcommand '%s' (new, event, decide, show, letter, "
			       "list, generate)", sub);
}

/*
 * cmd_app.c — `gongkai app new|event|decide|show|letter|list|generate`: the application ledger
 * (依申请公开). Parses options, calls domain/application.h, prints text or JSON.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/app_out.h"
#include "cli/options.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "domain/agency.h"
#include "domain/application.h"
#include "domain/calendar.h"
#include "domain/app_notice.h"
#include "domain/notice_ref.h"
#include "domain/letter.h"
#include "render/letter.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/money.h"

static void help(FILE *f)
{
	fprintf(f, "Usage:\n"
	       "  gongkai app new --received DATE [--confirmed DATE] --channel CH --applicant-type TYPE\n"
	       "                  --applicant-name NAME --contact TEXT --request TEXT [--id-number N]\n"
	       "                  [--form TEXT] [--agency ID|NAME] [--json]\n"
	       "                  (条例第二十九条: a contact and a description of the information)\n"
	       "  gongkai app event ID KIND --date DATE [--note TEXT] [options of KIND]\n"
	       "  gongkai app decide ID --outcome ROW --date DATE [--basis TEXT]\n"
	       "                  [--responsible-organ NAME [--responsible-contact TEXT]]\n"
	       "  gongkai app show ID [--json]\n"
	       "  gongkai app letter ID [--format txt|docx|pdf|ofd] [-o FILE]\n"
	       "  gongkai app notice ID [--json]                  (the notices issued for it)\n"
	       "  gongkai app notice ID NOTICE [--format txt|docx|pdf|ofd] [-o FILE]\n"
	       "  gongkai app notice ID NOTICE --issue [-o FILE]  (its reference number, once)\n"
	       "  gongkai app list [--state S] [--overdue] [--due-within N] [--year Y] [--agency A] [--json]\n"
	       "  gongkai app generate --count N [--year Y] [--seed S] [--agency A]\n"
	       "CH (条例第三十一条, the date of receipt): in-person, post (signed for), oral, other: the\n"
	       "   --received date; post-plain, online, email, fax: the day the receipt is confirmed\n"
	       "   (--confirmed DATE, or later with the event receipt-confirmed).\n"
	       "TYPE: np biz research ngo legal org_other.\n"
	       "KIND and its options (docs/lifecycle.md lists each with its article and time limit):\n"
	       "  receipt-confirmed\n"
	       "  correction-requested [--period N | --due DATE]   (default: the organ's correction_period)\n"
	       "  correction-received [--late-reason TEXT]          (after the period: the reason is required)\n"
	       "  correction-lapsed                                 (only after the period)\n"
	       "  consultation-started --party third-party|organ [--counterpart NAME]\n"
	       "  consultation-answered [--ref N]                   (N: which consultation, when several)\n"
	       "  extended --approver NAME [--workdays N]           (1-20, default 20; 2007 Regulation: 15)\n"
	       "  reasons-requested  reasons-received  delayed --period N | --due DATE   (条例第三十五条)\n"
	       "  fee-notice --by-count | --by-pages P [--amount YUAN]   (the amount is computed; one method)\n"
	       "  fee-notice-received  fee-paid [--late-reason TEXT]  fee-lapsed  withdrawn\n"
	       "ROW: a Table 三 outcome: granted partial deny_state_secret deny_law_prohibits\n"
	       "     deny_security_stability deny_third_party deny_internal_affairs deny_process_info\n"
	       "     deny_enforcement_file deny_admin_query unable_not_held unable_needs_creation\n"
	       "     unable_unclear_after_fix noproc_petition noproc_repeat noproc_publication\n"
	       "     noproc_mass_repeat noproc_confirm_reissue other_misc.\n"
	       "     unable_not_held with --responsible-organ: not this organ's to disclose (条例第三十六条\n"
	       "     第（五）项); the letter names that organ and its contact.\n"
	       "S: open awaiting-confirmation received awaiting-correction consulting fee-notice-sent\n"
	       "   awaiting-payment replied closed.  --due-within N counts working days and also lists\n"
	       "   applications whose applicant's period ended, waiting to be closed.\n"
	       "A refused step exits 1 and stores nothing; a step the law only times is stored with a\n"
	       "warning (printed, kept on the application).\n"
	       "letter: the reply letter (告知书) of a decided application, refused without its legal\n"
	       "     basis, reasons or remedy statement; docx needs -o FILE or a redirection.\n"
	       "notice: each notice issued from the ledger (correction-1 补正告知书, extension-1,\n"
	       "     delay-1, fee-1 收费通知书, consultation-third-1 / consultation-organ-1 征求意见函,\n"
	       "     reply); refused naming the legal element it lacks (basis, reasons, items,\n"
	       "     period, amount, account: guide set --fee-account, remedy, addressee).\n"
	       "     --issue gives the notice the organ's next reference number (guide set\n"
	       "     --notice-ref '慈政信复〔{year}〕{n}号'; default {organ}依申请公开〔{year}〕{n}号),\n"
	       "     printed beside the tracking code from then on; refused when issued already.\n"
	       "Every command is one transaction; --by USER names the actor for the audit log.\n"
	       "The fields of app new (条例第二十九条):\n");
	cli_desc_help(f, &app_new_desc);
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

/* What app new reads: one option per field of the application as declared (app_new_desc:
 * --received, --channel, --applicant-name, --contact, …), then these. */
struct new_opts {
	struct app_new in;
	const char *agency, *by;
	int json, help;
};

#define O(field) offsetof(struct new_opts, field)
static const struct cli_opt new_extra[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(by) },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};

static int app_new_cmd(struct cli *cli, int argc, char **argv)
{
	struct cli_opt opts[APP_F__N + sizeof new_extra / sizeof new_extra[0]];
	char names[APP_F__N][CLI_OPT_NAME];
	struct new_opts o = { 0 };
	struct app_new *in = &o.in;
	struct app_created made;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct agency_rec ag;
	struct arena a;
	size_t n = cli_desc_opts(&app_new_desc, O(in), opts, names);
	int rc, x;

	memcpy(opts + n, new_extra, sizeof new_extra);
	if ((x = cli_opts_read("app new", opts, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.by)
		cli->actor = o.by;
	if (optind < argc)
		return cli_usage_error("app new", "unexpected argument '%s'", argv[optind]);
	if ((x = open_all(cli, 1, &s, &cal, &e)) != 0)
		return x;
	arena_init(&a);
	if ((rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0) {
		in->agency_id = ag.id;
		rc = app_create(s, cal, in, date_today(), &made, &e);
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	calendar_free(cal);
	if (x != CLI_OK)
		return x;
	if (made.warning[0])
		fprintf(stderr, "gongkai: warning: %s\n", made.warning);
	{
		int chn = app_channel_find(in->channel);
		if (chn >= 0 && app_channels[chn].confirm && in->confirmed <= 0)
			fprintf(stderr, "gongkai: awaiting confirmation: %s（条例第三十一条）; record it with "
				"'gongkai app event %" PRId64 " receipt-confirmed --date DATE'\n",
				app_channels[chn].receipt, made.id);
	}
	if (o.json) {
		struct cli_json j;

		cli_json_open(&j);
		jsonw_obj_begin(&j.w);
		jsonw_kint(&j.w, "id", made.id);
		jsonw_kstr(&j.w, "tracking_code", made.tracking_code);
		jsonw_kstr(&j.w, "tracking_secret", made.secret);
		jsonw_obj_end(&j.w);
		return cli_json_close(&j);
	} else {
		printf("%" PRId64 "\n", made.id);
		printf("tracking code:   %s\n", made.tracking_code);
		printf("tracking secret: %s  (give it to the applicant with the code; it is not "
		       "stored and cannot be shown again)\n", made.secret);
	}
	return CLI_OK;
}
#undef O

/* ---- app event / app decide ---- */

/* What the recorded event set, for the officer (the date it fixes). */
static void print_recorded(const struct app_event_in *ev)
{
	char d[DATE_LEN];

	if (ev->due == CLOCK_NONE)
		return;
	switch (ev->kind) {
	case EV_CORRECTION_REQUESTED:
		printf("补正期限至 %s（%d个工作日，条例第三十条）\n", date_format(ev->due, d), ev->days);
		break;
	case EV_CONSULTATION_STARTED:
		printf("%s答复期限至 %s（15个工作日，%s）\n", app_party_labels[ev->party],
		       date_format(ev->due, d), ev->party == PARTY_ORGAN ? "条例第三十四条" : "条例第三十二条");
		break;
	case EV_DELAYED:
		printf("延迟答复期限至 %s（%d个工作日，条例第三十五条）\n", date_format(ev->due, d), ev->days);
		break;
	default:
		break;
	}
}

/* What app event and app decide read from their options. */
struct event_opts {
	struct app_event_in ev;
	const char *date, *amount, *outcome, *due, *actor;
	int pages, by_count, help;
};

static int set_party(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct event_opts *o = rec;

	if ((o->ev.party = app_party_from_id(arg)) < 0)
		return err_set(e, ERR_INVALID, option, "third-party or organ, not '%s'", arg);
	return 0;
}

/* .tag: the TAKES_* of the transition table a step must have to take the option, or
 * ONLY_DECIDE (0: every step). */
enum { ONLY_DECIDE = 1u << 30 };
#define O(field) offsetof(struct event_opts, field)
static const struct cli_opt event_options[] = {
	{ .name = "date", .type = CLI_OPT_TEXT, .offset = O(date) },
	{ .name = "note", .type = CLI_OPT_TEXT, .offset = O(ev.note) },
	{ .name = "approver", .type = CLI_OPT_TEXT, .offset = O(ev.approver), .tag = TAKES_APPROVER },
	{ .name = "amount", .type = CLI_OPT_TEXT, .offset = O(amount), .tag = TAKES_FEE },
	{ .name = "outcome", .type = CLI_OPT_TEXT, .offset = O(outcome), .tag = ONLY_DECIDE },
	{ .name = "basis", .type = CLI_OPT_TEXT, .offset = O(ev.basis), .tag = ONLY_DECIDE },
	{ .name = "period", .type = CLI_OPT_INT, .offset = O(ev.days), .lo = 1, .hi = CLOCK_MAX_DAYS,
	  .tag = TAKES_PERIOD },
	{ .name = "due", .type = CLI_OPT_TEXT, .offset = O(due), .tag = TAKES_PERIOD },
	{ .name = "late-reason", .type = CLI_OPT_TEXT, .offset = O(ev.late_reason),
	  .tag = TAKES_LATE_REASON },
	{ .name = "party", .type = CLI_OPT_CALL, .set = set_party, .tag = TAKES_PARTY },
	{ .name = "counterpart", .type = CLI_OPT_TEXT, .offset = O(ev.counterpart), .tag = TAKES_PARTY },
	{ .name = "ref", .type = CLI_OPT_INT, .offset = O(ev.ref), .lo = 1,
	  .hi = APP_MAX_CONSULTATIONS, .tag = TAKES_REF },
	{ .name = "workdays", .type = CLI_OPT_INT, .offset = O(ev.days), .lo = 1,
	  .hi = CLOCK_MAX_DAYS, .tag = TAKES_WORKDAYS },
	{ .name = "by-count", .type = CLI_OPT_FLAG, .offset = O(by_count), .tag = TAKES_FEE },
	{ .name = "by-pages", .type = CLI_OPT_INT, .offset = O(pages), .lo = 1, .hi = 1000000,
	  .tag = TAKES_FEE },
	{ .name = "responsible-organ", .type = CLI_OPT_TEXT, .offset = O(ev.counterpart),
	  .tag = ONLY_DECIDE },
	{ .name = "responsible-contact", .type = CLI_OPT_TEXT, .offset = O(ev.counterpart_contact),
	  .tag = ONLY_DECIDE },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(actor) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O
#define GIVEN(given, name) ((given) & (UINT64_C(1) << event_option(name)))

static int event_option(const char *name)
{
	int i = 0;

	while (strcmp(event_options[i].name, name) != 0)
		i++;
	return i;
}

/* app decide: the outcome (a Table 三 row) and the organ responsible with its contact. */
static int decide_check(const char *cmd, struct event_opts *o, struct gk_error *e)
{
	char ids[1024];

	if (o->outcome == NULL)
		return cli_usage_error(cmd, "--outcome ROW is required");
	o->ev.outcome = app_outcome_find(o->outcome);
	if (o->ev.outcome < 0) {
		err_set(e, ERR_INVALID, "--outcome", "unknown outcome '%s' (a Table 三 row_id: %s)",
			o->outcome, app_code_ids(CODES_OUTCOMES, ids, sizeof ids));
		return cli_error(e);
	}
	if (o->ev.counterpart_contact && !o->ev.counterpart)
		return cli_usage_error(cmd, "--responsible-contact goes with --responsible-organ");
	return 0;
}

/* app event: the step KIND, and none of app decide's options. */
static int event_kind_check(const char *cmd, const char *kind, uint64_t given,
			    struct event_opts *o, struct gk_error *e)
{
	o->ev.kind = app_event_from_id(kind);
	if (o->ev.kind < 0 || o->ev.kind == EV_DECIDED) {
		err_set(e, ERR_INVALID, "KIND", "unknown event kind '%s' (see gongkai app --help)", kind);
		return cli_error(e);
	}
	for (int i = 0; event_options[i].name; i++)
		if ((given >> i & 1) && event_options[i].tag == ONLY_DECIDE)
			return cli_usage_error(cmd, "--outcome, --basis and --responsible-* belong to "
					       "'app decide'");
	return 0;
}

/* An option the step does not take is a mistake, not something to ignore; a period is given
 * one way; a fee one method. */
static int event_options_check(const char *cmd, const struct event_opts *o, uint64_t given)
{
	const struct app_event_rule *rule = &app_event_rules[o->ev.kind];

	for (int i = 0; event_options[i].name; i++) {
		unsigned tag = event_options[i].tag;
		if ((given >> i & 1) && tag && tag != ONLY_DECIDE && !(rule->takes & tag))
			return cli_usage_error(cmd, "--%s does not belong to %s", event_options[i].name,
					       rule->id);
	}
	if (GIVEN(given, "period") && GIVEN(given, "due"))
		return cli_usage_error(cmd, "give the period as --period N or as --due DATE, not both");
	if (o->by_count && o->pages)
		return cli_usage_error(cmd, "one method per application (109号): --by-count or "
				       "--by-pages P, not both");
	return 0;
}

/* The values given as text: the dates, the amount, the fee's method and quantity. */
static int event_values(struct event_opts *o, struct gk_error *e)
{
	int rc;

	if ((rc = parse_date_opt(o->date, "--date", &o->ev.date, e)) != 0 ||
	    (o->due && (rc = date_parse(o->due, &o->ev.due, "--due", e)) != 0))
		return rc;
	if (o->amount && (rc = money_parse_yuan(o->amount, &o->ev.amount_fen, "--amount", e)) != 0)
		return rc;
	if (o->by_count)
		o->ev.method = FEE_BY_COUNT;
	if (o->pages) {
		o->ev.method = FEE_BY_PAGES;
		o->ev.quantity = o->pages;
	}
	return 0;
}

static int app_event_cmd(struct cli *cli, int argc, char **argv, int decide)
{
	const char *cmd = decide ? "app decide" : "app event";
	struct event_opts o = { .actor = NULL };
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	uint64_t given;
	int64_t id;
	int rc, x;

	app_event_init(&o.ev, decide ? EV_DECIDED : -1, 0);
	if ((x = cli_opts_read(cmd, event_options, &o, argc, argv, &given, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.actor)
		cli->actor = o.actor;
	if (argc - optind != (decide ? 1 : 2))
		return cli_usage_error(cmd, decide ? "give the application ID" :
				       "give the application ID and the event KIND");
	if ((rc = cli_parse_id(argv[optind], "ID", &id, &e)) != 0)
		return cli_error(&e);
	if ((x = decide ? decide_check(cmd, &o, &e)
			: event_kind_check(cmd, argv[optind + 1], given, &o, &e)) != 0 ||
	    (x = event_options_check(cmd, &o, given)) != 0)
		return x;
	if (event_values(&o, &e) != 0)
		return cli_error(&e);
	if ((x = open_all(cli, 1, &s, &cal, &e)) != 0)
		return x;
	rc = app_record(s, cal, id, &o.ev, date_today(), &e);
	x = cli_finish(s, rc, &e);
	calendar_free(cal);
	if (x == CLI_OK) {
		print_recorded(&o.ev);
		if (o.ev.warning[0])
			fprintf(stderr, "gongkai: warning: %s\n", o.ev.warning);
	}
	return x;
}

/* ---- app show ---- */

/* The options of the commands that read one application (show, letter, notice). */
struct read_opts {
	const char *format, *output;
	int json, issue, help;
};

#define O(field) offsetof(struct read_opts, field)
static const struct cli_opt show_options[] = {
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
static const struct cli_opt notice_options[] = {
	{ .name = "format", .type = CLI_OPT_TEXT, .offset = O(format) },
	{ .name = "output", .letter = 'o', .type = CLI_OPT_TEXT, .offset = O(output) },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "issue", .type = CLI_OPT_FLAG, .offset = O(issue) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

static int app_show_cmd(struct cli *cli, int argc, char **argv)
{
	struct read_opts o = { .format = NULL };
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct app_view v;
	struct agency_rec ag;
	struct arena a;
	struct buf out;
	int64_t id;
	int rc, x, json, today = date_today();

	if ((x = cli_opts_read("app show", show_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	json = o.json;
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
		rc = agency_get(s, v.rec.agency_id, &a, &ag, &e);
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

/* ---- app letter, app notice ---- */

/* The notices of v, one a line (id, date, to whom, title, the reference number once issued),
 * or as JSON. */
static int list_notices(struct store *s, const struct app_view *v, int json, struct arena *a,
			struct buf *out, struct gk_error *e)
{
	const struct notice_issued *issued;
	struct app_notice *nts;
	struct jsonw w;
	size_t n, nissued;
	int rc;

	if ((rc = app_notices(v, a, &nts, &n, e)) != 0 ||
	    (rc = notice_issued_list(s, v, a, &issued, &nissued, e)) != 0)
		return rc;
	jsonw_init(&w, out, 0);
	if (json)
		jsonw_arr_begin(&w);
	for (size_t i = 0; i < n; i++) {
		const struct notice_issued *is;

		is = notice_issued_find(issued, nissued, nts[i].id);
		if (json) {
			jsonw_obj_begin(&w);
			jsonw_kstr(&w, "id", nts[i].id);
			jsonw_kstr(&w, "title", nts[i].title);
			jsonw_kstr(&w, "date", nts[i].date);
			jsonw_kbool(&w, "to_applicant", nts[i].to_applicant);
			jsonw_kstr(&w, "ref_number", is ? is->ref_number : NULL);
			jsonw_kstr(&w, "issued_on", is ? is->issued_on : NULL);
			jsonw_kstr(&w, "version", is ? is->version : NULL);
			jsonw_obj_end(&w);
		} else if ((rc = buf_printf(out, "%-22s %s  %s  %s  %s\n", nts[i].id, nts[i].date,
					    nts[i].to_applicant ? "申请人" : "被征求意见方",
					    nts[i].title, is ? is->ref_number : "（未出具）")) != 0) {
			return rc;
		}
	}
	if (json) {
		jsonw_arr_end(&w);
		return jsonw_finish(&w);
	}
	return 0;
}

/* REQ 条例-30 … REQ 条例-42 REQ 行政复议法-20 REQ 行政诉讼法-46: `app notice ID [NOTICE]`
 * lists the notices issued for the application or writes one; `app letter ID` writes the
 * reply letter. Refused when the domain refuses the notice (a legal element missing). */
static int notice_cmd(struct cli *cli, const char *cmd, const char *fixed, int argc, char **argv)
{
	struct read_opts o = { .format = "txt" };
	const struct notice_issued *is = NULL;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct app_view v;
	struct arena a;
	struct buf out;
	const char *format, *output, *id_s = fixed;
	int64_t id;
	int rc, x, kind, json, issue, nargs = fixed ? 1 : 2;

	if ((x = cli_opts_read(cmd, notice_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	format = o.format;
	output = o.output;
	json = o.json;
	issue = o.issue;
	if (argc - optind < 1 || argc - optind > nargs)
		return cli_usage_error(cmd, fixed ? "give the application ID"
					   : "give the application ID and, to write one, the notice");
	if (!fixed && argc - optind == 2)
		id_s = argv[optind + 1];
	if (issue && !id_s)
		return cli_usage_error(cmd, "--issue: give the notice to issue (app notice ID NOTICE "
				       "--issue)");
	if ((kind = notice_format_by_name(format)) < 0)
		return cli_usage_error(cmd, "--format: txt, docx, pdf or ofd, not '%s'", format);
	if (id_s && (!issue || output) && notice_format_binary(kind) && cli_binary_to_tty(output))
		return cli_usage_error(cmd, "--format %s writes a binary file: give -o FILE "
				       "or redirect the output", format);
	if ((rc = cli_parse_id(argv[optind], "ID", &id, &e)) != 0)
		return cli_error(&e);
	if ((x = open_all(cli, issue, &s, &cal, &e)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	memset(&v, 0, sizeof v);
	rc = app_load(s, cal, id, date_today(), &a, &v, &e);
	if (rc == 0 && issue)
		rc = notice_issue(s, cal, &v, id_s, date_today(), &a, &is, &e);
	if (rc == 0 && is && !output)   /* issued: say the number; with -o also write it */
		rc = buf_printf(&out, "%s\t%s\t%s\n", id_s, is->ref_number, is->version);
	else if (rc == 0)
		rc = id_s ? app_notice_write(s, cal, &v, id_s, kind, &a, &out, &e)
			  : list_notices(s, &v, json, &a, &out, &e);
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
	printf("%-6" PRId64 " %-10s %-21s %-10s %5s %-9s %-14s %-24s %s", it->rec->id,
	       it->rec->received, app_phases[it->phase].id, due, left, it->rec->applicant_type,
	       it->rec->tracking_code, it->rec->outcome ? it->rec->outcome : "",
	       it->todo != TODO_NONE ? app_todos[it->todo].label : "");
	if (it->todo != TODO_NONE && it->todo != TODO_REPLY && it->todo_until != CLOCK_NONE)
		printf(" %s", date_format(it->todo_until, due));
	putchar('\n');
	return 0;
}

/* The options of app list. */
struct list_opts {
	struct app_query q;
	const char *agency;
	int overdue, json, help;
};

#define O(field) offsetof(struct list_opts, field)
static const struct cli_opt list_options[] = {
	{ .name = "state", .type = CLI_OPT_TEXT, .offset = O(q.state) },
	{ .name = "overdue", .type = CLI_OPT_FLAG, .offset = O(overdue) },
	{ .name = "due-within", .type = CLI_OPT_INT, .offset = O(q.due_within), .lo = 0, .hi = 1000 },
	{ .name = "year", .type = CLI_OPT_INT, .offset = O(q.year), .lo = 1900, .hi = 2199 },
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

static int app_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct list_opts o = { .q = { .due_within = -1 } };
	struct app_query q;
	const char *agency;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct list_ctx c = { 0 };
	struct agency_rec ag;
	struct arena a;
	struct jsonw w;
	struct buf out;
	int rc, x, json;

	if ((x = cli_opts_read("app list", list_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	q = o.q;
	q.overdue = o.overdue;
	agency = o.agency;
	json = o.json;
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
		printf("%-6s %-10s %-21s %-10s %5s %-9s %-14s %-24s %s\n", "ID", "RECEIVED", "STATE",
		       "DUE", "LEFT", "APPLICANT", "TRACKING", "OUTCOME", "NEXT");
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

static int app_event_run(struct cli *cli, int argc, char **argv)
{
	return app_event_cmd(cli, argc, argv, 0);
}

static int app_decide_run(struct cli *cli, int argc, char **argv)
{
	return app_event_cmd(cli, argc, argv, 1);
}

static int app_letter_run(struct cli *cli, int argc, char **argv)
{
	return notice_cmd(cli, "app letter", "reply", argc, argv);
}

static int app_notice_run(struct cli *cli, int argc, char **argv)
{
	return notice_cmd(cli, "app notice", NULL, argc, argv);
}

int cmd_app(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "new", app_new_cmd },       { "event", app_event_run }, { "decide", app_decide_run },
		{ "show", app_show_cmd },     { "letter", app_letter_run },
		{ "notice", app_notice_run }, { "list", app_list_cmd },  { "generate", app_generate_cmd },
	};

	return cli_subcommand(cli, "app", subs, sizeof subs / sizeof subs[0], help, argc, argv);
}

/*
 * cmd_deadline.c — `gongkai deadline`: statutory deadlines of one application (or of one
 * piece of information to publish), with their derivation.
 *
 *   gongkai deadline --received DATE [--correction-received DATE]
 *                    [--consultation SENT:ANSWERED]... [--extended[=N]]
 *                    [--fee-notice-received DATE] [--json]
 *   gongkai deadline --formed DATE [--json]
 *
 * Text: the dates, a warning for any year the calendar does not cover (naming the statutory
 * days it assumed there and what it could not), then the derivation of each date in Chinese.
 * JSON keys (stable, see README): received | formed, regulation, correction_notice_due,
 * reply_due, extended_reply_due, fee_payment_due, publication_due, verified, assumed_holidays
 * (only when not verified), steps (a holiday step on an assumed day has "assumed": true). The
 * Regulation applied follows from the date of receipt (2007 before 2019-05-15; dates before
 * 2008-05-01 are refused).
 * Calls domain/clock. Law: 条例 Arts. 26, 30, 33; 109号; 国务院令第492号 Art. 24 (see
 * docs/clock.md).
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "cli/cli_calendar.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "domain/clock.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/utf8.h"

/* What deadline reads from its options: the application's dates and consultations (into
 * app, its pauses borrowed from the caller), or the day information was formed. */
struct deadline_opts {
	struct clock_application app;
	struct clock_pause *pauses;
	int formed, json, help;
};

static int parse_consultation(const char *s, struct clock_pause *p, struct gk_error *e);

/* --consultation SENT:ANSWERED, repeatable */
static int add_consultation(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct deadline_opts *o = rec;
	int rc;

	if (o->app.npauses >= CLOCK_MAX_PAUSES)
		return err_set(e, ERR_LIMIT, option, "more than %d consultations", CLOCK_MAX_PAUSES);
	if ((rc = parse_consultation(arg, &o->pauses[o->app.npauses], e)) == 0)
		o->app.npauses++;
	return rc;
}

/* --extended, or --extended=N working days */
static int set_extended(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct deadline_opts *o = rec;
	int64_t n;

	o->app.extended = true;
	if (arg == NULL)
		return 0;
	if (cli_int(arg, option, 1, 20, &n, e) != 0)
		return e->code;
	o->app.extension_days = (int)n;
	return 0;
}

#define O(field) offsetof(struct deadline_opts, field)
static const struct cli_opt deadline_options[] = {
	{ .name = "received", .type = CLI_OPT_DATE, .offset = O(app.received), .value = "DATE",
	  .help = "application received (条例第三十一条): correction notice\n"
		  "due +7, reply due +20 working days; before 2019-05-15\n"
		  "the 2007 Regulation: reply +15, no 7-day notice limit" },
	{ .name = "correction-received", .type = CLI_OPT_DATE, .offset = O(app.correction_received),
	  .value = "DATE", .help = "corrected application received: the reply clock restarts" },
	{ .name = "consultation", .type = CLI_OPT_CALL, .set = add_consultation,
	  .value = "SENT:ANSWERED", .help = "a consultation letter sent and its answer received;\n"
		  "working days in (SENT, ANSWERED] are not counted; repeat" },
	{ .name = "extended", .type = CLI_OPT_CALL, .set = set_extended, .optional = 1,
	  .value = "[=N]", .help = "an approved extension of N working days after reply due\n"
		  "(1-20, default 20; 2007 Regulation: at most 15)" },
	{ .name = "fee-notice-received", .type = CLI_OPT_DATE, .offset = O(app.fee_notice_received),
	  .value = "DATE", .help = "fee notice received by the applicant: payment due +20" },
	{ .name = "formed", .type = CLI_OPT_DATE, .offset = O(formed), .value = "DATE",
	  .help = "information formed or changed: publication due +20" },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json),
	  .help = "print JSON (keys: received | formed, regulation,\n"
		  "correction_notice_due, reply_due, extended_reply_due,\n"
		  "fee_payment_due, publication_due, verified,\n"
		  "assumed_holidays, steps)" },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help), .help = "this text" },
	{ .name = NULL },
};
#undef O

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai deadline --received DATE [--correction-received DATE]\n"
		"                        [--consultation SENT:ANSWERED]... [--extended[=N]]\n"
		"                        [--fee-notice-received DATE] [--json]\n"
		"       gongkai deadline --formed DATE [--json]\n\n"
		"Compute the statutory deadlines in working days (工作日) on the official calendar,\n"
		"and show how each was counted. The day of the event is not counted; a deadline is\n"
		"the N-th working day after it.\n\n");
	cli_opts_help(f, deadline_options, 28);
	fprintf(f, "\n"
		"Dates are YYYY-MM-DD. Exit status 2 names the argument on bad input. In a year\n"
		"without the official notice the statutory days of the 全国年节及纪念日放假办法 are\n"
		"assumed off (推定) and the result is unverified; 补假 and 调休 are not assumed.\n");
}

static int parse_consultation(const char *s, struct clock_pause *p, struct gk_error *e)
{
	const char *colon = strchr(s, ':');
	char sent[DATE_LEN + 1];

	if (colon == NULL || (size_t)(colon - s) >= sizeof sent)
		return err_set(e, ERR_INVALID, "--consultation",
			       "want SENT:ANSWERED (two dates YYYY-MM-DD), got '%s'", s);
	memcpy(sent, s, (size_t)(colon - s));
	sent[colon - s] = '\0';
	if (date_parse(sent, &p->sent, NULL, NULL) != 0 ||
	    date_parse(colon + 1, &p->answered, NULL, NULL) != 0)
		return err_set(e, ERR_INVALID, "--consultation",
			       "want SENT:ANSWERED with real dates YYYY-MM-DD, got '%s'", s);
	p->kind = PAUSE_CONSULTATION;
	p->capped = false;
	return 0;
}

/* Domain errors name fields like "correction_received"; cli_error shows the option. */
static int report(struct gk_error *e)
{
	return cli_error(e);
}

/* The deadlines to show, in order, NULL-terminated (list has room for 5 + 1). */
static void computed(const struct clock_schedule *s, const struct clock_deadline *pub,
		     const struct clock_deadline *list[6])
{
	size_t n = 0;
	if (pub) {
		list[n++] = pub;
	} else {
		if (s->correction_notice.nsteps)
			list[n++] = &s->correction_notice;
		list[n++] = &s->reply;
		if (s->extended_reply.nsteps)
			list[n++] = &s->extended_reply;
		if (s->fee_payment.nsteps)
			list[n++] = &s->fee_payment;
	}
	list[n] = NULL;
}

#define MAX_ASSUMED 256  /* assumed days named in one answer (13 a year; deadlines span two) */

/* The assumed days the deadlines skipped as holidays, in date order, each once; returns how
 * many (at most cap). */
static size_t assumed_days(const struct calendar *cal, const struct clock_deadline *const *list,
			   const struct statutory_day **out, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; list[i]; i++) {
		for (size_t j = 0; j < list[i]->nsteps; j++) {
			const struct clock_step *st = &list[i]->steps[j];
			const struct statutory_day *day[4];
			size_t k, m;
			if (st->kind != STEP_HOLIDAY || calendar_assumed(cal, st->day) == NULL)
				continue;
			m = cli_assumed_between(cal, st->day - 1, st->day, day, 4);
			for (k = 0; k < m && k < 4 && n < cap; k++) {
				size_t at = 0;
				while (at < n && out[at]->day < day[k]->day)
					at++;
				while (at < n && out[at]->day == day[k]->day && out[at] != day[k])
					at++;
				if (at < n && out[at] == day[k])
					continue;  /* named already (two deadlines pass the same day) */
				memmove(out + at + 1, out + at, (n - at) * sizeof *out);
				out[at] = day[k];
				n++;
			}
		}
	}
	return n;
}

static void step_json(struct jsonw *w, const struct calendar *cal,
		      const struct clock_deadline *dl, const struct clock_step *st)
{
	const struct statutory_day *sd = NULL;
	struct buf text;

	jsonw_obj_begin(w);
	cli_jsonw_kstr_opt(w, "deadline", clock_limit_key(dl->limit));
	cli_jsonw_kstr_opt(w, "kind", clock_step_key(st->kind));
	cli_jsonw_kdate(w, "date", st->day);
	switch (st->kind) {
	case STEP_WORKDAY:
	case STEP_ADJUSTED:
		jsonw_kint(w, "count", st->n);
		break;
	case STEP_PAUSE:
		cli_jsonw_kdate(w, "until", st->until);
		jsonw_kint(w, "workdays_paused", st->n);
		jsonw_kint(w, "merged", st->merged);
		break;
	case STEP_DUE:
		jsonw_kint(w, "workdays", st->n);
		break;
	case STEP_UNVERIFIED:
		jsonw_kint(w, "year", st->n);
		break;
	case STEP_HOLIDAY:
		sd = calendar_assumed(cal, st->day);
		break;
	default:
		break;
	}
	if (sd) {  /* no notice lists the day: the 放假办法's name, and say it was assumed */
		cli_jsonw_kstr_opt(w, "name", sd->name);
		jsonw_kbool(w, "assumed", 1);
	} else if (st->name) {
		jsonw_kstr(w, "name", st->name);
	}
	buf_init(&text, 4096);
	if (clock_step_describe(dl, st, &text) == 0)
		jsonw_kstr(w, "text", buf_cstr(&text));
	buf_free(&text);
	jsonw_obj_end(w);
}

static int print_json(const struct calendar *cal, int trigger,
		      const struct clock_deadline *const *list, bool verified,
		      const struct clock_schedule *sch)
{
	struct cli_json doc;

	cli_json_open(&doc);
	jsonw_obj_begin(&doc.w);
	cli_jsonw_kdate(&doc.w, list[0]->limit == CLOCK_PUBLICATION ? "formed" : "received", trigger);
	if (sch)
		jsonw_kstr(&doc.w, "regulation", sch->regime == CLOCK_REG_2007 ? "2007" : "2019");
	for (size_t i = 0; list[i]; i++)
		cli_jsonw_kdate(&doc.w, clock_limit_key(list[i]->limit), list[i]->due);
	jsonw_kbool(&doc.w, "verified", verified);
	if (!verified) {
		const struct statutory_day *as[MAX_ASSUMED];
		size_t n = assumed_days(cal, list, as, MAX_ASSUMED);
		jsonw_key(&doc.w, "assumed_holidays");
		jsonw_arr_begin(&doc.w);
		for (size_t i = 0; i < n; i++)
			cli_assumed_json(&doc.w, as[i]);
		jsonw_arr_end(&doc.w);
	}
	jsonw_key(&doc.w, "steps");
	jsonw_arr_begin(&doc.w);
	for (size_t i = 0; list[i]; i++)
		for (size_t j = 0; j < list[i]->nsteps; j++)
			step_json(&doc.w, cal, list[i], &list[i]->steps[j]);
	jsonw_arr_end(&doc.w);
	jsonw_obj_end(&doc.w);
	return cli_json_close(&doc);
}

/* Print label padded to width display columns (Han characters count 2). */
static void put_label(const char *label, int width)
{
	int w = (int)utf8_width(label);

	fputs(label, stdout);
	printf("%*s", width > w ? width - w : 0, "");
}

static int print_text(const struct calendar *cal, int trigger,
		      const struct clock_deadline *const *list, const struct clock_schedule *sch)
{
	const struct statutory_day *as[MAX_ASSUMED];
	char d[DATE_LEN];
	struct buf b;
	int years[8], nyears = 0;
	size_t nas;

	put_label(list[0]->limit == CLOCK_PUBLICATION ? "信息形成或变更日期" : "收到申请日期", 20);
	printf("%s（%s）\n", date_format(trigger, d), clock_weekday_name(trigger));
	/* REQ 492号-24: say which Regulation the limits come from when it is the old one */
	if (sch && sch->regime == CLOCK_REG_2007) {
		put_label("适用法规", 20);
		printf("%s（%s 前收到的申请）\n", clock_regime_name(sch->regime),
		       date_format(clock_regime_from(CLOCK_REG_2019), d));
	}
	for (size_t i = 0; list[i]; i++) {
		const struct clock_deadline *dl = list[i];
		put_label(clock_limit_label(dl->limit), 20);
		printf("%s（%s）  %d个工作日，%s\n", date_format(dl->due, d), clock_weekday_name(dl->due),
		       dl->days, clock_deadline_basis(dl));
		if (!dl->verified) {
			int seen = 0;
			for (int k = 0; k < nyears; k++)
				seen |= years[k] == dl->uncovered_year;
			if (!seen && nyears < 8)
				years[nyears++] = dl->uncovered_year;
		}
	}
	for (int k = 0; k < nyears; k++) {
		size_t n;
		statutory_year(years[k], &n);
		printf("警告：%d年不在工作日历内（未载入国务院办公厅%d年节假日安排），该年%s按周一至周五计算，"
		       "结果未经核实（unverified: year %d is not in the calendar）\n",
		       years[k], years[k], n ? "除依《" STATUTORY_TITLE "》推定的法定节假日外" : "",
		       years[k]);
	}
	buf_init(&b, 0);
	if ((nas = assumed_days(cal, list, as, MAX_ASSUMED)) > 0) {
		printf("推定放假（按放假日计，未经核实）：");
		for (size_t i = 0; i < nas; i++) {
			buf_reset(&b);
			cli_assumed_text(&b, as[i]);
			printf("%s%s", i > 0 ? "、" : "", buf_cstr(&b));
		}
		printf("\n%s。\n", CLI_NOT_ASSUMED);
	}
	for (size_t i = 0; list[i]; i++) {
		printf("\n%s的推算：\n", clock_limit_label(list[i]->limit));
		buf_reset(&b);
		if (clock_deadline_describe(list[i], &b) == 0)
			fputs(buf_cstr(&b), stdout);
	}
	buf_free(&b);
	return CLI_OK;
}

/* Read the options into *app (its consultations in pauses, app->pauses) and *formed. CLI_OK, an exit code
 * (the problem told), or -1 after --help. */
static int parse_args(int argc, char **argv, struct clock_application *app,
		      struct clock_pause *pauses, int *formed, int *json)
{
	struct deadline_opts o = { .app = *app, .pauses = pauses, .formed = *formed };
	int rc;

	if ((rc = cli_opts_parse("deadline", deadline_options, &o, argc, argv, NULL)) != 0)
		return rc;
	if (o.help) {
		usage(stdout);
		return -1;
	}
	*app = o.app;
	*formed = o.formed;
	*json = o.json;
	if (optind < argc)
		return cli_usage_error("deadline", "unexpected argument '%s'", argv[optind]);
	if (*formed != CLOCK_NONE && (app->received != CLOCK_NONE || app->npauses || app->extended ||
				      app->correction_received != CLOCK_NONE ||
				      app->fee_notice_received != CLOCK_NONE))
		return cli_usage_error("deadline",
				       "--formed (publication) cannot be combined with application options");
	if (*formed == CLOCK_NONE && app->received == CLOCK_NONE)
		return cli_usage_error("deadline", "--received DATE or --formed DATE is required");
	return CLI_OK;
}

int cmd_deadline(struct cli *cli, int argc, char **argv)
{
	struct clock_pause pauses[CLOCK_MAX_PAUSES];
	struct clock_application app = {
		.received = CLOCK_NONE, .correction_received = CLOCK_NONE,
		.fee_notice_received = CLOCK_NONE, .pauses = pauses,
	};
	struct clock_schedule sched = { 0 };
	struct clock_deadline pub = { 0 };
	const struct clock_deadline *list[6];
	struct calendar *cal = NULL;
	struct gk_error e = { 0 };
	int formed = CLOCK_NONE, json = 0, rc;
	bool verified;

	if ((rc = parse_args(argc, argv, &app, pauses, &formed, &json)) != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = cli_load_calendar(cli, &cal)) != 0)
		return rc;
	if (formed != CLOCK_NONE) {
		if ((rc = clock_publication_due(cal, formed, &pub, &e)) != 0)
			goto fail;
		verified = pub.verified;
		computed(NULL, &pub, list);
	} else {
		if ((rc = clock_schedule_compute(cal, &app, &sched, &e)) != 0)
			goto fail;
		verified = sched.verified;
		computed(&sched, NULL, list);
	}
	if (json)
		rc = print_json(cal, formed != CLOCK_NONE ? formed : app.received, list, verified,
				formed != CLOCK_NONE ? NULL : &sched);
	else
		rc = print_text(cal, formed != CLOCK_NONE ? formed : app.received, list,
				formed != CLOCK_NONE ? NULL : &sched);
	goto out;
fail:
	rc = report(&e);
out:
	clock_deadline_free(&pub);
	clock_schedule_free(&sched);
	calendar_free(cal);
	return rc;
}

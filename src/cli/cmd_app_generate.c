/*
 * cmd_app_generate.c — `gongkai app generate`: synthetic applications with typical
 * lifecycles, through the same domain functions as `app new/event/decide`, for load tests
 * (bench/ledger.sh) and demonstrations. Deterministic for a given --seed.
 * Commits every --batch applications (default 5000) so memory and the WAL stay small.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/application.h"
#include "text/date.h"

static uint64_t next(uint64_t *x)   /* xorshift64* */
{
	*x ^= *x >> 12;
	*x ^= *x << 25;
	*x ^= *x >> 27;
	return *x * 2685821657736338717ULL;
}

static int pick(uint64_t *x, int n)
{
	return (int)(next(x) % (uint64_t)n);
}

/* One application and its events. Returns an enum err. */
static int one(struct store *s, const struct calendar *cal, int64_t agency, int year, int today,
	       uint64_t *x, int64_t *nevents, struct gk_error *e)
{
	static const char *const types[] = { "np", "np", "np", "np", "biz", "research", "ngo",
					     "legal", "org_other" };
	static const char *const channels[] = { "online", "online", "in-person", "post", "email",
						"fax", "other" };
	static const int decisions[] = { OUTCOME_GRANTED, OUTCOME_GRANTED, OUTCOME_GRANTED,
		OUTCOME_PARTIAL, OUTCOME_UNABLE_NOT_HELD, OUTCOME_UNABLE_NEEDS_CREATION,
		OUTCOME_DENY_THIRD_PARTY, OUTCOME_DENY_PROCESS_INFO, OUTCOME_NOPROC_REPEAT,
		OUTCOME_NOPROC_PETITION };
	struct app_new in = { 0 };
	struct app_created made;
	char name[32];
	int rc, last = date_make(year, 12, 31), d, path = pick(x, 100), until;
	struct app_event_in ev;

	in.agency_id = agency;
	in.received = date_make(year, 1, 1) + pick(x, last - date_make(year, 1, 1) + 1);
	if (in.received > today)
		in.received = today;
	in.channel = channels[pick(x, 7)];
	/* REQ 条例-31: online, e-mail and fax receipts are confirmed the day they arrive here */
	if (app_channels[app_channel_find(in.channel)].confirm)
		in.confirmed = in.received;
	in.applicant_type = types[pick(x, 9)];
	snprintf(name, sizeof name, "申请人%05d", pick(x, 20000));
	in.applicant_name = name;
	in.contact = "电话：13800000000";
	in.request = "关于某项目审批文件的信息";
	if ((rc = app_create(s, cal, &in, today, &made, e)) != 0)
		return rc;
	d = in.received;
/* The next event, days after the previous one (each step lawful: the generator keeps within the
 * periods the ledger computes, e.g. a lapse only after the applicant's period). */
#define BEGIN(k, days) do { d += (days); if (d > today) return 0; app_event_init(&ev, (k), d); } while (0)
#define RECORD() do { \
		if ((rc = app_record(s, cal, made.id, &ev, today, e)) != 0) return rc; \
		(*nevents)++; } while (0)
#define EVENT(k, days) do { BEGIN(k, days); RECORD(); } while (0)
#define DECIDE(o, days) do { \
		d += (days); if (d > today) return 0; \
		if ((rc = app_decide(s, cal, made.id, (o), d, NULL, today, e)) != 0) return rc; \
		(*nevents)++; } while (0)
	if (path < 50) {
		DECIDE(decisions[pick(x, 10)], 3 + pick(x, 20));
	} else if (path < 62) {
		EVENT(EV_CORRECTION_REQUESTED, 2 + pick(x, 5));
		EVENT(EV_CORRECTION_RECEIVED, 3 + pick(x, 10));
		DECIDE(pick(x, 4) ? OUTCOME_GRANTED : OUTCOME_UNABLE_UNCLEAR_AFTER_FIX, 5 + pick(x, 15));
	} else if (path < 67) {
		EVENT(EV_CORRECTION_REQUESTED, 2 + pick(x, 5));
		until = ev.due;   /* the applicant's last day to correct */
		EVENT(EV_CORRECTION_LAPSED, until - d + 1 + pick(x, 10));
	} else if (path < 77) {
		BEGIN(EV_CONSULTATION_STARTED, 3 + pick(x, 5));
		ev.party = pick(x, 4) ? PARTY_THIRD_PARTY : PARTY_ORGAN;
		RECORD();
		until = ev.due;   /* the answer due date */
		EVENT(EV_CONSULTATION_ANSWERED, 1 + pick(x, until - d));
		DECIDE(pick(x, 2) ? OUTCOME_PARTIAL : OUTCOME_DENY_THIRD_PARTY, 2 + pick(x, 8));
	} else if (path < 83) {
		BEGIN(EV_EXTENDED, 10 + pick(x, 10));
		ev.approver = "负责人";
		RECORD();
		DECIDE(OUTCOME_GRANTED, 10 + pick(x, 15));
	} else if (path < 86 && d >= clock_regime_from(CLOCK_REG_2019)) {
		BEGIN(EV_FEE_NOTICE, 3 + pick(x, 5));
		ev.method = FEE_BY_PAGES;
		ev.quantity = 40;   /* 10 pages over 30: 100 元 */
		RECORD();
		EVENT(EV_FEE_NOTICE_RECEIVED, 1 + pick(x, 3));
		EVENT(EV_FEE_PAID, 2 + pick(x, 10));
		DECIDE(OUTCOME_GRANTED, 2 + pick(x, 10));
	} else if (path < 91) {
		EVENT(EV_WITHDRAWN, 1 + pick(x, 10));
	}
	/* the rest stay open */
#undef BEGIN
#undef RECORD
#undef EVENT
#undef DECIDE
	return 0;
}

/* What app generate reads from its options. */
struct generate_opts {
	int64_t count, seed, batch;
	int year, help;
	const char *agency, *actor;
};

/* --year: 2008 (the Regulation) to this year */
static int set_year(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	int64_t v;

	if (cli_int(arg, option, 2008, date_year(date_today()), &v, e) != 0)
		return e->code;
	((struct generate_opts *)rec)->year = (int)v;
	return 0;
}

#define O(field) offsetof(struct generate_opts, field)
static const struct cli_opt generate_options[] = {
	{ .name = "count", .type = CLI_OPT_INT64, .offset = O(count), .lo = 1, .hi = 100000000 },
	{ .name = "year", .type = CLI_OPT_CALL, .set = set_year },
	{ .name = "seed", .type = CLI_OPT_INT64, .offset = O(seed), .lo = 0, .hi = INT64_MAX },
	{ .name = "batch", .type = CLI_OPT_INT64, .offset = O(batch), .lo = 1, .hi = INT64_MAX },
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(actor) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int app_generate_cmd(struct cli *cli, int argc, char **argv)
{
	struct generate_opts o = { .seed = 1, .batch = 5000, .year = date_year(date_today()) - 1 };
	int64_t count, batch;
	uint64_t seed;
	int year, today = date_today();
	const char *agency;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct calendar *cal = NULL;
	struct agency_rec ag;
	struct arena a;
	struct timespec t0, t1;
	int64_t nevents = 0, done = 0;
	uint64_t x;
	int rc = 0, x_;

	if ((x_ = cli_opts_parse("app generate", generate_options, &o, argc, argv, NULL)) != 0)
		return x_;
	if (o.help) {
		printf("Usage: gongkai app generate --count N [--year Y] [--seed S] [--batch B] "
		       "[--agency A]\nSynthetic applications with typical lifecycles (load "
		       "tests, demos). Commits every B applications.\n");
		return CLI_OK;
	}
	if (o.actor)
		cli->actor = o.actor;
	count = o.count;
	batch = o.batch;
	seed = (uint64_t)o.seed;
	year = o.year;
	agency = o.agency;
	if (count < 1)
		return cli_usage_error("app generate", "--count N is required");
	if ((x_ = cli_open_store(cli, 0, &s)) != 0)
		return x_;
	if ((rc = calendar_open(&cal, cli->data_dir, cli->calendar_dir, &e)) != 0)
		return cli_finish(s, rc, &e);
	arena_init(&a);
	x = seed * 0x9E3779B97F4A7C15ULL + 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = store_begin(s, &e)) == 0)
		rc = cli_agency(s, agency, &a, &ag, &e);
	for (long long i = 0; rc == 0 && i < count; i++) {
		rc = one(s, cal, ag.id, year, today, &x, &nevents, &e);
		if (rc == 0 && (i + 1) % batch == 0 && i + 1 < count) {
			if ((rc = store_commit(s, &e)) == 0)
				rc = store_begin(s, &e);
		}
		if (rc == 0)
			done++;
	}
	x_ = cli_finish(s, rc, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	arena_free(&a);
	calendar_free(cal);
	if (x_ == CLI_OK)
		printf("generated %" PRId64 " applications with %" PRId64 " events in %.2f s\n", done,
		       nevents, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return x_;
}

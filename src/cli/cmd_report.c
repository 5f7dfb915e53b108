/*
 * cmd_report.c — `gongkai report …`: the annual report computed from the ledger.
 *
 *   gongkai report YEAR [--agency A | --region ID] [--format F] [-o FILE] [--draft]
 *   gongkai report check YEAR [--agency A] [--json]
 *   gongkai report text YEAR --section overview|problems|other [--file F | --draft] [--agency A]
 *   gongkai report publish YEAR [--agency A] [--by USER] [--revise --reason R]
 *   gongkai report show YEAR [--agency A] [--revision N] [--format F] [-o FILE] [--meta]
 *   gongkai report list [--agency A] [--year Y] [--json]
 *
 * `report YEAR` prints the latest published revision when the year is published (its frozen
 * bytes), else the report computed now; --draft always computes. Formats: every renderer of
 * render/ (txt, md, html, json, xlsx, docx, pdf, svg, png, figure.pdf); the binary ones (xlsx,
 * docx, pdf, png, figure.pdf) are not
 * written to a terminal: they need -o FILE or a redirection.
 * Exit status: 0, 1 (E findings; refusals), 2 (usage or input error).
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "domain/agency.h"
#include "domain/organ_rules.h"
#include "cli/db.h"
#include "domain/report_compute.h"
#include "domain/report_publish.h"
#include "render/render.h"
#include "text/date.h"
#include "text/jsonw.h"

#define CMD "report"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai report YEAR [--agency A | --region ID] [--format F] [-o FILE] [--draft]\n"
		"       gongkai report check YEAR [--agency A] [--json]\n"
		"       gongkai report text YEAR --section overview|problems|other [--file F | --draft] [--agency A]\n"
		"       gongkai report publish YEAR [--agency A] [--by USER] [--revise --reason R]\n"
		"       gongkai report show YEAR [--agency A] [--revision N] [--format F] [-o FILE] [--meta]\n"
		"       gongkai report list [--agency A] [--year Y] [--json]\n\n"
		"Formats: txt (as published, like the reference report), md, html, json,\n"
		"xlsx (the three tables), docx and pdf (A4 documents); the last three need -o FILE\n"
		"or a redirection. svg: the 图解, the report's figures as one picture; png and\n"
		"figure.pdf: the same picture as an image and as a one-page PDF (-o FILE).\n");
}

/* Options shared by the subcommands; each accepts the ones it lists. */
struct ropts {
	const char *agency, *region, *format, *output, *section, *file, *reason, *by;
	int year, revision, draft, json, revise, meta, help;
};

static int parse_year(const char *s, int *year)
{
	return cli_opt_int(s, "YEAR", 1900, 9999, year);
}

/* .tag: the bit of the letter a subcommand lists in its allowed options (0: every subcommand) */
#define L(c) (1u << ((c) - 'a'))
#define O(field) offsetof(struct ropts, field)
static const struct cli_opt report_options[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency), .tag = L('a') },
	{ .name = "region", .type = CLI_OPT_TEXT, .offset = O(region), .tag = L('b') },
	{ .name = "format", .type = CLI_OPT_TEXT, .offset = O(format), .tag = L('c') },
	{ .name = "output", .letter = 'o', .type = CLI_OPT_TEXT, .offset = O(output), .tag = L('o') },
	{ .name = "draft", .type = CLI_OPT_FLAG, .offset = O(draft), .tag = L('d') },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json), .tag = L('e') },
	{ .name = "section", .type = CLI_OPT_TEXT, .offset = O(section), .tag = L('f') },
	{ .name = "file", .type = CLI_OPT_TEXT, .offset = O(file), .tag = L('g') },
	{ .name = "reason", .type = CLI_OPT_TEXT, .offset = O(reason), .tag = L('h') },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(by), .tag = L('i') },
	{ .name = "revise", .type = CLI_OPT_FLAG, .offset = O(revise), .tag = L('j') },
	{ .name = "revision", .type = CLI_OPT_INT, .offset = O(revision), .lo = 1, .hi = 100000,
	  .tag = L('k') },
	{ .name = "year", .type = CLI_OPT_INT, .offset = O(year), .lo = 1900, .hi = 9999, .tag = L('l') },
	{ .name = "meta", .type = CLI_OPT_FLAG, .offset = O(meta), .tag = L('m') },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

/* Parse argv (argv[0] = the subcommand or "report"); allowed: the tags of the options
 * accepted; need_year: a YEAR argument is required. */
static int parse(int argc, char **argv, const char *allowed, int need_year, struct ropts *o)
{
	uint64_t given;
	unsigned mask = 0;
	char sub[64];
	int x;

	memset(o, 0, sizeof *o);
	cli_getopt_reset();
	if ((x = cli_opts_parse(CMD, report_options, o, argc, argv, &given)) != 0)
		return x;
	if (o->help) {
		usage(stdout);
		return -1;
	}
	for (const char *c = allowed; *c; c++)
		mask |= L(*c);
	snprintf(sub, sizeof sub, "report %s", argv[0]);
	if ((x = cli_opts_only(CMD, report_options, given, mask, sub)) != 0)
		return x;
	if (need_year) {
		if (optind >= argc)
			return cli_usage_error(CMD, "'report %s' needs a YEAR", argv[0]);
		if ((x = parse_year(argv[optind++], &o->year)) != 0)
			return x;
	}
	if (optind < argc)
		return cli_usage_error(CMD, "unexpected argument '%s'", argv[optind]);
	return 0;
}

/* The renderer named by --format (default txt). A binary format (xlsx, docx, pdf, ofd) is refused
 * when it would go to a terminal: it needs -o FILE or a redirection. */
static int pick_kind(const char *name, const char *output, int *kind)
{
	*kind = render_kind_by_name(name ? name : "txt");
	if (*kind < 0)
		return cli_usage_error(CMD, "--format: unknown format '%s' (txt, md, html, json, xlsx, "
				       "docx, pdf, svg, png, figure.pdf, ofd)", name);
	if (render_kind_binary(*kind) && cli_binary_to_tty(output))
		return cli_usage_error(CMD, "--format %s writes a binary file: give -o FILE or "
				       "redirect the output", name);
	return 0;
}

static void print_findings_text(FILE *f, const struct findings *fnd)
{
	for (size_t i = 0; i < fnd->n; i++) {
		const struct finding *x = &fnd->v[i];

		fprintf(f, "%s %s", severity_code(x->sev), x->rule);
		for (int c = 0; c < x->ncells; c++)
			fprintf(f, "%s%s", c ? "," : " ", fmt_cell(x->fmt, x->cells[c])->id);
		fprintf(f, ": %s\n", x->msg);
	}
}

/* ---- gongkai report YEAR ---- */

static int render_and_emit(const struct annual_report *r, int kind, const struct findings *fnd,
			   const char *output, struct gk_error *e)
{
	struct buf b;
	int rc;

	buf_init(&b, 0);
	if ((rc = render_report(r, kind, fnd, &b, e)) == 0)
		rc = cli_write_output(output, b.ptr ? b.ptr : "", b.len, e);
	buf_free(&b);
	return rc;
}

static int do_region(struct store *s, const struct ropts *o, int kind, struct arena *a,
		     struct gk_error *e, int *problems)
{
	struct annual_report r;
	struct region_summary sum;
	struct findings fnd;
	struct agency_rec root;
	int rc;

	report_init(&r, NULL);
	findings_init(&fnd);
	if ((rc = cli_agency(s, o->region, a, &root, e)) == 0 &&
	    (rc = report_region(s, &root, o->year, o->draft, a, &r, &sum, e)) == 0 &&
	    (rc = report_region_attach_prev(s, &root, &r, e)) == 0) {
		rules_check(&r, NULL, &fnd);
		rc = render_and_emit(&r, kind, &fnd, o->output, e);
		fprintf(stderr, "%s %d: %zu of %zu organs summed", root.name, o->year, sum.included,
			sum.organs);
		if (sum.nmissing) {
			fprintf(stderr, "; not published:");
			for (size_t i = 0; i < sum.nmissing; i++)
				fprintf(stderr, " %s", sum.missing[i]);
		}
		fputc('\n', stderr);
		*problems = findings_count(&fnd, SEV_ERROR) > 0;
		if (*problems)
			print_findings_text(stderr, &fnd);
	}
	findings_free(&fnd);
	report_free(&r);
	return rc;
}

static int do_year(struct cli *cli, int argc, char **argv)
{
	struct ropts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct agency_rec ag;
	struct arena a;
	int x, rc, kind, problems = 0;

	argv[0] = "YEAR";
	if ((x = parse(argc, argv, "abcod" /* agency region format -o draft */, 1, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.agency && o.region)
		return cli_usage_error(CMD, "--agency and --region exclude each other");
	if ((x = pick_kind(o.format, o.output, &kind)) != 0)
		return x;
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin_read(s, &e)) != 0)
		goto out;
	if (o.region) {
		rc = do_region(s, &o, kind, &a, &e, &problems);
		goto out;
	}
	if ((rc = cli_agency(s, o.agency, &a, &ag, &e)) != 0)
		goto out;
	/* REQ 条例-49: a year not yet ended gives figures as of today only */
	if (!report_year_ended(o.year, date_today())) {
		int due = 0;
		char d[DATE_LEN];
		if (organ_report_due(s, ag.id, o.year, &e, &due) == 0)
			fprintf(stderr, "gongkai: provisional: %d has not ended; the figures are the ledger's as "
				"of %s, not the year's (the report is due %s, 条例第四十九条)\n", o.year,
				date_format(date_today(), d), date_format(due, (char[DATE_LEN]){ 0 }));
		memset(&e, 0, sizeof e);
	}
	if (!o.draft) {
		struct report_pub_rec pub;
		const char *body;
		size_t len;
		char sha[65];

		rc = report_pub_get(s, ag.id, o.year, 0, &a, &pub, &e);
		if (rc == 0) {
			rc = report_pub_rendering(s, pub.id, render_kind_name(kind), &a, &body, &len,
							   sha, &e);
			if (rc == 0) {
				rc = cli_write_output(o.output, body, len, &e);
			} else if (rc == ERR_NOTFOUND) {
				/* published before this renderer existed: render the frozen model */
				struct annual_report r;

				memset(&e, 0, sizeof e);
				report_init(&r, NULL);
				if ((rc = report_published(s, ag.id, o.year, 0, &a, &r, NULL, &e)) == 0 &&
				    (rc = report_attach_prev(s, ag.id, &r, &e)) == 0)
					rc = render_and_emit(&r, kind, NULL, o.output, &e);
				report_free(&r);
			}
			goto out;
		}
		if (rc != ERR_NOTFOUND)
			goto out;
		memset(&e, 0, sizeof e);
		rc = 0;
	}
	{
		struct annual_report r;
		struct findings fnd;

		report_init(&r, NULL);
		findings_init(&fnd);
		if ((rc = report_compute(s, &ag, o.year, &a, &r, NULL, &e)) == 0 &&
		    (rc = report_check(s, ag.id, &r, &fnd, &e)) == 0 &&
		    (rc = report_attach_prev(s, ag.id, &r, &e)) == 0)
			rc = render_and_emit(&r, kind, &fnd, o.output, &e);
		findings_free(&fnd);
		report_free(&r);
	}
out:
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x != CLI_OK ? x : problems ? CLI_PROBLEMS : CLI_OK;
}

/* ---- gongkai report check YEAR ---- */

/* When the year is published: does the ledger still give the published figures? */
static int print_published_diff(struct store *s, const struct agency_rec *ag,
				const struct annual_report *r, struct gk_error *e)
{
	int revision, ndiff, diff[6], rc;

	if ((rc = report_published_diff(s, ag->id, r, &revision, &ndiff, diff, 6, e)) != 0 || !revision)
		return rc;
	if (ndiff == 0) {
		printf("published revision %d: the ledger gives the same figures\n", revision);
		return 0;
	}
	printf("published revision %d: the ledger now gives different figures in %d cell(s):", revision,
	       ndiff);
	for (int i = 0; i < ndiff && i < 6; i++)
		printf(" %s", fmt_cell(r->cells.fmt, diff[i])->id);
	printf("%s\n(a correction is a new revision: gongkai report publish %d --revise --reason R)\n",
	       ndiff > 6 ? " …" : "", r->year);
	return 0;
}

static int do_check(struct cli *cli, int argc, char **argv)
{
	struct ropts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct agency_rec ag;
	struct annual_report r;
	struct findings fnd;
	struct arena a;
	int x, rc, errors = 0;

	if ((x = parse(argc, argv, "ae" /* agency json */, 1, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	report_init(&r, NULL);
	findings_init(&fnd);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0 &&
	    (rc = report_compute(s, &ag, o.year, &a, &r, NULL, &e)) == 0 &&
	    (rc = report_check(s, ag.id, &r, &fnd, &e)) == 0) {
		errors = findings_count(&fnd, SEV_ERROR) > 0;
		if (o.json) {
			struct buf b;
			struct jsonw w;

			buf_init(&b, 0);
			jsonw_init(&w, &b, 1);
			jsonw_obj_begin(&w);
			jsonw_kstr(&w, "agency", ag.name);
			jsonw_kint(&w, "year", o.year);
			jsonw_kint(&w, "errors", (int64_t)findings_count(&fnd, SEV_ERROR));
			jsonw_kint(&w, "warnings", (int64_t)findings_count(&fnd, SEV_WARN));
			jsonw_key(&w, "findings");
			jsonw_arr_begin(&w);
			for (size_t i = 0; i < fnd.n; i++) {
				jsonw_obj_begin(&w);
				jsonw_kstr(&w, "rule", fnd.v[i].rule);
				jsonw_kstr(&w, "severity", severity_code(fnd.v[i].sev));
				jsonw_key(&w, "cells");
				jsonw_arr_begin(&w);
				for (int c = 0; c < fnd.v[i].ncells; c++)
					jsonw_str(&w, fmt_cell(fnd.v[i].fmt, fnd.v[i].cells[c])->id);
				jsonw_arr_end(&w);
				jsonw_kstr(&w, "message", fnd.v[i].msg);
				jsonw_obj_end(&w);
			}
			jsonw_arr_end(&w);
			jsonw_obj_end(&w);
			rc = cli_jsonw_print(&w, NULL);
			buf_free(&b);
		} else {
			print_findings_text(stdout, &fnd);
			printf("%s %d: %zu error(s), %zu warning(s)\n", ag.name, o.year,
			       findings_count(&fnd, SEV_ERROR), findings_count(&fnd, SEV_WARN));
			rc = print_published_diff(s, &ag, &r, &e);
		}
	}
	findings_free(&fnd);
	report_free(&r);
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x != CLI_OK ? x : errors ? CLI_PROBLEMS : CLI_OK;
}

/* ---- gongkai report text YEAR --section S [--file F | --draft] ---- */

static int do_text(struct cli *cli, int argc, char **argv)
{
	struct ropts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct agency_rec ag;
	struct buf file;
	struct arena a;
	int x, rc, sec;

	if ((x = parse(argc, argv, "adfg" /* agency draft section file */, 1, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if ((sec = report_text_section_by_name(o.section)) < 0)
		return cli_usage_error(CMD, "--section: one of overview, problems, other%s%s%s",
				       o.section ? " (not '" : "", o.section ? o.section : "",
				       o.section ? "')" : "");
	if (o.file && o.draft)
		return cli_usage_error(CMD, "--file and --draft exclude each other");
	if (o.draft && sec != RTEXT_OVERVIEW)
		return cli_usage_error(CMD, "--draft: only the overview has a draft");
	buf_init(&file, REPORT_TEXT_MAX + 1);
	if (o.file && (rc = buf_read_file(&file, o.file, &e)) != 0) {
		buf_free(&file);
		if (rc == ERR_LIMIT)
			err_set(&e, ERR_LIMIT, "--file", "%s is longer than %d bytes", o.file, REPORT_TEXT_MAX);
		return cli_error(&e);
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0) {
		buf_free(&file);
		return x;
	}
	arena_init(&a);
	if (o.file) {
		if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0 &&
		    (rc = report_text_set(s, ag.id, o.year, sec, file.ptr ? file.ptr : "", file.len, &e)) == 0)
			printf("%s %d %s: %zu bytes stored\n", ag.name, o.year, o.section, file.len);
	} else if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0) {
		const char *text = NULL;
		struct annual_report r;

		report_init(&r, NULL);
		if (!o.draft)
			rc = report_text_get(s, ag.id, o.year, sec, &a, &text, &e);
		if (rc == 0 && !text && (rc = report_compute(s, &ag, o.year, &a, &r, NULL, &e)) == 0) {
			if (o.draft) {
				struct report_figures fig;
				struct buf d;

				buf_init(&d, 0);
				if ((rc = report_compute(s, &ag, o.year, &a, &r, &fig, &e)) == 0 &&
				    (rc = report_overview_draft(ag.name, &fig, &d)) == 0)
					printf("%s\n", buf_cstr(&d));
				buf_free(&d);
			} else {
				fprintf(stderr, "(no text stored for %s %d %s; the report uses:)\n", ag.name,
					o.year, o.section);
				printf("%s\n", r.section[report_text_section_of(sec)]);
			}
		} else if (rc == 0 && text) {
			printf("%s\n", text);
		}
		report_free(&r);
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	buf_free(&file);
	return x;
}

/* ---- gongkai report publish YEAR ---- */

static int do_publish(struct cli *cli, int argc, char **argv)
{
	struct ropts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct agency_rec ag;
	struct report_pub_rec pub;
	struct findings fnd;
	struct arena a;
	int x, rc;

	if ((x = parse(argc, argv, "ahij" /* agency reason by revise */, 1, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.revise != (o.reason != NULL))
		return cli_usage_error(CMD, "a correction needs both --revise and --reason R");
	if (o.by)
		cli->actor = o.by;
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	findings_init(&fnd);
	if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0 &&
	    (rc = report_publish(s, &ag, o.year, o.revise ? o.reason : NULL, &a, &fnd, &pub, &e)) == 0) {
		char at[DATE_SHOW_LEN];
		printf("published %s %d revision %d by %s at %s\nsha256 %s\n", ag.name, o.year, pub.revision,
		       pub.published_by, date_stamp_show(pub.published_at, at), pub.sha256);
		if (fnd.n)
			print_findings_text(stdout, &fnd);
	} else if (findings_count(&fnd, SEV_ERROR) > 0) {
		print_findings_text(stderr, &fnd);
	}
	findings_free(&fnd);
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

/* ---- gongkai report show YEAR ---- */

static void print_meta(FILE *f, const char *agency, const struct report_pub_rec *p)
{
	char at[DATE_SHOW_LEN];

	fprintf(f, "%s %d revision %d  format %s  published %s by %s  sha256 %s%s%s\n", agency, p->year,
		p->revision, p->format, date_stamp_show(p->published_at, at), p->published_by, p->sha256,
		p->reason ? "  reason: " : "", p->reason ? p->reason : "");
}

static int do_show(struct cli *cli, int argc, char **argv)
{
	struct ropts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct agency_rec ag;
	struct report_pub_rec pub;
	struct arena a;
	int x, rc, kind;

	if ((x = parse(argc, argv, "acokm" /* agency format -o revision meta */, 1, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if ((x = pick_kind(o.format, o.output, &kind)) != 0)
		return x;
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0 &&
	    (rc = report_pub_get(s, ag.id, o.year, o.revision, &a, &pub, &e)) == 0) {
		const char *body;
		size_t len;
		char sha[65];

		if (o.meta) {
			print_meta(stdout, ag.name, &pub);
		} else if ((rc = report_pub_rendering(s, pub.id, render_kind_name(kind), &a, &body,
								&len, sha, &e)) == 0) {
			rc = cli_write_output(o.output, body, len, &e);
		} else if (rc == ERR_NOTFOUND) {
			struct annual_report r;

			memset(&e, 0, sizeof e);
			report_init(&r, NULL);
			if ((rc = report_published(s, ag.id, o.year, pub.revision, &a, &r, NULL, &e)) == 0 &&
			    (rc = report_attach_prev(s, ag.id, &r, &e)) == 0)
				rc = render_and_emit(&r, kind, NULL, o.output, &e);
			report_free(&r);
		}
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

/* ---- gongkai report list ---- */

struct list_ctx {
	struct store *s;
	struct jsonw *w;        /* NULL = text */
	int64_t n;
};

static int list_row(void *ctx, const struct report_pub_rec *p)
{
	struct list_ctx *l = ctx;
	struct agency_rec ag;
	struct gk_error e = { 0 };
	struct arena a;
	const char *name = "?";
	char d[DATE_LEN], d2[DATE_LEN];
	int due = 0, day = 0;
	bool late = false;

	arena_init(&a);
	if (agency_get(l->s, p->agency_id, &a, &ag, &e) == 0)
		name = ag.name;
	/* REQ 条例-49: the organ's deadline, and whether the first publication came after it */
	if (organ_report_due(l->s, p->agency_id, p->year, &e, &due) == 0 &&
	    organ_publication_day(p->published_at, &day, &e) == 0)
		late = p->revision == 1 && day > due;
	else
		due = 0;
	if (l->w) {
		jsonw_obj_begin(l->w);
		jsonw_kstr(l->w, "agency", name);
		jsonw_kint(l->w, "agency_id", p->agency_id);
		jsonw_kint(l->w, "year", p->year);
		jsonw_kint(l->w, "revision", p->revision);
		jsonw_kstr(l->w, "format", p->format);
		jsonw_kstr(l->w, "published_at", p->published_at);
		jsonw_kstr(l->w, "published_by", p->published_by);
		jsonw_kstr(l->w, "sha256", p->sha256);
		if (p->reason)
			jsonw_kstr(l->w, "reason", p->reason);
		else
			jsonw_key(l->w, "reason"), jsonw_null(l->w);
		if (due)
			jsonw_kstr(l->w, "due", date_format(due, d));
		jsonw_kbool(l->w, "late", late);
		jsonw_obj_end(l->w);
	} else {
		print_meta(stdout, name, p);
		if (late)
			printf("  LATE: first published %s, after its deadline %s (条例第四十九条)\n",
			       date_format(day, d), date_format(due, d2));
	}
	l->n++;
	arena_free(&a);
	return 0;
}

static int do_list(struct cli *cli, int argc, char **argv)
{
	struct ropts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct agency_rec ag = { 0 };
	struct arena a;
	struct buf b;
	struct jsonw w;
	struct list_ctx l = { 0 };
	int x, rc;

	if ((x = parse(argc, argv, "ael" /* agency json year */, 0, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&b, 0);
	l.s = s;
	if (o.json) {
		jsonw_init(&w, &b, 1);
		jsonw_arr_begin(&w);
		l.w = &w;
	}
	if ((rc = store_begin_read(s, &e)) == 0 &&
	    (!o.agency || (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0) &&
	    (rc = report_pub_list(s, ag.id, o.year, list_row, &l, &e)) == 0 && o.json) {
		jsonw_arr_end(&w);
		rc = cli_jsonw_print(&w, NULL);
	}
	if (rc == 0 && !o.json && l.n == 0)
		printf("no published reports\n");
	buf_free(&b);
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "check", do_check }, { "text", do_text }, { "publish", do_publish },
		{ "show", do_show },   { "list", do_list },	 { NULL, do_year },
	};

	return cli_subcommand(cli, "report", subs, sizeof subs / sizeof subs[0], usage, argc, argv);
}

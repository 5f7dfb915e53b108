/*
 * cmd_search.c — `gongkai search QUERY`: full-text search of the catalogue.
 *
 * The public view (default) finds only documents published and visible today; --staff USER
 * adds that user's organ's unpublished documents. JSON: a list of
 * {"id", "index_no", "title", "snippet", "published", "agency", "state"}, best first, where
 * snippet is HTML-escaped text with <mark> around matches.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "domain/catalogue.h"
#include "render/snippet.h"
#include "store/user_store.h"
#include "text/date.h"
#include "text/jsonw.h"

static void help(void)
{
	printf("Usage: gongkai search QUERY [--json] [--limit N] [--staff USER] [--agency A]\n"
	       "                            [--topic T] [--genre G] [--year Y] [--validity V]\n"
	       "Words are ANDed; a Chinese word matches as written (公开 finds 公开, not 公…开);\n"
	       "\"quotes\" group a phrase; traditional characters and full-width letters find\n"
	       "their simplified / ASCII forms. Results best first, matches marked «…».\n");
}

struct hits {
	struct jsonw *w;
	struct buf tmp;
	int n, rc;
};

static int print_hit(void *p, const struct search_hit *h)
{
	struct hits *c = p;

	c->n++;
	buf_reset(&c->tmp);
	if (c->w) {
		if ((c->rc = render_snippet_html(&c->tmp, h->snippet ? h->snippet : "")) != 0)
			return c->rc;
		jsonw_obj_begin(c->w);
		jsonw_kint(c->w, "id", h->id);
		jsonw_kstr(c->w, "index_no", h->index_no);
		jsonw_kstr(c->w, "title", h->title);
		jsonw_kstr(c->w, "snippet", buf_cstr(&c->tmp));
		jsonw_kstr(c->w, "published", h->published_date);
		jsonw_kstr(c->w, "agency", h->agency);
		jsonw_kstr(c->w, "state", h->state);
		jsonw_obj_end(c->w);
		return 0;
	}
	if ((c->rc = render_snippet_text(&c->tmp, h->snippet ? h->snippet : "", "«", "»")) != 0)
		return c->rc;
	printf("%lld  %s  %s  %s\n    %s\n", (long long)h->id, h->index_no,
	       h->published_date ? h->published_date : h->state, h->title, buf_cstr(&c->tmp));
	return 0;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ "staff", required_argument, NULL, 's' },
		{ "agency", required_argument, NULL, 'a' },
		{ "topic", required_argument, NULL, 't' },
		{ "genre", required_argument, NULL, 'g' },
		{ "year", required_argument, NULL, 'y' },
		{ "validity", required_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *staff = NULL, *agency = NULL, *topic = NULL, *validity = NULL;
	struct doc_filter f = { 0 };
	struct gk_error e = { 0 };
	struct hits hc = { 0 };
	struct store *s = NULL;
	struct arena a;
	struct buf out, tbuf;
	struct jsonw w;
	char today[DATE_LEN];
	int ch, rc = 0, x, json = 0;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		case 'n':
			f.limit = (int)strtol(optarg, NULL, 10);
			if (f.limit < 1 || f.limit > 1000)
				return cli_usage_error("search", "--limit is 1 … 1000");
			break;
		case 's': staff = optarg; break;
		case 'a': agency = optarg; break;
		case 't': topic = optarg; break;
		case 'g':
			if ((f.genre = catalogue_genre_find(optarg)) == NULL)
				return cli_usage_error("search", "unknown --genre '%s'", optarg);
			break;
		case 'y':
			f.year = (int)strtol(optarg, NULL, 10);
			if (f.year < 1900 || f.year > 2199)
				return cli_usage_error("search", "--year is a year like 2024");
			break;
		case 'v': validity = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("search", "unknown or incomplete option '%s'",
						argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("search", "give one QUERY (quote it if it has spaces)");
	if (topic && catalogue_topic_find(topic) == NULL)
		return cli_usage_error("search", "unknown --topic '%s'", topic);
	if (validity) {
		int v = doc_enum_parse(doc_validity_ids, doc_validity_labels, VALIDITY__MAX, validity);
		if (v < 0)
			return cli_usage_error("search", "--validity is valid, expired or repealed");
		f.validity = doc_validity_ids[v];
	}
	f.today = date_format(date_today(), today);
	f.public_only = 1;
	if ((x = cli_open_store(cli, STORE_READONLY, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&out, 0);
	buf_init(&tbuf, 1024);
	buf_init(&hc.tmp, 0);
	if (json) {
		jsonw_init(&w, &out, 1);
		jsonw_arr_begin(&w);
		hc.w = &w;
	}
	if (topic && catalogue_topic_path(catalogue_topic_find(topic), &tbuf) == 0)
		f.topic = buf_cstr(&tbuf);
	if ((rc = store_begin_read(s, &e)) == 0 && agency) {
		struct agency_rec ag;
		if ((rc = cli_agency(s, agency, &a, &ag, &e)) == 0)
			f.agency_id = ag.id;
	}
	if (rc == 0 && staff) {
		struct user_rec u;
		if ((rc = user_store(s)->get_by_name(s, staff, &a, &u, &e)) != 0) {
			snprintf(e.field, sizeof e.field, "--staff");
		} else if (u.agency_id) {
			f.staff_agency_id = u.agency_id;   /* their organ's drafts too */
		} else {
			f.public_only = 0;                  /* staff of no single organ: everything */
		}
	}
	if (rc == 0)
		rc = catalogue_search(s, argv[optind], &f, print_hit, &hc, &e);
	if (rc == 0 && hc.rc)
		rc = err_set(&e, hc.rc, "", "output too large");
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK && json) {
		jsonw_arr_end(&w);
		if (jsonw_finish(&w) == 0)
			fputs(buf_cstr(&out), stdout);
		else
			x = CLI_PROBLEMS;
	} else if (x == CLI_OK && hc.n == 0) {
		printf("no documents found\n");
	}
	buf_free(&hc.tmp);
	buf_free(&tbuf);
	buf_free(&out);
	arena_free(&a);
	return x;
}

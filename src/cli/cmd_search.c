/*
 * cmd_search.c — `gongkai search QUERY`: full-text search of the catalogue.
 *
 * The public view (default) finds only documents published and visible today; --staff USER
 * adds that user's organ's unpublished documents. Text: the number of results, then one
 * result per entry with its passage, matches marked «…» (and the attachment and page the
 * passage comes from). JSON: {"total", "exact", "page", "more", "hits": [{"id", "index_no",
 * "title", "doc_no", "snippet", "attachment", "page", "published", "agency", "state",
 * "in_title"}], "facets": {"agency"|"year"|"topic"|"genre"|"validity": [{"value", "label",
 * "n"}]}, "suggestion", "suggestion_total"}, where title, doc_no and snippet are HTML-escaped
 * text with <mark> around matches.
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
#include "domain/user.h"
#include "render/snippet.h"
#include "text/date.h"
#include "text/jsonw.h"

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai search QUERY [--json] [--sort relevance|date] [--page N] [--limit N]\n"
	       "                            [--staff USER] [--agency A] [--topic T] [--genre G]\n"
	       "                            [--year Y] [--validity V]\n"
	       "Words are ANDed; a Chinese word matches as written (公开 finds 公开, not 公…开);\n"
	       "\"quotes\" group a phrase; traditional characters and full-width letters find\n"
	       "their simplified / ASCII forms. Results by relevance (title matches first) or by\n"
	       "date, %d a page (--limit), matches marked «…».\n", 20);
}

static const char *const facet_keys[FACET__MAX] = { "agency", "year", "topic", "genre",
						     "validity" };

/* A text with markers as HTML (json) or with «…» into tmp; "" for NULL. */
static const char *shown(struct buf *tmp, const char *s, int html)
{
	buf_reset(tmp);
	if (s == NULL)
		return NULL;
	if ((html ? render_snippet_html(tmp, s) : render_snippet_text(tmp, s, "«", "»")) != 0)
		return "";
	return buf_cstr(tmp);
}

static void print_json(struct jsonw *w, const struct search_result *r, int page)
{
	struct buf tmp;

	buf_init(&tmp, 0);
	jsonw_obj_begin(w);
	jsonw_kint(w, "total", r->total);
	jsonw_kbool(w, "exact", r->exact);
	jsonw_kint(w, "page", page);
	jsonw_kbool(w, "more", r->more);
	jsonw_key(w, "hits");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < r->nhits; i++) {
		const struct search_hit *h = &r->hits[i];
		jsonw_obj_begin(w);
		jsonw_kint(w, "id", h->id);
		jsonw_kstr(w, "index_no", h->index_no);
		jsonw_kstr(w, "title", shown(&tmp, h->title, 1));
		jsonw_kstr(w, "doc_no", shown(&tmp, h->doc_no, 1));
		jsonw_kstr(w, "snippet", shown(&tmp, h->snippet, 1));
		jsonw_kstr(w, "attachment", h->attachment);
		if (h->page)
			jsonw_kint(w, "page", h->page);
		jsonw_kstr(w, "published", h->published_date);
		jsonw_kstr(w, "agency", h->agency);
		jsonw_kstr(w, "state", h->state);
		jsonw_kbool(w, "in_title", h->in_title);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	jsonw_key(w, "facets");
	jsonw_obj_begin(w);
	for (int f = 0; f < FACET__MAX; f++) {
		jsonw_key(w, facet_keys[f]);
		jsonw_arr_begin(w);
		for (size_t i = 0; i < r->nfacets[f]; i++) {
			jsonw_obj_begin(w);
			jsonw_kstr(w, "value", r->facets[f][i].value);
			jsonw_kstr(w, "label", r->facets[f][i].label);
			jsonw_kint(w, "n", r->facets[f][i].n);
			jsonw_obj_end(w);
		}
		jsonw_arr_end(w);
	}
	jsonw_obj_end(w);
	jsonw_kstr(w, "suggestion", r->suggestion);
	if (r->suggestion)
		jsonw_kint(w, "suggestion_total", r->suggestion_total);
	jsonw_obj_end(w);
	buf_free(&tmp);
}

static void print_text(const struct search_result *r)
{
	struct buf tmp;

	buf_init(&tmp, 0);
	if (r->total == 0) {
		printf("no documents found\n");
		if (r->suggestion)
			printf("try: %s (%lld%s found)\n", r->suggestion, (long long)r->suggestion_total,
			       r->suggestion_total >= SEARCH_SUGGEST_LIMIT ? "+" : "");
	} else {
		printf("%s%lld documents found\n", r->exact ? "" : "about ", (long long)r->total);
	}
	for (size_t i = 0; i < r->nhits; i++) {
		const struct search_hit *h = &r->hits[i];
		printf("%lld  %s  %s  %s\n", (long long)h->id, h->index_no,
		       h->published_date ? h->published_date : h->state, shown(&tmp, h->title, 0));
		if (h->attachment && h->page)
			printf("    [%s, p. %d] ", h->attachment, h->page);
		else if (h->attachment)
			printf("    [%s] ", h->attachment);
		else
			printf("    ");
		printf("%s\n", shown(&tmp, h->snippet, 0));
	}
	buf_free(&tmp);
}

/* What the command line asks for. */
struct search_args {
	const char *staff, *agency, *topic, *query, *validity;
	struct doc_filter f;
	int sort;   /* enum search_sort */
	int json, page, help;
};

static int set_genre(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct search_args *a = rec;

	if ((a->f.genre = catalogue_genre_find(arg)) == NULL)
		return err_set(e, ERR_INVALID, option, "unknown genre '%s'", arg);
	return 0;
}

/* enum search_sort's words, in its order */
static const char *const sort_words[] = { "relevance", "date", NULL };

#define O(field) offsetof(struct search_args, field)
static const struct cli_opt search_options[] = {
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json) },
	{ .name = "limit", .type = CLI_OPT_INT, .offset = O(f.limit), .lo = 1, .hi = 100 },
	{ .name = "staff", .type = CLI_OPT_TEXT, .offset = O(staff) },
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "topic", .type = CLI_OPT_TEXT, .offset = O(topic) },
	{ .name = "genre", .type = CLI_OPT_CALL, .set = set_genre },
	{ .name = "year", .type = CLI_OPT_INT, .offset = O(f.year), .lo = 1900, .hi = 2199 },
	{ .name = "validity", .type = CLI_OPT_TEXT, .offset = O(validity) },
	{ .name = "sort", .type = CLI_OPT_CHOICE, .offset = O(sort), .choices = sort_words },
	{ .name = "page", .type = CLI_OPT_INT, .offset = O(page), .lo = 1, .hi = SEARCH_COUNT_LIMIT },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

/* Read the options into *out; CLI_OK, or the exit code of a usage error (told), or -1 after
 * --help. */
static int parse_args(int argc, char **argv, struct search_args *out)
{
	struct doc_filter *f = &out->f;
	int x;

	*out = (struct search_args){ .sort = SEARCH_BY_RELEVANCE, .page = 1 };
	if ((x = cli_opts_read("search", search_options, out, argc, argv, NULL, help)) != 0)
		return x;
	if (optind + 1 != argc)
		return cli_usage_error("search", "give one QUERY (quote it if it has spaces)");
	out->query = argv[optind];
	if (out->topic && catalogue_topic_find(out->topic) == NULL)
		return cli_usage_error("search", "unknown --topic '%s'", out->topic);
	if (out->validity) {
		int v = doc_enum_parse(doc_validity_ids, doc_validity_labels, VALIDITY__MAX, out->validity);
		if (v < 0)
			return cli_usage_error("search", "--validity is valid, expired or repealed");
		f->validity = doc_validity_ids[v];
	}
	if (f->limit == 0)
		f->limit = 20;
	f->offset = (out->page - 1) * f->limit;
	f->public_only = 1;
	return CLI_OK;
}

/* Narrow the search to an organ (--agency) and widen it to what a member of staff may see
 * (--staff: their organ's drafts, or everything for staff of no single organ). */
static int resolve_scope(struct store *s, const struct search_args *args, struct arena *a,
			 struct doc_filter *f, struct gk_error *e)
{
	int rc;

	if (args->agency) {
		struct agency_rec ag;
		if ((rc = cli_agency(s, args->agency, a, &ag, e)) != 0)
			return rc;
		f->agency_id = ag.id;
	}
	if (args->staff) {
		struct user_rec u;
		if ((rc = user_find(s, args->staff, a, &u, e)) != 0) {
			snprintf(e->field, sizeof e->field, "--staff");
			return rc;
		}
		if (u.agency_id)
			f->staff_agency_id = u.agency_id;
		else
			f->public_only = 0;
	}
	return 0;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	struct search_args args;
	struct gk_error e = { 0 };
	struct search_result res;
	struct store *s = NULL;
	struct arena a;
	struct cli_json doc;
	struct buf tbuf;
	char today[DATE_LEN];
	int rc, x;

	if ((x = parse_args(argc, argv, &args)) != CLI_OK)
		return x < 0 ? CLI_OK : x;
	args.f.today = date_format(date_today(), today);
	if ((x = cli_open_store(cli, STORE_READONLY, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&tbuf, 1024);
	if (args.topic && catalogue_topic_path(catalogue_topic_find(args.topic), &tbuf) == 0)
		args.f.topic = buf_cstr(&tbuf);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = resolve_scope(s, &args, &a, &args.f, &e)) == 0)
		rc = catalogue_search(s, args.query, &args.f, args.sort, &a, &res, &e);
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK && args.json) {
		cli_json_open(&doc);
		print_json(&doc.w, &res, args.page);
		x = cli_json_close(&doc);
	} else if (x == CLI_OK) {
		print_text(&res);
	}
	buf_free(&tbuf);
	arena_free(&a);
	return x;
}

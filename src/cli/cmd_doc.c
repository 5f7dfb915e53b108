/*
 * cmd_doc.c — `gongkai doc …`: the catalogue (主动公开) and its 三审 workflow.
 *
 * add | edit | show | list | submit | review | publish | withdraw | history | topics | genres |
 * reread.
 * Every subcommand takes --json. Domain calls: domain/catalogue.h, domain/publish.h.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/calendar.h"
#include "domain/catalogue.h"
#include "domain/publish.h"
#include "text/date.h"
#include "text/jsonw.h"

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai doc add --title T --body-file F [FIELDS] [--agency A] [--by USER]\n"
	       "       gongkai doc edit ID [FIELDS] [--by USER]\n"
	       "       gongkai doc show ID\n"
	       "       gongkai doc list [--state S] [--overdue [--all]] [--reassess] [--agency A]\n"
	       "                        [--topic T] [--genre G] [--year Y] [--validity V]\n"
	       "                        [--limit N]\n"
	       "       gongkai doc submit ID --by USER\n"
	       "       gongkai doc review ID --stage first|second|final --by USER\n"
	       "                          --decision approve|reject [--comment T] [--secrecy-checked]\n"
	       "       gongkai doc publish ID --by USER [--at DATE]\n"
	       "       gongkai doc withdraw ID --by USER --reason R\n"
	       "       gongkai doc history ID | topics | genres\n"
	       "       gongkai doc reread   (the text of every attachment read again, after an\n"
	       "                            upgrade; documents whose files changed re-indexed)\n"
	       "All take --json.\n"
	       "FIELDS: --doc-number 文号  --formed DATE (成文日期)  --genre G (体裁)\n"
	       "        --topic 一级\\二级 (主题分类)  --disclosure proactive|on-request|withheld\n"
	       "        --reason R --ground G (不予公开)  --time-limit T (公开时限)\n"
	       "        --validity valid|expired|repealed --invalid-date DATE --effective DATE\n"
	       "        --summary T (内容概述)  --keywords T (主题词)  --publisher P (发布机构)\n"
	       "        --attach FILE (PDF, DOCX, XLSX, .txt, PNG, JPEG, GIF; repeatable)\n"
	       "States: draft, first-review, second-review, final-review, approved, published,\n"
	       "withdrawn. 初审, 复审 and 终审 are each by a different user, none the author; 终审\n"
	       "needs --secrecy-checked (保密审查, 条例第十七条).\n");
}

struct args {
	const char *sub;
	struct doc_input in;
	const char *body_file;
	const char *attach[DOC_ATTACH_N + 1];
	size_t nattach;
	const char *agency, *state, *year, *limit, *stage, *decision, *comment, *at, *reason, *actor;
	int json, overdue, all, reassess, secrecy, help;
	int64_t id;
	int has_id;
};

/* The subcommands, as the marks of the options each accepts (besides --json, --by, --help). */
enum {
	D_ADD = 1u << 0, D_EDIT = 1u << 1, D_LIST = 1u << 2, D_REVIEW = 1u << 3,
	D_PUBLISH = 1u << 4, D_WITHDRAW = 1u << 5, D_NONE = 1u << 6,
	D_FIELDS = D_ADD | D_EDIT,
};

static const struct {
	const char *sub;
	unsigned mark;
	int needs_id;
} subs[] = {
	{ "add", D_ADD, 0 }, { "edit", D_EDIT, 1 }, { "show", D_NONE, 1 }, { "history", D_NONE, 1 },
	{ "list", D_LIST, 0 }, { "submit", D_NONE, 1 }, { "review", D_REVIEW, 1 },
	{ "publish", D_PUBLISH, 1 }, { "withdraw", D_WITHDRAW, 1 }, { "topics", D_NONE, 0 },
	{ "genres", D_NONE, 0 }, { "reread", D_NONE, 0 },
};

/* --reason: 不予公开's reason for add and edit, the withdrawal's for withdraw */
static int set_reason(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct args *g = rec;

	(void)option;
	(void)e;
	g->in.withheld_reason = g->reason = arg;
	return 0;
}

static int add_attachment(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct args *g = rec;

	if (g->nattach == DOC_ATTACH_N)
		return err_set(e, ERR_LIMIT, option, "at most %d attachments", DOC_ATTACH_N);
	g->attach[g->nattach++] = arg;
	return 0;
}

#define O(field) offsetof(struct args, field)
#define TEXT(n, field, mark) { .name = (n), .type = CLI_OPT_TEXT, .offset = O(field), .tag = (mark) }
/* an option spelt otherwise than the field it gives (id) */
#define FIELD(n, field, id_, mark) { .name = (n), .type = CLI_OPT_TEXT, .offset = O(field), \
				      .tag = (mark), .id = (id_) }
#define FLAG(n, field, mark) { .name = (n), .type = CLI_OPT_FLAG, .offset = O(field), .tag = (mark) }
static const struct cli_opt doc_options[] = {
	TEXT("title", in.title, D_FIELDS),
	FIELD("body-file", body_file, "body", D_FIELDS),
	FIELD("doc-number", in.doc_no, "doc_no", D_FIELDS),
	FIELD("formed", in.signed_date, "signed_date", D_FIELDS),
	TEXT("genre", in.genre, D_FIELDS | D_LIST),
	TEXT("topic", in.topic, D_FIELDS | D_LIST),
	TEXT("disclosure", in.disclosure, D_FIELDS),
	{ .name = "reason", .type = CLI_OPT_CALL, .set = set_reason, .tag = D_FIELDS | D_WITHDRAW,
	  .id = "withheld_reason" },
	FIELD("ground", in.withheld_ground, "withheld_ground", D_FIELDS),
	TEXT("time-limit", in.time_limit, D_FIELDS),
	TEXT("validity", in.validity, D_FIELDS | D_LIST),
	TEXT("invalid-date", in.invalid_date, D_FIELDS),
	FIELD("effective", in.effective_date, "effective_date", D_FIELDS),
	TEXT("summary", in.summary, D_FIELDS),
	TEXT("keywords", in.keywords, D_FIELDS),
	TEXT("publisher", in.publisher, D_FIELDS),
	{ .name = "attach", .type = CLI_OPT_CALL, .set = add_attachment, .tag = D_FIELDS,
	  .id = "attachment" },
	TEXT("agency", agency, D_ADD | D_LIST),
	TEXT("by", actor, 0),
	FLAG("json", json, 0),
	TEXT("state", state, D_LIST),
	FLAG("overdue", overdue, D_LIST),
	FLAG("all", all, D_LIST),
	FLAG("reassess", reassess, D_LIST),
	TEXT("year", year, D_LIST),
	TEXT("limit", limit, D_LIST),
	TEXT("stage", stage, D_REVIEW),
	TEXT("decision", decision, D_REVIEW),
	TEXT("comment", comment, D_REVIEW),
	FLAG("secrecy-checked", secrecy, D_REVIEW),
	TEXT("at", at, D_PUBLISH),
	FLAG("help", help, 0),
	{ .name = NULL },
};
#undef TEXT
#undef FLAG
#undef O

static int parse(struct cli *cli, int argc, char **argv, struct args *g)
{
	char sub[32];
	size_t k;
	int x;

	for (k = 0; k < sizeof subs / sizeof subs[0]; k++)
		if (strcmp(subs[k].sub, g->sub) == 0)
			break;
	if (k == sizeof subs / sizeof subs[0])
		return cli_usage_error("doc", "unknown subcommand '%s'", g->sub);
	snprintf(sub, sizeof sub, "doc %s", g->sub);
	if ((x = cli_opts_sub("doc", doc_options, g, argc, argv, subs[k].mark, sub, help)) != 0)
		return x;
	if (g->actor)
		cli->actor = g->actor;
	if (subs[k].needs_id) {
		struct gk_error e = { 0 };
		if (optind + 1 != argc)
			return cli_usage_error("doc", "%s: give exactly one document ID", g->sub);
		if (cli_parse_id(argv[optind], "ID", &g->id, &e) != 0)
			return cli_error(&e);
		g->has_id = 1;
	} else if (optind < argc) {
		return cli_usage_error("doc", "%s: unexpected argument '%s'", g->sub, argv[optind]);
	}
	return 0;
}

/* Print a finished JSON buffer; CLI_PROBLEMS if it could not be built. */
static int print_json(struct jsonw *w, struct buf *b)
{
	if (jsonw_finish(w) != 0) {
		fprintf(stderr, "gongkai: output too large\n");
		return CLI_PROBLEMS;
	}
	fputs(buf_cstr(b), stdout);
	return CLI_OK;
}

/* ---- add / edit ---- */

static int read_inputs(struct args *g, struct buf *body, struct buf *files,
		       struct doc_upload *ups, struct gk_error *e)
{
	int rc;

	if (g->body_file) {
		if ((rc = buf_read_file(body, g->body_file, e)) != 0)
			return rc;
		g->in.body = buf_cstr(body);
	}
	for (size_t i = 0; i < g->nattach; i++) {
		buf_init(&files[i], DOC_ATTACH_MAX);
		if ((rc = buf_read_file(&files[i], g->attach[i], e)) != 0) {
			if (rc == ERR_LIMIT)
				snprintf(e->field, sizeof e->field, "--attach");
			return rc;
		}
		ups[i] = (struct doc_upload){ g->attach[i], files[i].ptr ? files[i].ptr : "",
					      files[i].len };
	}
	g->in.uploads = ups;
	g->in.nuploads = g->nattach;
	return 0;
}

static int doc_add_edit(struct cli *cli, struct args *g)
{
	struct buf body, files[DOC_ATTACH_N];
	struct doc_upload ups[DOC_ATTACH_N];
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	const char *index_no = NULL;
	struct arena a;
	int64_t id = g->id;
	int rc, x;

	if (strcmp(g->sub, "add") == 0 && (g->in.title == NULL || g->body_file == NULL))
		return cli_usage_error("doc", "add: --title and --body-file are required");
	buf_init(&body, DOC_BODY_MAX);
	memset(files, 0, sizeof files);
	arena_init(&a);
	if ((rc = read_inputs(g, &body, files, ups, &e)) != 0) {
		x = cli_error(&e);
		goto out;
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		goto out;
	if ((rc = store_begin(s, &e)) == 0) {
		if (g->has_id)
			rc = catalogue_doc_edit(s, id, &g->in, &e);
		else if ((rc = cli_agency(s, g->agency, &a, &ag, &e)) == 0)
			rc = catalogue_doc_add(s, ag.id, &g->in, &a, &id, &index_no, &e);
	}
	if (rc == 0 && g->has_id) {
		struct doc d;
		if ((rc = catalogue_doc_get(s, id, &a, &d, &e)) == 0)
			index_no = d.index_no;
	}
	cli_opts_name_field(doc_options, &e);
	if ((x = cli_finish(s, rc, &e)) == CLI_OK) {
		if (g->json) {
			struct buf b;
			struct jsonw w;
			buf_init(&b, 0);
			jsonw_init(&w, &b, 1);
			jsonw_obj_begin(&w);
			jsonw_kint(&w, "id", id);
			jsonw_kstr(&w, "index_no", index_no);
			jsonw_obj_end(&w);
			x = print_json(&w, &b);
			buf_free(&b);
		} else {
			printf("%lld %s\n", (long long)id, index_no);
		}
	}
out:
	buf_free(&body);
	for (size_t i = 0; i < DOC_ATTACH_N; i++)
		buf_free(&files[i]);
	arena_free(&a);
	return x;
}

/* ---- show / history ---- */

static const char *or_dash(const char *s)
{
	return s && *s ? s : "—";
}

static void json_doc_fields(struct jsonw *w, const struct doc *d)
{
	jsonw_kint(w, "id", d->id);
	jsonw_kstr(w, "index_no", d->index_no);
	jsonw_kstr(w, "title", d->title);
	jsonw_kstr(w, "doc_no", d->doc_no);
	jsonw_kstr(w, "agency", d->agency);
	jsonw_kstr(w, "publisher", d->publisher);
	jsonw_kstr(w, "signed_date", d->signed_date);
	jsonw_kstr(w, "published_date", d->published_date);
	jsonw_kstr(w, "topic", d->topic);
	jsonw_kstr(w, "genre", d->genre);
	jsonw_kstr(w, "disclosure", d->disclosure);
	jsonw_kstr(w, "withheld_reason", d->withheld_reason);
	jsonw_kstr(w, "withheld_ground", d->withheld_ground);
	jsonw_kstr(w, "time_limit", d->time_limit);
	jsonw_kstr(w, "validity", d->validity);
	jsonw_kstr(w, "effective_date", d->effective_date);
	jsonw_kstr(w, "invalid_date", d->invalid_date);
	jsonw_kstr(w, "summary", d->summary);
	jsonw_kstr(w, "keywords", d->keywords);
	jsonw_kstr(w, "state", d->state);
	jsonw_kint(w, "round", d->round);
	jsonw_kstr(w, "author", d->author);
	jsonw_kstr(w, "reassess_due", d->reassess_due);
	jsonw_kstr(w, "created_at", d->created_at);
	jsonw_kstr(w, "updated_at", d->updated_at);
}

struct hist_ctx {
	struct jsonw *w;
};

static const char *stage_label(const char *id)
{
	int st = id ? publish_stage_parse(id) : -1;
	return st < 0 ? "" : publish_stages[st].label;
}

static int print_event(void *p, const struct doc_event *ev)
{
	struct hist_ctx *c = p;
	char at[DATE_SHOW_LEN];

	if (c->w) {
		jsonw_obj_begin(c->w);
		jsonw_kstr(c->w, "at", ev->at);
		jsonw_kstr(c->w, "actor", ev->actor);
		jsonw_kstr(c->w, "action", ev->action);
		jsonw_kint(c->w, "round", ev->round);
		jsonw_kstr(c->w, "stage", ev->stage);
		jsonw_kstr(c->w, "decision", ev->decision);
		jsonw_kstr(c->w, "comment", ev->comment);
		jsonw_kbool(c->w, "secrecy_checked", ev->secrecy_checked);
		jsonw_obj_end(c->w);
		return 0;
	}
	printf("  %s  %-10s %s", date_stamp_show(ev->at, at), ev->actor, ev->action);
	if (ev->stage)
		printf(" %s %s%s", stage_label(ev->stage),
		       strcmp(ev->decision, "approve") == 0 ? "通过" : "退回",
		       ev->secrecy_checked ? " (保密审查: 已审查)" : "");
	if (ev->comment)
		printf(" — %s", ev->comment);
	printf("\n");
	return 0;
}

static int doc_show(struct cli *cli, struct args *g, int history_only)
{
	struct doc_attachment *att = NULL;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct hist_ctx hc = { NULL };
	struct arena a;
	struct buf b;
	struct jsonw w;
	struct doc d;
	size_t natt = 0;
	int rc, x;

	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	buf_init(&b, 0);
	if ((rc = store_begin_read(s, &e)) != 0 ||
	    (rc = catalogue_doc_get(s, g->id, &a, &d, &e)) != 0 ||
	    (rc = catalogue_doc_attachments(s, g->id, &a, &att, &natt, &e)) != 0)
		goto done;
	if (g->json) {
		jsonw_init(&w, &b, 1);
		hc.w = &w;
		if (history_only) {
			jsonw_arr_begin(&w);
		} else {
			jsonw_obj_begin(&w);
			json_doc_fields(&w, &d);
			jsonw_kstr(&w, "body", d.body);
			jsonw_key(&w, "attachments");
			jsonw_arr_begin(&w);
			for (size_t i = 0; i < natt; i++) {
				jsonw_obj_begin(&w);
				jsonw_kint(&w, "id", att[i].id);
				jsonw_kstr(&w, "name", att[i].name);
				jsonw_kstr(&w, "mime", att[i].mime);
				jsonw_kint(&w, "size", att[i].size);
				jsonw_kstr(&w, "sha256", att[i].sha256);
				jsonw_kstr(&w, "text", att[i].text_state);
				jsonw_kstr(&w, "text_note", att[i].text_note);
				jsonw_obj_end(&w);
			}
			jsonw_arr_end(&w);
			jsonw_key(&w, "history");
			jsonw_arr_begin(&w);
		}
	} else if (!history_only) {
		printf("索引号    %s\n名称      %s\n文号      %s\n发布机构  %s\n成文日期  %s\n"
		       "发布日期  %s\n主题分类  %s\n体裁分类  %s\n公开方式  %s\n",
		       d.index_no, d.title, or_dash(d.doc_no), d.publisher, or_dash(d.signed_date),
		       or_dash(d.published_date), or_dash(d.topic), d.genre,
		       doc_label(doc_disclosure_ids, doc_disclosure_labels, DISCLOSURE__MAX,
				 d.disclosure));
		if (d.withheld_reason)
			printf("不予公开  %s (依据: %s; 下次复核 %s)\n", d.withheld_reason,
			       or_dash(d.withheld_ground), or_dash(d.reassess_due));
		printf("公开时限  %s\n有效性    %s%s%s\n", or_dash(d.time_limit),
		       doc_label(doc_validity_ids, doc_validity_labels, VALIDITY__MAX, d.validity),
		       d.invalid_date ? " " : "", d.invalid_date ? d.invalid_date : "");
		if (d.summary)
			printf("内容概述  %s\n", d.summary);
		if (d.keywords)
			printf("主题词    %s\n", d.keywords);
		printf("状态      %s (%s)  作者 %s\n", doc_label(doc_state_ids, doc_state_labels,
							       DOC_STATE__MAX, d.state), d.state,
		       d.author);
		for (size_t i = 0; i < natt; i++)
			printf("附件      %s (%s, %lld bytes, sha256 %s)\n", att[i].name, att[i].mime,
			       (long long)att[i].size, att[i].sha256);
		printf("\n%s\n\n历史:\n", d.body);
	}
	rc = publish_history(s, g->id, print_event, &hc, &e);
	if (rc == 0 && g->json) {
		jsonw_arr_end(&w);
		if (!history_only)
			jsonw_obj_end(&w);
		x = print_json(&w, &b);
	}
done:
	if ((rc = cli_finish(s, rc, &e)) != CLI_OK)
		x = rc;
	buf_free(&b);
	arena_free(&a);
	return x;
}

/* ---- list ---- */

struct list_ctx {
	struct jsonw *w;
	int n;
};

static int print_doc(void *p, const struct doc *d)
{
	struct list_ctx *c = p;

	c->n++;
	if (c->w) {
		jsonw_obj_begin(c->w);
		json_doc_fields(c->w, d);
		jsonw_obj_end(c->w);
		return 0;
	}
	printf("%-5lld %-32s %-14s %-10s %s\n", (long long)d->id, d->index_no, d->state,
	       or_dash(d->published_date), d->title);
	return 0;
}

static int print_overdue(void *p, const struct overdue_doc *o)
{
	struct list_ctx *c = p;
	char f[DATE_LEN], due[DATE_LEN];

	c->n++;
	date_format(o->formed, f);
	date_format(o->due, due);
	if (c->w) {
		jsonw_obj_begin(c->w);
		json_doc_fields(c->w, o->doc);
		jsonw_kstr(c->w, "formed", f);
		jsonw_kstr(c->w, "publication_due", due);
		jsonw_kbool(c->w, "late", o->late);
		jsonw_kbool(c->w, "verified", o->verified);
		jsonw_kstr(c->w, "derivation", o->derivation);
		jsonw_obj_end(c->w);
		return 0;
	}
	printf("%lld %s %s — %s (%s)\n  REQ 条例第二十六条: 成文/变更 %s, 应于 %s 前公开%s\n%s",
	       (long long)o->doc->id, o->doc->index_no, o->doc->title, o->doc->state,
	       doc_label(doc_state_ids, doc_state_labels, DOC_STATE__MAX, o->doc->state), f, due,
	       o->late ? " — 已逾期" : "", o->derivation);
	return 0;
}

static int doc_list(struct cli *cli, struct args *g)
{
	struct doc_filter f = { 0 };
	struct gk_error e = { 0 };
	struct buf topic;
	struct calendar *cal = NULL;
	struct list_ctx lc = { NULL, 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf b;
	struct jsonw w;
	char today_s[DATE_LEN];
	int rc = 0, x, today = date_today();

	if (g->state && doc_enum_parse(doc_state_ids, doc_state_labels, DOC_STATE__MAX,
				       g->state) < 0)
		return cli_usage_error("doc", "list: unknown --state '%s' (draft, first-review, "
				       "second-review, final-review, approved, published, withdrawn)",
				       g->state);
	if (g->state)
		f.state = doc_state_ids[doc_enum_parse(doc_state_ids, doc_state_labels,
						       DOC_STATE__MAX, g->state)];
	if (g->in.validity) {
		int v = doc_enum_parse(doc_validity_ids, doc_validity_labels, VALIDITY__MAX,
				       g->in.validity);
		if (v < 0)
			return cli_usage_error("doc", "list: --validity is valid, expired or repealed");
		f.validity = doc_validity_ids[v];
	}
	if (g->in.topic && catalogue_topic_find(g->in.topic) == NULL)
		return cli_usage_error("doc", "list: unknown --topic '%s'", g->in.topic);
	if (g->in.genre && (f.genre = catalogue_genre_find(g->in.genre)) == NULL)
		return cli_usage_error("doc", "list: unknown --genre '%s'", g->in.genre);
	if (g->year && (x = cli_opt_int(g->year, "--year", 1900, 2199, &f.year)) != 0)
		return x;
	if (g->limit && (x = cli_opt_int(g->limit, "--limit", 1, 100000, &f.limit)) != 0)
		return x;
	if (g->overdue && cli_load_calendar(cli, &cal) != 0)
		return CLI_USAGE;
	f.today = date_format(today, today_s);
	if ((x = cli_open_store(cli, 0, &s)) != 0) {
		calendar_free(cal);
		return x;
	}
	buf_init(&topic, 1024);
	if (g->in.topic && catalogue_topic_path(catalogue_topic_find(g->in.topic), &topic) == 0)
		f.topic = buf_cstr(&topic);
	arena_init(&a);
	buf_init(&b, 0);
	if (g->json) {
		jsonw_init(&w, &b, 1);
		jsonw_arr_begin(&w);
		lc.w = &w;
	}
	if ((rc = store_begin_read(s, &e)) == 0 && g->agency &&
	    (rc = cli_agency(s, g->agency, &a, &ag, &e)) == 0)
		f.agency_id = ag.id;
	if (rc == 0) {
		if (g->overdue)
			rc = publish_overdue(s, cal, &f, today, g->all, print_overdue, &lc, &e);
		else if (g->reassess)
			rc = publish_reassess_due(s, &f, today, print_doc, &lc, &e);
		else
			rc = catalogue_doc_list(s, &f, print_doc, &lc, &e);
	}
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK && g->json) {
		jsonw_arr_end(&w);
		x = print_json(&w, &b);
	} else if (x == CLI_OK && lc.n == 0) {
		printf(g->overdue ? "no document is overdue\n" : "no documents\n");
	}
	buf_free(&topic);
	calendar_free(cal);
	buf_free(&b);
	arena_free(&a);
	return x;
}

/* ---- workflow ---- */

static int doc_flow(struct cli *cli, struct args *g)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct arena a;
	struct doc d;
	int rc = 0, x, at = 0;
	char actor[STORE_ACTOR_MAX];

	if (cli->actor == NULL)
		return cli_usage_error("doc", "%s: --by USER is required", g->sub);
	if (g->at && date_parse(g->at, &at, "--at", &e) != 0)
		return cli_error(&e);
	if (strcmp(g->sub, "review") == 0 && (g->stage == NULL || g->decision == NULL))
		return cli_usage_error("doc", "review: --stage and --decision are required");
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	cli_actor(cli, actor, sizeof actor);
	arena_init(&a);
	if ((rc = store_begin(s, &e)) == 0) {
		if (strcmp(g->sub, "submit") == 0) {
			rc = publish_submit(s, g->id, actor, &e);
		} else if (strcmp(g->sub, "review") == 0) {
			struct review_request r = { .reviewer = actor, .comment = g->comment,
						    .secrecy_checked = g->secrecy };
			int st = publish_stage_parse(g->stage);
			if (st < 0)
				rc = err_set(&e, ERR_INVALID, "--stage", "first, second or final");
			else if (strcmp(g->decision, "approve") && strcmp(g->decision, "reject"))
				rc = err_set(&e, ERR_INVALID, "--decision", "approve or reject");
			r.stage = (enum review_stage)(st < 0 ? 0 : st);
			r.approve = strcmp(g->decision, "approve") == 0;
			if (rc == 0)
				rc = publish_review(s, g->id, &r, &e);
		} else if (strcmp(g->sub, "publish") == 0) {
			rc = publish_publish(s, g->id, actor, at, &e);
		} else {
			rc = publish_withdraw(s, g->id, actor, g->reason, &e);
		}
	}
	if (rc == 0)
		rc = catalogue_doc_get(s, g->id, &a, &d, &e);
	cli_opts_name_field(doc_options, &e);
	if ((x = cli_finish(s, rc, &e)) == CLI_OK) {
		if (g->json) {
			struct buf b;
			struct jsonw w;
			buf_init(&b, 0);
			jsonw_init(&w, &b, 1);
			jsonw_obj_begin(&w);
			jsonw_kint(&w, "id", d.id);
			jsonw_kstr(&w, "index_no", d.index_no);
			jsonw_kstr(&w, "state", d.state);
			jsonw_kstr(&w, "published_date", d.published_date);
			jsonw_obj_end(&w);
			x = print_json(&w, &b);
			buf_free(&b);
		} else {
			printf("%lld %s %s%s%s\n", (long long)d.id, d.state,
			       doc_label(doc_state_ids, doc_state_labels, DOC_STATE__MAX, d.state),
			       d.published_date ? " " : "", d.published_date ? d.published_date : "");
		}
	}
	arena_free(&a);
	return x;
}

static int doc_tables(struct args *g)
{
	struct buf b;
	struct jsonw w;
	int topics = strcmp(g->sub, "topics") == 0, x;

	buf_init(&b, 0);
	jsonw_init(&w, &b, 1);
	jsonw_arr_begin(&w);
	if (topics) {
		for (size_t i = 0; i < catalogue_topics_n; i++) {
			const struct topic *t = &catalogue_topics[i];
			if (g->json) {
				jsonw_obj_begin(&w);
				jsonw_kstr(&w, "code", t->code);
				jsonw_kstr(&w, "l1", t->l1);
				jsonw_kstr(&w, "l2", t->l2);
				jsonw_obj_end(&w);
			} else if (t->l2) {
				printf("  %s  %s\\%s\n", t->code, t->l1, t->l2);
			} else {
				printf("%s  %s\n", t->code, t->l1);
			}
		}
	} else {
		for (size_t i = 0; i < catalogue_genres_n; i++) {
			if (g->json)
				jsonw_str(&w, catalogue_genres[i]);
			else
				printf("%s\n", catalogue_genres[i]);
		}
	}
	jsonw_arr_end(&w);
	x = g->json ? print_json(&w, &b) : CLI_OK;
	buf_free(&b);
	return x;
}

/* ---- attachments read again ---- */

static void reread_progress(void *ctx, const struct catalogue_reread *r)
{
	(void)ctx;
	if (r->docs % 1000 == 0)
		fprintf(stderr, "… %" PRId64 " documents, %" PRId64 " files read, %" PRId64 " changed\n",
			r->docs, r->files, r->changed);
}

static int doc_reread(struct cli *cli, struct args *g)
{
	struct catalogue_reread r;
	struct gk_error e = { 0 };
	struct store *s;
	int x;

	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	x = cli_finish(s, catalogue_files_read_again(s, &r, reread_progress, NULL, &e), &e);
	if (g->json) {
		printf("{\"documents\": %" PRId64 ", \"files\": %" PRId64 ", \"changed\": %" PRId64
		       ", \"reindexed\": %" PRId64 "}\n", r.docs, r.files, r.changed, r.reindexed);
	} else {
		printf("%" PRId64 " files of %" PRId64 " documents read again: %" PRId64 " with a new "
		       "text, %" PRId64 " documents re-indexed\n", r.files, r.docs, r.changed,
		       r.reindexed);
	}
	return x;
}

int cmd_doc(struct cli *cli, int argc, char **argv)
{
	struct args g;
	int x;

	memset(&g, 0, sizeof g);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help(stdout);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	g.sub = argv[1];
	if ((x = parse(cli, argc - 1, argv + 1, &g)) != 0)
		return x < 0 ? CLI_OK : x;
	if (strcmp(g.sub, "add") == 0 || strcmp(g.sub, "edit") == 0)
		return doc_add_edit(cli, &g);
	if (strcmp(g.sub, "show") == 0 || strcmp(g.sub, "history") == 0)
		return doc_show(cli, &g, strcmp(g.sub, "history") == 0);
	if (strcmp(g.sub, "list") == 0)
		return doc_list(cli, &g);
	if (strcmp(g.sub, "topics") == 0 || strcmp(g.sub, "genres") == 0)
		return doc_tables(&g);
	if (strcmp(g.sub, "reread") == 0)
		return doc_reread(cli, &g);
	return doc_flow(cli, &g);
}

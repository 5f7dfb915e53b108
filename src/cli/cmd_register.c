/*
 * cmd_register.c — `gongkai register …`: keep the registers that feed Table 二 and 四.
 *
 *   gongkai register                                  the registers and their fields
 *   gongkai register KIND add [--agency A] --FIELD VALUE …
 *   gongkai register KIND list [--agency A] [--year Y] [--json]
 *   gongkai register KIND set ID [--agency A] --FIELD VALUE …   change fields (empty clears)
 *   gongkai register KIND remove ID [--agency A]                 an entry made in error
 *   gongkai register KIND import FILE.csv [--agency A]
 *   gongkai register report --year Y [--agency A] [--json]   the register figures of the report
 *
 * KIND: normdoc, decision, fee, case, feedback, news (domain/register.h). The options of add
 * are the register's field names with '-' for '_' (--doc-no), the CSV columns the field names.
 * One transaction per command: an import with one bad row stores nothing.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/registers.h"
#include "text/csv.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/money.h"

static void usage(FILE *f)
{
	fprintf(f, "Usage: gongkai register KIND add [--agency A] --FIELD VALUE ...\n"
		   "       gongkai register KIND list [--agency A] [--year Y] [--json]\n"
		   "       gongkai register KIND set ID [--agency A] --FIELD VALUE ...   (empty VALUE clears)\n"
		   "       gongkai register KIND remove ID [--agency A]\n"
		   "       gongkai register KIND import FILE.csv [--agency A]\n"
		   "       gongkai register report --year Y [--agency A] [--json]\n\n"
		   "Registers (KIND) and their fields (CSV columns; options with '-' for '_'):\n");
	for (int k = 0; k < REG__MAX; k++) {
		const struct reg_desc *d = &reg_descs[k];
		fprintf(f, "\n  %s — %s\n", d->name, d->title);
		for (size_t i = 0; i < d->nfields; i++)
			fprintf(f, "    %-14s %s%s\n", d->fields[i].name, d->fields[i].required ? "(required) " : "",
				d->fields[i].help);
	}
}

/* "--doc-no" for field "doc_no" (static buffer, one at a time). */
static const char *option_name(const char *field, char out[64])
{
	size_t i;

	for (i = 0; field[i] && i < 62; i++)
		out[i] = field[i] == '_' ? '-' : field[i];
	out[i] = '\0';
	return out;
}

/* Prefix an error's field with "--" and turn '_' into '-', so it names the option typed. */
static void name_option(struct gk_error *e)
{
	char opt[64], field[64];

	if (e->field[0] == '\0' || strchr(e->field, ':') || strchr(e->field, ' '))
		return;
	snprintf(field, sizeof field, "--%.60s", option_name(e->field, opt));
	memcpy(e->field, field, sizeof field);
}

/* The options of add / set: one per field, plus --agency and --help. */
struct fieldopts {
	struct reg_kv kv[REG_MAX_FIELDS];
	size_t n;
	const char *agency;
	int help;
	char names[REG_MAX_FIELDS][64];   /* the fields' names, as kv points at them */
};

/* A field's value ("--doc-no V"): the pair doc_no=V, in the order given. */
static int add_field(void *rec, const char *value, const char *option, struct gk_error *e)
{
	struct fieldopts *fo = rec;
	size_t i;

	if (fo->n >= REG_MAX_FIELDS)
		return err_set(e, ERR_LIMIT, option + 2, "字段太多");
	for (i = 0; option[i + 2] && i < 63; i++)
		fo->names[fo->n][i] = option[i + 2] == '-' ? '_' : option[i + 2];
	fo->names[fo->n][i] = '\0';
	fo->kv[fo->n] = (struct reg_kv){ fo->names[fo->n], value };
	fo->n++;
	return 0;
}

/* Parse argv (argv[0] = the action); returns -1 to go on, else the exit status. Positional
 * arguments are left from optind. */
static int read_field_options(const struct reg_desc *d, int argc, char **argv, struct fieldopts *fo)
{
	struct cli_opt t[REG_MAX_FIELDS + 3];
	char names[REG_MAX_FIELDS][64];
	char cmd[64];
	size_t k;
	int x;

	memset(fo, 0, sizeof *fo);
	for (k = 0; k < d->nfields; k++)
		t[k] = (struct cli_opt){ .name = option_name(d->fields[k].name, names[k]),
					 .type = CLI_OPT_CALL, .set = add_field };
	t[k++] = (struct cli_opt){ .name = "agency", .type = CLI_OPT_TEXT,
				   .offset = offsetof(struct fieldopts, agency) };
	t[k++] = (struct cli_opt){ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG,
				   .offset = offsetof(struct fieldopts, help) };
	t[k] = (struct cli_opt){ .name = NULL };
	snprintf(cmd, sizeof cmd, "register %s %s", d->name, argv[0]);
	if ((x = cli_opts_read(cmd, t, fo, argc, argv, NULL, usage)) != 0)
		return x < 0 ? CLI_OK : x;
	return -1;
}

static int do_add(struct cli *cli, const struct reg_desc *d, int argc, char **argv)
{
	struct fieldopts fo;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct reg_record rec;
	struct store *s = NULL;
	struct arena a;
	int rc, x;

	if ((x = read_field_options(d, argc, argv, &fo)) >= 0)
		return x;
	if (optind < argc)
		return cli_usage_error("register", "unexpected argument '%s'", argv[optind]);
	arena_init(&a);
	if ((rc = reg_record_parse(d, fo.kv, fo.n, &a, &rec, &e)) != 0) {
		name_option(&e);
		arena_free(&a);
		return cli_error(&e);
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0) {
		arena_free(&a);
		return x;
	}
	if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, fo.agency, &a, &ag, &e)) == 0 &&
	    (rc = registers_add(s, ag.id, &rec, &a, &e)) == 0) {
		if (rec.kind == REG_FEEDBACK)
			printf("%lld %s\n", (long long)rec.id, rec.v[FEEDBACK_REF_NO].s);
		else
			printf("%lld\n", (long long)rec.id);
	}
	if (rc != 0)
		name_option(&e);
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

/* `set ID --FIELD VALUE …` and `remove ID`. */
static int do_change(struct cli *cli, const struct reg_desc *d, int argc, char **argv, int remove)
{
	struct fieldopts fo;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	int64_t id;
	int rc, x;

	if ((x = read_field_options(d, argc, argv, &fo)) >= 0)
		return x;
	if (optind != argc - 1)
		return cli_usage_error("register", "%s %s needs the entry's ID", d->name, argv[0]);
	if ((rc = cli_parse_id(argv[optind], "ID", &id, &e)) != 0)
		return cli_error(&e);
	if (remove && fo.n)
		return cli_usage_error("register", "remove takes no field options");
	if (!remove && fo.n == 0)
		return cli_usage_error("register", "set needs at least one --FIELD VALUE");
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, fo.agency, &a, &ag, &e)) == 0) {
		rc = remove ? registers_remove(s, ag.id, d->kind, id, &a, &e)
			    : registers_set(s, ag.id, d->kind, id, fo.kv, fo.n, &a, NULL, &e);
		if (rc == 0)
			printf("%s %s entry %lld\n", remove ? "removed" : "changed", d->name, (long long)id);
	}
	if (rc != 0)
		name_option(&e);
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

/* One line per entry: id, then field=value pairs of the set fields. */
/* The options of register list, import and report; .tag: which of them takes it. */
struct reg_opts {
	const char *agency;
	int year, json, by_filing_year, count_co_defendant, help;
};
enum { R_LIST = 1u << 0, R_IMPORT = 1u << 1, R_REPORT = 1u << 2 };

#define O(field) offsetof(struct reg_opts, field)
static const struct cli_opt reg_options[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "year", .type = CLI_OPT_INT, .offset = O(year), .lo = 1900, .hi = 2199,
	  .tag = R_LIST | R_REPORT },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json), .tag = R_LIST | R_REPORT },
	{ .name = "by-filing-year", .type = CLI_OPT_FLAG, .offset = O(by_filing_year), .tag = R_REPORT },
	{ .name = "count-co-defendant", .type = CLI_OPT_FLAG, .offset = O(count_co_defendant),
	  .tag = R_REPORT },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

/* Read the options of action (R_*, named sub) into o: 0 to go on, -1 after --help, else the
 * exit status. */
static int read_reg_options(int argc, char **argv, unsigned action, const char *sub,
			    struct reg_opts *o)
{
	uint64_t given;
	int x;

	memset(o, 0, sizeof *o);
	if ((x = cli_opts_parse("register", reg_options, o, argc, argv, &given)) != 0 ||
	    (x = cli_opts_only("register", reg_options, given, action, sub)) != 0)
		return x;
	if (o->help) {
		usage(stdout);
		return -1;
	}
	return 0;
}

static int print_text(const struct reg_desc *d, const struct reg_record *recs, size_t n)
{
	struct buf b;
	int rc = 0;

	buf_init(&b, 0);
	for (size_t i = 0; i < n && rc == 0; i++) {
		buf_reset(&b);
		rc = buf_printf(&b, "%lld", (long long)recs[i].id);
		for (size_t f = 0; f < d->nfields && rc == 0; f++) {
			if (!recs[i].v[f].set)
				continue;
			if ((rc = buf_printf(&b, "  %s=", d->fields[f].name)) == 0)
				rc = reg_value_format(d, (int)f, &recs[i], &b);
		}
		if (rc == 0) {
			for (char *p = b.ptr; *p; p++)
				if (*p == '\n')
					*p = ' ';
			puts(buf_cstr(&b));
		}
	}
	buf_free(&b);
	return rc;
}

static int print_json(const struct reg_desc *d, const struct reg_record *recs, size_t n)
{
	struct buf b;
	struct jsonw w;
	int rc;

	buf_init(&b, 0);
	jsonw_init(&w, &b, 1);
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < n; i++)
		registers_record_json(&w, d, &recs[i], 1);
	jsonw_arr_end(&w);
	rc = cli_jsonw_print(&w, NULL);
	buf_free(&b);
	return rc;
}

static int do_list(struct cli *cli, const struct reg_desc *d, int argc, char **argv)
{
	struct reg_opts o;
	const char *agency;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct reg_record *recs;
	struct store *s = NULL;
	struct arena a;
	size_t n = 0, kept = 0;
	char sub[64];
	int rc, x, json, year;

	snprintf(sub, sizeof sub, "register %s list", d->name);
	if ((x = read_reg_options(argc, argv, R_LIST, sub, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	agency = o.agency;
	json = o.json;
	year = o.year;
	if (optind < argc)
		return cli_usage_error("register", "unexpected argument '%s'", argv[optind]);
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, agency, &a, &ag, &e)) == 0 &&
	    (rc = registers_list(s, ag.id, d->kind, &a, &recs, &n, &e)) == 0) {
		for (size_t i = 0; i < n; i++)   /* --year: entries counting in that year */
			if (year == 0 || reg_record_year(&recs[i]) == year)
				recs[kept++] = recs[i];
		rc = json ? print_json(d, recs, kept) : print_text(d, recs, kept);
		if (rc != 0)
			err_set(&e, rc, "", "output too large");
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

static int do_import(struct cli *cli, const struct reg_desc *d, int argc, char **argv)
{
	struct reg_opts o;
	const char *agency, *path, *label;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf file;
	size_t added = 0;
	char sub[64];
	int rc, x;

	snprintf(sub, sizeof sub, "register %s import", d->name);
	if ((x = read_reg_options(argc, argv, R_IMPORT, sub, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	agency = o.agency;
	if (optind != argc - 1)
		return cli_usage_error("register", "%s import needs one FILE.csv", d->name);
	path = argv[optind];
	label = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	buf_init(&file, CSV_LIMITS_DEFAULT.max_bytes);
	if ((rc = buf_read_file(&file, path, &e)) != 0) {
		if (rc == ERR_LIMIT)
			err_set(&e, rc, path, "larger than %zu bytes (split it)", CSV_LIMITS_DEFAULT.max_bytes);
		buf_free(&file);
		return cli_error(&e);
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0) {
		buf_free(&file);
		return x;
	}
	arena_init(&a);
	if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, agency, &a, &ag, &e)) == 0 &&
	    (rc = registers_import_csv(s, ag.id, d, file.ptr ? file.ptr : "", file.len, label, &a, &added, &e)) == 0)
		printf("imported %zu %s entr%s from %s\n", added, d->name, added == 1 ? "y" : "ies", label);
	x = cli_finish(s, rc, &e);
	if (rc != 0)
		fprintf(stderr, "gongkai: nothing was imported from %s\n", label);
	arena_free(&a);
	buf_free(&file);
	return x;
}

static void json_group(struct jsonw *w, const char *key, const struct table4_group *g)
{
	jsonw_key(w, key);
	jsonw_obj_begin(w);
	jsonw_kint(w, "upheld", g->upheld);
	jsonw_kint(w, "corrected", g->corrected);
	jsonw_kint(w, "other", g->other);
	jsonw_kint(w, "pending", g->pending);
	jsonw_kint(w, "total", g->total);
	jsonw_obj_end(w);
}

static void json_docs(struct jsonw *w, const char *key, const struct table2_docs *d)
{
	jsonw_key(w, key);
	jsonw_obj_begin(w);
	jsonw_kint(w, "issued", d->issued);
	jsonw_kint(w, "repealed", d->repealed);
	jsonw_kint(w, "in_force", d->in_force);
	jsonw_obj_end(w);
}

static int print_report(int year, const struct table2 *t2, const struct table4 *t4, const struct reg_narrative *nar,
			int json)
{
	char wan[MONEY_LEN], yuan[MONEY_LEN];
	const struct table4_group *g[3] = { &t4->rev, &t4->lit_direct, &t4->lit_after_rev };
	static const char *const gname[3] = { "行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉" };
	struct buf b;
	struct jsonw w;
	int rc;

	money_format_wan(t2->admin_fee_fen, wan);
	money_format_yuan(t2->admin_fee_fen, yuan);
	if (!json) {
		printf("%d年 — 主动公开政府信息情况 (Table 二)\n", year);
		printf("  规章            本年制发 %lld  本年废止 %lld  现行有效 %lld\n", (long long)t2->rule.issued,
		       (long long)t2->rule.repealed, (long long)t2->rule.in_force);
		printf("  行政规范性文件  本年制发 %lld  本年废止 %lld  现行有效 %lld\n", (long long)t2->normdoc.issued,
		       (long long)t2->normdoc.repealed, (long long)t2->normdoc.in_force);
		printf("  行政许可        本年处理决定 %lld\n", (long long)t2->licensing);
		printf("  行政处罚        本年处理决定 %lld\n", (long long)t2->penalty);
		printf("  行政强制        本年处理决定 %lld\n", (long long)t2->coercion);
		printf("  行政事业性收费  本年收费金额 %s 万元 (%s 元)\n", wan, yuan);
		printf("%d年 — 政府信息公开行政复议、行政诉讼情况 (Table 四)\n", year);
		for (int i = 0; i < 3; i++)
			printf("  %s: 结果维持 %lld  结果纠正 %lld  其他结果 %lld  尚未审结 %lld  总计 %lld\n", gname[i],
			       (long long)g[i]->upheld, (long long)g[i]->corrected, (long long)g[i]->other,
			       (long long)g[i]->pending, (long long)g[i]->total);
		if (t4->excluded_co_defendant)
			printf("  (%lld co-defendant case(s) left out: 国办公开办函〔2016〕201号)\n",
			       (long long)t4->excluded_co_defendant);
		printf("News published: %lld", (long long)nar->news_total);
		for (size_t i = 0; i < nar->news_platforms; i++)
			printf("%s %s %lld", i ? "," : ":", nar->news[i].name, (long long)nar->news[i].n);
		printf("\nFeedback received: %lld (hotline %lld, mailbox %lld, web %lld)\n",
		       (long long)nar->feedback_total, (long long)nar->feedback[FEEDBACK_C_HOTLINE],
		       (long long)nar->feedback[FEEDBACK_C_MAILBOX], (long long)nar->feedback[FEEDBACK_C_WEB]);
		return 0;
	}
	buf_init(&b, 0);
	jsonw_init(&w, &b, 1);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "year", year);
	jsonw_key(&w, "t2");
	jsonw_obj_begin(&w);
	json_docs(&w, "rule", &t2->rule);
	json_docs(&w, "normdoc", &t2->normdoc);
	jsonw_kint(&w, "licensing", t2->licensing);
	jsonw_kint(&w, "penalty", t2->penalty);
	jsonw_kint(&w, "coercion", t2->coercion);
	jsonw_kint(&w, "admin_fee_fen", t2->admin_fee_fen);
	jsonw_kstr(&w, "admin_fee_wan", wan);
	jsonw_obj_end(&w);
	jsonw_key(&w, "t4");
	jsonw_obj_begin(&w);
	json_group(&w, "rev", &t4->rev);
	json_group(&w, "lit_direct", &t4->lit_direct);
	json_group(&w, "lit_after_rev", &t4->lit_after_rev);
	jsonw_kint(&w, "excluded_co_defendant", t4->excluded_co_defendant);
	jsonw_obj_end(&w);
	jsonw_key(&w, "news");
	jsonw_obj_begin(&w);
	for (size_t i = 0; i < nar->news_platforms; i++)
		jsonw_kint(&w, nar->news[i].name, nar->news[i].n);
	jsonw_obj_end(&w);
	jsonw_kint(&w, "news_total", nar->news_total);
	jsonw_key(&w, "feedback");
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "hotline", nar->feedback[FEEDBACK_C_HOTLINE]);
	jsonw_kint(&w, "mailbox", nar->feedback[FEEDBACK_C_MAILBOX]);
	jsonw_kint(&w, "web", nar->feedback[FEEDBACK_C_WEB]);
	jsonw_obj_end(&w);
	jsonw_obj_end(&w);
	rc = cli_jsonw_print(&w, NULL);
	buf_free(&b);
	return rc;
}

static int do_report(struct cli *cli, int argc, char **argv)
{
	struct reg_opts o;
	struct table4_rules rules = table4_rules_default();
	const char *agency;
	struct gk_error e = { 0 };
	struct agency_rec ag;
	struct reg_narrative nar;
	struct reg_record *recs;
	size_t n;
	struct table2 t2;
	struct table4 t4;
	struct store *s = NULL;
	struct arena a;
	int rc, x, json, year;

	if ((x = read_reg_options(argc, argv, R_REPORT, "register report", &o)) != 0)
		return x < 0 ? CLI_OK : x;
	agency = o.agency;
	json = o.json;
	year = o.year;
	if (o.by_filing_year)
		rules.basis = TABLE4_BY_FILING_YEAR;
	if (o.count_co_defendant)
		rules.exclude_co_defendant = 0;
	if (year == 0)
		return cli_usage_error("register", "report needs --year YYYY");
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin_read(s, &e)) == 0 && (rc = cli_agency(s, agency, &a, &ag, &e)) == 0 &&
	    (rc = registers_report_records(s, ag.id, 1, &a, &recs, &n, &e)) == 0) {
		registers_year(recs, n, year, &rules, &a, &t2, &t4, &nar);
		if ((rc = print_report(year, &t2, &t4, &nar, json)) != 0)
			err_set(&e, rc, "", "output too large");
	}
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	return x;
}

int cmd_register(struct cli *cli, int argc, char **argv)
{
	const struct reg_desc *d;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	if (strcmp(argv[1], "report") == 0)
		return do_report(cli, argc - 1, argv + 1);
	d = reg_desc_find(argv[1]);
	if (d == NULL)
		return cli_usage_error("register", "no register named '%s' (normdoc, decision, fee, case, feedback, news)",
				       argv[1]);
	if (argc < 3)
		return cli_usage_error("register", "%s: add, list, set, remove or import?", d->name);
	if (strcmp(argv[2], "add") == 0)
		return do_add(cli, d, argc - 2, argv + 2);
	if (strcmp(argv[2], "list") == 0)
		return do_list(cli, d, argc - 2, argv + 2);
	if (strcmp(argv[2], "import") == 0)
		return do_import(cli, d, argc - 2, argv + 2);
	if (strcmp(argv[2], "set") == 0 || strcmp(argv[2], "remove") == 0)
		return do_change(cli, d, argc - 2, argv + 2, argv[2][0] == 'r');
	return cli_usage_error("register", "%s: unknown action '%s' (add, list, set, remove or import)", d->name,
			       argv[2]);
}

/*
 * cmd_guide_template.c — `gongkai guide template`: an organ's notice templates
 * (domain/notice_wording_organ.h). Without KIND: each kind with the version in force and where
 * it comes from (本机关 / 上级机关 / 随软件). With KIND: its wording in force, --shipped the one
 * shipped; --check FILE says whether FILE would be accepted, saving nothing; --file FILE saves
 * it as the organ's own (checked first; refused naming the missing legal element); --revert
 * removes the organ's own. Changes are audited under --by USER.
 * May call cli/, domain/.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/notice_wording_organ.h"

static const char *const from_label[] = { "本机关", "上级机关", "随软件" };

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai guide template [--agency A]\n"
	       "       gongkai guide template KIND [--agency A] [--shipped]\n"
	       "       gongkai guide template KIND [--agency A] --check FILE\n"
	       "       gongkai guide template KIND [--agency A] (--file FILE | --revert) [--by USER]\n"
	       "KIND: correction extension delay fee consultation-third consultation-organ reply.\n"
	       "Without KIND: each kind, the version in force and where it comes from (本机关,\n"
	       "上级机关, 随软件). --file saves FILE as the organ's own template in its folder\n"
	       "(guide set --notice-templates), checked first (docs/notices.md); --revert removes it.\n");
}

/* The organ's kinds, one line each: KIND, version, from, title (and why its template is
 * refused, when it is). */
static int list(struct store *s, int64_t agency_id, struct arena *a, struct buf *out,
		struct gk_error *e)
{
	struct notice_wording_kind *k;
	size_t n;
	int rc;

	if ((rc = notice_wording_kinds(s, agency_id, a, &k, &n, e)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = buf_printf(out, "%s\t%s\t%s\t%s%s%s\n", k[i].kind, k[i].version,
				from_label[k[i].from], k[i].title, k[i].refused ? "\t模板有误：" : "",
				k[i].refused ? k[i].refused : "");
	return rc ? err_set(e, rc, "", "out of memory") : 0;
}

/* What guide template reads from its options. */
struct template_opts {
	const char *agency, *check, *file, *by;
	int shipped, revert, help;
};

#define O(field) offsetof(struct template_opts, field)
static const struct cli_opt template_options[] = {
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency) },
	{ .name = "shipped", .type = CLI_OPT_FLAG, .offset = O(shipped) },
	{ .name = "check", .type = CLI_OPT_TEXT, .offset = O(check) },
	{ .name = "file", .type = CLI_OPT_TEXT, .offset = O(file) },
	{ .name = "revert", .type = CLI_OPT_FLAG, .offset = O(revert) },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(by) },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

int guide_template(struct cli *cli, int argc, char **argv)
{
	struct template_opts o = { 0 };
	const char *kind = NULL;
	struct gk_error e = { 0 };
	struct notice_wording w;
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out, text;
	int rc, x;

	if ((x = cli_opts_read("guide template", template_options, &o, argc, argv, NULL, help)) != 0)
		return x < 0 ? CLI_OK : x;
	if (o.by)
		cli->actor = o.by;
	if (optind < argc)
		kind = argv[optind++];
	if (optind < argc)
		return cli_usage_error("guide template", "unexpected argument '%s'", argv[optind]);
	if ((o.check || o.file || o.revert || o.shipped) && kind == NULL)
		return cli_usage_error("guide template", "name the KIND");
	if ((o.check != NULL) + (o.file != NULL) + o.revert + o.shipped > 1)
		return cli_usage_error("guide template", "one of --shipped, --check, --file, --revert");
	arena_init(&a);
	buf_init(&out, 0);
	buf_init(&text, NOTICE_WORDING_MAX + 1);
	rc = 0;
	if ((o.check || o.file) && ((rc = buf_read_file(&text, o.check ? o.check : o.file, &e)) != 0 ||
				  (rc = buf_printf(&text, "%s", "")) != 0)) {
		if (rc == ERR_LIMIT || e.code == ERR_LIMIT)
			err_set(&e, ERR_INVALID, "", "%s：模板须为 UTF-8 文本，不超过 %d 字节",
				o.check ? o.check : o.file, NOTICE_WORDING_MAX);
		x = cli_error(&e);
		goto done;
	}
	if (o.check) {   /* no database needed: the kind's rules only */
		rc = notice_wording_check(kind, buf_cstr(&text), &a, &w, &e);
		if (rc == 0)
			printf("ok\t%s\t%s\n", kind, w.version);
		x = rc ? cli_error(&e) : CLI_OK;
		goto done;
	}
	if ((x = cli_open_store(cli, o.file || o.revert ? 0 : STORE_READONLY, &s)) != 0)
		goto done;
	rc = o.file || o.revert ? store_begin(s, &e) : store_begin_read(s, &e);
	if (rc == 0 && (rc = cli_agency(s, o.agency, &a, &ag, &e)) == 0) {
		if (kind == NULL)
			rc = list(s, ag.id, &a, &out, &e);
		else if (o.file)
			rc = notice_wording_save(s, ag.id, kind, buf_cstr(&text), &a, &e);
		else if (o.revert)
			rc = notice_wording_revert(s, ag.id, kind, &a, &e);
		else if ((rc = notice_wording_get(s, ag.id, kind, o.shipped, &a, &w, &e)) == 0 &&
			 (rc = buf_puts(&out, w.text)) != 0)
			rc = err_set(&e, rc, "", "out of memory");
	}
	if ((x = cli_finish(s, rc, &e)) == CLI_OK)
		fputs(buf_cstr(&out), stdout);
done:
	buf_free(&text);
	buf_free(&out);
	arena_free(&a);
	return x;
}

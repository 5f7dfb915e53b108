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
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/db.h"
#include "domain/notice_wording_organ.h"

static const char *const from_label[] = { "本机关", "上级机关", "随软件" };

static void help(void)
{
	printf("Usage: gongkai guide template [--agency A]\n"
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

int guide_template(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "shipped", no_argument, NULL, 's' },
		{ "check", required_argument, NULL, 'c' },
		{ "file", required_argument, NULL, 'f' },
		{ "revert", no_argument, NULL, 'r' },
		{ "by", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *agency = NULL, *kind = NULL, *check = NULL, *file = NULL;
	struct gk_error e = { 0 };
	struct notice_wording w;
	struct agency_rec ag;
	struct store *s = NULL;
	struct arena a;
	struct buf out, text;
	int ch, rc, x, shipped = 0, revert = 0;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': agency = optarg; break;
		case 's': shipped = 1; break;
		case 'c': check = optarg; break;
		case 'f': file = optarg; break;
		case 'r': revert = 1; break;
		case 'B': cli->actor = optarg; break;
		case 'h': help(); return CLI_OK;
		default: return cli_usage_error("guide", "template: unknown or incomplete option '%s'",
						argv[optind - 1]);
		}
	}
	if (optind < argc)
		kind = argv[optind++];
	if (optind < argc)
		return cli_usage_error("guide", "template: unexpected argument '%s'", argv[optind]);
	if ((check || file || revert || shipped) && kind == NULL)
		return cli_usage_error("guide", "template: name the KIND");
	if ((check != NULL) + (file != NULL) + revert + shipped > 1)
		return cli_usage_error("guide", "template: one of --shipped, --check, --file, --revert");
	arena_init(&a);
	buf_init(&out, 0);
	buf_init(&text, NOTICE_WORDING_MAX + 1);
	rc = 0;
	if ((check || file) && ((rc = buf_read_file(&text, check ? check : file, &e)) != 0 ||
				(rc = buf_printf(&text, "%s", "")) != 0)) {
		if (rc == ERR_LIMIT || e.code == ERR_LIMIT)
			err_set(&e, ERR_INVALID, "", "%s：模板须为 UTF-8 文本，不超过 %d 字节",
				check ? check : file, NOTICE_WORDING_MAX);
		x = cli_error(&e);
		goto done;
	}
	if (check) {   /* no database needed: the kind's rules only */
		rc = notice_wording_check(kind, buf_cstr(&text), &a, &w, &e);
		if (rc == 0)
			printf("ok\t%s\t%s\n", kind, w.version);
		x = rc ? cli_error(&e) : CLI_OK;
		goto done;
	}
	if ((x = cli_open_store(cli, file || revert ? 0 : STORE_READONLY, &s)) != 0)
		goto done;
	rc = file || revert ? store_begin(s, &e) : store_begin_read(s, &e);
	if (rc == 0 && (rc = cli_agency(s, agency, &a, &ag, &e)) == 0) {
		if (kind == NULL)
			rc = list(s, ag.id, &a, &out, &e);
		else if (file)
			rc = notice_wording_save(s, ag.id, kind, buf_cstr(&text), &a, &e);
		else if (revert)
			rc = notice_wording_revert(s, ag.id, kind, &a, &e);
		else if ((rc = notice_wording_get(s, ag.id, kind, shipped, &a, &w, &e)) == 0 &&
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

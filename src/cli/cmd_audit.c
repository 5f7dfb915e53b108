/*
 * cmd_audit.c — `gongkai audit verify|list`: the hash-chained audit log.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/audit.h"
#include "domain/audit_archive.h"
#include "text/jsonw.h"
#include "text/date.h"

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai audit verify [--head ID:HASH]\n"
	       "       gongkai audit verify FILE [--key PUBLIC-KEY]\n"
	       "       gongkai audit export --out FILE [--key-file KEYFILE]\n"
	       "       gongkai audit key [--key-file KEYFILE]\n"
	       "       gongkai audit list [--entity E --id N] [--json]\n"
	       "verify recomputes the hash chain of the audit log; exit 1 naming the first entry\n"
	       "that does not match (an entry edited, deleted or inserted behind gongkai's back).\n"
	       "It prints the head (last entry and its hash): kept elsewhere (a letter, the annual\n"
	       "report file), --head ID:HASH later proves the log was not rewritten since.\n"
	       "verify FILE checks an archive offline, without the database: every entry's hash,\n"
	       "the chain from the first entry and the Ed25519 signature; it prints the key it is\n"
	       "signed with (--key: it must be that one). export writes the whole log as such an\n"
	       "archive, signed with the key in KEYFILE (default: $GONGKAI_AUDIT_KEY_FILE, else the\n"
	       "SQLite file + .audit-key; on PostgreSQL one of the two must name it), made on\n"
	       "first use, mode 0600; key prints that key's public half, to be recorded\n"
	       "where the archive's reader can compare it. Nothing is deleted from the log.\n"
	       "list prints the entries (time, actor, entity, action, content).\n");
}

/* Load (made on first use) the signing key: --key-file, else $GONGKAI_AUDIT_KEY_FILE, else
 * the SQLite file + ".audit-key" (domain/audit_archive.h). */
static int load_key(struct cli *cli, const char *given, char secret[CRYPTO_SIGN_SECRET_HEX],
		    char pub[CRYPTO_SIGN_PUBLIC_HEX], struct gk_error *e)
{
	const char *path;
	char *owned;
	int rc;

	if ((rc = audit_key_path(given ? given : getenv("GONGKAI_AUDIT_KEY_FILE"), cli->db_path,
				 &path, &owned, e)) != 0)
		return rc;
	rc = audit_key_load(path, 1, secret, pub, e);
	free(owned);
	return rc;
}

static int verify_file(const char *path, const char *key)
{
	struct audit_archive_check res;
	struct gk_error e = { 0 };
	struct buf b;
	int rc;

	buf_init(&b, 1u << 30);
	if ((rc = buf_read_file(&b, path, &e)) != 0 ||
	    (rc = audit_archive_verify(b.ptr ? b.ptr : "", b.len, key, &res, &e)) != 0) {
		buf_free(&b);
		return cli_error(&e);
	}
	buf_free(&b);
	if (!res.ok) {
		printf("archive BROKEN%s: %s\n", res.line ? "" : "", res.reason);
		if (res.line)
			printf("at line %d; %" PRId64 " entries before it are intact\n", res.line, res.entries);
		return CLI_PROBLEMS;
	}
	printf("archive intact: %" PRId64 " entries, hash chain and signature verified\n", res.entries);
	printf("signed by key: %s\n", res.key);
	if (res.head_id)
		printf("head: %" PRId64 ":%s\n", res.head_id, res.head);
	return CLI_OK;
}

/* What the audit subcommands read from their options; .tag: which of them takes it. */
struct audit_opts {
	const char *out, *key_file, *head, *key, *entity, *id;
	int json, help;
};
enum { A_EXPORT = 1u << 0, A_KEY = 1u << 1, A_VERIFY = 1u << 2, A_LIST = 1u << 3 };

#define O(field) offsetof(struct audit_opts, field)
static const struct cli_opt audit_options[] = {
	{ .name = "out", .type = CLI_OPT_TEXT, .offset = O(out), .tag = A_EXPORT },
	{ .name = "key-file", .type = CLI_OPT_TEXT, .offset = O(key_file), .tag = A_EXPORT | A_KEY },
	{ .name = "head", .type = CLI_OPT_TEXT, .offset = O(head), .tag = A_VERIFY },
	{ .name = "key", .type = CLI_OPT_TEXT, .offset = O(key), .tag = A_VERIFY },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json), .tag = A_LIST },
	{ .name = "entity", .type = CLI_OPT_TEXT, .offset = O(entity), .tag = A_LIST },
	{ .name = "id", .type = CLI_OPT_TEXT, .offset = O(id), .tag = A_LIST },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

/* Read the options of subcommand mark (named sub) into o: 0 to go on, -1 after --help, else
 * the exit status. */
static int read_audit_options(int argc, char **argv, unsigned mark, const char *sub,
			      struct audit_opts *o)
{
	memset(o, 0, sizeof *o);
	return cli_opts_sub(sub, audit_options, o, argc, argv, mark, sub, help);
}

static int export_cmd(struct cli *cli, int argc, char **argv)
{
	char secret[CRYPTO_SIGN_SECRET_HEX], pub[CRYPTO_SIGN_PUBLIC_HEX];
	struct audit_opts o;
	const char *out, *keyfile;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct buf b;
	int rc, x;
	FILE *f;

	if ((x = read_audit_options(argc, argv, A_EXPORT, "audit export", &o)) != 0)
		return x < 0 ? CLI_OK : x;
	out = o.out;
	keyfile = o.key_file;
	if (out == NULL || optind < argc)
		return cli_usage_error("audit export", "give --out FILE");
	if ((rc = load_key(cli, keyfile, secret, pub, &e)) != 0)
		return cli_error(&e);
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	buf_init(&b, 1u << 30);
	if ((rc = store_begin(s, &e)) == 0) {
		rc = audit_archive_write(s, secret, &b, &e);
		/* REQ 等保-审计: an export of the log is itself an audit entry, after the archive */
		if (rc == 0)
			rc = audit_record(s, 0, "audit", 0, "export", "{\"what\":\"archive\"}", &e);
	}
	memset(secret, 0, sizeof secret);
	if (rc == 0) {
		if ((f = fopen(out, "wb")) == NULL || fwrite(b.ptr, 1, b.len, f) != b.len || fclose(f) != 0)
			rc = err_set(&e, ERR_IO, "--out", "cannot write %s", out);
	}
	buf_free(&b);
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK)
		printf("%s: signed by key %s\n", out, pub);
	return x;
}

static int key_cmd(struct cli *cli, int argc, char **argv)
{
	char secret[CRYPTO_SIGN_SECRET_HEX], pub[CRYPTO_SIGN_PUBLIC_HEX];
	struct gk_error e = { 0 };
	struct audit_opts o;
	int x;

	if ((x = read_audit_options(argc, argv, A_KEY, "audit key", &o)) != 0)
		return x < 0 ? CLI_OK : x;
	if (optind < argc)
		return cli_usage_error("audit key", "expected [--key-file KEYFILE]");
	if (load_key(cli, o.key_file, secret, pub, &e) != 0)
		return cli_error(&e);
	memset(secret, 0, sizeof secret);
	printf("%s\n", pub);
	return CLI_OK;
}

static int verify(struct cli *cli, int argc, char **argv)
{
	struct audit_verify_result res;
	struct audit_anchor anchor = { 0, NULL };
	struct audit_opts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	const char *head, *key;
	char idtext[24];
	int rc, x;

	if ((x = read_audit_options(argc, argv, A_VERIFY, "audit verify", &o)) != 0)
		return x < 0 ? CLI_OK : x;
	head = o.head;
	key = o.key;
	if (optind + 1 == argc && head == NULL)
		return verify_file(argv[optind], key);
	if (optind < argc)
		return cli_usage_error("audit verify", "unexpected argument '%s'", argv[optind]);
	if (key)
		return cli_usage_error("audit verify", "--key goes with an archive FILE");
	if (head) {
		const char *colon = strchr(head, ':');
		if (colon == NULL || (size_t)(colon - head) >= sizeof idtext || strlen(colon + 1) != 64)
			return cli_usage_error("audit verify", "--head wants ID:HASH as printed by "
					       "'gongkai audit verify'");
		memcpy(idtext, head, (size_t)(colon - head));
		idtext[colon - head] = '\0';
		if ((rc = cli_parse_id(idtext, "--head", &anchor.id, &e)) != 0)
			return cli_error(&e);
		anchor.hash = colon + 1;
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	if ((rc = store_begin_read(s, &e)) == 0)
		rc = audit_verify_anchor(s, head ? &anchor : NULL, &res, &e);
	x = cli_finish(s, rc, &e);
	if (x != CLI_OK)
		return x;
	if (res.bad_id) {
		printf("audit log BROKEN at entry %" PRId64 ": %s\n", res.bad_id, res.reason);
		printf("%" PRId64 " entries before it are intact\n", res.checked);
		return CLI_PROBLEMS;
	}
	printf("audit log intact: %" PRId64 " entries, hash chain verified\n", res.checked);
	if (res.head_id)
		printf("head: %" PRId64 ":%s\n", res.head_id, res.head);
	return CLI_OK;
}

struct list_ctx {
	struct jsonw *w;
};

static int print_entry(void *p, const struct audit_rec *r)
{
	struct list_ctx *c = p;

	if (c->w == NULL) {
		char at[DATE_SHOW_LEN];
		printf("%" PRId64 "  %s  %s  %s", r->id, date_stamp_show(r->at, at), r->actor, r->entity);
		if (r->entity_id)
			printf(" %" PRId64, r->entity_id);
		printf("  %s  %s\n", r->action, r->content);
		return 0;
	}
	jsonw_obj_begin(c->w);
	jsonw_kint(c->w, "id", r->id);
	jsonw_kstr(c->w, "at", r->at);
	jsonw_kstr(c->w, "actor", r->actor);
	jsonw_key(c->w, "agency_id");
	if (r->agency_id)
		jsonw_int(c->w, r->agency_id);
	else
		jsonw_null(c->w);
	jsonw_kstr(c->w, "entity", r->entity);
	jsonw_key(c->w, "entity_id");
	if (r->entity_id)
		jsonw_int(c->w, r->entity_id);
	else
		jsonw_null(c->w);
	jsonw_kstr(c->w, "action", r->action);
	/* content is JSON written by gongkai itself; keep it a string so a tampered row can never
	 * break this output */
	jsonw_kstr(c->w, "content", r->content);
	jsonw_kstr(c->w, "prev_hash", r->prev_hash);
	jsonw_kstr(c->w, "hash", r->hash);
	jsonw_obj_end(c->w);
	return 0;
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct audit_opts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct list_ctx c = { 0 };
	const char *entity, *id_arg;
	int64_t entity_id = 0;
	struct jsonw w;
	struct buf out;
	int rc, x, json;

	if ((x = read_audit_options(argc, argv, A_LIST, "audit list", &o)) != 0)
		return x < 0 ? CLI_OK : x;
	entity = o.entity;
	id_arg = o.id;
	json = o.json;
	if (optind < argc)
		return cli_usage_error("audit list", "unexpected argument '%s'", argv[optind]);
	if ((entity == NULL) != (id_arg == NULL))
		return cli_usage_error("audit list", "--entity and --id go together");
	if (id_arg && (rc = cli_parse_id(id_arg, "--id", &entity_id, &e)) != 0)
		return cli_error(&e);
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	buf_init(&out, 0);
	if (json) {
		jsonw_init(&w, &out, 1);
		jsonw_arr_begin(&w);
		c.w = &w;
	}
	if ((rc = store_begin_read(s, &e)) == 0)
		rc = audit_list(s, entity, entity_id, print_entry, &c, &e);
	if (rc == 0 && json) {
		jsonw_arr_end(&w);
		rc = cli_jsonw_print(&w, &e);
	}
	buf_free(&out);
	return cli_finish(s, rc, &e);
}

int cmd_audit(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "verify", verify }, { "export", export_cmd }, { "key", key_cmd }, { "list", list },
	};

	return cli_subcommand(cli, "audit", subs, sizeof subs / sizeof subs[0], help, argc, argv);
}

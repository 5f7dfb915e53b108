/*
 * cmd_user.c — `gongkai user add|passwd|totp|totp-key|list`: staff accounts, their second
 * factor and the key sealing it.
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "cli/commands.h"
#include "cli/db.h"
#include "cli/options.h"
#include "domain/agency.h"
#include "domain/user.h"
#include "text/jsonw.h"

static void help(FILE *f)
{
	fprintf(f, "Usage: gongkai user add NAME --role ROLE [--agency ID|NAME] [--display-name TEXT]\n"
	       "                           [--password-file FILE] [--by USER]\n"
	       "       gongkai user passwd NAME --password-file FILE | --clear\n"
	       "       gongkai user totp NAME [--confirm CODE | --reset]\n"
	       "       gongkai user totp-key --check | --rotate\n"
	       "       gongkai user list [--json]\n"
	       "ROLE: officer, reviewer, leader, supervisor; and the three administrators, one account\n"
	       "each (三员分立): admin (system), security (accounts, roles, passwords), auditor (the\n"
	       "audit log). The password (first line of FILE: at least 10 characters of three kinds\n"
	       "of lower-case, upper-case, digits, others; none of the last 5 again) is stored as an\n"
	       "argon2id hash; without it the user cannot log in yet. passwd (or --clear, which\n"
	       "disables the account) ends the user's console sessions; --clear refuses the last\n"
	       "security administrator who can sign in. An officer, reviewer or leader belongs to\n"
	       "an organ: --agency, or the only organ of the database.\n"
	       "totp prints the secret (and an otpauth:// address) to enter in an authenticator app;\n"
	       "--confirm with the code the app shows turns the second factor on; --reset removes it.\n"
	       "totp-key: the key file sealing the second factors (the database + .totp-key, or\n"
	       "$GONGKAI_TOTP_KEY): --check opens every sealed secret with it; --rotate seals them\n"
	       "again under a new key (made as FILE.new, moved over FILE once saved).\n");
}

/* The subcommands, as marks of the options each takes (cli_opts_only). */
enum { U_ADD = 1, U_PASSWD = 2, U_TOTP = 4, U_KEY = 8, U_LIST = 16 };

/* What the subcommands read from their options. */
struct user_opts {
	struct user_new in;
	const char *agency, *password_file, *confirm, *actor;
	int clear, reset, check, rotate, json, help;
};

#define O(field) offsetof(struct user_opts, field)
static const struct cli_opt user_options[] = {
	{ .name = "role", .type = CLI_OPT_TEXT, .offset = O(in.role), .tag = U_ADD },
	{ .name = "agency", .type = CLI_OPT_TEXT, .offset = O(agency), .tag = U_ADD },
	{ .name = "display-name", .type = CLI_OPT_TEXT, .offset = O(in.display_name), .tag = U_ADD },
	{ .name = "password-file", .type = CLI_OPT_TEXT, .offset = O(password_file),
	  .tag = U_ADD | U_PASSWD },
	{ .name = "clear", .type = CLI_OPT_FLAG, .offset = O(clear), .tag = U_PASSWD },
	{ .name = "confirm", .type = CLI_OPT_TEXT, .offset = O(confirm), .tag = U_TOTP },
	{ .name = "reset", .type = CLI_OPT_FLAG, .offset = O(reset), .tag = U_TOTP },
	{ .name = "check", .type = CLI_OPT_FLAG, .offset = O(check), .tag = U_KEY },
	{ .name = "rotate", .type = CLI_OPT_FLAG, .offset = O(rotate), .tag = U_KEY },
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = O(json), .tag = U_LIST },
	{ .name = "by", .type = CLI_OPT_TEXT, .offset = O(actor),
	  .tag = U_ADD | U_PASSWD | U_TOTP | U_KEY },
	{ .name = "help", .letter = 'h', .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

/* Read subcommand sub's options (argv[0] is sub) into o: 0, -1 after --help, or the status of
 * a usage error. */
static int user_opts(struct cli *cli, const char *sub, unsigned mark, int argc, char **argv,
		     struct user_opts *o)
{
	char command[32];
	int x;

	memset(o, 0, sizeof *o);
	snprintf(command, sizeof command, "user %s", sub);
	if ((x = cli_opts_sub(command, user_options, o, argc, argv, mark, sub, help)) != 0)
		return x;
	if (o->actor)
		cli->actor = o->actor;
	return 0;
}

/* The first line of path, without its line end, in b. */
static int read_password(const char *path, struct buf *b, struct gk_error *e)
{
	int rc = buf_read_file(b, path, e);
	char *nl;

	if (rc != 0)
		return rc;
	if ((nl = strpbrk(b->ptr ? b->ptr : "", "\r\n")) != NULL) {
		b->len = (size_t)(nl - b->ptr);
		*nl = '\0';
	}
	return 0;
}

static int user_add(struct cli *cli, int argc, char **argv)
{
	struct user_opts o;
	struct user_new in;
	const char *agency, *pwfile;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct buf pw;
	struct arena a;
	int rc, x;
	int64_t id = 0;

	if ((x = user_opts(cli, "add", U_ADD, argc, argv, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	in = o.in;
	agency = o.agency;
	pwfile = o.password_file;
	if (optind + 1 != argc)
		return cli_usage_error("user add", "give exactly one user NAME");
	in.name = argv[optind];
	if (in.role == NULL)
		return cli_usage_error("user add", "--role is required");
	buf_init(&pw, 4096);
	if (pwfile) {
		if ((rc = read_password(pwfile, &pw, &e)) != 0) {
			buf_free(&pw);
			return cli_error(&e);
		}
		in.password = buf_cstr(&pw);
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0) {
		buf_free(&pw);
		return x;
	}
	arena_init(&a);
	if ((rc = store_begin(s, &e)) == 0) {
		int role = user_role_from_id(in.role);
		if (agency || role == ROLE_OFFICER || role == ROLE_REVIEWER || role == ROLE_LEADER) {
			struct agency_rec ag;
			if ((rc = cli_agency(s, agency, &a, &ag, &e)) == 0)
				in.agency_id = ag.id;
		}
		if (rc == 0)
			rc = user_create(s, &in, &id, &e);
	}
	if (pw.ptr)
		memset(pw.ptr, 0, pw.cap);
	buf_free(&pw);
	x = cli_finish(s, rc, &e);
	arena_free(&a);
	if (x == CLI_OK)
		printf("%lld\n", (long long)id);
	return x;
}

static int user_passwd(struct cli *cli, int argc, char **argv)
{
	struct user_opts o;
	const char *pwfile;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct buf pw;
	int rc, x, clear;

	if ((x = user_opts(cli, "passwd", U_PASSWD, argc, argv, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	pwfile = o.password_file;
	clear = o.clear;
	if (optind + 1 != argc)
		return cli_usage_error("user passwd", "give exactly one user NAME");
	if ((pwfile == NULL) == !clear)
		return cli_usage_error("user passwd", "give --password-file FILE or --clear");
	buf_init(&pw, 4096);
	if (pwfile && (rc = read_password(pwfile, &pw, &e)) != 0) {
		buf_free(&pw);
		return cli_error(&e);
	}
	if ((x = cli_open_store(cli, 0, &s)) != 0) {
		buf_free(&pw);
		return x;
	}
	if ((rc = store_begin(s, &e)) == 0)
		rc = clear ? user_disable(s, argv[optind], NULL, &e)
			   : user_set_password(s, argv[optind], buf_cstr(&pw), &e);
	if (pw.ptr)
		memset(pw.ptr, 0, pw.cap);
	buf_free(&pw);
	return cli_finish(s, rc, &e);
}

struct list_ctx {
	struct jsonw *w;   /* NULL = text */
	int n;
};

static int print_user(void *p, const struct user_rec *r)
{
	struct list_ctx *c = p;

	c->n++;
	if (c->w == NULL) {
		char ag[24] = "-";
		if (r->agency_id)
			snprintf(ag, sizeof ag, "%lld", (long long)r->agency_id);
		printf("%-16s %-10s %-6s %-8s %s\n", r->name, r->role, ag,
		       r->password_hash ? "yes" : "no", r->display_name);
		return 0;
	}
	jsonw_obj_begin(c->w);
	jsonw_kint(c->w, "id", r->id);
	jsonw_kstr(c->w, "name", r->name);
	jsonw_kstr(c->w, "display_name", r->display_name);
	jsonw_kstr(c->w, "role", r->role);
	jsonw_key(c->w, "agency_id");
	if (r->agency_id)
		jsonw_int(c->w, r->agency_id);
	else
		jsonw_null(c->w);
	jsonw_kbool(c->w, "password_set", r->password_hash != NULL);
	jsonw_kstr(c->w, "created_at", r->created_at);
	jsonw_obj_end(c->w);
	return 0;
}

static int user_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct user_opts o;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct list_ctx c = { 0 };
	struct jsonw w;
	struct buf out;
	int rc, x, json;

	if ((x = user_opts(cli, "list", U_LIST, argc, argv, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	json = o.json;
	if (optind < argc)
		return cli_usage_error("user list", "unexpected argument '%s'", argv[optind]);
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	buf_init(&out, 0);
	if (json) {
		jsonw_init(&w, &out, 1);
		jsonw_arr_begin(&w);
		c.w = &w;
	} else {
		printf("%-16s %-10s %-6s %-8s %s\n", "NAME", "ROLE", "ORGAN", "PASSWORD", "DISPLAY NAME");
	}
	if ((rc = store_begin_read(s, &e)) == 0)
		rc = user_list(s, print_user, &c, &e);
	if (rc == 0 && json) {
		jsonw_arr_end(&w);
		rc = cli_jsonw_print(&w, &e);
	}
	buf_free(&out);
	return cli_finish(s, rc, &e);
}

static int user_totp_cmd(struct cli *cli, int argc, char **argv)
{
	struct user_opts o;
	const char *code, *secret = NULL;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	struct arena a;
	int rc, x, reset;

	if ((x = user_opts(cli, "totp", U_TOTP, argc, argv, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	code = o.confirm;
	reset = o.reset;
	if (optind + 1 != argc)
		return cli_usage_error("user totp", "give exactly one user NAME");
	if (code && reset)
		return cli_usage_error("user totp", "--confirm and --reset do not go together");
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	arena_init(&a);
	if ((rc = store_begin(s, &e)) == 0) {
		if (reset)
			rc = user_totp_reset(s, argv[optind], &e);
		else if (code)
			rc = user_totp_confirm(s, argv[optind], code, (int64_t)time(NULL), &e);
		else
			rc = user_totp_begin(s, argv[optind], &a, &secret, &e);
	}
	x = cli_finish(s, rc, &e);
	if (x == CLI_OK && secret) {
		printf("secret: %s\n", secret);
		printf("otpauth://totp/gongkai:%s?secret=%s&issuer=gongkai\n", argv[optind], secret);
		printf("enter it in an authenticator app, then: gongkai user totp %s --confirm CODE\n",
		       argv[optind]);
	} else if (x == CLI_OK) {
		printf(reset ? "second factor of %s removed\n" : "second factor of %s is on\n", argv[optind]);
	}
	arena_free(&a);
	return x;
}

/* --check: what is sealed and whether it opens; --rotate: a new key (user_totp_rekey). */
static int user_totp_key_cmd(struct cli *cli, int argc, char **argv)
{
	struct user_opts o;
	struct user_totp_key_state st;
	struct gk_error e = { 0 };
	struct store *s = NULL;
	int rc, x, check, rotate, resealed = 0;

	if ((x = user_opts(cli, "totp-key", U_KEY, argc, argv, &o)) != 0)
		return x < 0 ? CLI_OK : x;
	check = o.check;
	rotate = o.rotate;
	if (optind != argc || check == rotate)
		return cli_usage_error("user totp-key", "give one of --check and --rotate");
	if ((x = cli_open_store(cli, 0, &s)) != 0)
		return x;
	if (check) {
		rc = user_totp_key_check(s, &st, &e);
		if (rc == 0)
			printf("%d sealed second factor(s) open with %s; %d kept in clear\n", st.sealed,
			       store_totp_key_file(s), st.clear);
		if (rc == 0 && st.next_left)
			printf("%s.new is left by a change of key that did not finish and is not in "
			       "use: remove it\n", store_totp_key_file(s));
		return cli_finish(s, rc, &e);
	}
	if ((rc = store_begin(s, &e)) == 0 && (rc = user_totp_rekey(s, &resealed, &e)) == 0) {
		/* saved first, then the new key moved in; not saved: the new key removed */
		if ((rc = store_commit(s, &e)) == 0)
			rc = user_totp_rekey_finish(s, &e);
		else
			user_totp_rekey_abandon(s);
	}
	if (rc == 0)
		printf("%d second factor(s) sealed again under a new key in %s\n", resealed,
		       store_totp_key_file(s));
	return cli_finish(s, rc, &e);
}

int cmd_user(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", user_add },	      { "passwd", user_passwd },
		{ "totp", user_totp_cmd },    { "totp-key", user_totp_key_cmd },
		{ "list", user_list_cmd },
	};

	return cli_subcommand(cli, "user", subs, sizeof subs / sizeof subs[0], help, argc, argv);
}

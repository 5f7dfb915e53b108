/*
 * cmd_serve.c — `gongkai serve`: the public portal and the staff console over HTTP.
 *
 * gongkai [--db FILE] serve [--listen ADDR:PORT] [--threads N] [--templates DIR] [--static DIR]
 * Binds 127.0.0.1:8080 by default (put nginx in front for the world). Logs one line per
 * request to stderr; SIGINT/SIGTERM stop it after the requests in flight.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"
#include "web/web.h"

/* What the options set before they go into the server's configuration. */
struct serve_opts {
	struct web_config *cfg;
	const char *listen, *templates, *statics, *tls_cert, *tls_key, *audit_key, *totp_key;
	int threads, login_limit, max_body, per_address, max_connections, request_timeout;
	int session_idle, session_max, password_max_age, totp, behind_proxy, routes, help;
	int64_t search_warm;   /* -1: not given */
};

/* --form-limit N (every public form) or FORM=N (apply, track, feedback); may repeat. */
static int form_limit(void *rec, const char *arg, const char *option, struct gk_error *e)
{
	struct web_config *cfg = ((struct serve_opts *)rec)->cfg;
	const char *eq = strchr(arg, '=');
	int64_t n;

	if (cli_int(eq ? eq + 1 : arg, option, 1, 1000000, &n, e) != 0)
		return e->code;
	for (int f = WEB_FORM_NONE + 1; f < WEB_FORM__MAX; f++)
		if (eq == NULL || (strlen(web_form_limits[f].name) == (size_t)(eq - arg) &&
				   strncmp(arg, web_form_limits[f].name, (size_t)(eq - arg)) == 0)) {
			cfg->form_limit[f] = (int)n;
			if (eq)
				return 0;
		}
	if (eq)
		return err_set(e, ERR_INVALID, option, "want N or FORM=N with FORM one of apply, "
			       "track, feedback, got '%s'", arg);
	return 0;
}

/* enum web_totp's words, in its order */
static const char *const totp_words[] = { "admins", "all", "optional", NULL };

#define O(field) offsetof(struct serve_opts, field)
static const struct cli_opt serve_options[] = {
	{ .name = "listen", .type = CLI_OPT_TEXT, .offset = O(listen), .value = "ADDR:PORT",
	  .help = "where to listen (default 127.0.0.1:8080; port 0 = any free port)" },
	{ .name = "threads", .type = CLI_OPT_INT, .offset = O(threads), .lo = 1, .hi = 256, .value = "N",
	  .help = "worker threads (default: the number of processors)" },
	{ .name = "form-limit", .type = CLI_OPT_CALL, .offset = 0, .set = form_limit, .value = "[FORM=]N",
	  .help = "submissions of a public form per address per 10 minutes:\n"
		  "apply (default 10), track (30), feedback (10); N alone sets all" },
	{ .name = "login-limit", .type = CLI_OPT_INT, .offset = O(login_limit), .lo = 1, .hi = 1000000, .value = "N",
	  .help = "failed sign-ins of an account from one address before each\n"
		  "further attempt waits 2 s, 4 s, 8 s … up to 15 min (default 5;\n"
		  "from one address to any account, or to one account from any\n"
		  "address, 4N; the latter waits at most 1 min)" },
	{ .name = "max-body", .type = CLI_OPT_INT, .offset = O(max_body), .lo = 1, .hi = 1 << 30, .value = "BYTES",
	  .help = "largest request body (default 2097152)" },
	{ .name = "behind-proxy", .type = CLI_OPT_FLAG, .offset = O(behind_proxy),
	  .help = "nginx in front: rate limits use the client address of\n"
		  "X-Forwarded-For (only with a proxy that sets it)" },
	{ .name = "per-address", .type = CLI_OPT_INT, .offset = O(per_address), .lo = 1, .hi = 100000, .value = "N",
	  .help = "connections one client address may hold (default 64; none\n"
		  "with --behind-proxy, where nginx limits them); more get 503" },
	{ .name = "max-connections", .type = CLI_OPT_INT, .offset = O(max_connections), .lo = 1, .hi = 1000000, .value = "N",
	  .help = "connections in all (default: what the open-file limit allows)" },
	{ .name = "request-timeout", .type = CLI_OPT_INT, .offset = O(request_timeout), .lo = 1, .hi = 3600, .value = "S",
	  .help = "a request's headers and body must arrive within S seconds of\n"
		  "the connection (or the previous response), however they\n"
		  "trickle in (default 30)" },
	{ .name = "tls-cert", .type = CLI_OPT_TEXT, .offset = O(tls_cert), .value = "FILE",
	  .help = "serve HTTPS with this certificate (PEM, chain first) …" },
	{ .name = "tls-key", .type = CLI_OPT_TEXT, .offset = O(tls_key), .value = "FILE",
	  .help = "… and its private key (PEM); responses carry HSTS" },
	{ .name = "session-idle", .type = CLI_OPT_INT, .offset = O(session_idle), .lo = 1, .hi = 24 * 60, .value = "MIN",
	  .help = "minutes without use that sign a staff member out (default 30)" },
	{ .name = "session-max", .type = CLI_OPT_INT, .offset = O(session_max), .lo = 1, .hi = 24 * 7, .value = "HOURS",
	  .help = "hours after which a sign-in ends however used (default 12)" },
	{ .name = "password-max-age", .type = CLI_OPT_INT, .offset = O(password_max_age), .lo = 1, .hi = 3650, .value = "DAYS",
	  .help = "days a password may be used before it must be changed\n"
		  "(default: no expiry)" },
	{ .name = "totp", .type = CLI_OPT_CHOICE, .offset = O(totp), .choices = totp_words, .value = "WHO",
	  .help = "who must sign in with a one-time code (TOTP) too: admins (the\n"
		  "system, security and audit administrators; default), all, optional" },
	{ .name = "audit-key-file", .type = CLI_OPT_TEXT, .offset = O(audit_key), .value = "FILE",
	  .help = "the key that signs the audit archive (default\n"
		  "$GONGKAI_AUDIT_KEY_FILE, else the SQLite file + .audit-key;\n"
		  "on PostgreSQL one of the two must name it)" },
	{ .name = "totp-key", .type = CLI_OPT_TEXT, .offset = O(totp_key), .value = "FILE",
	  .help = "the key sealing the one-time-code secrets (mode 0600, outside\n"
		  "the database; default $GONGKAI_TOTP_KEY, else the database\n"
		  "file + .totp-key; PostgreSQL needs one of the two)" },
	{ .name = "search-warm", .type = CLI_OPT_INT64, .offset = O(search_warm), .lo = 0, .hi = 1 << 24, .value = "MB",
	  .help = "at start, read up to MB of the search index from the disk\n"
		  "in the background, so that the first searches do not wait\n"
		  "for it (SQLite; default: half the memory; 0: none)" },
	{ .name = "routes", .type = CLI_OPT_FLAG, .offset = O(routes), .help = "print the routes (METHOD PATTERN ROLES ACTION) and exit" },
	{ .name = "templates", .type = CLI_OPT_TEXT, .offset = O(templates), .value = "DIR" },
	{ .name = "static", .type = CLI_OPT_TEXT, .offset = O(statics), .value = "DIR" },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = O(help) },
	{ .name = NULL },
};
#undef O

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai [--db FILE] serve [--listen ADDR:PORT] [--threads N]\n"
		"                                 [--templates DIR] [--static DIR]\n");
	cli_opts_help(f, serve_options, 21);
}

/* The options given into the server's configuration (the defaults are web_config's zeros). */
static void serve_config(const struct serve_opts *o, struct web_config *cfg)
{
	if (o->listen)
		cfg->listen = o->listen;
	if (o->threads)
		cfg->threads = (unsigned)o->threads;
	if (o->audit_key)
		cfg->audit_key_file = o->audit_key;
	if (o->totp_key)
		cfg->totp_key_file = o->totp_key;
	cfg->template_dir = o->templates;
	cfg->static_dir = o->statics;
	cfg->tls_cert = o->tls_cert;
	cfg->tls_key = o->tls_key;
	cfg->login_limit = o->login_limit;
	cfg->max_body = (size_t)o->max_body;
	cfg->behind_proxy = o->behind_proxy;
	cfg->per_address = (unsigned)o->per_address;
	cfg->max_connections = (unsigned)o->max_connections;
	cfg->request_seconds = (unsigned)o->request_timeout;
	cfg->session_idle = o->session_idle;
	cfg->session_max = o->session_max;
	cfg->password_max_age = o->password_max_age;
	cfg->totp = o->totp;
	if (o->search_warm >= 0)
		cfg->search_warm_mb = o->search_warm > 0 ? (int)o->search_warm : -1;
}

int cmd_serve(struct cli *cli, int argc, char **argv)
{
	struct web_config cfg = { 0 };
	struct serve_opts o = { .cfg = &cfg, .totp = WEB_TOTP_ADMINS, .search_warm = -1 };
	struct gk_error e = { 0 };
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int x;

	cfg.db_path = cli->db_path;
	cfg.data_dir = cli->data_dir;
	cfg.totp_key_file = cli->totp_key_file;
	cfg.listen = "127.0.0.1:8080";
	cfg.threads = cpus > 0 ? (unsigned)cpus : 2;
	cfg.audit_key_file = getenv("GONGKAI_AUDIT_KEY_FILE");
	if ((x = cli_opts_parse("serve", serve_options, &o, argc, argv, NULL)) != 0)
		return x;
	if (o.help) {
		usage(stdout);
		return CLI_OK;
	}
	if (o.routes) {
		web_routes_print(stdout);
		return CLI_OK;
	}
	if (optind < argc)
		return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
	serve_config(&o, &cfg);
	if ((cfg.tls_cert == NULL) != (cfg.tls_key == NULL))
		return cli_usage_error("serve", "--tls-cert and --tls-key go together");
	if (store_is_server(cfg.db_path) && (cfg.audit_key_file == NULL || !*cfg.audit_key_file))
		fprintf(stderr, "gongkai serve: no --audit-key-file (or GONGKAI_AUDIT_KEY_FILE): the "
			"audit archive cannot be exported from this PostgreSQL database\n");
	if (web_run(&cfg, &e) != 0)
		return cli_error(&e);
	return CLI_OK;
}

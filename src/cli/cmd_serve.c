/*
 * cmd_serve.c — `gongkai serve`: the public portal and the staff console over HTTP.
 *
 * gongkai [--db FILE] serve [--listen ADDR:PORT] [--threads N] [--templates DIR] [--static DIR]
 * Binds 127.0.0.1:8080 by default (put nginx in front for the world). Logs one line per
 * request to stderr; SIGINT/SIGTERM stop it after the requests in flight.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"
#include "web/web.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai [--db FILE] serve [--listen ADDR:PORT] [--threads N]\n"
		"                                 [--templates DIR] [--static DIR]\n"
		"  --listen ADDR:PORT   where to listen (default 127.0.0.1:8080; port 0 = any free port)\n"
		"  --threads N          worker threads (default: the number of processors)\n"
		"  --form-limit [FORM=]N  submissions of a public form per address per 10 minutes:\n"
		"                       apply (default 10), track (30), feedback (10); N alone sets all\n"
		"  --login-limit N      failed sign-ins of an account from one address before each\n"
		"                       further attempt waits 2 s, 4 s, 8 s … up to 15 min (default 5;\n"
		"                       from one address to any account, or to one account from any\n"
		"                       address, 4N; the latter waits at most 1 min)\n"
		"  --max-body BYTES     largest request body (default 2097152)\n"
		"  --behind-proxy       nginx in front: rate limits use the client address of\n"
		"                       X-Forwarded-For (only with a proxy that sets it)\n"
		"  --per-address N      connections one client address may hold (default 64; none\n"
		"                       with --behind-proxy, where nginx limits them); more get 503\n"
		"  --max-connections N  connections in all (default: what the open-file limit allows)\n"
		"  --request-timeout S  a request's headers and body must arrive within S seconds of\n"
		"                       the connection (or the previous response), however they\n"
		"                       trickle in (default 30)\n"
		"  --tls-cert FILE      serve HTTPS with this certificate (PEM, chain first) …\n"
		"  --tls-key FILE       … and its private key (PEM); responses carry HSTS\n"
		"  --session-idle MIN   minutes without use that sign a staff member out (default 30)\n"
		"  --session-max HOURS  hours after which a sign-in ends however used (default 12)\n"
		"  --password-max-age DAYS  days a password may be used before it must be changed\n"
		"                       (default: no expiry)\n"
		"  --totp WHO           who must sign in with a one-time code (TOTP) too: admins (the\n"
		"                       system, security and audit administrators; default), all, optional\n"
		"  --audit-key-file FILE  the key that signs the audit archive (default\n"
		"                       $GONGKAI_AUDIT_KEY_FILE, else the SQLite file + .audit-key;\n"
		"                       on PostgreSQL one of the two must name it)\n"
		"  --totp-key FILE      the key sealing the one-time-code secrets (mode 0600, outside\n"
		"                       the database; default $GONGKAI_TOTP_KEY, else the database\n"
		"                       file + .totp-key; PostgreSQL needs one of the two)\n"
		"  --routes             print the routes (METHOD PATTERN ROLES ACTION) and exit\n");
}

static int parse_count(const char *s, long max, long *out)
{
	int64_t v;

	if (cli_int(s, "", 1, max, &v, NULL) != 0)
		return -1;
	*out = (long)v;
	return 0;
}

/* --form-limit N (every public form) or FORM=N (apply, track, feedback). */
static int form_limit(const char *arg, struct web_config *cfg)
{
	const char *eq = strchr(arg, '=');
	long n;

	if (parse_count(eq ? eq + 1 : arg, 1000000, &n) != 0)
		return -1;
	for (int f = WEB_FORM_NONE + 1; f < WEB_FORM__MAX; f++)
		if (eq == NULL || (strlen(web_form_limits[f].name) == (size_t)(eq - arg) &&
				   strncmp(arg, web_form_limits[f].name, (size_t)(eq - arg)) == 0)) {
			cfg->form_limit[f] = (int)n;
			if (eq)
				return 0;
		}
	return eq ? -1 : 0;
}

int cmd_serve(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "templates", required_argument, NULL, 'T' },
		{ "static", required_argument, NULL, 'S' },
		{ "form-limit", required_argument, NULL, 'f' },
		{ "login-limit", required_argument, NULL, 'L' },
		{ "max-body", required_argument, NULL, 'm' },
		{ "behind-proxy", no_argument, NULL, 'P' },
		{ "routes", no_argument, NULL, 'R' },
		{ "per-address", required_argument, NULL, 'A' },
		{ "max-connections", required_argument, NULL, 'C' },
		{ "request-timeout", required_argument, NULL, 'D' },
		{ "session-idle", required_argument, NULL, 'I' },
		{ "session-max", required_argument, NULL, 'M' },
		{ "password-max-age", required_argument, NULL, 'X' },
		{ "totp", required_argument, NULL, 'O' },
		{ "tls-cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 'k' },
		{ "audit-key-file", required_argument, NULL, 'K' },
		{ "totp-key", required_argument, NULL, 'Y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct web_config cfg = { 0 };
	struct gk_error e = { 0 };
	long n, cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int ch;

	cfg.db_path = cli->db_path;
	cfg.data_dir = cli->data_dir;
	cfg.totp_key_file = cli->totp_key_file;
	cfg.listen = "127.0.0.1:8080";
	cfg.threads = cpus > 0 ? (unsigned)cpus : 2;
	cfg.audit_key_file = getenv("GONGKAI_AUDIT_KEY_FILE");
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			cfg.listen = optarg;
			break;
		case 't':
			if (parse_count(optarg, 256, &n))
				return cli_usage_error("serve", "--threads: expected 1..256, got '%s'", optarg);
			cfg.threads = (unsigned)n;
			break;
		case 'T':
			cfg.template_dir = optarg;
			break;
		case 'S':
			cfg.static_dir = optarg;
			break;
		case 'f':
			if (form_limit(optarg, &cfg) != 0)
				return cli_usage_error("serve", "--form-limit: expected N or FORM=N with FORM "
						       "one of apply, track, feedback, got '%s'", optarg);
			break;
		case 'L':
			if (parse_count(optarg, 1000000, &n))
				return cli_usage_error("serve", "--login-limit: expected a positive number, got '%s'", optarg);
			cfg.login_limit = (int)n;
			break;
		case 'm':
			if (parse_count(optarg, 1L << 30, &n))
				return cli_usage_error("serve", "--max-body: expected a number of bytes, got '%s'", optarg);
			cfg.max_body = (size_t)n;
			break;
		case 'P':
			cfg.behind_proxy = 1;
			break;
		case 'A':
			if (parse_count(optarg, 100000, &n))
				return cli_usage_error("serve", "--per-address: expected a positive number, got '%s'", optarg);
			cfg.per_address = (unsigned)n;
			break;
		case 'C':
			if (parse_count(optarg, 1000000, &n))
				return cli_usage_error("serve", "--max-connections: expected a positive number, got '%s'", optarg);
			cfg.max_connections = (unsigned)n;
			break;
		case 'D':
			if (parse_count(optarg, 3600, &n))
				return cli_usage_error("serve", "--request-timeout: expected 1..3600 seconds, got '%s'", optarg);
			cfg.request_seconds = (unsigned)n;
			break;
		case 'I':
			if (parse_count(optarg, 24 * 60, &n))
				return cli_usage_error("serve", "--session-idle: expected 1..1440 minutes, got '%s'", optarg);
			cfg.session_idle = (int)n;
			break;
		case 'M':
			if (parse_count(optarg, 24 * 7, &n))
				return cli_usage_error("serve", "--session-max: expected 1..168 hours, got '%s'", optarg);
			cfg.session_max = (int)n;
			break;
		case 'X':
			if (parse_count(optarg, 3650, &n))
				return cli_usage_error("serve", "--password-max-age: expected 1..3650 days, got '%s'", optarg);
			cfg.password_max_age = (int)n;
			break;
		case 'O':
			if (strcmp(optarg, "admins") == 0)
				cfg.totp = WEB_TOTP_ADMINS;
			else if (strcmp(optarg, "all") == 0)
				cfg.totp = WEB_TOTP_ALL;
			else if (strcmp(optarg, "optional") == 0)
				cfg.totp = WEB_TOTP_OPTIONAL;
			else
				return cli_usage_error("serve", "--totp: expected admins, all or optional, got '%s'", optarg);
			break;
		case 'c':
			cfg.tls_cert = optarg;
			break;
		case 'k':
			cfg.tls_key = optarg;
			break;
		case 'K':
			cfg.audit_key_file = optarg;
			break;
		case 'Y':
			cfg.totp_key_file = optarg;
			break;
		case 'R':
			web_routes_print(stdout);
			return CLI_OK;
		case 'h':
			usage(stdout);
			return CLI_OK;
		default:
			return cli_usage_error("serve", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
	if ((cfg.tls_cert == NULL) != (cfg.tls_key == NULL))
		return cli_usage_error("serve", "--tls-cert and --tls-key go together");
	if (store_is_server(cfg.db_path) && (cfg.audit_key_file == NULL || !*cfg.audit_key_file))
		fprintf(stderr, "gongkai serve: no --audit-key-file (or GONGKAI_AUDIT_KEY_FILE): the "
			"audit archive cannot be exported from this PostgreSQL database\n");
	if (web_run(&cfg, &e) != 0)
		return cli_error(&e);
	return CLI_OK;
}

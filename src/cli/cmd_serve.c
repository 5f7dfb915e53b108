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
#include "web/web.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai [--db FILE] serve [--listen ADDR:PORT] [--threads N]\n"
		"                                 [--templates DIR] [--static DIR]\n"
		"  --listen ADDR:PORT   where to listen (default 127.0.0.1:8080; port 0 = any free port)\n"
		"  --threads N          worker threads (default: the number of processors)\n"
		"  --form-limit N       public form submissions per address per 10 minutes (default 30)\n"
		"  --login-limit N      failed logins per account per 15 minutes (default 5; per address 4N)\n"
		"  --max-body BYTES     largest request body (default 2097152)\n"
		"  --behind-proxy       nginx in front: rate limits use the client address of\n"
		"                       X-Forwarded-For (only with a proxy that sets it)\n"
		"  --routes             print the routes (METHOD PATTERN ROLES) and exit\n");
}

static int parse_count(const char *s, long max, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end || v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct web_config cfg = { 0 };
	struct gk_error e = { 0 };
	long n, cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int ch;

	cfg.db_path = cli->db_path;
	cfg.data_dir = cli->data_dir;
	cfg.listen = "127.0.0.1:8080";
	cfg.threads = cpus > 0 ? (unsigned)cpus : 2;
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
			if (parse_count(optarg, 1000000, &n))
				return cli_usage_error("serve", "--form-limit: expected a positive number, got '%s'", optarg);
			cfg.form_limit = (int)n;
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
	if (web_run(&cfg, &e) != 0)
		return cli_error(&e);
	return CLI_OK;
}

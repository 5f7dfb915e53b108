/*
 * util.c — helpers shared by every command: error printing, writing -o FILE, getopt reset,
 * data directory.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/paths.h"
#include "cli/cli.h"
#include "domain/clock.h"
#include "text/date.h"
#include "text/desc.h"
#include "text/jsonw.h"

/* A domain error names a field by its id (applicant_name): the option that gives it is
 * --applicant-name, followed by the field's Chinese label when the error carries one. */
int cli_error(const struct gk_error *e)
{
	char opt[80];

	if (e->field[0] && e->label[0])
		fprintf(stderr, "gongkai: %s（%s）: %s\n", desc_option(e->field, opt, sizeof opt), e->label,
			e->msg);
	else if (e->field[0])
		fprintf(stderr, "gongkai: %s: %s\n", desc_option(e->field, opt, sizeof opt), e->msg);
	else
		fprintf(stderr, "gongkai: %s\n", e->msg[0] ? e->msg : err_name(e->code));
	switch (e->code) {
	case ERR_INVALID:
	case ERR_LIMIT:
	case ERR_NOTFOUND:
		return CLI_USAGE;
	default:
		return CLI_PROBLEMS;
	}
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "gongkai %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'gongkai %s --help'.\n", command);
	return CLI_USAGE;
}

int cli_subcommand(struct cli *cli, const char *command, const struct cli_sub *t, size_t n,
		   void (*usage)(FILE *f), int argc, char **argv)
{
	char names[256] = "";
	size_t len = 0;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	for (size_t i = 0; i < n; i++)
		if (t[i].name && strcmp(argv[1], t[i].name) == 0)
			return t[i].run(cli, argc - 1, argv + 1);
	for (size_t i = 0; i < n; i++)
		if (t[i].name == NULL)
			return t[i].run(cli, argc, argv);
	for (size_t i = 0; i < n && len < sizeof names; i++)
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "", t[i].name);
	return cli_usage_error(command, "unknown subcommand '%s' (%s)", argv[1], names);
}

int cli_write_output(const char *output, const char *p, size_t len, struct gk_error *e)
{
	FILE *f = output ? fopen(output, "wb") : stdout;
	int bad;

	if (!f)
		return err_set(e, ERR_IO, "-o", "cannot write %s", output);
	bad = len && fwrite(p, 1, len, f) != len;
	if (output)
		bad |= fclose(f) != 0;
	else
		bad |= fflush(f) != 0;
	return bad ? err_set(e, ERR_IO, "-o", "cannot write %s", output ? output : "the output") : 0;
}

int cli_binary_to_tty(const char *output)
{
	return output == NULL && isatty(STDOUT_FILENO);
}

void cli_getopt_reset(void)
{
	optind = 0;  /* GNU: 0 re-initialises the scanner */
	opterr = 0;
}

const char *cli_data_dir(void)
{
	return paths_dir("data", "GONGKAI_DATA_DIR");
}

int cli_jsonw_print(struct jsonw *w, struct gk_error *e)
{
	int rc = jsonw_finish(w);

	if (rc != 0)
		return err_set(e, rc, "", "output too large");
	fputs(buf_cstr(w->out), stdout);
	return 0;
}

void cli_json_open(struct cli_json *j)
{
	buf_init(&j->b, 0);
	jsonw_init(&j->w, &j->b, 1);
}

int cli_json_close(struct cli_json *j)
{
	int rc = cli_jsonw_print(&j->w, NULL);

	buf_free(&j->b);
	if (rc != 0) {
		fprintf(stderr, "gongkai: cannot write JSON output\n");
		return CLI_PROBLEMS;
	}
	return CLI_OK;
}

void cli_jsonw_kdate(struct jsonw *w, const char *key, int day)
{
	char s[DATE_LEN];

	jsonw_kstr(w, key, day == CLOCK_NONE ? NULL : date_format(day, s));
}

void cli_jsonw_kstr_opt(struct jsonw *w, const char *key, const char *s)
{
	if (s)
		jsonw_kstr(w, key, s);
}

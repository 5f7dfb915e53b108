/*
 * util.c — helpers shared by every command: error printing, getopt reset, data directory.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "text/jsonw.h"

int cli_error(const struct gk_error *e)
{
	if (e->field[0])
		fprintf(stderr, "gongkai: %s: %s\n", e->field, e->msg);
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

void cli_getopt_reset(void)
{
	optind = 0;  /* GNU: 0 re-initialises the scanner */
	opterr = 0;
}

static int is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_data_dir(void)
{
	const char *env = getenv("GONGKAI_DATA_DIR");

	if (env && *env)
		return env;
	if (is_dir(GK_SOURCE_DATA_DIR))
		return GK_SOURCE_DATA_DIR;
	return GK_INSTALL_DATA_DIR;
}

int cli_jsonw_print(struct jsonw *w, struct gk_error *e)
{
	int rc = jsonw_finish(w);

	if (rc != 0)
		return err_set(e, rc, "", "output too large");
	fputs(buf_cstr(w->out), stdout);
	return 0;
}

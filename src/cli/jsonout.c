/*
 * jsonout.c — printing the CLI's --json documents.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/jsonout.h"
#include "text/date.h"

int cli_json_print(json_t *root)
{
	int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	json_decref(root);
	if (rc != 0 || fputc('\n', stdout) == EOF) {
		fprintf(stderr, "gongkai: cannot write JSON output\n");
		return CLI_PROBLEMS;
	}
	return CLI_OK;
}

json_t *cli_json_date(int day)
{
	char s[DATE_LEN];
	return json_string(date_format(day, s));
}

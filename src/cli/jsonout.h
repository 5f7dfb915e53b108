/*
 * jsonout.h — printing JSON documents built with jansson (the CLI's --json output).
 *
 * Only cli/ includes jansson.h for output. Keys are stable and documented in README.md.
 */
#ifndef GK_CLI_JSONOUT_H
#define GK_CLI_JSONOUT_H

#include <jansson.h>

/* Print root to stdout (2-space indent, keys in insertion order, UTF-8 kept), then a newline,
 * and release root. Returns CLI_OK, or CLI_PROBLEMS if it could not be written. */
int cli_json_print(json_t *root);

/* A date as a "YYYY-MM-DD" JSON string (new reference). */
json_t *cli_json_date(int day);

#endif

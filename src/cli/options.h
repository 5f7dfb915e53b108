/*
 * options.h — reading the values of command-line options: one parser for whole numbers, with
 * its range and no trailing characters (`--limit 5x` is an error naming --limit, never 5).
 * Every command reads its numbers through it, so each says the same thing about a bad one.
 * And a record's options from its descriptor (text/desc.h): one option per field, named after
 * the field's id, set into the record, and described in --help by the field's label, limit and
 * help line — a field added to the descriptor is an option without more code.
 * May call: base/, text/.
 */
#ifndef GK_CLI_OPTIONS_H
#define GK_CLI_OPTIONS_H

#include <stdint.h>

#include <getopt.h>

#include "base/err.h"
#include "text/desc.h"

/* s as a whole number lo..hi for what (an option "--limit" or an argument "YEAR"): decimal
 * digits, a '-' first only when lo < 0, nothing before or after them, within lo..hi. Else
 * ERR_INVALID in e naming what: "want a whole number 1-100, got '5x'". */
int cli_int(const char *s, const char *what, int64_t lo, int64_t hi, int64_t *out,
	    struct gk_error *e) GK_WUR;

/* The same into an int, printing the error (cli_error): 0, or the exit status CLI_USAGE. */
int cli_opt_int(const char *s, const char *what, int lo, int hi, int *out) GK_WUR;

/* The long options of r's fields (--applicant-name for applicant_name), each required_argument
 * with val = first + the field's index, written to opts[0 .. r->nfields); names (room for
 * r->nfields) hold their spelling. Returns r->nfields. */
#define CLI_OPT_NAME 48
size_t cli_desc_options(const struct desc_record *r, int first, struct option *opts,
			char (*names)[CLI_OPT_NAME]);

/* The value of field f of rec from the option's argument: text as given, a date parsed
 * (YYYY-MM-DD, naming the field in the error). */
int cli_desc_set(const struct desc_field *f, void *rec, const char *arg, struct gk_error *e) GK_WUR;

/* For --help: one line per field of r — "--option VALUE  label (required, at most N bytes):
 * help". */
void cli_desc_help(const struct desc_record *r);

#endif

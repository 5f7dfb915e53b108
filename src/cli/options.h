/*
 * options.h — reading the values of command-line options: one parser for whole numbers, with
 * its range and no trailing characters (`--limit 5x` is an error naming --limit, never 5).
 * Every command reads its numbers through it, so each says the same thing about a bad one.
 * And a record's options from its descriptor (text/desc.h): one option per field, named after
 * the field's id, set into the record, and described in --help by the field's label, limit and
 * help line — a field added to the descriptor is an option without more code.
 * And a command's own options as one table (struct cli_opt): the parser and the --help lines
 * both read it, so an option is declared once with its value's type, range and help.
 * May call: base/, text/.
 */
#ifndef GK_CLI_OPTIONS_H
#define GK_CLI_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

#define CLI_OPT_NAME 48
struct cli_opt;

/* The options of r's fields (--applicant-name for applicant_name), CLI_OPT_FIELD entries of a
 * table (struct cli_opt, below) written to t[0 .. r->nfields), the record r describes at byte
 * offset within the command's record; names (room for r->nfields) hold their spelling.
 * Returns r->nfields. */
size_t cli_desc_opts(const struct desc_record *r, size_t offset, struct cli_opt *t,
		     char (*names)[CLI_OPT_NAME]);

/* The value of field f of rec from the option's argument: text as given, a date parsed
 * (YYYY-MM-DD, naming the field in the error). */
int cli_desc_set(const struct desc_field *f, void *rec, const char *arg, struct gk_error *e) GK_WUR;

/* For --help: one line per field of r — "--option VALUE  label (required, at most N bytes):
 * help". */
void cli_desc_help(FILE *out, const struct desc_record *r);

/* ---- a command's options as a table ---- */

enum cli_opt_type {
	CLI_OPT_FLAG,    /* no value: the int at offset becomes 1 */
	CLI_OPT_TEXT,    /* the const char * at offset points at the value */
	CLI_OPT_INT,     /* the int at offset: a whole number lo..hi (cli_int) */
	CLI_OPT_INT64,   /* the int64_t at offset: the same, for counts and seeds past an int */
	CLI_OPT_DATE,    /* the int at offset: a day YYYY-MM-DD (text/date's date_parse) */
	CLI_OPT_CHOICE,  /* the int at offset: the index of the value in choices */
	CLI_OPT_CALL,    /* set(rec, value, option, e): a value of its own shape (may repeat) */
	CLI_OPT_FIELD,   /* a field of a declared record (field), set by cli_desc_set into the
			  * record at offset */
};

struct cli_opt {
	const char *name;              /* "limit" for --limit; NULL ends the table */
	char letter;                   /* a one-letter spelling too ('o' for -o), 0: none */
	enum cli_opt_type type;
	size_t offset;                 /* of the value in the command's record (offsetof) */
	int64_t lo, hi;                /* CLI_OPT_INT, CLI_OPT_INT64: the range */
	const char *const *choices;    /* CLI_OPT_CHOICE: the words, NULL-terminated */
	int (*set)(void *rec, const char *value, const char *option, struct gk_error *e);
	int optional;                  /* CLI_OPT_CALL: the value may be left out (--extended or
					* --extended=N): set gets NULL */
	const char *value;             /* --help: what the value is ("N", "FILE"); NULL for a flag */
	const char *help;              /* --help: the text beside it, '\n' between its lines;
					* NULL: not listed */
	unsigned tag;                  /* the command's own mark (e.g. which steps take it) */
	const struct desc_field *field; /* CLI_OPT_FIELD: the field */
	const char *id;                /* the record's field it gives when the option is spelt
					* otherwise ("doc_no" for --doc-number), or NULL */
};

/* A domain error names a field by its id; when an option of t gives that field under
 * another name (its id), name the option instead ("--doc-number"), as the user typed it. */
void cli_opts_name_field(const struct cli_opt *t, struct gk_error *e);

/* Read argv's options (argv[0] is the command) by table t into rec; bit i of *given (when not
 * NULL) says t[i] was given. Returns 0 with optind at the first operand, or prints
 * "gongkai COMMAND: …" (an unknown option, one without its value) or the value's error naming
 * the option (cli_error) and returns CLI_USAGE. */
#define CLI_OPTS_MAX 40
int cli_opts_parse(const char *command, const struct cli_opt *t, void *rec, int argc,
		   char **argv, uint64_t *given) GK_WUR;

/* An option given (bit i of given for t[i]) that the subcommand does not take: its tag (a set of
 * bits) shares none with allowed (a tag of 0: every subcommand takes it). Prints "gongkai
 * COMMAND: option '--x' is not accepted by 'SUB'" and returns CLI_USAGE; else 0. */
int cli_opts_only(const char *command, const struct cli_opt *t, uint64_t given, unsigned allowed,
		  const char *sub) GK_WUR;

/* cli_opts_parse, then the table's --help flag: help() printed and -1; else 0 to go on or the
 * exit status of the usage error. (given: as for cli_opts_parse, may be NULL.) */
int cli_opts_read(const char *command, const struct cli_opt *t, void *rec, int argc, char **argv,
		  uint64_t *given, void (*help)(FILE *f)) GK_WUR;

/* Both for subcommand sub (its mark): 0 to go on; after the table's --help flag, help()
 * printed and -1; else the exit status of the usage error. */
int cli_opts_sub(const char *command, const struct cli_opt *t, void *rec, int argc, char **argv,
		 unsigned mark, const char *sub, void (*help)(FILE *f)) GK_WUR;

/* The --help lines of t's listed options: "  --name VALUE" in a column width wide (at least
 * two spaces after it), the help beside it, its further lines indented to the same column. */
void cli_opts_help(FILE *f, const struct cli_opt *t, int width);

#endif

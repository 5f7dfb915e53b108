/*
 * cli.h — the command-line front end: shared context, the command table, exit statuses.
 *
 * `gongkai [--db FILE] [--calendar-dir DIR] COMMAND [OPTIONS]`. Each command lives in its own
 * file cmd_<name>.c and is listed once in commands.c. Commands declare their options as a
 * table read by one parser (cli/options.h), call domain/ functions, and print text or (with
 * --json) JSON with stable keys.
 * Exit status: 0 success, 1 the command ran and found problems, 2 usage or input error.
 */
#ifndef GK_CLI_CLI_H
#define GK_CLI_CLI_H

#include <stdio.h>

#include "base/buf.h"
#include "base/err.h"
#include "text/jsonw.h"

enum cli_exit {
	CLI_OK = 0,
	CLI_PROBLEMS = 1,
	CLI_USAGE = 2,
};

struct cli {
	const char *db_path;       /* --db, else $GONGKAI_DB, else "gongkai.db" */
	const char *calendar_dir;  /* --calendar-dir, else $GONGKAI_CALENDAR_DIR, else NULL */
	const char *data_dir;      /* where data/ (the shipped calendar …) lives */
	const char *totp_key_file; /* $GONGKAI_TOTP_KEY (NULL = the database file + ".totp-key") */
	const char *actor;         /* --by USER (global or per command), NULL = the OS user */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);  /* argv[0] is the command name */
	const char *summary;       /* one line for `gongkai --help` */
};

/* The table of commands, terminated by an entry whose name is NULL (commands.c). */
extern const struct cli_command cli_commands[];

/* Print "gongkai: <field>: <message>" to stderr and return the exit status for e's code
 * (CLI_USAGE for input errors, CLI_PROBLEMS for refusals and failures). */
int cli_error(const struct gk_error *e);

/* Print "gongkai COMMAND: <message>\n<hint>" and return CLI_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A subcommand of a command: its name (NULL: whatever no other names, argv[0] then the
 * command itself) and what runs it with the subcommand as argv[0]. */
struct cli_sub {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* Run the subcommand argv[1] of command from its table t (n entries). None given, or --help
 * or -h: usage to stderr (CLI_USAGE) or stdout (CLI_OK). One the table does not name: an
 * error listing those it does, unless the table has an entry without a name. */
int cli_subcommand(struct cli *cli, const char *command, const struct cli_sub *t, size_t n,
		   void (*usage)(FILE *f), int argc, char **argv);

/* Finish the JSON document w is writing and print its buffer to stdout. On failure (the
 * buffer's limit was reached) nothing is printed and e says the output was too large.
 * Returns 0 or the jsonw error. */
int cli_jsonw_print(struct jsonw *w, struct gk_error *e);
/* A --json document for stdout: cli_json_open starts one (indented, in its own buffer);
 * cli_json_close finishes it, prints it (or says on stderr that it could not) and releases
 * the buffer. Returns CLI_OK or CLI_PROBLEMS. */
struct cli_json {
	struct jsonw w;
	struct buf b;
};
void cli_json_open(struct cli_json *j);
int cli_json_close(struct cli_json *j);
/* "key": "YYYY-MM-DD" for day, or "key": null for CLOCK_NONE. */
void cli_jsonw_kdate(struct jsonw *w, const char *key, int day);
/* "key": "s", or nothing at all when s is NULL. */
void cli_jsonw_kstr_opt(struct jsonw *w, const char *key, const char *s);

/* Write len bytes to -o FILE (output; NULL: stdout). ERR_IO naming "-o" when it cannot. */
int cli_write_output(const char *output, const char *p, size_t len, struct gk_error *e);
/* 1 when a binary file would land on a terminal: no -o FILE and stdout is a terminal. */
int cli_binary_to_tty(const char *output);

/* Reset getopt so a command can parse its own argv. */
void cli_getopt_reset(void);

/* The directory holding gongkai's data files (calendar, format tables, templates):
 * $GONGKAI_DATA_DIR, else data/ in the folder of shipped files (base/paths.h). */
const char *cli_data_dir(void);

/* Load the working-day calendar: the shipped one from cli->data_dir, then cli->calendar_dir.
 * On failure prints the error (naming file:line) and returns CLI_USAGE; on success 0 and
 * *out is owned by the caller (calendar_free). */
struct calendar;
int cli_load_calendar(const struct cli *cli, struct calendar **out);

#endif

/*
 * db.h — what every command that touches the database shares: opening the store with the
 * actor set, resolving --agency, and ending the command's one transaction.
 *
 * Pattern of a write command:
 *     if ((x = cli_open_store(cli, 0, &s)) != 0) return x;
 *     if ((rc = store_begin(s, &e)) == 0 && (rc = cli_agency(s, agency_arg, &a, &ag, &e)) == 0)
 *             rc = domain_call(s, …, &e);
 *     return cli_finish(s, rc, &e);     // commits or rolls back, prints the error, closes
 */
#ifndef GK_CLI_DB_H
#define GK_CLI_DB_H

#include <stddef.h>

#include "base/arena.h"
#include "cli/cli.h"
#include "store/agency_store.h"
#include "store/store.h"

/* Open cli->db_path (flags: STORE_CREATE …) and set the actor (cli_actor). Prints the error
 * and returns the exit status; 0 on success. */
int cli_open_store(struct cli *cli, unsigned flags, struct store **out);

/* The actor for the audit log: --by USER, else the operating-system user (getpwuid_r), else
 * "uid:N". Written into buf (len bytes). */
const char *cli_actor(const struct cli *cli, char *buf, size_t len);

/* Resolve --agency ID|NAME (arg NULL = the only organ), inside an open transaction. Returns an
 * enum err (detail in e), like a domain call. */
int cli_agency(struct store *s, const char *arg, struct arena *a, struct agency_rec *out,
	       struct gk_error *e);

/* End a command: commit when rc == 0, else roll back; print e when anything failed; close
 * the store. Returns the exit status (CLI_OK, or cli_error's). */
int cli_finish(struct store *s, int rc, struct gk_error *e);

/* Parse a positive decimal id ("ID" argument). 0 on success, else ERR_INVALID naming field. */
int cli_parse_id(const char *s, const char *field, int64_t *out, struct gk_error *e);

#endif

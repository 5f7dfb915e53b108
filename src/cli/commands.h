/*
 * commands.h — one entry point per command; each is defined in cli/cmd_<name>.c.
 */
#ifndef GK_CLI_COMMANDS_H
#define GK_CLI_COMMANDS_H

#include "cli/cli.h"

int cmd_version(struct cli *cli, int argc, char **argv);
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_user(struct cli *cli, int argc, char **argv);
int cmd_audit(struct cli *cli, int argc, char **argv);
int cmd_calendar(struct cli *cli, int argc, char **argv);
int cmd_deadline(struct cli *cli, int argc, char **argv);
int cmd_serve(struct cli *cli, int argc, char **argv);
int cmd_register(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_app(struct cli *cli, int argc, char **argv);
int cmd_fee(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_backup(struct cli *cli, int argc, char **argv);
int cmd_restore(struct cli *cli, int argc, char **argv);  /* cmd_backup.c */
int cmd_migrate(struct cli *cli, int argc, char **argv);

/* Subcommands kept in their own files. */
int app_generate_cmd(struct cli *cli, int argc, char **argv);  /* cmd_app_generate.c */

int cmd_doc(struct cli *cli, int argc, char **argv);
int cmd_search(struct cli *cli, int argc, char **argv);
int cmd_guide(struct cli *cli, int argc, char **argv);
int cmd_feed(struct cli *cli, int argc, char **argv);  /* cmd_guide.c */
int guide_template(struct cli *cli, int argc, char **argv);  /* cmd_guide_template.c */

#endif

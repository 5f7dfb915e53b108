/*
 * commands.c — the one table of CLI commands (name, function, one-line summary).
 */
#include "cli/cli.h"
#include "cli/commands.h"

const struct cli_command cli_commands[] = {
	{ "version", cmd_version, "print the version" },
	{ NULL, NULL, NULL },
};

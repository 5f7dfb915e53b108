/*
 * cmd_version.c — `gongkai version`.
 */
#include <stdio.h>

#include "cli/commands.h"

int cmd_version(struct cli *cli, int argc, char **argv)
{
	printf("gongkai %s\n", GK_VERSION);
	return CLI_OK;
}

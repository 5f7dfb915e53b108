/*
 * tmpstore.c — a throw-away store for unit tests (see tmpstore.h).
 */
#include "tmpstore.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64], path[128];

struct store *tmpstore_open(const char *tag)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;

	snprintf(dir, sizeof dir, "/tmp/gk-%s-XXXXXX", tag);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return NULL;
	}
	snprintf(path, sizeof path, "%s/t.db", dir);
	if (store_open(path, STORE_CREATE, &s, &e) != 0) {
		fprintf(stderr, "%s: %s\n", path, e.msg);
		return NULL;
	}
	return s;
}

void tmpstore_drop(struct store *s)
{
	static const char *const suffix[] = { "", "-wal", "-shm", ".totp-key" };
	char p[160];

	store_close(s);
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
	rmdir(dir);
}

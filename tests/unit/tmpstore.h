/*
 * tmpstore.h — for unit tests: a new, empty gongkai database in a fresh temporary folder, and
 * its removal (the database, its -wal and -shm files and the folder). One at a time.
 */
#ifndef GK_TEST_TMPSTORE_H
#define GK_TEST_TMPSTORE_H

#include "store/store.h"

/* Create the folder /tmp/gk-TAG-XXXXXX and open a new store in it; NULL (with the reason on
 * stderr) if that fails. */
struct store *tmpstore_open(const char *tag);
/* The path of the file the last tmpstore_open made. */
const char *tmpstore_path(void);

/* Close s (may be NULL) and remove what tmpstore_open made. */
void tmpstore_drop(struct store *s);

/* With GONGKAI_TEST_PG (the URL of a PostgreSQL server's admin database, set by
 * scripts/run-tests): a new, empty database gk_unit_TAG_PID on that server; its URL, or NULL
 * (the reason on stderr) when it cannot be made. tmpstore_pg_drop drops it. One at a time. */
const char *tmpstore_pg_create(const char *tag);
void tmpstore_pg_drop(void);
/* tmpstore_pg_create's database opened (actor "tester"), or NULL (the reason on stderr);
 * tmpstore_pg_close closes it and drops the database. */
struct store *tmpstore_pg_open(const char *tag);
void tmpstore_pg_close(struct store *s);

/* Run one statement (never user text) on the database url names; 0 when it worked, else -1
 * with the server's message on stderr. */
int tmpstore_pg_run(const char *url, const char *sql);

#endif

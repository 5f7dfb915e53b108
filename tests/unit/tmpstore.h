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
/* Close s (may be NULL) and remove what tmpstore_open made. */
void tmpstore_drop(struct store *s);

#endif

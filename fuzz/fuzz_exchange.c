/* fuzz_exchange.c — the exchange file import (domain/exchange.h: an organ's data moved between
 * platforms as JSON) on arbitrary bytes, into a database made once for the run (a temporary
 * folder) inside a transaction rolled back after each input, so inputs do not pay for opening
 * and migrating a store. Nothing may crash, leak or read out of bounds; whatever is refused is
 * refused with an error. Seed corpus: fuzz/corpus/fuzz_exchange. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "domain/exchange.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *s;
static char dir[64] = "/tmp/gk-fuzz-exchange-XXXXXX", path[96], wal[112], shm[112];

static void drop(void)
{
	store_close(s);
	unlink(path), unlink(wal), unlink(shm);
	rmdir(dir);
}

static struct store *store_once(void)
{
	struct gk_error e = { 0 };

	if (s)
		return s;
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof path, "%s/x.db", dir);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	if (store_open(path, STORE_CREATE, &s, &e) != 0) {
		fprintf(stderr, "%s: %s\n", path, e.msg);
		abort();
	}
	store_set_actor(s, "fuzz");
	atexit(drop);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st = store_once();
	struct exchange_counts n;
	struct gk_error e = { 0 };

	if (store_begin(st, &e) != 0)
		abort();
	if (exchange_import(st, (const char *)data, size, "fuzz.json", &n, &e) != 0 && !e.msg[0])
		abort();  /* a refusal says why */
	store_rollback(st);
	return 0;
}

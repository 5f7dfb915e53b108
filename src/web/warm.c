/*
 * warm.c — the search index read from the disk ahead of the first searches, in the background
 * while the server starts answering: after a restart (or a reboot) the index's pages are not
 * in the system's file cache, and the first searches read them one at a time: at p99 2 to 15
 * times slower than once they are there (docs/search.md). A thread of its own, with its own
 * connection, reads the whole database file when it fits a budget (half the memory by
 * default, `gongkai serve --search-warm MB`), else the index's pages up to it (store/
 * sqlite_warm.c), and logs what it read. Then it opens the worker threads' connections, each
 * reading its map of the index's positions (what a connection reads at its first search: 40 to
 * 190 ms at 200,000 documents), for the workers to take (web/txn.c). Nothing for PostgreSQL,
 * whose server keeps its own buffers and whose connections keep nothing of the index.
 * May call: domain/catalogue.h, store/store.h (open, close), base/, web/.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/clock.h"
#include "domain/catalogue.h"
#include "store/store.h"
#include "web/web.h"
#include "web/webint.h"

static int warm_told(void *ctx, int64_t done)
{
	struct web *w = ctx;

	(void)done;
	return atomic_load(&w->warm_stop);
}

/* The workers' connections opened now, each having read what its first search would (its map
 * of the index's positions), and offered to the workers until each has one (web/txn.c): how
 * many were taken. */
static int open_ready(struct web *w)
{
	int n = 0;

	for (unsigned i = 0; i < w->cfg->threads && !atomic_load(&w->warm_stop); i++) {
		struct gk_error e = { 0 };
		struct store *s = NULL;

		if (store_open(w->cfg->db_path, 0, &s, &e) != 0 ||
		    catalogue_search_ready(s, &e) != 0) {
			fprintf(stderr, "gongkai serve: opening a connection ahead: %s\n", e.msg);
			store_close(s);
			break;
		}
		store_set_totp_key_file(s, w->cfg->totp_key_file);
		if (!webint_store_offer(w, s)) {
			store_close(s);
			break;
		}
		n++;
	}
	return n;
}

static void *warm_main(void *arg)
{
	struct web *w = arg;
	struct store *s = NULL;
	struct gk_error e = { 0 };
	int64_t done = 0;
	double t0 = clock_seconds();
	int rc, whole = 0;

	/* below the workers: a search that comes meanwhile goes first */
	(void)setpriority(PRIO_PROCESS, 0, 10);
	rc = store_open(w->cfg->db_path, STORE_READONLY, &s, &e);
	if (rc == 0)
		rc = catalogue_search_warm(s, w->warm_budget, warm_told, w, &done, &whole, &e);
	store_close(s);
	if (rc != 0)
		fprintf(stderr, "gongkai serve: reading the search index ahead: %s\n", e.msg);
	else if (atomic_load(&w->warm_stop))
		fprintf(stderr, "gongkai serve: %.1f MB of the %s read ahead when stopped\n",
			(double)done / 1e6, whole ? "database file" : "search index");
	else if (whole)
		fprintf(stderr, "gongkai serve: the database file, %.1f MB, read ahead in %.1f s\n",
			(double)done / 1e6, clock_seconds() - t0);
	else
		fprintf(stderr, "gongkai serve: search index: %.1f MB read ahead in %.1f s%s\n",
			(double)done / 1e6, clock_seconds() - t0,
			done >= w->warm_budget ? " (the budget of --search-warm; the rest is read "
						 "by the searches)" : "");
	if (rc == 0 && !atomic_load(&w->warm_stop) && (rc = open_ready(w)) > 0)
		fprintf(stderr, "gongkai serve: %d connection%s of the workers opened, ready for "
			"searching\n", rc, rc > 1 ? "s" : "");
	return NULL;
}

/* The budget in bytes: --search-warm MB, else half the memory; 0: none. */
static int64_t warm_budget(const struct web_config *cfg)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);

	if (cfg->search_warm_mb < 0)
		return 0;
	if (cfg->search_warm_mb > 0)
		return (int64_t)cfg->search_warm_mb << 20;
	return pages > 0 && size > 0 ? (int64_t)pages * size / 2 : (int64_t)1 << 30;
}

void webint_warm_start(struct web *w)
{
	sigset_t set, old;

	atomic_init(&w->warm_stop, 0);
	w->warm_budget = warm_budget(w->cfg);
	if (w->warm_budget == 0 || store_is_server(w->cfg->db_path))
		return;
	/* the stop signals are for the server's sigwait (web/http.c): a thread that did not
	 * block them would take one and end the process there */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	if (pthread_create(&w->warm_thread, NULL, warm_main, w) == 0)
		w->warm_running = 1;
	else
		fprintf(stderr, "gongkai serve: the search index is not read ahead (no thread)\n");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void webint_warm_stop(struct web *w)
{
	if (!w->warm_running)
		return;
	atomic_store(&w->warm_stop, 1);
	pthread_join(w->warm_thread, NULL);
	w->warm_running = 0;
}

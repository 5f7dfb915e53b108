/*
 * sqlite_warm.c — the search index read from the disk ahead of the searches (store/driver.h's
 * warm; gongkai serve does it at start, web/warm.c), so that the first searches after a
 * restart do not read it a page at a time.
 *
 * When the whole database file fits the budget it is read from start to end in large reads
 * (about 600 MB/s on the bench machine at 200,000 documents, against 150 MB/s for the index's
 * pages one at a time: docs/search.md), which brings the documents a page of results shows
 * as well. Else every page of the search index's b-trees is read through the connection —
 * dbstat visits each page of a b-tree, its overflow pages too —, smallest part first, up to
 * the budget; a statement per tree, so that no read transaction lasts longer than one tree.
 * May call base/, store/driver.h, sqlite3.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "store/sqlite_int.h"

#define CHUNK (1 << 20)   /* a read of the file; fn is told after each */

/* The b-trees a search reads, the smallest parts first: search_doc, which each connection
 * reads whole at its first search (the map of positions), the titles' index, then the whole
 * index's terms, sizes and lists. */
static const char *const trees[] = {
	"search_doc", "search_doc_pos", "search_title_idx", "search_title_docsize",
	"search_title_data", "search_fts_idx", "search_fts_docsize", "search_fts_data",
};

/* The file fd of size bytes read from start to end; 0, or ERR_IO naming path. */
static int read_file(int fd, const char *path, int64_t size, int (*fn)(void *ctx, int64_t done),
		     void *ctx, int64_t *done, struct gk_error *e)
{
	char *buf = malloc(CHUNK);
	int rc = 0;

	if (buf == NULL)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	while (*done < size) {
		ssize_t n = read(fd, buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = err_set(e, ERR_IO, "", "reading %s: %s", path, strerror(errno));
			break;
		}
		if (n == 0)
			break;
		*done += n;
		if (fn && fn(ctx, *done))
			break;
	}
	free(buf);
	return rc;
}

/* Every page of the index's trees through the connection, up to budget bytes. */
static int read_trees(struct store *s, int64_t budget, int (*fn)(void *ctx, int64_t done),
		      void *ctx, int64_t *done, struct gk_error *e)
{
	static const char sql[] = "SELECT pgsize FROM dbstat WHERE name = ?1";
	int64_t told = 0;
	sqlite3_stmt *st;
	int rc = 0, row;

	for (size_t t = 0; t < sizeof trees / sizeof *trees && rc == 0; t++) {
		if ((rc = sq_stmt(s, sql, &st, e)) != 0)
			return rc;
		sqlite3_bind_text(st, 1, trees[t], -1, SQLITE_STATIC);
		while ((rc = sq_next(s, st, &row, "reading the search index ahead", e)) == 0 && row) {
			int stop;

			*done += sqlite3_column_int64(st, 0);
			stop = *done >= budget;
			if (!stop && fn && *done - told >= CHUNK)
				stop = fn(ctx, told = *done);
			if (stop) {
				sqlite3_reset(st);
				return 0;
			}
		}
	}
	return rc;
}

int sq_warm(struct store *s, int64_t budget, int (*fn)(void *ctx, int64_t done), void *ctx,
	    int64_t *done, int *whole, struct gk_error *e)
{
	const char *path = sqlite3_db_filename(sq_db(s), "main");
	struct stat sb;
	int fd, rc;

	*done = 0;
	*whole = 0;
	if (path && *path && (fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		if (fstat(fd, &sb) == 0 && sb.st_size <= budget) {
			*whole = 1;
			rc = read_file(fd, path, (int64_t)sb.st_size, fn, ctx, done, e);
			close(fd);
			return rc;
		}
		close(fd);
	}
	return read_trees(s, budget, fn, ctx, done, e);
}

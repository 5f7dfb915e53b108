/*
 * bench_search.c — the catalogue's full-text search at a platform's size.
 *
 * Usage: bench_search CACHE_DIR N TRAINING_FILE…   (run by bench/search.sh, `make bench`;
 * never by make check). Environment: SEARCH_BENCH_REUSE=1 keeps an index built before for N
 * (only the queries are run again); SEARCH_BENCH_INDEX_ONLY=1 stops after indexing;
 * SEARCH_BENCH_FTS="pgsz=4000 automerge=8" sets FTS5 options on the new index (fts_config);
 * with SEARCH_BENCH_INDEX_ONLY=1 the same text is also put into a bare FTS5 table (fts_alone),
 * the floor the store's indexing is compared with, under rowids 1, 2, 3, … and under the
 * store's search keys, and through the tokenizer alone. SEARCH_BENCH_PG=URL (bench/search.sh
 * SEARCH_BENCH_DB=postgresql) does the same on an empty PostgreSQL database instead: indexed
 * through the same store, the server's CPU time counted (its cluster in SEARCH_BENCH_PG_DIR),
 * sizes from pg_total_relation_size, the LIKE scan in PostgreSQL, no trigram table (PostgreSQL
 * has none built in; pg_trgm is an extension); reused as the SQLite file is, marked by
 * SEARCH_BENCH_PG_DIR/indexed.
 *
 * 1. The corpus of N generated documents (search_corpus.h) is made once into
 *    CACHE_DIR/corpus-N.bin and reused.
 * 2. A new database CACHE_DIR/search-N.db is filled through the store (doc_store insert and
 *    attach: the document row, its attachment with its text, and the search index kept in step
 *    by the schema's triggers), committed every 10,000 documents: documents/s and characters/s.
 * 3. Sizes on disk (dbstat): the search index, the documents, and the text indexed.
 * 4. SQLite's own trigram tokenizer is built over the same fields as the store's index (title;
 *    文号, 索引号 and keywords; summary and body; the attachments' text: the schema's
 *    search_source, TRI_SOURCE), an external-content FTS5 table, timed. A table kept from an older bench, which left out the
 *    文号 and 索引号 (and so found neither), is built again.
 * 5. Eight classes of queries (1, 2, 4 characters, several terms, a quoted phrase, a 文号, an
 *    索引号, and common words under the filters a user sets by clicking a facet: organ, year,
 *    主题分类, 体裁, 有效性), 12 each, each run 3 times: the whole catalogue_search path as the portal calls it
 *    (public view, by relevance, first page of 10 with highlighted titles and passages, the
 *    total and the facets; the process's table of folded characters is built first, as
 *    gongkai serve builds it at start). Against it, in the same run: a LIKE '%…%' scan of
 *    the same fields (count, on 3 of the queries as each takes seconds)
 *    and the trigram table (count and the 10 best by bm25 with snippet(), for queries whose
 *    terms have ≥ 3 characters: trigram finds nothing shorter). The FTS p99 of the runs after
 *    each query's first is printed apart ("again"): a first run may read the index's pages
 *    from disk when the database is larger than memory or the scans beside it pushed them out.
 *    A query whose exact total a baseline counts otherwise is printed under its class.
 * The load average is printed with each phase: the machine is shared.
 */
#include <dirent.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "domain/agency.h"
#include "domain/catalogue.h"
#include "search_corpus.h"
#include "search/tokenize.h"
#include "store/agency_store.h"
#include "store/doc_store.h"
#include "store/fts_tokenizer.h"
#include "store/store.h"
#include "text/normalise.h"
#include "text/utf8.h"

#define NQ 12        /* queries per class */
#define REPEAT 3     /* runs of each query */
#define NLIKE 3      /* of them scanned with LIKE */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
	struct rusage r;
	getrusage(RUSAGE_SELF, &r);
	return r.ru_utime.tv_sec + r.ru_utime.tv_usec / 1e6 + r.ru_stime.tv_sec +
	       r.ru_stime.tv_usec / 1e6;
}

/* utime + stime (+ cutime + cstime with children) of process pid, in seconds; its parent's pid. */
static double proc_cpu(long pid, int children, long *ppid)
{
	char path[64], buf[1024], *p;
	unsigned long ut, st;
	long cut, cst;
	double r = 0;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(buf, sizeof buf, fp) && (p = strrchr(buf, ')')) != NULL &&
	    sscanf(p + 2, "%*c %ld %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %ld %ld", ppid, &ut,
		   &st, &cut, &cst) == 5)
		r = (double)(ut + st + (children ? (unsigned long)(cut + cst) : 0)) /
		    (double)sysconf(_SC_CLK_TCK);
	fclose(fp);
	return r;
}

/* CPU seconds of the PostgreSQL cluster in SEARCH_BENCH_PG_DIR (the postmaster, the backends
 * that ended, and its live processes): the server's share of indexing, 0 without one. */
static double server_cpu_seconds(void)
{
	const char *dir = getenv("SEARCH_BENCH_PG_DIR");
	char path[4200];
	long master = 0, ppid;
	double r;
	FILE *fp;
	DIR *d;
	struct dirent *de;

	if (!dir)
		return 0;
	snprintf(path, sizeof path, "%s/data/postmaster.pid", dir);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	if (fscanf(fp, "%ld", &master) != 1)
		master = 0;
	fclose(fp);
	if (master <= 0 || (d = opendir("/proc")) == NULL)
		return 0;
	r = proc_cpu(master, 1, &ppid);
	while ((de = readdir(d)) != NULL) {
		long pid = strtol(de->d_name, NULL, 10);
		double c;
		if (pid > 0 && pid != master && (c = proc_cpu(pid, 0, &ppid)) > 0 && ppid == master)
			r += c;
	}
	closedir(d);
	return r;
}

/* Environment variable name set to "1". */
static int flag(const char *name)
{
	const char *v = getenv(name);
	return v && strcmp(v, "1") == 0;
}

static const char *loadavg(void)
{
	static char buf[64];
	FILE *fp = fopen("/proc/loadavg", "r");
	buf[0] = '\0';
	if (fp) {
		if (fgets(buf, sizeof buf, fp)) {
			char *sp = strchr(buf, ' ');
			if (sp && (sp = strchr(sp + 1, ' ')) && (sp = strchr(sp + 1, ' ')))
				*sp = '\0';
		}
		fclose(fp);
	}
	return buf;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void die(const char *what, const struct gk_error *e)
{
	fprintf(stderr, "bench_search: %s: %s %s\n", what, e ? e->field : "", e ? e->msg : "");
	exit(1);
}

static double pct(double *v, int n, double p)
{
	int i = (int)(p * (n - 1) + 0.5);
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[i];
}

/* ---------------------------------------------------------------- indexing */

/* SEARCH_BENCH_FTS="pgsz=4000 automerge=8 …": FTS5 configuration options written into the new
 * index before it is filled (through a second connection, outside any transaction), so that
 * merge settings can be compared on the same corpus. */
static void fts_config(const char *db_path)
{
	const char *spec = getenv("SEARCH_BENCH_FTS");
	char opt[64], sql[160], *err = NULL;
	sqlite3 *db;
	int val, used;

	if (!spec || !*spec)
		return;
	if (sqlite3_open(db_path, &db) != SQLITE_OK || store_fts_register(db) != 0)
		die("fts config: open", NULL);
	while (sscanf(spec, " %63[a-z]=%d%n", opt, &val, &used) == 2) {
		snprintf(sql, sizeof sql, "INSERT INTO search_fts (search_fts, rank) VALUES ('%s', %d)",
			 opt, val);
		if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
			die(err, NULL);
		printf("FTS5 %s = %d\n", opt, val);
		spec += used;
	}
	sqlite3_close(db);
}

static void build(const char *db_path, struct corpus *c, double *text_bytes)
{
	struct gk_error e = { 0 };
	struct store *s;
	int64_t organ_id[CORPUS_ORGANS], id, att_id;
	struct corpus_doc cd;
	long n = 0, total = search_corpus_count(c);
	double t0, c0, chars = 0, bytes = 0, t_attach = 0, t1;
	const char *scan_env = getenv("SEARCH_BENCH_SCAN");
	int scan_too = scan_env && (strcmp(scan_env, "1") == 0 || strcmp(scan_env, "reindex") == 0);
	/* "reindex": the page marked as read with an empty text, which re-indexes its document
	 * as every file did before migration 17 (the baseline for SEARCH_BENCH_SCAN=1) */
	int scan_reindex = scan_env && strcmp(scan_env, "reindex") == 0;
	int server = store_is_server(db_path);

	if (!server)
		remove(db_path);
	if (store_open(db_path, STORE_CREATE, &s, &e) != 0)
		die("open", &e);
	store_set_actor(s, "bench");
	if (!server)
		fts_config(db_path);
	if (store_begin(s, &e))
		die("begin", &e);
	for (int i = 0; i < CORPUS_ORGANS; i++) {
		struct corpus_organ o;
		search_corpus_organ(i, &o);
		struct agency_new an = { .name = o.name, .code = o.uscc,
					 .level = i <= 22 ? "township" : "county-dept" };
		if (agency_create(s, &an, &organ_id[i], &e))
			die(o.name, &e);
	}
	if (store_commit(s, &e))
		die("commit", &e);
	printf("indexing %ld documents (load average %s)\n", total, loadavg());
	fflush(stdout);
	t0 = now();
	c0 = cpu_seconds() + server_cpu_seconds();
	search_corpus_rewind(c);
	while (search_corpus_next(c, &cd)) {
		struct corpus_organ o;
		struct doc d = { 0 };

		if (n % 10000 == 0 && ((n && store_commit(s, &e)) || store_begin(s, &e)))
			die("commit", &e);
		search_corpus_organ(cd.organ, &o);
		d.agency_id = organ_id[cd.organ];
		d.index_no = cd.index_no;
		d.title = cd.title;
		d.doc_no = *cd.doc_no ? cd.doc_no : NULL;
		d.body = cd.body;
		d.publisher = o.name;
		d.signed_date = d.published_date = d.changed_date = cd.date;
		d.topic = cd.topic;
		d.genre = cd.genre;
		d.disclosure = "proactive";
		d.validity = cd.validity;
		d.invalid_date = *cd.invalid_date ? cd.invalid_date : NULL;
		d.time_limit = TIME_LIMIT_DEFAULT;
		d.state = "published";
		d.author = "bench";
		d.created_at = d.updated_at = "2025-07-01T00:00:00Z";
		if (doc_store(s)->insert(s, &d, &id, &e))
			die("insert", &e);
		bytes += (double)(strlen(cd.title) + strlen(cd.body));
		chars += (double)(utf8_count(cd.title, strlen(cd.title)) +
				  utf8_count(cd.body, strlen(cd.body)));
		if (*cd.attach_name) {
			struct doc_attachment att = {
				.doc_id = id, .name = cd.attach_name, .mime = "text/plain",
				.size = (int64_t)strlen(cd.attach_text), .sha256 = "-",
				.data = cd.attach_text, .text_state = "ok", .text = cd.attach_text,
			};
			/* SEARCH_BENCH_SCAN=1: each such document also gets a scanned page, a file
			 * with no text (it must leave the index alone) */
			struct doc_attachment scan = {
				.doc_id = id, .name = "scan.png", .mime = "image/png", .size = 8,
				.sha256 = "-", .data = "\x89PNG\r\n\x1a\n",
				.text_state = scan_reindex ? "ok" : "none", .text = scan_reindex ? "" : NULL,
			};
			t1 = now();
			if (doc_store(s)->attach(s, &att, &att_id, &e) ||
			    (scan_too && doc_store(s)->attach(s, &scan, &att_id, &e)))
				die("attach", &e);
			t_attach += now() - t1;
			bytes += (double)strlen(cd.attach_text);
			chars += (double)utf8_count(cd.attach_text, strlen(cd.attach_text));
		}
		if (++n % 100000 == 0) {
			printf("  %ld documents, %.0f documents/s, %.0f per CPU-second (load average "
			       "%s)\n", n, n / (now() - t0), n / (cpu_seconds() + server_cpu_seconds() - c0),
			       loadavg());
			fflush(stdout);
		}
	}
	if (store_commit(s, &e))
		die("commit", &e);
	double secs = now() - t0, cpu = cpu_seconds() + server_cpu_seconds() - c0;
	printf("indexed %ld documents in %.0f s: %.0f documents/s, %.2f M characters/s "
	       "(%.0f characters a document with attachments; load average %s); "
	       "%.0f s of CPU%s: %.0f documents per CPU-second\n", n, secs,
	       n / secs, chars / secs / 1e6, chars / n, loadavg(), cpu,
	       server ? " (gongkai and the PostgreSQL server)" : "", n / cpu);
	/* adding an attachment re-indexes its document (removed with its old text, added again) */
	printf("of which adding attachments: %.0f s (%.0f %%)\n", t_attach, 100 * t_attach / secs);
	store_close(s);
	*text_bytes = bytes;
}

/* A document of the corpus and the search key the store gave it. */
struct keyed_doc {
	struct corpus_doc d;
	int64_t key;
};

static int by_key_desc(const void *x, const void *y)
{
	int64_t a = ((const struct keyed_doc *)x)->key, b = ((const struct keyed_doc *)y)->key;
	return (a < b) - (a > b);
}

/* The corpus's documents with the keys the store gave them in db_path (document n is the
 * corpus's n-th), in the order the store indexes them (keys descending); *n their number. */
static struct keyed_doc *keyed_docs(const char *db_path, struct corpus *c, long *n)
{
	long cap = search_corpus_count(c), got = 0;
	struct keyed_doc *v = calloc((size_t)cap + 1, sizeof *v);
	sqlite3 *db;
	sqlite3_stmt *st;

	if (v == NULL)
		die("fts alone: out of memory", NULL);
	search_corpus_rewind(c);
	while (got < cap && search_corpus_next(c, &v[got].d))   /* fields point into the map */
		got++;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT doc_id, key FROM search_doc", -1, &st, NULL) != SQLITE_OK)
		die("fts alone: reading the keys", NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id >= 1 && id <= got)
			v[id - 1].key = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	qsort(v, (size_t)got, sizeof *v, by_key_desc);
	*n = got;
	return v;
}

/* SEARCH_BENCH_INDEX_ONLY=1, the floor in the same run: the same text (title, meta, body,
 * attachment) put straight into a bare contentless FTS5 table with the same tokenizer, in the
 * store's order, 10,000 rows a transaction — what FTS5 itself costs with these tokens, without
 * the document rows and the triggers — under rowids 1, 2, 3, … and then under the search keys,
 * negated (the store's rowids until migration search_pos; it indexes under positions since):
 * what the keys cost FTS5 in time and size. */
static void fts_alone(const char *db_path, struct corpus *c)
{
	char path[4200];
	long n;
	struct keyed_doc *v = keyed_docs(db_path, c, &n);

	snprintf(path, sizeof path, "%s.fts-alone", db_path);
	for (int keyed = 0; keyed < 2; keyed++) {
		sqlite3 *db;
		sqlite3_stmt *st;
		struct stat sb;
		double t0, c0;

		remove(path);
		if (sqlite3_open(path, &db) != SQLITE_OK || store_fts_register(db) != 0 ||
		    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
				 "CREATE VIRTUAL TABLE f USING fts5 (title, meta, body, attach, "
				 "content = '', tokenize = 'gongkai'); "
				 "INSERT INTO f (f, rank) VALUES ('hashsize', 67108864)",
				 NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "INSERT INTO f (rowid, title, meta, body, attach) "
				       "VALUES (?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
			die("fts alone: setup", NULL);
		t0 = now();
		c0 = cpu_seconds();
		for (long i = 0; i < n; i++) {
			const struct corpus_doc *cd = &v[i].d;
			char meta[512];
			if (i % 10000 == 0)
				sqlite3_exec(db, i ? "COMMIT; BEGIN" : "BEGIN", NULL, NULL, NULL);
			snprintf(meta, sizeof meta, "%s\n%s\n", cd->doc_no, cd->index_no);
			sqlite3_bind_int64(st, 1, keyed ? -v[i].key : i + 1);
			sqlite3_bind_text(st, 2, cd->title, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, meta, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, cd->body, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, cd->attach_text, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				die("fts alone: insert", NULL);
			sqlite3_reset(st);
		}
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		sqlite3_finalize(st);
		sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
		sqlite3_close(db);
		double secs = now() - t0, cpu = cpu_seconds() - c0;
		printf("FTS5 alone, the same text and tokens, rowids %s: %ld documents in %.0f s, "
		       "%.0f s of CPU: %.0f documents per CPU-second; %.0f MB\n",
		       keyed ? "the search keys (the store's until migration search_pos)" : "1, 2, 3, …", n, secs, cpu, n / cpu,
		       stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0.0);
	}
	remove(path);
	free(v);
}

static int count_token(void *ctx, const char *tok, size_t len, size_t start, size_t end, int flags)
{
	(void)tok;
	(void)len;
	(void)start;
	(void)end;
	(void)flags;
	++*(long *)ctx;
	return 0;
}

/* SEARCH_BENCH_INDEX_ONLY=1, below the floor: the same fields through the tokenizer alone
 * (search_tokenize, document mode), no index — what any index with these tokens costs at
 * least. */
static void tokenizer_alone(struct corpus *c)
{
	struct corpus_doc cd;
	long n = 0, tokens = 0;
	double c0 = cpu_seconds();

	search_corpus_rewind(c);
	while (search_corpus_next(c, &cd)) {
		const char *field[] = { cd.title, cd.doc_no, cd.index_no, cd.body, cd.attach_text };
		for (size_t i = 0; i < sizeof field / sizeof field[0]; i++)
			search_tokenize(field[i], strlen(field[i]), SEARCH_TOK_DOCUMENT, count_token,
					&tokens);
		n++;
	}
	double cpu = cpu_seconds() - c0;
	printf("the tokenizer alone, no index: %.0f documents per CPU-second (%.0f tokens a "
	       "document)\n", n / cpu, (double)tokens / (double)n);
}

/* The trigram table and the LIKE scans read what the store's index reads: search_source, the
 * schema's one definition of it (the title; 文号, 索引号 and keywords; summary and body; the
 * attachments' text), so that all three look for a query in the same fields. */
#define TRI_SOURCE \
	"CREATE VIEW tri_source AS SELECT doc_id AS id, title, meta, body, attach " \
	"FROM search_source;"

/* 1 if db has a trigram table over every field of TRI_SOURCE (one kept from an older bench
 * left out the 文号 and 索引号, and found neither). */
static int trigram_current(sqlite3 *db)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('tri') WHERE name = 'meta'", -1,
			       &st, NULL) == SQLITE_OK)
		ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

static void trigram(sqlite3 *db)
{
	double t0 = now();
	char *err = NULL;

	printf("building the trigram table (load average %s)\n", loadavg());
	fflush(stdout);
	if (sqlite3_exec(db,
			 /* an old table's pages are freed without being zeroed first (that
			  * wrote all 9.8 GB of it once more into the WAL at 10⁶ documents) */
			 "PRAGMA secure_delete = FAST;"
			 "DROP TABLE IF EXISTS tri;"
			 "DROP VIEW IF EXISTS tri_source;" TRI_SOURCE
			 "CREATE VIRTUAL TABLE tri USING fts5(title, meta, body, attach, "
			 "content = 'tri_source', content_rowid = 'id', tokenize = 'trigram');"
			 "INSERT INTO tri(tri) VALUES ('rebuild');", NULL, NULL, &err) != SQLITE_OK)
		die(err, NULL);
	printf("trigram table built in %.0f s (load average %s)\n", now() - t0, loadavg());
}

/* The sizes on disk (dbstat: reads every page of the database, 32 GB at 10⁶ documents, which
 * also pushes the index out of memory). Measured when the index is built and kept in
 * cache_file; a run that reuses the index prints what was kept (SEARCH_BENCH_SIZES=1 or
 * measure set: measured again). */
static void sizes(sqlite3 *db, double text_bytes, const char *cache_file, int measure)
{
	sqlite3_stmt *st;
	char line[512];
	FILE *fp;

	if (!measure && !flag("SEARCH_BENCH_SIZES") && (fp = fopen(cache_file, "r")) != NULL) {
		if (fgets(line, sizeof line, fp))
			printf("%s", line);
		fclose(fp);
		printf("(sizes as measured before; SEARCH_BENCH_SIZES=1 measures them again)\n");
		return;
	}
	if (sqlite3_prepare_v2(db, "SELECT "
			       "sum(pgsize) FILTER (WHERE name LIKE 'search%'), "
			       "sum(pgsize) FILTER (WHERE name LIKE 'document%' OR name LIKE 'sqlite_autoindex_document%'), "
			       "sum(pgsize) FILTER (WHERE name LIKE 'tri%'), sum(pgsize) FROM dbstat",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		double idx = (double)sqlite3_column_int64(st, 0);
		snprintf(line, sizeof line, "size on disk: search index %.0f MB (%.2f × the %.0f MB of "
			 "text indexed), documents and attachments %.0f MB, trigram index %.0f MB "
			 "(%.2f ×), database %.0f MB\n", idx / 1048576.0, idx / text_bytes,
			 text_bytes / 1048576.0, sqlite3_column_int64(st, 1) / 1048576.0,
			 sqlite3_column_int64(st, 2) / 1048576.0,
			 sqlite3_column_int64(st, 2) / text_bytes,
			 sqlite3_column_int64(st, 3) / 1048576.0);
		printf("%s", line);
		if ((fp = fopen(cache_file, "w")) != NULL) {
			fputs(line, fp);
			fclose(fp);
		}
	} else {
		printf("size on disk: dbstat not available (%s)\n", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
}

static void pg_sizes(PGconn *pg, double text_bytes)
{
	PGresult *r = PQexec(pg, "SELECT "
			     "(SELECT sum(pg_total_relation_size(oid)) FROM pg_class WHERE relkind = 'r' "
			     "  AND relname LIKE 'search%'), "
			     "pg_total_relation_size('document') + pg_total_relation_size('document_attachment'), "
			     "pg_database_size(current_database())");

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
		double idx = strtod(PQgetvalue(r, 0, 0), NULL);
		printf("size on disk: search index (tsvectors, GIN) %.0f MB (%.2f × the %.0f MB of text "
		       "indexed), documents and attachments %.0f MB, database %.0f MB\n",
		       idx / 1048576.0, idx / text_bytes, text_bytes / 1048576.0,
		       strtod(PQgetvalue(r, 0, 1), NULL) / 1048576.0,
		       strtod(PQgetvalue(r, 0, 2), NULL) / 1048576.0);
	} else {
		printf("size on disk: %s\n", PQerrorMessage(pg));
	}
	PQclear(r);
}

/* ---------------------------------------------------------------- queries */

/* A filter a portal user sets by clicking a facet: an organ of the corpus (its index, -1 none),
 * a year, a 主题分类 (a path or its first level), a 体裁, an 有效性. */
struct qfilter {
	int organ, year;
	const char *topic, *genre, *validity;
};

struct qclass {
	const char *name;
	char q[NQ][160];
	int trigram_ok;     /* every term has ≥ 3 characters */
	const struct qfilter *filter;   /* each query's, or NULL: no baseline counts with them */
};

/* Common words under filters of every kind, the organs among the 59 small ones (1.3 % of the
 * documents each; organ 0, the county, has a quarter): the match is read until 10,001 kept
 * rows or its end. */
static const struct qfilter filters[NQ] = {
	{ .organ = 17 }, { .organ = 0 }, { .organ = -1, .genre = "批复" },
	{ .organ = -1, .topic = "市场监管、安全生产监管" }, { .organ = -1, .year = 2020 },
	{ .organ = -1, .validity = "repealed" }, { .organ = 41, .year = 2023 }, { .organ = 5 },
	{ .organ = -1, .topic = "农业、林业、水利\\水利" }, { .organ = -1, .genre = "工作动态" },
	{ .organ = 33 }, { .organ = 0, .validity = "expired" },
};

static struct qclass classes[] = {
	{ "1 character", { "申", "镇", "补", "危", "疫", "耕", "税", "宅", "渔", "诉", "援", "码" }, 0, NULL },
	{ "2 characters", { "公开", "土地", "低保", "招标", "防汛", "疫苗", "宅基", "信访", "灌溉",
			    "户籍", "税务", "听证" }, 0, NULL },
	{ "4 characters", { "乡村振兴", "安全生产", "农村土地", "政府信息", "危房改造", "污水治理",
			    "医疗保障", "行政许可", "退役军人", "残疾人员", "一事一议", "网格管理" }, 1, NULL },
	{ "multi-term", { "土地 流转", "财政 预算 公开", "低保 名单", "安全生产 检查",
			  "养老 服务 补贴", "招标 采购 结果", "疫苗 接种", "防汛 应急 预案",
			  "宅基地 审查", "村民 委员会 会议", "就业 培训", "垃圾 治理 整治" }, 0, NULL },
	{ "phrase", { "\"政府信息公开工作\"", "\"农村土地承包经营\"", "\"安全生产大检查\"",
		      "\"公示期间如有异议\"", "\"最低生活保障\"", "\"高标准农田建设\"",
		      "\"行政复议\"", "\"特此通知\"", "\"人居环境整治\"", "\"疫情防控工作\"",
		      "\"联系电话\"", "\"森林防火\"" }, 1, NULL },
	{ "文号", { "" }, 1, NULL },
	{ "索引号", { "" }, 1, NULL },
	{ "filtered", { "公开", "土地", "通知", "安全生产", "政府信息", "管理", "公开",
			"\"政府信息公开工作\"", "乡村振兴", "信访", "申", "补贴" }, 0, filters },
};
#define NCLASS (sizeof classes / sizeof classes[0])

/* 文号 and 索引号 of documents spread over the corpus (total documents), read from the
 * database at target: the documents were added in the corpus's order, so its n-th is document
 * n. (Reading them from the corpus read most of it, 6.5 GB at 10⁶ documents, and pushed the
 * index out of memory before the queries.) The same picks as the corpus gives: the 索引号 of
 * document k·step, the first 文号 from document k·step on, k = 1…NQ. */
static void pick_codes(const char *target, long total)
{
	struct gk_error e = { 0 };
	struct store *s;
	struct arena a;
	int64_t step = total / (NQ + 1), id = step;
	int dn = 0;

	if (store_open(target, STORE_READONLY, &s, &e) != 0 || store_begin_read(s, &e) != 0)
		die("picking 文号 and 索引号", &e);
	arena_init(&a);
	for (int k = 0; k < NQ; k++) {
		struct doc d;
		if (doc_store(s)->get(s, (k + 1) * step, &a, &d, &e) != 0)
			die("picking 索引号", &e);
		snprintf(classes[6].q[k], sizeof classes[6].q[0], "%s", d.index_no);
	}
	for (; dn < NQ && id <= total; id++) {
		struct doc d;
		if (id < (dn + 1) * step)
			id = (dn + 1) * step;
		if (doc_store(s)->get(s, id, &a, &d, &e) != 0)
			die("picking 文号", &e);
		if (d.doc_no && *d.doc_no)
			snprintf(classes[5].q[dn++], sizeof classes[5].q[0], "%s", d.doc_no);
	}
	if (dn < NQ)
		die("picking 文号: too few documents have one", NULL);
	arena_free(&a);
	store_rollback(s);
	store_close(s);
}

/* Terms of q (split at spaces, quotes dropped) as a trigram MATCH, or LIKE conditions. */
static int terms_of(const char *q, char out[][160])
{
	int n = 0;
	const char *p = q;

	while (*p && n < 8) {
		size_t m;
		while (*p == ' ' || *p == '"')
			p++;
		m = *q == '"' ? strcspn(p, "\"") : strcspn(p, " ");
		if (m == 0)
			break;
		snprintf(out[n++], 160, "%.*s", (int)m, p);
		p += m;
	}
	return n;
}

/* What the store's search is compared with in the same run: on SQLite a LIKE scan and the
 * trigram table of the same database, on PostgreSQL a LIKE scan of its tables. */
struct baseline {
	sqlite3 *db;
	PGconn *pg;
};

/* A LIKE '%…%' count in PostgreSQL over the fields the index holds (TRI_SOURCE). */
static double pg_like_query(PGconn *pg, const char *q, int *count)
{
	char sql[4096] = "SELECT count(*) FROM document d WHERE d.state <> 'withdrawn'", terms[8][160],
	     pat[8][170];
	const char *v[8];
	int n = terms_of(q, terms);
	PGresult *r;
	double t0;

	for (int i = 0; i < n; i++) {
		snprintf(sql + strlen(sql), sizeof sql - strlen(sql),
			 " AND (d.title LIKE $%d OR d.doc_no LIKE $%d OR d.index_no LIKE $%d OR "
			 "d.keywords LIKE $%d OR d.summary LIKE $%d OR d.body LIKE $%d OR EXISTS "
			 "(SELECT 1 FROM document_attachment a WHERE a.doc_id = d.id AND "
			 "a.text_state = 'ok' AND a.extracted_text LIKE $%d))",
			 i + 1, i + 1, i + 1, i + 1, i + 1, i + 1, i + 1);
		snprintf(pat[i], sizeof pat[i], "%%%.159s%%", terms[i]);
		v[i] = pat[i];
	}
	t0 = now();
	r = PQexecParams(pg, sql, n, NULL, v, NULL, NULL, 0);
	t0 = now() - t0;
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		die(PQerrorMessage(pg), NULL);
	*count = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return t0;
}

static double sqlite_like_query(sqlite3 *db, const char *q, int *count)
{
	char sql[2048] = "SELECT count(*) FROM tri_source WHERE 1", terms[8][160], pat[1300];
	int n = terms_of(q, terms);
	sqlite3_stmt *st;
	double t0;

	for (int i = 0; i < n; i++)
		snprintf(sql + strlen(sql), sizeof sql - strlen(sql),
			 " AND (title LIKE ?%d OR meta LIKE ?%d OR body LIKE ?%d OR attach LIKE ?%d)",
			 i + 1, i + 1, i + 1, i + 1);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db), NULL);
	for (int i = 0; i < n; i++) {
		snprintf(pat, sizeof pat, "%%%s%%", terms[i]);
		sqlite3_bind_text(st, i + 1, pat, -1, SQLITE_TRANSIENT);
	}
	t0 = now();
	*count = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	t0 = now() - t0;
	sqlite3_finalize(st);
	return t0;
}

static double like_query(const struct baseline *bl, const char *q, int *count)
{
	return bl->pg ? pg_like_query(bl->pg, q, count) : sqlite_like_query(bl->db, q, count);
}

static double trigram_query(sqlite3 *db, const char *q, int *count)
{
	char m[2048] = "", terms[8][160];
	int n = terms_of(q, terms), rows = 0;
	sqlite3_stmt *a = NULL, *b = NULL;
	double t0;

	for (int i = 0; i < n; i++)
		snprintf(m + strlen(m), sizeof m - strlen(m), "%s\"%s\"", i ? " AND " : "", terms[i]);
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM tri WHERE tri MATCH ?", -1, &a, NULL) ||
	    sqlite3_prepare_v2(db, "SELECT rowid, snippet(tri, -1, char(2), char(3), '…', 24) "
			       "FROM tri WHERE tri MATCH ? ORDER BY rank LIMIT 10", -1, &b, NULL))
		die(sqlite3_errmsg(db), NULL);
	sqlite3_bind_text(a, 1, m, -1, SQLITE_STATIC);
	sqlite3_bind_text(b, 1, m, -1, SQLITE_STATIC);
	t0 = now();
	*count = sqlite3_step(a) == SQLITE_ROW ? sqlite3_column_int(a, 0) : 0;
	while (sqlite3_step(b) == SQLITE_ROW)
		rows++;
	t0 = now() - t0;
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	return t0;
}

/* What q filters by, for SEARCH_BENCH_DETAIL=1. */
static const char *filter_name(const struct qfilter *q)
{
	static char out[256];
	int n = 0;

	out[0] = '\0';
	if (q->organ >= 0)
		n += snprintf(out + n, sizeof out - (size_t)n, "organ %d ", q->organ);
	if (q->year)
		n += snprintf(out + n, sizeof out - (size_t)n, "year %d ", q->year);
	if (q->topic)
		n += snprintf(out + n, sizeof out - (size_t)n, "主题分类 %s ", q->topic);
	if (q->genre)
		n += snprintf(out + n, sizeof out - (size_t)n, "体裁 %s ", q->genre);
	if (q->validity)
		snprintf(out + n, sizeof out - (size_t)n, "有效性 %s", q->validity);
	return out;
}

/* f as the portal's search with q's filter set (none when q is NULL). */
static void filter_of(struct store *s, const struct qfilter *q, struct doc_filter *f)
{
	f->agency_id = 0;
	f->year = q ? q->year : 0;
	f->topic = q ? q->topic : NULL;
	f->genre = q ? q->genre : NULL;
	f->validity = q ? q->validity : NULL;
	if (q && q->organ >= 0) {
		struct corpus_organ o;
		struct agency_rec r;
		struct gk_error e = { 0 };
		struct arena a;

		search_corpus_organ(q->organ, &o);
		arena_init(&a);
		if (store_begin_read(s, &e) || agency_store(s)->find_name(s, o.name, &a, &r, &e))
			die(o.name, &e);
		store_rollback(s);
		f->agency_id = r.id;
		arena_free(&a);
	}
}

static void queries(const char *target, const struct baseline *bl)
{
	struct gk_error e = { 0 };
	struct store *s;
	struct doc_filter f = { .public_only = 1, .today = "2026-01-01", .limit = 10 };
	/* SEARCH_BENCH_DETAIL=1: each query's times; SEARCH_BENCH_FTS_ONLY=1: no LIKE, no trigram */
	int detail = flag("SEARCH_BENCH_DETAIL"), fts_only = flag("SEARCH_BENCH_FTS_ONLY");
	int tri_ok = bl->db != NULL && !fts_only;

	if (flag("SEARCH_BENCH_COLD")) {
		/* the system's file cache emptied, as after a reboot (root only) */
		FILE *dc;
		sync();
		if ((dc = fopen("/proc/sys/vm/drop_caches", "w")) == NULL || fputs("3\n", dc) < 0 ||
		    fclose(dc) != 0) {
			fprintf(stderr, "SEARCH_BENCH_COLD: cannot write /proc/sys/vm/drop_caches "
				"(root only)\n");
			exit(1);
		}
		printf("\nthe system's file cache emptied (SEARCH_BENCH_COLD)\n");
	}
	if (store_open(target, STORE_READONLY, &s, &e) != 0)
		die("open", &e);
	text_fold_prepare();  /* as gongkai serve does at start: not a query's time */
	if (flag("SEARCH_BENCH_WARM") || (getenv("SEARCH_BENCH_WARM") &&
					    strcmp(getenv("SEARCH_BENCH_WARM"), "index") == 0)) {
		/* as gongkai serve does at start, in the background (web/warm.c) */
		/* SEARCH_BENCH_WARM=index: the index's pages alone, a budget just short of the
		 * file (on SQLite) */
		struct stat sb;
		int64_t done = 0, budget = (int64_t)1 << 40;
		int whole = 0;

		if (strcmp(getenv("SEARCH_BENCH_WARM"), "index") == 0 && stat(target, &sb) == 0)
			budget = (int64_t)sb.st_size - 1;
		double t = now();
		if (catalogue_search_warm(s, budget, NULL, NULL, &done, &whole, &e) != 0)
			die("reading the index ahead", &e);
		printf("\n%s read ahead (SEARCH_BENCH_WARM): %.0f MB in %.1f s\n",
		       whole ? "the database file" : "the search index", (double)done / 1e6,
		       now() - t);
		/* and the connection made ready, as gongkai serve opens its workers' */
		t = now();
		if (catalogue_search_ready(s, &e) != 0)
			die("making the connection ready", &e);
		printf("the connection made ready for searching (on SQLite its map of the index's "
		       "positions read): %.0f ms\n", (now() - t) * 1000);
	}
	{
		/* a connection reads the map of the index's positions at its first search and
		 * after the index changed (store/sqlite_keymap.c): timed apart */
		struct arena a;
		struct search_result res;
		double t = now();

		arena_init(&a);
		if (store_begin_read(s, &e) ||
		    catalogue_search(s, "公开", &f, SEARCH_BY_RELEVANCE, &a, &res, &e))
			die("the first search", &e);
		store_rollback(s);
		arena_free(&a);
		printf("\nthe first search of the connection (on SQLite it reads the map of the "
		       "index's positions unless the connection was made ready): %.0f ms\n",
		       (now() - t) * 1000);
	}
	printf("\nqueries (load average %s): p50 / p99 in ms over %d queries × %d runs (again: the "
	       "runs after each query's first, its pages read before); LIKE over %d of them, once\n",
	       loadavg(), NQ, REPEAT, NLIKE);
	printf("%-13s %9s %9s %9s %9s %9s %9s %9s %10s %8s %8s\n", "class", "FTS p50", "FTS p99",
	       "again p99", "LIKE p50", "LIKE max", "tri p50", "tri p99", "matches", "×LIKE", "×tri");
	for (size_t k = 0; k < NCLASS; k++) {
		const struct qclass *qc = &classes[k];
		double fts[NQ * REPEAT], like[NLIKE], tri[NQ * REPEAT], matches = 0;
		long total[NQ];
		int nf = 0, nt = 0, estimated = 0, exact[NQ], tri_found[NQ], like_found[NLIKE];

		for (int r = 0; r < REPEAT; r++) {
			for (int i = 0; i < NQ; i++) {
				struct arena a;
				struct search_result res;
				double t;

				arena_init(&a);
				filter_of(s, qc->filter ? &qc->filter[i] : NULL, &f);
				t = now();
				if (store_begin_read(s, &e) ||
				    catalogue_search(s, qc->q[i], &f, SEARCH_BY_RELEVANCE, &a, &res, &e))
					die(qc->q[i], &e);
				store_rollback(s);
				fts[nf++] = (now() - t) * 1000;
				if (detail)
					printf("  %-13s run %d  %8.1f ms  %s%ld  %s%s%s\n", qc->name, r + 1,
					       fts[nf - 1], res.exact ? "" : "~", (long)res.total, qc->q[i],
					       qc->filter ? "  under " : "", qc->filter ? filter_name(&qc->filter[i]) : "");
				if (r == 0) {
					matches += (double)res.total;
					estimated |= !res.exact;
					total[i] = (long)res.total;
					exact[i] = res.exact;
				}
				arena_free(&a);
				if (qc->trigram_ok && tri_ok) {
					int cnt;
					tri[nt++] = trigram_query(bl->db, qc->q[i], &cnt) * 1000;
					if (r == 0)
						tri_found[i] = cnt;
				}
			}
		}
		for (int i = 0; i < NLIKE; i++)
			like[i] = fts_only || qc->filter ? 0
							 : like_query(bl, qc->q[i], &like_found[i]) * 1000;
		/* fts[] holds run 1 of every query, then run 2, …: "again" is from run 2 on, taken
		 * before pct sorts the whole array in place */
		double again99 = pct(fts + NQ, nf - NQ, 0.99);
		double f50 = pct(fts, nf, 0.5), f99 = pct(fts, nf, 0.99);
		double l50 = pct(like, NLIKE, 0.5), lmax = pct(like, NLIKE, 1.0);
		if (nt) {
			double t50 = pct(tri, nt, 0.5), t99 = pct(tri, nt, 0.99);
			printf("%-13s %9.1f %9.1f %9.1f %9.0f %9.0f %9.1f %9.1f %9s%.0f %8.0f %8.1f\n",
			       qc->name, f50, f99, again99, l50, lmax, t50, t99, estimated ? "~" : "",
			       matches / NQ, l50 / f50, t50 / f50);
		} else if (qc->filter) {
			printf("%-13s %9.1f %9.1f %9.1f %9s %9s %9s %9s %9s%.0f %8s %8s\n", qc->name,
			       f50, f99, again99, "—", "—", "—", "—", estimated ? "~" : "", matches / NQ,
			       "—", "—");
		} else {
			printf("%-13s %9.1f %9.1f %9.1f %9.0f %9.0f %9s %9s %9s%.0f %8.0f %8s\n", qc->name,
			       f50, f99, again99, l50, lmax, "—", "—", estimated ? "~" : "", matches / NQ,
			       l50 / f50, "—");
		}
		/* the baselines look in the same fields (TRI_SOURCE): a query they count otherwise is
		 * shown (FTS5 folds traditional and full-width characters, LIKE and trigram do not) */
		for (int i = 0; i < NQ; i++) {
			if (!exact[i])
				continue;
			if (i < NLIKE && !fts_only && !qc->filter && like_found[i] != total[i])
				printf("  LIKE counts %d where gongkai finds %ld: %s\n", like_found[i],
				       total[i], qc->q[i]);
			if (nt && tri_found[i] != total[i])
				printf("  trigram counts %d where gongkai finds %ld: %s\n", tri_found[i],
				       total[i], qc->q[i]);
		}
		fflush(stdout);
	}
	printf("(load average %s)\n", loadavg());
	store_close(s);
}

/* The marker of an index built to the end (SEARCH_BENCH_REUSE=1 reads such an index again). */
static int is_done(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The marker holds the bytes of text indexed, for a run that reuses the index. */
static void mark_done(const char *path, double text_bytes)
{
	FILE *fp = fopen(path, "w");
	if (fp) {
		fprintf(fp, "%.0f\n", text_bytes);
		fclose(fp);
	}
}

/* An index kept from an older gongkai is upgraded before it is searched (the queries open it
 * read-only, which refuses an older schema). */
static void upgrade(const char *target)
{
	struct gk_error e = { 0 };
	struct store *s;
	double t0 = now();

	if (store_open(target, 0, &s, &e) != 0)
		die("upgrading the index kept", &e);
	store_close(s);
	printf("opened for writing, an older schema upgraded: %.0f s\n", now() - t0);
}

/* The bytes of text the corpus gives the index (as build counts them). */
static double corpus_text_bytes(struct corpus *c)
{
	struct corpus_doc d;
	double bytes = 0;

	search_corpus_rewind(c);
	while (search_corpus_next(c, &d))
		bytes += (double)(strlen(d.title) + strlen(d.body) + strlen(d.attach_text));
	return bytes;
}

/* The bytes of text a reused index holds: as its marker says, or (an older, empty marker)
 * counted from the corpus c once and written into the marker for the next run. */
static double reused_text_bytes(const char *path, struct corpus *c)
{
	FILE *fp = fopen(path, "r");
	double v = 0;

	if (fp) {
		if (fscanf(fp, "%lf", &v) != 1)
			v = 0;
		fclose(fp);
	}
	if (v == 0) {
		v = corpus_text_bytes(c);
		mark_done(path, v);
	}
	return v;
}

/* SEARCH_BENCH_PG=URL: the same corpus indexed into the empty PostgreSQL database at URL
 * through the store (or the one indexed before, with SEARCH_BENCH_REUSE=1), its sizes, and a
 * connection for the LIKE scans in bl. 0 when only the indexing was asked for. */
static int prepare_pg(const char *url, struct corpus *c, int reuse, struct baseline *bl)
{
	const char *dir = getenv("SEARCH_BENCH_PG_DIR");
	char done[4200];
	double text_bytes = 0;
	int built = 0;

	snprintf(done, sizeof done, "%s/indexed", dir ? dir : ".");
	if (reuse && is_done(done)) {
		text_bytes = reused_text_bytes(done, c);
		printf("reusing the index built before (%s)\n", url);
		upgrade(url);
	} else {
		build(url, c, &text_bytes);
		if (flag("SEARCH_BENCH_INDEX_ONLY"))
			return 0;
		built = 1;
	}
	if ((bl->pg = PQconnectdb(url)) == NULL || PQstatus(bl->pg) != CONNECTION_OK)
		die(bl->pg ? PQerrorMessage(bl->pg) : "connecting", NULL);
	if (built) {
		PQclear(PQexec(bl->pg, "VACUUM ANALYZE"));
		if (dir)
			mark_done(done, text_bytes);
	}
	pg_sizes(bl->pg, text_bytes);
	return 1;
}

/* The SQLite database db_path indexed through the store (or reused), the trigram table beside
 * it, its sizes, and the connection for the LIKE and trigram queries in bl. 0 when only the
 * indexing was asked for (then the bare FTS5 table is timed too). */
static int prepare_sqlite(const char *db_path, struct corpus *c, int reuse, struct baseline *bl)
{
	char done[4200], sizes_file[4200];
	double text_bytes = 0;
	int built, rebuilt = 0;

	snprintf(done, sizeof done, "%s.done", db_path);
	built = !reuse || !is_done(done);
	if (built) {
		remove(done);
		build(db_path, c, &text_bytes);
		if (flag("SEARCH_BENCH_INDEX_ONLY")) {
			fts_alone(db_path, c);
			tokenizer_alone(c);
			return 0;  /* only the indexing rate; the index is not marked done */
		}
	} else {
		text_bytes = reused_text_bytes(done, c);
		printf("reusing the index built before (%s)\n", db_path);
		upgrade(db_path);
	}
	if (sqlite3_open(db_path, &bl->db) != SQLITE_OK || store_fts_register(bl->db) != 0)
		die("open", NULL);
	sqlite3_exec(bl->db, "PRAGMA cache_size = -262144", NULL, NULL, NULL);
	if (!built && !flag("SEARCH_BENCH_FTS_ONLY") && !trigram_current(bl->db)) {
		printf("the trigram table kept does not hold the 文号 and 索引号 fields\n");
		rebuilt = 1;
	}
	if (built || rebuilt) {
		trigram(bl->db);
		sqlite3_exec(bl->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
		mark_done(done, text_bytes);
	}
	snprintf(sizes_file, sizeof sizes_file, "%s.sizes", db_path);
	sizes(bl->db, text_bytes, sizes_file, built || rebuilt);
	return 1;
}

int main(int argc, char **argv)
{
	char corpus_path[4096], db_path[4096];
	struct corpus *c;
	struct baseline bl = { 0 };
	long n;
	const char *pg_url = getenv("SEARCH_BENCH_PG");
	int reuse = flag("SEARCH_BENCH_REUSE");
	int on_pg = pg_url && *pg_url;

	if (argc < 4) {
		fprintf(stderr, "usage: bench_search CACHE_DIR N TRAINING_FILE…\n");
		return 2;
	}
	n = strtol(argv[2], NULL, 10);
	snprintf(corpus_path, sizeof corpus_path, "%s/corpus-%ld.bin", argv[1], n);
	snprintf(db_path, sizeof db_path, "%s/search-%ld.db", argv[1], n);
	if ((c = search_corpus_open(corpus_path)) == NULL) {
		double t0 = now();
		printf("generating %ld documents into %s\n", n, corpus_path);
		fflush(stdout);
		if (search_corpus_write(corpus_path, n, argv + 3, argc - 3) != 0 ||
		    (c = search_corpus_open(corpus_path)) == NULL)
			return 1;
		printf("generated in %.0f s\n", now() - t0);
	}
	if (on_pg ? prepare_pg(pg_url, c, reuse, &bl) : prepare_sqlite(db_path, c, reuse, &bl)) {
		pick_codes(on_pg ? pg_url : db_path, search_corpus_count(c));
		queries(on_pg ? pg_url : db_path, &bl);
	}
	PQfinish(bl.pg);
	sqlite3_close(bl.db);
	search_corpus_close(c);
	return 0;
}

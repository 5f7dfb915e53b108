#!/usr/bin/env bash
# search.sh — the catalogue's full-text search at a platform's size (bench/bench_search.c):
# a corpus of generated government documents (made once into a cache folder outside the
# checkout and reused), indexed through the store (documents/s, sizes), then the whole
# catalogue_search path for eight classes of queries (the eighth: common words under filters)
# against a LIKE scan and SQLite's trigram tokenizer in the same run, with the load average.
# Run by `make bench`, never by make check.
#   SEARCH_BENCH_N       documents (default 1000000)
#   SEARCH_BENCH_CACHE   cache folder (default /work/cache-search if writable, else ~/.cache/gongkai-search)
#   SEARCH_BENCH_REUSE=1 keep the index built before for N and only run the queries again
#                        (its sizes as measured when built: SEARCH_BENCH_SIZES=1 measures them
#                        again, reading the whole database)
#   SEARCH_BENCH_COLD=1  empty the system's file cache before the queries (root only), as after
#                        a reboot; SEARCH_BENCH_WARM=1 read the search index ahead first, as
#                        gongkai serve does at start (--search-warm: the whole file when it
#                        fits in memory, then the connection made ready for searching), =index
#                        the index's pages alone (a budget just short of the file)
#   SEARCH_BENCH_INDEX_ONLY=1 stop after indexing (the rate, and the share of adding attachments)
#   SEARCH_BENCH_SCAN=1  each document with a file also gets a scanned page (a file with no text);
#                        =reindex: the same page re-indexing its document, as before migration 17
#   SEARCH_BENCH_FTS="pgsz=4000 automerge=8"  FTS5 options written into the new index first
#   SEARCH_BENCH_DB=postgresql  the same on PostgreSQL: a cluster of its own in the cache folder
#                        (scripts/pg-test-cluster, shared_buffers SEARCH_BENCH_PG_BUFFERS, default
#                        1GB), indexed through the store, against a LIKE scan in PostgreSQL;
#                        stopped at the end and kept for SEARCH_BENCH_REUSE=1 (remove it with
#                        scripts/pg-test-cluster stop CACHE/pg-N)
set -eu
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
root="$(cd "$(dirname "$0")/.." && pwd)"
N=${SEARCH_BENCH_N:-1000000}
cache=${SEARCH_BENCH_CACHE:-}
if [ -z "$cache" ]; then
	if mkdir -p /work/cache-search 2>/dev/null && [ -w /work/cache-search ]; then
		cache=/work/cache-search
	else
		cache="${XDG_CACHE_HOME:-$HOME/.cache}/gongkai-search"
	fi
fi
mkdir -p "$cache"
bin="$(dirname "$GONGKAI")/bench/bench_search"
TIMEFORMAT='(%R s wall, %U s user, %S s system)'
if [ "${SEARCH_BENCH_DB:-sqlite}" = postgresql ]; then
	pgdir="$cache/pg-$N"
	pg() { "$root/scripts/pg-test-cluster" "$@"; }
	if [ "${SEARCH_BENCH_REUSE:-}" = 1 ] && [ -f "$pgdir/indexed" ]; then
		pg resume "$pgdir"
		admin="postgresql://gongkai@/postgres?host=$pgdir"
	else
		pg stop "$pgdir"
		admin=$(pg start "$pgdir")
		psql -qAtX "$admin" -c "ALTER SYSTEM SET shared_buffers = '${SEARCH_BENCH_PG_BUFFERS:-1GB}'" \
			-c "CREATE DATABASE search" >/dev/null
		pg pause "$pgdir"
		pg resume "$pgdir"
	fi
	trap 'pg pause "$pgdir"' EXIT   # kept, stopped, for SEARCH_BENCH_REUSE=1
	export SEARCH_BENCH_PG="${admin/\/postgres\?//search?}" SEARCH_BENCH_PG_DIR="$pgdir"
	echo "PostgreSQL $(psql -qAtX "$admin" -c 'SHOW server_version'), shared_buffers $(psql -qAtX "$admin" -c 'SHOW shared_buffers'), fsync off"
fi
# the sentences of the generated documents come from the real government text of the repository
time "$bin" "$cache" "$N" "$root"/tests/data/corpus/*.txt "$root"/tests/data/corpus/real/*.txt \
	"$root"/docs/spec/*.md

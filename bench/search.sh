#!/usr/bin/env bash
# search.sh — full-text search over one million generated documents (bench/bench_search.c):
# indexing rate, index size on disk, and p50/p99 latency of catalogue_search for 1-, 2-,
# 4-character and multi-term queries against a LIKE '%…%' scan of the same table, measured in
# the same run. SEARCH_BENCH_N overrides the count. Run by `make bench`.
set -eu
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
N=${SEARCH_BENCH_N:-1000000}
bin="$(dirname "$GONGKAI")/bench/bench_search"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
TIMEFORMAT='(%R s wall, %U s user, %S s system)'
time "$bin" "$out/search.db" "$N"

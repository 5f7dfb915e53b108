#!/usr/bin/env bash
# clock.sh — statutory deadlines per second for one million random receipts, against a plain
# Mon–Fri loop measured in the same run (see bench/bench_clock.c). Run by `make bench`.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(dirname "${GONGKAI:-$top/build/gongkai}")
exe="$build/bench/bench_clock"
[ -x "$exe" ] || { echo "bench/clock.sh: $exe not built (run make)" >&2; exit 1; }
"$exe" "${GONGKAI_DATA_DIR:-$top/data}" "${CLOCK_BENCH_N:-1000000}"

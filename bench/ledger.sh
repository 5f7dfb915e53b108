#!/usr/bin/env bash
# ledger.sh — load one million applications with their events through the domain code
# (`gongkai app generate`: validation, lifecycle rules, statutory clock, hash-chained audit log,
# committed every 5000 applications) and report the time, the rate and the database size.
# Baseline measured in the same run: the same number of bare rows of similar width inserted
# by the sqlite3 shell in one statement (the floor set by SQLite itself).
# Then the time to verify the whole audit chain and to build one year's Table 三 tally.
# LEDGER_BENCH_N overrides the count. Run by `make bench`.
set -eu
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
N=${LEDGER_BENCH_N:-1000000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
mb() { awk -v s="$1" 'BEGIN { printf "%.1f", s / 1048576 }'; }

t0=$(now)
sqlite3 "$out/base.db" "PRAGMA journal_mode = WAL;
CREATE TABLE t (id INTEGER PRIMARY KEY, received TEXT, channel TEXT, type TEXT, name TEXT,
                code TEXT, hash TEXT) STRICT;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO t SELECT i, printf('2024-%02d-%02d', i % 12 + 1, i % 28 + 1), 'online', 'np',
       printf('申请人%05d', i % 20000), hex(randomblob(6)), hex(randomblob(32)) FROM n;" >/dev/null
t1=$(now)
base_size=$(stat -c %s "$out/base.db")

"$GONGKAI" --db "$out/ledger.db" init --agency-name 基准测试镇人民政府 >/dev/null
t2=$(now)
# CPU seconds as well as wall time: on a shared machine the wall time includes waiting
TIMEFORMAT='%U %S'
{ time "$GONGKAI" --db "$out/ledger.db" --by bench app generate --count "$N" --year 2024 --seed 7 \
	>"$out/gen"; } 2>"$out/cpu"
gen=$(cat "$out/gen")
cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$out/cpu")
t3=$(now)
sqlite3 "$out/ledger.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size=$(stat -c %s "$out/ledger.db")
apps=$(sqlite3 "$out/ledger.db" "SELECT count(*) FROM application")
events=$(sqlite3 "$out/ledger.db" "SELECT count(*) FROM app_event")
audit=$(sqlite3 "$out/ledger.db" "SELECT count(*) FROM audit_event")
t4=$(now)
"$GONGKAI" --db "$out/ledger.db" audit verify >"$out/verify"
t5=$(now)
open=$("$GONGKAI" --db "$out/ledger.db" app list --overdue --json | grep -c "\"tracking_code\"" || true)
t6=$(now)

load=$(secs "$t2" "$t3")
echo "baseline: $N bare rows inserted by the sqlite3 shell in one statement: $(secs "$t0" "$t1") s, $(mb "$base_size") MB"
echo "ledger:   $gen"
echo "ledger:   $apps applications, $events events, $audit audit entries loaded in $load s" \
     "($(awk -v n="$apps" -v s="$load" 'BEGIN { printf "%.0f", n / s }') applications/s;" \
     "$cpu CPU s, $(awk -v n="$apps" -v s="$cpu" 'BEGIN { printf "%.0f", n / s }') applications per CPU second)"
echo "ledger:   database size $(mb "$size") MB ($(awk -v s="$size" -v n="$apps" 'BEGIN { printf "%.0f", s / n }') bytes per application with its events and audit entries)"
echo "audit:    $(cat "$out/verify") — $(secs "$t4" "$t5") s"
echo "list:     app list --overdue ($open open applications past their deadline, each replayed through the clock): $(secs "$t5" "$t6") s"

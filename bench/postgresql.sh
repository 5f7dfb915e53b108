#!/usr/bin/env bash
# bench/postgresql.sh — the same work on SQLite and on PostgreSQL, in the same run, on a
# throw-away PostgreSQL cluster (scripts/pg-test-cluster): the demo office written (bulk
# writes), a region's annual report (Table 三 computed from every application of its organs),
# the same figures as one raw GROUP BY in psql, a search, and applications registered by 1, 2
# and 4 writer processes at once (each `gongkai app new` a process of its own: connect,
# one write transaction, commit). Prints seconds and ratios. WRITES (default 200) applications
# per writer count.
set -euo pipefail
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
top=$(cd "$(dirname "$0")/.." && pwd)
WRITES=${WRITES:-200}
TMP=$(mktemp -d /tmp/gk-bench-pg-XXXXXX)
chmod 755 "$TMP"
trap '"$top/scripts/pg-test-cluster" stop "$TMP/pg"; rm -rf "$TMP"' EXIT
admin=$("$top/scripts/pg-test-cluster" start "$TMP/pg")
pgdb() { psql -qAtX "$admin" -c "CREATE DATABASE $1" >/dev/null; echo "${admin/\/postgres\?//$1?}"; }
S="$TMP/demo.db" P=$(pgdb demo)
export GONGKAI_TODAY=2025-03-01

secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'; }
row() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%-46s %9.2f s %9.2f s %6.2f×\n", n, a, b, b / a }'; }

echo "$(nproc) cores (shared); PostgreSQL $(psql -qAtX "$admin" -c 'SHOW server_version'), fsync off"
printf '%-46s %11s %11s %7s\n' "work" "SQLite" "PostgreSQL" "PG/SQ"
row "demo office written" "$(secs "$GONGKAI" --db "$S" demo)" "$(secs "$GONGKAI" --db "$P" demo)"
region=$(sqlite3 "$S" "SELECT id FROM agency WHERE parent_id IS NULL LIMIT 1")
row "region report 2024 (every organ, txt)" "$(secs "$GONGKAI" --db "$S" report 2024 --region "$region" --draft)" \
	"$(secs "$GONGKAI" --db "$P" report 2024 --region "$region" --draft)"
q="SELECT agency_id, applicant_type, outcome, count(*) FROM application WHERE received <= '2024-12-31' AND (closed IS NULL OR closed >= '2024-01-01') GROUP BY 1, 2, 3"
row "the same rows as one raw GROUP BY (client)" "$(secs sqlite3 "$S" "$q")" "$(secs psql -qAtX "$P" -c "$q")"
row "search 土地 (all results counted)" "$(secs "$GONGKAI" --db "$S" search 土地 --json)" \
	"$(secs "$GONGKAI" --db "$P" search 土地 --json)"

# N writers at once, WRITES applications in all
writers() {  # DB N
	local db=$1 n=$2 per=$((WRITES / $2)) i
	for i in $(seq 1 "$n"); do
		(for _ in $(seq 1 "$per"); do
			"$GONGKAI" --db "$db" app new --agency 1 --received 2025-02-28 --channel online \
				--applicant-type np --applicant-name 压测 --contact 13800000000 \
				--request 公开 >/dev/null
		done) &
	done
	wait
}
for n in 1 2 4; do
	row "$WRITES applications, $n writer process(es)" "$(secs writers "$S" $n)" "$(secs writers "$P" $n)"
done
"$GONGKAI" --db "$S" audit verify >/dev/null && "$GONGKAI" --db "$P" audit verify >/dev/null &&
	echo "audit chains intact on both after the concurrent writers"

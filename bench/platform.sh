#!/usr/bin/env bash
# bench/platform.sh — a platform's two measurements on a throw-away PostgreSQL cluster
# (scripts/pg-test-cluster), each against a baseline in the same run:
#  1. the region report of ORGANS organs with APPS applications (`app generate`, spread over
#     the organs) on PostgreSQL, vs one raw GROUP BY of the same rows in psql, vs SQLite;
#  2. online applications per second through /apply (and, beside them, reads of the portal's
#     home page, which take no lock) with 1, 2 and 4 `gongkai serve`
#     processes on one PostgreSQL database, vs SQLite with one process: REQS posts by 8
#     clients at once (curl), spread over the processes (no proxy: each process counts the
#     clients by X-Forwarded-For, the rate limit set out of the way).
# Prints seconds and ratios. Sizes: ORGANS (default 100), APPS (default 100000), REQS (400),
# CLIENTS (requests in flight at once, default 8). COPIES (default 1): above 1, APPS / COPIES
# applications are generated in one process, spread over the organs, then copied COPIES - 1
# times with their events to other organs in SQL (10⁶ applications in minutes, not an hour):
#   ORGANS=1000 APPS=960000 COPIES=8 bench/platform.sh
set -euo pipefail
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
top=$(cd "$(dirname "$0")/.." && pwd)
ORGANS=${ORGANS:-100} APPS=${APPS:-100000} REQS=${REQS:-400} CLIENTS=${CLIENTS:-8} COPIES=${COPIES:-1}
TMP=$(mktemp -d /tmp/gk-bench-platform-XXXXXX)
chmod 755 "$TMP"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; "$top/scripts/pg-test-cluster" stop "$TMP/pg"; rm -rf "$TMP"' EXIT
admin=$("$top/scripts/pg-test-cluster" start "$TMP/pg")
pgdb() { psql -qAtX "$admin" -c "CREATE DATABASE $1" >/dev/null; echo "${admin/\/postgres\?//$1?}"; }
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'; }
export GONGKAI_TODAY=2025-03-01
echo "$(nproc) cores (shared); PostgreSQL $(psql -qAtX "$admin" -c 'SHOW server_version'), fsync off"

# 1. a region of ORGANS organs
q() {  # DB SQL — one statement, rows as a|b|c
	case $1 in
	postgres*) psql -qAtX "$1" -c "$2" ;;
	*) sqlite3 "$1" "$2" ;;
	esac
}
columns() {  # DB TABLE EXCEPT... — the table's other columns, in order, comma-separated
	local db=$1 t=$2 not; shift 2
	not=$(printf "'%s'," "$@"); not=${not%,}
	case $db in
	postgres*) q "$db" "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '$t' AND column_name NOT IN ($not)" ;;
	*) q "$db" "SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_table_info('$t') WHERE name NOT IN ($not) ORDER BY cid)" ;;
	esac
}
fill() {  # DB
	"$GONGKAI" --db "$1" init --agency-name 示范市人民政府 --level city >/dev/null
	for i in $(seq 2 "$ORGANS"); do
		"$GONGKAI" --db "$1" init --agency-name "第${i}机关" --parent 示范市人民政府 >/dev/null
	done
	if [ "$COPIES" -le 1 ]; then
		for i in $(seq 1 "$ORGANS"); do
			"$GONGKAI" --db "$1" app generate --count $((APPS / ORGANS)) --year 2024 --seed "$i" \
				--agency "$i" --by bench >/dev/null
		done
		return
	fi
	"$GONGKAI" --db "$1" app generate --count $((APPS / COPIES)) --year 2024 --seed 1 \
		--agency 1 --by bench >/dev/null
	local top ac ec k
	top=$(q "$1" "SELECT max(id) FROM application")
	ac=$(columns "$1" application id agency_id tracking_code)
	ec=$(columns "$1" app_event id app_id)
	q "$1" "UPDATE application SET agency_id = 1 + id % $ORGANS"
	for k in $(seq 1 $((COPIES - 1))); do
		q "$1" "INSERT INTO application (id, agency_id, tracking_code, $ac) SELECT id + $k * $top, 1 + (id + $k * 137) % $ORGANS, tracking_code || '-$k', $ac FROM application WHERE id <= $top"
		q "$1" "INSERT INTO app_event (app_id, $ec) SELECT app_id + $k * $top, $ec FROM app_event WHERE app_id <= $top"
	done
	q "$1" "ANALYZE" >/dev/null
}
S="$TMP/region.db" P=$(pgdb region)
fs=$(secs fill "$S"); fp=$(secs fill "$P")
printf 'filled %d organs, %d applications: SQLite %.1f s, PostgreSQL %.1f s\n' "$ORGANS" "$APPS" "$fs" "$fp"
rs=$(secs "$GONGKAI" --db "$S" report 2024 --region 1 --draft)
rp=$(secs "$GONGKAI" --db "$P" report 2024 --region 1 --draft)
q="SELECT agency_id, applicant_type, outcome, count(*) FROM application WHERE received <= '2024-12-31' AND (closed IS NULL OR closed >= '2024-01-01') GROUP BY 1, 2, 3"
# the same rows grouped as the report groups them (carried in, closed in the year), raw
q5="SELECT agency_id, applicant_type, CASE WHEN received < '2024-01-01' THEN 1 ELSE 0 END, CASE WHEN closed <= '2024-12-31' THEN 1 ELSE 0 END, CASE WHEN closed <= '2024-12-31' THEN outcome END, count(*) FROM application WHERE received <= '2024-12-31' AND (closed IS NULL OR closed >= '2024-01-01') GROUP BY 1, 2, 3, 4, 5"
gs=$(secs sqlite3 "$S" "$q"); gp=$(secs psql -qAtX "$P" -c "$q"); g5=$(secs psql -qAtX "$P" -c "$q5")
awk -v rs="$rs" -v rp="$rp" -v gs="$gs" -v gp="$gp" -v g5="$g5" 'BEGIN {
	printf "region report 2024:   SQLite %6.2f s   PostgreSQL %6.2f s   PG/SQLite %.2f×\n", rs, rp, rp / rs
	printf "one raw GROUP BY:     sqlite3 %5.2f s   psql       %6.2f s\n", gs, gp
	printf "grouped as the report groups, raw:      psql       %6.2f s\n", g5
	printf "report / raw GROUP BY on PostgreSQL: %.2f× (/ five columns raw: %.2f×)\n", rp / gp, rp / g5 }'

# 2. /apply with N processes
serve() {  # DB LOG → one more process, logging to LOG
	"$GONGKAI" --db "$1" serve --listen 127.0.0.1:0 --threads 2 --behind-proxy \
		--form-limit apply=1000000 2>"$2" &
	PIDS+=($!)
}
rate() {  # DB N WHAT apply|read — REQS posts to /apply, or REQS reads of the portal's home
	local db=$1 n=$2 mode=$4 ports=() i log
	for i in $(seq 1 "$n"); do serve "$db" "$TMP/serve.$i.log"; done
	for i in $(seq 1 "$n"); do
		log="$TMP/serve.$i.log"
		for _ in $(seq 1 200); do grep -qs '^listening' "$log" && break; sleep 0.05; done
		ports+=("$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$log")")
	done
	curl -s -c "$TMP/jar" "http://127.0.0.1:${ports[0]}/apply" >"$TMP/form.html"
	local tok ag
	tok=$(grep -o 'name="_csrf" value="[0-9a-f]*"' "$TMP/form.html" | head -1 | sed 's/.*value="\([0-9a-f]*\)"/\1/')
	ag=$(grep -o '<option value="[0-9]*">' "$TMP/form.html" | head -1 | grep -o '[0-9]\+')
	# one curl process makes every request, 8 at a time (--parallel): spawning a shell and a
	# curl per request would take most of the 2 cores from the processes measured
	local i p
	for i in $(seq 1 "$REQS"); do
		[ "$i" -gt 1 ] && printf 'next\n'
		p=${ports[$((i % n))]}
		printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
		printf 'header = "X-Forwarded-For: 10.0.%d.%d"\n' $((i % 250)) $((i / 250 % 250))
		if [ "$mode" = read ]; then
			printf 'url = "http://127.0.0.1:%s/"\n' "$p"
			continue
		fi
		printf 'url = "http://127.0.0.1:%s/apply"\ncookie = "%s"\n' "$p" "$TMP/jar"
		printf 'data-urlencode = "%s"\n' "_csrf=$tok" "agency=$ag" applicant_type=np \
			applicant_name=压测 phone=13800000000 doc_title=压测 description=压测
	done >"$TMP/requests"
	local t0 t1 cpu0 cpu1
	cpu0=$(cpu_of "${PIDS[@]}" $(pgrep -f "postgres: .*apply") )
	local wpid=""
	rm -f "$TMP/stop"; : >"$TMP/waits"
	case $db in postgres*) waiting "$db" >"$TMP/waits" & wpid=$! ;; esac
	t0=$(date +%s.%N)
	curl --no-progress-meter --parallel --parallel-max "$CLIENTS" -K "$TMP/requests" >"$TMP/codes"
	t1=$(date +%s.%N)
	touch "$TMP/stop"; [ -z "$wpid" ] || wait "$wpid"
	cpu1=$(cpu_of "${PIDS[@]}" $(pgrep -f "postgres: .*apply") )
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null || true
	PIDS=()
	local ok; ok=$(grep -c '^200$' "$TMP/codes" || true)
	awk -v a="$t0" -v b="$t1" -v n="$ok" -v all="$REQS" -v procs="$n" -v what="$3" 'BEGIN {
		printf "%-34s %4d of %d accepted in %6.2f s: %6.1f /s", what " (" procs " process" (procs > 1 ? "es" : "") ")", n, all, b - a, n / (b - a) }'
	awk -v c0="$cpu0" -v c1="$cpu1" -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" 'BEGIN {
		printf "; CPU of the serve processes and their database backends: %.0f%% of the %d cores", (c1 - c0) / hz / (b - a) / cores * 100, cores }'
	awk '{ s += $1; n++ } END { if (n) printf "; waiting for the write lock: %.1f transactions on average", s / n; print "" }' "$TMP/waits"
}
waiting() {  # DB — every 50 ms, how many transactions wait for the write lock (advisory)
	while [ ! -e "$TMP/stop" ]; do
		psql -qAtX "$1" -c "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory'"
		sleep 0.05
	done
}
cpu_of() {  # PID... → the clock ticks (user + system) they have used
	local p t=0 u
	for p in "$@"; do
		u=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null) || continue
		t=$((t + ${u:-0}))
	done
	echo "$t"
}
S2="$TMP/apply.db" P2=$(pgdb apply)
"$GONGKAI" --db "$S2" init --agency-name 示范县人民政府 >/dev/null
"$GONGKAI" --db "$P2" init --agency-name 示范县人民政府 >/dev/null
echo "/apply (writes: one write lock for the database, docs/platform.md):"
rate "$S2" 1 "SQLite" apply
for n in 1 2 4; do rate "$P2" "$n" "PostgreSQL" apply; done
echo "the portal's home page (reads: no lock):"
rate "$S2" 1 "SQLite" read
for n in 1 2 4; do rate "$P2" "$n" "PostgreSQL" read; done
"$GONGKAI" --db "$P2" audit verify | head -1

#!/usr/bin/env bash
# bench/durability.sh — what synchronous=FULL (every commit waits for the WAL on the disk) costs
# against NORMAL (a power cut may lose the last commits), on this machine's disk, in one run:
#   1. N single-row write transactions into a gongkai database (WAL) with each setting, through
#      the sqlite3 shell: milliseconds per commit and the ratio;
#   2. N applications submitted to `gongkai serve` (POST /apply, which uses FULL): milliseconds
#      per acknowledged application, to set the commit's cost against a whole request.
# N (default 300) can be set in the environment. Loopback only, bounded.
set -euo pipefail
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
N=${N:-300}
TMP=$(mktemp -d)
gpid=""
trap '[ -n "$gpid" ] && kill "$gpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
ms() { date +%s%N; }

"$GONGKAI" --db "$TMP/g.db" init --agency-name 慈周寨镇人民政府 >/dev/null
commits() {  # SYNC → milliseconds for N commits
	local sync=$1 sql="$TMP/$1.sql" t0 t1
	{
		echo "PRAGMA synchronous = $sync;"
		echo "CREATE TABLE IF NOT EXISTS bench_$sync (id INTEGER PRIMARY KEY, body TEXT) STRICT;"
		for i in $(seq 1 "$N"); do
			echo "BEGIN IMMEDIATE; INSERT INTO bench_$sync (body) VALUES ('申请人 $i 请求公开 2024 年度财政预算执行情况'); COMMIT;"
		done
	} >"$sql"
	t0=$(ms)
	sqlite3 "$TMP/g.db" <"$sql" >/dev/null
	t1=$(ms)
	echo $(((t1 - t0) / 1000))
}
sqlite3 "$TMP/g.db" "PRAGMA journal_mode" | grep -qx wal || { echo "not WAL"; exit 1; }
normal=$(commits NORMAL)
full=$(commits FULL)
awk -v n="$N" -v a="$normal" -v b="$full" 'BEGIN {
	printf "commits (WAL), %d each:  NORMAL %.3f ms/commit   FULL %.3f ms/commit   FULL/NORMAL = %.2f\n",
	       n, a / 1000 / n, b / 1000 / n, (a > 0 ? b / a : 0) }'

# whole requests: N applications through one keep-alive connection
"$GONGKAI" --db "$TMP/g.db" serve --listen 127.0.0.1:0 --threads 2 --form-limit 1000000 2>"$TMP/serve.log" &
gpid=$!
for _ in $(seq 1 200); do
	port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$TMP/serve.log")
	[ -n "${port:-}" ] && break
	sleep 0.05
done
B="http://127.0.0.1:$port"
tok=$(curl -s -c "$TMP/jar" "$B/apply" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="\([0-9a-f]*\)"/\1/')
agency=$(curl -s -b "$TMP/jar" "$B/apply" | grep -o '<option value="[0-9]*"' | head -1 | grep -o '[0-9]*')
urls=()
for _ in $(seq 1 "$N"); do urls+=(-o /dev/null "$B/apply"); done
t0=$(ms)
curl -s -b "$TMP/jar" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$agency" \
	--data-urlencode applicant_type=np --data-urlencode applicant_name=张三 \
	--data-urlencode phone=13800000000 --data-urlencode "description=2024 年度财政预算执行情况" \
	-w '%{http_code}\n' "${urls[@]}" >"$TMP/codes"
t1=$(ms)
grep -qv '^200$' "$TMP/codes" && { echo "some applications were refused: $(sort "$TMP/codes" | uniq -c)"; exit 1; }
got=$(sqlite3 "$TMP/g.db" "SELECT count(*) FROM application")
awk -v n="$N" -v t="$(((t1 - t0) / 1000))" -v got="$got" -v a="$normal" -v b="$full" 'BEGIN {
	per = t / 1000 / n; extra = (b - a) / 1000 / n
	printf "POST /apply (FULL), %d requests, %d stored:  %.3f ms per acknowledged application\n", n, got, per
	printf "FULL adds %.3f ms per commit: %.1f%% of a request\n", extra, (per > 0 ? 100 * extra / per : 0) }'

# tests/lib.sh — a tiny TAP library for the CLI and HTTP test scripts.
#
#   . "$(dirname "$0")/../lib.sh"
#   run 0 "$GONGKAI" deadline --received 2024-09-27    # runs, checks exit status
#   contains "$OUT" "2024-10-31" "reply due after 国庆"
#   done_testing
# $OUT and $ERR hold the last command's stdout and stderr. $TMP is a fresh directory.
#
# Databases: DB=$(new_db NAME) names a fresh, empty database — the file $TMP/NAME.db, or, when
# $GONGKAI_TEST_PG is the URL of a PostgreSQL server's admin database (scripts/run-tests starts
# a throw-away cluster for the scripts marked "# databases: sqlite postgresql"; any script
# using new_db runs on it by hand with GONGKAI_TEST_PG set), a new database
# on that server, dropped at exit. sql DB QUERY runs one query on it and prints the rows
# (columns separated by |), whichever kind it is. unguard DB TABLE prints the SQL that lifts
# TABLE's guards (the triggers that keep the audit log append-only and a publication frozen;
# on PostgreSQL its foreign keys too, which the sqlite3 shell does not check either), for the
# tests that change a row behind gongkai's back and expect gongkai to notice. db_copy DB NAME
# prints a new database holding what DB holds (a copy of the file, or a PostgreSQL database
# made from DB as its template; nobody may be connected to DB).
set -u
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
TEST_N=0
TEST_FAILED=0
TMP=$(mktemp -d)
cleanup() {
	local d
	[ -f "$TMP/pg-databases" ] && while read -r d; do
		psql -q "$GONGKAI_TEST_PG" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
	done <"$TMP/pg-databases"
	rm -rf "$TMP"
}
trap cleanup EXIT
new_db() {  # NAME
	if [ -z "${GONGKAI_TEST_PG:-}" ]; then
		echo "$TMP/$1.db"
		return
	fi
	local name="gk_${1//[^a-z0-9]/_}_$$_$RANDOM$RANDOM"
	psql -q "$GONGKAI_TEST_PG" -c "CREATE DATABASE $name" >/dev/null || return 1
	echo "$name" >>"$TMP/pg-databases"
	echo "${GONGKAI_TEST_PG/\/postgres\?//$name?}"
}
sql() {  # DB QUERY
	case $1 in
	postgres://*|postgresql://*) psql -qAtX "$1" -c "$2" ;;
	*) sqlite3 -cmd '.timeout 5000' "$1" "$2" ;;
	esac
}
unguard() {  # DB TABLE
	case $1 in
	postgres://*|postgresql://*) echo "ALTER TABLE $2 DISABLE TRIGGER ALL;" ;;
	*) sql "$1" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master
		     WHERE type = 'trigger' AND tbl_name = '$2'" | tr '\n' ' ' ;;
	esac
}
db_copy() {  # DB NAME
	case $1 in
	postgres://*|postgresql://*)
		local name="gk_${2//[^a-z0-9]/_}_$$_$RANDOM$RANDOM" from=${1%%\?*}
		psql -q "$GONGKAI_TEST_PG" -c "CREATE DATABASE $name TEMPLATE ${from##*/}" >/dev/null || return 1
		echo "$name" >>"$TMP/pg-databases"
		echo "${GONGKAI_TEST_PG/\/postgres\?//$name?}" ;;
	*)
		rm -f "$TMP/$2.db"
		cp "$1" "$TMP/$2.db" && echo "$TMP/$2.db" ;;
	esac
}
OUT="" ERR="" STATUS=0

ok() { TEST_N=$((TEST_N + 1)); echo "ok $TEST_N - $1"; }
not_ok() {
	TEST_N=$((TEST_N + 1)); TEST_FAILED=$((TEST_FAILED + 1))
	echo "not ok $TEST_N - $1"
	shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}
# run EXPECTED_STATUS CMD... : run a command, record output, check its exit status
run() {
	local want=$1; shift
	"$@" >"$TMP/out" 2>"$TMP/err"
	STATUS=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
	if [ "$STATUS" -eq "$want" ]; then ok "exit $want: ${*##*/}"
	else not_ok "exit $want: ${*##*/}" "got status $STATUS" "stdout: ${OUT:0:600}" "stderr: ${ERR:0:600}"; fi
}
contains() {  # HAYSTACK NEEDLE DESCRIPTION
	case "$1" in *"$2"*) ok "$3" ;; *) not_ok "$3" "expected to contain: $2" "got: ${1:0:800}" ;; esac
}
lacks() {  # HAYSTACK NEEDLE DESCRIPTION
	case "$1" in *"$2"*) not_ok "$3" "expected NOT to contain: $2" "got: ${1:0:800}" ;; *) ok "$3" ;; esac
}
equals() {  # GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "want: $2" "got:  $1"; fi
}
# listening_port PID LOG: wait (up to 20 s) until the `gongkai serve` of PID, started with
# --listen 127.0.0.1:0 and its stderr in LOG, prints its port; echo it (nothing if it died).
listening_port() {
	local i port=""
	for i in $(seq 1 400); do
		port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$2")
		[ -n "$port" ] && break
		kill -0 "$1" 2>/dev/null || break
		sleep 0.05
	done
	echo "$port"
}
done_testing() { echo "1..$TEST_N"; [ "$TEST_FAILED" -eq 0 ]; }

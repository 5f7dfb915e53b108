# tests/http/server.bash — start a real `gongkai serve` for an HTTP test script (sourced after
# tests/lib.sh; not a test suite itself).
#
#   start_server [serve options...]   # on 127.0.0.1, a free port, database $GONGKAI_DB
#                                     # (a new one: tests/lib.sh new_db)
#   get PATH [curl options...]        # sets $CODE, $BODY, $HEADERS; cookies kept in $JAR
#   post PATH [curl options...]       # same, as a POST
#   fetch PATH                        # like get for a file download: $CODE, $HEADERS, the body
#                                     # in $TMP/download (not in $BODY)
#   download PATH FILE [curl options...]  # like get, the body saved to FILE only (binary-safe)
#   csrf_of "$BODY"                   # the _csrf value of the first form on the page
#   login USER PASSWORD               # sign in with a fresh cookie jar
#   stop_server                       # SIGTERM; checks that it stopped cleanly
#   restart_server [serve options...] # stop_server, then start_server on the same database
#   cookie_of NAME                    # the value of cookie NAME in $JAR
# $BASE is http://127.0.0.1:PORT.
SERVER_PID=""
JAR="$TMP/cookies"
GONGKAI_DB="${GONGKAI_DB:-$(new_db test)}"
export GONGKAI_DB
# a PostgreSQL database has no folder for the audit archive's key and the TOTP key: the suites
# name them; $TOTP_KEY is the TOTP key file either way
case $GONGKAI_DB in
postgres*) export GONGKAI_AUDIT_KEY_FILE="${GONGKAI_AUDIT_KEY_FILE:-$TMP/audit.key}" \
		GONGKAI_TOTP_KEY="${GONGKAI_TOTP_KEY:-$TMP/totp-key}" ;;
esac
TOTP_KEY=${GONGKAI_TOTP_KEY:-$GONGKAI_DB.totp-key}

# make_db: a county (县政府) with the township 慈周寨镇 under it, and one account per role:
# officer, reviewer, leader, leader2 (township), supervisor and the administrators admin,
# security, auditor (county); password "pw-NAME-2024".
make_db() {
	"$GONGKAI" --db "$GONGKAI_DB" init --agency-name 示范县人民政府 --level county --agency-code 11410100MB1234567W >/dev/null || return 1
	"$GONGKAI" --db "$GONGKAI_DB" init --agency-name 慈周寨镇人民政府 --parent 示范县人民政府 --agency-code 11410100MB7654321R >/dev/null || return 1
	local r ag
	for r in officer reviewer leader admin supervisor security auditor; do
		ag=慈周寨镇人民政府
		case $r in admin|supervisor|security|auditor) ag=示范县人民政府 ;; esac
		echo "pw-$r-2024" >"$TMP/pw"
		"$GONGKAI" --db "$GONGKAI_DB" user add "$r" --role $r --agency "$ag" \
			--display-name "测试$r" --password-file "$TMP/pw" >/dev/null || return 1
	done
	echo "pw-leader2-2024" >"$TMP/pw"
	"$GONGKAI" --db "$GONGKAI_DB" user add leader2 --role leader --agency 慈周寨镇人民政府 \
		--display-name "测试副镇长" --password-file "$TMP/pw" >/dev/null || return 1
}

# make_other_organ: another township (其他镇人民政府) under the county with its officer "other"
# (password "pw-other-2024"), for the checks that staff see only their own organ.
make_other_organ() {
	"$GONGKAI" --db "$GONGKAI_DB" init --agency-name 其他镇人民政府 --parent 示范县人民政府 >/dev/null || return 1
	echo "pw-other-2024" >"$TMP/pw"
	"$GONGKAI" --db "$GONGKAI_DB" user add other --role officer --agency 其他镇人民政府 \
		--password-file "$TMP/pw" >/dev/null
}

# The suites sign in with passwords alone (--totp optional) unless they pass --totp themselves
# (identification.sh tests the default: the administrators need a second factor).
start_server() {
	: >"$TMP/server.log"
	local totp=(--totp optional) a
	for a in "$@"; do [ "$a" = --totp ] && totp=(); done
	"$GONGKAI" --db "$GONGKAI_DB" serve --listen 127.0.0.1:0 --threads 2 "${totp[@]}" "$@" 2>"$TMP/server.log" &
	SERVER_PID=$!
	local port
	port=$(listening_port "$SERVER_PID" "$TMP/server.log")
	if [ -z "$port" ]; then
		not_ok "server starts" "$(cat "$TMP/server.log")"
		done_testing
		exit 1
	fi
	BASE="http://127.0.0.1:$port"
	trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; cleanup' EXIT
}

stop_server() {
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	local st=$?
	equals "$st" 0 "server exits 0 after SIGTERM"
	contains "$(cat "$TMP/server.log")" "stopped" "server logs a clean stop"
	SERVER_PID=""
	trap cleanup EXIT
}

restart_server() {
	stop_server
	start_server "$@"
}

cookie_of() {
	[ -f "$JAR" ] && awk -v n="$1" '$6 == n { v = $7 } END { print v }' "$JAR"
}

_req() {
	local path=$1; shift
	CODE=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$BASE$path")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
get() { _req "$@"; }
download() {
	local path=$1 file=$2; shift 2
	: >"$file"  # a response without a body (304) leaves it empty
	CODE=$(curl -s -o "$file" -D "$TMP/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$BASE$path")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
	BODY=""
}
fetch() {
	download "$1" "$TMP/download"
}
post() { local p=$1; shift; _req "$p" -X POST "$@"; }

csrf_of() {
	printf '%s' "$1" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="\([0-9a-f]*\)"/\1/'
}

login() {
	rm -f "$JAR"
	get /console/login
	local t; t=$(csrf_of "$BODY")
	post /console/login --data-urlencode "_csrf=$t" --data-urlencode "user=$1" --data-urlencode "password=$2"
}

# wrong_token TOKEN: the same token with its last digit changed.
wrong_token() { case "$1" in *0) echo "${1%?}1" ;; *) echo "${1%?}0" ;; esac; }

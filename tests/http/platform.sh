#!/usr/bin/env bash
# platform.sh — several `gongkai serve` processes on one PostgreSQL database, as a platform
# runs them behind nginx without sticky sessions (docs/platform.md): a form served by one
# process is accepted by another (the anonymous forms' key is the database's); the rate limits
# of the public forms (/apply, /feedback, /track) and the sign-in throttling count the
# submissions of every process; a staff sign-in and an applicant's /track sign-in made on one
# hold on the other. And a lost database (connections terminated idle or mid-request, the
# server stopped and started again) is answered 503 with Retry-After, nothing half-stored,
# never a 500 nor a crash, and both processes serve again when it is back. Starts its own
# throw-away cluster (scripts/pg-test-cluster) and stops it.
# databases: postgresql (its own cluster: several processes on one server)
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
pgdir=$(mktemp -d /tmp/gk-pg-XXXXXX)
chmod 755 "$pgdir"
PIDS=()
finish() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	"$top/scripts/pg-test-cluster" stop "$pgdir/cluster"
	rm -rf "$pgdir" "$TMP"
}
trap finish EXIT
if ! GONGKAI_TEST_PG=$("$top/scripts/pg-test-cluster" start "$pgdir/cluster" 2>"$TMP/pg.log"); then
	not_ok "the throw-away PostgreSQL cluster starts" "$(cat "$TMP/pg.log")"
	done_testing
	exit 1
fi
export GONGKAI_TEST_PG
GONGKAI_DB=$(new_db platform)
. "$(dirname "$0")/server.bash"
trap finish EXIT
make_db

# serve NAME [options]: one more process on the same database; sets $BASE_NAME and $PID_NAME.
serve() {
	local name=$1 port; shift
	"$GONGKAI" --db "$GONGKAI_DB" serve --listen 127.0.0.1:0 --threads 2 --totp optional \
		--behind-proxy "$@" 2>"$TMP/$name.log" &
	PIDS+=($!)
	printf -v "PID_$name" '%s' $!
	port=$(listening_port $! "$TMP/$name.log")
	[ -n "$port" ] && ok "process $name serves the database" || not_ok "process $name serves" "$(cat "$TMP/$name.log")"
	printf -v "BASE_$name" 'http://127.0.0.1:%s' "$port"
}
LIMITS=(--form-limit feedback=3 --form-limit apply=4 --form-limit track=2 --login-limit 2)
serve A "${LIMITS[@]}"
serve B "${LIMITS[@]}"
on() { BASE=$(eval echo "\$BASE_$1"); }
C1="X-Forwarded-For: 203.0.113.1"

# a form served by A, posted to B
on A; get /feedback -H "$C1"
tok=$(csrf_of "$BODY")
ag=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')
on B; post /feedback -H "$C1" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=村口路灯不亮"
equals "$CODE" 200 "a feedback form served by A is accepted by B"
contains "$BODY" "登记编号" "and registered"
on B; post /feedback -H "$C1" --data-urlencode "_csrf=$(wrong_token "$tok")" --data-urlencode "agency=$ag" --data-urlencode "text=x"
equals "$CODE" 403 "a forged token is still refused on B"

# /feedback: limit 3 per address, counted across A and B (the post above was the first)
on A; post /feedback -H "$C1" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第二条"
equals "$CODE" 200 "the second through A"
on B; post /feedback -H "$C1" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第三条"
equals "$CODE" 200 "the third through B"
on A; post /feedback -H "$C1" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第四条"
equals "$CODE" 429 "the fourth through A: the limit reached through both holds on A"
contains "$HEADERS" "Retry-After: 600" "with Retry-After"
on B; post /feedback -H "$C1" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第五条"
equals "$CODE" 429 "and on B"
on B; post /feedback -H "X-Forwarded-For: 203.0.113.2" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=另一位"
equals "$CODE" 200 "another address is not limited"

# /apply: limit 4 — three through A (a refused one counts too), the fifth refused on B
apply() {
	post /apply -H "$C1" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
		--data-urlencode "applicant_name=韩梅梅" --data-urlencode "phone=13912345678" \
		--data-urlencode "doc_title=$1" --data-urlencode "description=$1"
}
on A; apply "2024年道路修缮工程预算"
equals "$CODE" 200 "an application through A"
code=$(printf '%s' "$BODY" | grep -o 'class="code">[^<]*' | head -1 | sed 's/.*>//')
secret=$(printf '%s' "$BODY" | grep -o 'class="code">[^<]*' | sed -n 2p | sed 's/.*>//')
on A; apply "第二件"; on A; apply "第三件"
on B; apply "第四件"
equals "$CODE" 200 "the fourth through B"
on B; apply "第五件"
equals "$CODE" 429 "the fifth through B is over the limit of both"
on A; apply "第六件"
equals "$CODE" 429 "and through A"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app list --json
equals "$(printf '%s' "$OUT" | grep -c '"channel": "online"')" 4 "four applications stored, none of the refused"

# /track: the applicant signs in on A; B knows the cookie; limit 2 across both
on A; get /track -H "$C1"; ttok=$(csrf_of "$BODY")
post /track -H "$C1" --data-urlencode "_csrf=$ttok" --data-urlencode "code=$code" --data-urlencode "secret=$secret"
equals "$CODE" 200 "the applicant signs in on A"
on B; get /track -H "$C1"
equals "$CODE" 200 "B shows the applicant's page with A's cookie"
contains "$BODY" "待确认收到" "the application's state, not the sign-in form"
on B; post /track -H "$C1" --data-urlencode "_csrf=$ttok" --data-urlencode "code=$code" --data-urlencode "secret=wrong"
on A; post /track -H "$C1" --data-urlencode "_csrf=$ttok" --data-urlencode "code=$code" --data-urlencode "secret=$secret"
equals "$CODE" 429 "the third /track sign-in (limit 2) is refused on A after one on each"

# sign-in throttling: two wrong passwords through A, the third attempt through B waits
attempt() {  # PROCESS PASSWORD
	on "$1"; rm -f "$JAR"; get /console/login -H "$C1"; local t; t=$(csrf_of "$BODY")
	on "$1"; post /console/login -H "$C1" --data-urlencode "_csrf=$t" --data-urlencode user=officer --data-urlencode "password=$2"
}
attempt A wrong-1; attempt A wrong-2
equals "$CODE" 401 "two wrong passwords through A"
attempt B wrong-3
equals "$CODE" 429 "the third attempt through B must wait"
attempt B pw-officer-2024
equals "$CODE" 429 "even with the right password"

# a staff sign-in on A is a session on B
STAFF="$TMP/staff" PUBLIC="$TMP/public"
JAR=$STAFF
on A; rm -f "$JAR"; get /console/login; t=$(csrf_of "$BODY")
post /console/login --data-urlencode "_csrf=$t" --data-urlencode user=leader --data-urlencode password=pw-leader-2024
equals "$CODE" 303 "the leader signs in through A"
on B; get /console/applications
equals "$CODE" 200 "and works through B"
contains "$BODY" "共 4 件" "seeing the four applications made through either"
contains "$BODY" "$code" "the first among them"

# A lost database. 1: every connection terminated while the processes are idle — the next
# requests find them gone, connect again and are served as if nothing happened.
JAR=$PUBLIC
C4="X-Forwarded-For: 203.0.113.4"
apps() { sql "$GONGKAI_DB" "SELECT count(*) FROM application"; }
before=$(apps)
killed=$(sql "$GONGKAI_DB" "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
[ "$killed" -ge 2 ] && ok "the processes' $killed connections are terminated" || not_ok "connections terminated" "$killed"
on A; get /apply -H "$C4"
equals "$CODE" 200 "A serves the next request on a new connection"
tok=$(csrf_of "$BODY")
JAR=$STAFF; on B; get /console/applications
equals "$CODE" 200 "B too, the leader still signed in"
JAR=$PUBLIC

# 2: the connection of a request is terminated in the middle of its write transaction (its
# INSERT waits for a table another session has locked): that request is answered 503 with
# Retry-After and nothing of it is stored. (One terminated before its transaction did
# anything — waiting for the write lock in BEGIN — connects again and goes on: that is 1.)
sql "$GONGKAI_DB" "BEGIN; LOCK TABLE application IN EXCLUSIVE MODE; SELECT pg_sleep(4); COMMIT" >/dev/null &
holder=$!
sleep 0.5
on A
curl -s -o "$TMP/mid.html" -D "$TMP/mid.headers" -w '%{http_code}' -b "$JAR" -H "$C4" \
	--data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=李雷" --data-urlencode "phone=13912345678" \
	--data-urlencode "doc_title=断线时的申请" --data-urlencode "description=断线时的申请" \
	"$BASE/apply" >"$TMP/mid.code" &
mid=$!
for i in $(seq 1 60); do
	waiting=$(sql "$GONGKAI_DB" "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
	[ "$waiting" -ge 1 ] && break
	sleep 0.05
done
equals "$waiting" 1 "the request's INSERT waits for the locked table"
sql "$GONGKAI_DB" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()" >/dev/null
wait "$mid"
equals "$(cat "$TMP/mid.code")" 503 "its connection terminated mid-transaction: 503"
contains "$(tr -d '\r' <"$TMP/mid.headers")" "Retry-After: 5" "with Retry-After"
contains "$(cat "$TMP/mid.html")" "没有保存任何内容" "the page says nothing was saved"
wait "$holder"
equals "$(apps)" "$before" "nothing of it is stored"

# 3: the database server stops while both processes run: every request is 503 (a page, a
# form posted, a signed-in console page — not a sign-in page), no process exits; when it is
# back, both serve again and what is sent is stored.
"$top/scripts/pg-test-cluster" pause "$pgdir/cluster"
on A; get /apply -H "$C4"
equals "$CODE" 503 "the server stopped: a public page is 503"
contains "$HEADERS" "Retry-After: 5" "with Retry-After"
on B; post /apply -H "$C4" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=李雷" --data-urlencode "phone=13912345678" \
	--data-urlencode "doc_title=停机时的申请" --data-urlencode "description=停机时的申请"
equals "$CODE" 503 "an application posted meanwhile is 503"
JAR=$STAFF; on A; get /console/applications
equals "$CODE" 503 "the signed-in leader's console is 503, not the sign-in page"
JAR=$PUBLIC
kill -0 "$PID_A" 2>/dev/null && kill -0 "$PID_B" 2>/dev/null && ok "both processes still run" || not_ok "both processes still run"
"$top/scripts/pg-test-cluster" resume "$pgdir/cluster"
on B; post /apply -H "$C4" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=李雷" --data-urlencode "phone=13912345678" \
	--data-urlencode "doc_title=恢复后的申请" --data-urlencode "description=恢复后的申请"
equals "$CODE" 200 "the server back: B takes the application"
JAR=$STAFF; on A; get /console/applications
equals "$CODE" 200 "and A serves the leader's console"
contains "$BODY" "共 5 件" "which lists it"
equals "$(apps)" "$((before + 1))" "one application more: none of those refused"
run 0 "$GONGKAI" --db "$GONGKAI_DB" audit verify
contains "$OUT" "intact" "the audit chain is intact"
for p in A B; do
	lacks "$(cat "$TMP/$p.log")" "internal error" "process $p logged no internal error"
	equals "$(grep -cE '^(GET|POST|HEAD) [^ ]+ 5[0-9][0-9] ' "$TMP/$p.log" | tr -d ' ')" \
		"$(grep -cE '^(GET|POST|HEAD) [^ ]+ 503 ' "$TMP/$p.log" | tr -d ' ')" \
		"process $p answered no 5xx but 503"
done
[ "$(grep -cE '^(GET|POST) [^ ]+ 503 ' "$TMP/A.log")" -ge 2 ] && ok "A logged its 503s" || not_ok "A logged its 503s" "$(cat "$TMP/A.log")"
done_testing

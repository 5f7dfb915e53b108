#!/usr/bin/env bash
# backup.sh — a backup taken while the portal keeps receiving applications: every application
# whose receipt (回执) was shown before `gongkai backup` started is in the copy, the copy is
# checked (integrity, audit chain) and restores into a database that serves it.
# databases: sqlite (a backup is a copy of a SQLite file; a PostgreSQL database is refused, tests/cli/migrate.sh)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server --form-limit 100000
get /apply
tok=$(csrf_of "$BODY")
ag=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')
cp "$JAR" "$TMP/applicant.jar"

# A citizen after another applies online until told to stop; each receipt's tracking code is
# written down once the receipt has arrived.
applicant() {
	local i=0 code
	while [ ! -e "$TMP/stop" ] && [ $i -lt 2000 ]; do
		i=$((i + 1))
		code=$(curl -s -b "$TMP/applicant.jar" -X POST "$BASE/apply" --data-urlencode "_csrf=$tok" \
			--data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
			--data-urlencode "applicant_name=申请人$i" --data-urlencode "phone=13800000000" \
			--data-urlencode "doc_title=2024年第$i批道路修缮工程预算" \
			| grep -o 'class="code">[^<]*' | head -1 | sed 's/.*>//')
		[ -n "$code" ] && echo "$code" >>"$TMP/acked"
	done
}
: >"$TMP/acked"
applicant &
feeder=$!
for _ in $(seq 1 200); do [ "$(wc -l <"$TMP/acked")" -ge 20 ] && break; sleep 0.05; done
cp "$TMP/acked" "$TMP/before"   # acknowledged before the backup starts
run 0 "$GONGKAI" --db "$GONGKAI_DB" backup "$TMP/copy.db"
contains "$OUT" "integrity check ok, audit log intact" "the copy is checked: structure and audit chain"
for _ in $(seq 1 200); do [ "$(wc -l <"$TMP/acked")" -ge $(($(wc -l <"$TMP/before") + 10)) ] && break; sleep 0.05; done
touch "$TMP/stop"
wait "$feeder"
n_before=$(wc -l <"$TMP/before") n_all=$(wc -l <"$TMP/acked")
[ "$n_before" -ge 20 ] && [ "$n_all" -gt "$n_before" ] && ok "applications went on arriving around the backup ($n_before before it, $n_all in all)" \
	|| not_ok "applications went on arriving around the backup" "before: $n_before, all: $n_all"

run 0 "$GONGKAI" --db "$TMP/restored.db" restore "$TMP/copy.db"
"$GONGKAI" --db "$TMP/restored.db" app list --json | grep -o '"tracking_code": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' | sort >"$TMP/in-copy"
missing=$(sort "$TMP/before" | comm -23 - "$TMP/in-copy")
equals "$missing" "" "every application acknowledged before the backup is in the restored copy"
"$GONGKAI" --db "$GONGKAI_DB" app list --json | grep -o '"tracking_code": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' | sort >"$TMP/in-live"
equals "$(sort "$TMP/acked" | comm -23 - "$TMP/in-live")" "" "and the server lost none of the later ones"
run 0 "$GONGKAI" --db "$TMP/restored.db" audit verify
contains "$OUT" "audit log intact" "the restored database's audit log verifies"

# the restored database serves the portal
stop_server
GONGKAI_DB="$TMP/restored.db" start_server
get /
equals "$CODE" 200 "the restored database serves the portal"
code1=$(head -1 "$TMP/before")
run 0 "$GONGKAI" --db "$TMP/restored.db" app list --json
contains "$OUT" "$code1" "the first application is there"
done_testing

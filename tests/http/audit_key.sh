#!/usr/bin/env bash
# audit_key.sh — where the key that signs the audit archive lives. On a SQLite file it is made
# beside the database (DB.audit-key); a PostgreSQL database has no folder to put it beside, so
# there it must be named (--key-file / serve --audit-key-file / GONGKAI_AUDIT_KEY_FILE, the
# same file for every process of the platform) and without one the export is refused with an
# error that says so — from the command line and from the console alike, never a 500.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
gk() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
unset GONGKAI_AUDIT_KEY_FILE
case $GONGKAI_DB in postgres*) pg=1 ;; *) pg=0 ;; esac

if [ $pg = 1 ]; then
	run 1 gk audit export --out "$TMP/a1.txt"
	contains "$ERR" "审计签名密钥没有默认文件" "on PostgreSQL an export without a key file is refused"
	contains "$ERR" "GONGKAI_AUDIT_KEY_FILE" "and the error names what to set"
	equals "$([ -e "$TMP/a1.txt" ] && echo written || echo none)" none "nothing is written"
	run 1 gk audit key
	contains "$ERR" "--key-file" "audit key without a file: the same error"
else
	run 0 gk audit export --out "$TMP/a1.txt"
	equals "$([ -s "$GONGKAI_DB.audit-key" ] && echo made || echo missing)" made "on SQLite the key is made beside the database"
	equals "$(stat -c %a "$GONGKAI_DB.audit-key")" 600 "readable by its owner only"
fi

# A named file works on both, by option and by environment (the same key).
run 0 gk audit export --out "$TMP/a2.txt" --key-file "$TMP/platform.key"
key=$(printf '%s' "$OUT" | sed -n 's/.*signed by key \([0-9a-f]*\).*/\1/p')
equals "${#key}" 64 "export with --key-file prints the public key"
run 0 env GONGKAI_AUDIT_KEY_FILE="$TMP/platform.key" "$GONGKAI" --db "$GONGKAI_DB" audit key
equals "$OUT" "$key" "GONGKAI_AUDIT_KEY_FILE names the same key"
run 0 gk audit verify "$TMP/a2.txt" --key "$key"
contains "$OUT" "archive intact" "the archive verifies offline with that key"

# The console: without a configured key on PostgreSQL a clear refusal, with one the archive.
start_server
if [ $pg = 1 ]; then
	contains "$(cat "$TMP/server.log")" "no --audit-key-file" "serve on PostgreSQL without a key file says so at start"
	login auditor pw-auditor-2024
	get /console/audit/export
	equals "$CODE" 409 "the console's export is refused (409), not a server error"
	contains "$BODY" "GONGKAI_AUDIT_KEY_FILE" "and the page names what to configure"
else
	login auditor pw-auditor-2024
	get /console/audit/export
	equals "$CODE" 200 "on SQLite the console exports with the key beside the database"
fi
stop_server
GONGKAI_AUDIT_KEY_FILE="$TMP/platform.key" start_server
lacks "$(cat "$TMP/server.log")" "no --audit-key-file" "no warning when the key is configured"
login auditor pw-auditor-2024
get /console/audit/export
equals "$CODE" 200 "with GONGKAI_AUDIT_KEY_FILE the console exports the archive"
equals "$(printf '%s\n' "$HEADERS" | sed -n 's/^X-Audit-Key: //p')" "$key" "signed with the platform's key"
stop_server
start_server --audit-key-file "$TMP/platform.key"
login auditor pw-auditor-2024
fetch /console/audit/export
equals "$CODE" 200 "with --audit-key-file too"
run 0 gk audit verify "$TMP/download" --key "$key"
contains "$OUT" "archive intact" "the console's archive verifies with the platform's key"
stop_server
done_testing

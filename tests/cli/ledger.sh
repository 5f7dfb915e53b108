#!/usr/bin/env bash
# ledger.sh — organs, users, the audit chain and (below) applications, through the CLI,
# each on a temporary database.
. "$(dirname "$0")/../lib.sh"
DB="$TMP/l.db"
gk() { "$GONGKAI" --db "$DB" "$@"; }

# --- organs ---------------------------------------------------------------------------------
run 2 gk user list
contains "$ERR" "no database at" "a missing database is named, not created"
[ ! -e "$DB" ] && ok "nothing created by a read command" || not_ok "nothing created by a read command"
run 0 gk init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B --by lead
equals "$OUT" "1" "init prints the new organ's id"
run 2 gk init --agency-name 县政府 --level county --agency-code 11370812004339254B
contains "$ERR" "expected '8'" "a USCC with a wrong check character is refused, naming the right one"
run 2 gk init --agency-name 县政府 --level prefecture
contains "$ERR" "--level" "an unknown level is refused"
run 1 gk init --agency-name 慈周寨镇人民政府
contains "$ERR" "already exists" "a duplicate organ name is refused"
run 0 gk init --agency-name 某县人民政府 --level county
equals "$OUT" "2" "a second organ gets id 2"
run 0 gk init --agency-name 某县财政局 --level county-dept --parent 某县人民政府
equals "$OUT" "3" "a department with its parent named"
run 2 gk init --agency-name 某县某局 --parent 99
contains "$ERR" "--parent" "an unknown parent is refused"

# --- users ----------------------------------------------------------------------------------
printf 'correct horse\n' >"$TMP/pw"
run 2 gk user add alice --role officer --password-file "$TMP/pw"
contains "$ERR" "--agency" "with several organs an officer needs --agency"
run 0 gk user add alice --role officer --agency 慈周寨镇人民政府 --password-file "$TMP/pw"
run 0 gk user add bob --role leader --agency 1 --display-name 王主任
run 2 gk user add carol --role boss --agency 1
contains "$ERR" "unknown role" "an unknown role is refused"
run 1 gk user add alice --role officer --agency 1
contains "$ERR" "already exists" "a duplicate user name is refused"
printf 'short\n' >"$TMP/pw2"
run 2 gk user add dave --role admin --password-file "$TMP/pw2"
contains "$ERR" "at least 8" "a short password is refused"
run 0 gk user list --json
contains "$OUT" '"name": "alice"' "user list --json lists alice"
contains "$OUT" '"password_set": true' "alice has a password"
contains "$OUT" '"display_name": "王主任"' "display names are kept"
lacks "$OUT" 'argon2' "the password hash is never printed"
hash=$(sqlite3 "$DB" "SELECT password_hash FROM app_user WHERE name='alice'")
case "$hash" in '$argon2id$'*) ok "passwords are stored as argon2id hashes" ;;
	*) not_ok "passwords are stored as argon2id hashes" "got $hash" ;; esac
lacks "$(sqlite3 "$DB" 'SELECT content FROM audit_event')" "horse" "the audit log never holds the password"

# --- audit ----------------------------------------------------------------------------------
run 0 gk audit verify
contains "$OUT" "intact" "a fresh audit log verifies"
run 0 gk audit list
contains "$OUT" "lead  agency 1  create" "the actor given with --by is recorded"
contains "$OUT" "$(id -un)  agency 2  create" "without --by the OS user is recorded"
n_before=$(sqlite3 "$DB" "SELECT count(*) FROM audit_event")
run 1 gk init --agency-name 慈周寨镇人民政府
equals "$(sqlite3 "$DB" 'SELECT count(*) FROM audit_event')" "$n_before" "a refused command leaves no audit entry"

cp "$DB" "$TMP/orig.db"
# an edited row (the tamperer drops the append-only trigger first)
sqlite3 "$DB" "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET content = replace(content, '慈周寨镇', '某某镇') WHERE id = 1"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry 1" "an edited entry is found"
contains "$OUT" "content was changed" "…and said to be changed"
# a deleted row
cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sqlite3 "$DB" "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 3"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry 4" "a deleted entry is found at the entry after it"
# an inserted row, chained onto the last one but with a made-up hash
cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
last=$(sqlite3 "$DB" "SELECT max(id) FROM audit_event")
sqlite3 "$DB" "INSERT INTO audit_event SELECT id + 1, at, actor, agency_id, entity, entity_id, 'delete', content, hash, hash FROM audit_event WHERE id = $last"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry $((last + 1))" "an inserted entry is found"
# an inserted row in the middle: ids renumbered after it
cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sqlite3 "$DB" "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET id = id + 100 WHERE id >= 3; UPDATE audit_event SET id = id - 99 WHERE id >= 103; INSERT INTO audit_event SELECT 3, at, actor, agency_id, entity, entity_id, action, content, hash, hash FROM audit_event WHERE id = 2"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry 3" "an entry slipped into the middle is found"
cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
run 19 sqlite3 "$DB" "DELETE FROM audit_event WHERE id = 1"
contains "$ERR" "append-only" "the schema itself refuses to delete audit entries"

# --- schema versions ------------------------------------------------------------------------
sqlite3 "$DB" "PRAGMA user_version = 99"
run 1 gk user list
contains "$ERR" "newer gongkai" "a database from a newer gongkai is refused"
equals "$(sqlite3 "$DB" 'PRAGMA user_version')" "99" "…and left untouched"
done_testing

#!/usr/bin/env bash
# audit.sh — the audit log's hash covers every field of an entry: changing any one of them in
# the database (behind gongkai's back, the append-only triggers lifted) makes
# `gongkai audit verify` fail and name the entry. The last entry is changed, so that no later
# entry's link to it can catch the change: only the entry's own hash does.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db a)
gk() { "$GONGKAI" --db "$DB" "$@"; }

gk init --agency-name 慈周寨镇人民政府 >/dev/null
echo "pw-officer-2024" >"$TMP/pw"
gk user add officer --role officer --display-name 测试 --password-file "$TMP/pw" >/dev/null
gk user passwd officer --password-file "$TMP/pw" >/dev/null
run 0 gk audit verify
contains "$OUT" "intact" "the untouched log verifies"
last=$(sql "$DB" "SELECT max(id) FROM audit_event")
row=$(sql "$DB" "SELECT CASE WHEN agency_id IS NOT NULL AND entity_id IS NOT NULL THEN 1 ELSE 0 END FROM audit_event WHERE id = $last")
equals "$row" 1 "the last entry names an organ and an entity (so each field has a value to change)"

# column = the SQL expression giving it a different value
for change in \
	"at = '2000-01-01T00:00:00Z'" \
	"actor = actor || 'x'" \
	"agency_id = agency_id + 1" \
	"entity = entity || 'x'" \
	"entity_id = entity_id + 1" \
	"action = action || 'x'" \
	"content = content || ' '" \
	"prev_hash = hash" \
	"id = id + 1"; do
	T=$(db_copy "$DB" t)
	sql "$T" "$(unguard "$T" audit_event) UPDATE audit_event SET $change WHERE id = $last"
	"$GONGKAI" --db "$T" audit verify >"$TMP/out" 2>&1
	st=$?
	equals "$st" 1 "audit verify fails when $change"
	contains "$(cat "$TMP/out")" "BROKEN at entry" "and names the entry ($change)"
done
done_testing

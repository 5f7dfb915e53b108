#!/usr/bin/env bash
# archive.sh — the audit log archived: `gongkai audit export` writes the whole log signed
# (Ed25519, the key in a file of its own, mode 0600), `gongkai audit verify FILE` checks it
# offline — on a copy, the database gone — and catches an entry changed, removed or
# reordered, a signature that does not match, and a key other than the one expected. The
# export is itself audited; the log has no way to delete entries.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db a)
# the key file: beside a SQLite database, named for a PostgreSQL one
case $DB in postgres*) export GONGKAI_AUDIT_KEY_FILE="$TMP/audit.key"; KEY=$GONGKAI_AUDIT_KEY_FILE ;; *) KEY="$DB.audit-key" ;; esac
gk() { "$GONGKAI" --db "$DB" "$@"; }
gk init --agency-name 慈周寨镇人民政府 >/dev/null
printf 'Officer-pass-1\n' >"$TMP/pw"
gk user add officer --role officer --password-file "$TMP/pw" >/dev/null
gk user passwd officer --password-file "$TMP/pw" >/dev/null 2>&1
printf 'Officer-pass-2\n' >"$TMP/pw"
gk user passwd officer --password-file "$TMP/pw" >/dev/null

run 0 gk audit key
key=$OUT
equals "${#key}" 64 "audit key prints the 64-digit public key"
equals "$(stat -c %a "$KEY")" 600 "the key file is readable by its owner only"
run 0 gk audit export --out "$TMP/log.txt"
contains "$OUT" "$key" "export names the key it signed with"
n=$(sql "$DB" "SELECT count(*) FROM audit_event")
contains "$(sql "$DB" "SELECT action FROM audit_event WHERE id = $n")" "export" "the export is itself audited"

case $DB in   # offline: no database
postgres*) db=${DB%%\?*}; psql -q "$GONGKAI_TEST_PG" -c "DROP DATABASE ${db##*/}" >/dev/null ;;
*) mv "$DB" "$TMP/gone.db" ;;
esac
run 0 "$GONGKAI" --db "$TMP/none.db" audit verify "$TMP/log.txt"
contains "$OUT" "archive intact: $((n - 1)) entries" "the archive verifies without the database"
contains "$OUT" "signed by key: $key" "and names its key"
run 0 "$GONGKAI" audit verify "$TMP/log.txt" --key "$key"
ok "--key with the recorded key: intact"

tamper() {  # DESCRIPTION SED-SCRIPT
	sed "$2" "$TMP/log.txt" >"$TMP/t.txt"
	run 1 "$GONGKAI" audit verify "$TMP/t.txt"
	contains "$OUT" "BROKEN" "$1"
}
tamper "an entry's content changed" '3s/officer/0fficer/'
tamper "an entry removed" '3d'
tamper "two entries swapped" '2{h;d};3{G}'
last=$(wc -l <"$TMP/log.txt")
tamper "the signature changed" "${last}s/[0-9a-f]\\{4\\}\$/abcd/"
tamper "cut short (no signature)" "${last}d"
tamper "an entry's hash recomputed by hand still breaks the signature" "2s/\"actor\":\"[^\"]*\"/\"actor\":\"x\"/"
other=$(printf '%064d' 0)
run 1 "$GONGKAI" audit verify "$TMP/log.txt" --key "$other"
contains "$OUT" "another key" "an archive signed with another key than the recorded one is refused"
printf 'hello\n' >"$TMP/not.txt"
run 2 "$GONGKAI" audit verify "$TMP/not.txt"
contains "$ERR" "不是 gongkai 的审计日志归档" "a file that is no archive is named as such"
done_testing

#!/usr/bin/env bash
# totp_key.sh — TOTP secrets sealed at rest, on every database: the stored value holds no
# secret, the key file is 0600 beside a SQLite database or named by GONGKAI_TOTP_KEY (which a
# PostgreSQL database needs), a missing, exposed or other key refuses with a message naming the
# file, and a secret survives gongkai migrate to another database with the same key.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db totp)
gk() { "$GONGKAI" --db "$DB" "$@"; }
case $DB in postgres*) export GONGKAI_TOTP_KEY="$TMP/totp-key"; KEY=$GONGKAI_TOTP_KEY ;; *) KEY="$DB.totp-key" ;; esac

run 0 gk init --agency-name 慈周寨镇人民政府
run 0 gk user add secadmin --role security
if [ -n "${GONGKAI_TEST_PG:-}" ]; then
	GONGKAI_TOTP_KEY="" run 1 gk user totp secadmin
	contains "$ERR" "GONGKAI_TOTP_KEY" "PostgreSQL without a key file: says how to name one"
fi
run 0 gk user totp secadmin
secret=$(printf '%s\n' "$OUT" | sed -n 's/^secret: //p')
[ ${#secret} -eq 32 ] && ok "a secret is shown for the app" || not_ok "a secret is shown" "$OUT"
equals "$(stat -c %a "$KEY")" 600 "the key file is made with mode 0600"
stored=$(sql "$DB" "SELECT secret FROM user_totp")
case "$stored" in v1:*) ok "the stored value is sealed" ;; *) not_ok "the stored value is sealed" "$stored" ;; esac
lacks "$stored" "$secret" "the database does not hold the secret"
run 0 gk user totp secadmin
contains "$OUT" "secret: $secret" "the pending secret opens and is shown again"
# moved to another database (gongkai migrate): the sealed values are copied as they are and
# open there with the same key file
TO="$TMP/moved.db"
run 0 gk migrate --from "$DB" --to "$TO"
cp -p "$KEY" "$TO.totp-key"
GONGKAI_TOTP_KEY="" run 0 "$GONGKAI" --db "$TO" user totp secadmin
contains "$OUT" "secret: $secret" "the moved database opens the secret with the same key"

chmod 644 "$KEY"
run 1 gk user totp secadmin --confirm "$(oathtool --totp -b "$secret")"
contains "$ERR" "chmod 600" "a key file others may read is refused"
chmod 600 "$KEY"
cp -p "$KEY" "$TMP/key.good"
printf '%064d\n' 1 >"$KEY"
run 1 gk user totp secadmin --confirm "$(oathtool --totp -b "$secret")"
contains "$ERR" "不能用 $KEY 中的动态口令密钥解开" "another key: refused, naming the file"
rm "$KEY"
run 1 gk user totp secadmin --confirm "$(oathtool --totp -b "$secret")"
contains "$ERR" "$KEY" "no key file: refused, naming it"
[ -e "$KEY" ] && not_ok "no new key is made while secrets are sealed" || ok "no new key is made while secrets are sealed"
run 0 gk user add auditor2 --role auditor
run 1 gk user totp auditor2
contains "$ERR" "$KEY" "a new second factor while the key is missing and secrets are sealed: refused, naming it"
[ -e "$KEY" ] && not_ok "…and no new key is made for it" || ok "…and no new key is made for it"
cp -p "$TMP/key.good" "$KEY"
run 0 gk user totp secadmin --confirm "$(oathtool --totp -b "$secret")"
contains "$OUT" "second factor of secadmin is on" "the right key: the code turns it on"

done_testing

#!/usr/bin/env bash
# totp_rekey.sh — changing the key that seals the staff's TOTP secrets (gongkai user totp-key
# --rotate, GB/T 22239-2019 8.1.4.8): every secret opens with the new key and not the old one,
# the new key is 0600 and nothing is left beside it, each account's change is audited, a change
# that fails midway leaves the old key and values as they were, and --check tells an operator
# which key the secrets open with after an interrupted change.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db rekey)
gk() { "$GONGKAI" --db "$DB" "$@"; }
case $DB in postgres*) export GONGKAI_TOTP_KEY="$TMP/totp-key"; KEY=$GONGKAI_TOTP_KEY ;; *) KEY="$DB.totp-key" ;; esac

run 0 gk init --agency-name 慈周寨镇人民政府
run 0 gk user add secadmin --role security
run 0 gk user add auditor1 --role auditor
run 0 gk user totp secadmin
s1=$(printf '%s\n' "$OUT" | sed -n 's/^secret: //p')
run 0 gk user totp auditor1
s2=$(printf '%s\n' "$OUT" | sed -n 's/^secret: //p')
run 0 gk user totp secadmin --confirm "$(oathtool --totp -b "$s1")"
run 0 gk user totp-key --check
contains "$OUT" "2 sealed second factor(s) open with $KEY; 0 kept in clear" "check: counts what opens with the key file"

cp -p "$KEY" "$TMP/key.old"
before=$(sql "$DB" "SELECT secret FROM user_totp ORDER BY user_id")
run 0 gk user totp-key --rotate --by secadmin
contains "$OUT" "2 second factor(s) sealed again under a new key in $KEY" "rotate: says how many and where"
cmp -s "$KEY" "$TMP/key.old" && not_ok "the key file holds a new key" || ok "the key file holds a new key"
equals "$(stat -c %a "$KEY")" 600 "the new key file is 0600"
[ -e "$KEY.new" ] && not_ok "nothing is left beside the key" || ok "nothing is left beside the key"
after=$(sql "$DB" "SELECT secret FROM user_totp ORDER BY user_id")
[ "$before" != "$after" ] && ok "every stored value is sealed again" || not_ok "every stored value is sealed again" "$after"
lacks "$after" "$s2" "the database still holds no secret"
run 0 gk user totp auditor1
contains "$OUT" "secret: $s2" "the pending secret opens with the new key"
run 0 gk user totp auditor1 --confirm "$(oathtool --totp -b "$s2")"
contains "$OUT" "second factor of auditor1 is on" "a code checks against the secret under the new key"
run 0 gk audit list
contains "$OUT" "totp-rekey" "the change of key is in the audit log"
equals "$(printf '%s\n' "$OUT" | grep -c totp-rekey)" 2 "one audit entry per account sealed again"
run 0 gk audit verify

# the old key no longer opens them
cp -p "$KEY" "$TMP/key.new"
cp -p "$TMP/key.old" "$KEY"
run 1 gk user totp-key --check
contains "$ERR" "不能用 $KEY 中的动态口令密钥解开" "check: the old key is refused, naming the file"

# interrupted after it was saved: the secrets open with KEY.new, which was not moved in
cp -p "$TMP/key.new" "$KEY.new"
run 1 gk user totp-key --check
contains "$ERR" "mv $KEY.new $KEY" "check: says to move the new key in place"
run 1 gk user totp-key --rotate
contains "$ERR" "$KEY.new 已存在：上一次更换密钥没有完成" "no change of key while one is unfinished"
cmp -s "$KEY.new" "$TMP/key.new" && ok "…and the unfinished one's key is kept" || not_ok "…and the unfinished one's key is kept"
mv "$KEY.new" "$KEY"
run 0 gk user totp-key --check
contains "$OUT" "2 sealed second factor(s) open with $KEY" "moved in place: every secret opens"

# a file left by a change that did not save is not in use: check says so
printf 'x\n' >"$KEY.new"
run 0 gk user totp-key --check
contains "$OUT" "$KEY.new is left by a change of key that did not finish and is not in use" "check: a stale .new is named"
rm "$KEY.new"

# a change that fails midway (one value altered behind gongkai's back) changes nothing
cp -p "$KEY" "$TMP/key.kept"
sql "$DB" "UPDATE user_totp SET secret = 'v1:00' || substr(secret, 6) WHERE user_id = (SELECT id FROM app_user WHERE name = 'auditor1')" >/dev/null
stored=$(sql "$DB" "SELECT secret FROM user_totp ORDER BY user_id")
run 1 gk user totp-key --rotate
contains "$ERR" "的第二因素不能用" "rotate: a value that does not open stops it, naming the problem"
cmp -s "$KEY" "$TMP/key.kept" && ok "…the key file is unchanged" || not_ok "…the key file is unchanged"
[ -e "$KEY.new" ] && not_ok "…no new key is left" || ok "…no new key is left"
equals "$(sql "$DB" "SELECT secret FROM user_totp ORDER BY user_id")" "$stored" "…no stored value changed"

run 2 gk user totp-key
contains "$ERR" "give one of --check and --rotate" "neither option: a usage error"
run 2 gk user totp-key --check --rotate
done_testing

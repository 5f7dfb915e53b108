#!/usr/bin/env bash
# identification.sh — GB/T 22239-2019 8.1.4.1: password rules (at least 10 characters of three
# kinds, none of the last five again), a second factor (TOTP, RFC 6238, codes made here with
# oathtool like any authenticator app) that the three administrators must set up before
# anything else, a code good once only, the idle timeout and the absolute lifetime of a
# session, an expired password that must be changed first, and sign-ins, failures and
# sign-outs in the audit log.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
gk() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }

# --- password rules (domain: the CLI and the console alike) ---------------------------------
for bad in "Short-1a" "alllowercaseletters" "lowercase1234567"; do
	printf '%s\n' "$bad" >"$TMP/pw"
	run 2 gk user passwd officer --password-file "$TMP/pw"
	contains "$ERR" "password" "refused: $bad"
done
for i in 1 2 3 4 5; do printf 'Officer-pass-%d\n' "$i" >"$TMP/p$i"; gk user passwd officer --password-file "$TMP/p$i" >/dev/null; done
run 2 gk user passwd officer --password-file "$TMP/p1"
contains "$ERR" "这个密码最近用过" "one of the last five passwords is refused"
printf 'Officer-pass-6\n' >"$TMP/p6"
run 0 gk user passwd officer --password-file "$TMP/p6"
run 0 gk user passwd officer --password-file "$TMP/p1"
ok "a password older than the last five may come back"

# --- second factor ------------------------------------------------------------------------
start_server --totp admins --session-idle 30 --session-max 12
code_at() { oathtool --totp -b -N "@$2" "$1"; }
login security pw-security-2024
equals "$CODE" 303 "the security administrator's password is right"
contains "$HEADERS" "Location: /console/totp" "but must set up the second factor first"
get /console/users
equals "$CODE" 303 "every other page sends there"
get /console/totp
secret=$(printf '%s' "$BODY" | grep -o '<code class="secret">[A-Z2-7]*' | sed 's/.*>//')
equals "${#secret}" 32 "the page shows a 32-letter base32 secret"
contains "$BODY" "otpauth://totp/gongkai:security?secret=$secret" "and the otpauth:// address"
tok=$(csrf_of "$BODY")
post /console/totp --data-urlencode "_csrf=$tok" --data-urlencode code=000000
equals "$CODE" 400 "a wrong first code is refused"
now=$(date +%s)
post /console/totp --data-urlencode "_csrf=$tok" --data-urlencode "code=$(code_at "$secret" "$now")"
equals "$CODE" 303 "the app's code turns the second factor on"
get /console/users
equals "$CODE" 200 "then the pages open"
gk audit list >"$TMP/audit"
contains "$(cat "$TMP/audit")" "totp-on" "turning it on is audited"

# the next sign-in needs the code; a code is good once
login security pw-security-2024
equals "$CODE" 401 "without the code: 401"
contains "$BODY" "动态验证码" "asking for the code"
rm -f "$JAR"; get /console/login; tok=$(csrf_of "$BODY")
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode user=security --data-urlencode password=pw-security-2024 \
	--data-urlencode "code=$(code_at "$secret" "$now")"
equals "$CODE" 401 "the code already used (the same 30 s step) is refused: no replay"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode user=security --data-urlencode password=pw-security-2024 \
	--data-urlencode "code=$(code_at "$secret" $((now + 30)))"
equals "$CODE" 303 "the next step's code signs in"
get /console
contains "$BODY" "上次登录：" "the last sign-in's time and address are shown after signing in"
contains "$BODY" "登录失败" "and the failures since (the codes refused)"

# --- the secret at rest: sealed under the key file beside the database -----------------------
stored=$(sql "$GONGKAI_DB" "SELECT secret FROM user_totp")
case "$stored" in v1:*) ok "the stored secret is sealed" ;; *) not_ok "the stored secret is sealed" "$stored" ;; esac
lacks "$stored" "$secret" "the database does not hold the secret"
equals "$(stat -c %a "$TOTP_KEY")" 600 "the key file (beside a SQLite database) is 0600"
cp -p "$TOTP_KEY" "$TMP/key"
printf '%064d\n' 7 >"$TOTP_KEY"
sign_in_code() {
	rm -f "$JAR"; get /console/login; tok=$(csrf_of "$BODY")
	post /console/login --data-urlencode "_csrf=$tok" --data-urlencode user=security \
		--data-urlencode password=pw-security-2024 --data-urlencode "code=$(code_at "$secret" "$(date +%s)")"
}
sign_in_code
equals "$CODE" 500 "another key file: the sign-in is refused"
lacks "$BODY" "totp-key" "without naming the file to the visitor"
contains "$(cat "$TMP/server.log")" "不能用 $TOTP_KEY 中的动态口令密钥解开" "the log names the key file"
get /
equals "$CODE" 200 "and the server goes on"
cp -p "$TMP/key" "$TOTP_KEY"
sql "$GONGKAI_DB" "UPDATE user_totp SET last_step = 0"
sign_in_code
equals "$CODE" 303 "the right key back: the code signs in"
# a database from before sealing: the secret in clear is sealed when the server starts
sql "$GONGKAI_DB" "UPDATE user_totp SET secret = '$secret', last_step = 0"
restart_server --totp admins --session-idle 30 --session-max 12
contains "$(cat "$TMP/server.log")" "sealed 1 TOTP secret" "a secret kept in clear is sealed at start"
lacks "$(sql "$GONGKAI_DB" "SELECT secret FROM user_totp")" "$secret" "and is no longer in the database"
equals "$(sql "$GONGKAI_DB" "SELECT actor || ' ' || action FROM audit_event WHERE action = 'totp-seal'")" "gongkai serve totp-seal" "the sealing is audited as the server's"
sign_in_code
equals "$CODE" 303 "and still signs in"

# an officer (not an administrator) signs in with the password alone under --totp admins
login officer Officer-pass-1
equals "$CODE" 303 "an officer without a second factor signs in with the password"
get /console
equals "$CODE" 200 "and works"

# --- the security administrator resets a lost phone ---------------------------------------
run 0 gk user totp security --reset
login security pw-security-2024
contains "$HEADERS" "Location: /console/totp" "after a reset the second factor is set up again"

# --- idle timeout and absolute lifetime ---------------------------------------------------
login officer Officer-pass-1
get /console
equals "$CODE" 200 "signed in"
sql "$GONGKAI_DB" "UPDATE staff_session SET seen_at = '$(date -u -d '-31 minutes' +%Y-%m-%dT%H:%M:%SZ)'"
get /console
equals "$CODE" 303 "31 minutes idle (default 30): signed out"
login officer Officer-pass-1
sql "$GONGKAI_DB" "UPDATE staff_session SET created_at = '$(date -u -d '-13 hours' +%Y-%m-%dT%H:%M:%SZ)'"
get /console
equals "$CODE" 303 "13 hours after sign-in (default 12), however used: signed out"

# --- password expiry ----------------------------------------------------------------------
restart_server --totp optional --password-max-age 90
sql "$GONGKAI_DB" "UPDATE password_history SET at = at - 91 * 86400"
login officer Officer-pass-1
get /console
equals "$CODE" 303 "a password older than 90 days (--password-max-age 90) …"
contains "$HEADERS" "Location: /console/password?expired=1" "… must be changed first"
get /console/password?expired=1
contains "$BODY" "超过规定的使用期限" "the page says why"
tok=$(csrf_of "$BODY")
post /console/password --data-urlencode "_csrf=$tok" --data-urlencode current=Officer-pass-1 \
	--data-urlencode password=Officer-pass-7 --data-urlencode password2=Officer-pass-7
equals "$CODE" 303 "changed"
get /console
equals "$CODE" 200 "then the console opens"

# --- the audit log has every sign-in, failure and sign-out --------------------------------
JAR="$TMP/x"; post /console/logout --data-urlencode "_csrf=$(csrf_of "$(curl -s -b "$TMP/cookies" "$BASE/console")")" -b "$TMP/cookies"
gk audit list >"$TMP/audit"
a=$(cat "$TMP/audit")
contains "$a" "signin  failure  {\"account\":\"security\"" "a failed sign-in is audited with the name typed"
contains "$a" "  sign-in  {\"client\":\"127.0.0.1\"}" "a sign-in is audited with the address"
contains "$a" "sign-out" "a sign-out is audited"
run 0 gk audit verify
done_testing

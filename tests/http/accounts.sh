#!/usr/bin/env bash
# tests/http/accounts.sh — accounts in the console: the security administrator resets another account's password,
# disables it (signed out everywhere, sign-in refused) and re-enables it, changes its role and
# organ; nobody disables their own account or the last security administrator; everyone changes their
# own password at /console/password (the current one first; other sessions end, this one gets
# a new token). Forms carry the CSRF token, refusals are form errors that change nothing, and
# passwords never come back in a page.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"

q() { sql "$GONGKAI_DB" "$1"; }
uid() { q "SELECT id FROM app_user WHERE name = '$1'"; }
hash_of() { q "SELECT coalesce(password_hash, '-') FROM app_user WHERE name = '$1'"; }
# keep NAME / use NAME: save the cookie jar of the current browser / switch to a saved one
keep() { cp "$JAR" "$TMP/jar-$1"; }
use() { JAR=$TMP/jar-$1; }
fresh() { JAR=$TMP/cookies; }

make_db || { not_ok "test database"; done_testing; exit 1; }
start_server
OFF=$(uid officer) REV=$(uid reviewer) ADM=$(uid security)
TOWN=$(q "SELECT id FROM agency WHERE name = '慈周寨镇人民政府'")

# --- route × role -----------------------------------------------------------------------------
for r in officer reviewer leader admin supervisor security; do
	fresh
	login $r pw-$r-2024
	case $r in security) want=200 ;; *) want=403 ;; esac
	get /console/users/$OFF
	equals "$CODE" "$want" "GET /console/users/ID as $r: $want"
	get /console/password
	equals "$CODE" 200 "GET /console/password as $r: 200"
	t=$(csrf_of "$BODY")
	case $r in security) want=400 ;; *) want=403 ;; esac
	post /console/users/$OFF/password --data-urlencode "_csrf=$t" \
		--data-urlencode "password=pw-by-$r-1" --data-urlencode "password2=pw-by-$r-2"
	equals "$CODE" "$want" "POST /console/users/ID/password as $r: $want"
	case $r in security) want=200 ;; *) want=403 ;; esac
	post /console/users/$OFF/role --data-urlencode "_csrf=$t" --data-urlencode "role=officer" \
		--data-urlencode "agency=$TOWN"
	equals "$CODE" "$want" "POST /console/users/ID/role as $r: $want"
	if [ $r != security ]; then
		post /console/users/$ADM/disable --data-urlencode "_csrf=$t"
		equals "$CODE" 403 "POST /console/users/ID/disable as $r: 403"
	fi
done
fresh
login officer pw-officer-2024
equals "$CODE" 303 "after all that the officer's password is unchanged"
login security pw-security-2024
equals "$CODE" 303 "and the admin was not disabled"
rm -f "$JAR"
for p in /console/users/$OFF /console/password; do
	get $p
	equals "$CODE" 303 "anonymous GET $p: sent to sign in"
	contains "$HEADERS" "Location: /console/login" "to the login page ($p)"
done
get /console/login
post /console/users/$OFF/disable --data-urlencode "_csrf=$(csrf_of "$BODY")"
equals "$CODE" 403 "anonymous POST disable: 403"
fresh
login security pw-security-2024
get /console/users/999999
equals "$CODE" 404 "an account that does not exist: 404"
get /console/users/abc
equals "$CODE" 404 "a malformed account id: 404"

# --- the admin resets the officer's password --------------------------------------------------
fresh
login officer pw-officer-2024
keep officer-old
fresh
login security pw-security-2024
keep security
get /console/users
contains "$BODY" "href=\"/console/users/$OFF\"" "the accounts list links to each account"
get /console/users/$OFF
contains "$BODY" "重置密码" "the account page offers a password reset"
contains "$BODY" "停用账号" "and disabling"
t=$(csrf_of "$BODY")
before=$(hash_of officer)
post /console/users/$OFF/password --data-urlencode "_csrf=$t" \
	--data-urlencode "password=Mismatch-one-1" --data-urlencode "password2=Mismatch-two-2"
equals "$CODE" 400 "two different new passwords: 400"
contains "$BODY" "两次输入的新密码不一致" "with the reason"
contains "$BODY" '<p class="field-error" id="e-password2">两次输入的新密码不一致' "beside the field"
lacks "$BODY" "Mismatch-one-1" "the typed password is not put back into the page"
post /console/users/$OFF/password --data-urlencode "_csrf=$t" \
	--data-urlencode "password=short" --data-urlencode "password2=short"
equals "$CODE" 400 "a password under 8 characters: 400"
contains "$BODY" "密码至少 10 位" "says the rule"
equals "$(hash_of officer)" "$before" "a refused reset changes nothing"
post /console/users/$OFF/password --data-urlencode "password=pw-officer-new1" \
	--data-urlencode "password2=pw-officer-new1"
equals "$CODE" 403 "a reset without the CSRF token: 403"
post /console/users/$OFF/password --data-urlencode "_csrf=$(wrong_token "$t")" \
	--data-urlencode "password=pw-officer-new1" --data-urlencode "password2=pw-officer-new1"
equals "$CODE" 403 "a reset with a wrong CSRF token: 403"
equals "$(hash_of officer)" "$before" "neither changed the password"
post /console/users/$OFF/password --data-urlencode "_csrf=$t" \
	--data-urlencode "password=pw-officer-new1" --data-urlencode "password2=pw-officer-new1"
equals "$CODE" 200 "the admin resets the officer's password"
contains "$BODY" "已为 officer 设置新密码" "and is told so"
lacks "$BODY" "pw-officer-new1" "the new password is not shown back"
use officer-old
get /console
equals "$CODE" 303 "the officer's session from before the reset is signed out"
fresh
login officer pw-officer-2024
equals "$CODE" 401 "the old password is refused"
login officer pw-officer-new1
equals "$CODE" 303 "the new password works"
keep officer-s

# --- disable and re-enable ------------------------------------------------------------------------
use security
post /console/users/$OFF/disable --data-urlencode "_csrf=$t"
equals "$CODE" 200 "the admin disables the officer"
contains "$BODY" "已停用 officer" "and is told so"
contains "$BODY" "已停用（没有密码，不能登录）" "the page shows the account disabled"
contains "$BODY" "启用账号（设置新密码）" "and offers to enable it with a new password"
equals "$(hash_of officer)" "-" "the password is cleared"
use officer-s
get /console
equals "$CODE" 303 "the disabled officer's session is gone"
fresh
login officer pw-officer-new1
equals "$CODE" 401 "a disabled account cannot sign in"
contains "$BODY" "用户名或密码错误" "with the usual message"
use security
post /console/users/$OFF/password --data-urlencode "_csrf=$t" \
	--data-urlencode "password=pw-officer-new2" --data-urlencode "password2=pw-officer-new2"
equals "$CODE" 200 "the admin re-enables the officer with a new password"
fresh
login officer pw-officer-new2
equals "$CODE" 303 "the re-enabled officer signs in"

# --- one's own account and the last admin ---------------------------------------------------------
use security
before=$(hash_of security)
post /console/users/$ADM/disable --data-urlencode "_csrf=$t"
equals "$CODE" 409 "the only admin cannot disable their account: 409"
contains "$BODY" "是最后一个能登录的安全管理员" "because it is the last admin"
post /console/users/$ADM/role --data-urlencode "_csrf=$t" --data-urlencode "role=supervisor"
equals "$CODE" 409 "nor demote it"
post /console/users/$ADM/password --data-urlencode "_csrf=$t" \
	--data-urlencode "password=pw-security-9999" --data-urlencode "password2=pw-security-9999"
equals "$CODE" 409 "an admin cannot reset their own password without the current one"
contains "$BODY" "/console/password" "and is sent to the password page"
equals "$(hash_of security)" "$before" "the admin account is unchanged"
equals "$(q "SELECT role FROM app_user WHERE id = $ADM")" security "and still the security administrator"
run 1 "$GONGKAI" --db "$GONGKAI_DB" user passwd security --clear
contains "$ERR" "最后一个能登录的安全管理员" "the command line refuses to disable the last admin too"
post /console/users --data-urlencode "_csrf=$t" --data-urlencode "name=security2" \
	--data-urlencode "role=security" --data-urlencode "password=pw-security2-2024"
equals "$CODE" 200 "a second admin is added"
post /console/users/$ADM/disable --data-urlencode "_csrf=$t"
equals "$CODE" 409 "with two admins, an admin still cannot disable their own account"
contains "$BODY" "不能停用自己的账号" "because it is their own"
equals "$(hash_of security)" "$before" "still unchanged"
fresh
login security2 pw-security2-2024
keep security2
get /console/users/$ADM
post /console/users/$ADM/disable --data-urlencode "_csrf=$(csrf_of "$BODY")"
equals "$CODE" 200 "another admin may disable the first"
use security
get /console
equals "$CODE" 303 "who is signed out at once"
use security2
get /console/users/$ADM
t2=$(csrf_of "$BODY")
post /console/users/$ADM/password --data-urlencode "_csrf=$t2" \
	--data-urlencode "password=pw-security-2025" --data-urlencode "password2=pw-security-2025"
equals "$CODE" 200 "and enable them again"

# --- role and organ ---------------------------------------------------------------------------------
post /console/users/$REV/role --data-urlencode "_csrf=$t2" --data-urlencode "role=officer"
equals "$CODE" 400 "an officer without an organ is refused"
contains "$BODY" '<p class="field-error" id="e-agency">officer 角色的账号须属于一个机关' "beside the organ field"
contains "$BODY" '<option value="officer" selected>' "the role chosen is kept on the page"
contains "$BODY" '<option value="" selected>' "and so is the organ chosen (none)"
equals "$(q "SELECT role FROM app_user WHERE id = $REV")" reviewer "nothing changed"
post /console/users/$REV/role --data-urlencode "_csrf=$t2" --data-urlencode "role=leader" \
	--data-urlencode "agency=$TOWN"
equals "$CODE" 200 "the reviewer becomes a leader"
equals "$(q "SELECT role FROM app_user WHERE id = $REV")" leader "as the database says"
fresh
login reviewer pw-reviewer-2024
get /console/reports
equals "$CODE" 200 "and reaches the leader's pages"
get /console/audit
audit=$BODY
contains "$audit" "set-role" "the role change is in the audit log"
contains "$audit" "clear-password" "as are the disabling"
contains "$audit" "set-password" "and the resets"
lacks "$(q "SELECT content FROM audit_event")" "pw-officer-new" \
	"the audit log never holds a password"

# --- one's own password -----------------------------------------------------------------------------
fresh
login officer pw-officer-new2
keep officer-other
fresh
login officer pw-officer-new2
get /console
contains "$BODY" 'href="/console/password"' "the console header links to the password page"
get /console/password
t=$(csrf_of "$BODY")
before=$(hash_of officer)
post /console/password --data-urlencode "_csrf=$t" --data-urlencode "current=not-my-password" \
	--data-urlencode "password=pw-officer-own3" --data-urlencode "password2=pw-officer-own3"
equals "$CODE" 400 "a wrong current password: 400"
contains "$BODY" '<p class="field-error" id="e-current">当前密码不正确' "a form error beside the current password"
lacks "$BODY" "not-my-password" "what was typed is not shown back"
lacks "$BODY" "pw-officer-own3" "nor the new password"
post /console/password --data-urlencode "_csrf=$t" --data-urlencode "current=pw-officer-new2" \
	--data-urlencode "password=pw-officer-own3" --data-urlencode "password2=pw-officer-own4"
equals "$CODE" 400 "two different new passwords: 400"
post /console/password --data-urlencode "_csrf=$t" --data-urlencode "current=pw-officer-new2" \
	--data-urlencode "password=pw-officer-new2" --data-urlencode "password2=pw-officer-new2"
equals "$CODE" 400 "the same password again: 400"
post /console/password --data-urlencode "current=pw-officer-new2" \
	--data-urlencode "password=pw-officer-own3" --data-urlencode "password2=pw-officer-own3"
equals "$CODE" 403 "without the CSRF token: 403"
equals "$(hash_of officer)" "$before" "none of these changed the password"
old=$(cookie_of gk_session)
post /console/password --data-urlencode "_csrf=$t" --data-urlencode "current=pw-officer-new2" \
	--data-urlencode "password=pw-officer-own3" --data-urlencode "password2=pw-officer-own3"
equals "$CODE" 303 "the officer changes their password"
contains "$HEADERS" "Location: /console/password?done=1" "and is sent back to the page"
new=$(cookie_of gk_session)
[ -n "$new" ] && [ "$new" != "$old" ] && ok "this browser gets a new session token" ||
	not_ok "this browser gets a new session token" "old $old new $new"
get /console/password?done=1
equals "$CODE" 200 "and stays signed in"
contains "$BODY" "密码已修改" "told the password changed"
[ "$(csrf_of "$BODY")" != "$t" ] && ok "with a new CSRF token" || not_ok "with a new CSRF token"
equals "$(q "SELECT count(*) FROM staff_session WHERE user_id = $OFF")" 1 \
	"only the new session of the officer is left"
JAR=$TMP/replay
get /console -H "Cookie: gk_session=$old"
equals "$CODE" 303 "the token from before the change is signed out"
use officer-other
get /console
equals "$CODE" 303 "the officer's other session is signed out"
fresh
login officer pw-officer-new2
equals "$CODE" 401 "the old password is refused"
login officer pw-officer-own3
equals "$CODE" 303 "the new one works"

# wrong current passwords count against the account's sign-in limit, as failed sign-ins do
# (the account's earlier failures taken away, so that only these three count)
restart_server --login-limit 3
q "DELETE FROM signin_failure WHERE account = 'officer'" >/dev/null
get /console/password
codes=
for i in 1 2 3; do
	post /console/password --data-urlencode "_csrf=$(csrf_of "$BODY")" --data-urlencode "current=guess-$i" \
		--data-urlencode "password=pw-officer-own9" --data-urlencode "password2=pw-officer-own9"
	codes="$codes $CODE"
	get /console/password
done
lacks "$codes" 429 "three wrong current passwords are refused as wrong, none held back ($codes)"
equals "$(q "SELECT count(*) FROM signin_failure WHERE account = 'officer'")" 3 \
	"and recorded as failed sign-ins of the account"
# the wait after the limit is 2 s, which a loaded machine can spend between two requests:
# the failures are dated a minute on, as if they had just been made whatever the speed
q "UPDATE signin_failure SET at = at + 60 WHERE account = 'officer'" >/dev/null
post /console/password --data-urlencode "_csrf=$(csrf_of "$BODY")" --data-urlencode "current=pw-officer-own3" \
	--data-urlencode "password=pw-officer-own9" --data-urlencode "password2=pw-officer-own9"
equals "$CODE" 429 "after three wrong current passwords even the right one waits"

# --- script injection in a display name ---------------------------------------------------------
evil='<script>alert("n")</script>'
echo "pw-evil-2024" >"$TMP/pw"
run 0 "$GONGKAI" --db "$GONGKAI_DB" user add evil --role supervisor --display-name "$evil" \
	--password-file "$TMP/pw"
EVIL=$(uid evil)
use security2
get /console/users/$EVIL
contains "$BODY" "&lt;script&gt;alert(&quot;n&quot;)&lt;/script&gt;" "the display name is shown escaped"
lacks "$BODY" "$evil" "never raw on the account page"
fresh
login evil pw-evil-2024
get /console/password
lacks "$BODY" "$evil" "nor in the console header"

stop_server
done_testing

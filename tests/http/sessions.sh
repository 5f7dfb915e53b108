#!/usr/bin/env bash
# tests/http/sessions.sh — staff sessions live in the database: a restart of the server keeps
# everyone signed in (with the same CSRF token), logout and expiry end a session for good, a
# password change or a disabled account ends all of a user's sessions, and the database holds
# only the SHA-256 of each token. Unknown accounts are refused like wrong passwords and count
# against the login limit.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"

q() { sql "$GONGKAI_DB" "$1"; }
ts() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

make_db || { not_ok "test database"; done_testing; exit 1; }
start_server --login-limit 3

# Sign in as the security administrator; keep the session token and the console's CSRF token.
login security pw-security-2024
equals "$CODE" 303 "the security administrator signs in"
tok=$(cookie_of gk_session)
equals "${#tok}" 64 "the session cookie is a 64-digit token"
get /console/users
equals "$CODE" 200 "the console answers"
csrf=$(csrf_of "$BODY")

# The database has the token's SHA-256 and never the token.
hash=$(printf %s "$tok" | sha256sum | cut -d' ' -f1)
equals "$(q "SELECT count(*) FROM staff_session WHERE token_hash = '$hash'")" 1 \
	"the session is stored under the SHA-256 of its token"
equals "$(q "SELECT count(*) FROM staff_session WHERE token_hash = '$tok'")" 0 \
	"not under the token itself"
equals "$(cat "$GONGKAI_DB"* | grep -c -a "$tok")" 0 "no database file contains the token"
equals "$(cat "$GONGKAI_DB"* | grep -c -a "$csrf")" 0 "nor the session's CSRF token"
equals "$(q "SELECT client FROM staff_session WHERE token_hash = '$hash'")" 127.0.0.1 \
	"the address it signed in from is kept"

# A restart keeps the session and its CSRF token.
restart_server --login-limit 3
get /console/users
equals "$CODE" 200 "after a restart the same cookie still reaches the console"
contains "$BODY" "测试security" "as the same user"
equals "$(csrf_of "$BODY")" "$csrf" "with the same CSRF token"
post /console/users --data-urlencode "_csrf=$csrf" --data-urlencode "name=newbie" \
	--data-urlencode "role=reviewer" --data-urlencode "password=pw-newbie-2024"
equals "$CODE" 200 "a form with the CSRF token from before the restart is accepted"
contains "$BODY" "已添加用户 newbie" "and does its work"
post /console/users --data-urlencode "_csrf=$(wrong_token "$csrf")" --data-urlencode "name=other" \
	--data-urlencode "role=reviewer" --data-urlencode "password=pw-other-2024"
equals "$CODE" 403 "a wrong CSRF token is still refused"

# The last use is recorded at most once a minute.
q "UPDATE staff_session SET seen_at = '$(ts '30 seconds ago')' WHERE token_hash = '$hash'"
before=$(q "SELECT seen_at FROM staff_session WHERE token_hash = '$hash'")
get /console
equals "$(q "SELECT seen_at FROM staff_session WHERE token_hash = '$hash'")" "$before" \
	"a use within a minute of the last writes nothing"
q "UPDATE staff_session SET seen_at = '$(ts '5 minutes ago')' WHERE token_hash = '$hash'"
get /console
now=$(q "SELECT seen_at FROM staff_session WHERE token_hash = '$hash'")
[[ "$now" > "$(ts '1 minute ago')" ]] && ok "a use after five minutes is recorded" ||
	not_ok "a use after five minutes is recorded" "seen_at $now"

# Logout ends the session, and a restart does not bring it back.
get /console
post /console/logout --data-urlencode "_csrf=$(csrf_of "$BODY")"
equals "$CODE" 303 "logout"
equals "$(q "SELECT count(*) FROM staff_session WHERE token_hash = '$hash'")" 0 \
	"logout deletes the session"
restart_server --login-limit 3
JAR=$TMP/replay
get /console -H "Cookie: gk_session=$tok"
equals "$CODE" 303 "after logout and a restart the old token is signed out"
contains "$HEADERS" "Location: /console/login" "and sent to the login page"
JAR=$TMP/cookies

# Expiry: thirty minutes without use (default), or twelve hours after sign-in.
# aged COLUMN WHEN: sign the officer in, set the session's COLUMN to WHEN, visit the console.
aged() {
	login officer pw-officer-2024
	local h; h=$(printf %s "$(cookie_of gk_session)" | sha256sum | cut -d' ' -f1)
	q "UPDATE staff_session SET $1 = '$(ts "$2")' WHERE token_hash = '$h'"
	get /console
}
aged seen_at '29 minutes ago'
equals "$CODE" 200 "a session idle for just under thirty minutes is still live"
aged seen_at '31 minutes ago'
equals "$CODE" 303 "a session idle for over thirty minutes is refused"
aged created_at '12 hours ago 1 minute ago'
equals "$CODE" 303 "a session older than twelve hours is refused even in use"
login leader pw-leader-2024
equals "$(q "SELECT count(*) FROM staff_session WHERE user_id = (SELECT id FROM app_user WHERE name = 'officer')")" 1 \
	"expired sessions are deleted at the next sign-in (the live one stays)"

# A password change (CLI) ends every session of that user, and only theirs.
login officer pw-officer-2024
cp "$JAR" "$TMP/officer1"
login officer pw-officer-2024
cp "$JAR" "$TMP/officer2"
login reviewer pw-reviewer-2024
cp "$JAR" "$TMP/reviewer"
echo "pw-officer-2025" >"$TMP/newpw"
run 0 "$GONGKAI" --db "$GONGKAI_DB" user passwd officer --password-file "$TMP/newpw"
for j in officer1 officer2; do
	JAR=$TMP/$j
	get /console
	equals "$CODE" 303 "after gongkai user passwd, the officer's session $j is signed out"
done
JAR=$TMP/reviewer
get /console
equals "$CODE" 200 "another user's session is untouched"
# A disabled account (password cleared) is signed out too.
run 0 "$GONGKAI" --db "$GONGKAI_DB" user passwd reviewer --clear
get /console
equals "$CODE" 303 "after gongkai user passwd --clear, the reviewer is signed out"
JAR=$TMP/cookies
login officer pw-officer-2025
equals "$CODE" 303 "the officer signs in with the new password"

# Unknown accounts: the same answer as a wrong password, and counted by the limiter.
login officer wrong-password
equals "$CODE" 401 "a wrong password is 401"
contains "$BODY" "用户名或密码错误" "saying the name or the password is wrong"
login nobody-here wrong-password
equals "$CODE" 401 "an unknown account is 401 as well"
contains "$BODY" "用户名或密码错误" "with the same message as a wrong password"
login reviewer pw-reviewer-2024
equals "$CODE" 401 "a disabled account is refused like a wrong password"
login nobody-here x
login nobody-here x
equals "$CODE" 401 "the third failure for an unknown account is answered normally"
login nobody-here x
equals "$CODE" 429 "the fourth is over the limit, as for a real account"

stop_server
done_testing

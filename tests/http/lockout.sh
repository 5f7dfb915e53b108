#!/usr/bin/env bash
# lockout.sh — sign-in attacks (bounded, 127.0.0.1, addresses told by X-Forwarded-For behind
# --behind-proxy): an attacker guessing an officer's password from one address is slowed down
# with growing delays (429, Retry-After 2 s, then 4 s) — but the officer, at another address,
# signs in at once; afterwards the officer is told when and from where they last signed in
# and how many attempts failed since, from where. A right password during the delay is not
# even checked (429 again), and the same delays slow a wrong current password on the
# change-password page. Public forms each have their own limit.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server --behind-proxy --login-limit 2 --form-limit apply=2 --form-limit feedback=3
ATT="X-Forwarded-For: 203.0.113.9"
OFF="X-Forwarded-For: 198.51.100.7"

# the officer signs in once from the office, so that the next sign-in has a previous one
rm -f "$JAR"; get /console/login -H "$OFF"; tok=$(csrf_of "$BODY")
post /console/login -H "$OFF" --data-urlencode "_csrf=$tok" --data-urlencode user=officer --data-urlencode password=pw-officer-2024
equals "$CODE" 303 "the officer signs in from the office"

attempt() {  # HEADER PASSWORD
	rm -f "$JAR"; get /console/login -H "$1"; tok=$(csrf_of "$BODY")
	post /console/login -H "$1" --data-urlencode "_csrf=$tok" --data-urlencode user=officer --data-urlencode "password=$2"
}
attempt "$ATT" wrong-1
equals "$CODE" 401 "a wrong password: 401"
attempt "$ATT" wrong-2
equals "$CODE" 401 "the second (the free ones, --login-limit 2): 401"
attempt "$ATT" wrong-3
equals "$CODE" 429 "then the attacker must wait"
retry1=$(printf '%s\n' "$HEADERS" | sed -n 's/^Retry-After: //p')
case "$retry1" in 1|2) ok "for 2 seconds (Retry-After $retry1)" ;; *) not_ok "for 2 seconds" "Retry-After: $retry1" ;; esac
contains "$BODY" "请 $retry1 秒后再试" "the page says how long"
attempt "$ATT" pw-officer-2024
equals "$CODE" 429 "during the delay even the right password is not checked"

# meanwhile the officer, elsewhere, is not locked out
attempt "$OFF" pw-officer-2024
equals "$CODE" 303 "the officer at another address signs in at once"

sleep 2.1
attempt "$ATT" wrong-4
equals "$CODE" 401 "after the delay, one more try (wrong)"
attempt "$ATT" wrong-5
equals "$CODE" 429 "then a longer wait"
retry2=$(printf '%s\n' "$HEADERS" | sed -n 's/^Retry-After: //p')
[ "${retry2:-0}" -gt "$retry1" ] && ok "the delays grow ($retry1 s, then $retry2 s)" || not_ok "the delays grow" "first $retry1, then $retry2"

# the officer is shown the failures on the next sign-in: the one after the delay came after
# the officer's last sign-in
attempt "$OFF" pw-officer-2024
equals "$CODE" 303 "the officer signs in again"
get /console -H "$OFF"
contains "$BODY" "上次登录：" "the dashboard says when the officer last signed in"
contains "$BODY" "来自 198.51.100.7" "and from where"
contains "$BODY" "有 1 次登录失败" "the failure since then is shown to the owner"
contains "$BODY" "来自 203.0.113.9" "with the address it came from"
attempt "$OFF" pw-officer-2024
get /console -H "$OFF"
lacks "$BODY" "登录失败" "after that, no failures since the last sign-in"

# the security administrator sees every failed sign-in
JAR="$TMP/admin"; login security pw-security-2024
get /console/users
contains "$BODY" "最近的登录失败" "the accounts page lists the failed sign-ins"
contains "$BODY" "<td>officer</td><td>203.0.113.9</td>" "naming the account typed and the address"

# a wrong current password on the change-password page counts the same way
get /console/password -H "$ATT"; tok=$(csrf_of "$BODY")
for i in 1 2 3; do
	post /console/password -H "$ATT" --data-urlencode "_csrf=$tok" --data-urlencode "current=nope-$i" \
		--data-urlencode password=New-pass-2025x --data-urlencode password2=New-pass-2025x
done
equals "$CODE" 429 "wrong current passwords are slowed down like sign-ins"

# the public forms, each its own limit per address
JAR="$TMP/public"
get /apply -H "$ATT"; tok=$(csrf_of "$BODY")
for i in 1 2 3; do post /apply -H "$ATT" --data-urlencode "_csrf=$tok" --data-urlencode x=1; done
equals "$CODE" 429 "/apply: the third post in ten minutes (--form-limit apply=2) is refused"
post /feedback -H "$ATT" --data-urlencode "_csrf=$tok" --data-urlencode x=1
equals "$CODE" 400 "/feedback has its own limit: still answered"
post /track -H "$ATT" --data-urlencode "_csrf=$tok" --data-urlencode x=1
equals "$CODE" 400 "/track too"
post /apply -H "$OFF" --data-urlencode "_csrf=$tok" --data-urlencode x=1
equals "$CODE" 400 "another address may still apply"
done_testing

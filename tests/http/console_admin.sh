#!/usr/bin/env bash
# console_admin.sh — accounts (the security administrator only) and the audit log with its
# chain verification (the audit administrator; leaders and supervisors their organs' entries);
# every role × route combination of these pages, including the forbidden ones.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server

# route × role: users page for the security administrator only; audit for the audit
# administrator, leader, supervisor.
for r in officer reviewer leader admin supervisor security auditor; do
	login $r pw-$r-2024
	get /console/users
	case $r in security) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "/console/users as $r: $want"
	get /console/audit
	case $r in auditor|leader|supervisor) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "/console/audit as $r: $want"
	get /console
	t=$(csrf_of "$BODY")
	post /console/users --data-urlencode "_csrf=$t" --data-urlencode "name=x$r" --data-urlencode "role=officer" --data-urlencode "password=Long-enough-1"
	case $r in security) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "POST /console/users as $r: $want"
done
rm -f "$JAR"
get /console/users
equals "$CODE" 303 "anonymous: users page redirects to login"
get /console/audit
equals "$CODE" 303 "anonymous: audit page redirects to login"

login security pw-security-2024
get /console/users
contains "$BODY" "测试officer" "the security administrator sees the accounts"
t=$(csrf_of "$BODY")
post /console/users --data-urlencode "_csrf=$t" --data-urlencode "name=bad name" --data-urlencode "role=officer" --data-urlencode "password=short"
equals "$CODE" 400 "a bad account is refused"
contains "$BODY" 'class="field-error"' "with the reason beside a field"
evil='<script>alert("u")</script>'
post /console/users --data-urlencode "_csrf=$t" --data-urlencode "name=newbie" --data-urlencode "display_name=$evil" --data-urlencode "role=reviewer" --data-urlencode "password=pw-newbie-2024"
equals "$CODE" 200 "the security administrator adds an account"
contains "$BODY" "已添加用户 newbie" "and is told so"
contains "$BODY" "&lt;script&gt;alert(&quot;u&quot;)&lt;/script&gt;" "display name shown escaped"
lacks "$BODY" "$evil" "never raw"
login newbie pw-newbie-2024
equals "$CODE" 303 "the new account can sign in"

login auditor pw-auditor-2024
get /console/audit
contains "$BODY" "哈希链校验通过" "audit page shows the chain verified"
contains "$BODY" "newbie" "and the new account's entry"
contains "$BODY" "&lt;script&gt;" "audit content escaped"
lacks "$BODY" "$evil" "audit content never raw"
login leader pw-leader-2024
get /console/audit
lacks "$BODY" "supervisor" "a township leader does not see the county's entries"

stop_server
# someone edits the database by hand: lifts the guard trigger and rewrites an entry
sql "$GONGKAI_DB" "$(unguard "$GONGKAI_DB" audit_event) UPDATE audit_event SET actor='mallory' WHERE id=2"
equals "$(sql "$GONGKAI_DB" "SELECT actor FROM audit_event WHERE id=2")" "mallory" "the audit row was edited by hand"
start_server
login auditor pw-auditor-2024
get /console/audit
contains "$BODY" "哈希链校验失败" "a tampered log is reported on the audit page"
stop_server
done_testing

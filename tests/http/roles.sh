#!/usr/bin/env bash
# roles.sh — 三员分立 (GB/T 22239-2019): the system administrator (admin), the security
# administrator (security: accounts, roles, passwords, failed sign-ins) and the audit
# administrator (auditor: reads and exports the audit log, nothing else) are three accounts,
# made from the command line on install; each reaches only its own pages, none does the
# disclosure work, and the routes' permissions come from one table (serve --routes).
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
gk() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
start_server

run 0 "$GONGKAI" serve --routes
contains "$OUT" "GET /console/users security accounts" "accounts: the security administrator only"
contains "$OUT" "GET /console/audit/export auditor audit-export" "the audit archive: the audit administrator only"
lacks "$(printf '%s\n' "$OUT" | grep ' doc-review$')" "admin" "no administrator reviews documents"

# route × role
for r in admin security auditor officer leader supervisor; do
	login "$r" "pw-$r-2024"
	get /console/users
	case $r in security) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "$r: /console/users is $want"
	get /console/audit
	case $r in auditor|leader|supervisor) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "$r: /console/audit is $want"
	get /console/audit/export
	case $r in auditor) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "$r: the audit archive is $want"
	get /console/documents
	case $r in security|auditor) want=403 ;; *) want=200 ;; esac
	equals "$CODE" "$want" "$r: /console/documents is $want"
	get /console/applications
	case $r in officer|leader|supervisor) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "$r: /console/applications is $want"
done
login security pw-security-2024
get /console
contains "$BODY" 'href="/console/users"' "the security administrator's menu has the accounts"
lacks "$BODY" 'href="/console/audit"' "and not the audit log"
login auditor pw-auditor-2024
get /console
contains "$BODY" 'href="/console/audit"' "the audit administrator's menu has the audit log"
lacks "$BODY" 'href="/console/users"' "and not the accounts"
lacks "$BODY" 'href="/console/documents"' "nor the documents"

# the security administrator cannot make anyone a second security administrator by
# changing their own role, nor disable the last one
login security pw-security-2024
get /console/users
id=$(printf '%s' "$BODY" | grep -o 'href="/console/users/[0-9]*">security<' | grep -o '[0-9][0-9]*')
get "/console/users/$id"; tok=$(csrf_of "$BODY")
post "/console/users/$id/role" --data-urlencode "_csrf=$tok" --data-urlencode role=auditor
equals "$CODE" 409 "nobody changes their own role (no account gathers two of the three)"
run 1 gk user passwd security --clear
contains "$ERR" "最后一个能登录的安全管理员" "the last security administrator cannot be disabled"
run 1 gk user add security --role auditor
contains "$ERR" "已有名为" "one account, one role: a name cannot be added again with another"
done_testing

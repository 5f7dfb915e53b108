#!/usr/bin/env bash
# csrf.sh — table-driven: every POST route of the route table (`gongkai serve --routes`) is
# sent without a CSRF token, with a wrong one (urlencoded and multipart), by a visitor whose
# role the route allows (so that only the CSRF check stands between the request and the
# handler). Each must answer 403, and the database must be the same afterwards.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
gk() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
# something for every :id to point at: an application, a document, a register entry
gk app new --agency 慈周寨镇人民政府 --received 2024-09-27 --channel online --applicant-type np \
	--applicant-name 张三 --contact 13800000000 --request 道路建设资金使用情况 >/dev/null
printf '正文\n' >"$TMP/body"
gk doc add --agency 慈周寨镇人民政府 --title 关于政务公开的通知 --body-file "$TMP/body" --by officer >/dev/null
gk register normdoc add --agency 慈周寨镇人民政府 --kind normdoc --issued 2024-03-01 \
	--doc-no '慈政规〔2024〕1号' --title 关于村务公开的规定 >/dev/null
start_server

run 0 "$GONGKAI" serve --routes
routes=$(printf '%s\n' "$OUT" | awk '$1 == "POST"')
n=$(printf '%s\n' "$routes" | grep -c .)
[ "$n" -ge 20 ] && ok "the route table lists $n POST routes" || not_ok "the route table lists the POST routes" "$routes"

# one signed-in cookie jar per role (passwords from make_db)
declare -A jar
for role in $(printf '%s\n' "$routes" | awk '{print $3}' | tr ',' '\n' | sort -u); do
	[ "$role" = public ] && continue
	JAR="$TMP/jar-$role"
	login "$role" "pw-$role-2024"
	equals "$CODE" 303 "$role signs in"
	jar[$role]=$JAR
done
JAR="$TMP/jar-public"
get /apply   # an anonymous visitor with a CSRF cookie of their own
jar[public]=$JAR

dump() {  # every row but the sessions, on either database
	case $GONGKAI_DB in
	postgres*) pg_dump --data-only --exclude-table-data=staff_session "$GONGKAI_DB" |
		grep -Ev '^\\(un)?restrict ' ;;  # pg_dump's random key for each dump
	*) sqlite3 "$GONGKAI_DB" .dump | grep -v 'staff_session' ;;
	esac
}
before=$(dump)
contains "$before" "慈周寨镇人民政府" "the database's rows are read for the comparison"
while read -r method pattern roles action; do
	path=$(printf '%s' "$pattern" | sed -e 's|:reg|normdoc|g' -e 's|:[a-z]*|1|g')
	role=${roles%%,*}
	JAR=${jar[$role]}
	tok=$(wrong_token "$(csrf_of "$(curl -s -b "$JAR" "$BASE/console/password")")")
	[ "$role" = public ] && tok=$(wrong_token "$(csrf_of "$(curl -s -b "$JAR" "$BASE/apply")")")
	post "$path" --data-urlencode "x=1"
	equals "$CODE" 403 "$path ($role) without a CSRF token: 403"
	post "$path" --data-urlencode "_csrf=$tok" --data-urlencode "x=1"
	equals "$CODE" 403 "$path ($role) with a wrong CSRF token: 403"
	post "$path" -F "_csrf=$tok" -F "x=1" -F "csv=@$TMP/body;filename=a.csv"
	equals "$CODE" 403 "$path ($role) multipart with a wrong CSRF token: 403"
done <<<"$routes"
after=$(dump)
if [ "$before" = "$after" ]; then ok "the refused requests changed nothing in the database"
else not_ok "the refused requests changed nothing in the database" "$(diff <(echo "$before") <(echo "$after") | head -20)"; fi
# the signed-in sessions are still there (the refused logout did not end them)
JAR=${jar[officer]}
get /console
equals "$CODE" 200 "a refused logout leaves the session signed in"
done_testing

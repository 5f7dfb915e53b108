#!/usr/bin/env bash
# pages.sh — what a visitor trips on: an address with a trailing slash (/console/) reaches the
# page; every page's <title> names the page and the organ; a missing page (404) and a server
# error (500) come in the portal's layout, the 404 with ways on, the 500 without internals.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
G() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
printf '为进一步做好政府信息公开工作，现将有关事项通知如下。\n' >"$TMP/body"
doc=$(G doc add --agency 慈周寨镇人民政府 --title "关于做好2024年秸秆禁烧工作的通知" --body-file "$TMP/body" \
	--formed 2024-02-01 --genre 通知 --by officer | cut -d' ' -f1)
G doc submit "$doc" --by officer >/dev/null
G doc review "$doc" --stage first --by reviewer --decision approve >/dev/null
G doc review "$doc" --stage second --by leader2 --decision approve >/dev/null
G doc review "$doc" --stage final --by leader --decision approve --secrecy-checked >/dev/null
run 0 G doc publish "$doc" --by officer
start_server

get /console/
equals "$CODE" 301 "/console/ redirects"
contains "$HEADERS" "Location: /console" "to /console"
get "/catalogue/?topic=综合政务&year=2024"
equals "$CODE" 301 "a trailing slash is dropped on any page"
contains "$HEADERS" "Location: /catalogue?topic=%E7%BB%BC%E5%90%88%E6%94%BF%E5%8A%A1&year=2024" "keeping the query, encoded"
get /console/ -L
contains "$BODY" "工作人员登录" "following it, a visitor reaches the console's sign-in"

title() { printf '%s' "$BODY" | grep -o '<title>[^<]*</title>' | sed 's/<[^>]*>//g'; }
get "/doc/$doc"
equals "$(title)" "关于做好2024年秸秆禁烧工作的通知 - 慈周寨镇人民政府 - 示范县人民政府" "a document's title names it, its organ and the platform"
get /catalogue
equals "$(title)" "信息公开目录 - 示范县人民政府" "a platform page names the platform's organ"
get "/guide?agency=$(sql "$GONGKAI_DB" "SELECT id FROM agency WHERE name = '慈周寨镇人民政府'")"
contains "$(title)" "慈周寨镇人民政府政府信息公开指南" "a guide's title names its organ"
login officer pw-officer-2024
get /console/applications
equals "$(title)" "依申请公开 - 慈周寨镇人民政府 - 示范县人民政府" "a console page names the user's organ"

get /no/such/page
equals "$CODE" 404 "a missing page is 404"
contains "$BODY" '<link rel="stylesheet" href="/static/site.css">' "in the portal's layout"
contains "$BODY" 'href="/catalogue"' "pointing to the catalogue"
contains "$BODY" 'action="/search"' "with a search form"
equals "$(title)" "页面不存在 - 示范县人民政府" "titled as such"

# a server error: the database loses a table under the running server
case $GONGKAI_DB in
postgres*) sql "$GONGKAI_DB" "DROP TABLE report_publication CASCADE" >/dev/null ;;
*) sqlite3 "$GONGKAI_DB" "DROP TABLE report_publication" ;;
esac
get /reports
equals "$CODE" 500 "a failing page is 500"
contains "$BODY" '<link rel="stylesheet" href="/static/site.css">' "in the portal's layout"
contains "$BODY" "服务器暂时无法处理这个请求" "saying so in plain words"
lacks "$BODY" "report_publication" "without naming tables or SQL"
contains "$(cat "$TMP/server.log")" "error: GET /reports:" "the detail goes to the server's log"
done_testing

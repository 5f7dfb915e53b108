#!/usr/bin/env bash
# region.sh — the supervisor's region summary of annual reports (/console/reports/region): a
# county over three townships, two of which published 2024; the summed tables equal the sum of
# the published reports cell by cell (and the CLI's `report --region`), the per-organ list
# shows who published, their totals and overdue applications, organ names are escaped, the
# downloads are the CLI's formats; an officer or a leader of a township gets 403.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
export GONGKAI_TODAY=2025-03-01
G() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
make_db
evil='<i>道口</i>镇人民政府'
G init --agency-name "$evil" --parent 示范县人民政府 >/dev/null
G init --agency-name 留固镇人民政府 --parent 示范县人民政府 >/dev/null
outside=$(G init --agency-name 外县人民政府 --level county)
G app generate --count 30 --year 2024 --seed 1 --agency 慈周寨镇人民政府 >/dev/null
G app generate --count 20 --year 2024 --seed 2 --agency "$evil" >/dev/null
G app generate --count 10 --year 2024 --seed 3 --agency 留固镇人民政府 >/dev/null
G report publish 2024 --agency 慈周寨镇人民政府 >/dev/null 2>&1
G report publish 2024 --agency "$evil" >/dev/null 2>&1
run 0 "$GONGKAI" --db "$GONGKAI_DB" report list --year 2024 --json
contains "$OUT" '"revision": 1' "two townships published 2024"
# the published organs' ids, from the CLI's list of published reports
ids=$(G report list --year 2024 --json | grep -o '"agency_id": *[0-9]*' | grep -o '[0-9]*$' | sort -u | tr '\n' ' ')
set -- $ids
a1=${1:-} a2=${2:-}
G report show 2024 --agency 慈周寨镇人民政府 --format json -o "$TMP/a.json" 2>/dev/null
G report show 2024 --agency "$evil" --format json -o "$TMP/b.json" 2>/dev/null
G report 2024 --region 示范县人民政府 --format json -o "$TMP/cli.json" 2>/dev/null
start_server

# roles
for r in officer leader reviewer; do
	login $r pw-$r-2024
	get "/console/reports/region?year=2024"
	equals "$CODE" 403 "region summary as township $r: 403"
	get "/console/reports/region/json?year=2024"
	equals "$CODE" 403 "region download as township $r: 403"
done
rm -f "$JAR"
get "/console/reports/region?year=2024"
equals "$CODE" 303 "anonymous: sent to the login page"

login supervisor pw-supervisor-2024
get /console
contains "$BODY" 'href="/console/reports/region' "the supervisor's console links the region summary"
get "/console/reports/region?year=2024"
equals "$CODE" 200 "the county supervisor sees the region summary"
contains "$BODY" "示范县人民政府 2024 年度报告汇总" "titled with the region and year"
contains "$BODY" "共 4 个" "four organs in the region"
contains "$BODY" "计入 2 份" "two published reports summed"
contains "$BODY" "&lt;i&gt;道口&lt;/i&gt;镇人民政府" "organ names escaped"
lacks "$BODY" "<i>道口" "never raw"
contains "$BODY" "未计入汇总" "the organs that have not published are marked"
contains "$BODY" "留固镇人民政府" "listed all the same"
choice=$(printf '%s' "$BODY" | tr -d '\n' | grep -o '<select id="f-agency".*</select>' | head -c 2000)
equals "$(grep -o '<option' <<<"$choice" | wc -l)" 4 "the choice of organ offers the four organs of the region"
contains "$choice" ">留固镇人民政府</option>" "a township among them"
lacks "$BODY" "外县人民政府" "never an organ outside the region"
contains "$BODY" "<table class=\"t3\"" "the summed tables in the official layout"
contains "$BODY" "检查结果" "with the findings of the rules on the sum"
for id in $a1 $a2; do
	contains "$BODY" "href=\"/reports/$id/2024\"" "a link to organ $id's published report"
done
# the per-organ row of 慈周寨镇: its 一 总计 as its published report says
recv_a=$(grep -o '"t3.new_received.total": *[0-9]*' "$TMP/a.json" | grep -o '[0-9]*$')
row=$(printf '%s' "$BODY" | tr -d '\n' | grep -ao "慈周寨镇人民政府</a></th>.*" | head -c 600)
contains "$row" "<td class=\"num\">$recv_a</td>" "慈周寨镇's row shows its received total ($recv_a)"
over=$(G app list --overdue --agency 慈周寨镇人民政府 --json | grep -c '"id"')
if [ "$over" -gt 0 ]; then
	contains "$row" "overdue=1\">$over</a>" "and its $over overdue applications, linked"
else
	ok "no overdue applications in 慈周寨镇 (nothing to link)"
fi

# the sum, cell by cell: downloaded JSON = the two published reports added = the CLI's
fetch "/console/reports/region/json?year=2024"
equals "$CODE" 200 "the summed report as JSON"
contains "$HEADERS" "Content-Type: application/json" "with its content type"
contains "$HEADERS" "Content-Disposition: attachment" "as a download"
cells() { grep -o '"t[234]\.[a-z_.0-9]*": *[0-9.]*' "$1" | tr -d ' ' | sort; }
cells "$TMP/download" >"$TMP/web.cells"
summed=$(join -t: <(cells "$TMP/a.json") <(cells "$TMP/b.json") | awk -F: '{ printf "%s:%s\n", $1, $2 + $3 }' | sort)
nonzero=$(awk -F: '$2 != 0' "$TMP/web.cells" | wc -l)
[ "$nonzero" -gt 10 ] && ok "the sum has figures ($nonzero cells not zero)" || not_ok "the sum has figures" "$nonzero"
equals "$(awk -F: '{ printf "%s:%s\n", $1, $2 + 0 }' "$TMP/web.cells" | sort)" "$summed" \
	"every cell of the sum = 慈周寨镇 + 道口镇 (published)"
equals "$(cat "$TMP/web.cells")" "$(cells "$TMP/cli.json")" "the same cells as gongkai report --region"
fetch "/console/reports/region/docx?year=2024"
equals "$CODE" 200 "the summed report as DOCX"
run 0 unzip -t "$TMP/download"
contains "$(unzip -p "$TMP/download" word/document.xml)" "示范县人民政府" "a Word report of the region"
fetch "/console/reports/region/nope?year=2024"
equals "$CODE" 404 "an unknown format is not found"

# drafts: every organ's ledger summed
get "/console/reports/region?year=2024&draft=1"
equals "$CODE" 200 "the summary of the reports computed now"
contains "$BODY" "计入 4 份" "every organ summed"
# a township is not a supervisor's only choice: one organ under the county
get "/console/reports/region?year=2024&agency=$a1"
equals "$CODE" 200 "an organ under the supervisor's"
contains "$BODY" "共 1 个" "summed alone"
get "/console/reports/region?year=2024&agency=$outside"
equals "$CODE" 404 "an organ outside the supervisor's region is not found"
lacks "$BODY" "外县人民政府" "nor named"
fetch "/console/reports/region/json?year=2024&agency=$outside"
equals "$CODE" 404 "nor its download"
stop_server
done_testing

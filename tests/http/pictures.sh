#!/usr/bin/env bash
# pictures.sh — the console's pictures (demo database, today 2025-03-01, a Saturday): the
# dashboard's strip of the next 20 working days shows, day by day, the open applications the
# CLI's `app list` says are due then (the strip starts on Monday 03-03; days from the domain's
# calendar), with the overdue ones counted; the months of 2025 against 2024, received and
# closed, equal to the ledger; the supervisor's region page draws every organ sorted by
# applications received, with its report status and overdue count, and the region's years.
# Every picture is inline SVG with a title, a description and a caption, no style attribute.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
export GONGKAI_TODAY=2025-03-01
G() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
run 0 G demo
pw() { printf '%s\n' "$OUT" | awk -v u="$1" '$1 == u { print $NF }'; }
P_OFFICER=$(pw officer) P_SUPER=$(pw supervisor) P_REV=$(pw reviewer)
for d in 2025-01-06 2025-02-05 2025-02-10 2025-02-14 2025-02-14 2025-02-27; do
	G app new --received $d --confirmed $d --channel online --applicant-type np --applicant-name 韩梅梅 --contact 13800000000 \
		--agency 慈周寨镇 --request 道路维修资金 >/dev/null
done
id=$(G app new --received 2025-01-08 --channel post --applicant-type biz --applicant-name 某公司 --contact 13800000000 \
	--agency 慈周寨镇 --request 项目批复 | grep -o '^[0-9]*' | head -1)
G app decide "${id:-0}" --outcome granted --date 2025-02-12 --basis 条例第二十七条 >/dev/null 2>&1
G app list --state open --agency 慈周寨镇 --json > "$TMP/open.json"
G app list --year 2025 --agency 慈周寨镇 --json > "$TMP/year.json"
start_server

login officer "$P_OFFICER"
get /console
equals "$CODE" 200 "the officer's dashboard"
printf '%s' "$BODY" > "$TMP/dash.html"
contains "$BODY" '<figure class="chart" aria-labelledby="trend-due-cap">' "the due strip is a figure"
contains "$BODY" '<title id="trend-due-title">今后20个工作日到期的申请</title>' "titled"
contains "$BODY" '<figcaption id="trend-due-cap">' "with a caption"
contains "$BODY" '<title id="trend-received-title">收到的政府信息公开申请</title>' "the months received"
contains "$BODY" '<title id="trend-closed-title">办结的政府信息公开申请</title>' "the months closed"
lacks "$BODY" 'style="' "no style attribute in the pictures"
equals "$(python3 - "$TMP/dash.html" "$TMP/open.json" "$TMP/year.json" <<'PY'
import json, re, sys, datetime
page = open(sys.argv[1], encoding="utf-8").read()
def desc(i):
    return re.search(r'<desc id="%s-desc">(.*?)</desc>' % i, page, re.S).group(1)
bad = []
# the strip: every open application due within it is counted on its day; overdue ones apart
strip = desc("trend-due")
days = re.findall(r"(\d\d-\d\d)（(.*?)）(\d+) 件", strip)
if len(days) != 20 or days[0][0] != "03-03":
    bad.append("strip days %s" % [d[0] for d in days[:3]])
if any(d[1] in ("周六", "周日") for d in days):
    bad.append("a weekend in the strip")
want = {}
overdue = 0
for a in json.load(open(sys.argv[2])):
    if a["overdue"]:
        overdue += 1
    elif a["due"]:
        want[a["due"][5:]] = want.get(a["due"][5:], 0) + 1
for day, _, n in days:
    if int(n) != want.pop(day, 0):
        bad.append("%s: %s" % (day, n))
later = sum(n for day, n in want.items() if day > days[-1][0])
if sum(want.values()) != later:
    bad.append("not in the strip: %s" % want)
if "第20个工作日之后到期 %d 件" % later not in page:
    bad.append("later %d" % later)
if "已超期 %d 件" % overdue not in page:
    bad.append("overdue %d" % overdue)
# the months of 2025: received and closed as the ledger says
rec = [0] * 12; clo = [0] * 12
for a in json.load(open(sys.argv[3])):
    rec[int(a["received"][5:7]) - 1] += 1
    if a["closed"] and a["closed"].startswith("2025"):
        clo[int(a["closed"][5:7]) - 1] += 1
for name, v in (("trend-received", rec), ("trend-closed", clo)):
    d = desc(name)
    for m in range(3):
        shown = "%d月：2025年 %s，2024年" % (m + 1, v[m] if m < 3 else "—")
        if shown not in d:
            bad.append("%s month %d" % (name, m + 1))
    if "4月：2025年 —，2024年 " not in d:
        bad.append("%s: April 2025 is not reached yet" % name)
print(len(days), overdue > 0, later > 0, bad)
PY
)" "20 True True []" "the strip counts what the ledger says is due on each working day; months as the ledger"

login reviewer "$P_REV"
get /console
lacks "$BODY" "trend-due" "a reviewer handles no applications: no trends"

login supervisor "$P_SUPER"
get "/console/reports/region?year=2024"
equals "$CODE" 200 "the region page"
printf '%s' "$BODY" > "$TMP/region.html"
contains "$BODY" '<figcaption id="region-organs-cap">' "the organs picture has a caption"
contains "$BODY" '<title id="region-years-title">滑县人民政府及所属机关历年年度报告主要数字</title>' "the years picture"
equals "$(python3 - "$TMP/region.html" <<'PY'
import re, sys, html
page = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'<tr>\s*<th scope="row">(?:<a [^>]*>)?(.*?)(?:</a>)?</th>.*?<td class="num">(\d+)</td>.*?<td class="num">(?:<a [^>]*>)?(\d+)(?:</a>)?</td>\s*</tr>', page, re.S)
d = re.search(r'<desc id="region-organs-desc">(.*?)</desc>', page, re.S).group(1)
shown = re.findall(r"([^；：。\n]+?)（2024年度报告(已发布|未发布)） (\d+)（超期 (\d+)）", d)
table = {html.unescape(n): (int(r), int(o)) for n, r, o in rows}
bad = [n for n, _, r, o in shown if table.get(html.unescape(n)) != (int(r), int(o))]
order = [int(r) for _, _, r, _ in shown]
print(len(rows), len(shown), bad, order == sorted(order, reverse=True))
PY
)" "5 5 [] True" "every organ drawn with the table's figures, most applications first"
contains "$BODY" "2023年 272" "the region's 2023 sum of published reports"
fetch "/console/reports/region/svg?year=2024"
equals "$CODE" 200 "the region's 图解 downloads"
G report 2024 --region 滑县人民政府 --format svg -o "$TMP/region-cli.svg" 2>/dev/null
if cmp -s "$TMP/download" "$TMP/region-cli.svg"; then ok "the same picture as the CLI's, compared with 2023"
else not_ok "the same picture as the CLI's, compared with 2023"; fi
contains "$(cat "$TMP/download")" 'data-year="2023"' "with the 2023 sum beside each number"
done_testing

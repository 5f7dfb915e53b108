#!/usr/bin/env bash
# figures.sh — pictures on the web (the demo database): the 图解 of a published annual report
# inline above its tables on the portal (an SVG with a title, a text alternative and a
# caption, every number read back and equal to the report's cells and the previous year's),
# the frozen SVG as a download, the PNG and the PDF page drawn on request, the page's CSP
# unchanged; a report published before there were pictures gets its 图解 drawn from its frozen
# cells; the console's report page previews the 图解 of the report computed now.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
READBACK="$(dirname "$0")/../figure_readback.py"
export GONGKAI_TODAY=2025-03-01
G() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
run 0 G demo
P_OFFICER=$(printf '%s\n' "$OUT" | awk '$1 == "officer" { print $NF }')
land=$(G report list --agency 滑县自然资源局 --json | grep -o '"agency_id": *[0-9]*' | head -1 | grep -o '[0-9]*$')
G report show 2024 --agency 滑县自然资源局 --format json -o "$TMP/2024.json"
G report show 2023 --agency 滑县自然资源局 --format json -o "$TMP/2023.json"
start_server

get "/reports/$land/2024"
equals "$CODE" 200 "the published report"
contains "$BODY" '<figure class="chart" aria-labelledby="tujie-caption">' "the 图解 as a figure"
contains "$BODY" '<svg xmlns="http://www.w3.org/2000/svg"' "drawn inline as SVG"
contains "$BODY" 'role="img" aria-labelledby="tujie-title" aria-describedby="tujie-desc"' "named and described for assistive technology"
contains "$BODY" '<figcaption id="tujie-caption">滑县自然资源局2024年政府信息公开工作年度报告图解' "with a caption"
contains "$BODY" '一、本年新收政府信息公开申请数量 163（上年 140）' "the text alternative states the figures"
fig_at=$(printf '%s' "$BODY" | grep -n '<figure class="chart"' | head -1 | cut -d: -f1)
table_at=$(printf '%s' "$BODY" | grep -n '<table' | head -1 | cut -d: -f1)
if [ -n "$fig_at" ] && [ -n "$table_at" ] && [ "$fig_at" -lt "$table_at" ]; then ok "the picture is above the tables"
else not_ok "the picture is above the tables" "figure at line $fig_at, first table at $table_at"; fi
contains "$BODY" 'href="#report-tables"' "a link past the picture to the report"
printf '%s' "$BODY" > "$TMP/page.html"
run 0 python3 "$READBACK" "$TMP/page.html" "$TMP/2024.json" "$TMP/2023.json"
equals "$OUT" "56 numbers of 2024, 56 of 2023, 0 wrong" "every number on the page's picture is a cell of the 2024 or 2023 report"
lacks "$BODY" "<script>" "no script in the page body"
contains "$HEADERS" "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;" "the page's CSP is the strict one"

fetch "/reports/$land/2024/1/svg"
equals "$CODE" 200 "the 图解 downloads"
contains "$HEADERS" "Content-Type: image/svg+xml" "as an SVG image"
if python3 -c 'import sys; p=open(sys.argv[1]).read(); s=open(sys.argv[2]).read(); sys.exit(0 if s.startswith("<svg") and s.strip() in p else 1)' "$TMP/page.html" "$TMP/download"; then ok "the download is the picture on the page"
else not_ok "the download is the picture on the page"; fi

# the same drawing as a PNG and a one-page PDF, drawn on request (not frozen)
fetch "/reports/$land/2024/1/png"
equals "$CODE" 200 "the 图解 as PNG"
contains "$HEADERS" "Content-Type: image/png" "an image/png"
equals "$(head -c 8 "$TMP/download" | od -An -c | tr -d ' ')" '211PNG\r\n032\n' "PNG bytes"
fetch "/reports/$land/2024/1/figure.pdf"
equals "$CODE" 200 "the 图解 as a PDF page"
contains "$HEADERS" "Content-Type: application/pdf" "an application/pdf"
contains "$HEADERS" 'filename="report-'"$land"'-2024-r1.figure.pdf"' "named .figure.pdf"
pdftotext "$TMP/download" - > "$TMP/fig.txt" 2>/dev/null
contains "$(cat "$TMP/fig.txt")" "三、收到和处理政府信息公开申请情况" "its text is selectable"
run 0 "$GONGKAI" --db "$GONGKAI_DB" report show 2024 --agency 滑县自然资源局 --format png -o "$TMP/cli.png"
if cmp -s "$TMP/cli.png" <(curl -s "$BASE/reports/$land/2024/1/png"); then ok "the CLI draws the same PNG"
else not_ok "the CLI draws the same PNG"; fi

# a publication without a frozen SVG (published before pictures existed) is drawn on demand
sql "$GONGKAI_DB" "$(unguard "$GONGKAI_DB" report_artifact) DELETE FROM report_artifact WHERE kind = 'svg'"
fetch "/reports/$land/2024/1/svg"
equals "$CODE" 404 "(the frozen SVG removed for this check)"
get "/reports/$land/2024"
equals "$CODE" 200 "the report without a frozen picture"
printf '%s' "$BODY" > "$TMP/page2.html"
run 0 python3 "$READBACK" "$TMP/page2.html" "$TMP/2024.json" "$TMP/2023.json"
equals "$OUT" "56 numbers of 2024, 56 of 2023, 0 wrong" "its 图解 is drawn from the frozen cells"
# the console's report page previews the 图解 as it would be published: the CLI's drawing
G report 2025 --agency 慈周寨镇 --draft --format svg -o "$TMP/draft.svg"
login officer "$P_OFFICER"
get "/console/reports?year=2025"
equals "$CODE" 200 "the console's report page"
printf '%s' "$BODY" > "$TMP/console.html"
contains "$BODY" "图解预览（发布时随报告一并发布）" "with a preview of the 图解"
if python3 -c 'import sys; p=open(sys.argv[1]).read(); s=open(sys.argv[2]).read(); sys.exit(0 if s.strip() in p else 1)' "$TMP/console.html" "$TMP/draft.svg"; then
	ok "the preview is the picture the CLI draws from the ledger"
else not_ok "the preview is the picture the CLI draws from the ledger"; fi
contains "$(cat "$TMP/draft.svg")" "“上年”为慈周寨镇2024年政府信息公开工作年度报告中的数字" "compared with the published 2024 report"
done_testing

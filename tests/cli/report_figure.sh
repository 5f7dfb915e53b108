#!/usr/bin/env bash
# tests/cli/report_figure.sh — gongkai report --format svg: the 图解 of the demo's reports
# against golden SVGs (tests/golden/*.svg), the same bytes twice, in every time zone and as
# frozen by publication; every number read back from the SVG and compared with the report's
# cells and the previous year's (tests/figure_readback.py).
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
GOLDEN="$(dirname "$0")/../golden"
READBACK="$(dirname "$0")/../figure_readback.py"
export GONGKAI_TODAY=2025-03-01

D=$(new_db demo)
run 0 "$GONGKAI" --db "$D" demo

# 滑县自然资源局 2024 is published and its 2023 report too: the change from last year is drawn
run 0 "$GONGKAI" --db "$D" report 2024 --agency 滑县自然资源局 --format svg -o "$TMP/land.svg"
if cmp -s "$TMP/land.svg" "$GOLDEN/report-land-2024.svg"; then ok "land 2024: the golden 图解"
else not_ok "land 2024: the golden 图解" "$(diff "$TMP/land.svg" "$GOLDEN/report-land-2024.svg" | head -8)"; fi
run 0 "$GONGKAI" --db "$D" report 2024 --agency 滑县自然资源局 --format json -o "$TMP/land-2024.json"
run 0 "$GONGKAI" --db "$D" report 2023 --agency 滑县自然资源局 --format json -o "$TMP/land-2023.json"
run 0 python3 "$READBACK" "$TMP/land.svg" "$TMP/land-2024.json" "$TMP/land-2023.json"
equals "$OUT" "56 numbers of 2024, 56 of 2023, 0 wrong" "land 2024: every number is a cell of 2024 or of 2023"
contains "$(cat "$TMP/land.svg")" '>25.3181</text>' "the fee in 万元 as the report prints it"
contains "$(cat "$TMP/land.svg")" '“上年”为滑县自然资源局2023年政府信息公开工作年度报告中的数字' "the note says where 上年 comes from"

# computed now (--draft) gives the same picture as the frozen one; the same in other time zones
for tz in UTC Asia/Shanghai America/New_York; do
	TZ=$tz "$GONGKAI" --db "$D" report 2024 --agency 滑县自然资源局 --draft --format svg > "$TMP/tz.svg"
	if cmp -s "$TMP/tz.svg" "$TMP/land.svg"; then ok "TZ=$tz: the same bytes"; else not_ok "TZ=$tz: the same bytes"; fi
done
run 0 "$GONGKAI" --db "$D" report show 2024 --agency 滑县自然资源局 --format svg
equals "$(printf '%s\n' "$OUT" | sha256sum)" "$(sha256sum < "$TMP/land.svg")" "report show: the frozen 图解 is the one drawn"

# 道口镇 2024 is not published: computed from the ledger, compared with its 2023 publication
run 0 "$GONGKAI" --db "$D" report 2024 --agency 道口镇 --format svg -o "$TMP/dk.svg"
if cmp -s "$TMP/dk.svg" "$GOLDEN/report-daokou-2024.svg"; then ok "道口镇 2024: the golden 图解"
else not_ok "道口镇 2024: the golden 图解" "$(diff "$TMP/dk.svg" "$GOLDEN/report-daokou-2024.svg" | head -8)"; fi
run 0 "$GONGKAI" --db "$D" report 2024 --agency 道口镇 --format json -o "$TMP/dk-2024.json"
run 0 "$GONGKAI" --db "$D" report 2023 --agency 道口镇 --format json -o "$TMP/dk-2023.json"
run 0 python3 "$READBACK" "$TMP/dk.svg" "$TMP/dk-2024.json" "$TMP/dk-2023.json"
equals "$OUT" "56 numbers of 2024, 56 of 2023, 0 wrong" "道口镇 2024: every number is a cell of 2024 or of 2023"

# a year whose previous year is not published: no 上年 at all
run 0 "$GONGKAI" --db "$D" report 2023 --agency 道口镇 --format svg -o "$TMP/dk23.svg"
run 0 python3 "$READBACK" "$TMP/dk23.svg" "$TMP/dk-2023.json"
equals "$OUT" "56 numbers of 2023, 0 of 2022, 0 wrong" "道口镇 2023: no previous year, no 上年"
lacks "$(cat "$TMP/dk23.svg")" "（上年" "道口镇 2023: nothing compared"
lacks "$(cat "$TMP/dk23.svg")" "“上年”" "道口镇 2023: no note on 上年"

# a region's 图解: the sum of its published reports, compared with the sum of the year before
run 0 "$GONGKAI" --db "$D" report 2024 --region 滑县人民政府 --format svg -o "$TMP/region.svg"
"$GONGKAI" --db "$D" report 2024 --region 滑县人民政府 --format json -o "$TMP/region-2024.json" 2>/dev/null
"$GONGKAI" --db "$D" report 2023 --region 滑县人民政府 --format json -o "$TMP/region-2023.json" 2>/dev/null
run 0 python3 "$READBACK" "$TMP/region.svg" "$TMP/region-2024.json" "$TMP/region-2023.json"
equals "$OUT" "56 numbers of 2024, 56 of 2023, 0 wrong" "region 2024: every number is a cell of the 2024 or the 2023 sum"

# a text alternative, and nothing a strict CSP or an image context would block
svg=$(cat "$TMP/land.svg")
contains "$svg" '<title id="tujie-title">滑县自然资源局2024年政府信息公开工作年度报告图解</title>' "the picture has a title"
contains "$svg" '一、本年新收政府信息公开申请数量 163（上年 140）' "the description states the figures"
lacks "$svg" "style=" "no style attribute"
lacks "$svg" "<script" "no script"
lacks "$svg" "href" "no outside reference"
run 2 "$GONGKAI" --db "$D" report 2024 --agency 道口镇 --format gif
contains "$ERR" "svg" "an unknown format lists svg among the formats"
done_testing

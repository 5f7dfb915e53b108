#!/usr/bin/env bash
# tests/cli/report.sh — gongkai report: computed from the ledger, texts, check, publish,
# revisions, region, the reference report of 慈周寨镇 and golden files of a computed report.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
GOLDEN="$(dirname "$0")/../golden"
export GONGKAI_TODAY=2025-03-01

# ---- the demo: 慈周寨镇 2024 reproduces the reference byte for byte ----
D=$(new_db demo)
run 0 "$GONGKAI" --db "$D" demo
run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --format txt -o "$TMP/czz.txt"
if cmp -s "$TMP/czz.txt" "$GOLDEN/reference-cizhouzhai-2024.txt"; then ok "慈周寨镇 2024 equals the reference"
else not_ok "慈周寨镇 2024 equals the reference" "$(diff "$TMP/czz.txt" "$GOLDEN/reference-cizhouzhai-2024.txt" | head -20)"; fi
run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft
equals "$OUT" "$(cat "$GOLDEN/reference-cizhouzhai-2024.txt")" "computed now, it is the same as the published one"
run 0 "$GONGKAI" --db "$D" register news list --agency 慈周寨镇 --year 2024
equals "$(printf '%s\n' "$OUT" | grep -c 'platform=云上滑州')" 42 "the 42 news items of the narrative are in the news register"

# ---- golden files of a computed, non-zero report ----
for f in txt md html json; do
	run 0 "$GONGKAI" --db "$D" report 2024 --agency 滑县自然资源局 --draft --format $f -o "$TMP/land.$f"
	if cmp -s "$TMP/land.$f" "$GOLDEN/report-land-2024.$f"; then ok "golden $f"
	else not_ok "golden $f" "$(diff "$TMP/land.$f" "$GOLDEN/report-land-2024.$f" | head -20)"; fi
done
# ---- every report of the demo, as rendered: the same bytes on either database ----
# Each organ's 2023 and 2024 report (the published one where the demo published it) in the
# text formats and the 图解; the checksums in tests/golden/demo-reports.sha256 were made on
# SQLite, and make check runs this script on PostgreSQL as well.
: >"$TMP/demo-reports.sha256"
for a in 慈周寨镇 滑县人民政府 滑县市场监督管理局 滑县自然资源局 道口镇; do
	for y in 2023 2024; do
		for f in txt md html json svg; do
			"$GONGKAI" --db "$D" report $y --agency $a --format $f -o "$TMP/r.$f" 2>>"$TMP/demo-reports.err" &&
				echo "$(sha256sum <"$TMP/r.$f" | cut -c1-64)  $a-$y.$f" >>"$TMP/demo-reports.sha256"
		done
	done
done
if cmp -s "$TMP/demo-reports.sha256" "$GOLDEN/demo-reports.sha256"; then ok "the demo's 50 renderings equal the golden checksums"
else not_ok "the demo's 50 renderings equal the golden checksums" "$(diff "$TMP/demo-reports.sha256" "$GOLDEN/demo-reports.sha256" | head -20; head -5 "$TMP/demo-reports.err")"; fi
run 2 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --format odt
contains "$ERR" "unknown format" "an unknown format is a usage error"

# ---- a ledger of our own ----
DB=$(new_db t)
G() { "$GONGKAI" --db "$DB" "$@"; }
new() { G app new --agency "$1" --received "$2" --confirmed "$2" --channel online --applicant-type "$3" --applicant-name 某 --contact 13800000000 --request 某项信息 | head -1; }
run 0 G init --agency-name 测试县人民政府 --level county
run 0 G init --agency-name 甲镇 --parent 测试县人民政府
run 0 G init --agency-name 乙镇 --parent 测试县人民政府

a=$(new 甲镇 2023-12-20 np)
b=$(new 甲镇 2024-03-01 biz); G app decide "$b" --outcome granted --date 2024-03-10 >/dev/null
c=$(new 甲镇 2024-12-31 legal)
d=$(new 甲镇 2024-05-06 np); G app event "$d" withdrawn --date 2024-05-08 >/dev/null
run 0 G report 2024 --agency 甲镇 --format json
contains "$OUT" '"t3.new_received.total": 3' "一 counts those received in 2024"
contains "$OUT" '"t3.carried_in.np": 1' "二 counts the one open on 01-01"
contains "$OUT" '"t3.other_misc.np": 1' "the withdrawn one is （六）3.其他"
contains "$OUT" '"t3.handled_total.total": 2' "（七）总计 sums the outcomes"
contains "$OUT" '"t3.carried_out.total": 2' "四 counts the two open on 12-31"
run 0 G report text 2024 --agency 甲镇 --section overview --draft
contains "$OUT" "共收到政府信息公开申请3件。" "the draft states the applications received"
run 0 G report 2024 --agency 乙镇
contains "$OUT" "2024年全年未收到政府信息公开申请。" "an organ without applications says so"
contains "$OUT" "#### 六、其他需要报告的事项

无" "六 is never empty"
# REQ 年报-六-收费: 六 states the year's 收费通知 and fees received from the ledger
run 0 G init --agency-name 丁镇
f1=$(new 丁镇 2024-06-03 np); G app event "$f1" fee-notice --date 2024-06-05 --by-pages 42 >/dev/null
G app event "$f1" fee-notice-received --date 2024-06-06 >/dev/null; G app event "$f1" fee-paid --date 2024-06-20 >/dev/null
f2=$(new 丁镇 2024-11-18 np); G app event "$f2" fee-notice --date 2024-11-20 --by-pages 33 >/dev/null
G app event "$f2" fee-notice-received --date 2024-11-21 >/dev/null; G app event "$f2" fee-lapsed --date 2024-12-23 >/dev/null
f3=$(new 丁镇 2023-12-01 np); G app event "$f3" fee-notice --date 2023-12-04 --by-pages 31 >/dev/null
run 0 G report 2024 --agency 丁镇 --format txt -o "$TMP/ding.txt"
contains "$(cat "$TMP/ding.txt")" "发出收费通知2件，金额合计150.00元；实际收取信息处理费1件，金额合计120.00元。" \
	"六 states the notices sent in 2024 (not 2023's) with their amounts, and the fee paid"
run 0 "$GONGKAI" check --json "$TMP/ding.txt"
lacks "$OUT" "T3-07" "one application closed unpaid against two notices: no T3-07"
run 0 G report 2023 --agency 丁镇 --format txt
contains "$OUT" "发出收费通知1件，金额合计10.00元；实际收取信息处理费0件" "2023 states its own notice"
printf '本年度无其他需要报告的事项。\n' >"$TMP/o.txt"
run 0 G report text 2024 --agency 丁镇 --section other --file "$TMP/o.txt"
run 0 G report 2024 --agency 丁镇 --format txt
contains "$OUT" "本年度无其他需要报告的事项。" "a stored text of 六 is used as written"
lacks "$OUT" "收费通知2件" "…instead of the draft"

printf '一是公开内容更新不够及时。\r\n\r\n二是解读形式单一。\r\n' > "$TMP/p.txt"
run 0 G report text 2024 --agency 甲镇 --section problems --file "$TMP/p.txt"
run 0 G report text 2024 --agency 甲镇 --section problems
equals "$OUT" "一是公开内容更新不够及时。

二是解读形式单一。" "the stored text, CRLF made LF"
run 2 G report text 2024 --agency 甲镇 --section summary --file "$TMP/p.txt"
contains "$ERR" "overview, problems, other" "an unknown section is named"
printf '\377\376' > "$TMP/bad.txt"
run 2 G report text 2024 --agency 甲镇 --section other --file "$TMP/bad.txt"
contains "$ERR" "UTF-8" "non-UTF-8 text is refused"

# the draft states the catalogue documents published in the year
run 0 G init --agency-name 丙镇 --agency-code 11370812004339255B --parent 测试县人民政府
for u in off1:officer rev1:reviewer rev2:reviewer boss:leader; do G user add "${u%%:*}" --role "${u##*:}" --agency 丙镇 >/dev/null; done
printf '为进一步做好政府信息公开工作，现将有关事项通知如下。\n' >"$TMP/b1"
GONGKAI_TODAY=2024-02-05 run 0 G doc add --agency 丙镇 --title "关于做好政务公开工作的通知" --body-file "$TMP/b1" --formed 2024-02-01 --by off1
docid=${OUT%% *}
GONGKAI_TODAY=2024-02-05 G doc submit "$docid" --by off1 >/dev/null
GONGKAI_TODAY=2024-02-05 G doc review "$docid" --stage first --by rev1 --decision approve >/dev/null
GONGKAI_TODAY=2024-02-05 G doc review "$docid" --stage second --by rev2 --decision approve >/dev/null
GONGKAI_TODAY=2024-02-05 G doc review "$docid" --stage final --by boss --decision approve --secrecy-checked >/dev/null
GONGKAI_TODAY=2024-02-05 run 0 G doc publish "$docid" --by off1
run 0 G report text 2024 --agency 丙镇 --section overview --draft
contains "$OUT" "2024年通过政府信息公开目录主动公开政府信息1条。" "the draft counts the catalogue documents published"
run 0 G report text 2023 --agency 丙镇 --section overview --draft
lacks "$OUT" "主动公开政府信息1条" "only those of the year"

# ---- check, publish, carry-over, revisions ----
run 0 G report check 2023 --agency 甲镇
contains "$OUT" "0 error(s)" "2023 has no error"
run 0 G report publish 2023 --agency 甲镇 --by 王科长
contains "$OUT" "revision 1 by 王科长" "publication records who"
contains "$OUT" "sha256 " "and the SHA-256"
run 1 G report publish 2023 --agency 甲镇
contains "$ERR" "已发布（第 1 版" "a published year is immutable"
sql "$DB" "UPDATE report_publication SET cells = '' WHERE year = 2023" 2>"$TMP/sq"
contains "$(cat "$TMP/sq")" "immutable" "the database refuses to change a publication"
# the ledger changes behind the published 2023: 四 (1) ≠ 2024's 二 (0) → E, refused
G app decide "$a" --outcome unable_not_held --date 2023-12-29 >/dev/null
run 0 G report check 2023 --agency 甲镇
contains "$OUT" "published revision 1: the ledger now gives different figures" "check sees the ledger moved behind the publication"
contains "$OUT" "t3.unable_not_held.np" "and names the cells"
run 1 G report check 2024 --agency 甲镇
contains "$OUT" "E T3-05" "T3-05 is an error between two reports gongkai produced"
run 1 G report publish 2024 --agency 甲镇
contains "$ERR" "不能发布" "publication refused while an E finding exists"
run 2 G report publish 2023 --agency 甲镇 --revise
contains "$ERR" "--reason" "a revision needs a reason"
run 0 G report publish 2023 --agency 甲镇 --revise --reason "补录12月29日答复"
contains "$OUT" "revision 2" "the correction is revision 2"
run 0 G report check 2023 --agency 甲镇
contains "$OUT" "published revision 2: the ledger gives the same figures" "the revision matches the ledger"
run 0 G report check 2024 --agency 甲镇
run 0 G report publish 2024 --agency 甲镇
run 0 G report show 2023 --agency 甲镇 --revision 1 --format json
contains "$OUT" '"t3.carried_out.np": 1' "revision 1 stays readable as frozen"
run 0 G report show 2023 --agency 甲镇 --format json
contains "$OUT" '"t3.unable_not_held.np": 1' "the latest revision has the correction"
run 0 G report show 2023 --agency 甲镇 --meta
contains "$OUT" "reason: 补录12月29日答复" "the reason is kept"
run 2 G report show 2023 --agency 甲镇 --revision 3
run 0 G report list --json
contains "$OUT" '"revision": 2' "list shows every revision"

# ---- region ----
e=$(new 测试县人民政府 2024-02-02 research); G app decide "$e" --outcome partial --date 2024-02-20 >/dev/null
run 0 G report 2024 --region 测试县人民政府 --format json
contains "$OUT" '"t3.new_received.total": 3' "the region sums the published reports only"
contains "$ERR" "not published: 测试县人民政府 乙镇" "and names the organs that have not published"
run 0 G report 2024 --region 测试县人民政府 --draft --format json
contains "$OUT" '"t3.new_received.total": 4' "with --draft it sums every organ's computed report"
contains "$OUT" '"t3.partial.research": 1' "cells add up per column"
run 2 G report 2024 --region 测试县人民政府 --agency 甲镇

run 2 G report 2018 --agency 甲镇
run 2 G report
done_testing

#!/usr/bin/env bash
# tests/cli/app_notices.sh — gongkai app notice: the procedural notices of the demo's
# applications built from the ledger (补正告知书, 延期答复告知书, 收费通知书, 征求第三方意见函)
# against goldens in text, DOCX, PDF and OFD (tests/notice_check.sh); the dates from the ledger
# and the calendar; a notice lacking a legal element refused naming it.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../notice_check.sh"
notice_demo
corr=$(notice_pick applicant_name 吴律师事务所)
cons=$(notice_pick applicant_name 郑晓)
ext=$(notice_pick applicant_name 河南某研究院)
fee=$(notice_pick applicant_name 王某)

run 0 "$GONGKAI" --db "$D" app notice "$corr"
contains "$OUT" "correction-1           2025-02-25  申请人  政府信息公开申请补正告知书" "the list names the 补正告知书 with its date"
run 0 "$GONGKAI" --db "$D" app notice "$cons" --json
contains "$OUT" '"id":"consultation-third-1"' "the consultation letter is listed"
contains "$OUT" '"to_applicant":false' "the consultation letter goes to the third party"

for n in correction:$corr:correction-1 consultation:$cons:consultation-third-1 extension:$ext:extension-1 fee:$fee:fee-1; do
	IFS=: read -r name id notice <<< "$n"
	code=$(notice_code "$GONGKAI" --db "$D" app show "$id")
	notice_formats "$name" "$code" "$GONGKAI" --db "$D" app notice "$id" "$notice"
done

# the dates come from the ledger and the calendar
contains "$(cat "$TMP/correction.txt")" "15个工作日内，即2025年3月18日前" "补正: the period and its last day"
contains "$(cat "$TMP/extension.txt")" "延长20个工作日，本机关将于2025年4月8日前作出答复" "延期: the new due date"
contains "$(cat "$TMP/consultation.txt")" "15个工作日内（2025年3月12日前）" "征求意见: 15 working days"
contains "$(cat "$TMP/fee.txt")" "应缴金额：人民币300.00元" "收费: the amount of 109号"
contains "$(cat "$TMP/fee.txt")" "向滑县人民政府申请行政复议" "收费: the remedy names the reconsideration body"

# a legal element missing: refused, naming it
fresh() {  # a new application of 慈周寨镇 received 2025-02-03 → its id in $APP
	run 0 "$GONGKAI" --db "$D" app new --agency 慈周寨镇 --received 2025-02-03 --channel in-person \
		--applicant-type np --applicant-name 测试人 --contact 电话：1 --request 某文件 --json
	APP=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
}
fresh
run 0 "$GONGKAI" --db "$D" app event "$APP" correction-requested --date 2025-02-05
run 1 "$GONGKAI" --db "$D" app notice "$APP" correction-1
contains "$ERR" "补正告知书缺少需要补正的事项" "补正 without the items: refused"
fresh
run 0 "$GONGKAI" --db "$D" app event "$APP" extended --date 2025-02-20 --approver 李建国
run 1 "$GONGKAI" --db "$D" app notice "$APP" extension-1
contains "$ERR" "延期答复告知书缺少理由" "延期 without reasons: refused"
fresh
run 0 "$GONGKAI" --db "$D" app event "$APP" consultation-started --date 2025-02-05 --party organ
run 0 "$GONGKAI" --db "$D" app notice "$APP"
contains "$OUT" "consultation-organ-1" "an organ consulted: 征求其他机关意见函"
run 1 "$GONGKAI" --db "$D" app notice "$APP" consultation-organ-1
contains "$ERR" "缺少被征求意见的第三方或者机关名称" "征求意见 without whom: refused"
# the fee account is the organ's setting: without it, no 收费通知书
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --fee-account ""
run 1 "$GONGKAI" --db "$D" app notice "$fee" fee-1
contains "$ERR" "缺少缴费方式和账户" "收费 without the account: refused"
# a decision's remedy names the reconsideration body: refused when none can be named
run 0 "$GONGKAI" --db "$D" app list --agency 滑县人民政府 --json
unpaid=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(next(r['id'] for r in json.load(sys.stdin) if r.get('outcome') == 'other_fee_unpaid'))")
run 1 "$GONGKAI" --db "$D" app notice "$unpaid" fee-1
contains "$ERR" "无法确定“滑县人民政府”的行政复议机关" "收费 without a reconsideration body: refused"
run 0 "$GONGKAI" --db "$D" app notice "$unpaid"
contains "$OUT" "fee-1" "…though the fee notice is listed as issued"
run 1 "$GONGKAI" --db "$D" app notice "$corr" reply
contains "$ERR" "尚未作出答复决定" "no reply letter before the decision"
run 2 "$GONGKAI" --db "$D" app notice "$corr" fee-1
contains "$ERR" "没有编号为“fee-1”的告知书" "a notice not issued: not found"
run 2 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --format odt
contains "$ERR" "txt, docx, pdf or ofd" "an unknown format names the formats"
done_testing

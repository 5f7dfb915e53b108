#!/usr/bin/env bash
# lifecycle.sh — the Regulation's time limits at every step of an application, through the
# CLI (docs/lifecycle.md): for each rule the refused step (exit 1, the article and the due date
# in the message, nothing stored), the allowed step, the warning kept for a late one, the
# resulting deadline; and Table 三 counting lapses in （六）1/（六）2 only when the law allows.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db lc)
gk() { "$GONGKAI" --db "$DB" "$@"; }
events() { sql "$DB" "SELECT count(*) FROM app_event"; }
audits() { sql "$DB" "SELECT count(*) FROM audit_event"; }
# nothing_stored DESCRIPTION: no event and no audit entry since the last snapshot
snap() { E0=$(events); A0=$(audits); }
nothing_stored() { equals "$(events)/$(audits)" "$E0/$A0" "$1: nothing stored, nothing audited"; }
new() {  # RECEIVED NAME [options]: an in-person application, prints its id
	local r=$1 n=$2; shift 2
	gk app new --received "$r" --channel in-person --applicant-type np --applicant-name "$n" --contact 13800000000 --request 某项信息 "$@" | head -1
}
export GONGKAI_TODAY=2024-10-28
run 0 gk init --agency-name 甲镇人民政府 --level township

# --- 1. 补正 period (条例第三十条) --------------------------------------------------------
# received 2024-09-27; notice 10-08 with 15 working days: 10-09..11, 10-12 (worked), 10-14..18,
# 10-21..25, 10-28 → the applicant may correct until 10-28
a=$(new 2024-09-27 甲)
run 0 gk app event "$a" correction-requested --date 2024-10-08 --period 15
contains "$OUT" "补正期限至 2024-10-28（15个工作日，条例第三十条）" "REQ 条例-30: the notice records the applicant's period and says until when"
run 0 gk app show "$a" --json
contains "$OUT" '"correction_period_due": "2024-10-28"' "…kept on the application"
contains "$OUT" '"todo": "wait-correction"' "while awaiting correction it waits for the applicant"
run 0 gk app show "$a"
contains "$OUT" "等待申请人补正  until 2024-10-28" "app show gives the applicant's due date"
snap
run 1 gk app event "$a" correction-lapsed --date 2024-10-28
contains "$ERR" "至 2024-10-28" "REQ 条例-30: closing as 逾期不补正 on the last day is refused with the due date"
contains "$ERR" "条例第三十条" "…citing the article"
nothing_stored "a premature lapse"
export GONGKAI_TODAY=2024-10-30
run 0 gk app list --due-within 3 --json
contains "$OUT" '"todo": "close-no-correction"' "REQ 条例-30: once the period ended, app list --due-within lists it to be closed"
run 0 gk app list --due-within 3
contains "$OUT" "补正期限已过，待按逾期未补正终止（（六）1） 2024-10-28" "…in the text list too"
run 0 gk app event "$a" correction-lapsed --date 2024-10-29
run 0 gk app show "$a" --json
contains "$OUT" '"outcome": "other_no_correction"' "the lapse after the period closes as （六）1"

# a period given as a date (a Sunday moves to the next working day, 民法典第二百零三条); a late
# correction needs the reason it is accepted, which is audited
b=$(new 2024-09-27 乙)
run 0 gk app event "$b" correction-requested --date 2024-10-08 --due 2024-10-20
contains "$OUT" "补正期限至 2024-10-21（10个工作日" "a due date on a Sunday becomes the Monday"
run 2 gk app event "$b" correction-requested --date 2024-10-08 --due 2024-10-20 --period 5
contains "$ERR" "not both" "--period and --due together are refused"
snap
run 1 gk app event "$b" correction-received --date 2024-10-22
contains "$ERR" "2024-10-21" "REQ 条例-30: a correction after the period is refused, naming its end"
contains "$ERR" "--late-reason（逾期接受的理由）: 不能记录“收到补正”" "…and saying how it can be accepted: the field by its option and its label"
nothing_stored "a late correction without a reason"
run 0 gk app event "$b" correction-received --date 2024-10-22 --late-reason 申请人10月21日已寄出，邮路延误
contains "$ERR" "warning: " "the accepted late correction is stored with a warning"
contains "$(gk audit list)" "邮路延误" "…and the reason is in the audit log"
run 0 gk app show "$b"
contains "$OUT" "accepted late: 申请人10月21日已寄出" "app show keeps the reason"
contains "$OUT" "WARNING: 补正期限" "…and the warning"

# a 补正 notice after 7 working days is stored, with a warning kept on the application
c=$(new 2024-09-27 丙)
run 0 gk app event "$c" correction-requested --date 2024-10-14
contains "$ERR" "应于 2024-10-12 前告知" "REQ 条例-30: a late 补正 notice is stored with a warning naming its limit"
run 0 gk app show "$c" --json
contains "$OUT" '"warning": "补正告知晚于期限' "…kept on the application"
contains "$OUT" '"workdays": 15' "without --period the organ's default (15 working days) is given"
run 2 gk guide set --correction-period 0
contains "$ERR" "--correction-period" "a correction period of 0 is refused, naming the option"
run 0 gk guide set --correction-period 10
d=$(new 2024-10-14 丁)
run 0 gk app event "$d" correction-requested --date 2024-10-15
contains "$OUT" "（10个工作日" "the organ's setting becomes the default period"
run 0 gk guide set --correction-period ""

# --- 2. fees (国办函〔2020〕109号) -----------------------------------------------------------
# received 2024-09-02: reply due 2024-09-30 (09-14 and 09-29 worked, 中秋 09-15..17)
export GONGKAI_TODAY=2024-11-15
f=$(new 2024-09-02 戊)
snap
run 1 gk app event "$f" fee-notice --date 2024-10-08 --by-pages 40
contains "$ERR" "2024-09-30" "REQ 109号: a fee notice after the reply deadline is refused with the deadline"
contains "$ERR" "109号" "…citing 109号"
nothing_stored "a late fee notice"
run 2 gk app event "$f" fee-notice --date 2024-09-05 --by-count --by-pages 40
contains "$ERR" "one method" "REQ 109号: one method only"
run 2 gk app event "$f" fee-notice --date 2024-09-05 --amount 100
contains "$ERR" "--by-count: 不能记录“收费通知”：收费通知应载明计收方式：按件或按量" "a notice without its method is refused"
run 2 gk app event "$f" fee-notice --date 2024-09-05 --by-pages 40 --amount 150
contains "$ERR" "100.00" "an amount other than the method's is refused, naming the right one (40 pages: 100 元)"
run 1 gk app event "$f" fee-notice --date 2024-09-05 --by-count
contains "$ERR" "第 1 件申请，10件以内（含）不收费" "按件: the applicant's first application this month costs nothing"
run 0 gk app event "$f" fee-notice --date 2024-09-05 --by-pages 40
run 0 gk app event "$f" fee-notice-received --date 2024-09-06
run 0 gk app show "$f" --json
# 20 working days after 09-06: 09-09..13, 09-14 (worked), 09-18..20, 09-23..27, 09-29 (worked),
# 09-30, 10-08..11 → 2024-10-11
contains "$OUT" '"fee_payment_due": "2024-10-11"' "the payment period: 20 working days after the notice is received"
contains "$OUT" '"todo": "close-fee-unpaid"' "after it, unpaid: to be closed as 逾期未缴费"
# REQ 109号-缴费: the pause ends at the payment due date, never later: 09-03, 09-04, 09-05 (3),
# paused to 10-11, then 17 more: 10-12 (worked), 10-14..18, 10-21..25, 10-28..11-01, 11-04
contains "$OUT" '"reply_due": "2024-11-04"' "…and the fee pause ends at the payment due date"
run 0 gk app list --due-within 0
contains "$OUT" "缴费期限已过，待按逾期未缴费终止（（六）2）" "app list --due-within lists it to be closed"
snap
run 1 gk app event "$f" fee-paid --date 2024-10-14
contains "$ERR" "2024-10-11" "REQ 109号: a payment after the period is refused with its end"
nothing_stored "a late payment without a reason"
run 0 gk app event "$f" fee-paid --date 2024-10-14 --late-reason 银行系统故障，10月11日已办理
contains "$ERR" "warning: " "…accepted with a reason and a warning"
g=$(new 2024-09-02 己)
run 0 gk app event "$g" fee-notice --date 2024-09-05 --by-pages 31
run 0 gk app event "$g" fee-notice-received --date 2024-09-06
snap
run 1 gk app event "$g" fee-lapsed --date 2024-10-11
contains "$ERR" "至 2024-10-11" "REQ 109号: 逾期未缴费 on the last day to pay is refused"
nothing_stored "a premature fee lapse"
run 0 gk app event "$g" fee-lapsed --date 2024-10-14

# --- 3. consultations (条例第三十二条、第三十四条) ----------------------------------------------
# received 2024-10-08; letters 10-09 and 10-10; 15 working days (10-12 worked): 10-29 and 10-30
export GONGKAI_TODAY=2024-10-29
h=$(new 2024-10-08 庚)
run 2 gk app event "$h" consultation-started --date 2024-10-09
contains "$ERR" "--party" "a consultation names its party"
run 0 gk app event "$h" consultation-started --date 2024-10-09 --party third-party --counterpart 相邻房屋所有人
contains "$OUT" "第三方答复期限至 2024-10-29（15个工作日，条例第三十二条）" "REQ 条例-32: the third party's answer due date is shown"
run 0 gk app event "$h" consultation-started --date 2024-10-10 --party organ --counterpart 县自然资源局
contains "$OUT" "其他行政机关答复期限至 2024-10-30（15个工作日，条例第三十四条）" "REQ 条例-34: any number of consultations, each with its due date"
run 2 gk app event "$h" consultation-answered --date 2024-10-15
contains "$ERR" "--ref: 不能记录“收到意见”：有 2 次征求意见尚未答复，请写明答复的是第几次" "with two open, the answer says which"
run 0 gk app event "$h" consultation-answered --date 2024-10-15 --ref 2
snap
run 1 gk app decide "$h" --outcome granted --date 2024-10-29
contains "$ERR" "征求意见中" "no decision while the third party may still answer"
nothing_stored "a decision during a consultation"
export GONGKAI_TODAY=2024-11-04
run 0 gk app show "$h" --json
contains "$OUT" '"todo": "decide-consulted"' "REQ 条例-32: past the third party's due date the organ decides"
contains "$OUT" '"lapsed": true' "…the consultation shows no answer by then"
# the pause (10-09, 10-29] holds 15 working days whatever the day: 10-09 is day 1, then 19 after
# 10-29: 10-30..11-01, 11-04..08, 11-11..15, 11-18..22, 11-25 → 11-25
contains "$OUT" '"reply_due": "2024-11-25"' "the pause never runs past the answer due date"
run 0 gk app show "$h"
contains "$OUT" "第三方逾期未答复，待本机关依法决定" "app show says it waits for the organ's decision"
run 0 gk app decide "$h" --outcome deny_third_party --date 2024-11-04 --basis 第三方未同意公开
run 0 gk guide set --consult-cap no
run 0 gk app show "$h" --json
contains "$OUT" '"lapsed": false' "an organ that waits for answers (consult-cap no) keeps the consultation open"
run 0 gk guide set --consult-cap ""
i=$(new 2024-09-02 辛)
snap
run 1 gk app event "$i" consultation-started --date 2024-10-08 --party organ
contains "$ERR" "2024-09-30" "a consultation started after the reply deadline is refused"
nothing_stored "a late consultation"

# --- 4. 条例第三十五条 --------------------------------------------------------------------
export GONGKAI_TODAY=2024-11-15
j=$(new 2024-10-08 壬)
snap
run 1 gk app decide "$j" --outcome noproc_mass_repeat --date 2024-10-15 --basis 大量反复申请
contains "$ERR" "reasons-requested" "REQ 条例-35: not processed only after asking for reasons"
nothing_stored "noproc_mass_repeat without reasons"
run 1 gk app event "$j" delayed --date 2024-10-15 --period 30
contains "$ERR" "须先记录“收到申请人说明的理由”" "a delayed reply needs the applicant's reasons first"
run 0 gk app event "$j" reasons-requested --date 2024-10-10
run 0 gk app event "$j" reasons-received --date 2024-10-14
run 0 gk app event "$j" delayed --date 2024-10-15 --period 30
contains "$OUT" "延迟答复期限至 2024-11-26（30个工作日，条例第三十五条）" "REQ 条例-35: the delayed reply with the organ's period binds"
run 0 gk app show "$j" --json
contains "$OUT" '"due": "2024-11-26"' "…as the application's deadline"

# --- 5. extension length (条例第三十三条) ----------------------------------------------------
k=$(new 2024-09-27 癸)
run 2 gk app event "$k" extended --date 2024-10-09 --approver 王主任 --workdays 21
contains "$ERR" "最长 20 个工作日" "REQ 条例-33: more than 20 working days is refused"
run 0 gk app event "$k" extended --date 2024-10-09 --approver 王主任 --workdays 10
run 0 gk app show "$k" --json
contains "$OUT" '"extended_reply_due": "2024-11-13"' "the binding deadline uses the approved 10 working days"
contains "$OUT" '"extension_workdays": 10' "…and shows them"

# --- 6. date of receipt (条例第三十一条) ------------------------------------------------------
export GONGKAI_TODAY=2024-10-14
run 0 gk app new --received 2024-09-27 --channel online --applicant-type np --applicant-name 网上申请人 --contact 13800000000 --request 某项信息
l=$(printf '%s\n' "$OUT" | head -1)
contains "$ERR" "awaiting confirmation: 以双方确认之日为收到申请之日" "an online application awaits the confirmation of its receipt"
run 0 gk app list --state awaiting-confirmation
contains "$OUT" "待确认收到申请 2024-09-30" "…in its own queue, confirm by 2 working days later"
run 0 gk app list --overdue --json
contains "$OUT" "\"id\": $l," "a receipt not confirmed in time is overdue"
snap
run 1 gk app event "$l" correction-requested --date 2024-10-08
contains "$ERR" "待确认收到" "nothing runs before the receipt is confirmed"
nothing_stored "a step before confirmation"
run 0 gk app event "$l" receipt-confirmed --date 2024-10-08
contains "$ERR" "warning: 确认收到晚于应确认之日 2024-09-30" "a late confirmation is stored with a warning"
run 0 gk app show "$l" --json
contains "$OUT" '"received": "2024-10-08"' "the date of receipt is the confirmation date"
contains "$OUT" '"submitted": "2024-09-27"' "…the day it arrived is kept"
contains "$OUT" '"reply_due": "2024-11-04"' "deadlines run from the confirmation date (10-08 + 20 working days, 10-12 worked)"
run 2 gk app new --received 2024-10-08 --confirmed 2024-10-08 --channel in-person --applicant-type np --applicant-name 某 --contact 13800000000 --request 某项信息
contains "$ERR" "不需要确认收到" "an in-person application has no confirmation"
run 0 gk app new --received 2024-10-08 --confirmed 2024-10-08 --channel post-plain --applicant-type np --applicant-name 信函 --contact 13800000000 --request 某项信息
run 0 gk app show "$(printf '%s\n' "$OUT" | head -1)" --json
contains "$OUT" '"state": "received"' "a plain letter confirmed the day it arrives is received"

# --- 7. the 2007 Regulation for older applications -------------------------------------------
m=$(new 2018-09-28 旧)
run 0 gk app show "$m" --json
contains "$OUT" '"regulation": "2007"' "REQ 492号-24: received before 2019-05-15, the 2007 Regulation applies"
contains "$OUT" '"reply_due": "2018-10-24"' "…with its 15 working days"
contains "$OUT" '"correction_notice_due": null' "…and no 7-day 补正 limit"
run 1 gk app event "$m" fee-notice --date 2018-10-08 --by-pages 40
contains "$ERR" "不收取信息处理费" "no 109号 fee under the 2007 Regulation"
run 2 gk app event "$m" extended --date 2018-10-10 --approver 王主任 --workdays 16
contains "$ERR" "最长 15 个工作日" "an extension of at most 15 working days"
run 0 gk app event "$m" extended --date 2018-10-10 --approver 王主任
run 0 gk app show "$m"
contains "$OUT" "extended_reply_due     2018-11-14  15个工作日 《政府信息公开条例》（2007年，国务院令第492号）第二十四条第二款" \
	"app show cites the 2007 Regulation"
run 2 gk app new --received 2008-04-30 --channel in-person --applicant-type np --applicant-name 更早 --contact 13800000000 --request 某项信息
contains "$ERR" "早于2008-05-01" "a date before 2008-05-01 is refused"
run 0 gk deadline --received 2018-09-28 --extended
contains "$OUT" "适用法规            《政府信息公开条例》（2007年，国务院令第492号）" "gongkai deadline says which Regulation it applied"
contains "$OUT" "延长后的答复期限    2018-11-14" "…and counts its 15 + 15 working days"
run 0 gk deadline --received 2018-09-28 --json
contains "$OUT" '"regulation": "2007"' "…in JSON too"
run 2 gk deadline --received 2008-04-30
contains "$ERR" "2008-05-01" "gongkai deadline refuses a date before 2008-05-01"

# --- 9. the annual report's deadline (条例第四十九条) ---------------------------------------------
# publication is stamped with the real clock: 2024's report published now is late (due 2025-01-31)
# and the current year's is not (due next year)
now=$(date -u +%Y)
unset GONGKAI_TODAY
run 0 gk report publish 2024 --by 主任
run 0 gk report list
contains "$OUT" "LATE: first published" "REQ 条例-49: report list shows a publication after the deadline"
contains "$OUT" "after its deadline 2025-01-31" "…naming the deadline (a township: 1月31日)"
run 0 gk report list --json
contains "$OUT" '"due": "2025-01-31"' "…in JSON: due"
contains "$OUT" '"late": true' "…and late"
export GONGKAI_TODAY=$now-06-30
run 0 gk report "$now" --format json
contains "$ERR" "provisional: $now has not ended" "REQ 条例-49: a report for a year not yet ended says it is provisional"
contains "$ERR" "due $((now + 1))-01-31" "…and when it is due"
run 1 gk report publish "$now" --by 主任
contains "$ERR" "须在 $now 年结束后发布" "REQ 条例-50: a year not yet ended cannot be published"
contains "$ERR" "条例第四十九条、第五十条" "…citing the articles"
equals "$(sql "$DB" "SELECT count(*) FROM report_publication WHERE year = $now")" 0 "…and nothing is stored"
run 0 gk guide set --report-due 03-15
run 0 gk report "$now"
contains "$ERR" "due $((now + 1))-03-15" "the organ's deadline is a setting"
run 0 gk init --agency-name 乙县人民政府 --level county
run 0 gk report "$now" --agency 乙县人民政府 --format json
contains "$ERR" "due $((now + 1))-03-31" "a government's own report is due 3月31日"
run 2 gk guide set --agency 甲镇人民政府 --report-due 13-01
contains "$ERR" "--report-due" "an impossible deadline is refused"

# --- Table 三: lapses count in （六）1 / （六）2 only when the law allowed them -------------------
export GONGKAI_TODAY=2025-01-20
run 0 gk report 2024 --agency 甲镇人民政府 --draft --format json
contains "$OUT" '"t3.other_no_correction.np": 1' "（六）1 counts the one lapse recorded after its period (the premature one was refused)"
contains "$OUT" '"t3.other_fee_unpaid.np": 1' "（六）2 counts the one unpaid after its period"
done_testing

#!/usr/bin/env bash
# lifecycle.sh — the Regulation's time limits in the console: beside each action its time
# limit (with the date and the article); a refused step shown beside its form, in Chinese,
# with what was typed kept, and nothing stored; a late step stored with a warning shown in the
# history; the dashboard's queues (receipts to confirm, applications to close because the
# applicant's time ran out, third parties silent past their due date).
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
export GONGKAI_TODAY=2024-10-29
make_db
G() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
evil='<script>alert("x")</script>'
# new_app RECEIVED NAME [options]: an in-person application to 慈周寨镇, prints its id
new_app() {
	local r=$1 n=$2; shift 2
	G app new --received "$r" --channel in-person --applicant-type np --applicant-name "$n" --contact 13800000000 --request 某项信息 \
		--agency 慈周寨镇人民政府 "$@" | head -1
}
corr=$(new_app 2024-09-27 补正人)
G app event "$corr" correction-requested --date 2024-10-08 --period 15 >/dev/null
late=$(new_app 2024-09-27 迟告知)
G app event "$late" correction-requested --date 2024-10-14 --period 20 2>/dev/null >/dev/null
gone=$(new_app 2024-09-02 逾期补正)
G app event "$gone" correction-requested --date 2024-09-05 --period 10 >/dev/null
cons=$(new_app 2024-09-27 征求意见)
G app event "$cons" consultation-started --date 2024-10-08 --party third-party >/dev/null
web=$(G app new --received 2024-10-25 --channel online --applicant-type np --applicant-name 网上 --contact 13800000000 --request 某项信息 \
	--agency 慈周寨镇人民政府 2>/dev/null | head -1)
[ -n "$corr" ] && [ -n "$late" ] && [ -n "$gone" ] && [ -n "$cons" ] && [ -n "$web" ] &&
	ok "five applications set up" || not_ok "five applications set up"
events() { sql "$GONGKAI_DB" "SELECT count(*) FROM app_event"; }
start_server
login officer pw-officer-2024

# --- the dashboard's queues -------------------------------------------------------------------
get /console
contains "$BODY" "待确认收到" "REQ 条例-31: the dashboard has the queue of receipts to confirm"
contains "$BODY" "#act-receipt-confirmed\">" "…linking to the confirmation"
contains "$BODY" "应于 2024-10-29 前与申请人确认" "…with the day to confirm by (2 working days)"
contains "$BODY" "补正期限已过，待按逾期未补正终止（（六）1）（期限 2024-09-20）" \
	"REQ 条例-30: an application whose correction period ended waits to be closed"
export GONGKAI_TODAY=2024-10-30
restart_server
login officer pw-officer-2024
get /console
contains "$BODY" "已逾期 1 个工作日" "a receipt not confirmed in time is marked late"
contains "$BODY" "第三方逾期未答复，待本机关依法决定（答复期限 2024-11-20）" \
	"REQ 条例-32: a third party silent past its 15 working days leaves the decision to the organ"

# --- the annual report's deadline (条例第四十九条) ------------------------------------------------
contains "$BODY" "尚未发布。依条例第四十九条，本机关应于 2024-01-31 前公布，已逾期" \
	"REQ 条例-49: the dashboard names last year's deadline and that it has passed"
get "/console/reports?year=2024"
contains "$BODY" "2024 年尚未结束：以下数字是截至今天台账的临时数" "a report for a year not yet ended is marked provisional"
contains "$BODY" "年度结束后方可发布" "…and says it can be published once the year has ended"
contains "$BODY" "公布期限：2025-01-31（条例第四十九条" "…with its deadline"
G guide set --agency 慈周寨镇人民政府 --report-due 02-15 >/dev/null
get "/console/reports?year=2024"
contains "$BODY" "公布期限：2025-02-15" "the organ's setting moves it"
login leader pw-leader-2024
get "/console/reports?year=2023"
contains "$BODY" "发布 2023 年度报告</button>" "a leader may publish last year's report"
get "/console/reports?year=2024"
lacks "$BODY" "发布 2024 年度报告</button>" "…but is offered no button for the year not yet ended"
t=$(csrf_of "$BODY")
post /console/reports/publish --data-urlencode "_csrf=$t" --data-urlencode "year=2024"
contains "$BODY" "须在 2024 年结束后发布" "REQ 条例-50: publishing it anyway is refused with the reason"
equals "$(sql "$GONGKAI_DB" "SELECT count(*) FROM report_publication WHERE year = 2024")" 0 "…and nothing is stored"
login officer pw-officer-2024

# --- an application: the limits beside each action ---------------------------------------------
get /console/applications/$corr
contains "$BODY" "申请人补正期限</dt><dd>2024-10-28（补正告知书载明，条例第三十条）" "the applicant's due date is shown"
contains "$BODY" "期限：申请人可补正至 2024-10-28，期满后才能按逾期未补正终止（条例第三十条）" \
	"beside 逾期未补正: when it becomes lawful"
contains "$BODY" "期限：补正期限至 2024-10-28；逾期收到的补正须写明接受的理由（条例第三十条）" \
	"beside 收到补正: the period and what a late one needs"
contains "$BODY" 'name="late_reason"' "…with the field for the reason"
t=$(csrf_of "$BODY")
n0=$(events)
post /console/applications/$corr/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-received" \
	--data-urlencode "date=2024-10-29" --data-urlencode "note=申请人补充了文号 $evil"
equals "$CODE" 409 "a late correction without a reason is refused"
contains "$BODY" '<form method="post" action="/console/applications/'"$corr"'/event" class="form invalid" id="act-correction-received">' \
	"the refused action's form is marked"
contains "$BODY" '<p class="field-error" role="alert">不能记录“收到补正”：补正期限（补正告知书载明，条例第三十条）已于 2024-10-28 届满' \
	"the refusal is beside the action, in Chinese, with the date and the article"
contains "$BODY" "申请人补充了文号 &lt;script&gt;" "what was typed is kept, escaped"
lacks "$BODY" "$evil" "never raw"
equals "$(events)" "$n0" "nothing stored"
post /console/applications/$corr/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-received" \
	--data-urlencode "date=2024-10-29" --data-urlencode "late_reason=邮寄途中延误 $evil"
equals "$CODE" 303 "with the reason it is accepted"
get /console/applications/$corr
contains "$BODY" "逾期接受的理由：邮寄途中延误 &lt;script&gt;" "the reason is in the history"
contains "$BODY" '<span class="warning" role="note">⚠ 补正期限' "…with the warning"

get /console/applications/$late
contains "$BODY" '⚠ 补正告知晚于期限：应于 2024-10-12 前告知' "REQ 条例-30: a late 补正 notice shows its warning"

get /console/applications/$gone
t=$(csrf_of "$BODY")
post /console/applications/$gone/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-lapsed" \
	--data-urlencode "date=2024-10-30"
equals "$CODE" 303 "after the period, 逾期未补正 closes it"
get /console/applications/$gone
contains "$BODY" "（六）1" "as （六）1"

# --- consultation, fee and decision forms ------------------------------------------------------
get /console/applications/$cons
contains "$BODY" "应于 2024-10-28 前答复" "the consultation's answer due date (10-08 + 15 working days, 10-12 worked)"
contains "$BODY" "逾期未答复，由本机关依法决定（条例第三十二条）" "…and what its silence means"
contains "$BODY" 'name="party"' "a new consultation asks for its party"
contains "$BODY" 'name="method" value="by-pages"' "the fee notice asks for its method"
contains "$BODY" 'name="responsible_organ"' "the decision asks for the responsible organ (条例第三十六条第（五）项)"
t=$(csrf_of "$BODY")
post /console/applications/$cons/event --data-urlencode "_csrf=$t" --data-urlencode "kind=fee-notice" \
	--data-urlencode "date=2024-10-30" --data-urlencode "method=by-pages" --data-urlencode "pages=40" \
	--data-urlencode "amount=150"
equals "$CODE" 400 "REQ 109号: an amount other than the method's is refused"
contains "$BODY" "金额 150.00 元与按量计收应收的 100.00 元不符" "…beside the fee notice"
contains "$BODY" 'id="act-fee-notice"' "…whose form comes back"
post /console/applications/$cons/event --data-urlencode "_csrf=$t" --data-urlencode "kind=extended" \
	--data-urlencode "date=2024-10-30" --data-urlencode "approver=李主任" --data-urlencode "workdays=21"
equals "$CODE" 400 "REQ 条例-33: an extension over 20 working days is refused"
contains "$BODY" "最长 20 个工作日" "…saying the maximum"
post /console/applications/$cons/decide --data-urlencode "_csrf=$t" --data-urlencode "outcome=granted" \
	--data-urlencode "date=2024-10-30" --data-urlencode "responsible_organ=县自然资源局"
equals "$CODE" 400 "a responsible organ with another outcome than unable_not_held is refused"
contains "$BODY" 'id="act-decided"' "…beside the decision form"
post /console/applications/$cons/decide --data-urlencode "_csrf=$t" --data-urlencode "outcome=unable_not_held" \
	--data-urlencode "date=2024-10-30" --data-urlencode "basis=该信息由县自然资源局制作并保存" \
	--data-urlencode "responsible_organ=县自然资源局" --data-urlencode "responsible_contact=0372-0000000"
equals "$CODE" 303 "decided: not this organ's information, naming the organ responsible"
get /console/applications/$cons
contains "$BODY" "负责公开的机关：县自然资源局，0372-0000000" "the history names it"

# --- the receipt to confirm --------------------------------------------------------------------
get /console/applications/$web
contains "$BODY" "尚未确认：2024-10-25 经互联网渠道提交" "an online application awaits its confirmation"
contains "$BODY" "当前没有正在计算的期限" "…with no deadline running"
t=$(csrf_of "$BODY")
post /console/applications/$web/event --data-urlencode "_csrf=$t" --data-urlencode "kind=receipt-confirmed" \
	--data-urlencode "date=2024-10-30"
equals "$CODE" 303 "confirmed late"
get /console/applications/$web
contains "$BODY" "⚠ 确认收到晚于应确认之日 2024-10-29" "…with the warning kept"
contains "$BODY" "<dt>收到日期</dt><dd>2024-10-30（互联网渠道，2024-10-25 提交，确认之日为收到申请之日）" \
	"the date of receipt is the confirmation date"
get /console/applications?state=awaiting-confirmation
lacks "$BODY" "网上" "it has left the queue"
stop_server
done_testing

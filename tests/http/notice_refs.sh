#!/usr/bin/env bash
# notice_refs.sh — issuing a notice from the console (POST
# /console/applications/ID/notices/NOTICE/issue, CSRF-checked, officers of the organ only):
# the organ's reference number shown on the application page, printed beside the tracking code
# in the downloads (console and /track) and in the printable reply letter; a notice the domain
# refuses is refused beside it with its message and gets no number; a second issue refused.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
make_other_organ
"$GONGKAI" --db "$GONGKAI_DB" guide set --agency 慈周寨镇人民政府 --notice-ref "慈政信复〔{year}〕{n}号" >/dev/null

# new_app NAME: an application to 慈周寨镇 received 2024-09-27; prints its id
new_app() {
	"$GONGKAI" --db "$GONGKAI_DB" app new --received 2024-09-27 --channel in-person --applicant-type np \
		--applicant-name "$1" --contact 13800000000 --request "2024年道路修缮工程预算" \
		--agency 慈周寨镇人民政府 --json | grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9][0-9]*'
}
corr=$(new_app 张三)
"$GONGKAI" --db "$GONGKAI_DB" app event "$corr" correction-requested --date 2024-09-30 \
	--note "请写明所需预算文件的名称和年度" >/dev/null
bare=$(new_app 李四)
"$GONGKAI" --db "$GONGKAI_DB" app event "$bare" correction-requested --date 2024-09-30 >/dev/null
done_app=$(new_app 王五)
"$GONGKAI" --db "$GONGKAI_DB" app decide "$done_app" --outcome granted --date 2024-10-25 >/dev/null
[ -n "$corr" ] && [ -n "$bare" ] && [ -n "$done_app" ] && ok "three applications set up" ||
	not_ok "three applications set up" "$corr $bare $done_app"
start_server

login officer pw-officer-2024
get /console/applications/$corr
contains "$BODY" "政府信息公开申请补正告知书" "the application page lists the 补正告知书"
contains "$BODY" "未出具" "… not issued yet"
contains "$BODY" "action=\"/console/applications/$corr/notices/correction-1/issue\"" "… with the form to issue it"
t=$(csrf_of "$BODY")

post /console/applications/$corr/notices/correction-1/issue --data-urlencode "_csrf=$(wrong_token "$t")"
equals "$CODE" 403 "issuing with a wrong CSRF token: refused"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app notice "$corr"
contains "$OUT" "（未出具）" "… and nothing issued"

post /console/applications/$corr/notices/correction-1/issue --data-urlencode "_csrf=$t"
equals "$CODE" 303 "issued: back to the application"
get /console/applications/$corr
contains "$BODY" "<strong>慈政信复〔2024〕1号</strong>" "the page shows the number"
contains "$BODY" "出具，文书版本 gongkai-2026.1" "… the day issued and the wording's version"
lacks "$BODY" "action=\"/console/applications/$corr/notices/correction-1/issue\"" "… and no form to issue it again"
fetch /console/applications/$corr/notices/correction-1/pdf
equals "$CODE" 200 "the PDF downloads"
contains "$(pdftotext -raw "$TMP/download" -)" "慈政信复〔2024〕1号" "the PDF carries the number"
fetch /console/applications/$corr/notices/correction-1/txt
contains "$(cat "$TMP/download")" "慈政信复〔2024〕1号　查询码：" "the text: the number beside the tracking code"

post /console/applications/$corr/notices/correction-1/issue --data-urlencode "_csrf=$t"
equals "$CODE" 409 "a second issue: refused"
contains "$BODY" "同一告知书只出具一次" "… saying a notice is issued once"

get /console/applications/$bare
post /console/applications/$bare/notices/correction-1/issue --data-urlencode "_csrf=$t"
equals "$CODE" 409 "a notice missing a legal element: refused"
contains "$BODY" "缺少需要补正的事项" "… naming the element, beside the notice"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app notice "$bare"
contains "$OUT" "（未出具）" "… and no number used"

# the reply letter: issued from the page, its number in the printable letter and the downloads
post /console/applications/$done_app/notices/reply/issue --data-urlencode "_csrf=$t"
equals "$CODE" 303 "the reply letter issued"
get /console/applications/$done_app/letter
contains "$BODY" "慈政信复〔2024〕2号　查询码：" "the printable letter prints its number"
fetch /console/applications/$done_app/letter.docx
contains "$(unzip -p "$TMP/download" word/document.xml)" "慈政信复〔2024〕2号" "the Word letter too"

# who may issue: another organ's officer sees no such application; a reviewer may not act
login other pw-other-2024
t=$(csrf_of "$BODY")
get /console
t=$(csrf_of "$BODY")
post /console/applications/$bare/notices/correction-1/issue --data-urlencode "_csrf=$t"
equals "$CODE" 404 "another organ's officer: no such application"
login auditor pw-auditor-2024
get /console
t=$(csrf_of "$BODY")
post /console/applications/$bare/notices/correction-1/issue --data-urlencode "_csrf=$t"
if [ "$CODE" = 403 ] || [ "$CODE" = 404 ]; then ok "an auditor may not issue ($CODE)"
else not_ok "an auditor may not issue" "got $CODE"; fi

stop_server
done_testing

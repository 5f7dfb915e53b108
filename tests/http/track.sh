#!/usr/bin/env bash
# track.sh — the applicant online (/track): signed in with the tracking code and the secret,
# confirms the date of receipt (条例第三十一条), sends the 补正 with files (type- and
# size-checked, refused in Chinese citing the article when the lifecycle forbids it, 条例第三十条),
# withdraws after a confirmation step (申请人撤回, （六）3) and downloads the notice sent; every
# action needs the CSRF token and the sign-in, is audited as the applicant's, and the officer
# sees it in the console at once (the files too). Nothing personal is shown that was not typed.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server --max-body 8388608
today=$(date -u -d "+8 hours" +%F)  # Beijing date, as gongkai counts days
APPJAR="$TMP/applicant"
STAFFJAR="$TMP/cookies"
as_applicant() { JAR=$APPJAR; }
as_officer() { JAR=$STAFFJAR; }

as_applicant
get /apply
tok=$(csrf_of "$BODY")
ag=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')
post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=韩梅梅" --data-urlencode "phone=13912345678" \
	--data-urlencode "doc_title=2025年道路维修资金使用情况"
equals "$CODE" 200 "an application is received online"
code=$(printf '%s' "$BODY" | grep -o 'class="code">[^<]*' | head -1 | sed 's/.*>//')
secret=$(printf '%s' "$BODY" | grep -o 'class="code">[^<]*' | sed -n 2p | sed 's/.*>//')
id=$("$GONGKAI" --db "$GONGKAI_DB" app list --json | grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9][0-9]*')

get /track
contains "$BODY" 'name="secret"' "not signed in: the sign-in form"
tok=$(csrf_of "$BODY")
post /track/confirm --data-urlencode "_csrf=$tok"
equals "$CODE" 403 "an action without signing in is refused"
post /track --data-urlencode "_csrf=$tok" --data-urlencode "code=$code" --data-urlencode "secret=$secret"
equals "$CODE" 200 "signed in with code and secret"
[ -n "$(cookie_of gk_track)" ] && ok "the sign-in is kept in a cookie" || not_ok "the sign-in is kept in a cookie"
contains "$HEADERS" "HttpOnly" "…HttpOnly"
get /track
equals "$CODE" 200 "the page again without typing the secret"
contains "$BODY" "待确认收到" "the state"
contains "$BODY" "确认今日为收到申请之日" "REQ 条例-31: the applicant may confirm the date of receipt"
lacks "$BODY" "提交补正</button>" "no correction form before one is asked for"
lacks "$BODY" "韩梅梅" "never the name (not shown back)"
lacks "$BODY" "13912345678" "never the phone"
tok=$(csrf_of "$BODY")

post /track/correct -F "_csrf=$tok" -F "text=补充说明"
equals "$CODE" 409 "REQ 条例-30: a correction nobody asked for is refused"
contains "$BODY" "本机关没有要求补正" "…in plain Chinese"
contains "$BODY" "第三十条" "…citing the article"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app show "$id" --json
lacks "$OUT" "correction-received" "nothing was recorded"

post /track/confirm --data-urlencode "_csrf=0000"
equals "$CODE" 403 "a confirmation without the CSRF token is refused"
post /track/confirm --data-urlencode "_csrf=$tok"
equals "$CODE" 200 "the applicant confirms the date of receipt"
contains "$BODY" "答复期限自今日起计算" "…and is told what follows"
contains "$BODY" "办理中" "the application is being handled"
contains "$BODY" "$today 确认收到申请（您在网上办理）" "the history shows it, in plain Chinese"
post /track/confirm --data-urlencode "_csrf=$tok"
equals "$CODE" 409 "a second confirmation is refused"
contains "$BODY" "无需再次确认（条例第三十一条）" "…citing the article"

# the officer asks for a correction
as_officer
login officer pw-officer-2024
get /console/applications/$id
contains "$BODY" "确认收到申请" "the officer sees the applicant's confirmation at once"
contains "$BODY" "申请人 $code" "…recorded as the applicant's"
t=$(csrf_of "$BODY")
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-requested" \
	--data-urlencode "date=$today" --data-urlencode "note=内部：请申请人写明年份"
equals "$CODE" 303 "the officer requests a correction"
# the 补正告知书 issued from the ledger: listed in the console, every format downloadable
get /console/applications/$id
contains "$BODY" "政府信息公开申请补正告知书" "the console lists the 补正告知书 issued"
contains "$BODY" "/console/applications/$id/notices/correction-1/pdf" "…to download"
get /console/applications/$id/notices/correction-1/txt
equals "$CODE" 200 "the console's 补正告知书 as text"
contains "$BODY" "需要补正的事项：内部：请申请人写明年份" "…with the items to correct"
contains "$BODY" "个工作日内，即" "…and the period's last day"
for f in pdf:application/pdf docx:wordprocessingml ofd:application/ofd; do
	download "/console/applications/$id/notices/correction-1/${f%%:*}" "$TMP/c.${f%%:*}"
	equals "$CODE" 200 "the console's 补正告知书 as ${f%%:*}"
	contains "$HEADERS" "${f#*:}" "…served as ${f%%:*}"
done
contains "$HEADERS" "filename=\"correction-1-$id.ofd\"" "…named after the notice"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app notice "$id" correction-1 --format ofd -o "$TMP/c.cli.ofd"
if cmp -s "$TMP/c.ofd" "$TMP/c.cli.ofd"; then ok "the console's OFD is the CLI's, byte for byte"
else not_ok "the console's OFD is the CLI's, byte for byte"; fi
get /console/applications/$id/notices/extension-1/pdf
equals "$CODE" 404 "a notice not issued: 404"
get /console/applications/$id/notices/correction-1/exe
equals "$CODE" 404 "a format that does not exist: 404"

as_applicant
get /track
contains "$BODY" "提交补正</button>" "the correction form is offered"
contains "$BODY" "补正期限：" "with the applicant's period"
lacks "$BODY" "内部：请申请人写明年份" "never the officer's notes"
lacks "$BODY" "/track/notices/correction-1" "a 补正告知书 the organ has not issued is not listed"
get /track/notices/correction-1/txt
equals "$CODE" 404 "…nor downloadable"
as_officer
get /console/applications/$id
post /console/applications/$id/notices/correction-1/issue --data-urlencode "_csrf=$(csrf_of "$BODY")"
equals "$CODE" 303 "the officer issues the 补正告知书"
as_applicant
get /track
contains "$BODY" "/track/notices/correction-1/pdf" "the 补正告知书 issued is listed to download"
tok=$(csrf_of "$BODY")
get /track/notices/correction-1/txt
equals "$CODE" 200 "…and downloaded"
contains "$BODY" "依申请公开〔" "…with the reference number it was issued under"
get /track
tok=$(csrf_of "$BODY")
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$TMP/补正说明.pdf"
printf '\x89PNG\r\n\x1a\n0000' >"$TMP/photo.png"
printf 'MZ\x90\x00' >"$TMP/tool.exe"
head -c 2097153 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
post /track/correct -F "_csrf=$tok" -F "text=需要2025年1月至6月的道路维修资金使用情况" -F "file1=@$TMP/tool.exe"
equals "$CODE" 400 "a file of another kind is refused"
contains "$BODY" "不是可接受的类型" "…saying which kinds are accepted"
contains "$BODY" "需要2025年1月至6月" "…with what was typed kept"
post /track/correct -F "_csrf=$tok" -F "text=x" -F "file1=@$TMP/big.txt"
equals "$CODE" 413 "a file over 2 MB is refused"
contains "$BODY" "超过 2 MB" "…saying the limit"
post /track/correct -F "_csrf=$tok" -F "file1=@$TMP/photo.png"
equals "$CODE" 400 "a correction without text is refused"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app show "$id" --json
lacks "$OUT" "correction-received" "nothing was recorded by the refused corrections"
post /track/correct -F "text=x"
equals "$CODE" 403 "a correction without the CSRF token is refused"
post /track/correct -F "_csrf=$tok" -F "text=需要2025年1月至6月的道路维修资金使用情况" \
	-F "file1=@$TMP/补正说明.pdf" -F "file2=@$TMP/photo.png"
equals "$CODE" 200 "the correction is sent with two files"
contains "$BODY" "补正材料已提交" "…and acknowledged"
contains "$BODY" "$today 收到补正（您在网上办理）" "the history shows it"
lacks "$BODY" "提交补正</button>" "no second correction form"
post /track/correct -F "_csrf=$tok" -F "text=再补充"
equals "$CODE" 409 "a second correction is refused (the lifecycle's rule)"

as_officer
get /console/applications/$id
contains "$BODY" "需要2025年1月至6月的道路维修资金使用情况" "the officer sees the correction's text at once"
contains "$BODY" "补正说明.pdf" "…and its files"
f=$(printf '%s' "$BODY" | grep -o "/console/applications/$id/files/[0-9]*" | head -1)
download "$f" "$TMP/got.pdf"
equals "$CODE" 200 "the officer downloads the applicant's file"
cmp -s "$TMP/got.pdf" "$TMP/补正说明.pdf" && ok "…byte for byte" || not_ok "…byte for byte"
contains "$HEADERS" "application/pdf" "…as a PDF"
get /console/applications/$id/files/999999
equals "$CODE" 404 "a file that does not exist"
# a letter to a third party consulted is the organ's, not the applicant's
run 0 "$GONGKAI" --db "$GONGKAI_DB" app event "$id" consultation-started --date "$today" \
	--party third-party --counterpart 滑县某某建筑有限公司
get /console/applications/$id
contains "$BODY" "/console/applications/$id/notices/consultation-third-1/pdf" "the console lists the letter to the third party"

as_applicant
get /track
lacks "$BODY" "consultation-third-1" "REQ 条例-32: the applicant is not offered the letter to the third party"
lacks "$BODY" "滑县某某建筑有限公司" "…nor told whom the organ consulted"
get /track/notices/consultation-third-1/txt
equals "$CODE" 404 "…and cannot download it"
get /track/withdraw
equals "$CODE" 200 "the withdrawal asks for confirmation first"
contains "$BODY" "我确认撤回此申请" "…with a checkbox"
tok=$(csrf_of "$BODY")
post /track/withdraw --data-urlencode "_csrf=$tok"
equals "$CODE" 400 "withdrawing without the confirmation is refused"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app show "$id" --json
lacks "$OUT" '"withdrawn"' "…and records nothing"
post /track/withdraw --data-urlencode "_csrf=$tok" --data-urlencode "confirm=yes"
equals "$CODE" 200 "the applicant withdraws the application"
contains "$BODY" "申请已撤回" "…and is told"
contains "$BODY" "申请人撤回" "the history and the outcome say 申请人撤回"
lacks "$BODY" 'href="/track/withdraw"' "a closed application offers no withdrawal"
lacks "$BODY" "/track/notices/reply/docx" "the 终止办理告知书 not issued yet is not listed"
run 0 "$GONGKAI" --db "$GONGKAI_DB" --by officer app notice "$id" reply --issue
get /track
contains "$BODY" "/track/notices/reply/docx" "issued: the notice sent can be downloaded"
tok=$(csrf_of "$BODY")
post /track/withdraw --data-urlencode "_csrf=$tok" --data-urlencode "confirm=yes"
equals "$CODE" 409 "a second withdrawal is refused"
contains "$BODY" "不能再撤回" "…in Chinese"
download /track/notices/reply/docx "$TMP/notice.docx"
equals "$CODE" 200 "the notice as Word"
contains "$HEADERS" "wordprocessingml" "…a DOCX"
download /track/notices/reply/pdf "$TMP/notice.pdf"
equals "$CODE" 200 "the notice as PDF"
contains "$HEADERS" "application/pdf" "…served as a PDF"
equals "$(head -c 5 "$TMP/notice.pdf")" "%PDF-" "…and is one"
download /track/notices/reply/ofd "$TMP/notice.ofd"
equals "$CODE" 200 "the notice as OFD"
contains "$HEADERS" "application/ofd" "…served as OFD"
get /track/notices/reply/exe
equals "$CODE" 404 "a format that does not exist"
get /track/notices/reply/txt
equals "$CODE" 200 "the notice as text"
contains "$BODY" "撤回" "…about the withdrawal"
get /track/notices/nope/docx
equals "$CODE" 404 "a notice that was not sent"

run 0 "$GONGKAI" --db "$GONGKAI_DB" app show "$id" --json
contains "$OUT" '"other_misc"' "closed as （六）3 其他"
run 0 "$GONGKAI" --db "$GONGKAI_DB" audit list --entity application --id "$id"
contains "$OUT" "申请人 $code" "the applicant's actions are in the audit log under the applicant"
contains "$OUT" "sha256" "…the files with their hash"
run 0 "$GONGKAI" --db "$GONGKAI_DB" audit verify
ok "the audit chain verifies"

as_officer
get /console/applications/$id
contains "$BODY" "申请人撤回" "the officer sees the withdrawal"

# a correction after the applicant's period: only the office may accept it, with its reason
out=$("$GONGKAI" --db "$GONGKAI_DB" app new --agency 慈周寨镇人民政府 --received 2024-03-01 --channel online \
	--confirmed 2024-03-01 --applicant-type np --applicant-name 张三 --contact 13800000001 --request 某信息)
late_id=$(printf '%s\n' "$out" | head -1)
late_code=$(printf '%s\n' "$out" | sed -n 's/^tracking code: *//p')
late_secret=$(printf '%s\n' "$out" | sed -n 's/^tracking secret: *\([A-Z0-9]*\).*/\1/p')
"$GONGKAI" --db "$GONGKAI_DB" app event "$late_id" correction-requested --date 2024-03-04 >/dev/null
JAR="$TMP/late"
get /track
tok=$(csrf_of "$BODY")
post /track --data-urlencode "_csrf=$tok" --data-urlencode "code=$late_code" --data-urlencode "secret=$late_secret"
equals "$CODE" 200 "another applicant signs in"
post /track/correct -F "_csrf=$tok" -F "text=迟到的补正"
equals "$CODE" 409 "REQ 条例-30: a correction after the applicant's period is refused"
contains "$BODY" "补正期限已于 2024-03-25 届满" "…naming the last day"
contains "$BODY" "第三十条" "…and the article"
contains "$BODY" "迟到的补正" "…keeping what was typed"
lacks "$BODY" "$code" "one applicant's sign-in never shows another's application"

as_applicant
get /track
tok=$(csrf_of "$BODY")
post /track/signout --data-urlencode "_csrf=$tok"
equals "$CODE" 303 "the applicant signs out"
get /track
contains "$BODY" 'name="secret"' "…and is asked for the secret again"
forged="$code.9999999999.$(printf '0%.0s' $(seq 64))"
get /track -H "Cookie: gk_track=$forged"
contains "$BODY" 'name="secret"' "a forged sign-in is not accepted"
done_testing

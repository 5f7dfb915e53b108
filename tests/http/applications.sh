#!/usr/bin/env bash
# applications.sh — a citizen applies online (Art. 29 fields, errors kept beside the fields),
# gets a receipt with tracking code and secret, tracks it (no personal data, no notes); staff
# handle it in the console through correction, extension and decision, with the ledger's
# refusals shown as form errors; the reply letter (告知书) is refused without reasons and
# carries the remedy statement; officers see only their organ.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
make_other_organ
# another county, outside the supervisor's, with one application
outside=$("$GONGKAI" --db "$GONGKAI_DB" init --agency-name 外县人民政府 --level county)
"$GONGKAI" --db "$GONGKAI_DB" app generate --count 1 --year 2024 --seed 7 --agency 外县人民政府 >/dev/null
outside_code=$("$GONGKAI" --db "$GONGKAI_DB" app list --agency 外县人民政府 --json | grep -o '"tracking_code": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
town=$(sql "$GONGKAI_DB" "SELECT id FROM agency WHERE name='慈周寨镇人民政府'")
other=$(sql "$GONGKAI_DB" "SELECT id FROM agency WHERE name='其他镇人民政府'")
start_server

get /apply
equals "$CODE" 200 "application form"
for f in applicant_type applicant_name id_number phone address email doc_title doc_no description; do
	contains "$BODY" "<label for=\"f-$f\">" "field $f has a label"
done
tok=$(csrf_of "$BODY")
ag=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')
evil='<script>alert("x")</script>'
sqlm="'; DELETE FROM application; --"

post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=$evil" --data-urlencode "address=$sqlm"
equals "$CODE" 400 "an application without a description is refused"
contains "$BODY" '<a href="#f-description">所需信息的描述：必须填写（条例第二十九条' \
	"the missing description is named (Art. 29), in the ledger's words"
contains "$BODY" 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' "the typed name is kept, escaped"
contains "$BODY" "&#39;; DELETE FROM application; --" "the typed address is kept"
lacks "$BODY" "$evil" "no raw script"

post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=张三" --data-urlencode "id_number=110101199003071234" \
	--data-urlencode "phone=13800000000" --data-urlencode "doc_title=x"
equals "$CODE" 400 "a bad identity number is refused"
contains "$BODY" 'id="f-id_number"' "the form comes back"
contains "$BODY" 'invalid"' "with the field marked"

# one limit, one message: a name of 67 characters (201 bytes) is refused by the public form and
# by the command line alike, in the same words from the application's declaration
long=$(printf '张%.0s' $(seq 67))
n_before=$(sql "$GONGKAI_DB" "SELECT count(*) FROM application")
post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=$long" --data-urlencode "phone=13800000000" --data-urlencode "doc_title=x"
equals "$CODE" 400 "a name over its limit is refused by the form"
limit_msg="最多 200 字节（约 66 个汉字），现有 201 字节"
contains "$BODY" "<a href=\"#f-applicant_name\">申请人姓名或者名称：$limit_msg</a>" \
	"beside the name, with the declaration's label and words"
run 2 "$GONGKAI" --db "$GONGKAI_DB" app new --received 2024-09-27 --channel post --applicant-type np \
	--applicant-name "$long" --contact 13800000000 --request x --agency 慈周寨镇人民政府
contains "$ERR" "--applicant-name（申请人姓名或者名称）: $limit_msg" "the command line refuses it in the same words"
equals "$(sql "$GONGKAI_DB" "SELECT count(*) FROM application")" "$n_before" "neither stored anything"
post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=${long%张}" --data-urlencode "id_number=1101011990030712345" \
	--data-urlencode "phone=13800000000" --data-urlencode "doc_title=x"
equals "$CODE" 400 "an identity number over 18 characters is refused"
contains "$BODY" "<a href=\"#f-id_number\">身份证明号码：最多 18 字节" "by the declaration's limit, beside its field"

post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=$evil" --data-urlencode "phone=13800000000" --data-urlencode "address=$sqlm" \
	--data-urlencode "doc_title=2024年道路修缮工程预算 $evil" --data-urlencode "description=$sqlm"
equals "$CODE" 200 "a complete application is received"
contains "$BODY" "申请回执" "the receipt page"
code=$(printf '%s' "$BODY" | grep -o 'class="code">[^<]*' | head -1 | sed 's/.*>//')
secret=$(printf '%s' "$BODY" | grep -o 'class="code">[^<]*' | sed -n 2p | sed 's/.*>//')
[ -n "$code" ] && [ -n "$secret" ] && ok "receipt shows tracking code and secret" || not_ok "receipt shows tracking code and secret"
contains "$BODY" "答复期限" "and the reply deadline"
contains "$HEADERS" "Cache-Control: no-store" "the receipt is not cached"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app list --json
contains "$OUT" '"channel": "online"' "recorded with channel online"

get /track
tok=$(csrf_of "$BODY")
post /track --data-urlencode "_csrf=$tok" --data-urlencode "code=$code" --data-urlencode "secret=wrong-secret"
equals "$CODE" 404 "a wrong secret finds nothing"
contains "$BODY" "查询码或查询密码不正确" "and says so"
post /track --data-urlencode "_csrf=$tok" --data-urlencode "code=NOPE-NOPE-NOPE" --data-urlencode "secret=$secret"
equals "$CODE" 404 "a wrong code gives the same answer"
post /track --data-urlencode "_csrf=$tok" --data-urlencode "code=$code" --data-urlencode "secret=$secret"
equals "$CODE" 200 "code + secret show the application"
contains "$BODY" "待确认收到" "its state: REQ 条例-31, awaiting the confirmation of its receipt"
contains "$BODY" "以双方确认之日为收到申请之日" "…which the applicant is told"
lacks "$BODY" "alert" "never the applicant's name"
lacks "$BODY" "DELETE FROM" "never the contact or the request"
lacks "$BODY" "13800000000" "never the phone"

id=$("$GONGKAI" --db "$GONGKAI_DB" app list --agency 慈周寨镇人民政府 --json | grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9][0-9]*')

# route × role for the console's application pages
for r in officer reviewer leader admin supervisor other; do
	pw=pw-$r-2024
	login $r $pw
	get /console/applications
	case $r in officer|leader|supervisor|other) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "/console/applications as $r: $want"
	get /console/applications/$id
	case $r in officer|leader|supervisor) want=200 ;; other) want=404 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "/console/applications/ID as $r: $want"
	get /console
	t=$(csrf_of "$BODY")
	post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=consultation-started" --data-urlencode "date=2020-01-01"
	case $r in officer|leader) want=409 ;; other) want=404 ;; *) want=403 ;; esac
	[ "$r" = officer ] || [ "$r" = leader ] && want=409  # a date before receipt
	equals "$CODE" "$want" "POST event as $r: $want"
done

login officer pw-officer-2024
get /console/applications
contains "$BODY" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" "the list shows the applicant escaped"
lacks "$BODY" "$evil" "never raw"
get /console/applications/$id
contains "$BODY" "13800000000" "staff of the organ see the contact"
contains "$BODY" "推算过程" "deadlines with their derivation"
t=$(csrf_of "$BODY")
today=$(date -u -d "+8 hours" +%F)  # Beijing date, as gongkai counts days
contains "$BODY" "待确认收到申请" "REQ 条例-31: the next step is to confirm the receipt"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=extended" --data-urlencode "date=$today" --data-urlencode "approver=李主任"
equals "$CODE" 409 "nothing runs before the receipt is confirmed"
contains "$BODY" "待确认收到" "…and the refusal says why"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=receipt-confirmed" --data-urlencode "date=$today"
equals "$CODE" 303 "the receipt is confirmed"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=extended" --data-urlencode "date=$today"
equals "$CODE" 400 "an extension without approver is refused"
contains "$BODY" 'class="error-summary"' "shown as a form error"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-received" --data-urlencode "date=$today"
equals "$CODE" 409 "a correction answer without a request is refused"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-requested" --data-urlencode "date=$today" --data-urlencode "note=内部备注：$evil"
equals "$CODE" 303 "correction requested"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=correction-received" --data-urlencode "date=$today"
equals "$CODE" 303 "correction received"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=extended" --data-urlencode "date=$today" --data-urlencode "approver=李主任"
equals "$CODE" 303 "extension with approver"
post /console/applications/$id/event --data-urlencode "_csrf=$t" --data-urlencode "kind=extended" --data-urlencode "date=$today" --data-urlencode "approver=李主任"
equals "$CODE" 409 "a second extension is refused"
get /console/applications/$id
contains "$BODY" "内部备注：&lt;script&gt;" "notes shown escaped to staff"
post /console/applications/$id/decide --data-urlencode "_csrf=$t" --data-urlencode "outcome=deny_third_party" --data-urlencode "date=$today"
equals "$CODE" 303 "decided (not disclosed, third party)"
get /console/applications/$id/letter
equals "$CODE" 409 "no letter without reasons"
contains "$BODY" "答复缺少理由" "and the page says what is missing"
post /console/applications/$id/decide --data-urlencode "_csrf=$t" --data-urlencode "outcome=granted" --data-urlencode "date=$today"
equals "$CODE" 409 "deciding twice is refused"

# a second application, decided with reasons: the letter
rm -f "$JAR"
get /apply
tok=$(csrf_of "$BODY")
post /apply --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=biz" \
	--data-urlencode "applicant_name=某某公司" --data-urlencode "email=a@example.com" --data-urlencode "doc_no=慈政发〔2024〕1号"
id2=$("$GONGKAI" --db "$GONGKAI_DB" app list --agency 慈周寨镇人民政府 --json | grep -o '"id": *[0-9]*' | sed -n 2p | grep -o '[0-9][0-9]*')
login officer pw-officer-2024
get /console/applications/$id2
t=$(csrf_of "$BODY")
post /console/applications/$id2/event --data-urlencode "_csrf=$t" --data-urlencode "kind=receipt-confirmed" --data-urlencode "date=$today"
equals "$CODE" 303 "the second application's receipt is confirmed"
post /console/applications/$id2/decide --data-urlencode "_csrf=$t" --data-urlencode "outcome=partial" --data-urlencode "date=$today" --data-urlencode "basis=第二部分涉及个人隐私 $evil"
equals "$CODE" 303 "decided partially with reasons"
get /console/applications/$id2/letter
equals "$CODE" 200 "the reply letter is issued"
contains "$BODY" "政府信息公开申请答复告知书" "titled 告知书"
contains "$BODY" "条例》第三十七条" "with the legal basis"
contains "$BODY" "第二部分涉及个人隐私 &lt;script&gt;" "with the reasons, escaped"
contains "$BODY" "60日内向示范县人民政府申请行政复议" "remedy: reconsideration within 60 days to the superior organ"
contains "$BODY" "6个月内向有管辖权的人民法院提起行政诉讼" "remedy: litigation within 6 months"
lacks "$BODY" "$evil" "never raw"
get /console/applications?state=replied
contains "$BODY" "某某公司" "filter by state"
login supervisor pw-supervisor-2024
get /console/applications/$id2/letter
equals "$CODE" 200 "the county supervisor reads the township's letter"
# the supervisor's choice of organ: their own and the organs under it, nothing else
[ -n "$outside" ] && [ -n "$outside_code" ] && ok "an application of another county ($outside_code)" \
	|| not_ok "an application of another county" "$outside / $outside_code"
get /console/applications
equals "$CODE" 200 "the supervisor's list"
contains "$BODY" "<option value=\"$town\">慈周寨镇人民政府</option>" "offers the township"
contains "$BODY" "<option value=\"$other\">其他镇人民政府</option>" "and the other township under the county"
contains "$BODY" ">示范县人民政府</option>" "and the county itself"
lacks "$BODY" "外县人民政府" "not another county"
lacks "$BODY" "$outside_code" "whose applications are not listed"
get "/console/applications?agency=$town"
equals "$CODE" 200 "the supervisor chooses the township"
contains "$BODY" "<option value=\"$town\" selected>" "shown as chosen"
contains "$BODY" "某某公司" "with its applications"
get "/console/applications?agency=$outside"
equals "$CODE" 404 "an organ outside the supervisor's scope is not found"
lacks "$BODY" "$outside_code" "and none of its applications shown"
lacks "$BODY" "某某公司" "nor the supervisor's own, as if nothing were asked"
get "/console/applications?agency=999999"
equals "$CODE" 404 "nor an organ that does not exist"
login other pw-other-2024
get /console/applications/$id2/letter
equals "$CODE" 404 "another township's officer cannot"
get "/console/applications?agency=$other"
equals "$CODE" 200 "an officer may name their own organ"
lacks "$BODY" 'id="f-agency"' "but is offered no choice"
get "/console/applications?agency=$town"
equals "$CODE" 404 "another organ is not found for an officer"
lacks "$BODY" "某某公司" "and shows nothing of it"
stop_server
done_testing

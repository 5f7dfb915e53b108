#!/usr/bin/env bash
# paper_applications.sh — staff register an application received on paper, in person, by post
# or fax (/console/applications/new): the channel and the date of receipt are recorded and the
# deadlines run from that date on the official calendar (the same as `gongkai deadline`);
# every mistake is a form error beside its field with what was typed kept, and nothing is
# stored; CSRF and roles are enforced; typed text comes back escaped.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
export GONGKAI_TODAY=2024-10-08
make_db
start_server
evil='<script>alert("x")</script>'
# register FIELD=VALUE...: post the registration form with the CSRF token $tok
register() {
	local a=(--data-urlencode "_csrf=$tok") kv
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	post /console/applications/new "${a[@]}"
}
count() { "$GONGKAI" --db "$GONGKAI_DB" app list --json | grep -c '"tracking_code"'; }

# roles: anonymous → sign in; reviewer, admin, supervisor → 403; officer and leader may register
get /console/applications/new
equals "$CODE" 303 "anonymous: sent to the login"
contains "$HEADERS" "Location: /console/login" "the login page"
for r in reviewer admin supervisor; do
	login $r pw-$r-2024
	get /console/applications/new
	equals "$CODE" 403 "GET /console/applications/new as $r: 403"
	get /console
	t=$(csrf_of "$BODY")
	post /console/applications/new --data-urlencode "_csrf=$t" --data-urlencode "channel=post" \
		--data-urlencode "received=2024-09-27" --data-urlencode "applicant_type=np" \
		--data-urlencode "applicant_name=越权" --data-urlencode "phone=1" --data-urlencode "doc_title=x"
	equals "$CODE" 403 "POST /console/applications/new as $r: 403"
done
login leader pw-leader-2024
get /console/applications/new
equals "$CODE" 200 "a leader may register"
login officer pw-officer-2024
get /console/applications
contains "$BODY" 'href="/console/applications/new"' "the list links to the registration form"
get /console/applications/new
equals "$CODE" 200 "an officer may register"
for f in channel received applicant_type applicant_name id_number phone address email doc_title doc_no description medium delivery; do
	contains "$BODY" "<label for=\"f-$f\">" "field $f has a label"
done
contains "$BODY" '<option value="fax">传真</option>' "channels are the ledger's codes"
contains "$BODY" 'value="2024-10-08"' "the date received defaults to today"
tok=$(csrf_of "$BODY")
n0=$(count)

# CSRF missing
post /console/applications/new --data-urlencode "channel=post" --data-urlencode "received=2024-09-27" \
	--data-urlencode "applicant_type=np" --data-urlencode "applicant_name=张三" --data-urlencode "phone=1" --data-urlencode "doc_title=x"
equals "$CODE" 403 "a registration without the CSRF token: 403"

# form errors name the field, keep what was typed and store nothing
register "channel=post" "received=2024-09-27" "applicant_type=np" "address=$evil" \
	"doc_title=道路修缮 $evil"
equals "$CODE" 400 "REQ 条例-29: a registration without the applicant's name is refused"
contains "$BODY" '<a href="#f-applicant_name">申请人姓名或者名称：' "the summary names the field"
contains "$BODY" 'field invalid"' "and the field is marked"
contains "$BODY" 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' "the typed address is kept, escaped"
contains "$BODY" 'value="道路修缮 &lt;script&gt;' "the typed title is kept, escaped"
contains "$BODY" 'value="2024-09-27"' "the typed date is kept"
contains "$BODY" '<option value="post" selected>' "the chosen channel is kept"
lacks "$BODY" "$evil" "no raw script"
register "channel=post" "received=2024-02-30" "applicant_type=np" "applicant_name=张三" \
	"phone=13800000000" "doc_title=x"
equals "$CODE" 400 "an impossible date (2024-02-30) is refused"
contains "$BODY" '<a href="#f-received">收到日期：' "naming the date received"
contains "$BODY" 'value="2024-02-30"' "with the typed date kept"
register "channel=post" "received=2024-10-09" "applicant_type=np" "applicant_name=张三" \
	"phone=13800000000" "doc_title=x"
equals "$CODE" 400 "a date received in the future is refused"
contains "$BODY" '<a href="#f-received">收到日期：2024-10-09 晚于今天（2024-10-08）' "and says so beside the field, as the ledger words it"
register "channel=pigeon" "received=2024-09-27" "applicant_type=np" "applicant_name=张三" \
	"phone=13800000000" "doc_title=x"
equals "$CODE" 400 "an unknown channel is refused"
contains "$BODY" '<a href="#f-channel">申请渠道：' "naming the channel"
register "channel=post" "received=2024-09-27" "applicant_type=np" "applicant_name=张三" "doc_title=x"
equals "$CODE" 400 "REQ 条例-29: a registration without any contact is refused"
contains "$BODY" '<a href="#f-phone">联系方式：必须填写（条例第二十九条：电话、通信地址或电子邮箱至少一种）' \
	"the ledger's rule and words, as on the command line, beside the first contact field"
register "channel=post" "received=2024-09-27" "applicant_type=np" "applicant_name=张三" \
	"phone=13800000000" "doc_title=x" "id_number=110101199003071234"
equals "$CODE" 400 "a bad identity number is refused by the ledger"
contains "$BODY" '<a href="#f-id_number">' "beside the identity number"
equals "$(count)" "$n0" "nothing was stored by the refused registrations"

# a letter received on Friday 2024-09-27, before 国庆: the reply clock of the official calendar
register "channel=post" "received=2024-09-27" "applicant_type=biz" "applicant_name=某某公司 $evil" \
	"address=某市某路1号" "doc_title=2024年道路修缮工程预算" "medium=纸质" "delivery=邮寄"
equals "$CODE" 200 "REQ 条例-31: a letter is registered with its date of receipt"
contains "$HEADERS" "Cache-Control: no-store" "the receipt is never cached"
pcode=$(printf '%s' "$BODY" | sed -n 's/.*查询码：<span class="code">\([^<]*\)<.*/\1/p')
psecret=$(printf '%s' "$BODY" | sed -n 's/.*查询密码：<span class="code">\([^<]*\)<.*/\1/p')
[ -n "$pcode" ] && [ -n "$psecret" ] && ok "the receipt shows the tracking code and the one-time secret for the applicant" \
	|| not_ok "the receipt shows the tracking code and the one-time secret for the applicant" "$BODY"
contains "$BODY" "某某公司 &lt;script&gt;" "the receipt names the applicant, escaped"
loc=$(printf '%s' "$BODY" | grep -o 'href="/console/applications/[0-9]*"' | head -1 | sed 's/href="//; s/"$//')
case "$loc" in /console/applications/[0-9]*) ok "the receipt links to the application's page" ;; *) not_ok "the receipt links to the application's page" "$loc" ;; esac
run 0 "$GONGKAI" deadline --received 2024-09-27 --json
due=$(printf '%s' "$OUT" | sed -n 's/.*"reply_due": "\([0-9-]*\)".*/\1/p')
contains "$BODY" "答复期限：$due" "the receipt states the reply deadline ($due)"
get "$loc"
equals "$CODE" 200 "the application's page"
contains "$BODY" "2024-09-27（邮寄）" "shows the date received and the channel"
contains "$BODY" "<dt>答复期限</dt><dd>$due</dd>" "REQ 条例-33: the reply is due when \`gongkai deadline\` says ($due)"
contains "$BODY" "10-01" "the derivation passes the 国庆 holidays"
contains "$BODY" "某某公司 &lt;script&gt;" "the name is shown escaped"
lacks "$BODY" "$evil" "never raw"
contains "$BODY" "<dt>联系方式</dt><dd>通信地址：某市某路1号</dd>" "REQ 条例-29: the contact under the declaration's label"
contains "$BODY" "<dt>所需信息的描述</dt><dd>信息名称：2024年道路修缮工程预算</dd>" "the information asked for"
contains "$BODY" "<dt>形式要求（提供方式）</dt><dd>载体：纸质；获取方式：邮寄</dd>" "the form asked for"
lacks "$BODY" "<dt>身份证明号码</dt>" "no identity number given, none shown"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app list --json
contains "$OUT" '"channel": "post"' "the ledger records channel post"
contains "$OUT" '"received": "2024-09-27"' "and the date received"
equals "$(count)" "$((n0 + 1))" "exactly one application stored"
get /console/applications
contains "$BODY" "某某公司 &lt;script&gt;" "the list shows it, escaped"

# a fax confirmed on a Saturday: day 1 is the next working day
register "channel=fax" "received=2024-09-28" "confirmed=2024-09-28" "applicant_type=np" "applicant_name=李四" \
	"phone=13900000000" "doc_no=慈政发〔2024〕1号"
equals "$CODE" 200 "a fax received on a Saturday"
loc=$(printf '%s' "$BODY" | grep -o 'href="/console/applications/[0-9]*"' | head -1 | sed 's/href="//; s/"$//')
run 0 "$GONGKAI" deadline --received 2024-09-28 --json
due=$(printf '%s' "$OUT" | sed -n 's/.*"reply_due": "\([0-9-]*\)".*/\1/p')
get "$loc"
contains "$BODY" "2024-09-28（传真）" "recorded as a fax"
contains "$BODY" "<dt>答复期限</dt><dd>$due</dd>" "due when \`gongkai deadline\` says ($due)"

# REQ 条例-31: a fax not yet confirmed has no date of receipt and no reply clock
register "channel=fax" "received=2024-10-08" "applicant_type=np" "applicant_name=周七" "phone=13900000001" "doc_title=村务公开"
equals "$CODE" 200 "a fax registered before its receipt is confirmed"
contains "$BODY" "尚待确认：以双方确认之日为收到申请之日（条例第三十一条），请于 2024-10-10 前与申请人确认" \
	"the receipt says it awaits confirmation and by when (2 working days, the default)"
lacks "$BODY" "答复期限：" "…and gives no reply deadline yet"
floc=$(printf '%s' "$BODY" | grep -o 'href="/console/applications/[0-9]*"' | head -1 | sed 's/href="//; s/"$//')
get "$floc"
contains "$BODY" "尚未确认：2024-10-08 经传真提交" "the application page says its receipt is not confirmed"
contains "$BODY" 'id="act-receipt-confirmed"' "and offers the confirmation beside it"
contains "$BODY" "应于 2024-10-10 前与申请人确认" "with its time limit"
register "channel=in-person" "received=2024-10-08" "confirmed=2024-10-08" "applicant_type=np" "applicant_name=周八" "phone=13900000002" "doc_title=x"
equals "$CODE" 400 "a confirmation date for an in-person application is refused"
contains "$BODY" "不需要确认收到" "…saying why"

# the applicant tracks the paper application with the code and secret from the receipt
rm -f "$JAR"
get /track
t=$(csrf_of "$BODY")
post /track --data-urlencode "_csrf=$t" --data-urlencode "code=$pcode" --data-urlencode "secret=$psecret"
equals "$CODE" 200 "the paper applicant tracks the application online"
contains "$BODY" "$due" "…and sees the reply deadline"
lacks "$BODY" "某某公司" "…without personal data"

# the public form is unchanged: channel online, received today
rm -f "$JAR"
get /apply
t=$(csrf_of "$BODY")
ag=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')
post /apply --data-urlencode "_csrf=$t" --data-urlencode "agency=$ag" --data-urlencode "applicant_type=np" \
	--data-urlencode "applicant_name=王五" --data-urlencode "email=w@example.com" --data-urlencode "description=x" \
	--data-urlencode "channel=post" --data-urlencode "received=2024-09-01"
equals "$CODE" 200 "an online application"
contains "$BODY" "于 2024-10-08 通过互联网渠道提交" "the receipt gives the day it was submitted"
contains "$BODY" "以双方确认之日为收到申请之日" "REQ 条例-31: and says the date of receipt is the day both sides confirm"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app list --json
contains "$OUT" '"received": "2024-10-08"' "the public cannot choose the date received"
contains "$OUT" '"state": "awaiting-confirmation"' "an online application waits for its confirmation"
contains "$OUT" '"channel": "online"' "nor the channel"
stop_server
done_testing

#!/usr/bin/env bash
# feedback.sh — /feedback stores suggestions and complaints in the feedback register with a
# reference number; errors come back beside the field keeping what was typed; public forms are
# rate-limited per address.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server --form-limit 4 --behind-proxy

get /feedback
equals "$CODE" 200 "feedback form"
contains "$BODY" "慈周寨镇人民政府" "offers the organs of the platform"
contains "$BODY" '<label for="f-text">意见内容</label>' "text field labelled"
tok=$(csrf_of "$BODY")
ag=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')

post /feedback --data-urlencode "agency=$ag" --data-urlencode "text=路灯坏了"
equals "$CODE" 403 "no CSRF token: 403"

evil='<img src=x onerror=alert(1)> '"'"'; DROP TABLE feedback; --'
post /feedback --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=" --data-urlencode "contact=$evil"
equals "$CODE" 400 "empty text is refused"
contains "$BODY" "请填写意见内容" "naming the field"
contains "$BODY" 'value="&lt;img src=x onerror=alert(1)&gt; &#39;; DROP TABLE feedback; --"' "what was typed is kept, escaped"
lacks "$BODY" "<img src=x" "no raw markup injected"

post /feedback --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=$evil 村口路灯不亮" --data-urlencode "contact=13800000000"
equals "$CODE" 200 "feedback accepted"
contains "$BODY" "登记编号" "a reference number is given"
ref=$(printf '%s' "$BODY" | grep -o 'FB[0-9]*-[0-9]*' | head -1)
contains "$ref" "FB" "reference number looks like FByyyy-nnnnn"
run 0 "$GONGKAI" --db "$GONGKAI_DB" register feedback list --agency 慈周寨镇人民政府
contains "$OUT" "$ref" "the entry is in the feedback register"
contains "$OUT" "DROP TABLE feedback" "SQL metacharacters stored as plain text"

post /feedback --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第三条"
post /feedback --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第四条"
equals "$CODE" 200 "the fourth post within the limit is accepted"
post /feedback --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=第五条"
equals "$CODE" 429 "the fifth post in ten minutes is rate-limited"
contains "$HEADERS" "Retry-After: 600" "with Retry-After"
post /feedback -H "X-Forwarded-For: 203.0.113.9" --data-urlencode "_csrf=$tok" --data-urlencode "agency=$ag" --data-urlencode "text=另一位群众"
equals "$CODE" 200 "behind a proxy another client address is not limited"
stop_server
done_testing

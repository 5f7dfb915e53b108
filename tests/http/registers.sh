#!/usr/bin/env bash
# registers.sh — the registers in the console (登记簿): every route × role (anonymous, reviewer
# and admin refused; supervisor reads), for each of the six registers an entry added through
# the form, listed, edited; refusals by the register's rules beside the field with nothing
# stored; CSV import (count; a bad line 3 stores nothing and is named); removal only when
# confirmed; CSRF; script injection escaped on the list and edit pages; another organ's
# entries neither seen nor changed.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server
evil='<script>alert("r")</script>'
esc='&lt;script&gt;alert(&quot;r&quot;)&lt;/script&gt;'
regs="normdoc decision fee case feedback news"

# One valid entry per register, as form arguments; every text field carries the script.
entry() {
	case $1 in
	normdoc) echo "kind=normdoc issued=2024-03-01 doc_no=慈政规〔2024〕1号$evil title=关于村级事务$evil" ;;
	decision) echo "kind=penalty date=2024-05-06 doc_no=慈罚〔2024〕3号$evil title=占道经营$evil" ;;
	fee) echo "date=2024-06-01 amount=120.50 item=复印费$evil" ;;
	case) echo "kind=rev filed=2024-07-01 case_no=慈复〔2024〕2号$evil note=申请人不服答复$evil" ;;
	feedback) echo "ref_no=$evil channel=hotline received=2024-08-01 text=路灯坏了$evil contact=张先生$evil" ;;
	news) echo "platform=政府网站$evil date=2024-09-01 title=秋收动员会$evil url=https://example.cn/$evil" ;;
	esac
}
# form_args "a=b c=d" → --data-urlencode a=b --data-urlencode c=d (values without spaces)
form_args() {
	local kv
	ARGS=()
	for kv in $1; do ARGS+=(--data-urlencode "$kv"); done
}
count_rows() { sql "$GONGKAI_DB" "SELECT count(*) FROM reg_$1"; }

# ---- route × role
for r in officer reviewer leader admin supervisor; do
	login $r pw-$r-2024
	get /console
	t=$(csrf_of "$BODY")
	case $r in officer|leader|supervisor) contains "$BODY" 'href="/console/registers"' "$r has the 登记簿 link" ;;
	*) lacks "$BODY" 'href="/console/registers"' "$r has no 登记簿 link" ;; esac
	case $r in officer|leader|supervisor) want=200 ;; *) want=403 ;; esac
	get /console/registers
	equals "$CODE" "$want" "/console/registers as $r: $want"
	get /console/registers/news
	equals "$CODE" "$want" "/console/registers/news as $r: $want"
	case $r in officer|leader) want=200 ;; *) want=403 ;; esac
	get /console/registers/news/new
	equals "$CODE" "$want" "/console/registers/news/new as $r: $want"
	case $r in officer|leader) want=400 ;; *) want=403 ;; esac
	post /console/registers/news/new --data-urlencode "_csrf=$t"
	equals "$CODE" "$want" "POST /console/registers/news/new (empty) as $r: $want"
	post /console/registers/news/import -F "_csrf=$t"
	equals "$CODE" "$want" "POST /console/registers/news/import (no file) as $r: $want"
	case $r in officer|leader|supervisor) want=404 ;; *) want=403 ;; esac
	get /console/registers/news/999999
	equals "$CODE" "$want" "/console/registers/news/999999 as $r: $want"
	case $r in officer|leader) want=404 ;; *) want=403 ;; esac
	post /console/registers/news/999999 --data-urlencode "_csrf=$t"
	equals "$CODE" "$want" "POST /console/registers/news/999999 as $r: $want"
	post /console/registers/news/999999/remove --data-urlencode "_csrf=$t" --data-urlencode "confirm=yes"
	equals "$CODE" "$want" "POST /console/registers/news/999999/remove as $r: $want"
done
rm -f "$JAR"
for p in /console/registers /console/registers/news /console/registers/news/new /console/registers/news/1; do
	get $p
	equals "$CODE" 303 "anonymous GET $p: to the login"
done
get /console/login
t=$(csrf_of "$BODY")
for p in /console/registers/news/new /console/registers/news/import /console/registers/news/1 /console/registers/news/1/remove; do
	post $p --data-urlencode "_csrf=$t"
	equals "$CODE" 403 "anonymous POST $p: 403"
done

login officer pw-officer-2024
get /console/registers/nosuch
equals "$CODE" 404 "an unknown register is 404"
get /console/registers
contains "$BODY" "行政复议、行政诉讼" "the index names the registers"
t=$(csrf_of "$BODY")

# ---- CSRF
post /console/registers/news/new --data-urlencode "platform=x" --data-urlencode "date=2024-01-01" --data-urlencode "title=y"
equals "$CODE" 403 "add without CSRF token: 403"
post /console/registers/news/new --data-urlencode "_csrf=$(wrong_token "$t")" --data-urlencode "platform=x" --data-urlencode "date=2024-01-01" --data-urlencode "title=y"
equals "$CODE" 403 "add with a wrong CSRF token: 403"
equals "$(count_rows news)" 0 "nothing stored without a valid token"

# ---- add, list, edit for every register
for reg in $regs; do
	get /console/registers/$reg/new
	equals "$CODE" 200 "$reg: the add form"
	contains "$BODY" '<label for="f-' "$reg: the form has labelled fields"
	form_args "$(entry $reg)"
	post /console/registers/$reg/new --data-urlencode "_csrf=$t" "${ARGS[@]}"
	equals "$CODE" 303 "$reg: an entry is added"
	loc=$(printf '%s\n' "$HEADERS" | sed -n 's/^Location: //p')
	id=${loc##*#e-}
	get /console/registers/$reg
	equals "$CODE" 200 "$reg: the list"
	contains "$BODY" "id=\"e-$id\"" "$reg: the new entry is listed"
	contains "$BODY" "$esc" "$reg: text shown escaped on the list"
	lacks "$BODY" "$evil" "$reg: never raw on the list"
	get /console/registers/$reg/$id
	equals "$CODE" 200 "$reg: the entry's form"
	contains "$BODY" "$esc" "$reg: text shown escaped in the edit form"
	lacks "$BODY" "$evil" "$reg: never raw in the edit form"
	eval "entry_$reg=$id"
done

# edit: the change is seen; the rest is kept
get /console/registers/news/$entry_news
contains "$BODY" 'value="2024-09-01"' "news: the form is prefilled"
post /console/registers/news/$entry_news --data-urlencode "_csrf=$t" --data-urlencode "platform=微信公众号" \
	--data-urlencode "date=2024-09-02" --data-urlencode "title=秋收动员会（更正）"
equals "$CODE" 303 "news: the entry is changed"
get /console/registers/news
contains "$BODY" "秋收动员会（更正）" "news: the change is listed"
contains "$BODY" "微信公众号" "news: with the new platform"
post /console/registers/case/$entry_case --data-urlencode "_csrf=$t" --data-urlencode "kind=rev" \
	--data-urlencode "filed=2024-07-01" --data-urlencode "result=upheld" --data-urlencode "closed=2024-08-15"
equals "$CODE" 303 "case: closed with its result"
get /console/registers/case
contains "$BODY" "结果维持" "case: the result is listed by its name"
contains "$BODY" "2024-08-15" "case: with the closing date"
post /console/registers/fee/$entry_fee --data-urlencode "_csrf=$t" --data-urlencode "date=2024-06-01" --data-urlencode "amount=99.9" --data-urlencode "item=工本费"
equals "$CODE" 303 "fee: the amount is changed"
get /console/registers/fee
contains "$BODY" "99.90" "fee: the new amount is listed"

# ---- refusals by the register's rules: beside the field, typed values kept, nothing stored
before=$(count_rows normdoc)
post /console/registers/normdoc/new --data-urlencode "_csrf=$t" --data-urlencode "kind=rule" \
	--data-urlencode "issued=2024-02-30" --data-urlencode "doc_no=慈政规〔2024〕9号" --data-urlencode "title=保留的标题"
equals "$CODE" 400 "normdoc: an impossible date is refused"
contains "$BODY" "制发日期：" "the summary names the field"
contains "$BODY" '<div class="field invalid">
    <label for="f-issued">' "the error is beside the date field"
contains "$BODY" "no such date" "with the register's reason"
contains "$BODY" 'value="保留的标题"' "what was typed is kept"
contains "$BODY" 'value="rule" selected' "the chosen kind is kept"
equals "$(count_rows normdoc)" "$before" "nothing stored"
post /console/registers/decision/new --data-urlencode "_csrf=$t" --data-urlencode "kind=$evil" --data-urlencode "date=2024-01-05"
equals "$CODE" 400 "decision: an unknown kind is refused"
contains "$BODY" "类别：" "naming the field"
lacks "$BODY" "$evil" "the refusal quoting it is escaped"
post /console/registers/news/new --data-urlencode "_csrf=$t" --data-urlencode "platform=政府网站" --data-urlencode "date=2024-01-05"
equals "$CODE" 400 "news: a missing title is refused"
contains "$BODY" "标题：必须填写（title）" "naming the field"
post /console/registers/case/new --data-urlencode "_csrf=$t" --data-urlencode "kind=rev" \
	--data-urlencode "filed=2024-07-01" --data-urlencode "closed=2024-06-01" --data-urlencode "result=upheld"
equals "$CODE" 400 "case: closed before filed is refused"
contains "$BODY" "审结日期：" "naming the closing date"
post /console/registers/news/$entry_news --data-urlencode "_csrf=$t" --data-urlencode "platform=政府网站" --data-urlencode "date=2024-13-01" --data-urlencode "title=不应保存"
equals "$CODE" 400 "news: an edit with a bad date is refused"
contains "$BODY" 'value="不应保存"' "the edit form keeps what was typed"
get /console/registers/news
lacks "$BODY" "不应保存" "and the entry is unchanged"

# ---- CSV import
printf 'platform,date,title\n政府网站,2024-02-01,一号通知\n微信公众号,2024-02-02,二号通知\n' >"$TMP/good.csv"
printf 'platform,date,title\n政府网站,2024-03-01,三号通知\n政府网站,2024-02-30,四号通知\n' >"$TMP/bad.csv"
before=$(count_rows news)
post /console/registers/news/import -F "_csrf=$t" -F "csv=@$TMP/bad.csv;type=text/csv"
equals "$CODE" 400 "a CSV with a bad line is refused"
contains "$BODY" "第 3 行" "naming line 3"
contains "$BODY" "date" "and the column"
equals "$(count_rows news)" "$before" "no line of it stored"
post /console/registers/news/import -F "_csrf=$t" -F "csv=@$TMP/good.csv;type=text/csv"
equals "$CODE" 303 "a good CSV is imported, answered with a redirect"
loc=$(printf '%s\n' "$HEADERS" | sed -n 's/^Location: //p')
equals "$loc" "/console/registers/news?imported=2" "to the register's list, with the count"
get "$loc"
equals "$CODE" 200 "the list after the import"
contains "$BODY" "已导入 2 条登记" "says how many were imported"
contains "$BODY" "二号通知" "the imported entries are listed"
equals "$(count_rows news)" "$((before + 2))" "both stored"
get "$loc"
equals "$(count_rows news)" "$((before + 2))" "reloading the page stores nothing more"
equals "$(grep -c '二号通知' <<<"$BODY")" 1 "and lists the entry once"
get "/console/registers/news?imported=$evil"
equals "$CODE" 400 "a count that is not a number is refused"
lacks "$BODY" "$evil" "never shown raw"
lacks "$BODY" "条登记" "nor as a count"
post /console/registers/news/import -F "_csrf=$t"
equals "$CODE" 400 "an import without a file is refused"
contains "$BODY" "请选择要上传的CSV 文件" "saying so"

# paging: 50 entries a page, newest first
{ echo "kind,date"; for i in $(seq 10 64); do printf "licensing,2024-01-%02d\n" $(( i % 28 + 1 )); done; } >"$TMP/many.csv"
post /console/registers/decision/import -F "_csrf=$t" -F "csv=@$TMP/many.csv"
contains "$HEADERS" "Location: /console/registers/decision?imported=55" "55 decisions imported"
get /console/registers/decision
equals "$(grep -o '<tr id="e-' <<<"$BODY" | wc -l)" 50 "the first page shows 50"
contains "$BODY" 'rel="next"' "with a link to the next page"
lacks "$BODY" "id=\"e-$entry_decision\"" "the oldest entry is not on the first page"
get "/console/registers/decision?page=2"
equals "$(grep -o '<tr id="e-' <<<"$BODY" | wc -l)" 6 "the second page the other 6"
contains "$BODY" "id=\"e-$entry_decision\"" "ending with the oldest entry"
lacks "$BODY" 'rel="next"' "and no further page"

# ---- removal only when confirmed
post /console/registers/news/$entry_news/remove --data-urlencode "_csrf=$t"
equals "$CODE" 400 "removal without confirmation is refused"
get /console/registers/news
contains "$BODY" "id=\"e-$entry_news\"" "the entry is still there"
post /console/registers/news/$entry_news/remove --data-urlencode "_csrf=$t" --data-urlencode "confirm=yes"
equals "$CODE" 303 "a confirmed removal"
get /console/registers/news
lacks "$BODY" "id=\"e-$entry_news\"" "the entry is gone"

# ---- another organ: the county's entries are not the township officer's
"$GONGKAI" --db "$GONGKAI_DB" register news add --agency 示范县人民政府 --platform 县政府网站 --date 2024-04-01 --title 县里的新闻 >/dev/null
cid=$(sql "$GONGKAI_DB" "SELECT id FROM reg_news WHERE title='县里的新闻'")
get /console/registers/news
lacks "$BODY" "县里的新闻" "an officer does not see another organ's entry"
county=$(sql "$GONGKAI_DB" "SELECT id FROM agency WHERE name='示范县人民政府'")
get "/console/registers/news?agency=$county"
equals "$CODE" 404 "asking for another organ's register: not found"
lacks "$BODY" "县里的新闻" "nor its entries shown"
get "/console/registers?agency=$county"
equals "$CODE" 404 "nor its index of registers"
get "/console/registers/news/$cid?agency=$county"
equals "$CODE" 404 "nor its entry by naming the organ"
lacks "$BODY" "县里的新闻" "whose text is not shown"
get /console/registers/news/$cid
equals "$CODE" 404 "nor open it"
post /console/registers/news/$cid --data-urlencode "_csrf=$t" --data-urlencode "platform=x" --data-urlencode "date=2024-04-01" --data-urlencode "title=改了"
equals "$CODE" 404 "nor change it"
post /console/registers/news/$cid/remove --data-urlencode "_csrf=$t" --data-urlencode "confirm=yes"
equals "$CODE" 404 "nor remove it"
equals "$(sql "$GONGKAI_DB" "SELECT title FROM reg_news WHERE id=$cid")" "县里的新闻" "the county's entry is untouched"

# a 行政规范性文件 published in the catalogue is its own register entry, changed through the document
G() { "$GONGKAI" --db "$GONGKAI_DB" "$@" >/dev/null 2>"$TMP/err" || echo "FAILED: $* $(cat "$TMP/err")"; }
echo 各村：现将办法印发给你们。 >"$TMP/body.txt"
out=$(G doc add --title 慈周寨镇宅基地管理办法 --body-file "$TMP/body.txt" --doc-number "慈政规〔2024〕5号" \
	--formed 2024-04-01 --genre 行政规范性文件 --agency 慈周寨镇人民政府 --by officer
G doc submit 1 --by officer
G doc review 1 --stage first --by reviewer --decision approve
G doc review 1 --stage second --by leader --decision approve
G doc review 1 --stage final --by leader2 --decision approve --secrecy-checked
G doc publish 1 --by officer)
equals "$out" "" "a 行政规范性文件 is published through the CLI"
nid=$(sql "$GONGKAI_DB" "SELECT id FROM reg_normdoc WHERE document_id IS NOT NULL")
get /console/registers/normdoc
contains "$BODY" "慈周寨镇宅基地管理办法" "the published document is listed in the register"
contains "$BODY" 'href="/console/documents/1">随目录文件变更' "linked to the document instead of a form"
post /console/registers/normdoc/$nid --data-urlencode "_csrf=$t" --data-urlencode "kind=normdoc" \
	--data-urlencode "issued=2024-04-01" --data-urlencode "doc_no=改过的文号" --data-urlencode "title=改过的名称"
equals "$CODE" 409 "its entry cannot be changed through the register"
contains "$BODY" "请在文件中修改" "saying where to change it"
get /console/registers/normdoc
lacks "$BODY" "改过的名称" "the entry is unchanged"

# the supervisor (county) reads the township's registers, and writes nothing
login supervisor pw-supervisor-2024
get /console/registers/news
contains "$BODY" "县里的新闻" "the supervisor sees the county's own entries"
town=$(sql "$GONGKAI_DB" "SELECT id FROM agency WHERE name='慈周寨镇人民政府'")
get "/console/registers/news?agency=$town"
contains "$BODY" "二号通知" "and the township's"
lacks "$BODY" "新增登记" "without a way to add"
get "/console/registers?agency=$town"
contains "$BODY" "/console/registers/news?agency=$town" "the index follows the chosen organ"
# the choice of organ: the supervisor's own and those under it, never another county's
out=$(G init --agency-name 外县人民政府 --level county
G register news add --agency 外县人民政府 --platform 外县网站 --date 2024-04-02 --title 外县的新闻)
equals "$out" "" "another county with a register entry, through the CLI"
outside=$(sql "$GONGKAI_DB" "SELECT id FROM agency WHERE name='外县人民政府'")
get /console/registers/news
contains "$BODY" "<option value=\"$town\">慈周寨镇人民政府</option>" "the supervisor may choose the township"
contains "$BODY" "<option value=\"$county\" selected>示范县人民政府</option>" "and their own organ, chosen"
lacks "$BODY" "外县人民政府" "not an organ outside their scope"
get /console/registers
lacks "$BODY" "外县人民政府" "nor on the index"
for p in "/console/registers/news?agency=$outside" "/console/registers?agency=$outside" \
	"/console/registers/news/$(sql "$GONGKAI_DB" "SELECT id FROM reg_news WHERE title='外县的新闻'")?agency=$outside"; do
	get "$p"
	equals "$CODE" 404 "an organ outside the supervisor's scope: $p not found"
	lacks "$BODY" "外县的新闻" "and nothing of it shown"
done
# an entry read-only: no form, no removal
tid=$(sql "$GONGKAI_DB" "SELECT id FROM reg_news WHERE title='二号通知'")
get /console/registers/news?agency=$town
contains "$BODY" "href=\"/console/registers/news/$tid?agency=$town\"" "the supervisor's list links each entry"
get "/console/registers/news/$tid?agency=$town"
equals "$CODE" 200 "the supervisor opens the township's entry"
contains "$BODY" "<dd>二号通知</dd>" "and reads it"
contains "$BODY" "<dd>微信公众号</dd>" "every field"
lacks "$BODY" 'action="/console/registers/news/' "with no form to change it"
lacks "$BODY" "/remove" "nor to remove it"
get "/console/registers/news/$cid"
equals "$CODE" 200 "the supervisor opens their own organ's entry"
contains "$BODY" "<dd>县里的新闻</dd>" "read-only as well"
lacks "$BODY" 'name="title"' "without fields to type in"
get "/console/registers/news/$tid"
equals "$CODE" 404 "the township's entry is not the county's"
login leader pw-leader-2024
get /console/registers/feedback
contains "$BODY" "路灯坏了" "a leader of the organ sees its entries"
stop_server
done_testing

#!/usr/bin/env bash
# documents.sh — 主动公开 through the console: an officer writes a draft (multipart, with an
# attachment), submits it; 初审, 复审 and 终审 by three other people (终审 refused without the
# 保密审查); the officer publishes; the public then finds it in the catalogue, on its page
# and by search with highlighted snippets. Role × route for every documents page.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server
evil='<script>alert("d")</script>'

# route × role
for r in officer reviewer leader admin supervisor; do
	login $r pw-$r-2024
	get /console/documents
	equals "$CODE" 200 "/console/documents as $r: 200"
	get /console/documents/new
	case $r in officer) want=200 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "/console/documents/new as $r: $want"
done
rm -f "$JAR"
get /console/documents
equals "$CODE" 303 "anonymous: documents redirect to login"

login officer pw-officer-2024
get /console/documents/new
t=$(csrf_of "$BODY")
# The form names and bounds each field as the declaration of a document does (and so as the
# command line and the domain's messages do).
contains "$BODY" '<label for="f-withheld_reason">不予公开的理由（不予公开时必填）</label>' "the form labels the reason as declared"
contains "$BODY" '<label for="f-genre">体裁分类</label>' "and the genre"
contains "$BODY" 'name="doc_no" value="" maxlength="200"' "a 文号 is bounded by its declared 200 bytes"
contains "$BODY" 'name="withheld_reason" maxlength="2000"' "a reason by its 2,000"
echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' | base64 -d >"$TMP/map.png"
post /console/documents/new -F "_csrf=$t" -F "title=" -F "genre=通知"
equals "$CODE" 400 "a draft without a title is refused"
contains "$BODY" "请填写名称" "naming the field"
long=$(python3 -c "print('理' * 2700)")
post /console/documents/new -F "_csrf=$t" -F "title=x" -F "genre=通知" -F "body=正文" \
	-F "disclosure=withheld" -F "withheld_reason=$long"
equals "$CODE" 400 "a reason of more than four times its declared limit is refused by the route"
contains "$BODY" "不予公开的理由过长：最多 8000 字节" "in the declaration's words"
# The domain's rules, in the same words as on the command line, marked beside their fields.
post /console/documents/new -F "_csrf=$t" -F "title=涉密事项" -F "genre=通知" -F "body=正文" \
	-F "disclosure=withheld" -F "withheld_reason=涉及国家秘密"
equals "$CODE" 400 "不予公开 without its legal ground is refused"
contains "$BODY" 'id="e-withheld_ground">不予公开须写明法律依据' "the message stands beside the 不予公开依据 field"
contains "$BODY" 'id="f-withheld_reason" name="withheld_reason"' "the form keeps its reason field"
contains "$BODY" ">涉及国家秘密</textarea>" "and the reason typed"
long=$(python3 -c "print('〔' * 67)")
post /console/documents/new -F "_csrf=$t" -F "title=x" -F "genre=通知" -F "body=正文" -F "doc_no=$long"
equals "$CODE" 400 "a 文号 over 200 bytes is refused"
contains "$BODY" 'id="e-doc_no">最多 200 字节（约 66 个汉字），现有 201 字节' "beside the 文号 field, in the command line's words"
post /console/documents/new -F "_csrf=$t" -F "title=x" -F "genre=行政规范性文件" -F "body=正文"
equals "$CODE" 400 "a normative document without its 文号 is refused"
contains "$BODY" 'id="e-doc_no">行政规范性文件须有文号' "beside the 文号 field"
post /console/documents/new -F "_csrf=$t" -F "title=关于开展秋季防火工作的通知 $evil" -F "genre=通知" \
	-F "doc_no=慈政发〔2024〕8号" -F "publisher=慈周寨镇人民政府" -F "signed_date=$(date -u -d "+8 hours" +%F)" \
	-F "topic=综合政务" -F "body=各村：为做好秋季森林防火工作，现通知如下。$evil" -F "attachment=@$TMP/map.png"
equals "$CODE" 303 "the draft is saved"
loc=$(printf '%s\n' "$HEADERS" | sed -n 's/^Location: //p')
id=${loc##*/}
get "$loc"
equals "$CODE" 200 "the draft page"
contains "$BODY" "草稿" "in state draft"
contains "$BODY" "map.png" "with its attachment"
contains "$BODY" "&lt;script&gt;alert(&quot;d&quot;)" "title shown escaped"
lacks "$BODY" "$evil" "never raw"
t=$(csrf_of "$BODY")
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=first" --data-urlencode "decision=approve"
equals "$CODE" 409 "a review before submission is refused"
post /console/documents/$id/submit --data-urlencode "_csrf=$t"
equals "$CODE" 303 "submitted"
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=first" --data-urlencode "decision=approve"
equals "$CODE" 403 "the author may not review"

login reviewer pw-reviewer-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
contains "$BODY" "初审" "the reviewer is offered 初审"
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=final" --data-urlencode "decision=approve"
equals "$CODE" 409 "skipping to 终审 is refused"
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=first" --data-urlencode "decision=approve"
equals "$CODE" 303 "初审 passed"
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=second" --data-urlencode "decision=approve"
equals "$CODE" 403 "the same person may not review twice"
login leader pw-leader-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=second" --data-urlencode "decision=approve"
equals "$CODE" 303 "复审 passed"
login admin pw-admin-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=final" --data-urlencode "decision=approve" --data-urlencode "secrecy=1"
equals "$CODE" 403 "终审 by someone not of the organ is refused"
login leader2 pw-leader2-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=final" --data-urlencode "decision=approve"
equals "$CODE" 409 "终审 without 保密审查 is refused"
contains "$BODY" "error-summary" "shown as a form error"
post /console/documents/$id/review --data-urlencode "_csrf=$t" --data-urlencode "stage=final" --data-urlencode "decision=approve" --data-urlencode "secrecy=1"
equals "$CODE" 303 "终审 passed with 保密审查"
login supervisor pw-supervisor-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
post /console/documents/$id/publish --data-urlencode "_csrf=$t"
equals "$CODE" 403 "a supervisor may not publish"
rm -f "$JAR"
get /doc/$id
equals "$CODE" 404 "not public before publication"
login officer pw-officer-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
post /console/documents/$id/publish --data-urlencode "_csrf=$t"
equals "$CODE" 303 "published"

rm -f "$JAR"
get /doc/$id
equals "$CODE" 200 "the public sees the document"
contains "$BODY" "慈政发〔2024〕8号" "with its 文号"
contains "$BODY" "索引号" "and its metadata"
lacks "$BODY" "$evil" "body never raw"
get /
contains "$BODY" "/doc/$id" "the home page lists it among the latest"
get "/catalogue?topic=%E7%BB%BC%E5%90%88%E6%94%BF%E5%8A%A1"
contains "$BODY" "/doc/$id" "the catalogue lists it under its topic"
get "/search?q=%E9%98%B2%E7%81%AB"
equals "$CODE" 200 "search answers"
contains "$BODY" "/doc/$id" "search finds the document"
contains "$BODY" "<mark>" "with highlighted snippets"
lacks "$BODY" "$evil" "snippets never raw"
contains "$BODY" "1 条结果" "the page says how many were found"
contains "$BODY" "<h2>体裁</h2>" "with counts per facet"
contains "$BODY" 'href="/search?q=%E9%98%B2%E7%81%AB&amp;sort=date"' "and a link to order by date"
get "/search?q=%E9%98%B2%E7%81%AB&sort=date&size=10&genre=%E9%80%9A%E7%9F%A5"
equals "$CODE" 200 "by date, 10 a page, a 体裁 chosen"
contains "$BODY" "<strong>按日期</strong>" "the order chosen is shown"
get "/search?q=%E9%98%B2%E7%81%AB+%E5%AE%87%E5%AE%99%E9%A3%9E%E8%88%B9"
contains "$BODY" "去掉一个检索词试试" "nothing found: a term to drop is suggested"
contains "$BODY" 'href="/search?q=%E9%98%B2%E7%81%AB"' "as a link"
get "/search?q=%E9%98%B2%E7%81%AB&validity=%3Cx%3E"
contains "$BODY" "有效性只能是" "an unknown 有效性 is refused by name"
lacks "$BODY" "<x>" "and not echoed raw"
get "/search?q=%E9%98%B2%E7%81%AB&page=600"
contains "$BODY" "只能翻到前" "pages stop where counting stops"
get "/search?q=%22%27%3B+DROP+TABLE+document%3B+--"
[ "$CODE" = 200 ] || [ "$CODE" = 400 ] && ok "SQL metacharacters in a query are harmless ($CODE)" || not_ok "SQL metacharacters harmless" "$CODE"
get "/search?q=%E9%98%B2%E7%81%AB"
contains "$BODY" "/doc/$id" "and the document is still there"
get "/search?q=$(printf '%%3Cscript%%3E')"
lacks "$BODY" "<script>alert" "a query with markup is shown escaped"

# after a restart the search index is read from the disk ahead of the searches (web/warm.c),
# in the background — the whole file when it fits in half the memory — and the server says
# how much it read: on SQLite only (PostgreSQL keeps its own buffers), and not with
# --search-warm 0
restart_server
get "/search?q=%E9%98%B2%E7%81%AB"
contains "$BODY" "/doc/$id" "a search while the index is read ahead finds the document"
case $GONGKAI_DB in
postgres*)
	sleep 1
	lacks "$(cat "$TMP/server.log")" "read ahead" "PostgreSQL: nothing read ahead" ;;
*)
	for _ in $(seq 100); do grep -q "read ahead" "$TMP/server.log" && break; sleep 0.1; done
	warm=$(grep "read ahead" "$TMP/server.log")
	mb=$(stat -c %s "$GONGKAI_DB" | awk '{ printf "%.1f", $1 / 1e6 }')
	contains "$warm" "gongkai serve: the database file, $mb MB, read ahead in " \
		"the whole database file read ahead at start ($mb MB: it fits in half the memory), logged"
	# then the two workers' connections are opened, their maps of the index read, and the
	# workers take them: the server holds the database open twice, before any request and
	# after many (a worker opening its own would make it three)
	restart_server
	for _ in $(seq 100); do grep -q "ready for searching" "$TMP/server.log" && break; sleep 0.1; done
	contains "$(cat "$TMP/server.log")" "gongkai serve: 2 connections of the workers opened, ready for searching" \
		"the workers' connections opened at start, ready for searching"
	db_fds() { ls -l "/proc/$SERVER_PID/fd" | grep -c " -> $(readlink -f "$GONGKAI_DB")\$"; }
	equals "$(db_fds)" 2 "before any request the database is open twice (--threads 2)"
	for _ in $(seq 12); do get "/search?q=%E9%98%B2%E7%81%AB"; done
	contains "$BODY" "/doc/$id" "the workers search on the connections opened for them"
	equals "$(db_fds)" 2 "after 12 searches still twice: the workers took those connections"
	restart_server --search-warm 0
	get "/search?q=%E9%98%B2%E7%81%AB"
	sleep 0.5
	lacks "$(cat "$TMP/server.log")" "read ahead" "--search-warm 0: nothing read ahead" ;;
esac

get /guide
contains "$BODY" "查看公开指南" "the guide page offers the organs"
agid=$(printf '%s' "$BODY" | grep -o '<option value="[0-9]*">慈周寨镇' | grep -o '[0-9]\+')
get "/guide?agency=$agid"
equals "$CODE" 200 "an organ's guide"
contains "$BODY" "政府信息公开指南" "titled 指南"
contains "$BODY" "依申请公开" "with how to apply"
get /feed.xml
contains "$HEADERS" "Content-Type: application/atom+xml" "the Atom feed"
contains "$BODY" "秋季防火工作" "lists the new publication"
lacks "$BODY" "$evil" "feed text escaped"
get "/docs/$id"
equals "$CODE" 200 "the feed's document links work"

login officer pw-officer-2024
get /console/documents/$id
t=$(csrf_of "$BODY")
post /console/documents/$id/withdraw --data-urlencode "_csrf=$t" --data-urlencode "reason="
equals "$CODE" 400 "withdrawal needs a reason"
post /console/documents/$id/withdraw --data-urlencode "_csrf=$t" --data-urlencode "reason=内容有误"
equals "$CODE" 303 "withdrawn"
rm -f "$JAR"
get /doc/$id
equals "$CODE" 404 "a withdrawn document is no longer public"
stop_server
done_testing

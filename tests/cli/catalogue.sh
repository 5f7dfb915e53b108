#!/usr/bin/env bash
# catalogue.sh — documents, 三审 with 保密审查, publication, withdrawal, the publication clock,
# the normative-document register link, and Chinese full-text search through the CLI.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
export GONGKAI_TODAY=2024-03-04
DB=$(new_db c)
G() { "$GONGKAI" --db "$DB" "$@"; }
jq_() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

run 0 G init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B
for u in off1:officer rev1:reviewer rev2:reviewer boss:leader; do
	run 0 G user add "${u%%:*}" --role "${u##*:}"
done
printf '为进一步做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》，现将有关事项通知如下。\n' >"$TMP/b1"
printf '本办法适用于本镇农村土地承包经营权流转管理。申请人应当提交书面申请。\n' >"$TMP/b2"
printf '政府資訊公開條例施行細則（繁體）ＡＢＣ１２３\n' >"$TMP/b3"

# add: id and 索引号 (default pattern {uscc}/{yyyy}-{seq:05d})
run 0 G doc add --title "关于做好2024年政务公开工作的通知" --body-file "$TMP/b1" \
	--doc-number "慈政〔2024〕3号" --formed 2024-02-01 --genre 通知 --topic '综合政务\政务公开' --by off1
equals "$OUT" "1 11370812004339255B/2024-00001" "add prints the id and the 索引号"
run 0 G doc add --title "慈周寨镇农村土地承包经营权流转管理办法" --body-file "$TMP/b2" \
	--doc-number "慈政发〔2024〕1号" --formed 2024-02-20 --genre 行政规范性文件 --by off1 --json
equals "$(echo "$OUT" | jq_ 'd["index_no"]')" "11370812004339255B/2024-00002" "--json gives index_no"
equals "$(echo "$OUT" | jq_ 'd["id"]')" "2" "--json gives id"
run 0 G doc add --title "施行细则" --body-file "$TMP/b3" --formed 2024-01-02 --by off1
run 2 G doc add --title "x" --body-file "$TMP/b1" --topic 宇宙 --by off1
contains "$ERR" "--topic（主题分类）: 没有“" "an unknown 主题分类 is refused naming the option"
# REQ 条例-14
run 2 G doc add --title "x" --body-file "$TMP/b1" --disclosure withheld --by off1
contains "$ERR" "--reason（不予公开的理由）: 不予公开须写明不予公开理由" "不予公开 without a reason is refused"
run 2 G doc add --title "x" --body-file "$TMP/b1" --disclosure withheld --reason 涉密 --by off1
contains "$ERR" "--ground（不予公开的依据）: 不予公开须写明法律依据" "不予公开 without its legal ground is refused naming --ground"
# The declaration's limits hold on the command line too: a 文号 of 201 bytes, a control
# character in a title, a 主题词 over its bytes; nothing is stored.
run 0 G doc list --all --json
before=$(echo "$OUT" | jq_ 'len(d)')
long=$(python3 -c "print('〔' * 67)")
run 2 G doc add --title "x" --body-file "$TMP/b1" --doc-number "$long" --by off1
contains "$ERR" "--doc-number（文号）: 最多 200 字节（约 66 个汉字），现有 201 字节" "a 文号 over 200 bytes is refused naming --doc-number"
run 2 G doc add --title "$(printf 'a\001b')" --body-file "$TMP/b1" --by off1
contains "$ERR" "--title（名称）: 含有控制字符" "a control character in a title is refused"
run 2 G doc add --title "x" --body-file "$TMP/b1" --keywords "$(python3 -c "print('词' * 101)")" --by off1
contains "$ERR" "--keywords（主题词）: 最多 300 字节" "主题词 over 300 bytes are refused"
run 2 G doc add --title "x" --body-file "$TMP/b1" --formed 2024-02-30 --by off1
contains "$ERR" "--formed（成文日期）: 不是日期 YYYY-MM-DD" "an impossible 成文日期 is refused naming --formed"
run 2 G doc add --title "x" --body-file "$TMP/b1" --genre 行政规范性文件 --by off1
contains "$ERR" "--doc-number（文号）: 行政规范性文件须有文号" "a normative document without its 文号 is refused naming --doc-number"
run 0 G doc list --all --json
equals "$(echo "$OUT" | jq_ 'len(d)')" "$before" "the refused documents left nothing stored"
run 0 G doc add --title "涉密事项" --body-file "$TMP/b1" --disclosure withheld --reason "涉及国家秘密" \
	--ground "条例第十四条" --by off1
printf 'not a pdf' >"$TMP/x.pdf"
run 2 G doc add --title "x" --body-file "$TMP/b1" --attach "$TMP/x.pdf" --by off1
contains "$ERR" "不是可接受的类型" "an attachment that is not PDF/DOCX/image is refused"
printf '%%PDF-1.4 test' >"$TMP/a.pdf"
run 0 G doc edit 1 --attach "$TMP/a.pdf" --by off1
run 0 G doc show 1 --json
contains "$OUT" "$(printf '%%PDF-1.4 test' | sha256sum | cut -c1-64)" "the attachment is stored with its SHA-256"

# 三审: REQ 三审-1 … 三审-4, REQ 条例-17
run 1 G doc review 1 --stage first --by rev1 --decision approve
contains "$ERR" "不在审核中（请先提交审核）" "a draft cannot be reviewed"
run 0 G doc submit 1 --by off1
run 1 G doc edit 1 --title "changed" --by off1
contains "$ERR" "审核期间正文不能修改" "a document under review cannot be edited"
run 1 G doc review 1 --stage second --by rev1 --decision approve
contains "$ERR" "三审须依次进行" "REQ 三审-1: skipping 初审 is refused"
run 1 G doc review 1 --stage first --by off1 --decision approve
contains "$ERR" "不能审核本文件" "REQ 三审-2: the author may not review"
run 0 G doc review 1 --stage first --by rev1 --decision approve --comment "文字无误"
run 1 G doc review 1 --stage second --by rev1 --decision approve
contains "$ERR" "每一审须由不同的人进行" "REQ 三审-2: the same person twice is refused"
run 1 G doc review 1 --stage second --by off1 --decision approve
run 0 G doc review 1 --stage second --by rev2 --decision approve
run 1 G doc review 1 --stage final --by rev2 --decision approve --secrecy-checked
run 1 G doc review 1 --stage final --by boss --decision approve
contains "$ERR" "--secrecy-checked: 终审通过前须确认已经保密审查" "REQ 条例-17: 终审 without --secrecy-checked is refused"
run 0 G doc review 1 --stage final --by boss --decision approve --secrecy-checked
equals "$OUT" "1 approved 待发布" "after 终审 the document awaits publication"
run 0 G search 公开
contains "$OUT" "no documents found" "an approved but unpublished document is not public"

# rejection returns to draft with the reason; a new round needs fresh reviews
run 0 G doc submit 2 --by off1
run 2 G doc review 2 --stage first --by rev1 --decision reject
contains "$ERR" "--comment: 退回须写明理由" "REQ 三审-4: a rejection needs its reason"
run 0 G doc review 2 --stage first --by rev1 --decision reject --comment "标题有误"
equals "$OUT" "2 draft 草稿" "a rejection returns the document to draft"
run 0 G doc history 2
contains "$OUT" "标题有误" "the rejection reason stays in the history"
run 0 G doc submit 2 --by off1
run 0 G doc review 2 --stage first --by rev1 --decision approve
run 0 G doc review 2 --stage second --by rev2 --decision approve
run 0 G doc review 2 --stage final --by boss --decision approve --secrecy-checked

# publication clock — REQ 条例-26: doc 3 formed 2024-01-02 is late on 2024-03-04
run 0 G doc list --overdue
contains "$OUT" "施行细则" "doc list --overdue shows the late document"
contains "$OUT" "已逾期" "and says it is late"
lacks "$OUT" "慈周寨镇农村土地" "a document still within 20 working days is not listed"
run 0 G doc list --overdue --json
contains "$OUT" '"publication_due": "2024-01-30"' "20 working days after 2024-01-02"
contains "$OUT" '"derivation"' "with the derivation"

# publish: now, and scheduled
run 0 G doc publish 1 --by off1
equals "$OUT" "1 published 已发布 2024-03-04" "published today"
run 0 G doc publish 2 --by off1 --at 2024-03-11
run 1 G doc publish 3 --by off1
contains "$ERR" "只有经过初审、复审和终审的文件才能发布" "publishing without 三审 is refused"
run 0 G register normdoc list --json
contains "$OUT" "慈政发〔2024〕1号" "REQ 条例-20-1: a published 行政规范性文件 is in the normative register"
run 1 G doc edit 2 --formed 2024-02-21 --by off1
contains "$ERR" "--formed（成文日期）: 已发布文件的正文和元数据不能再改" "a published document's 成文日期 is frozen, named by its option"
run 1 G doc edit 2 --doc-number "慈政发〔2024〕2号" --by off1
contains "$ERR" "--doc-number（文号）: 已发布文件" "and its 文号"
run 0 G doc edit 2 --validity repealed --invalid-date 2024-12-01 --by off1
run 0 G register normdoc list --json
contains "$OUT" "2024-12-01" "its repeal reaches the register entry"
equals "$(echo "$OUT" | jq_ 'len(d)')" "1" "one register record, not two"

# search (public: published and visible today only)
run 0 G search 公开 --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[1]" "two-character query finds the published document"
contains "$OUT" "<mark>" "the snippet marks the match"
run 0 G search 申
contains "$OUT" "no documents found" "a scheduled document is not yet public"
GONGKAI_TODAY=2024-03-11 run 0 G search 申 --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[2]" "one-character query finds it once its date has come"
run 0 G search 申 --staff off1 --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[2]" "staff search sees their organ's unpublished documents"
run 0 G search 條例 --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[1]" "a traditional-character query finds simplified text"
run 0 G search "慈政〔2024〕3号" --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[1]" "a 文号 finds its document"
run 0 G search "11370812004339255B/2024-00001" --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[1]" "an 索引号 finds its document"
run 0 G search "政务 2024" --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[1]" "multi-term query"
run 0 G search "\"; DROP TABLE document; -- OR *" --json
equals "$(echo "$OUT" | jq_ 'd["hits"]')" "[]" "SQL and FTS5 metacharacters are harmless"
run 2 G search "***"
contains "$ERR" "query" "a query with nothing to search is refused"
run 0 G search ａｂｃ --staff off1 --json
equals "$(echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]')" "[3]" "full-width letters match (staff sees the draft)"
run 0 G search 涉密 --staff off1 --json
contains "$OUT" '"id": 4' "staff search finds a withheld draft"
run 0 G search 涉密 --json
equals "$(echo "$OUT" | jq_ 'd["hits"]')" "[]" "the public never sees drafts"

# withdrawal
run 2 G doc withdraw 1 --by off1
run 0 G doc withdraw 1 --by off1 --reason "内容有误，撤回"
run 0 G search 公开 --json
equals "$(echo "$OUT" | jq_ 'd["hits"]')" "[]" "a withdrawn document leaves the public search"
run 0 G search 公开 --staff off1 --json
equals "$(echo "$OUT" | jq_ '1 in [h["id"] for h in d["hits"]]')" "False" "and staff search"
run 0 G doc history 1
contains "$OUT" "内容有误，撤回" "the withdrawal reason stays in the history"
run 0 G doc list --state withdrawn
contains "$OUT" "11370812004339255B/2024-00001" "doc list --state"
# REQ 条例-18
GONGKAI_TODAY=2025-03-05 run 0 G doc list --reassess
contains "$OUT" "涉密事项" "a withheld document is listed for re-assessment after a year"

# guide (条例第十二条) and feeds
run 0 G guide set --address "慈周寨镇政府大院党政办" --hours "工作日 8:30-17:30" --phone 0530-1234567 --by off1
run 0 G guide
contains "$OUT" "慈周寨镇人民政府政府信息公开指南（2024年版）" "the guide is titled with the organ and the year"
contains "$OUT" "办公地址：慈周寨镇政府大院党政办" "it carries the office address from the settings"
contains "$OUT" "传真号码" "a missing Art. 12 element is reported"
GONGKAI_TODAY=2024-03-11 run 0 G guide --json
contains "$OUT" "目录中已主动公开政府信息 1 条" "the guide counts what is public today"
GONGKAI_TODAY=2024-03-11 run 0 G doc add --title 'A & B <x>' --body-file "$TMP/b1" --by off1
GONGKAI_TODAY=2024-03-11 run 0 G feed --base-url https://gk.example.cn
contains "$OUT" "<id>urn:gongkai:index:11370812004339255B/2024-00002</id>" "the feed has the published document"
lacks "$OUT" "A &amp; B" "a draft is not in the feed"
run 0 python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.read().encode())" <<<"$OUT"
run 0 G feed --platform
contains "$OUT" "政府信息公开平台" "the platform feed"
run 0 G guide set --index-pattern "czz/{yyyy}-{seq:04d}" --by off1
run 0 G doc add --title "新模式" --body-file "$TMP/b1" --by off1
contains "$OUT" "czz/2024-0006" "the new 索引号 pattern applies; the organ's serial for the year runs on"
run 2 G guide set --index-pattern "czz/{yyyy}" --by off1
contains "$ERR" "{seq}" "a pattern without a serial is refused"

# 索引号 under concurrent inserts: two processes, unique and gap-free
adder() { for i in $(seq 1 15); do G doc add --title "并发$1-$i" --body-file "$TMP/b1" --by off1 >/dev/null || echo "fail $1 $i"; done; }
adder 1 >"$TMP/w1" 2>&1 & p1=$!
adder 2 >"$TMP/w2" 2>&1 & p2=$!
wait $p1 $p2
equals "$(cat "$TMP/w1" "$TMP/w2")" "" "no concurrent add failed"
run 0 G doc list --limit 1000 --json
equals "$(echo "$OUT" | jq_ 'len([x for x in d if x["title"].startswith("并发")])')" "30" "all 30 documents stored"
equals "$(echo "$OUT" | jq_ 'len(set(x["index_no"] for x in d)) == len(d)')" "True" "every 索引号 is unique"
equals "$(echo "$OUT" | jq_ 'sorted(x["index_no"] for x in d if x["index_no"].startswith("czz/"))[-1]')" "czz/2024-0036" "serials run on without reuse"
run 0 G audit verify
done_testing

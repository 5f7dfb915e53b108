#!/usr/bin/env bash
# exchange.sh — gongkai export / import: an organ's whole ledger survives export → import into
# an empty database → export byte for byte; a corrupted or invalid file stores nothing.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
A=$(new_db a) B=$(new_db b) C=$(new_db c)
ga() { "$GONGKAI" --db "$A" "$@"; }
gb() { "$GONGKAI" --db "$B" "$@"; }
gc() { "$GONGKAI" --db "$C" "$@"; }

run 0 ga init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B
run 0 ga init --agency-name 别的镇人民政府
run 0 ga user add zhang --role officer --agency 1 --display-name 张办事员
run 0 ga user add li --role reviewer --agency 2
# Applications with their events, through the ledger's own commands.
export GONGKAI_TODAY=2024-12-31
run 0 ga app new --agency 1 --received 2024-03-01 --confirmed 2024-03-01 --channel online --applicant-type np --applicant-name 张三 --contact 电话1 --request 村务公开
CODE=$(printf '%s\n' "$OUT" | sed -n 's/^tracking code: *//p')
run 0 ga app event 1 correction-requested --date 2024-03-05 --period 10 --note 请补正
run 0 ga app event 1 correction-received --date 2024-03-08
run 0 ga app event 1 extended --date 2024-03-28 --approver 王主任
run 0 ga app decide 1 --outcome partial --date 2024-04-20 --basis 第三十七条
run 0 ga app new --agency 1 --received 2024-12-20 --channel post --applicant-type biz --applicant-name 某公司 --contact 13800000000 --request 某项信息
run 0 ga app event 2 fee-notice --date 2024-12-24 --by-pages 40
# one awaiting the confirmation of its receipt, one with a consultation of another organ
run 0 ga app new --agency 1 --received 2024-12-30 --channel email --applicant-type np --applicant-name 王五 --contact 13800000000 --request 某项信息
run 0 ga app new --agency 1 --received 2024-11-01 --channel in-person --applicant-type np --applicant-name 赵六 --contact 13800000000 --request 某项信息
run 0 ga app event 4 consultation-started --date 2024-11-04 --party organ --counterpart 县自然资源局
run 0 ga app event 4 consultation-answered --date 2024-11-08 --ref 1
# The catalogue: a published 行政规范性文件 with an attachment (its normdoc register entry is
# linked to it), a draft, the organ's 索引号 serial; and a narrative text of the report.
for u in rev1:reviewer rev2:reviewer boss:leader; do run 0 ga user add "${u%%:*}" --role "${u##*:}" --agency 1; done
printf '本办法适用于本镇农村土地承包经营权流转管理。\n' >"$TMP/b1"
printf '%%PDF-1.4 test\n\x00\xff binary' >"$TMP/a.pdf"
run 0 ga doc add --agency 1 --title 慈周寨镇农村土地承包经营权流转管理办法 --body-file "$TMP/b1" \
	--doc-number '慈政发〔2024〕1号' --formed 2024-02-20 --genre 行政规范性文件 --attach "$TMP/a.pdf" --by zhang
run 0 ga doc submit 1 --by zhang
run 0 ga doc review 1 --stage first --by rev1 --decision approve --comment 文字无误
run 0 ga doc review 1 --stage second --by rev2 --decision approve
run 0 ga doc review 1 --stage final --by boss --decision approve --secrecy-checked
run 0 ga doc publish 1 --by boss
run 0 ga doc add --agency 1 --title 草稿 --body-file "$TMP/b1" --by zhang
printf '本年度，我镇认真贯彻落实《条例》。\n' >"$TMP/overview.txt"
run 0 ga report text 2024 --agency 1 --section overview --file "$TMP/overview.txt"
run 0 ga register normdoc add --agency 1 --kind normdoc --issued 2024-03-01 --doc-no '慈政规〔2024〕1号' --title '关于"村务"公开的规定' --repealed 2025-06-30
run 0 ga register decision add --agency 1 --kind licensing --from 2024-01-01 --to 2024-01-31 --count 37
run 0 ga register fee add --agency 1 --date 2024-05-01 --amount 1234.56 --item 工本费
if ga register case add --agency 1 --kind lit_direct --filed 2024-05-01 --application "$CODE" \
	--note $'两行\n备注' >/dev/null; then ok "a case with a two-line note"; else not_ok "a case with a two-line note"; fi
run 0 ga register feedback add --agency 1 --channel hotline --received 2024-02-02 --text 路灯 --answered 2024-02-05 --answer 已修
run 0 ga register news add --agency 1 --platform 微信公众号 --date 2024-04-02 --title 防汛
run 0 ga register news add --agency 2 --platform 政府网站 --date 2024-04-02 --title 别的镇
run 0 ga guide set --agency 1 --fee-pause no --correction-period 10 --consult-cap no --confirm-days 1 --review-body 滑县人民政府 --report-due 02-28
# The annual report published, then corrected: both revisions travel with their renderings.
GONGKAI_TODAY=2025-03-01 run 0 ga report publish 2024 --agency 1 --by boss
GONGKAI_TODAY=2025-03-01 run 0 ga report publish 2024 --agency 1 --by boss --revise --reason 更正错字
run 0 ga report show 2024 --agency 1 --revision 2 --format json
sha_a=$(printf '%s\n' "$OUT" | sha256sum | cut -d' ' -f1)

ga export --agency 1 >"$TMP/l1.json"
contains "$(cat "$TMP/l1.json")" "\"tracking_code\": \"$CODE\"" "the export holds the application"
contains "$(cat "$TMP/l1.json")" '"approver": "王主任"' "and its events"
contains "$(cat "$TMP/l1.json")" '"amount_fen": 10000' "with amounts in 分"
contains "$(cat "$TMP/l1.json")" "\"application\": \"$CODE\"" "a case links its application by tracking code"
lacks "$(cat "$TMP/l1.json")" "别的镇" "another organ's records stay out"
lacks "$(cat "$TMP/l1.json")" "argon2" "no password hashes in the export"
contains "$(cat "$TMP/l1.json")" '"document": "11370812004339255B/2024-00001"' "the normdoc entry names its catalogue document"
contains "$(cat "$TMP/l1.json")" '"data": "JVBERi0xLjQgdGVzdAoA/yBiaW5hcnk="' "attachments travel as base64"
contains "$(cat "$TMP/l1.json")" '"fee_pause": "no"' "the organ's settings travel, the fee-pause setting too"
for kv in '"correction_period": "10"' '"consult_cap": "no"' '"confirm_days": "1"' '"review_body": "滑县人民政府"' \
	'"report_due": "02-28"' '"method": "by-pages"' '"quantity": 40' '"party": "organ"' '"counterpart": "县自然资源局"' \
	'"ref": 1' '"days": 10' '"state": "awaiting-confirmation"' '"submitted": "2024-12-30"'; do
	contains "$(cat "$TMP/l1.json")" "$kv" "the export carries $kv"
done
sed 's/"report_due": "02-28"/"report_due": "02-30"/' "$TMP/l1.json" >"$TMP/baddue.json"
run 2 gb import "$TMP/baddue.json"
contains "$ERR" "profile.report_due" "an impossible report deadline is refused, naming the field"
sed 's/"fee_pause": "no"/"fee_pause": "often"/' "$TMP/l1.json" >"$TMP/badpause.json"
run 2 gb import "$TMP/badpause.json"
contains "$ERR" "profile.fee_pause" "an export with an unknown fee-pause setting is refused, naming the field"
long=$(printf '张%.0s' $(seq 67))
sed "s/\"applicant_name\": \"张三\"/\"applicant_name\": \"$long\"/" "$TMP/l1.json" >"$TMP/longname.json"
run 2 gb import "$TMP/longname.json"
contains "$ERR" "applicant_name: 最多 200 字节（约 66 个汉字），现有 201 字节" \
	"a name over the application's limit is refused by the import, in the same words as app new"
run 0 gb import "$TMP/l1.json"
contains "$OUT" "4 users, 4 applications (8 events), 2 documents, 7 register entries, 1 report texts, 2 published report revisions" "import says what it stored"
gb export >"$TMP/l2.json"
if cmp -s "$TMP/l1.json" "$TMP/l2.json"; then ok "export → import → export is identical"
else not_ok "export → import → export is identical" "$(diff "$TMP/l1.json" "$TMP/l2.json" | head -20)"; fi
run 0 gb report list
contains "$OUT" "2024 revision 2" "the published revisions are in the other database"
contains "$OUT" "reason: 更正错字" "with the reason of the correction"
run 0 gb report show 2024 --revision 2 --format json
equals "$(printf '%s\n' "$OUT" | sha256sum | cut -d' ' -f1)" "$sha_a" "the corrected revision reads as it was published"
run 0 gb report show 2024 --revision 1 --format txt
contains "$OUT" "慈周寨镇人民政府" "and the first revision too"
run 0 gb register report --year 2024
contains "$OUT" "本年处理决定 37" "imported registers feed the report"
run 0 gb audit verify
run 0 gb doc show 1
contains "$OUT" "慈政发〔2024〕1号" "the imported document is in the catalogue"
run 0 gb search 承包
contains "$OUT" "流转管理办法" "and in the search index"
run 0 gb doc add --title 新文件 --body-file "$TMP/b1" --by zhang --json
contains "$OUT" "2024-00003" "the 索引号 numbering goes on where it was"
run 1 gb register normdoc set 1 --title x
contains "$ERR" "catalogue document" "the imported normdoc entry is still linked to its document"
run 1 gb import "$TMP/l1.json"
contains "$ERR" "agency.name: 已有名称相同的机关" "importing the same organ twice is refused (the name is named first, on every database)"

# A corrupted file (cut in the middle) and an invalid record: nothing is stored.
head -c 700 "$TMP/l1.json" >"$TMP/cut.json"
run 2 gc import "$TMP/cut.json"
contains "$ERR" "not valid JSON" "a truncated file is refused"
contains "$ERR" "nothing was imported" "and nothing is stored"
sed 's/"data": "JVBERi0xLjQgdGVzdAoA\/yBiaW5hcnk="/"data": "JVBERi0xLjQgdGVzdAoA\/yBiaW5hcnl="/' "$TMP/l1.json" >"$TMP/bad5.json"
run 2 gc import "$TMP/bad5.json"
contains "$ERR" "documents[0].attachments[0].data" "an attachment that does not match its hash is refused"
sed 's/"amount": "1234.56"/"amount": "12.345"/' "$TMP/l1.json" >"$TMP/bad.json"
run 2 gc import "$TMP/bad.json"
contains "$ERR" "registers.fee[0].amount" "the bad record and field are named"
sed 's/"received": "2024-03-01"/"received": "2024-03-11"/' "$TMP/l1.json" >"$TMP/bad2.json"
run 2 gc import "$TMP/bad2.json"
contains "$ERR" "applications[0].events[0].date" "an event before receipt is named"
sed 's/"kind": "correction-received"/"kind": "consultation-answered"/' "$TMP/l1.json" >"$TMP/bad3.json"
run 2 gc import "$TMP/bad3.json"
contains "$ERR" "applications[0].events[2].kind: 事件顺序不成立" "an impossible event sequence is refused"
sed '0,/"outcome": "partial",/s//"outcome": "granted",/' "$TMP/l1.json" >"$TMP/bad4.json"
run 2 gc import "$TMP/bad4.json"
contains "$ERR" "applications[0].outcome: 与事件推出的“partial”不符" "a summary that contradicts the events is refused"
sed '0,/"created_at": "\([0-9-]*\)T[0-9:]*Z"/s//"created_at": "\1T25:00:00Z"/' "$TMP/l1.json" >"$TMP/bad6.json"
run 2 gc import "$TMP/bad6.json"
contains "$ERR" "created_at: 不是 YYYY-MM-DDTHH:MM:SSZ 格式的 UTC 时间" "an impossible time of day is refused, naming the field"
sed 's/"amount_fen": 10000/"amount_fen": -5/' "$TMP/l1.json" >"$TMP/bad7.json"
run 2 gc import "$TMP/bad7.json"
contains "$ERR" "amount_fen: 应为不超过其上限的非负整数（单位：分）" "a negative amount is refused, naming the field"
sed 's/"amount_fen": 10000/"amount_fen": 10000, "days": 1001/' "$TMP/l1.json" >"$TMP/bad8.json"
run 2 gc import "$TMP/bad8.json"
contains "$ERR" "days: 应为不超过其上限的非负整数" "a period past its limit is refused, naming the field"
# A document's declaration holds on import as on doc add: its 文号 within 200 bytes, no control
# character (the search snippets' markers) in its title.
sed "s/\"doc_no\": \"慈政发〔2024〕1号\"/\"doc_no\": \"$(python3 -c "print('〔' * 67)")\"/" "$TMP/l1.json" >"$TMP/bad9.json"
run 2 gc import "$TMP/bad9.json"
contains "$ERR" "doc_no: 最多 200 字节（约 66 个汉字），现有 201 字节" "a 文号 over the document's limit is refused by the import, in doc add's words"
python3 -c "
import json,sys; d=json.load(open('$TMP/l1.json')); d['documents'][0]['title']+='\u0001'
json.dump(d, open('$TMP/bad10.json','w'), ensure_ascii=False)"
run 2 gc import "$TMP/bad10.json"
contains "$ERR" "documents[0].title: 含有控制字符" "a control character in an imported title is refused"
# A published revision moves only as it was published.
tamper() {  # NAME PYTHON-STATEMENT (on d, the export) → $TMP/NAME.json
	python3 -c "
import json,base64,hashlib; d=json.load(open('$TMP/l1.json')); p=d['report_publications']
def rend(i, kind): return [r for r in p[i]['renderings'] if r['kind'] == kind][0]
$2
json.dump(d, open('$TMP/$1.json','w'), ensure_ascii=False)"
}
tamper pub1 "r = rend(0, 'txt'); r['data'] = base64.b64encode(base64.b64decode(r['data']) + b' ').decode()"
run 2 gc import "$TMP/pub1.json"
contains "$ERR" "report_publications[0].renderings[0].data: 与其大小和 sha256 不符" "a rendering that is not what was published is refused"
tamper pub2 "r = rend(1, 'json'); b = base64.b64decode(r['data']) + b' '; r['data'] = base64.b64encode(b).decode(); r['size'] = len(b); r['sha256'] = hashlib.sha256(b).hexdigest()"
run 2 gc import "$TMP/pub2.json"
contains "$ERR" "report_publications[1].renderings[3].sha256: JSON 文本的 SHA-256 与该版的 sha256" "a JSON rendering rehashed to match itself is still not the revision's"
tamper pub3 "del p[1]['reason']"
run 2 gc import "$TMP/pub3.json"
contains "$ERR" "report_publications[1].reason: 更正的一版须说明理由" "a correction without its reason is refused"
tamper pub4 "del p[0]"
run 2 gc import "$TMP/pub4.json"
contains "$ERR" "report_publications[0].revision: 该年度缺少第 1 版" "a year whose first revision is missing is refused"
tamper pub5 "p[0]['cells'] = ''.join(p[0]['cells'].splitlines(True)[1:])"
run 2 gc import "$TMP/pub5.json"
contains "$ERR" "report_publications[0].cells: 不是2021格式全部单元格的数据" "frozen cells with one missing are refused"
tamper pub6 "p[0]['format'] = '2019'"
run 2 gc import "$TMP/pub6.json"
contains "$ERR" "report_publications[0].format: 与该年度的表格格式不符" "a revision in another year's format is refused"
tamper pub8 "rend(0, 'pdf')['pages'] = 3"
run 2 gc import "$TMP/pub8.json"
contains "$ERR" "report_publications[0].renderings[6].pages: 没有这个字段" "a rendering with a key the export does not write is refused"
tamper pub7 "p[0]['sections'][0]['section'] = 'preface'"
run 2 gc import "$TMP/pub7.json"
contains "$ERR" "report_publications[0].sections[0].section: 不是年度报告的章节" "an unknown section is refused"
run 0 gc init --agency-name 新镇
equals "$OUT" "1" "after the failed imports the database holds no organ"
run 0 gc register normdoc list
equals "$OUT" "" "and no register entry"
done_testing

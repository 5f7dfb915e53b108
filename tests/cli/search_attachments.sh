#!/usr/bin/env bash
# search_attachments.sh — the text of attachments is searched: PDF (with the page), DOCX, XLSX
# and plain text are read when the document is saved; a hit inside an attachment names the
# file; a broken or hostile file is stored, flagged and not searched; the attachments of a
# document the public cannot see are never found.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
export GONGKAI_TODAY=2024-06-03
DB=$(new_db a)
G() { "$GONGKAI" --db "$DB" "$@"; }
jq_() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
DATA="$(dirname "$0")/../data/attachments"
GOLDEN="$(dirname "$0")/../golden/check"

run 0 G init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B
for u in off1:officer rev1:reviewer rev2:reviewer boss:leader; do
	run 0 G user add "${u%%:*}" --role "${u##*:}"
done
publish() {
	G doc submit "$1" --by off1 >/dev/null && G doc review "$1" --stage first --by rev1 --decision approve >/dev/null &&
	G doc review "$1" --stage second --by rev2 --decision approve >/dev/null &&
	G doc review "$1" --stage final --by boss --decision approve --secrecy-checked >/dev/null &&
	G doc publish "$1" --by off1 >/dev/null || echo "publish $1 failed"
}
printf '附件见下。\n' >"$TMP/body"
printf '第一批惠民补贴发放名单：王建国、李秀英。\n' >"$TMP/名单.txt"
cp "$DATA/two-pages.pdf" "$TMP/报告.pdf"
cp "$DATA/list.xlsx" "$TMP/补贴.xlsx"
cp "$GOLDEN/reference-2024.docx" "$TMP/年报.docx"
cp "$GOLDEN/gongwen-ruled.pdf" "$TMP/区年报.pdf"
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage' >"$TMP/坏文件.pdf"
printf '\xb9\xab\xbf\xaa' >"$TMP/gbk.txt"
python3 - "$TMP/炸弹.docx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>" + "惠" * (30 << 20) + "</w:t></w:r></w:p></w:body></w:document>")
z.close()
PY

run 0 G doc add --title "关于发放补贴的公示" --body-file "$TMP/body" --by off1 \
	--attach "$TMP/名单.txt" --attach "$TMP/报告.pdf" --attach "$TMP/补贴.xlsx" --attach "$TMP/年报.docx"
d1=${OUT%% *}
run 0 G doc add --title "区政府办公室年度报告" --body-file "$TMP/body" --by off1 --attach "$TMP/区年报.pdf"
d4=${OUT%% *}
run 0 G doc add --title "损坏的附件" --body-file "$TMP/body" --by off1 \
	--attach "$TMP/坏文件.pdf" --attach "$TMP/gbk.txt" --attach "$TMP/炸弹.docx"
d2=${OUT%% *}
run 0 G doc add --title "未发布的草稿" --body-file "$TMP/body" --by off1 --attach "$TMP/名单.txt"
d3=${OUT%% *}
publish "$d1"
publish "$d2"
publish "$d4"

run 0 G doc show "$d2" --json
equals "$(echo "$OUT" | jq_ '[a["text"] for a in d["attachments"]]')" "['broken', 'broken', 'broken']" \
	"broken, mis-encoded and oversized files are stored and flagged"
contains "$(echo "$OUT" | jq_ '[a["text_note"] for a in d["attachments"]]')" "UTF-8" "with the reason"
run 0 G doc show "$d1" --json
equals "$(echo "$OUT" | jq_ '[a["text"] for a in d["attachments"]]')" "['ok', 'ok', 'ok', 'ok']" \
	"text, PDF, XLSX and DOCX are read"

ids() { echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]'; }
run 0 G search 王建国 --json
equals "$(ids)" "[$d1]" "a name inside an attachment finds the document (the draft's copy is not found)"
equals "$(echo "$OUT" | jq_ 'd["hits"][0]["attachment"]')" "名单.txt" "the hit names the file"
contains "$(echo "$OUT" | jq_ 'd["hits"][0]["snippet"]')" "<mark>王建国</mark>" "and marks the words in it"
run 0 G search "land transfer" --json
equals "$(echo "$OUT" | jq_ 'd["hits"][0]["attachment"], d["hits"][0]["page"]')" "报告.pdf 2" \
	"a PDF hit names the file and the page"
run 0 G search "land transfer"
contains "$OUT" "[报告.pdf, p. 2]" "also in the text output"
run 0 G search 后营村 --json
equals "$(echo "$OUT" | jq_ 'd["hits"][0]["attachment"]')" "补贴.xlsx" "a cell of a spreadsheet"
run 0 G search 本年制发件数 --json
equals "$(echo "$OUT" | jq_ "[h['attachment'] for h in d['hits'] if h['id'] == $d1]")" "['年报.docx']" \
	"a table cell of a Word document"
# a printed PDF's lines end anywhere in a word: 门户 is cut by one line break (门 | 户网站)
run 0 G search 门户网站 --json
equals "$(ids)" "[$d4]" "a word a PDF's line break cuts is found"
equals "$(echo "$OUT" | jq_ 'd["hits"][0]["attachment"], d["hits"][0]["page"]')" "区年报.pdf 1" \
	"in its file and on its page"
contains "$(echo "$OUT" | jq_ 'd["hits"][0]["snippet"]')" "区政府<mark>门户网站</mark>" "and marked whole"
run 0 G search 推进决策 --json
equals "$(ids)" "[$d4]" "and a word cut between its two characters (决 | 策)"
run 0 G search 公示 --json
equals "$(echo "$OUT" | jq_ 'd["hits"][0]["attachment"]')" "None" "a hit in the title names no attachment"
run 0 G search 惠惠惠惠 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "the text of a file that could not be read is not searched"
run 0 G search 王建国 --staff off1 --json
equals "$(echo "$OUT" | jq_ 'sorted(h["id"] for h in d["hits"])')" "[$d1, $d3]" "staff find their draft's attachment too"
run 0 G search 损坏的附件 --json
equals "$(ids)" "[$d2]" "a document whose files have no text is still found by its own words"
printf '第二批名单：赵春梅。\n' >"$TMP/名单二.txt"
run 0 G doc edit "$d3" --by off1 --attach "$TMP/坏文件.pdf"
run 0 G search 王建国 --staff off1 --json
equals "$(echo "$OUT" | jq_ 'sorted(h["id"] for h in d["hits"])')" "[$d1, $d3]" \
	"a file with no text added to a document keeps the document's earlier attachments found"
run 0 G doc edit "$d3" --by off1 --attach "$TMP/名单二.txt"
run 0 G search 赵春梅 --staff off1 --json
equals "$(ids)" "[$d3]" "a file with text added later is searched"

# The same catalogue imported in one transaction (documents and their files saved together,
# entered in the index at the commit in the order of their keys): every query finds what it
# found in the database the documents were written to one by one.
run 0 G export --agency 1
printf '%s\n' "$OUT" >"$TMP/organ.json"
DB2=$(new_db a2)
run 0 "$GONGKAI" --db "$DB2" import "$TMP/organ.json"
hits() { echo "$OUT" | jq_ 'd["total"], [(h["title"], h["attachment"], h.get("page")) for h in d["hits"]]'; }
for q in 王建国 "land transfer" 后营村 本年制发件数 公示 惠惠惠惠 损坏的附件 赵春梅 附件; do
	for who in "" "--staff off1"; do
		run 0 G search "$q" $who --json
		want=$(hits)
		run 0 "$GONGKAI" --db "$DB2" search "$q" $who --json
		equals "$(hits)" "$want" "imported catalogue: '$q' ${who:-public} finds the same"
	done
done
run 0 "$GONGKAI" --db "$DB2" search "land transfer" --json
equals "$(echo "$OUT" | jq_ 'd["total"], d["hits"][0]["attachment"], d["hits"][0]["page"]')" "1 报告.pdf 2" \
	"the imported catalogue finds a PDF's page by itself, not only as the first database does"
run 0 "$GONGKAI" --db "$DB2" search 王建国 --staff off1 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "2" "and a file of the imported draft"
run 0 "$GONGKAI" --db "$DB2" doc withdraw 1 --by off1 --reason "重新公示"
run 0 "$GONGKAI" --db "$DB2" search 王建国 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "a document withdrawn after the import leaves the index"

run 0 G doc withdraw "$d1" --by off1 --reason "重新公示"
run 0 G search 王建国 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "a withdrawn document's attachments are no longer found"
run 2 G doc add --title "x" --body-file "$TMP/body" --by off1 --attach "$TMP/body"
contains "$ERR" "XLSX" "the kinds accepted are named"

# Every stored file read again (`doc reread`, after an upgrade whose readers changed): the files
# this version read have the same text, so nothing changes and nothing is re-indexed.
run 0 G doc reread
contains "$OUT" "11 files of 4 documents read again: 0 with a new text, 0 documents re-indexed" \
	"doc reread counts the files"
run 0 G doc reread --json
equals "$(echo "$OUT" | jq_ 'd["documents"], d["files"], d["changed"], d["reindexed"]')" "4 11 0 0" \
	"and says so in JSON"
run 0 G search 门户网站 --json
equals "$(ids)" "[$d4]" "what was found is still found"
run 2 G doc reread 3
contains "$ERR" "unexpected argument" "doc reread takes no document"

done_testing

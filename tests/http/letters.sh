#!/usr/bin/env bash
# letters.sh — the reply letter (告知书) downloaded as DOCX from the console
# (/console/applications/ID/letter.docx): a Word file (content type, attachment) that unzip
# accepts, carrying the organ, the legal basis and the remedy statement (REQ 行政复议法-20,
# REQ 行政诉讼法-46) with typed markup escaped; refused with the HTML letter's message when
# the domain refuses the letter (no legal basis, no reasons, no decision); the same roles as
# the HTML letter; linked from the application page and the printable letter; the same letter
# from `gongkai app letter ID --format docx|txt`.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
"$GONGKAI" --db "$GONGKAI_DB" init --agency-name 其他镇人民政府 --parent 示范县人民政府 >/dev/null
echo "pw-other-2024" >"$TMP/pw"
"$GONGKAI" --db "$GONGKAI_DB" user add other --role officer --agency 其他镇人民政府 --password-file "$TMP/pw" >/dev/null
evil='<script>alert("x")</script>'

# new_app NAME: a paper application to 慈周寨镇 received 2024-09-27; prints its id
new_app() {
	"$GONGKAI" --db "$GONGKAI_DB" app new --received 2024-09-27 --channel post --applicant-type np \
		--applicant-name "$1" --contact 13800000000 --request "2024年道路修缮工程预算 $evil" --agency 慈周寨镇人民政府 --json |
		grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9][0-9]*'
}
good=$(new_app "$evil")
"$GONGKAI" --db "$GONGKAI_DB" app decide "$good" --outcome partial --date 2024-10-31 \
	--basis "第二部分涉及个人隐私 $evil" >/dev/null
noreason=$(new_app 李四)
"$GONGKAI" --db "$GONGKAI_DB" app decide "$noreason" --outcome deny_third_party --date 2024-10-31 >/dev/null
nobasis=$(new_app 王五)
"$GONGKAI" --db "$GONGKAI_DB" app decide "$nobasis" --outcome other_misc --date 2024-10-31 --basis "已另行处理" >/dev/null
open=$(new_app 赵六)
[ -n "$good" ] && [ -n "$noreason" ] && [ -n "$nobasis" ] && [ -n "$open" ] && ok "four applications set up" ||
	not_ok "four applications set up" "$good $noreason $nobasis $open"
start_server

fetch /console/applications/$good/letter.docx
equals "$CODE" 303 "anonymous: sent to the login page"
contains "$HEADERS" "Location: /console/login?next=/console/applications/$good/letter.docx" "and back after login"

login officer pw-officer-2024
get /console/applications/$good
contains "$BODY" "href=\"/console/applications/$good/letter.docx\"" "the application page links the DOCX letter"
get /console/applications/$good/letter
contains "$BODY" "href=\"/console/applications/$good/letter.docx\"" "the printable letter links the DOCX letter"
contains "$BODY" "<p>法律依据：《中华人民共和国政府信息公开条例》第三十七条。</p>" "the printable letter: the body in the template's wording"
contains "$BODY" "文书版本 gongkai-2026.1" "… and the version of the wording"

fetch /console/applications/$good/letter.docx
equals "$CODE" 200 "the DOCX letter is issued"
mv "$TMP/download" "$TMP/letter.docx"
contains "$HEADERS" "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document" \
	"as a Word document"
contains "$HEADERS" "Content-Disposition: attachment; filename=\"letter-$good.docx\"" "downloaded as a file"
run 0 unzip -t "$TMP/letter.docx"
contains "$OUT" "No errors detected" "a sound zip package"
doc=$(unzip -p "$TMP/letter.docx" word/document.xml)
contains "$doc" "政府信息公开申请答复告知书" "titled 告知书"
contains "$doc" ">慈周寨镇人民政府<" "signed by the organ"
contains "$doc" "2024年10月31日" "dated the decision"
contains "$doc" "法律依据：《中华人民共和国政府信息公开条例》第三十七条" "with the legal basis"
contains "$doc" "60日内向示范县人民政府申请行政复议" "remedy: reconsideration within 60 days to the superior organ"
contains "$doc" "6个月内向有管辖权的人民法院提起行政诉讼" "remedy: litigation within 6 months"
contains "$doc" '理由：第二部分涉及个人隐私 &lt;script&gt;alert("x")&lt;/script&gt;' "the reasons, escaped"
contains "$doc" '&lt;script&gt;alert("x")&lt;/script&gt;：' "the addressee, escaped"
lacks "$doc" "<script>" "never raw markup"
fetch /console/applications/$good/letter.docx
cmp -s "$TMP/letter.docx" "$TMP/download" && ok "the same bytes on a second download" ||
	not_ok "the same bytes on a second download"

# the same letter from the command line: the same bytes as the console's download
run 0 "$GONGKAI" --db "$GONGKAI_DB" app letter "$good" --format docx -o "$TMP/cli.docx"
cmp -s "$TMP/letter.docx" "$TMP/cli.docx" && ok "gongkai app letter --format docx: the console's bytes" ||
	not_ok "gongkai app letter --format docx: the console's bytes"

# the same letter as PDF and OFD (GB/T 33190), from the console and the command line alike
get /console/applications/$good
contains "$BODY" "href=\"/console/applications/$good/letter.ofd\"" "the application page links the OFD letter"
for f in pdf ofd; do
	fetch /console/applications/$good/letter.$f
	equals "$CODE" 200 "the $f letter is issued"
	contains "$HEADERS" "Content-Disposition: attachment; filename=\"letter-$good.$f\"" "$f: downloaded as a file"
	mv "$TMP/download" "$TMP/letter.$f"
	run 0 "$GONGKAI" --db "$GONGKAI_DB" app letter "$good" --format $f -o "$TMP/cli.$f"
	cmp -s "$TMP/letter.$f" "$TMP/cli.$f" && ok "gongkai app letter --format $f: the console's bytes" ||
		not_ok "gongkai app letter --format $f: the console's bytes"
done
contains "$HEADERS" "Content-Type: application/ofd" "the OFD as application/ofd"
run 0 python3 "$(dirname "$0")/../ofd-check.py" "$TMP/letter.ofd" "$(dirname "$0")/../data/ofd" --text
contains "$OUT" "慈周寨镇人民政府" "the OFD letter signed by the organ's full name"
contains "$OUT" "2024年10月31日" "the OFD letter dated the decision"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app letter "$good"
contains "$OUT" "法律依据：《中华人民共和国政府信息公开条例》第三十七条。" "as text: the legal basis"
contains "$OUT" "60日内向示范县人民政府申请行政复议" "as text: the remedy statement"
contains "$OUT" "2024年10月31日" "as text: the date"
run 1 "$GONGKAI" --db "$GONGKAI_DB" app letter "$noreason" --format docx -o "$TMP/no.docx"
contains "$ERR" "答复缺少理由" "the command line refuses the same letter with the same message"
[ ! -s "$TMP/no.docx" ] && ok "and writes nothing" || not_ok "and writes nothing"
# every outcome has a letter: （六）3 其他 states the facts that ended it
run 0 "$GONGKAI" --db "$GONGKAI_DB" app letter "$nobasis"
contains "$OUT" "政府信息公开申请终止办理告知书" "REQ 条例-36: an other_misc outcome has a letter (终止办理告知书)"
contains "$OUT" "已另行处理" "…with the reasons given"
# REQ 行政复议法-24: the county government's own act goes to the government above it; without
# one in the tree, and without the setting, no letter names a body
county=$("$GONGKAI" --db "$GONGKAI_DB" app new --received 2024-09-27 --channel in-person --applicant-type np \
	--applicant-name 县申请人 --contact 13800000000 --request 某项信息 --agency 示范县人民政府 | head -1)
"$GONGKAI" --db "$GONGKAI_DB" app decide "$county" --outcome granted --date 2024-10-31 >/dev/null
run 1 "$GONGKAI" --db "$GONGKAI_DB" app letter "$county"
contains "$ERR" "请在机关的设置中写明行政复议机关（review_body" "no 行政复议机关 known: the letter is refused, saying how to set it"
run 0 "$GONGKAI" --db "$GONGKAI_DB" guide set --agency 示范县人民政府 --review-body 示范市人民政府
run 0 "$GONGKAI" --db "$GONGKAI_DB" app letter "$county"
contains "$OUT" "60日内向示范市人民政府申请行政复议" "the organ's setting names the 行政复议机关"
run 2 "$GONGKAI" --db "$GONGKAI_DB" app letter "$good" --format odt
contains "$ERR" "txt, docx, pdf or ofd" "an unknown format is named"

# a letter the domain refuses is refused as DOCX with the same message as the HTML letter
for pair in "$noreason:答复缺少理由" "$open:尚未作出答复决定"; do
	id=${pair%%:*} msg=${pair#*:}
	get /console/applications/$id/letter
	html_code=$CODE html_body=$BODY
	get /console/applications/$id/letter.docx
	equals "$CODE" 409 "application $id: no DOCX letter ($msg)"
	equals "$CODE" "$html_code" "the same status as the HTML letter"
	contains "$BODY" "$msg" "the page says what is missing"
	contains "$html_body" "$msg" "as the HTML letter does"
	lacks "$HEADERS" "Content-Disposition" "and nothing is downloaded"
done

# roles: as the HTML letter (officer, leader, supervisor of the county); others not
for r in leader reviewer admin supervisor other; do
	login $r pw-$r-2024
	get /console/applications/$good/letter
	html_code=$CODE
	fetch /console/applications/$good/letter.docx
	case $r in leader|supervisor) want=200 ;; other) want=404 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "letter.docx as $r: $want"
	equals "$CODE" "$html_code" "letter.docx as $r: as the HTML letter"
done
stop_server
done_testing

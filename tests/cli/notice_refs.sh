#!/usr/bin/env bash
# tests/cli/notice_refs.sh — issuing notices (gongkai app notice ID NOTICE --issue): the organ's
# reference number from its pattern (guide set --notice-ref) and a serial per organ and year,
# handed out once, never repeated (also with issuers running at once), printed beside the
# tracking code from then on in every format; a notice missing a legal element gets no number;
# the wording's version stored with it; the issue audited; carried by gongkai migrate.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../notice_check.sh"
export GONGKAI_TODAY=2025-03-01
D=$(new_db demo)
run 0 "$GONGKAI" --db "$D" demo
run 0 "$GONGKAI" --db "$D" app list --agency 慈周寨镇 --json
NOTICE_APPS=$OUT
corr=$(notice_pick applicant_name 吴律师事务所)
fee=$(notice_pick applicant_name 王某)
ext=$(notice_pick applicant_name 河南某研究院)
code=$(notice_code "$GONGKAI" --db "$D" app show "$corr")

# not issued yet: no number, the tracking code as the reference
run 0 "$GONGKAI" --db "$D" app notice "$corr"
contains "$OUT" "政府信息公开申请补正告知书  （未出具）" "before issuing: listed as not issued"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "编号：$code" "before issuing: the tracking code as the reference"

# a pattern is checked before it is stored
run 2 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-ref "慈政信〔{year}〕号"
contains "$ERR" "{n} once" "a pattern without the serial {n}: refused"
run 2 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-ref "慈政信〔{yr}〕{n}号"
contains "$ERR" "花括号中只能是 {n}、{year} 或 {organ}" "an unknown placeholder: refused"
run 2 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-ref "慈{n}政{n}号"
contains "$ERR" "{n} once" "{n} twice: refused"
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-ref "慈政信复〔{year}〕{n}号"

# issuing: the number once, from the pattern, the year of the notice's date
run 0 "$GONGKAI" --db "$D" --by 张明 app notice "$corr" correction-1 --issue
equals "$OUT" "correction-1	慈政信复〔2025〕1号	gongkai-2026.1" "issued: the first number of 2025 and the wording's version"
run 1 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --issue
contains "$ERR" "已于2025-03-01出具，文号慈政信复〔2025〕1号" "a second issue of the same notice: refused naming its number"
run 0 "$GONGKAI" --db "$D" app notice "$ext" extension-1 --issue
contains "$OUT" "慈政信复〔2025〕2号" "the next notice of the organ: the next serial"

# printed beside the tracking code, in every format, the same on every download
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "慈政信复〔2025〕1号　查询码：$code" "the text: the number beside the tracking code"
lacks "$OUT" "编号：$code" "the text: no longer the tracking code alone"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --format pdf -o "$TMP/c.pdf"
contains "$(pdftotext -raw "$TMP/c.pdf" -)" "慈政信复〔2025〕1号" "the PDF prints the number"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --format docx -o "$TMP/c.docx"
contains "$(unzip -p "$TMP/c.docx" word/document.xml)" "慈政信复〔2025〕1号" "the DOCX prints the number"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --format ofd -o "$TMP/c.ofd"
run 0 python3 "$NOTICE_TESTS/ofd-check.py" "$TMP/c.ofd" "$NOTICE_TESTS/data/ofd" --text
contains "$OUT" "慈政信复〔2025〕1号" "the OFD prints the number"
run 0 python3 "$NOTICE_TESTS/ofd-check.py" "$TMP/c.ofd" "$NOTICE_TESTS/data/ofd"
equals "$OUT" "ok" "the OFD with the number is valid against the schema"
run 0 "$GONGKAI" --db "$D" app notice "$corr" --json
contains "$OUT" '"ref_number":"慈政信复〔2025〕1号","issued_on":"2025-03-01","version":"gongkai-2026.1"' "the list: number, day issued, version"

# a notice the domain refuses gets no number (and uses none up)
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --fee-account ""
run 1 "$GONGKAI" --db "$D" app notice "$fee" fee-1 --issue
contains "$ERR" "缺少缴费方式和账户" "a 收费通知书 without the account: not issued"
run 0 "$GONGKAI" --db "$D" app notice "$fee"
contains "$OUT" "（未出具）" "the refused notice stays unissued"
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --fee-account "通过非税收入收缴系统缴纳"
run 0 "$GONGKAI" --db "$D" app notice "$fee" fee-1 --issue -o "$TMP/fee.txt"
contains "$(cat "$TMP/fee.txt")" "慈政信复〔2025〕3号　查询码：" "issued with -o: the notice written with its number, the refusal used no serial"

# the reply letter, once decided, is numbered the same way
run 0 "$GONGKAI" --db "$D" app list --agency 慈周寨镇 --state replied --json
rep=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)[-1]['id'])")
run 0 "$GONGKAI" --db "$D" app letter "$rep" --issue
contains "$OUT" "reply	慈政信复〔" "the reply letter issued with a number"
n=$(printf '%s' "$OUT" | cut -f2)
run 0 "$GONGKAI" --db "$D" app letter "$rep"
contains "$OUT" "$n　查询码：" "the reply letter prints its number beside the tracking code"
run 2 "$GONGKAI" --db "$D" app notice 999999 reply --issue
contains "$ERR" "999999" "an application that does not exist: refused"
run 2 "$GONGKAI" --db "$D" app notice "$corr" --issue
contains "$ERR" "give the notice to issue" "--issue without a notice: usage error"

# the pattern changed: the serial goes on (a number is never handed out twice)
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-ref "{organ}信复字{n}号"
cons=$(notice_pick applicant_name 郑晓)
run 0 "$GONGKAI" --db "$D" app notice "$cons" consultation-third-1 --issue
contains "$OUT" "慈周寨镇信复字1号" "a pattern without {year}: its own serial, the organ's name for {organ}"

# issuers at once: every number distinct (the store's write lock and its unique numbers)
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-ref "慈政信复〔{year}〕{n}号"
ids=()
for i in 1 2 3 4 5 6; do
	run 0 "$GONGKAI" --db "$D" app new --agency 慈周寨镇 --received 2025-02-03 --channel in-person \
		--applicant-type np --applicant-name "并发$i" --contact 电话：1 --request 某文件 --json
	id=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
	run 0 "$GONGKAI" --db "$D" app event "$id" correction-requested --date 2025-02-05 --note "请写明文件名称"
	ids+=("$id")
done
for id in "${ids[@]}"; do
	"$GONGKAI" --db "$D" app notice "$id" correction-1 --issue > "$TMP/issue.$id" 2>&1 &
done
wait
cat "$TMP"/issue.* > "$TMP/issued"
equals "$(grep -c '慈政信复〔2025〕' "$TMP/issued")" "6" "six issuers at once: six numbers"
equals "$(cut -f2 "$TMP/issued" | sort -u | wc -l)" "6" "six issuers at once: no number twice"
equals "$(cut -f2 "$TMP/issued" | sed 's/.*〕\([0-9]*\)号/\1/' | sort -n | tr '\n' ' ')" "5 6 7 8 9 10 " \
	"six issuers at once: the serials follow on without a gap"

# audited, and carried to another store by gongkai migrate
run 0 "$GONGKAI" --db "$D" audit list --entity application --id "$corr" --json
contains "$OUT" '"action": "notice-issue"' "the issue is audited"
contains "$OUT" '\"ref_number\":\"慈政信复〔2025〕1号\"' "… with the number"
contains "$OUT" '"actor": "张明"' "… and who issued it"
run 0 "$GONGKAI" migrate --from "$D" --to "$TMP/copy.db"
run 0 "$GONGKAI" --db "$TMP/copy.db" app notice "$corr" correction-1
contains "$OUT" "慈政信复〔2025〕1号" "migrate carries the numbers issued"
run 1 "$GONGKAI" --db "$TMP/copy.db" app notice "$corr" correction-1 --issue
contains "$ERR" "已于" "… and still refuses to issue the notice again"
run 0 "$GONGKAI" --db "$TMP/copy.db" app notice "${ids[0]}" correction-1
run 0 "$GONGKAI" --db "$TMP/copy.db" app new --agency 慈周寨镇 --received 2025-02-03 --channel in-person \
	--applicant-type np --applicant-name 迁移后 --contact 电话：1 --request 某文件 --json
id=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
run 0 "$GONGKAI" --db "$TMP/copy.db" app event "$id" correction-requested --date 2025-02-05 --note "请写明文件名称"
run 0 "$GONGKAI" --db "$TMP/copy.db" app notice "$id" correction-1 --issue
contains "$OUT" "慈政信复〔2025〕11号" "… and the serial goes on after migrate"

done_testing

#!/usr/bin/env bash
# tests/cli/notice_templates.sh — the wording of notices as versioned template files: the shipped
# data/notices/KIND.txt; a county's own folder used by its townships, a township's own before
# its county's (guide set --notice-templates DIR); a template refused when it lacks a legal
# element of its kind, names an unknown part, has no version or unbalanced [ ]; the version and
# the text stored with a notice when issued and used again after the template changed.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../notice_check.sh"
notice_demo
corr=$(notice_pick applicant_name 吴律师事务所)
# a second 补正 of 慈周寨镇, never issued
run 0 "$GONGKAI" --db "$D" app new --agency 慈周寨镇 --received 2025-02-03 --channel in-person \
	--applicant-type np --applicant-name 测试人 --contact 电话：1 --request 某文件 --json
other=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
run 0 "$GONGKAI" --db "$D" app event "$other" correction-requested --date 2025-02-05 --note "请写明文件名称"

# shipped
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "经审查，您的申请内容不明确。" "the shipped wording"
shipped=$OUT

# the county's folder: its townships use it
mkdir -p "$TMP/county" "$TMP/town"
cat > "$TMP/county/correction.txt" <<'EOF'
# 滑县的补正告知书
version: 滑县-2025.1
{opening}
根据{basis}，请补正以下事项：{items}
补正期限：{period}。[备注：{note}]
EOF
run 0 "$GONGKAI" --db "$D" guide set --agency 滑县人民政府 --notice-templates "$TMP/county"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "请补正以下事项：" "a township uses its county's template"
contains "$OUT" "补正期限：15个工作日内，即2025年3月18日前。" "… with the period from the ledger"
lacks "$OUT" "备注：" "… an optional segment with an empty part left out"
lacks "$OUT" "经审查，您的申请内容不明确。" "… not the shipped wording"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --format ofd -o "$TMP/c.ofd"
run 0 python3 "$NOTICE_TESTS/ofd-check.py" "$TMP/c.ofd" "$NOTICE_TESTS/data/ofd"
equals "$OUT" "ok" "… its OFD valid against the schema"

# the township's own folder wins over the county's
cat > "$TMP/town/correction.txt" <<'EOF'
version: 慈周寨镇-1
{opening}
依据{basis}，需要补正：{items}
请于{period}补正。
EOF
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-templates "$TMP/town"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "依据《中华人民共和国政府信息公开条例》第三十条，需要补正：" "the township's own template first"
# a kind the township has no file for: the county's, else the shipped one
run 0 "$GONGKAI" --db "$D" app notice "$(notice_pick applicant_name 河南某研究院)" extension-1
contains "$OUT" "经政府信息公开工作机构负责人同意" "a kind without an own file: the shipped wording"

# refused templates, naming the fault
bad() {  # TEXT EXPECTED DESCRIPTION
	printf '%s\n' "$1" > "$TMP/town/correction.txt"
	run 2 "$GONGKAI" --db "$D" app notice "$corr" correction-1
	contains "$ERR" "$2" "$3"
}
bad $'version: x\n{opening}\n根据{basis}，请于{period}补正。' "模板缺少法定要素 {items}" "a template without the items to correct: refused"
bad $'version: x\n{basis}{items}{period}{secret}' "未知的占位符" "an unknown part: refused"
bad $'{basis}{items}{period}' "缺少 version: 行" "no version: refused"
bad $'version: x\n{basis}{items}{period}[备注：{note}' "[ 没有对应的 ]" "an open [ : refused"
contains "$ERR" "$TMP/town/correction.txt" "… naming the file"
run 2 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --issue
contains "$ERR" "[ 没有对应的 ]" "a notice is not issued with a refused template"
run 0 "$GONGKAI" --db "$D" app notice "$corr"
contains "$OUT" "（未出具）" "… and stays unissued"

# issued: the version and the text kept with the notice
cat > "$TMP/town/correction.txt" <<'EOF'
version: 慈周寨镇-1
{opening}
依据{basis}，需要补正：{items}
请于{period}补正。
EOF
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1 --issue
contains "$OUT" "	慈周寨镇-1" "issued: the template's version stored"
cat > "$TMP/town/correction.txt" <<'EOF'
version: 慈周寨镇-2
{opening}
第二版：依据{basis}，需要补正：{items}
请于{period}补正。
EOF
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "依据《中华人民共和国政府信息公开条例》第三十条，需要补正：" "the issued notice downloaded again after the template changed …"
lacks "$OUT" "第二版" "… reads as issued (version 1)"
run 0 "$GONGKAI" --db "$D" app notice "$corr" --json
contains "$OUT" '"version":"慈周寨镇-1"' "… and lists the version it was issued in"
run 0 "$GONGKAI" --db "$D" app notice "$other" correction-1
contains "$OUT" "第二版：" "a notice not yet issued takes the template as it stands"
run 0 "$GONGKAI" --db "$D" app notice "$other" correction-1 --issue
contains "$OUT" "	慈周寨镇-2" "… and is issued in version 2"
rm -rf "$TMP/town"
run 0 "$GONGKAI" --db "$D" app notice "$corr" correction-1
contains "$OUT" "依据《中华人民共和国政府信息公开条例》第三十条，需要补正：" "the folder gone: the issued notice still reads as issued"

# back to the shipped wording: the settings cleared
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-templates ""
run 0 "$GONGKAI" --db "$D" guide set --agency 滑县人民政府 --notice-templates ""
run 0 "$GONGKAI" --db "$D" app notice "$(notice_pick applicant_name 郑晓)" consultation-third-1
contains "$OUT" "该政府信息公开后可能损害您的合法权益。" "settings cleared: the shipped wording"

done_testing

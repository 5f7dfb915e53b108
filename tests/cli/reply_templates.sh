#!/usr/bin/env bash
# tests/cli/reply_templates.sh — the reply letters' wording (答复告知书, 不予处理告知书, 终止办理
# 告知书) as the versioned template data/notices/reply.txt an organ can replace like the other
# notices: one conclusion per outcome group (conclusion.granted … conclusion.closed), the
# organ's own (or its county's) reply.txt used for the letter in every format and on the
# console's printable page; a template without the conclusion of a group, {basis}, {reasons}
# or {remedy} refused naming it, and no letter issued with it; the version and the wording
# stored with the issued letter and used again after the file changed or went away.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../notice_check.sh"
notice_demo
deny=$(notice_pick outcome deny_enforcement_file)
withdrawn=$(notice_pick outcome other_misc)

# shipped: the version of data/notices/reply.txt
run 0 "$GONGKAI" --db "$D" app notice "$deny" reply
contains "$OUT" "经审查，您申请获取的政府信息不予公开，理由如下。" "shipped: the denial's conclusion"
shipped=$OUT

# an application the organ does not hold but another does: 条例第三十六条第（五）项
run 0 "$GONGKAI" --db "$D" app new --agency 慈周寨镇 --received 2025-02-03 --channel in-person \
	--applicant-type np --applicant-name 测试人 --contact 电话：1 --request 某局的文件 --json
elsewhere=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
run 0 "$GONGKAI" --db "$D" app decide "$elsewhere" --outcome unable_not_held --date 2025-02-10 \
	--basis "该文件由县自然资源局制作" --responsible-organ 县自然资源局 --responsible-contact 0372-1234567
run 0 "$GONGKAI" --db "$D" app letter "$elsewhere"
contains "$OUT" "负责公开该政府信息的行政机关为县自然资源局，联系方式：0372-1234567，请向该机关申请。" \
	"shipped: 第（五）项 names the organ responsible and its contact"
contains "$OUT" "第三十六条第（五）项" "… under 第（五）项"

# the organ's own reply template
mkdir -p "$TMP/town"
cat > "$TMP/town/reply.txt" <<'EOF'
# 慈周寨镇的答复告知书
version: 慈周寨镇-答复-1
conclusion.granted: 经本机关审查，予以公开。
conclusion.partial: 经本机关审查，部分公开。
conclusion.denied: 经本机关审查，您申请的信息不予公开。
conclusion.unable: 经本机关检索，无法提供。
conclusion.elsewhere: 该信息由{counterpart}负责公开[（电话{contact}）]，请向其申请。
conclusion.reissue: 经本机关审查，不作为政府信息公开申请处理。
conclusion.noproc: 经本机关审查，不予处理。
conclusion.closed: 本机关终止办理您的申请。
{opening}
{conclusion}
依据：{basis}。理由：{reasons}
{remedy}
EOF
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-templates "$TMP/town"
run 0 "$GONGKAI" --db "$D" app letter "$deny"
contains "$OUT" "经本机关审查，您申请的信息不予公开。" "the organ's own reply template: its conclusion"
contains "$OUT" "依据：《中华人民共和国政府信息公开条例》第十六条第二款。理由：" "… its wording of the basis and reasons"
contains "$OUT" "60日内向" "… with the remedy statement"
lacks "$OUT" "处理结果：" "… not the shipped wording"
run 0 "$GONGKAI" --db "$D" app notice "$deny" reply
equals "$OUT" "$("$GONGKAI" --db "$D" app letter "$deny")" "app notice ID reply is the same letter"
run 0 "$GONGKAI" --db "$D" app letter "$elsewhere"
contains "$OUT" "该信息由县自然资源局负责公开（电话0372-1234567），请向其申请。" "… the 第（五）项 conclusion with its parts"
run 0 "$GONGKAI" --db "$D" app letter "$withdrawn"
contains "$OUT" "本机关终止办理您的申请。" "… a withdrawal's conclusion"
contains "$OUT" "依据：申请人撤回申请。理由：申请人来电撤回" "… with its basis and reasons"
run 0 "$GONGKAI" --db "$D" app letter "$deny" --format ofd -o "$TMP/r.ofd"
run 0 python3 "$NOTICE_TESTS/ofd-check.py" "$TMP/r.ofd" "$NOTICE_TESTS/data/ofd"
equals "$OUT" "ok" "… its OFD valid against the schema"
run 0 "$GONGKAI" --db "$D" app letter "$deny" --format docx -o "$TMP/r.docx"
contains "$(unzip -p "$TMP/r.docx" word/document.xml)" "经本机关审查，您申请的信息不予公开。" "… its Word document"
good=$(cat "$TMP/town/reply.txt")

# refused templates, naming the missing element; no letter is issued with one
bad() {  # SED-EXPRESSION EXPECTED DESCRIPTION
	printf '%s\n' "$good" | sed "$1" > "$TMP/town/reply.txt"
	run 2 "$GONGKAI" --db "$D" app letter "$deny"
	contains "$ERR" "$2" "$3"
}
bad '/^conclusion.noproc/d' "模板缺少法定要素 conclusion.noproc:" "without the conclusion of one outcome group: refused"
bad 's/{remedy}//' "模板缺少法定要素 {remedy}" "without the remedy statement: refused"
bad 's/依据：{basis}。//' "模板缺少法定要素 {basis}" "without the legal basis: refused"
bad 's/理由：{reasons}//' "模板缺少法定要素 {reasons}" "without the reasons: refused"
contains "$ERR" "$TMP/town/reply.txt" "… naming the file"
bad 's/{counterpart}/{organ}/' "未知的占位符" "an unknown part inside a conclusion: refused"
run 2 "$GONGKAI" --db "$D" app notice "$deny" reply --issue
contains "$ERR" "未知的占位符" "a letter is not issued with a refused template"
run 0 "$GONGKAI" --db "$D" app notice "$deny"
contains "$OUT" "（未出具）" "… and stays unissued"

# issued: the version and the wording kept with the letter
printf '%s\n' "$good" > "$TMP/town/reply.txt"
run 0 "$GONGKAI" --db "$D" app notice "$deny" reply --issue
contains "$OUT" "	慈周寨镇-答复-1" "issued: the template's version stored"
printf '%s\n' "$good" | sed 's/经本机关审查，您申请的信息不予公开。/第二版：不予公开。/; s/^version: .*/version: 慈周寨镇-答复-2/' \
	> "$TMP/town/reply.txt"
run 0 "$GONGKAI" --db "$D" app letter "$deny"
contains "$OUT" "经本机关审查，您申请的信息不予公开。" "the issued letter after the template changed reads as issued"
lacks "$OUT" "第二版" "… not in the new wording"
contains "$OUT" "依申请公开〔2025〕" "… with its reference number"
run 0 "$GONGKAI" --db "$D" app notice "$deny" --json
contains "$OUT" '"version":"慈周寨镇-答复-1"' "… and lists the version it was issued in"
run 0 "$GONGKAI" --db "$D" app letter "$withdrawn"
contains "$OUT" "本机关终止办理您的申请。" "a letter not issued takes the template as it stands (version 2)"
rm -rf "$TMP/town"
run 0 "$GONGKAI" --db "$D" app letter "$deny"
contains "$OUT" "经本机关审查，您申请的信息不予公开。" "the folder gone: the issued letter still reads as issued"
run 0 "$GONGKAI" --db "$D" app letter "$withdrawn"
contains "$OUT" "您的政府信息公开申请已终止办理，理由如下。" "… a letter not issued: the shipped wording (no reply.txt any more)"
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-templates ""
run 0 "$GONGKAI" --db "$D" app letter "$withdrawn"
contains "$OUT" "您的政府信息公开申请已终止办理，理由如下。" "setting cleared: the shipped wording again"

# gongkai guide template: the organ's templates managed from the CLI
run 0 "$GONGKAI" --db "$D" guide template --agency 慈周寨镇
contains "$OUT" "reply	gongkai-2026.1	随软件	政府信息公开申请答复告知书" "guide template lists each kind with the version in force"
contains "$OUT" "correction	gongkai-2026.1	随软件" "… the procedural notices too"
run 0 "$GONGKAI" --db "$D" guide template reply --shipped --agency 慈周寨镇
equals "$OUT" "$(cat "$(dirname "$0")/../../data/notices/reply.txt")" "guide template KIND --shipped prints the shipped file"
printf '%s\n' "$good" | sed '/^conclusion.partial/d' >"$TMP/bad.txt"
run 2 "$GONGKAI" guide template reply --check "$TMP/bad.txt"
contains "$ERR" "模板缺少法定要素 conclusion.partial:" "--check refuses a template naming the missing element"
printf '%s\n' "$good" >"$TMP/good.txt"
run 0 "$GONGKAI" guide template reply --check "$TMP/good.txt"
equals "$OUT" "ok	reply	慈周寨镇-答复-1" "--check accepts a good one, with its version"
mkdir -p "$TMP/own"
run 1 "$GONGKAI" --db "$D" guide template reply --agency 慈周寨镇 --file "$TMP/good.txt"
contains "$ERR" "本机关没有自己的模板目录" "--file without a folder of the organ's own: refused"
run 0 "$GONGKAI" --db "$D" guide set --agency 慈周寨镇 --notice-templates "$TMP/own"
run 2 "$GONGKAI" --db "$D" guide template reply --agency 慈周寨镇 --file "$TMP/bad.txt"
[ ! -e "$TMP/own/reply.txt" ] && ok "--file with a refused template writes nothing" || not_ok "--file with a refused template writes nothing"
run 0 "$GONGKAI" --db "$D" --by liming guide template reply --agency 慈周寨镇 --file "$TMP/good.txt"
run 0 "$GONGKAI" --db "$D" guide template --agency 慈周寨镇
contains "$OUT" "reply	慈周寨镇-答复-1	本机关" "saved: the organ's version in force"
run 0 "$GONGKAI" --db "$D" app letter "$withdrawn"
contains "$OUT" "本机关终止办理您的申请。" "… used for the letter"
run 0 "$GONGKAI" --db "$D" guide template reply --agency 慈周寨镇 --revert
run 0 "$GONGKAI" --db "$D" guide template --agency 慈周寨镇
contains "$OUT" "reply	gongkai-2026.1	随软件" "--revert: the shipped wording again"
run 2 "$GONGKAI" --db "$D" guide template reply --agency 慈周寨镇 --revert
contains "$ERR" "本机关没有自己的“reply”模板" "a second --revert: nothing to remove"
run 2 "$GONGKAI" --db "$D" guide template nope --agency 慈周寨镇
contains "$ERR" "没有“nope”这种文书模板" "an unknown kind"
done_testing

#!/usr/bin/env bash
# templates.sh — the console's 文书模板 pages (/console/templates): each kind of notice with the
# version in force and where it comes from; the wording in force and the shipped one shown
# (escaped) and downloadable; a leader uploads a replacement (CSRF-checked; over the size
# limit, not UTF-8 or missing a legal element: refused naming it, nothing saved) or restores
# the shipped wording; an officer reads but cannot change; another organ's staff see their own
# organ's; every change audited; an uploaded reply template used for the next letter.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
make_other_organ
mkdir -p "$TMP/own"
"$GONGKAI" --db "$GONGKAI_DB" guide set --agency 慈周寨镇人民政府 --notice-templates "$TMP/own" >/dev/null
app=$("$GONGKAI" --db "$GONGKAI_DB" app new --received 2024-09-27 --channel in-person --applicant-type np \
	--applicant-name 张三 --contact 13800000000 --request 预算 --agency 慈周寨镇人民政府 --json |
	grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9][0-9]*')
"$GONGKAI" --db "$GONGKAI_DB" app decide "$app" --outcome deny_state_secret --date 2024-10-25 --basis 涉及国家秘密 >/dev/null
[ -n "$app" ] && ok "an application decided" || not_ok "an application decided"
start_server

get /console/templates
equals "$CODE" 303 "anonymous: sent to the login page"

login officer pw-officer-2024
get /console/templates
equals "$CODE" 200 "an officer sees the organ's templates"
contains "$BODY" 'href="/console/templates"' "… linked from the console's menu"
contains "$BODY" '<tr id="kind-reply"><td><a href="/console/templates/reply">政府信息公开申请答复告知书（含不予处理、终止办理告知书）</a></td><td>gongkai-2026.1</td><td>随软件提供</td>' \
	"the reply letter: the shipped version in force"
contains "$BODY" 'id="kind-correction"' "… and the 补正告知书"
get /console/templates/reply
equals "$CODE" 200 "the reply template's page"
contains "$BODY" "conclusion.denied: 经审查，您申请获取的政府信息不予公开，理由如下。" "… shows the wording in force"
lacks "$BODY" 'action="/console/templates/reply"' "… an officer is offered no upload"
t=$(csrf_of "$BODY")
printf 'version: x\n{opening}\n' >"$TMP/x.txt"
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/x.txt"
equals "$CODE" 403 "an officer cannot upload a template"
download /console/templates/reply/shipped.txt "$TMP/shipped.txt"
equals "$CODE" 200 "the shipped template downloads"
contains "$HEADERS" "text/plain; charset=utf-8" "… as UTF-8 text"
if cmp -s "$TMP/shipped.txt" "$(dirname "$0")/../../data/notices/reply.txt"; then ok "… byte for byte the shipped file"
else not_ok "… byte for byte the shipped file"; fi
get /console/templates/nope
equals "$CODE" 404 "a kind that does not exist: 404"
get /console/templates/reply/other.txt
equals "$CODE" 404 "a file that does not exist: 404"

login leader pw-leader-2024
get /console/templates/reply
contains "$BODY" 'action="/console/templates/reply"' "a leader is offered the upload"
lacks "$BODY" "/console/templates/reply/revert" "… and no revert while the organ has no template of its own"
t=$(csrf_of "$BODY")
sed '/^conclusion.noproc/d' "$TMP/shipped.txt" >"$TMP/bad.txt"
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/bad.txt"
equals "$CODE" 400 "a template without a legal element: refused"
contains "$BODY" "模板缺少法定要素 conclusion.noproc:" "… naming the element"
contains "$BODY" "（未保存）" "… saying nothing was saved"
[ ! -e "$TMP/own/reply.txt" ] && ok "… and no file written" || not_ok "… and no file written"
sed 's/{remedy}//' "$TMP/shipped.txt" >"$TMP/bad.txt"
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/bad.txt"
contains "$BODY" "模板缺少法定要素 {remedy}" "a template without the remedy statement: refused"
printf 'version: x\n\xff\xfe{basis}\n' >"$TMP/bin.txt"
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/bin.txt"
equals "$CODE" 400 "a template that is not UTF-8: refused"
head -c 20000 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/big.txt"
equals "$CODE" 413 "a template over the size limit: refused"
contains "$BODY" "超过 16 KB" "… naming the limit"
sed 's/^version: .*/version: 慈周寨镇-答复-1/; s|经审查，您申请获取的政府信息不予公开，理由如下。|经本镇审查，<b>不予公开</b>，理由如下。|' \
	"$TMP/shipped.txt" >"$TMP/good.txt"
post /console/templates/reply -F "_csrf=$(wrong_token "$t")" -F "file=@$TMP/good.txt"
equals "$CODE" 403 "an upload with a wrong CSRF token: refused"
[ ! -e "$TMP/own/reply.txt" ] && ok "… nothing written" || not_ok "… nothing written"
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/good.txt"
equals "$CODE" 303 "a good template is saved"
cmp -s "$TMP/good.txt" "$TMP/own/reply.txt" && ok "… into the organ's folder, as uploaded" || not_ok "… into the organ's folder, as uploaded"
get /console/templates/reply
contains "$BODY" "现行模板（版本 慈周寨镇-答复-1，本机关自定）" "the page shows the organ's version in force"
contains "$BODY" "经本镇审查，&lt;b&gt;不予公开&lt;/b&gt;" "… its text escaped"
contains "$BODY" "/console/templates/reply/revert" "… and offers the revert"
get /console/templates
contains "$BODY" "<td>慈周寨镇-答复-1</td><td>本机关自定</td><td>gongkai-2026.1</td>" "the list shows the organ's version"
run 0 "$GONGKAI" --db "$GONGKAI_DB" app letter "$app"
contains "$OUT" "经本镇审查，<b>不予公开</b>，理由如下。" "the next letter is in the uploaded wording"

login other pw-other-2024
get /console/templates
contains "$BODY" "<td>gongkai-2026.1</td><td>随软件提供</td><td>gongkai-2026.1</td></tr>" \
	"another organ's officer sees their own organ's (shipped) templates"
lacks "$BODY" "慈周寨镇-答复-1" "… never this organ's"

login leader pw-leader-2024
get /console/templates/reply
t=$(csrf_of "$BODY")
post /console/templates/reply/revert --data-urlencode "_csrf=$t"
equals "$CODE" 303 "the leader restores the shipped wording"
[ ! -e "$TMP/own/reply.txt" ] && ok "… the organ's file removed" || not_ok "… the organ's file removed"
post /console/templates/reply/revert --data-urlencode "_csrf=$t"
equals "$CODE" 404 "a second revert: nothing to remove"
run 0 "$GONGKAI" --db "$GONGKAI_DB" audit list --entity agency --id 2
contains "$OUT" "notice-template-save" "the upload is audited"
contains "$OUT" "慈周寨镇-答复-1" "… with the version"
contains "$OUT" "notice-template-revert" "the revert is audited"

# a template edited by hand on the server and refused: listed as such, and can be removed
printf 'version: 手改\n{opening}\n' >"$TMP/own/reply.txt"
get /console/templates
equals "$CODE" 200 "a refused template of the organ's: the list still opens"
contains "$BODY" "模板有误，出具时会被拒绝：reply：模板缺少法定要素" "… saying what is wrong with it"
get /console/templates/reply
contains "$BODY" "/console/templates/reply/revert" "… its page offers the revert"
contains "$BODY" "本机关的模板不能使用" "… and says it cannot be used"
post /console/templates/reply/revert --data-urlencode "_csrf=$(csrf_of "$BODY")"
equals "$CODE" 303 "… and the leader removes it"

# an organ with no folder of its own: the upload says how to get one
"$GONGKAI" --db "$GONGKAI_DB" guide set --agency 慈周寨镇人民政府 --notice-templates "" >/dev/null
post /console/templates/reply -F "_csrf=$t" -F "file=@$TMP/good.txt"
equals "$CODE" 409 "no folder of the organ's own: refused"
contains "$BODY" "本机关没有自己的模板目录" "… saying how to set one"
stop_server
done_testing

#!/usr/bin/env bash
# reports.sh — on the demo database (`gongkai demo`): the dashboard's deadlines, published
# annual reports in the official layout with every frozen format and the revision history,
# and the console's report page: live figures with findings, narrative editing (escaped in
# the preview), publication by a leader only, a revision only with a reason.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
run 0 "$GONGKAI" --db "$GONGKAI_DB" demo
contains "$OUT" "passwords shown only now" "demo prints the staff passwords once"
pw() { printf '%s\n' "$OUT" | awk -v u="$1" '$1 == u { print $NF }'; }
P_OFFICER=$(pw officer) P_LEADER=$(pw leader) P_SUPER=$(pw supervisor) P_ADMIN=$(pw admin) P_REV=$(pw reviewer)
equals "${#P_OFFICER}" 12 "a 12-character random password per account"
run 0 "$GONGKAI" --db "$GONGKAI_DB" report show 2024 --agency 慈周寨镇 --format txt
reference_txt=$OUT
start_server

get /reports
equals "$CODE" 200 "reports page"
contains "$BODY" "慈周寨镇" "lists 慈周寨镇"
ag=$(printf '%s' "$BODY" | grep -o 'href="/reports/[0-9]*/2024?revision=1">2024' | head -1 | sed 's|href="/reports/\([0-9]*\)/.*|\1|')
get "/reports/$ag/2024"
equals "$CODE" 200 "one report in the official layout"
contains "$BODY" "rowspan" "with the official merged cells"
contains "$BODY" "第二十条第（一）项" "and Table 二"
contains "$BODY" "修订记录" "and the revision history"
get "/reports/$ag/2024/1/txt"
equals "$CODE" 200 "plain-text download"
contains "$HEADERS" "Content-Disposition: attachment" "as an attachment"
equals "$BODY" "$reference_txt" "the download is the frozen report, byte for byte"
get "/reports/$ag/2024/1/json"
contains "$HEADERS" "Content-Type: application/json" "JSON download"
get "/reports/$ag/2024/1/exe"
equals "$CODE" 404 "an unknown format is 404"
get "/reports/$ag/1999"
equals "$CODE" 404 "an unpublished year is 404"

# route × role for the console report pages
for r in officer reviewer leader admin supervisor; do
	case $r in officer) p=$P_OFFICER ;; reviewer) p=$P_REV ;; leader) p=$P_LEADER ;; admin) p=$P_ADMIN ;; supervisor) p=$P_SUPER ;; esac
	login $r "$p"
	get /console/reports?year=2024
	case $r in officer|leader|supervisor) want=200 ;; *) want=403 ;; esac
	[ "$r" = supervisor ] && want=200
	equals "$CODE" "$want" "/console/reports as $r: $want"
	get /console
	t=$(csrf_of "$BODY")
	post /console/reports/publish --data-urlencode "_csrf=$t" --data-urlencode "year=2024"
	case $r in leader) want=409 ;; *) want=403 ;; esac
	equals "$CODE" "$want" "publish as $r: $want"
done

login officer "$P_OFFICER"
get /console
equals "$CODE" 200 "dashboard"
contains "$BODY" "已超期" "shows what is overdue"
contains "$BODY" "今天到期" "due today"
contains "$BODY" "5 个工作日内到期" "due within five working days"
contains "$BODY" "#deadlines" "each one a click from its derivation"
get /console/reports?year=2025
t=$(csrf_of "$BODY")
contains "$BODY" "检查结果" "the report page shows its findings"
evil='<script>alert("r")</script>'
post /console/reports/text --data-urlencode "_csrf=$t" --data-urlencode "year=2025" --data-urlencode "section=problems" --data-urlencode "text=一是人手不足。$evil"
equals "$CODE" 303 "narrative saved"
get /console/reports?year=2025
contains "$BODY" "一是人手不足。&lt;script&gt;" "the narrative appears escaped in the preview"
lacks "$BODY" "$evil" "never raw"

login leader "$P_LEADER"
get /console/reports?year=2024
t=$(csrf_of "$BODY")
post /console/reports/publish --data-urlencode "_csrf=$t" --data-urlencode "year=2024"
equals "$CODE" 409 "publishing a published year again without a reason is refused"
contains "$BODY" "error-summary" "shown as a form error"
post /console/reports/publish --data-urlencode "_csrf=$t" --data-urlencode "year=2024" --data-urlencode "reason=更正第五部分表述 $evil"
equals "$CODE" 303 "a revision with a reason is published"
get "/reports/$ag/2024"
contains "$BODY" "第 2 版" "the report now shows revision 2"
contains "$BODY" "更正第五部分表述 &lt;script&gt;" "with its reason, escaped"
lacks "$BODY" "$evil" "never raw"
stop_server
done_testing

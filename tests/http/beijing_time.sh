#!/usr/bin/env bash
# beijing_time.sh — pages show times in Beijing time (UTC+8, as people in China read them:
# "2026-12-02 13:37"), never the stored UTC ISO stamps, whatever the machine's time zone;
# "today" is Beijing's date (a provisional report's "as of" date and the file name of a daily
# backup show it).
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
run 0 "$GONGKAI" --db "$GONGKAI_DB" report publish 2024 --agency 慈周寨镇人民政府 --by leader
stored=$(sql "$GONGKAI_DB" "SELECT published_at FROM report_publication ORDER BY id DESC LIMIT 1")
beijing=$(date -u -d "${stored%Z} UTC +8 hours" '+%Y-%m-%d %H:%M')
iso='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}'
TZ=America/Los_Angeles start_server   # the machine's zone must not matter

get /reports
contains "$BODY" "$beijing" "the report list shows the publication time in Beijing time ($stored → $beijing)"
if printf '%s' "$BODY" | grep -qE "$iso"; then not_ok "no raw UTC stamp on /reports"; else ok "no raw UTC stamp on /reports"; fi
ag=$(printf '%s' "$BODY" | grep -o 'href="/reports/[0-9]*/2024' | head -1 | grep -o '[0-9]\+' | head -1)
get "/reports/$ag/2024"
contains "$BODY" "发布于 $beijing" "the report page too"
# each page as the role that may open it (三员分立: accounts for security, the log for the auditor)
for pair in "leader:/console/reports?year=2024" "admin:/console" "security:/console/users/1" \
	    "auditor:/console/audit"; do
	who=${pair%%:*} p=${pair#*:}
	login "$who" "pw-$who-2024"
	get "$p"
	equals "$CODE" 200 "$who opens $p"
	if printf '%s' "$BODY" | grep -qE "$iso"; then not_ok "no raw UTC stamp on $p" "$(printf '%s' "$BODY" | grep -oE "$iso" | head -3)"
	else ok "no raw UTC stamp on $p"; fi
done
contains "$BODY" "<td>$(date -u -d '+8 hours' +%Y-%m-%d) " "the audit log shows Beijing dates"

# today is Beijing's date on a machine far west of it
want=$(date -u -d '+8 hours' +%F)
TZ=Etc/GMT+12 run 0 "$GONGKAI" --db "$GONGKAI_DB" report "${want%%-*}" --agency 慈周寨镇人民政府 --draft
contains "$ERR" "as of $want" "a year not ended is reported as of Beijing's date ($want), not the machine's"
if [[ $GONGKAI_DB != postgres* ]]; then   # gongkai backup copies SQLite files only
	TZ=Etc/GMT+12 run 0 "$GONGKAI" --db "$GONGKAI_DB" backup --dir "$TMP"
	contains "$OUT" "gongkai-$want.db" "a daily backup is named by Beijing's date ($want), not the machine's"
fi
done_testing

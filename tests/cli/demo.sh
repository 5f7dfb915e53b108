#!/usr/bin/env bash
# tests/cli/demo.sh — `gongkai demo` is an office a newcomer can judge: hundreds of published
# documents over several years across the 主题分类 and 体裁, with Word attachments; a year of
# applications in every state; feedback answered and pending; published reports of two years.
# (The reference report of 慈周寨镇 2024 is checked byte for byte by tests/cli/report.sh.)
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
D=$(new_db demo)
q() { sql "$D" "$1"; }
run 0 "$GONGKAI" --db "$D" demo
contains "$OUT" "documents published since 2021" "demo says how many documents it published"
pub=$(q "SELECT count(*) FROM document WHERE state = 'published'")
[ "$pub" -ge 300 ] && ok "at least 300 published documents ($pub)" || not_ok "at least 300 published documents" "got $pub"
years=$(q "SELECT count(DISTINCT substr(published_date, 1, 4)) FROM document WHERE state = 'published'")
[ "$years" -ge 5 ] && ok "published over $years years" || not_ok "published over several years" "got $years"
topics=$(q "SELECT count(DISTINCT topic) FROM document WHERE state = 'published'")
genres=$(q "SELECT count(DISTINCT genre) FROM document WHERE state = 'published'")
[ "$topics" -ge 10 ] && [ "$genres" -ge 10 ] && ok "across $topics 主题分类 and $genres 体裁" || not_ok "across topics and genres" "$topics topics, $genres genres"
organs=$(q "SELECT count(DISTINCT agency_id) FROM document WHERE state = 'published'")
equals "$organs" 4 "by the four organs of the demo"
att=$(q "SELECT count(*) FROM document_attachment")
[ "$att" -ge 100 ] && ok "with $att attachments" || not_ok "with attachments" "got $att"
dup=$(q "SELECT count(*) - count(DISTINCT title) FROM document WHERE state = 'published' AND agency_id = (SELECT agency_id FROM document GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1)")
[ "$dup" -lt "$((pub / 8))" ] && ok "titles vary ($dup repeated in the busiest organ)" || not_ok "titles vary" "$dup repeated"
run 0 "$GONGKAI" --db "$D" search 秸秆禁烧
contains "$OUT" "秸秆禁烧" "the catalogue is searchable"

czz="(SELECT id FROM agency WHERE name = '慈周寨镇')"
for st in received awaiting-correction consulting awaiting-payment replied closed; do
	n=$(q "SELECT count(*) FROM application WHERE agency_id = $czz AND state = '$st'")
	[ "$n" -ge 1 ] && ok "applications in state $st ($n)" || not_ok "applications in state $st"
done
replied=$(q "SELECT count(*) FROM application WHERE agency_id = $czz AND state = 'replied'")
[ "$replied" -ge 50 ] && ok "a year of answered applications ($replied)" || not_ok "a year of answered applications" "got $replied"
outcomes=$(q "SELECT count(DISTINCT outcome) FROM application WHERE agency_id = $czz AND outcome IS NOT NULL")
[ "$outcomes" -ge 6 ] && ok "with $outcomes different outcomes" || not_ok "with different outcomes" "got $outcomes"
months=$(q "SELECT count(DISTINCT substr(received, 1, 7)) FROM application WHERE agency_id = $czz")
[ "$months" -ge 11 ] && ok "received over $months months" || not_ok "received over a year" "got $months months"
equals "$(q "SELECT count(*) FROM application WHERE agency_id = $czz AND received LIKE '2024%'")" 0 \
	"none in 2024 (the reference report says so)"
answered=$(q "SELECT count(*) FROM reg_feedback WHERE answered IS NOT NULL")
pending=$(q "SELECT count(*) FROM reg_feedback WHERE answered IS NULL")
[ "$answered" -ge 5 ] && [ "$pending" -ge 2 ] && ok "feedback answered ($answered) and pending ($pending)" || not_ok "feedback answered and pending" "$answered / $pending"
run 0 "$GONGKAI" --db "$D" report list --json
contains "$OUT" '"year": 2023' "reports of 2023 are published"
contains "$OUT" '"year": 2024' "and of 2024"
# each published in the January after its year, as an office does (条例第四十九条: by 1月31日)
late=$(q "SELECT count(*) FROM report_publication WHERE substr(published_at, 1, 7) <> (year + 1) || '-01'")
equals "$late" 0 "every report published in the January after its year"
run 0 "$GONGKAI" --db "$D" report list
lacks "$OUT" "LATE" "none is listed as late"
contains "$OUT" "慈周寨镇 2024 revision 1  format 2021  published 2025-01-21 " \
	"the list shows the publication day and Beijing time"
run 0 "$GONGKAI" --db "$D" audit verify
done_testing

#!/usr/bin/env bash
# tests/cli/notices.sh — gongkai app letter --format txt|docx|pdf|ofd: the reply letters of the
# demo's applications as documents, against goldens (tests/golden/notices/): the same wording in
# every format, the organ's full name as signature over the date written out, the dates in the
# text written the same way; the OFD valid against the GB/T 33190 schema (tests/ofd-check.py)
# and holding the PDF's text; the same bytes twice.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../notice_check.sh"
# the demo's 慈周寨镇 applications: one refused (（三）7) and one withdrawn (（六）3)
notice_demo
deny=$(notice_pick outcome deny_enforcement_file)
withdrawn=$(notice_pick outcome other_misc)

for app in deny:$deny withdrawn:$withdrawn; do
	name=${app%%:*} id=${app#*:}
	code=$(notice_code "$GONGKAI" --db "$D" app show "$id")
	notice_formats "letter-$name" "$code" "$GONGKAI" --db "$D" app letter "$id"
	contains "$(cat "$TMP/letter-$name.txt")" "　慈周寨镇人民政府" "$name: signed with the organ's full name"
done

run 2 "$GONGKAI" --db "$D" app letter "$deny" --format odt
contains "$ERR" "txt, docx, pdf or ofd" "an unknown format names the formats"
done_testing

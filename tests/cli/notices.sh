#!/usr/bin/env bash
# tests/cli/notices.sh — gongkai app letter --format txt|docx|pdf|ofd: the reply letters of the
# demo's applications as documents, against goldens (tests/golden/notices/): the same wording in
# every format, the organ's full name as signature over the date written out, the dates in the
# text written the same way; the OFD valid against the GB/T 33190 schema (tests/ofd-check.py)
# and holding the PDF's text; the same bytes twice.
. "$(dirname "$0")/../lib.sh"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
GOLDEN="$HERE/golden/notices"
export GONGKAI_TODAY=2025-03-01

D="$TMP/demo.db"
run 0 "$GONGKAI" --db "$D" demo
# the demo's 慈周寨镇 applications: one refused (（三）7) and one withdrawn (（六）3)
run 0 "$GONGKAI" --db "$D" app list --agency 慈周寨镇 --json
pick() {  # OUTCOME → the first application's id
	printf '%s' "$OUT" | python3 -c "import json,sys; print(next(r['id'] for r in json.load(sys.stdin) if r.get('outcome') == sys.argv[1]))" "$1"
}
deny=$(pick deny_enforcement_file)
withdrawn=$(pick other_misc)

for app in deny:$deny withdrawn:$withdrawn; do
	name=${app%%:*} id=${app#*:}
	# the tracking code is drawn at random: the goldens say CODE
	run 0 "$GONGKAI" --db "$D" app show "$id" --json
	code=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.load(sys.stdin)['tracking_code'])")
	norm() { sed "s/$code/CODE/g"; }
	run 0 "$GONGKAI" --db "$D" app letter "$id"
	printf '%s\n' "$OUT" | norm > "$TMP/$name.txt"
	if cmp -s "$TMP/$name.txt" "$GOLDEN/letter-$name.txt"; then ok "$name: the letter's text as the golden"
	else not_ok "$name: the letter's text as the golden" "$(diff "$TMP/$name.txt" "$GOLDEN/letter-$name.txt" | head -5)"; fi
	for f in docx pdf ofd; do
		run 0 "$GONGKAI" --db "$D" app letter "$id" --format $f -o "$TMP/$name.$f"
		run 0 "$GONGKAI" --db "$D" app letter "$id" --format $f -o "$TMP/$name.again.$f"
		if cmp -s "$TMP/$name.$f" "$TMP/$name.again.$f"; then ok "$name: $f the same bytes twice"
		else not_ok "$name: $f the same bytes twice"; fi
	done
	if unzip -p "$TMP/$name.docx" word/document.xml | norm | cmp -s - "$GOLDEN/letter-$name.docx.xml"; then
		ok "$name: docx document.xml as the golden"
	else not_ok "$name: docx document.xml as the golden"; fi
	pdftotext -raw "$TMP/$name.pdf" - | norm > "$TMP/$name.pdf.txt"
	if cmp -s "$TMP/$name.pdf.txt" "$GOLDEN/letter-$name.pdf.txt"; then ok "$name: pdf text as the golden"
	else not_ok "$name: pdf text as the golden" "$(diff "$TMP/$name.pdf.txt" "$GOLDEN/letter-$name.pdf.txt" | head -5)"; fi
	run 0 python3 "$HERE/ofd-check.py" "$TMP/$name.ofd" "$HERE/data/ofd"
	equals "$OUT" "ok" "$name: ofd valid against the GB/T 33190 schema"
	run 0 python3 "$HERE/ofd-check.py" "$TMP/$name.ofd" "$HERE/data/ofd" --text
	printf '%s\n' "$OUT" | norm > "$TMP/$name.ofd.txt"
	if cmp -s "$TMP/$name.ofd.txt" "$GOLDEN/letter-$name.ofd.txt"; then ok "$name: ofd text as the golden"
	else not_ok "$name: ofd text as the golden" "$(diff "$TMP/$name.ofd.txt" "$GOLDEN/letter-$name.ofd.txt" | head -5)"; fi
	equals "$(tr -d ' \n\f' < "$TMP/$name.ofd.txt")" "$(pdftotext -raw "$TMP/$name.pdf" - | norm | tr -d ' \n\f')" \
		"$name: the ofd holds the pdf's text"
	txt=$(cat "$TMP/$name.txt")
	contains "$txt" "　慈周寨镇人民政府" "$name: signed with the organ's full name"
	lacks "$txt" "-0" "$name: no date written as YYYY-MM-DD"
done

run 2 "$GONGKAI" --db "$D" app letter "$deny" --format odt
contains "$ERR" "txt, docx, pdf or ofd" "an unknown format names the formats"
done_testing

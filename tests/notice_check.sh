# tests/notice_check.sh — sourced by the notice tests (after lib.sh): check one notice written
# by a gongkai command in every format against its goldens in tests/golden/notices/.
#   notice_formats NAME CODE CMD...   (CMD writes the notice; --format F -o FILE are appended)
# Text, DOCX document.xml, PDF text and OFD text compared with NAME.txt, NAME.docx.xml,
# NAME.pdf.txt, NAME.ofd.txt (the random tracking code CODE normalised to "CODE"); the OFD
# validated against the GB/T 33190 schema and holding the PDF's text; each binary format the
# same bytes twice. Leaves the text in $TMP/NAME.txt.
NOTICE_TESTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NOTICE_GOLDEN="$NOTICE_TESTS/golden/notices"

notice_golden() {  # NAME FILE WHAT
	if cmp -s "$2" "$NOTICE_GOLDEN/$1"; then ok "$3 as the golden"
	else not_ok "$3 as the golden" "$(diff "$2" "$NOTICE_GOLDEN/$1" | head -5)"; fi
}

notice_formats() {
	local name=$1 code=$2 f
	shift 2
	run 0 "$@"
	printf '%s\n' "$OUT" | sed "s/$code/CODE/g" > "$TMP/$name.txt"
	notice_golden "$name.txt" "$TMP/$name.txt" "$name: text"
	for f in docx pdf ofd; do
		run 0 "$@" --format $f -o "$TMP/$name.$f"
		run 0 "$@" --format $f -o "$TMP/$name.again.$f"
		if cmp -s "$TMP/$name.$f" "$TMP/$name.again.$f"; then ok "$name: $f the same bytes twice"
		else not_ok "$name: $f the same bytes twice"; fi
	done
	unzip -p "$TMP/$name.docx" word/document.xml | sed "s/$code/CODE/g" > "$TMP/$name.docx.xml"
	notice_golden "$name.docx.xml" "$TMP/$name.docx.xml" "$name: docx document.xml"
	pdftotext -raw "$TMP/$name.pdf" - | sed "s/$code/CODE/g" > "$TMP/$name.pdf.txt"
	notice_golden "$name.pdf.txt" "$TMP/$name.pdf.txt" "$name: pdf text"
	run 0 python3 "$NOTICE_TESTS/ofd-check.py" "$TMP/$name.ofd" "$NOTICE_TESTS/data/ofd"
	equals "$OUT" "ok" "$name: ofd valid against the GB/T 33190 schema"
	run 0 python3 "$NOTICE_TESTS/ofd-check.py" "$TMP/$name.ofd" "$NOTICE_TESTS/data/ofd" --text
	printf '%s\n' "$OUT" | sed "s/$code/CODE/g" > "$TMP/$name.ofd.txt"
	notice_golden "$name.ofd.txt" "$TMP/$name.ofd.txt" "$name: ofd text"
	equals "$(tr -d ' \n\f' < "$TMP/$name.ofd.txt")" "$(tr -d ' \n\f' < "$TMP/$name.pdf.txt")" \
		"$name: the ofd holds the pdf's text"
	lacks "$(cat "$TMP/$name.txt")" "-0" "$name: no date written as YYYY-MM-DD"
}

notice_code() {  # GONGKAI-ARGS… ID → the application's tracking code
	"$@" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['tracking_code'])"
}

# The demo (as of 2025-03-01) in $D and its 慈周寨镇 applications in $NOTICE_APPS.
notice_demo() {
	export GONGKAI_TODAY=2025-03-01
	D=$(new_db demo)
	run 0 "$GONGKAI" --db "$D" demo
	run 0 "$GONGKAI" --db "$D" app list --agency 慈周寨镇 --json
	NOTICE_APPS=$OUT
}

notice_pick() {  # FIELD VALUE → the id of the first demo application with that value
	printf '%s' "$NOTICE_APPS" | python3 -c "import json,sys; print(next(r['id'] for r in json.load(sys.stdin) if r.get(sys.argv[1]) == sys.argv[2]))" "$1" "$2"
}

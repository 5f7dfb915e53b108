#!/usr/bin/env bash
# tests/cli/report_binary.sh — gongkai report --format xlsx|docx|pdf: the demo's 慈周寨镇 2024
# report written to files, compared with the renderers' golden parts (tests/golden/render/,
# shared with tests/unit/render/test_render_binary.c), byte-for-byte reproducible, the same
# bytes frozen by publication; the PDF's fonts embedded.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
GOLDEN="$(dirname "$0")/../golden/render"
export GONGKAI_TODAY=2025-03-01

D=$(new_db demo)
run 0 "$GONGKAI" --db "$D" demo
# the demo publishes 慈周寨镇 2024: the frozen files are the ones a new render gives
for k in xlsx docx pdf; do
	run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft --format $k -o "$TMP/a.$k"
	run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft --format $k -o "$TMP/b.$k"
	if cmp -s "$TMP/a.$k" "$TMP/b.$k"; then ok "$k: the same bytes twice"; else not_ok "$k: the same bytes twice"; fi
	run 0 "$GONGKAI" --db "$D" report show 2024 --agency 慈周寨镇 --format $k -o "$TMP/pub.$k"
	if cmp -s "$TMP/a.$k" "$TMP/pub.$k"; then ok "$k: the published revision holds the same bytes"
	else not_ok "$k: the published revision holds the same bytes"; fi
done

# the parts a reader opens, against the goldens of the same report
same_part() {  # FILE PART GOLDEN DESCRIPTION
	if unzip -p "$1" "$2" | cmp -s - "$3"; then ok "$4"
	else not_ok "$4" "$(unzip -p "$1" "$2" | diff - "$3" | head -5)"; fi
}
same_part "$TMP/a.xlsx" xl/worksheets/sheet2.xml "$GOLDEN/cizhouzhai-2024.xlsx/xl/worksheets/sheet2.xml" \
	"xlsx: Table 三 sheet as the golden"
same_part "$TMP/a.xlsx" xl/sharedStrings.xml "$GOLDEN/cizhouzhai-2024.xlsx/xl/sharedStrings.xml" \
	"xlsx: labels as the golden"
same_part "$TMP/a.docx" word/document.xml "$GOLDEN/cizhouzhai-2024.docx/word/document.xml" \
	"docx: document.xml as the golden"
equals "$(unzip -Z1 "$TMP/a.docx" | tr '\n' ' ')" "$(tr '\n' ' ' < "$GOLDEN/cizhouzhai-2024.docx/ENTRIES")" \
	"docx: the parts in their order"
run 0 pdftotext -layout "$TMP/a.pdf" "$TMP/a.pdf.txt"
if cmp -s "$TMP/a.pdf.txt" "$GOLDEN/cizhouzhai-2024.pdf.txt"; then ok "pdf: text as the golden"
else not_ok "pdf: text as the golden" "$(diff "$TMP/a.pdf.txt" "$GOLDEN/cizhouzhai-2024.pdf.txt" | head -5)"; fi
run 0 pdffonts "$TMP/a.pdf"
equals "$(printf '%s\n' "$OUT" | tail -n +3 | grep -vc 'yes yes yes')" 0 "pdf: every font embedded, subset, with a Unicode map"

# a redirection is a file too; a binary format never goes to a terminal (needs -o or >)
"$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft --format pdf > "$TMP/c.pdf" 2>"$TMP/err"
if cmp -s "$TMP/a.pdf" "$TMP/c.pdf"; then ok "pdf: redirected output is the same file"; else not_ok "pdf: redirected output is the same file" "$(cat "$TMP/err")"; fi

# round trip: the report reader reads every cell of the DOCX back (道口镇 2024 has applications)
for ag in 慈周寨镇 道口镇; do
	run 0 "$GONGKAI" --db "$D" report 2024 --agency $ag --draft --format docx -o "$TMP/rt.docx"
	run 0 "$GONGKAI" --db "$D" report 2024 --agency $ag --draft --format json -o "$TMP/rt.json"
	run 0 "$GONGKAI" check --json "$TMP/rt.docx"
	printf '%s\n' "$OUT" > "$TMP/rt.check.json"
	equals "$(python3 - "$TMP/rt.json" "$TMP/rt.check.json" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))
got = json.load(open(sys.argv[2]))[0]
bad = [k for k in want["cells"] if got["cells"].get(k) != want["cells"][k]]
print(len(want["cells"]), got["format"], got["year"], got["agency"], got["complete"], bad[:5])
PY
)" "200 2021 2024 $ag True []" "docx of $ag read back by gongkai check: the same 200 cells"
done

if command -v script >/dev/null; then   # util-linux: run with a terminal as standard output
	script -qec "'$GONGKAI' --db '$D' report 2024 --agency 慈周寨镇 --format pdf" /dev/null >"$TMP/tty" 2>&1
	equals "$?" 2 "pdf to a terminal: a usage error"
	contains "$(cat "$TMP/tty")" "give -o FILE" "pdf to a terminal: says how to write it"
fi
done_testing

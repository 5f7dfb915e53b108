#!/usr/bin/env bash
# tests/cli/report_ofd.sh — gongkai report --format ofd: the demo's 慈周寨镇 2024 report as OFD
# (GB/T 33190): every part valid against the standard's schema (tests/data/ofd), the references
# between the parts whole (tests/ofd-check.py), the same text as the PDF page by page (one
# layout), the fonts named as installed on 麒麟/统信 systems, the same bytes twice.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
export GONGKAI_TODAY=2025-03-01

D=$(new_db demo)
run 0 "$GONGKAI" --db "$D" demo
run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft --format ofd -o "$TMP/a.ofd"
run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft --format ofd -o "$TMP/b.ofd"
if cmp -s "$TMP/a.ofd" "$TMP/b.ofd"; then ok "ofd: the same bytes twice"; else not_ok "ofd: the same bytes twice"; fi
equals "$(unzip -Z1 "$TMP/a.ofd" | head -3 | tr '\n' ' ')" "OFD.xml Doc_0/Document.xml Doc_0/PublicRes.xml " \
	"ofd: the entry, the document and its resources first"
run 0 python3 "$HERE/ofd-check.py" "$TMP/a.ofd" "$HERE/data/ofd"
equals "$OUT" "ok" "ofd: valid against the GB/T 33190 schema, IDs, fonts and pages whole"
run 0 python3 "$HERE/ofd-check.py" "$TMP/a.ofd" "$HERE/data/ofd" --text
printf '%s' "$OUT" > "$TMP/ofd.txt"
contains "$OUT" "慈周寨镇2024年政府信息公开工作年度报告" "ofd: the title as text"
contains "$OUT" "— 1 —" "ofd: the page number"

# the same pages as the PDF, text for text (whitespace aside)
run 0 "$GONGKAI" --db "$D" report 2024 --agency 慈周寨镇 --draft --format pdf -o "$TMP/a.pdf"
run 0 pdfinfo "$TMP/a.pdf"
pages=$(printf '%s\n' "$OUT" | awk '/^Pages:/ { print $2 }')
equals "$(tr -cd '\f' < "$TMP/ofd.txt" | wc -c)" "$((pages - 1))" "ofd: as many pages as the PDF ($pages)"
same=0
for p in $(seq 1 "$pages"); do
	a=$(pdftotext -f "$p" -l "$p" -raw "$TMP/a.pdf" - | tr -d ' \n\f')
	b=$(awk -v RS='\f' -v n="$p" 'NR == n' "$TMP/ofd.txt" | tr -d ' \n')
	[ "$a" = "$b" ] && same=$((same + 1))
done
equals "$same" "$pages" "ofd: every page holds the PDF page's text"

unzip -p "$TMP/a.ofd" Doc_0/PublicRes.xml > "$TMP/res.xml"
for f in 方正小标宋_GBK 方正黑体_GBK 方正仿宋_GBK 方正书宋_GBK; do
	contains "$(cat "$TMP/res.xml")" "FontName=\"$f\"" "ofd: names the font $f"
done
unzip -p "$TMP/a.ofd" Doc_0/Pages/Page_2/Content.xml > "$TMP/p.xml"
contains "$(cat "$TMP/p.xml")" "<ofd:PathObject" "ofd: the tables' rules drawn"

# a schema check that can fail: a page whose TextObject lacks its Font is refused
python3 - "$TMP/a.ofd" "$TMP/bad.ofd" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for n in src.namelist():
    data = src.read(n)
    if n == "Doc_0/Pages/Page_0/Content.xml":
        data = data.replace(b' Font="3"', b"")
    dst.writestr(n, data)
dst.close()
PY
run 1 python3 "$HERE/ofd-check.py" "$TMP/bad.ofd" "$HERE/data/ofd"
contains "$OUT" "does not validate" "ofd-check: a TextObject without Font is invalid"
done_testing

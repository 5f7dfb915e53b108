#!/usr/bin/env bash
# check.sh — `gongkai check` on real captures and built reports: text, --json, --csv, folders,
# exit statuses (0 clean, 1 errors, 2 unreadable / usage).
# databases: sqlite (the checker reads files; the demo reports it checks are the same on
# PostgreSQL, tests/cli/report.sh compares all their renderings)
. "$(dirname "$0")/../lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
G="$SRC/tests/golden/check"
DATA="$SRC/tests/data/corpus"
REF="$DATA/reference-cizhouzhai-2024.txt"

run 0 "$GONGKAI" check "$REF"
contains "$OUT" "格式 2021 · 2024 年度 · 慈周寨镇 · 完整" "reference: format, year, organ, complete"
contains "$OUT" "W TXT-02" "reference: section 六 \"0\" is a warning"
lacks "$OUT" " E " "reference: no error"

run 1 "$GONGKAI" check "$G/hangzhou-2021-negative.html"
contains "$OUT" "E T3-02" "negative test: the row total is wrong"
contains "$OUT" "E T3-03" "negative test: （七）总计 no longer adds up"
contains "$OUT" "“（六）3.其他”行（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计列）" "the cells are named by their row and column labels"
contains "$OUT" "应为 965，实为 964" "expected vs found"

run 0 "$GONGKAI" check --json "$G/hangzhou-2021-gb18030.html"
contains "$OUT" '"charset": "GB18030"' "json: the gb2312-labelled page was read as GB18030"
contains "$OUT" '"t3.new_received.total": 14069' "json: cells by id"
contains "$OUT" '"agency": "杭州市某区人民政府办公室"' "json: agency"
contains "$OUT" '"complete": true' "json: complete"

run 0 "$GONGKAI" check --json "$G/shanghai-2019.html"
contains "$OUT" '"blank_cells": [' "json: blank cells listed"
contains "$OUT" '"t3.granted.total"' "json: a blank 总计 is listed"
contains "$OUT" '"rule": "CELL-BLANK"' "json: blank cells are a finding"

# a folder: recursion, CSV, INDEX.tsv not taken for a report
mkdir -p "$TMP/reports/sub"
cp "$REF" "$TMP/reports/"
cp "$G/hangzhou-2021-negative.html" "$TMP/reports/sub/"
cp "$DATA/real/038.txt" "$DATA/real/INDEX.tsv" "$TMP/reports/sub/"
run 1 "$GONGKAI" check --csv "$TMP/reports"
equals "$(echo "$OUT" | head -1)" "file,agency,year,format,complete,errors,warnings,first_error" "csv header"
equals "$(echo "$OUT" | wc -l)" "4" "csv: one line per report file, INDEX.tsv skipped"
contains "$OUT" "reference-cizhouzhai-2024.txt,慈周寨镇,2024,2021,yes,0,1," "csv: the reference line"
contains "$OUT" "038.txt,,2023,2021,no," "csv: a truncated capture is incomplete; '区统计局' names no district"
contains "$OUT" ",2,0,T3-02 " "csv: first error of the negative test"
lacks "$ERR" "files" "no progress bar when stderr is not a terminal"

run 2 "$GONGKAI" check "$TMP/no-such-file.txt"
contains "$ERR" "no-such-file.txt" "an unreadable file is named"
printf 'PK\003\004broken' >"$TMP/broken.docx"
run 2 "$GONGKAI" check "$TMP/broken.docx"
contains "$ERR" "zip" "a broken DOCX says what is wrong"
# a DOCX whose XML declares GBK and is written in UTF-8: said so, and only that on stderr
run 2 "$GONGKAI" check "$G/wrong-encoding.docx"
equals "$ERR" "gongkai check: $G/wrong-encoding.docx: word/document.xml is not XML: its bytes are not in the encoding it declares" \
	"a DOCX in another encoding than it declares says so, libxml2 writes nothing"
# the same file as an attachment: the extraction process says why, and nothing else
run 3 "$GONGKAI" extract-text docx <"$G/wrong-encoding.docx"
equals "$ERR" "extract-text: XML not in the encoding it declares" "extraction: the encoding is named, libxml2 writes nothing"
run 2 "$GONGKAI" check
contains "$ERR" "FILE or DIR" "usage: no file"
run 2 "$GONGKAI" check --json --csv "$REF"
run 0 "$GONGKAI" check --help
contains "$OUT" "--strict" "help lists --strict"

# --strict: a blank cell becomes an error
sed 's/^行政强制\t0/行政强制\t-/' "$REF" >"$TMP/blank.txt"
run 0 "$GONGKAI" check "$TMP/blank.txt"
contains "$OUT" "W CELL-BLANK" "blank cell: warning"
run 1 "$GONGKAI" check --strict "$TMP/blank.txt"
contains "$OUT" "E CELL-BLANK" "blank cell with --strict: error"
# on a terminal: a progress line on stderr (files done, rate, time left) for more than 100 files
if command -v script >/dev/null; then
	mkdir -p "$TMP/many"
	for k in 1 2 3 4; do mkdir -p "$TMP/many/$k" && cp "$DATA"/real/*.txt "$TMP/many/$k/"; done
	bar=$(script -qec "'$GONGKAI' check --csv '$TMP/many' >/dev/null" /dev/null | tr '\r' '\n')
	contains "$bar" "132/132 files" "terminal: progress line counts the files"
	contains "$bar" "left" "terminal: progress line shows the time left"
	bar=$(script -qec "'$GONGKAI' check --csv '$DATA/real' >/dev/null" /dev/null | tr '\r' '\n')
	lacks "$bar" "files" "terminal: no progress line for 33 files"
fi

# a county office's run: two years of one organ (cross-checked), a broken report, an odd name
mkdir -p "$TMP/county/2023" "$TMP/county/2024"
cp "$REF" "$TMP/county/2024/"
sed -e 's/2024/2023/g' -e 's/^一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0/一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1/' \
    -e 's/^四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1/' \
    "$REF" >"$TMP/county/2023/reference-2023.txt"
cp "$G/hangzhou-2021-negative.html" "$TMP/county/x<b>&.html"
cp "$G/scanned.pdf" "$TMP/county/"
run 1 "$GONGKAI" check --csv "$TMP/county"
contains "$OUT" "reference-2023.txt,慈周寨镇,2023,2021,yes,0,2," "county: the 2023 report has no error"
contains "$OUT" "reference-cizhouzhai-2024.txt,慈周寨镇,2024,2021,yes,0,4," "county: 2024 gets the cross-year warnings (T3-05 twice, TXT-05)"
run 1 "$GONGKAI" check "$TMP/county"
contains "$OUT" "W T3-05      本年“上年结转政府信息公开申请数量”应等于上年“结转下年度继续办理”（总计列）：上年 1，本年 0" "county: the cross-year finding names both years' cells"
contains "$OUT" "W TXT-05" "county: the narrative repeated from last year"
run 1 "$GONGKAI" check --html "$TMP/sum.html" --xlsx "$TMP/sum.xlsx" "$TMP/county"
contains "$OUT" "4 个文件：2 个有错误（E 3 处），2 个有警告（W 6 处），0 个无法读取" "summary run: stdout has the totals"
lacks "$OUT" "格式 2021" "summary run: no per-file text on stdout"
h=$(cat "$TMP/sum.html")
contains "$h" "<th>机关</th><th>年度</th><th>格式</th><th>完整</th><th>错误</th><th>警告</th><th>第一个错误</th>" "html: the summary table's columns"
contains "$h" "x&lt;b&gt;&amp;.html" "html: file names are escaped"
lacks "$h" "x<b>&.html" "html: no raw markup from a file name"
first=$(echo "$h" | grep -o '<tr class="[a-z]*"><td><a href="#r[0-9]*">[^<]*' | head -1)
contains "$first" "杭州市某区人民政府办公室" "html: worst first (two errors before one)"
contains "$h" "CAP-11" "html: the scanned PDF's finding in its section"
contains "$h" "T3-05" "html: the cross-year finding in the 2024 report's section"
contains "$(unzip -p "$TMP/sum.xlsx" xl/worksheets/sheet1.xml)" "慈周寨镇" "xlsx: sheet 汇总 names the organ"
contains "$(unzip -p "$TMP/sum.xlsx" xl/worksheets/sheet2.xml)" "T3-05" "xlsx: sheet 问题 lists the findings"
contains "$(unzip -p "$TMP/sum.xlsx" xl/workbook.xml)" "汇总" "xlsx: the summary sheet"
run 2 "$GONGKAI" check --html "$TMP/no-such-dir/x.html" "$REF"
contains "$ERR" "cannot write" "an unwritable summary is an error"

# gongkai's own outputs read back: the same cells from txt, md, html, json and docx
"$GONGKAI" --db "$TMP/demo.db" demo >/dev/null 2>&1
for f in txt md html json; do
	"$GONGKAI" --db "$TMP/demo.db" report 2024 --agency 道口镇 --format $f >"$TMP/own.$f"
done
"$GONGKAI" --db "$TMP/demo.db" report 2024 --agency 道口镇 --format docx -o "$TMP/own.docx"
run 0 "$GONGKAI" check --csv "$TMP/own.txt" "$TMP/own.md" "$TMP/own.html" "$TMP/own.json" "$TMP/own.docx"
equals "$(echo "$OUT" | grep -c ',道口镇,2024,2021,yes,0,')" "5" "own outputs: every format reads back complete, no error"
cells() { "$GONGKAI" check --json "$1" | grep -E '^ +"t[234]' | sort; }
want=$(cells "$TMP/own.json")
equals "$(echo "$want" | wc -l)" "200" "own json: 200 cells"
for f in txt md html docx; do
	equals "$(cells "$TMP/own.$f")" "$want" "own $f: the same 200 cells as the json"
done

# gongkai's own PDF reads back: every one of the 200 cells, rebuilt from word positions
"$GONGKAI" --db "$TMP/demo.db" report 2024 --agency 道口镇 --format pdf -o "$TMP/own.pdf"
equals "$(cells "$TMP/own.pdf")" "$want" "own pdf: the same 200 cells as the json"
"$GONGKAI" --db "$TMP/demo.db" report 2024 --agency 慈周寨镇 --format pdf -o "$TMP/czz.pdf"
run 0 "$GONGKAI" check "$TMP/czz.pdf"
contains "$OUT" "格式 2021 · 2024 年度 · 慈周寨镇 · 完整 · 单元格 200/200 · pdf" "own pdf of the reference report: complete, 200 cells"
contains "$OUT" "W TXT-02" "own pdf: section 六 \"0\" is read (page numbers are not report text)"
# saved rotated (/Rotate 90 or 270, a landscape table): still all 200 cells
for deg in 90 270; do
	python3 "$G/pdf-variant.py" "$TMP/own.pdf" "$TMP/own-$deg.pdf" --rotate $deg
	equals "$(cells "$TMP/own-$deg.pdf")" "$want" "own pdf rotated $deg: the same 200 cells as the json"
done
# a text layer without ToUnicode maps is garbled: said so, page by page, never read as nonsense
python3 "$G/pdf-variant.py" "$TMP/czz.pdf" "$TMP/czz-garbled.pdf" --garble all
run 1 "$GONGKAI" check "$TMP/czz-garbled.pdf"
contains "$OUT" "E CAP-14" "garbled pdf: an error"
contains "$OUT" "没有一页能读出报告内容" "garbled pdf: says no page could be read"
lacks "$OUT" "CAP-01" "garbled pdf: not an incomplete report of nonsense"
lacks "$OUT" " T3-" "garbled pdf: no table rule run on nonsense"
equals "$(cells "$TMP/czz-garbled.pdf" | grep -c .)" "0" "garbled pdf: no cell read"
python3 "$G/pdf-variant.py" "$G/hangzhou-2021-chromium.pdf" "$TMP/hz-garbled-3.pdf" --garble 3
run 0 "$GONGKAI" check "$TMP/hz-garbled-3.pdf"
contains "$OUT" "W CAP-14" "one garbled page: a warning"
contains "$OUT" "其中 1 页（第 3 页）的文字层是乱码" "one garbled page: named"
contains "$OUT" "杭州市某区人民政府办公室" "one garbled page: the organ from the readable pages"
# whatever the file is called: a PDF named .txt is a PDF
cp "$TMP/czz.pdf" "$TMP/czz-pdf.txt"
run 0 "$GONGKAI" check --csv "$TMP/czz-pdf.txt"
contains "$OUT" ",慈周寨镇,2024,2021,yes,0," "a PDF saved as .txt is read as a PDF"
# a scan: reported as such, exit 1, not an empty report
run 1 "$GONGKAI" check "$G/scanned.pdf"
contains "$OUT" "E CAP-11" "scanned PDF: an error"
contains "$OUT" "扫描件" "scanned PDF: says it is a scan"
# a WPS spreadsheet is refused with what to do
run 2 "$GONGKAI" check "$G/wps-table.et"
contains "$ERR" "save it as DOCX, XLSX or PDF" "WPS .et: refused with what to do"
# a page that only frames the PDF names it
run 1 "$GONGKAI" check "$G/frame-pdf.html"
contains "$OUT" "report2024.pdf" "a framing page names the report file"
done_testing

#!/usr/bin/env bash
# check.sh — `gongkai check` over a folder of many published reports: reports per second and MB/s
# per core (CPU time), peak memory (/usr/bin/time -v), against `grep -c 总计` over the same files
# in the same run (the cheapest look at every file there is; the ratio is the price of reading
# and judging); the same on a tenth of the folder (memory and speed must not depend on its
# size); then PDFs on their own.
# The folder is generated: CHECK_BENCH_N reports (default 10000) varied from the real captures of
# tests/data/corpus/real, the reference report and the HTML/DOCX fixtures of tests/golden/check —
# other organ names and years, a changed number in one report of four — so about a third are
# HTML (UTF-8, GB18030, Big5), a few DOCX, the rest text captures of every damaged shape.
# Set CHECK_BENCH_DIR to also add every report file under that folder (e.g. reports rendered by
# `gongkai report`). Set BASELINE to another build of gongkai (e.g. main's before a change) to
# time both on the same folders in the same run, alternately CHECK_BENCH_RUNS times each
# (default 5), and print the ratio of their least CPU times (a shared machine's load only ever
# adds time). Run by `make bench`, never by make check.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
G=${GONGKAI:-$top/build/gongkai}
N=${CHECK_BENCH_N:-10000}
SHARED=$top/tests/data
command -v python3 >/dev/null || { echo "bench/check.sh: needs python3" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/check.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/reports"

python3 - "$SHARED" "$top/tests/golden/check" "$dir/reports" "$N" <<'PY'
import os, random, re, sys, zipfile
shared, golden, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rnd = random.Random(20250131)
templates = []  # (name, ext, bytes, encoding or None)
real = os.path.join(shared, "corpus", "real")
for f in sorted(os.listdir(real)):
    if f.endswith(".txt"):
        templates.append((f, "txt", open(os.path.join(real, f), "rb").read(), "utf-8"))
templates.append(("reference", "txt", open(os.path.join(shared, "corpus", "reference-cizhouzhai-2024.txt"), "rb").read(), "utf-8"))
for f, enc in [("hangzhou-2021.html", "utf-8"), ("hangzhou-2021-gb18030.html", "gb18030"),
               ("hangzhou-2021-big5.html", "big5"), ("shanghai-2019.html", "utf-8"),
               ("hangzhou-2021-negative.html", "utf-8")]:
    for _ in range(8):  # HTML weighs about a third of the folder
        templates.append((f, "html", open(os.path.join(golden, f), "rb").read(), enc))
docx = open(os.path.join(golden, "reference-2024.docx"), "rb").read()
templates.append(("reference-2024.docx", "docx", docx, None))
syll = "东西南北中新安平和兴永丰康宁福华德顺泰清"
names = ["慈周寨镇", "杭州市某区人民政府办公室", "上海市人民政府办公厅", "正阳街道办事处", "广元市经济和信息化局"]

def vary(text, i):
    town = syll[i % 20] + syll[(i // 20) % 20] + syll[(i // 400) % 20]
    for nm in names:
        text = text.replace(nm, town + ("镇" if nm.endswith("镇") else "局"))
    year = 2019 + i % 7
    text = re.sub(r"20(19|2[0-5])年", "%d年" % year, text, count=3)
    if i % 4 == 0:  # one number changed: some reports then break a rule
        nums = list(re.finditer(r"(?<=[\t|>])\d+(?=[\t|<\n ])", text))
        if nums:
            m = nums[rnd.randrange(len(nums))]
            text = text[:m.start()] + str(int(m.group()) + 1 + i % 3) + text[m.end():]
    return text

for i in range(n):
    name, ext, data, enc = templates[i % len(templates)]
    path = os.path.join(out, "%02d" % (i % 100), "%05d-%s" % (i, os.path.splitext(name)[0]))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if ext == "docx":
        zin = zipfile.ZipFile(os.path.join(golden, "reference-2024.docx"))
        xml = vary(zin.read("word/document.xml").decode("utf-8"), i)
        with zipfile.ZipFile(path + ".docx", "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", xml)
        continue
    text = vary(data.decode(enc), i)
    open(path + "." + ext, "wb").write(text.encode(enc, errors="replace"))
PY
if [ -n "${CHECK_BENCH_DIR:-}" ]; then
	cp -r "$CHECK_BENCH_DIR" "$dir/reports/extra"
fi

files=$(find "$dir/reports" -type f | wc -l)
bytes=$(du -sb "$dir/reports" | cut -f1)
sync

# baseline: one grep over the same files (the page cache is warm for both)
grep -rc 总计 "$dir/reports" >/dev/null || true
/usr/bin/time -v grep -rc 总计 "$dir/reports" >"$dir/grep.out" 2>"$dir/gtime.txt" || true

# gongkai check, CSV (one line per report), memory and time from /usr/bin/time -v; first on a
# tenth of the folder (its subfolders 00-09), to show memory and speed do not depend on its size
/usr/bin/time -v "$G" check --csv "$dir"/reports/0? >"$dir/tenth.csv" 2>"$dir/ttime.txt" || true
/usr/bin/time -v "$G" check --csv "$dir/reports" >"$dir/check.csv" 2>"$dir/time.txt" || true
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$1"; }
wall=$(elapsed "$dir/time.txt")
cpu=$(cpu "$dir/time.txt")
gwall=$(elapsed "$dir/gtime.txt")
gcpu=$(cpu "$dir/gtime.txt")
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")
trss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/ttime.txt")
tcpu=$(cpu "$dir/ttime.txt")
tfiles=$(($(wc -l <"$dir/tenth.csv") - 1))
lines=$(($(wc -l <"$dir/check.csv") - 1))
errs=$(awk -F, 'NR > 1 && $6 > 0' "$dir/check.csv" | wc -l)
unread=$(grep -c "无法读取\|unreadable" "$dir/check.csv" || true)

awk -v files="$files" -v bytes="$bytes" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" \
    -v g="$gwall" -v gc="$gcpu" -v lines="$lines" -v errs="$errs" -v tfiles="$tfiles" \
    -v tcpu="$tcpu" -v trss="$trss" '
BEGIN {
	if (wall <= 0) wall = 0.01; if (cpu <= 0) cpu = 0.01; if (g <= 0) g = 0.01; if (gc <= 0) gc = 0.01
	mb = bytes / 1048576
	printf "check: %d report files, %.1f MB (text, HTML in UTF-8/GB18030/Big5, DOCX)\n", files, mb
	printf "  gongkai check --csv: %.2f s wall (%.2f s CPU), %.0f reports/s, %.2f MB/s (by CPU: %.0f reports/s, %.2f MB/s), peak RSS %.1f MB\n", wall, cpu, files / wall, mb / wall, files / cpu, mb / cpu, rss / 1024
	printf "  baseline grep -rc 总计 (same files, same run): %.2f s wall (%.2f s CPU), %.0f files/s, %.1f MB/s\n", g, gc, files / g, mb / g
	printf "  per core: %.0f reports/s, %.2f MB/s of CPU time; grep -c: %.0f files/s, %.1f MB/s\n", files / cpu, mb / cpu, files / gc, mb / gc
	printf "  ratio: check takes %.0fx the wall time of grep -c (%.0fx its CPU time)\n", wall / g, cpu / gc
	if (tcpu <= 0) tcpu = 0.01
	printf "  folder size: %d files %.0f reports/s per core, peak RSS %.1f MB; %d files %.0f reports/s per core, peak RSS %.1f MB\n", tfiles, tfiles / tcpu, trss / 1024, files, files / cpu, rss / 1024
	printf "  %d CSV lines, %d reports with an E finding\n", lines, errs
}'
[ "$lines" -eq "$files" ] || { echo "bench/check.sh: $lines CSV lines for $files files" >&2; exit 1; }

# PDFs on their own (poppler and the positional table rebuild): the browser prints of the
# HTML fixtures and the published shapes (公文 export, two-column gazette), 20 copies each
mkdir -p "$dir/pdf"
n=0
for f in "$top"/tests/golden/check/*-chromium.pdf; do
	for k in $(seq 1 20); do cp "$f" "$dir/pdf/$n-$k.pdf"; done
	n=$((n + 1))
done
for f in "$top"/tests/golden/check/gongwen-ruled.pdf "$top"/tests/golden/check/bulletin-two-column.pdf; do
	for k in $(seq 1 20); do cp "$f" "$dir/pdf/$n-$k.pdf"; done
	n=$((n + 1))
done
pfiles=$(find "$dir/pdf" -type f | wc -l)
pbytes=$(du -sb "$dir/pdf" | cut -f1)
/usr/bin/time -v "$G" check --csv "$dir/pdf" >"$dir/pdf.csv" 2>"$dir/ptime.txt" || true
pcpu=$(cpu "$dir/ptime.txt")
awk -v f="$pfiles" -v b="$pbytes" -v c="$pcpu" 'BEGIN { if (c <= 0) c = 0.01
	printf "pdf: %d files, %.1f MB: %.0f reports/s, %.2f MB/s per core\n", f, b / 1048576, f / c, b / 1048576 / c }'

# Against a baseline build, alternately on the same folders: the least CPU time of each.
if [ -n "${BASELINE:-}" ]; then
	runs=${CHECK_BENCH_RUNS:-5}
	least() {  # binary folder → least CPU seconds over $runs runs (stdout discarded)
		local best="" t
		for _ in $(seq 1 "$runs"); do
			/usr/bin/time -f "%U %S" -o "$dir/bt.txt" "$1" check --csv "$2" >/dev/null 2>&1 || true
			t=$(awk '$1 ~ /^[0-9.]+$/ { t = $1 + $2 } END { print t }' "$dir/bt.txt")  # (after "Command exited…")
			best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
		done
		echo "$best"
	}
	for what in reports pdf; do
		b=0 c=0
		for _ in 1 2; do  # interleaved halves, so a change of load falls on both
			b=$(awk -v x="$b" -v y="$(least "$BASELINE" "$dir/$what")" 'BEGIN { print (x == 0 || y < x) ? y : x }')
			c=$(awk -v x="$c" -v y="$(least "$G" "$dir/$what")" 'BEGIN { print (x == 0 || y < x) ? y : x }')
		done
		[ "$what" = reports ] && f=$files mb=$bytes || f=$pfiles mb=$pbytes
		awk -v w="$what" -v f="$f" -v mb="$mb" -v b="$b" -v c="$c" 'BEGIN {
			if (b <= 0) b = 0.01; if (c <= 0) c = 0.01; mb /= 1048576
			printf "%s against the baseline (least CPU of %d runs each): baseline %.2f s, %.0f reports/s, %.2f MB/s per core; this build %.2f s, %.0f reports/s, %.2f MB/s per core; ratio %.2fx\n", w, 2 * '"$runs"', b, f / b, mb / b, c, f / c, mb / c, b / c }'
	done
fi

#!/usr/bin/env bash
# bench/figure.sh — what drawing the 图解 costs, against the report's own PDF in the same run:
# for 滑县自然资源局 2024 of the demo (compared with 2023), `gongkai report … --draft --format K`
# for K in svg, png, figure.pdf and pdf, R runs each (default 5): bytes, median wall time per
# command (the process start, the store and the report's computation included) and the ratio
# to the report's PDF. Each command is one process, so cairo's first-render cost (the font
# list) is in every PNG and PDF time, as in the CLI and in each web request of a server that
# has not drawn before.
set -euo pipefail
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
R=${R:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$GONGKAI" --db "$TMP/demo.db" demo >/dev/null
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A T B
for k in pdf svg png figure.pdf; do
	for _ in $(seq 1 "$R"); do
		t0=$(date +%s%N)
		"$GONGKAI" --db "$TMP/demo.db" report 2024 --agency 滑县自然资源局 --draft --format "$k" -o "$TMP/out.$k"
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000000))
	done | median > "$TMP/t.$k"
	T[$k]=$(cat "$TMP/t.$k")
	B[$k]=$(stat -c %s "$TMP/out.$k")
done
printf '%-11s %10s %9s %14s\n' kind bytes "ms" "÷ report pdf"
for k in svg png figure.pdf pdf; do
	printf '%-11s %10s %9s %14s\n' "$k" "${B[$k]}" "${T[$k]}" "$(awk -v a="${T[$k]}" -v b="${T[pdf]}" 'BEGIN { printf "%.2f", a / b }')"
done

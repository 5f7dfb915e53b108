#!/usr/bin/env bash
# tests/cli/notice_exchange.sh — the notices an organ issued travel with its ledger: gongkai
# export writes each application's issued notices (number, serial, version and the wording
# they were issued in), gongkai import stores them again — the imported notices keep their
# numbers and read as issued though the new server has none of the organ's template files,
# the next number goes on after the imported ones; export → import →
# export is identical; a file with a notice twice or a number twice stores nothing.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
A=$(new_db a) B=$(new_db b) C=$(new_db c)
ga() { "$GONGKAI" --db "$A" "$@"; }
gb() { "$GONGKAI" --db "$B" "$@"; }
gc() { "$GONGKAI" --db "$C" "$@"; }
export GONGKAI_TODAY=2024-12-31

run 0 ga init --agency-name 慈周寨镇人民政府
run 0 ga guide set --agency 1 --review-body 滑县人民政府 --notice-ref '慈政信复〔{year}〕{n}号'
mkdir -p "$TMP/tpl"
cat > "$TMP/tpl/correction.txt" <<'EOF'
version: 慈周寨镇-补正-3
{opening}
依据{basis}，请补正：{items}
请于{period}补正。
EOF
run 0 ga guide set --agency 1 --notice-templates "$TMP/tpl"
run 0 ga app new --agency 1 --received 2024-03-01 --confirmed 2024-03-01 --channel online \
	--applicant-type np --applicant-name 张三 --contact 电话1 --request 村务公开
CODE=$(printf '%s\n' "$OUT" | sed -n 's/^tracking code: *//p')
run 0 ga app event 1 correction-requested --date 2024-03-05 --period 10 --note 请写明年份
run 0 ga app event 1 correction-received --date 2024-03-08
run 0 ga app decide 1 --outcome partial --date 2024-04-20 --basis 第三十七条
run 0 ga app notice 1 correction-1 --issue
contains "$OUT" "慈政信复〔2024〕1号	慈周寨镇-补正-3" "the 补正告知书 issued in the organ's wording"
run 0 ga app notice 1 reply --issue
contains "$OUT" "慈政信复〔2024〕2号	gongkai-2026.1" "the reply letter issued in the shipped wording"
ga app notice 1 correction-1 >"$TMP/corr-a.txt"
ga app letter 1 >"$TMP/reply-a.txt"

ga export --agency 1 >"$TMP/l1.json"
run 0 python3 -c '
import json, sys
n = json.load(open(sys.argv[1]))["applications"][0]["notices"]
print("\n".join("%s|%s|%s|%s|%s" % (x["notice"], x["ref_number"], x["year"], x["serial"], x["version"]) for x in n))
print("wording" if "依据{basis}，请补正：{items}" in n[0]["wording"] else "no wording")' "$TMP/l1.json"
equals "$OUT" "correction-1|慈政信复〔2024〕1号|2024|1|慈周寨镇-补正-3
reply|慈政信复〔2024〕2号|2024|2|gongkai-2026.1
wording" "the export holds each issued notice: number, serial, version and the wording"

rm -rf "$TMP/tpl"   # the new server has none of the organ's files
run 0 gb import "$TMP/l1.json"
run 0 gb app notice 1
contains "$OUT" "慈政信复〔2024〕1号" "imported: the 补正告知书 keeps its number"
contains "$OUT" "慈政信复〔2024〕2号" "… and the reply letter its own"
run 0 gb app notice 1 correction-1
equals "$OUT" "$(cat "$TMP/corr-a.txt")" "the imported 补正告知书 reads as issued, in the organ's wording"
run 0 gb app letter 1
equals "$OUT" "$(cat "$TMP/reply-a.txt")" "… and the reply letter too"
run 0 gb app notice 1 --json
contains "$OUT" '"version":"慈周寨镇-补正-3"' "… listing the version it was issued in"
gb export >"$TMP/l2.json"
if cmp -s "$TMP/l1.json" "$TMP/l2.json"; then ok "export → import → export is identical"
else not_ok "export → import → export is identical" "$(diff "$TMP/l1.json" "$TMP/l2.json" | head -20)"; fi

# the next number goes on after the imported ones
run 0 gb app new --agency 1 --received 2024-12-02 --channel in-person --applicant-type np \
	--applicant-name 李四 --contact 电话2 --request 某文件
run 0 gb app event 2 correction-requested --date 2024-12-03 --note 请写明文件名称
run 0 gb app notice 2 correction-1 --issue
contains "$OUT" "慈政信复〔2024〕3号" "a notice issued after the import takes the next number"

# refused files store nothing
python3 - "$TMP/l1.json" "$TMP/twice.json" "$TMP/samenum.json" "$TMP/noserial.json" <<'EOF'
import json, sys, copy
d = json.load(open(sys.argv[1]))
t = copy.deepcopy(d); n = t["applications"][0]["notices"]; n[1]["notice"] = n[0]["notice"]
json.dump(t, open(sys.argv[2], "w"), ensure_ascii=False)
t = copy.deepcopy(d); n = t["applications"][0]["notices"]; n[1]["ref_number"] = n[0]["ref_number"]
json.dump(t, open(sys.argv[3], "w"), ensure_ascii=False)
t = copy.deepcopy(d); del t["applications"][0]["notices"][0]["serial"]
json.dump(t, open(sys.argv[4], "w"), ensure_ascii=False)
EOF
run 2 gc import "$TMP/twice.json"
contains "$ERR" "notices[1]" "a notice issued twice: refused, naming where"
contains "$ERR" "出具了两次" "… and why"
run 2 gc import "$TMP/samenum.json"
contains "$ERR" "ref_number" "a number twice: refused, naming the field"
run 2 gc import "$TMP/noserial.json"
contains "$ERR" "serial" "a notice without its serial: refused"
run 0 gc app list --json
equals "$OUT" "[]" "… and nothing was stored"
done_testing

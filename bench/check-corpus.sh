#!/usr/bin/env bash
# check-corpus.sh — how well `gongkai check` reads the captures of tests/data/corpus/real against
# what their INDEX.tsv says: format, completeness, year, organ and the Table 三 totals listed.
# The organ is scored three ways: right (the index's name, the organ's own part of it — 厚桥街道
# of 无锡市锡山区厚桥街道 — or its abbreviation with the place: 文登区住建局), unknown (none read)
# and wrong (a name the index does not hold — an invented organ, or a bare 区政府办公室). Where the index says the capture never names the organ (某…,
# 未出现, 推断), reading none is right. Give GONGKAI=path to measure another build (before →
# after). Run on demand, never by make check.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
G=${GONGKAI:-$top/build/gongkai}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$G" check --json "$top/tests/data/corpus/real" >"$dir/out.json" 2>/dev/null || true
"$G" check --json "$top/tests/golden/check/titles" >"$dir/titles.json" 2>/dev/null || true
python3 - "$top/tests/data/corpus/real/INDEX.tsv" "$dir/out.json" "$top/tests/golden/check/titles/INDEX.tsv" "$dir/titles.json" <<'PY'
import json, os, re, sys
index = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")][1:]
got = {os.path.basename(r["file"]): r for r in json.load(open(sys.argv[2], encoding="utf-8"))}
ids = ["t3.new_received.total", "t3.carried_in.total", "t3.handled_total.total", "t3.carried_out.total"]
n = fmt = comp = year = totals = totals_n = 0
organ = {"right": 0, "unknown": 0, "wrong": 0}
wrong = []


def abbreviates(a, want):
    """a = a place of want + an abbreviation of the rest (文登区住建局 of 威海市文登区住房和城乡建设局):
    the rest's characters in order, the same last character."""
    for m in re.finditer("[省市区县]", a):
        place = a[:m.end()]
        if len(place) < 2:
            continue
        if place in want and a[-1] == want[-1]:
            rest, it = want[want.index(place) + len(place):], None
            it = iter(rest)
            if all(ch in it for ch in a[m.end():]):
                return True
    return False


def tail(s):
    best = 0
    for m in re.finditer("[省市区县]", s):
        if m.end() < len(s):
            best = m.end()
    return s[best:]


for f in index:
    r = got.get(f[0])
    if r is None or "error" in r:
        continue
    n += 1
    fmt += r["format"] == f[6]
    comp += r["complete"] == (f[5] == "yes")
    want_year = 0 if f[4] == "unknown" else int(f[4])
    year += (r["year"] or 0) == want_year
    for k, id_ in enumerate(ids):
        if f[7 + k] != "-":
            totals_n += 1
            totals += r["cells"].get(id_) == int(f[7 + k])
    want = f[2].split("(")[0]
    named = not re.search("某|未出现|推断", f[2])
    a = r["agency"]
    if not a:
        score = "right" if not named else "unknown"
    elif not named:
        score = "right" if a in want else "wrong"
    else:
        at = want.find(a)
        ok = (a == want or (len(a) > len(tail(want)) + 1 and a.endswith(tail(want))) or
              (at >= 0 and (at == 0 or want[at - 1] in "省市区县")) or abbreviates(a, want))
        score = "right" if ok else "wrong"
    organ[score] += 1
    if score != "right":
        wrong.append("%s %s: read %s, index %s" % (score, f[0], a or "nothing", f[2]))
pct = lambda x, m: "%d/%d (%.0f%%)" % (x, m, 100.0 * x / m if m else 0)
print("corpus: %d captures of tests/data/corpus/real" % n)
print("  format %s · complete %s · year %s · Table 三 totals %s" % (
    pct(fmt, n), pct(comp, n), pct(year, n), pct(totals, totals_n)))
print("  organ right %s · unknown %d · wrong %d" % (pct(organ["right"], n), organ["unknown"], organ["wrong"]))
for w in wrong:
    print("    " + w)
# the title shapes of tests/golden/check/titles ("-": the file names no organ)
shapes = [l.rstrip("\n").split("\t") for l in open(sys.argv[3], encoding="utf-8")][1:]
got = {os.path.basename(r["file"]): r for r in json.load(open(sys.argv[4], encoding="utf-8"))}
ok = {"right": 0, "unknown": 0, "wrong": 0}
years = 0
for f in shapes:
    r = got.get(f[0], {"agency": None, "year": None})
    a, want = r.get("agency"), (None if f[1] == "-" else f[1])
    ok["right" if a == want else "unknown" if a is None else "wrong"] += 1
    years += (r.get("year") or 0) == int(f[2])
    if a != want:
        print("    %s %s: read %s, expected %s" % ("unknown" if a is None else "wrong", f[0], a or "nothing", f[1]))
print("title shapes: %d files of tests/golden/check/titles: organ right %s · unknown %d · wrong %d · year %s" % (
    len(shapes), pct(ok["right"], len(shapes)), ok["unknown"], ok["wrong"], pct(years, len(shapes))))
PY

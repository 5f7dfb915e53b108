#!/usr/bin/env python3
"""figure_readback.py — read every number of a 图解 (SVG, or an HTML page with the SVG inline)
back and compare it with the report's cells.

    figure_readback.py FIGURE REPORT.json [PREVIOUS-YEAR.json]

The JSON files are `gongkai report YEAR --format json` of the report and of the year before.
Every <text> with data-cell must show exactly that cell of the report of data-year as a report
prints it (money rounded half up to 4 decimals); every other <text> may hold digits only as
the year of a report ("2024年") or as the item number that begins a label ("1.属于国家秘密").
Prints "N numbers of YEAR, M of YEAR-1, K wrong" then the wrong ones (at most 5).
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal

SVG = "{http://www.w3.org/2000/svg}"


def printed(v):
    d = Decimal(str(v)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return d.normalize() if d != d.to_integral() else d.to_integral()


def main():
    src = open(sys.argv[1], encoding="utf-8").read()
    m = re.search(r"<svg\b.*?</svg>", src, re.S)
    root = ET.fromstring(m.group(0))
    reports = {}
    for path in sys.argv[2:]:
        r = json.load(open(path, encoding="utf-8"))
        reports[r["year"]] = r["cells"]
    year = json.load(open(sys.argv[2], encoding="utf-8"))["year"]
    counts = {year: 0, year - 1: 0}
    wrong = []
    for t in root.iter(SVG + "text"):
        text = "".join(t.itertext())
        cell = t.get("data-cell")
        if cell is None:
            rest = re.sub(r"^(\d+\.)+", "", text)
            rest = rest.replace("%d年" % year, "").replace("%d年" % (year - 1), "")
            if re.search(r"\d", rest):
                wrong.append("no cell: " + text)
            continue
        y = int(t.get("data-year"))
        cells = reports.get(y)
        if cells is None or cell not in cells or cells[cell] is None:
            wrong.append("%s of %d: not in the report" % (cell, y))
        elif Decimal(text) != printed(cells[cell]):
            wrong.append("%s of %d: picture %s, report %s" % (cell, y, text, cells[cell]))
        else:
            counts[y] += 1
    print("%d numbers of %d, %d of %d, %d wrong" % (counts[year], year, counts[year - 1], year - 1, len(wrong)))
    for w in wrong[:5]:
        print(w)


main()

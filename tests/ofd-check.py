#!/usr/bin/env python3
"""tests/ofd-check.py — check an OFD file (GB/T 33190-2016) as a reader would need it.

Usage: ofd-check.py FILE.ofd XSD_DIR [--text]

Every part is validated against the standard's schema (the XSD files in XSD_DIR, see
tests/data/README.md) with xmllint, then what the schema cannot say is checked: the entry
OFD.xml names a DocRoot that exists, every page the document lists exists, every ID is unique
and at most MaxUnitID, every TextObject's Font is a font of PublicRes, every TextCode has one
DeltaX per gap between its characters, and every object's Boundary lies on the A4 page.
Prints "ok" and exits 0, or prints each problem and exits 1. With --text, prints instead the
text of each page, one line per line of text (the TextObjects that share a top), pages
separated by a form feed.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

NS = "{http://www.ofdspec.org/2016}"


def main():
    path, xsd = sys.argv[1], sys.argv[2]
    want_text = "--text" in sys.argv[3:]
    problems = []
    z = zipfile.ZipFile(path)
    names = set(z.namelist())

    def parse(name, schema):
        if name not in names:
            problems.append("missing part %s" % name)
            return None
        data = z.read(name)
        with tempfile.NamedTemporaryFile(suffix=".xml") as f:
            f.write(data)
            f.flush()
            r = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(xsd, schema), f.name],
                               capture_output=True, text=True)
        if r.returncode != 0:
            problems.append("%s does not validate against %s: %s" % (name, schema, r.stderr.strip()[:400]))
        return ET.fromstring(data)

    entry = parse("OFD.xml", "OFD.xsd")
    if entry is None:
        print("\n".join(problems))
        return 1
    root = entry.find(NS + "DocBody/" + NS + "DocRoot").text
    base = os.path.dirname(root)
    doc = parse(root, "Document.xsd")
    ids = []
    max_id = int(doc.find(NS + "CommonData/" + NS + "MaxUnitID").text)
    box = doc.find(NS + "CommonData/" + NS + "PageArea/" + NS + "PhysicalBox").text.split()
    pw, ph = float(box[2]), float(box[3])
    fonts = set()
    for loc in doc.findall(NS + "CommonData/" + NS + "PublicRes"):
        res = parse(os.path.join(base, loc.text), "Res.xsd")
        if res is not None:
            for f in res.iter(NS + "Font"):
                ids.append(int(f.get("ID")))
                fonts.add(f.get("ID"))
                if not f.get("FontName"):
                    problems.append("font %s has no FontName" % f.get("ID"))
    texts = []
    for pg in doc.findall(NS + "Pages/" + NS + "Page"):
        ids.append(int(pg.get("ID")))
        page = parse(os.path.join(base, pg.get("BaseLoc")), "Page.xsd")
        lines = []
        last_y = None
        if page is None:
            continue
        for el in page.iter():
            if el.get("ID") is not None and el.tag != NS + "Page":
                ids.append(int(el.get("ID")))
            b = el.get("Boundary")
            if b is not None:
                x, y, w, h = (float(v) for v in b.split())
                if x < 0 or y < 0 or w <= 0 or h <= 0 or x + w > pw + 0.01 or y + h > ph + 0.01:
                    problems.append("%s %s: Boundary %s is not on the page" % (el.tag[len(NS):], el.get("ID"), b))
            if el.tag == NS + "TextObject":
                if el.get("Font") not in fonts:
                    problems.append("TextObject %s: Font %s is not a font of the document" % (el.get("ID"), el.get("Font")))
                line = ""
                for code in el.findall(NS + "TextCode"):
                    n = len(code.text or "")
                    dx = (code.get("DeltaX") or "").split()
                    if n > 1 and len(dx) != n - 1:
                        problems.append("TextObject %s: %d characters, %d DeltaX" % (el.get("ID"), n, len(dx)))
                    line += code.text or ""
                # the runs of one line (CJK and Latin are separate runs) share their top
                y = (el.get("Boundary") or "").split()[1:2]
                if lines and y == last_y:
                    lines[-1] += line
                else:
                    lines.append(line)
                last_y = y
        texts.append("\n".join(lines))
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        problems.append("IDs used twice: %s" % dup[:10])
    if ids and max(ids) > max_id:
        problems.append("an ID (%d) above MaxUnitID (%d)" % (max(ids), max_id))
    if problems:
        print("\n".join(problems))
        return 1
    if want_text:
        sys.stdout.write("\f".join(texts) + "\n")
    else:
        print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

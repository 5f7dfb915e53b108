#!/usr/bin/env python3
"""pdf-variant.py — derive the shapes of published PDFs the checker must survive from a good PDF.

    pdf-variant.py IN OUT --garble PAGES    those pages use copies of their fonts without
                                            /ToUnicode
    pdf-variant.py IN OUT --rotate 90|270   every page saved rotated: /Rotate set, the content
                                            drawn turned the other way, so a viewer shows the
                                            same page upright (a landscape table saved so)

PAGES is `all` or page numbers from 1 (`1,3`). Without a ToUnicode map a CID (Identity-H) or
Type 3 font's codes mean nothing: poppler gives control characters, Latin letters and stray
characters where Chinese was printed, as with reports exported by some office suites.
Only classic cross-reference tables are handled (what Chromium/Skia and cairo write); the
objects are kept as they are and the table is rebuilt. Standard library only.
"""
import re
import sys

REF = rb'(\d+)\s+0\s+R'


def read_objects(data):
    start = int(re.search(rb'startxref\s+(\d+)\s+%%EOF\s*$', data).group(1))
    if not data[start:].startswith(b'xref'):
        sys.exit('pdf-variant: only classic xref tables are handled')
    pos = start + 4
    offsets = {}
    while True:
        m = re.compile(rb'\s*(\d+)\s+(\d+)\s*\n').match(data, pos)
        if not m:
            break
        first, count = int(m.group(1)), int(m.group(2))
        pos = m.end()
        for i in range(count):
            line = data[pos:pos + 20]
            pos += 20
            if line[17:18] == b'n':
                offsets[first + i] = int(line[:10])
    t = data.index(b'trailer', pos)
    trailer = data[t:data.index(b'startxref', t)]
    ends = sorted(offsets.values()) + [start]
    objs = {}
    for num, off in offsets.items():
        end = ends[ends.index(off) + 1]
        body = data[off:end]
        objs[num] = body[:body.rindex(b'endobj') + 6]
    return data[:min(offsets.values())], objs, trailer


def dict_of(objs, body, key):
    """The text of /key's value: an inline << >> or the object it refers to."""
    m = re.search(rb'/' + key + rb'\s*' + REF, body)
    if m:
        return objs[int(m.group(1))]
    m = re.search(rb'/' + key + rb'\s*<<', body)
    if not m:
        return b''
    depth, i = 0, m.end() - 2
    while i < len(body):
        if body[i:i + 2] == b'<<':
            depth, i = depth + 1, i + 2
        elif body[i:i + 2] == b'>>':
            depth, i = depth - 1, i + 2
            if depth == 0:
                return body[m.end() - 2:i]
        else:
            i += 1
    return b''


def pages(objs, trailer):
    root = objs[int(re.search(rb'/Root\s*' + REF, trailer).group(1))]
    out = []

    def walk(num):
        body = objs[num]
        if re.search(rb'/Type\s*/Pages\b', body):
            kids = re.search(rb'/Kids\s*\[([^\]]*)\]', body).group(1)
            for k in re.findall(REF, kids):
                walk(int(k))
        else:
            out.append(num)
    walk(int(re.search(rb'/Pages\s*' + REF, root).group(1)))
    return out


def copy(objs, num, change=lambda body: body):
    """A new object with num's content passed through change; returns its number."""
    new = max(objs) + 1
    objs[new] = change(re.sub(rb'^\d+\s+0\s+obj', b'%d 0 obj' % new, objs[num]))
    return new


def without_tounicode(objs, fonts):
    """The font dictionary fonts with each font replaced by a copy without its ToUnicode map
    (copies, so a font shared with a page left alone keeps its map there)."""
    return re.sub(REF, lambda m: b'%d 0 R' % copy(
        objs, int(m.group(1)), lambda b: re.sub(rb'/ToUnicode\s*' + REF, b'', b)), fonts)


def garble(objs, page_nums):
    for num in page_nums:
        m = re.search(rb'/Resources\s*' + REF, objs[num])
        if m:  # shared resources: this page gets its own copy
            res = copy(objs, int(m.group(1)))
            objs[num] = objs[num][:m.start()] + b'/Resources %d 0 R' % res + objs[num][m.end():]
        else:
            res = num
        m = re.search(rb'/Font\s*' + REF, objs[res])
        if m:
            fonts = copy(objs, int(m.group(1)))
            objs[res] = objs[res][:m.start()] + b'/Font %d 0 R' % fonts + objs[res][m.end():]
            head, body = objs[fonts].split(b'obj', 1)
            objs[fonts] = head + b'obj' + without_tounicode(objs, body)
        else:
            inline = dict_of(objs, objs[res], b'Font')
            objs[res] = objs[res].replace(inline, without_tounicode(objs, inline), 1)


def media_box(objs, num):
    body = objs[num]
    m = re.search(rb'/MediaBox\s*\[([^\]]*)\]', body)
    if not m:  # inherited from the page tree
        parent = re.search(rb'/Parent\s*' + REF, body)
        return media_box(objs, int(parent.group(1)))
    return [float(v) for v in m.group(1).split()]


def rotate(objs, page_nums, degrees):
    nxt = max(objs) + 1
    for num in page_nums:
        x0, y0, x1, y1 = media_box(objs, num)
        w, h = x1 - x0, y1 - y0
        # user space of the new page is h wide and w tall; /Rotate turns it back to w x h
        cm = b'0 1 -1 0 %g %g cm' % (h + y0, -x0) if degrees == 90 else \
            b'0 -1 1 0 %g %g cm' % (-y0, w + x0)
        pre, post = nxt, nxt + 1
        nxt += 2
        for n, s in ((pre, b'q ' + cm + b'\n'), (post, b'\nQ\n')):
            objs[n] = b'%d 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj' % (n, len(s), s)
        body = objs[num]
        m = re.search(rb'/Contents\s*(\[[^\]]*\]|' + REF + rb')', body)
        inner = m.group(1).strip(b'[]') if m.group(1).startswith(b'[') else m.group(1)
        body = body[:m.start()] + b'/Contents [%d 0 R %s %d 0 R]' % (pre, inner, post) + \
            body[m.end():]
        body = re.sub(rb'/MediaBox\s*\[[^\]]*\]', b'', body)
        body = re.sub(rb'/Rotate\s*\d+', b'', body)
        body = re.sub(rb'/Type\s*/Page\b', b'/Type /Page /MediaBox [0 0 %g %g] /Rotate %d' %
                      (h, w, degrees), body, count=1)
        objs[num] = body


def write(path, head, objs, trailer):
    out = bytearray(head)
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += objs[num] + b'\n'
    xref = len(out)
    size = max(objs) + 1
    out += b'xref\n0 %d\n0000000000 65535 f \n' % size
    for num in range(1, size):
        out += (b'%010d 00000 n \n' % offsets[num]) if num in offsets else b'0000000000 65535 f \n'
    trailer = re.sub(rb'/Size\s*\d+', b'/Size %d' % size, trailer)
    out += trailer + b'startxref\n%d\n%%%%EOF\n' % xref
    open(path, 'wb').write(out)


def main():
    if len(sys.argv) != 5 or sys.argv[3] not in ('--garble', '--rotate'):
        sys.exit(__doc__)
    head, objs, trailer = read_objects(open(sys.argv[1], 'rb').read())
    page_list = pages(objs, trailer)
    if sys.argv[3] == '--garble':
        chosen = page_list if sys.argv[4] == 'all' else \
            [page_list[int(p) - 1] for p in sys.argv[4].split(',')]
        garble(objs, chosen)
    else:
        if sys.argv[4] not in ('90', '270'):
            sys.exit('pdf-variant: --rotate 90 or 270')
        rotate(objs, page_list, int(sys.argv[4]))
    write(sys.argv[2], head, objs, trailer)


if __name__ == '__main__':
    main()

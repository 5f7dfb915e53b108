#!/usr/bin/env python3
"""make-fixtures.py — build the report fixtures the check tests read (run from this folder).

The numbers are the spec's worked examples (annual-report-format.md §6.4): the Hangzhou-style
2021 report in the official HTML rowspan/colspan layout (UTF-8, GB18030 labelled gb2312, and a
traditional-character Big5 copy), its negative twin ((六)3 总计 changed to 964), the 上海
2019 report with the 总计 cells of the outcome rows left blank, and the reference report as a
DOCX with merged cells. Output is deterministic; the files are committed.
"""
import subprocess
import zipfile

T3_2021 = [  # (label cells, total)
    ("一、本年新收政府信息公开申请数量", None),
    ("二、上年结转政府信息公开申请数量", 560),
    ("（一）予以公开", 5548), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2168),
    ("1.属于国家秘密", 13), ("2.其他法律行政法规禁止公开", 30), ("3.危及“三安全一稳定”", 11),
    ("4.保护第三方合法权益", 51), ("5.属于三类内部事务信息", 104), ("6.属于四类过程性信息", 85),
    ("7.属于行政执法案卷", 286), ("8.属于行政查询事项", 150),
    ("1.本机关不掌握相关政府信息", 3222), ("2.没有现成信息需要另行制作", 180),
    ("3.补正后申请内容仍不明确", 19),
    ("1.信访举报投诉类申请", 203), ("2.重复申请", 148), ("3.要求提供公开出版物", 0),
    ("4.无正当理由大量反复申请", 101), ("5.要求行政机关确认或重新出具已获取信息", 5),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 318),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 203),
    ("3.其他", 965),
    ("（七）总计", None), ("四、结转下年度继续办理", 819),
]


def split(total):
    """A total spread over the 6 applicant columns: 商业企业 1/10, 法律服务机构 1/50, 其他 1/100."""
    biz, legal, other = total // 10, total // 50, total // 100
    return [total - biz - legal - other, biz, 0, 0, legal, other]


def hangzhou_rows(negative=False):
    rows = {}
    outcome = T3_2021[2:23]
    handled = [0] * 6
    for label, total in outcome:
        v = split(total)
        rows[label] = v + [sum(v)]
        handled = [a + b for a, b in zip(handled, v)]
    rows["（七）总计"] = handled + [sum(handled)]
    rows["二、上年结转政府信息公开申请数量"] = [500, 60, 0, 0, 0, 0, 560]
    out = split(819)
    rows["四、结转下年度继续办理"] = out + [819]
    cin = rows["二、上年结转政府信息公开申请数量"]
    new = [h + o - c for h, o, c in zip(handled, out, cin[:6])]
    rows["一、本年新收政府信息公开申请数量"] = new + [sum(new)]
    assert sum(new) == 14069 and sum(handled) == 13810
    if negative:
        rows["3.其他"][6] = 964
    return rows


def td(text, rs=1, cs=1):
    a = (' rowspan="%d"' % rs if rs > 1 else "") + (' colspan="%d"' % cs if cs > 1 else "")
    return "<td%s>%s</td>" % (a, text)


def table3_html(rows, version="2021", blank_totals=False):
    h = ['<table border="1" class="t3">',
         "<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3)
         + td("申请人情况", 1, 7) + "</tr>",
         "<tr>" + td("自然人", 2) + td("法人或其他组织", 1, 5) + td("总计", 2) + "</tr>",
         "<tr>" + "".join(td(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>"]

    def vals(label, blank=False):
        v = rows[label]
        cells = [str(x) for x in v[:6]] + ["" if blank else str(v[6])]
        return "".join(td(x) for x in cells)

    h.append("<tr>" + td("一、本年新收政府信息公开申请数量", 1, 3) + vals("一、本年新收政府信息公开申请数量") + "</tr>")
    h.append("<tr>" + td("二、上年结转政府信息公开申请数量", 1, 3) + vals("二、上年结转政府信息公开申请数量") + "</tr>")
    h.append("<tr>" + td("三、本年度办理结果", 22 if version == "2021" else 20) + td("（一）予以公开", 1, 2)
             + vals("（一）予以公开", blank_totals) + "</tr>")
    h.append("<tr>" + td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)
             + vals("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", blank_totals) + "</tr>")
    groups = [("（三）不予公开", T3_2021[4:12]), ("（四）无法提供", T3_2021[12:15]),
              ("（五）不予处理", T3_2021[15:20])]
    if version == "2021":
        groups.append(("（六）其他处理", T3_2021[20:23]))
    for g, members in groups:
        for i, (label, _) in enumerate(members):
            first = td(g, len(members)) if i == 0 else ""
            h.append("<tr>" + first + td(label) + vals(label, blank_totals) + "</tr>")
    if version == "2019":
        h.append("<tr>" + td("（六）其他处理", 1, 2) + vals("（六）其他处理", blank_totals) + "</tr>")
    h.append("<tr>" + td("（七）总计", 1, 2) + vals("（七）总计") + "</tr>")
    h.append("<tr>" + td("四、结转下年度继续办理", 1, 3) + vals("四、结转下年度继续办理") + "</tr>")
    h.append("</table>")
    return "\n".join(h)


def table4_html(v):
    top = ("<tr>" + td("行政复议", 1, 5) + td("行政诉讼", 1, 10) + "</tr>"
           "<tr>" + "".join(td(x, 2) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
           + td("未经复议直接起诉", 1, 5) + td("复议后起诉", 1, 5) + "</tr>"
           "<tr>" + "".join(td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
    return ('<table border="1" class="t4">' + top + "<tr>" + "".join(td(str(x)) for x in v)
            + "</tr></table>")


T2_2021 = """<table border="1" class="t2">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>2</td><td>1</td><td>35</td></tr>
<tr><td>行政规范性文件</td><td>12</td><td>3</td><td>150</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">5000</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">300</td></tr>
<tr><td>行政强制</td><td colspan="3">20</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr>
</table>"""


def page(title, agency_line, t2, t3, t4, charset="utf-8", overview=None):
    overview = overview or (
        "<p>2024年，本机关认真贯彻《中华人民共和国政府信息公开条例》。</p>"
        "<p>全年共收到政府信息公开申请14069件。上年结转560件。全年办结13810件。"
        "结转下年度继续办理819件。</p>")
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_门户网站</title>
<script>var nav = "一、总体情况";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; 年度报告</div>
<div class="content"><h1>{title}</h1>
<p>{agency_line}</p>
<h3>一、总体情况</h3>{overview}
<h3>二、主动公开政府信息情况</h3>{t2}
<h3>三、收到和处理政府信息公开申请情况</h3>{t3}
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>{t4}
<h3>五、存在的主要问题及改进情况</h3><p>一是政策解读形式还不够丰富。二是依申请公开答复质量有待提升。下一步将加强培训。</p>
<h3>六、其他需要报告的事项</h3><p>本年度发出收费通知250件，收取信息处理费1.2万元。</p>
</div><div class="footer">主办单位：某市人民政府办公厅 <span>网站标识码 3301000001</span></div>
</body></html>
"""


def write(name, text, enc="utf-8"):
    with open(name, "wb") as f:
        f.write(text.encode(enc))


T4_HZ = [376, 97, 196, 121, 790, 16, 1, 12, 27, 56, 74, 1, 30, 51, 156]
title = "杭州市某区人民政府办公室2024年政府信息公开工作年度报告"
intro = "本报告由杭州市某区人民政府办公室编制，统计期限为2024年1月1日至2024年12月31日。"
hz = page(title, intro, T2_2021, table3_html(hangzhou_rows()), table4_html(T4_HZ))
write("hangzhou-2021.html", hz)
write("hangzhou-2021-negative.html",
      page(title, intro, T2_2021, table3_html(hangzhou_rows(negative=True)), table4_html(T4_HZ)))
write("hangzhou-2021-gb18030.html", hz.replace("charset=utf-8", "charset=gb2312"), "gb18030")
trad = subprocess.run(["opencc", "-c", "s2tw.json"], input=hz, capture_output=True, text=True,
                      check=True).stdout
write("hangzhou-2021-big5.html", trad.replace("charset=utf-8", "charset=big5"), "big5")

# 上海市人民政府办公厅 2019 (2019 format): the 总计 cells of the outcome rows are blank.
sh = {label: [0] * 7 for label, _ in T3_2021}
sh["（六）其他处理"] = [0] * 7
sh["一、本年新收政府信息公开申请数量"] = [821, 35, 0, 0, 0, 3, 859]
sh["二、上年结转政府信息公开申请数量"] = [18, 0, 0, 0, 0, 0, 18]
sh["（一）予以公开"] = [500, 20, 0, 0, 0, 3, 523]
sh["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] = [100, 10, 0, 0, 0, 0, 110]
sh["1.本机关不掌握相关政府信息"] = [167, 5, 0, 0, 0, 0, 172]
sh["（七）总计"] = [767, 35, 0, 0, 0, 3, 805]
sh["四、结转下年度继续办理"] = [72, 0, 0, 0, 0, 0, 72]
T2_2019 = """<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>5</td><td>5</td><td>120</td></tr>
<tr><td>规范性文件</td><td>20</td><td>20</td><td>300</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td>10</td><td>-2</td><td>800</td></tr>
<tr><td>其他对外管理服务事项</td><td>3</td><td>+1</td><td>40</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政处罚</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政强制</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td></td></tr>
<tr><td>行政事业性收费</td><td>0</td><td>0</td><td></td></tr>
<tr><td colspan="4">第二十条第（九）项</td></tr>
<tr><td>信息内容</td><td>采购项目数量</td><td>采购总金额</td><td></td></tr>
<tr><td>政府集中采购</td><td>12</td><td>251000元</td><td></td></tr>
</table>"""
write("shanghai-2019.html",
      page("上海市人民政府办公厅2019年政府信息公开工作年度报告", "统计期限为2019年1月1日至12月31日。",
           T2_2019, table3_html(sh, "2019", blank_totals=True),
           table4_html([5, 0, 0, 2, 7, 8, 0, 0, 1, 9, 0, 0, 0, 0, 0]),
           overview="<p>2019年，市政府办公厅共收到政府信息公开申请859件。</p>"))


# The reference report as a DOCX: paragraphs, Table 三 with vMerge/gridSpan.
def wp(text):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % text


def wtc(text, span=1, vm=None):
    pr = ('<w:gridSpan w:val="%d"/>' % span if span > 1 else "") + \
         ('<w:vMerge w:val="restart"/>' if vm == "restart" else "<w:vMerge/>" if vm == "cont" else "")
    return "<w:tc>%s%s</w:tc>" % ("<w:tcPr>%s</w:tcPr>" % pr if pr else "", wp(text) if text else "<w:p/>")


def wtr(cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


body = [wp("慈周寨镇2024年政府信息公开工作年度报告"), wp("一、总体情况"),
        wp("2024年，慈周寨镇未收到政府信息公开申请。"), wp("二、主动公开政府信息情况")]
t2 = [wtr([wtc("第二十条第（一）项", 4)]),
      wtr([wtc(x) for x in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]),
      wtr([wtc(x) for x in ["规章", "0", "0", "0"]]),
      wtr([wtc(x) for x in ["行政规范性文件", "0", "0", "0"]]),
      wtr([wtc("第二十条第（五）项", 4)]), wtr([wtc("信息内容"), wtc("本年处理决定数量", 3)]),
      wtr([wtc("行政许可"), wtc("0", 3)]),
      wtr([wtc("第二十条第（六）项", 4)]), wtr([wtc("信息内容"), wtc("本年处理决定数量", 3)]),
      wtr([wtc("行政处罚"), wtc("0", 3)]), wtr([wtc("行政强制"), wtc("0", 3)]),
      wtr([wtc("第二十条第（八）项", 4)]), wtr([wtc("信息内容"), wtc("本年收费金额（单位：万元）", 3)]),
      wtr([wtc("行政事业性收费"), wtc("0", 3)])]
body.append("<w:tbl>" + "".join(t2) + "</w:tbl>")
body.append(wp("三、收到和处理政府信息公开申请情况"))
z7 = [wtc("0")] * 7
t3 = [wtr([wtc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart"), wtc("申请人情况", 7)]),
      wtr([wtc("", 3, "cont"), wtc("自然人", 1, "restart"), wtc("法人或其他组织", 5), wtc("总计", 1, "restart")]),
      wtr([wtc("", 3, "cont"), wtc("", 1, "cont")] + [wtc(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]] + [wtc("", 1, "cont")]),
      wtr([wtc("一、本年新收政府信息公开申请数量", 3)] + z7),
      wtr([wtc("二、上年结转政府信息公开申请数量", 3)] + z7),
      wtr([wtc("三、本年度办理结果", 1, "restart"), wtc("（一）予以公开", 2)] + z7),
      wtr([wtc("", 1, "cont"), wtc("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)] + z7)]
for g, members in [("（三）不予公开", T3_2021[4:12]), ("（四）无法提供", T3_2021[12:15]),
                   ("（五）不予处理", T3_2021[15:20]), ("（六）其他处理", T3_2021[20:23])]:
    for i, (label, _) in enumerate(members):
        t3.append(wtr([wtc("", 1, "cont"), wtc(g if i == 0 else "", 1, "restart" if i == 0 else "cont"), wtc(label)] + z7))
t3.append(wtr([wtc("", 1, "cont"), wtc("（七）总计", 2)] + z7))
t3.append(wtr([wtc("四、结转下年度继续办理", 3)] + z7))
body.append("<w:tbl>" + "".join(t3) + "</w:tbl>")
body.append(wp("四、政府信息公开行政复议、行政诉讼情况"))
t4 = [wtr([wtc("行政复议", 5), wtc("行政诉讼", 10)]),
      wtr([wtc(x, 1, "restart") for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]] + [wtc("未经复议直接起诉", 5), wtc("复议后起诉", 5)]),
      wtr([wtc("", 1, "cont")] * 5 + [wtc(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]),
      wtr([wtc("0")] * 15)]
body.append("<w:tbl>" + "".join(t4) + "</w:tbl>")
body += [wp("五、存在的主要问题及改进情况"), wp("信息公开的及时性有待提高，将加强培训。"),
         wp("六、其他需要报告的事项"), wp("无。")]
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       "<w:body>%s</w:body></w:document>" % "".join(body))
with zipfile.ZipFile("reference-2024.docx", "w", zipfile.ZIP_DEFLATED) as zf:
    info = zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 1, 0, 0, 0))
    zf.writestr(info, doc)
# The same document declaring an encoding its bytes (UTF-8) are not in.
with zipfile.ZipFile("wrong-encoding.docx", "w", zipfile.ZIP_DEFLATED) as zf:
    info = zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 1, 0, 0, 0))
    zf.writestr(info, doc.replace('encoding="UTF-8"', 'encoding="GBK"', 1))


# ---- shapes the reader must recognise by content, whatever the file is called ----------------
import json
import zlib

# A report page saved as a text file: a capture header, then the page's HTML.
write("shanghai-2019-page.txt", "来源：上海市人民政府门户网站\n保存时间：2020-02-01\n\n" +
      open("shanghai-2019.html", encoding="utf-8").read())
# The page's HTML inside a JavaScript string of a JSON answer (\" quotes, \n and \uXXXX escapes).
write("hangzhou-2021-script.txt", json.dumps({"code": 0, "data": {"title": title, "content": hz}}))
# A portal page that only frames the report's PDF, and one that only links to it.
portal = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
          '<div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div><h1>%s</h1>%s'
          '<div class="footer">主办单位：某市人民政府办公厅</div></body></html>')
write("frame-pdf.html", portal % (title, title, '<iframe src="/pdfjs/web/viewer.html?file=/u/cms/'
                                   'www/202401/report2024.pdf" width="100%" height="800"></iframe>'))
write("link-pdf.html", portal % (title, title, '<p>附件：<a href="/u/cms/www/202401/'
                                  '%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf">2024年度报告.pdf</a></p>'))
# A WPS spreadsheet (.et): an OLE2 compound file, which is refused with a clear message.
with open("wps-table.et", "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))


# The Hangzhou tables as a spreadsheet (shared strings, merged cells), as some organs attach them.
def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(path, grid, merges):
    strings, index = [], {}
    rows = []
    for r, cells in enumerate(grid, 1):
        out = []
        for c, v in enumerate(cells, 1):
            if v is None or v == "":
                continue
            ref = "%s%d" % (col(c), r)
            if isinstance(v, int):
                out.append('<c r="%s"><v>%d</v></c>' % (ref, v))
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
        rows.append('<row r="%d">%s</row>' % (r, "".join(out)))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData>'
             '<mergeCells count="%d">%s</mergeCells></worksheet>' %
             (ns, "".join(rows), len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    sst = '<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d">%s</sst>' % (
        ns, len(strings), "".join("<si><t>%s</t></si>" % s for s in strings))
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook %s xmlns:r="http://schemas.openxmlformats.'
          'org/officeDocument/2006/relationships"><sheets><sheet name="年度报告表格" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>' % ns)
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
            'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", rels),
                           ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)]:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)


hzr = hangzhou_rows()
grid, merges = [[title], ["二、主动公开政府信息情况"]], []
for block in [("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
               [["规章", 2, 1, 35], ["行政规范性文件", 12, 3, 150]]),
              ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [["行政许可", 5000]]),
              ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [["行政处罚", 300], ["行政强制", 20]]),
              ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [["行政事业性收费", "12.5"]])]:
    grid.append([block[0]])
    merges.append("A%d:D%d" % (len(grid), len(grid)))
    grid.append(block[1])
    grid += block[2]
grid.append(["三、收到和处理政府信息公开申请情况"])
top = len(grid) + 1
grid += [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"],
         ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
         ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
merges += ["A%d:C%d" % (top, top + 2), "D%d:J%d" % (top, top), "D%d:D%d" % (top + 1, top + 2),
           "E%d:I%d" % (top + 1, top + 1), "J%d:J%d" % (top + 1, top + 2)]
groups = {"1.属于国家秘密": ("（三）不予公开", 8), "1.本机关不掌握相关政府信息": ("（四）无法提供", 3),
          "1.信访举报投诉类申请": ("（五）不予处理", 5), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": ("（六）其他处理", 3)}
for i, (label, _) in enumerate(T3_2021):
    r = len(grid) + 1
    v = list(hzr[label])
    if i < 2 or label.startswith("四、"):
        grid.append([label, "", ""] + v)
        merges.append("A%d:C%d" % (r, r))
    elif label.startswith("（"):
        grid.append(["三、本年度办理结果" if i == 2 else "", label, ""] + v)
        merges.append("B%d:C%d" % (r, r))
        if i == 2:
            merges.append("A%d:A%d" % (r, r + 20))
    else:
        g = groups.get(label)
        grid.append(["", g[0] if g else "", label] + v)
        if g:
            merges.append("B%d:B%d" % (r, r + g[1] - 1))
grid.append(["四、政府信息公开行政复议、行政诉讼情况"])
grid += [["行政复议", "", "", "", "", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
         "未经复议直接起诉", "", "", "", "", "复议后起诉"],
         ["", "", "", "", ""] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, T4_HZ]
xlsx("hangzhou-2021-tables.xlsx", grid, merges)


def write_pdf(path, objs):
    """A PDF of the objects objs (1 0 obj first: the catalog), its xref table computed."""
    out, offs = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + (o.encode() if isinstance(o, str) else o) + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % x for x in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(path, "wb").write(out)


# A scanned report: two pages that are one image each, no text layer.
def scanned_pdf(path):
    img = zlib.compress(bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64)))
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"]
    content = b"q 500 0 0 700 40 60 cm /Im1 Do Q"
    for _ in range(2):
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
                    "<< /Im1 7 0 R >> >> /Contents %d 0 R >>" % (len(objs) + 2))
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(img) +
                img + b"\nendstream")
    write_pdf(path, objs)


scanned_pdf("scanned.pdf")

# The HTML fixtures printed to PDF by a browser (tables with wrapped labels, rowspan labels
# centred over their rows, blank cells, a table across a page break). Needs chromium; the PDFs
# are committed, so the step is skipped where there is none.
for name in ["hangzhou-2021", "hangzhou-2021-negative", "shanghai-2019"]:
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", "--print-to-pdf=%s-chromium.pdf" % name,
                        "%s.html" % name], check=True, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        print("chromium not available: %s-chromium.pdf not remade" % name)


# ---- the shapes organs really publish, printed to PDF ------------------------------------------
# The Hangzhou numbers again, laid out as organs' PDFs are: a 公文-style Word export (title over
# two lines, 仿宋-like serif, ruled tables, Table 三 on landscape pages with labels wrapped in
# narrow cells and a group split by the page break, "— 3 —" page numbers); a gazette (公报) set
# in two columns with a running header and "第 1 页 共 2 页"; that report scanned (pages that are
# JPEG pictures, no text); and Table 三 pasted as a screenshot under its heading. Printed by
# chromium (CSS @page margin boxes, named pages), pictures by pdftoppm (poppler-utils).
import os
import struct

GONGWEN_CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font: 14pt serif; } }
@page wide { size: A4 landscape; margin: 28mm 30mm 26mm 30mm; }
body { font: 16pt/1.6 "Noto Serif CJK SC", serif; margin: 0; }
h1 { font-size: 22pt; text-align: center; font-weight: normal; margin: 0 0 1em; line-height: 1.4; }
p { text-indent: 2em; text-align: justify; margin: 0; }
h3 { font: 16pt "Noto Sans CJK SC", sans-serif; margin: 0.3em 0 0 2em; font-weight: normal; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.25; margin: 0.5em 0; }
td { border: 0.5pt solid #000; text-align: center; padding: 2pt 3pt; }
.t3 { page: wide; }
.t3 td[rowspan="22"] { width: 1.1em; padding: 2pt 4pt; }
.t3 td[rowspan="8"], .t3 td[rowspan="3"], .t3 td[rowspan="5"] { width: 3.2em; }
.t3 td { white-space: normal; }
"""

def gongwen(overview, t3=None):
    t3 = t3 if t3 is not None else table3_html(hangzhou_rows())
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>关于印发2024年政府信息公开工作年度报告的通知</title><style>{GONGWEN_CSS}</style></head><body>
<h1>杭州市某区人民政府办公室<br>2024年政府信息公开工作年度报告</h1>
<p>本报告由杭州市某区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制，统计期限为2024年1月1日至2024年12月31日。</p>
<h3>一、总体情况</h3>{overview}
<h3>二、主动公开政府信息情况</h3>{T2_2021}
<h3>三、收到和处理政府信息公开申请情况</h3><div class="t3">{t3}</div>
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>{table4_html(T4_HZ)}
<h3>五、存在的主要问题及改进情况</h3><p>一是政策解读形式还不够丰富。二是依申请公开答复质量有待提升。下一步将加强培训。</p>
<h3>六、其他需要报告的事项</h3><p>本年度发出收费通知250件，收取信息处理费1.2万元。</p>
<p style="text-align:right;margin-top:2em">杭州市某区人民政府办公室<br>2025年1月20日</p>
</body></html>"""

OVERVIEW = ("<p>2024年，区政府办公室认真贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
            "全面推进决策、执行、管理、服务、结果公开。</p>"
            "<p>全年共收到政府信息公开申请14069件，上年结转560件，全年办结13810件，结转下年度继续办理819件。"
            "依托区政府门户网站、政务新媒体等平台主动公开政府信息，持续提升公开质量。</p>")

BULLETIN_CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: "青川县人民政府公报"; font: 9pt sans-serif; border-bottom: 0.5pt solid #000; }
  @top-right { content: "2025年第1期"; font: 9pt sans-serif; border-bottom: 0.5pt solid #000; }
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt sans-serif; } }
body { font: 10.5pt/1.55 "Noto Serif CJK SC", serif; margin: 0; }
.cols { column-count: 2; column-gap: 8mm; column-rule: 0.5pt solid #888; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 0.6em; }
h3 { font-size: 10.5pt; margin: 0.4em 0 0.2em; }
p { text-indent: 2em; text-align: justify; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.2; margin: 0.4em 0; column-span: all; }
td { border: 0.5pt solid #000; text-align: center; padding: 1pt 2pt; }
"""

def bulletin():
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>青川县人民政府公报</title>
<style>{BULLETIN_CSS}</style></head><body>
<h1>青川县乡村振兴局2024年政府信息公开工作年度报告</h1>
<div class="cols">
<p>根据《中华人民共和国政府信息公开条例》规定，现公布本局2024年度政府信息公开工作年度报告。统计期限为2024年1月1日至2024年12月31日。</p>
<h3>一、总体情况</h3>
<p>2024年，青川县乡村振兴局严格按照县委县政府要求，认真贯彻落实《条例》及相关规定，切实抓好决策、执行、管理、服务、结果公开，不断提升政府信息公开质效，有力助推巩固拓展脱贫攻坚成果同乡村振兴有效衔接。</p>
<p>（一）主动公开情况。全年在青川县人民政府门户网站公开政府信息98条，其中机构职能8条、财政预决算6条、衔接资金项目42条、乡村振兴政策42条。</p>
<p>（二）依申请公开情况。全年共收到政府信息公开申请14069件，上年结转560件，全年办结13810件，结转下年度继续办理819件。</p>
<p>（三）政府信息管理情况。严格落实信息发布审核制度，确保信息及时、准确发布。</p>
<p>（四）平台建设情况。持续优化门户网站栏目设置，规范政务新媒体管理。</p>
<p>（五）监督保障情况。将政府信息公开工作纳入年度目标考核，全年未发生因信息公开引发的责任追究。</p>
<h3>二、主动公开政府信息情况</h3>
</div>{T2_2021}
<h3>三、收到和处理政府信息公开申请情况</h3>{table3_html(hangzhou_rows())}
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>{table4_html(T4_HZ)}
<div class="cols">
<h3>五、存在的主要问题及改进情况</h3><p>一是政策解读形式还不够丰富。二是依申请公开答复质量有待提升。下一步将加强培训，提升公开质量，完善公开目录。</p>
<h3>六、其他需要报告的事项</h3><p>本年度发出收费通知250件，收取信息处理费1.2万元。</p></div>
</body></html>"""

def chromium(html, pdf):
    open("shape.html", "w", encoding="utf-8").write(html)
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + pdf, "shape.html"], check=True, capture_output=True, timeout=180)
    finally:
        os.remove("shape.html")


def pdftoppm(*args):
    subprocess.run(["pdftoppm"] + list(args), check=True, capture_output=True, timeout=120)



def jpeg_size(data):
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            i += 1; continue
        m = data[i + 1]
        if m in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9]); comps = data[i + 9]
            return w, h, comps
        i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
    raise ValueError("no SOF")

def jpeg_pdf(path, jpegs):
    """A scanned report: each page one JPEG image filling an A4 page, no text."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % (3 + 3 * k) for k in range(len(jpegs))), len(jpegs))]
    for k, j in enumerate(jpegs):
        data = open(j, "rb").read()
        w, h, comps = jpeg_size(data)
        content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
                    "<< /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (5 + 3 * k, 4 + 3 * k))
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" %
                    (w, h, b"DeviceGray" if comps == 1 else b"DeviceRGB", len(data)) + data + b"\nendstream")
    write_pdf(path, objs)

try:
    chromium(gongwen(OVERVIEW), "gongwen-ruled.pdf")
    chromium(bulletin(), "bulletin-two-column.pdf")
    # the pictures: pages 1-2 of the 公文 print scanned at 80 dpi, its Table 三 pages at 100 dpi
    pdftoppm("-r", "80", "-f", "1", "-l", "2", "-gray", "-jpeg", "-jpegopt", "quality=50",
             "gongwen-ruled.pdf", "scan")
    pdftoppm("-r", "100", "-f", "3", "-l", "3", "-x", "100", "-y", "60", "-W", "980", "-H", "700",
             "-jpeg", "-jpegopt", "quality=60", "gongwen-ruled.pdf", "t3a")
    pdftoppm("-r", "100", "-f", "4", "-l", "4", "-x", "100", "-y", "60", "-W", "980", "-H", "230",
             "-jpeg", "-jpegopt", "quality=60", "gongwen-ruled.pdf", "t3b")
    jpeg_pdf("scanned-pages.pdf", ["scan-1.jpg", "scan-2.jpg"])
    # Table 三 pasted as a picture right under its heading, on the same portrait page
    chromium(gongwen(OVERVIEW, t3='<img src="t3a-3.jpg" style="width:100%">'
                                  '<img src="t3b-4.jpg" style="width:100%">')
             .replace(".t3 { page: wide; }", ""), "table-image.pdf")
    for j in ["scan-1.jpg", "scan-2.jpg", "t3a-3.jpg", "t3b-4.jpg"]:
        os.remove(j)
except (OSError, subprocess.SubprocessError):
    print("chromium or pdftoppm not available: the published-shape PDFs not remade")

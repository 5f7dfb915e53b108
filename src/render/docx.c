/*
 * docx.c — the annual report as a Word document (WordprocessingML written here, zipped by libzip).
 *
 * The package holds, in this order: [Content_Types].xml, _rels/.rels, docProps/core.xml,
 * docProps/app.xml, word/document.xml, word/styles.xml, word/settings.xml,
 * word/fontTable.xml, word/footer1.xml, word/_rels/document.xml.rels.
 *
 * The page is A4 with the margins of Chinese official documents (GB/T 9704: 37 mm top, 35 mm
 * bottom, 28 mm left, 26 mm right) and a centred "— N —" page number. Fonts are named as
 * official documents name them: the title in 方正小标宋简体 二号, the six headings in 黑体
 * 三号, the narrative in 仿宋_GB2312 三号 at a fixed 28 pt line with a two-character first-line
 * indent, the tables in 宋体 五号; Latin text in Times New Roman. The Chinese faces are set
 * through w:rFonts w:eastAsia and listed in word/fontTable.xml with the GB2312 charset (86) and
 * an alternate name Word substitutes when the face is missing (方正小标宋简体 → 宋体,
 * 仿宋_GB2312 → 仿宋, 黑体 → SimHei). The language is w:lang w:eastAsia="zh-CN" in the
 * document defaults and w:themeFontLang in the settings.
 *
 * Tables are real Word tables on a fixed grid: each cell of the official geometry (layout.h)
 * becomes a w:tc with w:gridSpan for its colspan and w:vMerge="restart" for its rowspan, and
 * each row it covers below gets a w:vMerge continuation cell of the same span. Header rows
 * repeat on a new page (w:tblHeader); rows do not split across pages.
 *
 * Every text (agency, labels, narrative, numbers) reaches the XML through one writer,
 * docx_text, which escapes & < > and drops the control characters XML 1.0 forbids; a tab
 * becomes w:tab and a line break inside a paragraph w:br.
 *
 * Deterministic: fixed part order, fixed creation time in docProps/core.xml (walk.h) and a
 * fixed modification time on every zip entry. libzip stores it as an MS-DOS local time
 * converted with localtime(), so the time_t handed to it is made with mktime() from the fixed
 * local fields — the stored fields are then the same in every time zone.
 * This file is the only one that writes with zip.h. May use base/, text/ and format/.
 */
#include "render/render.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "base/mem.h"
#include "render/walk.h"
#include "text/date.h"
#include "text/utf8.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define DOCX_TEXT_WIDTH 8844   /* twips: 210 mm − 28 mm − 26 mm */
#define DOCX_MAX_ROWS 40
#define DOCX_MAX_COLS 16

enum { PART_DOCUMENT, PART_CORE, PART__MAX };

/* Grid column widths in twips (each table sums to the text width). */
static const int grid_t2[] = { 2652, 2064, 2064, 2064 };
static const int grid_t3[] = { 760, 1180, 2872, 576, 576, 576, 576, 576, 576, 576 };
static const int grid_t4[] = { 590, 590, 590, 590, 590, 590, 590, 590, 590, 590,
			       590, 590, 590, 590, 584 };

/* ---- the one text writer --------------------------------------------------------------- */

/* Append s[0..len) (valid UTF-8) as XML character data: & < > escaped, the control
 * characters XML 1.0 forbids (and U+FFFE, U+FFFF) dropped. Tabs and line feeds are written
 * as they are; run_text turns them into w:tab / w:br. */
static int docx_text(struct buf *out, const char *s, size_t len)
{
	size_t i = 0, start = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		unsigned char ch = (unsigned char)s[i];
		const char *rep = NULL;
		size_t n = 1;

		if (ch == '&')
			rep = "&amp;";
		else if (ch == '<')
			rep = "&lt;";
		else if (ch == '>')
			rep = "&gt;";
		else if (ch < 0x20 && ch != '\t' && ch != '\n')
			rep = "";
		else if (ch == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
			 (unsigned char)s[i + 2] >= 0xBE) {
			rep = "";   /* U+FFFE, U+FFFF */
			n = 3;
		}
		if (rep) {
			if ((rc = buf_append(out, s + start, i - start)) == 0)
				rc = buf_puts(out, rep);
			start = i + n;
		}
		i += n;
	}
	if (rc == 0)
		rc = buf_append(out, s + start, len - start);
	return rc;
}

static int docx_cstr(struct buf *out, const char *s)
{
	return docx_text(out, s, strlen(s));
}

/* Runs for s[0..len): text in w:t, '\t' as w:tab, '\n' as w:br ('\r' dropped). */
static int run_text(struct buf *out, const char *s, size_t len)
{
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0;) {
		size_t n = strcspn(s + i, "\t\n\r");

		if (n > len - i)
			n = len - i;
		if (n)
			if ((rc = buf_puts(out, "<w:r><w:t xml:space=\"preserve\">")) ||
			    (rc = docx_text(out, s + i, n)) || (rc = buf_puts(out, "</w:t></w:r>")))
				break;
		i += n;
		if (i < len) {
			if (s[i] == '\t')
				rc = buf_puts(out, "<w:r><w:tab/></w:r>");
			else if (s[i] == '\n')
				rc = buf_puts(out, "<w:r><w:br/></w:r>");
			i++;
		}
	}
	return rc;
}

/* A paragraph of style (NULL: Normal) with extra pPr content pr (may be ""). */
static int para(struct buf *out, const char *style, const char *pr, const char *s, size_t len)
{
	int rc;

	if ((rc = buf_puts(out, "<w:p>")))
		return rc;
	if (style || *pr) {
		if ((rc = buf_puts(out, "<w:pPr>")) ||
		    (style && (rc = buf_printf(out, "<w:pStyle w:val=\"%s\"/>", style))) ||
		    (rc = buf_puts(out, pr)) || (rc = buf_puts(out, "</w:pPr>")))
			return rc;
	}
	if ((rc = run_text(out, s, len)))
		return rc;
	return buf_puts(out, "</w:p>\n");
}

/* ---- document.xml ---------------------------------------------------------------------- */

struct docx {
	struct buf *doc;
	struct buf num;
};

/* The title; one too wide for a line (22 pt: a CJK character 22 pt, a digit 11 pt) breaks
 * before 政府信息公开工作年度报告 rather than wherever Word would wrap it. */
static int on_title(void *ctx, const char *s, size_t len)
{
	struct docx *d = ctx;
	size_t cut = walk_title_break(s, len);
	struct buf two;
	int rc;

	buf_init(&two, 0);
	if ((rc = buf_append(&two, s, len)) == 0 && cut && utf8_width(two.ptr) * 11 * 20 > DOCX_TEXT_WIDTH) {
		buf_reset(&two);
		if ((rc = buf_append(&two, s, cut)) == 0 && (rc = buf_putc(&two, '\n')) == 0)
			rc = buf_append(&two, s + cut, len - cut);
	}
	if (rc == 0)
		rc = para(d->doc, "Title", "", two.ptr, two.len);
	buf_free(&two);
	return rc;
}

static int on_heading(void *ctx, enum section sec, const char *s, size_t len)
{
	return para(((struct docx *)ctx)->doc, "Heading1", "", s, len);
}

static int on_para(void *ctx, const char *s, size_t len)
{
	return para(((struct docx *)ctx)->doc, NULL, "", s, len);
}

static const int *grid_of(enum fmt_table t, int *n)
{
	if (t == TBL_2) {
		*n = sizeof grid_t2 / sizeof grid_t2[0];
		return grid_t2;
	}
	if (t == TBL_3) {
		*n = sizeof grid_t3 / sizeof grid_t3[0];
		return grid_t3;
	}
	*n = sizeof grid_t4 / sizeof grid_t4[0];
	return grid_t4;
}

/* The cell properties: width, span, merge, vertical centring. vmerge: 0 none, 1 restart,
 * 2 continue. */
static int cell_pr(struct buf *out, const int *grid, const struct lay_cell *lc, int vmerge)
{
	int w = 0, rc;

	for (int k = lc->col; k < lc->col + lc->colspan; k++)
		w += grid[k];
	if ((rc = buf_printf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w)))
		return rc;
	if (lc->colspan > 1 && (rc = buf_printf(out, "<w:gridSpan w:val=\"%d\"/>", lc->colspan)))
		return rc;
	if (vmerge && (rc = buf_puts(out, vmerge == 1 ? "<w:vMerge w:val=\"restart\"/>"
						      : "<w:vMerge/>")))
		return rc;
	return buf_puts(out, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static int on_table(void *ctx, const struct lay_table *t, const struct report_cells *c)
{
	struct docx *d = ctx;
	struct buf *out = d->doc;
	unsigned char owner[DOCX_MAX_ROWS][DOCX_MAX_COLS];
	short who[DOCX_MAX_ROWS][DOCX_MAX_COLS];
	int ngrid, rc;
	const int *grid = grid_of(t->table, &ngrid);

	if (t->nrows > DOCX_MAX_ROWS || t->ncols > DOCX_MAX_COLS || t->ncols != ngrid)
		return ERR_INTERNAL;
	memset(owner, 0, sizeof owner);
	for (int i = 0; i < t->n; i++)
		for (int r = t->c[i].row; r < t->c[i].row + t->c[i].rowspan; r++)
			for (int k = t->c[i].col; k < t->c[i].col + t->c[i].colspan; k++) {
				owner[r][k] = 1;
				who[r][k] = (short)i;
			}
	if ((rc = buf_printf(out, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
			     "<w:jc w:val=\"center\"/><w:tblBorders>"
			     "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
			     "<w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
			     "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr>\n<w:tblGrid>",
			     DOCX_TEXT_WIDTH)))
		return rc;
	for (int k = 0; k < ngrid && rc == 0; k++)
		rc = buf_printf(out, "<w:gridCol w:w=\"%d\"/>", grid[k]);
	if (rc == 0)
		rc = buf_puts(out, "</w:tblGrid>\n");
	for (int r = 0; r < t->nrows && rc == 0; r++) {
		rc = buf_puts(out, r < t->header_rows ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
							"</w:trPr>"
						      : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int k = 0; k < t->ncols && rc == 0;) {
			const struct lay_cell *lc;

			if (!owner[r][k])
				return ERR_INTERNAL;   /* a hole in the geometry: cannot happen */
			lc = &t->c[who[r][k]];
			if (lc->row != r) {
				rc = cell_pr(out, grid, lc, 2);
				if (rc == 0)
					rc = buf_puts(out, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
							   "</w:pPr></w:p></w:tc>");
			} else {
				const char *jc = lc->label && !lc->header && lc->rowspan == 1
						 ? "<w:jc w:val=\"left\"/>" : "";

				rc = cell_pr(out, grid, lc, lc->rowspan > 1);
				if (rc == 0 && lc->label)
					rc = para(out, "TableText", jc, lc->label, strlen(lc->label));
				else if (rc == 0 && (rc = walk_cell_text(c, lc->cell, &d->num)) == 0)
					rc = para(out, "TableText", "", d->num.ptr ? d->num.ptr : "",
						  d->num.len);
				if (rc == 0)
					rc = buf_puts(out, "</w:tc>");
			}
			k += lc->colspan;
		}
		if (rc == 0)
			rc = buf_puts(out, "</w:tr>\n");
	}
	if (rc == 0)
		rc = buf_puts(out, "</w:tbl>\n");
	return rc;
}

static int document_xml(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	static const struct walk_ops ops = { on_title, on_heading, on_para, on_table };
	struct docx d = { out, { 0 } };
	int rc;

	buf_init(&d.num, 64);
	if ((rc = buf_puts(out, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">"
			   "<w:body>\n")) ||
	    (rc = walk_report(r, &ops, &d, e)) ||
	    (rc = buf_puts(out, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
			   "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
			   "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" "
			   "w:header=\"851\" w:footer=\"1247\" w:gutter=\"0\"/>"
			   "<w:docGrid w:type=\"lines\" w:linePitch=\"560\"/></w:sectPr>\n"
			   "</w:body></w:document>\n")))
		goto out;
out:
	buf_free(&d.num);
	return rc;
}

/* ---- the other parts ------------------------------------------------------------------- */

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
	"<Default Extension=\"rels\" "
	"ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\n"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\n"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\n"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\n"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\n"
	"<Override PartName=\"/docProps/core.xml\" "
	"ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\n"
	"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.extended-properties+xml\"/>\n"
	"</Types>\n";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
	"<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>\n"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\n"
	"<Relationship Id=\"rId3\" Type=\"" R_NS "/extended-properties\" Target=\"docProps/app.xml\"/>\n"
	"</Relationships>\n";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
	"<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>\n"
	"<Relationship Id=\"rId2\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>\n"
	"<Relationship Id=\"rId3\" Type=\"" R_NS "/fontTable\" Target=\"fontTable.xml\"/>\n"
	"<Relationship Id=\"rId4\" Type=\"" R_NS "/footer\" Target=\"footer1.xml\"/>\n"
	"</Relationships>\n";

static const char app_xml[] = XML_DECL
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>gongkai</Application></Properties>\n";

#define FONTS(latin, ea) "<w:rFonts w:ascii=\"" latin "\" w:hAnsi=\"" latin "\" w:eastAsia=\"" ea \
	"\" w:cs=\"" latin "\"/>"

static const char styles_xml[] = XML_DECL
	"<w:styles xmlns:w=\"" W_NS "\">\n"
	"<w:docDefaults><w:rPrDefault><w:rPr>" FONTS("Times New Roman", "仿宋_GB2312")
	"<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
	"<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>\n"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	"<w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>\n"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/>"
	"<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>"
	FONTS("方正小标宋简体", "方正小标宋简体") "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>"
	"</w:rPr></w:style>\n"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>" FONTS("黑体", "黑体") "</w:rPr></w:style>\n"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	"<w:jc w:val=\"center\"/></w:pPr><w:rPr>" FONTS("Times New Roman", "宋体")
	"<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>\n"
	"</w:styles>\n";

static const char settings_xml[] = XML_DECL
	"<w:settings xmlns:w=\"" W_NS "\"><w:defaultTabStop w:val=\"420\"/>"
	"<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting "
	"w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>\n";

#define FONT(name, alt, charset, family, pitch) "<w:font w:name=\"" name "\">" alt \
	"<w:charset w:val=\"" charset "\"/><w:family w:val=\"" family "\"/>" \
	"<w:pitch w:val=\"" pitch "\"/></w:font>\n"

static const char font_table_xml[] = XML_DECL
	"<w:fonts xmlns:w=\"" W_NS "\">\n"
	FONT("Times New Roman", "", "00", "roman", "variable")
	FONT("仿宋_GB2312", "<w:altName w:val=\"仿宋\"/>", "86", "modern", "fixed")
	FONT("方正小标宋简体", "<w:altName w:val=\"宋体\"/>", "86", "script", "default")
	FONT("黑体", "<w:altName w:val=\"SimHei\"/>", "86", "modern", "fixed")
	FONT("宋体", "<w:altName w:val=\"SimSun\"/>", "86", "auto", "variable")
	"</w:fonts>\n";

static const char footer_xml[] = XML_DECL
	"<w:ftr xmlns:w=\"" W_NS "\"><w:p><w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	"<w:jc w:val=\"center\"/></w:pPr>"
	"<w:r><w:rPr>" FONTS("宋体", "宋体") "<w:sz w:val=\"28\"/></w:rPr>"
	"<w:t xml:space=\"preserve\">— </w:t></w:r>"
	"<w:r><w:rPr>" FONTS("宋体", "宋体") "<w:sz w:val=\"28\"/></w:rPr>"
	"<w:fldChar w:fldCharType=\"begin\"/></w:r>"
	"<w:r><w:rPr>" FONTS("宋体", "宋体") "<w:sz w:val=\"28\"/></w:rPr>"
	"<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
	"<w:r><w:rPr>" FONTS("宋体", "宋体") "<w:sz w:val=\"28\"/></w:rPr>"
	"<w:fldChar w:fldCharType=\"end\"/></w:r>"
	"<w:r><w:rPr>" FONTS("宋体", "宋体") "<w:sz w:val=\"28\"/></w:rPr>"
	"<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n";

static int core_xml(const struct annual_report *r, struct buf *out)
{
	int day = (int)(walk_fixed_time(r->year) / 86400), y, m, d, rc;
	struct buf title;

	date_split(day, &y, &m, &d);
	buf_init(&title, 0);
	if ((rc = fmt_title(r->agency, r->year, &title)) ||
	    (rc = buf_puts(out, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org"
			   "/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
			   "elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi="
			   "\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>")) ||
	    (rc = docx_text(out, title.ptr, title.len)) ||
	    (rc = buf_puts(out, "</dc:title><dc:creator>")) ||
	    (rc = docx_cstr(out, r->agency ? r->agency : "")) ||
	    (rc = buf_printf(out, "</dc:creator><dc:language>zh-CN</dc:language>"
			     "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%04d-%02d-%02dT00:00:00Z"
			     "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
			     "%04d-%02d-%02dT00:00:00Z</dcterms:modified></cp:coreProperties>\n",
			     y, m, d, y, m, d)))
		goto out;
out:
	buf_free(&title);
	return rc;
}

/* ---- the zip package ------------------------------------------------------------------- */

/* Add a part; data is copied (libzip frees the copy). */
static int zip_part(zip_t *za, const char *name, const char *data, size_t len, time_t mtime)
{
	char *copy = xmalloc(len ? len : 1);
	zip_source_t *src;
	zip_int64_t idx;

	memcpy(copy, data, len);
	if (!(src = zip_source_buffer(za, copy, len, 1))) {
		free(copy);
		return ERR_INTERNAL;
	}
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return ERR_INTERNAL;
	}
	if (zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) ||
	    zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9))
		return ERR_INTERNAL;
	return 0;
}

/* The fixed modification time of the entries: 00:00 local time on 1 January after the report
 * year, as a time_t that localtime() turns back into exactly those fields. */
static time_t entry_mtime(int year)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = (year >= 1980 && year < 2100 ? year + 1 : 2000) - 1900;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int render_docx(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	struct buf doc, core;
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	zip_stat_t st;
	time_t mtime = entry_mtime(r->year);
	int rc;

	if (!r->cells.fmt)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	buf_init(&doc, 0);
	buf_init(&core, 0);
	zip_error_init(&ze);
	if ((rc = document_xml(r, &doc, e)) || (rc = core_xml(r, &core)))
		goto out;
	if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)) ||
	    !(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	zip_source_keep(src);
	if ((rc = zip_part(za, "[Content_Types].xml", content_types, sizeof content_types - 1, mtime)) ||
	    (rc = zip_part(za, "_rels/.rels", package_rels, sizeof package_rels - 1, mtime)) ||
	    (rc = zip_part(za, "docProps/core.xml", core.ptr, core.len, mtime)) ||
	    (rc = zip_part(za, "docProps/app.xml", app_xml, sizeof app_xml - 1, mtime)) ||
	    (rc = zip_part(za, "word/document.xml", doc.ptr, doc.len, mtime)) ||
	    (rc = zip_part(za, "word/styles.xml", styles_xml, sizeof styles_xml - 1, mtime)) ||
	    (rc = zip_part(za, "word/settings.xml", settings_xml, sizeof settings_xml - 1, mtime)) ||
	    (rc = zip_part(za, "word/fontTable.xml", font_table_xml, sizeof font_table_xml - 1,
			   mtime)) ||
	    (rc = zip_part(za, "word/footer1.xml", footer_xml, sizeof footer_xml - 1, mtime)) ||
	    (rc = zip_part(za, "word/_rels/document.xml.rels", document_rels,
			   sizeof document_rels - 1, mtime)))
		goto out;
	if (zip_close(za) != 0) {
		rc = ERR_INTERNAL;
		goto out;
	}
	za = NULL;
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (zip_uint64_t done = 0; done < st.size && rc == 0;) {
		char chunk[8192];
		zip_int64_t n = zip_source_read(src, chunk, sizeof chunk);

		if (n <= 0)
			rc = ERR_INTERNAL;
		else if ((rc = buf_append(out, chunk, (size_t)n)) == 0)
			done += (zip_uint64_t)n;
	}
	zip_source_close(src);
out:
	if (za)
		zip_discard(za);
	zip_source_free(src);
	buf_free(&doc);
	buf_free(&core);
	if (rc && e && !e->code)
		err_set(e, rc, "report", rc == ERR_LIMIT ? "the DOCX is larger than the output allows"
							  : "cannot write the report as DOCX");
	return rc;
}

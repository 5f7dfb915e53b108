/*
 * docx_pkg.c — the one WordprocessingML writer: text, paragraphs, the page and the zipped
 * package shared by the annual report (docx.c) and the reply letter (letter.c); see
 * docx_pkg.h and docs/render.md.
 *
 * Fonts are named as official documents name them and listed in word/fontTable.xml with the
 * GB2312 charset (86) and the name Word substitutes when the face is missing (方正小标宋简体 →
 * 宋体, 仿宋_GB2312 → 仿宋, 黑体 → SimHei, 宋体 → SimSun); the language is w:lang
 * w:eastAsia="zh-CN" in the document defaults and w:themeFontLang in the settings.
 *
 * Deterministic: fixed part order, the creation date of docx_meta in docProps/core.xml and a
 * fixed modification time on every zip entry (zip_pkg.h).
 * May use base/ and text/.
 */
#include "render/docx_pkg.h"

#include <string.h>

#include "render/zip_pkg.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* ---- text and paragraphs --------------------------------------------------------------- */

/* Append s[0..len) (valid UTF-8) as XML character data: & < > escaped, the control
 * characters XML 1.0 forbids (and U+FFFE, U+FFFF) dropped. Tabs and line feeds are written
 * as they are; run_text turns them into w:tab / w:br. */
int docx_text(struct buf *out, const char *s, size_t len)
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
int docx_para(struct buf *out, const char *style, const char *pr, const char *s, size_t len)
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

int docx_body_begin(struct buf *out)
{
	return buf_puts(out, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">"
			"<w:body>\n");
}

int docx_body_end(struct buf *out)
{
	return buf_puts(out, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
			"<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
			"<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" "
			"w:header=\"851\" w:footer=\"1247\" w:gutter=\"0\"/>"
			"<w:docGrid w:type=\"lines\" w:linePitch=\"560\"/></w:sectPr>\n"
			"</w:body></w:document>\n");
}

/* ---- the shared parts ------------------------------------------------------------------ */

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

static int core_xml(const struct docx_meta *meta, struct buf *out)
{
	int rc;

	if ((rc = buf_puts(out, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org"
			   "/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
			   "elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi="
			   "\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>")) ||
	    (rc = docx_text(out, meta->title, strlen(meta->title))) ||
	    (rc = buf_puts(out, "</dc:title><dc:creator>")) ||
	    (rc = docx_text(out, meta->creator ? meta->creator : "",
			    meta->creator ? strlen(meta->creator) : 0)))
		return rc;
	return buf_printf(out, "</dc:creator><dc:language>zh-CN</dc:language>"
			  "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%04d-%02d-%02dT00:00:00Z"
			  "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
			  "%04d-%02d-%02dT00:00:00Z</dcterms:modified></cp:coreProperties>\n",
			  meta->y, meta->m, meta->d, meta->y, meta->m, meta->d);
}

/* ---- the package ----------------------------------------------------------------------- */

int docx_package(const struct buf *document, const struct docx_meta *meta, struct buf *out)
{
	struct buf core;
	int rc;

	buf_init(&core, 0);
	if ((rc = core_xml(meta, &core)) == 0) {
		const struct zip_part parts[] = {
			{ "[Content_Types].xml", content_types, sizeof content_types - 1 },
			{ "_rels/.rels", package_rels, sizeof package_rels - 1 },
			{ "docProps/core.xml", core.ptr, core.len },
			{ "docProps/app.xml", app_xml, sizeof app_xml - 1 },
			{ "word/document.xml", document->ptr, document->len },
			{ "word/styles.xml", styles_xml, sizeof styles_xml - 1 },
			{ "word/settings.xml", settings_xml, sizeof settings_xml - 1 },
			{ "word/fontTable.xml", font_table_xml, sizeof font_table_xml - 1 },
			{ "word/footer1.xml", footer_xml, sizeof footer_xml - 1 },
			{ "word/_rels/document.xml.rels", document_rels, sizeof document_rels - 1 },
		};

		rc = zip_package(parts, sizeof parts / sizeof parts[0], 9, meta->y, meta->m, meta->d,
				 out);
	}
	buf_free(&core);
	return rc;
}

/*
 * extract_zip.c — the text of DOCX and XLSX files (Office Open XML: a zip of XML parts).
 *
 * Each part is unzipped into memory only up to EXTRACT_UNZIPPED_MAX bytes, whatever the zip
 * directory claims (a zip bomb stops there), and read with libxml2's streaming reader without
 * network access, DTD loading or entity substitution.
 *   DOCX: word/document.xml — the text runs (w:t), w:tab as a tab, w:br / w:cr / the end of a
 *         paragraph as a line break (a space inside a table cell), the end of a table cell as
 *         a tab and of a row as a line break; deleted text (w:delText) is not read.
 *   XLSX: xl/sharedStrings.xml (the strings cells refer to), then each worksheet
 *         xl/worksheets/sheetN.xml in order: a row per line, cells separated by tabs; a cell is
 *         its shared string (t="s"), its inline string, or its value as written.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "base/mem.h"
#include "extract/extract.h"
#include "extract/extract_int.h"

#define XLSX_SHEETS_MAX 256
#define XLSX_STRINGS_MAX 1000000

/* Part name of a zip in memory, unzipped (at most EXTRACT_UNZIPPED_MAX bytes) into *data
 * (malloc'd) and *len. NULL, or a reason. */
static const char *unzip_part(zip_t *z, const char *name, char **data, size_t *len)
{
	zip_file_t *f = zip_fopen(z, name, 0);
	struct buf b;
	char chunk[65536];
	zip_int64_t n;

	*data = NULL;
	*len = 0;
	if (f == NULL)
		return "part missing";
	buf_init(&b, EXTRACT_UNZIPPED_MAX);
	while ((n = zip_fread(f, chunk, sizeof chunk)) > 0)
		if (buf_append(&b, chunk, (size_t)n) != 0) {
			zip_fclose(f);
			buf_free(&b);
			return "a part is too large once unzipped";
		}
	zip_fclose(f);
	if (n < 0) {
		buf_free(&b);
		return "damaged zip";
	}
	*len = b.len;
	*data = b.len ? buf_steal(&b) : xstrdup("");
	buf_free(&b);
	return NULL;
}

static zip_t *open_zip(const char *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL)
		return NULL;
	if ((z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return z;
}

static xmlTextReaderPtr reader(const char *xml, size_t len)
{
	return xmlReaderForMemory(xml, (int)len, NULL, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
				  XML_PARSE_NOWARNING);
}

/* libxml2 keeps a copy of the last error per thread until the next one: forget it with the
 * reader, so reading a file leaves nothing behind it. */
static void reader_free(xmlTextReaderPtr r)
{
	xmlFreeTextReader(r);
	xmlResetLastError();
}

static int is(xmlTextReaderPtr r, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);
	return n && strcmp((const char *)n, local) == 0;
}

/* Append the text content of the current element (w:t, t, v) to out. */
static int put_content(xmlTextReaderPtr r, struct buf *out)
{
	xmlChar *s = xmlTextReaderReadString(r);
	int rc = s ? buf_puts(out, (const char *)s) : 0;
	xmlFree(s);
	return rc;
}

const char *extract_docx(const char *data, size_t len, struct buf *out)
{
	zip_t *z = open_zip(data, len);
	const char *why;
	char *xml;
	size_t xlen;
	xmlTextReaderPtr r;
	int ret, full = 0, in_cell = 0;

	if (z == NULL)
		return "not a zip file";
	why = unzip_part(z, "word/document.xml", &xml, &xlen);
	zip_discard(z);
	if (why)
		return why;
	if ((r = reader(xml, xlen)) == NULL) {
		free(xml);
		return "unreadable XML";
	}
	while (!full && (ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			if (is(r, "t") && !xmlTextReaderIsEmptyElement(r))
				full = put_content(r, out);
			else if (is(r, "tab"))
				full = buf_putc(out, '\t');
			else if (is(r, "br") || is(r, "cr"))
				full = buf_putc(out, '\n');
			else if (is(r, "tc") && !xmlTextReaderIsEmptyElement(r))
				in_cell++;
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is(r, "p"))
				full = buf_putc(out, in_cell ? ' ' : '\n');
			else if (is(r, "tc")) {
				in_cell -= in_cell > 0;
				full = buf_putc(out, '\t');
			} else if (is(r, "tr"))
				full = buf_putc(out, '\n');
		}
	}
	why = !full && ret < 0 ? "damaged XML" : NULL;
	reader_free(r);
	free(xml);
	return why;
}

struct strings {
	char **s;
	size_t n;
};

static const char *shared_strings(zip_t *z, struct strings *ss)
{
	char *xml;
	size_t xlen, cap = 0;
	xmlTextReaderPtr r;
	struct buf cur;
	int ret, in_si = 0;
	const char *why = unzip_part(z, "xl/sharedStrings.xml", &xml, &xlen);

	ss->s = NULL;
	ss->n = 0;
	if (why)
		return NULL;  /* a workbook without strings */
	if ((r = reader(xml, xlen)) == NULL) {
		free(xml);
		return "unreadable XML";
	}
	buf_init(&cur, EXTRACT_TEXT_MAX);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT && is(r, "si")) {
			in_si = 1;
			buf_reset(&cur);
		} else if (type == XML_READER_TYPE_ELEMENT && in_si && is(r, "t") &&
			   !xmlTextReaderIsEmptyElement(r)) {
			if (put_content(r, &cur) != 0)
				break;
		} else if (type == XML_READER_TYPE_END_ELEMENT && is(r, "si")) {
			in_si = 0;
			if (ss->n == XLSX_STRINGS_MAX)
				break;
			if (ss->n == cap) {
				cap = cap ? cap * 2 : 256;
				ss->s = xrealloc(ss->s, cap * sizeof *ss->s);
			}
			ss->s[ss->n++] = xstrdup(cur.len ? buf_cstr(&cur) : "");
		}
	}
	buf_free(&cur);
	reader_free(r);
	free(xml);
	return ret < 0 ? "damaged XML" : NULL;
}

/* One worksheet's text to out; *full when the text limit is reached. */
static const char *sheet(const char *xml, size_t xlen, const struct strings *ss, struct buf *out,
			 int *full)
{
	xmlTextReaderPtr r = reader(xml, xlen);
	int ret, shared = 0, cells = 0;

	if (r == NULL)
		return "unreadable XML";
	while (!*full && (ret = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT && is(r, "c")) {
			xmlChar *t = xmlTextReaderGetAttribute(r, (const xmlChar *)"t");
			shared = t && strcmp((const char *)t, "s") == 0;
			xmlFree(t);
			if (cells++)
				*full = buf_putc(out, '\t');
		} else if (type == XML_READER_TYPE_ELEMENT && is(r, "v") &&
			   !xmlTextReaderIsEmptyElement(r)) {
			xmlChar *v = xmlTextReaderReadString(r);
			if (v && shared) {
				char *end;
				unsigned long i = strtoul((const char *)v, &end, 10);
				if (*end == '\0' && i < ss->n)
					*full = buf_puts(out, ss->s[i]);
			} else if (v) {
				*full = buf_puts(out, (const char *)v);
			}
			xmlFree(v);
		} else if (type == XML_READER_TYPE_ELEMENT && is(r, "t") &&
			   !xmlTextReaderIsEmptyElement(r)) {
			*full = put_content(r, out);  /* an inline string */
		} else if (type == XML_READER_TYPE_END_ELEMENT && is(r, "row")) {
			*full = buf_putc(out, '\n');
			cells = 0;
		}
	}
	reader_free(r);
	return !*full && ret < 0 ? "damaged XML" : NULL;
}

const char *extract_xlsx(const char *data, size_t len, struct buf *out)
{
	zip_t *z = open_zip(data, len);
	struct strings ss;
	const char *why;
	int full = 0, sheets = 0;

	if (z == NULL)
		return "not a zip file";
	why = shared_strings(z, &ss);
	for (int i = 1; !why && !full && i <= XLSX_SHEETS_MAX; i++) {
		char name[64], *xml;
		size_t xlen;
		snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
		if (zip_name_locate(z, name, 0) < 0)
			break;
		if ((why = unzip_part(z, name, &xml, &xlen)) != NULL)
			break;
		if (sheets++ && buf_putc(out, '\n') != 0)
			full = 1;
		else
			why = sheet(xml, xlen, &ss, out, &full);
		free(xml);
	}
	if (!why && sheets == 0)
		why = "no worksheet";
	for (size_t i = 0; i < ss.n; i++)
		free(ss.s[i]);
	free(ss.s);
	zip_discard(z);
	return why;
}

/*
 * read.c — the reader dispatch (see reader.h): the kind of the file by its content (sniff.h),
 * then its reader. Formats that cannot be read are refused here with a message saying what the
 * file is and what to do (WPS / Office 97–2003 binaries, OFD, images, other zips).
 * May call base/, text/utf8.h and the readers of src/check.
 */
#include "check/reader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check/decode.h"
#include "check/sniff.h"
#include "text/utf8.h"

/* Value of hex digit c, -1 if none. */
static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The code unit of \uXXXX at s (s[0] == 'u'), -1 if malformed. */
static long u_escape(const char *s, size_t len)
{
	long v = 0;
	if (len < 5)
		return -1;
	for (int i = 1; i <= 4; i++) {
		int h = hexval(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Undo JavaScript / JSON string escapes of UTF-8 text s: \" \' \/ \\ \n \r \t \uXXXX (with
 * surrogate pairs) \xHH; anything else is kept as written. Appended to out. */
static int js_unescape(const char *s, size_t len, struct buf *out)
{
	size_t i = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		const char *bs = memchr(s + i, '\\', len - i);
		size_t upto = bs ? (size_t)(bs - s) : len;
		long cp;
		if ((rc = buf_append(out, s + i, upto - i)) != 0 || !bs)
			break;
		i = upto + 1;
		if (i >= len)
			break;
		switch (s[i]) {
		case 'n': rc = buf_putc(out, '\n'); i++; continue;
		case 't': rc = buf_putc(out, '\t'); i++; continue;
		case 'r': i++; continue;
		case 'u':
			cp = u_escape(s + i, len - i);
			if (cp < 0)
				break;
			i += 5;
			if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < len && s[i] == '\\') {
				long lo = u_escape(s + i + 1, len - i - 1);
				if (lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
			}
			if (cp >= 0xD800 && cp < 0xE000)
				cp = 0xFFFD;
			{
				char u[4];
				size_t n = utf8_encode((int32_t)cp, u);
				rc = buf_append(out, u, n);
			}
			continue;
		case 'x':
			if (i + 2 < len && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
				char u[4];
				size_t n = utf8_encode(hexval(s[i + 1]) * 16 + hexval(s[i + 2]), u);
				rc = buf_append(out, u, n);
				i += 3;
				continue;
			}
			break;
		case '"': case '\'': case '/': case '\\':
			rc = buf_putc(out, s[i]);
			i++;
			continue;
		default:
			break;
		}
		rc = buf_putc(out, '\\');  /* not an escape: keep the backslash */
	}
	return rc;
}

/* Decode, then read as text, Markdown, JSON or HTML from a script string. */
static int read_decoded(const char *s, size_t len, enum chk_kind kind, struct chk_doc *d,
			struct gk_error *e)
{
	struct buf text, html;
	enum chk_charset cs;
	int rc;

	buf_init(&text, CHK_MAX_INPUT * 2);
	buf_init(&html, CHK_MAX_INPUT * 2);
	if ((rc = chk_decode(s, len, &text, &cs, NULL, NULL, e)) != 0)
		goto out;
	d->charset = chk_charset_name(cs);
	switch (kind) {
	case CHK_KIND_JSON:
		d->source = CHK_SRC_JSON;
		rc = chk_read_json(text.ptr ? text.ptr : "", text.len, d, e);
		break;
	case CHK_KIND_HTML_IN_SCRIPT:
		d->source = CHK_SRC_SCRIPT;
		if ((rc = js_unescape(text.ptr ? text.ptr : "", text.len, &html)) != 0) {
			rc = err_set(e, ERR_LIMIT, "", "page is too large");
			break;
		}
		rc = chk_read_html_utf8(html.ptr ? html.ptr : "", html.len, d, e);
		break;
	default:
		d->source = kind == CHK_KIND_MARKDOWN ? CHK_SRC_MARKDOWN : CHK_SRC_TEXT;
		rc = chk_read_text(text.ptr ? text.ptr : "", text.len, d, e);
		break;
	}
out:
	buf_free(&text);
	buf_free(&html);
	return rc;
}

int chk_read(const char *s, size_t len, const char *name, struct chk_doc *d, struct gk_error *e)
{
	enum chk_kind kind;

	chk_doc_init(d, CHK_SRC_TEXT);
	if (len > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, "", "input is %zu bytes, larger than the %zu MB limit",
			       len, CHK_MAX_INPUT >> 20);
	switch ((kind = chk_sniff(s, len, name))) {
	case CHK_KIND_PDF:
		d->source = CHK_SRC_PDF;
		return chk_read_pdf(s, len, d, e);
	case CHK_KIND_DOCX:
		d->source = CHK_SRC_DOCX;
		return chk_read_docx(s, len, d, e);
	case CHK_KIND_XLSX:
		d->source = CHK_SRC_XLSX;
		return chk_read_xlsx(s, len, d, e);
	case CHK_KIND_HTML:
		d->source = CHK_SRC_HTML;
		return chk_read_html(s, len, d, e);
	case CHK_KIND_OLE2:
		return err_set(e, ERR_INVALID, "", "a WPS or Office 97-2003 binary file (.wps .et .doc "
			       ".xls) cannot be read: save it as DOCX, XLSX or PDF (WPS/Office 二进制格式"
			       "无法读取，请另存为 DOCX、XLSX 或 PDF)");
	case CHK_KIND_OFD:
		return err_set(e, ERR_INVALID, "", "an OFD document cannot be read yet: export it as "
			       "PDF (OFD 版式文件暂不能读取，请导出为 PDF)");
	case CHK_KIND_ZIP:
		return err_set(e, ERR_INVALID, "", "a zip archive without a report document (no "
			       "word/document.xml, no xl/workbook.xml): not a valid DOCX or XLSX");
	case CHK_KIND_BINARY:
		return err_set(e, ERR_INVALID, "", "not a report document: binary data with NUL bytes "
			       "(an image or an unknown format; a scanned report needs OCR first)");
	default:
		return read_decoded(s, len, kind, d, e);
	}
}

int chk_read_file(const char *path, struct chk_doc *d, struct gk_error *e)
{
	struct stat st;
	struct buf b;
	int rc;

	chk_doc_init(d, CHK_SRC_TEXT);
	if (stat(path, &st) != 0)
		return err_set(e, ERR_IO, path, "cannot open %s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return err_set(e, ERR_INVALID, path, "%s is a directory", path);
	if ((size_t)st.st_size > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, path, "%s is %lld bytes, larger than the %zu MB limit",
			       path, (long long)st.st_size, CHK_MAX_INPUT >> 20);
	buf_init(&b, CHK_MAX_INPUT);
	if ((rc = buf_read_file(&b, path, e)) == 0) {
		chk_doc_free(d);
		rc = chk_read(b.ptr ? b.ptr : "", b.len, path, d, e);
		if (rc && e && e->field[0] == '\0')
			snprintf(e->field, sizeof e->field, "%s", path);
	}
	buf_free(&b);
	return rc;
}

/*
 * sniff.h — what a report file is, decided by its content, not its name.
 *
 * Organs publish their reports as PDF, DOCX, XLSX, web pages saved under any name (an HTML page
 * saved as `.txt`, the page's HTML inside a JavaScript string with `\"` quotes and `\n`
 * escapes), plain text, and now and then as WPS / Office 97–2003 binaries or OFD. chk_sniff
 * looks at the first bytes (magic numbers, the names inside a zip, markup density) and returns
 * the kind; the file name only breaks ties (`.md` text is Markdown, `.json` is JSON).
 * May call base/ only.
 */
#ifndef GK_CHECK_SNIFF_H
#define GK_CHECK_SNIFF_H

#include <stddef.h>

enum chk_kind {
	CHK_KIND_TEXT,            /* plain text, tab / pipe separated, PDF text */
	CHK_KIND_MARKDOWN,        /* text named *.md */
	CHK_KIND_HTML,            /* a web page, whatever its name */
	CHK_KIND_HTML_IN_SCRIPT,  /* HTML inside a JavaScript / JSON string (\" \n \uXXXX escapes) */
	CHK_KIND_JSON,            /* gongkai's own JSON */
	CHK_KIND_PDF,
	CHK_KIND_DOCX,
	CHK_KIND_XLSX,
	CHK_KIND_OLE2,            /* WPS .wps / .et, Word .doc, Excel .xls (compound file) */
	CHK_KIND_OFD,             /* GB/T 33190 layout document (a zip with OFD.xml) */
	CHK_KIND_ZIP,             /* another zip: not a report document */
	CHK_KIND_BINARY,          /* NUL bytes or an image: not text */
	CHK_KIND__MAX
};

/* The kind of s[0..len). name (may be NULL) only breaks ties. */
enum chk_kind chk_sniff(const char *s, size_t len, const char *name);

/* "text", "markdown", "html", "html-in-script", "json", "pdf", "docx", "xlsx", "ole2", "ofd",
 * "zip", "binary". */
const char *chk_kind_name(enum chk_kind k);

/* 1 if the bytes look like an HTML page (markup at the start, or many known tags in the first
 * 64 KB even after other text: a page saved as .txt with a capture header). */
int chk_looks_html(const char *s, size_t len);

/* 1 if name ends with ext (ASCII case-insensitive); name may be NULL. */
int chk_name_ends(const char *name, const char *ext);

#endif

/*
 * decode.h — turn the bytes of a captured report into valid UTF-8.
 *
 * Published reports arrive as UTF-8, GBK/GB18030 (pages labelled gb2312 routinely contain
 * characters outside GB2312, so every GB label is read as GB18030), Big5, or UTF-16 with a
 * byte-order mark. The charset is taken from a BOM, then from an HTML <meta> / XML
 * declaration in the first bytes, and otherwise sniffed: valid UTF-8 stays UTF-8, else the
 * candidate (GB18030, Big5) whose decoding yields the most common report characters wins.
 * Conversion uses iconv (glibc); a byte the charset cannot decode becomes U+FFFD.
 * Input larger than CHK_MAX_INPUT is refused before any work is done.
 * May call base/, text/utf8.h and text/cpset.h.
 */
#ifndef GK_CHECK_DECODE_H
#define GK_CHECK_DECODE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

/* The largest report file read (bytes). A 50 MB page is an error, never a hang. */
#define CHK_MAX_INPUT ((size_t)20 << 20)

enum chk_charset {
	CHK_CS_UTF8,
	CHK_CS_GB18030,
	CHK_CS_BIG5,
	CHK_CS_UTF16LE,
	CHK_CS_UTF16BE,
	CHK_CS__MAX
};

/* How the charset was decided. */
enum chk_cs_from {
	CHK_CSF_BOM,
	CHK_CSF_DECLARED,   /* <meta charset>, http-equiv Content-Type, or <?xml encoding?> */
	CHK_CSF_SNIFFED,
};

/* "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE". */
const char *chk_charset_name(enum chk_charset cs);

/* Map a declared charset label (case-insensitive: "gb2312", "GBK", "x-gbk", "big5", "utf-8"…)
 * to the charset used to read it; -1 if the label is unknown. gb2312/gbk/cp936 → GB18030. */
int chk_charset_from_label(const char *label, size_t len);

/* Find a charset declared in the first few KB of an HTML/XML page; -1 if none. */
int chk_charset_declared(const char *s, size_t len);

/* Decode s[0..len) into out (appended, valid UTF-8, BOM removed). *cs and *from (either may be
 * NULL) tell which charset was used and how it was chosen; *bad (may be NULL) counts bytes
 * that could not be decoded and became U+FFFD. ERR_LIMIT if len > CHK_MAX_INPUT or out's
 * maximum is reached. */
int chk_decode(const char *s, size_t len, struct buf *out, enum chk_charset *cs,
	       enum chk_cs_from *from, size_t *bad, struct gk_error *e) GK_WUR;

#endif

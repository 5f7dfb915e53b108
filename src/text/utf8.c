/*
 * utf8.c — UTF-8 validation and decoding (see utf8.h).
 */
#include <string.h>

#include "text/utf8.h"

size_t utf8_decode(const char *str, size_t len, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	int32_t c;
	size_t n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_ascii_run(const char *s, size_t len)
{
	size_t i = 0;

	for (; len - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

int utf8_valid(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while ((i += utf8_ascii_run(s + i, len - i)) < len) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

size_t utf8_encode(int32_t cp, char out[4])
{
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t i = 0, n, count = 0;
	int32_t cp;

	while (i < len) {
		size_t ascii = utf8_ascii_run(s + i, len - i);
		if (ascii) {
			i += ascii;
			count += ascii;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

int utf8_is_han(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2EBEF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x30000 && cp <= 0x3134F);
}

size_t utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0, w = 0;
	int32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {  /* an invalid byte shows as one replacement column */
			i++;
			w++;
			continue;
		}
		i += n;
		/* East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, Hangul, compatibility,
		 * fullwidth forms, the supplementary ideographic planes) take two columns */
		w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
		     (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		     (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		     (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ? 2 : 1;
	}
	return w;
}

const char *utf8_control(const char *s, size_t len, const char *allowed)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 || c == 0x7f) && (c == 0 || strchr(allowed, c) == NULL))
			return s + i;
	}
	return NULL;
}

size_t utf8_char_start(const char *s, size_t p)
{
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

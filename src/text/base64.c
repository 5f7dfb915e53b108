/*
 * base64.c — RFC 4648 §4 base64 (see base64.h).
 */
#include "text/base64.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_encode(const void *data, size_t len, struct buf *out)
{
	const unsigned char *p = data;
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		char q[4];
		if (i + 1 < len)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < len)
			v |= p[i + 2];
		q[0] = alphabet[(v >> 18) & 63];
		q[1] = alphabet[(v >> 12) & 63];
		q[2] = i + 1 < len ? alphabet[(v >> 6) & 63] : '=';
		q[3] = i + 2 < len ? alphabet[v & 63] : '=';
		rc = buf_append(out, q, 4);
	}
	return rc;
}

static int value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int base64_decode(const char *s, size_t len, struct buf *out)
{
	int rc = 0;

	if (len % 4 != 0)
		return ERR_INVALID;
	for (size_t i = 0; i < len && rc == 0; i += 4) {
		int a = value(s[i]), b = value(s[i + 1]), c, d;
		int last = i + 4 == len;
		unsigned v;
		char bytes[3];
		size_t n = 3;

		c = s[i + 2] == '=' && last ? -2 : value(s[i + 2]);
		d = s[i + 3] == '=' && last ? -2 : value(s[i + 3]);
		if (a < 0 || b < 0 || c == -1 || d == -1 || (c == -2 && d != -2))
			return ERR_INVALID;
		v = (unsigned)a << 18 | (unsigned)b << 12 | (unsigned)(c < 0 ? 0 : c) << 6 | (unsigned)(d < 0 ? 0 : d);
		if (c == -2)
			n = 1;
		else if (d == -2)
			n = 2;
		if ((n == 1 && (v & 0xffff)) || (n == 2 && (v & 0xff)))
			return ERR_INVALID;   /* non-canonical: stray bits after the last byte */
		bytes[0] = (char)(v >> 16);
		bytes[1] = (char)(v >> 8);
		bytes[2] = (char)v;
		rc = buf_append(out, bytes, n);
	}
	return rc;
}

/*
 * cpset.c — constant code-point sets (see cpset.h).
 */
#include "text/cpset.h"

#include "text/utf8.h"

/* pthread_once takes no argument: build the set being initialised, passed through a
 * thread-local pointer. */
static __thread struct text_cpset *building;

static void build(void)
{
	struct text_cpset *s = building;
	const char *p = s->chars;
	size_t left = 0;

	while (p[left])
		left++;
	while (left > 0) {
		int32_t c;
		size_t l = utf8_decode(p, left, &c);
		if (l == 0)
			break;
		if (c < 0x10000)
			s->bits[c >> 6] |= (uint64_t)1 << (c & 63);
		p += l;
		left -= l;
	}
}

static void ready(struct text_cpset *s)
{
	building = s;
	pthread_once(&s->once, build);
}

static int member(const struct text_cpset *s, int32_t cp)
{
	return cp >= 0 && cp < 0x10000 && (s->bits[cp >> 6] >> (cp & 63) & 1);
}

int text_cpset_has(struct text_cpset *s, int32_t cp)
{
	ready(s);
	return member(s, cp);
}

size_t text_cpset_count(struct text_cpset *s, const char *text, size_t len, size_t enough)
{
	size_t i = 0, n = 0;

	ready(s);
	while (i < len && n < enough) {
		int32_t cp;
		size_t l;
		if ((unsigned char)text[i] < 0x80) {
			i += utf8_ascii_run(text + i, len - i);
			continue;
		}
		l = utf8_decode(text + i, len - i, &cp);
		if (l == 0) {
			i++;
			continue;
		}
		i += l;
		n += (size_t)member(s, cp);
	}
	return n;
}

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
	size_t left = 0, k = 0;

	while (p[left])
		left++;
	while (left > 0 && k < TEXT_CPSET_MAX) {
		int32_t c;
		size_t l = utf8_decode(p, left, &c);
		if (l == 0)
			break;
		s->cp[k++] = c;
		p += l;
		left -= l;
	}
	for (size_t i = 1; i < k; i++) {  /* insertion sort; duplicates are harmless */
		int32_t v = s->cp[i];
		size_t j = i;
		while (j > 0 && s->cp[j - 1] > v) {
			s->cp[j] = s->cp[j - 1];
			j--;
		}
		s->cp[j] = v;
	}
	s->n = k;
}

int text_cpset_has(struct text_cpset *s, int32_t cp)
{
	size_t lo = 0, hi;

	building = s;
	pthread_once(&s->once, build);
	hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->cp[mid] == cp)
			return 1;
		if (s->cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

size_t text_cpset_count(struct text_cpset *s, const char *text, size_t len, size_t enough)
{
	size_t i = 0, n = 0;

	while (i < len && n < enough) {
		int32_t cp;
		size_t l;
		if ((unsigned char)text[i] < 0x80) {
			i++;
			continue;
		}
		l = utf8_decode(text + i, len - i, &cp);
		if (l == 0) {
			i++;
			continue;
		}
		i += l;
		n += text_cpset_has(s, cp);
	}
	return n;
}

/*
 * sorted.h — where a key is in an array sorted by an int64_t member (an organ's entries among
 * a region's, sorted by organ id): one binary search for every such array.
 */
#ifndef GK_BASE_SORTED_H
#define GK_BASE_SORTED_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The index of the first of the n elements (each size bytes, from v) whose int64_t at byte
 * offset off is not below key: where key is, or would go. */
static inline size_t sorted_lower_bound(const void *v, size_t n, size_t size, size_t off, int64_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k;

		memcpy(&k, (const char *)v + mid * size + off, sizeof k);
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#endif

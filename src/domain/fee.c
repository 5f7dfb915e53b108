/*
 * fee.c — 国办函〔2020〕109号 fee tiers (see fee.h).
 */
#include "domain/fee.h"

int64_t fee_by_count(int64_t k)
{
	if (k <= 10)
		return 0;
	if (k <= 30)
		return 100;
	return 100 + 100 * ((k - 31) / 10 + 1);   /* 31..40 → 200, 41..50 → 300, … */
}

static const struct { int64_t from, to, rate; } page_tiers[4] = {
	{ 1, 30, 0 }, { 31, 100, 10 }, { 101, 200, 20 }, { 201, INT64_MAX, 40 },
};

int fee_pages_tiers(int64_t p, struct fee_tier out[4])
{
	int n = 0;

	for (int i = 0; i < 4 && p >= page_tiers[i].from; i++, n++) {
		int64_t to = p < page_tiers[i].to ? p : page_tiers[i].to;
		out[n].from = page_tiers[i].from;
		out[n].to = to;
		out[n].rate = page_tiers[i].rate;
		out[n].pages = to - page_tiers[i].from + 1;
		out[n].amount = out[n].pages * page_tiers[i].rate;
	}
	return n;
}

int64_t fee_by_pages(int64_t p)
{
	struct fee_tier t[4];
	int64_t sum = 0;
	int n = fee_pages_tiers(p, t);

	for (int i = 0; i < n; i++)
		sum += t[i].amount;
	return sum;
}

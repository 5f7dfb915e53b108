/*
 * fee.h — the information processing fee (信息处理费) of 国办函〔2020〕109号.
 *
 * Two methods, both progressive on the excess (超额累进); an application uses one, never both
 * (spec regulation-procedures.md §5.8):
 *   按件计收 — by the applicant's cumulative count in one natural month at one organ:
 *     1–10 free; 11–30 100 元/件; then tiers of 10 件, each +100 元/件 (31–40 200, 41–50 300 …);
 *   按量计收 — by pages of one application: 1–30 free; 31–100 10 元/页; 101–200 20 元/页;
 *     201 and up 40 元/页.
 * Amounts in whole 元. Depends on nothing.
 */
#ifndef GK_DOMAIN_FEE_H
#define GK_DOMAIN_FEE_H

#include <stdint.h>

#define FEE_MAX_COUNT 100000     /* larger inputs are refused by the callers */
#define FEE_MAX_PAGES 10000000

/* REQ 109号-按件: the fee in 元 for the k-th application (k ≥ 1) of the same applicant to the
 * same organ in the same natural month. */
int64_t fee_by_count(int64_t k);

/* REQ 109号-按量: the fee in 元 for an application of p pages (p ≥ 0). */
int64_t fee_by_pages(int64_t p);

/* One tier of the page fee: pages from..to at rate 元/页 (for the derivation). */
struct fee_tier {
	int64_t from, to, rate, pages, amount;
};

/* Split p pages into the tiers it reaches (at most 4); returns how many were filled. */
int fee_pages_tiers(int64_t p, struct fee_tier out[4]);

#endif

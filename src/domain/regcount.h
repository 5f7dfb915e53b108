/*
 * regcount.h — the annual report's figures that come from the registers: Table 二
 * (规章 / 行政规范性文件, decisions, fees) and Table 四 (reconsideration and litigation cases),
 * plus the counts the narrative quotes (news per platform, feedback per channel).
 *
 * The counting functions are pure: they take the organ's register records (any order) and a
 * year and fill a struct, so every rule is testable without a database. registers_table2() /
 * registers_table4() in domain/registers.h load the records from the store and call them.
 * Rules (annual-report-format.md §3, §5; docs/registers.md):
 *   - a document counts as issued / repealed in the year of its issue / repeal date, and in
 *     force on 31 December when issued on or before that day and not repealed on or before it;
 *   - decisions and fees count in the year of their date, or of their period (a period lies
 *     in one calendar year, enforced on entry; should one slip in, the year of its end counts);
 *   - cases: see struct table4_rules.
 * May call base/ and text/.
 */
#ifndef GK_DOMAIN_REGCOUNT_H
#define GK_DOMAIN_REGCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "domain/register.h"

struct table2_docs {
	int64_t issued;     /* 本年制发件数 */
	int64_t repealed;   /* 本年废止件数 */
	int64_t in_force;   /* 现行有效件数 (on 31 December) */
};

struct table2 {
	struct table2_docs rule;      /* 规章: t2.rule.* */
	struct table2_docs normdoc;   /* 行政规范性文件: t2.normdoc.* */
	int64_t licensing;            /* t2.licensing.decisions */
	int64_t penalty;              /* t2.penalty.decisions */
	int64_t coercion;             /* t2.coercion.decisions */
	int64_t admin_fee_fen;        /* t2.admin_fee.amount_wan × 1 000 000 (exact, in 分) */
};

struct table4_group {
	int64_t upheld;      /* 结果维持 */
	int64_t corrected;   /* 结果纠正 */
	int64_t other;       /* 其他结果 */
	int64_t pending;     /* 尚未审结 */
	int64_t total;       /* 总计 = the four above (T4-01..03) */
};

struct table4 {
	struct table4_group rev;            /* 行政复议 */
	struct table4_group lit_direct;     /* 行政诉讼 未经复议直接起诉 */
	struct table4_group lit_after_rev;  /* 行政诉讼 复议后起诉 */
	int64_t excluded_co_defendant;      /* cases left out under 国办公开办函〔2016〕201号 */
};

/* Which year a case counts in — the format does not say (spec §5, UNVERIFIED). */
enum table4_basis {
	/* Default (spec §5 recommendation): a concluded case counts in the year it closed, with
	 * its result; a case open on 31 December counts as pending in that year — every year it
	 * stays open. */
	TABLE4_BY_CLOSING_YEAR,
	/* Each case counts once, in the year it was filed: with its result if closed by
	 * 31 December of that year, else as pending; a later conclusion is not reported. */
	TABLE4_BY_FILING_YEAR,
};

struct table4_rules {
	enum table4_basis basis;
	int exclude_co_defendant;   /* 1 (default): 国办公开办函〔2016〕201号 [V] */
};

/* The defaults above. */
struct table4_rules table4_rules_default(void);

/* Table 二 for `year` from normdoc, decision and fee records (others are ignored). */
void table2_count(const struct reg_record *recs, size_t n, int year, struct table2 *out);

/* Table 四 for `year` from case records (others are ignored); rules NULL = defaults. */
void table4_count(const struct reg_record *recs, size_t n, int year, const struct table4_rules *rules,
		  struct table4 *out);

/* A name and how many: news per platform, feedback per channel. */
struct reg_tally {
	const char *name;   /* points into the records (news) or a static string (channels) */
	int64_t n;
};

/*
 * News items published in `year`, one tally per platform in order of first appearance in
 * recs (which the store returns by date). *out is malloc'd (caller frees; the names still
 * belong to the records); *nout the number of platforms. Returns the total number of items.
 */
int64_t news_count_by_platform(const struct reg_record *recs, size_t n, int year, struct reg_tally **out,
			       size_t *nout);

/* Feedback received in `year` per channel (indexed by enum feedback_channel); returns the total. */
int64_t feedback_count_by_channel(const struct reg_record *recs, size_t n, int year,
				  int64_t out[FEEDBACK_C__MAX]);

#endif

/*
 * check.h — read a published annual report and say what is wrong with it.
 *
 * chk_check_file = read (reader.h) + extract (extract.h) + the report rules of format/rules.h,
 * with the judgements a capture cannot support taken out: no format-version rule when the
 * format is unknown, no "row missing" (T3-09) for rows a truncated capture never reached or
 * whose empty cells the capture dropped. chk_cross then compares reports of the same organ for
 * consecutive years (二 of year N = 四 of year N−1 per column, Table 二 stock, repeated
 * narrative), appending to the later report's findings.
 * May call base/, text/, format/ and check/.
 */
#ifndef GK_CHECK_CHECK_H
#define GK_CHECK_CHECK_H

#include "base/err.h"
#include "check/extract.h"

struct chk_options {
	int strict;   /* blank cells are E (gongkai check --strict) */
};

struct chk_report {
	char *file;                 /* owned */
	int ok;                     /* 0: the file could not be read (err says why) */
	struct gk_error err;
	struct chk_result res;
	struct findings findings;   /* CAP-* notes first, then the report rules */
};

/* Check one file into out (initialised by the call). Returns 0, or the read error (also in
 * out->err, with out->ok = 0). */
int chk_check_file(const char *path, const struct chk_options *o, struct chk_report *out);
/* The same for bytes in memory; name is used for messages and reader tie-breaks. */
int chk_check_mem(const char *s, size_t len, const char *name, const struct chk_options *o,
		  struct chk_report *out);
void chk_report_free(struct chk_report *r);

/* The organ and year of a report, as the cross-year step needs them (agency NULL or year 0:
 * not paired). */
struct chk_key {
	const char *agency;
	int year;
};

/* The pairs (prev, cur) of reports of the same organ for consecutive years among keys[0..n):
 * for each report, the first report (in key order) of the organ's year before. Returns the
 * number of pairs; *pairs (owned by the caller, free) holds prev in [k][0] and cur in [k][1],
 * sorted by organ and year, so a caller reading reports back from disk holds two at a time. */
size_t chk_cross_pairs(const struct chk_key *keys, size_t n, size_t (**pairs)[2]);

/* The cross-year rules on one pair of report models (as extracted), appended to out. */
void chk_cross_one(const struct annual_report *prev, const struct annual_report *cur,
		   const struct chk_options *o, struct findings *out);

/* Cross-check every pair of reports held in memory (chk_cross_pairs + chk_cross_one), the
 * findings appended to the later report's. */
void chk_cross(struct chk_report *reports, size_t n, const struct chk_options *o);

/* The key of a report: NULL agency when it cannot be paired (unreadable, legacy format). */
struct chk_key chk_report_key(const struct chk_report *r);

/* Counts of E / W findings of a report. */
size_t chk_count(const struct chk_report *r, enum severity s);

#endif

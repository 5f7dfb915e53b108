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

/* Cross-check every pair of reports of the same organ (same agency name) for consecutive
 * years. Reports without an agency or a year are left alone. */
void chk_cross(struct chk_report *reports, size_t n, const struct chk_options *o);

/* Counts of E / W findings of a report. */
size_t chk_count(const struct chk_report *r, enum severity s);

#endif

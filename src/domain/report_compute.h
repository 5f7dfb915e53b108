/*
 * report_compute.h — the annual report computed from the ledger, never typed in.
 *
 * Table 三 comes from the applications (domain/application.h, app_organ_year: received,
 * carried in, closed with one outcome, carried out), Table 二 and Table 四 from the registers
 * (domain/registers.h: registers_table2 / registers_table4). Every sum the format defines —
 * the 总计 column, （七）总计, the Table 四 totals — is computed from its parts
 * (cells_fill_totals), so the result passes every E rule of annual-report-format.md §6 by
 * construction. The narrative sections 一、五、六 are the texts staff stored (report_text_*);
 * where none is stored, 一 is a draft stating the year's figures in words, 五 is "无" and 六
 * states the year's 信息处理费 (收费通知 issued and fees received, from the ledger) or is "无".
 * Counting choices: docs/report.md.
 * May call store/, domain/ (application, registers, agency), format/, text/, base/.
 * Law: 条例第五十条; 国办公开办函〔2021〕30号 / 〔2019〕60号.
 */
#ifndef GK_DOMAIN_REPORT_COMPUTE_H
#define GK_DOMAIN_REPORT_COMPUTE_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/application.h"
#include "domain/regcount.h"
#include "domain/registers.h"
#include "format/report.h"
#include "store/agency_store.h"
#include "store/store.h"

/* The narrative sections staff write, and their stored ids. */
enum report_text_section { RTEXT_OVERVIEW, RTEXT_PROBLEMS, RTEXT_OTHER, RTEXT__MAX };

/* "overview" / "problems" / "other" (as typed after --section) → the section, or -1.
 * "other_matters" is accepted for "other". */
int report_text_section_by_name(const char *name);
/* The report section a narrative section fills (SEC_OVERVIEW, SEC_PROBLEMS, SEC_OTHER_MATTERS). */
enum section report_text_section_of(enum report_text_section t);

/* Longest narrative text accepted (bytes). */
#define REPORT_TEXT_MAX (256 * 1024)

/* Store the text of a section of an organ's year (valid UTF-8, at most REPORT_TEXT_MAX bytes;
 * CRLF turned into LF, trailing blank lines dropped); audit-logged. Inside the caller's
 * write transaction. ERR_INVALID naming "--file" for bad text. */
int report_text_set(struct store *s, int64_t agency_id, int year, enum report_text_section t,
		    const char *text, size_t len, struct gk_error *e) GK_WUR;
/* The stored text, or *out = NULL when none is stored (in a). */
int report_text_get(struct store *s, int64_t agency_id, int year, enum report_text_section t,
		    struct arena *a, const char **out, struct gk_error *e) GK_WUR;

/* The figures the draft of 一 states (all from the ledger). */
struct report_figures {
	int year;
	int64_t received;        /* 一 总计 */
	int64_t carried_in;      /* 二 总计 */
	int64_t handled;         /* 三（七）总计 */
	int64_t carried_out;     /* 四 总计 */
	int64_t normdocs_issued; /* 规章 + 行政规范性文件 issued in the year */
	int64_t normdocs_in_force;
	int64_t docs_published;  /* catalogue documents published in the year */
	struct reg_tally *news;  /* news per platform (names owned elsewhere) */
	size_t news_platforms;
	int64_t news_total;
	int64_t feedback_total;
	int64_t reviews;         /* Table 四 行政复议 总计 */
	int64_t lawsuits;        /* Table 四 行政诉讼: both 总计 */
	struct app_fee_year fees;    /* 收费通知 sent and fees paid in the year (109号) */
	enum organ_kind organ;
};

/* The draft of 一、总体情况 for these figures: the five sub-headings of the format (spec §1.1),
 * the figures in words ("全年未收到政府信息公开申请。" when none was received, else
 * "共收到政府信息公开申请N件。…办结N件。"), news per platform, documents issued, and for a
 * 人民政府 a prompt for 考核 / 评议 / 责任追究. Appended to out. */
int report_overview_draft(const char *agency, const struct report_figures *f, struct buf *out) GK_WUR;

/* REQ 年报-六-收费 (UNVERIFIED, spec §1.1): the draft of 六、其他需要报告的事项: the year's
 * 信息处理费 — "本年度…发出收费通知N件，金额合计X元；实际收取信息处理费M件，金额合计Y元。" — or
 * "无" when there were none. Appended to out. */
int report_other_draft(const struct report_figures *f, struct buf *out) GK_WUR;

/* ---- pure mappings (testable without a database) ---- */

/* Table 三 of c (2021 or 2019 format) from a tally: 一、二、outcome rows and 四 per applicant
 * column, then every total from its parts. In the 2019 format the three 其他处理 outcomes go
 * to its single （六）其他处理 row. */
void report_fill_t3(struct report_cells *c, const struct app_tally *t);
/* Table 二 (2021: every cell; 2019: what the registers know, see docs/report.md). */
void report_fill_t2(struct report_cells *c, const struct table2 *t);
/* Table 四, totals included. */
void report_fill_t4(struct report_cells *c, const struct table4 *t);

/* The organ kind of an agency level id ("township" …). */
enum organ_kind report_organ_kind(const char *level);

/* ---- the whole report ---- */

/*
 * Compute the report of organ ag for year into *out (report_init'd by the caller with any
 * format; it is reset to the format of the year, fmt_for_year). Inside the caller's
 * read or write transaction. Figures, if not NULL, receives the figures of the draft (its news
 * array in a). ERR_INVALID naming "YEAR" for a year before 2019 (no table format).
 */
int report_compute(struct store *s, const struct agency_rec *ag, int year, struct arena *a,
		   struct annual_report *out, struct report_figures *figures,
		   struct gk_error *e) GK_WUR;

/* The same with the organ's year already read (pre, its part of a region's ledger_year: a
 * region computes every organ's report from one read of the year; NULL: read here, for the
 * organ alone, domain/report_ledger.h). */
struct organ_year;
int report_compute_counted(struct store *s, const struct agency_rec *ag, int year,
			   const struct organ_year *pre, struct arena *a,
			   struct annual_report *out, struct report_figures *figures,
			   struct gk_error *e) GK_WUR;

#endif

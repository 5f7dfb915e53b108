/*
 * app_codes.h — an application's coded values: receipt channels (declared here), applicant
 * types (the Table 三 columns) and outcomes (the Table 三 result rows).
 *
 * Applicant types and outcomes are not spelled here: their ids ("np", "granted" …) and exact
 * labels come from the declared 2021 report format (format/format.h, t3_cols and t3_rows), so
 * the ledger, the generator, the reader and the checker share one table. enum applicant_type
 * follows enum t3_col (np … org_other) and enum outcome follows enum t3_row from T3R_GRANTED to
 * T3R_OTHER_MISC; app_outcome_row / app_applicant_col convert. Only the legal basis of each
 * outcome (for reply letters) is added here.
 * Depends on format/.
 */
#ifndef GK_DOMAIN_APP_CODES_H
#define GK_DOMAIN_APP_CODES_H

#include <stdbool.h>
#include <stddef.h>

#include "format/format.h"

/* How the application arrived (条例第三十一条 decides the date of receipt by channel). */
enum app_channel {
	CHANNEL_IN_PERSON,   /* received the day it is handed in */
	CHANNEL_POST,        /* post to be signed for: the day signed for */
	CHANNEL_POST_PLAIN,  /* plain letter: the day the office confirms it with the applicant */
	CHANNEL_ONLINE,      /* the day both sides confirm */
	CHANNEL_FAX,         /* the day both sides confirm */
	CHANNEL_EMAIL,       /* the day both sides confirm */
	CHANNEL_ORAL,        /* made orally, the form filled in by staff (Art. 29): that day */
	CHANNEL_OTHER,       /* the date given */
	CHANNEL__MAX
};

/* The applicant columns of Table 三, in the order of enum t3_col. */
enum applicant_type {
	APPLICANT_NP,          /* 自然人 */
	APPLICANT_BIZ,         /* 商业企业 */
	APPLICANT_RESEARCH,    /* 科研机构 */
	APPLICANT_NGO,         /* 社会公益组织 */
	APPLICANT_LEGAL,       /* 法律服务机构 */
	APPLICANT_ORG_OTHER,   /* 其他 */
	APPLICANT__MAX
};

/* The 21 outcome rows of Table 三 (2021 format), in the order of enum t3_row. */
enum outcome {
	OUTCOME_GRANTED,
	OUTCOME_PARTIAL,
	OUTCOME_DENY_STATE_SECRET,
	OUTCOME_DENY_LAW_PROHIBITS,
	OUTCOME_DENY_SECURITY_STABILITY,
	OUTCOME_DENY_THIRD_PARTY,
	OUTCOME_DENY_INTERNAL_AFFAIRS,
	OUTCOME_DENY_PROCESS_INFO,
	OUTCOME_DENY_ENFORCEMENT_FILE,
	OUTCOME_DENY_ADMIN_QUERY,
	OUTCOME_UNABLE_NOT_HELD,
	OUTCOME_UNABLE_NEEDS_CREATION,
	OUTCOME_UNABLE_UNCLEAR_AFTER_FIX,
	OUTCOME_NOPROC_PETITION,
	OUTCOME_NOPROC_REPEAT,
	OUTCOME_NOPROC_PUBLICATION,
	OUTCOME_NOPROC_MASS_REPEAT,
	OUTCOME_NOPROC_CONFIRM_REISSUE,
	OUTCOME_OTHER_NO_CORRECTION,
	OUTCOME_OTHER_FEE_UNPAID,
	OUTCOME_OTHER_MISC,
	OUTCOME__MAX
};

struct app_code {
	const char *id;      /* stable id: "in-person" */
	const char *label;   /* Chinese label */
	bool confirm;        /* REQ 条例-31: received on the day the receipt is confirmed */
	bool same_day;       /* REQ 条例-31: confirmed on the day it arrives (a plain letter) */
	const char *receipt; /* which day is the date of receipt, in words */
};

extern const struct app_code app_channels[CHANNEL__MAX];

/* The channel whose id is s, or -1. */
int app_channel_find(const char *s);

/* Outcomes: the Table 三 row (format/format.h), its row_id, exact label, short name with its
 * group ("（三）1.属于国家秘密"), the article it rests on (NULL if none); find by row_id, -1 if
 * none. o must be a valid enum outcome. */
enum t3_row app_outcome_row(int o);
const char *app_outcome_id(int o);
const char *app_outcome_label(int o);
const char *app_outcome_name(int o);
const char *app_outcome_basis(int o);
int app_outcome_find(const char *id);

/* Applicant types: the Table 三 column, its col_id and label; find by col_id (-1 if none). */
enum t3_col app_applicant_col(int t);
const char *app_applicant_id(int t);
const char *app_applicant_label(int t);
int app_applicant_find(const char *id);

/* "a, b, c": the ids of channels / applicant types / outcomes, for error messages. */
enum app_code_list { CODES_CHANNELS, CODES_APPLICANTS, CODES_OUTCOMES };
const char *app_code_ids(enum app_code_list which, char *buf, size_t len);

#endif

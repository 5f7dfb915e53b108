/*
 * app_codes.h — THE declared tables of an application's coded values: receipt channels,
 * applicant types (the Table 三 columns) and outcomes (the Table 三 result rows), each with its
 * stable id (as typed on the command line, stored, and used in JSON) and its Chinese label.
 *
 * The ids are the row_id / col_id of spec annual-report-format.md §4.1–§4.2, in the same
 * order as the report format's enums (Table 三 columns np…org_other, result rows
 * granted…other_misc), so the report maps them by id without a second list.
 * Depends on nothing.
 */
#ifndef GK_DOMAIN_APP_CODES_H
#define GK_DOMAIN_APP_CODES_H

/* How the application arrived (条例第三十一条 decides the date of receipt by channel). */
enum app_channel {
	CHANNEL_IN_PERSON,
	CHANNEL_POST,
	CHANNEL_ONLINE,
	CHANNEL_FAX,
	CHANNEL_EMAIL,
	CHANNEL_OTHER,
	CHANNEL__MAX
};

/* The applicant columns of Table 三 (annual-report-format.md §4.1, col_id). */
enum applicant_type {
	APPLICANT_NP,          /* 自然人 */
	APPLICANT_BIZ,         /* 商业企业 */
	APPLICANT_RESEARCH,    /* 科研机构 */
	APPLICANT_NGO,         /* 社会公益组织 */
	APPLICANT_LEGAL,       /* 法律服务机构 */
	APPLICANT_ORG_OTHER,   /* 其他 */
	APPLICANT__MAX
};

/* The 23 result rows of Table 三 (2021 format, annual-report-format.md §4.2, row_id). */
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
	const char *id;      /* stable id: "in-person", "np", "granted" */
	const char *label;   /* Chinese label; for outcomes the exact Table 三 row label */
	const char *group;   /* outcomes: the Table 三 group ("（三）不予公开"), else NULL */
	const char *basis;   /* outcomes: the article it rests on, else NULL */
};

extern const struct app_code app_channels[CHANNEL__MAX];
extern const struct app_code applicant_types[APPLICANT__MAX];
extern const struct app_code outcomes[OUTCOME__MAX];

/* The index of id in table (n entries), or -1. */
int app_code_find(const struct app_code *table, int n, const char *id);

/* "in-person, post, …": the ids of a table, for error messages (static buffer per table). */
const char *app_code_ids(const struct app_code *table, int n);

#endif

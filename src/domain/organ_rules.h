/*
 * organ_rules.h — an organ's settings for what the law leaves to the organ or does not settle.
 *
 * Each is a text column of the organ's settings (store/agency_store.h struct agency_profile, set
 * with `gongkai guide set`, carried by export/import); NULL means the default. The table
 * organ_rule_info declares, once, each setting's key, option, Chinese label, default and the
 * law behind it (docs/lifecycle.md lists them); organ_rules_check validates a profile against
 * it, organ_rules_read turns one into struct organ_rules. The lifecycle (domain/application.h)
 * and the letters (domain/letter.h) read them from here only.
 * May call store/, text/, base/, domain/agency.h, domain/notice_ref.h (a pattern's check).
 * Law: 条例 Arts. 30, 31, 33–34, 49; 国办函〔2020〕109号; 行政复议法 (2023) Arts. 24–25, 27.
 */
#ifndef GK_DOMAIN_ORGAN_RULES_H
#define GK_DOMAIN_ORGAN_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/agency_store.h"
#include "store/store.h"

enum organ_rule {
	RULE_FEE_PAUSE,         /* fee notice → payment left out of the reply limit (UNVERIFIED) */
	RULE_CORRECTION_PERIOD, /* working days a 补正 notice gives (the law: "reasonable") */
	RULE_CONSULT_CAP,       /* a consultation pause ends at its 15-day answer due (our reading) */
	RULE_CONFIRM_DAYS,      /* working days to confirm an online / e-mail / fax receipt */
	RULE_REVIEW_BODY,       /* the 行政复议机关 named in reply letters */
	RULE_REPORT_DUE,        /* the annual report's publication deadline, MM-DD */
	RULE_FEE_ACCOUNT,       /* how and where a fee is paid, printed in the 收费通知书 */
	RULE_NOTICE_REF,        /* the pattern of the reference numbers of its notices */
	RULE_NOTICE_TEMPLATES,  /* the folder of its own notice templates */
	RULE__MAX
};

enum organ_rule_type { RULE_YESNO, RULE_WORKDAYS, RULE_TEXT, RULE_MMDD, RULE_REF_PATTERN };

struct organ_rule_info {
	const char *key;        /* column and export key: "correction_period" */
	const char *option;     /* `guide set` option: "--correction-period" */
	enum organ_rule_type type;
	int min, max;           /* RULE_WORKDAYS: the range accepted */
	const char *label;      /* Chinese label for the console */
	const char *deflt;      /* the default, in words */
	const char *law;        /* where the law stands; "UNVERIFIED" when it does not settle it */
	size_t off;             /* offset of the const char * in struct agency_profile */
};

extern const struct organ_rule_info organ_rule_info[RULE__MAX];

#define ORGAN_CORRECTION_PERIOD_DEFAULT 15  /* working days (spec §5.4, typical, UNVERIFIED) */
#define ORGAN_CONFIRM_DAYS_DEFAULT 2        /* working days (UNVERIFIED) */

/* The settings in force, defaults applied. Strings point into the profile they were read from. */
struct organ_rules {
	bool fee_pause;
	int correction_period;
	bool consult_cap;
	int confirm_days;
	const char *review_body;    /* NULL: computed from the organ's level (organ_review_body) */
	int report_due_month, report_due_day;  /* 0: the default for the organ's level */
	const char *fee_account;    /* NULL: none set (a 收费通知书 is refused without it) */
	const char *notice_ref;     /* NULL: NOTICE_REF_DEFAULT (domain/notice_ref.h) */
	const char *notice_templates; /* NULL: an ancestor's, else the shipped ones */
};

/* The defaults (fee pause and consultation cap on, 15 and 2 working days). */
void organ_rules_default(struct organ_rules *out);

/* Check every setting p holds; ERR_INVALID naming the option ("--correction-period") and what
 * is accepted. */
int organ_rules_check(const struct agency_profile *p, struct gk_error *e) GK_WUR;

/* The settings of p with the defaults where p holds none (p must have passed the check;
 * anything unreadable counts as not set). */
void organ_rules_read(const struct agency_profile *p, struct organ_rules *out);

/* The settings of organ agency_id from the store; strings in a. */
int organ_rules_load(struct store *s, int64_t agency_id, struct arena *a, struct organ_rules *out,
		     struct gk_error *e) GK_WUR;

/* REQ 条例-49: the day organ agency_id must have published its report on year (set, or by
 * level: a government's own report 3月31日, departments and townships 1月31日 of year + 1). */
int organ_report_due(struct store *s, int64_t agency_id, int year, struct gk_error *e,
		     int *due) GK_WUR;

/* The day (in China, UTC+8) of a publication timestamp "YYYY-MM-DDTHH:MM:SSZ" (UTC), for
 * comparing a report's first publication with its due date. ERR_INVALID if malformed. */
int organ_publication_day(const char *published_at, int *day, struct gk_error *e) GK_WUR;

/* REQ 行政复议法-24: the body an applicant may ask for 行政复议 of organ agency_id's decision of
 * date decided: the organ's setting, else from its level — a department: 本级人民政府 (the
 * nearest government above it); a 乡镇, county or city government: the government above it;
 * a province or a ministry: itself (Art. 25). Before 2024-01-01 (former Art. 12) a
 * department's act could also go to the 上一级主管部门 at the applicant's choice, and the
 * text says so. ERR_STATE asking for `guide set --review-body` when the tree does not name
 * it. *out in a. */
int organ_review_body(struct store *s, int64_t agency_id, int decided, struct arena *a,
		      const char **out, struct gk_error *e) GK_WUR;

#endif

/*
 * register.h — the registers that feed Table 二 and Table 四 of the annual report.
 *
 * Six registers, each declared once as a table of fields (struct reg_desc): the same names
 * are the CSV columns of `register KIND import`, the options of `register KIND add`
 * (underscores written as hyphens) and the JSON keys of `list --json` and of the ledger
 * export. A record is an array of typed values in field order (struct reg_record); parsing
 * from name=value text (reg_record_parse) applies every rule of the register, so the CLI, the
 * CSV import, the web /feedback page and the ledger import all validate identically.
 *
 *   normdoc   规章 / 行政规范性文件: kind, issued, doc_no, title, repealed
 *   decision  行政许可 / 行政处罚 / 行政强制: one decision (date) or a count for a period (from, to, count)
 *   fee       行政事业性收费: amount in 元 (stored in 分) on a date or for a period
 *   case      行政复议 / 行政诉讼 (direct, after reconsideration): filed, result, closed, co-defendant
 *   feedback  public feedback and complaints (hotline, mailbox, web) with a reference number
 *   news      news published per platform
 *
 * May call base/ and text/. Law: 条例第二十条 (一)(五)(六)(八) items of Table 二,
 * 条例第五十条 (三) for Table 四, 国办公开办函〔2016〕201号 for co-defendant cases.
 */
#ifndef GK_DOMAIN_REGISTER_H
#define GK_DOMAIN_REGISTER_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

enum reg_kind { REG_NORMDOC, REG_DECISION, REG_FEE, REG_CASE, REG_FEEDBACK, REG_NEWS, REG__MAX };

enum reg_ftype {
	REG_TEXT,     /* one line of UTF-8 text (trimmed), at most max characters */
	REG_LONGTEXT, /* text that may contain line breaks */
	REG_DATE,     /* YYYY-MM-DD → day number */
	REG_ENUM,     /* one of enum_names → index */
	REG_COUNT,    /* integer 0 … 1 000 000 000 */
	REG_YUAN,     /* amount in 元 ("1234.56") → 分 */
	REG_BOOL,     /* yes|no (also 1|0, true|false, 是|否) */
	REG_APPREF,   /* an application: id or tracking code; resolved by the store */
};

struct reg_field {
	const char *name;               /* CSV column, JSON key; CLI option with '-' for '_' */
	enum reg_ftype type;
	int required;
	size_t max;                     /* REG_TEXT / REG_LONGTEXT: most characters */
	const char *const *enum_names;  /* REG_ENUM: NULL-terminated */
	const char *help;               /* one line for --help */
	const char *label;              /* the Chinese name shown on forms and lists */
	const char *const *enum_labels; /* REG_ENUM: Chinese names parallel to enum_names */
};

#define REG_MAX_FIELDS 10

struct reg_desc {
	enum reg_kind kind;
	const char *name;        /* "normdoc" — the command word and the store's table key */
	const char *title;       /* "规范性文件 (rules and normative documents)" */
	size_t nfields;
	const struct reg_field *fields;
	int date_field;          /* field whose date orders the list and selects --year, or -1 */
	const char *label;       /* "规章和规范性文件" — the short Chinese name on web pages */
};

/* One value: set = 0 means empty (NULL). i holds dates (day numbers), enum indexes, counts,
 * amounts in 分, booleans and application ids; s holds text and, for REG_APPREF, the
 * application's tracking code. Strings are owned by whoever made the record (an arena). */
struct reg_value {
	int set;
	int64_t i;
	const char *s;
};

struct reg_record {
	int64_t id;              /* the store's row id; 0 before it is stored */
	int64_t document_id;     /* normdoc: the catalogue document it follows, 0 = none */
	int64_t agency_id;       /* the organ whose record it is (as read from the store) */
	enum reg_kind kind;
	struct reg_value v[REG_MAX_FIELDS];
};

/* Field positions per register (the order of the field tables in register.c). */
enum { NORMDOC_KIND, NORMDOC_ISSUED, NORMDOC_DOC_NO, NORMDOC_TITLE, NORMDOC_REPEALED, NORMDOC__N };
enum normdoc_kind { NORMDOC_K_RULE, NORMDOC_K_NORMDOC, NORMDOC_K__MAX };

enum { DECISION_KIND, DECISION_DATE, DECISION_FROM, DECISION_TO, DECISION_COUNT, DECISION_DOC_NO,
       DECISION_TITLE, DECISION__N };
enum decision_kind { DECISION_K_LICENSING, DECISION_K_PENALTY, DECISION_K_COERCION, DECISION_K__MAX };

enum { FEE_DATE, FEE_FROM, FEE_TO, FEE_AMOUNT, FEE_ITEM, FEE__N };

enum { CASE_KIND, CASE_FILED, CASE_CASE_NO, CASE_APPLICATION, CASE_RESULT, CASE_CLOSED,
       CASE_CO_DEFENDANT, CASE_NOTE, CASE__N };
enum case_kind { CASE_K_REV, CASE_K_LIT_DIRECT, CASE_K_LIT_AFTER_REV, CASE_K__MAX };
enum case_result { CASE_R_PENDING, CASE_R_UPHELD, CASE_R_CORRECTED, CASE_R_OTHER, CASE_R__MAX };

enum { FEEDBACK_REF_NO, FEEDBACK_CHANNEL, FEEDBACK_RECEIVED, FEEDBACK_TEXT, FEEDBACK_CONTACT,
       FEEDBACK_ANSWERED, FEEDBACK_ANSWER, FEEDBACK__N };
enum feedback_channel { FEEDBACK_C_HOTLINE, FEEDBACK_C_MAILBOX, FEEDBACK_C_WEB, FEEDBACK_C__MAX };

enum { NEWS_PLATFORM, NEWS_DATE, NEWS_TITLE, NEWS_URL, NEWS__N };

extern const struct reg_desc reg_descs[REG__MAX];

/* The register named name ("normdoc" …), or NULL. */
const struct reg_desc *reg_desc_find(const char *name);
/* The position of field name in d, or -1. */
int reg_field_find(const struct reg_desc *d, const char *name);

/* Name/value pairs as typed by a user (CLI options, CSV columns, form fields, JSON). */
struct reg_kv {
	const char *name;
	const char *value;
};

/*
 * Build *rec of register d from n name/value pairs and check every rule of the register.
 * Unknown names are refused; empty values count as absent; text is trimmed of blanks.
 * Strings in *rec are allocated from a. On error e names the field ("--issued" style is the
 * caller's business: e->field is the bare field name) and says what is wrong.
 * Application references are only checked for form here; the store resolves them.
 */
int reg_record_parse(const struct reg_desc *d, const struct reg_kv *kv, size_t n, struct arena *a,
		     struct reg_record *rec, struct gk_error *e) GK_WUR;

/* Check the cross-field rules of an already typed record (reg_record_parse calls it). */
int reg_record_check(const struct reg_desc *d, const struct reg_record *rec, struct gk_error *e) GK_WUR;

/* The value of field f of rec as text, the way a user would type it back (date YYYY-MM-DD,
 * enum name, amount "1234.56", yes/no), appended to out; nothing for an empty value. */
int reg_value_format(const struct reg_desc *d, int f, const struct reg_record *rec, struct buf *out) GK_WUR;

/* The year a record counts in (its date, or the end of its period), or 0 if it has none. */
int reg_record_year(const struct reg_record *rec);

/* The next feedback reference number for a year, given how many the organ already has in
 * that year: "FB2024-00001". out must hold 32 bytes. */
void reg_feedback_ref(int year, int64_t serial, char out[32]);

#endif

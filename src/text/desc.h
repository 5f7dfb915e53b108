/*
 * desc.h — record descriptors: each field of a record declared once (its id, type, place in
 * the struct, limit, flags, allowed values and Chinese label), so the rules that follow from
 * the declaration (required, at most so many bytes, valid UTF-8, one of the ids) are checked in
 * one place with one message whichever front end the value came from.
 *
 * A field id is neutral: "applicant_name" is the JSON key, the web form's field and the name
 * an error carries (struct gk_error.field); the CLI writes it as the option --applicant-name.
 * Messages are Chinese and never repeat the label: an error carries the label beside the
 * field (gk_error.label), and each front end shows it its own way ("--applicant-name
 * （申请人姓名或者名称）: 必须填写" on the command line, the marked form field on the web).
 * May call base/, text/utf8 and text/date.
 */
#ifndef GK_TEXT_DESC_H
#define GK_TEXT_DESC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"

enum desc_type {
	DESC_LINE,      /* one line of text (const char *) */
	DESC_TEXT,      /* longer text, line breaks allowed (const char *) */
	DESC_ENUM,      /* one of enum_ids (const char *) */
	DESC_DATE,      /* a day number (int; 0 = not given) */
	DESC_DAY,       /* a day written YYYY-MM-DD (const char *), as records keep dates */
	DESC_STAMP,     /* a UTC time written YYYY-MM-DDTHH:MM:SSZ (const char *) */
	DESC_INT,       /* a whole number (int64_t; -1 = not given); max: the largest allowed */
};

enum {
	DESC_REQUIRED = 1u << 0,  /* must be given (non-empty) */
	DESC_SECRET = 1u << 1,    /* never shown back (hashes, one-time secrets) */
	DESC_PERSONAL = 1u << 2,  /* personal data: never on a public page, never in a log line */
	DESC_IDENTITY = 1u << 3,  /* an identity document's number: the record of what was done
				   * (the audit log) says only whether it was given */
};

struct desc_field {
	const char *id;                 /* "applicant_name" */
	enum desc_type type;
	size_t offset;                  /* of the member in the record struct */
	size_t max;                     /* text: most bytes; DESC_INT: largest value (0 = no limit) */
	unsigned flags;                 /* DESC_* */
	const char *const *enum_ids;    /* DESC_ENUM: NULL-terminated ids (NULL: the owner checks
					 * against its own table) */
	const char *label;              /* "申请人姓名或者名称" */
	const char *help;               /* one line for --help (English, may name the law) */
	const char *law;                /* the article behind a required field, or NULL */
};

struct desc_record {
	const char *id;                 /* "application" */
	const char *label;              /* "政府信息公开申请" */
	const struct desc_field *fields;
	size_t nfields;
};

/* The field of r called id, or NULL. */
const struct desc_field *desc_find(const struct desc_record *r, const char *id);

/* A field of a stored record declared in one line: its id is the member's name, and the
 * record's struct is given (DESC_MEMBER(app_rec, received, DESC_DAY, DESC_REQUIRED, "收到申请日期")). */
#define DESC_MEMBER(rec, member, type, flags, label) \
	{ #member, (type), offsetof(struct rec, member), 0, (flags), NULL, (label), NULL, NULL }

/* A whole number of a record, 0…max, -1 when absent (DESC_COUNT(app_event_rec, days, 1000,
 * "工作日数")). */
#define DESC_COUNT(rec, member, max, label) \
	{ #member, DESC_INT, offsetof(struct rec, member), (max), 0, NULL, (label), NULL, NULL }

/* A text member of a record with its limit in bytes. */
#define DESC_MEMBER_MAX(rec, member, type, max, flags, label) \
	{ #member, (type), offsetof(struct rec, member), (max), (flags), NULL, (label), NULL, NULL }

/* The text member f of rec (every type but DESC_DATE and DESC_INT). */
const char *desc_str(const struct desc_field *f, const void *rec);
/* The same, to be set. */
const char **desc_str_ref(const struct desc_field *f, void *rec);
/* Make rec's texts its own: each declared text field it holds copied into a (a record read
 * by a callback whose texts are good during the call only). */
void desc_dup(const struct desc_record *r, void *rec, struct arena *a);
/* The whole-number member f of rec (DESC_INT). */
int64_t *desc_int_ref(const struct desc_field *f, void *rec);

/* Record in e (field id, label) that value v of f breaks its declared rules, code ERR_INVALID;
 * 0 if it keeps them: given when required, valid UTF-8, at most max bytes, one line for a
 * LINE, no control character (but a tab or line break in a TEXT), one of the ids for an
 * ENUM, the shape YYYY-MM-DD for a DAY (a real day) and YYYY-MM-DDTHH:MM:SSZ for a STAMP. Empty and NULL are the same (not given). */
int desc_check_value(const struct desc_field *f, const char *v, struct gk_error *e) GK_WUR;

/* 1 when v is a value whole-number field f allows: 0 or more, at most its max (0: no limit). */
int desc_int_fits(const struct desc_field *f, int64_t v);

/* desc_check_value on every text field of rec, a required date given (not 0) and a whole
 * number within 0…max when given, in declaration order; the first broken rule. */
int desc_check(const struct desc_record *r, const void *rec, struct gk_error *e) GK_WUR;

/* desc_check of the fields given, whether required or not: a record still being made, whose
 * maker fills or asks for its required fields itself. */
int desc_check_given(const struct desc_record *r, const void *rec, struct gk_error *e) GK_WUR;

/* err_set with the field's id and label. */
int desc_error(struct gk_error *e, int code, const struct desc_field *f, const char *fmt, ...)
	GK_PRINTF(4, 5);
int desc_verror(struct gk_error *e, int code, const struct desc_field *f, const char *fmt,
		va_list ap) GK_PRINTF(4, 0);

/* "applicant_name" → "--applicant-name" (an id of lower-case letters, digits and '_'); any
 * other text (a file:line, an option already written as one) unchanged. */
const char *desc_option(const char *id, char *buf, size_t len);

#endif

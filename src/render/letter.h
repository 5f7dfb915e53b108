/*
 * letter.h — a reply letter (告知书) as a notice (notice.h): plain text, Word, PDF or OFD. The letter's parts are built and
 * checked by the domain (domain/letter.h: letter_build refuses a letter without its legal
 * basis, reasons or remedy statement); this module only lays them out.
 * May use base/ and text/.
 */
#ifndef GK_RENDER_LETTER_H
#define GK_RENDER_LETTER_H

#include "base/buf.h"
#include "base/err.h"
#include "render/notice.h"

/* The parts of a reply letter, all UTF-8 text (owned by the caller). */
struct letter {
	const char *title;         /* "政府信息公开申请答复告知书" */
	const char *ref;           /* the tracking code, as the letter's reference */
	const char *applicant;
	const char *received;      /* YYYY-MM-DD */
	const char *request;       /* what was asked for ("" if not recorded) */
	const char *outcome;       /* Table 三 label */
	const char *conclusion;    /* the standard sentence for the outcome group */
	const char *basis;         /* the legal basis: article(s) */
	const char *reasons;       /* the officer's reasons ("" only for 予以公开) */
	const char *remedy;        /* the remedy statement with bodies and time limits */
	const char *organ;         /* the organ that signs */
	const char *date;          /* the date of the decision (YYYY-MM-DD, or "") */
	const char *ref_number;    /* the organ's reference number (慈政信复〔2026〕12号), or NULL:
				    * the reference line is then 编号：<tracking code> */
	const char *version;       /* the wording's version, or NULL */
	const char *paras[NOTICE_MAX_PARAS];   /* the body in the organ's wording (the reply
						* template filled by domain/letter.h) */
	size_t npara;
};

/* Append letter l in format f (enum notice_format) to out: the notice's layout with the
 * reference line, the addressee, the body (l->paras: receipt and request, conclusion, outcome,
 * legal basis, reasons, remedy statement as the wording puts them), the organ, the date
 * written out and the seal line.
 * ERR_INVALID naming the part when a text is not UTF-8, ERR_LIMIT when out is full. */
int render_letter(const struct letter *l, int format, struct buf *out, struct gk_error *e) GK_WUR;

/* Append letter l as a .docx to out: A4 with the margins of GB/T 9704, the title in
 * 方正小标宋简体 二号, the text in 仿宋_GB2312 三号 (宋体 / SimSun where missing), zh-CN: the
 * title, the reference (编号), the addressee, the body (receipt and request, conclusion,
 * outcome), the legal basis, the reasons, the remedy statement, then the organ, the date in
 * Chinese form and the seal line, right-aligned. Every text is escaped by the one DOCX text
 * writer. Deterministic: the document and its zip entries are dated the letter's date (the
 * date received when it has none). ERR_INVALID naming the part when a text is not UTF-8,
 * ERR_LIMIT when out is full. */
int render_letter_docx(const struct letter *l, struct buf *out, struct gk_error *e) GK_WUR;

/* Append letter l as UTF-8 plain text to out: the same paragraphs in the same order, body
 * paragraphs indented by two full-width spaces, the organ, date and seal line pushed right.
 * ERR_INVALID naming the part when a text is not UTF-8, ERR_LIMIT when out is full. */
int render_letter_txt(const struct letter *l, struct buf *out, struct gk_error *e) GK_WUR;

#endif

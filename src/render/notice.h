/*
 * notice.h — a notice (告知书, 通知书, 意见函) as a document: laid out once as paragraphs and
 * written as plain text, a Word document, a PDF or an OFD. The reply letter (letter.h) and
 * every procedural notice of an application (domain/notice.h: 补正告知书, 延期答复告知书,
 * 收费通知书, 征求意见函 …) are notices; the domain builds and checks their parts, this module
 * only lays them out.
 *
 * Layout after 党政机关公文格式 (GB/T 9704), as organs print these letters: the title centred in
 * 方正小标宋简体 二号; the reference line centred under it (the organ's reference number
 * 慈政信复〔2026〕12号 beside the tracking code, or 编号：CODE); the addressee flush left with a
 * full-width colon; the body in 仿宋_GB2312 三号 with a two-character first-line indent; then,
 * right-aligned four characters from the margin, the organ's full name over the date written
 * out (2026年12月2日) and the seal line. TXT keeps the order, DOCX uses the one DOCX writer
 * (docx_pkg.h), PDF and OFD the one page engine (page.h) with the Noto CJK stand-ins.
 * Deterministic: every format is dated the notice's date.
 * May use base/ and text/.
 */
#ifndef GK_RENDER_NOTICE_H
#define GK_RENDER_NOTICE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

#define NOTICE_MAX_PARAS 24

/* The parts of a notice, all UTF-8 (borrowed). */
struct notice_doc {
	const char *title;      /* "政府信息公开申请补正告知书" */
	const char *ref;        /* the reference line as printed ("编号：…", "慈政信复〔2026〕12号") */
	const char *addressee;  /* the applicant, the third party, the organ consulted */
	const char *paras[NOTICE_MAX_PARAS];   /* the body, in order */
	size_t npara;
	const char *organ;      /* the signing organ's full name */
	const char *date;       /* YYYY-MM-DD (written out as 2026年12月2日), or "" */
	const char *version;    /* the wording's version ("" none) */
	const char *filed;      /* the date the file carries when date is "" (YYYY-MM-DD), or "" */
};

enum notice_format { NOTICE_TXT, NOTICE_DOCX, NOTICE_PDF, NOTICE_OFD, NOTICE__MAX };

/* "txt" "docx" "pdf" "ofd" → format, or -1. */
int notice_format_by_name(const char *name);
/* 1 for the formats that are not text. */
int notice_format_binary(int format);
/* The file name extension ("pdf") and the media type of format f. */
const char *notice_format_name(int format);
const char *notice_format_type(int format);

/* Append notice n in format f to out. ERR_INVALID naming the part when a text is not UTF-8,
 * ERR_LIMIT when out is full. */
int render_notice(const struct notice_doc *n, int format, struct buf *out,
		  struct gk_error *e) GK_WUR;

/* "2024-09-27" → "2024年9月27日" into out (a text that is not a date is copied). */
void notice_date_cn(const char *ymd, char out[64]);

#endif

/*
 * letter.h — reply letters (告知书) for applications, one per outcome, and the public view of
 * an application (tracking code + secret).
 *
 * A letter carries what the Regulation and the national reference templates require
 * (国办公开办函〔2020〕2号): the applicant and the request, the conclusion for the outcome,
 * the legal basis (the article of the outcome; 条例第三十六条第（五）项 naming the organ
 * responsible and its contact when the information is not this organ's to disclose), the
 * reasons (typed by the officer when deciding; for a lapse after the applicant's period or a
 * withdrawal, those facts), and the remedy statement naming the bodies: 行政复议 within 60
 * days to the organ's 行政复议机关 (domain/organ_rules.h: a setting, else from its level, per
 * 行政复议法 (2023) Arts. 24–25 for decisions from 2024-01-01), 行政诉讼 within 6 months to
 * the people's court. Every outcome has a letter (a 终止办理告知书 for those of （六））.
 * letter_build refuses (ERR_STATE, naming what is missing) rather than produce a letter
 * without any of these.
 * The wording is the organ's reply template (domain/notice_wording.h, kind "reply": the
 * shipped data/notices/reply.txt, or an organ's own / its 市's), with one conclusion per
 * outcome group; a template without the conclusion of every group, {basis}, {reasons} or
 * {remedy} is refused. The wording is stored with the letter when it is issued.
 * The letter's parts are struct letter (render/letter.h), which also writes it as DOCX.
 * May call: domain/application.h, domain/agency.h, render/letter.h, store/, text/, base/.
 * Law: 条例 Arts. 36–39; 行政复议法 Art. 20 (60 日); 行政诉讼法 Art. 46 (6 个月).
 */
#ifndef GK_DOMAIN_LETTER_H
#define GK_DOMAIN_LETTER_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/application.h"
#include "render/letter.h"
#include "store/store.h"

#define LETTER_REVIEW_DAYS 60     /* REQ 行政复议法-20: 60 days from knowing of the act */
#define LETTER_LITIGATION_MONTHS 6 /* REQ 行政诉讼法-46: 6 months */

/* The kind of the reply letter's template (data/notices/reply.txt). */
#define LETTER_WORDING_KIND "reply"

struct notice_wording;
struct notice_wording_needs;
struct notice_issued;

/* What a reply template must hold (domain/notice_wording.h). */
extern const struct notice_wording_needs letter_wording_needs;

/* The wording of v's reply letter: the one stored with it when issued (issued non-NULL with
 * its wording), else the organ's reply template as it stands; checked. */
int letter_wording(struct store *s, const struct app_view *v, const struct notice_issued *issued,
		   struct arena *a, struct notice_wording *out, struct gk_error *e) GK_WUR;

/* The opening every letter and notice to the applicant shares: "本机关于2025年2月25日收到您提出
 * 的政府信息公开申请（REQUEST）。" */
const char *letter_opening(const struct app_view *v, struct arena *a);

/* The title of the letter closing with outcome: 答复告知书, 不予处理告知书 (Table 三（五）) or
 * 终止办理告知书 (（六）). */
const char *letter_title(int outcome);

/* "条例第三十条" → "《中华人民共和国政府信息公开条例》第三十条"; any other basis unchanged. */
const char *letter_law(const char *article, struct arena *a);

/* REQ 行政复议法-20 REQ 行政诉讼法-46: the remedy statement of a decision: "如对WHAT不服，可以
 * 自收到DOC之日起60日内向BODY申请行政复议，或者自收到DOC之日起6个月内向有管辖权的人民法院
 * 提起行政诉讼。" */
const char *letter_remedy(const char *what, const char *doc, const char *body, struct arena *a);

/* The index of v's closing event (the one that carries the outcome), or v->nevents. */
size_t letter_closing(const struct app_view *v);

/* Build the letter for the decided or closed application v. ERR_STATE naming the missing
 * element when the application has no outcome yet, the outcome has no legal basis, the reasons
 * are empty for an outcome that needs them, or no reconsideration body is known. Strings in a. */
int letter_build(struct store *s, const struct app_view *v, struct arena *a, struct letter *out,
		 struct gk_error *e) GK_WUR;

/* REQ 条例-29: the applicant's own view. Find the application by its public tracking code and
 * check the secret (compared as hashes in constant time); a wrong code and a wrong secret are
 * the same ERR_NOTFOUND, so codes cannot be probed. Loads v like app_load. */
int app_track(struct store *s, const struct calendar *cal, const char *code, const char *secret,
	      int today, struct arena *a, struct app_view *v, struct gk_error *e) GK_WUR;

#endif

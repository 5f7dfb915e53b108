/*
 * app_notice.h — every notice an organ issues for an application, as a document: the
 * procedural notices (补正告知书, 延期答复告知书, 延迟答复告知书, 收费通知书, 征求第三方意见函,
 * 征求其他机关意见函) and the reply letter that closes it (答复告知书, 不予处理告知书,
 * 终止办理告知书: domain/letter.h).
 *
 * One table, app_notice_kinds, says for each kind which ledger event issues it, its title,
 * to whom it goes, the article it rests on and the legal elements it must carry (NOTICE_NEEDS_*);
 * each kind's row names the function that fills its elements from the application's ledger
 * (the event's note, period and due date, the fee, the party consulted) and the official
 * calendar (domain/clock.h: the new reply due date of an extension as the schedule stood on the
 * day it was granted). One check refuses, naming the element, a notice that lacks any element
 * its row requires — nothing is typed into a notice, every date comes from the ledger.
 * render/notice.h lays the parts out in TXT, DOCX, PDF and OFD.
 * May call: domain/application.h, domain/letter.h, domain/agency.h, domain/organ_rules.h,
 * render/notice.h, render/letter.h, store/, text/, base/.
 * Law: 条例 Arts. 30, 32–36, 42; 国办函〔2020〕109号; 行政复议法 Art. 20; 行政诉讼法 Art. 46.
 */
#ifndef GK_DOMAIN_APP_NOTICE_H
#define GK_DOMAIN_APP_NOTICE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/application.h"
#include "render/notice.h"
#include "store/store.h"

/* The legal elements a kind of notice must carry (bits of app_notice_kind_info.needs). */
enum {
	NOTICE_NEEDS_BASIS = 1u << 0,     /* the article it rests on */
	NOTICE_NEEDS_REASONS = 1u << 1,   /* why (the officer's note on the event) */
	NOTICE_NEEDS_ITEMS = 1u << 2,     /* what the applicant must correct (条例第三十条) */
	NOTICE_NEEDS_PERIOD = 1u << 3,    /* the period and its last day */
	NOTICE_NEEDS_AMOUNT = 1u << 4,    /* the fee, its method and quantity (109号) */
	NOTICE_NEEDS_ACCOUNT = 1u << 5,   /* how and where to pay (the organ's setting) */
	NOTICE_NEEDS_REMEDY = 1u << 6,    /* a decision: 行政复议 body and periods, 行政诉讼 */
	NOTICE_NEEDS_ADDRESSEE = 1u << 7, /* the party or organ consulted, by name */
};

enum app_notice_kind {
	NOTICE_CORRECTION,        /* 补正告知书, 条例第三十条 */
	NOTICE_EXTENSION,         /* 延期答复告知书, 条例第三十三条第二款 */
	NOTICE_DELAY,             /* 延迟答复告知书, 条例第三十五条 */
	NOTICE_FEE,               /* 收费通知书, 条例第四十二条, 109号 */
	NOTICE_CONSULT_THIRD,     /* 征求第三方意见函, 条例第三十二条 */
	NOTICE_CONSULT_ORGAN,     /* 征求其他机关意见函, 条例第三十四条 */
	NOTICE_REPLY,             /* the reply letter (domain/letter.h), 条例第三十六条 */
	NOTICE__KINDS
};

struct app_notice_parts;

/* One row of the table of notice kinds. */
struct app_notice_kind_info {
	const char *id;           /* "correction" … (the download's name: correction-1) */
	int event;                /* enum app_event_kind that issues it; EV_DECIDED: the closing */
	int party;                /* consultation: the enum app_party consulted, else PARTY_NONE */
	const char *title;        /* "政府信息公开申请补正告知书" */
	bool to_applicant;        /* sent to the applicant (listed on /track) */
	const char *article;      /* "条例第三十条" */
	unsigned needs;           /* NOTICE_NEEDS_* */
	/* fill p from the event ev of v (NULL for the reply) */
	int (*fill)(struct store *s, const struct calendar *cal, const struct app_view *v, size_t ev,
		    struct arena *a, struct app_notice_parts *p, struct gk_error *e);
};

extern const struct app_notice_kind_info app_notice_kinds[NOTICE__KINDS];

/* A notice issued for an application. */
struct app_notice {
	const char *id;           /* "correction-1", "consultation-third-1", "reply" */
	int kind;                 /* enum app_notice_kind */
	const char *title;
	const char *date;         /* YYYY-MM-DD: the day it was issued */
	bool to_applicant;
	size_t event;             /* its event in v->events (the reply: the closing event) */
};

/* Every notice issued for v, in the order of the ledger, as an array in a (the reply letter
 * last, once closed). */
int app_notices(const struct app_view *v, struct arena *a, struct app_notice **out, size_t *n,
		struct gk_error *e) GK_WUR;

struct notice_wording;
struct notice_wording_needs;

/* What the template of kind ("correction" … "reply") must hold: 0, or -1 for no such kind. */
int app_notice_wording_needs(const char *kind, struct notice_wording_needs *out);

/* The wording notice id of v would be issued in now (domain/notice_wording.h): the organ's
 * template (its own, an ancestor's, the shipped one); the reply letter's: domain/letter.h. */
int app_notice_wording(struct store *s, const struct app_view *v, const char *id, struct arena *a,
		       struct notice_wording *out, struct gk_error *e) GK_WUR;

/* The notice id of v in *out; ERR_NOTFOUND naming the id when v has none (for "reply" of an
 * application not closed: why there is none yet). */
int app_notice_find(struct store *s, const struct app_view *v, const char *id,
		    struct arena *a, struct app_notice *out, struct gk_error *e) GK_WUR;

/* 0 when notice nt of v can be issued as the ledger stands — the checks of app_notice_write
 * (its legal elements, its wording) without laying it out; else the same refusal. */
int app_notice_check(struct store *s, const struct calendar *cal, const struct app_view *v,
		     const struct app_notice *nt, struct arena *a, struct gk_error *e) GK_WUR;

/* Notice id of v written in format (enum notice_format) to out. ERR_NOTFOUND when v has no
 * such notice; ERR_STATE naming the legal element (basis, reasons, items, period, amount,
 * account, remedy, addressee) when the ledger does not hold it — no notice is written then. */
int app_notice_write(struct store *s, const struct calendar *cal, const struct app_view *v,
		     const char *id, int format, struct arena *a, struct buf *out,
		     struct gk_error *e) GK_WUR;

#endif

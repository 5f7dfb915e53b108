/*
 * publish.h — publishing a document: 三审 (初审 → 复审 → 终审) with 保密审查, scheduled
 * publication, withdrawal, the 20-working-day publication clock and the re-assessment of
 * documents withheld (不予公开).
 *
 * Draft → submit → awaiting 初审 → 复审 → 终审 → approved → published. The rules (REQ tags):
 *   - REQ 三审-1: the stages are taken in order; a review for another stage than the one the
 *     document awaits is refused (no skipping);
 *   - REQ 三审-2: each review of a round is by a different person, and none by the author;
 *   - REQ 三审-3: a reviewer's role must be allowed for the stage (publish_stages below);
 *   - REQ 三审-4: a rejection needs a reason and returns the document to draft; the next
 *     submission starts a new round with three fresh reviews;
 *   - REQ 条例-17: 终审 approval requires the reviewer to confirm the 保密审查 was done;
 *   - a published document may be withdrawn with a reason; the withdrawal stays in its history;
 *   - REQ 条例-26: a proactive document is due 20 working days after its 成文日期 (or the date of
 *     its last change); `doc list --overdue` shows what is late with the derivation;
 *   - REQ 条例-18: a document withheld is re-assessed periodically (default yearly).
 * Every step is recorded in the document's history (decision, comment, time) and audit-logged.
 *
 * May call base/, text/, store/, domain/catalogue.h, domain/clock.h, domain/audit.h.
 */
#ifndef GK_DOMAIN_PUBLISH_H
#define GK_DOMAIN_PUBLISH_H

#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/catalogue.h"

struct store;
struct calendar;

enum review_stage { STAGE_FIRST, STAGE_SECOND, STAGE_FINAL, STAGE__MAX };

/* The declared stage table: which state a stage reviews, the next state on approval, which
 * roles may review it ("|"-separated), and whether 保密审查 must be confirmed. */
struct publish_stage {
	const char *id;          /* "first" */
	const char *label;       /* 初审 */
	enum doc_state awaiting; /* DOC_FIRST */
	enum doc_state next;     /* DOC_SECOND */
	const char *roles;       /* "officer|reviewer|leader|admin" */
	int secrecy_required;
};
extern const struct publish_stage publish_stages[STAGE__MAX];
/* "first" / "初审" → STAGE_FIRST …, or -1. */
int publish_stage_parse(const char *s);

/* A review already recorded in the current round. */
struct review_rec {
	enum review_stage stage;
	const char *reviewer;
	int approve;
};

/* A review asked for. */
struct review_request {
	enum review_stage stage;
	const char *reviewer;      /* user name */
	const char *role;          /* the reviewer's role */
	int approve;               /* 1 approve, 0 reject */
	const char *comment;       /* required for a rejection */
	int secrecy_checked;       /* 保密审查 confirmed */
};

/* The 三审 rules as a pure function: may req be recorded on a document in state, written by
 * author, whose current round already has the n reviews in prior? 0 if yes; otherwise
 * ERR_STATE (wrong stage, not submitted, no 保密审查), ERR_FORBIDDEN (author, same person
 * twice, role) or ERR_INVALID (rejection without a reason), the message saying why. */
int publish_review_check(enum doc_state state, const char *author, const struct review_rec *prior,
			 size_t n, const struct review_request *req, struct gk_error *e) GK_WUR;

/* Submit a draft for 初审 (by its author or another officer of the organ). */
int publish_submit(struct store *s, int64_t id, const char *by, struct gk_error *e) GK_WUR;
/* Record a review (publish_review_check, then move the document on or back to draft). */
int publish_review(struct store *s, int64_t id, const struct review_request *req,
		   struct gk_error *e) GK_WUR;
/* Publish an approved document, now or at a later date (at = 0: today). The 发布日期 is the
 * day it becomes visible; the public sees it from that day on. A 规章 / 行政规范性文件 becomes
 * its entry in the normative-document register. */
int publish_publish(struct store *s, int64_t id, const char *by, int at, struct gk_error *e) GK_WUR;
/* Take a published document down; reason required; kept in the history. */
int publish_withdraw(struct store *s, int64_t id, const char *by, const char *reason,
		     struct gk_error *e) GK_WUR;

/* The history of a document (submissions, reviews with decision, comment and time,
 * publication, withdrawal), oldest first. */
int publish_history(struct store *s, int64_t id, doc_event_fn fn, void *ctx,
		    struct gk_error *e) GK_WUR;

/* A proactive document not yet published, with its publication deadline and derivation. */
struct overdue_doc {
	const struct doc *doc;
	int formed;              /* 成文日期, or the date of the last change */
	int due;                 /* REQ 条例-26: formed + 20 working days */
	int late;                /* 1 if due < today */
	int verified;            /* 0 if the calendar does not cover the years counted */
	const char *derivation;  /* clock_deadline_describe text, lines ending in '\n' */
};
typedef int (*overdue_fn)(void *ctx, const struct overdue_doc *o);
/* Proactive documents of f (agency …) not yet published (draft … approved) that are past due
 * on today — or all of them when all is set — with the clock's derivation. Documents without
 * a 成文日期 count from the day they were added. */
int publish_overdue(struct store *s, const struct calendar *cal, const struct doc_filter *f,
		    int today, int all, overdue_fn fn, void *ctx, struct gk_error *e) GK_WUR;

/* REQ 条例-18: documents withheld (不予公开) whose re-assessment is due by day. */
int publish_reassess_due(struct store *s, const struct doc_filter *f, int day, doc_row_fn fn,
			 void *ctx, struct gk_error *e) GK_WUR;

#endif

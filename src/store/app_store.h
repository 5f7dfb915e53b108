/*
 * app_store.h — persistence of applications (依申请公开) and their events.
 *
 * The store keeps rows; the lifecycle rules (which event may follow which, the state and
 * outcome an event leads to) are domain/application.h's. State, outcome, closing date and the
 * current reply deadline are stored on the application row as a summary kept up to date by
 * the domain after each event, so that lists and the annual report need no replay.
 * Strings of records filled by get are allocated in the caller's arena; records passed to a
 * callback are valid only during the call. Depends on store/store.h.
 */
#ifndef GK_STORE_APP_STORE_H
#define GK_STORE_APP_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* The limits of an application's texts in bytes: one rule for app_new_desc (what the CLI and
 * the web forms register), the stored record's declaration (store/records.c: app_rec_desc,
 * which the ledger import checks) and the web forms' maxlength. The contact holds the web
 * form's phone (40), address (300) and e-mail (200) with their labels; the request its name
 * (500), 文号 (200) and description (6000); the form its medium and delivery (40 each). */
enum {
	APP_NAME_MAX = 200,
	APP_ID_NUMBER_MAX = 18,
	APP_CONTACT_MAX = 600,
	APP_REQUEST_MAX = 20000,
	APP_FORM_MAX = 200,
	APP_CODE_MAX = 40,          /* a channel's, an applicant type's, a state's or an outcome's id */
};
#define APP_MAX_CONSULTATIONS 32   /* 征求意见 of one application */
#define APP_EVENT_DAYS_MAX 1000    /* an event's period in working days (CLOCK_MAX_DAYS) */

struct app_rec {
	int64_t id;
	int64_t agency_id;
	const char *tracking_code;
	const char *secret_hash;     /* SHA-256 hex of the applicant's tracking secret */
	const char *received;        /* YYYY-MM-DD (Art. 31 date of receipt; until a receipt that
				      * needs confirming is confirmed, the day it arrived) */
	const char *submitted;       /* YYYY-MM-DD the day it arrived; NULL in older records */
	const char *channel;         /* domain/app_codes.h ids */
	const char *applicant_type;
	const char *applicant_name;
	const char *applicant_key;   /* who "the same applicant" is, for fees (domain decides) */
	const char *contact;         /* may be NULL */
	const char *id_number;
	const char *request;
	const char *form;
	const char *state;           /* summary: domain/application.h state id */
	const char *outcome;         /* Table 三 row_id once closed, else NULL */
	const char *closed;          /* YYYY-MM-DD once closed, else NULL */
	const char *reply_due;       /* current reply deadline, NULL when none runs */
	const char *created_at;
};

struct app_event_rec {
	int64_t id;
	int64_t app_id;
	const char *kind;            /* "correction-requested", …, "decided" */
	const char *date;            /* YYYY-MM-DD */
	const char *note;
	const char *approver;
	int64_t amount_fen;          /* -1 = none */
	const char *outcome;         /* for "decided" and closing events */
	const char *basis;
	const char *due;             /* YYYY-MM-DD the date the event sets, or NULL */
	int64_t days;                /* a period in working days, -1 = none */
	const char *party;           /* consultation: "third-party" / "organ" */
	int64_t ref;                 /* consultation answered: its number (1-based), -1 = none */
	const char *method;          /* fee notice: "by-count" / "by-pages" */
	int64_t quantity;            /* fee notice: the count or the pages, -1 = none */
	const char *late_reason;     /* why a step after its time limit was accepted */
	const char *warning;         /* what was late, recorded with the event */
	const char *counterpart;     /* the party consulted, or the organ responsible (36(五)) */
	const char *counterpart_contact;
	const char *actor;
	const char *created_at;
};

/* Filter for list; zero/NULL fields do not filter. Dates compare as YYYY-MM-DD text. */
struct app_filter {
	int64_t agency_id;
	const char *state;           /* exact state id */
	int open_only;               /* closed IS NULL */
	const char *received_from;   /* received >= */
	const char *received_to;     /* received <= */
	const char *closed_from;     /* closed IS NULL OR closed >= closed_from: not closed before */
	int64_t limit;               /* 0 = no limit */
};

typedef int (*app_row_fn)(void *ctx, const struct app_rec *r);

/* A file the applicant sent (with a correction online), kept with its application. */
struct app_file {
	int64_t id;
	int64_t app_id;
	int64_t event_id;            /* the event it came with, 0 = none */
	const char *name;
	const char *mime;
	int64_t size;
	const char *sha256;          /* hex */
	const void *data;            /* insert, and file_get */
	const char *created_at;
};

/* A notice issued for an application (domain/notice_issue.h): its reference number, handed out
 * once, and the wording it was issued in. */
struct notice_issued {
	int64_t id;
	int64_t app_id;
	const char *notice;          /* "correction-1", "reply" (domain/app_notice.h) */
	int64_t agency_id;
	int64_t year;                /* the serial's year (0: the pattern has no {year}) */
	int64_t serial;
	const char *ref_number;      /* "慈政信复〔2026〕12号" */
	const char *version;         /* the wording's version */
	const char *wording;         /* the template text used, NULL: the shipped default */
	const char *issued_on;       /* YYYY-MM-DD */
	const char *issued_by;
	const char *created_at;
};

/* What organs_year counts: organ root_id alone, or with every organ under it; the applications
 * and the fees of the year; the event kinds of a fee notice and of a payment. */
struct app_year_query {
	int64_t root_id;
	int alone;
	int year;
	const char *notice, *paid;
};

/* One group of an organ's year (organs_year): how many of its applications share an applicant
 * type, whether they were carried in, whether they were closed in the year and with which
 * outcome (NULL unless closed). An organ may have several groups alike (they are added up);
 * an organ's groups come together, organs in ascending id. Valid only during the call. */
struct app_year_group {
	int64_t agency_id;
	const char *applicant_type, *outcome;
	int carried_in, closed;
	int64_t n;
};
typedef int (*app_year_group_fn)(void *ctx, const struct app_year_group *g);
/* An organ's events of one kind (organs_fees): how many, and their amounts. */
typedef int (*app_organ_total_fn)(void *ctx, int64_t agency_id, const char *kind, int64_t n,
				  int64_t fen);

struct app_store_ops {
	/* Insert (id ignored); ERR_CONFLICT if the tracking code exists. */
	int (*insert)(struct store *s, const struct app_rec *r, int64_t *id, struct gk_error *e);
	/* By id (ERR_NOTFOUND if none). */
	int (*get)(struct store *s, int64_t id, struct arena *a, struct app_rec *out,
		   struct gk_error *e);
	/* By public tracking code (ERR_NOTFOUND if none). */
	int (*get_by_code)(struct store *s, const char *code, struct arena *a, struct app_rec *out,
			   struct gk_error *e);
	/* Replace the summary columns (received, state, outcome, closed, reply_due; NULL = SQL
	 * NULL; received is never NULL). */
	int (*update_summary)(struct store *s, int64_t id, const char *received, const char *state,
			      const char *outcome, const char *closed, const char *reply_due,
			      struct gk_error *e);
	/* Append an event (id ignored). */
	int (*event_insert)(struct store *s, const struct app_event_rec *ev, int64_t *id,
			    struct gk_error *e);
	/* All events of an application in the order recorded, as an array in the arena. */
	int (*events)(struct store *s, int64_t app_id, struct arena *a, struct app_event_rec **out,
		      size_t *n, struct gk_error *e);
	/* Applications matching f, ordered by received date then id; stops when fn returns
	 * non-zero. */
	int (*list)(struct store *s, const struct app_filter *f, app_row_fn fn, void *ctx,
		    struct gk_error *e);
	/* The 1-based position of application id among the applications of the same agency and
	 * applicant_key received from month_first to its own received date (ties by id). */
	int (*ordinal_in_month)(struct store *s, int64_t id, const char *month_first,
				int64_t *k, struct gk_error *e);
	/* Organ root_id's year first..last (alone), or that of root_id and every organ under it,
	 * by organ id: the applications that count (received by last, not closed before first)
	 * grouped by applicant type, carried in (received before first), closed by last and then
	 * their outcome; and the events of kinds notice and paid dated first..last, how many of
	 * each and the sum of the amounts of the latest notice recorded at or before each: the
	 * groups to group(), then the totals to total(), each in ascending organ id, both read on
	 * one snapshot (the totals beside the groups where the database can: db_start); stops
	 * when a function returns non-zero. */
	int (*organs_year)(struct store *s, const struct app_year_query *q, app_year_group_fn group,
			   app_organ_total_fn total, void *ctx, struct gk_error *e);
	/* Store a file of an application (id, created_at ignored). */
	int (*file_insert)(struct store *s, const struct app_file *f, int64_t *id,
			   struct gk_error *e);
	/* The files of an application in the order stored (without data), as an array in a. */
	int (*files)(struct store *s, int64_t app_id, struct arena *a, struct app_file **out,
		     size_t *n, struct gk_error *e);
	/* File id of application app_id with its data (ERR_NOTFOUND if none). */
	int (*file_get)(struct store *s, int64_t app_id, int64_t id, struct arena *a,
			struct app_file *out, struct gk_error *e);
	/* The next notice serial of (organ, year): one more than any ever handed out. */
	int (*notice_next_serial)(struct store *s, int64_t agency_id, int year, int64_t *serial,
				  struct gk_error *e);
	/* Set the last notice serial of (organ, year) handed out (an import's). */
	int (*notice_serial_put)(struct store *s, int64_t agency_id, int year, int64_t last,
				 struct gk_error *e);
	/* Store an issued notice (id, created_at ignored); ERR_CONFLICT when the application's
	 * notice or the organ's reference number was issued already. */
	int (*notice_insert)(struct store *s, const struct notice_issued *n, int64_t *id,
			     struct gk_error *e);
	/* The notices issued for an application in the order issued, as an array in a. */
	int (*notices)(struct store *s, int64_t app_id, struct arena *a, struct notice_issued **out,
		       size_t *n, struct gk_error *e);
};

/* The one implementation, store/app_store.c (written against store/db.h). */
extern const struct app_store_ops store_app_ops;

static inline const struct app_store_ops *app_store(struct store *s)
{
	(void)s;
	return &store_app_ops;
}

#endif

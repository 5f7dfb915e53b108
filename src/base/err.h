/*
 * err.h — error codes and the caller-supplied error record.
 *
 * Functions that can fail return int: 0 (ERR_OK) or an enum err value, and put detail for the
 * user (which field, what is wrong) into a struct gk_error the caller owns. The CLI maps codes
 * to exit statuses and the web adapter to HTTP statuses, each in exactly one place.
 * Depends on nothing but libc.
 */
#ifndef GK_BASE_ERR_H
#define GK_BASE_ERR_H

#include <stddef.h>

#define GK_WUR __attribute__((warn_unused_result))
#define GK_PRINTF(a, b) __attribute__((format(printf, a, b)))

enum err {
	ERR_OK = 0,
	ERR_INVALID,    /* bad input: a malformed value, an impossible date, a bad row */
	ERR_NOTFOUND,   /* the thing named does not exist */
	ERR_STATE,      /* the action makes no sense in the current state (refused) */
	ERR_CONFLICT,   /* a uniqueness or concurrent-change conflict */
	ERR_LIMIT,      /* input larger than the fixed maximum */
	ERR_IO,         /* file or socket error */
	ERR_DB,         /* storage error */
	ERR_FORBIDDEN,  /* the actor may not do this */
	ERR_INTERNAL,   /* a bug: an invariant did not hold */
	ERR_UNAVAILABLE,/* the database cannot be reached now (connection lost, server restarting):
			 * nothing was changed; the same request may succeed later */
	ERR__MAX
};

struct gk_error {
	int code;
	char field[64];   /* the offending field's neutral id ("applicant_name", as in the record's
			   * descriptor, text/desc.h) or a place ("file.tsv:12"); may be "" */
	char label[64];   /* the field's Chinese label ("申请人姓名或者名称"), may be "" */
	char msg[512];    /* human-readable message (UTF-8, may be Chinese) */
};

/* Record an error in *e (if e is not NULL) and return code, so callers can write
 * `return err_set(e, ERR_INVALID, "date", "not a date: %s", s);`. The label is cleared. */
int err_set(struct gk_error *e, int code, const char *field, const char *fmt, ...) GK_PRINTF(4, 5);

/* Clear *e. */
void err_clear(struct gk_error *e);

/* A short English name for a code ("invalid input", "not found", ...). Never NULL. */
const char *err_name(int code);

#endif

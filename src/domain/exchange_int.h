/*
 * exchange_int.h — what the parts of the ledger export share (exchange.c, exchange_reports.c):
 * writing and reading a declared record's fields, the file's members, the import's errors
 * (named by their place in the file) and its audit entries.
 * May call store/, text/, base/, domain/audit.h.
 */
#ifndef GK_DOMAIN_EXCHANGE_INT_H
#define GK_DOMAIN_EXCHANGE_INT_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"
#include "text/desc.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

/* The fields of rec as r declares them, in its order: text when given, numbers when ≥ 0. */
void xc_write_fields(struct jsonw *w, const void *rec, const struct desc_record *r);

/* ERR_INVALID naming the place in the file: "WHERE.KEY: message" (fmt takes arg). */
int xc_bad(struct gk_error *e, const char *where, const char *key, const char *fmt, const char *arg);

/* Read object obj into rec by its declaration r (whole numbers absent are -1); keys in
 * extra[] are skipped (handled by the caller); anything else is refused. */
int xc_read_fields(const struct jv *obj, const char *where, const struct desc_record *r,
		   const char *const *extra, void *rec, struct gk_error *e) GK_WUR;

/* An integer member key of obj within [lo, hi]; absent → dflt when dflt >= lo, else an error. */
int xc_int_member(const struct jv *obj, const char *where, const char *key, int64_t lo, int64_t hi,
		  int64_t dflt, int64_t *out, struct gk_error *e) GK_WUR;

/* The member key of root of type t (NULL when absent: *rc an error if required, or when
 * of another type). */
const struct jv *xc_member(const struct jv *root, const char *key, enum jv_type t, int required,
			   struct gk_error *e, int *rc);

/* An audit entry "import" whose content is {"KEY": value} (value a string, or ival when NULL). */
int xc_audit_import(struct store *s, int64_t agency_id, const char *entity, int64_t entity_id,
		    const char *key, const char *value, int64_t ival, struct gk_error *e) GK_WUR;

/* Restate the error a store step gave as one of the file's: the section (where) and field,
 * keeping its code and message. Returns the code. */
int xc_refile(struct gk_error *e, const char *where, const char *field);

#endif

/*
 * exchange_int.h — what the parts of the ledger export share (exchange.c: the organ, its staff,
 * registers and texts, and the whole; exchange_docs.c: the catalogue; exchange_apps.c: the
 * applications; exchange_reports.c: the published reports; exchange_fields.c: the helpers
 * below): what the import read, writing and reading a declared record's fields, the file's
 * members, the import's errors (named by their place in the file) and its audit entries.
 * May call store/, text/, base/, domain/.
 */
#ifndef GK_DOMAIN_EXCHANGE_INT_H
#define GK_DOMAIN_EXCHANGE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/exchange.h"
#include "domain/exchange_reports.h"
#include "domain/register.h"
#include "domain/user.h"
#include "store/agency_store.h"
#include "store/app_store.h"
#include "store/doc_store.h"
#include "store/report_store.h"
#include "store/store.h"
#include "text/desc.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

/* Records gathered for the export (size bytes each, in a). */
struct collect {
	struct arena *a;
	int64_t agency_id;
	void *items;
	size_t n, cap, size;
};

/* Room for one more record of c. */
void *xc_collect_push(struct collect *c);
/* s copied into a (NULL stays NULL). */
const char *xc_dup(struct arena *a, const char *s);

/* What the import read and checked, before anything is stored. */
struct ximport {
	const char *name, *code, *level, *parent;
	struct user_new *users;
	size_t nusers;
	struct app_rec *apps;
	struct app_event_rec **events;
	size_t *nevents;
	struct notice_issued **notices;    /* per application: the notices issued */
	size_t *nnotices;
	size_t napps;
	struct reg_record *regs[REG__MAX];
	size_t nregs[REG__MAX];
	int *normdoc_doc;                  /* per normdoc entry: its document's index in docs, or -1 */
	struct agency_profile *profile;    /* NULL if the file has none */
	struct doc *docs;
	size_t ndocs;
	int64_t *doc_ids;                  /* ids given on storing */
	struct doc_attachment **atts;
	size_t *natts;
	struct doc_event **devs;
	size_t *ndevs;
	struct { int year; int64_t last; } *serials;
	size_t nserials;
	struct report_text_rec *texts;
	size_t ntexts;
	struct xpub *pubs;                 /* the published annual reports */
	size_t npubs;
};


/* The parts by subject: the catalogue (exchange_docs.c) and the applications
 * (exchange_apps.c), each written, read and checked, and stored. */
int xc_export_documents(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			struct collect *ids, const char ***index_nos, struct gk_error *e) GK_WUR;
int xc_read_documents(const struct jv *root, struct arena *a, struct ximport *x,
		      struct gk_error *e) GK_WUR;
int xc_store_catalogue(struct store *s, int64_t agency_id, struct ximport *x,
		       struct exchange_counts *c, struct gk_error *e) GK_WUR;
int xc_export_applications(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			   struct gk_error *e) GK_WUR;
int xc_read_apps(const struct jv *root, struct arena *a, struct ximport *x,
		 struct gk_error *e) GK_WUR;
int xc_store_apps(struct store *s, int64_t agency_id, const struct ximport *x, struct arena *a,
		  struct exchange_counts *c, struct gk_error *e) GK_WUR;

/* The fields of rec as r declares them, in its order: text when given, numbers when ≥ 0. */
void xc_write_fields(struct jsonw *w, const void *rec, const struct desc_record *r);

/* s is NULL or one of the NULL-terminated ids. */
int xc_one_of(const char *s, const char *const *ids);

/* A file in the export: key: its bytes in base64 (ERR_LIMIT naming the export when too
 * large). */
int xc_write_base64(struct jsonw *w, const char *key, const void *data, size_t len,
		    struct gk_error *e) GK_WUR;
/* Its bytes read back from obj's "data" into a (*data NUL-terminated after *len bytes),
 * refused unless they are size bytes whose SHA-256 is sha256. */
int xc_read_base64(const struct jv *obj, const char *where, int64_t size, const char *sha256,
		   struct arena *a, char **data, size_t *len, struct gk_error *e) GK_WUR;

/* obj is an object with no key but keys[] (NULL-terminated). */
int xc_only_keys(const struct jv *obj, const char *where, const char *const *keys,
		 struct gk_error *e) GK_WUR;

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

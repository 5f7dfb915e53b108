/*
 * registers.h — keeping the registers: add, list, CSV import, JSON form, and the annual
 * report's register figures for an organ and a year.
 *
 * Records and their rules are domain/register.h; the counting rules domain/regcount.h. The
 * functions here read and write through the store and audit-log every change (entity
 * "reg_<register>", action "create" / "import" / "sync", content = the entry as JSON).
 * Transactions: every function that changes data runs inside the caller's open write
 * transaction (store_begin … store_commit); on error the caller rolls back, so a failed CSV
 * import leaves nothing behind. Strings of records returned live in the caller's arena.
 * May call store/, text/, base/ and domain/audit.h.
 */
#ifndef GK_DOMAIN_REGISTERS_H
#define GK_DOMAIN_REGISTERS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/regcount.h"
#include "domain/register.h"
#include "store/store.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

/*
 * Store a parsed record (reg_record_parse) for organ agency_id: resolves the linked
 * application of a case (id or tracking code of an application of the same organ; the
 * record's value gets both), gives a feedback entry its reference number when it has none
 * ("FB2024-00001", per organ and year of receipt), inserts and audit-logs it; rec->id is set.
 */
int registers_add(struct store *s, int64_t agency_id, struct reg_record *rec, struct arena *a,
		  struct gk_error *e) GK_WUR;

/*
 * Change entry id of register k: the n name/value pairs replace those fields (an empty value
 * clears a field), the others keep their values, and the whole entry is checked again with the
 * register's rules (closing a case, answering feedback, repealing a document). Audit-logged
 * (action "update", content = the entry after the change). *out (may be NULL) gets the entry.
 * ERR_NOTFOUND if the organ has no such entry; ERR_STATE for a normdoc entry that follows a
 * catalogue document (change the document instead).
 */
int registers_set(struct store *s, int64_t agency_id, enum reg_kind k, int64_t id, const struct reg_kv *kv,
		  size_t n, struct arena *a, struct reg_record *out, struct gk_error *e) GK_WUR;

/* Remove entry id of register k (an entry made in error); audit-logged with its last content. */
int registers_remove(struct store *s, int64_t agency_id, enum reg_kind k, int64_t id, struct arena *a,
		     struct gk_error *e) GK_WUR;

/* registers_add for an entry coming from an import (audit action "import"); a normdoc entry
 * with rec->document_id set is stored linked to that catalogue document. */
int registers_import_record(struct store *s, int64_t agency_id, struct reg_record *rec, struct arena *a,
			    struct gk_error *e) GK_WUR;

/* Entry id of register k of the organ into *out (strings in a); ERR_NOTFOUND if the organ has
 * no such entry. */
int registers_get(struct store *s, int64_t agency_id, enum reg_kind k, int64_t id, struct arena *a,
		  struct reg_record *out, struct gk_error *e) GK_WUR;

/* Every entry of register k for the organ, in entry order; *out allocated in a. */
int registers_list(struct store *s, int64_t agency_id, enum reg_kind k, struct arena *a,
		   struct reg_record **out, size_t *n, struct gk_error *e) GK_WUR;

/*
 * Import a CSV file (text/csv.h rules) into register d: the header names columns of the
 * register (any order, unknown names refused, required ones must be present); every row is
 * validated before any is stored; the first bad row is reported with e->field "LABEL:LINE"
 * and a message "FIELD: what is wrong". *nadded: rows stored.
 */
int registers_import_csv(struct store *s, int64_t agency_id, const struct reg_desc *d, const char *data,
			 size_t len, const char *label, struct arena *a, size_t *nadded,
			 struct gk_error *e) GK_WUR;

/*
 * The public /feedback page: record a web feedback entry from form fields (text, contact;
 * received defaults to today) and hand back its reference number (32 bytes). Runs inside the
 * caller's write transaction; e names the form field that is wrong.
 */
int registers_feedback_submit(struct store *s, int64_t agency_id, const char *text, const char *contact,
			      struct arena *a, char ref_no[32], struct gk_error *e) GK_WUR;

/*
 * The catalogue's hook: a published 规章 / 行政规范性文件 (catalogue document document_id) is
 * the normdoc register entry for it. kind "rule" or "normdoc"; repealed NULL while in force.
 * Inserts or updates that one entry; audit-logged. *id: the register entry's id (may be NULL).
 */
int registers_normdoc_sync(struct store *s, int64_t agency_id, int64_t document_id, const char *kind,
			   const char *issued, const char *doc_no, const char *title, const char *repealed,
			   int64_t *id, struct gk_error *e) GK_WUR;

/* ---- annual report figures (the report calls these) ---- */

/* Every record of the registers an annual report counts (规范性文件, 行政决定, 收费, 复议和诉讼,
 * 新闻发布, 意见建议) of organ root_id alone (alone <> 0), or of it and every organ under it (a
 * region: one statement per register, not one per organ): one array in a, by organ, then
 * register and id. */
int registers_report_records(struct store *s, int64_t root_id, int alone, struct arena *a,
			     struct reg_record **out, size_t *n, struct gk_error *e) GK_WUR;

/* Organ agency_id's records among recs (sorted by organ, as above): *first, *count. */
void registers_of_organ(const struct reg_record *recs, size_t n, int64_t agency_id,
			const struct reg_record **first, size_t *count);

/* Narrative counts of `year`: news items per platform and feedback per channel, with totals. */
struct reg_narrative {
	struct reg_tally *news;        /* per platform, order of first publication */
	size_t news_platforms;
	int64_t news_total;
	int64_t feedback[FEEDBACK_C__MAX];
	int64_t feedback_total;
	int64_t normdocs_issued;       /* 规章 + 行政规范性文件 issued in the year */
};

/* The report's figures of `year` from an organ's records: Table 二 (spec §3.1), Table 四 (rules
 * NULL = table4_rules_default(); rules in domain/regcount.h) and the narrative's counts (its
 * news array in a). */
void registers_year(const struct reg_record *recs, size_t n, int year, const struct table4_rules *rules,
		    struct arena *a, struct table2 *t2, struct table4 *t4, struct reg_narrative *nar);

/* ---- JSON form (list --json, ledger export / import) ---- */

/* The members of one entry (no braces), as registers_record_json writes them. */
void registers_record_fields(struct jsonw *w, const struct reg_desc *d, const struct reg_record *r);

/* One entry as a JSON object: "id" first when with_id, then the fields in register order
 * (dates, enumerations, text, application tracking codes and amounts in 元 as strings —
 * amounts exact, "1234.56" —, counts as integers, yes/no as booleans); empty fields left out. */
void registers_record_json(struct jsonw *w, const struct reg_desc *d, const struct reg_record *r, int with_id);

/* The reverse, with every rule of the register applied; where names the object in errors
 * ("registers.case[2]") — e->field becomes "WHERE.FIELD". A normdoc object's "document" key
 * (its catalogue link in the ledger export) is left for the caller. */
int registers_record_from_json(const struct reg_desc *d, const struct jv *obj, const char *where,
			       struct arena *a, struct reg_record *rec, struct gk_error *e) GK_WUR;

#endif

/*
 * audit.h — the append-only, hash-chained audit log: every change is an event.
 *
 * Each entry records who (the store's actor), when (UTC), which entity, what action, and the
 * content as JSON. Entry n carries prev_hash = hash of entry n-1 and
 * hash = SHA-256(prev_hash ‖ id ‖ at ‖ actor ‖ agency_id ‖ entity ‖ entity_id ‖ action ‖
 * content), every field length-prefixed ("<len>:<bytes>") so no two different entries share
 * an input. Editing, deleting or inserting a row breaks the chain at that row; audit_verify
 * finds the first entry that does not match.
 * Every module that changes data calls audit_record inside its own write transaction, so the
 * change and its audit entry commit or roll back together.
 * May call store/, text/jsonw.h and base/.
 */
#ifndef GK_DOMAIN_AUDIT_H
#define GK_DOMAIN_AUDIT_H

#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/audit_store.h"
#include "store/store.h"
#include "text/jsonw.h"

/* The message when an entry's content (the record as JSON) does not fit. */
#define AUDIT_TOO_LARGE "审计记录内容太大"

/* Append one event inside the open write transaction of s. agency_id and entity_id: 0 = none.
 * entity: "agency", "user", "application", …; action: "create", "event", "decide", …;
 * content: JSON text (NULL = "{}"), stored and hashed byte for byte. The actor is
 * store_actor(s), or "unknown" when none was set. */
int audit_record(struct store *s, int64_t agency_id, const char *entity, int64_t entity_id,
		 const char *action, const char *content, struct gk_error *e) GK_WUR;

/* An entry's content written as a JSON object: audit_json_begin, then jsonw_k…(&j.w, …) for
 * its members, then audit_json_record, which closes it, records the entry (audit_record) and
 * frees it — also when it fails (ERR_LIMIT: the content too large). */
struct audit_json {
	struct buf b;
	struct jsonw w;
};
void audit_json_begin(struct audit_json *j);
int audit_json_record(struct store *s, struct audit_json *j, int64_t agency_id, const char *entity,
		      int64_t entity_id, const char *action, struct gk_error *e) GK_WUR;

/* GB/T 22239-2019 8.1.4.3: a download of records by staff (a region's reports, a reply letter
 * with personal data, the audit archive) is audited as action "export" of entity/entity_id
 * with the format in the content. Inside the open write transaction. */
int audit_export(struct store *s, int64_t agency_id, const char *entity, int64_t entity_id,
		 const char *format, struct gk_error *e) GK_WUR;

/* The hash an entry must carry, from its fields and prev_hash (hex, 65 bytes with NUL). */
void audit_entry_hash(const struct audit_rec *r, char out[65]);

struct audit_verify_result {
	int64_t checked;      /* entries that matched */
	int64_t bad_id;       /* 0 if the chain is intact, else the first entry that does not match */
	char reason[256];     /* why bad_id does not match */
	int64_t head_id;      /* the last entry checked (0 = empty log) … */
	char head[65];        /* … and its hash: record it elsewhere to detect a rewritten log */
};

/* A head recorded earlier (audit verify prints it): entry id must still carry hash. */
struct audit_anchor {
	int64_t id;
	const char *hash;
};

/* Recompute the whole chain. Returns 0 when the log could be read (the result says whether
 * it is intact), an error only when it cannot be read. */
int audit_verify(struct store *s, struct audit_verify_result *out, struct gk_error *e) GK_WUR;

/* The same; with anchor (may be NULL) also check that the entry recorded
 * earlier still has its hash — a log rewritten from that point on, hashes recomputed, is
 * caught that way. Returns 0 when the log could be read (the result says whether it is
 * intact), an error only when it cannot be read. */
int audit_verify_anchor(struct store *s, const struct audit_anchor *anchor,
			struct audit_verify_result *out, struct gk_error *e) GK_WUR;

/* Entries in order (entity NULL = all, else those about entity/entity_id). */
int audit_list(struct store *s, const char *entity, int64_t entity_id, audit_row_fn fn, void *ctx,
	       struct gk_error *e) GK_WUR;

#endif

/*
 * audit.c — hash-chained audit log (see audit.h).
 */
#include "domain/audit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/crypto.h"
#include "text/jsonw.h"

static int field(struct buf *b, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	int rc = buf_printf(b, "%zu:", len);

	return rc ? rc : buf_append(b, s ? s : "", len);
}

static int field_int(struct buf *b, int64_t v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%" PRId64, v);
	return field(b, tmp);
}

void audit_entry_hash(const struct audit_rec *r, char out[65])
{
	struct buf b;
	int rc = 0;

	buf_init(&b, 0);
	rc |= field(&b, r->prev_hash);
	rc |= field_int(&b, r->id);
	rc |= field(&b, r->at);
	rc |= field(&b, r->actor);
	rc |= field_int(&b, r->agency_id);
	rc |= field(&b, r->entity);
	rc |= field_int(&b, r->entity_id);
	rc |= field(&b, r->action);
	rc |= field(&b, r->content);
	if (rc != 0) {
		/* Content beyond the 64 MiB buffer cap: hash a marker that can never verify. */
		memset(out, '!', 64);
		out[64] = '\0';
	} else {
		crypto_sha256_hex(b.ptr, b.len, out);
	}
	buf_free(&b);
}

int audit_record(struct store *s, int64_t agency_id, const char *entity, int64_t entity_id,
		 const char *action, const char *content, struct gk_error *e)
{
	struct arena a;
	struct audit_rec last, r;
	char now[21], hash[65];
	int found = 0, rc;

	arena_init(&a);
	if (!s->in_txn) {
		rc = err_set(e, ERR_INTERNAL, "", "审计记录须在写事务中写入");
		goto out;
	}
	if ((rc = audit_store(s)->last(s, &a, &last, &found, e)) != 0)
		goto out;
	store_now(now);
	memset(&r, 0, sizeof r);
	r.id = found ? last.id + 1 : 1;
	r.at = now;
	r.actor = store_actor(s)[0] ? store_actor(s) : "unknown";
	r.agency_id = agency_id;
	r.entity = entity;
	r.entity_id = entity_id;
	r.action = action;
	r.content = content ? content : "{}";
	r.prev_hash = found ? last.hash : "";
	audit_entry_hash(&r, hash);
	r.hash = hash;
	rc = audit_store(s)->append(s, &r, e);
out:
	arena_free(&a);
	return rc;
}

int audit_export(struct store *s, int64_t agency_id, const char *entity, int64_t entity_id,
		 const char *format, struct gk_error *e)
{
	struct audit_json j;
	size_t i, n = 0;

	/* format is one of gongkai's own names (txt, xlsx, docx, archive …): letters and digits */
	for (i = 0; format[i] && n + 1 < 32; i++)
		if ((format[i] >= 'a' && format[i] <= 'z') || (format[i] >= '0' && format[i] <= '9'))
			n++;
	audit_json_begin(&j);
	jsonw_key(&j.w, "format");
	jsonw_strn(&j.w, format, n);
	return audit_json_record(s, &j, agency_id, entity, entity_id, "export", e);
}

void audit_json_begin(struct audit_json *j)
{
	buf_init(&j->b, 0);
	jsonw_init(&j->w, &j->b, 0);
	jsonw_obj_begin(&j->w);
}

int audit_json_record(struct store *s, struct audit_json *j, int64_t agency_id, const char *entity,
		      int64_t entity_id, const char *action, struct gk_error *e)
{
	int rc;

	jsonw_obj_end(&j->w);
	if ((rc = jsonw_finish(&j->w)) != 0)
		err_set(e, rc, "", AUDIT_TOO_LARGE);
	else
		rc = audit_record(s, agency_id, entity, entity_id, action, buf_cstr(&j->b), e);
	buf_free(&j->b);
	return rc;
}

struct verify_ctx {
	struct audit_verify_result *res;
	const struct audit_anchor *anchor;
	int anchor_seen;
	int64_t prev_id;
	char prev_hash[65];
};

static int verify_row(void *p, const struct audit_rec *r)
{
	struct verify_ctx *v = p;
	char want[65];

	if (r->id != v->prev_id + 1) {
		v->res->bad_id = r->id;
		snprintf(v->res->reason, sizeof v->res->reason,
			 "entry %" PRId64 " follows entry %" PRId64 ": entries in between are missing",
			 r->id, v->prev_id);
		return 1;
	}
	if (strcmp(r->prev_hash, v->prev_hash) != 0) {
		v->res->bad_id = r->id;
		snprintf(v->res->reason, sizeof v->res->reason,
			 "entry %" PRId64 " does not point at the hash of entry %" PRId64
			 " (an entry was removed, inserted or altered before it)", r->id, v->prev_id);
		return 1;
	}
	audit_entry_hash(r, want);
	if (strcmp(want, r->hash) != 0) {
		v->res->bad_id = r->id;
		snprintf(v->res->reason, sizeof v->res->reason,
			 "entry %" PRId64 " does not match its hash: its content was changed", r->id);
		return 1;
	}
	if (v->anchor && r->id == v->anchor->id) {
		v->anchor_seen = 1;
		if (strcmp(r->hash, v->anchor->hash) != 0) {
			v->res->bad_id = r->id;
			snprintf(v->res->reason, sizeof v->res->reason,
				 "entry %" PRId64 " no longer carries the hash recorded for it: the log "
				 "was rewritten from there on", r->id);
			return 1;
		}
	}
	v->prev_id = r->id;
	snprintf(v->prev_hash, sizeof v->prev_hash, "%s", r->hash);
	v->res->checked++;
	v->res->head_id = r->id;
	snprintf(v->res->head, sizeof v->res->head, "%s", r->hash);
	return 0;
}

int audit_verify(struct store *s, struct audit_verify_result *out, struct gk_error *e)
{
	return audit_verify_anchor(s, NULL, out, e);
}

int audit_verify_anchor(struct store *s, const struct audit_anchor *anchor,
			struct audit_verify_result *out, struct gk_error *e)
{
	struct verify_ctx v;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&v, 0, sizeof v);
	v.res = out;
	v.anchor = anchor;
	rc = audit_store(s)->list(s, NULL, 0, verify_row, &v, e);
	if (rc == 1)
		rc = 0;
	if (rc == 0 && out->bad_id == 0 && anchor && !v.anchor_seen) {
		out->bad_id = anchor->id;
		snprintf(out->reason, sizeof out->reason, "entry %" PRId64 ", recorded earlier, is "
			 "missing: the log was cut short", anchor->id);
	}
	return rc;
}

int audit_list(struct store *s, const char *entity, int64_t entity_id, audit_row_fn fn, void *ctx,
	       struct gk_error *e)
{
	return audit_store(s)->list(s, entity, entity_id, fn, ctx, e);
}

/*
 * exchange_docs.c — the catalogue in the ledger export: documents with their attachments (base64)
 * and review history, and the 索引号 numbering; read and checked (every attachment decoding to
 * its size and SHA-256), then stored with the document ids the registers link to.
 * May call store/, text/, base/, domain/.
 */
#include "domain/exchange_int.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "domain/catalogue.h"
#include "domain/organ_rules.h"
#include "domain/records.h"
#include "store/agency_store.h"
#include "store/doc_store.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

static int collect_doc_id(void *ctx, const struct doc *d)
{
	struct collect *c = ctx;
	*(int64_t *)xc_collect_push(c) = d->id;
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int write_doc_event(void *ctx, const struct doc_event *ev)
{
	struct jsonw *w = ctx;

	jsonw_obj_begin(w);
	jsonw_kint(w, "round", ev->round);
	xc_write_fields(w, ev, &doc_event_desc);
	jsonw_kbool(w, "secrecy_checked", ev->secrecy_checked);
	jsonw_obj_end(w);
	return 0;
}

static int write_serial(void *ctx, int year, int64_t last)
{
	struct jsonw *w = ctx;

	jsonw_obj_begin(w);
	jsonw_kint(w, "year", year);
	jsonw_kint(w, "last", last);
	jsonw_obj_end(w);
	return 0;
}

/* The catalogue of the organ: documents (id order) with attachments (base64) and history;
 * their 索引号 by id in *index_nos (for the normdoc links). */
int xc_export_documents(struct store *s, int64_t agency_id, struct arena *a, struct jsonw *w,
			struct collect *ids, const char ***index_nos, struct gk_error *e)
{
	struct doc_filter f = { .agency_id = agency_id, .limit = 1 << 30 };
	int rc;

	if ((rc = doc_store(s)->list(s, &f, collect_doc_id, ids, e)) != 0)
		return rc;
	if (ids->n)
		qsort(ids->items, ids->n, sizeof(int64_t), cmp_id);
	*index_nos = arena_alloc(a, (ids->n + 1) * sizeof **index_nos);
	jsonw_key(w, "documents");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < ids->n; i++) {
		struct doc d;
		struct doc_attachment *att;
		size_t natt;

		if ((rc = doc_store(s)->get(s, ((int64_t *)ids->items)[i], a, &d, e)) != 0 ||
		    (rc = doc_store(s)->attachments(s, d.id, 0, a, &att, &natt, e)) != 0)
			return rc;
		(*index_nos)[i] = d.index_no;
		jsonw_obj_begin(w);
		xc_write_fields(w, &d, &doc_desc);
		jsonw_kint(w, "round", d.round);
		jsonw_key(w, "attachments");
		jsonw_arr_begin(w);
		for (size_t j = 0; j < natt; j++) {
			const void *data;
			size_t len;

			if ((rc = doc_store(s)->attachment_data(s, att[j].id, a, &data, &len, e)) != 0)
				return rc;
			jsonw_obj_begin(w);
			jsonw_kstr(w, "name", att[j].name);
			jsonw_kstr(w, "mime", att[j].mime);
			jsonw_kint(w, "size", att[j].size);
			jsonw_kstr(w, "sha256", att[j].sha256);
			if ((rc = xc_write_base64(w, "data", data, len, e)) != 0)
				return rc;
			jsonw_obj_end(w);
		}
		jsonw_arr_end(w);
		jsonw_key(w, "events");
		jsonw_arr_begin(w);
		if ((rc = doc_store(s)->events(s, d.id, write_doc_event, w, e)) != 0)
			return rc;
		jsonw_arr_end(w);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	jsonw_key(w, "serials");
	jsonw_arr_begin(w);
	if ((rc = doc_store(s)->serials(s, agency_id, write_serial, w, e)) != 0)
		return rc;
	jsonw_arr_end(w);
	return 0;
}

static int read_attachments(const struct jv *arr, const char *where, struct arena *a, struct doc_attachment *out,
			    struct gk_error *e)
{
	static const char *const extra[] = { "size", "data", NULL };
	int rc;

	for (size_t j = 0; j < jv_len(arr); j++) {
		const struct jv *obj = jv_at(arr, j);
		char awhere[64], *data;
		size_t len;

		snprintf(awhere, sizeof awhere, "%.40s.attachments[%zu]", where, j);
		if ((rc = xc_read_fields(obj, awhere, &doc_attachment_desc, extra, &out[j], e)) != 0 ||
		    (rc = xc_int_member(obj, awhere, "size", 0, INT64_MAX, -1, &out[j].size, e)) != 0)
			return rc;
		if ((rc = xc_read_base64(obj, awhere, out[j].size, out[j].sha256, a, &data, &len,
					 e)) != 0)
			return rc;
		out[j].data = data;
	}
	return 0;
}

int xc_read_documents(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const char *const extra[] = { "round", "attachments", "events", NULL };
	static const char *const ev_extra[] = { "round", "secrecy_checked", NULL };
	static const char *const disclosures[] = { "proactive", "on-request", "withheld", NULL };
	static const char *const validities[] = { "valid", "expired", "repealed", NULL };
	static const char *const states[] = { "draft", "first-review", "second-review", "final-review", "approved",
					      "published", "withdrawn", NULL };
	static const char *const stages[] = { "first", "second", "final", NULL };
	static const char *const decisions[] = { "approve", "reject", NULL };
	const struct jv *arr, *prof;
	int rc;

	if ((prof = xc_member(root, "profile", JV_OBJECT, 0, e, &rc)) != NULL && rc == 0) {
		x->profile = arena_alloc(a, sizeof *x->profile);
		rc = xc_read_fields(prof, "profile", &agency_profile_desc, NULL, x->profile, e);
		if (rc == 0 && (rc = organ_rules_check(x->profile, e)) != 0) {
			char field[sizeof e->field];
			snprintf(field, sizeof field, "profile.%.50s", e->field);  /* "fee_pause" */
			snprintf(e->field, sizeof e->field, "%s", field);
		}
	}
	if (rc != 0 || (arr = xc_member(root, "documents", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->ndocs = jv_len(arr);
	x->docs = arena_alloc(a, (x->ndocs + 1) * sizeof *x->docs);
	x->doc_ids = arena_alloc(a, (x->ndocs + 1) * sizeof *x->doc_ids);
	x->atts = arena_alloc(a, (x->ndocs + 1) * sizeof *x->atts);
	x->natts = arena_alloc(a, (x->ndocs + 1) * sizeof *x->natts);
	x->devs = arena_alloc(a, (x->ndocs + 1) * sizeof *x->devs);
	x->ndevs = arena_alloc(a, (x->ndocs + 1) * sizeof *x->ndevs);
	for (size_t i = 0; i < x->ndocs; i++) {
		const struct jv *obj = jv_at(arr, i), *atts, *evs;
		struct doc *d = &x->docs[i];
		char where[32];
		int64_t round;

		snprintf(where, sizeof where, "documents[%zu]", i);
		if ((rc = xc_read_fields(obj, where, &doc_desc, extra, d, e)) != 0 ||
		    (rc = xc_int_member(obj, where, "round", 0, 1000000, 0, &round, e)) != 0)
			return rc;
		d->round = (int)round;
		if (!xc_one_of(d->disclosure, disclosures))
			return xc_bad(e, where, "disclosure", "应为 proactive、on-request 或 withheld，不是“%s”", d->disclosure);
		if (!xc_one_of(d->validity, validities))
			return xc_bad(e, where, "validity", "应为 valid、expired 或 repealed，不是“%s”", d->validity);
		if (!xc_one_of(d->state, states))
			return xc_bad(e, where, "state", "没有“%s”这个状态", d->state);
		for (size_t j = 0; j < i; j++)
			if (strcmp(x->docs[j].index_no, d->index_no) == 0)
				return xc_bad(e, where, "index_no", "“%s”出现了两次", d->index_no);
		atts = jv_get(obj, "attachments");
		evs = jv_get(obj, "events");
		x->natts[i] = jv_len(atts);
		x->atts[i] = arena_alloc(a, (x->natts[i] + 1) * sizeof **x->atts);
		if ((rc = read_attachments(atts, where, a, x->atts[i], e)) != 0)
			return rc;
		x->ndevs[i] = jv_len(evs);
		x->devs[i] = arena_alloc(a, (x->ndevs[i] + 1) * sizeof **x->devs);
		for (size_t j = 0; j < x->ndevs[i]; j++) {
			struct doc_event *ev = &x->devs[i][j];
			const struct jv *sc;
			char ewhere[64];
			int b = 0;

			snprintf(ewhere, sizeof ewhere, "%.30s.events[%zu]", where, j);
			if ((rc = xc_read_fields(jv_at(evs, j), ewhere, &doc_event_desc, ev_extra, ev, e)) != 0 ||
			    (rc = xc_int_member(jv_at(evs, j), ewhere, "round", 0, 1000000, 0, &round, e)) != 0)
				return rc;
			ev->round = (int)round;
			if ((sc = jv_get(jv_at(evs, j), "secrecy_checked")) != NULL && jv_bool(sc, &b) != 0)
				return xc_bad(e, ewhere, "secrecy_checked", "应为 true 或 false%s", "");
			ev->secrecy_checked = b;
			if (!xc_one_of(ev->stage, stages) || !xc_one_of(ev->decision, decisions))
				return xc_bad(e, ewhere, ev->decision && !xc_one_of(ev->decision, decisions) ? "decision" : "stage",
					   "不是审核的%s", "环节或决定");
		}
	}
	return 0;
}

int xc_store_catalogue(struct store *s, int64_t agency_id, struct ximport *x, struct exchange_counts *c,
		       struct gk_error *e)
{
	int rc;

	if (x->profile) {
		x->profile->agency_id = agency_id;
		if ((rc = agency_store(s)->profile_put(s, x->profile, e)) != 0)
			return rc;
	}
	for (size_t i = 0; i < x->ndocs; i++) {
		struct doc d = x->docs[i];

		d.agency_id = agency_id;
		if ((rc = doc_store(s)->insert(s, &d, &x->doc_ids[i], e)) != 0)
			return rc;
		for (size_t j = 0; j < x->natts[i]; j++) {
			struct doc_attachment att = x->atts[i][j];
			struct arena ta;
			int64_t att_id;
			att.doc_id = x->doc_ids[i];
			arena_init(&ta);  /* its text is read again, as when it was first added */
			catalogue_attachment_text(&att, &ta);
			rc = doc_store(s)->attach(s, &att, &att_id, e);
			arena_free(&ta);
			if (rc != 0)
				return rc;
		}
		for (size_t j = 0; j < x->ndevs[i]; j++) {
			struct doc_event ev = x->devs[i][j];
			ev.doc_id = x->doc_ids[i];
			if ((rc = doc_store(s)->event_add(s, &ev, e)) != 0)
				return rc;
		}
		if ((rc = xc_audit_import(s, agency_id, "document", x->doc_ids[i], "index_no", d.index_no, 0, e)) != 0)
			return rc;
		c->documents++;
	}
	for (size_t i = 0; i < x->nserials; i++)
		if ((rc = doc_store(s)->serial_put(s, agency_id, x->serials[i].year, x->serials[i].last, e)) != 0)
			return rc;
	return 0;
}

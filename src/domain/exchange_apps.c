/*
 * exchange_apps.c — the applications in the ledger export: each with its events and the notices
 * issued, read and checked — their history replayed through the lifecycle rules under the
 * organ's settings — then stored, with the notice serials raised to what was issued.
 * May call store/, text/, base/, domain/.
 */
#include "domain/exchange_int.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "domain/app_codes.h"
#include "domain/application.h"
#include "domain/organ_rules.h"
#include "domain/records.h"
#include "store/app_store.h"
#include "text/date.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

static int check_lifecycle(const struct ximport *x, size_t i, struct gk_error *e);

static int collect_app(void *ctx, const struct app_rec *r)
{
	struct collect *c = ctx;
	struct app_rec *copy = xc_collect_push(c);

	*copy = *r;
	for (size_t f = 0; f < app_rec_desc.nfields; f++) {
		const struct desc_field *d = &app_rec_desc.fields[f];
		if (d->type != DESC_INT)
			*desc_str_ref(d, copy) = xc_dup(c->a, desc_str(d, r));
	}
	return 0;
}

/* The applications with their events, fields as declared (domain/records.h). */
int xc_export_applications(struct store *s, int64_t agency_id, struct arena *a,
			   struct jsonw *w, struct gk_error *e)
{
	struct collect apps = { .size = sizeof(struct app_rec), .a = a, .agency_id = agency_id };
	struct app_filter filter = { .agency_id = agency_id };
	int rc;

	if ((rc = app_store(s)->list(s, &filter, collect_app, &apps, e)) != 0)
		return rc;
	jsonw_key(w, "applications");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < apps.n; i++) {
		const struct app_rec *ap = (const struct app_rec *)apps.items + i;
		struct app_event_rec *ev;
		struct notice_issued *nis;
		size_t nev, nni;

		if ((rc = app_store(s)->events(s, ap->id, a, &ev, &nev, e)) != 0 ||
		    (rc = app_store(s)->notices(s, ap->id, a, &nis, &nni, e)) != 0)
			return rc;
		jsonw_obj_begin(w);
		xc_write_fields(w, ap, &app_rec_desc);
		jsonw_key(w, "events");
		jsonw_arr_begin(w);
		for (size_t j = 0; j < nev; j++) {
			jsonw_obj_begin(w);
			xc_write_fields(w, &ev[j], &app_event_rec_desc);
			jsonw_obj_end(w);
		}
		jsonw_arr_end(w);
		/* the notices issued, with their number and wording (none: no key, as before) */
		if (nni > 0) {
			jsonw_key(w, "notices");
			jsonw_arr_begin(w);
			for (size_t j = 0; j < nni; j++) {
				jsonw_obj_begin(w);
				xc_write_fields(w, &nis[j], &notice_issued_desc);
				jsonw_obj_end(w);
			}
			jsonw_arr_end(w);
		}
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	return 0;
}

/* The notices issued for application i (its object obj): fields as declared, each notice once
 * per application, each number once in the file, issued on or after the day received. */
static int read_notices(const struct jv *obj, const char *where, struct arena *a,
			struct ximport *x, size_t i, struct gk_error *e)
{
	const struct jv *nis = jv_get(obj, "notices");
	int rc;

	if (nis && jv_type(nis) != JV_ARRAY && jv_type(nis) != JV_NULL)
		return xc_bad(e, where, "notices", "应为数组%s", "");
	x->nnotices[i] = jv_len(nis);
	x->notices[i] = arena_alloc(a, (x->nnotices[i] + 1) * sizeof **x->notices);
	for (size_t j = 0; j < x->nnotices[i]; j++) {
		struct notice_issued *ni = &x->notices[i][j];
		char nwhere[64];

		snprintf(nwhere, sizeof nwhere, "%.30s.notices[%zu]", where, j);
		if ((rc = xc_read_fields(jv_at(nis, j), nwhere, &notice_issued_desc, NULL, ni, e)) != 0)
			return rc;
		if (ni->serial < 1 || ni->year < 0)
			return xc_bad(e, nwhere, "serial", "须写明年份和序号（序号从 1 起）%s", "");
		if (strcmp(ni->issued_on, x->apps[i].received) < 0)
			return xc_bad(e, nwhere, "issued_on", "早于申请的收到日期（%s）",
				   x->apps[i].received);
		for (size_t k = 0; k <= i; k++)
			for (size_t m = 0; m < (k == i ? j : x->nnotices[k]); m++) {
				if (k == i && strcmp(x->notices[k][m].notice, ni->notice) == 0)
					return xc_bad(e, nwhere, "notice", "“%s”出具了两次", ni->notice);
				if (strcmp(x->notices[k][m].ref_number, ni->ref_number) == 0)
					return xc_bad(e, nwhere, "ref_number", "“%s”出现了两次", ni->ref_number);
			}
	}
	return 0;
}

int xc_read_apps(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const char *const app_extra[] = { "events", "notices", NULL };
	const struct jv *arr;
	int rc;

	if ((arr = xc_member(root, "applications", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->napps = jv_len(arr);
	x->apps = arena_alloc(a, (x->napps + 1) * sizeof *x->apps);
	x->events = arena_alloc(a, (x->napps + 1) * sizeof *x->events);
	x->nevents = arena_alloc(a, (x->napps + 1) * sizeof *x->nevents);
	x->notices = arena_alloc(a, (x->napps + 1) * sizeof *x->notices);
	x->nnotices = arena_alloc(a, (x->napps + 1) * sizeof *x->nnotices);
	for (size_t i = 0; i < x->napps; i++) {
		const struct jv *obj = jv_at(arr, i), *evs;
		char where[40];

		snprintf(where, sizeof where, "applications[%zu]", i);
		if ((rc = xc_read_fields(obj, where, &app_rec_desc, app_extra, &x->apps[i], e)) != 0)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (strcmp(x->apps[j].tracking_code, x->apps[i].tracking_code) == 0)
				return xc_bad(e, where, "tracking_code", "“%s”出现了两次", x->apps[i].tracking_code);
		evs = jv_get(obj, "events");
		if (evs && jv_type(evs) != JV_ARRAY && jv_type(evs) != JV_NULL)
			return xc_bad(e, where, "events", "应为数组%s", "");
		x->nevents[i] = jv_len(evs);
		x->events[i] = arena_alloc(a, (x->nevents[i] + 1) * sizeof **x->events);
		for (size_t j = 0; j < x->nevents[i]; j++) {
			struct app_event_rec *ev = &x->events[i][j];
			char ewhere[64];

			snprintf(ewhere, sizeof ewhere, "applications[%zu].events[%zu]", i, j);
			if ((rc = xc_read_fields(jv_at(evs, j), ewhere, &app_event_rec_desc, NULL, ev, e)) != 0)
				return rc;
			if (strcmp(ev->date, x->apps[i].received) < 0)
				return xc_bad(e, ewhere, "date", "早于申请的收到日期（%s）",
					   x->apps[i].received);
		}
		if ((rc = check_lifecycle(x, i, e)) != 0 || (rc = read_notices(obj, where, a, x, i, e)) != 0)
			return rc;
	}
	return 0;
}

/* Coded values of an application and its events, then its history replayed through the
 * lifecycle rules (domain/application.h): the events must be a legal sequence and lead to
 * the state, outcome and closing date the file states. */
static int check_lifecycle(const struct ximport *x, size_t i, struct gk_error *e)
{
	const struct app_rec *ap = &x->apps[i];
	struct app_status st;
	struct organ_rules rules;
	char where[40];
	char ids[400];

	snprintf(where, sizeof where, "applications[%zu]", i);
	if (app_channel_find(ap->channel) < 0)
		return xc_bad(e, where, "channel", "应为以下之一：%s", app_code_ids(CODES_CHANNELS, ids, sizeof ids));
	if (app_applicant_find(ap->applicant_type) < 0)
		return xc_bad(e, where, "applicant_type", "应为以下之一：%s",
			   app_code_ids(CODES_APPLICANTS, ids, sizeof ids));
	if (ap->outcome && app_outcome_find(ap->outcome) < 0)
		return xc_bad(e, where, "outcome", "“%s”不是表三的处理结果", ap->outcome);
	if (app_phase_from_id(ap->state) < 0)
		return xc_bad(e, where, "state", "没有“%s”这个状态", ap->state);
	if (app_status_of(ap, &st, e) != 0)
		return xc_bad(e, where, "received", "不是日期%s", "");
	/* the events are replayed under the settings the file gives the organ */
	if (x->profile)
		organ_rules_read(x->profile, &rules);
	else
		organ_rules_default(&rules);
	app_status_settings(&st, &rules);
	for (size_t j = 0; j < x->nevents[i]; j++) {
		const struct app_event_rec *ev = &x->events[i][j];
		struct app_event_in in;
		struct gk_error why = { 0 };
		char ewhere[80];

		snprintf(ewhere, sizeof ewhere, "%.40s.events[%zu]", where, j);
		if (app_event_from_id(ev->kind) < 0)
			return xc_bad(e, ewhere, "kind", "没有“%s”这种事件", ev->kind);
		if (ev->outcome && app_outcome_find(ev->outcome) < 0)
			return xc_bad(e, ewhere, "outcome", "“%s”不是表三的处理结果", ev->outcome);
		if (ev->party && app_party_from_id(ev->party) < 0)
			return xc_bad(e, ewhere, "party", "应为 third-party 或 organ，不是“%s”", ev->party);
		if (ev->method && app_fee_method_from_id(ev->method) < 0)
			return xc_bad(e, ewhere, "method", "应为 by-count 或 by-pages，不是“%s”", ev->method);
		if (app_event_of(ev, &in, &why) != 0)
			return xc_bad(e, ewhere, why.field, "%s", why.msg);
		if (app_apply(&st, &in, NULL, date_make(2199, 12, 31), &why) != 0)
			return xc_bad(e, ewhere, "kind", "事件顺序不成立：%s", why.msg);
	}
	if (strcmp(app_phases[st.phase].id, ap->state) != 0)
		return xc_bad(e, where, "state", "与事件推出的“%s”不符", app_phases[st.phase].id);
	if ((st.outcome >= 0) != (ap->outcome != NULL) ||
	    (ap->outcome && strcmp(app_outcome_id(st.outcome), ap->outcome) != 0))
		return xc_bad(e, where, "outcome", "与事件推出的“%s”不符",
			   st.outcome >= 0 ? app_outcome_id(st.outcome) : "none");
	{
		char day[DATE_LEN];
		const char *closed = st.closed != CLOCK_NONE ? date_format(st.closed, day) : NULL;
		const char *received = date_format(st.received, (char[DATE_LEN]){ 0 });
		if ((closed == NULL) != (ap->closed == NULL) || (closed && strcmp(closed, ap->closed) != 0))
			return xc_bad(e, where, "closed", "与事件推出的“%s”不符", closed ? closed : "open");
		if (strcmp(received, ap->received) != 0)
			return xc_bad(e, where, "received", "与事件推出的“%s”不符", received);
	}
	return 0;
}


/* The organ's notice serial of ni's year raised to ni's serial, so that the next notice issued
 * after an import gets a number not in the file. */
static int notice_serial_raise(struct store *s, int64_t agency_id, const struct notice_issued *ni,
			       struct gk_error *e)
{
	int64_t next;
	int rc;

	/* the serial only grows: take one (one more than any so far) and set the larger */
	if ((rc = app_store(s)->notice_next_serial(s, agency_id, (int)ni->year, &next, e)) != 0)
		return rc;
	return app_store(s)->notice_serial_put(s, agency_id, (int)ni->year,
					       next - 1 > ni->serial ? next - 1 : ni->serial, e);
}

int xc_store_apps(struct store *s, int64_t agency_id, const struct ximport *x, struct arena *a,
		  struct exchange_counts *c, struct gk_error *e)
{
	int rc;

	for (size_t i = 0; i < x->napps; i++) {
		struct app_rec ap = x->apps[i];
		int64_t id, evid;

		ap.agency_id = agency_id;
		if ((rc = app_store(s)->insert(s, &ap, &id, e)) != 0)
			return rc;
		for (size_t j = 0; j < x->nevents[i]; j++) {
			struct app_event_rec ev = x->events[i][j];
			ev.app_id = id;
			if ((rc = app_store(s)->event_insert(s, &ev, &evid, e)) != 0)
				return rc;
		}
		for (size_t j = 0; j < x->nnotices[i]; j++) {
			struct notice_issued ni = x->notices[i][j];
			int64_t nid;

			ni.app_id = id;
			ni.agency_id = agency_id;
			if ((rc = app_store(s)->notice_insert(s, &ni, &nid, e)) != 0 ||
			    (rc = notice_serial_raise(s, agency_id, &ni, e)) != 0)
				return rc;
		}
		c->applications++;
		c->events += x->nevents[i];
		if ((rc = xc_audit_import(s, agency_id, "application", id, "tracking_code", ap.tracking_code, 0, e)) != 0)
			return rc;
	}
	(void)a;
	return 0;
}

/*
 * exchange.c — ledger export and import as JSON (see exchange.h).
 *
 * The application and event fields are declared once (app_fields, event_fields) and used
 * both ways: the export writes them in that order, the import accepts exactly those keys and
 * checks each by its type. Register entries reuse registers_record_json / _from_json.
 */
#include "domain/exchange.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "domain/agency.h"
#include "domain/app_codes.h"
#include "domain/application.h"
#include "domain/clock.h"
#include "domain/audit.h"
#include "domain/registers.h"
#include "domain/user.h"
#include "store/agency_store.h"
#include "store/app_store.h"
#include "store/user_store.h"
#include "text/date.h"
#include "text/jsonr.h"
#include "text/jsonw.h"
#include "text/utf8.h"

enum xtype { XT_TEXT, XT_DATE, XT_TIME };

struct xfield {
	const char *key;
	enum xtype type;
	int required;
	size_t off;      /* offset of the const char * member */
};

#define AF(k, t, r) { #k, t, r, offsetof(struct app_rec, k) }
static const struct xfield app_fields[] = {
	AF(tracking_code, XT_TEXT, 1), AF(secret_hash, XT_TEXT, 1), AF(received, XT_DATE, 1),
	AF(channel, XT_TEXT, 1), AF(applicant_type, XT_TEXT, 1), AF(applicant_name, XT_TEXT, 1),
	AF(applicant_key, XT_TEXT, 1), AF(contact, XT_TEXT, 0), AF(id_number, XT_TEXT, 0),
	AF(request, XT_TEXT, 0), AF(form, XT_TEXT, 0), AF(state, XT_TEXT, 1), AF(outcome, XT_TEXT, 0),
	AF(closed, XT_DATE, 0), AF(reply_due, XT_DATE, 0), AF(created_at, XT_TIME, 1),
};
#define NAPP (sizeof app_fields / sizeof app_fields[0])

#define EF(k, t, r) { #k, t, r, offsetof(struct app_event_rec, k) }
static const struct xfield event_fields[] = {
	EF(kind, XT_TEXT, 1), EF(date, XT_DATE, 1), EF(note, XT_TEXT, 0), EF(approver, XT_TEXT, 0),
	EF(outcome, XT_TEXT, 0), EF(basis, XT_TEXT, 0), EF(actor, XT_TEXT, 1), EF(created_at, XT_TIME, 1),
};
#define NEVENT (sizeof event_fields / sizeof event_fields[0])

#define FIELD_PTR(rec, f) ((const char **)((char *)(rec) + (f)->off))

/* ---- export ---- */

struct collect {
	struct arena *a;
	int64_t agency_id;
	void *items;
	size_t n, cap, size;
};

static void *collect_push(struct collect *c)
{
	if (c->n == c->cap) {
		void *bigger;
		c->cap = c->cap ? c->cap * 2 : 32;
		bigger = arena_alloc(c->a, c->cap * c->size);
		if (c->n)
			memcpy(bigger, c->items, c->n * c->size);
		c->items = bigger;
	}
	return (char *)c->items + c->n++ * c->size;
}

static const char *dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static int collect_user(void *ctx, const struct user_rec *r)
{
	struct collect *c = ctx;
	struct user_rec *u;

	if (r->agency_id != c->agency_id)
		return 0;
	u = collect_push(c);
	*u = *r;
	u->name = dup(c->a, r->name);
	u->display_name = dup(c->a, r->display_name);
	u->role = dup(c->a, r->role);
	u->password_hash = NULL;
	u->created_at = NULL;
	return 0;
}

static int collect_app(void *ctx, const struct app_rec *r)
{
	struct collect *c = ctx;
	struct app_rec *copy = collect_push(c);

	*copy = *r;
	for (size_t f = 0; f < NAPP; f++)
		*FIELD_PTR(copy, &app_fields[f]) = dup(c->a, *FIELD_PTR(r, &app_fields[f]));
	return 0;
}

static void write_fields(struct jsonw *w, const void *rec, const struct xfield *fields, size_t n)
{
	for (size_t f = 0; f < n; f++) {
		const char *v = *FIELD_PTR(rec, &fields[f]);
		if (v)
			jsonw_kstr(w, fields[f].key, v);
	}
}

int exchange_export(struct store *s, int64_t agency_id, struct buf *out, struct gk_error *e)
{
	struct arena a;
	struct agency_rec ag, parent;
	struct collect users = { .size = sizeof(struct user_rec) };
	struct collect apps = { .size = sizeof(struct app_rec) };
	struct app_filter filter = { .agency_id = agency_id };
	struct jsonw w;
	int rc;

	arena_init(&a);
	users.a = apps.a = &a;
	users.agency_id = apps.agency_id = agency_id;
	if ((rc = agency_store(s)->get(s, agency_id, &a, &ag, e)) != 0)
		goto out;
	if ((rc = user_store(s)->list(s, collect_user, &users, e)) != 0)
		goto out;
	if ((rc = app_store(s)->list(s, &filter, collect_app, &apps, e)) != 0)
		goto out;

	jsonw_init(&w, out, 1);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "format", EXCHANGE_FORMAT);
	jsonw_kint(&w, "version", EXCHANGE_VERSION);
	jsonw_key(&w, "agency");
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "name", ag.name);
	if (ag.code)
		jsonw_kstr(&w, "code", ag.code);
	jsonw_kstr(&w, "level", ag.level);
	if (ag.parent_id && (rc = agency_store(s)->get(s, ag.parent_id, &a, &parent, e)) == 0)
		jsonw_kstr(&w, "parent", parent.name);
	if (rc != 0)
		goto out;
	jsonw_obj_end(&w);

	jsonw_key(&w, "users");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < users.n; i++) {
		const struct user_rec *u = (const struct user_rec *)users.items + i;
		jsonw_obj_begin(&w);
		jsonw_kstr(&w, "name", u->name);
		jsonw_kstr(&w, "display_name", u->display_name);
		jsonw_kstr(&w, "role", u->role);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);

	jsonw_key(&w, "applications");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < apps.n; i++) {
		const struct app_rec *ap = (const struct app_rec *)apps.items + i;
		struct app_event_rec *ev;
		size_t nev;

		if ((rc = app_store(s)->events(s, ap->id, &a, &ev, &nev, e)) != 0)
			goto out;
		jsonw_obj_begin(&w);
		write_fields(&w, ap, app_fields, NAPP);
		jsonw_key(&w, "events");
		jsonw_arr_begin(&w);
		for (size_t j = 0; j < nev; j++) {
			jsonw_obj_begin(&w);
			write_fields(&w, &ev[j], event_fields, NEVENT);
			if (ev[j].amount_fen >= 0)
				jsonw_kint(&w, "amount_fen", ev[j].amount_fen);
			jsonw_obj_end(&w);
		}
		jsonw_arr_end(&w);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);

	jsonw_key(&w, "registers");
	jsonw_obj_begin(&w);
	for (int k = 0; k < REG__MAX; k++) {
		struct reg_record *recs;
		size_t n;

		if ((rc = registers_list(s, agency_id, (enum reg_kind)k, &a, &recs, &n, e)) != 0)
			goto out;
		jsonw_key(&w, reg_descs[k].name);
		jsonw_arr_begin(&w);
		for (size_t i = 0; i < n; i++)
			registers_record_json(&w, &reg_descs[k], &recs[i], 0);
		jsonw_arr_end(&w);
	}
	jsonw_obj_end(&w);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0)
		err_set(e, rc, "export", "the ledger is too large to export in one piece");
out:
	arena_free(&a);
	return rc;
}

/* ---- import: reading and checking ---- */

static int bad(struct gk_error *e, const char *where, const char *key, const char *fmt, const char *arg)
{
	char field[64];

	snprintf(field, sizeof field, "%.40s%s%.22s", where, key ? "." : "", key ? key : "");
	return err_set(e, ERR_INVALID, field, fmt, arg);
}

static int check_time(const char *s)
{
	/* YYYY-MM-DDTHH:MM:SSZ */
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";

	if (strlen(s) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	return 1;
}

/* Read object obj into rec by the field table; keys in extra[] are skipped (handled by the
 * caller); anything else is refused. */
static int read_fields(const struct jv *obj, const char *where, const struct xfield *fields, size_t n,
		       const char *const *extra, void *rec, struct gk_error *e)
{
	void *it = NULL;
	struct jv *val;
	const char *key;

	if (jv_type(obj) != JV_OBJECT)
		return bad(e, where, NULL, "not an object%s", "");
	while ((key = jv_next(obj, &it, &val)) != NULL) {
		const struct xfield *f = NULL;
		const char *s;
		int day, known = 0;

		for (size_t i = 0; i < n; i++)
			if (strcmp(fields[i].key, key) == 0)
				f = &fields[i];
		for (size_t i = 0; extra && extra[i]; i++)
			known |= strcmp(extra[i], key) == 0;
		if (known)
			continue;
		if (f == NULL)
			return bad(e, where, key, "unknown field%s", "");
		if (jv_type(val) == JV_NULL)
			continue;
		if ((s = jv_str(val)) == NULL)
			return bad(e, where, key, "must be a string, not a %s", jv_type_name(jv_type(val)));
		if (!utf8_valid(s, strlen(s)) || strlen(s) > 100000)
			return bad(e, where, key, "not valid UTF-8 text of at most 100000 bytes%s", "");
		if (f->type == XT_DATE && date_parse(s, &day, key, e) != 0)
			return bad(e, where, key, "not a date YYYY-MM-DD: '%s'", s);
		if (f->type == XT_TIME && !check_time(s))
			return bad(e, where, key, "not a UTC timestamp YYYY-MM-DDTHH:MM:SSZ: '%s'", s);
		*FIELD_PTR(rec, f) = s;
	}
	for (size_t i = 0; i < n; i++)
		if (fields[i].required && (*FIELD_PTR(rec, &fields[i]) == NULL || !**FIELD_PTR(rec, &fields[i])))
			return bad(e, where, fields[i].key, "required%s", "");
	return 0;
}

struct ximport {
	const char *name, *code, *level, *parent;
	struct user_new *users;
	size_t nusers;
	struct app_rec *apps;
	struct app_event_rec **events;
	size_t *nevents;
	size_t napps;
	struct reg_record *regs[REG__MAX];
	size_t nregs[REG__MAX];
};

static const struct jv *member(const struct jv *root, const char *key, enum jv_type t, int required,
			       struct gk_error *e, int *rc)
{
	const struct jv *v = jv_get(root, key);

	*rc = 0;
	if (v == NULL || jv_type(v) == JV_NULL) {
		if (required)
			*rc = bad(e, key, NULL, "required%s", "");
		return NULL;
	}
	if (jv_type(v) != t)
		*rc = bad(e, key, NULL, "must be a JSON %s", jv_type_name(t));
	return v;
}

static int read_agency(const struct jv *root, struct ximport *x, struct gk_error *e)
{
	static const char *const keys[] = { "name", "code", "level", "parent" };
	const char **dst[] = { &x->name, &x->code, &x->level, &x->parent };
	const struct jv *ag;
	void *it = NULL;
	struct jv *val;
	const char *key;
	int rc;

	if ((ag = member(root, "agency", JV_OBJECT, 1, e, &rc)) == NULL || rc)
		return rc;
	while ((key = jv_next(ag, &it, &val)) != NULL) {
		size_t i;
		for (i = 0; i < 4; i++)
			if (strcmp(key, keys[i]) == 0)
				break;
		if (i == 4)
			return bad(e, "agency", key, "unknown field%s", "");
		if (jv_type(val) != JV_NULL && (*dst[i] = jv_str(val)) == NULL)
			return bad(e, "agency", key, "must be a string%s", "");
	}
	if (x->name == NULL)
		return bad(e, "agency", "name", "required%s", "");
	return 0;
}

static int read_users(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const struct xfield ufields[] = {
		{ "name", XT_TEXT, 1, offsetof(struct user_new, name) },
		{ "display_name", XT_TEXT, 0, offsetof(struct user_new, display_name) },
		{ "role", XT_TEXT, 1, offsetof(struct user_new, role) },
	};
	const struct jv *arr;
	int rc;

	if ((arr = member(root, "users", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->nusers = jv_len(arr);
	x->users = arena_alloc(a, (x->nusers + 1) * sizeof *x->users);
	for (size_t i = 0; i < x->nusers; i++) {
		char where[32];
		snprintf(where, sizeof where, "users[%zu]", i);
		if ((rc = read_fields(jv_at(arr, i), where, ufields, 3, NULL, &x->users[i], e)) != 0)
			return rc;
		if (user_role_from_id(x->users[i].role) < 0)
			return bad(e, where, "role", "unknown role '%s'", x->users[i].role);
	}
	return 0;
}

static int check_lifecycle(const struct ximport *x, size_t i, struct gk_error *e);

static int read_apps(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	static const char *const app_extra[] = { "events", NULL };
	static const char *const ev_extra[] = { "amount_fen", NULL };
	const struct jv *arr;
	int rc;

	if ((arr = member(root, "applications", JV_ARRAY, 0, e, &rc)) == NULL || rc)
		return rc;
	x->napps = jv_len(arr);
	x->apps = arena_alloc(a, (x->napps + 1) * sizeof *x->apps);
	x->events = arena_alloc(a, (x->napps + 1) * sizeof *x->events);
	x->nevents = arena_alloc(a, (x->napps + 1) * sizeof *x->nevents);
	for (size_t i = 0; i < x->napps; i++) {
		const struct jv *obj = jv_at(arr, i), *evs;
		char where[40];

		snprintf(where, sizeof where, "applications[%zu]", i);
		if ((rc = read_fields(obj, where, app_fields, NAPP, app_extra, &x->apps[i], e)) != 0)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (strcmp(x->apps[j].tracking_code, x->apps[i].tracking_code) == 0)
				return bad(e, where, "tracking_code", "'%s' appears twice", x->apps[i].tracking_code);
		evs = jv_get(obj, "events");
		if (evs && jv_type(evs) != JV_ARRAY && jv_type(evs) != JV_NULL)
			return bad(e, where, "events", "must be an array%s", "");
		x->nevents[i] = jv_len(evs);
		x->events[i] = arena_alloc(a, (x->nevents[i] + 1) * sizeof **x->events);
		for (size_t j = 0; j < x->nevents[i]; j++) {
			struct app_event_rec *ev = &x->events[i][j];
			const struct jv *amount;
			char ewhere[64];

			snprintf(ewhere, sizeof ewhere, "applications[%zu].events[%zu]", i, j);
			ev->amount_fen = -1;
			if ((rc = read_fields(jv_at(evs, j), ewhere, event_fields, NEVENT, ev_extra, ev, e)) != 0)
				return rc;
			amount = jv_get(jv_at(evs, j), "amount_fen");
			if (amount && jv_type(amount) != JV_NULL &&
			    (jv_int(amount, &ev->amount_fen) != 0 || ev->amount_fen < 0))
				return bad(e, ewhere, "amount_fen", "must be a whole number of 分 ≥ 0%s", "");
			if (strcmp(ev->date, x->apps[i].received) < 0)
				return bad(e, ewhere, "date", "before the application was received (%s)",
					   x->apps[i].received);
		}
		if ((rc = check_lifecycle(x, i, e)) != 0)
			return rc;
	}
	return 0;
}

static int read_registers(const struct jv *root, struct arena *a, struct ximport *x, struct gk_error *e)
{
	const struct jv *regs;
	void *it = NULL;
	struct jv *val;
	const char *key;
	int rc;

	if ((regs = member(root, "registers", JV_OBJECT, 0, e, &rc)) == NULL || rc)
		return rc;
	while ((key = jv_next(regs, &it, &val)) != NULL) {
		const struct reg_desc *d = reg_desc_find(key);
		size_t n;

		if (d == NULL)
			return bad(e, "registers", key, "no such register%s", "");
		if (jv_type(val) != JV_ARRAY)
			return bad(e, "registers", key, "must be an array%s", "");
		n = jv_len(val);
		x->regs[d->kind] = arena_alloc(a, (n + 1) * sizeof(struct reg_record));
		x->nregs[d->kind] = n;
		for (size_t i = 0; i < n; i++) {
			struct reg_record *r = &x->regs[d->kind][i];
			char where[48];

			snprintf(where, sizeof where, "registers.%s[%zu]", d->name, i);
			if ((rc = registers_record_from_json(d, jv_at(val, i), where, a, r, e)) != 0)
				return rc;
			if (d->kind == REG_CASE && r->v[CASE_APPLICATION].set) {
				size_t j;
				for (j = 0; j < x->napps; j++)
					if (strcmp(x->apps[j].tracking_code, r->v[CASE_APPLICATION].s) == 0)
						break;
				if (j == x->napps)
					return bad(e, where, "application", "no application '%s' in this file",
						   r->v[CASE_APPLICATION].s);
			}
		}
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
	char where[40];
	int received, ev_outcome = -1;

	snprintf(where, sizeof where, "applications[%zu]", i);
	char ids[400];

	if (app_channel_find(ap->channel) < 0)
		return bad(e, where, "channel", "not one of: %s", app_code_ids(CODES_CHANNELS, ids, sizeof ids));
	if (app_applicant_find(ap->applicant_type) < 0)
		return bad(e, where, "applicant_type", "not one of: %s",
			   app_code_ids(CODES_APPLICANTS, ids, sizeof ids));
	if (ap->outcome && app_outcome_find(ap->outcome) < 0)
		return bad(e, where, "outcome", "not a Table 三 outcome: '%s'", ap->outcome);
	if (app_phase_from_id(ap->state) < 0)
		return bad(e, where, "state", "unknown state '%s'", ap->state);
	if (date_parse(ap->received, &received, "received", e) != 0)
		return bad(e, where, "received", "not a date%s", "");
	app_status_init(&st, received);
	for (size_t j = 0; j < x->nevents[i]; j++) {
		const struct app_event_rec *ev = &x->events[i][j];
		struct app_event_in in = { .note = ev->note, .approver = ev->approver, .amount_fen = ev->amount_fen,
					   .basis = ev->basis, .outcome = -1 };
		struct gk_error why = { 0 };
		char ewhere[80];

		snprintf(ewhere, sizeof ewhere, "%.40s.events[%zu]", where, j);
		if ((in.kind = app_event_from_id(ev->kind)) < 0)
			return bad(e, ewhere, "kind", "unknown event '%s'", ev->kind);
		if (ev->outcome && (ev_outcome = app_outcome_find(ev->outcome)) < 0)
			return bad(e, ewhere, "outcome", "not a Table 三 outcome: '%s'", ev->outcome);
		if (ev->outcome && in.kind == EV_DECIDED)
			in.outcome = ev_outcome;
		if (date_parse(ev->date, &in.date, "date", e) != 0)
			return bad(e, ewhere, "date", "not a date%s", "");
		if (app_apply(&st, &in, NULL, date_make(2199, 12, 31), &why) != 0)
			return bad(e, ewhere, "kind", "cannot happen here: %s", why.msg);
	}
	if (strcmp(app_phases[st.phase].id, ap->state) != 0)
		return bad(e, where, "state", "the events lead to '%s'", app_phases[st.phase].id);
	if ((st.outcome >= 0) != (ap->outcome != NULL) ||
	    (ap->outcome && strcmp(app_outcome_id(st.outcome), ap->outcome) != 0))
		return bad(e, where, "outcome", "the events lead to '%s'",
			   st.outcome >= 0 ? app_outcome_id(st.outcome) : "none");
	{
		char day[DATE_LEN];
		const char *closed = st.closed != CLOCK_NONE ? date_format(st.closed, day) : NULL;
		if ((closed == NULL) != (ap->closed == NULL) || (closed && strcmp(closed, ap->closed) != 0))
			return bad(e, where, "closed", "the events lead to '%s'", closed ? closed : "open");
	}
	return 0;
}

/* ---- import: storing ---- */

static int store_apps(struct store *s, int64_t agency_id, const struct ximport *x, struct arena *a,
		      struct exchange_counts *c, struct gk_error *e)
{
	int rc;

	for (size_t i = 0; i < x->napps; i++) {
		struct app_rec ap = x->apps[i];
		struct buf b;
		struct jsonw w;
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
		c->applications++;
		c->events += x->nevents[i];
		buf_init(&b, 0);
		jsonw_init(&w, &b, 0);
		jsonw_obj_begin(&w);
		jsonw_kstr(&w, "tracking_code", ap.tracking_code);
		jsonw_kint(&w, "events", (int64_t)x->nevents[i]);
		jsonw_obj_end(&w);
		if ((rc = jsonw_finish(&w)) == 0)
			rc = audit_record(s, agency_id, "application", id, "import", buf_cstr(&b), e);
		buf_free(&b);
		if (rc != 0)
			return rc;
	}
	(void)a;
	return 0;
}

int exchange_import(struct store *s, const char *text, size_t len, const char *label,
		    struct exchange_counts *c, struct gk_error *e)
{
	struct ximport x;
	struct jv *root = NULL;
	struct arena a;
	struct agency_rec parent;
	struct agency_new an;
	int64_t version, id;
	const char *format;
	int rc;

	memset(c, 0, sizeof *c);
	memset(&x, 0, sizeof x);
	arena_init(&a);
	if ((rc = jsonr_parse(text, len, label, &root, e)) != 0)
		goto out;
	if (jv_type(root) != JV_OBJECT || (format = jv_str(jv_get(root, "format"))) == NULL ||
	    strcmp(format, EXCHANGE_FORMAT) != 0) {
		rc = bad(e, "format", NULL, "not a gongkai ledger export (\"format\": \"%s\" missing)", EXCHANGE_FORMAT);
		goto out;
	}
	if (jv_int(jv_get(root, "version"), &version) != 0 || version != EXCHANGE_VERSION) {
		rc = bad(e, "version", NULL, "this program reads version %s of the export format", "1");
		goto out;
	}
	{
		static const char *const top[] = { "format", "version", "agency", "users", "applications",
						   "registers", NULL };
		void *it = NULL;
		struct jv *val;
		const char *key;
		while ((key = jv_next(root, &it, &val)) != NULL) {
			int known = 0;
			for (int i = 0; top[i]; i++)
				known |= strcmp(top[i], key) == 0;
			if (!known) {
				rc = bad(e, key, NULL, "unknown section%s", "");
				goto out;
			}
		}
	}
	/* 1. Check every record. */
	if ((rc = read_agency(root, &x, e)) != 0 || (rc = read_users(root, &a, &x, e)) != 0 ||
	    (rc = read_apps(root, &a, &x, e)) != 0 || (rc = read_registers(root, &a, &x, e)) != 0)
		goto out;

	/* 2. Store it all (the caller's transaction makes it all or nothing). */
	an = (struct agency_new){ .name = x.name, .code = x.code, .level = x.level };
	if (x.parent) {
		struct gk_error ignore = { 0 };
		if (agency_store(s)->find_name(s, x.parent, &a, &parent, &ignore) == 0)
			an.parent_id = parent.id;
		else
			snprintf(c->parent_missing, sizeof c->parent_missing, "%s", x.parent);
	}
	if ((rc = agency_create(s, &an, &id, e)) != 0) {
		/* agency_create names CLI options (--agency-code); name the file's field instead */
		struct gk_error why = *e;
		const char *f = strncmp(why.field, "--agency-", 9) == 0 ? why.field + 9 : why.field + 2 * (why.field[0] == '-');
		bad(e, "agency", f, "%s", why.msg);
		e->code = rc = why.code;
		goto out;
	}
	c->agency_id = id;
	for (size_t i = 0; i < x.nusers; i++) {
		int64_t uid;
		x.users[i].agency_id = id;
		if ((rc = user_create(s, &x.users[i], &uid, e)) != 0) {
			struct gk_error why = *e;
			char where[32];
			snprintf(where, sizeof where, "users[%zu]", i);
			bad(e, where, NULL, "%s", why.msg);
			e->code = rc = why.code;
			goto out;
		}
		c->users++;
	}
	if ((rc = store_apps(s, id, &x, &a, c, e)) != 0)
		goto out;
	for (int k = 0; k < REG__MAX; k++) {
		for (size_t i = 0; i < x.nregs[k]; i++) {
			if ((rc = registers_import_record(s, id, &x.regs[k][i], &a, e)) != 0) {
				struct gk_error why = *e;
				char where[48];
				snprintf(where, sizeof where, "registers.%s[%zu]", reg_descs[k].name, i);
				bad(e, where, why.field, "%s", why.msg);
				e->code = rc = why.code;
				goto out;
			}
			c->registers++;
		}
	}
out:
	jsonr_free(root);
	arena_free(&a);
	return rc;
}

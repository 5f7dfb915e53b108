/*
 * registers.c — the registers through the store: add, list, CSV import, JSON form, and the
 * register figures of the annual report (see registers.h).
 *
 * A record travels to the store as a struct regrow whose cells are in field order and in
 * stored form (dates 'YYYY-MM-DD', enumerations by id, counts / 分 / yes-no / application ids
 * as integers); rows read back are re-validated with the register's rules, so an edited
 * database cannot feed a wrong figure into a report unnoticed.
 */
#include "domain/registers.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/sorted.h"
#include "domain/audit.h"
#include "store/app_store.h"
#include "store/register_store.h"
#include "text/csv.h"
#include "text/date.h"
#include "text/money.h"

/* ---- records ↔ store rows ---- */

static void to_row(const struct reg_desc *d, const struct reg_record *rec, struct arena *a, struct regrow *row)
{
	memset(row, 0, sizeof *row);
	row->id = rec->id;
	for (size_t f = 0; f < d->nfields; f++) {
		const struct reg_value *v = &rec->v[f];
		struct regcell *c = &row->c[f];
		char day[DATE_LEN];

		if (!v->set)
			continue;
		switch (d->fields[f].type) {
		case REG_TEXT:
		case REG_LONGTEXT:
			*c = (struct regcell){ REGCELL_TEXT, 0, v->s };
			break;
		case REG_DATE:
			*c = (struct regcell){ REGCELL_TEXT, 0, arena_strdup(a, date_format((int)v->i, day)) };
			break;
		case REG_ENUM:
			*c = (struct regcell){ REGCELL_TEXT, 0, d->fields[f].enum_names[v->i] };
			break;
		case REG_COUNT:
		case REG_YUAN:
		case REG_BOOL:
		case REG_APPREF:
			*c = (struct regcell){ REGCELL_INT, v->i, NULL };
			break;
		}
	}
}

/* A stored row back into a record: cells become text again and go through the same parser
 * as typed input (application ids are looked up for their tracking code). */
static int from_row(struct store *s, const struct reg_desc *d, const struct regrow *row, struct arena *a,
		    struct reg_record *rec, struct gk_error *e)
{
	struct reg_kv kv[REG_MAX_FIELDS] = { { NULL, NULL } };
	int64_t app_id = 0;
	int app_field = -1, rc;

	for (size_t f = 0; f < d->nfields; f++) {
		const struct regcell *c = &row->c[f];
		kv[f].name = d->fields[f].name;
		kv[f].value = NULL;
		if (c->type == REGCELL_TEXT) {
			kv[f].value = c->s;
		} else if (c->type == REGCELL_INT) {
			if (d->fields[f].type == REG_APPREF) {
				app_id = c->i;
				app_field = (int)f;
				kv[f].value = arena_printf(a, "%lld", (long long)c->i);
			} else if (d->fields[f].type == REG_YUAN) {
				char m[MONEY_LEN];
				kv[f].value = arena_strdup(a, money_format_yuan(c->i, m));
			} else if (d->fields[f].type == REG_BOOL) {
				kv[f].value = c->i ? "yes" : "no";
			} else {
				kv[f].value = arena_printf(a, "%lld", (long long)c->i);
			}
		}
	}
	if ((rc = reg_record_parse(d, kv, d->nfields, a, rec, e)) != 0) {
		struct gk_error why = *e;
		char field[64];
		snprintf(field, sizeof field, "%s #%lld", d->name, (long long)row->id);
		return err_set(e, rc, field, "已存的登记不合规则（%s：%s）", why.field, why.msg);
	}
	rec->id = row->id;
	rec->document_id = row->document_id;
	rec->agency_id = row->agency_id;
	if (app_field >= 0) {
		struct app_rec app;
		if ((rc = app_store(s)->get(s, app_id, a, &app, e)) != 0)
			return rc;
		rec->v[app_field].i = app_id;
		rec->v[app_field].s = app.tracking_code;
	}
	return 0;
}

/* ---- JSON ---- */

void registers_record_json(struct jsonw *w, const struct reg_desc *d, const struct reg_record *r, int with_id)
{
	jsonw_obj_begin(w);
	if (with_id)
		jsonw_kint(w, "id", r->id);
	registers_record_fields(w, d, r);
	jsonw_obj_end(w);
}

void registers_record_fields(struct jsonw *w, const struct reg_desc *d, const struct reg_record *r)
{
	for (size_t f = 0; f < d->nfields; f++) {
		const struct reg_value *v = &r->v[f];
		const struct reg_field *fd = &d->fields[f];
		char tmp[MONEY_LEN];

		if (!v->set)
			continue;
		switch (fd->type) {
		case REG_COUNT:
			jsonw_kint(w, fd->name, v->i);
			break;
		case REG_BOOL:
			jsonw_kbool(w, fd->name, (int)v->i);
			break;
		case REG_YUAN:
			jsonw_kstr(w, fd->name, money_format_yuan(v->i, tmp));
			break;
		case REG_DATE:
			jsonw_kstr(w, fd->name, date_format((int)v->i, tmp));
			break;
		case REG_ENUM:
			jsonw_kstr(w, fd->name, fd->enum_names[v->i]);
			break;
		case REG_APPREF:
			if (v->s)
				jsonw_kstr(w, fd->name, v->s);
			else
				jsonw_kint(w, fd->name, v->i);
			break;
		case REG_TEXT:
		case REG_LONGTEXT:
			jsonw_kstr(w, fd->name, v->s);
			break;
		}
	}
}

int registers_record_from_json(const struct reg_desc *d, const struct jv *obj, const char *where,
			       struct arena *a, struct reg_record *rec, struct gk_error *e)
{
	struct reg_kv kv[REG_MAX_FIELDS];
	struct jv *val;
	void *it = NULL;
	const char *key;
	size_t n = 0;
	int rc;

	if (jv_type(obj) != JV_OBJECT)
		return err_set(e, ERR_INVALID, where, "不是 JSON 对象");
	while ((key = jv_next(obj, &it, &val)) != NULL) {
		const char *text = NULL;
		int64_t i;
		int b;

		if (d->kind == REG_NORMDOC && strcmp(key, "document") == 0)
			continue;   /* the catalogue link: the exchange's business */
		if (n == REG_MAX_FIELDS || reg_field_find(d, key) < 0) {
			char field[64];
			snprintf(field, sizeof field, "%s.%s", where, key);
			return err_set(e, ERR_INVALID, field, "登记簿 %s 没有这个字段", d->name);
		}
		switch (jv_type(val)) {
		case JV_STRING:
			text = jv_str(val);
			break;
		case JV_INT:
			if (jv_int(val, &i) == 0)
				text = arena_printf(a, "%lld", (long long)i);
			break;
		case JV_BOOL:
			if (jv_bool(val, &b) == 0)
				text = b ? "yes" : "no";
			break;
		case JV_NULL:
			break;
		default: {
			char field[64];
			snprintf(field, sizeof field, "%s.%s", where, key);
			return err_set(e, ERR_INVALID, field, "%s 不是有效的值", jv_type_name(jv_type(val)));
		}
		}
		kv[n++] = (struct reg_kv){ key, text };
	}
	if ((rc = reg_record_parse(d, kv, n, a, rec, e)) != 0) {
		char field[64];
		snprintf(field, sizeof field, "%.40s.%.20s", where, e->field);
		memcpy(e->field, field, sizeof e->field);
	}
	return rc;
}

/* ---- add ---- */

static int resolve_application(struct store *s, int64_t agency_id, struct reg_value *v, struct arena *a,
			       struct gk_error *e)
{
	struct app_rec app;
	struct gk_error ignore = { 0 };
	const char *p;
	int64_t id = 0;
	int rc;

	for (p = v->s; *p >= '0' && *p <= '9' && id < ((int64_t)1 << 50); p++)
		id = id * 10 + (*p - '0');
	if (*p == '\0' && p != v->s)
		rc = app_store(s)->get(s, id, a, &app, &ignore);
	else
		rc = app_store(s)->get_by_code(s, v->s, a, &app, &ignore);
	if (rc == ERR_NOTFOUND || (rc == 0 && app.agency_id != agency_id))
		return err_set(e, ERR_INVALID, "application", "本机关没有申请“%s”", v->s);
	if (rc != 0)
		return err_set(e, rc, "application", "%s", ignore.msg);
	v->i = app.id;
	v->s = app.tracking_code;
	return 0;
}

static int audit_entry(struct store *s, int64_t agency_id, const struct reg_desc *d, const struct reg_record *rec,
		       const char *action, struct gk_error *e)
{
	struct buf b;
	struct jsonw w;
	char entity[32];
	int rc;

	buf_init(&b, 0);
	jsonw_init(&w, &b, 0);
	registers_record_json(&w, d, rec, 0);
	if ((rc = jsonw_finish(&w)) == 0) {
		snprintf(entity, sizeof entity, "reg_%s", d->name);
		rc = audit_record(s, agency_id, entity, rec->id, action, buf_cstr(&b), e);
	} else {
		err_set(e, rc, d->name, "登记内容过大，无法记录");
	}
	buf_free(&b);
	return rc;
}

static int add_as(struct store *s, int64_t agency_id, struct reg_record *rec, struct arena *a, const char *action,
		  struct gk_error *e)
{
	const struct reg_desc *d = &reg_descs[rec->kind];
	struct regrow row;
	int rc, serial_tries = 0, year = 0;
	int64_t serial = 0;
	char ref[32], prefix[16];

	if (rec->kind == REG_CASE && rec->v[CASE_APPLICATION].set &&
	    (rc = resolve_application(s, agency_id, &rec->v[CASE_APPLICATION], a, e)) != 0)
		return rc;
	if (rec->kind == REG_FEEDBACK && !rec->v[FEEDBACK_REF_NO].set) {
		year = date_year((int)rec->v[FEEDBACK_RECEIVED].i);
		snprintf(prefix, sizeof prefix, "FB%04d-", year);
		if ((rc = register_store(s)->feedback_max_serial(s, agency_id, prefix, &serial, e)) != 0)
			return rc;
	next_ref:
		reg_feedback_ref(year, ++serial, ref);
		rec->v[FEEDBACK_REF_NO] = (struct reg_value){ 1, 0, arena_strdup(a, ref) };
	}
	to_row(d, rec, a, &row);
	rc = register_store(s)->insert(s, d->name, agency_id, &row, &rec->id, e);
	if (rc == ERR_CONFLICT && rec->kind == REG_FEEDBACK) {
		if (serial > 0 && ++serial_tries < 1000)
			goto next_ref;  /* an imported entry took that number: take the next */
		return err_set(e, ERR_CONFLICT, "ref_no", "编号 %s 已被使用",
			       rec->v[FEEDBACK_REF_NO].s);
	}
	if (rc != 0)
		return rc;
	return audit_entry(s, agency_id, d, rec, action, e);
}

int registers_add(struct store *s, int64_t agency_id, struct reg_record *rec, struct arena *a, struct gk_error *e)
{
	return add_as(s, agency_id, rec, a, "create", e);
}

int registers_import_record(struct store *s, int64_t agency_id, struct reg_record *rec, struct arena *a,
			    struct gk_error *e)
{
	const struct reg_desc *d = &reg_descs[rec->kind];
	struct regrow row;
	int rc;

	if (rec->kind != REG_NORMDOC || rec->document_id == 0)
		return add_as(s, agency_id, rec, a, "import", e);
	to_row(d, rec, a, &row);
	if ((rc = register_store(s)->normdoc_sync(s, agency_id, rec->document_id, &row, &rec->id, e)) != 0)
		return rc;
	return audit_entry(s, agency_id, d, rec, "import", e);
}

int registers_get(struct store *s, int64_t agency_id, enum reg_kind k, int64_t id, struct arena *a,
		  struct reg_record *out, struct gk_error *e)
{
	struct reg_record *recs;
	size_t n;
	int rc;

	if ((rc = registers_list(s, agency_id, k, a, &recs, &n, e)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (recs[i].id == id) {
			*out = recs[i];
			return 0;
		}
	}
	return err_set(e, ERR_NOTFOUND, "id", "本机关的登记簿 %s 没有第 %lld 项", reg_descs[k].name, (long long)id);
}

int registers_set(struct store *s, int64_t agency_id, enum reg_kind k, int64_t id, const struct reg_kv *kv,
		  size_t n, struct arena *a, struct reg_record *out, struct gk_error *e)
{
	const struct reg_desc *d = &reg_descs[k];
	struct reg_kv merged[REG_MAX_FIELDS];
	struct reg_record old, rec;
	struct regrow row;
	int rc;

	if ((rc = registers_get(s, agency_id, k, id, a, &old, e)) != 0)
		return rc;
	for (size_t f = 0; f < d->nfields; f++) {
		struct buf b;
		buf_init(&b, 0);
		if ((rc = reg_value_format(d, (int)f, &old, &b)) != 0) {
			buf_free(&b);
			return err_set(e, rc, d->fields[f].name, "值过大");
		}
		merged[f] = (struct reg_kv){ d->fields[f].name, arena_strdup(a, buf_cstr(&b)) };
		buf_free(&b);
	}
	for (size_t i = 0; i < n; i++) {
		int f = reg_field_find(d, kv[i].name);
		if (f < 0)
			return err_set(e, ERR_INVALID, kv[i].name, "登记簿 %s 没有这个字段", d->name);
		merged[f].value = kv[i].value ? kv[i].value : "";
	}
	if ((rc = reg_record_parse(d, merged, d->nfields, a, &rec, e)) != 0)
		return rc;
	if (k == REG_CASE && rec.v[CASE_APPLICATION].set &&
	    (rc = resolve_application(s, agency_id, &rec.v[CASE_APPLICATION], a, e)) != 0)
		return rc;
	if (k == REG_FEEDBACK && !rec.v[FEEDBACK_REF_NO].set)
		return err_set(e, ERR_INVALID, "ref_no", "意见建议登记的编号不能修改");
	rec.id = id;
	to_row(d, &rec, a, &row);
	if ((rc = register_store(s)->update(s, d->name, agency_id, id, &row, e)) != 0)
		return rc;
	if (out)
		*out = rec;
	return audit_entry(s, agency_id, d, &rec, "update", e);
}

int registers_remove(struct store *s, int64_t agency_id, enum reg_kind k, int64_t id, struct arena *a,
		     struct gk_error *e)
{
	struct reg_record old;
	int rc;

	if ((rc = registers_get(s, agency_id, k, id, a, &old, e)) != 0)
		return rc;
	if ((rc = register_store(s)->remove(s, reg_descs[k].name, agency_id, id, e)) != 0)
		return rc;
	return audit_entry(s, agency_id, &reg_descs[k], &old, "remove", e);
}

int registers_list(struct store *s, int64_t agency_id, enum reg_kind k, struct arena *a,
		   struct reg_record **out, size_t *n, struct gk_error *e)
{
	const struct reg_desc *d = &reg_descs[k];
	struct regrow *rows;
	size_t nrows;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = register_store(s)->list(s, d->name, agency_id, a, &rows, &nrows, e)) != 0)
		return rc;
	if (nrows == 0)
		return 0;
	*out = arena_alloc(a, nrows * sizeof **out);
	for (size_t i = 0; i < nrows; i++)
		if ((rc = from_row(s, d, &rows[i], a, &(*out)[i], e)) != 0)
			return rc;
	*n = nrows;
	return 0;
}

/* ---- CSV import ---- */

static int row_error(struct gk_error *e, const char *label, int line)
{
	char msg[sizeof e->msg];
	char field[64];

	snprintf(msg, sizeof msg, "%.60s%s%.440s", e->field, e->field[0] ? ": " : "", e->msg);
	snprintf(field, sizeof field, "%s:%d", label, line);
	return err_set(e, e->code, field, "%s", msg);
}

int registers_import_csv(struct store *s, int64_t agency_id, const struct reg_desc *d, const char *data,
			 size_t len, const char *label, struct arena *a, size_t *nadded, struct gk_error *e)
{
	struct csv_table t;
	struct reg_record *recs;
	int colfield[REG_MAX_FIELDS + 64];
	int rc;

	*nadded = 0;
	if ((rc = csv_parse(data, len, label, NULL, a, &t, e)) != 0)
		return rc;
	for (size_t c = 0; c < t.ncols; c++) {
		colfield[c] = reg_field_find(d, t.header[c]);
		if (colfield[c] < 0) {
			struct buf names;
			buf_init(&names, 1024);
			for (size_t f = 0; f < d->nfields; f++)
				if (buf_printf(&names, "%s%s", f ? ", " : "", d->fields[f].name) != 0)
					break;
			e->field[0] = '\0';
			err_set(e, ERR_INVALID, "", "没有“%s”这一列（登记簿 %s 的列：%s）", t.header[c],
				d->name, buf_cstr(&names));
			buf_free(&names);
			return row_error(e, label, t.header_line);
		}
	}
	for (size_t f = 0; f < d->nfields; f++) {
		int found = 0;
		for (size_t c = 0; c < t.ncols; c++)
			found |= colfield[c] == (int)f;
		if (d->fields[f].required && !found) {
			err_set(e, ERR_INVALID, "", "缺少必需的列“%s”（%s）", d->fields[f].name,
				d->fields[f].help);
			return row_error(e, label, t.header_line);
		}
	}
	if (t.nrows == 0)
		return 0;
	/* Validate every row before storing any. */
	recs = arena_alloc(a, t.nrows * sizeof *recs);
	for (size_t r = 0; r < t.nrows; r++) {
		struct reg_kv kv[REG_MAX_FIELDS];
		for (size_t c = 0; c < t.ncols; c++)
			kv[c] = (struct reg_kv){ t.header[c], t.rows[r].fields[c] };
		if ((rc = reg_record_parse(d, kv, t.ncols, a, &recs[r], e)) != 0)
			return row_error(e, label, t.rows[r].line);
	}
	for (size_t r = 0; r < t.nrows; r++) {
		if ((rc = add_as(s, agency_id, &recs[r], a, "import", e)) != 0)
			return row_error(e, label, t.rows[r].line);
	}
	*nadded = t.nrows;
	return 0;
}

/* ---- web feedback and the catalogue hook ---- */

int registers_feedback_submit(struct store *s, int64_t agency_id, const char *text, const char *contact,
			      struct arena *a, char ref_no[32], struct gk_error *e)
{
	char today[DATE_LEN];
	const struct reg_kv kv[] = {
		{ "channel", "web" },
		{ "received", date_format(date_today(), today) },
		{ "text", text },
		{ "contact", contact },
	};
	struct reg_record rec;
	int rc;

	if ((rc = reg_record_parse(&reg_descs[REG_FEEDBACK], kv, 4, a, &rec, e)) != 0)
		return rc;
	if ((rc = registers_add(s, agency_id, &rec, a, e)) != 0)
		return rc;
	snprintf(ref_no, 32, "%s", rec.v[FEEDBACK_REF_NO].s);
	return 0;
}

int registers_normdoc_sync(struct store *s, int64_t agency_id, int64_t document_id, const char *kind,
			   const char *issued, const char *doc_no, const char *title, const char *repealed,
			   int64_t *id, struct gk_error *e)
{
	const struct reg_kv kv[] = {
		{ "kind", kind }, { "issued", issued }, { "doc_no", doc_no }, { "title", title },
		{ "repealed", repealed },
	};
	const struct reg_desc *d = &reg_descs[REG_NORMDOC];
	struct reg_record rec;
	struct regrow row;
	struct arena a;
	int rc;

	arena_init(&a);
	if ((rc = reg_record_parse(d, kv, 5, &a, &rec, e)) != 0)
		goto out;
	to_row(d, &rec, &a, &row);
	if ((rc = register_store(s)->normdoc_sync(s, agency_id, document_id, &row, &rec.id, e)) != 0)
		goto out;
	if (id)
		*id = rec.id;
	rc = audit_entry(s, agency_id, d, &rec, "sync", e);
out:
	arena_free(&a);
	return rc;
}

/* ---- report figures ---- */

static int by_organ(const void *pa, const void *pb)
{
	const struct reg_record *a = pa, *b = pb;

	if (a->agency_id != b->agency_id)
		return a->agency_id < b->agency_id ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int registers_report_records(struct store *s, int64_t root_id, int alone, struct arena *a,
			     struct reg_record **out, size_t *n, struct gk_error *e)
{
	static const enum reg_kind kinds[] = {
		REG_NORMDOC, REG_DECISION, REG_FEE, REG_CASE, REG_NEWS, REG_FEEDBACK,
	};
	struct regrow *rows[sizeof kinds / sizeof kinds[0]];
	size_t nrows[sizeof kinds / sizeof kinds[0]], total = 0, k, i;
	struct reg_record *all;
	int rc;

	*out = NULL;
	*n = 0;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if ((rc = register_store(s)->list_organs(s, reg_descs[kinds[k]].name, root_id, alone, a,
							  &rows[k], &nrows[k], e)) != 0)
			return rc;
		total += nrows[k];
	}
	if (total == 0)
		return 0;
	all = arena_alloc(a, total * sizeof *all);
	for (k = 0, total = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (i = 0; i < nrows[k]; i++)
			if ((rc = from_row(s, &reg_descs[kinds[k]], &rows[k][i], a, &all[total++], e)) != 0)
				return rc;
	qsort(all, total, sizeof *all, by_organ);
	*out = all;
	*n = total;
	return 0;
}

void registers_of_organ(const struct reg_record *recs, size_t n, int64_t agency_id,
			const struct reg_record **first, size_t *count)
{
	size_t lo = sorted_lower_bound(recs, n, sizeof *recs, offsetof(struct reg_record, agency_id),
				       agency_id), end;

	for (end = lo; end < n && recs[end].agency_id == agency_id; end++)
		;
	*first = recs + lo;
	*count = end - lo;
}

void registers_year(const struct reg_record *recs, size_t n, int year, const struct table4_rules *rules,
		    struct arena *a, struct table2 *t2, struct table4 *t4, struct reg_narrative *nar)
{
	struct reg_tally *tally;

	table2_count(recs, n, year, t2);
	table4_count(recs, n, year, rules, t4);
	memset(nar, 0, sizeof *nar);
	nar->news_total = news_count_by_platform(recs, n, year, &tally, &nar->news_platforms);
	if (nar->news_platforms) {
		nar->news = arena_alloc(a, nar->news_platforms * sizeof *nar->news);
		memcpy(nar->news, tally, nar->news_platforms * sizeof *tally);
	}
	free(tally);
	nar->feedback_total = feedback_count_by_channel(recs, n, year, nar->feedback);
	nar->normdocs_issued = t2->rule.issued + t2->normdoc.issued;
}
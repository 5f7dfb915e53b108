/*
 * h_registers.c — the registers in the console (登记簿): an index with the number of entries
 * of each register, the entries of one register for an organ in the user's scope, and for the
 * organ's own staff adding, editing and removing entries and importing a CSV file (all rows or
 * none; a successful import answers with a redirect to the list, so a reload sends nothing),
 * for a supervisor an entry read-only. An organ asked for outside the user's scope is not
 * found (web_agency_asked). One set of handlers and one form template serve all six
 * registers: the fields come from the register's table (domain/register.h) and reach the
 * handler through the route's "*" field; the register's rules (domain/registers.h) refuse bad
 * input, and a refusal is shown beside the field it names with what was typed kept.
 * May call: domain/, web/app.h.
 */
#include <stdlib.h>
#include <string.h>

#include "domain/registers.h"
#include "web/handlers.h"

#define PAGE_SIZE 50

/* ---------------------------------------------------------------- shared */

static int reg_of(struct web_ctx *c, const struct reg_desc **d)
{
	const char *p = web_param(c, "reg");

	*d = p ? reg_desc_find(p) : NULL;
	if (*d == NULL)
		return err_set(&c->err, ERR_NOTFOUND, "reg", "没有这个登记簿");
	return 0;
}

static int id_of(struct web_ctx *c, int64_t *id)
{
	return web_param_id(c, "id", "没有这条登记", id);
}

/* The organ whose register is shown: the one asked for with agency=ID when the user may see
 * it (a supervisor: their organ or one under it; anyone else: their own), else not found;
 * the user's own organ when none is asked for. */
static int organ_of(struct web_ctx *c, int64_t *agency_id)
{
	int rc = web_agency_asked(c, agency_id);

	if (rc == 0 && *agency_id == 0)
		*agency_id = c->user->agency_id;
	return rc;
}

/* 1 if the user may change the entries of organ agency_id: a writer of that organ. */
static int may_write(struct web_ctx *c, int64_t agency_id)
{
	return web_may(c, ACT_REG_WRITE, agency_id);
}

/* The organ an entry is written to: the writer's own. */
static int own_organ(struct web_ctx *c, int64_t *agency_id)
{
	*agency_id = c->user->agency_id;
	if (*agency_id == 0)
		return err_set(&c->err, ERR_FORBIDDEN, "", "您的账号不属于任何机关，不能登记");
	return 0;
}

static void put_reg(struct web_ctx *c, const struct reg_desc *d)
{
	struct tpl_val *o = tpl_put_obj(c->page, "reg");

	tpl_put_str(o, "name", d->name);
	tpl_put_str(o, "label", d->label);
	tpl_put_str(o, "title", d->title);
}

/* Field f of rec as a user would type it back ("" when empty), in the arena. */
static const char *typed(struct web_ctx *c, const struct reg_desc *d, int f, const struct reg_record *rec)
{
	struct buf b;
	const char *s;

	buf_init(&b, 64 * 1024);
	s = reg_value_format(d, f, rec, &b) == 0 ? arena_strndup(c->a, buf_cstr(&b), b.len) : "";
	buf_free(&b);
	return s;
}

/* Field f of rec as shown in a list: enumerations and yes/no by their Chinese names. */
static const char *shown(struct web_ctx *c, const struct reg_desc *d, int f, const struct reg_record *rec)
{
	const struct reg_field *fd = &d->fields[f];
	const struct reg_value *v = &rec->v[f];

	if (v->set && fd->type == REG_ENUM && fd->enum_labels)
		return fd->enum_labels[v->i];
	if (v->set && fd->type == REG_BOOL)
		return v->i ? "是" : "否";
	return typed(c, d, f, rec);
}

/* A refusal by the register's rules beside the field it names; 1 if shown (re-show the
 * form), 0 if rc is not a refusal. */
static int refused(struct web_ctx *c, const struct reg_desc *d, int rc)
{
	int f = reg_field_find(d, c->err.field);

	if (rc != ERR_INVALID && rc != ERR_STATE && rc != ERR_CONFLICT && rc != ERR_LIMIT)
		return 0;
	if (f >= 0)
		web_field_error_as(c, d->fields[f].name, d->fields[f].label, "%s", c->err.msg);
	else
		web_field_error(c, "form", "%s", c->err.msg[0] ? c->err.msg : err_name(rc));
	c->resp->status = web_status(rc);
	c->err = (struct gk_error){ 0 };
	return 1;
}

static void put_option(struct tpl_val *opts, const char *value, const char *label, const char *cur)
{
	struct tpl_val *o = tpl_push_obj(opts);

	tpl_put_str(o, "value", value);
	tpl_put_str(o, "label", label);
	tpl_put_bool(o, "selected", strcmp(value, cur) == 0);
}

/* The form's fields from the register's table: values from rec (an entry being edited) or
 * as typed (a form shown again), the error each carries. */
static void put_fields(struct web_ctx *c, const struct reg_desc *d, const struct reg_record *rec)
{
	struct tpl_val *list = tpl_put_list(c->page, "fields");

	for (size_t f = 0; f < d->nfields; f++) {
		const struct reg_field *fd = &d->fields[f];
		struct tpl_val *o = tpl_push_obj(list);
		const char *v = rec ? typed(c, d, (int)f, rec) : web_extra(c, fd->name);
		const char *problem = c->errmap ? tpl_get_str(c->errmap, fd->name) : NULL;

		v = v ? v : "";
		tpl_put_str(o, "name", fd->name);
		tpl_put_str(o, "label", fd->label);
		tpl_put_bool(o, "required", fd->required);
		tpl_put_str(o, "value", v);
		tpl_put_str(o, "problem", problem);
		if (fd->type == REG_ENUM || fd->type == REG_BOOL) {
			struct tpl_val *opts = tpl_put_list(o, "options");
			tpl_put_bool(o, "is_choice", 1);
			if (fd->type == REG_BOOL) {
				put_option(opts, "yes", "是", v);
				put_option(opts, "no", "否", v);
			}
			for (int i = 0; fd->type == REG_ENUM && fd->enum_names[i]; i++)
				put_option(opts, fd->enum_names[i], fd->enum_labels[i], v);
		} else if (fd->type == REG_LONGTEXT) {
			tpl_put_bool(o, "is_long", 1);
			tpl_put_int(o, "max", (long long)fd->max);
		} else {
			tpl_put_bool(o, "is_line", 1);
			if (fd->max)
				tpl_put_int(o, "max", (long long)fd->max);
			tpl_put_bool(o, "is_date", fd->type == REG_DATE);
			if (fd->type == REG_COUNT)
				tpl_put_str(o, "inputmode", "numeric");
			if (fd->type == REG_YUAN)
				tpl_put_str(o, "inputmode", "decimal");
		}
	}
}

/* The register's fields as the form sent them: every field, "" for an absent one. */
static size_t typed_kv(struct web_ctx *c, const struct reg_desc *d, struct reg_kv kv[REG_MAX_FIELDS])
{
	for (size_t f = 0; f < d->nfields; f++) {
		const char *v = web_extra(c, d->fields[f].name);
		kv[f] = (struct reg_kv){ d->fields[f].name, v ? v : "" };
	}
	return d->nfields;
}

/* ---------------------------------------------------------------- index and list */

int h_registers(struct web_ctx *c)
{
	struct tpl_val *list = tpl_put_list(c->page, "registers");
	int64_t agency_id;
	struct store *s;
	int rc = 0;

	if ((rc = organ_of(c, &agency_id)) != 0 || (rc = web_begin(c, 0, &s)) != 0)
		return rc;
	for (int k = 0; k < REG__MAX && rc == 0; k++) {
		struct reg_record *recs;
		size_t n;
		struct tpl_val *o;

		if ((rc = registers_list(s, agency_id, (enum reg_kind)k, c->a, &recs, &n, &c->err)) != 0)
			break;
		o = tpl_push_obj(list);
		tpl_put_str(o, "name", reg_descs[k].name);
		tpl_put_str(o, "label", reg_descs[k].label);
		tpl_put_str(o, "title", reg_descs[k].title);
		tpl_put_int(o, "count", (long long)n);
	}
	if (rc == 0 && web_reaches_beyond(c))
		rc = web_agencies_in_scope(c, tpl_put_list(c->page, "agencies"), agency_id);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	tpl_put_int(c->page, "agency_id", agency_id);
	tpl_put_bool(c->page, "choose_agency", web_reaches_beyond(c));
	tpl_put_str(c->page, "organ_action", "/console/registers");
	return web_render(c, "registers", "登记簿");
}

/* The entries of register d of the organ, newest first, one page. */
static int list_page(struct web_ctx *c, const struct reg_desc *d)
{
	struct tpl_val *cols = tpl_put_list(c->page, "columns");
	struct tpl_val *rows = tpl_put_list(c->page, "rows");
	struct tpl_val *names = tpl_put_list(c->page, "column_names");
	int64_t agency_id;
	long long page = web_in(c, "page")->i > 0 ? web_in(c, "page")->i : 1;
	struct reg_record *recs = NULL;
	struct store *s;
	size_t n = 0, first, shown_n = 0;
	int rc;

	if ((rc = organ_of(c, &agency_id)) != 0 || (rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = registers_list(s, agency_id, d->kind, c->a, &recs, &n, &c->err);
	if (rc == 0 && web_reaches_beyond(c))
		rc = web_agencies_in_scope(c, tpl_put_list(c->page, "agencies"), agency_id);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	put_reg(c, d);
	if (web_in(c, "imported")->present)  /* after an import (h_register_import) */
		web_notice(c, "已导入 %lld 条登记", web_in(c, "imported")->i);
	for (size_t f = 0; f < d->nfields; f++) {
		tpl_push_str(cols, d->fields[f].label);
		tpl_push_str(names, d->fields[f].name);
	}
	first = (size_t)(page - 1) * PAGE_SIZE;
	for (size_t i = first; i < n && shown_n < PAGE_SIZE; i++, shown_n++) {
		const struct reg_record *r = &recs[n - 1 - i];
		struct tpl_val *o = tpl_push_obj(rows);
		struct tpl_val *cells = tpl_put_list(o, "cells");

		tpl_put_int(o, "id", r->id);
		if (r->document_id)  /* follows a catalogue document: changed there, not here */
			tpl_put_int(o, "document_id", r->document_id);
		for (size_t f = 0; f < d->nfields; f++)
			tpl_push_str(cells, shown(c, d, (int)f, r));
	}
	tpl_put_int(c->page, "count", (long long)n);
	tpl_put_int(c->page, "page", page);
	if (page > 1)
		tpl_put_str(c->page, "prev", arena_printf(c->a, "/console/registers/%s?agency=%lld&page=%lld",
							  d->name, (long long)agency_id, page - 1));
	if (first + shown_n < n)
		tpl_put_str(c->page, "next", arena_printf(c->a, "/console/registers/%s?agency=%lld&page=%lld",
							  d->name, (long long)agency_id, page + 1));
	tpl_put_bool(c->page, "choose_agency", web_reaches_beyond(c));
	tpl_put_str(c->page, "organ_action", arena_printf(c->a, "/console/registers/%s", d->name));
	tpl_put_int(c->page, "agency_id", agency_id);
	tpl_put_bool(c->page, "may_write", may_write(c, agency_id));
	return web_render(c, "register", d->label);
}

int h_register_list(struct web_ctx *c)
{
	const struct reg_desc *d;
	int rc = reg_of(c, &d);

	return rc ? rc : list_page(c, d);
}

/* ---------------------------------------------------------------- add, edit, remove */

/* The add form (id 0, rec NULL) or entry id's form (rec the entry); the values as typed when
 * typed, else the entry's. */
static int form_page(struct web_ctx *c, const struct reg_desc *d, int64_t id, const struct reg_record *rec,
		     int typed)
{
	put_reg(c, d);
	put_fields(c, d, typed ? NULL : rec);
	if (rec && rec->document_id)
		tpl_put_int(c->page, "document_id", rec->document_id);
	if (id) {
		tpl_put_int(c->page, "entry_id", id);
		tpl_put_str(c->page, "action", arena_printf(c->a, "/console/registers/%s/%lld", d->name, (long long)id));
		return web_render(c, "register_form", arena_printf(c->a, "修改登记 · %s", d->label));
	}
	tpl_put_str(c->page, "action", arena_printf(c->a, "/console/registers/%s/new", d->name));
	return web_render(c, "register_form", arena_printf(c->a, "新增登记 · %s", d->label));
}

int h_register_new_form(struct web_ctx *c)
{
	const struct reg_desc *d;
	int rc = reg_of(c, &d);

	return rc ? rc : form_page(c, d, 0, NULL, 1);
}

int h_register_add(struct web_ctx *c)
{
	const struct reg_desc *d;
	struct reg_kv kv[REG_MAX_FIELDS];
	struct reg_record rec;
	int64_t agency_id;
	struct store *s;
	size_t n;
	int rc;

	if ((rc = reg_of(c, &d)) != 0 || (rc = own_organ(c, &agency_id)) != 0)
		return rc;
	if (c->nerrors)
		return form_page(c, d, 0, NULL, 1);
	n = typed_kv(c, d, kv);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = reg_record_parse(d, kv, n, c->a, &rec, &c->err);
	if (rc == 0)
		rc = registers_add(s, agency_id, &rec, c->a, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return refused(c, d, rc) ? form_page(c, d, 0, NULL, 1) : rc;
	return web_redirect(c, arena_printf(c->a, "/console/registers/%s#e-%lld", d->name, (long long)rec.id));
}

/* Register d and entry id of the writer's organ (the entry into *rec), in an open transaction. */
static int load_entry(struct web_ctx *c, struct store *s, const struct reg_desc *d, int64_t *id,
		      struct reg_record *rec)
{
	int64_t agency_id;
	int rc;

	if ((rc = id_of(c, id)) != 0 || (rc = own_organ(c, &agency_id)) != 0)
		return rc;
	rc = registers_get(s, agency_id, d->kind, *id, c->a, rec, &c->err);
	if (rc == ERR_NOTFOUND)  /* another organ's entry is not there for this user */
		rc = err_set(&c->err, ERR_NOTFOUND, "id", "没有这条登记");
	return rc;
}

/* Entry id of register d of organ agency_id shown read-only (a supervisor's view). */
static int entry_view(struct web_ctx *c, const struct reg_desc *d, int64_t agency_id)
{
	struct tpl_val *list = tpl_put_list(c->page, "values");
	struct reg_record rec;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = id_of(c, &id)) != 0 || (rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = registers_get(s, agency_id, d->kind, id, c->a, &rec, &c->err);
	if (rc == ERR_NOTFOUND)
		rc = err_set(&c->err, ERR_NOTFOUND, "id", "没有这条登记");
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	put_reg(c, d);
	for (size_t f = 0; f < d->nfields; f++) {
		struct tpl_val *o = tpl_push_obj(list);
		tpl_put_str(o, "label", d->fields[f].label);
		tpl_put_str(o, "value", shown(c, d, (int)f, &rec));
	}
	tpl_put_int(c->page, "entry_id", id);
	tpl_put_int(c->page, "agency_id", agency_id);
	if (rec.document_id)
		tpl_put_int(c->page, "document_id", rec.document_id);
	return web_render(c, "register_entry", arena_printf(c->a, "登记 · %s", d->label));
}

/* An entry: its form for a writer of its organ, else (a supervisor, or an organ under theirs
 * asked for with agency=ID) read-only. */
int h_register_entry(struct web_ctx *c)
{
	const struct reg_desc *d;
	struct reg_record rec;
	struct store *s;
	int64_t id, agency_id;
	int rc;

	if ((rc = reg_of(c, &d)) != 0 || (rc = organ_of(c, &agency_id)) != 0)
		return rc;
	if (!may_write(c, agency_id))
		return entry_view(c, d, agency_id);
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	if ((rc = web_finish(c, load_entry(c, s, d, &id, &rec))) != 0)
		return rc;
	return form_page(c, d, id, &rec, 0);
}

static int do_edit(struct web_ctx *c, struct store *s, const struct reg_desc *d, int64_t id)
{
	struct reg_kv kv[REG_MAX_FIELDS];
	size_t n = typed_kv(c, d, kv);

	return registers_set(s, c->user->agency_id, d->kind, id, kv, n, c->a, NULL, &c->err);
}

static int do_remove(struct web_ctx *c, struct store *s, const struct reg_desc *d, int64_t id)
{
	return registers_remove(s, c->user->agency_id, d->kind, id, c->a, &c->err);
}

/* One change (fn) to an entry of the writer's organ in a write transaction; then back to the
 * list, or the entry's form again with the refusal (typed: with what was typed, else the
 * entry's values). */
static int entry_act(struct web_ctx *c, int (*fn)(struct web_ctx *, struct store *, const struct reg_desc *, int64_t),
		     int typed)
{
	const struct reg_desc *d;
	struct reg_record rec;
	struct store *s;
	int64_t id = 0;
	int rc;

	if ((rc = reg_of(c, &d)) != 0 || (rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = load_entry(c, s, d, &id, &rec);
	if (rc == 0 && c->nerrors == 0)
		rc = fn(c, s, d, id);
	if ((rc = web_finish(c, rc)) != 0 && !refused(c, d, rc))
		return rc;
	if (c->nerrors)
		return form_page(c, d, id, &rec, typed);
	return web_redirect(c, arena_printf(c->a, "/console/registers/%s#e-%lld", d->name, (long long)id));
}

int h_register_edit(struct web_ctx *c) { return entry_act(c, do_edit, 1); }
int h_register_remove(struct web_ctx *c) { return entry_act(c, do_remove, 0); }

/* ---------------------------------------------------------------- CSV import */

/* "csv:3" → 3 (the line a CSV error names), or 0. */
static int line_of(const char *field)
{
	const char *colon = strrchr(field, ':');

	return colon ? (int)strtol(colon + 1, NULL, 10) : 0;
}

int h_register_import(struct web_ctx *c)
{
	const struct reg_desc *d;
	const struct web_value *file = web_in(c, "csv");
	int64_t agency_id;
	struct store *s;
	size_t added = 0;
	int rc, line;

	if ((rc = reg_of(c, &d)) != 0 || (rc = own_organ(c, &agency_id)) != 0)
		return rc;
	if (c->nerrors)
		return list_page(c, d);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = registers_import_csv(s, agency_id, d, file->file->value, file->file->len, "csv", c->a, &added, &c->err);
	if ((rc = web_finish(c, rc)) != 0) {
		if (rc != ERR_INVALID && rc != ERR_CONFLICT && rc != ERR_LIMIT)
			return rc;
		/* all or nothing: the transaction was rolled back */
		line = line_of(c->err.field);
		if (line > 0)
			web_field_error(c, "csv", "第 %d 行：%s（未导入任何一行）", line, c->err.msg);
		else
			web_field_error(c, "csv", "%s（未导入任何一行）", c->err.msg);
		c->resp->status = web_status(rc);
		c->err = (struct gk_error){ 0 };
		return list_page(c, d);
	}
	/* to the list by a GET, so that reloading the page does not send the file again */
	return web_redirect(c, arena_printf(c->a, "/console/registers/%s?imported=%zu", d->name, added));
}

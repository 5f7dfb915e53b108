/*
 * h_admin.c — the console's administration pages: staff accounts (admin) and the audit log
 * with its hash-chain verification (admin, leader, supervisor; each sees the organs in their
 * scope, web_visible).
 * May call: domain/, web/app.h.
 */
#include <string.h>

#include "domain/agency.h"
#include "domain/audit.h"
#include "domain/user.h"
#include "web/handlers.h"
#include "web/webint.h"

#define AUDIT_PAGE 200

struct user_fill {
	struct web_ctx *c;
	struct tpl_val *list;
};

static int add_user_row(void *ctx, const struct user_rec *r)
{
	struct user_fill *f = ctx;
	struct tpl_val *o = tpl_push_obj(f->list);
	struct arena *a = f->c->a;

	tpl_put_str(o, "name", arena_strdup(a, r->name));
	tpl_put_str(o, "display_name", arena_strdup(a, r->display_name ? r->display_name : ""));
	tpl_put_str(o, "role", webint_role_label(r->role));
	tpl_put_int(o, "agency_id", r->agency_id);
	tpl_put_bool(o, "can_login", r->password_hash != NULL);
	return 0;
}

static int users_page(struct web_ctx *c)
{
	struct user_fill f = { c, tpl_put_list(c->page, "users") };
	struct tpl_val *roles = tpl_put_list(c->page, "roles");
	struct store *s;
	int rc;

	for (int i = 0; i < ROLE__MAX; i++) {
		struct tpl_val *o = tpl_push_obj(roles);
		tpl_put_str(o, "id", user_roles[i].id);
		tpl_put_str(o, "label", user_roles[i].label);
		tpl_put_bool(o, "selected", strcmp(web_str(c, "role"), user_roles[i].id) == 0);
	}
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = user_list(s, add_user_row, &f, &c->err);
	if (rc == 0)
		rc = web_agencies(c, tpl_put_list(c->page, "agencies"), web_in(c, "agency")->i);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	return web_render(c, "users", "用户管理");
}

int h_users(struct web_ctx *c)
{
	return users_page(c);
}

int h_user_add(struct web_ctx *c)
{
	struct user_new in = {
		.name = web_str(c, "name"),
		.display_name = web_in(c, "display_name")->s,
		.role = web_str(c, "role"),
		.agency_id = web_in(c, "agency")->i,
		.password = web_str(c, "password"),
	};
	struct store *s;
	int64_t id;
	int rc;

	if (c->nerrors)
		return users_page(c);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = web_finish(c, user_create(s, &in, &id, &c->err));
	if (rc != 0)
		return web_refused(c, rc) ? users_page(c) : rc;
	web_notice(c, "已添加用户 %s", in.name);
	return users_page(c);
}

struct audit_fill {
	struct web_ctx *c;
	struct tpl_val *list;
	int64_t shown;
};

static int add_audit_row(void *ctx, const struct audit_rec *r)
{
	struct audit_fill *f = ctx;
	struct tpl_val *o;
	struct arena *a = f->c->a;

	if (r->agency_id ? !web_visible(f->c, r->agency_id) : f->c->user->role_id != ROLE_ADMIN)
		return 0;
	o = tpl_push_obj(f->list);
	tpl_put_int(o, "id", r->id);
	tpl_put_str(o, "at", arena_strdup(a, r->at));
	tpl_put_str(o, "actor", arena_strdup(a, r->actor));
	tpl_put_str(o, "entity", arena_strdup(a, r->entity));
	if (r->entity_id)
		tpl_put_int(o, "entity_id", r->entity_id);
	tpl_put_str(o, "action", arena_strdup(a, r->action));
	tpl_put_str(o, "content", arena_strdup(a, r->content));
	f->shown++;
	return 0;
}

int h_audit(struct web_ctx *c)
{
	struct audit_fill f = { c, tpl_list(c->a), 0 };
	struct audit_verify_result vr = { 0 };
	struct tpl_val *rows;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = audit_verify(s, &vr, &c->err);
	if (rc == 0)
		rc = audit_list(s, NULL, 0, add_audit_row, &f, &c->err);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	if (vr.bad_id) {
		tpl_put_int(c->page, "bad_id", vr.bad_id);
		tpl_put_str(c->page, "bad_reason", arena_strdup(c->a, vr.reason));
	}
	tpl_put_int(c->page, "checked", vr.checked);
	tpl_put_bool(c->page, "intact", vr.bad_id == 0);
	/* newest first, the latest AUDIT_PAGE entries in scope */
	rows = tpl_put_list(c->page, "entries");
	{
		size_t n = tpl_list_len(f.list), skip = n > AUDIT_PAGE ? n - AUDIT_PAGE : 0;
		struct tpl_val **v = arena_alloc(c->a, (n + 1) * sizeof *v);
		size_t k = 0;

		for (struct tpl_val *it = tpl_list_first(f.list); it; it = tpl_next(it))
			v[k++] = it;
		for (size_t i = n; i > skip; i--)
			tpl_push(rows, v[i - 1]);
	}
	tpl_put_int(c->page, "shown", f.shown < AUDIT_PAGE ? f.shown : AUDIT_PAGE);
	tpl_put_int(c->page, "total", f.shown);
	return web_render(c, "audit", "审计日志");
}

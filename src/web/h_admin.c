/*
 * h_admin.c — the console's administration pages: staff accounts (admin: add one, reset its
 * password, disable and re-enable it, change its role and organ), every staff member's own
 * password, and the audit log with its hash-chain verification (admin, leader, supervisor;
 * each sees the organs in their scope, web_visible).
 *
 * Every change goes through domain/user.h, which audit-logs it and ends the sessions a new or
 * cleared password must end; the rules (the last admin, one's own account) are the domain's and
 * come back as form errors. Passwords are never put back into a page.
 * May call: domain/, web/app.h.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/agency.h"
#include "domain/audit.h"
#include "domain/audit_archive.h"
#include "domain/signin.h"
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

	tpl_put_int(o, "id", r->id);
	tpl_put_str(o, "name", arena_strdup(a, r->name));
	tpl_put_str(o, "display_name", arena_strdup(a, r->display_name ? r->display_name : ""));
	tpl_put_str(o, "role", webint_role_label(r->role));
	tpl_put_int(o, "agency_id", r->agency_id);
	tpl_put_bool(o, "can_login", r->password_hash != NULL);
	return 0;
}

#define FAILURES_SHOWN 50

struct failure_fill {
	struct web_ctx *c;
	struct tpl_val *list;
};

static int add_failure(void *ctx, const struct signin_failure_rec *r)
{
	struct failure_fill *f = ctx;
	struct tpl_val *o = tpl_push_obj(f->list);
	struct arena *a = f->c->a;

	tpl_put_str(o, "at", web_local_time(a, r->at));
	tpl_put_str(o, "account", arena_strdup(a, r->account));
	tpl_put_str(o, "client", arena_strdup(a, r->client));
	return 0;
}

/* GB/T 22239-2019 8.1.4.1 b): the failed sign-ins of the last 30 days, newest first. */
static int put_failures(struct web_ctx *c, struct store *s)
{
	struct failure_fill f = { c, tpl_put_list(c->page, "failures") };
	int rc = signin_failures(s, (int64_t)time(NULL) - 30 * 86400, FAILURES_SHOWN, add_failure,
				 &f, &c->err);

	tpl_put_int(c->page, "failure_limit", FAILURES_SHOWN);
	tpl_put_bool(c->page, "has_failures", tpl_list_len(f.list) > 0);
	return rc;
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
		rc = put_failures(c, s);
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

#define NO_USER "没有这个用户"

/* The account page of user id: its details and the forms that change it (the submitted role
 * and organ kept on a refusal, never a password). */
static int user_page(struct web_ctx *c, int64_t id)
{
	struct tpl_val *o = tpl_put_obj(c->page, "account");
	struct tpl_val *roles = tpl_put_list(c->page, "roles");
	/* the role form was submitted (and refused): show what was chosen, "none" included */
	int submitted = web_in(c, "role")->present;
	int64_t agency;
	const char *role;
	struct user_rec u;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = user_get(s, id, c->a, &u, &c->err);
	agency = rc == 0 && submitted ? web_in(c, "agency")->i : rc == 0 ? u.agency_id : 0;
	if (rc == 0)
		rc = web_agencies(c, tpl_put_list(c->page, "agencies"), agency);
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	role = submitted ? web_str(c, "role") : u.role;
	for (int i = 0; i < ROLE__MAX; i++) {
		struct tpl_val *r = tpl_push_obj(roles);
		tpl_put_str(r, "id", user_roles[i].id);
		tpl_put_str(r, "label", user_roles[i].label);
		tpl_put_bool(r, "selected", strcmp(role, user_roles[i].id) == 0);
	}
	tpl_put_int(o, "id", u.id);
	tpl_put_str(o, "name", u.name);
	tpl_put_str(o, "display_name", u.display_name ? u.display_name : "");
	tpl_put_str(o, "role", webint_role_label(u.role));
	web_put_time(o, "created_at", u.created_at);
	tpl_put_bool(o, "can_login", u.password_hash != NULL);
	tpl_put_bool(o, "is_self", u.id == c->user->id);
	tpl_put_bool(o, "no_agency", agency == 0);
	return web_render(c, "user", "用户管理");
}

int h_user(struct web_ctx *c)
{
	int64_t id;
	int rc;

	if ((rc = web_param_id(c, "id", NO_USER, &id)) != 0)
		return rc;
	return user_page(c, id);
}

/* The new password typed twice (fields password and password2): 1 if it may be tried, else
 * a form error beside the field (too short by the domain's rule, or the two differ). */
static int new_password_ok(struct web_ctx *c)
{
	const char *pw = web_str(c, "password");

	struct gk_error e;

	if (user_password_rules(pw, &e) != 0)
		web_field_error(c, "password", "密码至少 %d 位，并包含小写字母、大写字母、数字、其他符号中的三类",
				USER_PASSWORD_MIN);
	else if (strcmp(pw, web_str(c, "password2")) != 0)
		web_field_error(c, "password2", "两次输入的新密码不一致");
	else
		return 1;
	c->resp->status = 400;
	return 0;
}

/* What the admin forms on an account share: load account id in a write transaction, apply
 * op to it, commit; a refusal re-shows the page with the form error. notice (with the
 * account name) says what was done. */
typedef int (*account_op)(struct web_ctx *c, struct store *s, const struct user_rec *u);

static int change_account(struct web_ctx *c, account_op op, const char *notice)
{
	struct user_rec u;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = web_param_id(c, "id", NO_USER, &id)) != 0)
		return rc;
	if (c->nerrors)
		return user_page(c, id);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = user_get(s, id, c->a, &u, &c->err);
	if (rc == 0)
		rc = op(c, s, &u);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? user_page(c, id) : rc;
	web_notice(c, notice, u.name);
	return user_page(c, id);
}

static int op_password(struct web_ctx *c, struct store *s, const struct user_rec *u)
{
	/* One's own password needs the current one (/console/password): a borrowed admin
	 * session must not be enough to take the account over. */
	if (u->id == c->user->id)
		return err_set(&c->err, ERR_STATE, "password",
			       "修改自己的密码请使用“修改密码”页面（需要输入当前密码）");
	return user_set_password(s, u->name, web_str(c, "password"), &c->err);
}

static int op_disable(struct web_ctx *c, struct store *s, const struct user_rec *u)
{
	return user_disable(s, u->name, c->user->name, &c->err);
}

static int op_role(struct web_ctx *c, struct store *s, const struct user_rec *u)
{
	return user_set_role(s, u->name, web_str(c, "role"), web_in(c, "agency")->i,
			     c->user->name, &c->err);
}

/* Reset the password of an account, or re-enable a disabled one by giving it a password:
 * every session of the account ends (user_set_password). */
int h_user_password(struct web_ctx *c)
{
	if (c->nerrors == 0)
		new_password_ok(c);
	return change_account(c, op_password, "已为 %s 设置新密码，该账号原有的登录已全部退出");
}

/* Disable an account: its password is cleared, it is signed out everywhere. */
int h_user_disable(struct web_ctx *c)
{
	return change_account(c, op_disable, "已停用 %s：该账号已在所有设备上退出，不能再登录");
}

static int op_totp_reset(struct web_ctx *c, struct store *s, const struct user_rec *u)
{
	return user_totp_reset(s, u->name, &c->err);
}

/* A lost phone: the second factor removed; the owner sets up a new one at the next sign-in. */
int h_user_totp_reset(struct web_ctx *c)
{
	return change_account(c, op_totp_reset, "已清除 %s 的动态验证码，下次登录时须重新设置");
}

int h_user_role(struct web_ctx *c)
{
	return change_account(c, op_role, "已更新 %s 的角色和所属机关");
}

int h_password_form(struct web_ctx *c)
{
	if (web_in(c, "expired")->present || c->user->must_change)
		web_notice(c, "您的密码已超过规定的使用期限，请先修改密码。");
	if (web_in(c, "done")->present)
		web_notice(c, "密码已修改。您在其他浏览器和设备上的登录均已退出，本次登录已换用新的会话。");
	return web_render(c, "password", "修改密码");
}

/* Change one's own password: the current one first (a wrong one counts against the account's
 * sign-in limit, like a wrong password at the login form), then the new one twice. On success
 * every session of the user ends (user_set_password) and this browser gets a new one at once
 * (web_login, in the same transaction): the token it held before is dead, so whoever may have
 * copied it is signed out too, while the user, who has just proved the password, stays in. */
int h_password(struct web_ctx *c)
{
	struct web_user me = *c->user;
	const char *current = web_str(c, "current");
	struct user_rec r;
	struct store *s;
	int64_t wait;
	int rc;

	if (c->nerrors || !new_password_ok(c))
		return web_render(c, "password", "修改密码");
	if ((rc = web_signin_wait(c, me.name, &wait)) != 0)
		return rc;
	if (wait > 0) {
		web_signin_refuse(c, "current", wait);
		return web_render(c, "password", "修改密码");
	}
	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = web_finish(c, user_authenticate(s, me.name, current, c->a, &r, &c->err));
	if (rc == ERR_FORBIDDEN) {
		err_clear(&c->err);
		if ((rc = web_signin_failed(c, me.name)) != 0)
			return rc;
		c->resp->status = 400;
		web_field_error(c, "current", "当前密码不正确");
		return web_render(c, "password", "修改密码");
	}
	if (rc != 0)
		return rc;
	if (strcmp(current, web_str(c, "password")) == 0) {
		c->resp->status = 400;
		web_field_error(c, "password", "新密码不能与当前密码相同");
		return web_render(c, "password", "修改密码");
	}
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = user_set_password(s, me.name, web_str(c, "password"), &c->err);
	if (rc == 0)
		rc = web_login(c, &me);
	if ((rc = web_finish(c, rc)) != 0)
		return web_refused(c, rc) ? web_render(c, "password", "修改密码") : rc;
	return web_redirect(c, "/console/password?done=1");
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

	if (!web_visible(f->c, r->agency_id ? r->agency_id : ACCESS_NO_ORGAN))
		return 0;
	o = tpl_push_obj(f->list);
	tpl_put_int(o, "id", r->id);
	web_put_time(o, "at", r->at);
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

/* The signed archive of the whole audit log (domain/audit_archive.h), for the audit
 * administrator to keep and to check offline with `gongkai audit verify FILE`; the export is
 * audited in the same transaction. */
int h_audit_export(struct web_ctx *c)
{
	char secret[CRYPTO_SIGN_SECRET_HEX], pub[CRYPTO_SIGN_PUBLIC_HEX];
	const char *path;
	char *owned;
	struct store *s;
	int rc;

	if ((rc = audit_key_path(c->w->cfg->audit_key_file, c->w->cfg->db_path, &path, &owned,
				 &c->err)) != 0)
		return rc;
	rc = audit_key_load(path, 1, secret, pub, &c->err);
	free(owned);
	if (rc != 0)
		return rc;
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = audit_archive_write(s, secret, &c->resp->body, &c->err);
	memset(secret, 0, sizeof secret);
	if (rc == 0)
		rc = audit_export(s, 0, "audit", 0, "archive", &c->err);
	if ((rc = web_finish(c, rc)) != 0) {
		buf_reset(&c->resp->body);
		return rc;
	}
	c->resp->content_type = "text/plain; charset=utf-8";
	http_resp_header(c->resp, "Content-Disposition", "attachment; filename=\"gongkai-audit.txt\"");
	http_resp_header(c->resp, "Cache-Control", "private, no-store");
	http_resp_header(c->resp, "X-Audit-Key", arena_strdup(c->a, pub));
	return 0;
}

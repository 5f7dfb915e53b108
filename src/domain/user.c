/*
 * user.c — staff accounts (see user.h).
 */
#include "domain/user.h"

#include <string.h>
#include <time.h>

#include "base/crypto.h"
#include "domain/audit.h"
#include "domain/session.h"
#include "store/agency_store.h"
#include "text/jsonw.h"
#include "text/utf8.h"

const struct user_role_info user_roles[ROLE__MAX] = {
	[ROLE_OFFICER] = { "officer", "办理人员" },
	[ROLE_REVIEWER] = { "reviewer", "审核人员" },
	[ROLE_LEADER] = { "leader", "负责人" },
	[ROLE_ADMIN] = { "admin", "系统管理员" },
	[ROLE_SUPERVISOR] = { "supervisor", "监督人员" },
	[ROLE_SECURITY] = { "security", "安全管理员" },
	[ROLE_AUDITOR] = { "auditor", "审计管理员" },
};

int user_role_from_id(const char *s)
{
	for (int i = 0; s && i < ROLE__MAX; i++)
		if (strcmp(user_roles[i].id, s) == 0)
			return i;
	return -1;
}

/* ERR_INVALID naming role as no role of user_roles. */
static int unknown_role(const char *role, struct gk_error *e)
{
	return err_set(e, ERR_INVALID, "role", "没有“%s”这个角色（可选：officer、reviewer、leader、"
		       "supervisor、admin、security、auditor）", role ? role : "");
}

static int valid_login(const char *s)
{
	size_t len = strlen(s);

	if (len == 0 || len > 64 || !utf8_valid(s, len))
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return 0;
	return 1;
}

int user_password_rules(const char *pw, struct gk_error *e)
{
	int lower = 0, upper = 0, digit = 0, other = 0;

	if (pw == NULL || utf8_count(pw, strlen(pw)) < USER_PASSWORD_MIN)
		return err_set(e, ERR_INVALID, "password_file", "密码至少 %d 个字符",
			       USER_PASSWORD_MIN);
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++) {
		if (*p >= 'a' && *p <= 'z')
			lower = 1;
		else if (*p >= 'A' && *p <= 'Z')
			upper = 1;
		else if (*p >= '0' && *p <= '9')
			digit = 1;
		else
			other = 1;
	}
	if (lower + upper + digit + other < 3)
		return err_set(e, ERR_INVALID, "password_file", "密码须含以下四类中的三类："
			       "小写字母、大写字母、数字、其他字符");
	return 0;
}

struct reuse {
	const char *password;
	int seen, reused;
};

static int check_reuse(void *ctx, const char *hash, int64_t at)
{
	struct reuse *r = ctx;

	(void)at;
	if (r->seen++ >= USER_PASSWORD_HISTORY)
		return 1;
	r->reused |= crypto_password_verify(hash, r->password);
	return r->reused;
}

/* Record the hash of a new password of user id: refused (ERR_INVALID) when it is one of the
 * last USER_PASSWORD_HISTORY. */
static int remember_password(struct store *s, int64_t id, const char *password, const char *hash,
			     struct gk_error *e)
{
	struct reuse r = { password, 0, 0 };
	int rc = user_store(s)->history_list(s, id, check_reuse, &r, e);

	if (rc == 0 && r.reused)
		rc = err_set(e, ERR_INVALID, "password_file", "这个密码最近用过：须与最近 %d 个"
			     "密码都不同", USER_PASSWORD_HISTORY);
	if (rc == 0)
		rc = user_store(s)->history_add(s, id, hash, (int64_t)time(NULL),
						USER_PASSWORD_HISTORY, e);
	return rc;
}

static int newest(void *ctx, const char *hash, int64_t at)
{
	(void)hash;
	*(int64_t *)ctx = at;
	return 1;
}

int user_password_changed(struct store *s, int64_t id, int64_t *at, struct gk_error *e)
{
	*at = 0;
	return user_store(s)->history_list(s, id, newest, at, e);
}

int user_create(struct store *s, const struct user_new *in, int64_t *id, struct gk_error *e)
{
	struct user_rec r;
	struct arena a;
	struct buf js;
	struct jsonw w;
	char now[21], hash[CRYPTO_PWHASH_LEN];
	int rc;

	arena_init(&a);
	buf_init(&js, 0);
	memset(&r, 0, sizeof r);
	if (in->name == NULL || !valid_login(in->name)) {
		rc = err_set(e, ERR_INVALID, "NAME", "用户名须为 1–64 字节的 UTF-8 文字，不含"
			     "空格和控制字符");
		goto out;
	}
	r.name = in->name;
	r.display_name = in->display_name && *in->display_name ? in->display_name : in->name;
	if (strlen(r.display_name) > 200 || !utf8_valid(r.display_name, strlen(r.display_name))) {
		rc = err_set(e, ERR_INVALID, "display_name", "显示名称最多 200 字节（UTF-8）");
		goto out;
	}
	if (user_role_from_id(in->role) < 0) {
		rc = unknown_role(in->role, e);
		goto out;
	}
	r.role = in->role;
	if (in->agency_id) {
		struct agency_rec ag;
		if ((rc = agency_store(s)->get(s, in->agency_id, &a, &ag, e)) != 0)
			goto out;
		r.agency_id = in->agency_id;
	}
	if (in->password) {
		if ((rc = user_password_rules(in->password, e)) != 0)
			goto out;
		if ((rc = crypto_password_hash(in->password, hash, e)) != 0)
			goto out;
		r.password_hash = hash;
	}
	store_now(now);
	r.created_at = now;
	if ((rc = user_store(s)->insert(s, &r, id, e)) != 0) {
		if (rc == ERR_CONFLICT)
			err_set(e, rc, "NAME", "已有名为“%s”的用户", r.name);
		goto out;
	}
	if (r.password_hash && (rc = remember_password(s, *id, in->password, hash, e)) != 0)
		goto out;
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "name", r.name);
	jsonw_kstr(&w, "display_name", r.display_name);
	jsonw_kstr(&w, "role", r.role);
	jsonw_key(&w, "agency_id");
	if (r.agency_id)
		jsonw_int(&w, r.agency_id);
	else
		jsonw_null(&w);
	jsonw_kbool(&w, "password_set", r.password_hash != NULL);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0)
		goto out;
	rc = audit_record(s, r.agency_id, "user", *id, "create", buf_cstr(&js), e);
out:
	buf_free(&js);
	arena_free(&a);
	return rc;
}

int user_set_password(struct store *s, const char *name, const char *password,
		      struct gk_error *e)
{
	struct arena a;
	struct user_rec u;
	char hash[CRYPTO_PWHASH_LEN];
	int rc;

	arena_init(&a);
	if ((rc = user_store(s)->get_by_name(s, name, &a, &u, e)) != 0)
		goto out;
	if (password && (rc = user_password_rules(password, e)) != 0)
		goto out;
	if (password && (rc = crypto_password_hash(password, hash, e)) != 0)
		goto out;
	if (password && (rc = remember_password(s, u.id, password, hash, e)) != 0)
		goto out;
	if ((rc = user_store(s)->set_password(s, u.id, password ? hash : NULL, e)) != 0)
		goto out;
	/* Whoever knew the old password may hold a session: all of them end. */
	if ((rc = session_end_user(s, u.id, e)) != 0)
		goto out;
	rc = audit_record(s, u.agency_id, "user", u.id, password ? "set-password" : "clear-password",
			  "{}", e);
out:
	arena_free(&a);
	return rc;
}

int user_find(struct store *s, const char *name, struct arena *a, struct user_rec *out,
	      struct gk_error *e)
{
	return user_store(s)->get_by_name(s, name, a, out, e);
}

int user_get(struct store *s, int64_t id, struct arena *a, struct user_rec *out,
	     struct gk_error *e)
{
	return user_store(s)->get(s, id, a, out, e);
}

struct admin_count {
	int64_t except;   /* the account not to count */
	int n;
};

static int count_admin(void *ctx, const struct user_rec *r)
{
	struct admin_count *c = ctx;

	if (r->id != c->except && r->password_hash && strcmp(r->role, "security") == 0)
		c->n++;
	return 0;
}

/* Refuse (ERR_STATE) taking u's security-administrator role or its sign-in away when it is the
 * last one who can sign in: nobody could manage the accounts from the console any more. */
static int keep_an_admin(struct store *s, const struct user_rec *u, struct gk_error *e)
{
	struct admin_count c = { u->id, 0 };
	int rc;

	if (strcmp(u->role, "security") != 0 || u->password_hash == NULL)
		return 0;
	if ((rc = user_store(s)->list(s, count_admin, &c, e)) != 0)
		return rc;
	if (c.n == 0)
		return err_set(e, ERR_STATE, "NAME", "不允许：%s 是最后一个能登录的安全管理员",
			       u->name);
	return 0;
}

int user_disable(struct store *s, const char *name, const char *self, struct gk_error *e)
{
	struct arena a;
	struct user_rec u;
	int rc;

	arena_init(&a);
	if ((rc = user_store(s)->get_by_name(s, name, &a, &u, e)) != 0)
		goto out;
	if ((rc = keep_an_admin(s, &u, e)) != 0)
		goto out;
	if (self && strcmp(self, u.name) == 0) {
		rc = err_set(e, ERR_STATE, "NAME", "不允许：不能停用自己的账号");
		goto out;
	}
	rc = user_set_password(s, u.name, NULL, e);
out:
	arena_free(&a);
	return rc;
}

int user_set_role(struct store *s, const char *name, const char *role, int64_t agency_id,
		  const char *self, struct gk_error *e)
{
	struct arena a;
	struct user_rec u;
	struct buf js;
	struct jsonw w;
	int rc, r = user_role_from_id(role);

	arena_init(&a);
	buf_init(&js, 0);
	if ((rc = user_store(s)->get_by_name(s, name, &a, &u, e)) != 0)
		goto out;
	if (r < 0) {
		rc = unknown_role(role, e);
		goto out;
	}
	if (agency_id) {
		struct agency_rec ag;
		if ((rc = agency_store(s)->get(s, agency_id, &a, &ag, e)) != 0)
			goto out;
	} else if (r == ROLE_OFFICER || r == ROLE_REVIEWER || r == ROLE_LEADER) {
		rc = err_set(e, ERR_INVALID, "agency", "%s 角色的账号须属于一个机关",
			     user_roles[r].id);
		goto out;
	}
	if (strcmp(u.role, role) == 0 && u.agency_id == agency_id)
		goto out;  /* nothing changes, nothing to record */
	if (strcmp(u.role, role) != 0) {
		if (self && strcmp(self, u.name) == 0) {
			rc = err_set(e, ERR_STATE, "role", "不允许：不能更改自己的角色");
			goto out;
		}
		if ((rc = keep_an_admin(s, &u, e)) != 0)
			goto out;
	}
	if ((rc = user_store(s)->set_role(s, u.id, role, agency_id, e)) != 0)
		goto out;
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "role", role);
	jsonw_key(&w, "agency_id");
	if (agency_id)
		jsonw_int(&w, agency_id);
	else
		jsonw_null(&w);
	jsonw_kstr(&w, "old_role", u.role);
	jsonw_key(&w, "old_agency_id");
	if (u.agency_id)
		jsonw_int(&w, u.agency_id);
	else
		jsonw_null(&w);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0)
		goto out;
	rc = audit_record(s, agency_id ? agency_id : u.agency_id, "user", u.id, "set-role",
			  buf_cstr(&js), e);
out:
	buf_free(&js);
	arena_free(&a);
	return rc;
}

int user_authenticate(struct store *s, const char *name, const char *password, struct arena *a,
		      struct user_rec *out, struct gk_error *e)
{
	int rc = user_store(s)->get_by_name(s, name, a, out, e);

	if (rc == ERR_NOTFOUND || (rc == 0 && out->password_hash == NULL)) {
		/* An unknown or disabled account costs one argon2id verification like a wrong
		 * password, so the response time does not say which names exist. */
		crypto_password_verify_dummy(password);
		return err_set(e, ERR_FORBIDDEN, "", "用户名或密码错误");
	}
	if (rc == 0 && !crypto_password_verify(out->password_hash, password))
		return err_set(e, ERR_FORBIDDEN, "", "用户名或密码错误");
	return rc;
}

int user_list(struct store *s, user_row_fn fn, void *ctx, struct gk_error *e)
{
	return user_store(s)->list(s, fn, ctx, e);
}

/*
 * user.c — staff accounts (see user.h).
 */
#include "domain/user.h"

#include <string.h>

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
};

int user_role_from_id(const char *s)
{
	for (int i = 0; s && i < ROLE__MAX; i++)
		if (strcmp(user_roles[i].id, s) == 0)
			return i;
	return -1;
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
		rc = err_set(e, ERR_INVALID, "NAME", "a user name is 1-64 bytes of UTF-8 without "
			     "spaces or control characters");
		goto out;
	}
	r.name = in->name;
	r.display_name = in->display_name && *in->display_name ? in->display_name : in->name;
	if (strlen(r.display_name) > 200 || !utf8_valid(r.display_name, strlen(r.display_name))) {
		rc = err_set(e, ERR_INVALID, "--display-name", "at most 200 bytes of UTF-8");
		goto out;
	}
	if (user_role_from_id(in->role) < 0) {
		rc = err_set(e, ERR_INVALID, "--role", "unknown role '%s' (one of officer, reviewer, "
			     "leader, admin, supervisor)", in->role ? in->role : "");
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
		if (strlen(in->password) < USER_PASSWORD_MIN) {
			rc = err_set(e, ERR_INVALID, "--password-file", "the password must have at "
				     "least %d characters", USER_PASSWORD_MIN);
			goto out;
		}
		if ((rc = crypto_password_hash(in->password, hash, e)) != 0)
			goto out;
		r.password_hash = hash;
	}
	store_now(now);
	r.created_at = now;
	if ((rc = user_store(s)->insert(s, &r, id, e)) != 0) {
		if (rc == ERR_CONFLICT)
			err_set(e, rc, "NAME", "a user named '%s' already exists", r.name);
		goto out;
	}
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
	if (password && strlen(password) < USER_PASSWORD_MIN) {
		rc = err_set(e, ERR_INVALID, "--password-file", "the password must have at least %d "
			     "characters", USER_PASSWORD_MIN);
		goto out;
	}
	if (password && (rc = crypto_password_hash(password, hash, e)) != 0)
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

	if (r->id != c->except && r->password_hash && strcmp(r->role, "admin") == 0)
		c->n++;
	return 0;
}

/* Refuse (ERR_STATE) taking u's admin role or its sign-in away when it is the last admin who
 * can sign in: nobody could manage the accounts from the console any more. */
static int keep_an_admin(struct store *s, const struct user_rec *u, struct gk_error *e)
{
	struct admin_count c = { u->id, 0 };
	int rc;

	if (strcmp(u->role, "admin") != 0 || u->password_hash == NULL)
		return 0;
	if ((rc = user_store(s)->list(s, count_admin, &c, e)) != 0)
		return rc;
	if (c.n == 0)
		return err_set(e, ERR_STATE, "NAME", "refused: %s is the last admin who can sign in",
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
		rc = err_set(e, ERR_STATE, "NAME", "refused: you cannot disable your own account");
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
		rc = err_set(e, ERR_INVALID, "--role", "unknown role '%s' (one of officer, reviewer, "
			     "leader, admin, supervisor)", role ? role : "");
		goto out;
	}
	if (agency_id) {
		struct agency_rec ag;
		if ((rc = agency_store(s)->get(s, agency_id, &a, &ag, e)) != 0)
			goto out;
	} else if (r == ROLE_OFFICER || r == ROLE_REVIEWER || r == ROLE_LEADER) {
		rc = err_set(e, ERR_INVALID, "--agency", "an %s belongs to an organ",
			     user_roles[r].id);
		goto out;
	}
	if (strcmp(u.role, role) == 0 && u.agency_id == agency_id)
		goto out;  /* nothing changes, nothing to record */
	if (strcmp(u.role, role) != 0) {
		if (self && strcmp(self, u.name) == 0) {
			rc = err_set(e, ERR_STATE, "--role", "refused: you cannot change your own role");
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
		return err_set(e, ERR_FORBIDDEN, "", "wrong user name or password");
	}
	if (rc == 0 && !crypto_password_verify(out->password_hash, password))
		return err_set(e, ERR_FORBIDDEN, "", "wrong user name or password");
	return rc;
}

int user_list(struct store *s, user_row_fn fn, void *ctx, struct gk_error *e)
{
	return user_store(s)->list(s, fn, ctx, e);
}

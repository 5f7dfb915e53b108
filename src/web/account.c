/*
 * account.c — the signed-in staff member as the handlers see them (struct web_user, loaded
 * from the account at every request so a changed role counts at once), sign-in checks, and
 * how roles are named on pages.
 * May call: domain/, store/agency_store.h (the organ's name of the account; front ends are
 * to read organs through the domain), base/, web/.
 */
#include <string.h>
#include <time.h>

#include "domain/access.h"
#include "domain/agency.h"
#include "domain/user.h"
#include "web/webint.h"

const char *webint_role_label(const char *role)
{
	int r = user_role_from_id(role ? role : "");

	return r >= 0 ? user_roles[r].label : "未知角色";
}

const char *webint_role_key(int role_id)
{
	static const char *const keys[ROLE__MAX] = {
		[ROLE_OFFICER] = "is_officer", [ROLE_REVIEWER] = "is_reviewer",
		[ROLE_LEADER] = "is_leader", [ROLE_ADMIN] = "is_admin",
		[ROLE_SUPERVISOR] = "is_supervisor", [ROLE_SECURITY] = "is_security",
		[ROLE_AUDITOR] = "is_auditor",
	};
	return role_id >= 0 && role_id < ROLE__MAX ? keys[role_id] : "is_unknown";
}

int webint_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char d = 0;

	if (la != lb)
		return 0;
	for (size_t i = 0; i < la; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

static void fill_user(struct web_ctx *c, const struct user_rec *r, struct web_user *u)
{
	u->id = r->id;
	u->name = r->name;
	u->display_name = r->display_name && *r->display_name ? r->display_name : r->name;
	u->role = r->role;
	u->role_id = user_role_from_id(r->role);
	u->agency_id = r->agency_id;
	u->who = (struct access_who){ .role = u->role_id, .agency_id = r->agency_id };
	(void)c;
}

/* 1 if the server's policy asks u for a second factor. */
static int totp_required(const struct web_ctx *c, const struct web_user *u)
{
	switch (c->w->cfg->totp) {
	case WEB_TOTP_ALL: return 1;
	case WEB_TOTP_OPTIONAL: return 0;
	default: return access_reach(u->role_id) == REACH_ALL;  /* the three administrators */
	}
}

/* What the account must do before anything else: set up the second factor the policy asks
 * for, or change a password older than --password-max-age. */
static int load_duties(struct web_ctx *c, struct store *s, struct web_user *u)
{
	int64_t changed;
	int rc;

	if ((rc = user_totp_state(s, u->id, &u->totp_on, &c->err)) != 0)
		return rc;
	u->must_enrol = !u->totp_on && totp_required(c, u);
	if (c->w->cfg->password_max_age > 0) {
		if ((rc = user_password_changed(s, u->id, &changed, &c->err)) != 0)
			return rc;
		u->must_change = changed &&
			(int64_t)time(NULL) - changed > (int64_t)c->w->cfg->password_max_age * 86400;
	}
	return 0;
}

int webint_user_load(struct web_ctx *c, int64_t user_id, struct web_user *u)
{
	struct user_rec r;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = user_get(s, user_id, c->a, &r, &c->err);
	if (rc == 0 && r.password_hash == NULL)
		rc = err_set(&c->err, ERR_FORBIDDEN, "", "the account is disabled");
	if (rc == 0) {
		struct agency_rec ag;
		fill_user(c, &r, u);
		rc = load_duties(c, s, u);
		if (rc == 0 && r.agency_id && agency_get(s, r.agency_id, c->a, &ag, &c->err) == 0)
			u->organ = ag.name;
	}
	rc = web_finish(c, rc);
	err_clear(&c->err);
	return rc;
}

int webint_authenticate(struct web_ctx *c, const char *name, const char *password,
			struct web_user *u)
{
	struct user_rec r;
	struct store *s;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = user_authenticate(s, name, password, c->a, &r, &c->err);
	if (rc == 0) {
		struct agency_rec ag;
		fill_user(c, &r, u);
		rc = load_duties(c, s, u);
		if (rc == 0 && r.agency_id && agency_get(s, r.agency_id, c->a, &ag, &c->err) == 0)
			u->organ = ag.name;
	}
	rc = web_finish(c, rc);
	err_clear(&c->err);
	return rc;
}


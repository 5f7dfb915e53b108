/*
 * access.c — the table of actions and the roles allowed them, the reach of each role, and
 * the one rule access_may (see access.h).
 */
#include "domain/access.h"

#include "domain/agency.h"
#include "domain/user.h"

#define R(role) (1u << (role))
#define STAFF (R(ROLE_OFFICER) | R(ROLE_REVIEWER) | R(ROLE_LEADER) | R(ROLE_SUPERVISOR))
#define ADMINS (R(ROLE_ADMIN) | R(ROLE_SECURITY) | R(ROLE_AUDITOR))

static const struct {
	const char *name;
	unsigned roles;
} actions[ACT__MAX] = {
	[ACT_PUBLIC] = { "public", 0 },
	[ACT_CONSOLE] = { "console", STAFF | ADMINS },
	[ACT_APP_READ] = { "app-read", R(ROLE_OFFICER) | R(ROLE_LEADER) | R(ROLE_SUPERVISOR) },
	[ACT_APP_HANDLE] = { "app-handle", R(ROLE_OFFICER) | R(ROLE_LEADER) },
	[ACT_REPORT_READ] = { "report-read", R(ROLE_OFFICER) | R(ROLE_LEADER) | R(ROLE_SUPERVISOR) },
	[ACT_REPORT_EDIT] = { "report-edit", R(ROLE_OFFICER) | R(ROLE_LEADER) },
	[ACT_REPORT_PUBLISH] = { "report-publish", R(ROLE_LEADER) },
	[ACT_REGION_READ] = { "region-read", R(ROLE_SUPERVISOR) | R(ROLE_ADMIN) },
	[ACT_DOC_READ] = { "doc-read", STAFF | R(ROLE_ADMIN) },
	[ACT_DOC_WRITE] = { "doc-write", R(ROLE_OFFICER) },
	[ACT_DOC_REVIEW] = { "doc-review", R(ROLE_OFFICER) | R(ROLE_REVIEWER) | R(ROLE_LEADER) },
	[ACT_DOC_PUBLISH] = { "doc-publish", R(ROLE_OFFICER) | R(ROLE_LEADER) },
	[ACT_REG_READ] = { "register-read", R(ROLE_OFFICER) | R(ROLE_LEADER) | R(ROLE_SUPERVISOR) },
	[ACT_REG_WRITE] = { "register-write", R(ROLE_OFFICER) | R(ROLE_LEADER) },
	[ACT_ACCOUNTS] = { "accounts", R(ROLE_SECURITY) },
	[ACT_AUDIT_READ] = { "audit-read", R(ROLE_AUDITOR) | R(ROLE_LEADER) | R(ROLE_SUPERVISOR) },
	[ACT_AUDIT_EXPORT] = { "audit-export", R(ROLE_AUDITOR) },
	/* the wording of the organ's legal documents: the leader, who signs them off */
	[ACT_TEMPLATES] = { "notice-templates", R(ROLE_LEADER) },
};

unsigned access_roles(enum access_action act)
{
	return act < ACT__MAX ? actions[act].roles : 0;
}

const char *access_action_name(enum access_action act)
{
	return act < ACT__MAX ? actions[act].name : "?";
}

enum access_reach access_reach(int role)
{
	switch (role) {
	case ROLE_SUPERVISOR: return REACH_BELOW;
	case ROLE_ADMIN:
	case ROLE_SECURITY:
	case ROLE_AUDITOR: return REACH_ALL;
	default: return REACH_OWN;
	}
}

int access_may(const struct access_who *who, enum access_action act, int64_t organ)
{
	if (act == ACT_PUBLIC)
		return 1;
	if (who == NULL || who->role < 0 || who->role >= ROLE__MAX || act >= ACT__MAX ||
	    !(actions[act].roles & R(who->role)))
		return 0;
	if (organ == 0)
		return 1;
	switch (access_reach(who->role)) {
	case REACH_ALL:
		return 1;
	case REACH_BELOW:
		if (organ == who->agency_id)
			return 1;
		for (size_t i = 0; i < who->nbelow; i++)
			if (who->below[i] == organ)
				return 1;
		return 0;
	default:
		return organ == who->agency_id && organ > 0;
	}
}

struct org {
	int64_t id, parent;
};

struct orgs {
	struct org *v;
	size_t n, cap;
	struct arena *a;
};

static int collect_org(void *ctx, const struct agency_rec *r)
{
	struct orgs *o = ctx;

	struct org *g = ARENA_PUSH(o->a, o->v, o->n, o->cap, 32);

	g->id = r->id;
	g->parent = r->parent_id;
	return 0;
}

/* 1 if org is root or lies under it (following parents, bounded against cycles). */
static int under(const struct orgs *o, int64_t org, int64_t root)
{
	for (size_t hops = 0; org && hops <= o->n; hops++) {
		int64_t parent = 0;

		if (org == root)
			return 1;
		for (size_t i = 0; i < o->n; i++)
			if (o->v[i].id == org)
				parent = o->v[i].parent;
		org = parent;
	}
	return 0;
}

int access_load_below(struct store *s, struct access_who *who, struct arena *a,
		      struct gk_error *e)
{
	struct orgs o = { .a = a };
	int64_t *below;
	int rc;

	who->below_loaded = 1;
	if ((rc = agency_list(s, collect_org, &o, e)) != 0)
		return rc;
	below = arena_alloc(a, (o.n + 1) * sizeof *below);
	who->nbelow = 0;
	for (size_t i = 0; i < o.n; i++)
		if (under(&o, o.v[i].id, who->agency_id))
			below[who->nbelow++] = o.v[i].id;
	who->below = below;
	return 0;
}

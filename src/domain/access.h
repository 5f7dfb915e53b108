/*
 * access.h — who may do what, on which organ's records: the one rule (access_may) behind the
 * console's route table and every check of a record's organ.
 *
 * An action is allowed to a set of roles (the table in access.c); a role reaches its own
 * organ, the organs under its own (supervisor), or every organ (the three administrators).
 * 三员分立 (GB/T 22239-2019 8.1.4.2, 8.1.10.4): the system administrator (admin) runs the
 * system, the security administrator (security) manages accounts, roles and passwords, the
 * audit administrator (auditor) reads and exports the audit log and nothing else; an account
 * has exactly one role, so none holds two of them, and none of the three does the
 * disclosure work (documents, applications, reports are the staff's).
 * May call: domain/user.h, store/, base/.
 */
#ifndef GK_DOMAIN_ACCESS_H
#define GK_DOMAIN_ACCESS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store.h"

enum access_action {
	ACT_PUBLIC,          /* anyone, signed in or not */
	ACT_CONSOLE,         /* any signed-in staff member: the dashboard, their own password */
	ACT_APP_READ,        /* applications, their deadlines and letters */
	ACT_APP_HANDLE,      /* register an application, record its events, decide it */
	ACT_REPORT_READ,     /* the annual report of an organ */
	ACT_REPORT_EDIT,     /* its narrative sections */
	ACT_REPORT_PUBLISH,  /* publish it (the leader signs it off) */
	ACT_REGION_READ,     /* the region summary of reports */
	ACT_DOC_READ,        /* documents in the console, any state */
	ACT_DOC_WRITE,       /* draft, edit, submit */
	ACT_DOC_REVIEW,      /* 初审 / 复审 / 终审 (which stage: domain/publish.h) */
	ACT_DOC_PUBLISH,     /* publish or withdraw an approved document */
	ACT_REG_READ,        /* the registers */
	ACT_REG_WRITE,       /* add, edit, remove, import register entries */
	ACT_ACCOUNTS,        /* accounts, roles, password resets, failed sign-ins */
	ACT_AUDIT_READ,      /* the audit log */
	ACT_AUDIT_EXPORT,    /* the signed archive of the audit log */
	ACT_TEMPLATES,       /* replace or restore the organ's notice templates (its wording) */
	ACT__MAX
};

enum access_reach {
	REACH_OWN,           /* the organ of the account */
	REACH_BELOW,         /* that organ and every organ under it */
	REACH_ALL,           /* every organ, and records of no organ */
};

/* The organ argument of access_may for a record that belongs to no organ (an account without
 * one, a system-wide audit entry): only roles that reach every organ see it. */
#define ACCESS_NO_ORGAN (-1)

/* Who asks: the role (enum user_role), the account's organ, and for REACH_BELOW the organs
 * under it (access_load_below). */
struct access_who {
	int role;
	int64_t agency_id;
	const int64_t *below;   /* organs under agency_id, itself included */
	size_t nbelow;
	int below_loaded;
};

/* The roles (bits 1 << enum user_role) allowed act. */
unsigned access_roles(enum access_action act);
/* How far role reaches. */
enum access_reach access_reach(int role);

/* 1 if who may do act — on nothing in particular (organ 0), on the records of organ organ
 * (> 0), or on records of no organ (ACCESS_NO_ORGAN). For a REACH_BELOW role, load the
 * organs below first (access_load_below), else only its own organ is reached. */
int access_may(const struct access_who *who, enum access_action act, int64_t organ);

/* Fill who->below (in a) with who's organ and every organ under it. */
int access_load_below(struct store *s, struct access_who *who, struct arena *a,
		      struct gk_error *e) GK_WUR;

/* "ACT_DOC_REVIEW" → "doc-review": the action's name as `serve --routes` prints it. */
const char *access_action_name(enum access_action act);

#endif

/*
 * demo_web.h — what the demo database needs for the portal and the console (`gongkai demo`):
 * a staff account for every role with a random password (returned once, for printing),
 * applications of this year in every state of the lifecycle, dated back from today, so the
 * dashboard shows something due today, due within five working days, and overdue, and
 * documents of 慈周寨镇 in every stage of 三审 (draft … published, one withdrawn).
 * Runs inside the caller's write transaction, after demo_report_ledgers (it uses its organs).
 * May call domain/, store/, base/.
 */
#ifndef GK_DOMAIN_DEMO_WEB_H
#define GK_DOMAIN_DEMO_WEB_H

#include "base/err.h"
#include "domain/calendar.h"
#include "store/store.h"

#define DEMO_ACCOUNTS 8
#define DEMO_PASSWORD_LEN 13

struct demo_account {
	const char *name;          /* login name */
	const char *role;
	const char *organ;
	char password[DEMO_PASSWORD_LEN];
};

/* Add the accounts (their passwords into accounts[]) and the applications. */
int demo_web(struct store *s, const struct calendar *cal, int today,
	     struct demo_account accounts[DEMO_ACCOUNTS], struct gk_error *e) GK_WUR;

#endif

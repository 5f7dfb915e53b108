/*
 * glue.c — the web front end's link to the domain: the store connection of each worker
 * thread, the signed-in user's record, role names.
 * May call: domain/, store/ (opening only), base/.
 */
#include <stdlib.h>
#include <string.h>

#include "web/webint.h"

static const struct {
	const char *role, *label, *key;
	unsigned bit;
} roles[] = {
	{ "officer", "经办人员", "is_officer", ROLE_OFFICER },
	{ "reviewer", "审核人员", "is_reviewer", ROLE_REVIEWER },
	{ "leader", "分管领导", "is_leader", ROLE_LEADER },
	{ "admin", "系统管理员", "is_admin", ROLE_ADMIN },
	{ "supervisor", "上级监督", "is_supervisor", ROLE_SUPERVISOR },
};

const char *webint_role_label(const char *role)
{
	for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].role, role) == 0)
			return roles[i].label;
	return "未知角色";
}

const char *webint_role_key(unsigned bit)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].bit == bit)
			return roles[i].key;
	return "is_unknown";
}

unsigned webint_role_bit(const char *role)
{
	for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].role, role) == 0)
			return roles[i].bit;
	return 0;
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

int webint_open(struct web *w, struct gk_error *e)
{
	(void)e;
	pthread_mutex_init(&w->stores_mu, NULL);
	return 0;
}

void webint_close(struct web *w)
{
	pthread_mutex_destroy(&w->stores_mu);
}

int webint_user_load(struct web_ctx *c, int64_t user_id, struct web_user *u)
{
	(void)c;
	(void)user_id;
	(void)u;
	return -1;
}

const char *webint_site_name(struct web_ctx *c)
{
	(void)c;
	return "政府信息公开";
}

int webint_authenticate(struct web_ctx *c, const char *name, const char *password,
			struct web_user *u)
{
	(void)c;
	(void)name;
	(void)password;
	(void)u;
	return -1;
}

/*
 * publish_rules.c — the 三审 rules as data and one pure check (see publish.h).
 *
 * Practice (docs/spec/index-and-catalogue.md §6): 初审 by the office head, 复审 by the leader in
 * charge, 终审 by the principal leader with the 保密审查. Law: 条例 Art. 17 (保密审查).
 */
#include "domain/publish.h"

#include <string.h>

const struct publish_stage publish_stages[STAGE__MAX] = {
	{ "first", "初审", DOC_FIRST, DOC_SECOND, "officer|reviewer|leader", 0 },
	{ "second", "复审", DOC_SECOND, DOC_FINAL, "reviewer|leader", 0 },
	{ "final", "终审", DOC_FINAL, DOC_APPROVED, "leader", 1 },
};

int publish_stage_parse(const char *s)
{
	for (int i = 0; i < STAGE__MAX; i++)
		if (strcmp(s, publish_stages[i].id) == 0 || strcmp(s, publish_stages[i].label) == 0)
			return i;
	return -1;
}

/* 1 if role is one of the '|'-separated names in roles. */
static int role_allowed(const char *roles, const char *role)
{
	size_t n = strlen(role);

	for (const char *p = roles; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && memcmp(p, role, n) == 0)
			return 1;
		p += len + (bar != NULL);
	}
	return 0;
}

int publish_review_check(enum doc_state state, const char *author, const struct review_rec *prior,
			 size_t n, const struct review_request *req, struct gk_error *e)
{
	const struct publish_stage *st = &publish_stages[req->stage];

	/* REQ 三审-1: stages in order, only on a submitted document */
	if (state < DOC_FIRST || state > DOC_FINAL)
		return err_set(e, ERR_STATE, "stage", "文件目前是“%s”，不在审核中%s",
			       doc_state_labels[state], state == DOC_DRAFT ? "（请先提交审核）" : "");
	if (state != st->awaiting)
		return err_set(e, ERR_STATE, "stage",
			       "文件等待%s，不是%s：三审须依次进行",
			       publish_stages[state - DOC_FIRST].label, st->label);
	/* REQ 三审-2: a different person at each stage, never the author */
	if (author && strcmp(req->reviewer, author) == 0)
		return err_set(e, ERR_FORBIDDEN, "by",
			       "%s 是本文件的起草人，不能审核本文件", req->reviewer);
	for (size_t i = 0; i < n; i++)
		if (strcmp(prior[i].reviewer, req->reviewer) == 0)
			return err_set(e, ERR_FORBIDDEN, "by",
				       "%s 已经做过本文件的%s；每一审须由不同的人进行",
				       req->reviewer,
				       publish_stages[prior[i].stage].label);
	/* REQ 三审-3 */
	if (!role_allowed(st->roles, req->role))
		return err_set(e, ERR_FORBIDDEN, "by", "%s 的角色是 %s；%s由以下角色进行：%s",
			       req->reviewer, req->role, st->label, st->roles);
	/* REQ 三审-4 */
	if (!req->approve && (req->comment == NULL || !req->comment[0]))
		return err_set(e, ERR_INVALID, "comment",
			       "退回须写明理由，起草人才能据以修改");
	/* REQ 条例-17: 保密审查 before publication */
	if (req->approve && st->secrecy_required && !req->secrecy_checked)
		return err_set(e, ERR_STATE, "secrecy_checked",
			       "%s通过前须确认已经保密审查（涉密信息不上网）", st->label);
	return 0;
}

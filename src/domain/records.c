/*
 * records.c — the declaration of an account as the ledger export carries it (see records.h;
 * the records the store binds by their declaration are store/records.c's).
 */
#include "domain/records.h"

#include <stddef.h>
#include <stdint.h>

#include "domain/user.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define REQ DESC_REQUIRED

#define U(m, t, f, l) DESC_MEMBER(user_new, m, t, f, l)
static const struct desc_field user_account_fields[] = {
	U(name, DESC_LINE, REQ, "登录名"),
	U(display_name, DESC_LINE, 0, "姓名"),
	U(role, DESC_LINE, REQ, "角色"),
};
const struct desc_record user_account_desc = { "user", "工作人员账号", user_account_fields,
					       N(user_account_fields) };

/*
 * records.c — the declarations of the stored records the store does not bind field by field
 * (see records.h; the others are store/records.c's).
 */
#include "domain/records.h"

#include <stddef.h>
#include <stdint.h>

#include "domain/user.h"
#include "store/agency_store.h"
#include "store/app_store.h"
#include "store/doc_store.h"
#include "store/report_store.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define REQ DESC_REQUIRED
#define PERS DESC_PERSONAL

/* A notice issued for an application (domain/notice_ref.h): its number, and the wording it was
 * issued in, kept so that it reads the same wherever the ledger goes. */
#define NI(m, t, f, l) DESC_MEMBER(notice_issued, m, t, f, l)
static const struct desc_field notice_issued_fields[] = {
	NI(notice, DESC_LINE, REQ, "告知书"),
	NI(ref_number, DESC_LINE, REQ, "文号"),
	DESC_COUNT(notice_issued, year, 9999, "文号的年份（0：不分年份）"),
	DESC_COUNT(notice_issued, serial, (size_t)(INT64_MAX / 2), "文号的顺序号"),
	NI(version, DESC_LINE, REQ, "文书版本"),
	NI(wording, DESC_TEXT, 0, "出具时的文书模板"),
	NI(issued_on, DESC_DAY, REQ, "出具日期"),
	NI(issued_by, DESC_LINE, REQ, "出具人"),
};
const struct desc_record notice_issued_desc = { "notice_issued", "已出具的告知书",
						notice_issued_fields, N(notice_issued_fields) };

#define AT(m, t, f, l) DESC_MEMBER(doc_attachment, m, t, f, l)
static const struct desc_field doc_attachment_fields[] = {
	AT(name, DESC_LINE, REQ, "文件名"),
	AT(mime, DESC_LINE, REQ, "文件类型"),
	AT(sha256, DESC_LINE, REQ, "SHA-256"),
};
const struct desc_record doc_attachment_desc = { "document_attachment", "附件",
						 doc_attachment_fields, N(doc_attachment_fields) };

#define T(m, t, f, l) DESC_MEMBER(report_text_rec, m, t, f, l)
static const struct desc_field report_text_fields[] = {
	T(section, DESC_LINE, REQ, "章节"),
	T(body, DESC_TEXT, REQ, "正文"),
	T(updated_at, DESC_STAMP, REQ, "更新时间"),
	T(updated_by, DESC_LINE, REQ, "更新人"),
};
const struct desc_record report_text_desc = { "report_text", "年度报告文字部分",
					      report_text_fields, N(report_text_fields) };

#define U(m, t, f, l) DESC_MEMBER(user_new, m, t, f, l)
static const struct desc_field user_account_fields[] = {
	U(name, DESC_LINE, REQ, "登录名"),
	U(display_name, DESC_LINE, 0, "姓名"),
	U(role, DESC_LINE, REQ, "角色"),
};
const struct desc_record user_account_desc = { "user", "工作人员账号", user_account_fields,
					       N(user_account_fields) };

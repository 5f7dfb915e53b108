/*
 * routes.c — THE table of HTTP routes: method, path pattern, the action it performs (the roles
 * allowed it and their reach over organs are domain/access.h's one table: access_may), flags, the input fields each handler receives validated (name, type,
 * required, maximum length, label for messages), and for a public form the limit it counts
 * against (each its own: --form-limit NAME=N). Nothing else decides who may do what.
 */
#include <stdint.h>
#include <stdio.h>

#include "domain/application.h"
#include "domain/catalogue.h"
#include "domain/records.h"
#include "web/app.h"
#include "web/handlers.h"
#include "web/web.h"

#define FIELDS(...) ((const struct web_field[]){ __VA_ARGS__, { NULL, 0, 0, 0, NULL, NULL } })

/* The fields of a document (new: the title is required; edit: everything optional), as the
 * domain's declaration of a document (store/records.c) names them: it gives their labels and
 * limits and says what is wrong, in the same words as on the command line; the route only
 * bounds their size (WEB_BOUND of the declared limit). */
#define DOC_FIELD(name, type) { name, type, 0, 0, NULL, &doc_desc }
#define DOC_FIELDS(REQ) FIELDS({ "title", F_LINE, REQ, 0, NULL, &doc_desc }, \
		 DOC_FIELD("body", F_TEXT), DOC_FIELD("doc_no", F_LINE), \
		 DOC_FIELD("publisher", F_LINE), { "signed_date", F_LINE, 0, 40, NULL, &doc_desc }, \
		 DOC_FIELD("topic", F_LINE), DOC_FIELD("genre", F_LINE), \
		 DOC_FIELD("disclosure", F_LINE), DOC_FIELD("withheld_reason", F_TEXT), \
		 DOC_FIELD("withheld_ground", F_LINE), DOC_FIELD("summary", F_TEXT), \
		 DOC_FIELD("keywords", F_LINE), { "attachment", F_FILE, 0, 0, "附件", NULL })

/* A register entry's fields come from the register's table (domain/register.h), whose rules
 * check each value: the route only bounds their size (5000 characters of 4 bytes at most). */
#define REG_ENTRY_FIELDS FIELDS({ "*", F_TEXT, 0, 20000, "登记内容", NULL })

/* REQ 条例-29: the content of an application (web/appform.h), online or registered by staff.
 * phone, address and email make up the application's contact, whose limit (domain
 * APP_CONTACT_MAX) holds all three with their labels; doc_title, doc_no and description its
 * request (APP_REQUEST_MAX), medium and delivery its form (APP_FORM_MAX). The others
 * (APP_FIELD: the applicant's type, name and identity number) go to the application as typed
 * (web/appform.c): the domain's declaration (app_new_desc) gives their labels and limits and
 * says what is wrong, in the same words as on the command line; the route only bounds their
 * size (WEB_BOUND). */
#define APP_FIELD(name, req) { name, F_LINE, req, 0, NULL, &app_new_desc }
#define ART29_FIELDS \
	APP_FIELD("applicant_type", 1), APP_FIELD("applicant_name", 1), APP_FIELD("id_number", 0), \
	{ "phone", F_LINE, 0, 40, "联系电话", NULL }, \
	{ "address", F_LINE, 0, 300, "通信地址", NULL }, { "email", F_LINE, 0, 200, "电子邮箱", NULL }, \
	{ "doc_title", F_LINE, 0, 500, "信息名称", NULL }, { "doc_no", F_LINE, 0, 200, "文号", NULL }, \
	{ "description", F_TEXT, 0, 6000, "特征性描述", NULL }, { "medium", F_LINE, 0, 40, "载体形式", NULL }, \
	{ "delivery", F_LINE, 0, 40, "获取方式", NULL }

const struct web_route web_routes[] = {
	/* public portal */
	{ "GET", "/", ACT_PUBLIC, 0, NULL, h_home },
	{ "GET", "/prefs/text", ACT_PUBLIC, 0,
	  FIELDS({ "size", F_LINE, 1, 16, "字号", NULL }, { "back", F_LINE, 0, 512, "返回页面", NULL }),
	  h_text_size },
	{ "GET", "/prefs/contrast", ACT_PUBLIC, 0,
	  FIELDS({ "mode", F_LINE, 1, 16, "配色", NULL }, { "back", F_LINE, 0, 512, "返回页面", NULL }),
	  h_contrast },

	{ "GET", "/reports", ACT_PUBLIC, 0, NULL, h_reports },
	{ "GET", "/reports/:agency/:year", ACT_PUBLIC, 0, FIELDS({ "revision", F_INT, 0, 1000, "修订版本", NULL }),
	  h_report },
	{ "GET", "/reports/:agency/:year/:rev/:kind", ACT_PUBLIC, 0, NULL, h_report_download },
	{ "GET", "/catalogue", ACT_PUBLIC, 0,
	  FIELDS({ "topic", F_LINE, 0, 100, "主题分类", NULL }, { "genre", F_LINE, 0, 40, "体裁", NULL },
		 { "year", F_INT, 0, 2199, "年份", NULL }, { "agency", F_INT, 0, INT32_MAX, "机关", NULL },
		 { "page", F_INT, 0, 100000, "页码", NULL }),
	  h_catalogue },
	{ "GET", "/doc/:id", ACT_PUBLIC, 0, NULL, h_doc },
	{ "GET", "/doc/:id/attachments/:n", ACT_PUBLIC, 0, NULL, h_doc_attachment },
	{ "GET", "/docs/:id", ACT_PUBLIC, 0, NULL, h_doc },  /* the form the Atom feed links to */
	{ "GET", "/guide", ACT_PUBLIC, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "机关", NULL }), h_guide },
	{ "GET", "/feed.xml", ACT_PUBLIC, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "机关", NULL }), h_feed },
	{ "GET", "/search", ACT_PUBLIC, R_FORM,
	  FIELDS({ "q", F_LINE, 0, 200, "检索词", NULL }, { "topic", F_LINE, 0, 100, "主题分类", NULL },
		 { "genre", F_LINE, 0, 40, "体裁", NULL }, { "year", F_INT, 0, 2199, "年份", NULL },
		 { "agency", F_INT, 0, INT32_MAX, "机关", NULL }, { "validity", F_LINE, 0, 20, "有效性", NULL },
		 { "sort", F_LINE, 0, 10, "排序", NULL }, { "size", F_INT, 0, 100, "每页条数", NULL },
		 { "page", F_INT, 0, 100000, "页码", NULL }),
	  h_search },
	{ "GET", "/apply", ACT_PUBLIC, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "受理机关", NULL }), h_apply_form },
	{ "POST", "/apply", ACT_PUBLIC, R_FORM | R_LIMITED(WEB_FORM_APPLY),
	  FIELDS({ "agency", F_INT, 1, INT32_MAX, "受理机关", NULL }, ART29_FIELDS), h_apply },
	{ "GET", "/track", ACT_PUBLIC, 0, NULL, h_track_form },
	{ "POST", "/track", ACT_PUBLIC, R_FORM | R_LIMITED(WEB_FORM_TRACK),
	  FIELDS({ "code", F_LINE, 1, 32, "查询码", NULL }, { "secret", F_LINE, 1, 64, "查询密码", NULL }),
	  h_track },
	/* the signed-in applicant (domain/applicant.h): each action counts against the same limit */
	{ "POST", "/track/signout", ACT_PUBLIC, R_FORM, NULL, h_track_signout },
	{ "POST", "/track/correct", ACT_PUBLIC, R_FORM | R_LIMITED(WEB_FORM_TRACK),
	  FIELDS({ "text", F_TEXT, 1, 6000, "补正内容", NULL }, { "file1", F_FILE, 0, 0, "补正材料（一）", NULL },
		 { "file2", F_FILE, 0, 0, "补正材料（二）", NULL }, { "file3", F_FILE, 0, 0, "补正材料（三）", NULL }),
	  h_track_correct },
	{ "GET", "/track/withdraw", ACT_PUBLIC, 0, NULL, h_track_withdraw_form },
	{ "POST", "/track/withdraw", ACT_PUBLIC, R_FORM | R_LIMITED(WEB_FORM_TRACK),
	  FIELDS({ "confirm", F_LINE, 0, 8, "确认撤回", NULL }), h_track_withdraw },
	{ "POST", "/track/confirm", ACT_PUBLIC, R_FORM | R_LIMITED(WEB_FORM_TRACK), NULL, h_track_confirm },
	{ "GET", "/track/notices/:id/:kind", ACT_PUBLIC, 0, NULL, h_track_notice },
	{ "GET", "/feedback", ACT_PUBLIC, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "受理机关", NULL }), h_feedback_form },
	{ "POST", "/feedback", ACT_PUBLIC, R_FORM | R_LIMITED(WEB_FORM_FEEDBACK),
	  FIELDS({ "agency", F_INT, 1, INT32_MAX, "受理机关", NULL }, { "text", F_TEXT, 1, 6000, "意见内容", NULL },
		 { "contact", F_LINE, 0, 200, "联系方式", NULL }),
	  h_feedback },

	/* staff console */
	{ "GET", "/console/login", ACT_PUBLIC, 0, FIELDS({ "next", F_LINE, 0, 512, "登录后前往", NULL }), h_login_form },
	{ "POST", "/console/login", ACT_PUBLIC, R_FORM | R_LOGIN,
	  FIELDS({ "user", F_LINE, 1, 64, "用户名", NULL }, { "password", F_LINE, 1, 256, "密码", NULL },
		 { "code", F_LINE, 0, 16, "动态验证码", NULL }, { "next", F_LINE, 0, 512, "登录后前往", NULL }),
	  h_login },
	{ "POST", "/console/logout", ACT_CONSOLE, R_SETUP, NULL, h_logout },
	{ "GET", "/console/totp", ACT_CONSOLE, R_SETUP, NULL, h_totp_form },
	{ "POST", "/console/totp", ACT_CONSOLE, R_FORM | R_SETUP,
	  FIELDS({ "code", F_LINE, 1, 16, "动态验证码", NULL }), h_totp },
	{ "GET", "/console", ACT_CONSOLE, 0, NULL, h_dashboard },

	{ "GET", "/console/applications", ACT_APP_READ, R_FORM,
	  FIELDS({ "state", F_LINE, 0, 32, "状态", NULL }, { "overdue", F_LINE, 0, 8, "已超期", NULL },
		 { "due_within", F_INT, 0, 60, "剩余工作日", NULL }, { "year", F_INT, 0, 2199, "年度", NULL },
		 { "agency", F_INT, 0, INT32_MAX, "机关", NULL }),
	  h_apps },
	/* paper, in-person, post, fax … applications registered by staff (before /:id) */
	{ "GET", "/console/applications/new", ACT_APP_HANDLE, 0, NULL, h_app_new_form },
	{ "POST", "/console/applications/new", ACT_APP_HANDLE, R_FORM,
	  FIELDS(APP_FIELD("channel", 1), { "received", F_DATE, 1, 10, "收到日期", NULL },
		 { "confirmed", F_DATE, 0, 10, "确认收到日期", NULL }, ART29_FIELDS),
	  h_app_new },
	{ "GET", "/console/applications/:id", ACT_APP_READ, 0, NULL, h_app },
	{ "POST", "/console/applications/:id/event", ACT_APP_HANDLE, R_FORM,
	  FIELDS({ "kind", F_LINE, 1, 40, "办理事项", NULL }, { "date", F_DATE, 1, 10, "日期", NULL },
		 { "note", F_TEXT, 0, 4000, "说明", NULL }, { "approver", F_LINE, 0, 100, "批准人", NULL },
		 { "amount", F_LINE, 0, 20, "金额（元）", NULL }, { "period", F_INT, 0, 1000, "期限（工作日）", NULL },
		 { "due", F_DATE, 0, 10, "期限截止日", NULL }, { "late_reason", F_TEXT, 0, 2000, "逾期接受的理由", NULL },
		 { "party", F_LINE, 0, 20, "征求意见对象", NULL }, { "counterpart", F_LINE, 0, 200, "被征求意见方名称", NULL },
		 { "ref", F_INT, 0, 32, "第几次征求意见", NULL }, { "workdays", F_INT, 0, 1000, "工作日数", NULL },
		 { "method", F_LINE, 0, 20, "计收方式", NULL }, { "pages", F_INT, 0, 1000000, "页数", NULL }),
	  h_app_event },
	{ "POST", "/console/applications/:id/decide", ACT_APP_HANDLE, R_FORM,
	  FIELDS({ "outcome", F_LINE, 1, 40, "处理结果", NULL }, { "date", F_DATE, 1, 10, "答复日期", NULL },
		 { "basis", F_TEXT, 0, 8000, "依据和理由", NULL },
		 { "responsible_organ", F_LINE, 0, 200, "负责公开的机关", NULL },
		 { "responsible_contact", F_LINE, 0, 300, "该机关的联系方式", NULL }),
	  h_app_decide },
	{ "GET", "/console/applications/:id/letter", ACT_APP_READ, 0, NULL,
	  h_app_letter },
	{ "GET", "/console/applications/:id/letter.docx", ACT_APP_READ, 0, NULL,
	  h_app_letter_docx },
	{ "GET", "/console/applications/:id/letter.pdf", ACT_APP_READ, 0, NULL,
	  h_app_letter_pdf },
	{ "GET", "/console/applications/:id/letter.ofd", ACT_APP_READ, 0, NULL,
	  h_app_letter_ofd },
	{ "GET", "/console/applications/:id/notices/:notice/:format", ACT_APP_READ, 0, NULL,
	  h_app_notice },
	{ "POST", "/console/applications/:id/notices/:notice/issue", ACT_APP_HANDLE, R_FORM, NULL,
	  h_app_notice_issue },
	{ "GET", "/console/applications/:id/files/:n", ACT_APP_READ, 0, NULL, h_app_file },
	{ "GET", "/console/reports", ACT_REPORT_READ, R_FORM,
	  FIELDS({ "year", F_INT, 0, 2199, "年度", NULL }), h_report_console },
	{ "GET", "/console/reports/region", ACT_REGION_READ, R_FORM,
	  FIELDS({ "year", F_INT, 0, 2199, "年度", NULL }, { "agency", F_INT, 0, INT32_MAX, "机关", NULL },
		 { "draft", F_LINE, 0, 1, "按台账计算", NULL }),
	  h_report_region },
	{ "GET", "/console/reports/region/:kind", ACT_REGION_READ, 0,
	  FIELDS({ "year", F_INT, 0, 2199, "年度", NULL }, { "agency", F_INT, 0, INT32_MAX, "机关", NULL },
		 { "draft", F_LINE, 0, 1, "按台账计算", NULL }),
	  h_report_region_download },
	{ "POST", "/console/reports/text", ACT_REPORT_EDIT, R_FORM,
	  FIELDS({ "year", F_INT, 1, 2199, "年度", NULL }, { "section", F_LINE, 1, 20, "章节", NULL },
		 { "text", F_TEXT, 0, 256 * 1024, "正文", NULL }),
	  h_report_text },
	{ "POST", "/console/reports/publish", ACT_REPORT_PUBLISH, R_FORM,
	  FIELDS({ "year", F_INT, 1, 2199, "年度", NULL }, { "reason", F_TEXT, 0, 2000, "修订理由", NULL }),
	  h_report_publish },
	{ "GET", "/console/documents", ACT_DOC_READ, R_FORM,
	  FIELDS({ "state", F_LINE, 0, 20, "状态", NULL }), h_docs },
	{ "GET", "/console/documents/new", ACT_DOC_WRITE, 0, NULL, h_doc_new_form },
	{ "POST", "/console/documents/new", ACT_DOC_WRITE, R_FORM, DOC_FIELDS(1), h_doc_new },
	{ "GET", "/console/documents/:id", ACT_DOC_READ, 0,
	  NULL, h_doc_console },
	{ "GET", "/console/documents/:id/attachments/:n",
	  ACT_DOC_READ, 0, NULL, h_doc_console_attachment },
	{ "POST", "/console/documents/:id/edit", ACT_DOC_WRITE, R_FORM, DOC_FIELDS(0), h_doc_edit },
	{ "POST", "/console/documents/:id/submit", ACT_DOC_WRITE, R_FORM, NULL, h_doc_submit },
	{ "POST", "/console/documents/:id/review", ACT_DOC_REVIEW, R_FORM,
	  FIELDS({ "stage", F_LINE, 1, 16, "审核环节", NULL }, { "decision", F_LINE, 1, 16, "审核意见", NULL },
		 { "comment", F_TEXT, 0, 4000, "意见说明", NULL }, { "secrecy", F_LINE, 0, 8, "保密审查", NULL }),
	  h_doc_review },
	{ "POST", "/console/documents/:id/publish", ACT_DOC_PUBLISH, R_FORM,
	  FIELDS({ "at", F_DATE, 0, 10, "发布日期", NULL }), h_doc_publish },
	{ "POST", "/console/documents/:id/withdraw", ACT_DOC_PUBLISH, R_FORM,
	  FIELDS({ "reason", F_TEXT, 1, 2000, "撤回理由", NULL }), h_doc_withdraw },
	{ "GET", "/console/registers", ACT_REG_READ, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "机关", NULL }),
	  h_registers },
	{ "GET", "/console/registers/:reg", ACT_REG_READ, R_FORM,
	  FIELDS({ "agency", F_INT, 0, INT32_MAX, "机关", NULL }, { "page", F_INT, 0, 100000, "页码", NULL },
		 { "imported", F_INT, 0, INT32_MAX, "导入条数", NULL }),
	  h_register_list },
	{ "GET", "/console/registers/:reg/new", ACT_REG_WRITE, 0, NULL, h_register_new_form },
	{ "POST", "/console/registers/:reg/new", ACT_REG_WRITE, R_FORM, REG_ENTRY_FIELDS, h_register_add },
	{ "POST", "/console/registers/:reg/import", ACT_REG_WRITE, R_FORM,
	  FIELDS({ "csv", F_FILE, 1, 0, "CSV 文件", NULL }), h_register_import },
	{ "GET", "/console/registers/:reg/:id", ACT_REG_READ, 0, FIELDS({ "agency", F_INT, 0, INT32_MAX, "机关", NULL }),
	  h_register_entry },
	{ "POST", "/console/registers/:reg/:id", ACT_REG_WRITE, R_FORM, REG_ENTRY_FIELDS, h_register_edit },
	{ "POST", "/console/registers/:reg/:id/remove", ACT_REG_WRITE, R_FORM,
	  FIELDS({ "confirm", F_LINE, 1, 8, "确认删除", NULL }), h_register_remove },
	/* the organ's notice templates (文书模板): staff read them, the leader changes them */
	{ "GET", "/console/templates", ACT_APP_READ, 0, NULL, h_templates },
	{ "GET", "/console/templates/:kind", ACT_APP_READ, 0, NULL, h_template },
	{ "GET", "/console/templates/:kind/:which", ACT_APP_READ, 0, NULL, h_template_file },
	{ "POST", "/console/templates/:kind", ACT_TEMPLATES, R_FORM,
	  FIELDS({ "file", F_FILE, 1, 0, "模板文件", NULL }), h_template_upload },
	{ "POST", "/console/templates/:kind/revert", ACT_TEMPLATES, 0, NULL, h_template_revert },
	{ "GET", "/console/users", ACT_ACCOUNTS, 0, NULL, h_users },
	{ "POST", "/console/users", ACT_ACCOUNTS, R_FORM,
	  FIELDS({ "name", F_LINE, 1, 64, "用户名", NULL }, { "display_name", F_LINE, 0, 100, "姓名", NULL },
		 { "role", F_LINE, 1, 16, "角色", NULL }, { "agency", F_INT, 0, INT32_MAX, "所属机关", NULL },
		 { "password", F_LINE, 1, 256, "初始密码", NULL }),
	  h_user_add },
	{ "GET", "/console/users/:id", ACT_ACCOUNTS, 0, NULL, h_user },
	{ "POST", "/console/users/:id/password", ACT_ACCOUNTS, R_FORM,
	  FIELDS({ "password", F_LINE, 1, 256, "新密码", NULL }, { "password2", F_LINE, 1, 256, "确认新密码", NULL }),
	  h_user_password },
	{ "POST", "/console/users/:id/disable", ACT_ACCOUNTS, R_FORM, NULL, h_user_disable },
	{ "POST", "/console/users/:id/totp-reset", ACT_ACCOUNTS, R_FORM, NULL, h_user_totp_reset },
	{ "POST", "/console/users/:id/role", ACT_ACCOUNTS, R_FORM,
	  FIELDS({ "role", F_LINE, 1, 16, "角色", NULL }, { "agency", F_INT, 0, INT32_MAX, "所属机关", NULL }),
	  h_user_role },
	{ "GET", "/console/password", ACT_CONSOLE, R_SETUP,
	  FIELDS({ "done", F_LINE, 0, 1, "已修改", NULL }, { "expired", F_LINE, 0, 1, "已过期", NULL }),
	  h_password_form },
	{ "POST", "/console/password", ACT_CONSOLE, R_FORM | R_SETUP,
	  FIELDS({ "current", F_LINE, 1, 256, "当前密码", NULL }, { "password", F_LINE, 1, 256, "新密码", NULL },
		 { "password2", F_LINE, 1, 256, "确认新密码", NULL }),
	  h_password },
	{ "GET", "/console/audit", ACT_AUDIT_READ, 0, NULL, h_audit },
	{ "GET", "/console/audit/export", ACT_AUDIT_EXPORT, 0, NULL, h_audit_export },

	{ NULL, NULL, ACT_PUBLIC, 0, NULL, NULL },
};

void web_routes_print(FILE *f)
{
	for (const struct web_route *r = web_routes; r->pattern; r++) {
		unsigned roles = access_roles(r->action);
		const char *sep = "";

		fprintf(f, "%s %s ", r->method, r->pattern);
		if (r->action == ACT_PUBLIC)
			fputs("public", f);
		for (int i = 0; i < ROLE__MAX; i++)
			if (roles & (1u << i)) {
				fprintf(f, "%s%s", sep, user_roles[i].id);
				sep = ",";
			}
		fprintf(f, " %s\n", access_action_name(r->action));
	}
}

const struct web_form_limit web_form_limits[WEB_FORM__MAX] = {
	[WEB_FORM_APPLY] = { "apply", 10 },
	[WEB_FORM_TRACK] = { "track", 30 },
	[WEB_FORM_FEEDBACK] = { "feedback", 10 },
};

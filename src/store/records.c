/*
 * records.c — the declarations of the records the store reads and writes field by field
 * (see records.h).
 */
#include "store/records.h"

#include <stddef.h>
#include <stdint.h>

#include "store/agency_store.h"
#include "store/app_store.h"
#include "store/doc_store.h"
#include "store/report_store.h"
#include "store/user_store.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define REQ DESC_REQUIRED
#define PERS DESC_PERSONAL

#define A(m, t, f, l) DESC_MEMBER(app_rec, m, t, f, l)
/* the texts an applicant or the office gives, with the limits app_new_desc checks them by */
#define AM(m, t, max, f, l) DESC_MEMBER_MAX(app_rec, m, t, max, f, l)
static const struct desc_field app_rec_fields[] = {
	A(tracking_code, DESC_LINE, REQ, "查询码"),
	A(secret_hash, DESC_LINE, REQ | DESC_SECRET, "查询密码（散列值）"),
	A(received, DESC_DAY, REQ, "收到申请日期"),
	AM(channel, DESC_LINE, APP_CODE_MAX, REQ, "申请方式"),
	AM(applicant_type, DESC_LINE, APP_CODE_MAX, REQ, "申请人类型"),
	AM(applicant_name, DESC_LINE, APP_NAME_MAX, REQ | PERS, "申请人姓名或者名称"),
	A(applicant_key, DESC_LINE, REQ | PERS, "同一申请人的标识"),
	AM(contact, DESC_TEXT, APP_CONTACT_MAX, PERS, "联系方式"),
	AM(id_number, DESC_LINE, APP_ID_NUMBER_MAX, PERS, "身份证明号码"),
	AM(request, DESC_TEXT, APP_REQUEST_MAX, 0, "申请公开的政府信息的描述"),
	AM(form, DESC_TEXT, APP_FORM_MAX, PERS, "申请表的其他内容"),
	AM(state, DESC_LINE, APP_CODE_MAX, REQ, "办理状态"),
	AM(outcome, DESC_LINE, APP_CODE_MAX, 0, "办理结果"),
	A(closed, DESC_DAY, 0, "办结日期"),
	A(reply_due, DESC_DAY, 0, "答复期限"),
	A(created_at, DESC_STAMP, REQ, "登记时间"),
	A(submitted, DESC_DAY, 0, "申请提交日期"),
};
const struct desc_record app_rec_desc = { "application", "政府信息公开申请", app_rec_fields,
					  N(app_rec_fields) };

#define E(m, t, f, l) DESC_MEMBER(app_event_rec, m, t, f, l)
static const struct desc_field app_event_rec_fields[] = {
	E(kind, DESC_LINE, REQ, "办理事项"),
	E(date, DESC_DAY, REQ, "日期"),
	E(note, DESC_TEXT, 0, "说明"),
	E(approver, DESC_LINE, 0, "批准人"),
	E(outcome, DESC_LINE, 0, "办理结果"),
	E(basis, DESC_TEXT, 0, "依据"),
	E(actor, DESC_LINE, REQ, "经办人"),
	E(created_at, DESC_STAMP, REQ, "登记时间"),
	E(due, DESC_DAY, 0, "期限"),
	E(party, DESC_LINE, 0, "征求意见的对象"),
	E(method, DESC_LINE, 0, "计收方式"),
	E(late_reason, DESC_TEXT, 0, "逾期原因"),
	E(warning, DESC_TEXT, 0, "超期提示"),
	E(counterpart, DESC_LINE, 0, "被征求意见方或负责公开的机关"),
	E(counterpart_contact, DESC_LINE, 0, "其联系方式"),
	DESC_COUNT(app_event_rec, amount_fen, (size_t)(INT64_MAX / 2), "金额（分）"),
	DESC_COUNT(app_event_rec, days, APP_EVENT_DAYS_MAX, "工作日数"),
	DESC_COUNT(app_event_rec, ref, APP_MAX_CONSULTATIONS, "第几次征求意见"),
	DESC_COUNT(app_event_rec, quantity, (size_t)(INT64_MAX / 2), "件数或页数"),
};
const struct desc_record app_event_rec_desc = { "application_event", "办理事项",
						app_event_rec_fields, N(app_event_rec_fields) };

#define D(m, t, f, l) DESC_MEMBER(doc, m, t, f, l)
/* what the office writes, with its limit in bytes (a title and a summary are also counted in
 * characters: catalogue_doc_check) */
#define DM(m, t, max, f, l) DESC_MEMBER_MAX(doc, m, t, max, f, l)
static const struct desc_field doc_fields[] = {
	D(index_no, DESC_LINE, REQ, "索引号"),
	DM(title, DESC_LINE, 4 * DOC_TITLE_MAX, REQ, "名称"),
	DM(doc_no, DESC_LINE, DOC_LINE_MAX, 0, "文号"),
	DM(publisher, DESC_LINE, DOC_LINE_MAX, REQ, "发布机构"),
	D(signed_date, DESC_DAY, 0, "成文日期"),
	D(published_date, DESC_DAY, 0, "发布日期"),
	DM(topic, DESC_LINE, DOC_TOPIC_MAX, 0, "主题分类"),
	DM(genre, DESC_LINE, DOC_LINE_MAX, REQ, "体裁分类"),
	DM(disclosure, DESC_LINE, DOC_LINE_MAX, REQ, "公开方式"),
	DM(withheld_reason, DESC_TEXT, DOC_REASON_MAX, 0, "不予公开的理由"),
	DM(withheld_ground, DESC_LINE, DOC_GROUND_MAX, 0, "不予公开的依据"),
	DM(time_limit, DESC_LINE, DOC_LINE_MAX, 0, "公开时限"),
	DM(validity, DESC_LINE, DOC_LINE_MAX, REQ, "有效性"),
	D(effective_date, DESC_DAY, 0, "实施日期"),
	D(invalid_date, DESC_DAY, 0, "失效或废止日期"),
	DM(summary, DESC_TEXT, 4 * DOC_SUMMARY_MAX, 0, "内容概述"),
	DM(keywords, DESC_LINE, DOC_KEYWORDS_MAX, 0, "主题词"),
	DM(body, DESC_TEXT, DOC_BODY_MAX, REQ, "正文"),
	D(state, DESC_LINE, REQ, "状态"),
	D(author, DESC_LINE, REQ, "起草人"),
	D(changed_date, DESC_DAY, REQ, "内容变更日期"),
	D(reassess_due, DESC_DAY, 0, "下次复核日期"),
	D(created_at, DESC_STAMP, REQ, "创建时间"),
	D(updated_at, DESC_STAMP, REQ, "更新时间"),
};
const struct desc_record doc_desc = { "document", "政府信息", doc_fields, N(doc_fields) };

/* An entry of a document's history (store/doc_store.h). */
#define DE(m, t, f, l) DESC_MEMBER(doc_event, m, t, f, l)
static const struct desc_field doc_event_fields[] = {
	DE(action, DESC_LINE, REQ, "操作"),
	DE(stage, DESC_LINE, 0, "审核环节"),
	DE(decision, DESC_LINE, 0, "审核意见"),
	DE(comment, DESC_TEXT, 0, "说明"),
	DE(actor, DESC_LINE, REQ, "操作人"),
	DE(at, DESC_STAMP, REQ, "时间"),
};
const struct desc_record doc_event_desc = { "document_event", "政府信息的操作记录",
					    doc_event_fields, N(doc_event_fields) };

/* An organ (store/agency_store.h); its parent is the area's own (0: none, stored as NULL). */
#define AG(m, t, f, l) DESC_MEMBER(agency_rec, m, t, f, l)
static const struct desc_field agency_rec_fields[] = {
	AG(name, DESC_LINE, REQ, "机关名称"),
	AG(code, DESC_LINE, 0, "统一社会信用代码"),
	AG(level, DESC_LINE, REQ, "机关层级"),
	AG(created_at, DESC_STAMP, REQ, "创建时间"),
};
const struct desc_record agency_rec_desc = { "agency", "机关", agency_rec_fields,
					     N(agency_rec_fields) };

/* An organ's settings (store/agency_store.h): what the guide and the clock read. */
#define P(m, t, l) DESC_MEMBER(agency_profile, m, t, 0, l)
static const struct desc_field agency_profile_fields[] = {
	P(index_pattern, DESC_LINE, "索引号编制规则"),
	P(office, DESC_LINE, "政府信息公开工作机构"),
	P(address, DESC_LINE, "办公地址"),
	P(postcode, DESC_LINE, "邮政编码"),
	P(hours, DESC_LINE, "办公时间"),
	P(phone, DESC_LINE, "联系电话"),
	P(fax, DESC_LINE, "传真"),
	P(email, DESC_LINE, "电子邮箱"),
	P(website, DESC_LINE, "网站"),
	P(channels, DESC_TEXT, "申请渠道"),
	P(fees, DESC_TEXT, "收费说明"),
	P(scope, DESC_TEXT, "主动公开范围"),
	P(fee_pause, DESC_LINE, "收费通知期间是否暂停计算期限"),
	P(correction_period, DESC_LINE, "补正期限（工作日）"),
	P(consult_cap, DESC_LINE, "征求意见期间是否以答复期限为限"),
	P(confirm_days, DESC_LINE, "确认收到申请的期限（工作日）"),
	P(review_body, DESC_LINE, "行政复议机关"),
	P(report_due, DESC_LINE, "年度报告发布期限"),
	P(fee_account, DESC_TEXT, "缴费方式和账户"),
	P(notice_ref, DESC_LINE, "告知书文号的编制规则"),
	P(notice_templates, DESC_LINE, "本机关告知书模板所在的文件夹"),
	DESC_MEMBER(agency_profile, updated_at, DESC_STAMP, REQ, "更新时间"),
};
const struct desc_record agency_profile_desc = { "agency_profile", "机关信息",
						 agency_profile_fields, N(agency_profile_fields) };

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

/* A published revision of an organ's annual report (store/report_store.h): its frozen cells
 * ("cell_id value" lines in the format's order) and the hash of its JSON rendering; the organ,
 * the year and the revision number are the area's own. */
#define PUB(m, t, f, l) DESC_MEMBER(report_pub_rec, m, t, f, l)
static const struct desc_field report_pub_fields[] = {
	PUB(format, DESC_LINE, REQ, "表格格式"),
	PUB(reason, DESC_TEXT, 0, "更正理由"),
	PUB(cells, DESC_TEXT, REQ, "表格数据"),
	PUB(sha256, DESC_LINE, REQ, "JSON 文本的 SHA-256"),
	PUB(published_at, DESC_STAMP, REQ, "发布时间"),
	PUB(published_by, DESC_LINE, REQ, "发布人"),
};
const struct desc_record report_pub_desc = { "report_publication", "已发布的年度报告",
					     report_pub_fields, N(report_pub_fields) };

/* A staff account as stored (store/user_store.h); its organ is the area's own. The ledger
 * export carries an account without its password hash (domain/records.c: user_account_desc). */
#define US(m, t, f, l) DESC_MEMBER(user_rec, m, t, f, l)
static const struct desc_field user_rec_fields[] = {
	US(name, DESC_LINE, REQ, "登录名"),
	US(display_name, DESC_LINE, 0, "姓名"),
	US(role, DESC_LINE, REQ, "角色"),
	US(password_hash, DESC_LINE, DESC_SECRET, "密码（散列值）"),
	US(created_at, DESC_STAMP, REQ, "创建时间"),
};
const struct desc_record user_rec_desc = { "user", "工作人员账号", user_rec_fields,
					   N(user_rec_fields) };

/*
 * app_codes.c — channels, applicant types and Table 三 outcomes (see app_codes.h).
 * Labels of outcomes: annual-report-format.md §4.2, exactly (full-width punctuation).
 */
#include "domain/app_codes.h"

#include <string.h>

const struct app_code app_channels[CHANNEL__MAX] = {
	[CHANNEL_IN_PERSON] = { "in-person", "当面提交", NULL, NULL },
	[CHANNEL_POST] = { "post", "邮寄", NULL, NULL },
	[CHANNEL_ONLINE] = { "online", "互联网渠道", NULL, NULL },
	[CHANNEL_FAX] = { "fax", "传真", NULL, NULL },
	[CHANNEL_EMAIL] = { "email", "电子邮件", NULL, NULL },
	[CHANNEL_OTHER] = { "other", "其他", NULL, NULL },
};

const struct app_code applicant_types[APPLICANT__MAX] = {
	[APPLICANT_NP] = { "np", "自然人", NULL, NULL },
	[APPLICANT_BIZ] = { "biz", "商业企业", "法人或其他组织", NULL },
	[APPLICANT_RESEARCH] = { "research", "科研机构", "法人或其他组织", NULL },
	[APPLICANT_NGO] = { "ngo", "社会公益组织", "法人或其他组织", NULL },
	[APPLICANT_LEGAL] = { "legal", "法律服务机构", "法人或其他组织", NULL },
	[APPLICANT_ORG_OTHER] = { "org_other", "其他", "法人或其他组织", NULL },
};

#define G3 "（三）不予公开"
#define G4 "（四）无法提供"
#define G5 "（五）不予处理"
#define G6 "（六）其他处理"

const struct app_code outcomes[OUTCOME__MAX] = {
	[OUTCOME_GRANTED] = { "granted", "（一）予以公开", NULL, "条例第三十六条第（一）（二）项" },
	[OUTCOME_PARTIAL] = { "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
			      NULL, "条例第三十七条" },
	[OUTCOME_DENY_STATE_SECRET] = { "deny_state_secret", "1.属于国家秘密", G3, "条例第十四条" },
	[OUTCOME_DENY_LAW_PROHIBITS] = { "deny_law_prohibits", "2.其他法律行政法规禁止公开", G3,
					 "条例第十四条" },
	[OUTCOME_DENY_SECURITY_STABILITY] = { "deny_security_stability", "3.危及“三安全一稳定”", G3,
					      "条例第十四条" },
	[OUTCOME_DENY_THIRD_PARTY] = { "deny_third_party", "4.保护第三方合法权益", G3,
				       "条例第十五条" },
	[OUTCOME_DENY_INTERNAL_AFFAIRS] = { "deny_internal_affairs", "5.属于三类内部事务信息", G3,
					    "条例第十六条第一款" },
	[OUTCOME_DENY_PROCESS_INFO] = { "deny_process_info", "6.属于四类过程性信息", G3,
					"条例第十六条第二款" },
	[OUTCOME_DENY_ENFORCEMENT_FILE] = { "deny_enforcement_file", "7.属于行政执法案卷", G3,
					    "条例第十六条第二款" },
	[OUTCOME_DENY_ADMIN_QUERY] = { "deny_admin_query", "8.属于行政查询事项", G3,
				       "条例第三十六条第（七）项" },
	[OUTCOME_UNABLE_NOT_HELD] = { "unable_not_held", "1.本机关不掌握相关政府信息", G4,
				      "条例第三十六条第（四）（五）项" },
	[OUTCOME_UNABLE_NEEDS_CREATION] = { "unable_needs_creation", "2.没有现成信息需要另行制作", G4,
					    "条例第三十八条" },
	[OUTCOME_UNABLE_UNCLEAR_AFTER_FIX] = { "unable_unclear_after_fix", "3.补正后申请内容仍不明确",
					       G4, "条例第三十条" },
	[OUTCOME_NOPROC_PETITION] = { "noproc_petition", "1.信访举报投诉类申请", G5,
				      "条例第三十九条第一款" },
	[OUTCOME_NOPROC_REPEAT] = { "noproc_repeat", "2.重复申请", G5, "条例第三十六条第（六）项" },
	[OUTCOME_NOPROC_PUBLICATION] = { "noproc_publication", "3.要求提供公开出版物", G5,
					 "条例第三十九条第二款" },
	[OUTCOME_NOPROC_MASS_REPEAT] = { "noproc_mass_repeat", "4.无正当理由大量反复申请", G5,
					 "条例第三十五条" },
	[OUTCOME_NOPROC_CONFIRM_REISSUE] = { "noproc_confirm_reissue",
					     "5.要求行政机关确认或重新出具已获取信息", G5, NULL },
	[OUTCOME_OTHER_NO_CORRECTION] = { "other_no_correction",
					  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
					  G6, "条例第三十条" },
	[OUTCOME_OTHER_FEE_UNPAID] = { "other_fee_unpaid",
				       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
				       G6, "国办函〔2020〕109号" },
	[OUTCOME_OTHER_MISC] = { "other_misc", "3.其他", G6, NULL },
};

int app_code_find(const struct app_code *table, int n, const char *id)
{
	for (int i = 0; id && i < n; i++)
		if (strcmp(table[i].id, id) == 0)
			return i;
	return -1;
}

const char *app_code_ids(const struct app_code *table, int n)
{
	static char bufs[3][1024];
	static const struct app_code *owners[3];
	int slot = table == app_channels ? 0 : table == applicant_types ? 1 : 2;
	size_t len = 0;

	if (owners[slot] == table)
		return bufs[slot];
	for (int i = 0; i < n; i++) {
		size_t k = strlen(table[i].id);
		if (len + k + 3 >= sizeof bufs[slot])
			break;
		if (i) {
			memcpy(bufs[slot] + len, ", ", 2);
			len += 2;
		}
		memcpy(bufs[slot] + len, table[i].id, k);
		len += k;
	}
	bufs[slot][len] = '\0';
	owners[slot] = table;
	return bufs[slot];
}

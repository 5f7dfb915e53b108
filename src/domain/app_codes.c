/*
 * app_codes.c — channels, and the Table 三 applicant types and outcomes read from the
 * declared 2021 report format (see app_codes.h).
 */
#include "domain/app_codes.h"

#include <stdio.h>
#include <string.h>

/* REQ 条例-31: the date of receipt by channel (spec regulation-procedures.md §5.3). */
const struct app_code app_channels[CHANNEL__MAX] = {
	[CHANNEL_IN_PERSON] = { "in-person", "当面提交", false, false, "以提交之日为收到申请之日" },
	[CHANNEL_POST] = { "post", "邮寄", false, false, "以行政机关签收之日为收到申请之日" },
	[CHANNEL_POST_PLAIN] = { "post-plain", "平常信函", true, true,
				 "以政府信息公开工作机构与申请人确认之日为收到申请之日，应于收到信函当日确认" },
	[CHANNEL_ONLINE] = { "online", "互联网渠道", true, false, "以双方确认之日为收到申请之日" },
	[CHANNEL_FAX] = { "fax", "传真", true, false, "以双方确认之日为收到申请之日" },
	[CHANNEL_EMAIL] = { "email", "电子邮件", true, false, "以双方确认之日为收到申请之日" },
	[CHANNEL_ORAL] = { "oral", "口头提出（代为填写）", false, false, "以提出之日为收到申请之日" },
	[CHANNEL_OTHER] = { "other", "其他", false, false, "以填写的日期为收到申请之日" },
};

/* The article each outcome rests on (spec regulation-procedures.md §5.7). */
static const char *const outcome_basis[OUTCOME__MAX] = {
	[OUTCOME_GRANTED] = "条例第三十六条第（一）（二）项",
	[OUTCOME_PARTIAL] = "条例第三十七条",
	[OUTCOME_DENY_STATE_SECRET] = "条例第十四条",
	[OUTCOME_DENY_LAW_PROHIBITS] = "条例第十四条",
	[OUTCOME_DENY_SECURITY_STABILITY] = "条例第十四条",
	[OUTCOME_DENY_THIRD_PARTY] = "条例第十五条",
	[OUTCOME_DENY_INTERNAL_AFFAIRS] = "条例第十六条第一款",
	[OUTCOME_DENY_PROCESS_INFO] = "条例第十六条第二款",
	[OUTCOME_DENY_ENFORCEMENT_FILE] = "条例第十六条第二款",
	[OUTCOME_DENY_ADMIN_QUERY] = "条例第三十六条第（七）项",
	[OUTCOME_UNABLE_NOT_HELD] = "条例第三十六条第（四）（五）项",
	[OUTCOME_UNABLE_NEEDS_CREATION] = "条例第三十八条",
	[OUTCOME_UNABLE_UNCLEAR_AFTER_FIX] = "条例第三十条",
	[OUTCOME_NOPROC_PETITION] = "条例第三十九条第一款",
	[OUTCOME_NOPROC_REPEAT] = "条例第三十六条第（六）项",
	[OUTCOME_NOPROC_PUBLICATION] = "条例第三十九条第二款",
	[OUTCOME_NOPROC_MASS_REPEAT] = "条例第三十五条",
	/* no article names it: a request to confirm or re-issue what the applicant already has is
	 * not a request for government information (Art. 2) under Art. 27 [D] */
	[OUTCOME_NOPROC_CONFIRM_REISSUE] = "条例第二条、第二十七条",
	[OUTCOME_OTHER_NO_CORRECTION] = "条例第三十条",
	[OUTCOME_OTHER_FEE_UNPAID] = "国办函〔2020〕109号",
};

int app_channel_find(const char *s)
{
	for (int i = 0; s && i < CHANNEL__MAX; i++)
		if (strcmp(app_channels[i].id, s) == 0)
			return i;
	return -1;
}

static const struct fmt_t3_row *row(int o)
{
	const struct report_format *f = fmt_get(FMT_V2021);
	return &f->t3_rows[fmt_t3_pos(f, app_outcome_row(o))];
}

enum t3_row app_outcome_row(int o)
{
	return (enum t3_row)(T3R_GRANTED + o);
}

const char *app_outcome_id(int o)
{
	return row(o)->id;
}

const char *app_outcome_label(int o)
{
	return row(o)->label;
}

const char *app_outcome_name(int o)
{
	return row(o)->name;
}

const char *app_outcome_basis(int o)
{
	return outcome_basis[o];
}

int app_outcome_find(const char *id)
{
	for (int o = 0; id && o < OUTCOME__MAX; o++)
		if (strcmp(app_outcome_id(o), id) == 0)
			return o;
	return -1;
}

enum t3_col app_applicant_col(int t)
{
	return (enum t3_col)(T3C_NP + t);
}

const char *app_applicant_id(int t)
{
	return fmt_get(FMT_V2021)->t3_cols[app_applicant_col(t)].id;
}

const char *app_applicant_label(int t)
{
	return fmt_get(FMT_V2021)->t3_cols[app_applicant_col(t)].label;
}

int app_applicant_find(const char *id)
{
	for (int t = 0; id && t < APPLICANT__MAX; t++)
		if (strcmp(app_applicant_id(t), id) == 0)
			return t;
	return -1;
}

const char *app_code_ids(enum app_code_list which, char *buf, size_t len)
{
	int n = which == CODES_CHANNELS ? CHANNEL__MAX : which == CODES_APPLICANTS ? APPLICANT__MAX
										      : OUTCOME__MAX;
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++) {
		const char *id = which == CODES_CHANNELS ? app_channels[i].id :
				 which == CODES_APPLICANTS ? app_applicant_id(i) : app_outcome_id(i);
		int k = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", id);
		if (k < 0)
			break;
		used += (size_t)k;
	}
	return buf;
}

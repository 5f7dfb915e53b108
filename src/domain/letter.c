/*
 * letter.c — reply letters and the applicant's tracking view (see letter.h).
 * May call: domain/, store/, text/, base/.
 */
#include "domain/letter.h"

#include <string.h>

#include "base/crypto.h"
#include "domain/agency.h"
#include "text/date.h"

/* The conclusion sentence of each Table 三 group (国办公开办函〔2020〕2号 reference wording). */
static const char *conclusion_of(int outcome)
{
	if (outcome == OUTCOME_GRANTED)
		return "经审查，您申请获取的政府信息属于公开范围，现予以公开（见所附材料或告知的获取方式）。";
	if (outcome == OUTCOME_PARTIAL)
		return "经审查，您申请获取的政府信息中部分内容可以公开，现提供可以公开的部分；其余部分不予公开，理由如下。";
	if (outcome >= OUTCOME_DENY_STATE_SECRET && outcome <= OUTCOME_DENY_ADMIN_QUERY)
		return "经审查，您申请获取的政府信息不予公开，理由如下。";
	if (outcome >= OUTCOME_UNABLE_NOT_HELD && outcome <= OUTCOME_UNABLE_UNCLEAR_AFTER_FIX)
		return "经检索查找，本机关无法提供您申请获取的政府信息，理由如下。";
	if (outcome >= OUTCOME_NOPROC_PETITION && outcome <= OUTCOME_NOPROC_CONFIRM_REISSUE)
		return "经审查，您的申请不作为政府信息公开申请处理，理由如下。";
	return "您的政府信息公开申请已终止办理，理由如下。";
}

static const char *event_basis(const struct app_view *v)
{
	for (size_t i = v->nevents; i > 0; i--) {
		const struct app_event_rec *ev = &v->events[i - 1];
		if (ev->outcome == NULL)
			continue;
		if (ev->basis && *ev->basis)
			return ev->basis;
		return ev->note ? ev->note : "";
	}
	return "";
}

int letter_build(struct store *s, const struct app_view *v, struct arena *a, struct letter *out,
		 struct gk_error *e)
{
	struct agency_rec org, parent;
	const char *basis, *label;
	char day[DATE_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	if (v->st.outcome < 0 || v->st.outcome >= OUTCOME__MAX)
		return err_set(e, ERR_STATE, "outcome", "尚未作出答复决定，不能出具告知书");
	basis = app_outcome_basis(v->st.outcome);
	label = app_outcome_name(v->st.outcome);
	if (basis == NULL || !*basis)
		return err_set(e, ERR_STATE, "basis",
			       "“%s”没有可援引的法律依据，不能出具告知书；请写明依据后另行出具", label);
	out->reasons = event_basis(v);
	if (v->st.outcome != OUTCOME_GRANTED && !*out->reasons)
		return err_set(e, ERR_STATE, "basis",
			       "答复缺少理由：除予以公开外，告知书必须说明理由（答复时在“依据和理由”中填写）");
	if ((rc = agency_store(s)->get(s, v->rec.agency_id, a, &org, e)) != 0)
		return rc;
	if (org.parent_id == 0)
		return err_set(e, ERR_STATE, "remedy",
			       "未设置“%s”的上级机关，无法在告知书中写明行政复议机关", org.name);
	if ((rc = agency_store(s)->get(s, org.parent_id, a, &parent, e)) != 0)
		return rc;
	out->title = "政府信息公开申请答复告知书";
	out->ref = v->rec.tracking_code;
	out->applicant = v->rec.applicant_name;
	out->received = v->rec.received;
	out->request = v->rec.request ? v->rec.request : "";
	out->outcome = label;
	out->conclusion = conclusion_of(v->st.outcome);
	out->basis = strncmp(basis, "条例", 6) == 0
		     ? arena_printf(a, "《中华人民共和国政府信息公开条例》%s", basis + 6) : basis;
	/* REQ 行政复议法-20 REQ 行政诉讼法-46: the remedy statement with both bodies. */
	out->remedy = arena_printf(a,
		"如对本答复不服，可以自收到本告知书之日起%d日内向%s申请行政复议，"
		"或者自收到本告知书之日起%d个月内向有管辖权的人民法院提起行政诉讼。",
		LETTER_REVIEW_DAYS, parent.name, LETTER_LITIGATION_MONTHS);
	out->organ = org.name;
	out->date = v->st.closed != CLOCK_NONE ? arena_strdup(a, date_format(v->st.closed, day)) : "";
	return 0;
}

int app_track(struct store *s, const struct calendar *cal, const char *code, const char *secret,
	      int today, struct arena *a, struct app_view *v, struct gk_error *e)
{
	struct app_rec r;
	char hash[CRYPTO_SHA256_HEX];
	unsigned char diff = 0;
	int rc;

	memset(v, 0, sizeof *v);
	rc = app_store(s)->get_by_code(s, code, a, &r, e);
	if (rc != 0 && rc != ERR_NOTFOUND)
		return rc;
	crypto_sha256_hex(secret, strlen(secret), hash);
	if (rc == 0 && r.secret_hash && strlen(r.secret_hash) == strlen(hash)) {
		for (size_t i = 0; hash[i]; i++)
			diff |= (unsigned char)(hash[i] ^ r.secret_hash[i]);
	} else {
		diff = 1;
	}
	if (diff)
		return err_set(e, ERR_NOTFOUND, "code", "查询码或查询密码不正确");
	return app_load(s, cal, r.id, today, a, v, e);
}

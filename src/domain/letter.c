/*
 * letter.c — reply letters and the applicant's tracking view (see letter.h).
 * May call: domain/, store/, text/, base/.
 */
#include "domain/letter.h"
#include "domain/notice_ref.h"
#include "domain/notice_wording.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/crypto.h"
#include "domain/agency.h"
#include "domain/organ_rules.h"
#include "text/date.h"

/* The day as "YYYY年M月D日". */
static const char *ds_(int day, char out[DATE_LEN * 2])
{
	int y, m, d;

	date_split(day, &y, &m, &d);
	snprintf(out, DATE_LEN * 2, "%d年%d月%d日", y, m, d);
	return out;
}

const char *letter_title(int outcome)
{
	if (outcome >= OUTCOME_OTHER_NO_CORRECTION)
		return "政府信息公开申请终止办理告知书";
	if (outcome >= OUTCOME_NOPROC_PETITION)   /* 条例第三十六条第（六）项… Table 三（五） */
		return "政府信息公开申请不予处理告知书";
	return "政府信息公开申请答复告知书";
}

/* The choice of the reply template (data/notices/reply.txt) that holds the conclusion of
 * outcome: one per Table 三 group (国办公开办函〔2020〕2号 reference wording). */
static const char *conclusion_choice(int outcome, bool elsewhere)
{
	if (outcome == OUTCOME_GRANTED)
		return "conclusion.granted";
	if (outcome == OUTCOME_PARTIAL)
		return "conclusion.partial";
	if (outcome >= OUTCOME_DENY_STATE_SECRET && outcome <= OUTCOME_DENY_ADMIN_QUERY)
		return "conclusion.denied";
	if (outcome == OUTCOME_UNABLE_NOT_HELD && elsewhere)
		return "conclusion.elsewhere";
	if (outcome >= OUTCOME_UNABLE_NOT_HELD && outcome <= OUTCOME_UNABLE_UNCLEAR_AFTER_FIX)
		return "conclusion.unable";
	if (outcome == OUTCOME_NOPROC_CONFIRM_REISSUE)
		return "conclusion.reissue";
	if (outcome >= OUTCOME_NOPROC_PETITION && outcome <= OUTCOME_NOPROC_MASS_REPEAT)
		return "conclusion.noproc";
	return "conclusion.closed";
}

static const char *const reply_choices[] = {
	"conclusion.granted", "conclusion.partial", "conclusion.denied", "conclusion.unable",
	"conclusion.elsewhere", "conclusion.reissue", "conclusion.noproc", "conclusion.closed", NULL,
};

/* REQ 条例-36 REQ 行政复议法-20: what a reply template must hold — the conclusion of every
 * outcome, the legal basis, the reasons and the remedy statement. */
const struct notice_wording_needs letter_wording_needs = {
	(1u << PART_CONCLUSION) | (1u << PART_BASIS) | (1u << PART_REASONS) | (1u << PART_REMEDY),
	reply_choices,
};

int letter_wording(struct store *s, const struct app_view *v, const struct notice_issued *issued,
		   struct arena *a, struct notice_wording *out, struct gk_error *e)
{
	if (issued && issued->wording)
		return notice_wording_parse(issued->wording, LETTER_WORDING_KIND, &letter_wording_needs,
					    a, out, e);
	return notice_wording_load(s, v->rec.agency_id, LETTER_WORDING_KIND, &letter_wording_needs, a,
				   out, e);
}

const char *letter_opening(const struct app_view *v, struct arena *a)
{
	const char *req = v->rec.request ? v->rec.request : "";
	char received[64];

	notice_date_cn(v->rec.received, received);
	return arena_printf(a, "本机关于%s收到您提出的政府信息公开申请%s%s%s。", received,
			    *req ? "（" : "", req, *req ? "）" : "");
}

size_t letter_closing(const struct app_view *v)
{
	for (size_t i = v->nevents; i > 0; i--)
		if (v->events[i - 1].outcome)
			return i - 1;
	return v->nevents;
}

/* The closing event of v, or NULL. */
static const struct app_event_rec *closing_event(const struct app_view *v)
{
	size_t i = letter_closing(v);

	return i < v->nevents ? &v->events[i] : NULL;
}

const char *letter_law(const char *article, struct arena *a)
{
	return strncmp(article, "条例", 6) == 0
	       ? arena_printf(a, "《中华人民共和国政府信息公开条例》%s", article + 6) : article;
}

const char *letter_remedy(const char *what, const char *doc, const char *body, struct arena *a)
{
	return arena_printf(a, "如对%s不服，可以自收到%s之日起%d日内向%s申请行政复议，或者自收到%s"
			    "之日起%d个月内向有管辖权的人民法院提起行政诉讼。", what, doc,
			    LETTER_REVIEW_DAYS, body, doc, LETTER_LITIGATION_MONTHS);
}

/* The reasons: what the officer typed, else — for the steps whose facts are the reasons (a
 * lapse after the applicant's period, a withdrawal) — those facts. */
static const char *reasons_of(const struct app_view *v, struct arena *a)
{
	const struct app_event_rec *ev = closing_event(v);
	char d[DATE_LEN * 2];

	if (ev == NULL)
		return "";
	if (ev->basis && *ev->basis)
		return ev->basis;
	if (ev->note && *ev->note)
		return ev->note;
	switch (v->st.outcome) {
	case OUTCOME_OTHER_NO_CORRECTION:
		if (v->st.correction_due == CLOCK_NONE)
			return "";
		return arena_printf(a, "本机关于%s向您发出补正告知，补正期限至%s。您无正当理由逾期未补正，"
				    "视为放弃申请，本机关不再处理该政府信息公开申请。", ds_(v->st.correction_requested, d),
				    ds_(v->st.correction_due, (char[DATE_LEN * 2]){ 0 }));
	case OUTCOME_OTHER_FEE_UNPAID:
		if (!v->has_schedule || v->sch.fee_payment.due == CLOCK_NONE)
			return "";
		return arena_printf(a, "本机关于%s向您发出收费通知，缴费期限至%s。您逾期未缴纳信息处理费，"
				    "视为放弃申请，本机关不再处理该政府信息公开申请。", ds_(v->st.fee_notice, d),
				    ds_(v->sch.fee_payment.due, (char[DATE_LEN * 2]){ 0 }));
	case OUTCOME_OTHER_MISC:
		if (strcmp(ev->kind, app_event_rules[EV_WITHDRAWN].id) == 0) {
			int day;

			if (date_parse(ev->date, &day, "date", NULL) == 0)
				return arena_printf(a, "您于%s撤回了该政府信息公开申请，本机关终止办理。",
						    ds_(day, d));
			return arena_printf(a, "您于%s撤回了该政府信息公开申请，本机关终止办理。", ev->date);
		}
		return "";
	default:
		return "";
	}
}

/* The body of letter out in wording w: its parts filled from the ledger and out. */
static int letter_body(const struct app_view *v, const struct notice_wording *w, bool elsewhere,
		       struct arena *a, struct letter *out, struct gk_error *e)
{
	const struct app_event_rec *ev = closing_event(v);
	const char *parts[PART__MAX] = {
		[PART_OPENING] = letter_opening(v, a), [PART_OUTCOME] = out->outcome,
		[PART_BASIS] = out->basis, [PART_REASONS] = out->reasons, [PART_REMEDY] = out->remedy,
		[PART_RECEIVED] = v->rec.received, [PART_REQUEST] = out->request,
		[PART_COUNTERPART] = ev ? ev->counterpart : NULL,
		[PART_CONTACT] = ev ? ev->counterpart_contact : NULL,
	};
	int rc;

	if ((rc = notice_wording_choice(w, conclusion_choice(v->st.outcome, elsewhere), parts, a,
					&out->conclusion, e)) != 0)
		return rc;
	parts[PART_CONCLUSION] = out->conclusion;
	return notice_wording_fill(w, parts, a, out->paras, NOTICE_MAX_PARAS, &out->npara, e);
}

int letter_build(struct store *s, const struct app_view *v, struct arena *a, struct letter *out,
		 struct gk_error *e)
{
	const struct notice_issued *issued;
	const struct app_event_rec *ev = closing_event(v);
	struct notice_wording w;
	struct agency_rec org;
	const char *basis, *label, *body;
	bool elsewhere = false;
	char day[DATE_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	if (v->st.outcome < 0 || v->st.outcome >= OUTCOME__MAX)
		return err_set(e, ERR_STATE, "outcome", "尚未作出答复决定，不能出具告知书");
	basis = app_outcome_basis(v->st.outcome);
	label = app_outcome_name(v->st.outcome);
	/* REQ 条例-36: 第（四）项 (it does not exist) or 第（五）项 (not this organ's to disclose:
	 * the letter names the organ responsible and its contact) */
	if (v->st.outcome == OUTCOME_UNABLE_NOT_HELD) {
		elsewhere = ev && ev->counterpart && *ev->counterpart;
		basis = elsewhere ? "条例第三十六条第（五）项" : "条例第三十六条第（四）项";
	}
	/* （六）3 其他: no article names these; the letter says what ended it */
	if (v->st.outcome == OUTCOME_OTHER_MISC)
		basis = ev && strcmp(ev->kind, app_event_rules[EV_WITHDRAWN].id) == 0
			? "申请人撤回申请" : "办理终结的事实（条例对此情形未作具体规定），见理由";
	if (basis == NULL || !*basis)
		return err_set(e, ERR_STATE, "basis",
			       "“%s”没有可援引的法律依据，不能出具告知书；请写明依据后另行出具", label);
	out->reasons = reasons_of(v, a);
	if (v->st.outcome != OUTCOME_GRANTED && !*out->reasons)
		return err_set(e, ERR_STATE, "basis",
			       "答复缺少理由：除予以公开外，告知书必须说明理由（答复时在“依据和理由”中填写）");
	if ((rc = agency_store(s)->get(s, v->rec.agency_id, a, &org, e)) != 0)
		return rc;
	/* REQ 行政复议法-24 REQ 行政复议法-25: the reconsideration body, a setting of the organ
	 * with a default from its level, as the law stood on the day of the decision */
	if ((rc = organ_review_body(s, v->rec.agency_id, v->st.closed, a, &body, e)) != 0)
		return rc;
	out->title = letter_title(v->st.outcome);
	out->ref = v->rec.tracking_code;
	out->applicant = v->rec.applicant_name;
	out->received = v->rec.received;
	out->request = v->rec.request ? v->rec.request : "";
	out->outcome = label;
	out->basis = letter_law(basis, a);
	out->remedy = letter_remedy("本答复", "本告知书", body, a);
	/* the signature is the organ's full name (慈周寨镇人民政府), as it seals its letters */
	out->organ = agency_full_name(&org, a);
	out->date = v->st.closed != CLOCK_NONE ? arena_strdup(a, date_format(v->st.closed, day)) : "";
	/* once issued: the organ's reference number beside the tracking code and the wording it
	 * was issued in (domain/notice_ref.h); else the organ's reply template as it stands */
	if ((rc = notice_issued_get(s, v, "reply", a, &issued, e)) != 0 ||
	    (rc = letter_wording(s, v, issued, a, &w, e)) != 0)
		return rc;
	if (issued)
		out->ref_number = issued->ref_number;
	out->version = w.version;
	return letter_body(v, &w, elsewhere, a, out, e);
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

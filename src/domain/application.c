/*
 * application.c — applications through the store: registering, recording events after the
 * lifecycle's checks (domain/app_lifecycle.c), loading one with its live deadlines (see
 * application.h). Lists are app_list.c's, the year's figures for the annual report
 * app_year.c's.
 */
#include "domain/application.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "domain/audit.h"
#include "domain/fee.h"
#include "store/records.h"
#include "text/date.h"
#include "text/idcode.h"
#include "text/jsonw.h"

/* A stored event keeps the periods the clock accepts (store/app_store.h, domain/clock.h). */
_Static_assert(APP_EVENT_DAYS_MAX == CLOCK_MAX_DAYS, "an event's period is the clock's");

/* ---- persistence ---- */

/* The summary columns after a change: date of receipt, state, outcome, closed, current
 * deadline. */
static int save_summary(struct store *s, const struct calendar *cal, int64_t id,
			const struct app_status *st, int today, struct gk_error *e)
{
	char closed[DATE_LEN], due[DATE_LEN], received[DATE_LEN];
	const char *due_s = NULL;
	int rc;

	if (cal && app_phases[st->phase].open) {
		struct clock_schedule sch;
		if ((rc = app_schedule(st, cal, today, &sch, e)) == 0) {
			int d = app_binding_due(st, &sch);
			if (d != CLOCK_NONE)
				due_s = date_format(d, due);
		}
		clock_schedule_free(&sch);
		if (rc != 0)
			return rc;
	}
	return app_store(s)->update_summary(s, id, date_format(st->received, received),
					    app_phases[st->phase].id,
					    st->outcome >= 0 ? app_outcome_id(st->outcome) : NULL,
					    st->closed != CLOCK_NONE ? date_format(st->closed, closed) : NULL,
					    due_s, e);
}

/* 12 characters without 0 O 1 I L, grouped by 4: easy to read out on the phone. */
static const char code_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

static void new_code(char out[APP_CODE_LEN])
{
	char raw[13];

	crypto_random_code(raw, 12, code_alphabet);
	snprintf(out, APP_CODE_LEN, "%.4s-%.4s-%.4s", raw, raw + 4, raw + 8);
}

#define AN(k) offsetof(struct app_new, k)
static const struct desc_field app_new_fields[APP_F__N] = {
	[APP_F_RECEIVED] = { "received", DESC_DATE, AN(received), 0, DESC_REQUIRED, NULL, "收到日期",
			     "the day it arrived: handed in, signed for, submitted online (YYYY-MM-DD)",
			     "条例第三十一条" },
	[APP_F_CONFIRMED] = { "confirmed", DESC_DATE, AN(confirmed), 0, 0, NULL, "确认收到日期",
			      "online, e-mail, fax, plain letter: the day receipt was confirmed with the "
			      "applicant, which is the date of receipt", "条例第三十一条" },
	[APP_F_CHANNEL] = { "channel", DESC_ENUM, AN(channel), APP_CODE_MAX, DESC_REQUIRED, NULL, "申请渠道",
			    "how it arrived (in-person, post, post-plain, online, email, fax, oral)",
			    "条例第三十一条" },
	[APP_F_APPLICANT_TYPE] = { "applicant_type", DESC_ENUM, AN(applicant_type), APP_CODE_MAX, DESC_REQUIRED,
				   NULL, "申请人类型", "the Table 三 column (np, biz, research, …)",
				   NULL },
	[APP_F_APPLICANT_NAME] = { "applicant_name", DESC_LINE, AN(applicant_name), APP_NAME_MAX,
				   DESC_REQUIRED | DESC_PERSONAL, NULL, "申请人姓名或者名称",
				   "the applicant's name", "条例第二十九条" },
	[APP_F_ID_NUMBER] = { "id_number", DESC_LINE, AN(id_number), APP_ID_NUMBER_MAX,
			      DESC_PERSONAL | DESC_IDENTITY, NULL,
			      "身份证明号码", "身份证 number of a person, 统一社会信用代码 of an "
			      "organisation (check character verified)", NULL },
	[APP_F_CONTACT] = { "contact", DESC_TEXT, AN(contact), APP_CONTACT_MAX, DESC_REQUIRED | DESC_PERSONAL, NULL,
			    "联系方式", "how to reach the applicant (phone, address, e-mail)",
			    "条例第二十九条：电话、通信地址或电子邮箱至少一种" },
	[APP_F_REQUEST] = { "request", DESC_TEXT, AN(request), APP_REQUEST_MAX, DESC_REQUIRED, NULL,
			    "所需信息的描述", "the information asked for: its name, 文号 or a description",
			    "条例第二十九条：信息名称、文号或便于查询的特征性描述至少一项" },
	[APP_F_FORM] = { "form", DESC_LINE, AN(form), APP_FORM_MAX, 0, NULL, "形式要求（提供方式）",
			 "the form asked for and how to receive it (纸质/电子文档; 邮寄/电子邮件/当面领取/"
			 "网上查看)", NULL },
};
#undef AN

const struct desc_record app_new_desc = { "application", "政府信息公开申请", app_new_fields, APP_F__N };

size_t app_particulars(const struct app_rec *r, struct app_particular out[APP_F__N])
{
	size_t n = 0;

	for (size_t i = 0; i < app_rec_desc.nfields && n < APP_F__N; i++) {
		const struct desc_field *given = desc_find(&app_new_desc, app_rec_desc.fields[i].id);
		if (!given || given == &app_new_fields[APP_F_APPLICANT_NAME] ||
		    (given->type != DESC_LINE && given->type != DESC_TEXT))
			continue;
		out[n].field = given;
		out[n++].value = desc_str(&app_rec_desc.fields[i], r);
	}
	return n;
}

/* The texts of in as the record keeps them: each given text in its member of r, NULL when
 * empty. */
static void copy_texts(const struct app_new *in, struct app_rec *r)
{
	for (size_t i = 0; i < APP_F__N; i++) {
		const struct desc_field *f = &app_new_fields[i], *kept;
		const char *v;
		if (f->type != DESC_LINE && f->type != DESC_TEXT)
			continue;
		kept = desc_find(&app_rec_desc, f->id);
		v = desc_str(f, in);
		*desc_str_ref(kept, r) = v && *v ? v : NULL;
	}
}

int app_new_check(const struct app_new *in, int today, struct gk_error *e)
{
	const struct desc_field *f = app_new_fields;
	enum clock_regime regime;
	char d1[DATE_LEN], d2[DATE_LEN], ids[256];
	int ch, type, rc;

	/* REQ 条例-29: the applicant's name, contact and a description of the information */
	if ((rc = desc_check(&app_new_desc, in, e)) != 0)
		return rc;
	if (in->received > today)
		return desc_error(e, ERR_INVALID, &f[APP_F_RECEIVED], "%s 晚于今天（%s），请填写实际收到申请的日期",
				  date_format(in->received, d1), date_format(today, d2));
	/* REQ 条例-56 REQ 492号-24: no Regulation before 2008-05-01 */
	if ((rc = clock_regime_of(in->received, &regime, e)) != 0) {
		char msg[sizeof e->msg];
		snprintf(msg, sizeof msg, "%s", e->msg);
		return desc_error(e, rc, &f[APP_F_RECEIVED], "%s", msg);
	}
	if ((ch = app_channel_find(in->channel)) < 0)
		return desc_error(e, ERR_INVALID, &f[APP_F_CHANNEL], "没有“%s”这种渠道（可选：%s）",
				  in->channel ? in->channel : "", app_code_ids(CODES_CHANNELS, ids, sizeof ids));
	/* REQ 条例-31: only a receipt that must be confirmed has a confirmation date */
	if (in->confirmed > 0 && !app_channels[ch].confirm)
		return desc_error(e, ERR_INVALID, &f[APP_F_CONFIRMED], "%s的申请%s，不需要确认收到",
				  app_channels[ch].label, app_channels[ch].receipt);
	if ((type = app_applicant_find(in->applicant_type)) < 0)
		return desc_error(e, ERR_INVALID, &f[APP_F_APPLICANT_TYPE], "没有“%s”这种申请人类型（可选：%s）",
				  in->applicant_type ? in->applicant_type : "",
				  app_code_ids(CODES_APPLICANTS, ids, sizeof ids));
	if (in->id_number && *in->id_number) {
		/* REQ GB11643-check: a natural person's 身份证 number; REQ GB32100-check otherwise */
		rc = type == APPLICANT_NP ? idcode_resident_id_validate(in->id_number, f[APP_F_ID_NUMBER].id, e)
					  : idcode_uscc_validate(in->id_number, f[APP_F_ID_NUMBER].id, e);
		if (rc != 0)
			snprintf(e->label, sizeof e->label, "%s", f[APP_F_ID_NUMBER].label);
		return rc;
	}
	return 0;
}

int app_create(struct store *s, const struct calendar *cal, const struct app_new *in,
	       int today, struct app_created *out, struct gk_error *e)
{
	struct app_rec r;
	struct app_particular given[APP_F__N];
	struct app_status st;
	struct buf key, js;
	struct jsonw w;
	char received[DATE_LEN], now[21], secret_hash[CRYPTO_SHA256_HEX];
	char id_number[RESIDENT_ID_LEN + 1];
	int type, ch, rc = 0;

	buf_init(&key, 4096);
	buf_init(&js, 0);
	memset(&r, 0, sizeof r);
	memset(out, 0, sizeof *out);
	if ((rc = app_new_check(in, today, e)) != 0)
		goto out;
	ch = app_channel_find(in->channel);
	type = app_applicant_find(in->applicant_type);
	copy_texts(in, &r);
	if (r.id_number) {
		/* one spelling per person: a check character 'x' is stored as 'X' */
		snprintf(id_number, sizeof id_number, "%s", in->id_number);
		if (id_number[17] == 'x')
			id_number[17] = 'X';
		r.id_number = id_number;
	}
	/* "The same applicant" for 按件计收: the identity number when known, else type + name. */
	if (r.id_number)
		rc = buf_printf(&key, "id:%s", r.id_number);
	else
		rc = buf_printf(&key, "name:%s:%s", app_applicant_id(type), in->applicant_name);
	if (rc != 0) {
		rc = desc_error(e, ERR_LIMIT, &app_new_fields[APP_F_APPLICANT_NAME], "太长");
		goto out;
	}
	crypto_random_code(out->secret, APP_SECRET_LEN - 1, code_alphabet);
	crypto_sha256_hex(out->secret, strlen(out->secret), secret_hash);
	store_now(now);
	r.agency_id = in->agency_id;
	r.secret_hash = secret_hash;
	r.received = date_format(in->received, received);
	r.submitted = r.received;
	r.channel = in->channel;
	r.applicant_type = in->applicant_type;
	r.applicant_key = buf_cstr(&key);
	r.state = app_phases[app_channels[ch].confirm ? PHASE_AWAITING_CONFIRMATION : PHASE_RECEIVED].id;
	r.created_at = now;
	for (int attempt = 0; attempt < 4; attempt++) {
		new_code(out->tracking_code);
		r.tracking_code = out->tracking_code;
		rc = app_store(s)->insert(s, &r, &out->id, e);
		if (rc != ERR_CONFLICT || !strstr(e->msg, "tracking_code"))
			break;
	}
	if (rc != 0)
		goto out;
	if ((rc = app_status_of(&r, &st, e)) != 0 ||
	    (rc = save_summary(s, cal, out->id, &st, today, e)) != 0)
		goto out;
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "tracking_code", r.tracking_code);
	jsonw_kstr(&w, "received", r.received);
	jsonw_kstr(&w, "channel", r.channel);
	jsonw_kstr(&w, "applicant_type", r.applicant_type);
	jsonw_kstr(&w, "applicant_name", r.applicant_name);
	for (size_t i = 0, n = app_particulars(&r, given); i < n; i++) {
		char name[64];
		if (!(given[i].field->flags & DESC_IDENTITY)) {
			jsonw_kstr(&w, given[i].field->id, given[i].value);
			continue;
		}
		snprintf(name, sizeof name, "%s_given", given[i].field->id);
		jsonw_kbool(&w, name, given[i].value != NULL);
	}
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0) {
		err_set(e, rc, "", AUDIT_TOO_LARGE);
		goto out;
	}
	if ((rc = audit_record(s, in->agency_id, "application", out->id, "create", buf_cstr(&js),
			       e)) != 0)
		goto out;
	/* REQ 条例-31: confirmed when registered: the date of receipt is the confirmation date */
	if (in->confirmed > 0) {
		struct app_event_in ev;
		app_event_init(&ev, EV_RECEIPT_CONFIRMED, in->confirmed);
		rc = app_record(s, cal, out->id, &ev, today, e);
		if (rc == ERR_STATE || rc == ERR_INVALID) {
			snprintf(e->field, sizeof e->field, "%s", app_new_fields[APP_F_CONFIRMED].id);
			snprintf(e->label, sizeof e->label, "%s", app_new_fields[APP_F_CONFIRMED].label);
		}
		snprintf(out->warning, sizeof out->warning, "%s", ev.warning);
	}
out:
	buf_free(&key);
	buf_free(&js);
	return rc;
}

#define AE(k) offsetof(struct app_event_in, k)
static const struct desc_field app_event_fields[] = {
	{ "note", DESC_TEXT, AE(note), 5000, 0, NULL, "备注", "what was done, for the file", NULL },
	{ "basis", DESC_TEXT, AE(basis), 5000, 0, NULL, "依据和理由",
	  "decided: the legal basis and reasons given to the applicant", "条例第三十六条" },
	{ "approver", DESC_LINE, AE(approver), 200, 0, NULL, "批准人",
	  "extended: the head of the disclosure office who approved", "条例第三十三条" },
	{ "late_reason", DESC_TEXT, AE(late_reason), 2000, 0, NULL, "逾期接受的理由",
	  "why a step after its time limit is accepted", NULL },
	{ "counterpart", DESC_LINE, AE(counterpart), 200, 0, NULL, "征求意见对象或负责公开的机关",
	  "the party consulted, or the organ responsible (36(五))", NULL },
	{ "counterpart_contact", DESC_TEXT, AE(counterpart_contact), 500, DESC_PERSONAL, NULL,
	  "联系方式（对方）", "how to reach the party or organ named", NULL },
};
#undef AE

const struct desc_record app_event_desc = { "application_event", "办理事项", app_event_fields,
					    sizeof app_event_fields / sizeof app_event_fields[0] };

int app_month_ordinal(struct store *s, int64_t id, int64_t *k, struct gk_error *e)
{
	struct arena a;
	struct app_rec r;
	char first[DATE_LEN];
	int rc;

	arena_init(&a);
	if ((rc = app_store(s)->get(s, id, &a, &r, e)) == 0) {
		snprintf(first, sizeof first, "%.8s01", r.received);   /* YYYY-MM-01 */
		rc = app_store(s)->ordinal_in_month(s, id, first, k, e);
	}
	arena_free(&a);
	return rc;
}

static void kint_or_null(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	if (v >= 0)
		jsonw_int(w, v);
	else
		jsonw_null(w);
}

int app_record(struct store *s, const struct calendar *cal, int64_t id, struct app_event_in *ev,
	       int today, struct gk_error *e)
{
	struct arena a;
	struct app_rec r;
	struct app_event_rec *evs, row;
	struct app_status st;
	struct organ_rules rules;
	struct buf js;
	struct jsonw w;
	size_t n;
	char date[DATE_LEN], due[DATE_LEN], now[21];
	int64_t eid;
	int rc;

	arena_init(&a);
	buf_init(&js, 0);
	ev->warning[0] = '\0';
	if ((rc = desc_check(&app_event_desc, ev, e)) != 0)
		goto out;
	if ((rc = app_store(s)->get(s, id, &a, &r, e)) != 0 ||
	    (rc = app_store(s)->events(s, id, &a, &evs, &n, e)) != 0 ||
	    (rc = organ_rules_load(s, r.agency_id, &a, &rules, e)) != 0 ||
	    (rc = app_replay(&r, evs, n, &rules, &st, e)) != 0)
		goto out;
	if (ev->kind == EV_FEE_NOTICE && ev->method == FEE_BY_COUNT && ev->quantity < 0) {
		/* REQ 109号-按件: the ledger counts the applicant's applications this month */
		if ((rc = app_month_ordinal(s, id, &ev->quantity, e)) != 0)
			goto out;
	}
	if ((rc = app_apply(&st, ev, cal, today, e)) != 0)
		goto out;
	memset(&row, 0, sizeof row);
	store_now(now);
	row.app_id = id;
	row.kind = app_event_rules[ev->kind].id;
	row.date = date_format(ev->date, date);
	row.note = ev->note && *ev->note ? ev->note : NULL;
	row.approver = ev->kind == EV_EXTENDED ? ev->approver : NULL;
	row.amount_fen = ev->kind == EV_FEE_NOTICE ? ev->amount_fen : -1;
	row.outcome = st.outcome >= 0 && !app_phases[st.phase].open ? app_outcome_id(st.outcome) : NULL;
	row.basis = ev->basis && *ev->basis ? ev->basis : NULL;
	row.due = ev->due != CLOCK_NONE ? date_format(ev->due, due) : NULL;
	row.days = ev->days > 0 ? ev->days : -1;
	row.party = ev->party > PARTY_NONE && ev->party < PARTY__MAX ? app_party_ids[ev->party] : NULL;
	row.ref = ev->kind == EV_CONSULTATION_ANSWERED && ev->ref > 0 ? ev->ref : -1;
	row.method = ev->kind == EV_FEE_NOTICE && ev->method > FEE_METHOD_NONE &&
		     ev->method < FEE_METHOD__MAX ? app_fee_method_ids[ev->method] : NULL;
	row.quantity = ev->kind == EV_FEE_NOTICE ? ev->quantity : -1;
	row.late_reason = ev->late_reason && *ev->late_reason ? ev->late_reason : NULL;
	row.warning = ev->warning[0] ? ev->warning : NULL;
	row.counterpart = ev->counterpart && *ev->counterpart ? ev->counterpart : NULL;
	row.counterpart_contact = ev->counterpart_contact && *ev->counterpart_contact
				  ? ev->counterpart_contact : NULL;
	row.actor = store_actor(s)[0] ? store_actor(s) : "unknown";
	row.created_at = now;
	if ((rc = app_store(s)->event_insert(s, &row, &eid, e)) != 0)
		goto out;
	if ((rc = save_summary(s, cal, id, &st, today, e)) != 0)
		goto out;
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "event_id", eid);
	jsonw_kstr(&w, "kind", row.kind);
	jsonw_kstr(&w, "date", row.date);
	jsonw_kstr(&w, "note", row.note);
	jsonw_kstr(&w, "approver", row.approver);
	kint_or_null(&w, "amount_fen", row.amount_fen);
	jsonw_kstr(&w, "outcome", row.outcome);
	jsonw_kstr(&w, "basis", row.basis);
	jsonw_kstr(&w, "due", row.due);
	kint_or_null(&w, "days", row.days);
	jsonw_kstr(&w, "party", row.party);
	kint_or_null(&w, "ref", row.ref);
	jsonw_kstr(&w, "method", row.method);
	kint_or_null(&w, "quantity", row.quantity);
	jsonw_kstr(&w, "late_reason", row.late_reason);
	jsonw_kstr(&w, "warning", row.warning);
	jsonw_kstr(&w, "counterpart", row.counterpart);
	jsonw_kstr(&w, "counterpart_contact", row.counterpart_contact);
	jsonw_kstr(&w, "state", app_phases[st.phase].id);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) != 0) {
		err_set(e, rc, "", AUDIT_TOO_LARGE);
		goto out;
	}
	rc = audit_record(s, r.agency_id, "application", id,
			  ev->kind == EV_DECIDED ? "decide" : "event", buf_cstr(&js), e);
out:
	buf_free(&js);
	arena_free(&a);
	return rc;
}

int app_decide(struct store *s, const struct calendar *cal, int64_t id, int outcome, int date,
	       const char *basis, int today, struct gk_error *e)
{
	struct app_event_in ev;

	app_event_init(&ev, EV_DECIDED, date);
	ev.outcome = outcome;
	ev.basis = basis;
	return app_record(s, cal, id, &ev, today, e);
}

/* REQ 条例-30 REQ 条例-33: how late the 补正 notice and the reply were, in working days. */
static void late(struct app_view *v, const struct calendar *cal)
{
	const struct app_status *st = &v->st;
	int due;

	if (st->correction_requested != CLOCK_NONE && v->sch.correction_notice.due != CLOCK_NONE)
		v->correction_late = st->correction_requested > v->sch.correction_notice.due
			? calendar_count_workdays(cal, v->sch.correction_notice.due, st->correction_requested)
			: 0;
	if (st->phase != PHASE_REPLIED)
		return;
	due = app_reply_deadline(st, &v->sch)->due;
	if (due != CLOCK_NONE)
		v->reply_late = st->closed > due ? calendar_count_workdays(cal, due, st->closed) : 0;
}

int app_load(struct store *s, const struct calendar *cal, int64_t id, int today,
	     struct arena *a, struct app_view *out, struct gk_error *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->due = CLOCK_NONE;
	out->reply_late = -1;
	out->correction_late = -1;
	out->confirm_by = CLOCK_NONE;
	out->todo_until = CLOCK_NONE;
	if ((rc = app_store(s)->get(s, id, a, &out->rec, e)) != 0 ||
	    (rc = app_store(s)->events(s, id, a, &out->events, &out->nevents, e)) != 0 ||
	    (rc = organ_rules_load(s, out->rec.agency_id, a, &out->rules, e)) != 0 ||
	    (rc = app_replay(&out->rec, out->events, out->nevents, &out->rules, &out->st, e)) != 0)
		return rc;
	if (app_phases[out->st.phase].open)
		app_settle(&out->st, today);   /* as it stands today */
	if ((rc = app_month_ordinal(s, id, &out->month_ordinal, e)) != 0)
		return rc;
	out->fee_by_count = fee_by_count(out->month_ordinal);
	if (cal) {
		rc = app_schedule(&out->st, cal, today, &out->sch, e);
		out->has_schedule = true;   /* freed by app_view_free in every case */
		if (rc != 0)
			return rc;
		out->due = app_binding_due(&out->st, &out->sch);
		out->confirm_by = app_confirm_by(&out->st, cal);
		out->todo = app_next(&out->st, &out->sch, out->confirm_by, today, &out->todo_until);
		late(out, cal);
	}
	return 0;
}

const char *app_step_limit(const struct app_view *v, int kind, char *buf, size_t len)
{
	const struct app_status *st = &v->st;
	char d1[DATE_LEN] = "—", d2[DATE_LEN] = "—";
	int due = v->due;
	size_t open = 0;

	buf[0] = '\0';
	if (!v->has_schedule)
		return buf;
	if (due != CLOCK_NONE)
		date_format(due, d1);
	switch (kind) {
	case EV_RECEIPT_CONFIRMED:
		snprintf(buf, len, "应于 %s 前与申请人确认；确认之日为收到申请之日，答复期限自次日起算（条例第三十一条）",
			 v->confirm_by != CLOCK_NONE ? date_format(v->confirm_by, d2) : "—");
		break;
	case EV_CORRECTION_REQUESTED:
		if (v->sch.correction_notice.due != CLOCK_NONE)
			snprintf(buf, len, "应于 %s 前一次性告知（收到申请之日起7个工作日，条例第三十条），"
				 "并载明补正期限（本机关默认 %d 个工作日）",
				 date_format(v->sch.correction_notice.due, d2), st->settings.correction_period);
		else
			snprintf(buf, len, "一次性告知，并载明补正期限（本机关默认 %d 个工作日）",
				 st->settings.correction_period);
		break;
	case EV_CORRECTION_RECEIVED:
	case EV_CORRECTION_LAPSED:
		if (st->correction_due == CLOCK_NONE)
			break;
		snprintf(buf, len, kind == EV_CORRECTION_LAPSED
			 ? "申请人可补正至 %s，期满后才能按逾期未补正终止（条例第三十条）"
			 : "补正期限至 %s；逾期收到的补正须写明接受的理由（条例第三十条）",
			 date_format(st->correction_due, d2));
		break;
	case EV_CONSULTATION_STARTED:
		snprintf(buf, len, "应在答复期限 %s 前发出；第三方（条例第三十二条）或其他机关（第三十四条）"
			 "自收到之日起15个工作日内答复", d1);
		break;
	case EV_CONSULTATION_ANSWERED:
		for (size_t i = 0; i < st->nconsults; i++) {
			const struct app_consultation *c = &st->consults[i];
			if (c->answered != CLOCK_NONE || c->lapsed)
				continue;
			open += (size_t)snprintf(buf + open, open < len ? len - open : 0, "%s第 %zu 次（%s）答复期限 %s",
						 open ? "；" : "", i + 1,
						 c->kind == PAUSE_ORGAN ? "其他机关，逾期视为同意" : "第三方",
						 c->due != CLOCK_NONE ? date_format(c->due, d2) : "—");
			if (open >= len)
				break;
		}
		break;
	case EV_EXTENDED:
		snprintf(buf, len, "答复期限 %s 前，经政府信息公开工作机构负责人同意，最长延长 %d 个工作日（%s）",
			 d1, clock_extension_max(st->regime), st->regime == CLOCK_REG_2007
			 ? "2007年条例第二十四条" : "条例第三十三条");
		break;
	case EV_REASONS_REQUESTED:
	case EV_REASONS_RECEIVED:
	case EV_DELAYED:
		snprintf(buf, len, "申请数量、频次明显超过合理范围的，可要求说明理由；理由合理的，可在答复期限 %s "
			 "前告知延迟答复的合理期限（条例第三十五条）", d1);
		break;
	case EV_FEE_NOTICE:
		snprintf(buf, len, "应在答复期限 %s 前发出；按件或按量只选一种，金额按计收方式计算（国办函〔2020〕109号）", d1);
		break;
	case EV_FEE_PAID:
	case EV_FEE_LAPSED:
		if (v->sch.fee_payment.due == CLOCK_NONE)
			break;
		snprintf(buf, len, kind == EV_FEE_LAPSED
			 ? "申请人可缴费至 %s，期满后才能按逾期未缴费终止（国办函〔2020〕109号）"
			 : "缴费期限至 %s（收到收费通知次日起20个工作日）；逾期缴费须写明接受的理由",
			 date_format(v->sch.fee_payment.due, d2));
		break;
	case EV_DECIDED:
		if (due != CLOCK_NONE)
			snprintf(buf, len, "应于 %s 前答复（%s）", d1, st->delayed != CLOCK_NONE
				 ? "延迟答复的期限，条例第三十五条"
				 : clock_deadline_basis(st->extended != CLOCK_NONE ? &v->sch.extended_reply
							: &v->sch.reply));
		break;
	default:
		break;
	}
	return buf;
}

void app_view_free(struct app_view *v)
{
	if (v && v->has_schedule) {
		clock_schedule_free(&v->sch);
		v->has_schedule = false;
	}
}

/*
 * app_notice.c — the notices of an application from its ledger: the table of kinds, one fill
 * function per kind for its wording, and the one check of the legal elements. See
 * app_notice.h.
 * May call: domain/, render/notice.h, render/letter.h, store/, text/, base/.
 */
#include "domain/app_notice.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "domain/agency.h"
#include "domain/letter.h"
#include "domain/notice_ref.h"
#include "domain/notice_wording.h"
#include "domain/organ_rules.h"
#include "render/letter.h"
#include "text/date.h"

/* What a notice says, filled by its kind's row: the legal elements (checked against the row's
 * needs; "" or NULL = missing) and the other parts its wording (domain/notice_wording.h) may
 * name. */
struct app_notice_parts {
	const char *basis, *reasons, *items, *period, *amount, *account, *remedy, *addressee;
	const char *opening, *note, *received, *request;
};

/* The day as 2025年2月25日 (CLOCK_NONE: NULL). */
static const char *cn(int day, struct arena *a)
{
	char ymd[DATE_LEN], out[64];

	if (day == CLOCK_NONE)
		return NULL;
	notice_date_cn(date_format(day, ymd), out);
	return arena_strdup(a, out);
}

static const char *cn_text(const char *ymd, struct arena *a)
{
	char out[64];

	notice_date_cn(ymd, out);
	return arena_strdup(a, out);
}

static int day_of(const char *ymd)
{
	int d;

	return ymd && date_parse(ymd, &d, "date", NULL) == 0 ? d : CLOCK_NONE;
}

static bool has(const char *s)
{
	return s && *s;
}

/* Whom consultation event ev asks: another organ, else — also when it does not say — a third
 * party (条例第三十二条). */
static int consulted(const struct app_event_rec *ev)
{
	return app_party_from_id(ev->party) == PARTY_ORGAN ? PARTY_ORGAN : PARTY_THIRD_PARTY;
}

/* "。" unless the text typed ends a sentence already. */
static const char *sentence_end(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	static const char *const ends[] = { "。", "；", "！", "？" };

	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (n >= 3 && memcmp(s + n - 3, ends[i], 3) == 0)
			return "";
	return "。";
}

/* REQ 行政复议法-20 REQ 行政诉讼法-46: the remedy statement of a decision issued on day. */
static int remedy(struct store *s, const struct app_view *v, int day, const char *what,
		  struct arena *a, const char **out, struct gk_error *e)
{
	const char *body = NULL;
	int rc;

	*out = NULL;
	if ((rc = organ_review_body(s, v->rec.agency_id, day, a, &body, e)) != 0)
		return rc;
	if (has(body))
		*out = letter_remedy(what, what, body, a);
	return 0;
}

/* ---- one fill per kind ---- */

/* REQ 条例-30: the items to correct (the note of the event), the period and its last day, and
 * what follows a lapse. */
static int fill_correction(struct store *s, const struct calendar *cal, const struct app_view *v,
			   size_t i, struct arena *a, struct app_notice_parts *p, struct gk_error *e)
{
	const struct app_event_rec *ev = &v->events[i];
	const char *due = cn(day_of(ev->due), a);

	(void)s, (void)cal, (void)e;
	p->items = ev->note;
	if (due && ev->days > 0)
		p->period = arena_printf(a, "%lld个工作日内，即%s前", (long long)ev->days, due);
	else if (due)
		p->period = arena_printf(a, "%s前", due);
	p->opening = letter_opening(v, a);
	return 0;
}

/* The reply due date as the schedule stood on the day of event i: the ledger replayed up to
 * it, counted on the official calendar. */
static int due_then(const struct calendar *cal, const struct app_view *v, size_t i, int extended,
		    int *out, struct gk_error *e)
{
	struct app_status st;
	struct clock_schedule sch;
	int day = day_of(v->events[i].date), rc;

	*out = CLOCK_NONE;
	memset(&sch, 0, sizeof sch);
	if ((rc = app_replay(&v->rec, v->events, i + 1, &v->rules, &st, e)) == 0 &&
	    (rc = app_schedule(&st, cal, day, &sch, e)) == 0)
		*out = extended ? sch.extended_reply.due : sch.reply.due;
	clock_schedule_free(&sch);
	return rc;
}

/* REQ 条例-33: the extension approved by the head of the disclosure office, and the new due
 * date counted on the calendar. */
static int fill_extension(struct store *s, const struct calendar *cal, const struct app_view *v,
			  size_t i, struct arena *a, struct app_notice_parts *p, struct gk_error *e)
{
	const struct app_event_rec *ev = &v->events[i];
	int due, rc;

	(void)s;
	if ((rc = due_then(cal, v, i, 1, &due, e)) != 0)
		return rc;
	p->reasons = ev->note;
	if (due != CLOCK_NONE && ev->days > 0)
		p->period = arena_printf(a, "延长%lld个工作日，本机关将于%s前作出答复", (long long)ev->days,
					 cn(due, a));
	p->opening = letter_opening(v, a);
	return 0;
}

/* REQ 条例-35: the delayed reply's reasonable period and its last day. */
static int fill_delay(struct store *s, const struct calendar *cal, const struct app_view *v,
		      size_t i, struct arena *a, struct app_notice_parts *p, struct gk_error *e)
{
	const struct app_event_rec *ev = &v->events[i];
	const char *due = cn(day_of(ev->due), a);

	(void)s, (void)cal, (void)e;
	p->reasons = ev->note;
	if (due)
		p->period = ev->days > 0 ? arena_printf(a, "%lld个工作日，本机关将于%s前作出答复",
							(long long)ev->days, due)
					 : arena_printf(a, "至%s，本机关将于该日前作出答复", due);
	p->opening = letter_opening(v, a);
	return 0;
}

/* REQ 条例-42 REQ 109号: the method, the quantity, the amount (domain/fee, computed when the
 * notice was recorded), how to pay, the period to pay and what follows a lapse. */
static int fill_fee(struct store *s, const struct calendar *cal, const struct app_view *v,
		    size_t i, struct arena *a, struct app_notice_parts *p, struct gk_error *e)
{
	const struct app_event_rec *ev = &v->events[i];
	int method = app_fee_method_from_id(ev->method ? ev->method : "");
	struct organ_rules rules;
	int rc;

	(void)cal;
	if ((rc = organ_rules_load(s, v->rec.agency_id, a, &rules, e)) != 0)
		return rc;
	p->reasons = ev->note;
	p->account = rules.fee_account;
	if (ev->amount_fen >= 0 && method > FEE_METHOD_NONE && ev->quantity >= 0)
		p->amount = arena_printf(a, "计收方式：%s（%s%lld%s）；应缴金额：人民币%lld.%02lld元",
					 app_fee_method_labels[method],
					 method == FEE_BY_PAGES ? "共" : "本月第", (long long)ev->quantity,
					 method == FEE_BY_PAGES ? "页" : "件",
					 (long long)(ev->amount_fen / 100), (long long)(ev->amount_fen % 100));
	p->period = arena_printf(a, "自收到本通知之日起%d个工作日内",
				 clock_limit_days(CLOCK_FEE_PAYMENT, v->st.regime));
	if ((rc = remedy(s, v, day_of(ev->date), "本通知", a, &p->remedy, e)) != 0)
		return rc;
	p->opening = letter_opening(v, a);
	return 0;
}

/* REQ 条例-32 REQ 条例-34: the letter to the party consulted, with the 15 working days to
 * answer (counted from the letter by the ledger) and what silence means. */
static int fill_consult(struct store *s, const struct calendar *cal, const struct app_view *v,
			size_t i, struct arena *a, struct app_notice_parts *p, struct gk_error *e)
{
	const struct app_event_rec *ev = &v->events[i];
	const char *due = cn(day_of(ev->due), a);
	/* REQ 条例-32 REQ 条例-34: the answer period the clock counts for whom is consulted */
	int days = clock_limit_days(consulted(ev) == PARTY_ORGAN ? CLOCK_ORGAN_ANSWER
								 : CLOCK_THIRD_PARTY_ANSWER, v->st.regime);

	(void)s, (void)cal, (void)e;
	p->addressee = ev->counterpart;
	if (due)
		p->period = days > 0 ? arena_printf(a, "自收到本函之日起%d个工作日内（%s前）", days, due)
				     : arena_printf(a, "%s前", due);
	p->received = cn_text(v->rec.received, a);
	p->request = has(v->rec.request) ? v->rec.request : "相关政府信息";
	p->note = ev->note;
	return 0;
}

const struct app_notice_kind_info app_notice_kinds[NOTICE__KINDS] = {
	[NOTICE_CORRECTION] = { "correction", EV_CORRECTION_REQUESTED, PARTY_NONE,
		"政府信息公开申请补正告知书", true, "条例第三十条",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_ITEMS | NOTICE_NEEDS_PERIOD, fill_correction },
	[NOTICE_EXTENSION] = { "extension", EV_EXTENDED, PARTY_NONE,
		"政府信息公开申请延期答复告知书", true, "条例第三十三条第二款",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_REASONS | NOTICE_NEEDS_PERIOD, fill_extension },
	[NOTICE_DELAY] = { "delay", EV_DELAYED, PARTY_NONE,
		"政府信息公开申请延迟答复告知书", true, "条例第三十五条",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_PERIOD, fill_delay },
	[NOTICE_FEE] = { "fee", EV_FEE_NOTICE, PARTY_NONE,
		"政府信息公开信息处理费收费通知书", true,
		"条例第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_AMOUNT | NOTICE_NEEDS_ACCOUNT | NOTICE_NEEDS_PERIOD |
		NOTICE_NEEDS_REMEDY, fill_fee },
	[NOTICE_CONSULT_THIRD] = { "consultation-third", EV_CONSULTATION_STARTED, PARTY_THIRD_PARTY,
		"政府信息公开征求第三方意见函", false, "条例第三十二条",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_ADDRESSEE | NOTICE_NEEDS_PERIOD, fill_consult },
	[NOTICE_CONSULT_ORGAN] = { "consultation-organ", EV_CONSULTATION_STARTED, PARTY_ORGAN,
		"政府信息公开征求其他机关意见函", false, "条例第三十四条",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_ADDRESSEE | NOTICE_NEEDS_PERIOD, fill_consult },
	[NOTICE_REPLY] = { "reply", EV_DECIDED, PARTY_NONE, NULL, true, "条例第三十六条",
		NOTICE_NEEDS_BASIS | NOTICE_NEEDS_REASONS | NOTICE_NEEDS_REMEDY, NULL },
};

/* The legal elements, each with the name and the Chinese words of its refusal. */
static const struct {
	unsigned bit;
	const char *name, *words;
	size_t off;
} elements[] = {
#define EL(bit, f, words) { bit, #f, words, offsetof(struct app_notice_parts, f) }
	EL(NOTICE_NEEDS_BASIS, basis, "法律依据"),
	EL(NOTICE_NEEDS_REASONS, reasons, "理由（登记该环节时在“说明”中填写）"),
	EL(NOTICE_NEEDS_ITEMS, items, "需要补正的事项（登记补正告知时在“说明”中填写）"),
	EL(NOTICE_NEEDS_PERIOD, period, "期限及其截止日期"),
	EL(NOTICE_NEEDS_AMOUNT, amount, "计收方式、数量和金额"),
	EL(NOTICE_NEEDS_ACCOUNT, account, "缴费方式和账户（机关设置 --fee-account）"),
	EL(NOTICE_NEEDS_REMEDY, remedy, "救济途径（行政复议机关，机关设置 --review-body）"),
	EL(NOTICE_NEEDS_ADDRESSEE, addressee, "被征求意见的第三方或者机关名称（登记时 --counterpart）"),
#undef EL
};

/* REQ 条例-36 and the articles of each kind: refuse a notice without an element it needs. */
static int check_elements(const struct app_notice_kind_info *k, const struct app_notice_parts *p,
			  struct gk_error *e)
{
	for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++) {
		const char *v = *(const char *const *)((const char *)p + elements[i].off);

		if ((k->needs & elements[i].bit) && !has(v))
			return err_set(e, ERR_STATE, elements[i].name, "%s缺少%s，不能出具",
				       k->title, elements[i].words);
	}
	return 0;
}

/* The kind of notice event ev issues, or -1. */
static int kind_of(const struct app_event_rec *ev)
{
	int k = app_event_from_id(ev->kind);

	for (int n = 0; k >= 0 && n < NOTICE_REPLY; n++) {
		if (app_notice_kinds[n].event != k)
			continue;
		if (app_notice_kinds[n].party == PARTY_NONE)
			return n;
		if (app_notice_kinds[n].party == consulted(ev))
			return n;
	}
	return -1;
}

int app_notices(const struct app_view *v, struct arena *a, struct app_notice **out, size_t *n,
		struct gk_error *e)
{
	int seen[NOTICE__KINDS] = { 0 };

	(void)e;
	*n = 0;
	*out = arena_alloc(a, (v->nevents + 1) * sizeof **out);
	for (size_t i = 0; i < v->nevents; i++) {
		int k = kind_of(&v->events[i]);

		if (k < 0)
			continue;
		(*out)[(*n)++] = (struct app_notice){
			arena_printf(a, "%s-%d", app_notice_kinds[k].id, ++seen[k]), k,
			app_notice_kinds[k].title, v->events[i].date, app_notice_kinds[k].to_applicant, i };
	}
	if (!app_phases[v->st.phase].open && v->st.outcome >= 0 && letter_closing(v) < v->nevents) {
		size_t c = letter_closing(v);

		(*out)[(*n)++] = (struct app_notice){ "reply", NOTICE_REPLY, letter_title(v->st.outcome),
						      v->events[c].date, true, c };
	}
	return 0;
}

/* The parts a kind's wording must name: its legal elements but the addressee (printed above
 * the body, not in it). */
static unsigned required_parts(unsigned needs)
{
	static const struct { unsigned need; int part; } map[] = {
		{ NOTICE_NEEDS_BASIS, PART_BASIS }, { NOTICE_NEEDS_REASONS, PART_REASONS },
		{ NOTICE_NEEDS_ITEMS, PART_ITEMS }, { NOTICE_NEEDS_PERIOD, PART_PERIOD },
		{ NOTICE_NEEDS_AMOUNT, PART_AMOUNT }, { NOTICE_NEEDS_ACCOUNT, PART_ACCOUNT },
		{ NOTICE_NEEDS_REMEDY, PART_REMEDY },
	};
	unsigned out = 0;

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (needs & map[i].need)
			out |= 1u << map[i].part;
	return out;
}

int app_notice_wording_needs(const char *kind, struct notice_wording_needs *out)
{
	for (int k = 0; k < NOTICE__KINDS; k++) {
		if (strcmp(app_notice_kinds[k].id, kind) != 0)
			continue;
		*out = k == NOTICE_REPLY ? letter_wording_needs
		       : (struct notice_wording_needs){ required_parts(app_notice_kinds[k].needs), NULL };
		return 0;
	}
	return -1;
}

/* The wording of a notice of kind k: the one stored with it when it was issued, else the
 * organ's template as it stands. */
static int wording_of(struct store *s, const struct app_view *v, int k,
		      const struct notice_issued *issued, struct arena *a, struct notice_wording *out,
		      struct gk_error *e)
{
	const struct app_notice_kind_info *ki = &app_notice_kinds[k];
	struct notice_wording_needs needs;

	if (k == NOTICE_REPLY)
		return letter_wording(s, v, issued, a, out, e);
	(void)app_notice_wording_needs(ki->id, &needs);
	if (issued && issued->wording)
		return notice_wording_parse(issued->wording, ki->id, &needs, a, out, e);
	return notice_wording_load(s, v->rec.agency_id, ki->id, &needs, a, out, e);
}

int app_notice_wording(struct store *s, const struct app_view *v, const char *id, struct arena *a,
		       struct notice_wording *out, struct gk_error *e)
{
	struct app_notice *nts;
	size_t n;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = app_notices(v, a, &nts, &n, e)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(nts[i].id, id) != 0)
			continue;
		return wording_of(s, v, nts[i].kind, NULL, a, out, e);
	}
	return err_set(e, ERR_NOTFOUND, "notice", "该申请没有编号为“%s”的告知书", id);
}

/* The document of procedural notice nt (not the reply) of v: its parts from the ledger with
 * the legal elements checked, in the wording it is (or would now be) issued in. */
static int procedural_doc(struct store *s, const struct calendar *cal, const struct app_view *v,
			  const struct app_notice *nt, struct arena *a, struct notice_doc *doc,
			  struct gk_error *e)
{
	const struct app_notice_kind_info *k = &app_notice_kinds[nt->kind];
	const struct notice_issued *issued;
	struct app_notice_parts p;
	struct notice_wording w;
	struct agency_rec org;
	int rc;

	memset(&p, 0, sizeof p);
	p.basis = letter_law(k->article, a);
	if ((rc = k->fill(s, cal, v, nt->event, a, &p, e)) != 0 || (rc = check_elements(k, &p, e)) != 0)
		return rc;
	if ((rc = agency_store(s)->get(s, v->rec.agency_id, a, &org, e)) != 0 ||
	    (rc = notice_issued_get(s, v, nt->id, a, &issued, e)) != 0)
		return rc;
	memset(doc, 0, sizeof *doc);
	doc->title = k->title;
	/* the organ's number once issued (domain/notice_ref.h), beside the tracking code */
	doc->ref = issued ? arena_printf(a, "%s　查询码：%s", issued->ref_number, v->rec.tracking_code)
			 : arena_printf(a, "编号：%s", v->rec.tracking_code);
	doc->addressee = k->to_applicant ? v->rec.applicant_name : p.addressee;
	{
		const char *parts[PART__MAX] = {
			[PART_OPENING] = p.opening, [PART_BASIS] = p.basis, [PART_REASONS] = p.reasons,
			[PART_ITEMS] = has(p.items) ? arena_printf(a, "%s%s", p.items,
								   sentence_end(p.items)) : NULL,
			[PART_PERIOD] = p.period, [PART_AMOUNT] = p.amount, [PART_ACCOUNT] = p.account,
			[PART_REMEDY] = p.remedy, [PART_NOTE] = p.note, [PART_RECEIVED] = p.received,
			[PART_REQUEST] = p.request,
		};

		if ((rc = wording_of(s, v, nt->kind, issued, a, &w, e)) != 0 ||
		    (rc = notice_wording_fill(&w, parts, a, doc->paras, NOTICE_MAX_PARAS, &doc->npara,
					      e)) != 0)
			return rc;
	}
	doc->version = w.version;
	doc->organ = agency_full_name(&org, a);
	doc->date = nt->date;
	doc->filed = v->rec.received;
	return 0;
}

int app_notice_find(struct store *s, const struct app_view *v, const char *id,
		    struct arena *a, struct app_notice *out, struct gk_error *e)
{
	struct app_notice *nts;
	size_t n;
	int rc;

	if ((rc = app_notices(v, a, &nts, &n, e)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (strcmp(nts[i].id, id) == 0) {
			*out = nts[i];
			return 0;
		}
	if (strcmp(id, "reply") == 0) {   /* not closed: letter_build says why there is none */
		struct letter l;

		if ((rc = letter_build(s, v, a, &l, e)) != 0)
			return rc;
	}
	return err_set(e, ERR_NOTFOUND, "notice", "该申请没有编号为“%s”的告知书", id);
}

int app_notice_check(struct store *s, const struct calendar *cal, const struct app_view *v,
		     const struct app_notice *nt, struct arena *a, struct gk_error *e)
{
	struct notice_doc doc;
	struct letter l;

	return nt->kind == NOTICE_REPLY ? letter_build(s, v, a, &l, e)
					: procedural_doc(s, cal, v, nt, a, &doc, e);
}

int app_notice_write(struct store *s, const struct calendar *cal, const struct app_view *v,
		     const char *id, int format, struct arena *a, struct buf *out,
		     struct gk_error *e)
{
	struct app_notice nt;
	struct notice_doc doc;
	struct letter l;
	int rc;

	if (format < 0 || format >= NOTICE__MAX)
		return err_set(e, ERR_NOTFOUND, "format", "没有这种格式");
	if ((rc = app_notice_find(s, v, id, a, &nt, e)) != 0)
		return rc;
	if (nt.kind == NOTICE_REPLY)
		return (rc = letter_build(s, v, a, &l, e)) != 0 ? rc : render_letter(&l, format, out, e);
	if ((rc = procedural_doc(s, cal, v, &nt, a, &doc, e)) != 0)
		return rc;
	return render_notice(&doc, format, out, e);
}

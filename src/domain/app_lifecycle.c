/*
 * app_lifecycle.c — the application lifecycle: the declared transition table, the checks of
 * every time limit where a step is taken (app_apply), the replay of stored events and the live
 * deadlines (see application.h; the steps, their articles and time limits: docs/lifecycle.md).
 * Pure: no store, no I/O. May call domain/clock, domain/calendar, domain/fee, text/.
 * Law: 条例 Arts. 30–37 (2019); 国务院令第492号 Art. 24 (2007); 国办函〔2020〕109号.
 */
#include "domain/application.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/fee.h"
#include "text/date.h"
#include "text/money.h"

#define B(p) (1u << (p))
#define OPEN_PHASES (B(PHASE_AWAITING_CONFIRMATION) | B(PHASE_RECEIVED) | \
		     B(PHASE_AWAITING_CORRECTION) | B(PHASE_CONSULTING) | \
		     B(PHASE_FEE_NOTICE_SENT) | B(PHASE_AWAITING_PAYMENT))
#define HANDLING (B(PHASE_RECEIVED) | B(PHASE_CONSULTING))

const struct app_phase_info app_phases[PHASE__MAX] = {
	[PHASE_AWAITING_CONFIRMATION] = { "awaiting-confirmation", "待确认收到", true },
	[PHASE_RECEIVED] = { "received", "办理中", true },
	[PHASE_AWAITING_CORRECTION] = { "awaiting-correction", "待补正", true },
	[PHASE_CONSULTING] = { "consulting", "征求意见中", true },
	[PHASE_FEE_NOTICE_SENT] = { "fee-notice-sent", "已发收费通知", true },
	[PHASE_AWAITING_PAYMENT] = { "awaiting-payment", "待缴费", true },
	[PHASE_REPLIED] = { "replied", "已答复", false },
	[PHASE_CLOSED] = { "closed", "已终止", false },
};

/* REQ 条例-31 REQ 条例-30 REQ 条例-32 REQ 条例-33 REQ 条例-34 REQ 条例-35 REQ 109号: the
 * transition table of spec §5.9–§5.10, one row per step with the article it rests on. */
const struct app_event_rule app_event_rules[EV__MAX] = {
	[EV_RECEIPT_CONFIRMED] = { "receipt-confirmed", "确认收到申请",
		B(PHASE_AWAITING_CONFIRMATION), PHASE_RECEIVED, -1,
		"待确认收到的申请", -1, NULL,
		"条例第三十一条", 0,
		"平常信函收到当日确认；互联网、电子邮件、传真在机关设定的工作日内确认（默认2个）" },
	[EV_CORRECTION_REQUESTED] = { "correction-requested", "补正告知",
		B(PHASE_RECEIVED), PHASE_AWAITING_CORRECTION, -1,
		"办理中的申请", -1, "补正应一次性告知",
		"条例第三十条", TAKES_PERIOD,
		"收到申请之日起7个工作日内一次性告知，并载明补正期限" },
	[EV_CORRECTION_RECEIVED] = { "correction-received", "收到补正",
		B(PHASE_AWAITING_CORRECTION), PHASE_RECEIVED, -1,
		"已发补正告知、等待补正的申请（先记录 correction-requested）", -1, NULL,
		"条例第三十条", TAKES_LATE_REASON,
		"补正期限内；逾期收到的须记录接受的理由" },
	[EV_CORRECTION_LAPSED] = { "correction-lapsed", "逾期未补正",
		B(PHASE_AWAITING_CORRECTION), PHASE_CLOSED, OUTCOME_OTHER_NO_CORRECTION,
		"已发补正告知、等待补正的申请（先记录 correction-requested）", -1, NULL,
		"条例第三十条", 0, "补正期限届满之后" },
	[EV_CONSULTATION_STARTED] = { "consultation-started", "征求意见",
		HANDLING, PHASE_CONSULTING, -1,
		"办理中或征求意见中的申请", -1, NULL,
		"条例第三十二条、第三十四条", TAKES_PARTY,
		"答复期限内；被征求意见方自收到之日起15个工作日内答复" },
	[EV_CONSULTATION_ANSWERED] = { "consultation-answered", "收到意见",
		B(PHASE_CONSULTING), -1, -1,
		"已征求意见（consultation-started）、在答复期内尚未答复的申请", -1, NULL, "条例第三十二条、第三十四条", TAKES_REF,
		"15个工作日答复期内（期满后不扣除的时间即止于该日）" },
	[EV_EXTENDED] = { "extended", "延长答复期限",
		HANDLING, -1, -1,
		"答复期限正在计算的申请（办理中或征求意见中）", -1,
		"答复期限只能延长一次", "条例第三十三条", TAKES_WORKDAYS | TAKES_APPROVER,
		"答复期限内，经工作机构负责人同意，延长不超过20个工作日（2007年条例：15个）" },
	[EV_REASONS_REQUESTED] = { "reasons-requested", "要求说明理由",
		HANDLING, -1, -1,
		"办理中或征求意见中的申请", -1,
		"说明理由只要求一次", "条例第三十五条", 0, "答复期限内" },
	[EV_REASONS_RECEIVED] = { "reasons-received", "收到申请人说明的理由",
		HANDLING, -1, -1,
		"办理中或征求意见中的申请", EV_REASONS_REQUESTED,
		"申请人说明理由只记录一次", "条例第三十五条", 0, "—" },
	[EV_DELAYED] = { "delayed", "延迟答复",
		HANDLING, -1, -1,
		"办理中或征求意见中的申请", EV_REASONS_RECEIVED,
		"延迟答复只告知一次", "条例第三十五条", TAKES_PERIOD,
		"答复期限内告知申请人，延迟的期限由机关确定" },
	[EV_FEE_NOTICE] = { "fee-notice", "收费通知",
		B(PHASE_RECEIVED), PHASE_FEE_NOTICE_SENT, -1,
		"办理中的申请", -1,
		"一件申请只收费一次，只用一种计收方式", "国办函〔2020〕109号", TAKES_FEE,
		"答复期限（含延长的期限）内发出" },
	[EV_FEE_NOTICE_RECEIVED] = { "fee-notice-received", "申请人收到收费通知",
		B(PHASE_FEE_NOTICE_SENT), PHASE_AWAITING_PAYMENT, -1,
		"已发收费通知（fee-notice）的申请", -1, NULL, "国办函〔2020〕109号", 0, "—" },
	[EV_FEE_PAID] = { "fee-paid", "缴费",
		B(PHASE_FEE_NOTICE_SENT) | B(PHASE_AWAITING_PAYMENT), PHASE_RECEIVED, -1,
		"已发收费通知（fee-notice）、尚未缴费的申请", -1, NULL,
		"国办函〔2020〕109号", TAKES_LATE_REASON,
		"收到收费通知次日起20个工作日内；逾期的须记录接受的理由" },
	[EV_FEE_LAPSED] = { "fee-lapsed", "逾期未缴费",
		B(PHASE_FEE_NOTICE_SENT) | B(PHASE_AWAITING_PAYMENT), PHASE_CLOSED,
		OUTCOME_OTHER_FEE_UNPAID, "已发收费通知（fee-notice）、尚未缴费的申请", -1,
		NULL, "国办函〔2020〕109号", 0, "缴费期限届满之后" },
	[EV_WITHDRAWN] = { "withdrawn", "申请人撤回",
		OPEN_PHASES, PHASE_CLOSED, OUTCOME_OTHER_MISC,
		"未办结的申请", -1, NULL, "—", 0, "办结前" },
	[EV_DECIDED] = { "decided", "答复",
		B(PHASE_RECEIVED), PHASE_REPLIED, -1,
		"办理中的申请（不在待确认收到、待补正、征求意见或收费期间）", -1, NULL, "条例第三十六条", 0,
		"答复期限内（延长或延迟的，至延长或延迟后的期限）" },
};

const char *const app_party_ids[PARTY__MAX] = { "", "third-party", "organ" };
const char *const app_party_labels[PARTY__MAX] = { "", "第三方", "其他行政机关" };
const char *const app_fee_method_ids[FEE_METHOD__MAX] = { "", "by-count", "by-pages" };
const char *const app_fee_method_labels[FEE_METHOD__MAX] = { "", "按件计收", "按量计收" };

const struct app_todo_info app_todos[TODO__MAX] = {
	[TODO_NONE] = { "none", "", false },
	[TODO_CONFIRM] = { "confirm", "待确认收到申请", true },
	[TODO_REPLY] = { "reply", "待答复", true },
	[TODO_WAIT_CORRECTION] = { "wait-correction", "等待申请人补正", false },
	[TODO_CLOSE_NO_CORRECTION] = { "close-no-correction", "补正期限已过，待按逾期未补正终止（（六）1）", true },
	[TODO_WAIT_CONSULTATION] = { "wait-consultation", "等待被征求意见方答复", false },
	[TODO_DECIDE_CONSULTED] = { "decide-consulted", "第三方逾期未答复，待本机关依法决定", true },
	[TODO_WAIT_PAYMENT] = { "wait-payment", "等待申请人缴费", false },
	[TODO_CLOSE_FEE_UNPAID] = { "close-fee-unpaid", "缴费期限已过，待按逾期未缴费终止（（六）2）", true },
};

int app_phase_from_id(const char *s)
{
	for (int i = 0; s && i < PHASE__MAX; i++)
		if (strcmp(app_phases[i].id, s) == 0)
			return i;
	return -1;
}

int app_event_from_id(const char *s)
{
	for (int i = 0; s && i < EV__MAX; i++)
		if (strcmp(app_event_rules[i].id, s) == 0)
			return i;
	return -1;
}

int app_party_from_id(const char *s)
{
	for (int i = 1; s && i < PARTY__MAX; i++)
		if (strcmp(app_party_ids[i], s) == 0)
			return i;
	return -1;
}

int app_fee_method_from_id(const char *s)
{
	for (int i = 1; s && i < FEE_METHOD__MAX; i++)
		if (strcmp(app_fee_method_ids[i], s) == 0)
			return i;
	return -1;
}

void app_event_init(struct app_event_in *ev, int kind, int date)
{
	memset(ev, 0, sizeof *ev);
	ev->kind = kind;
	ev->date = date;
	ev->amount_fen = -1;
	ev->outcome = -1;
	ev->due = CLOCK_NONE;
	ev->quantity = -1;
}

void app_status_init(struct app_status *st, int received)
{
	struct organ_rules d;

	memset(st, 0, sizeof *st);
	st->submitted = st->received = received;
	if (clock_regime_of(received, &st->regime, NULL) != 0)
		st->regime = CLOCK_REG_2007;
	st->phase = PHASE_RECEIVED;
	st->outcome = -1;
	st->closed = CLOCK_NONE;
	st->last_date = received;
	st->last_kind = -1;
	st->correction_requested = st->correction_due = st->correction_received = CLOCK_NONE;
	st->extended = CLOCK_NONE;
	st->reasons_requested = st->reasons_received = CLOCK_NONE;
	st->delayed = st->delayed_due = CLOCK_NONE;
	st->fee_notice = st->fee_notice_received = st->fee_paid = CLOCK_NONE;
	st->fee_fen = -1;
	st->fee_quantity = -1;
	organ_rules_default(&d);
	app_status_settings(st, &d);
}

void app_status_settings(struct app_status *st, const struct organ_rules *rules)
{
	st->settings.fee_pause = rules->fee_pause;
	st->settings.consult_cap = rules->consult_cap;
	st->settings.correction_period = rules->correction_period;
	st->settings.confirm_days = rules->confirm_days;
}

int app_status_of(const struct app_rec *r, struct app_status *st, struct gk_error *e)
{
	int day, rc, ch = app_channel_find(r->channel);

	if ((rc = date_parse(r->submitted ? r->submitted : r->received, &day, "received", e)) != 0)
		return rc;
	app_status_init(st, day);
	/* REQ 条例-31: registered on the day it arrived, its receipt still to be confirmed */
	if (r->submitted && ch >= 0 && app_channels[ch].confirm) {
		st->phase = PHASE_AWAITING_CONFIRMATION;
		st->confirm_same_day = app_channels[ch].same_day;
	}
	return 0;
}

static const char *ds(int day, char out[DATE_LEN])
{
	return day == CLOCK_NONE ? "—" : date_format(day, out);
}

/* The number of the consultation ev answers (0-based), or -1 when it names none open. */
static int consultation_answered(const struct app_status *st, int ref)
{
	if (ref > 0)
		return (size_t)ref <= st->nconsults && st->consults[ref - 1].answered == CLOCK_NONE &&
		       !st->consults[ref - 1].lapsed ? ref - 1 : -1;
	for (size_t i = st->nconsults; i-- > 0;)
		if (st->consults[i].answered == CLOCK_NONE && !st->consults[i].lapsed)
			return (int)i;
	return -1;
}

static size_t open_consultations(const struct app_status *st)
{
	size_t n = 0;

	for (size_t i = 0; i < st->nconsults; i++)
		n += st->consults[i].answered == CLOCK_NONE && !st->consults[i].lapsed;
	return n;
}

void app_settle(struct app_status *st, int day)
{
	/* REQ 条例-32 REQ 条例-34: past its 15-working-day answer period a consultation no longer
	 * holds the application (an organ's silence is consent; for a third party the organ
	 * decides); the organ may choose to wait longer (consult_cap no; 2007: no period). */
	if (!st->settings.consult_cap || st->regime != CLOCK_REG_2019)
		return;
	for (size_t i = 0; i < st->nconsults; i++) {
		struct app_consultation *c = &st->consults[i];
		if (c->answered == CLOCK_NONE && !c->lapsed && c->due != CLOCK_NONE && c->due < day)
			c->lapsed = true;
	}
	if (st->phase == PHASE_CONSULTING && open_consultations(st) == 0)
		st->phase = PHASE_RECEIVED;
}

/* Apply without checks (the checks passed, or the event is being replayed). */
static int transition(struct app_status *st, const struct app_event_in *ev, struct gk_error *e)
{
	const struct app_event_rule *r = &app_event_rules[ev->kind];
	int i;

	switch (ev->kind) {
	case EV_RECEIPT_CONFIRMED:
		st->received = ev->date;
		if (clock_regime_of(ev->date, &st->regime, e) != 0)
			return ERR_INVALID;
		break;
	case EV_CORRECTION_REQUESTED:
		st->correction_requested = ev->date;
		st->correction_due = ev->due;
		st->correction_days = ev->days > 0 ? ev->days : 0;
		break;
	case EV_CORRECTION_RECEIVED:
		st->correction_received = ev->date;
		break;
	case EV_CONSULTATION_STARTED:
		if (st->nconsults >= APP_MAX_CONSULTATIONS)
			return err_set(e, ERR_LIMIT, "KIND", "一件申请最多记录 %d 次征求意见",
				       APP_MAX_CONSULTATIONS);
		st->consults[st->nconsults++] = (struct app_consultation){
			.sent = ev->date, .due = ev->due, .answered = CLOCK_NONE,
			.kind = ev->party == PARTY_ORGAN ? PAUSE_ORGAN :
				ev->party == PARTY_THIRD_PARTY ? PAUSE_THIRD_PARTY : PAUSE_CONSULTATION,
		};
		break;
	case EV_CONSULTATION_ANSWERED:
		if ((i = consultation_answered(st, ev->ref)) >= 0)
			st->consults[i].answered = ev->date;
		st->phase = open_consultations(st) ? PHASE_CONSULTING : PHASE_RECEIVED;
		break;
	case EV_EXTENDED:
		st->extended = ev->date;
		st->extension_days = ev->days > 0 ? ev->days : clock_extension_max(st->regime);
		break;
	case EV_REASONS_REQUESTED:
		st->reasons_requested = ev->date;
		break;
	case EV_REASONS_RECEIVED:
		st->reasons_received = ev->date;
		break;
	case EV_DELAYED:
		st->delayed = ev->date;
		st->delayed_days = ev->days > 0 ? ev->days : 0;
		st->delayed_due = ev->due;
		break;
	case EV_FEE_NOTICE:
		st->fee_notice = ev->date;
		st->fee_fen = ev->amount_fen;
		st->fee_method = ev->method;
		st->fee_quantity = ev->quantity;
		break;
	case EV_FEE_NOTICE_RECEIVED:
		st->fee_notice_received = ev->date;
		break;
	case EV_FEE_PAID:
		st->fee_paid = ev->date;
		break;
	default:
		break;
	}
	if (r->to >= 0)
		st->phase = r->to;
	if (ev->kind == EV_DECIDED)
		st->outcome = ev->outcome;
	else if (r->closes_with >= 0)
		st->outcome = r->closes_with;
	if (!app_phases[st->phase].open) {
		st->closed = ev->date;
		/* a consultation still open at closing ends there */
		for (size_t k = 0; k < st->nconsults; k++)
			if (st->consults[k].answered == CLOCK_NONE && !st->consults[k].lapsed)
				st->consults[k].answered = ev->date;
	}
	st->last_date = ev->date;
	st->last_kind = ev->kind;
	return 0;
}

static const char *last_name(const struct app_status *st)
{
	return st->last_kind < 0 ? "收到申请" : app_event_rules[st->last_kind].label;
}

/* The date kind was last recorded on st, or CLOCK_NONE. */
static int recorded_on(const struct app_status *st, int kind)
{
	switch (kind) {
	case EV_CORRECTION_REQUESTED: return st->correction_requested;
	case EV_EXTENDED: return st->extended;
	case EV_REASONS_REQUESTED: return st->reasons_requested;
	case EV_REASONS_RECEIVED: return st->reasons_received;
	case EV_DELAYED: return st->delayed;
	case EV_FEE_NOTICE: return st->fee_notice;
	default: return CLOCK_NONE;
	}
}

/* A refusal: "不能记录“补正告知”：…". */
static int refuse(struct gk_error *e, int code, const char *field, int kind, const char *fmt, ...)
	GK_PRINTF(5, 6);
static int refuse(struct gk_error *e, int code, const char *field, int kind, const char *fmt, ...)
{
	const struct desc_field *f = desc_find(&app_event_desc, field);
	char why[sizeof e->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (f)
		return desc_error(e, code, f, "不能记录“%s”：%s", app_event_rules[kind].label, why);
	return err_set(e, code, field, "不能记录“%s”：%s", app_event_rules[kind].label, why);
}

static void warn(struct app_event_in *ev, const char *fmt, ...) GK_PRINTF(2, 3);
static void warn(struct app_event_in *ev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ev->warning, sizeof ev->warning, fmt, ap);
	va_end(ap);
}

/* Working days in (from, to], or the calendar days when there is no calendar. */
static int late_by(const struct calendar *cal, int from, int to)
{
	return cal ? calendar_count_workdays(cal, from, to) : to - from;
}

/* REQ 条例-30 REQ 条例-35: a period given as N working days or as its last day; the last day
 * of a period is a working day (民法典 Art. 203), so a date that is not one moves to the next. */
static int period(const struct calendar *cal, struct app_event_in *ev, int deflt, int max,
		  const char *what, struct gk_error *e)
{
	char d1[DATE_LEN], d2[DATE_LEN];

	if (ev->days < 0 || ev->days > max)
		return refuse(e, ERR_INVALID, "period", ev->kind, "%s为 %d 个工作日？应为 1–%d",
			      what, ev->days, max);
	if (ev->due != CLOCK_NONE && ev->due <= ev->date)
		return refuse(e, ERR_INVALID, "due", ev->kind, "%s的最后一天 %s 应晚于告知之日 %s",
			      what, ds(ev->due, d1), ds(ev->date, d2));
	if (ev->days == 0 && ev->due == CLOCK_NONE) {
		if (deflt <= 0)
			return refuse(e, ERR_INVALID, "period", ev->kind, "请写明%s（几个工作日，"
				      "或最后一天的日期）", what);
		ev->days = deflt;
	}
	if (cal == NULL)
		return 0;   /* replayed: the stored due and days stand */
	if (ev->due != CLOCK_NONE && ev->days == 0) {
		while (!calendar_is_workday(cal, ev->due))
			ev->due++;
		ev->days = calendar_count_workdays(cal, ev->date, ev->due);
	} else if (ev->due == CLOCK_NONE) {
		ev->due = calendar_add_workdays(cal, ev->date, ev->days);
	}
	return 0;
}

/* The checks of one kind of event that need the statutory clock, at the event's date. */
static int clock_checks(const struct app_status *st, struct app_event_in *ev,
			const struct calendar *cal, struct gk_error *e)
{
	struct clock_schedule sch;
	char d1[DATE_LEN], d2[DATE_LEN];
	int rc, binding, k = ev->kind;

	if ((rc = app_schedule(st, cal, ev->date, &sch, e)) != 0)
		goto out;
	binding = app_binding_due(st, &sch);
	switch (k) {
	case EV_RECEIPT_CONFIRMED: {
		int by = app_confirm_by(st, cal);
		/* REQ 条例-31: a late confirmation is recorded, with a warning */
		if (by != CLOCK_NONE && ev->date > by)
			warn(ev, "确认收到晚于应确认之日 %s（%s），迟了 %d 个工作日；答复期限自确认之日起算（条例第三十一条）",
			     ds(by, d1), st->confirm_same_day ? "平常信函应于收到当日确认"
			     : "机关设定的确认期限", late_by(cal, by, ev->date));
		break;
	}
	case EV_CORRECTION_REQUESTED:
		/* REQ 条例-30: within 7 working days of receipt — late, it is kept with a warning */
		if (sch.correction_notice.due != CLOCK_NONE && ev->date > sch.correction_notice.due)
			warn(ev, "补正告知晚于期限：应于 %s 前告知（收到申请之日起7个工作日，条例第三十条），"
			     "迟了 %d 个工作日", ds(sch.correction_notice.due, d1),
			     late_by(cal, sch.correction_notice.due, ev->date));
		break;
	case EV_CONSULTATION_STARTED:
	case EV_REASONS_REQUESTED:
	case EV_DELAYED:
	case EV_FEE_NOTICE:
	case EV_EXTENDED:
		/* REQ 条例-33 REQ 条例-35 REQ 109号: each within the reply time limit */
		if (binding != CLOCK_NONE && ev->date > binding) {
			rc = refuse(e, ERR_STATE, "date", k, "答复期限已于 %s 届满（%s）；%s应在答复期限内%s",
				    ds(binding, d1), k == EV_FEE_NOTICE ? "收费通知须在办理期限内发出，"
				    "国办函〔2020〕109号" : clock_deadline_basis(&sch.reply),
				    app_event_rules[k].label, k == EV_EXTENDED ? "经批准" : "");
			goto out;
		}
		if (k == EV_CONSULTATION_STARTED && ev->due == CLOCK_NONE && st->regime == CLOCK_REG_2019)
			ev->due = calendar_add_workdays(cal, ev->date, 15);   /* REQ 条例-32/34 */
		if (k == EV_DELAYED && ev->due <= binding) {
			rc = refuse(e, ERR_STATE, "due", k, "延迟后的期限 %s 不晚于现有答复期限 %s，"
				    "无需延迟答复（条例第三十五条）", ds(ev->due, d1), ds(binding, d2));
			goto out;
		}
		break;
	case EV_CORRECTION_RECEIVED:
	case EV_CORRECTION_LAPSED:
	case EV_FEE_PAID:
	case EV_FEE_LAPSED: {
		bool fee = k == EV_FEE_PAID || k == EV_FEE_LAPSED;
		int due = fee ? sch.fee_payment.due : st->correction_due;
		const char *what = fee ? "缴费期限（收到收费通知次日起20个工作日，国办函〔2020〕109号）"
				       : "补正期限（补正告知书载明，条例第三十条）";

		if (due == CLOCK_NONE)
			break;
		/* REQ 条例-30 REQ 109号: deemed abandoned only after the applicant's time ran out */
		if ((k == EV_CORRECTION_LAPSED || k == EV_FEE_LAPSED) && ev->date <= due) {
			rc = refuse(e, ERR_STATE, "date", k, "申请人的%s至 %s，期满后才能按%s终止办理",
				    what, ds(due, d1), app_event_rules[k].label);
			goto out;
		}
		/* … and a correction or a payment after it only with a recorded reason */
		if ((k == EV_CORRECTION_RECEIVED || k == EV_FEE_PAID) && ev->date > due) {
			if (ev->late_reason == NULL || !*ev->late_reason) {
				rc = refuse(e, ERR_STATE, "late_reason", k, "%s已于 %s 届满；逾期%s只有写明接受的"
					    "理由才能记录，否则应按%s终止办理", what,
					    ds(due, d1), fee ? "缴费" : "收到的补正",
					    fee ? "逾期未缴费" : "逾期未补正");
				goto out;
			}
			warn(ev, "%s于 %s 届满，逾期 %d 个工作日%s；接受的理由：%s", what, ds(due, d1),
			     late_by(cal, due, ev->date), fee ? "缴费" : "收到补正", ev->late_reason);
		}
		break;
	}
	case EV_CONSULTATION_ANSWERED: {
		int i = consultation_answered(st, ev->ref);
		if (i >= 0 && st->consults[i].due != CLOCK_NONE && ev->date > st->consults[i].due)
			warn(ev, "意见晚于答复期限 %s 收到（15个工作日，%s）%s", ds(st->consults[i].due, d1),
			     st->consults[i].kind == PAUSE_ORGAN ? "条例第三十四条" : "条例第三十二条",
			     st->settings.consult_cap ? "；不计入答复期限的时间止于该日" : "");
		break;
	}
	case EV_DECIDED:
		/* REQ 条例-33: a late reply is recorded, with a warning */
		if (binding != CLOCK_NONE && ev->date > binding)
			warn(ev, "答复晚于期限：应于 %s 前答复（%s），迟了 %d 个工作日", ds(binding, d1),
			     st->delayed != CLOCK_NONE ? "延迟答复的期限，条例第三十五条"
			     : clock_deadline_basis(st->extended != CLOCK_NONE ? &sch.extended_reply
							: &sch.reply),
			     late_by(cal, binding, ev->date));
		break;
	default:
		break;
	}
out:
	clock_schedule_free(&sch);
	return rc;
}

/* REQ 109号: a fee notice states one method, under the 2019 Regulation only, and its amount
 * follows from the method (fee_by_pages / fee_by_count). */
static int fee_notice_checks(const struct app_status *st, struct app_event_in *ev,
			     const struct calendar *cal, struct gk_error *e)
{
	char d1[DATE_LEN], money[MONEY_LEN];
	int k = ev->kind;
	int64_t want;

	/* REQ 109号: no 信息处理费 under the 2007 Regulation */
	if (st->regime != CLOCK_REG_2019)
		return refuse(e, ERR_STATE, "KIND", k, "收到于 %s 的申请适用%s，不收取信息处理费"
			      "（国办函〔2020〕109号适用于2019年修订的条例）", ds(st->received, d1),
			      clock_regime_name(st->regime));
	if (ev->method == FEE_METHOD_NONE && cal == NULL && ev->amount_fen > 0)
		return 0;   /* replayed: a record made before the method was recorded */
	/* REQ 109号: one method, stated; the amount follows from it */
	if (ev->method <= FEE_METHOD_NONE || ev->method >= FEE_METHOD__MAX)
		return refuse(e, ERR_INVALID, "by_count", k, "收费通知应载明计收方式：按件"
			      "或按量（写明页数），二者只选其一（国办函〔2020〕109号）");
	if (ev->quantity < 1)
		return refuse(e, ERR_INVALID, ev->method == FEE_BY_PAGES ? "by_pages" : "by_count",
			      k, "%s须写明%s", app_fee_method_labels[ev->method],
			      ev->method == FEE_BY_PAGES ? "页数" : "本月第几件");
	want = (ev->method == FEE_BY_PAGES ? fee_by_pages(ev->quantity)
					   : fee_by_count(ev->quantity)) * 100;
	if (want == 0)
		return refuse(e, ERR_STATE, ev->method == FEE_BY_PAGES ? "by_pages" : "by_count",
			      k, ev->method == FEE_BY_PAGES
			      ? "按量计收：%" PRId64 " 页，30页以内（含）不收费（国办函〔2020〕109号）"
			      : "按件计收：这是申请人本月向本机关提出的第 %" PRId64 " 件申请，"
				"10件以内（含）不收费（国办函〔2020〕109号）", ev->quantity);
	if (ev->amount_fen >= 0 && ev->amount_fen != want)
		return refuse(e, ERR_INVALID, "amount", k, "金额 %s 元与%s应收的 %s 元不符"
			      "（国办函〔2020〕109号）", money_format_yuan(ev->amount_fen, money),
			      app_fee_method_labels[ev->method],
			      money_format_yuan(want, (char[MONEY_LEN]){ 0 }));
	ev->amount_fen = want;
	return 0;
}

/* The outcome of a decision is one the ledger allows at this point. */
static int decided_checks(const struct app_status *st, const struct app_event_in *ev,
			  const struct calendar *cal, struct gk_error *e)
{
	int k = ev->kind;

	if (ev->outcome < 0 || ev->outcome >= OUTCOME__MAX)
		return err_set(e, ERR_INVALID, "outcome", "没有这种办理结果");
	if (ev->outcome == OUTCOME_OTHER_NO_CORRECTION)
		return refuse(e, ERR_STATE, "outcome", k, "other_no_correction（逾期未补正）在补正"
			      "期限届满后记录为“%s”", app_event_rules[EV_CORRECTION_LAPSED].label);
	if (ev->outcome == OUTCOME_OTHER_FEE_UNPAID)
		return refuse(e, ERR_STATE, "outcome", k, "other_fee_unpaid（逾期未缴费）在缴费"
			      "期限届满后记录为“%s”", app_event_rules[EV_FEE_LAPSED].label);
	/* REQ 条例-30: "still unclear after correction" needs a correction round */
	if (ev->outcome == OUTCOME_UNABLE_UNCLEAR_AFTER_FIX && st->correction_received == CLOCK_NONE)
		return refuse(e, ERR_STATE, "outcome", k, "unable_unclear_after_fix（补正后申请内容"
			      "仍不明确）须先记录补正告知和收到补正");
	/* REQ 条例-35: not processed as unreasonable only after asking for reasons */
	if (ev->outcome == OUTCOME_NOPROC_MASS_REPEAT && st->reasons_requested == CLOCK_NONE &&
	    cal != NULL)
		return refuse(e, ERR_STATE, "outcome", k, "noproc_mass_repeat（无正当理由大量反复"
			      "申请）须先要求申请人说明理由（reasons-requested，条例第三十五条）");
	if (ev->counterpart && *ev->counterpart && ev->outcome != OUTCOME_UNABLE_NOT_HELD)
		return refuse(e, ERR_INVALID, "responsible_organ", k, "负责公开的机关只在"
			      "unable_not_held（不属于本机关负责公开，条例第三十六条第（五）项）时写明");
	return 0;
}

/* The checks of one kind of event that need no clock (fields, order, regime). */
static int field_checks(const struct app_status *st, struct app_event_in *ev,
			const struct calendar *cal, struct gk_error *e)
{
	char d1[DATE_LEN];
	int k = ev->kind;

	switch (k) {
	case EV_CORRECTION_REQUESTED:
		return period(cal, ev, st->settings.correction_period, 60, "补正期限", e);
	case EV_CONSULTATION_STARTED:
		/* REQ 条例-32 REQ 条例-34: who is consulted decides what silence means */
		if (ev->party <= PARTY_NONE || ev->party >= PARTY__MAX) {
			if (cal == NULL)
				return 0;   /* replayed: a record made before the party was recorded */
			return refuse(e, ERR_INVALID, "party", k, "请写明征求谁的意见：third-party（第三方，"
				      "条例第三十二条）或 organ（其他行政机关，条例第三十四条）");
		}
		return 0;
	case EV_CONSULTATION_ANSWERED:
		if (ev->ref > 0 && consultation_answered(st, ev->ref) < 0)
			return refuse(e, ERR_STATE, "ref", k, "第 %d 次征求意见%s", ev->ref,
				      (size_t)ev->ref > st->nconsults ? "没有记录"
				      : st->consults[ev->ref - 1].lapsed ? "的答复期限已届满"
				      : "已经收到意见");
		if (ev->ref == 0 && open_consultations(st) > 1 && cal != NULL)
			return refuse(e, ERR_INVALID, "ref", k, "有 %zu 次征求意见尚未答复，请写明"
				      "答复的是第几次", open_consultations(st));
		return 0;
	case EV_EXTENDED:
		/* REQ 条例-33 REQ 492号-24: approved by the head of the disclosure office, ≤ 20 (15) */
		if (ev->approver == NULL || !*ev->approver)
			return refuse(e, ERR_INVALID, "approver", k, "延长答复期限须经政府信息公开工作机构"
				      "负责人同意（条例第三十三条）：请写明批准人");
		if (ev->days < 0 || ev->days > clock_extension_max(st->regime))
			return refuse(e, ERR_INVALID, "workdays", k, "延长 %d 个工作日超过%s规定的最长 "
				      "%d 个工作日", ev->days, clock_regime_name(st->regime),
				      clock_extension_max(st->regime));
		if (ev->days == 0)
			ev->days = clock_extension_max(st->regime);
		return 0;
	case EV_REASONS_REQUESTED:
	case EV_DELAYED:
		if (st->regime != CLOCK_REG_2019)
			return refuse(e, ERR_STATE, "KIND", k, "收到于 %s 的申请适用%s，该条例没有第三十五条的规定",
				      ds(st->received, d1), clock_regime_name(st->regime));
		if (k == EV_DELAYED)
			return period(cal, ev, 0, CLOCK_MAX_DAYS, "延迟答复的期限", e);
		return 0;
	case EV_FEE_NOTICE:
		return fee_notice_checks(st, ev, cal, e);
	case EV_DECIDED:
		return decided_checks(st, ev, cal, e);
	default:
		return 0;
	}
}

/* app_apply on a copy of the event (so a refusal leaves the caller's event as it was). */
static int apply(struct app_status *st, struct app_event_in *ev, const struct calendar *cal,
		 int today, struct gk_error *e)
{
	const struct app_event_rule *r;
	struct app_status next;
	char d1[DATE_LEN], d2[DATE_LEN];
	int rc, k = ev->kind, prev;

	ev->warning[0] = '\0';
	if (k < 0 || k >= EV__MAX)
		return err_set(e, ERR_INVALID, "KIND", "没有这种办理事项");
	r = &app_event_rules[k];
	/* REQ 条例-45: nothing after closing */
	if (!app_phases[st->phase].open)
		return refuse(e, ERR_STATE, r->id, k, "申请已于 %s 办结（%s，%s），办结后不能再记录",
			      ds(st->closed, d1), app_phases[st->phase].label, app_outcome_id(st->outcome));
	if (ev->date < st->received)
		return refuse(e, ERR_STATE, "date", k, "%s 早于收到申请之日（%s）", ds(ev->date, d1),
			      ds(st->received, d2));
	if (ev->date < st->last_date)
		return refuse(e, ERR_STATE, "date", k, "%s 早于上一项办理（%s，%s）；办理事项按时间"
			      "顺序记录", ds(ev->date, d1), last_name(st), ds(st->last_date, d2));
	if (ev->date > today)
		return refuse(e, ERR_STATE, "date", k, "%s 晚于今天（%s）", ds(ev->date, d1),
			      ds(today, d2));
	next = *st;
	app_settle(&next, ev->date);
	/* REQ 条例-30 REQ 条例-33 REQ 109号: what happens once */
	if (r->once && (prev = recorded_on(&next, k)) != CLOCK_NONE)
		return refuse(e, ERR_STATE, r->id, k, "已于 %s 记录过；%s（%s）", ds(prev, d1), r->once,
			      r->article);
	if (r->after >= 0 && recorded_on(&next, r->after) == CLOCK_NONE)
		return refuse(e, ERR_STATE, r->id, k, "须先记录“%s”（%s）", app_event_rules[r->after].label,
			      r->article);
	if (!(r->from & B(next.phase))) {
		/* REQ 条例-32: a consultation whose answer period ended holds nothing any more */
		if (k == EV_CONSULTATION_ANSWERED && next.nconsults &&
		    next.consults[next.nconsults - 1].lapsed)
			return refuse(e, ERR_STATE, r->id, k, "征求意见的答复期限已于 %s 届满（15个工作日），"
				      "不计入答复期限的时间止于该日；逾期收到的意见请记在“说明”中，由本机关依法决定",
				      ds(next.consults[next.nconsults - 1].due, d1));
		return refuse(e, ERR_STATE, r->id, k, "%s（%s）只能在%s时记录，该申请现为“%s”（%s）",
			      r->label, r->id, r->needs, app_phases[next.phase].label,
			      app_phases[next.phase].id);
	}
	if ((rc = field_checks(&next, ev, cal, e)) != 0)
		return rc;
	if (cal && (rc = clock_checks(&next, ev, cal, e)) != 0)
		return rc;
	if ((rc = transition(&next, ev, e)) != 0)
		return rc;
	*st = next;
	return 0;
}

int app_apply(struct app_status *st, struct app_event_in *ev, const struct calendar *cal,
	      int today, struct gk_error *e)
{
	struct app_event_in in = *ev;
	int rc;

	if (in.due == 0)
		in.due = CLOCK_NONE;   /* a zero-initialised event gives no date (day 0 is 1970) */
	rc = apply(st, &in, cal, today, e);

	if (rc == 0)
		*ev = in;
	return rc;
}

int app_event_of(const struct app_event_rec *rec, struct app_event_in *ev, struct gk_error *e)
{
	int kind = app_event_from_id(rec->kind), date, rc;

	if (kind < 0)
		return err_set(e, ERR_DB, "kind", "已存的办理事项“%s”无法识别", rec->kind);
	if ((rc = date_parse(rec->date, &date, "date", e)) != 0)
		return rc;
	app_event_init(ev, kind, date);
	ev->note = rec->note;
	ev->approver = rec->approver;
	ev->amount_fen = rec->amount_fen;
	ev->basis = rec->basis;
	if (rec->outcome)
		ev->outcome = app_outcome_find(rec->outcome);
	if (rec->due && (rc = date_parse(rec->due, &ev->due, "due", e)) != 0)
		return rc;
	ev->days = rec->days > 0 && rec->days <= CLOCK_MAX_DAYS ? (int)rec->days : 0;
	ev->party = rec->party ? app_party_from_id(rec->party) : PARTY_NONE;
	if (ev->party < 0)
		return err_set(e, ERR_DB, "party", "已存的征求意见对象类别“%s”无法识别", rec->party);
	ev->ref = rec->ref > 0 && rec->ref <= APP_MAX_CONSULTATIONS ? (int)rec->ref : 0;
	ev->method = rec->method ? app_fee_method_from_id(rec->method) : FEE_METHOD_NONE;
	if (ev->method < 0)
		return err_set(e, ERR_DB, "method", "已存的收费方式“%s”无法识别", rec->method);
	ev->quantity = rec->quantity;
	ev->late_reason = rec->late_reason;
	ev->counterpart = rec->counterpart;
	ev->counterpart_contact = rec->counterpart_contact;
	return 0;
}

int app_replay(const struct app_rec *r, const struct app_event_rec *ev, size_t n,
	       const struct organ_rules *settings, struct app_status *st, struct gk_error *e)
{
	int rc;

	if ((rc = app_status_of(r, st, e)) != 0)
		return rc;
	if (settings)
		app_status_settings(st, settings);
	for (size_t i = 0; i < n; i++) {
		struct app_event_in in;
		if ((rc = app_event_of(&ev[i], &in, e)) != 0)
			return rc;
		app_settle(st, in.date);
		if ((rc = transition(st, &in, e)) != 0)
			return rc;
	}
	return 0;
}

int app_schedule(const struct app_status *st, const struct calendar *cal, int today,
		 struct clock_schedule *out, struct gk_error *e)
{
	struct clock_pause pauses[APP_MAX_CONSULTATIONS + 1];
	struct clock_application in;
	int end = st->closed != CLOCK_NONE ? st->closed : today;
	size_t n = 0;

	if (end < st->last_date)
		end = st->last_date;
	memset(&in, 0, sizeof in);
	in.fee_notice_received = CLOCK_NONE;
	for (size_t i = 0; i < st->nconsults; i++) {
		const struct app_consultation *c = &st->consults[i];
		struct clock_pause *p = &pauses[n];
		/* REQ 492号-24: the 2007 Regulation leaves out only a third party's time */
		if (st->regime == CLOCK_REG_2007 && c->kind == PAUSE_ORGAN)
			continue;
		p->sent = c->sent;
		p->kind = c->kind;
		p->answered = c->answered != CLOCK_NONE ? c->answered : end > c->sent ? end : c->sent;
		p->capped = false;
		/* REQ 条例-33 ¶3 (our reading, consult_cap): never past the answer due date */
		if (st->settings.consult_cap && st->regime == CLOCK_REG_2019 && c->due != CLOCK_NONE &&
		    p->answered > c->due) {
			p->answered = c->due;
			p->capped = true;
		}
		n++;
	}
	/* REQ 109号-缴费 (UNVERIFIED, fee_pause): notice → payment, never past the payment due;
	 * the payment period runs from the notice's receipt, or its date when that is unknown */
	if (st->fee_notice != CLOCK_NONE) {
		int from = st->fee_notice_received != CLOCK_NONE ? st->fee_notice_received : st->fee_notice;
		in.fee_notice_received = from;
		if (st->settings.fee_pause && cal) {
			int pay_due = calendar_add_workdays(cal, from, 20);
			struct clock_pause *p = &pauses[n++];
			p->sent = st->fee_notice;
			p->kind = PAUSE_FEE;
			p->answered = st->fee_paid != CLOCK_NONE ? st->fee_paid : end;
			if (p->answered < p->sent)
				p->answered = p->sent;
			p->capped = p->answered > pay_due;
			if (p->capped)
				p->answered = pay_due;
		}
	}
	in.received = st->received;
	in.correction_received = st->correction_received;
	in.pauses = pauses;
	in.npauses = n;
	in.extended = st->extended != CLOCK_NONE;
	in.extension_days = st->extension_days;
	if (st->correction_requested != CLOCK_NONE && st->correction_days > 0) {
		in.correction_notice = st->correction_requested;
		in.correction_days = st->correction_days;
	}
	if (st->delayed != CLOCK_NONE && st->delayed_days > 0) {
		in.delayed_notice = st->delayed;
		in.delayed_days = st->delayed_days;
	}
	return clock_schedule_compute(cal, &in, out, e);
}

const struct clock_deadline *app_reply_deadline(const struct app_status *st,
						const struct clock_schedule *sch)
{
	return st->delayed != CLOCK_NONE ? &sch->delayed_reply
	       : st->extended != CLOCK_NONE ? &sch->extended_reply : &sch->reply;
}

int app_binding_due(const struct app_status *st, const struct clock_schedule *sch)
{
	const struct clock_deadline *d = app_reply_deadline(st, sch);

	if (!app_phases[st->phase].open || st->phase == PHASE_AWAITING_CORRECTION ||
	    st->phase == PHASE_AWAITING_CONFIRMATION)
		return CLOCK_NONE;
	if (d->due != CLOCK_NONE)
		return d->due;
	/* no count in the schedule: a delay carries its own date; an extension falls back to the
	 * reply limit */
	return st->delayed != CLOCK_NONE ? st->delayed_due : sch->reply.due;
}

int app_confirm_by(const struct app_status *st, const struct calendar *cal)
{
	if (st->phase != PHASE_AWAITING_CONFIRMATION)
		return CLOCK_NONE;
	if (st->confirm_same_day || st->settings.confirm_days <= 0 || cal == NULL)
		return st->submitted;
	return calendar_add_workdays(cal, st->submitted, st->settings.confirm_days);
}

enum app_todo app_next(const struct app_status *st, const struct clock_schedule *sch,
		       int confirm_by, int today, int *until)
{
	*until = CLOCK_NONE;
	switch (st->phase) {
	case PHASE_AWAITING_CONFIRMATION:
		*until = confirm_by;
		return TODO_CONFIRM;
	case PHASE_AWAITING_CORRECTION:
		*until = st->correction_due;
		return st->correction_due != CLOCK_NONE && today > st->correction_due
		       ? TODO_CLOSE_NO_CORRECTION : TODO_WAIT_CORRECTION;
	case PHASE_FEE_NOTICE_SENT:
	case PHASE_AWAITING_PAYMENT:
		*until = sch ? sch->fee_payment.due : CLOCK_NONE;
		return *until != CLOCK_NONE && today > *until ? TODO_CLOSE_FEE_UNPAID : TODO_WAIT_PAYMENT;
	case PHASE_CONSULTING:
		for (size_t i = 0; i < st->nconsults; i++) {
			const struct app_consultation *c = &st->consults[i];
			if (c->answered == CLOCK_NONE && !c->lapsed && c->due != CLOCK_NONE &&
			    (*until == CLOCK_NONE || c->due < *until))
				*until = c->due;
		}
		return TODO_WAIT_CONSULTATION;
	case PHASE_RECEIVED:
		*until = sch ? app_binding_due(st, sch) : CLOCK_NONE;
		for (size_t i = 0; i < st->nconsults; i++)
			if (st->consults[i].lapsed && st->consults[i].kind == PAUSE_THIRD_PARTY &&
			    st->consults[i].answered == CLOCK_NONE)
				return TODO_DECIDE_CONSULTED;
		return TODO_REPLY;
	default:
		return TODO_NONE;
	}
}

/*
 * clock.c — statutory working-day deadlines with their derivation.
 *
 * One counting routine (clock_count) walks the days after the trigger one by one, recording a
 * step for each: counted (ordinary or adjusted working day), skipped (weekend, holiday), or a
 * paused span taken whole. Every limit of spec §6 is that routine with its own N, start day and
 * label; the REQ tags beside each say which rule it implements. Rendering to Chinese text is
 * here too (plain text, no markup) so the CLI, the ledger and the web word it the same way.
 * May call base/, text/date, domain/calendar. Law: see clock.h and docs/clock.md.
 */
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "domain/clock.h"
#include "text/date.h"

struct limit_info {
	const char *key;
	const char *label;
	const char *basis[CLOCK_REG__MAX];  /* NULL: no such limit under that Regulation */
	int days[CLOCK_REG__MAX];           /* 0 = set by the organ */
	const char *trigger;  /* what happened on the trigger day */
};

#define R2019 "《政府信息公开条例》"
#define R2007 "《政府信息公开条例》（2007年，国务院令第492号）"

static const struct limit_info limits[CLOCK__MAX] = {
	/* REQ 条例-26 */
	[CLOCK_PUBLICATION] = { "publication_due", "主动公开期限",
				{ R2019 "第二十六条", R2007 "第十八条" }, { 20, 20 },
				"政府信息形成或者变更" },
	/* REQ 条例-30 (the 2007 Regulation has no time limit for the 补正 notice) */
	[CLOCK_CORRECTION_NOTICE] = { "correction_notice_due", "补正告知期限",
				      { R2019 "第三十条", NULL }, { 7, 0 }, "收到申请" },
	[CLOCK_CORRECTION_PERIOD] = { "correction_period_due", "补正期限",
				      { R2019 "第三十条，期限由行政机关确定",
					R2007 "第二十一条第（四）项，期限由行政机关确定" }, { 0, 0 },
				      "发出补正告知" },
	/* REQ 条例-33 REQ 492号-24 */
	[CLOCK_REPLY] = { "reply_due", "答复期限",
			  { R2019 "第三十三条第二款", R2007 "第二十四条第二款" }, { 20, 15 },
			  "收到申请" },
	[CLOCK_EXTENDED_REPLY] = { "extended_reply_due", "延长后的答复期限",
				   { R2019 "第三十三条第二款，经工作机构负责人同意",
				     R2007 "第二十四条第二款，经工作机构负责人同意" }, { 20, 15 },
				   "原答复期限届满" },
	/* REQ 条例-32 */
	[CLOCK_THIRD_PARTY_ANSWER] = { "third_party_answer_due", "第三方答复期限",
				       { R2019 "第三十二条", NULL }, { 15, 0 }, "发出征求意见书" },
	/* REQ 条例-34 */
	[CLOCK_ORGAN_ANSWER] = { "organ_answer_due", "被征求意见机关答复期限",
				 { R2019 "第三十四条", NULL }, { 15, 0 }, "发出征求意见函" },
	/* REQ 条例-35 */
	[CLOCK_DELAYED_REPLY] = { "delayed_reply_due", "延迟答复期限",
				  { R2019 "第三十五条，期限由行政机关确定", NULL }, { 0, 0 },
				  "告知申请人延迟答复" },
	/* REQ 109号 */
	[CLOCK_FEE_PAYMENT] = { "fee_payment_due", "缴费期限",
				{ "国办函〔2020〕109号《政府信息公开信息处理费管理办法》", NULL }, { 20, 0 },
				"申请人收到收费通知" },
};

static const char *const regime_names[CLOCK_REG__MAX] = {
	[CLOCK_REG_2019] = "《政府信息公开条例》（2019年修订，国务院令第711号）",
	[CLOCK_REG_2007] = "《政府信息公开条例》（2007年，国务院令第492号）",
};

static const char *const pause_names[PAUSE__MAX] = {
	[PAUSE_CONSULTATION] = "征求意见",
	[PAUSE_THIRD_PARTY] = "征求第三方意见",
	[PAUSE_ORGAN] = "征求其他机关意见",
	[PAUSE_FEE] = "收费通知至缴费",
};

static const char *const step_keys[STEP__MAX] = {
	[STEP_START] = "start",       [STEP_RESTART] = "restart",
	[STEP_WORKDAY] = "workday",   [STEP_ADJUSTED] = "adjusted_workday",
	[STEP_WEEKEND] = "weekend",   [STEP_HOLIDAY] = "holiday",
	[STEP_PAUSE] = "pause",       [STEP_DUE] = "due",
	[STEP_UNVERIFIED] = "unverified",
};

const char *clock_limit_key(enum clock_limit limit)
{
	return limit < CLOCK__MAX ? limits[limit].key : "?";
}

const char *clock_limit_label(enum clock_limit limit)
{
	return limit < CLOCK__MAX ? limits[limit].label : "?";
}

const char *clock_limit_basis(enum clock_limit limit)
{
	return limit < CLOCK__MAX ? limits[limit].basis[CLOCK_REG_2019] : "?";
}

int clock_limit_days(enum clock_limit limit, enum clock_regime regime)
{
	return limit < CLOCK__MAX && regime < CLOCK_REG__MAX ? limits[limit].days[regime] : 0;
}

const char *clock_deadline_basis(const struct clock_deadline *dl)
{
	const char *b;

	if (dl->limit >= CLOCK__MAX || dl->regime >= CLOCK_REG__MAX)
		return "?";
	b = limits[dl->limit].basis[dl->regime];
	return b ? b : limits[dl->limit].basis[CLOCK_REG_2019];
}

int clock_regime_from(enum clock_regime r)
{
	return r == CLOCK_REG_2007 ? date_make(2008, 5, 1) : date_make(2019, 5, 15);
}

const char *clock_regime_name(enum clock_regime r)
{
	return r < CLOCK_REG__MAX ? regime_names[r] : "?";
}

int clock_extension_max(enum clock_regime r)
{
	return limits[CLOCK_EXTENDED_REPLY].days[r < CLOCK_REG__MAX ? r : CLOCK_REG_2019];
}

int clock_regime_of(int received, enum clock_regime *out, struct gk_error *e)
{
	char d[DATE_LEN];

	/* REQ 条例-56: the 2019 Regulation from 2019-05-15; REQ 492号-24: the 2007 one before */
	if (received >= clock_regime_from(CLOCK_REG_2019)) {
		*out = CLOCK_REG_2019;
		return 0;
	}
	*out = CLOCK_REG_2007;
	if (received >= clock_regime_from(CLOCK_REG_2007))
		return 0;
	return err_set(e, ERR_INVALID, "received", "%s 早于2008-05-01（《政府信息公开条例》施行之日），"
		       "没有可适用的期限规定", date_format(received, d));
}

const char *clock_step_key(enum clock_step_kind kind)
{
	return kind < STEP__MAX ? step_keys[kind] : "?";
}

const char *clock_weekday_name(int day)
{
	static const char *const names[8] = { "", "周一", "周二", "周三", "周四", "周五", "周六", "周日" };
	return names[date_weekday(day)];
}

void clock_deadline_free(struct clock_deadline *dl)
{
	if (dl == NULL)
		return;
	free(dl->steps);
	dl->steps = NULL;
	dl->nsteps = dl->cap = 0;
}

void clock_schedule_free(struct clock_schedule *s)
{
	if (s == NULL)
		return;
	clock_deadline_free(&s->correction_notice);
	clock_deadline_free(&s->correction_period);
	clock_deadline_free(&s->reply);
	clock_deadline_free(&s->extended_reply);
	clock_deadline_free(&s->delayed_reply);
	clock_deadline_free(&s->fee_payment);
}

static void reset(struct clock_deadline *dl, enum clock_limit limit)
{
	memset(dl, 0, sizeof *dl);
	dl->limit = limit;
	dl->trigger = dl->start = dl->due = CLOCK_NONE;
	dl->verified = true;
}

static struct clock_step *push(struct clock_deadline *dl, enum clock_step_kind kind, int day)
{
	struct clock_step *st;

	if (dl->nsteps == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 48;
		dl->steps = xrealloc(dl->steps, dl->cap * sizeof *dl->steps);
	}
	st = &dl->steps[dl->nsteps++];
	*st = (struct clock_step){ .kind = kind, .day = day, .until = day, .merged = 1 };
	return st;
}

static int pause_cmp(const void *a, const void *b)
{
	const struct clock_pause *x = a, *y = b;
	if (x->sent != y->sent)
		return (x->sent > y->sent) - (x->sent < y->sent);
	return (x->answered > y->answered) - (x->answered < y->answered);
}

/* A merged paused span. */
struct span {
	int from, to;  /* (from, to] */
	int merged;
	enum clock_pause_kind kind;
	bool capped;   /* it ends at an answer or payment due date, not at an answer */
};

/* Sort and merge the pauses that end after start into spans (clipped at start); returns the
 * count. REQ 条例-33 ¶3: overlapping consultations are merged so no day is paused twice. */
static size_t merge_pauses(const struct clock_pause *in, size_t n, int start, struct span *out)
{
	struct clock_pause sorted[CLOCK_MAX_PAUSES];
	size_t m = 0;

	if (n == 0)
		return 0;
	memcpy(sorted, in, n * sizeof *in);
	qsort(sorted, n, sizeof *sorted, pause_cmp);
	for (size_t i = 0; i < n; i++) {
		int from = sorted[i].sent < start ? start : sorted[i].sent;
		if (sorted[i].answered <= start)
			continue;  /* wholly before counting starts */
		if (m > 0 && from <= out[m - 1].to) {
			if (sorted[i].answered > out[m - 1].to) {
				out[m - 1].to = sorted[i].answered;
				out[m - 1].capped = sorted[i].capped;
			}
			out[m - 1].merged++;
			if (out[m - 1].kind != sorted[i].kind)
				out[m - 1].kind = PAUSE_CONSULTATION;
			continue;
		}
		out[m++] = (struct span){ from, sorted[i].answered, 1, sorted[i].kind, sorted[i].capped };
	}
	return m;
}

/* Count n working days after dl->start (already set, with its start steps pushed). */
static int count_from(const struct calendar *cal, struct clock_deadline *dl, int n,
		      const struct clock_pause *pauses, size_t npauses, struct gk_error *e)
{
	struct span spans[CLOCK_MAX_PAUSES];
	size_t nspans, si = 0;
	int last = date_make(CALENDAR_LAST_YEAR, 12, 31);
	int d = dl->start, counted = 0;

	if (n < 1 || n > CLOCK_MAX_DAYS)
		return err_set(e, ERR_INVALID, "days", "期限 %d 个工作日不在 1–%d 之间", n,
			       CLOCK_MAX_DAYS);
	if (npauses > CLOCK_MAX_PAUSES)
		return err_set(e, ERR_LIMIT, "consultation", "中止的期间超过 %d 段",
			       CLOCK_MAX_PAUSES);
	for (size_t i = 0; i < npauses; i++) {
		char a[DATE_LEN], b[DATE_LEN];
		if (pauses[i].answered < pauses[i].sent)
			return err_set(e, ERR_INVALID, "consultation",
				       "%s:%s：答复日期（%s）早于征求意见函发出的日期（%s）",
				       date_format(pauses[i].sent, a), date_format(pauses[i].answered, b),
				       b, a);
	}
	nspans = merge_pauses(pauses, npauses, dl->start, spans);
	dl->days = n;
	while (counted < n) {
		struct clock_step *st;

		if (d >= last)
			return err_set(e, ERR_LIMIT, clock_limit_key(dl->limit),
				       "the deadline would fall after %d-12-31", CALENDAR_LAST_YEAR);
		d++;
		/* REQ 条例-33 ¶3: working days in (sent, answered] are not counted. */
		if (si < nspans && d > spans[si].from) {
			st = push(dl, STEP_PAUSE, spans[si].from);
			st->until = spans[si].to > last ? last : spans[si].to;
			st->n = calendar_count_workdays(cal, spans[si].from, st->until);
			st->merged = spans[si].merged;
			st->capped = spans[si].capped;
			st->name = pause_names[spans[si].kind];
			d = st->until;
			si++;
			continue;
		}
		/* §7: a working day is Mon–Fri not a holiday, or an adjusted workday. */
		switch (calendar_kind(cal, d)) {
		case CAL_HOLIDAY:
			st = push(dl, STEP_HOLIDAY, d);
			st->name = calendar_name(cal, d);
			break;
		case CAL_WORKDAY:
			st = push(dl, STEP_ADJUSTED, d);
			st->name = calendar_name(cal, d);
			st->n = ++counted;
			break;
		default:
			if (calendar_is_workday(cal, d)) {
				st = push(dl, STEP_WORKDAY, d);
				st->n = ++counted;
			} else {
				st = push(dl, STEP_WEEKEND, d);
				st->name = clock_weekday_name(d);
			}
			break;
		}
	}
	dl->due = d;
	push(dl, STEP_DUE, d)->n = n;
	/* A year without an official notice: the answer is Mon–Fri only, so say so. */
	if ((dl->uncovered_year = calendar_first_uncovered(cal, dl->start + 1, d)) != 0) {
		dl->verified = false;
		push(dl, STEP_UNVERIFIED, d)->n = dl->uncovered_year;
	}
	return 0;
}

int clock_count(const struct calendar *cal, enum clock_limit limit, int start, int n,
		const struct clock_pause *pauses, size_t npauses, struct clock_deadline *out,
		struct gk_error *e)
{
	reset(out, limit < CLOCK__MAX ? limit : CLOCK_REPLY);
	out->trigger = out->start = start;
	/* 民法典 Art. 201: the day of the event is not counted. */
	push(out, STEP_START, start);
	return count_from(cal, out, n, pauses, npauses, e);
}

int clock_publication_due(const struct calendar *cal, int formed, struct clock_deadline *out,
			  struct gk_error *e)
{
	/* REQ 条例-26: within 20 working days of being formed or changed. */
	return clock_count(cal, CLOCK_PUBLICATION, formed, limits[CLOCK_PUBLICATION].days[0], NULL, 0,
			   out, e);
}

int clock_correction_notice_due(const struct calendar *cal, int received,
				struct clock_deadline *out, struct gk_error *e)
{
	/* REQ 条例-30: notify once, within 7 working days of receipt. */
	return clock_count(cal, CLOCK_CORRECTION_NOTICE, received,
			   limits[CLOCK_CORRECTION_NOTICE].days[0], NULL, 0, out, e);
}

int clock_correction_period_due(const struct calendar *cal, int notice_received, int n,
				struct clock_deadline *out, struct gk_error *e)
{
	/* REQ 条例-30: a reasonable correction period set by the organ. */
	return clock_count(cal, CLOCK_CORRECTION_PERIOD, notice_received, n, NULL, 0, out, e);
}

int clock_reply_due(const struct calendar *cal, int received, int correction_received,
		    const struct clock_pause *pauses, size_t npauses, struct clock_deadline *out,
		    struct gk_error *e)
{
	enum clock_regime regime;
	int rc;

	reset(out, CLOCK_REPLY);
	if ((rc = clock_regime_of(received, &regime, e)) != 0)
		return rc;
	out->regime = regime;
	out->trigger = out->start = received;
	push(out, STEP_START, received);
	/* REQ 条例-30: after a correction the time limit runs from receipt of the corrected
	 * application. */
	if (correction_received != CLOCK_NONE) {
		char a[DATE_LEN], b[DATE_LEN];
		if (correction_received < received)
			return err_set(e, ERR_INVALID, "correction_received",
				       "%s 早于收到申请的日期（%s）",
				       date_format(correction_received, a), date_format(received, b));
		out->start = correction_received;
		push(out, STEP_RESTART, correction_received);
	}
	/* REQ 条例-33: 20 working days; consultation time (¶3) not counted. REQ 492号-24: 15. */
	return count_from(cal, out, limits[CLOCK_REPLY].days[regime], pauses, npauses, e);
}

int clock_extended_reply_due(const struct calendar *cal, enum clock_regime regime, int reply_due,
			     int days, const struct clock_pause *pauses, size_t npauses,
			     struct clock_deadline *out, struct gk_error *e)
{
	/* REQ 条例-33: extension of at most 20 working days (REQ 492号-24: 15), with the approval
	 * of the head of the disclosure office (checked by the ledger, not here). */
	int max = clock_extension_max(regime), rc;

	if (days == 0)
		days = max;
	if (days < 1 || days > max) {
		reset(out, CLOCK_EXTENDED_REPLY);
		return err_set(e, ERR_INVALID, "extended", "延长期限为 %d 个工作日；%s规定最长 %d "
			       "个工作日", days, clock_regime_name(regime), max);
	}
	rc = clock_count(cal, CLOCK_EXTENDED_REPLY, reply_due, days, pauses, npauses, out, e);
	out->regime = regime;
	return rc;
}

int clock_consultation_answer_due(const struct calendar *cal, enum clock_pause_kind kind,
				  int letter_received, struct clock_deadline *out,
				  struct gk_error *e)
{
	/* REQ 条例-32 (third party), REQ 条例-34 (other organ): answer within 15 working days. */
	enum clock_limit l = kind == PAUSE_ORGAN ? CLOCK_ORGAN_ANSWER : CLOCK_THIRD_PARTY_ANSWER;
	return clock_count(cal, l, letter_received, limits[l].days[0], NULL, 0, out, e);
}

int clock_delayed_reply_due(const struct calendar *cal, int notice, int n,
			    struct clock_deadline *out, struct gk_error *e)
{
	/* REQ 条例-35: a reasonable delay fixed by the organ. */
	return clock_count(cal, CLOCK_DELAYED_REPLY, notice, n, NULL, 0, out, e);
}

int clock_fee_payment_due(const struct calendar *cal, int notice_received,
			  struct clock_deadline *out, struct gk_error *e)
{
	/* REQ 109号: pay within 20 working days from the day after receiving the fee notice. */
	return clock_count(cal, CLOCK_FEE_PAYMENT, notice_received, limits[CLOCK_FEE_PAYMENT].days[0],
			   NULL, 0, out, e);
}

int clock_schedule_compute(const struct calendar *cal, const struct clock_application *app,
			   struct clock_schedule *out, struct gk_error *e)
{
	char a[DATE_LEN], b[DATE_LEN], c[DATE_LEN];
	int rc;

	reset(&out->correction_notice, CLOCK_CORRECTION_NOTICE);
	reset(&out->correction_period, CLOCK_CORRECTION_PERIOD);
	reset(&out->reply, CLOCK_REPLY);
	reset(&out->extended_reply, CLOCK_EXTENDED_REPLY);
	reset(&out->delayed_reply, CLOCK_DELAYED_REPLY);
	reset(&out->fee_payment, CLOCK_FEE_PAYMENT);
	out->verified = true;
	if ((rc = clock_regime_of(app->received, &out->regime, e)) != 0)
		return rc;
	for (size_t i = 0; i < app->npauses; i++) {
		const struct clock_pause *p = &app->pauses[i];
		if (p->sent < app->received)
			return err_set(e, ERR_INVALID, "consultation",
				       "%s:%s：征求意见函的日期早于收到申请的日期（%s）",
				       date_format(p->sent, a), date_format(p->answered, b),
				       date_format(app->received, c));
	}
	if (app->fee_notice_received != CLOCK_NONE && app->fee_notice_received < app->received)
		return err_set(e, ERR_INVALID, "fee_notice_received",
			       "%s 早于收到申请的日期（%s）",
			       date_format(app->fee_notice_received, a), date_format(app->received, b));
	/* REQ 条例-30: the 7-day notice limit exists only under the 2019 Regulation */
	if (out->regime == CLOCK_REG_2019 &&
	    (rc = clock_correction_notice_due(cal, app->received, &out->correction_notice, e)) != 0)
		return rc;
	if (app->correction_days > 0) {
		if ((rc = clock_correction_period_due(cal, app->correction_notice, app->correction_days,
						      &out->correction_period, e)) != 0)
			return rc;
		out->correction_period.regime = out->regime;
	}
	if ((rc = clock_reply_due(cal, app->received, app->correction_received, app->pauses,
				  app->npauses, &out->reply, e)) != 0)
		return rc;
	out->verified = out->correction_notice.verified && out->reply.verified;
	if (app->extended) {
		if ((rc = clock_extended_reply_due(cal, out->regime, out->reply.due, app->extension_days,
						   app->pauses, app->npauses, &out->extended_reply,
						   e)) != 0)
			return rc;
		out->verified = out->verified && out->extended_reply.verified;
	}
	if (app->delayed_days > 0) {
		if ((rc = clock_delayed_reply_due(cal, app->delayed_notice, app->delayed_days,
						  &out->delayed_reply, e)) != 0)
			return rc;
		out->verified = out->verified && out->delayed_reply.verified;
	}
	if (app->fee_notice_received != CLOCK_NONE) {
		if ((rc = clock_fee_payment_due(cal, app->fee_notice_received, &out->fee_payment,
						e)) != 0)
			return rc;
		out->verified = out->verified && out->fee_payment.verified;
	}
	return 0;
}

/* ---- rendering -------------------------------------------------------------------------- */

static int put_day(struct buf *out, int day)
{
	char s[DATE_LEN];
	return buf_printf(out, "%s（%s）", date_format(day, s), clock_weekday_name(day));
}

int clock_step_describe(const struct clock_deadline *dl, const struct clock_step *st,
			struct buf *out)
{
	const struct limit_info *li = &limits[dl->limit < CLOCK__MAX ? dl->limit : CLOCK_REPLY];
	char a[DATE_LEN], b[DATE_LEN];
	const char *basis = clock_deadline_basis(dl);
	int rc;

	switch (st->kind) {
	case STEP_START:
		if ((rc = put_day(out, st->day)) != 0)
			return rc;
		return buf_printf(out, "%s，当日不计入，自次日起算（民法典第二百零一条）", li->trigger);
	case STEP_RESTART:
		if ((rc = put_day(out, st->day)) != 0)
			return rc;
		return buf_puts(out, dl->regime == CLOCK_REG_2007
				? "收到补正后的申请，答复期限自此重新计算，当日不计入"
				: "收到补正后的申请，答复期限自此重新计算，当日不计入（《政府信息公开条例》第三十条）");
	case STEP_WORKDAY:
		if ((rc = put_day(out, st->day)) != 0 || (rc = buf_puts(out, "：")) != 0)
			return rc;
		return buf_printf(out, "第%d个工作日", st->n);
	case STEP_ADJUSTED:
		if ((rc = put_day(out, st->day)) != 0 || (rc = buf_puts(out, "：")) != 0)
			return rc;
		return buf_printf(out, "调休上班日（%s），计为第%d个工作日", st->name ? st->name : "",
				  st->n);
	case STEP_WEEKEND:
		if ((rc = put_day(out, st->day)) != 0 || (rc = buf_puts(out, "：")) != 0)
			return rc;
		return buf_puts(out, "休息日，不计");
	case STEP_HOLIDAY:
		if ((rc = put_day(out, st->day)) != 0 || (rc = buf_puts(out, "：")) != 0)
			return rc;
		return buf_printf(out, "%s放假，不计", st->name ? st->name : "法定节假日");
	case STEP_PAUSE:
		return buf_printf(out,
				  "%s期间（%s发函，%s%s%s）：其间%d个工作日不计入期限（%s）",
				  st->name ? st->name : "征求意见", date_format(st->day, a),
				  date_format(st->until, b), st->capped ? "答复期限届满，不再扣除" : "收到答复",
				  st->merged > 1 ? "，多次征求意见时间重叠，合并计算" : "",
				  st->n, dl->regime == CLOCK_REG_2007
				  ? R2007 "第二十四条第三款" : R2019 "第三十三条第三款");
	case STEP_DUE:
		if ((rc = buf_printf(out, "%s届满：", li->label)) != 0 || (rc = put_day(out, st->day)) != 0)
			return rc;
		return buf_printf(out, "，即第%d个工作日（%s）", st->n, basis);
	case STEP_UNVERIFIED:
		return buf_printf(out,
				  "警告：%d年不在工作日历内（未载入国务院办公厅%d年节假日安排），该年按周一至周五计算，结果未经核实",
				  st->n, st->n);
	default:
		return 0;
	}
}

/* 1 if b continues the run that a started (same kind, next day, same name). */
static int same_run(const struct clock_step *a, const struct clock_step *b)
{
	if (a->kind != b->kind || b->day != a->until + 1)
		return 0;
	if (a->kind == STEP_WORKDAY || a->kind == STEP_WEEKEND)
		return 1;
	return a->kind == STEP_HOLIDAY && a->name && b->name && strcmp(a->name, b->name) == 0;
}

int clock_deadline_describe(const struct clock_deadline *dl, struct buf *out)
{
	char a[DATE_LEN], b[DATE_LEN];
	int rc = 0;

	for (size_t i = 0; i < dl->nsteps && rc == 0; i++) {
		const struct clock_step *st = &dl->steps[i];
		size_t j = i;
		struct clock_step run = *st;

		if (st->kind == STEP_WORKDAY || st->kind == STEP_WEEKEND || st->kind == STEP_HOLIDAY) {
			while (j + 1 < dl->nsteps && same_run(&run, &dl->steps[j + 1]))
				run.until = dl->steps[++j].day;
		}
		if ((rc = buf_puts(out, "  ")) != 0)
			break;
		if (j == i) {
			rc = clock_step_describe(dl, st, out);
		} else {
			date_format(st->day, a);
			date_format(run.until, b);
			switch (st->kind) {
			case STEP_WORKDAY:
				rc = buf_printf(out, "%s 至 %s：第%d—%d个工作日", a, b, st->n,
						dl->steps[j].n);
				break;
			case STEP_WEEKEND:
				rc = buf_printf(out, "%s 至 %s：休息日（%s至%s），不计", a, b,
						clock_weekday_name(st->day), clock_weekday_name(run.until));
				break;
			default:
				rc = buf_printf(out, "%s 至 %s：%s放假%d天，不计", a, b,
						st->name ? st->name : "法定节假日", (int)(j - i + 1));
				break;
			}
		}
		if (rc == 0)
			rc = buf_putc(out, '\n');
		i = j;
	}
	return rc;
}

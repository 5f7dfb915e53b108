/*
 * app_list.c — lists of applications (app_list): each with its live deadlines on the organ's
 * calendar and settings, filtered and ordered by the store (see application.h).
 * May call domain/, store/, text/, base/.
 */
#include "domain/application.h"

#include <string.h>

#include "domain/organ_rules.h"
#include "text/date.h"

struct list_ctx {
	struct store *s;
	const struct calendar *cal;
	const struct app_query *q;
	int today;
	app_item_fn fn;
	void *ctx;
	struct gk_error *e;
	int rc;
	int64_t rules_agency;   /* the organ whose settings are in rules, or 0 */
	struct organ_rules rules;
	struct arena rules_arena;
};

/* Working days from today to day (negative when day has passed). */
static int left(const struct calendar *cal, int today, int day)
{
	return today > day ? -calendar_count_workdays(cal, day, today)
			   : calendar_count_workdays(cal, today, day);
}

static int list_row(void *p, const struct app_rec *r)
{
	struct list_ctx *c = p;
	struct app_item it;
	struct app_event_rec *evs;
	struct app_status st;
	struct arena a;
	size_t n;
	int rc;

	memset(&it, 0, sizeof it);
	it.rec = r;
	it.due = it.todo_until = CLOCK_NONE;
	it.phase = app_phase_from_id(r->state);
	if ((int)it.phase < 0)
		it.phase = PHASE_RECEIVED;
	if (r->closed == NULL && c->cal) {
		struct clock_schedule sch;
		arena_init(&a);
		rc = 0;
		if (c->rules_agency != r->agency_id) {
			arena_free(&c->rules_arena);
			arena_init(&c->rules_arena);
			rc = organ_rules_load(c->s, r->agency_id, &c->rules_arena, &c->rules, c->e);
			c->rules_agency = r->agency_id;
		}
		if (rc == 0)
			rc = app_store(c->s)->events(c->s, r->id, &a, &evs, &n, c->e);
		if (rc == 0)
			rc = app_replay(r, evs, n, &c->rules, &st, c->e);
		if (rc == 0) {
			app_settle(&st, c->today);
			rc = app_schedule(&st, c->cal, c->today, &sch, c->e);
			if (rc == 0) {
				it.due = app_binding_due(&st, &sch);
				it.todo = app_next(&st, &sch, app_confirm_by(&st, c->cal), c->today,
						   &it.todo_until);
			}
			clock_schedule_free(&sch);
			it.phase = st.phase;
		}
		arena_free(&a);
		if (rc != 0) {
			c->rc = rc;
			return 1;
		}
		if (it.due != CLOCK_NONE) {
			it.overdue = c->today > it.due;
			it.workdays_left = left(c->cal, c->today, it.due);
		}
		if (it.todo_until != CLOCK_NONE)
			it.todo_left = left(c->cal, c->today, it.todo_until);
		/* REQ 条例-31: a receipt not confirmed in time is overdue too */
		if (it.todo == TODO_CONFIRM && it.todo_until != CLOCK_NONE && c->today > it.todo_until)
			it.overdue = true;
	}
	if (c->q->overdue && !it.overdue)
		return 0;
	if (c->q->due_within >= 0) {
		bool closing = it.todo == TODO_CLOSE_NO_CORRECTION || it.todo == TODO_CLOSE_FEE_UNPAID;
		bool acting = app_todos[it.todo].office && it.todo_until != CLOCK_NONE &&
			      !it.overdue && it.todo_left <= c->q->due_within;
		if (!closing && !acting)
			return 0;
	}
	if ((rc = c->fn(c->ctx, &it)) != 0) {
		c->rc = rc;
		return 1;
	}
	return 0;
}

int app_list(struct store *s, const struct calendar *cal, const struct app_query *q, int today,
	     app_item_fn fn, void *ctx, struct gk_error *e)
{
	struct app_filter f;
	struct list_ctx c = { .s = s, .cal = cal, .q = q, .today = today, .fn = fn, .ctx = ctx,
			      .e = e };
	char from[DATE_LEN], to[DATE_LEN];
	int rc;

	memset(&f, 0, sizeof f);
	f.agency_id = q->agency_id;
	if (q->state && strcmp(q->state, "open") == 0) {
		f.open_only = 1;
	} else if (q->state) {
		if (app_phase_from_id(q->state) < 0)
			return err_set(e, ERR_INVALID, "state", "没有“%s”这个办理状态（可选：open、"
				       "awaiting-confirmation、received、awaiting-correction、consulting、"
				       "fee-notice-sent、awaiting-payment、replied、closed）", q->state);
		f.state = q->state;
	}
	if (q->overdue || q->due_within >= 0) {
		if (cal == NULL)
			return err_set(e, ERR_INTERNAL, "", "计算期限需要工作日历");
		f.open_only = 1;
	}
	if (q->year) {
		f.received_from = date_format(date_make(q->year, 1, 1), from);
		f.received_to = date_format(date_make(q->year, 12, 31), to);
	}
	arena_init(&c.rules_arena);
	rc = app_store(s)->list(s, &f, list_row, &c, e);
	arena_free(&c.rules_arena);
	if (rc == 1)
		rc = c.rc;
	return rc;
}

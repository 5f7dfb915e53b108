/*
 * regcount.c — Table 二 and Table 四 counting rules (see regcount.h, docs/registers.md).
 */
#include "domain/regcount.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/date.h"

struct table4_rules table4_rules_default(void)
{
	return (struct table4_rules){ .basis = TABLE4_BY_CLOSING_YEAR, .exclude_co_defendant = 1 };
}

static int in_year(const struct reg_value *v, int year)
{
	return v->set && date_year((int)v->i) == year;
}

/* The day a dated-or-period entry counts on: its date, else the end of its period. */
static const struct reg_value *entry_day(const struct reg_record *r, int fdate, int fto)
{
	return r->v[fdate].set ? &r->v[fdate] : &r->v[fto];
}

void table2_count(const struct reg_record *recs, size_t n, int year, struct table2 *out)
{
	int dec31 = date_make(year, 12, 31);

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const struct reg_record *r = &recs[i];
		struct table2_docs *docs;
		int64_t *decisions;

		switch (r->kind) {
		case REG_NORMDOC:
			docs = r->v[NORMDOC_KIND].i == NORMDOC_K_RULE ? &out->rule : &out->normdoc;
			/* REQ 年报-T2-issued: 本年制发件数 = issued within the year */
			docs->issued += in_year(&r->v[NORMDOC_ISSUED], year);
			/* REQ 年报-T2-repealed: 本年废止件数 = repealed within the year */
			docs->repealed += in_year(&r->v[NORMDOC_REPEALED], year);
			/* REQ 年报-T2-in-force: 现行有效件数 = issued by 12-31 and not repealed by 12-31 */
			docs->in_force += r->v[NORMDOC_ISSUED].i <= dec31 &&
					  !(r->v[NORMDOC_REPEALED].set && r->v[NORMDOC_REPEALED].i <= dec31);
			break;
		case REG_DECISION:
			/* REQ 年报-T2-decisions: single decisions and period counts of the year */
			if (!in_year(entry_day(r, DECISION_DATE, DECISION_TO), year))
				break;
			switch (r->v[DECISION_KIND].i) {
			case DECISION_K_LICENSING:
				decisions = &out->licensing;
				break;
			case DECISION_K_PENALTY:
				decisions = &out->penalty;
				break;
			default:
				decisions = &out->coercion;
				break;
			}
			*decisions += r->v[DECISION_COUNT].set ? r->v[DECISION_COUNT].i : 1;
			break;
		case REG_FEE:
			/* REQ 年报-T2-fee: 行政事业性收费 of the year, exact in 分 */
			if (in_year(entry_day(r, FEE_DATE, FEE_TO), year))
				out->admin_fee_fen += r->v[FEE_AMOUNT].i;
			break;
		default:
			break;
		}
	}
}

void table4_count(const struct reg_record *recs, size_t n, int year, const struct table4_rules *rules,
		  struct table4 *out)
{
	struct table4_rules def = table4_rules_default();
	int dec31 = date_make(year, 12, 31);

	if (rules == NULL)
		rules = &def;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const struct reg_record *r = &recs[i];
		struct table4_group *g;
		int filed, closed, open_at_end;

		if (r->kind != REG_CASE)
			continue;
		filed = (int)r->v[CASE_FILED].i;
		closed = r->v[CASE_CLOSED].set ? (int)r->v[CASE_CLOSED].i : 0;
		if (filed > dec31)
			continue;  /* not yet filed in that year */
		if (rules->basis == TABLE4_BY_FILING_YEAR && date_year(filed) != year)
			continue;
		if (rules->basis == TABLE4_BY_CLOSING_YEAR && r->v[CASE_CLOSED].set && date_year(closed) < year)
			continue;  /* concluded in an earlier year */
		/* REQ 国办公开办函〔2016〕201号: a co-defendant case counts only at the original organ */
		if (rules->exclude_co_defendant && r->v[CASE_CO_DEFENDANT].i) {
			out->excluded_co_defendant++;
			continue;
		}
		switch (r->v[CASE_KIND].i) {
		case CASE_K_REV:
			g = &out->rev;
			break;
		case CASE_K_LIT_DIRECT:
			g = &out->lit_direct;
			break;
		default:
			g = &out->lit_after_rev;
			break;
		}
		/* REQ 年报-T4-pending: 尚未审结 = open on 31 December of the year */
		open_at_end = !r->v[CASE_CLOSED].set || closed > dec31;
		if (open_at_end) {
			g->pending++;
		} else {
			switch (r->v[CASE_RESULT].i) {
			case CASE_R_UPHELD:
				g->upheld++;
				break;
			case CASE_R_CORRECTED:
				g->corrected++;
				break;
			default:
				g->other++;
				break;
			}
		}
		/* REQ 年报-T4-01: 总计 = 维持 + 纠正 + 其他 + 尚未审结 */
		g->total++;
	}
}

int64_t news_count_by_platform(const struct reg_record *recs, size_t n, int year, struct reg_tally **out,
			       size_t *nout)
{
	struct reg_tally *t = NULL;
	size_t nt = 0;
	int64_t total = 0;

	for (size_t i = 0; i < n; i++) {
		const struct reg_record *r = &recs[i];
		size_t j;

		if (r->kind != REG_NEWS || !in_year(&r->v[NEWS_DATE], year))
			continue;
		for (j = 0; j < nt; j++)
			if (strcmp(t[j].name, r->v[NEWS_PLATFORM].s) == 0)
				break;
		if (j == nt) {
			t = xrealloc(t, (nt + 1) * sizeof *t);
			t[nt++] = (struct reg_tally){ r->v[NEWS_PLATFORM].s, 0 };
		}
		t[j].n++;
		total++;
	}
	*out = t;
	*nout = nt;
	return total;
}

int64_t feedback_count_by_channel(const struct reg_record *recs, size_t n, int year,
				  int64_t out[FEEDBACK_C__MAX])
{
	int64_t total = 0;

	memset(out, 0, FEEDBACK_C__MAX * sizeof out[0]);
	for (size_t i = 0; i < n; i++) {
		if (recs[i].kind != REG_FEEDBACK || !in_year(&recs[i].v[FEEDBACK_RECEIVED], year))
			continue;
		out[recs[i].v[FEEDBACK_CHANNEL].i]++;
		total++;
	}
	return total;
}

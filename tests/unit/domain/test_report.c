/* test_report.c — the annual report computed from the ledger (domain/report_compute.h) and
 * published (domain/report_publish.h), on temporary databases: each ledger below holds the
 * cases a wrong computation would get wrong (an application decided on 01-01 of the next
 * year, one received on 12-31, a withdrawn one, a correction-lapsed one, a fee-lapsed one,
 * carried-in ones), so every E rule of spec §6 is tested against the way it could break. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "domain/agency.h"
#include "domain/application.h"
#include "domain/registers.h"
#include "domain/report_compute.h"
#include "domain/report_publish.h"
#include "format/rules.h"
#include "store/store.h"
#include "text/date.h"
#include "../tmpstore.h"

static struct calendar *cal;
static int today;

static int D(const char *s)
{
	int d = 0;
	assert_int_equal(date_parse(s, &d, "test", NULL), 0);
	return d;
}

static int group_setup(void **state)
{
	struct gk_error e = { 0 };
	(void)state;
	if (calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", NULL, &e) != 0) {
		fprintf(stderr, "calendar: %s\n", e.msg);
		return -1;
	}
	today = date_make(2026, 1, 10);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	calendar_free(cal);
	return 0;
}

static struct store *fresh_store(void)
{
	struct store *s = tmpstore_open("report");

	assert_non_null(s);
	store_set_actor(s, "tester");
	return s;
}

static void drop_store(struct store *s)
{
	tmpstore_drop(s);
}

static int64_t organ(struct store *s, const char *name, const char *level, int64_t parent)
{
	struct agency_new an = { .name = name, .level = level, .parent_id = parent };
	struct gk_error e = { 0 };
	int64_t id;

	if (agency_create(s, &an, &id, &e) != 0)
		fail_msg("agency_create: %s", e.msg);
	return id;
}

static int64_t add(struct store *s, int64_t agency, const char *received, const char *type)
{
	struct app_new in = { .agency_id = agency, .channel = "online", .applicant_type = type,
			      .applicant_name = "申请人", .contact = "电话：13800000000", .request = "某项信息" };
	struct app_created c;
	struct gk_error e = { 0 };

	in.received = in.confirmed = D(received);
	if (app_create(s, cal, &in, today, &c, &e) != 0)
		fail_msg("app_create: %s", e.msg);
	return c.id;
}

static void decide(struct store *s, int64_t id, int outcome, const char *date)
{
	struct gk_error e = { 0 };
	if (app_decide(s, cal, id, outcome, D(date), NULL, today, &e) != 0)
		fail_msg("decide: %s", e.msg);
}

static void event(struct store *s, int64_t id, int kind, const char *date)
{
	/* a fee notice: 按量 35 pages = 50 元; a consultation: a third party */
	struct app_event_in x = { .kind = kind, .date = D(date), .amount_fen = 5000,
				  .method = FEE_BY_PAGES, .quantity = 35, .party = PARTY_THIRD_PARTY };
	struct gk_error e = { 0 };
	if (app_record(s, cal, id, &x, today, &e) != 0)
		fail_msg("event %d: %s", kind, e.msg);
}

static void reg(struct store *s, int64_t agency, const char *kind, const struct reg_kv *kv, size_t n)
{
	struct reg_record rec;
	struct gk_error e = { 0 };
	struct arena a;

	arena_init(&a);
	if (reg_record_parse(reg_desc_find(kind), kv, n, &a, &rec, &e) != 0 ||
	    registers_add(s, agency, &rec, &a, &e) != 0)
		fail_msg("register %s: %s %s", kind, e.field, e.msg);
	arena_free(&a);
}

static void compute(struct store *s, int64_t agency, int year, struct annual_report *r)
{
	struct agency_rec ag;
	struct gk_error e = { 0 };
	struct arena a;

	arena_init(&a);
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(agency_store(s)->get(s, agency, &a, &ag, &e), 0);
	if (report_compute(s, &ag, year, &a, r, NULL, &e) != 0)
		fail_msg("report_compute: %s", e.msg);
	store_rollback(s);
	arena_free(&a);
}

static int64_t t3(const struct annual_report *r, enum t3_row row, enum t3_col col)
{
	return cells_t3_get(&r->cells, row, col);
}

static int64_t cell(const struct annual_report *r, const char *id)
{
	return cells_get(&r->cells, fmt_cell_index(r->cells.fmt, id));
}

static size_t errors(const struct annual_report *r)
{
	struct findings f;
	size_t n;

	findings_init(&f);
	rules_check(r, NULL, &f);
	n = findings_count(&f, SEV_ERROR);
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].sev == SEV_ERROR)
			fprintf(stderr, "%s %s\n", f.v[i].rule, f.v[i].msg);
	findings_free(&f);
	return n;
}

/* The ledger of one organ over 2023–2025. */
static int64_t ledger(struct store *s)
{
	struct gk_error e = { 0 };
	int64_t ag, id;

	assert_int_equal(store_begin(s, &e), 0);
	ag = organ(s, "测试镇", "township", 0);
	/* carried in from 2023, decided in 2024 */
	id = add(s, ag, "2023-12-20", "biz");
	decide(s, id, OUTCOME_DENY_THIRD_PARTY, "2024-01-08");
	/* received and decided in 2023: not in 2024 at all */
	id = add(s, ag, "2023-05-06", "np");
	decide(s, id, OUTCOME_GRANTED, "2023-05-20");
	/* decided on 12-31 of 2024: an outcome of 2024 */
	id = add(s, ag, "2024-12-02", "np");
	decide(s, id, OUTCOME_GRANTED, "2024-12-31");
	/* decided on 01-01 of 2025: still open on 2024-12-31 → 四 of 2024, 二 of 2025 */
	id = add(s, ag, "2024-12-03", "legal");
	decide(s, id, OUTCOME_PARTIAL, "2025-01-01");
	/* received on 12-31 and open: 一 and 四 */
	add(s, ag, "2024-12-31", "research");
	/* withdrawn: （六）3.其他 */
	id = add(s, ag, "2024-03-01", "ngo");
	event(s, id, EV_WITHDRAWN, "2024-03-05");
	/* correction lapsed: （六）1 */
	id = add(s, ag, "2024-04-01", "np");
	event(s, id, EV_CORRECTION_REQUESTED, "2024-04-03");
	event(s, id, EV_CORRECTION_LAPSED, "2024-05-20");
	/* fee lapsed: （六）2 */
	id = add(s, ag, "2024-06-03", "org_other");
	event(s, id, EV_FEE_NOTICE, "2024-06-05");
	event(s, id, EV_FEE_NOTICE_RECEIVED, "2024-06-06");
	event(s, id, EV_FEE_LAPSED, "2024-07-15");
	/* awaiting correction on 12-31: carried out although the clock is paused */
	id = add(s, ag, "2024-12-10", "np");
	event(s, id, EV_CORRECTION_REQUESTED, "2024-12-12");
	/* registers: Table 二 and 四 */
	reg(s, ag, "normdoc", (struct reg_kv[]){ { "kind", "normdoc" }, { "issued", "2022-03-01" },
		{ "doc_no", "测政规〔2022〕1号" }, { "title", "甲" }, { "repealed", "2024-12-31" } }, 5);
	reg(s, ag, "normdoc", (struct reg_kv[]){ { "kind", "normdoc" }, { "issued", "2024-12-31" },
		{ "doc_no", "测政规〔2024〕1号" }, { "title", "乙" } }, 4);
	reg(s, ag, "normdoc", (struct reg_kv[]){ { "kind", "normdoc" }, { "issued", "2023-02-01" },
		{ "doc_no", "测政规〔2023〕1号" }, { "title", "丙" }, { "repealed", "2025-01-01" } }, 5);
	reg(s, ag, "decision", (struct reg_kv[]){ { "kind", "penalty" }, { "from", "2024-01-01" },
		{ "to", "2024-12-31" }, { "count", "17" } }, 4);
	reg(s, ag, "fee", (struct reg_kv[]){ { "date", "2024-05-01" }, { "amount", "1234.56" } }, 2);
	reg(s, ag, "case", (struct reg_kv[]){ { "kind", "rev" }, { "filed", "2024-03-01" },
		{ "result", "upheld" }, { "closed", "2024-05-01" } }, 4);
	reg(s, ag, "case", (struct reg_kv[]){ { "kind", "lit_direct" }, { "filed", "2024-11-01" },
		{ "result", "pending" } }, 3);
	reg(s, ag, "news", (struct reg_kv[]){ { "platform", "云上滑州" }, { "date", "2024-02-01" },
		{ "title", "新闻一" } }, 3);
	reg(s, ag, "news", (struct reg_kv[]){ { "platform", "云上滑州" }, { "date", "2024-12-31" },
		{ "title", "新闻二" } }, 3);
	reg(s, ag, "news", (struct reg_kv[]){ { "platform", "云上滑州" }, { "date", "2025-01-01" },
		{ "title", "新闻三" } }, 3);
	assert_int_equal(store_commit(s, &e), 0);
	return ag;
}

/* REQ 报告格式-T3-01 REQ 报告格式-T3-02 REQ 报告格式-T3-03: the rows and the year boundary. */
static void test_table3_year_boundary(void **state)
{
	struct store *s = fresh_store();
	struct annual_report r;
	int64_t ag = ledger(s);

	(void)state;
	report_init(&r, NULL);
	compute(s, ag, 2024, &r);
	assert_ptr_equal(r.cells.fmt, fmt_get(FMT_V2021));
	/* 一: seven received in 2024 (not the two of 2023) */
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_TOTAL), 7);
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_NP), 3);
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_RESEARCH), 1);
	/* 二: only the one open on 01-01 */
	assert_int_equal(t3(&r, T3R_CARRIED_IN, T3C_TOTAL), 1);
	assert_int_equal(t3(&r, T3R_CARRIED_IN, T3C_BIZ), 1);
	/* outcomes in 2024 */
	assert_int_equal(t3(&r, T3R_DENY_THIRD_PARTY, T3C_BIZ), 1);
	assert_int_equal(t3(&r, T3R_GRANTED, T3C_NP), 1);          /* 12-31 counts */
	assert_int_equal(t3(&r, T3R_PARTIAL, T3C_TOTAL), 0);        /* 01-01 of 2025 does not */
	assert_int_equal(t3(&r, T3R_OTHER_MISC, T3C_NGO), 1);       /* withdrawn */
	assert_int_equal(t3(&r, T3R_OTHER_NO_CORRECTION, T3C_NP), 1);
	assert_int_equal(t3(&r, T3R_OTHER_FEE_UNPAID, T3C_ORG_OTHER), 1);
	assert_int_equal(t3(&r, T3R_HANDLED_TOTAL, T3C_TOTAL), 5);
	/* 四: decided 2025-01-01, received 12-31, awaiting correction */
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_TOTAL), 3);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_LEGAL), 1);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_RESEARCH), 1);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_NP), 1);
	assert_int_equal(errors(&r), 0);

	/* 2025: the 01-01 decision is an outcome there, carried in from 2024 */
	compute(s, ag, 2025, &r);
	assert_int_equal(t3(&r, T3R_CARRIED_IN, T3C_TOTAL), 3);
	assert_int_equal(t3(&r, T3R_PARTIAL, T3C_LEGAL), 1);
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_TOTAL), 0);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_TOTAL), 2);
	assert_int_equal(errors(&r), 0);
	report_free(&r);
	drop_store(s);
}

/* The 2019 format (report years 2019–2020): the three 其他处理 outcomes fold into one row. */
static void test_table3_2019_format(void **state)
{
	struct store *s = fresh_store();
	struct gk_error e = { 0 };
	struct annual_report r;
	int64_t ag, id;

	(void)state;
	assert_int_equal(store_begin(s, &e), 0);
	ag = organ(s, "旧格式镇", "township", 0);
	id = add(s, ag, "2020-03-02", "np");
	event(s, id, EV_WITHDRAWN, "2020-03-04");
	id = add(s, ag, "2020-04-01", "biz");
	event(s, id, EV_CORRECTION_REQUESTED, "2020-04-02");
	event(s, id, EV_CORRECTION_LAPSED, "2020-05-20");
	assert_int_equal(store_commit(s, &e), 0);
	report_init(&r, NULL);
	compute(s, ag, 2020, &r);
	assert_ptr_equal(r.cells.fmt, fmt_get(FMT_V2019));
	assert_int_equal(t3(&r, T3R_OTHER_TOTAL, T3C_TOTAL), 2);
	assert_int_equal(t3(&r, T3R_HANDLED_TOTAL, T3C_TOTAL), 2);
	assert_int_equal(errors(&r), 0);
	report_free(&r);
	drop_store(s);
}

/* Table 二 (in force = issued and not repealed by 12-31) and Table 四 with its totals. */
static void test_tables_2_and_4(void **state)
{
	struct store *s = fresh_store();
	struct annual_report r;
	int64_t ag = ledger(s);

	(void)state;
	report_init(&r, NULL);
	compute(s, ag, 2024, &r);
	assert_int_equal(cell(&r, "t2.normdoc.issued"), 1);
	assert_int_equal(cell(&r, "t2.normdoc.repealed"), 1);
	assert_int_equal(cell(&r, "t2.normdoc.in_force"), 2);   /* 乙 (issued 12-31) and 丙 (repealed 2025) */
	assert_int_equal(cell(&r, "t2.penalty.decisions"), 17);
	assert_int_equal(cell(&r, "t2.admin_fee.amount_wan"), 123456);   /* 分 */
	assert_int_equal(cell(&r, "t4.rev.upheld"), 1);
	assert_int_equal(cell(&r, "t4.rev.total"), 1);
	assert_int_equal(cell(&r, "t4.lit_direct.pending"), 1);
	assert_int_equal(cell(&r, "t4.lit_direct.total"), 1);
	assert_int_equal(cell(&r, "t4.lit_after_rev.total"), 0);
	assert_int_equal(errors(&r), 0);
	report_free(&r);
	drop_store(s);
}

/* 一 is a draft with the year's figures until staff store a text; 五 is never empty; 六 states
 * the fee notices of the year (the fee-lapsed application's). */
static void test_texts_and_draft(void **state)
{
	struct store *s = fresh_store();
	struct gk_error e = { 0 };
	struct annual_report r;
	struct findings f;
	int64_t ag = ledger(s), empty;

	(void)state;
	report_init(&r, NULL);
	compute(s, ag, 2024, &r);
	assert_non_null(strstr(r.section[SEC_OVERVIEW], "共收到政府信息公开申请7件。"));
	assert_non_null(strstr(r.section[SEC_OVERVIEW], "本年度办结5件。"));
	assert_non_null(strstr(r.section[SEC_OVERVIEW], "在云上滑州发布新闻2条"));
	assert_string_equal(r.section[SEC_PROBLEMS], "无");
	assert_string_equal(r.section[SEC_OTHER_MATTERS], "2024年，依据《政府信息公开信息处理费管理办法》"
			    "（国办函〔2020〕109号），发出收费通知1件，金额合计50.00元；实际收取信息处理费"
			    "0件，金额合计0.00元。");
	assert_int_equal(r.fee_notices, 1);
	/* the draft's figures agree with the tables (T3-08, TXT-03 give no finding) */
	findings_init(&f);
	rules_check(&r, NULL, &f);
	for (size_t i = 0; i < f.n; i++) {
		assert_string_not_equal(f.v[i].rule, "T3-08");
		assert_string_not_equal(f.v[i].rule, "TXT-03");
	}
	findings_free(&f);

	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(report_text_set(s, ag, 2024, RTEXT_PROBLEMS, "一是……\r\n\r\n二是……\n\n\n", strlen("一是……\r\n\r\n二是……\n\n\n"), &e), 0);
	assert_int_equal(report_text_set(s, ag, 2024, RTEXT_OVERVIEW, "\xff", 1, &e), ERR_INVALID);
	assert_string_equal(e.field, "file");
	empty = organ(s, "无申请镇", "township", 0);
	assert_int_equal(store_commit(s, &e), 0);
	compute(s, ag, 2024, &r);
	assert_string_equal(r.section[SEC_PROBLEMS], "一是……\n\n二是……");
	compute(s, ag, 2023, &r);   /* texts are per year */
	assert_string_equal(r.section[SEC_PROBLEMS], "无");
	compute(s, empty, 2024, &r);
	assert_non_null(strstr(r.section[SEC_OVERVIEW], "2024年全年未收到政府信息公开申请。"));
	assert_string_equal(r.section[SEC_OTHER_MATTERS], "无");   /* no fees: 六 is 无 */
	assert_int_equal(r.fee_notices, -1);
	report_free(&r);
	drop_store(s);
}

static int publish(struct store *s, int64_t agency, int year, const char *reason, struct report_pub_rec *out,
		   struct findings *f, struct gk_error *e)
{
	struct agency_rec ag;
	struct arena a;
	int rc;

	arena_init(&a);
	assert_int_equal(store_begin(s, e), 0);
	assert_int_equal(agency_store(s)->get(s, agency, &a, &ag, e), 0);
	rc = report_publish(s, &ag, year, reason, &a, f, out, e);
	if (rc == 0)
		assert_int_equal(store_commit(s, e), 0);
	else
		store_rollback(s);
	if (out && rc == 0)
		out->sha256 = out->published_at = out->published_by = out->format = out->reason = NULL;
	arena_free(&a);
	return rc;
}

static void published(struct store *s, int64_t agency, int year, int revision, struct annual_report *r,
		      struct report_pub_rec *rec, struct arena *a)
{
	struct gk_error e = { 0 };

	assert_int_equal(store_begin_read(s, &e), 0);
	if (report_published(s, agency, year, revision, a, r, rec, &e) != 0)
		fail_msg("report_published: %s", e.msg);
	store_rollback(s);
}

/* REQ 报告格式-T3-05: published 四 of 2023 → 二 of 2024 is an E rule; publication freezes the
 * report; a correction is a new revision with a reason and the old one stays readable. */
static void test_publish_carry_over_and_revisions(void **state)
{
	struct store *s = fresh_store();
	struct gk_error e = { 0 };
	struct report_pub_rec pub, rec;
	struct annual_report r;
	struct findings f;
	struct arena a;
	int64_t ag, open23;

	(void)state;
	assert_int_equal(store_begin(s, &e), 0);
	ag = organ(s, "发布镇", "township", 0);
	open23 = add(s, ag, "2023-12-25", "np");
	assert_int_equal(store_commit(s, &e), 0);

	findings_init(&f);
	assert_int_equal(publish(s, ag, 2023, NULL, &pub, &f, &e), 0);
	assert_int_equal(pub.revision, 1);
	/* a published year cannot be published again, only revised, with a reason */
	assert_int_equal(publish(s, ag, 2023, NULL, &pub, &f, &e), ERR_CONFLICT);
	assert_int_equal(publish(s, ag, 2023, "", &pub, &f, &e), ERR_INVALID);
	assert_int_equal(publish(s, ag, 2024, "更正", &pub, &f, &e), ERR_STATE);

	/* the ledger changes behind the published 2023: the application is found decided on
	 * 2023-12-29. 2024's 二 (0) no longer equals the published 四 (1): E, publication refused */
	assert_int_equal(store_begin(s, &e), 0);
	decide(s, open23, OUTCOME_GRANTED, "2023-12-29");
	assert_int_equal(store_commit(s, &e), 0);
	findings_free(&f);
	findings_init(&f);
	assert_int_equal(publish(s, ag, 2024, NULL, &pub, &f, &e), ERR_STATE);
	assert_true(findings_count(&f, SEV_ERROR) > 0);
	{
		int t3_05 = 0;
		for (size_t i = 0; i < f.n; i++)
			t3_05 |= strcmp(f.v[i].rule, "T3-05") == 0 && f.v[i].sev == SEV_ERROR;
		assert_true(t3_05);
	}
	/* the correction: revision 2 of 2023 with a reason; then 2024 publishes */
	findings_free(&f);
	findings_init(&f);
	assert_int_equal(publish(s, ag, 2023, "补录2023年12月29日答复", &pub, &f, &e), 0);
	assert_int_equal(pub.revision, 2);
	findings_free(&f);
	findings_init(&f);
	assert_int_equal(publish(s, ag, 2024, NULL, &pub, &f, &e), 0);
	findings_free(&f);

	/* both revisions of 2023 stay readable, each as it was frozen */
	arena_init(&a);
	report_init(&r, NULL);
	published(s, ag, 2023, 1, &r, &rec, &a);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_NP), 1);
	assert_null(rec.reason);
	assert_string_equal(rec.published_by, "tester");
	assert_int_equal(strlen(rec.sha256), 64);
	published(s, ag, 2023, 2, &r, &rec, &a);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_NP), 0);
	assert_int_equal(t3(&r, T3R_GRANTED, T3C_NP), 1);
	assert_string_equal(rec.reason, "补录2023年12月29日答复");
	published(s, ag, 2023, 0, &r, &rec, &a);   /* latest */
	assert_int_equal(rec.revision, 2);
	assert_non_null(r.section[SEC_OVERVIEW]);
	{
		const char *body;
		size_t len;
		char sha[65];

		assert_int_equal(store_begin_read(s, &e), 0);
		assert_int_equal(report_store(s)->artifact_get(s, rec.id, "json", &a, &body, &len, sha, &e), 0);
		assert_string_equal(sha, rec.sha256);
		assert_non_null(strstr(body, "\"t3.granted.np\""));
		assert_int_equal(report_store(s)->artifact_get(s, rec.id, "txt", &a, &body, &len, sha, &e), 0);
		assert_non_null(strstr(body, "发布镇"));
		store_rollback(s);
	}
	report_free(&r);
	arena_free(&a);
	drop_store(s);
}

/* A county with two townships: the sum of the published reports, re-checked, and who is missing. */
static void test_region_three_organs(void **state)
{
	struct store *s = fresh_store();
	struct gk_error e = { 0 };
	struct annual_report r;
	struct region_summary sum;
	struct agency_rec root;
	struct findings f;
	struct arena a;
	int64_t county, t1, t2, id;

	(void)state;
	assert_int_equal(store_begin(s, &e), 0);
	county = organ(s, "示例县人民政府", "county", 0);
	t1 = organ(s, "甲镇", "township", county);
	t2 = organ(s, "乙镇", "township", county);
	organ(s, "邻县人民政府", "county", 0);
	id = add(s, county, "2024-02-01", "biz");
	decide(s, id, OUTCOME_GRANTED, "2024-02-20");
	for (int i = 0; i < 3; i++) {
		id = add(s, t1, "2024-03-01", "np");
		decide(s, id, OUTCOME_UNABLE_NOT_HELD, "2024-03-15");
	}
	add(s, t1, "2024-12-30", "np");
	id = add(s, t2, "2024-05-01", "legal");
	decide(s, id, OUTCOME_GRANTED, "2024-05-10");
	assert_int_equal(store_commit(s, &e), 0);
	findings_init(&f);
	assert_int_equal(publish(s, county, 2024, NULL, &(struct report_pub_rec){ 0 }, &f, &e), 0);
	assert_int_equal(publish(s, t1, 2024, NULL, &(struct report_pub_rec){ 0 }, &f, &e), 0);
	findings_free(&f);

	arena_init(&a);
	report_init(&r, NULL);
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(agency_store(s)->get(s, county, &a, &root, &e), 0);
	assert_int_equal(report_region(s, &root, 2024, 0, &a, &r, &sum, &e), 0);
	assert_int_equal(sum.organs, 3);
	assert_int_equal(sum.included, 2);
	assert_int_equal(sum.nmissing, 1);
	assert_string_equal(sum.missing[0], "乙镇");
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_TOTAL), 5);
	assert_int_equal(t3(&r, T3R_GRANTED, T3C_BIZ), 1);
	assert_int_equal(t3(&r, T3R_UNABLE_NOT_HELD, T3C_NP), 3);
	assert_int_equal(t3(&r, T3R_CARRIED_OUT, T3C_NP), 1);
	assert_non_null(strstr(r.section[SEC_OVERVIEW], "乙镇"));
	assert_int_equal(errors(&r), 0);
	/* drafts: all three, the unpublished one included */
	assert_int_equal(report_region(s, &root, 2024, 1, &a, &r, &sum, &e), 0);
	assert_int_equal(sum.included, 3);
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_TOTAL), 6);
	assert_int_equal(t3(&r, T3R_GRANTED, T3C_TOTAL), 2);
	assert_int_equal(errors(&r), 0);
	/* a township alone is its own region */
	assert_int_equal(agency_store(s)->get(s, t2, &a, &root, &e), 0);
	assert_int_equal(report_region(s, &root, 2024, 1, &a, &r, &sum, &e), 0);
	assert_int_equal(sum.organs, 1);
	assert_int_equal(t3(&r, T3R_NEW_RECEIVED, T3C_TOTAL), 1);
	store_rollback(s);
	report_free(&r);
	arena_free(&a);
	drop_store(s);
}

/* A region's applications and fees counted in one pass give each organ exactly what counting
 * it alone gives (app_organ_year): a grandchild organ counted, a neighbour and
 * its fees not, an organ whose applications all closed before the year and one with none
 * absent (all zero). */
static void region_counts_each_organ(struct store *s)
{
	struct gk_error e = { 0 };
	const struct app_organ_year *o;
	struct app_organ_year *v;
	struct arena a;
	int64_t county, town, village, quiet, neighbour, id, ids[5];
	size_t n;

	assert_int_equal(store_begin(s, &e), 0);
	county = organ(s, "示例县人民政府", "county", 0);
	town = organ(s, "甲镇", "township", county);
	village = organ(s, "甲镇某村务机构", "township", town);
	quiet = organ(s, "乙镇", "township", county);
	neighbour = organ(s, "邻县人民政府", "county", 0);
	/* the town: carried in, outcomes, carried out, two fees (one paid) */
	id = add(s, town, "2023-12-20", "biz");
	decide(s, id, OUTCOME_GRANTED, "2024-01-08");
	id = add(s, town, "2024-03-01", "np");
	decide(s, id, OUTCOME_UNABLE_NOT_HELD, "2024-03-15");
	add(s, town, "2024-12-30", "np");
	id = add(s, town, "2024-06-03", "research");
	event(s, id, EV_FEE_NOTICE, "2024-06-05");
	event(s, id, EV_FEE_NOTICE_RECEIVED, "2024-06-06");
	event(s, id, EV_FEE_PAID, "2024-06-10");
	id = add(s, town, "2024-07-01", "ngo");
	event(s, id, EV_FEE_NOTICE, "2024-07-03");
	/* the village under it: one withdrawn; the county: one closed in 2023 */
	id = add(s, village, "2024-04-01", "legal");
	event(s, id, EV_WITHDRAWN, "2024-04-02");
	id = add(s, county, "2023-11-01", "np");
	decide(s, id, OUTCOME_PARTIAL, "2023-12-01");
	/* the neighbour, outside the region */
	id = add(s, neighbour, "2024-02-01", "np");
	event(s, id, EV_FEE_NOTICE, "2024-02-03");
	assert_int_equal(store_commit(s, &e), 0);

	arena_init(&a);
	assert_int_equal(store_begin_read(s, &e), 0);
	assert_int_equal(app_region_year(s, county, 2024, &a, &v, &n, &e), 0);
	assert_int_equal(n, 2);   /* the town and the village; the county's one closed in 2023 */
	ids[0] = county, ids[1] = town, ids[2] = village, ids[3] = quiet, ids[4] = neighbour;
	for (int i = 0; i < 5; i++) {
		struct app_organ_year alone;
		struct app_tally t;
		struct app_fee_year f;

		assert_int_equal(app_organ_year(s, ids[i], 2024, &alone, &e), 0);
		t = alone.tally;
		f = alone.fees;
		o = app_organ_year_find(v, n, ids[i]);
		if (ids[i] == neighbour || ids[i] == quiet || ids[i] == county) {
			assert_null(o);
			continue;
		}
		assert_non_null(o);
		assert_memory_equal(&o->tally, &t, sizeof t);
		assert_memory_equal(&o->fees, &f, sizeof f);
	}
	o = app_organ_year_find(v, n, town);
	assert_int_equal(o->fees.notices, 2);
	assert_int_equal(o->fees.paid, 1);
	assert_int_equal(o->fees.paid_fen, 5000);
	assert_int_equal(o->tally.carried_in[APPLICANT_BIZ], 1);
	assert_int_equal(o->tally.carried_out[APPLICANT_NP], 1);
	store_rollback(s);
	arena_free(&a);
}

static void test_region_counts_each_organ(void **state)
{
	struct store *s = fresh_store();

	(void)state;
	region_counts_each_organ(s);
	drop_store(s);
}

/* A new database on the PostgreSQL server scripts/run-tests gives (its URL in *url); closed
 * and dropped by drop_pg_store. */
static struct store *pg_store(const char *tag, const char **url)
{
	struct gk_error e = { 0 };
	struct store *s = NULL;

	assert_non_null(*url = tmpstore_pg_create(tag));
	if (store_open(*url, STORE_CREATE, &s, &e) != 0)
		fail_msg("%s: %s", *url, e.msg);
	store_set_actor(s, "tester");
	return s;
}

static void drop_pg_store(struct store *s)
{
	store_close(s);
	tmpstore_pg_drop();
}

/* The same on PostgreSQL (its own statement texts), when scripts/run-tests gives a server. */
static void test_region_counts_each_organ_on_postgresql(void **state)
{
	const char *url;
	struct store *s = pg_store("report", &url);

	(void)state;
	region_counts_each_organ(s);
	drop_pg_store(s);
}

/* One number from SQL run on the database at where (a PostgreSQL URL or an SQLite file),
 * beside the store: the test's own hand on the tables, as an operator's would be. */
static long long sql_number(const char *where, const char *sql)
{
	long long v = -1;

	if (strncmp(where, "postgres", 8) == 0) {
		PGconn *c = PQconnectdb(where);
		PGresult *r = PQexec(c, sql);
		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
			v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		else if (PQresultStatus(r) == PGRES_COMMAND_OK)
			v = strtoll(PQcmdTuples(r), NULL, 10);
		else
			fail_msg("%s: %s", sql, PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *db;
		sqlite3_stmt *st;
		int rc;
		assert_int_equal(sqlite3_open(where, &db), SQLITE_OK);
		sqlite3_busy_timeout(db, 5000);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			fail_msg("%s: %s", sql, sqlite3_errmsg(db));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		else if (rc == SQLITE_DONE)
			v = sqlite3_changes(db);
		else
			fail_msg("%s: %s", sql, sqlite3_errmsg(db));
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	return v;
}

/* The tally of an organ's year counted from its applications one by one (app_year_rows, the
 * rows behind a report), as REQ 年报-4.5 puts each in 一 or 二 and in an outcome row or 四. */
static int count_row(void *ctx, const struct app_year_row *r)
{
	struct app_tally *t = ctx;

	if (r->carried_in)
		t->carried_in[r->type]++;
	else
		t->new_received[r->type]++;
	if (r->carried_out) {
		t->carried_out[r->type]++;
	} else {
		t->outcome[r->outcome][r->type]++;
		t->handled_total[r->type]++;
	}
	return 0;
}

/* Every organ's year 2023–2025, and its region's, read from the tally of applications are the
 * applications counted one by one. */
static void tally_counts(struct store *s, const int64_t *organs, size_t n)
{
	struct gk_error e = { 0 };

	for (int year = 2023; year <= 2025; year++) {
		struct app_organ_year *v;
		struct arena a;
		size_t nv;

		arena_init(&a);
		if (app_region_year(s, organs[0], year, &a, &v, &nv, &e) != 0)
			fail_msg("app_region_year: %s", e.msg);
		for (size_t i = 0; i < n; i++) {
			struct app_organ_year alone;
			const struct app_organ_year *o = app_organ_year_find(v, nv, organs[i]);
			struct app_tally want;

			memset(&want, 0, sizeof want);
			assert_int_equal(app_year_rows(s, organs[i], year, count_row, &want, &e), 0);
			assert_int_equal(app_organ_year(s, organs[i], year, &alone, &e), 0);
			if (memcmp(&alone.tally, &want, sizeof want) != 0)
				fail_msg("organ %lld, %d: the tally is not its applications counted",
					 (long long)organs[i], year);
			if (o)
				assert_memory_equal(&o->tally, &want, sizeof want);
			else
				assert_memory_equal(&alone.tally, &(struct app_tally){ 0 }, sizeof want);
		}
		arena_free(&a);
	}
}

static void tally_is_the_applications(struct store *s, const int64_t *organs, size_t n)
{
	struct gk_error e = { 0 };

	assert_int_equal(store_begin_read(s, &e), 0);
	tally_counts(s, organs, n);
	store_rollback(s);
}

/* An application's columns, and all but its organ and tracking code: to copy some in SQL. */
#define COPY_COLS "agency_id, tracking_code, secret_hash, received, channel, applicant_type, " \
	"applicant_name, applicant_key, state, outcome, closed, created_at"
#define COPY_REST "secret_hash, received, channel, applicant_type, applicant_name, " \
	"applicant_key, state, outcome, closed, created_at"

/* The tally of applications (migration 21) follows every change to the applications: those
 * gongkai makes (received, decided, a correction that moves the date received, withdrawn) and
 * those an operator makes in SQL (an application moved to another organ, its dates or outcome
 * changed, reopened, deleted, many copied in one statement), and keeps no key that no
 * application has. where: the database, for the operator's SQL. */
static void tally_follows_applications(struct store *s, const char *where, int64_t o[3])
{
	struct gk_error e = { 0 };
	int64_t id;
	char sql[512];

	assert_int_equal(store_begin(s, &e), 0);
	o[0] = organ(s, "示例县人民政府", "county", 0);
	o[1] = organ(s, "甲镇", "township", o[0]);
	o[2] = organ(s, "乙镇", "township", o[0]);
	id = add(s, o[1], "2023-12-20", "biz");
	decide(s, id, OUTCOME_GRANTED, "2024-01-08");
	id = add(s, o[1], "2023-06-01", "np");
	decide(s, id, OUTCOME_PARTIAL, "2023-06-20");
	id = add(s, o[1], "2024-03-01", "np");
	decide(s, id, OUTCOME_UNABLE_NOT_HELD, "2024-03-15");
	add(s, o[1], "2024-12-30", "np");
	add(s, o[2], "2024-05-01", "research");
	id = add(s, o[2], "2024-04-01", "legal");
	event(s, id, EV_WITHDRAWN, "2024-04-02");
	id = add(s, o[0], "2024-12-20", "np");
	decide(s, id, OUTCOME_GRANTED, "2025-01-06");
	assert_int_equal(store_commit(s, &e), 0);
	tally_is_the_applications(s, o, 3);
	/* read in the transaction that records them, before it commits */
	assert_int_equal(store_begin(s, &e), 0);
	id = add(s, o[2], "2024-06-01", "np");
	decide(s, id, OUTCOME_GRANTED, "2024-06-10");
	add(s, o[2], "2023-02-01", "ngo");
	tally_counts(s, o, 3);
	store_rollback(s);
	tally_is_the_applications(s, o, 3);

	/* an operator's hand: moved, redated, reopened, outcome changed, deleted, copied */
	snprintf(sql, sizeof sql, "UPDATE application SET agency_id = %lld WHERE applicant_type = "
		 "'research'", (long long)o[1]);
	assert_int_equal(sql_number(where, sql), 1);
	assert_int_equal(sql_number(where, "UPDATE application SET received = '2023-11-30' "
				    "WHERE received = '2024-12-30'"), 1);
	assert_int_equal(sql_number(where, "UPDATE application SET closed = NULL, outcome = NULL "
				    "WHERE closed = '2024-03-15'"), 1);
	assert_int_equal(sql_number(where, "UPDATE application SET outcome = 'partial' "
				    "WHERE closed = '2024-01-08'"), 1);
	tally_is_the_applications(s, o, 3);
	assert_int_equal(sql_number(where, "DELETE FROM app_event WHERE app_id IN (SELECT id FROM "
				    "application WHERE applicant_type = 'legal')"), 2);
	assert_int_equal(sql_number(where, "DELETE FROM application WHERE applicant_type = 'legal'"),
			 1);
	assert_int_equal(sql_number(where, "INSERT INTO application (" COPY_COLS ") SELECT "
				    "agency_id, tracking_code || '-copy', " COPY_REST " FROM application"),
			 6);
	tally_is_the_applications(s, o, 3);
	/* no key is kept that no application has (the deleted 'legal', the redated 2024 one) */
	assert_int_equal(sql_number(where, "SELECT count(*) FROM app_tally WHERE n <= 0 OR "
				    "applicant_type = 'legal'"), 0);
	assert_int_equal(sql_number(where, "SELECT sum(n) FROM app_tally"),
			 sql_number(where, "SELECT count(*) FROM application"));
}

static void test_tally_follows_applications(void **state)
{
	struct store *s = fresh_store();
	int64_t o[3];

	(void)state;
	tally_follows_applications(s, tmpstore_path(), o);
	drop_store(s);
}

static void test_tally_follows_applications_on_postgresql(void **state)
{
	const char *url;
	struct store *s = pg_store("tally", &url);
	int64_t o[3];

	(void)state;
	tally_follows_applications(s, url, o);
	/* PostgreSQL folds a transaction's notes into the tally when it commits: what a savepoint
	 * rolled back is not counted, 200 copies made by 50 statements of one transaction are, and no note is left */
	sql_number(url, "BEGIN; INSERT INTO application (" COPY_COLS ") SELECT agency_id, "
		   "tracking_code || '-kept', " COPY_REST " FROM application WHERE tracking_code "
		   "LIKE '%-copy'; SAVEPOINT a; INSERT INTO application (" COPY_COLS ") SELECT "
		   "agency_id, tracking_code || '-undone', " COPY_REST " FROM application; "
		   "ROLLBACK TO a; COMMIT");
	sql_number(url, "DO $$ BEGIN FOR i IN 1..50 LOOP INSERT INTO application (" COPY_COLS ") "
		   "SELECT agency_id, tracking_code || '-' || i, " COPY_REST " FROM application "
		   "WHERE tracking_code LIKE '%-copy-kept' AND applicant_type = 'np'; END LOOP; END $$");
	assert_int_equal(sql_number(url, "SELECT count(*) FROM application"), 12 + 6 + 50 * 4);
	tally_is_the_applications(s, o, 3);
	assert_int_equal(sql_number(url, "SELECT count(*) FROM app_tally_pending"), 0);
	assert_int_equal(sql_number(url, "SELECT sum(n) FROM app_tally"), 12 + 6 + 50 * 4);
	drop_pg_store(s);
}

/* gongkai's connections to the test's database (application "gongkai") for which the SQL
 * condition also holds (NULL: all), once there are want of them (a closed connection's server
 * process ends a moment after the close) or 5 s have passed. */
static long gongkai_connections(const char *url, const char *also, long want)
{
	char sql[512];
	long n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM pg_stat_activity WHERE datname = "
		 "current_database() AND application_name = 'gongkai' AND (%s)", also ? also : "true");
	for (int tries = 0; tries < 100 && n != want; tries++) {
		n = (long)sql_number(url, sql);
		if (n != want)
			usleep(50 * 1000);
	}
	return n;
}

/* The server ends every connection of gongkai to the test's database. */
static void terminate_gongkai(const char *url)
{
	assert_int_equal(tmpstore_pg_run(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
					 "WHERE datname = current_database() AND "
					 "application_name = 'gongkai'"), 0);
	assert_int_equal(gongkai_connections(url, NULL, 0), 0);
}

/* Organ id's year as the region of root reads it, in the read transaction s is in. */
static struct app_organ_year region_organ(struct store *s, int64_t root, int64_t id,
					  struct arena *a)
{
	struct gk_error e = { 0 };
	const struct app_organ_year *o;
	struct app_organ_year *v;
	size_t n;

	if (app_region_year(s, root, 2024, a, &v, &n, &e) != 0)
		fail_msg("app_region_year: %s", e.msg);
	assert_non_null(o = app_organ_year_find(v, n, id));
	return *o;
}

static int stop_at_first_group(void *ctx, const struct app_year_group *g)
{
	(void)ctx, (void)g;
	return 7;
}

static int no_total(void *ctx, int64_t agency_id, const char *kind, int64_t n, int64_t fen)
{
	(void)ctx, (void)agency_id, (void)kind, (void)n, (void)fen;
	return 0;
}

/* On PostgreSQL a region's fees are read on a second connection, beside the year's
 * applications, on the read transaction's own snapshot: an application and a fee notice
 * committed by another connection after the transaction's first read are not counted by it
 * (neither in the groups nor in the fees), and are by the next transaction. A read given up
 * half-way (a group refused) leaves the second connection ready for the next. A server that
 * refuses the second connection gives the same figures, read on the first. */
static void test_region_reads_one_snapshot_on_postgresql(void **state)
{
	struct gk_error e = { 0 };
	struct store *s = NULL, *w = NULL;
	const char *url = tmpstore_pg_create("snapshot");
	struct app_organ_year before, now;
	struct app_year_query q = { .year = 2024,
				    .notice = app_event_rules[EV_FEE_NOTICE].id,
				    .paid = app_event_rules[EV_FEE_PAID].id };
	struct arena a;
	int64_t county, town, id;

	(void)state;
	assert_non_null(url);
	if (store_open(url, STORE_CREATE, &s, &e) != 0 || store_open(url, 0, &w, &e) != 0)
		fail_msg("%s: %s", url, e.msg);
	store_set_actor(s, "tester");
	store_set_actor(w, "writer");
	assert_int_equal(store_begin(s, &e), 0);
	county = organ(s, "示例县人民政府", "county", 0);
	town = organ(s, "甲镇", "township", county);
	id = add(s, town, "2024-06-03", "np");
	event(s, id, EV_FEE_NOTICE, "2024-06-05");
	assert_int_equal(store_commit(s, &e), 0);

	arena_init(&a);
	assert_int_equal(store_begin_read(s, &e), 0);
	before = region_organ(s, county, town, &a);
	assert_int_equal(before.fees.notices, 1);
	assert_int_equal(before.tally.new_received[APPLICANT_NP], 1);
	/* the store's own connection, the one beside it, the writer's */
	assert_int_equal(gongkai_connections(url, NULL, 3), 3);

	assert_int_equal(store_begin(w, &e), 0);
	id = add(w, town, "2024-07-01", "np");
	event(w, id, EV_FEE_NOTICE, "2024-07-03");
	assert_int_equal(store_commit(w, &e), 0);

	now = region_organ(s, county, town, &a);
	assert_memory_equal(&now, &before, sizeof before);
	/* given up at its first group: the fees started beside are given up too, and the
	 * connection beside ends its transaction (only the store's own is in one) */
	q.root_id = county;
	assert_int_equal(app_store(s)->organs_year(s, &q, stop_at_first_group, no_total, NULL, &e), 7);
	assert_int_equal(gongkai_connections(url, "state <> 'idle'", 1), 1);
	now = region_organ(s, county, town, &a);
	assert_memory_equal(&now, &before, sizeof before);
	store_rollback(s);

	/* the server ends every connection while they are idle (a restart, an operator): the next
	 * transaction makes them again and counts the writer's too, twice alike */
	terminate_gongkai(url);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(store_begin_read(s, &e), 0);
		now = region_organ(s, county, town, &a);
		assert_int_equal(now.fees.notices, 2);
		assert_int_equal(now.tally.new_received[APPLICANT_NP], 2);
		store_rollback(s);
	}
	/* the store's own and the one beside it, both made again (the writer's is not) */
	assert_int_equal(gongkai_connections(url, NULL, 2), 2);
	store_close(w);
	store_close(s);
	assert_int_equal(gongkai_connections(url, NULL, 0), 0);

	/* a role the server allows one connection: the same figures, read on that one */
	{
		char one[1024];

		assert_int_equal(tmpstore_pg_run(url, "CREATE ROLE gk_one_conn LOGIN CONNECTION LIMIT 1; "
						 "GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
						 "gk_one_conn"), 0);
		assert_non_null(strchr(url, '@'));
		snprintf(one, sizeof one, "postgresql://gk_one_conn@%s", strchr(url, '@') + 1);
		if (store_open(one, STORE_READONLY, &s, &e) != 0)
			fail_msg("%s: %s", one, e.msg);
		assert_int_equal(store_begin_read(s, &e), 0);
		now = region_organ(s, county, town, &a);
		assert_int_equal(now.fees.notices, 2);
		assert_int_equal(now.tally.new_received[APPLICANT_NP], 2);
		assert_int_equal(gongkai_connections(url, NULL, 1), 1);
		store_rollback(s);
		store_close(s);
		assert_int_equal(tmpstore_pg_run(url, "DROP OWNED BY gk_one_conn; DROP ROLE gk_one_conn"), 0);
	}
	arena_free(&a);
	tmpstore_pg_drop();
}

/* The frozen cells read back exactly (money in 分 included). */
static void test_cells_round_trip(void **state)
{
	struct report_cells c, d;
	struct gk_error e = { 0 };
	struct buf b;

	(void)state;
	cells_init_zero(&c, fmt_get(FMT_V2021));
	cells_set(&c, fmt_cell_index(c.fmt, "t2.admin_fee.amount_wan"), 1234567);
	cells_t3_set(&c, T3R_NEW_RECEIVED, T3C_NGO, 9);
	buf_init(&b, 0);
	assert_int_equal(report_cells_serialise(&c, &b), 0);
	cells_init_zero(&d, c.fmt);
	assert_int_equal(report_cells_parse(buf_cstr(&b), &d, &e), 0);
	assert_memory_equal(c.v, d.v, sizeof c.v);
	assert_int_equal(report_cells_parse("t3.nope 1\n", &d, &e), ERR_NOTFOUND);
	assert_int_equal(report_cells_parse("t3.new_received.np x\n", &d, &e), ERR_DB);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table3_year_boundary),
		cmocka_unit_test(test_table3_2019_format),
		cmocka_unit_test(test_tables_2_and_4),
		cmocka_unit_test(test_texts_and_draft),
		cmocka_unit_test(test_publish_carry_over_and_revisions),
		cmocka_unit_test(test_region_three_organs),
		cmocka_unit_test(test_region_counts_each_organ),
		cmocka_unit_test(test_cells_round_trip),
		cmocka_unit_test(test_tally_follows_applications),
		/* PostgreSQL's case, when scripts/run-tests gives a server */
		cmocka_unit_test(test_region_counts_each_organ_on_postgresql),
		cmocka_unit_test(test_region_reads_one_snapshot_on_postgresql),
		cmocka_unit_test(test_tally_follows_applications_on_postgresql),
	};
	const char *pg = getenv("GONGKAI_TEST_PG");
	size_t n = sizeof tests / sizeof tests[0];

	return _cmocka_run_group_tests("domain/report", tests, pg && *pg ? n : n - 3, group_setup,
				       group_teardown);
}

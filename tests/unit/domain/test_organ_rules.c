/* test_organ_rules.c — an organ's settings for what the law leaves open (domain/organ_rules.h):
 * checking and reading them with their defaults, the 行政复议机关 by level and by the law in
 * force on the decision's day, the annual report's due date by level; and the reply letters
 * that name them (domain/letter.h), on a temporary database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/agency.h"
#include "domain/application.h"
#include "domain/catalogue.h"
#include "domain/letter.h"
#include "domain/organ_rules.h"
#include "text/date.h"
#include "../tmpstore.h"

static struct calendar *cal;

static int D(const char *s)
{
	int d = 0;
	assert_int_equal(date_parse(s, &d, "test", NULL), 0);
	return d;
}

static int group_setup(void **state)
{
	struct gk_error e = { 0 };
	return calendar_open(&cal, GK_TEST_SOURCE_DIR "/data", NULL, &e) == 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
	calendar_free(cal);
	return 0;
}

static void test_check_and_defaults(void **state)
{
	struct agency_profile p = { 0 };
	struct organ_rules r;
	struct gk_error e = { 0 };

	organ_rules_read(&p, &r);
	assert_true(r.fee_pause);
	assert_true(r.consult_cap);
	assert_int_equal(r.correction_period, 15);
	assert_int_equal(r.confirm_days, 2);
	assert_null(r.review_body);
	assert_int_equal(r.report_due_month, 0);
	p.correction_period = "0";
	assert_int_equal(organ_rules_check(&p, &e), ERR_INVALID);
	assert_string_equal(e.field, "correction_period");
	p.correction_period = "10";
	p.consult_cap = "maybe";
	assert_int_equal(organ_rules_check(&p, &e), ERR_INVALID);
	assert_string_equal(e.field, "consult_cap");
	p.consult_cap = "no";
	p.report_due = "02-30";
	assert_int_equal(organ_rules_check(&p, &e), ERR_INVALID);
	assert_string_equal(e.field, "report_due");
	p.report_due = "02-28";
	p.confirm_days = "0";
	assert_int_equal(organ_rules_check(&p, &e), 0);
	organ_rules_read(&p, &r);
	assert_int_equal(r.correction_period, 10);
	assert_false(r.consult_cap);
	assert_int_equal(r.confirm_days, 0);
	assert_int_equal(r.report_due_month, 2);
	assert_int_equal(r.report_due_day, 28);
	/* every setting is declared once, with its option and the law behind it */
	for (int i = 0; i < RULE__MAX; i++) {
		assert_non_null(organ_rule_info[i].option);
		assert_non_null(organ_rule_info[i].law);
		assert_int_equal(strncmp(organ_rule_info[i].option, "--", 2), 0);
	}
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

/* The body named for agency's decision of decided, or the refusal's message (in a). */
static const char *body(struct store *s, int64_t agency, const char *decided, struct arena *a)
{
	const char *out = NULL;
	struct gk_error e = { 0 };

	if (organ_review_body(s, agency, D(decided), a, &out, &e) != 0)
		return arena_strdup(a, e.msg);
	return out;
}

/* REQ 行政复议法-24 REQ 行政复议法-25: the 行政复议机关 from the organ's level. */
static void test_review_body(void **state)
{
	struct store *s = tmpstore_open("rules");
	struct gk_error e = { 0 };
	struct arena a;
	int64_t prov, city, county, dept, town, office, ministry;
	struct agency_profile p = { 0 };

	assert_non_null(s);
	store_set_actor(s, "tester");
	arena_init(&a);
	assert_int_equal(store_begin(s, &e), 0);
	prov = organ(s, "河南省人民政府", "province", 0);
	city = organ(s, "安阳市人民政府", "city", prov);
	county = organ(s, "滑县人民政府", "county", city);
	dept = organ(s, "滑县自然资源局", "county-dept", county);
	town = organ(s, "慈周寨镇人民政府", "township", county);
	office = organ(s, "滑县自然资源局某所", "county-dept", dept);   /* under a department */
	ministry = organ(s, "某部", "ministry", 0);
	/* a department: 本级人民政府 (from 2024); before, also the 上一级主管部门 (former Art. 12) */
	assert_string_equal(body(s, dept, "2024-01-01", &a), "滑县人民政府");
	assert_string_equal(body(s, dept, "2023-12-29", &a), "滑县人民政府或者上一级主管部门");
	/* a 乡镇 and a county government: the government above */
	assert_string_equal(body(s, town, "2024-03-01", &a), "滑县人民政府");
	assert_string_equal(body(s, county, "2024-03-01", &a), "安阳市人民政府");
	/* a unit under a department: still the nearest government */
	assert_string_equal(body(s, office, "2024-03-01", &a), "滑县人民政府");
	/* a province and a ministry review their own acts (Art. 25) */
	assert_string_equal(body(s, prov, "2024-03-01", &a), "河南省人民政府");
	assert_string_equal(body(s, ministry, "2024-03-01", &a), "某部");
	/* the setting wins (vertically led organs) */
	p.review_body = "国家税务总局安阳市税务局";
	assert_int_equal(catalogue_profile_set(s, dept, &p, &e), 0);
	assert_string_equal(body(s, dept, "2024-03-01", &a), "国家税务总局安阳市税务局");
	/* nothing above, no setting: refused, saying how to set it */
	assert_non_null(strstr(body(s, organ(s, "孤立县人民政府", "county", 0), "2024-03-01", &a),
			       "写明行政复议机关（review_body"));
	store_rollback(s);
	arena_free(&a);
	tmpstore_drop(s);
}

/* REQ 条例-49: departments and townships by 1月31日, a government's own report by 3月31日. */
static void test_report_due(void **state)
{
	struct store *s = tmpstore_open("rules");
	struct gk_error e = { 0 };
	struct agency_profile p = { 0 };
	int64_t county, dept, town;
	int due;

	assert_non_null(s);
	store_set_actor(s, "tester");
	assert_int_equal(store_begin(s, &e), 0);
	county = organ(s, "滑县人民政府", "county", 0);
	dept = organ(s, "滑县自然资源局", "county-dept", county);
	town = organ(s, "慈周寨镇人民政府", "township", county);
	assert_int_equal(organ_report_due(s, county, 2024, &e, &due), 0);
	assert_int_equal(due, D("2025-03-31"));
	assert_int_equal(organ_report_due(s, dept, 2024, &e, &due), 0);
	assert_int_equal(due, D("2025-01-31"));
	assert_int_equal(organ_report_due(s, town, 2024, &e, &due), 0);
	assert_int_equal(due, D("2025-01-31"));
	p.report_due = "02-15";   /* a local notice for townships */
	assert_int_equal(catalogue_profile_set(s, town, &p, &e), 0);
	assert_int_equal(organ_report_due(s, town, 2024, &e, &due), 0);
	assert_int_equal(due, D("2025-02-15"));
	store_rollback(s);
	tmpstore_drop(s);
}

/* REQ 条例-36: 第（五）项 names the organ responsible; every outcome has a letter; a lapse's
 * letter states the facts. */
static void test_letters(void **state)
{
	struct store *s = tmpstore_open("rules");
	struct gk_error e = { 0 };
	struct arena a;
	struct app_view v;
	struct letter l;
	struct app_created c;
	struct app_event_in ev;
	int64_t county, town, ids[3];
	int today = D("2025-06-30");

	assert_non_null(s);
	store_set_actor(s, "tester");
	arena_init(&a);
	assert_int_equal(store_begin(s, &e), 0);
	county = organ(s, "滑县人民政府", "county", 0);
	town = organ(s, "慈周寨镇人民政府", "township", county);
	for (int i = 0; i < 3; i++) {
		struct app_new in = { .agency_id = town, .channel = "in-person", .applicant_type = "np",
				      .applicant_name = "张三", .received = D("2024-09-02"), .contact = "电话：13800000000", .request = "某项信息" };
		assert_int_equal(app_create(s, cal, &in, today, &c, &e), 0);
		ids[i] = c.id;
	}
	app_event_init(&ev, EV_DECIDED, D("2024-09-10"));
	ev.outcome = OUTCOME_UNABLE_NOT_HELD;
	ev.basis = "该信息由县自然资源局制作";
	ev.counterpart = "滑县自然资源局";
	ev.counterpart_contact = "0372-0000000";
	assert_int_equal(app_record(s, cal, ids[0], &ev, today, &e), 0);
	assert_int_equal(app_load(s, cal, ids[0], today, &a, &v, &e), 0);
	assert_int_equal(letter_build(s, &v, &a, &l, &e), 0);
	assert_non_null(strstr(l.basis, "第三十六条第（五）项"));
	assert_non_null(strstr(l.conclusion, "滑县自然资源局，联系方式：0372-0000000"));
	assert_non_null(strstr(l.remedy, "60日内向滑县人民政府申请行政复议"));
	app_view_free(&v);

	app_event_init(&ev, EV_DECIDED, D("2024-09-10"));
	ev.outcome = OUTCOME_NOPROC_CONFIRM_REISSUE;
	ev.basis = "申请人要求对已取得的批复加盖公章";
	assert_int_equal(app_record(s, cal, ids[1], &ev, today, &e), 0);
	assert_int_equal(app_load(s, cal, ids[1], today, &a, &v, &e), 0);
	assert_int_equal(letter_build(s, &v, &a, &l, &e), 0);
	assert_non_null(strstr(l.conclusion, "确认或者重新出具"));
	app_view_free(&v);

	app_event_init(&ev, EV_CORRECTION_REQUESTED, D("2024-09-04"));
	ev.days = 10;
	assert_int_equal(app_record(s, cal, ids[2], &ev, today, &e), 0);
	app_event_init(&ev, EV_CORRECTION_LAPSED, D("2024-09-25"));
	assert_int_equal(app_record(s, cal, ids[2], &ev, today, &e), 0);
	assert_int_equal(app_load(s, cal, ids[2], today, &a, &v, &e), 0);
	assert_int_equal(letter_build(s, &v, &a, &l, &e), 0);
	assert_string_equal(l.title, "政府信息公开申请终止办理告知书");
	assert_non_null(strstr(l.reasons, "补正期限至2024年9月19日"));
	assert_non_null(strstr(l.basis, "第三十条"));
	app_view_free(&v);
	store_rollback(s);
	arena_free(&a);
	tmpstore_drop(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_and_defaults),
		cmocka_unit_test(test_review_body),
		cmocka_unit_test(test_report_due),
		cmocka_unit_test(test_letters),
	};
	return cmocka_run_group_tests_name("domain/organ_rules", tests, group_setup, group_teardown);
}

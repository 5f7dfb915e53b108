/* test_publish_rules.c — the 三审 rules: order, different people, never the author, roles,
 * reasons for rejections, 保密审查 at 终审. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/publish.h"

static void refused(enum doc_state st, const struct review_rec *prior, size_t n,
		    struct review_request req, int code, const char *field)
{
	struct gk_error e = { 0 };
	assert_int_equal(publish_review_check(st, "author", prior, n, &req, &e), code);
	assert_string_equal(e.field, field);
}

static const struct review_rec round1[] = {
	{ STAGE_FIRST, "zhang", 1 },
	{ STAGE_SECOND, "li", 1 },
};

/* REQ 三审-1 */
static void test_stages_in_order(void **state)
{
	struct review_request r = { STAGE_SECOND, "li", "reviewer", 1, NULL, 0 };
	refused(DOC_FIRST, NULL, 0, r, ERR_STATE, "stage");     /* skipping 初审 */
	r.stage = STAGE_FINAL;
	r.role = "leader";
	refused(DOC_FIRST, NULL, 0, r, ERR_STATE, "stage");
	r.stage = STAGE_FIRST;
	refused(DOC_DRAFT, NULL, 0, r, ERR_STATE, "stage");     /* not submitted */
	refused(DOC_PUBLISHED, NULL, 0, r, ERR_STATE, "stage");
	assert_int_equal(publish_review_check(DOC_FIRST, "author", NULL, 0, &r, NULL), 0);
}

/* REQ 三审-2 */
static void test_different_people_never_the_author(void **state)
{
	struct review_request r = { STAGE_FIRST, "author", "reviewer", 1, NULL, 0 };
	refused(DOC_FIRST, NULL, 0, r, ERR_FORBIDDEN, "by");
	r = (struct review_request){ STAGE_SECOND, "zhang", "reviewer", 1, NULL, 0 };
	refused(DOC_SECOND, round1, 1, r, ERR_FORBIDDEN, "by");
	r = (struct review_request){ STAGE_FINAL, "li", "leader", 1, NULL, 1 };
	refused(DOC_FINAL, round1, 2, r, ERR_FORBIDDEN, "by");
	r.reviewer = "wang";
	assert_int_equal(publish_review_check(DOC_FINAL, "author", round1, 2, &r, NULL), 0);
}

/* REQ 三审-2: every pair of stages done by one person is refused, whichever the pair — the
 * later stage is refused, naming the stage the person already did. */
static void test_no_pair_of_stages_by_one_person(void **state)
{
	static const char *const people[STAGE__MAX] = { "zhang", "li", "wang" };
	static const char *const roles[STAGE__MAX] = { "reviewer", "reviewer", "leader" };

	for (int first = 0; first < STAGE__MAX; first++)
		for (int later = first + 1; later < STAGE__MAX; later++) {
			struct review_rec prior[STAGE__MAX];
			struct review_request r = { (enum review_stage)later, people[first], "leader", 1,
						    NULL, 1 };
			struct gk_error e = { 0 };

			for (int k = 0; k < later; k++)
				prior[k] = (struct review_rec){ (enum review_stage)k, people[k], 1 };
			assert_int_equal(publish_review_check((enum doc_state)(DOC_FIRST + later), "author",
							      prior, (size_t)later, &r, &e), ERR_FORBIDDEN);
			assert_string_equal(e.field, "by");
			assert_non_null(strstr(e.msg, publish_stages[first].label));
			/* the same stage by its own person is allowed */
			r.reviewer = people[later];
			r.role = roles[later];
			assert_int_equal(publish_review_check((enum doc_state)(DOC_FIRST + later), "author",
							      prior, (size_t)later, &r, NULL), 0);
		}
}

/* REQ 三审-3 */
static void test_roles(void **state)
{
	struct review_request r = { STAGE_FINAL, "wang", "reviewer", 1, NULL, 1 };
	refused(DOC_FINAL, round1, 2, r, ERR_FORBIDDEN, "by");
	r = (struct review_request){ STAGE_SECOND, "wang", "officer", 1, NULL, 0 };
	refused(DOC_SECOND, round1, 1, r, ERR_FORBIDDEN, "by");
	r.role = "supervisor";
	refused(DOC_SECOND, round1, 1, r, ERR_FORBIDDEN, "by");
}

/* REQ 三审-4, REQ 条例-17 */
static void test_reject_reason_and_secrecy(void **state)
{
	struct review_request r = { STAGE_FIRST, "zhang", "reviewer", 0, NULL, 0 };
	refused(DOC_FIRST, NULL, 0, r, ERR_INVALID, "comment");
	r.comment = "错别字";
	assert_int_equal(publish_review_check(DOC_FIRST, "author", NULL, 0, &r, NULL), 0);
	r = (struct review_request){ STAGE_FINAL, "wang", "leader", 1, NULL, 0 };
	refused(DOC_FINAL, round1, 2, r, ERR_STATE, "secrecy_checked");
	r.approve = 0;
	r.comment = "涉密";  /* rejecting needs no secrecy confirmation */
	assert_int_equal(publish_review_check(DOC_FINAL, "author", round1, 2, &r, NULL), 0);
}

static void test_stage_parse(void **state)
{
	assert_int_equal(publish_stage_parse("终审"), STAGE_FINAL);
	assert_int_equal(publish_stage_parse("first"), STAGE_FIRST);
	assert_int_equal(publish_stage_parse("third"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stages_in_order),
		cmocka_unit_test(test_different_people_never_the_author),
		cmocka_unit_test(test_no_pair_of_stages_by_one_person),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_reject_reason_and_secrecy),
		cmocka_unit_test(test_stage_parse),
	};
	return cmocka_run_group_tests_name("domain/publish_rules", tests, NULL, NULL);
}

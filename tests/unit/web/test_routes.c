/* test_routes.c — the route table's input fields: a field a record declares takes its label and
 * its bound from the declaration (so the console and the command line name it alike); every
 * other field carries its own label and limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "domain/application.h"
#include "domain/records.h"
#include "web/app.h"

static const struct web_field *route_field(const char *method, const char *pattern, const char *name)
{
	for (const struct web_route *r = web_routes; r->method; r++)
		if (strcmp(r->method, method) == 0 && strcmp(r->pattern, pattern) == 0)
			for (const struct web_field *f = r->fields; f && f->name; f++)
				if (strcmp(f->name, name) == 0)
					return f;
	return NULL;
}

static void test_every_field_has_a_label_and_a_limit(void **state)
{
	int declared = 0;

	(void)state;
	for (const struct web_route *r = web_routes; r->method; r++)
		for (const struct web_field *f = r->fields; f && f->name; f++) {
			if (f->decl) {
				if (!desc_find(f->decl, f->name))
					fail_msg("%s %s: %s is not a field of %s", r->method, r->pattern,
						 f->name, f->decl->id);
				declared++;
			}
			if (!web_field_label(f))
				fail_msg("%s %s: %s has no label", r->method, r->pattern, f->name);
			if ((f->type == F_LINE || f->type == F_TEXT) && web_field_max(f) == 0)
				fail_msg("%s %s: %s has no limit", r->method, r->pattern, f->name);
		}
	assert_true(declared >= 24);  /* a document's 12 fields on two forms */
}

static void test_declared_fields_speak_as_their_declaration(void **state)
{
	const struct web_field *f = route_field("POST", "/console/documents/new", "withheld_reason");

	(void)state;
	assert_non_null(f);
	assert_string_equal(web_field_label(f), "不予公开的理由");
	assert_int_equal(web_field_max(f), 4 * desc_find(&doc_desc, "withheld_reason")->max);
	f = route_field("POST", "/console/documents/new", "title");
	assert_string_equal(web_field_label(f), "名称");
	assert_int_equal(f->required, 1);
	/* the application's fields the forms take as typed speak as its declaration, on the
	 * public form and the console's alike */
	f = route_field("POST", "/apply", "applicant_name");
	assert_non_null(f);
	assert_ptr_equal(f->decl, &app_new_desc);
	assert_string_equal(web_field_label(f), "申请人姓名或者名称");
	assert_int_equal(web_field_max(f), 4 * APP_NAME_MAX);
	f = route_field("POST", "/console/applications/new", "id_number");
	assert_ptr_equal(f->decl, &app_new_desc);
	assert_string_equal(web_field_label(f), "身份证明号码");
	assert_int_equal(web_field_max(f), 4 * APP_ID_NUMBER_MAX);
	/* the fields that make up one of the application's are the form's own (phone, address
	 * and e-mail its contact) */
	f = route_field("POST", "/apply", "email");
	assert_null(f->decl);
	assert_string_equal(web_field_label(f), "电子邮箱");
	/* a route's own limit stands (a date has no declared length) */
	f = route_field("POST", "/console/documents/new", "signed_date");
	assert_string_equal(web_field_label(f), "成文日期");
	assert_int_equal(web_field_max(f), 40);
	f = route_field("POST", "/apply", "phone");
	assert_string_equal(web_field_label(f), "联系电话");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field_has_a_label_and_a_limit),
		cmocka_unit_test(test_declared_fields_speak_as_their_declaration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

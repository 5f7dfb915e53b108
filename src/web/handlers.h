/*
 * handlers.h — every request handler, one per route of web/routes.c, defined in web/h_*.c.
 */
#ifndef GK_WEB_HANDLERS_H
#define GK_WEB_HANDLERS_H

#include "web/app.h"

/* h_portal.c — the public portal */
int h_home(struct web_ctx *c);
int h_text_size(struct web_ctx *c);
int h_contrast(struct web_ctx *c);

/* h_apply.c — applying and tracking */
int h_apply_form(struct web_ctx *c);
int h_apply(struct web_ctx *c);

/* h_track.c — the applicant's pages */
int h_track_form(struct web_ctx *c);
int h_track(struct web_ctx *c);
int h_track_signout(struct web_ctx *c);
int h_track_correct(struct web_ctx *c);
int h_track_withdraw_form(struct web_ctx *c);
int h_track_withdraw(struct web_ctx *c);
int h_track_confirm(struct web_ctx *c);
int h_track_notice(struct web_ctx *c);

/* h_apps.c — applications in the console */
int h_apps(struct web_ctx *c);
int h_app_new_form(struct web_ctx *c);
int h_app_new(struct web_ctx *c);
int h_app(struct web_ctx *c);
int h_app_event(struct web_ctx *c);
int h_app_decide(struct web_ctx *c);
int h_app_letter(struct web_ctx *c);
int h_app_letter_docx(struct web_ctx *c);
int h_app_letter_pdf(struct web_ctx *c);
int h_app_letter_ofd(struct web_ctx *c);
int h_app_notice(struct web_ctx *c);
int h_app_notice_issue(struct web_ctx *c);
int h_app_file(struct web_ctx *c);

/* h_reports.c — annual reports */
int h_reports(struct web_ctx *c);
int h_report(struct web_ctx *c);
int h_report_download(struct web_ctx *c);
int h_report_console(struct web_ctx *c);
int h_report_text(struct web_ctx *c);
int h_report_publish(struct web_ctx *c);
/* Published revisions (of one organ and/or year, 0 = all) into list. */
int web_list_reports(struct web_ctx *c, struct tpl_val *list, int64_t agency_id, int year);
/* The <body> of a complete HTML rendering of a report (escaped by render/html.c's writer): a
 * trusted fragment in the request's arena. The rendering's own <style> is dropped (CSP:
 * style-src 'self'). */
const char *web_report_body(struct web_ctx *c, const char *html, size_t len);
/* The year= of a console report page (2019 or later), else last year. */
int web_report_year(struct web_ctx *c);
/* Findings f as the page's "findings" list (rule, severity, error, msg), "errors" and
 * "warnings" (the partial templates/findings.html shows them). */
struct findings;
void web_put_findings(struct web_ctx *c, const struct findings *f);

/* pictures.c — the console's pictures, inline SVG: the dashboard's trends ("trends": received,
 * closed, due) for an officer or leader of an organ; the region page's ("pictures": organs,
 * years), overdue[i] the overdue applications of sum->each[i]. */
struct agency_rec;
struct region_summary;
int web_put_trends(struct web_ctx *c);
int web_put_region_pictures(struct web_ctx *c, const struct agency_rec *root, int year,
			    const struct region_summary *sum, const long long *overdue);

/* h_region.c — the supervisor's region summary */
int h_report_region(struct web_ctx *c);
int h_report_region_download(struct web_ctx *c);
/* h_docs.c — the catalogue, documents, search, publishing */
int h_catalogue(struct web_ctx *c);
int h_doc(struct web_ctx *c);
int h_doc_attachment(struct web_ctx *c);
int h_search(struct web_ctx *c);
int h_docs(struct web_ctx *c);
int h_doc_new_form(struct web_ctx *c);
int h_doc_new(struct web_ctx *c);
int h_doc_console(struct web_ctx *c);
int h_doc_console_attachment(struct web_ctx *c);
int h_doc_edit(struct web_ctx *c);
int h_doc_submit(struct web_ctx *c);
int h_doc_review(struct web_ctx *c);
int h_doc_publish(struct web_ctx *c);
int h_doc_withdraw(struct web_ctx *c);
/* The n newest public documents into list (for the home page). */
int web_latest_docs(struct web_ctx *c, struct tpl_val *list, int n);

/* h_guide.c — the guide and the feed */
int h_guide(struct web_ctx *c);
int h_feed(struct web_ctx *c);

/* h_feedback.c — suggestions and complaints */
int h_feedback_form(struct web_ctx *c);
int h_feedback(struct web_ctx *c);

/* h_console.c — sign-in and the dashboard */
int h_login_form(struct web_ctx *c);
int h_login(struct web_ctx *c);
int h_logout(struct web_ctx *c);
int h_totp_form(struct web_ctx *c);
int h_totp(struct web_ctx *c);
int h_dashboard(struct web_ctx *c);

/* h_registers.c — the registers (登记簿) */
int h_registers(struct web_ctx *c);
int h_register_list(struct web_ctx *c);
int h_register_new_form(struct web_ctx *c);
int h_register_add(struct web_ctx *c);
int h_register_import(struct web_ctx *c);
/* h_templates.c */
int h_templates(struct web_ctx *c);
int h_template(struct web_ctx *c);
int h_template_file(struct web_ctx *c);
int h_template_upload(struct web_ctx *c);
int h_template_revert(struct web_ctx *c);
int h_register_entry(struct web_ctx *c);
int h_register_edit(struct web_ctx *c);
int h_register_remove(struct web_ctx *c);

/* h_admin.c — accounts, one's own password, and the audit log */
int h_users(struct web_ctx *c);
int h_user_add(struct web_ctx *c);
int h_user(struct web_ctx *c);
int h_user_password(struct web_ctx *c);
int h_user_disable(struct web_ctx *c);
int h_user_role(struct web_ctx *c);
int h_user_totp_reset(struct web_ctx *c);
int h_password_form(struct web_ctx *c);
int h_password(struct web_ctx *c);
int h_audit(struct web_ctx *c);
int h_audit_export(struct web_ctx *c);

#endif

/*
 * appform.h — the Art. 29 application form shared by the public /apply page (channel online,
 * received today) and the console's registration of paper, in-person, post and fax
 * applications (channel and date of receipt typed by staff): the choices it offers, the
 * checks the route table cannot express, and the record it makes.
 * The fields themselves are declared once in web/routes.c (ART29_FIELDS) and shown by the
 * partial templates/appfields.html.
 * May call: domain/, web/app.h.
 */
#ifndef GK_WEB_APPFORM_H
#define GK_WEB_APPFORM_H

#include "domain/application.h"
#include "web/app.h"

/* Put the form's choices in the page: applicant types, media, deliveries and receipt
 * channels, each marked selected from what was typed (or the default). */
void appform_choices(struct web_ctx *c);

/* Fill in's applicant, contact, request and form from the form's fields (strings in the
 * request arena; agency, received and channel are the caller's). The rules of 条例第二十九条
 * (a contact, the information named or described, the limits) are the domain's, checked by
 * app_create for every front end; its refusal goes to appform_refused. Returns c->nerrors. */
int appform_read(struct web_ctx *c, struct app_new *in);

/* web_refused for app_create's refusal: an error on the contact, the request or the form
 * asked for is shown at the first of the form's fields that make it up (phone, description,
 * medium), in the domain's words and label. */
int appform_refused(struct web_ctx *c, int rc);

/* The receipt (回执) of a just-created application into the page: tracking_code, the one-time
 * secret (never stored, so shown only on this answer, which is marked no-store), received and
 * the reply deadline due (if one runs). */
void appform_put_receipt(struct web_ctx *c, const struct app_created *out, const struct app_view *v);

#endif

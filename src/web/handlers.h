/*
 * handlers.h — every request handler, one per route of web/routes.c, defined in web/h_*.c.
 */
#ifndef GK_WEB_HANDLERS_H
#define GK_WEB_HANDLERS_H

#include "web/app.h"

/* h_portal.c — the public portal */
int h_home(struct web_ctx *c);
int h_text_size(struct web_ctx *c);

/* h_apply.c — applying and tracking */
int h_apply_form(struct web_ctx *c);
int h_apply(struct web_ctx *c);
int h_track_form(struct web_ctx *c);
int h_track(struct web_ctx *c);

/* h_apps.c — applications in the console */
int h_apps(struct web_ctx *c);
int h_app(struct web_ctx *c);
int h_app_event(struct web_ctx *c);
int h_app_decide(struct web_ctx *c);
int h_app_letter(struct web_ctx *c);

/* h_feedback.c — suggestions and complaints */
int h_feedback_form(struct web_ctx *c);
int h_feedback(struct web_ctx *c);

/* h_console.c — sign-in and the dashboard */
int h_login_form(struct web_ctx *c);
int h_login(struct web_ctx *c);
int h_logout(struct web_ctx *c);
int h_dashboard(struct web_ctx *c);

/* h_admin.c — accounts and the audit log */
int h_users(struct web_ctx *c);
int h_user_add(struct web_ctx *c);
int h_audit(struct web_ctx *c);

#endif

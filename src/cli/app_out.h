/*
 * app_out.h — how `app show` and `app list` print an application: text for officers, JSON
 * with stable keys (those of `gongkai deadline` — received, correction_notice_due, reply_due,
 * extended_reply_due, fee_payment_due, verified, steps — plus the record, state, outcome and
 * events).
 */
#ifndef GK_CLI_APP_OUT_H
#define GK_CLI_APP_OUT_H

#include "base/buf.h"
#include "domain/application.h"
#include "store/agency_store.h"
#include "text/jsonw.h"

/* Append the application as text / as one JSON document to out. today: the date the live
 * deadlines are computed for. */
int app_out_text(const struct app_view *v, const struct agency_rec *ag, int today, struct buf *out,
		 struct gk_error *e);
int app_out_json(const struct app_view *v, const struct agency_rec *ag, int today, struct buf *out,
		 struct gk_error *e);

/* One `app list --json` element. */
void app_out_item_json(struct jsonw *w, const struct app_item *it);

#endif

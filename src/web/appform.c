/*
 * appform.c — the Art. 29 application form shared by /apply and /console/applications/new
 * (see appform.h).
 * May call: domain/, text/, web/app.h.
 */
#include "web/appform.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "text/date.h"

/* One <select>'s options: ids[i] (labels[i], or the id itself) selected when it is what was
 * typed in field, or def when nothing was. */
static void put_options(struct web_ctx *c, const char *key, const char *field,
			const char *const *ids, const char *const *labels, int n, const char *def)
{
	struct tpl_val *l = tpl_put_list(c->page, key);
	const char *sel = web_str(c, field);

	if (!*sel)
		sel = def;
	for (int i = 0; i < n; i++) {
		struct tpl_val *o = tpl_push_obj(l);
		tpl_put_str(o, "id", ids[i]);
		tpl_put_str(o, "label", labels ? labels[i] : ids[i]);
		tpl_put_bool(o, "selected", strcmp(sel, ids[i]) == 0);
	}
}

void appform_choices(struct web_ctx *c)
{
	static const char *const media[] = { "纸质", "电子文档" };
	static const char *const deliveries[] = { "邮寄", "电子邮件", "当面领取", "网上查看" };
	const char *types[APPLICANT__MAX], *type_labels[APPLICANT__MAX];
	const char *channels[CHANNEL__MAX], *channel_labels[CHANNEL__MAX];

	for (int i = 0; i < APPLICANT__MAX; i++) {
		types[i] = app_applicant_id(i);
		type_labels[i] = app_applicant_label(i);
	}
	for (int i = 0; i < CHANNEL__MAX; i++) {
		channels[i] = app_channels[i].id;
		channel_labels[i] = app_channels[i].label;
	}
	put_options(c, "applicant_types", "applicant_type", types, type_labels, APPLICANT__MAX,
		    app_applicant_id(APPLICANT_NP));
	put_options(c, "channels", "channel", channels, channel_labels, CHANNEL__MAX,
		    app_channels[CHANNEL_IN_PERSON].id);
	put_options(c, "media", "medium", media, NULL, 2, "");
	put_options(c, "deliveries", "delivery", deliveries, NULL, 4, "");
	web_put_decl(c, &app_new_desc);
}

/* Join the non-empty "label：value" pairs with "；". */
static const char *join(struct web_ctx *c, const char *const pairs[][2], int n)
{
	struct buf b;
	char *s;

	buf_init(&b, 64 * 1024);
	for (int i = 0; i < n; i++) {
		const char *v = web_str(c, pairs[i][1]);
		if (!*v)
			continue;
		if ((b.len && buf_puts(&b, "；") != 0) || buf_printf(&b, "%s：%s", pairs[i][0], v) != 0)
			break;
	}
	s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

int appform_read(struct web_ctx *c, struct app_new *in)
{
	static const char *const contact[][2] = {
		{ "电话", "phone" }, { "通信地址", "address" }, { "电子邮箱", "email" },
	};
	static const char *const request[][2] = {
		{ "信息名称", "doc_title" }, { "文号", "doc_no" }, { "特征描述", "description" },
	};
	static const char *const form[][2] = { { "载体", "medium" }, { "获取方式", "delivery" } };

	/* the route's fields the application declares go to it as typed */
	for (const struct web_field *f = c->route->fields; f && f->name; f++)
		if (f->decl == &app_new_desc)
			*desc_str_ref(desc_find(&app_new_desc, f->name), in) = web_str(c, f->name);
	in->contact = join(c, contact, 3);
	in->request = join(c, request, 3);
	in->form = join(c, form, 2);
	return c->nerrors;
}

int appform_refused(struct web_ctx *c, int rc)
{
	/* the application's fields made of several of the form's: the error shows at the first */
	static const char *const shown_at[][2] = {
		{ "contact", "phone" }, { "request", "description" }, { "form", "medium" },
	};

	for (size_t i = 0; i < sizeof shown_at / sizeof shown_at[0]; i++)
		if (strcmp(c->err.field, shown_at[i][0]) == 0)
			snprintf(c->err.field, sizeof c->err.field, "%s", shown_at[i][1]);
	return web_refused(c, rc);
}

void appform_put_receipt(struct web_ctx *c, const struct app_created *out, const struct app_view *v)
{
	char day[DATE_LEN];

	tpl_put_str(c->page, "tracking_code", arena_strdup(c->a, out->tracking_code));
	tpl_put_str(c->page, "secret", arena_strdup(c->a, out->secret));
	/* REQ 条例-31: until it is confirmed there is no date of receipt and no reply deadline */
	if (v->st.phase == PHASE_AWAITING_CONFIRMATION) {
		int ch = app_channel_find(v->rec.channel);
		tpl_put_bool(c->page, "awaiting", 1);
		tpl_put_str(c->page, "submitted", arena_strdup(c->a, date_format(v->st.submitted, day)));
		tpl_put_str(c->page, "receipt_rule", ch >= 0 ? app_channels[ch].receipt : "");
		if (v->confirm_by != CLOCK_NONE)
			tpl_put_str(c->page, "confirm_by", arena_strdup(c->a, date_format(v->confirm_by, day)));
	} else {
		tpl_put_str(c->page, "received", arena_strdup(c->a, date_format(v->st.received, day)));
	}
	if (v->due != CLOCK_NONE)
		tpl_put_str(c->page, "due", arena_strdup(c->a, date_format(v->due, day)));
	tpl_put_int(c->page, "reply_days", v->has_schedule && v->sch.reply.days ? v->sch.reply.days : 20);
	http_resp_header(c->resp, "Cache-Control", "no-store");
}

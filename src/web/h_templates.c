/*
 * h_templates.c — the console's 文书模板 pages: an organ's notice templates managed by its
 * staff (domain/notice_wording_organ.h). /console/templates lists each kind with the version
 * in force and where it comes from; /console/templates/:kind shows the wording in force and the
 * shipped one, each downloadable (/console/templates/:kind/current.txt, …/shipped.txt); a
 * leader uploads a replacement (POST, CSRF: checked before anything is saved, refused naming
 * the missing legal element) or restores the shipped or inherited wording (POST …/revert).
 * Staff of the organ read them (ACT_APP_READ), the leader changes them (ACT_TEMPLATES); every
 * page is about the user's own organ; every change is audited by the domain.
 * May call: domain/, web/app.h.
 */
#include <string.h>

#include "base/crypto.h"
#include "domain/notice_wording_organ.h"
#include "web/handlers.h"

static const char *const from_label[] = { "本机关自定", "上级机关规定", "随软件提供" };

/* The user's own organ, or ERR_FORBIDDEN for an account of none. */
static int own_organ(struct web_ctx *c, int64_t *agency_id)
{
	*agency_id = c->user->agency_id;
	if (*agency_id == 0)
		return err_set(&c->err, ERR_FORBIDDEN, "", "您的账号不属于任何机关，没有文书模板");
	return 0;
}

int h_templates(struct web_ctx *c)
{
	struct notice_wording_kind *k;
	struct tpl_val *list;
	struct store *s;
	int64_t ag;
	size_t n = 0;
	int rc;

	if ((rc = own_organ(c, &ag)) != 0 || (rc = web_begin(c, 0, &s)) != 0)
		return rc;
	if ((rc = web_finish(c, notice_wording_kinds(s, ag, c->a, &k, &n, &c->err))) != 0)
		return rc;
	list = tpl_put_list(c->page, "kinds");
	for (size_t i = 0; i < n; i++) {
		struct tpl_val *o = tpl_push_obj(list);

		tpl_put_str(o, "kind", k[i].kind);
		tpl_put_str(o, "title", k[i].title);
		tpl_put_str(o, "version", k[i].version);
		tpl_put_str(o, "from", from_label[k[i].from]);
		tpl_put_str(o, "shipped_version", k[i].shipped_version);
		if (k[i].refused)
			tpl_put_str(o, "refused", k[i].refused);
	}
	return web_render(c, "templates", "文书模板");
}

/* The page of kind: the wording in force and the shipped one; the upload and revert forms for
 * who may change them. */
static int kind_page(struct web_ctx *c, int64_t ag, const char *kind)
{
	struct notice_wording now, shipped;
	struct notice_wording_kind *k;
	struct store *s;
	size_t n = 0;
	int rc;

	if ((rc = web_begin(c, 0, &s)) != 0)
		return rc;
	rc = notice_wording_get(s, ag, kind, true, c->a, &shipped, &c->err);
	if (rc == 0)
		rc = notice_wording_kinds(s, ag, c->a, &k, &n, &c->err);
	/* a refused template in force (k[].refused, shown): the page shows the shipped wording */
	if (rc == 0 && notice_wording_get(s, ag, kind, false, c->a, &now, &c->err) != 0) {
		err_clear(&c->err);
		now = shipped;
	}
	if ((rc = web_finish(c, rc)) != 0)
		return rc;
	tpl_put_str(c->page, "kind", kind);
	for (size_t i = 0; i < n; i++)
		if (strcmp(k[i].kind, kind) == 0) {
			tpl_put_str(c->page, "title", k[i].title);
			tpl_put_str(c->page, "from", from_label[k[i].from]);
			if (k[i].from == WORDING_OWN)
				tpl_put_bool(c->page, "own", 1);
			if (k[i].refused)
				tpl_put_str(c->page, "refused", k[i].refused);
		}
	tpl_put_str(c->page, "version", now.version);
	tpl_put_str(c->page, "text", now.text);
	tpl_put_str(c->page, "shipped_version", shipped.version);
	tpl_put_str(c->page, "shipped_text", shipped.text);
	tpl_put_int(c->page, "max_kb", NOTICE_WORDING_MAX / 1024);
	tpl_put_bool(c->page, "may_change", web_may(c, ACT_TEMPLATES, ag));
	return web_render(c, "template", "文书模板");
}

int h_template(struct web_ctx *c)
{
	int64_t ag;
	int rc;

	if ((rc = own_organ(c, &ag)) != 0)
		return rc;
	return kind_page(c, ag, web_param(c, "kind"));
}

/* GET /console/templates/:kind/:which — current.txt or shipped.txt, as a file. */
int h_template_file(struct web_ctx *c)
{
	const char *kind = web_param(c, "kind"), *which = web_param(c, "which");
	struct notice_wording w;
	char sha[CRYPTO_SHA256_HEX];
	struct store *s;
	int64_t ag;
	int rc, shipped = strcmp(which, "shipped.txt") == 0;

	if (!shipped && strcmp(which, "current.txt") != 0)
		return err_set(&c->err, ERR_NOTFOUND, "", "没有这个文件");
	if ((rc = own_organ(c, &ag)) != 0 || (rc = web_begin(c, 0, &s)) != 0)
		return rc;
	if ((rc = web_finish(c, notice_wording_get(s, ag, kind, shipped, c->a, &w, &c->err))) != 0)
		return rc;
	crypto_sha256_hex(w.text, strlen(w.text), sha);
	return web_send_file(c, w.text, strlen(w.text), "text/plain; charset=utf-8",
			     arena_printf(c->a, "%s.txt", kind), kind, sha, "private, no-store");
}

/* POST /console/templates/:kind — the uploaded file saved as the organ's own, checked first. */
int h_template_upload(struct web_ctx *c)
{
	const char *kind = web_param(c, "kind");
	const struct web_value *f = web_in(c, "file");
	struct store *s;
	int64_t ag;
	int rc;

	if ((rc = own_organ(c, &ag)) != 0)
		return rc;
	if (c->nerrors == 0 && f->file->len > NOTICE_WORDING_MAX) {
		web_field_error(c, "file", "模板文件超过 %d KB", NOTICE_WORDING_MAX / 1024);
		c->resp->status = 413;
	} else if (c->nerrors == 0 && strlen(f->file->value) != f->file->len) {
		web_field_error(c, "file", "模板须为 UTF-8 文本");
		c->resp->status = 400;
	}
	if (c->nerrors)
		return kind_page(c, ag, kind);
	if ((rc = web_begin(c, 1, &s)) != 0)
		return rc;
	rc = web_finish(c, notice_wording_save(s, ag, kind,
					       arena_strndup(c->a, f->file->value, f->file->len),
					       c->a, &c->err));
	if (rc == ERR_INVALID || rc == ERR_STATE) {
		web_field_error(c, "file", "%s（未保存）", c->err.msg);
		c->resp->status = web_status(rc);
		c->err = (struct gk_error){ 0 };
		return kind_page(c, ag, kind);
	}
	if (rc)
		return rc;
	return web_redirect(c, arena_printf(c->a, "/console/templates/%s", kind));
}

/* POST /console/templates/:kind/revert — back to the inherited or shipped wording. */
int h_template_revert(struct web_ctx *c)
{
	const char *kind = web_param(c, "kind");
	struct store *s;
	int64_t ag;
	int rc;

	if ((rc = own_organ(c, &ag)) != 0 || (rc = web_begin(c, 1, &s)) != 0)
		return rc;
	if ((rc = web_finish(c, notice_wording_revert(s, ag, kind, c->a, &c->err))) != 0)
		return rc;
	return web_redirect(c, arena_printf(c->a, "/console/templates/%s", kind));
}

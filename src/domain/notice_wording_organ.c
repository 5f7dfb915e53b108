/*
 * notice_wording_organ.c — an organ's own notice templates: list, read, check, save, revert
 * (see notice_wording_organ.h).
 * May call domain/notice_wording.h, domain/app_notice.h, domain/letter.h, domain/organ_rules.h,
 * domain/audit.h, store/, text/, base/.
 */
#include "domain/notice_wording_organ.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "domain/app_notice.h"
#include "domain/audit.h"
#include "domain/organ_rules.h"

static int unknown(const char *kind, struct gk_error *e)
{
	return err_set(e, ERR_NOTFOUND, "kind", "没有“%.40s”这种文书模板", kind);
}

int notice_wording_check(const char *kind, const char *text, struct arena *a,
			 struct notice_wording *out, struct gk_error *e)
{
	struct notice_wording_needs needs;

	if (app_notice_wording_needs(kind, &needs) != 0)
		return unknown(kind, e);
	return notice_wording_parse(text, kind, &needs, a, out, e);
}

int notice_wording_get(struct store *s, int64_t agency_id, const char *kind, bool shipped,
		       struct arena *a, struct notice_wording *out, struct gk_error *e)
{
	struct notice_wording_needs needs;

	if (app_notice_wording_needs(kind, &needs) != 0)
		return unknown(kind, e);
	/* organ 0 has no folder and no ancestors: the shipped file */
	return notice_wording_load(s, shipped ? 0 : agency_id, kind, &needs, a, out, e);
}

/* The organ's own folder, or ERR_STATE saying how to give it one. */
static int own_folder(struct store *s, int64_t agency_id, struct arena *a, const char **dir,
		      struct gk_error *e)
{
	struct organ_rules r;
	int rc;

	if ((rc = organ_rules_load(s, agency_id, a, &r, e)) != 0)
		return rc;
	*dir = r.notice_templates;
	if (*dir == NULL || !**dir)
		return err_set(e, ERR_STATE, "", "本机关没有自己的模板目录；请系统管理员先设置"
			       "（gongkai guide set --agency 机关 --notice-templates 目录）");
	return 0;
}

int notice_wording_kinds(struct store *s, int64_t agency_id, struct arena *a,
			 struct notice_wording_kind **out, size_t *n, struct gk_error *e)
{
	struct organ_rules r;
	int rc;

	*n = 0;
	*out = arena_alloc(a, NOTICE__KINDS * sizeof **out);
	if ((rc = organ_rules_load(s, agency_id, a, &r, e)) != 0)
		return rc;
	for (int k = 0; k < NOTICE__KINDS; k++) {
		const char *kind = app_notice_kinds[k].id;
		struct notice_wording now, shipped;
		struct notice_wording_kind *o = &(*out)[(*n)++];

		if ((rc = notice_wording_get(s, agency_id, kind, true, a, &shipped, e)) != 0)
			return rc;
		o->refused = NULL;
		if ((rc = notice_wording_get(s, agency_id, kind, false, a, &now, e)) == ERR_INVALID) {
			o->refused = arena_strdup(a, e->msg);
			err_clear(e);
			now = (struct notice_wording){ "—", "", "" };
		} else if (rc != 0) {
			return rc;
		}
		o->kind = kind;
		o->title = app_notice_kinds[k].title ? app_notice_kinds[k].title
			   : "政府信息公开申请答复告知书（含不予处理、终止办理告知书）";
		o->version = now.version;
		o->shipped_version = shipped.version;
		o->from = o->refused ? WORDING_OWN : strcmp(now.source, shipped.source) == 0 ? WORDING_SHIPPED
			  : r.notice_templates && strcmp(now.source, arena_printf(a, "%s/%s.txt",
				r.notice_templates, kind)) == 0 ? WORDING_OWN : WORDING_INHERITED;
	}
	return 0;
}

/* Write text to path through a temporary file beside it, flushed and renamed when complete. */
static int write_whole(const char *path, const char *text, struct arena *a, struct gk_error *e)
{
	const char *tmp = arena_printf(a, "%s.tmp", path);
	size_t len = strlen(text), done = 0;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0)
		return err_set(e, ERR_IO, "kind", "不能写入模板 %s：%s", path, strerror(errno));
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (done < len || fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		int err = errno;

		if (done < len)
			close(fd);
		unlink(tmp);
		return err_set(e, ERR_IO, "kind", "不能写入模板 %s：%s", path, strerror(err));
	}
	return 0;
}

static int audit_change(struct store *s, int64_t agency_id, const char *action, const char *kind,
			const char *version, struct gk_error *e)
{
	struct audit_json j;

	audit_json_begin(&j);
	jsonw_kstr(&j.w, "kind", kind);
	jsonw_kstr(&j.w, "version", version);
	return audit_json_record(s, &j, agency_id, "agency", agency_id, action, e);
}

int notice_wording_save(struct store *s, int64_t agency_id, const char *kind, const char *text,
			struct arena *a, struct gk_error *e)
{
	struct notice_wording w;
	const char *dir;
	int rc;

	if ((rc = notice_wording_check(kind, text, a, &w, e)) != 0 ||
	    (rc = own_folder(s, agency_id, a, &dir, e)) != 0)
		return rc;
	/* audited first: a failing audit writes nothing; a failing write rolls the entry back */
	if ((rc = audit_change(s, agency_id, "notice-template-save", kind, w.version, e)) != 0)
		return rc;
	return write_whole(arena_printf(a, "%s/%s.txt", dir, kind), text, a, e);
}

int notice_wording_revert(struct store *s, int64_t agency_id, const char *kind, struct arena *a,
			  struct gk_error *e)
{
	struct notice_wording_needs needs;
	const char *dir, *path;
	int rc;

	if (app_notice_wording_needs(kind, &needs) != 0)
		return unknown(kind, e);
	if ((rc = own_folder(s, agency_id, a, &dir, e)) != 0)
		return rc;
	path = arena_printf(a, "%s/%s.txt", dir, kind);
	if (access(path, F_OK) != 0)
		return err_set(e, ERR_NOTFOUND, "", "本机关没有自己的“%s”模板", kind);
	if ((rc = audit_change(s, agency_id, "notice-template-revert", kind, NULL, e)) != 0)
		return rc;
	if (unlink(path) != 0)
		return err_set(e, ERR_IO, "kind", "不能删除模板 %s：%s", path, strerror(errno));
	return 0;
}

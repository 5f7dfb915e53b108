/*
 * applicant.c — the applicant's own actions online (see applicant.h): the sign-in token, the
 * correction with its files, the withdrawal, the confirmation of receipt, the notices sent.
 * May call: domain/application.h, domain/letter.h, domain/app_notice.h, domain/notice_ref.h,
 * domain/catalogue.h, domain/audit.h, render/letter.h, store/, text/, base/.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/crypto.h"
#include "domain/applicant.h"
#include "domain/app_notice.h"
#include "domain/audit.h"
#include "domain/catalogue.h"
#include "domain/letter.h"
#include "domain/notice_ref.h"
#include "render/letter.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/utf8.h"

static void token_mac(const char *code, int64_t expires, const char *secret_hash,
		      const uint8_t *key, size_t keylen, char mac[CRYPTO_SHA256_HEX])
{
	char msg[256];
	int n = snprintf(msg, sizeof msg, "%s.%" PRId64 ".%s", code, expires,
			 secret_hash ? secret_hash : "");

	crypto_hmac_sha256_hex(key, keylen, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1,
			       mac);
}

void applicant_token(const struct app_rec *r, const uint8_t *key, size_t keylen, int64_t expires,
		     char out[APPLICANT_TOKEN_LEN])
{
	char mac[CRYPTO_SHA256_HEX];

	token_mac(r->tracking_code, expires, r->secret_hash, key, keylen, mac);
	snprintf(out, APPLICANT_TOKEN_LEN, "%s.%" PRId64 ".%s", r->tracking_code, expires, mac);
}

int applicant_resume(struct store *s, const struct calendar *cal, const char *token,
		     const uint8_t *key, size_t keylen, int64_t now, int today, struct arena *a,
		     struct app_view *v, struct gk_error *e)
{
	char code[APP_CODE_LEN], mac[CRYPTO_SHA256_HEX];
	const char *dot1, *dot2;
	struct app_rec r;
	unsigned char diff = 0;
	char *end;
	int64_t expires;
	int rc;

	memset(v, 0, sizeof *v);
	if (token == NULL || strlen(token) >= APPLICANT_TOKEN_LEN ||
	    (dot1 = strchr(token, '.')) == NULL || (dot2 = strchr(dot1 + 1, '.')) == NULL ||
	    (size_t)(dot1 - token) >= sizeof code || strlen(dot2 + 1) != CRYPTO_SHA256_HEX - 1)
		return err_set(e, ERR_NOTFOUND, "", "未登录或登录已过期");
	memcpy(code, token, (size_t)(dot1 - token));
	code[dot1 - token] = '\0';
	expires = strtoll(dot1 + 1, &end, 10);
	if (end != dot2 || expires < now)
		return err_set(e, ERR_NOTFOUND, "", "未登录或登录已过期");
	rc = app_store(s)->get_by_code(s, code, a, &r, e);
	if (rc != 0)
		return rc == ERR_NOTFOUND ? err_set(e, ERR_NOTFOUND, "", "未登录或登录已过期") : rc;
	token_mac(code, expires, r.secret_hash, key, keylen, mac);
	for (size_t i = 0; mac[i]; i++)
		diff |= (unsigned char)(mac[i] ^ dot2[1 + i]);
	if (diff)
		return err_set(e, ERR_NOTFOUND, "", "未登录或登录已过期");
	return app_load(s, cal, r.id, today, a, v, e);
}

/* A refusal of the lifecycle's (ERR_STATE) said to the applicant in plain words, with the
 * article that decides it: the console's message names event ids and options the applicant
 * never saw. The rule itself stays the lifecycle's; this only words its answer. */
static int refused(struct store *s, const struct calendar *cal, int64_t id, int kind, int today,
		   int rc, const char *field, struct gk_error *e)
{
	struct app_view v;
	struct arena a;
	char day[DATE_LEN];
	int st;

	if (rc != ERR_STATE)
		return rc;
	arena_init(&a);
	if (app_load(s, cal, id, today, &a, &v, NULL) != 0) {
		arena_free(&a);
		return rc;
	}
	st = v.st.phase;
	if (!app_phases[st].open)
		err_set(e, ERR_STATE, field, "此申请已于 %s 办结（%s），不能再%s",
			date_format(v.st.closed, day), app_outcome_name(v.st.outcome),
			kind == EV_WITHDRAWN ? "撤回" : kind == EV_CORRECTION_RECEIVED ? "补正" : "确认");
	else if (kind == EV_CORRECTION_RECEIVED && st == PHASE_AWAITING_CORRECTION)
		err_set(e, ERR_STATE, field, "补正期限已于 %s 届满，不能在网上补正；如有正当理由，请与本机关"
			"联系（条例第三十条）", date_format(v.st.correction_due, day));
	else if (kind == EV_CORRECTION_RECEIVED)
		err_set(e, ERR_STATE, field, "本机关没有要求补正，或者补正已经收到，现在不能提交补正（条例第三十条："
			"申请内容不明确的，行政机关一次性告知申请人作出补正）");
	else if (kind == EV_RECEIPT_CONFIRMED && st != PHASE_AWAITING_CONFIRMATION)
		err_set(e, ERR_STATE, field, "收到申请之日已经确认（%s），无需再次确认（条例第三十一条）",
			date_format(v.st.received, day));
	app_view_free(&v);
	arena_free(&a);
	return rc;
}

/* A file name as stored and shown: its last path part, valid UTF-8 without control characters. */
static const char *file_name(const char *name)
{
	const char *base = strrchr(name, '/'), *bs;

	base = base ? base + 1 : name;
	if ((bs = strrchr(base, '\\')) != NULL)  /* a browser on Windows may send the whole path */
		base = bs + 1;
	return catalogue_file_name_ok(base) ? base : NULL;
}

/* Check every file before anything is stored. */
static int check_files(const struct applicant_upload *files, size_t n, struct gk_error *e)
{
	if (n > APPLICANT_FILES_MAX)
		return err_set(e, ERR_LIMIT, "files", "补正材料最多 %d 个文件", APPLICANT_FILES_MAX);
	for (size_t i = 0; i < n; i++) {
		const char *name = file_name(files[i].name);

		if (name == NULL)
			return err_set(e, ERR_INVALID, "files", "第 %zu 个文件的文件名无效", i + 1);
		if (files[i].size > APPLICANT_FILE_MAX)
			return err_set(e, ERR_LIMIT, "files", "文件“%s”超过 %u MB", name,
				       APPLICANT_FILE_MAX >> 20);
		if (catalogue_file_type(name, files[i].data, files[i].size) == NULL)
			return err_set(e, ERR_INVALID, "files", "文件“%s”不是可接受的类型：请上传 PDF、"
				       "Word（.docx）、Excel（.xlsx）、纯文本（.txt）或图片（PNG、JPEG、GIF）",
				       name);
	}
	return 0;
}

/* The id of the latest event of application id (the one just recorded). */
static int last_event(struct store *s, int64_t id, int64_t *out, struct gk_error *e)
{
	struct app_event_rec *evs;
	struct arena a;
	size_t n;
	int rc;

	arena_init(&a);
	rc = app_store(s)->events(s, id, &a, &evs, &n, e);
	*out = rc == 0 && n > 0 ? evs[n - 1].id : 0;
	arena_free(&a);
	return rc;
}

static int store_file(struct store *s, int64_t agency_id, int64_t id, int64_t event_id,
		      const struct applicant_upload *u, struct gk_error *e)
{
	char hex[CRYPTO_SHA256_HEX];
	struct app_file f = { 0 };
	struct audit_json j;
	int64_t fid;
	int rc;

	crypto_sha256_hex(u->data, u->size, hex);
	f.app_id = id;
	f.event_id = event_id;
	f.name = file_name(u->name);
	f.mime = catalogue_file_type(f.name, u->data, u->size);
	f.size = (int64_t)u->size;
	f.sha256 = hex;
	f.data = u->data;
	if ((rc = app_store(s)->file_insert(s, &f, &fid, e)) != 0)
		return rc;
	audit_json_begin(&j);
	jsonw_kint(&j.w, "file", fid);
	jsonw_kint(&j.w, "event", event_id);
	jsonw_kstr(&j.w, "name", f.name);
	jsonw_kstr(&j.w, "mime", f.mime);
	jsonw_kint(&j.w, "size", f.size);
	jsonw_kstr(&j.w, "sha256", hex);
	return audit_json_record(s, &j, agency_id, "application", id, "file", e);
}

int applicant_correct(struct store *s, const struct calendar *cal, int64_t id, const char *text,
		      const struct applicant_upload *files, size_t nfiles, int today,
		      struct gk_error *e)
{
	struct app_event_in ev;
	struct app_rec r;
	struct arena a;
	int64_t eid;
	int rc;

	if (text == NULL || *text == '\0')
		return err_set(e, ERR_INVALID, "text", "请填写补正内容");
	if (strlen(text) > APPLICANT_TEXT_MAX || !utf8_valid(text, strlen(text)))
		return err_set(e, ERR_LIMIT, "text", "补正内容最多 %d 字节的文字", APPLICANT_TEXT_MAX);
	if ((rc = check_files(files, nfiles, e)) != 0)
		return rc;
	app_event_init(&ev, EV_CORRECTION_RECEIVED, today);
	ev.note = text;
	if ((rc = app_record(s, cal, id, &ev, today, e)) != 0)
		return refused(s, cal, id, EV_CORRECTION_RECEIVED, today, rc, "text", e);
	if ((rc = last_event(s, id, &eid, e)) != 0)
		return rc;
	arena_init(&a);
	rc = app_store(s)->get(s, id, &a, &r, e);
	for (size_t i = 0; rc == 0 && i < nfiles; i++)
		rc = store_file(s, r.agency_id, id, eid, &files[i], e);
	arena_free(&a);
	return rc;
}

int applicant_withdraw(struct store *s, const struct calendar *cal, int64_t id, int today,
		       struct gk_error *e)
{
	struct app_event_in ev;

	app_event_init(&ev, EV_WITHDRAWN, today);
	ev.note = "申请人在线撤回申请";
	return refused(s, cal, id, EV_WITHDRAWN, today, app_record(s, cal, id, &ev, today, e),
		       "confirm", e);
}

int applicant_confirm(struct store *s, const struct calendar *cal, int64_t id, int today,
		      struct gk_error *e)
{
	struct app_event_in ev;

	app_event_init(&ev, EV_RECEIPT_CONFIRMED, today);
	ev.note = "申请人在线确认";
	return refused(s, cal, id, EV_RECEIPT_CONFIRMED, today,
		       app_record(s, cal, id, &ev, today, e), "confirm", e);
}

int applicant_files(struct store *s, int64_t id, struct arena *a, struct app_file **out,
		    size_t *n, struct gk_error *e)
{
	return app_store(s)->files(s, id, a, out, n, e);
}

int applicant_file_get(struct store *s, int64_t id, int64_t file_id, struct arena *a,
		       struct app_file *out, struct gk_error *e)
{
	return app_store(s)->file_get(s, id, file_id, a, out, e);
}

/* ---- the notices: those of the table of kinds (domain/app_notice.h) sent to the applicant ---- */

int applicant_notices(struct store *s, const struct calendar *cal, const struct app_view *v,
		      struct arena *a, struct applicant_notice **out, size_t *n, struct gk_error *e)
{
	const struct notice_issued *issued;
	struct app_notice *nts;
	size_t m, ni;
	int rc;

	(void)cal;
	*n = 0;
	if ((rc = app_notices(v, a, &nts, &m, e)) != 0 ||
	    (rc = notice_issued_list(s, v, a, &issued, &ni, e)) != 0)
		return rc;
	*out = arena_alloc(a, (m + 1) * sizeof **out);
	/* REQ 条例-32: only what was sent to the applicant; and only what the organ issued (a
	 * notice the ledger merely makes possible was never sent) */
	for (size_t i = 0; i < m; i++)
		if (nts[i].to_applicant && notice_issued_find(issued, ni, nts[i].id))
			(*out)[(*n)++] = (struct applicant_notice){ nts[i].id, nts[i].title,
								     nts[i].date };
	return 0;
}

int applicant_notice_write(struct store *s, const struct calendar *cal, const struct app_view *v,
			   const char *id, const char *kind, struct arena *a, struct buf *out,
			   struct gk_error *e)
{
	const struct notice_issued *issued = NULL;
	struct app_notice nt;
	int f = notice_format_by_name(kind);

	/* only a notice sent to the applicant, and only one the organ issued */
	if (app_notice_find(s, v, id, a, &nt, e) != 0 || !nt.to_applicant ||
	    notice_issued_get(s, v, id, a, &issued, e) != 0 || issued == NULL) {
		err_clear(e);
		return err_set(e, ERR_NOTFOUND, "", "没有这份告知书");
	}
	if (f < 0)
		return err_set(e, ERR_NOTFOUND, "", "没有这种格式");
	if (app_notice_write(s, cal, v, id, f, a, out, e) != 0) {
		err_clear(e);
		return err_set(e, ERR_NOTFOUND, "", "没有这份告知书");
	}
	return 0;
}

/*
 * applicant.h — what the applicant does online (/track): sign in with the tracking code and
 * the secret of the receipt and stay signed in for a while (a signed token, nothing stored),
 * send the 补正 with files, withdraw the application, confirm the date of receipt, and the
 * list of the notices the organ sent, to download.
 *
 * Every action is a lifecycle event recorded by app_record, so the applicant meets exactly the
 * rules the console meets (domain/app_lifecycle.c: a correction only while one is awaited and
 * within the applicant's period, 条例第三十条; a withdrawal while open; a confirmation only
 * while the receipt awaits it, 条例第三十一条), refused in Chinese citing the article; each is
 * audit-logged with the actor the caller set (the web sets "申请人").
 * May call: domain/application.h, domain/letter.h, domain/catalogue.h (file types), domain/audit.h,
 * store/, text/, base/ (crypto).
 * Law: 条例第二十九条 (the applicant's own view), 第三十条 (补正), 第三十一条 (收到申请之日).
 */
#ifndef GK_DOMAIN_APPLICANT_H
#define GK_DOMAIN_APPLICANT_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "domain/application.h"
#include "store/app_store.h"
#include "store/store.h"

#define APPLICANT_FILES_MAX 3             /* files with one correction */
#define APPLICANT_FILE_MAX (2u << 20)     /* bytes per file (the request's limit bounds them all) */
#define APPLICANT_TEXT_MAX 6000           /* bytes of the correction's text */
#define APPLICANT_TOKEN_LEN 128           /* a token's bytes, NUL included, at most */
#define APPLICANT_SIGNIN_SECONDS (30 * 60) /* how long a sign-in lasts */

/* A file the applicant sends (bytes owned by the caller). */
struct applicant_upload {
	const char *name;
	const void *data;
	size_t size;
};

/* The token that keeps the applicant of r signed in until expires (seconds since 1970):
 * "CODE.EXPIRES.MAC", MAC an HMAC-SHA-256 under key of the code, the time and the stored hash
 * of the secret (so it cannot be made without the key, nor outlives a changed secret). */
void applicant_token(const struct app_rec *r, const uint8_t *key, size_t keylen, int64_t expires,
		     char out[APPLICANT_TOKEN_LEN]);

/* The application of a live token at now, loaded into v as app_load does; ERR_NOTFOUND when the
 * token is malformed, forged or expired. */
int applicant_resume(struct store *s, const struct calendar *cal, const char *token,
		     const uint8_t *key, size_t keylen, int64_t now, int today, struct arena *a,
		     struct app_view *v, struct gk_error *e) GK_WUR;

/* REQ 条例-30: the applicant's correction of application id on today: text (required, at most
 * APPLICANT_TEXT_MAX bytes) and up to APPLICANT_FILES_MAX files, each at most
 * APPLICANT_FILE_MAX bytes of a kind catalogue_file_type knows, recorded as correction-received
 * with the text as its note and the files kept with the event (write transaction). A file
 * refused refuses the whole correction (field "files"); nothing is stored then. */
int applicant_correct(struct store *s, const struct calendar *cal, int64_t id, const char *text,
		      const struct applicant_upload *files, size_t nfiles, int today,
		      struct gk_error *e) GK_WUR;

/* The applicant withdraws application id on today (申请人撤回: closes as （六）3). */
int applicant_withdraw(struct store *s, const struct calendar *cal, int64_t id, int today,
		       struct gk_error *e) GK_WUR;

/* REQ 条例-31: the applicant confirms today that the organ received application id (online, by
 * e-mail or fax): today becomes the date of receipt, every deadline runs from it. */
int applicant_confirm(struct store *s, const struct calendar *cal, int64_t id, int today,
		      struct gk_error *e) GK_WUR;

/* The files the applicant sent with application id (no data), as an array in a. Who may see
 * them is the caller's check (the application's). */
int applicant_files(struct store *s, int64_t id, struct arena *a, struct app_file **out,
		    size_t *n, struct gk_error *e) GK_WUR;
/* File file_id of application id with its data; ERR_NOTFOUND when it has none such. */
int applicant_file_get(struct store *s, int64_t id, int64_t file_id, struct arena *a,
		       struct app_file *out, struct gk_error *e) GK_WUR;

/* A notice or letter the organ sent the applicant: THE list the applicant's page and its
 * downloads read: the notices of domain/app_notice.h sent to the applicant that the organ
 * issued (domain/notice_ref.h: numbered, their wording stored). */
struct applicant_notice {
	const char *id;      /* "reply", … (the download's path) */
	const char *title;   /* "政府信息公开申请答复告知书" … */
	const char *date;    /* YYYY-MM-DD */
};

/* The notices of application v (open or closed) as an array in a. */
int applicant_notices(struct store *s, const struct calendar *cal, const struct app_view *v,
		      struct arena *a, struct applicant_notice **out, size_t *n,
		      struct gk_error *e) GK_WUR;

/* Notice id of v written to out as kind "pdf", "docx", "ofd" or "txt"; ERR_NOTFOUND when v has no such
 * notice or kind, or the organ has not issued it. */
int applicant_notice_write(struct store *s, const struct calendar *cal, const struct app_view *v,
			   const char *id, const char *kind, struct arena *a, struct buf *out,
			   struct gk_error *e) GK_WUR;

#endif

/*
 * web.h — `gongkai serve`: the public portal and the staff console.
 *
 * web_run loads the templates and static files, opens the store and serves HTTP until
 * SIGINT/SIGTERM (web/http.h). Everything else of web/ is internal (web/app.h).
 * May call: domain/, render/, base/, text/.
 */
#ifndef GK_WEB_WEB_H
#define GK_WEB_WEB_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

/* The public forms, each limited per client address on its own (defaults per 10 minutes in
 * web_form_limits: apply 10, track 30, feedback 10). */
enum web_form { WEB_FORM_NONE, WEB_FORM_APPLY, WEB_FORM_TRACK, WEB_FORM_FEEDBACK, WEB_FORM__MAX };

struct web_form_limit {
	const char *name;          /* as in --form-limit NAME=N */
	int per_10min;
};

extern const struct web_form_limit web_form_limits[WEB_FORM__MAX];

/* Who must sign in with a second factor (TOTP): the three administrators (default), every
 * staff member, or only those who set one up. */
enum web_totp { WEB_TOTP_ADMINS, WEB_TOTP_ALL, WEB_TOTP_OPTIONAL };

struct web_config {
	const char *db_path;
	const char *listen;        /* "127.0.0.1:8080" */
	unsigned threads;
	const char *template_dir;  /* NULL = web_default_dir("templates") */
	const char *static_dir;    /* NULL = web_default_dir("static") */
	const char *data_dir;
	size_t max_body;           /* 0 = 2 MiB */
	int form_limit[WEB_FORM__MAX]; /* posts of each public form per address per 10 minutes
				    * (0 = web_form_limits' default) */
	int login_limit;           /* failed logins per account / 15 min (0 = 5; per address 4×) */
	int behind_proxy;          /* take the client address from X-Forwarded-For (nginx in front) */
	unsigned per_address;      /* connections one address may hold (0 = 64; behind a proxy none) */
	unsigned max_connections;  /* connections in all (0 = what the open-file limit allows) */
	unsigned request_seconds;  /* deadline for a request's headers and body (0 = 30) */
	int session_idle;          /* minutes without use that end a session (0 = 30) */
	int session_max;           /* hours after which a session ends however used (0 = 12) */
	int password_max_age;      /* days a password may be used (0 = no expiry) */
	int totp;                  /* enum web_totp: who must have a second factor */
	const char *audit_key_file;/* the audit archive's signing key (NULL: domain/audit_archive.h) */
	const char *totp_key_file; /* the key sealing TOTP secrets (NULL = db_path + ".totp-key") */
	const char *tls_cert;      /* PEM files: serve HTTPS (with HSTS); NULL = plain HTTP */
	const char *tls_key;
	int search_warm_mb;        /* MiB of the search index read ahead at start (0 = half the
				    * memory, < 0 = none; web/warm.c) */
};

/* $GONGKAI_TEMPLATE_DIR / $GONGKAI_STATIC_DIR, else WHAT in the folder of shipped files
 * (base/paths.h). */
const char *web_default_dir(const char *what);

/* Print the route table to f, one route a line: METHOD PATTERN ROLES, where ROLES is "public"
 * or the staff roles allowed, comma-separated (`gongkai serve --routes`). */
void web_routes_print(FILE *f);

int web_run(const struct web_config *cfg, struct gk_error *e) GK_WUR;

#endif

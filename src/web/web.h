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

struct web_config {
	const char *db_path;
	const char *listen;        /* "127.0.0.1:8080" */
	unsigned threads;
	const char *template_dir;  /* NULL = web_default_dir("templates") */
	const char *static_dir;    /* NULL = web_default_dir("static") */
	const char *data_dir;
	size_t max_body;           /* 0 = 2 MiB */
	int form_limit;            /* public form posts per address per 10 minutes (0 = 30) */
	int login_limit;           /* failed logins per account / 15 min (0 = 5; per address 4×) */
	int behind_proxy;          /* take the client address from X-Forwarded-For (nginx in front) */
};

/* $GONGKAI_TEMPLATE_DIR / $GONGKAI_STATIC_DIR, else WHAT in the folder of shipped files
 * (base/paths.h). */
const char *web_default_dir(const char *what);

/* Print the route table to f, one route a line: METHOD PATTERN ROLES, where ROLES is "public"
 * or the staff roles allowed, comma-separated (`gongkai serve --routes`). */
void web_routes_print(FILE *f);

int web_run(const struct web_config *cfg, struct gk_error *e) GK_WUR;

#endif

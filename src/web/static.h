/*
 * static.h — the static files of static/ (CSS, a little JS, images), loaded into memory at
 * startup and served with a strong ETag and a Cache-Control lifetime; a matching
 * If-None-Match gets 304. Read-only after loading, so thread-safe.
 * May call: base/.
 */
#ifndef GK_WEB_STATIC_H
#define GK_WEB_STATIC_H

#include <stddef.h>

#include "base/err.h"

#define STATIC_MAX_FILE (4u << 20)

struct static_file {
	const char *name;          /* "site.css" */
	const char *data;
	size_t len;
	const char *content_type;
	const char *etag;          /* "\"<16 hex>\"" */
};

struct static_set;

/* Load every regular file directly in dir (no subfolders, no dot-files). */
int static_load(const char *dir, struct static_set **out, struct gk_error *e) GK_WUR;
void static_free(struct static_set *set);
/* The file called name (a bare file name: anything with '/' or starting with '.' is NULL). */
const struct static_file *static_find(const struct static_set *set, const char *name);

#endif

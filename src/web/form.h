/*
 * form.h — parsing request parameters: query strings, application/x-www-form-urlencoded and
 * multipart/form-data bodies (with file parts), each with hard size limits.
 *
 * Everything parsed is allocated in the request's arena. Text values must be valid UTF-8
 * (checked by the route validator, not here, so file parts may hold any bytes). Parse errors
 * are ERR_INVALID with a message a user can read (the adapter answers 400); a part larger than
 * the limit is ERR_LIMIT (413).
 * May call: base/, text/.
 */
#ifndef GK_WEB_FORM_H
#define GK_WEB_FORM_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

#define FORM_MAX_FIELDS 200

struct form_field {
	const char *name;
	const char *value;        /* NUL-terminated (files may contain NULs: use len) */
	size_t len;
	const char *filename;     /* non-NULL for a file part */
	const char *content_type; /* of a file part, may be NULL */
};

struct form {
	struct form_field *f;
	size_t n, cap;
};

/* Add one field (strings copied into the arena). ERR_LIMIT beyond FORM_MAX_FIELDS. */
int form_add(struct arena *a, struct form *form, const char *name, size_t name_len,
	     const char *value, size_t value_len, struct gk_error *e) GK_WUR;

/* Parse "a=1&b=%E4%B8%AD" (also '+' for space) appending to form. */
int form_parse_urlencoded(struct arena *a, struct form *form, const char *data, size_t len,
			  struct gk_error *e) GK_WUR;

/* Parse a multipart/form-data body; content_type is the request's Content-Type header
 * (carrying the boundary). A file part larger than max_file is ERR_LIMIT. */
int form_parse_multipart(struct arena *a, struct form *form, const char *content_type,
			 const char *data, size_t len, size_t max_file, struct gk_error *e) GK_WUR;

/* The first field called name, or NULL. */
const struct form_field *form_get(const struct form *form, const char *name);

/* Decode %XX and '+' of s[0..len) into a new arena string; *out_len gets its length.
 * ERR_INVALID for a bad escape. */
int form_url_decode(struct arena *a, const char *s, size_t len, char **out, size_t *out_len,
		    struct gk_error *e) GK_WUR;

#endif

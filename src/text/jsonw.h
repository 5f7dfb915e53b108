/*
 * jsonw.h — a small streaming JSON writer over struct buf.
 *
 * Commands print `--json` output and the audit log stores event content through this writer:
 * keys come out in the order they are written (so the output is stable and canonical for a
 * given sequence of calls), strings are escaped per RFC 8259 (control characters as \uXXXX,
 * everything else as UTF-8), and commas are placed automatically. Nesting is limited to
 * JSONW_DEPTH levels. Errors (buffer limit) are sticky: check jsonw_finish once at the end.
 * Depends on base/buf.h.
 */
#ifndef GK_TEXT_JSONW_H
#define GK_TEXT_JSONW_H

#include <stdint.h>

#include "base/buf.h"

#define JSONW_DEPTH 32

struct jsonw {
	struct buf *out;
	int depth;
	int pretty;                 /* indent with two spaces per level */
	int rc;                     /* first error, 0 if none */
	unsigned char count[JSONW_DEPTH];  /* values written at each level (capped at 2) */
	unsigned char after_key;    /* the next value follows a key */
};

/* Start writing into out (appending). pretty: 1 = indented, 0 = compact. */
void jsonw_init(struct jsonw *w, struct buf *out, int pretty);
/* Objects and arrays; every begin needs its end. */
void jsonw_obj_begin(struct jsonw *w);
void jsonw_obj_end(struct jsonw *w);
void jsonw_arr_begin(struct jsonw *w);
void jsonw_arr_end(struct jsonw *w);
/* A key inside an object; the next call writes its value. */
void jsonw_key(struct jsonw *w, const char *key);
/* Values. jsonw_str(w, NULL) writes null. */
void jsonw_str(struct jsonw *w, const char *s);
void jsonw_strn(struct jsonw *w, const char *s, size_t len);
void jsonw_int(struct jsonw *w, int64_t v);
void jsonw_bool(struct jsonw *w, int v);
void jsonw_null(struct jsonw *w);
/* Pre-formatted JSON text inserted as one value (caller guarantees it is valid JSON). */
void jsonw_raw(struct jsonw *w, const char *json);
/* Shorthands for "key": value. */
void jsonw_kstr(struct jsonw *w, const char *key, const char *s);
void jsonw_kint(struct jsonw *w, const char *key, int64_t v);
void jsonw_kbool(struct jsonw *w, const char *key, int v);
/* "key": v when given, else "key": null. */
void jsonw_kint_or_null(struct jsonw *w, const char *key, int given, int64_t v);
/* 0, or the first error (ERR_LIMIT when the buffer's maximum was reached, ERR_INTERNAL for
 * unbalanced nesting). Adds a final newline when pretty. */
int jsonw_finish(struct jsonw *w) GK_WUR;

#endif

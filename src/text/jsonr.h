/*
 * jsonr.h — reading JSON documents (strict), for imports.
 *
 * A thin layer over jansson so that jansson.h is included by this module only (DESIGN.md):
 * parse a whole document (duplicate keys refused, errors with line and column), then walk it
 * with typed getters that return NULL / an error instead of guessing. Values are borrowed
 * from the document and live until jsonr_free. Writing JSON is text/jsonw.h's job.
 * Depends on base/err.h.
 */
#ifndef GK_TEXT_JSONR_H
#define GK_TEXT_JSONR_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

struct jv;   /* a JSON value inside a parsed document */

enum jv_type { JV_NULL, JV_BOOL, JV_INT, JV_REAL, JV_STRING, JV_ARRAY, JV_OBJECT };

/* Parse text[0..len) (UTF-8) into *root, freed with jsonr_free. label names the input in
 * errors ("ledger.json:LINE:COL: message"). */
int jsonr_parse(const char *text, size_t len, const char *label, struct jv **root, struct gk_error *e) GK_WUR;
void jsonr_free(struct jv *root);

enum jv_type jv_type(const struct jv *v);
/* The member key of object o, or NULL when absent (or o is not an object). */
struct jv *jv_get(const struct jv *o, const char *key);
/* Array length (0 if v is not an array) and element i (NULL when out of range). */
size_t jv_len(const struct jv *v);
struct jv *jv_at(const struct jv *v, size_t i);
/* The string (NUL-terminated UTF-8), or NULL if v is not a string. */
const char *jv_str(const struct jv *v);
/* Integer and boolean values; 0 on success, ERR_INVALID if v has another type. */
int jv_int(const struct jv *v, int64_t *out);
int jv_bool(const struct jv *v, int *out);
/* Any number (integer or real) as a double; 0 on success, ERR_INVALID otherwise. */
int jv_number(const struct jv *v, double *out);

/* Iterate over an object's members in document order: start with it = NULL; returns the next
 * key (and *val) or NULL at the end. */
const char *jv_next(const struct jv *o, void **it, struct jv **val);

/* The name of a type ("string", "object", …), for error messages. */
const char *jv_type_name(enum jv_type t);

#endif

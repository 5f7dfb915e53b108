/*
 * tpl.h — a small mustache-style template engine that escapes by default.
 *
 * Syntax: {{name}} (HTML-escaped), {{{name}}} or {{&name}} (raw: only for trusted fragments
 * that are already escaped, such as a page body rendered by this engine), {{#name}}…{{/name}}
 * (a list repeats, an object or a true value renders once, pushing it as the context),
 * {{^name}}…{{/name}} (renders when name is missing, false, "" or an empty list), {{>name}}
 * (another template of the same set), {{! comment}}, dotted names a.b and {{.}} for the
 * current value. Templates are parsed once into a tree when the set is loaded.
 *
 * Values are built per render in an arena (struct tpl_val); strings put into them are
 * borrowed and must outlive the render (allocate them in the same arena).
 *
 * tpl_escape_html is the one place where text is escaped for HTML; everything a page shows
 * goes through it unless the template says {{{…}}} explicitly.
 * May call: base/.
 */
#ifndef GK_RENDER_TPL_H
#define GK_RENDER_TPL_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

#define TPL_MAX_DEPTH 32     /* nesting of sections and partials */
#define TPL_MAX_SOURCE (1u << 20)

struct tpl_val;
struct tpl_set;

/* ---- values (owned by the arena they were made in) ---- */

struct tpl_val *tpl_obj(struct arena *a);
struct tpl_val *tpl_list(struct arena *a);
/* Set key in obj (replacing nothing: the first set wins on lookup, so set each key once). */
void tpl_put_str(struct tpl_val *obj, const char *key, const char *s);  /* s NULL = missing */
void tpl_put_strf(struct tpl_val *obj, const char *key, const char *fmt, ...) GK_PRINTF(3, 4);
void tpl_put_int(struct tpl_val *obj, const char *key, long long v);
void tpl_put_bool(struct tpl_val *obj, const char *key, int v);
/* A new child object or list stored under key; returned for filling in. */
struct tpl_val *tpl_put_obj(struct tpl_val *obj, const char *key);
struct tpl_val *tpl_put_list(struct tpl_val *obj, const char *key);
/* Append a new object (returned) or a string to a list. */
struct tpl_val *tpl_push_obj(struct tpl_val *list);
void tpl_push_str(struct tpl_val *list, const char *s);
/* Iterate a list: its first element and the one after it (NULL at the end). */
struct tpl_val *tpl_list_first(const struct tpl_val *list);
struct tpl_val *tpl_next(const struct tpl_val *v);
/* Append an existing value (not in another list) to list. */
void tpl_push(struct tpl_val *list, struct tpl_val *v);
/* The arena a value lives in (for strings to put into it). */
struct arena *tpl_arena(const struct tpl_val *v);
/* The string stored under key in obj (NULL if missing or not a string). */
const char *tpl_get_str(const struct tpl_val *obj, const char *key);
/* Number of elements of a list (0 for anything else). */
size_t tpl_list_len(const struct tpl_val *list);

/* ---- template sets ---- */

struct tpl_set *tpl_set_new(void);
void tpl_set_free(struct tpl_set *set);
/* Parse src as template name. Errors name the template and line ("apply.html:12: unclosed
 * section 'errors'"). */
int tpl_set_add(struct tpl_set *set, const char *name, const char *src, size_t len,
		struct gk_error *e) GK_WUR;
/* Load every *.html file of dir, named by file name without ".html"; then check that every
 * partial a template names exists. */
int tpl_set_load_dir(struct tpl_set *set, const char *dir, struct gk_error *e) GK_WUR;
int tpl_set_has(const struct tpl_set *set, const char *name);
/* Render template name with ctx (may be NULL) appending to out. ERR_NOTFOUND for an unknown
 * template or partial, ERR_LIMIT when out's maximum or the nesting depth is exceeded. */
int tpl_render(const struct tpl_set *set, const char *name, const struct tpl_val *ctx,
	       struct buf *out, struct gk_error *e) GK_WUR;

/* Append s[0..len) to out with & < > " ' replaced by entities (safe in text and quoted
 * attributes). */
int tpl_escape_html(struct buf *out, const char *s, size_t len) GK_WUR;

#endif

/*
 * tpl.c — the mustache-style template engine (see tpl.h).
 *
 * A template is parsed once into a tree of nodes (text, variable, raw variable, section,
 * inverted section, partial) allocated in the set's arena. Rendering walks the tree with a
 * stack of context values; lookups search the stack from the innermost value outwards.
 * May call: base/.
 */
#include "render/tpl.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

enum tpl_type { V_STR, V_BOOL, V_LIST, V_OBJ };

struct tpl_kv {
	const char *key;
	struct tpl_val *val;
	struct tpl_kv *next;
};

struct tpl_val {
	enum tpl_type type;
	struct arena *a;
	struct tpl_val *next;        /* sibling in a list */
	const char *s;               /* V_STR */
	int b;                       /* V_BOOL */
	struct tpl_val *first, *last;/* V_LIST */
	size_t n;
	struct tpl_kv *kv, *kv_last; /* V_OBJ */
};

enum node_kind { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL };

struct node {
	enum node_kind kind;
	const char *text;    /* N_TEXT: the text; others: the name */
	size_t len;
	struct node *child;  /* sections */
	struct node *next;
};

struct tpl {
	const char *name;
	struct node *root;
	struct tpl *next;
};

struct tpl_set {
	struct arena a;
	struct tpl *list;
};

/* ---------------------------------------------------------------- values */

static struct tpl_val *val_new(struct arena *a, enum tpl_type t)
{
	struct tpl_val *v = arena_alloc(a, sizeof *v);

	v->type = t;
	v->a = a;
	return v;
}

struct tpl_val *tpl_obj(struct arena *a)
{
	return val_new(a, V_OBJ);
}

struct tpl_val *tpl_list(struct arena *a)
{
	return val_new(a, V_LIST);
}

static void obj_put(struct tpl_val *obj, const char *key, struct tpl_val *v)
{
	struct tpl_kv *kv;

	if (obj == NULL || obj->type != V_OBJ)
		return;
	kv = arena_alloc(obj->a, sizeof *kv);
	kv->key = key;
	kv->val = v;
	if (obj->kv_last)
		obj->kv_last->next = kv;
	else
		obj->kv = kv;
	obj->kv_last = kv;
}

void tpl_put_str(struct tpl_val *obj, const char *key, const char *s)
{
	struct tpl_val *v;

	if (s == NULL || obj == NULL)
		return;
	v = val_new(obj->a, V_STR);
	v->s = s;
	obj_put(obj, key, v);
}

void tpl_put_strf(struct tpl_val *obj, const char *key, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	s = arena_alloc(obj->a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	tpl_put_str(obj, key, s);
}

void tpl_put_int(struct tpl_val *obj, const char *key, long long v)
{
	tpl_put_strf(obj, key, "%lld", v);
}

void tpl_put_bool(struct tpl_val *obj, const char *key, int b)
{
	struct tpl_val *v = val_new(obj->a, V_BOOL);

	v->b = b != 0;
	obj_put(obj, key, v);
}

struct tpl_val *tpl_put_obj(struct tpl_val *obj, const char *key)
{
	struct tpl_val *v = val_new(obj->a, V_OBJ);

	obj_put(obj, key, v);
	return v;
}

struct tpl_val *tpl_put_list(struct tpl_val *obj, const char *key)
{
	struct tpl_val *v = val_new(obj->a, V_LIST);

	obj_put(obj, key, v);
	return v;
}

static void list_add(struct tpl_val *list, struct tpl_val *v)
{
	if (list->last)
		list->last->next = v;
	else
		list->first = v;
	list->last = v;
	list->n++;
}

struct tpl_val *tpl_push_obj(struct tpl_val *list)
{
	struct tpl_val *v = val_new(list->a, V_OBJ);

	list_add(list, v);
	return v;
}

void tpl_push_str(struct tpl_val *list, const char *s)
{
	struct tpl_val *v = val_new(list->a, V_STR);

	v->s = s ? s : "";
	list_add(list, v);
}

struct tpl_val *tpl_list_first(const struct tpl_val *list)
{
	return list && list->type == V_LIST ? list->first : NULL;
}

struct tpl_val *tpl_next(const struct tpl_val *v)
{
	return v ? v->next : NULL;
}

void tpl_push(struct tpl_val *list, struct tpl_val *v)
{
	v->next = NULL;
	list_add(list, v);
}

struct arena *tpl_arena(const struct tpl_val *v)
{
	return v->a;
}

static const struct tpl_val *obj_get(const struct tpl_val *v, const char *key, size_t len);

const char *tpl_get_str(const struct tpl_val *obj, const char *key)
{
	const struct tpl_val *v = obj_get(obj, key, strlen(key));

	return v && v->type == V_STR ? v->s : NULL;
}

size_t tpl_list_len(const struct tpl_val *list)
{
	return list && list->type == V_LIST ? list->n : 0;
}

/* ---------------------------------------------------------------- parsing */

struct tpl_set *tpl_set_new(void)
{
	struct tpl_set *set = xcalloc(1, sizeof *set);

	arena_init(&set->a);
	return set;
}

void tpl_set_free(struct tpl_set *set)
{
	if (set == NULL)
		return;
	arena_free(&set->a);
	free(set);
}

static int line_of(const char *src, const char *p)
{
	int line = 1;

	for (; src < p; src++)
		if (*src == '\n')
			line++;
	return line;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.';
}

/* Append node n to the list whose tail pointer is *tail. */
static void append(struct node ***tail, struct node *n)
{
	**tail = n;
	*tail = &n->next;
}

int tpl_set_add(struct tpl_set *set, const char *name, const char *src, size_t len,
		struct gk_error *e)
{
	struct node *root = NULL;
	struct node **tails[TPL_MAX_DEPTH + 1];
	struct node *open[TPL_MAX_DEPTH + 1];
	int depth = 0;
	const char *p = src, *end = src + len;
	struct tpl *t;

	if (len > TPL_MAX_SOURCE)
		return err_set(e, ERR_LIMIT, name, "template larger than %u bytes", TPL_MAX_SOURCE);
	tails[0] = &root;
	open[0] = NULL;
	while (p < end) {
		const char *tag = memmem(p, (size_t)(end - p), "{{", 2);
		const char *close, *nb, *ne;
		enum node_kind kind = N_VAR;
		struct node *n;
		int triple = 0;

		if (tag == NULL)
			tag = end;
		if (tag > p) {
			n = arena_alloc(&set->a, sizeof *n);
			n->kind = N_TEXT;
			n->text = arena_strndup(&set->a, p, (size_t)(tag - p));
			n->len = (size_t)(tag - p);
			append(&tails[depth], n);
		}
		if (tag == end)
			break;
		nb = tag + 2;
		if (nb < end && *nb == '{') {
			triple = 1;
			kind = N_RAW;
			nb++;
		} else if (nb < end && *nb && strchr("#^/>&!", *nb)) {
			switch (*nb) {
			case '#': kind = N_SECTION; break;
			case '^': kind = N_INVERTED; break;
			case '/': kind = N_TEXT; break;  /* marks a close tag below */
			case '>': kind = N_PARTIAL; break;
			case '&': kind = N_RAW; break;
			case '!': kind = N_TEXT; break;
			}
			nb++;
		}
		close = memmem(nb, (size_t)(end - nb), triple ? "}}}" : "}}", triple ? 3 : 2);
		if (close == NULL)
			return err_set(e, ERR_INVALID, name, "line %d: unclosed tag", line_of(src, tag));
		p = close + (triple ? 3 : 2);
		if (tag[2] == '!')
			continue;  /* comment */
		while (nb < close && (*nb == ' ' || *nb == '\t'))
			nb++;
		ne = close;
		while (ne > nb && (ne[-1] == ' ' || ne[-1] == '\t'))
			ne--;
		if (ne == nb)
			return err_set(e, ERR_INVALID, name, "line %d: empty tag", line_of(src, tag));
		for (const char *q = nb; q < ne; q++)
			if (!is_name_char(*q))
				return err_set(e, ERR_INVALID, name, "line %d: bad name in tag",
					       line_of(src, tag));
		if (tag[2] == '/') {
			if (depth == 0 || open[depth]->len != (size_t)(ne - nb) ||
			    memcmp(open[depth]->text, nb, (size_t)(ne - nb)) != 0)
				return err_set(e, ERR_INVALID, name,
					       "line %d: closing tag '%.*s' does not match an open section",
					       line_of(src, tag), (int)(ne - nb), nb);
			depth--;
			continue;
		}
		n = arena_alloc(&set->a, sizeof *n);
		n->kind = kind;
		n->text = arena_strndup(&set->a, nb, (size_t)(ne - nb));
		n->len = (size_t)(ne - nb);
		append(&tails[depth], n);
		if (kind == N_SECTION || kind == N_INVERTED) {
			if (depth == TPL_MAX_DEPTH)
				return err_set(e, ERR_LIMIT, name, "line %d: sections nested too deep",
					       line_of(src, tag));
			depth++;
			open[depth] = n;
			tails[depth] = &n->child;
		}
	}
	if (depth > 0)
		return err_set(e, ERR_INVALID, name, "unclosed section '%s'", open[depth]->text);
	t = arena_alloc(&set->a, sizeof *t);
	t->name = arena_strdup(&set->a, name);
	t->root = root;
	t->next = set->list;
	set->list = t;
	return 0;
}

static const struct tpl *find(const struct tpl_set *set, const char *name, size_t len)
{
	for (const struct tpl *t = set->list; t; t = t->next)
		if (strlen(t->name) == len && memcmp(t->name, name, len) == 0)
			return t;
	return NULL;
}

int tpl_set_has(const struct tpl_set *set, const char *name)
{
	return find(set, name, strlen(name)) != NULL;
}

static int check_partials(const struct tpl_set *set, const struct tpl *t, const struct node *n,
			  struct gk_error *e)
{
	for (; n; n = n->next) {
		if (n->kind == N_PARTIAL && !find(set, n->text, n->len))
			return err_set(e, ERR_NOTFOUND, t->name, "partial '%s' not found", n->text);
		if (n->child && check_partials(set, t, n->child, e))
			return e ? e->code : ERR_NOTFOUND;
	}
	return 0;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a > b && strcmp(s + a - b, suf) == 0;
}

int tpl_set_load_dir(struct tpl_set *set, const char *dir, struct gk_error *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (d == NULL)
		return err_set(e, ERR_IO, dir, "cannot open the templates directory");
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct buf b;
		char *path, *name;

		if (de->d_name[0] == '.' || !has_suffix(de->d_name, ".html"))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		name = xstrndup(de->d_name, strlen(de->d_name) - 5);
		buf_init(&b, TPL_MAX_SOURCE);
		rc = buf_read_file(&b, path, e);
		if (rc == 0)
			rc = tpl_set_add(set, name, buf_cstr(&b), b.len, e);
		buf_free(&b);
		free(path);
		free(name);
	}
	closedir(d);
	for (const struct tpl *t = set->list; rc == 0 && t; t = t->next)
		rc = check_partials(set, t, t->root, e);
	return rc;
}

/* ---------------------------------------------------------------- rendering */

int tpl_escape_html(struct buf *out, const char *s, size_t len)
{
	const char *run = s;
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i++) {
		const char *ent;

		switch (s[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		rc = buf_append(out, run, (size_t)(s + i - run));
		if (rc == 0)
			rc = buf_puts(out, ent);
		run = s + i + 1;
	}
	if (rc == 0)
		rc = buf_append(out, run, (size_t)(s + len - run));
	return rc;
}

struct render {
	const struct tpl_set *set;
	const struct tpl_val *stack[TPL_MAX_DEPTH * 2 + 2];
	int depth;
	struct buf *out;
	struct gk_error *e;
	int nest;
};

static const struct tpl_val *obj_get(const struct tpl_val *v, const char *key, size_t len)
{
	if (v == NULL || v->type != V_OBJ)
		return NULL;
	for (const struct tpl_kv *kv = v->kv; kv; kv = kv->next)
		if (strlen(kv->key) == len && memcmp(kv->key, key, len) == 0)
			return kv->val;
	return NULL;
}

/* Resolve a possibly dotted name against the context stack. */
static const struct tpl_val *lookup(const struct render *r, const char *name, size_t len)
{
	const char *dot = memchr(name, '.', len);
	size_t first = dot ? (size_t)(dot - name) : len;
	const struct tpl_val *v = NULL;

	if (len == 1 && name[0] == '.')
		return r->depth > 0 ? r->stack[r->depth - 1] : NULL;
	for (int i = r->depth - 1; i >= 0 && v == NULL; i--)
		v = obj_get(r->stack[i], name, first);
	while (v && dot) {
		const char *seg = dot + 1;
		dot = memchr(seg, '.', (size_t)(name + len - seg));
		v = obj_get(v, seg, dot ? (size_t)(dot - seg) : (size_t)(name + len - seg));
	}
	return v;
}

static int truthy(const struct tpl_val *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case V_STR: return v->s[0] != '\0';
	case V_BOOL: return v->b;
	case V_LIST: return v->n > 0;
	case V_OBJ: return 1;
	}
	return 0;
}

static int render_nodes(struct render *r, const struct node *n);

static int push_render(struct render *r, const struct tpl_val *v, const struct node *child)
{
	int rc;

	if (r->depth >= (int)(sizeof r->stack / sizeof r->stack[0]))
		return err_set(r->e, ERR_LIMIT, "", "template context nested too deep");
	r->stack[r->depth++] = v;
	rc = render_nodes(r, child);
	r->depth--;
	return rc;
}

static int render_nodes(struct render *r, const struct node *n)
{
	int rc = 0;

	for (; n && rc == 0; n = n->next) {
		const struct tpl_val *v;
		const struct tpl *t;

		switch (n->kind) {
		case N_TEXT:
			rc = buf_append(r->out, n->text, n->len);
			break;
		case N_VAR:
		case N_RAW:
			v = lookup(r, n->text, n->len);
			if (v == NULL || v->type == V_LIST || v->type == V_OBJ)
				break;
			if (v->type == V_BOOL) {
				rc = buf_puts(r->out, v->b ? "true" : "");
				break;
			}
			rc = n->kind == N_VAR ? tpl_escape_html(r->out, v->s, strlen(v->s))
					      : buf_puts(r->out, v->s);
			break;
		case N_SECTION:
			v = lookup(r, n->text, n->len);
			if (!truthy(v))
				break;
			if (v->type == V_LIST) {
				for (const struct tpl_val *it = v->first; it && rc == 0; it = it->next)
					rc = push_render(r, it, n->child);
			} else {
				rc = push_render(r, v, n->child);
			}
			break;
		case N_INVERTED:
			if (!truthy(lookup(r, n->text, n->len)))
				rc = render_nodes(r, n->child);
			break;
		case N_PARTIAL:
			t = find(r->set, n->text, n->len);
			if (t == NULL)
				return err_set(r->e, ERR_NOTFOUND, n->text, "no such template");
			if (r->nest >= TPL_MAX_DEPTH)
				return err_set(r->e, ERR_LIMIT, n->text, "partials nested too deep");
			r->nest++;
			rc = render_nodes(r, t->root);
			r->nest--;
			break;
		}
	}
	if (rc == ERR_LIMIT && r->e && r->e->code == 0)
		err_set(r->e, ERR_LIMIT, "", "page larger than the output limit");
	return rc;
}

int tpl_render(const struct tpl_set *set, const char *name, const struct tpl_val *ctx,
	       struct buf *out, struct gk_error *e)
{
	struct render r = { .set = set, .out = out, .e = e };
	const struct tpl *t = find(set, name, strlen(name));

	if (t == NULL)
		return err_set(e, ERR_NOTFOUND, name, "no such template");
	if (ctx)
		r.stack[r.depth++] = ctx;
	return render_nodes(&r, t->root);
}

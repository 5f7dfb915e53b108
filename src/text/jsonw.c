/*
 * jsonw.c — streaming JSON writer (see jsonw.h).
 */
#include "text/jsonw.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void jsonw_init(struct jsonw *w, struct buf *out, int pretty)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->pretty = pretty;
}

static void put(struct jsonw *w, const char *s, size_t len)
{
	if (w->rc == 0)
		w->rc = buf_append(w->out, s, len);
}

static void puts_(struct jsonw *w, const char *s)
{
	put(w, s, strlen(s));
}

static void newline(struct jsonw *w)
{
	if (!w->pretty)
		return;
	put(w, "\n", 1);
	for (int i = 0; i < w->depth; i++)
		put(w, "  ", 2);
}

/* Comma and indentation before a value or a key. */
static void before_value(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth > 0) {
		if (w->count[w->depth - 1])
			put(w, ",", 1);
		else
			w->count[w->depth - 1] = 1;
		newline(w);
	}
}

static void open_(struct jsonw *w, char c)
{
	before_value(w);
	put(w, &c, 1);
	if (w->depth >= JSONW_DEPTH) {
		if (w->rc == 0)
			w->rc = ERR_INTERNAL;
		return;
	}
	w->count[w->depth++] = 0;
}

static void close_(struct jsonw *w, char c)
{
	int had;

	if (w->depth == 0) {
		if (w->rc == 0)
			w->rc = ERR_INTERNAL;
		return;
	}
	had = w->count[w->depth - 1];
	w->depth--;
	if (had)
		newline(w);
	put(w, &c, 1);
}

void jsonw_obj_begin(struct jsonw *w) { open_(w, '{'); }
void jsonw_obj_end(struct jsonw *w) { close_(w, '}'); }
void jsonw_arr_begin(struct jsonw *w) { open_(w, '['); }
void jsonw_arr_end(struct jsonw *w) { close_(w, ']'); }

static void escaped(struct jsonw *w, const char *s, size_t len)
{
	size_t run = 0;

	put(w, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		const char *rep = NULL;

		switch (c) {
		case '"': rep = "\\\""; break;
		case '\\': rep = "\\\\"; break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		case '\t': rep = "\\t"; break;
		default:
			if (c < 0x20) {
				static const char hex[] = "0123456789abcdef";
				memcpy(esc, "\\u00", 4);
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				esc[6] = '\0';
				rep = esc;
			}
		}
		if (rep) {
			put(w, s + run, i - run);
			puts_(w, rep);
			run = i + 1;
		}
	}
	put(w, s + run, len - run);
	put(w, "\"", 1);
}

void jsonw_key(struct jsonw *w, const char *key)
{
	before_value(w);
	escaped(w, key, strlen(key));
	put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
	w->after_key = 1;
}

void jsonw_strn(struct jsonw *w, const char *s, size_t len)
{
	before_value(w);
	escaped(w, s, len);
}

void jsonw_str(struct jsonw *w, const char *s)
{
	if (s == NULL)
		jsonw_null(w);
	else
		jsonw_strn(w, s, strlen(s));
}

void jsonw_int(struct jsonw *w, int64_t v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%" PRId64, v);

	before_value(w);
	put(w, tmp, (size_t)n);
}

void jsonw_bool(struct jsonw *w, int v)
{
	before_value(w);
	puts_(w, v ? "true" : "false");
}

void jsonw_null(struct jsonw *w)
{
	before_value(w);
	puts_(w, "null");
}

void jsonw_raw(struct jsonw *w, const char *json)
{
	before_value(w);
	puts_(w, json);
}

void jsonw_kstr(struct jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_str(w, s);
}

void jsonw_kint(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

void jsonw_kbool(struct jsonw *w, const char *key, int v)
{
	jsonw_key(w, key);
	jsonw_bool(w, v);
}

void jsonw_kint_or_null(struct jsonw *w, const char *key, int given, int64_t v)
{
	jsonw_key(w, key);
	if (given)
		jsonw_int(w, v);
	else
		jsonw_null(w);
}

int jsonw_finish(struct jsonw *w)
{
	if (w->rc == 0 && w->depth != 0)
		w->rc = ERR_INTERNAL;
	if (w->rc == 0 && w->pretty)
		put(w, "\n", 1);
	return w->rc;
}

/*
 * jsonr.c — strict JSON reading over jansson (see jsonr.h). The only file including jansson.h.
 */
#include "text/jsonr.h"

#include <jansson.h>
#include <stdio.h>

#define J(v) ((json_t *)(v))

int jsonr_parse(const char *text, size_t len, const char *label, struct jv **root, struct gk_error *e)
{
	json_error_t je;
	json_t *j;
	char field[64];

	j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL) {
		snprintf(field, sizeof field, "%s:%d:%d", label, je.line, je.column);
		return err_set(e, ERR_INVALID, field, "not valid JSON: %s", je.text);
	}
	*root = (struct jv *)j;
	return 0;
}

void jsonr_free(struct jv *root)
{
	json_decref(J(root));
}

enum jv_type jv_type(const struct jv *v)
{
	switch (json_typeof(J(v))) {
	case JSON_OBJECT:
		return JV_OBJECT;
	case JSON_ARRAY:
		return JV_ARRAY;
	case JSON_STRING:
		return JV_STRING;
	case JSON_INTEGER:
		return JV_INT;
	case JSON_REAL:
		return JV_REAL;
	case JSON_TRUE:
	case JSON_FALSE:
		return JV_BOOL;
	case JSON_NULL:
	default:
		return JV_NULL;
	}
}

const char *jv_type_name(enum jv_type t)
{
	static const char *const names[] = { "null", "boolean", "integer", "number", "string", "array", "object" };
	return names[t];
}

struct jv *jv_get(const struct jv *o, const char *key)
{
	return o && json_is_object(J(o)) ? (struct jv *)json_object_get(J(o), key) : NULL;
}

size_t jv_len(const struct jv *v)
{
	return v && json_is_array(J(v)) ? json_array_size(J(v)) : 0;
}

struct jv *jv_at(const struct jv *v, size_t i)
{
	return v && json_is_array(J(v)) ? (struct jv *)json_array_get(J(v), i) : NULL;
}

const char *jv_str(const struct jv *v)
{
	return v && json_is_string(J(v)) ? json_string_value(J(v)) : NULL;
}

int jv_int(const struct jv *v, int64_t *out)
{
	if (!v || !json_is_integer(J(v)))
		return ERR_INVALID;
	*out = (int64_t)json_integer_value(J(v));
	return 0;
}

int jv_number(const struct jv *v, double *out)
{
	if (!v || !json_is_number(J(v)))
		return ERR_INVALID;
	*out = json_number_value(J(v));
	return 0;
}

int jv_bool(const struct jv *v, int *out)
{
	if (!v || !json_is_boolean(J(v)))
		return ERR_INVALID;
	*out = json_is_true(J(v));
	return 0;
}

const char *jv_next(const struct jv *o, void **it, struct jv **val)
{
	const char *key;

	if (!o || !json_is_object(J(o)))
		return NULL;
	*it = *it ? json_object_iter_next(J(o), *it) : json_object_iter(J(o));
	if (*it == NULL)
		return NULL;
	key = json_object_iter_key(*it);
	*val = (struct jv *)json_object_iter_value(*it);
	return key;
}

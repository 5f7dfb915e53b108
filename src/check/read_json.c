/*
 * read_json.c — read gongkai's own JSON (the `check --json` and report JSON shape) whose
 * cells are given directly: {"format", "year", "agency", "complete", "cells": {id: number},
 * "blank_cells": [id]}. An array of such objects gives the first one. Parsed with jansson.
 */
#include "check/reader.h"

#include <string.h>

#include <jansson.h>

int chk_read_json(const char *s, size_t len, struct chk_doc *d, struct gk_error *e)
{
	json_error_t jerr;
	json_t *root, *obj, *cells, *blank, *v;
	const char *key;
	size_t i, n;
	int rc = 0;

	root = json_loadb(s, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return err_set(e, ERR_INVALID, "", "not valid JSON (line %d: %s)", jerr.line, jerr.text);
	obj = json_is_array(root) ? json_array_get(root, 0) : root;
	if (!json_is_object(obj) || !json_is_object(cells = json_object_get(obj, "cells"))) {
		rc = err_set(e, ERR_INVALID, "", "JSON has no \"cells\" object (not a gongkai report)");
		goto out;
	}
	d->source = CHK_SRC_JSON;
	if (json_is_string(v = json_object_get(obj, "format")))
		d->given_format = arena_strdup(&d->arena, json_string_value(v));
	if (json_is_string(v = json_object_get(obj, "agency")))
		d->given_agency = arena_strdup(&d->arena, json_string_value(v));
	if (json_is_integer(v = json_object_get(obj, "year")))
		d->given_year = (int)json_integer_value(v);
	if (json_is_boolean(v = json_object_get(obj, "complete")))
		d->given_complete = json_is_true(v);
	n = json_object_size(cells);
	blank = json_object_get(obj, "blank_cells");
	if (n > CHK_MAX_CELLS) {
		rc = err_set(e, ERR_LIMIT, "cells", "too many cells");
		goto out;
	}
	d->given = arena_alloc(&d->arena, (n ? n : 1) * sizeof *d->given);
	json_object_foreach(cells, key, v) {
		struct chk_given *g;
		if (!json_is_number(v)) {
			rc = err_set(e, ERR_INVALID, "cells", "cell %s is not a number", key);
			goto out;
		}
		g = &d->given[d->ngiven++];
		g->id = arena_strdup(&d->arena, key);
		g->value = json_number_value(v);
		g->blank = 0;
		if (json_is_array(blank)) {
			for (i = 0; i < json_array_size(blank); i++) {
				json_t *b = json_array_get(blank, i);
				if (json_is_string(b) && strcmp(json_string_value(b), key) == 0)
					g->blank = 1;
			}
		}
	}
out:
	json_decref(root);
	return rc;
}

/*
 * read_json.c — read gongkai's own JSON (the `check --json` and report JSON shape) whose
 * cells are given directly: {"format", "year", "agency", "complete", "cells": {id: number},
 * "blank_cells": [id]}. An array of such objects gives the first one. Parsed with text/jsonr.h.
 */
#include "check/reader.h"

#include <string.h>

#include "text/jsonr.h"

int chk_read_json(const char *s, size_t len, struct chk_doc *d, struct gk_error *e)
{
	struct jv *root = NULL, *obj, *cells, *blank, *v;
	const char *key, *str;
	void *it = NULL;
	int64_t year;
	int b, rc;

	if ((rc = jsonr_parse(s, len, "json", &root, e)) != 0)
		return rc;
	obj = jv_type(root) == JV_ARRAY ? jv_at(root, 0) : root;
	cells = jv_get(obj, "cells");
	if (!obj || jv_type(obj) != JV_OBJECT || !cells || jv_type(cells) != JV_OBJECT) {
		rc = err_set(e, ERR_INVALID, "", "JSON has no \"cells\" object (not a gongkai report)");
		goto out;
	}
	d->source = CHK_SRC_JSON;
	if ((str = jv_str(jv_get(obj, "format"))) != NULL)
		d->given_format = arena_strdup(&d->arena, str);
	if ((str = jv_str(jv_get(obj, "agency"))) != NULL)
		d->given_agency = arena_strdup(&d->arena, str);
	if (jv_int(jv_get(obj, "year"), &year) == 0 && year > 0 && year < 10000)
		d->given_year = (int)year;
	if (jv_bool(jv_get(obj, "complete"), &b) == 0)
		d->given_complete = b;
	{
		/* the report JSON's "sections": {"overview": text, …} */
		struct jv *secs = jv_get(obj, "sections");
		void *si = NULL;
		struct jv *sv;
		const char *sk;
		while ((sk = jv_next(secs, &si, &sv)) != NULL && d->ngiven_sections < 8) {
			if (!(str = jv_str(sv)))
				continue;
			d->given_section[d->ngiven_sections].id = arena_strdup(&d->arena, sk);
			d->given_section[d->ngiven_sections].text = arena_strdup(&d->arena, str);
			d->ngiven_sections++;
		}
	}
	blank = jv_get(obj, "blank_cells");
	{
		size_t count = 0;
		while (jv_next(cells, &it, &v) != NULL)
			count++;
		it = NULL;
		if (count > CHK_MAX_CELLS) {
			rc = err_set(e, ERR_LIMIT, "cells", "too many cells");
			goto out;
		}
		d->given = arena_alloc(&d->arena, (count + 1) * sizeof *d->given);
	}
	while ((key = jv_next(cells, &it, &v)) != NULL) {
		struct chk_given *g = &d->given[d->ngiven];
		if (jv_number(v, &g->value) != 0) {
			rc = err_set(e, ERR_INVALID, "cells", "cell %s is not a number", key);
			goto out;
		}
		g->id = arena_strdup(&d->arena, key);
		g->blank = 0;
		for (size_t i = 0; i < jv_len(blank); i++)
			if ((str = jv_str(jv_at(blank, i))) && strcmp(str, key) == 0)
				g->blank = 1;
		d->ngiven++;
	}
out:
	jsonr_free(root);
	return rc;
}

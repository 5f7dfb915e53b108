/*
 * json.c — the annual report as JSON (the shape of render.h), through text/jsonw.h.
 *
 * Keys in a fixed order; cells in format order, every one of them: VALUE cells as numbers
 * (money exactly, in 万元 or 元 per the cell's unit), ABSENT and BLANK cells as null; sections by
 * id (null when absent); findings with their cell ids. Pretty-printed, final newline.
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include "text/jsonw.h"

static void json_cells(struct jsonw *w, const struct report_cells *c)
{
	const struct report_format *f = c->fmt;
	struct buf num;

	buf_init(&num, 64);
	jsonw_obj_begin(w);
	for (int i = 0; i < fmt_ncells(f); i++) {
		const struct fmt_cell *cell = fmt_cell(f, i);

		jsonw_key(w, cell->id);
		buf_reset(&num);
		if (cells_state(c, i) != CELL_VALUE)
			jsonw_null(w);
		else if (cell->unit == UNIT_FEN_AS_WAN || cell->unit == UNIT_FEN_AS_YUAN)
			jsonw_raw(w, cells_write_value(cell, c->v[i], 6, &num) == 0 ? buf_cstr(&num) : "null");
		else
			jsonw_int(w, c->v[i]);
	}
	jsonw_obj_end(w);
	buf_free(&num);
}

static void json_findings(struct jsonw *w, const struct findings *fs)
{
	jsonw_arr_begin(w);
	for (size_t i = 0; i < fs->n; i++) {
		const struct finding *fi = &fs->v[i];

		jsonw_obj_begin(w);
		jsonw_kstr(w, "rule", fi->rule);
		jsonw_kstr(w, "severity", severity_code(fi->sev));
		jsonw_key(w, "cells");
		jsonw_arr_begin(w);
		for (int k = 0; k < fi->ncells; k++)
			jsonw_str(w, fmt_cell(fi->fmt, fi->cells[k])->id);
		jsonw_arr_end(w);
		jsonw_kstr(w, "message", fi->msg);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

int render_json(const struct annual_report *r, const struct findings *findings, struct buf *out,
		struct gk_error *e)
{
	const struct report_format *f = r->cells.fmt;
	struct findings own;
	struct jsonw w;
	int rc;

	if (!f)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	findings_init(&own);
	if (!findings) {
		rules_check(r, NULL, &own);
		findings = &own;
	}
	jsonw_init(&w, out, 1);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "agency", r->agency);
	jsonw_kint(&w, "year", r->year);
	jsonw_kstr(&w, "format", f->id);
	jsonw_key(&w, "cells");
	json_cells(&w, &r->cells);
	jsonw_key(&w, "sections");
	jsonw_obj_begin(&w);
	for (int s = 0; s < SEC__MAX; s++)
		jsonw_kstr(&w, fmt_section_id(s), r->section[s]);
	jsonw_obj_end(&w);
	jsonw_key(&w, "findings");
	json_findings(&w, findings);
	jsonw_obj_end(&w);
	rc = jsonw_finish(&w);
	findings_free(&own);
	if (rc)
		err_set(e, rc, "report", "cannot write the report as JSON");
	return rc;
}

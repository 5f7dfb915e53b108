/*
 * md.c — the annual report as Markdown.
 *
 * Headings: the title (#), the six sections (##) with the exact headings; narrative as given
 * (paragraphs separated by blank lines); each table as one pipe table on the grid of the
 * official geometry (layout.h): a spanned cell's text stands in its top-left grid cell, the
 * cells it covers are empty; the first grid row is the Markdown header row. Labels exact.
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "render/layout.h"

/* One cell's text with | escaped and line breaks as spaces. */
static int md_cell(struct buf *out, const char *s, size_t len)
{
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i++) {
		if (s[i] == '|')
			rc = buf_puts(out, "\\|");
		else if (s[i] == '\n' || s[i] == '\r')
			rc = buf_putc(out, ' ');
		else
			rc = buf_putc(out, s[i]);
	}
	return rc;
}

static int md_table(const struct report_cells *c, enum fmt_table t, struct buf *out)
{
	struct lay_table *lt = xmalloc(sizeof *lt);
	struct buf *grid = NULL;
	int rc = 0, n;

	layout_build(c->fmt, t, lt);
	n = lt->nrows * lt->ncols;
	grid = xcalloc((size_t)n, sizeof *grid);
	for (int i = 0; i < n; i++)
		buf_init(&grid[i], 4096);
	for (int i = 0; i < lt->n && rc == 0; i++) {
		const struct lay_cell *lc = &lt->c[i];
		struct buf *g = &grid[lc->row * lt->ncols + lc->col];
		rc = lc->label ? buf_puts(g, lc->label) : cells_write(c, lc->cell, 4, g);
	}
	for (int row = 0; row < lt->nrows && rc == 0; row++) {
		for (int col = 0; col < lt->ncols && rc == 0; col++) {
			const struct buf *g = &grid[row * lt->ncols + col];
			if ((rc = buf_puts(out, "| ")) == 0 && (rc = md_cell(out, buf_cstr(g), g->len)) == 0)
				rc = buf_putc(out, ' ');
		}
		if (rc == 0)
			rc = buf_puts(out, "|\n");
		for (int col = 0; row == 0 && col < lt->ncols && rc == 0; col++)
			rc = buf_puts(out, col == lt->ncols - 1 ? "|---|\n" : "|---");
	}
	for (int i = 0; i < n; i++)
		buf_free(&grid[i]);
	free(grid);
	free(lt);
	return rc;
}

int render_md(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	const struct report_format *f = r->cells.fmt;
	int rc;

	if (!f)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	if ((rc = buf_puts(out, "# ")) || (rc = fmt_title(r->agency, r->year, out)) ||
	    (rc = buf_putc(out, '\n')))
		goto out;
	for (int s = 0; s < SEC__MAX; s++) {
		size_t len;
		const char *text = report_section_text(r, s, &len);

		if ((rc = buf_puts(out, "\n## ")) || (rc = fmt_section_heading(f, s, out)) ||
		    (rc = buf_putc(out, '\n')))
			goto out;
		if (len && ((rc = buf_putc(out, '\n')) || (rc = buf_append(out, text, len)) ||
			    (rc = buf_putc(out, '\n'))))
			goto out;
		if (s == SEC_PROACTIVE || s == SEC_APPLICATIONS || s == SEC_REVIEW_LITIGATION) {
			enum fmt_table t = s == SEC_PROACTIVE ? TBL_2 : s == SEC_APPLICATIONS ? TBL_3 : TBL_4;
			if ((rc = buf_putc(out, '\n')) || (rc = md_table(&r->cells, t, out)))
				goto out;
		}
	}
out:
	if (rc)
		err_set(e, rc, "report", "cannot write the report as Markdown");
	return rc;
}

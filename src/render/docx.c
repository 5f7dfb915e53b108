/*
 * docx.c — the annual report as a Word document: its title, headings, narrative and tables
 * as WordprocessingML, packaged by the one DOCX writer (docx_pkg.h: text escaping,
 * paragraphs, the A4 GB/T 9704 page, the shared parts and the zip).
 *
 * Fonts are named as official documents name them: the title in 方正小标宋简体 二号, the six
 * headings in 黑体 三号, the narrative in 仿宋_GB2312 三号 at a fixed 28 pt line with a
 * two-character first-line indent, the tables in 宋体 五号; Latin text in Times New Roman.
 *
 * Tables are real Word tables on a fixed grid: each cell of the official geometry (layout.h)
 * becomes a w:tc with w:gridSpan for its colspan and w:vMerge="restart" for its rowspan, and
 * each row it covers below gets a w:vMerge continuation cell of the same span. Header rows
 * repeat on a new page (w:tblHeader); rows do not split across pages.
 *
 * Every text (agency, labels, narrative, numbers) reaches the XML through the one writer,
 * docx_text (via docx_para), which escapes & < > and drops the control characters XML 1.0
 * forbids; a tab becomes w:tab and a line break inside a paragraph w:br.
 *
 * Deterministic: the creation date and the zip entries' time are 1 January after the report
 * year (walk_fixed_time).
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <string.h>

#include "render/docx_pkg.h"
#include "render/walk.h"
#include "text/date.h"
#include "text/utf8.h"

#define DOCX_MAX_ROWS 40
#define DOCX_MAX_COLS 16

/* Grid column widths in twips (each table sums to the text width). */
static const int grid_t2[] = { 2652, 2064, 2064, 2064 };
static const int grid_t3[] = { 760, 1180, 2872, 576, 576, 576, 576, 576, 576, 576 };
static const int grid_t4[] = { 590, 590, 590, 590, 590, 590, 590, 590, 590, 590,
			       590, 590, 590, 590, 584 };

/* ---- document.xml ---------------------------------------------------------------------- */

struct docx {
	struct buf *doc;
	struct buf num;
};

/* The title; one too wide for a line (22 pt: a CJK character 22 pt, a digit 11 pt) breaks
 * before 政府信息公开工作年度报告 rather than wherever Word would wrap it. */
static int on_title(void *ctx, const char *s, size_t len)
{
	struct docx *d = ctx;
	size_t cut = walk_title_break(s, len);
	struct buf two;
	int rc;

	buf_init(&two, 0);
	if ((rc = buf_append(&two, s, len)) == 0 && cut && utf8_width(two.ptr) * 11 * 20 > DOCX_TEXT_WIDTH) {
		buf_reset(&two);
		if ((rc = buf_append(&two, s, cut)) == 0 && (rc = buf_putc(&two, '\n')) == 0)
			rc = buf_append(&two, s + cut, len - cut);
	}
	if (rc == 0)
		rc = docx_para(d->doc, "Title", "", two.ptr, two.len);
	buf_free(&two);
	return rc;
}

static int on_heading(void *ctx, enum section sec, const char *s, size_t len)
{
	return docx_para(((struct docx *)ctx)->doc, "Heading1", "", s, len);
}

static int on_para(void *ctx, const char *s, size_t len)
{
	return docx_para(((struct docx *)ctx)->doc, NULL, "", s, len);
}

static const int *grid_of(enum fmt_table t, int *n)
{
	if (t == TBL_2) {
		*n = sizeof grid_t2 / sizeof grid_t2[0];
		return grid_t2;
	}
	if (t == TBL_3) {
		*n = sizeof grid_t3 / sizeof grid_t3[0];
		return grid_t3;
	}
	*n = sizeof grid_t4 / sizeof grid_t4[0];
	return grid_t4;
}

/* The cell properties: width, span, merge, vertical centring. vmerge: 0 none, 1 restart,
 * 2 continue. */
static int cell_pr(struct buf *out, const int *grid, const struct lay_cell *lc, int vmerge)
{
	int w = 0, rc;

	for (int k = lc->col; k < lc->col + lc->colspan; k++)
		w += grid[k];
	if ((rc = buf_printf(out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w)))
		return rc;
	if (lc->colspan > 1 && (rc = buf_printf(out, "<w:gridSpan w:val=\"%d\"/>", lc->colspan)))
		return rc;
	if (vmerge && (rc = buf_puts(out, vmerge == 1 ? "<w:vMerge w:val=\"restart\"/>"
						      : "<w:vMerge/>")))
		return rc;
	return buf_puts(out, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static int on_table(void *ctx, const struct lay_table *t, const struct report_cells *c)
{
	struct docx *d = ctx;
	struct buf *out = d->doc;
	unsigned char owner[DOCX_MAX_ROWS][DOCX_MAX_COLS];
	short who[DOCX_MAX_ROWS][DOCX_MAX_COLS];
	int ngrid, rc;
	const int *grid = grid_of(t->table, &ngrid);

	if (t->nrows > DOCX_MAX_ROWS || t->ncols > DOCX_MAX_COLS || t->ncols != ngrid)
		return ERR_INTERNAL;
	memset(owner, 0, sizeof owner);
	for (int i = 0; i < t->n; i++)
		for (int r = t->c[i].row; r < t->c[i].row + t->c[i].rowspan; r++)
			for (int k = t->c[i].col; k < t->c[i].col + t->c[i].colspan; k++) {
				owner[r][k] = 1;
				who[r][k] = (short)i;
			}
	if ((rc = buf_printf(out, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
			     "<w:jc w:val=\"center\"/><w:tblBorders>"
			     "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			     "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
			     "<w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
			     "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr>\n<w:tblGrid>",
			     DOCX_TEXT_WIDTH)))
		return rc;
	for (int k = 0; k < ngrid && rc == 0; k++)
		rc = buf_printf(out, "<w:gridCol w:w=\"%d\"/>", grid[k]);
	if (rc == 0)
		rc = buf_puts(out, "</w:tblGrid>\n");
	for (int r = 0; r < t->nrows && rc == 0; r++) {
		rc = buf_puts(out, r < t->header_rows ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
							"</w:trPr>"
						      : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int k = 0; k < t->ncols && rc == 0;) {
			const struct lay_cell *lc;

			if (!owner[r][k])
				return ERR_INTERNAL;   /* a hole in the geometry: cannot happen */
			lc = &t->c[who[r][k]];
			if (lc->row != r) {
				rc = cell_pr(out, grid, lc, 2);
				if (rc == 0)
					rc = buf_puts(out, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
							   "</w:pPr></w:p></w:tc>");
			} else {
				const char *jc = lc->label && !lc->header && lc->rowspan == 1
						 ? "<w:jc w:val=\"left\"/>" : "";

				rc = cell_pr(out, grid, lc, lc->rowspan > 1);
				if (rc == 0 && lc->label)
					rc = docx_para(out, "TableText", jc, lc->label, strlen(lc->label));
				else if (rc == 0 && (rc = walk_cell_text(c, lc->cell, &d->num)) == 0)
					rc = docx_para(out, "TableText", "", d->num.ptr ? d->num.ptr : "",
						  d->num.len);
				if (rc == 0)
					rc = buf_puts(out, "</w:tc>");
			}
			k += lc->colspan;
		}
		if (rc == 0)
			rc = buf_puts(out, "</w:tr>\n");
	}
	if (rc == 0)
		rc = buf_puts(out, "</w:tbl>\n");
	return rc;
}

static int document_xml(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	static const struct walk_ops ops = { on_title, on_heading, on_para, on_table };
	struct docx d = { out, { 0 } };
	int rc;

	buf_init(&d.num, 64);
	if ((rc = docx_body_begin(out)) == 0 && (rc = walk_report(r, &ops, &d, e)) == 0)
		rc = docx_body_end(out);
	buf_free(&d.num);
	return rc;
}

int render_docx(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	struct docx_meta meta = { NULL, r->agency, 0, 0, 0 };
	struct buf doc, title;
	int rc;

	if (!r->cells.fmt)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	buf_init(&doc, 0);
	buf_init(&title, 0);
	date_split((int)(walk_fixed_time(r->year) / 86400), &meta.y, &meta.m, &meta.d);
	if ((rc = document_xml(r, &doc, e)) || (rc = fmt_title(r->agency, r->year, &title)))
		goto out;
	meta.title = buf_cstr(&title);
	rc = docx_package(&doc, &meta, out);
out:
	buf_free(&doc);
	buf_free(&title);
	if (rc && e && !e->code)
		err_set(e, rc, "report", rc == ERR_LIMIT ? "the DOCX is larger than the output allows"
							  : "cannot write the report as DOCX");
	return rc;
}

/*
 * figure.c — the 图解 ("一图读懂") of an annual report: its figures as one picture, drawn from
 * the report's own cells and nothing else.
 *
 * Top to bottom, in the report's order and with its exact wording (format.h):
 *   二、主动公开政府信息情况          a tile per cell of Table 二 (block title, row and column);
 *   三、收到和处理政府信息公开申请情况  tiles for 一（本年新收）, 二（上年结转）, （七）总计 and
 *                                 四（结转下年度继续办理）; a bar per outcome row of
 *                                 三、本年度办理结果, under its group （三）不予公开 … （六）;
 *                                 a bar per applicant type (申请人情况) of 一、本年新收;
 *   四、政府信息公开行政复议、行政诉讼情况  a bar per result of 行政复议 and of both kinds of
 *                                 行政诉讼, with their 总计.
 * Every number drawn is one cell of the report (its id and year on the text, see draw.h).
 * When the report carries the previous year's cells (annual_report.prev), each number has
 * that year's value beside it ("上年"), taken from the cell of the same id — none where the
 * format changed (2019 → 2021 Table 二). No sums, differences or percentages are drawn: they
 * would be numbers the report does not state; a tile says in words whether a figure rose.
 * The text alternative lists every number with its label (chart.h).
 * May use base/, text/, format/ and render/ (chart.h, draw.h).
 */
#include "render/render.h"

#include <string.h>

#include "render/chart.h"
#include "render/draw.h"
#include "render/walk.h"

#define MAX_TILES 32
#define MAX_BARS 40

/* Cell `id` of c (a report of `year`) as a chart value; has = 0 when c has no such cell or it
 * is ABSENT. */
static struct chart_value value(struct drawing *d, const struct report_cells *c, int year,
				const char *id)
{
	struct chart_value v = { 0, "", 0, NULL, 0 };
	struct buf t;
	int idx = c->fmt ? fmt_cell_index(c->fmt, id) : -1;

	if (idx < 0 || cells_state(c, idx) == CELL_ABSENT)
		return v;
	buf_init(&t, 64);
	if (cells_write(c, idx, 4, &t) == 0)
		v.text = arena_strdup(&d->a, buf_cstr(&t));
	buf_free(&t);
	v.has = 1;
	v.v = cells_get(c, idx);
	v.cell = fmt_cell(c->fmt, idx)->id;
	v.year = year;
	return v;
}

struct fig {
	const struct annual_report *r;
	struct drawing *d;
	struct chart c;
};

static void pair(struct fig *g, const char *id, struct chart_value *cur, struct chart_value *prev)
{
	*cur = value(g->d, &g->r->cells, g->r->year, id);
	*prev = value(g->d, &g->r->prev, g->r->year - 1, id);
}

static const char *heading(struct fig *g, enum section s)
{
	struct buf b;
	const char *h;

	buf_init(&b, 256);
	h = fmt_section_heading(g->r->cells.fmt, s, &b) == 0 ? arena_strdup(&g->d->a, buf_cstr(&b)) : "";
	buf_free(&b);
	return h;
}

/* 二: a tile per cell, kicker = the block title. */
static void table2(struct fig *g)
{
	const struct report_format *f = g->r->cells.fmt;
	struct chart_tile t[MAX_TILES];
	int n = 0;

	chart_heading(&g->c, heading(g, SEC_PROACTIVE));
	for (int b = 0; b < f->t2_nblocks; b++) {
		const struct fmt_t2_block *bl = &f->t2_blocks[b];

		for (int row = 0; row < bl->nrows; row++)
			for (int col = 0; col < bl->ncols && n < MAX_TILES; col++, n++) {
				const struct fmt_cell *fc = fmt_cell(f, fmt_t2_cell(f, b, row, col));

				t[n].kicker = bl->title;
				t[n].label = arena_printf(&g->d->a, "%s %s", bl->rows[row].label,
							  bl->cols[col].label);
				pair(g, fc->id, &t[n].cur, &t[n].prev);
			}
	}
	chart_tiles(&g->c, t, n, 3);
	chart_close(&g->c);
}

static const char *t3_id(struct fig *g, enum t3_row r, enum t3_col c)
{
	int idx = fmt_t3_cell(g->r->cells.fmt, r, c);

	return idx >= 0 ? fmt_cell(g->r->cells.fmt, idx)->id : "";
}

/* 三: the four totals, the outcomes, the applicants. */
static void table3(struct fig *g)
{
	const struct report_format *f = g->r->cells.fmt;
	static const enum t3_row tops[] = { T3R_NEW_RECEIVED, T3R_CARRIED_IN, T3R_HANDLED_TOTAL,
					    T3R_CARRIED_OUT };
	struct chart_tile t[4];
	struct chart_bar b[MAX_BARS];
	int n = 0, last_group = -1;

	chart_heading(&g->c, heading(g, SEC_APPLICATIONS));
	for (int i = 0; i < 4; i++) {
		const struct fmt_t3_row *row = &f->t3_rows[fmt_t3_pos(f, tops[i])];

		t[i].kicker = tops[i] == T3R_HANDLED_TOTAL ? f->t3_result : NULL;
		t[i].label = row->label;
		pair(g, t3_id(g, tops[i], T3C_TOTAL), &t[i].cur, &t[i].prev);
	}
	chart_tiles(&g->c, t, 4, 4);

	chart_subheading(&g->c, arena_printf(&g->d->a, "%s（%s）", f->t3_result,
					     f->t3_cols[T3C_TOTAL].label));
	for (int r = 0; r < f->t3_nrows && n < MAX_BARS; r++) {
		const struct fmt_t3_row *row = &f->t3_rows[r];

		if (!row->outcome)
			continue;
		memset(&b[n], 0, sizeof b[n]);
		if (row->group != last_group)
			b[n].group = row->group >= 0 ? f->t3_groups[row->group].label : "";
		last_group = row->group;
		b[n].label = row->label;
		b[n].paint = row->group >= 0 ? row->group + 2 : (row->key == T3R_PARTIAL ? 1 : 0);
		pair(g, t3_id(g, row->key, T3C_TOTAL), &b[n].cur, &b[n].prev);
		n++;
	}
	chart_bars(&g->c, b, n);

	chart_subheading(&g->c, arena_printf(&g->d->a, "%s（%s）", f->t3_applicant,
					     f->t3_rows[fmt_t3_pos(f, T3R_NEW_RECEIVED)].label));
	n = 0;
	for (int col = 0; col < T3C_TOTAL; col++, n++) {
		memset(&b[n], 0, sizeof b[n]);
		if (f->t3_cols[col].under_org && (col == 0 || !f->t3_cols[col - 1].under_org))
			b[n].group = f->t3_org;
		b[n].label = f->t3_cols[col].label;
		b[n].paint = col == 0 ? 0 : 1;
		pair(g, t3_id(g, T3R_NEW_RECEIVED, (enum t3_col)col), &b[n].cur, &b[n].prev);
	}
	chart_bars(&g->c, b, n);
	chart_close(&g->c);
}

/* 四: each group's results and total. */
static void table4(struct fig *g)
{
	const struct report_format *f = g->r->cells.fmt;
	struct chart_bar b[T4G__MAX * T4C__MAX];
	int n = 0;

	chart_heading(&g->c, heading(g, SEC_REVIEW_LITIGATION));
	for (int grp = 0; grp < T4G__MAX; grp++)
		for (int col = 0; col < T4C__MAX; col++, n++) {
			memset(&b[n], 0, sizeof b[n]);
			if (col == 0)
				b[n].group = f->t4_groups[grp].name;
			b[n].label = f->t4_cols[col].label;
			b[n].paint = col == T4C_TOTAL ? 5 : col;
			pair(g, fmt_cell(f, fmt_t4_cell(f, (enum t4_group)grp, (enum t4_col)col))->id,
			     &b[n].cur, &b[n].prev);
		}
	chart_bars(&g->c, b, n);
	chart_close(&g->c);
}

int render_figure(const struct annual_report *r, struct drawing *d, struct gk_error *e)
{
	struct fig g = { r, d, { 0 } };
	struct buf title;
	const char *note2 = NULL;
	int rc;

	draw_init(d, CHART_W, 0, "tujie", NULL);
	if (!r->cells.fmt)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	buf_init(&title, 1024);
	if ((rc = fmt_title(r->agency, r->year, &title)) != 0) {
		buf_free(&title);
		return err_set(e, rc, "agency", "the agency name is too long");
	}
	d->title = arena_printf(&d->a, "%s图解", buf_cstr(&title));
	chart_begin(&g.c, d, "上年");
	if (r->prev.fmt)
		note2 = arena_printf(&d->a, "“上年”为%s%d年政府信息公开工作年度报告中的数字。",
				     r->agency ? r->agency : "", r->year - 1);
	chart_title(&g.c, d->title, "图中数字均取自本年度报告的表格。", note2);
	table2(&g);
	table3(&g);
	table4(&g);
	chart_note(&g.c, arena_printf(&d->a, "数据来源：%s。", buf_cstr(&title)));
	buf_free(&title);
	return chart_finish(&g.c, e);
}

/* The 图解 of r written by the back end of kind k: svg, png (2 pixels per unit) or figure.pdf. */
static int figure_as(const struct annual_report *r, enum render_kind k, struct buf *out,
		     struct gk_error *e)
{
	struct drawing d;
	int rc;

	if ((rc = render_figure(r, &d, e)) == 0)
		rc = k == RENDER_SVG   ? draw_svg(&d, out, e)
		     : k == RENDER_PNG ? draw_png(&d, 2, out, e)
				       : draw_pdf(&d, r->agency, (long long)walk_fixed_time(r->year), out, e);
	draw_free(&d);
	return rc;
}

int render_svg(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	return figure_as(r, RENDER_SVG, out, e);
}

int render_png(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	return figure_as(r, RENDER_PNG, out, e);
}

int render_figure_pdf(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	return figure_as(r, RENDER_FIGURE_PDF, out, e);
}

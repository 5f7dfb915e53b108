/*
 * draw_svg.c — a drawing (draw.h) as SVG 1.1 text.
 *
 * The root <svg> has role="img", is named by its <title> and described by its <desc> (the
 * text alternative), and carries width, height and viewBox so it scales when a page sets its
 * width. Only presentation attributes are written (fill, stroke, font-size …): no style
 * attribute, no <style>, no script, no outside reference — the SVG can be inlined in a page
 * whose CSP is style-src 'self', or served as an image. Hatched fills are <pattern>s in <defs>,
 * one per colour and hatch used, in order of first use; their ids start with the drawing's id
 * so that several drawings can share one page. Every text goes through the one escaping writer
 * (tpl_escape_html). Coordinates are written with at most one decimal, so the same drawing
 * gives the same bytes on every machine and in every time zone.
 * May use base/, text/ and render/tpl.h.
 */
#include "render/draw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/tpl.h"
#include "text/utf8.h"

#define SVG_FONTS "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC'," \
		  "'SimHei',sans-serif"
#define MAX_PATTERNS 64

struct svg {
	struct buf *out;
	const struct drawing *d;
	uint32_t pat_fill[MAX_PATTERNS];
	enum draw_hatch pat_hatch[MAX_PATTERNS];
	int npat;
	int rc;
};

static void put(struct svg *s, const char *t)
{
	if (s->rc == 0)
		s->rc = buf_puts(s->out, t);
}

/* A coordinate: rounded to 0.1, without a trailing ".0". */
static void num(struct svg *s, double v)
{
	long long t = llround(v * 10);

	if (s->rc)
		return;
	if (t % 10 == 0)
		s->rc = buf_printf(s->out, "%lld", t / 10);
	else
		s->rc = buf_printf(s->out, "%s%lld.%lld", t < 0 ? "-" : "", llabs(t) / 10, llabs(t) % 10);
}

static void attr_num(struct svg *s, const char *name, double v)
{
	if (s->rc == 0)
		s->rc = buf_printf(s->out, " %s=\"", name);
	num(s, v);
	put(s, "\"");
}

static void colour(struct svg *s, const char *name, uint32_t c)
{
	if (s->rc == 0)
		s->rc = c == DRAW_NONE ? buf_printf(s->out, " %s=\"none\"", name)
				       : buf_printf(s->out, " %s=\"#%06X\"", name, (unsigned)c & 0xFFFFFF);
}

static void text(struct svg *s, const char *t)
{
	size_t len = strlen(t);

	if (s->rc == 0 && !utf8_valid(t, len))
		s->rc = ERR_INVALID;
	if (s->rc == 0)
		s->rc = tpl_escape_html(s->out, t, len);
}

static int pattern_index(struct svg *s, uint32_t fill, enum draw_hatch h)
{
	for (int i = 0; i < s->npat; i++)
		if (s->pat_fill[i] == fill && s->pat_hatch[i] == h)
			return i;
	return -1;
}

static void defs(struct svg *s)
{
	const struct drawing *d = s->d;

	for (size_t i = 0; i < d->n; i++) {
		const struct draw_item *it = &d->v[i];

		if (it->op != DRAW_RECT || it->hatch == HATCH_NONE || it->fill == DRAW_NONE ||
		    pattern_index(s, it->fill, it->hatch) >= 0)
			continue;
		if (s->npat == MAX_PATTERNS) {
			s->rc = ERR_LIMIT;
			return;
		}
		s->pat_fill[s->npat] = it->fill;
		s->pat_hatch[s->npat++] = it->hatch;
	}
	if (s->npat == 0)
		return;
	put(s, "<defs>\n");
	for (int i = 0; i < s->npat && s->rc == 0; i++) {
		const struct draw_hatch_def *h = draw_hatch_def(s->pat_hatch[i]);

		s->rc = buf_printf(s->out, "<pattern id=\"%s-p%d\" width=\"%g\" height=\"%g\" "
				   "patternUnits=\"userSpaceOnUse\"><rect width=\"%g\" height=\"%g\"",
				   d->id, i, DRAW_HATCH_TILE, DRAW_HATCH_TILE, DRAW_HATCH_TILE,
				   DRAW_HATCH_TILE);
		colour(s, "fill", s->pat_fill[i]);
		put(s, "/>");
		if (h->nseg) {
			put(s, "<path d=\"");
			for (int k = 0; k < h->nseg && s->rc == 0; k++)
				s->rc = buf_printf(s->out, "%sM%g %g L%g %g", k ? " " : "", h->seg[k][0],
						   h->seg[k][1], h->seg[k][2], h->seg[k][3]);
			if (s->rc == 0)
				s->rc = buf_printf(s->out, "\" stroke=\"#FFFFFF\" stroke-width=\"%g\"/>",
						   DRAW_HATCH_LINE);
		}
		if (h->dot && s->rc == 0)
			s->rc = buf_printf(s->out, "<circle cx=\"%g\" cy=\"%g\" r=\"%g\" fill=\"#FFFFFF\"/>",
					   DRAW_HATCH_TILE / 2, DRAW_HATCH_TILE / 2, DRAW_HATCH_DOT);
		put(s, "</pattern>\n");
	}
	put(s, "</defs>\n");
}

static void item(struct svg *s, const struct draw_item *it)
{
	static const char *const anchors[] = { "start", "middle", "end" };

	switch (it->op) {
	case DRAW_RECT:
		put(s, "<rect");
		attr_num(s, "x", it->x);
		attr_num(s, "y", it->y);
		attr_num(s, "width", it->w);
		attr_num(s, "height", it->h);
		if (it->hatch != HATCH_NONE && it->fill != DRAW_NONE) {
			if (s->rc == 0)
				s->rc = buf_printf(s->out, " fill=\"url(#%s-p%d)\"", s->d->id,
						   pattern_index(s, it->fill, it->hatch));
		} else {
			colour(s, "fill", it->fill);
		}
		if (it->stroke != DRAW_NONE) {
			colour(s, "stroke", it->stroke);
			attr_num(s, "stroke-width", it->stroke_w);
		}
		put(s, "/>\n");
		break;
	case DRAW_LINE:
		put(s, "<line");
		attr_num(s, "x1", it->x);
		attr_num(s, "y1", it->y);
		attr_num(s, "x2", it->x + it->w);
		attr_num(s, "y2", it->y + it->h);
		colour(s, "stroke", it->stroke);
		attr_num(s, "stroke-width", it->stroke_w);
		put(s, "/>\n");
		break;
	case DRAW_TEXT:
		put(s, "<text");
		attr_num(s, "x", it->x);
		attr_num(s, "y", it->y);
		attr_num(s, "font-size", it->size);
		if (it->bold)
			put(s, " font-weight=\"bold\"");
		if (it->anchor != ANCHOR_START && s->rc == 0)
			s->rc = buf_printf(s->out, " text-anchor=\"%s\"", anchors[it->anchor]);
		colour(s, "fill", it->fill);
		if (it->cell) {
			put(s, " data-cell=\"");
			text(s, it->cell);
			if (s->rc == 0)
				s->rc = buf_printf(s->out, "\" data-year=\"%d\"", it->year);
		}
		put(s, ">");
		text(s, it->text);
		put(s, "</text>\n");
		break;
	case DRAW_GROUP:
		put(s, "<g>");
		if (it->text) {
			put(s, "<title>");
			text(s, it->text);
			put(s, "</title>");
		}
		put(s, "\n");
		break;
	case DRAW_END:
		put(s, "</g>\n");
		break;
	}
}

int draw_svg(const struct drawing *d, struct buf *out, struct gk_error *e)
{
	struct svg s = { out, d, { 0 }, { 0 }, 0, d->rc };

	put(&s, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
	attr_num(&s, "width", d->w);
	attr_num(&s, "height", d->h);
	put(&s, " viewBox=\"0 0 ");
	num(&s, d->w);
	put(&s, " ");
	num(&s, d->h);
	if (s.rc == 0)
		s.rc = buf_printf(out, "\" role=\"img\" aria-labelledby=\"%s-title\" "
				  "aria-describedby=\"%s-desc\" font-family=\"%s\">\n<title id=\"%s-title\">",
				  d->id, d->id, SVG_FONTS, d->id);
	text(&s, d->title);
	if (s.rc == 0)
		s.rc = buf_printf(out, "</title>\n<desc id=\"%s-desc\">", d->id);
	text(&s, d->desc);
	put(&s, "</desc>\n");
	defs(&s);
	for (size_t i = 0; i < d->n && s.rc == 0; i++)
		item(&s, &d->v[i]);
	put(&s, "</svg>\n");
	if (s.rc)
		return err_set(e, s.rc, "figure", s.rc == ERR_LIMIT ? "the figure is too large"
								     : "the figure's text is not UTF-8");
	return 0;
}

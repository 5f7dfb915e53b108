/*
 * draw_cairo.c — a drawing (draw.h) as a PNG image or a one-page PDF, through cairo and Pango.
 *
 * The same shapes as the SVG writer (draw_svg.c), in the same order: rectangles filled with a
 * colour or a hatch (the tile of draw_hatch_def repeated from the origin, as the SVG's
 * userSpaceOnUse patterns), lines, and texts set by Pango in Noto Sans CJK SC (fonts-noto-cjk)
 * at the drawing's sizes, placed on their baseline with their anchor. The PNG is drawn at
 * `scale` pixels per unit on white; the PDF page is the drawing's size at 0.75 pt per unit
 * (1 CSS px), its fonts embedded and its text selectable, its creation date fixed by the
 * caller, so the same drawing gives the same bytes on the same fonts.
 * With pdf.c, the only file that includes cairo and Pango. May use base/ and text/.
 */
#include "render/draw.h"

#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "text/date.h"

#define FONT_FAMILY "Noto Sans CJK SC"
#define PNG_MAX_PIXELS (40u << 20)   /* 40 M pixels: a 2× picture 720 × 14 000 units */

struct out {
	struct buf *b;
	int rc;
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct out *o = closure;

	if (o->rc == 0)
		o->rc = buf_append(o->b, data, len);
	return o->rc ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void rgb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0,
			     (c & 0xFF) / 255.0);
}

/* The hatch over colour c as a repeating pattern in user units; res: pixels per unit of the
 * tile (a raster target), or 0 for a vector tile. */
static cairo_pattern_t *hatch_pattern(cairo_t *cr, uint32_t c, enum draw_hatch h, double res)
{
	const struct draw_hatch_def *def = draw_hatch_def(h);
	double px = res > 0 ? res : 1;
	cairo_surface_t *tile = cairo_surface_create_similar(cairo_get_target(cr),
							     CAIRO_CONTENT_COLOR,
							     (int)(DRAW_HATCH_TILE * px),
							     (int)(DRAW_HATCH_TILE * px));
	cairo_t *t = cairo_create(tile);
	cairo_pattern_t *p;
	cairo_matrix_t m;

	cairo_scale(t, px, px);
	rgb(t, c);
	cairo_paint(t);
	cairo_set_source_rgb(t, 1, 1, 1);
	cairo_set_line_width(t, DRAW_HATCH_LINE);
	for (int k = 0; k < def->nseg; k++) {
		cairo_move_to(t, def->seg[k][0], def->seg[k][1]);
		cairo_line_to(t, def->seg[k][2], def->seg[k][3]);
	}
	cairo_stroke(t);
	if (def->dot) {
		cairo_arc(t, DRAW_HATCH_TILE / 2, DRAW_HATCH_TILE / 2, DRAW_HATCH_DOT, 0, 2 * G_PI);
		cairo_fill(t);
	}
	cairo_destroy(t);
	p = cairo_pattern_create_for_surface(tile);
	cairo_surface_destroy(tile);
	cairo_pattern_set_extend(p, CAIRO_EXTEND_REPEAT);
	cairo_matrix_init_scale(&m, px, px);
	cairo_pattern_set_matrix(p, &m);
	return p;
}

static void text(cairo_t *cr, PangoLayout *layout, PangoFontDescription *font,
		 const struct draw_item *it)
{
	PangoRectangle logical;
	double x = it->x;

	pango_font_description_set_absolute_size(font, it->size * PANGO_SCALE);
	pango_font_description_set_weight(font, it->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, font);
	pango_layout_set_text(layout, it->text, -1);
	pango_layout_get_extents(layout, NULL, &logical);
	if (it->anchor == ANCHOR_MIDDLE)
		x -= logical.width / 2.0 / PANGO_SCALE;
	else if (it->anchor == ANCHOR_END)
		x -= (double)logical.width / PANGO_SCALE;
	rgb(cr, it->fill == DRAW_NONE ? DRAW_INK : it->fill);
	cairo_move_to(cr, x, it->y - (double)pango_layout_get_baseline(layout) / PANGO_SCALE);
	pango_cairo_show_layout(cr, layout);
}

/* Draw every shape of d on cr (user units = drawing units); res as for hatch_pattern. */
static void paint(cairo_t *cr, const struct drawing *d, double res)
{
	PangoLayout *layout = pango_cairo_create_layout(cr);
	PangoFontDescription *font = pango_font_description_from_string(FONT_FAMILY);

	pango_context_set_language(pango_layout_get_context(layout),
				   pango_language_from_string("zh-cn"));
	pango_layout_context_changed(layout);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, 0, 0, d->w, d->h);
	cairo_fill(cr);
	for (size_t i = 0; i < d->n; i++) {
		const struct draw_item *it = &d->v[i];

		switch (it->op) {
		case DRAW_RECT:
			cairo_rectangle(cr, it->x, it->y, it->w, it->h);
			if (it->fill != DRAW_NONE && it->hatch != HATCH_NONE) {
				cairo_pattern_t *p = hatch_pattern(cr, it->fill, it->hatch, res);
				cairo_set_source(cr, p);
				cairo_fill_preserve(cr);
				cairo_pattern_destroy(p);
			} else if (it->fill != DRAW_NONE) {
				rgb(cr, it->fill);
				cairo_fill_preserve(cr);
			}
			if (it->stroke != DRAW_NONE) {
				rgb(cr, it->stroke);
				cairo_set_line_width(cr, it->stroke_w);
				cairo_stroke(cr);
			} else {
				cairo_new_path(cr);
			}
			break;
		case DRAW_LINE:
			rgb(cr, it->stroke);
			cairo_set_line_width(cr, it->stroke_w);
			cairo_move_to(cr, it->x, it->y);
			cairo_line_to(cr, it->x + it->w, it->y + it->h);
			cairo_stroke(cr);
			break;
		case DRAW_TEXT:
			text(cr, layout, font, it);
			break;
		case DRAW_GROUP:
		case DRAW_END:
			break;
		}
	}
	pango_font_description_free(font);
	g_object_unref(layout);
}

/* rc as an error naming the picture's format (what). */
static int result(int rc, const char *what, struct gk_error *e)
{
	if (rc == 0)
		return 0;
	return err_set(e, rc, "figure", rc == ERR_LIMIT ? "the %s is larger than the output allows"
						       : "cannot write the picture as %s", what);
}

int draw_png(const struct drawing *d, double scale, struct buf *out, struct gk_error *e)
{
	struct out o = { out, d->rc };
	cairo_surface_t *s;
	cairo_t *cr;
	int w = (int)(d->w * scale + 0.5), h = (int)(d->h * scale + 0.5);

	if (o.rc == 0 && (w <= 0 || h <= 0 || (size_t)w * (size_t)h > PNG_MAX_PIXELS))
		o.rc = ERR_LIMIT;
	if (o.rc)
		return err_set(e, o.rc, "figure", "the picture is too large for a PNG");
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	paint(cr, d, scale);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	if (cairo_surface_write_to_png_stream(s, write_out, &o) != CAIRO_STATUS_SUCCESS && o.rc == 0)
		o.rc = ERR_INTERNAL;
	cairo_surface_destroy(s);
	return result(o.rc, "PNG", e);
}

int draw_pdf(const struct drawing *d, const char *author, long long created, struct buf *out,
	     struct gk_error *e)
{
	struct out o = { out, d->rc };
	cairo_surface_t *s;
	cairo_t *cr;
	char date[32], day[DATE_LEN];

	if (o.rc)
		return err_set(e, o.rc, "figure", "the picture is too large");
	snprintf(date, sizeof date, "%sT00:00:00Z", date_format((int)(created / 86400), day));
	s = cairo_pdf_surface_create_for_stream(write_out, &o, d->w * 0.75, d->h * 0.75);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author ? author : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "gongkai");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cr = cairo_create(s);
	cairo_scale(cr, 0.75, 0.75);
	paint(cr, d, 0);
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (o.rc == 0 && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		o.rc = ERR_INTERNAL;
	cairo_surface_destroy(s);
	return result(o.rc, "PDF", e);
}

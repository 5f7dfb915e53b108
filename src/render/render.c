/*
 * render.c — the kinds of rendering in one table: name, media type, binary or not, frozen on
 * publishing or not, and the renderer (see render.h).
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <stdbool.h>
#include <string.h>

#define R(fn) .plain = fn
#define OOXML "application/vnd.openxmlformats-officedocument."
/* The kinds: name, media type, whether the output is binary, whether publishing freezes it
 * (every kind but png and figure.pdf, the cairo drawings of the 图解, drawn on request from
 * the frozen cells — the frozen SVG is the same drawing — and ofd, laid out on request by the
 * engine of the frozen PDF), and the renderer (json's also lists the findings). */
static const struct kind {
	const char *name, *type;
	bool binary, frozen;
	int (*plain)(const struct annual_report *r, struct buf *out, struct gk_error *e);
	int (*with_findings)(const struct annual_report *r, const struct findings *f,
			     struct buf *out, struct gk_error *e);
} kinds[RENDER__MAX] = {
	[RENDER_TXT] = { "txt", "text/plain; charset=utf-8", false, true, R(render_txt) },
	[RENDER_MD] = { "md", "text/markdown; charset=utf-8", false, true, R(render_md) },
	[RENDER_HTML] = { "html", "text/html; charset=utf-8", false, true, R(render_html) },
	[RENDER_JSON] = { "json", "application/json", false, true, .with_findings = render_json },
	[RENDER_XLSX] = { "xlsx", OOXML "spreadsheetml.sheet", true, true, R(render_xlsx) },
	[RENDER_DOCX] = { "docx", OOXML "wordprocessingml.document", true, true, R(render_docx) },
	[RENDER_PDF] = { "pdf", "application/pdf", true, true, R(render_pdf) },
	[RENDER_SVG] = { "svg", "image/svg+xml", false, true, R(render_svg) },
	[RENDER_PNG] = { "png", "image/png", true, false, R(render_png) },
	[RENDER_FIGURE_PDF] = { "figure.pdf", "application/pdf", true, false, R(render_figure_pdf) },
	[RENDER_OFD] = { "ofd", "application/ofd", true, false, R(render_ofd) },
};
#undef R
#undef OOXML

int render_kind_by_name(const char *name)
{
	for (int k = 0; name && k < RENDER__MAX; k++)
		if (strcmp(kinds[k].name, name) == 0)
			return k;
	return -1;
}

const char *render_kind_name(enum render_kind k)
{
	return (unsigned)k < RENDER__MAX ? kinds[k].name : NULL;
}

const char *render_kind_type(enum render_kind k)
{
	return (unsigned)k < RENDER__MAX ? kinds[k].type : NULL;
}

int render_kind_binary(enum render_kind k)
{
	return (unsigned)k < RENDER__MAX && kinds[k].binary;
}

int render_kind_frozen(enum render_kind k)
{
	return (unsigned)k < RENDER__MAX && kinds[k].frozen;
}

int render_report(const struct annual_report *r, enum render_kind kind,
		  const struct findings *findings, struct buf *out, struct gk_error *e)
{
	if ((unsigned)kind >= RENDER__MAX)
		return err_set(e, ERR_INVALID, "--format", "unknown report format %d", (int)kind);
	if (kinds[kind].with_findings)
		return kinds[kind].with_findings(r, findings, out, e);
	return kinds[kind].plain(r, out, e);
}

/*
 * render.c — choosing a renderer by kind (see render.h).
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <string.h>

static const char *const names[RENDER__MAX] = { "txt", "md", "html", "json",
							"xlsx", "docx", "pdf", "svg", "png",
							"figure.pdf", "ofd" };

int render_kind_by_name(const char *name)
{
	for (int k = 0; name && k < RENDER__MAX; k++)
		if (strcmp(names[k], name) == 0)
			return k;
	return -1;
}

const char *render_kind_name(enum render_kind k)
{
	return (unsigned)k < RENDER__MAX ? names[k] : NULL;
}

const char *render_kind_type(enum render_kind k)
{
	static const char *const types[RENDER__MAX] = {
		"text/plain; charset=utf-8", "text/markdown; charset=utf-8", "text/html; charset=utf-8",
		"application/json",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"application/pdf",
		"image/svg+xml",
		"image/png",
		"application/pdf",
		"application/ofd",
	};

	return (unsigned)k < RENDER__MAX ? types[k] : NULL;
}

int render_kind_binary(enum render_kind k)
{
	return k == RENDER_XLSX || k == RENDER_DOCX || k == RENDER_PDF || k == RENDER_PNG ||
	       k == RENDER_FIGURE_PDF || k == RENDER_OFD;
}

int render_kind_frozen(enum render_kind k)
{
	return (unsigned)k < RENDER__MAX && k != RENDER_PNG && k != RENDER_FIGURE_PDF &&
	       k != RENDER_OFD;
}

int render_report(const struct annual_report *r, enum render_kind kind,
		  const struct findings *findings, struct buf *out, struct gk_error *e)
{
	switch (kind) {
	case RENDER_TXT:
		return render_txt(r, out, e);
	case RENDER_MD:
		return render_md(r, out, e);
	case RENDER_HTML:
		return render_html(r, out, e);
	case RENDER_JSON:
		return render_json(r, findings, out, e);
	case RENDER_XLSX:
		return render_xlsx(r, out, e);
	case RENDER_DOCX:
		return render_docx(r, out, e);
	case RENDER_PDF:
		return render_pdf(r, out, e);
	case RENDER_SVG:
		return render_svg(r, out, e);
	case RENDER_PNG:
		return render_png(r, out, e);
	case RENDER_FIGURE_PDF:
		return render_figure_pdf(r, out, e);
	case RENDER_OFD:
		return render_ofd(r, out, e);
	default:
		return err_set(e, ERR_INVALID, "--format", "unknown report format %d", (int)kind);
	}
}

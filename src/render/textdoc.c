/*
 * textdoc.c — a plain official document as a Word file: title, paragraphs, the organ and the
 * date at the end (render.h render_textdoc_docx). Used for the demo's attachments; laid out by
 * the one DOCX writer (docx_pkg.h). May use base/, text/.
 */
#include <string.h>

#include "render/docx_pkg.h"
#include "render/render.h"
#include "text/date.h"

int render_textdoc_docx(const char *title, const char *body, const char *organ, int day,
			struct buf *out, struct gk_error *e)
{
	struct docx_meta meta = { .title = title, .creator = organ };
	struct buf doc;
	char d[DATE_LEN];
	int rc;

	date_split(day, &meta.y, &meta.m, &meta.d);
	buf_init(&doc, 4u << 20);
	rc = docx_body_begin(&doc);
	if (rc == 0)
		rc = docx_para(&doc, "Title", "", title, strlen(title));
	for (const char *p = body; rc == 0 && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len)
			rc = docx_para(&doc, NULL, "", p, len);
		p += len + (nl != NULL);
	}
	if (rc == 0)
		rc = docx_para(&doc, NULL, "<w:jc w:val=\"right\"/>", organ, strlen(organ));
	if (rc == 0)
		rc = docx_para(&doc, NULL, "<w:jc w:val=\"right\"/>", date_format(day, d), 10);
	if (rc == 0)
		rc = docx_body_end(&doc);
	if (rc == 0)
		rc = docx_package(&doc, &meta, out);
	buf_free(&doc);
	return rc ? err_set(e, rc, "", "cannot write the Word file of '%s'", title) : 0;
}

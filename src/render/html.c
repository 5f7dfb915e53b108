/*
 * html.c — the annual report as a complete HTML page with the official table geometry.
 *
 * Tables come from layout.h (rowspan/colspan of spec §3.1, §4.2, §5): header cells <th>,
 * labels and numbers <td> (numbers class "n"). Narrative paragraphs (separated by blank lines)
 * become <p>, single line breaks <br>. Every text — agency, labels, narrative, numbers — goes
 * through the one escaping writer (tpl_escape_html, render/tpl.h), after a UTF-8 check. No
 * script, no outside resource.
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "render/layout.h"
#include "render/tpl.h"
#include "text/utf8.h"

static const char style[] =
	"body{font-family:\"FangSong\",\"仿宋\",\"SimSun\",\"宋体\",serif;max-width:60em;"
	"margin:2em auto;line-height:1.8}\n"
	"h1{text-align:center;font-size:1.5em}\n"
	"h2{font-size:1.15em}\n"
	"table{border-collapse:collapse;margin:1em 0}\n"
	"th,td{border:1px solid #000;padding:.2em .5em}\n"
	"th{font-weight:normal;text-align:center}\n"
	"td.n{text-align:center}\n"
	".table-wrap{overflow-x:auto}\n";

/* Escape s[0..len) for HTML; ERR_INVALID if it is not valid UTF-8. */
static int html_escape(struct buf *out, const char *s, size_t len)
{
	return utf8_valid(s, len) ? tpl_escape_html(out, s, len) : ERR_INVALID;
}

static int html_text(struct buf *out, const char *s)
{
	return html_escape(out, s, strlen(s));
}

static int html_table(const struct report_cells *c, enum fmt_table t, struct buf *out)
{
	struct lay_table *lt = xmalloc(sizeof *lt);
	int rc, row = -1;

	layout_build(c->fmt, t, lt);
	/* in a box of its own: a wide table scrolls there on a phone, never the page */
	rc = buf_printf(out, "<div class=\"table-wrap\"><table class=\"t%d\">\n", (int)t);
	for (int i = 0; i < lt->n && rc == 0; i++) {
		const struct lay_cell *lc = &lt->c[i];
		const char *tag = lc->header ? "th" : "td";
		struct buf num;

		if (lc->row != row) {
			rc = buf_puts(out, row < 0 ? "<tr>" : "</tr>\n<tr>");
			row = lc->row;
		}
		if (rc == 0)
			rc = buf_printf(out, "<%s", tag);
		if (rc == 0 && lc->rowspan > 1)
			rc = buf_printf(out, " rowspan=\"%d\"", lc->rowspan);
		if (rc == 0 && lc->colspan > 1)
			rc = buf_printf(out, " colspan=\"%d\"", lc->colspan);
		if (rc == 0)
			rc = buf_puts(out, lc->label ? ">" : " class=\"n\">");
		if (rc == 0 && lc->label) {
			rc = html_text(out, lc->label);
		} else if (rc == 0) {
			buf_init(&num, 64);
			if ((rc = cells_write(c, lc->cell, 4, &num)) == 0)
				rc = html_escape(out, buf_cstr(&num), num.len);
			buf_free(&num);
		}
		if (rc == 0)
			rc = buf_printf(out, "</%s>", tag);
	}
	if (rc == 0)
		rc = buf_puts(out, "</tr>\n</table></div>\n");
	free(lt);
	return rc;
}

/* Paragraphs: split at blank lines; inside one, line breaks become <br>. */
static int html_paragraphs(struct buf *out, const char *text)
{
	const char *p = text;
	int rc = 0;

	while (*p && rc == 0) {
		const char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t start = 0;

		while (start < len && strchr(" \t\r\n", p[start]))
			start++;
		while (len > start && strchr(" \t\r\n", p[len - 1]))
			len--;
		if (len > start) {
			rc = buf_puts(out, "<p>");
			for (size_t i = start; i < len && rc == 0;) {
				const char *nl = memchr(p + i, '\n', len - i);
				size_t n = nl ? (size_t)(nl - (p + i)) : len - i;
				rc = html_escape(out, p + i, n);
				if (rc == 0 && nl)
					rc = buf_puts(out, "<br>");
				i += n + (nl != NULL);
			}
			if (rc == 0)
				rc = buf_puts(out, "</p>\n");
		}
		p = end ? end + 2 : p + strlen(p);
	}
	return rc;
}

int render_html(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	const struct report_format *f = r->cells.fmt;
	struct buf title, heading;
	int rc;

	if (!f)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	buf_init(&title, 0);
	buf_init(&heading, 0);
	if ((rc = fmt_title(r->agency, r->year, &title)))
		goto out;
	if ((rc = buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
			   "<meta charset=\"utf-8\">\n<title>")) ||
	    (rc = html_escape(out, title.ptr, title.len)) ||
	    (rc = buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style)) ||
	    (rc = html_escape(out, title.ptr, title.len)) || (rc = buf_puts(out, "</h1>\n")))
		goto out;
	for (int s = 0; s < SEC__MAX && rc == 0; s++) {
		buf_reset(&heading);
		if ((rc = fmt_section_heading(f, s, &heading)) ||
		    (rc = buf_printf(out, "<h2 id=\"%s\">", fmt_section_id(s))) ||
		    (rc = html_escape(out, heading.ptr, heading.len)) || (rc = buf_puts(out, "</h2>\n")))
			goto out;
		if (r->section[s] && (rc = html_paragraphs(out, r->section[s])))
			goto out;
		if (s == SEC_PROACTIVE)
			rc = html_table(&r->cells, TBL_2, out);
		else if (s == SEC_APPLICATIONS)
			rc = html_table(&r->cells, TBL_3, out);
		else if (s == SEC_REVIEW_LITIGATION)
			rc = html_table(&r->cells, TBL_4, out);
	}
	if (rc == 0)
		rc = buf_puts(out, "</body>\n</html>\n");
out:
	buf_free(&title);
	buf_free(&heading);
	if (rc == ERR_INVALID)
		err_set(e, rc, "report", "the report text is not valid UTF-8");
	else if (rc)
		err_set(e, rc, "report", "cannot write the report as HTML");
	return rc;
}

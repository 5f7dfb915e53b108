/*
 * guide.c — the 公开指南 as text and HTML, feeds as Atom (see guide.h).
 */
#include "render/guide.h"

#include <string.h>

#include "render/tpl.h"

static int esc(struct buf *out, const char *s)
{
	return s ? tpl_escape_html(out, s, strlen(s)) : 0;
}

int render_guide_text(struct buf *out, const struct guide_model *g)
{
	int rc = buf_printf(out, "%s\n（根据 %s 的设置生成）\n", g->title, g->updated);

	for (size_t i = 0; i < g->nsections && rc == 0; i++) {
		const struct guide_section *s = &g->sections[i];
		rc = buf_printf(out, "%s%s\n", s->level == 1 ? "\n" : "", s->heading);
		for (size_t k = 0; k < s->nparas && rc == 0; k++)
			rc = buf_printf(out, "    %s\n", s->paras[k]);
	}
	for (size_t i = 0; i < g->nwarnings && rc == 0; i++)
		rc = buf_printf(out, "%s注意：%s\n", i == 0 ? "\n" : "", g->warnings[i]);
	return rc;
}

int render_guide_html(struct buf *out, const struct guide_model *g)
{
	int rc = buf_puts(out, "<article class=\"guide\">\n<h1>");

	rc = rc ? rc : esc(out, g->title);
	rc = rc ? rc : buf_puts(out, "</h1>\n<p class=\"updated\">更新日期：");
	rc = rc ? rc : esc(out, g->updated);
	rc = rc ? rc : buf_puts(out, "</p>\n");
	for (size_t i = 0; i < g->nsections && rc == 0; i++) {
		const struct guide_section *s = &g->sections[i];
		const char *h = s->level == 1 ? "h2" : "h3";
		rc = buf_printf(out, "<%s>", h);
		rc = rc ? rc : esc(out, s->heading);
		rc = rc ? rc : buf_printf(out, "</%s>\n", h);
		for (size_t k = 0; k < s->nparas && rc == 0; k++) {
			rc = buf_puts(out, "<p>");
			rc = rc ? rc : esc(out, s->paras[k]);
			rc = rc ? rc : buf_puts(out, "</p>\n");
		}
	}
	return rc ? rc : buf_puts(out, "</article>\n");
}

/* <name>escaped text</name> on its own line, nothing when text is NULL. */
static int element(struct buf *out, const char *indent, const char *name, const char *text)
{
	int rc;

	if (text == NULL)
		return 0;
	rc = buf_printf(out, "%s<%s>", indent, name);
	rc = rc ? rc : esc(out, text);
	return rc ? rc : buf_printf(out, "</%s>\n", name);
}

static int link(struct buf *out, const char *indent, const char *rel, const char *href)
{
	int rc;

	if (href == NULL)
		return 0;
	rc = buf_printf(out, "%s<link rel=\"%s\" href=\"", indent, rel);
	rc = rc ? rc : esc(out, href);
	return rc ? rc : buf_puts(out, "\"/>\n");
}

int render_atom(struct buf *out, const struct atom_feed *f)
{
	int rc = buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
			  "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");

	rc = rc ? rc : element(out, "  ", "id", f->id);
	rc = rc ? rc : element(out, "  ", "title", f->title);
	rc = rc ? rc : element(out, "  ", "updated", f->updated);
	rc = rc ? rc : link(out, "  ", "alternate", f->link);
	rc = rc ? rc : link(out, "  ", "self", f->self);
	if (rc == 0 && f->author) {
		rc = buf_puts(out, "  <author>\n");
		rc = rc ? rc : element(out, "    ", "name", f->author);
		rc = rc ? rc : buf_puts(out, "  </author>\n");
	}
	for (size_t i = 0; i < f->n && rc == 0; i++) {
		const struct atom_entry *e = &f->entries[i];
		rc = buf_puts(out, "  <entry>\n");
		rc = rc ? rc : element(out, "    ", "id", e->id);
		rc = rc ? rc : element(out, "    ", "title", e->title);
		rc = rc ? rc : link(out, "    ", "alternate", e->link);
		rc = rc ? rc : element(out, "    ", "published", e->published);
		rc = rc ? rc : element(out, "    ", "updated", e->updated);
		if (rc == 0 && e->author) {
			rc = buf_puts(out, "    <author>\n");
			rc = rc ? rc : element(out, "      ", "name", e->author);
			rc = rc ? rc : buf_puts(out, "    </author>\n");
		}
		if (rc == 0 && e->category) {
			rc = buf_puts(out, "    <category term=\"");
			rc = rc ? rc : esc(out, e->category);
			rc = rc ? rc : buf_puts(out, "\"/>\n");
		}
		rc = rc ? rc : element(out, "    ", "summary", e->summary);
		rc = rc ? rc : buf_puts(out, "  </entry>\n");
	}
	return rc ? rc : buf_puts(out, "</feed>\n");
}

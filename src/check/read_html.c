/*
 * read_html.c — the HTML page reader (libxml2's HTML parser; see reader.h).
 *
 * The page is decoded to UTF-8 first (decode.h: declared charset, gb2312/gbk read as GB18030,
 * or sniffed) and parsed with the encoding forced, so a wrong <meta> cannot re-decode it.
 * Text outside tables becomes one row per block (p, div, li, h1–h6, br …); <script>, <style>
 * and the like are skipped; <title> becomes a CHK_ROW_META row. A table whose cells hold other
 * tables is page layout and is read as flowing text; any other table is expanded into a grid:
 * rowspan and colspan are honoured (colspan ≤ 1000, rowspan clipped to the rows the table
 * has), and every grid position covered by a span is a CHK_CELL_SPAN cell, so the values of a
 * row always sit in the right columns.
 * The report file a page frames (iframe, embed, object) or links to is remembered, so a page
 * that only shows a PDF can say so (CAP-12) instead of being an empty report.
 * This file, read_docx.c, read_xlsx.c and ooxml.c are the only ones that include libxml2.
 */
#include "check/reader.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "base/mem.h"
#include "check/decode.h"

struct hctx {
	struct chk_doc *d;
	struct buf line;      /* text of the block being collected */
	unsigned next_flags;  /* flags for the next flushed line (heading) */
	int rc;
	struct gk_error *e;
};

/* What the reader does with an element, looked up once per element by its name (libxml2's
 * HTML parser gives names in lower case): most elements are none of these. */
enum tag {
	TAG_OTHER, TAG_A, TAG_BR, TAG_EMBED, TAG_FRAME, TAG_HEAD, TAG_IFRAME, TAG_META, TAG_OBJECT,
	TAG_TABLE, TAG_TD, TAG_TH, TAG_TITLE, TAG_TR,
};
#define TAG_SKIP  0x100  /* its text is not the page's: script, style, head … */
#define TAG_BLOCK 0x200  /* a block: the text before and after it are separate rows */
#define TAG_FRAMES 0x400 /* may show a report file: iframe, frame, embed, object */

static const struct { const char *name; unsigned tag; } tags[] = {  /* sorted by name */
	{ "a", TAG_A }, { "address", TAG_BLOCK }, { "article", TAG_BLOCK },
	{ "aside", TAG_BLOCK }, { "blockquote", TAG_BLOCK }, { "body", TAG_BLOCK },
	{ "br", TAG_BR }, { "caption", TAG_BLOCK }, { "center", TAG_BLOCK }, { "dd", TAG_BLOCK },
	{ "div", TAG_BLOCK }, { "dl", TAG_BLOCK }, { "dt", TAG_BLOCK },
	{ "embed", TAG_EMBED | TAG_SKIP | TAG_FRAMES }, { "fieldset", TAG_BLOCK },
	{ "figcaption", TAG_BLOCK }, { "figure", TAG_BLOCK }, { "footer", TAG_BLOCK },
	{ "form", TAG_BLOCK }, { "frame", TAG_FRAME | TAG_FRAMES }, { "h1", TAG_BLOCK },
	{ "h2", TAG_BLOCK }, { "h3", TAG_BLOCK }, { "h4", TAG_BLOCK }, { "h5", TAG_BLOCK },
	{ "h6", TAG_BLOCK }, { "head", TAG_HEAD | TAG_SKIP }, { "header", TAG_BLOCK },
	{ "hr", TAG_BLOCK }, { "html", TAG_BLOCK }, { "iframe", TAG_IFRAME | TAG_SKIP | TAG_FRAMES },
	{ "li", TAG_BLOCK }, { "main", TAG_BLOCK }, { "math", TAG_SKIP }, { "meta", TAG_META },
	{ "nav", TAG_BLOCK }, { "noscript", TAG_SKIP },
	{ "object", TAG_OBJECT | TAG_SKIP | TAG_FRAMES }, { "ol", TAG_BLOCK }, { "p", TAG_BLOCK },
	{ "pre", TAG_BLOCK }, { "script", TAG_SKIP }, { "section", TAG_BLOCK },
	{ "select", TAG_SKIP }, { "style", TAG_SKIP }, { "svg", TAG_SKIP },
	{ "table", TAG_TABLE | TAG_BLOCK }, { "tbody", TAG_BLOCK }, { "td", TAG_TD | TAG_BLOCK },
	{ "template", TAG_SKIP }, { "textarea", TAG_SKIP }, { "tfoot", TAG_BLOCK },
	{ "th", TAG_TH | TAG_BLOCK }, { "thead", TAG_BLOCK }, { "title", TAG_TITLE },
	{ "tr", TAG_TR | TAG_BLOCK }, { "ul", TAG_BLOCK },
};

/* The element's tag and flags (TAG_OTHER for text and unknown elements). */
static unsigned tag_of(const xmlNode *n)
{
	size_t lo = 0, hi = sizeof tags / sizeof tags[0];

	if (n->type != XML_ELEMENT_NODE || !n->name)
		return TAG_OTHER;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp((const char *)n->name, tags[mid].name);
		if (c == 0)
			return tags[mid].tag;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return TAG_OTHER;
}

#define TAG(t) ((t) & 0xff)

static int step(struct hctx *c)
{
	if (!c->rc)
		c->rc = chk_doc_step(c->d, "page", c->e);
	return c->rc != 0;
}

/* Append text with whitespace runs collapsed to one space. */
static int add_text(struct buf *b, const char *s)
{
	static const char space[] = " \t\n\r\f";
	int rc = 0;

	while (*s && rc == 0) {
		size_t run = strcspn(s, space);  /* text up to the next whitespace, copied whole */

		if (run) {
			rc = buf_append(b, s, run);
			s += run;
		} else {
			if (b->len && b->ptr[b->len - 1] != ' ')
				rc = buf_putc(b, ' ');
			s += strspn(s, space);
		}
	}
	return rc;
}

static void flush(struct hctx *c)
{
	if (c->rc)
		return;
	if (c->line.len) {
		int rc = chk_doc_line(c->d, c->line.ptr, c->line.len, c->next_flags);
		if (rc)
			c->rc = err_set(c->e, rc, "", "page has too many rows");
		c->next_flags = 0;
	}
	buf_reset(&c->line);
}

/* Text of a node's subtree, whitespace collapsed, block breaks as spaces. */
static void cell_text(struct hctx *c, const xmlNode *n, struct buf *out, int depth)
{
	for (; n && !c->rc; n = n->next) {
		if (step(c))
			return;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content && add_text(out, (const char *)n->content))
				c->rc = err_set(c->e, ERR_LIMIT, "", "table cell is too long");
		} else if (n->type == XML_ELEMENT_NODE) {
			unsigned t = tag_of(n);
			if (t & TAG_SKIP)
				continue;
			if (TAG(t) == TAG_BR || (t & TAG_BLOCK)) {
				if (out->len && out->ptr[out->len - 1] != ' ' && buf_putc(out, ' '))
					c->rc = ERR_LIMIT;
			}
			if (depth < CHK_MAX_DEPTH)
				cell_text(c, n->children, out, depth + 1);
		}
	}
}

/* Collect the rows (tr) of a table, not entering nested tables. */
static void collect_rows(const xmlNode *n, const xmlNode ***rows, size_t *nrows, size_t *cap,
			 int depth)
{
	for (; n; n = n->next) {
		unsigned t;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = tag_of(n);
		if (TAG(t) == TAG_TR) {
			if (*nrows == *cap) {
				*cap = *cap ? *cap * 2 : 32;
				*rows = xrealloc(*rows, *cap * sizeof **rows);
			}
			(*rows)[(*nrows)++] = n;
		} else if (TAG(t) != TAG_TABLE && depth < CHK_MAX_DEPTH) {
			collect_rows(n->children, rows, nrows, cap, depth + 1);
		}
	}
}

static int has_table_inside(const xmlNode *n, int depth)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (TAG(tag_of(n)) == TAG_TABLE)
			return 1;
		if (depth < CHK_MAX_DEPTH && has_table_inside(n->children, depth + 1))
			return 1;
	}
	return 0;
}

static long span_attr(const xmlNode *n, const char *attr, long dflt, long max)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	long x = 0;
	const char *p;
	int any = 0;

	if (!v)
		return dflt;
	for (p = (const char *)v; *p == ' '; p++)
		;
	for (; *p >= '0' && *p <= '9'; p++) {
		any = 1;
		if (x < 100000000)
			x = x * 10 + (*p - '0');
	}
	xmlFree(v);
	if (!any)
		return dflt;
	if (x > max)
		x = max;
	return x;
}

static void table_grid(struct hctx *c, const xmlNode *table)
{
	const xmlNode **rows = NULL;
	size_t nrows = 0, cap = 0, r;
	long *rem = NULL;    /* rows still covered by a rowspan, per column */
	size_t width = 0;
	struct buf text;
	int t = c->d->ntables++;

	collect_rows(table->children, &rows, &nrows, &cap, 0);
	rem = xcalloc(CHK_MAX_COLS, sizeof *rem);
	buf_init(&text, CHK_MAX_INPUT);
	for (r = 0; r < nrows && !c->rc; r++) {
		const xmlNode *cell;
		size_t col = 0;
		int rc;

		if ((rc = chk_doc_row(c->d, CHK_ROW_TABLE, t, NULL)) != 0) {
			c->rc = err_set(c->e, rc, "", "table has too many rows");
			break;
		}
		for (cell = rows[r]->children; cell && !c->rc; cell = cell->next) {
			long cs, rs, k;
			unsigned kind = TAG(tag_of(cell));
			if (kind != TAG_TD && kind != TAG_TH)
				continue;
			while (col < CHK_MAX_COLS && rem[col] > 0 && !c->rc) {
				rem[col]--;
				if (step(c) || chk_doc_cell(c->d, "", 0, CHK_CELL_SPAN))
					goto limit;
				col++;
			}
			if (col >= CHK_MAX_COLS)
				break;
			cs = span_attr(cell, "colspan", 1, CHK_MAX_COLS);
			rs = span_attr(cell, "rowspan", 1, 65534);
			if (cs < 1)
				cs = 1;
			if ((size_t)cs > CHK_MAX_COLS - col)
				cs = (long)(CHK_MAX_COLS - col);
			if (rs == 0 || (size_t)rs > nrows - r)
				rs = (long)(nrows - r);  /* rowspan=0: to the end of the table */
			buf_reset(&text);
			cell_text(c, cell->children, &text, 0);
			if (c->rc)
				break;
			if (chk_doc_cell(c->d, text.ptr ? text.ptr : "", text.len, 0))
				goto limit;
			for (k = 0; k < cs; k++) {
				rem[col + (size_t)k] = rs - 1;
				if (k > 0 && (step(c) || chk_doc_cell(c->d, "", 0, CHK_CELL_SPAN)))
					goto limit;
			}
			col += (size_t)cs;
			if (col > width)
				width = col;
		}
		/* Positions after the last cell still covered from above. */
		while (col < width && !c->rc) {
			if (rem[col] > 0) {
				rem[col]--;
				if (step(c) || chk_doc_cell(c->d, "", 0, CHK_CELL_SPAN))
					goto limit;
			} else if (chk_doc_cell(c->d, "", 0, CHK_CELL_SPAN)) {
				goto limit;
			}
			col++;
		}
	}
	goto done;
limit:
	if (!c->rc)
		c->rc = err_set(c->e, ERR_LIMIT, "", "table is too large (more than %d cells)",
				CHK_MAX_CELLS);
done:
	buf_free(&text);
	free(rem);
	free(rows);
}

/* The publishing organ a government page declares in its head (<meta name="ContentSource">,
 * the 信息来源 of the national site standard): a META row "发布机构:X", read only for the organ. */
static void note_source(struct hctx *c, const xmlNode *n)
{
	xmlChar *name = xmlGetProp(n, (const xmlChar *)"name"), *v;

	if (name && xmlStrcasecmp(name, (const xmlChar *)"ContentSource") == 0 &&
	    (v = xmlGetProp(n, (const xmlChar *)"content")) != NULL) {
		if (xmlStrlen(v) > 0 && xmlStrlen(v) < 200) {
			char *line = xasprintf("发布机构:%s", (const char *)v);
			if (chk_doc_line(c->d, line, strlen(line), CHK_ROW_META))
				c->rc = ERR_LIMIT;
			free(line);
		}
		xmlFree(v);
	}
	xmlFree(name);
}

/* A URL naming a report file: .pdf .doc .docx .xls .xlsx .wps .et .ofd before ? # & or the end
 * (also a PDF viewer's viewer.html?file=…pdf). */
static int report_file_url(const char *u)
{
	static const char *const ext[] = { ".pdf", ".docx", ".doc", ".xlsx", ".xls", ".wps", ".et",
					   ".ofd", NULL };
	for (const char *p = u; *p; p++) {
		if (*p != '.')
			continue;
		for (int i = 0; ext[i]; i++) {
			size_t n = strlen(ext[i]), k;
			for (k = 0; k < n; k++) {
				char ch = p[k];
				if (ch >= 'A' && ch <= 'Z')
					ch += 32;
				if (ch != ext[i][k])
					break;
			}
			if (k == n && (p[n] == '\0' || p[n] == '?' || p[n] == '#' || p[n] == '&'))
				return 1;
		}
	}
	return 0;
}

/* Remember the report file a page frames (iframe, frame, embed, object) or first links to. */
static void note_target(struct hctx *c, const xmlNode *n, unsigned t)
{
	const char *attr = TAG(t) == TAG_OBJECT ? "data" : TAG(t) == TAG_A ? "href" : "src";
	int frames = (t & TAG_FRAMES) != 0;
	xmlChar *v;

	if ((frames && c->d->framed) || (!frames && (c->d->linked || TAG(t) != TAG_A)))
		return;
	if ((v = xmlGetProp(n, (const xmlChar *)attr)) == NULL)
		return;
	if (strlen((const char *)v) < 1024 && report_file_url((const char *)v)) {
		if (frames)
			c->d->framed = arena_strdup(&c->d->arena, (const char *)v);
		else
			c->d->linked = arena_strdup(&c->d->arena, (const char *)v);
	}
	xmlFree(v);
}

static void walk(struct hctx *c, const xmlNode *n, int depth)
{
	for (; n && !c->rc; n = n->next) {
		unsigned t;
		if (step(c))
			return;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content && add_text(&c->line, (const char *)n->content))
				c->rc = err_set(c->e, ERR_LIMIT, "", "paragraph is too long");
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = tag_of(n);
		if (TAG(t) == TAG_TITLE) {
			struct buf title;
			buf_init(&title, 1 << 20);
			flush(c);
			cell_text(c, n->children, &title, 0);
			if (!c->rc && title.len && chk_doc_line(c->d, title.ptr, title.len, CHK_ROW_META))
				c->rc = ERR_LIMIT;
			buf_free(&title);
			continue;
		}
		if (TAG(t) == TAG_META) {
			note_source(c, n);
			continue;
		}
		if (TAG(t) == TAG_HEAD) {
			/* Only the title of the head is text. */
			walk(c, n->children, depth + 1);
			flush(c);
			continue;
		}
		if ((t & TAG_FRAMES) || TAG(t) == TAG_A)
			note_target(c, n, t);
		if (t & TAG_SKIP)
			continue;
		if (TAG(t) == TAG_TABLE && !has_table_inside(n->children, 0)) {
			flush(c);
			table_grid(c, n);
			continue;
		}
		if (TAG(t) == TAG_BR) {
			flush(c);
			continue;
		}
		if (t & TAG_BLOCK) {
			flush(c);
			if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2])
				c->next_flags = CHK_ROW_HEADING;
		}
		if (depth >= CHK_MAX_DEPTH) {
			c->rc = err_set(c->e, ERR_LIMIT, "", "page is nested deeper than %d elements",
					CHK_MAX_DEPTH);
			return;
		}
		walk(c, n->children, depth + 1);
		if (t & TAG_BLOCK)
			flush(c);
	}
}

int chk_read_html_utf8(const char *text, size_t len, struct chk_doc *d, struct gk_error *e)
{
	htmlDocPtr doc;
	struct hctx c = { .d = d, .e = e };
	size_t i = len;
	int rc;

	if (len > (size_t)0x7fffffff)
		return err_set(e, ERR_LIMIT, "", "page is too large");
	doc = htmlReadMemory(text, (int)len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	/* libxml2 keeps a copy of the last error per thread until the next one: forget it, so
	 * a page read leaves nothing behind it (its text is not ours to show anyway) */
	xmlResetLastError();
	if (doc == NULL)
		return err_set(e, ERR_INVALID, "", "cannot parse the HTML page");
	buf_init(&c.line, CHK_MAX_INPUT);
	walk(&c, xmlDocGetRootElement(doc), 0);
	flush(&c);
	buf_free(&c.line);
	rc = c.rc;
	/* A page cut short has no closing </html>; the parser does not say, so look at the bytes. */
	while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\r' ||
			 text[i - 1] == '\t'))
		i--;
	if (rc == 0)
		d->cut = !(i >= 1 && text[i - 1] == '>');
	xmlFreeDoc(doc);
	return rc;
}

int chk_read_html(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e)
{
	struct buf text;
	enum chk_charset cs;
	int rc;

	if (len > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, "", "page is %zu bytes, larger than the %zu MB limit", len,
			       CHK_MAX_INPUT >> 20);
	buf_init(&text, CHK_MAX_INPUT * 2);
	if ((rc = chk_decode(raw, len, &text, &cs, NULL, NULL, e)) == 0) {
		d->charset = chk_charset_name(cs);
		rc = chk_read_html_utf8(text.ptr ? text.ptr : "", text.len, d, e);
	}
	buf_free(&text);
	return rc;
}

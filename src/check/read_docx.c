/*
 * read_docx.c — the DOCX reader (libzip + libxml2 through ooxml.h; see reader.h).
 *
 * Reads word/document.xml from the zip (at most CHK_MAX_DOCX_XML bytes uncompressed, whatever
 * the zip directory claims) and walks the body in order: a paragraph (w:p) becomes a line of
 * text handled like a line of a text capture (tabs separate cells), a table (w:tbl) becomes
 * grid rows: w:gridSpan adds CHK_CELL_SPAN cells after a cell, a w:vMerge continuation cell is
 * a CHK_CELL_SPAN cell, w:gridBefore adds leading span cells. Deleted text (w:delText) is not
 * read. The XML is parsed without network access and without entity substitution.
 */
#include "check/reader.h"

#include <string.h>

#include "check/decode.h"
#include "check/ooxml.h"

struct dctx {
	struct chk_doc *d;
	int rc;
	struct gk_error *e;
};

static int dstep(struct dctx *c)
{
	if (!c->rc)
		c->rc = chk_doc_step(c->d, "document", c->e);
	return c->rc != 0;
}

/* The w:val attribute of the first child element named `name` of n (NULL if absent). */
static xmlChar *child_val(const xmlNode *n, const char *name, int *present)
{
	const xmlNode *k;
	*present = 0;
	for (k = n ? n->children : NULL; k; k = k->next) {
		if (chk_xml_is(k, name)) {
			*present = 1;
			return xmlGetNsProp(k, (const xmlChar *)"val", k->ns ? k->ns->href : NULL);
		}
	}
	return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	const xmlNode *k;
	for (k = n ? n->children : NULL; k; k = k->next)
		if (chk_xml_is(k, name))
			return k;
	return NULL;
}

static long val_number(xmlChar *v, long dflt, long max)
{
	long x = 0;
	const char *p;
	if (!v)
		return dflt;
	for (p = (const char *)v; *p >= '0' && *p <= '9'; p++)
		if (x < 100000)
			x = x * 10 + (*p - '0');
	xmlFree(v);
	if (p == (const char *)v || x < 1)
		return dflt;
	return x > max ? max : x;
}

/* Text of runs under n: w:t text, w:tab → '\t' (or ' ' inside table cells), w:br/w:cr → '\n'
 * (' ' in cells). */
static void run_text(struct dctx *c, const xmlNode *n, struct buf *out, int in_cell, int depth)
{
	for (; n && !c->rc; n = n->next) {
		if (dstep(c))
			return;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (chk_xml_is(n, "t")) {
			xmlChar *s = xmlNodeGetContent(n);
			if (s && buf_puts(out, (const char *)s))
				c->rc = err_set(c->e, ERR_LIMIT, "", "paragraph is too long");
			xmlFree(s);
		} else if (chk_xml_is(n, "tab")) {
			if (buf_putc(out, in_cell ? ' ' : '\t'))
				c->rc = ERR_LIMIT;
		} else if (chk_xml_is(n, "br") || chk_xml_is(n, "cr")) {
			if (buf_putc(out, in_cell ? ' ' : '\n'))
				c->rc = ERR_LIMIT;
		} else if (chk_xml_is(n, "p") && in_cell) {
			if (out->len && buf_putc(out, ' '))
				c->rc = ERR_LIMIT;
			run_text(c, n->children, out, in_cell, depth + 1);
		} else if (chk_xml_is(n, "delText") || chk_xml_is(n, "pPr") || chk_xml_is(n, "rPr") ||
			   chk_xml_is(n, "tcPr") || chk_xml_is(n, "trPr") || chk_xml_is(n, "tblPr")) {
			continue;
		} else if (depth < CHK_MAX_DEPTH) {
			run_text(c, n->children, out, in_cell, depth + 1);
		}
	}
}

static void add_paragraph(struct dctx *c, const xmlNode *p)
{
	struct buf b;
	const char *s, *end;

	buf_init(&b, CHK_MAX_INPUT);
	run_text(c, p->children, &b, 0, 0);
	s = b.ptr ? b.ptr : "";
	end = s + b.len;
	while (!c->rc && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		int rc = chk_text_line(c->d, s, (size_t)((nl ? nl : end) - s), 0);
		if (rc)
			c->rc = err_set(c->e, rc, "", "document has too many rows or cells");
		s = nl ? nl + 1 : end;
	}
	buf_free(&b);
}

/* The first w:tc at or after n (after n if `after`), looking inside content controls
 * (w:sdt/w:sdtContent, w:customXml) that wrap cells; climbs back out of them. */
static const xmlNode *next_cell(const xmlNode *n, int after)
{
	for (;;) {
		if (n && after) {
			after = 0;
			if (n->next) {
				n = n->next;
			} else {
				/* climb out of wrappers up to the row */
				const xmlNode *p = n->parent;
				while (p && !chk_xml_is(p, "tr") && !p->next)
					p = p->parent;
				if (!p || chk_xml_is(p, "tr"))
					return NULL;
				n = p->next;
			}
		}
		if (!n)
			return NULL;
		if (chk_xml_is(n, "tc"))
			return n;
		if ((chk_xml_is(n, "sdt") || chk_xml_is(n, "sdtContent") || chk_xml_is(n, "customXml")) &&
		    n->children) {
			n = n->children;
			continue;
		}
		after = 1;
	}
}

static void add_table(struct dctx *c, const xmlNode *tbl)
{
	const xmlNode *tr, *tc;
	int t = c->d->ntables++;
	struct buf b;

	buf_init(&b, CHK_MAX_INPUT);
	for (tr = tbl->children; tr && !c->rc; tr = tr->next) {
		int present;
		long before;
		if (!chk_xml_is(tr, "tr"))
			continue;
		if (chk_doc_row(c->d, CHK_ROW_TABLE, t, NULL)) {
			c->rc = err_set(c->e, ERR_LIMIT, "", "table has too many rows");
			break;
		}
		before = val_number(child_val(child(tr, "trPr"), "gridBefore", &present), 0, CHK_MAX_COLS);
		for (long k = 0; k < before && !c->rc; k++)
			if (dstep(c) || chk_doc_cell(c->d, "", 0, CHK_CELL_SPAN))
				c->rc = c->rc ? c->rc : err_set(c->e, ERR_LIMIT, "", "table is too large");
		for (tc = next_cell(tr->children, 0); tc && !c->rc; tc = next_cell(tc, 1)) {
			const xmlNode *pr;
			xmlChar *vm;
			long span;
			int merged = 0;
			pr = child(tc, "tcPr");
			span = val_number(child_val(pr, "gridSpan", &present), 1, CHK_MAX_COLS);
			vm = child_val(pr, "vMerge", &present);
			if (present && (vm == NULL || strcmp((const char *)vm, "restart") != 0))
				merged = 1;
			if (vm)
				xmlFree(vm);
			buf_reset(&b);
			if (!merged)
				run_text(c, tc->children, &b, 1, 0);
			if (c->rc)
				break;
			if (chk_doc_cell(c->d, b.ptr ? b.ptr : "", b.len, merged ? CHK_CELL_SPAN : 0)) {
				c->rc = err_set(c->e, ERR_LIMIT, "", "table is too large");
				break;
			}
			for (long k = 1; k < span && !c->rc; k++)
				if (dstep(c) || chk_doc_cell(c->d, "", 0, CHK_CELL_SPAN))
					c->rc = c->rc ? c->rc
						      : err_set(c->e, ERR_LIMIT, "", "table is too large");
		}
	}
	buf_free(&b);
}

static void body_walk(struct dctx *c, const xmlNode *n, int depth)
{
	for (; n && !c->rc; n = n->next) {
		if (dstep(c))
			return;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (chk_xml_is(n, "p"))
			add_paragraph(c, n);
		else if (chk_xml_is(n, "tbl"))
			add_table(c, n);
		else if (depth < CHK_MAX_DEPTH)
			body_walk(c, n->children, depth + 1);  /* w:sdt, w:customXml, … */
	}
}

int chk_read_docx(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e)
{
	zip_t *z = NULL;
	xmlDocPtr doc = NULL;
	struct dctx c = { .d = d, .e = e };
	int rc;

	if (len > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, "", "file is %zu bytes, larger than the %zu MB limit", len,
			       CHK_MAX_INPUT >> 20);
	if ((rc = chk_zip_open(raw, len, "DOCX", &z, e)) != 0)
		return rc;
	rc = chk_zip_xml(z, "word/document.xml", CHK_MAX_DOCX_XML, &doc, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_INVALID, "", "not a DOCX: no word/document.xml in the zip");
	if (rc == 0) {
		body_walk(&c, xmlDocGetRootElement(doc), 0);
		rc = c.rc;
	}
	if (doc)
		xmlFreeDoc(doc);
	zip_discard(z);
	return rc;
}

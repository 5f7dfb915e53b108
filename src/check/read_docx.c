/*
 * read_docx.c — the DOCX reader (libzip + libxml2; see reader.h).
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

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "check/decode.h"

struct dctx {
	struct chk_doc *d;
	long steps;
	int rc;
	struct gk_error *e;
};

static int local_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static int dstep(struct dctx *c)
{
	if (++c->steps > CHK_MAX_STEPS) {
		c->rc = err_set(c->e, ERR_LIMIT, "", "document is too complex (more than %ld steps)",
				CHK_MAX_STEPS);
		return 1;
	}
	return 0;
}

/* The w:val attribute of the first child element named `name` of n (NULL if absent). */
static xmlChar *child_val(const xmlNode *n, const char *name, int *present)
{
	const xmlNode *k;
	*present = 0;
	for (k = n ? n->children : NULL; k; k = k->next) {
		if (local_is(k, name)) {
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
		if (local_is(k, name))
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
		if (local_is(n, "t")) {
			xmlChar *s = xmlNodeGetContent(n);
			if (s && buf_puts(out, (const char *)s))
				c->rc = err_set(c->e, ERR_LIMIT, "", "paragraph is too long");
			xmlFree(s);
		} else if (local_is(n, "tab")) {
			if (buf_putc(out, in_cell ? ' ' : '\t'))
				c->rc = ERR_LIMIT;
		} else if (local_is(n, "br") || local_is(n, "cr")) {
			if (buf_putc(out, in_cell ? ' ' : '\n'))
				c->rc = ERR_LIMIT;
		} else if (local_is(n, "p") && in_cell) {
			if (out->len && buf_putc(out, ' '))
				c->rc = ERR_LIMIT;
			run_text(c, n->children, out, in_cell, depth + 1);
		} else if (local_is(n, "delText") || local_is(n, "pPr") || local_is(n, "rPr") ||
			   local_is(n, "tcPr") || local_is(n, "trPr") || local_is(n, "tblPr")) {
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
				while (p && !local_is(p, "tr") && !p->next)
					p = p->parent;
				if (!p || local_is(p, "tr"))
					return NULL;
				n = p->next;
			}
		}
		if (!n)
			return NULL;
		if (local_is(n, "tc"))
			return n;
		if ((local_is(n, "sdt") || local_is(n, "sdtContent") || local_is(n, "customXml")) &&
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
		if (!local_is(tr, "tr"))
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
		if (local_is(n, "p"))
			add_paragraph(c, n);
		else if (local_is(n, "tbl"))
			add_table(c, n);
		else if (depth < CHK_MAX_DEPTH)
			body_walk(c, n->children, depth + 1);  /* w:sdt, w:customXml, … */
	}
}

/* Read one zip member into b (at most max bytes). */
static int zip_member(zip_t *z, const char *name, struct buf *b, size_t max, struct gk_error *e)
{
	zip_file_t *f;
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;

	if ((f = zip_fopen(z, name, 0)) == NULL)
		return err_set(e, ERR_INVALID, "", "not a DOCX: no %s in the zip", name);
	while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
		if (b->len + (size_t)n > max || buf_append(b, chunk, (size_t)n)) {
			rc = err_set(e, ERR_LIMIT, "", "%s is larger than %zu MB uncompressed", name,
				     max >> 20);
			break;
		}
	}
	if (rc == 0 && n < 0)
		rc = err_set(e, ERR_INVALID, "", "cannot read %s from the zip: %s", name,
			     zip_strerror(z));
	zip_fclose(f);
	return rc;
}

int chk_read_docx(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e)
{
	zip_error_t zerr;
	zip_source_t *src = NULL;
	zip_t *z = NULL;
	struct buf xml;
	xmlDocPtr doc = NULL;
	struct dctx c = { .d = d, .e = e };
	int rc = 0;

	if (len > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, "", "file is %zu bytes, larger than the %zu MB limit", len,
			       CHK_MAX_INPUT >> 20);
	buf_init(&xml, CHK_MAX_DOCX_XML);
	zip_error_init(&zerr);
	if ((src = zip_source_buffer_create(raw, len, 0, &zerr)) == NULL) {
		rc = err_set(e, ERR_INVALID, "", "cannot read the zip: %s", zip_error_strerror(&zerr));
		goto out;
	}
	if ((z = zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL) {
		rc = err_set(e, ERR_INVALID, "", "not a valid DOCX (broken zip: %s)",
			     zip_error_strerror(&zerr));
		zip_source_free(src);
		goto out;
	}
	if ((rc = zip_member(z, "word/document.xml", &xml, CHK_MAX_DOCX_XML, e)) != 0)
		goto out;
	if (xml.len > (size_t)0x7fffffff) {
		rc = err_set(e, ERR_LIMIT, "", "word/document.xml is too large");
		goto out;
	}
	doc = xmlReadMemory(xml.ptr ? xml.ptr : "", (int)xml.len, "document.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			    XML_PARSE_COMPACT);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		rc = err_set(e, ERR_INVALID, "", "not a valid DOCX: word/document.xml is not XML");
		goto out;
	}
	body_walk(&c, xmlDocGetRootElement(doc), 0);
	rc = c.rc;
out:
	if (doc)
		xmlFreeDoc(doc);
	if (z)
		zip_discard(z);
	zip_error_fini(&zerr);
	buf_free(&xml);
	return rc;
}

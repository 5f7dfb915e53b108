/*
 * read_xlsx.c — the XLSX reader (libzip + libxml2 through ooxml.h; see reader.h).
 *
 * Some organs attach the report's tables as a spreadsheet. Every worksheet is read in the
 * workbook's order (xl/workbook.xml, its relationships for the sheet paths), each row of
 * sheetData becoming a table row of cells from the sheet's first used column: shared strings
 * (rich-text runs joined, phonetic runs left out), inline strings, numbers as written, booleans.
 * A position covered by a merged range (mergeCells) other than its top-left cell is a
 * CHK_CELL_SPAN cell, as for an HTML rowspan/colspan, so values stay in their columns.
 * Bounded like the DOCX reader: each member at most CHK_MAX_DOCX_XML bytes uncompressed,
 * CHK_MAX_COLS columns, CHK_MAX_CELLS cells, CHK_MAX_STEPS steps.
 */
#include "check/reader.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "check/decode.h"
#include "check/ooxml.h"

#define XLSX_MAX_MERGES 4096
#define XLSX_MAX_SHEETS 64

struct merge { long r1, c1, r2, c2; };

struct xctx {
	struct chk_doc *d;
	struct gk_error *e;
	char **shared;        /* shared strings, arena-owned */
	size_t nshared;
	struct merge merges[XLSX_MAX_MERGES];
	size_t nmerges;
	int rc;
};

static int xstep(struct xctx *c)
{
	if (!c->rc)
		c->rc = chk_doc_step(c->d, "workbook", c->e);
	return c->rc != 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
		if (chk_xml_is(k, name))
			return k;
	return NULL;
}

/* The text of every <t> under n, leaving out phonetic runs (<rPh>). */
static void text_of(struct xctx *c, const xmlNode *n, struct buf *out, int depth)
{
	for (; n && !c->rc; n = n->next) {
		if (xstep(c))
			return;
		if (n->type != XML_ELEMENT_NODE || chk_xml_is(n, "rPh"))
			continue;
		if (chk_xml_is(n, "t")) {
			xmlChar *s = xmlNodeGetContent(n);
			if (s && buf_puts(out, (const char *)s))
				c->rc = err_set(c->e, ERR_LIMIT, "", "cell text is too long");
			xmlFree(s);
		} else if (depth < CHK_MAX_DEPTH) {
			text_of(c, n->children, out, depth + 1);
		}
	}
}

static void read_shared(struct xctx *c, xmlDocPtr doc)
{
	const xmlNode *sst = xmlDocGetRootElement(doc), *si;
	size_t n = 0, k = 0;
	struct buf b;

	for (si = sst->children; si; si = si->next)
		n += chk_xml_is(si, "si");
	if (n > CHK_MAX_CELLS) {
		c->rc = err_set(c->e, ERR_LIMIT, "", "workbook has too many strings");
		return;
	}
	c->shared = arena_alloc(&c->d->arena, (n + 1) * sizeof *c->shared);
	buf_init(&b, CHK_MAX_INPUT);
	for (si = sst->children; si && !c->rc; si = si->next) {
		if (!chk_xml_is(si, "si"))
			continue;
		buf_reset(&b);
		text_of(c, si->children, &b, 0);
		c->shared[k++] = arena_strndup(&c->d->arena, b.ptr ? b.ptr : "", b.len);
	}
	c->nshared = k;
	buf_free(&b);
}

/* "AB12" → column 28 (1-based) and row 12; 0 if malformed. */
static int cell_ref(const char *s, long *row, long *col)
{
	long cc = 0, rr = 0;
	const char *p = s;

	for (; *p >= 'A' && *p <= 'Z'; p++)
		if ((cc = cc * 26 + (*p - 'A' + 1)) > 100000)
			return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((rr = rr * 10 + (*p - '0')) > 10000000)
			return 0;
	if (*p || cc == 0 || rr == 0 || p == s)
		return 0;
	*row = rr, *col = cc;
	return 1;
}

static void read_merges(struct xctx *c, const xmlNode *ws)
{
	const xmlNode *mc = child(ws, "mergeCells");

	c->nmerges = 0;
	for (const xmlNode *m = mc ? mc->children : NULL; m; m = m->next) {
		xmlChar *ref;
		char *colon;
		struct merge g;
		if (!chk_xml_is(m, "mergeCell") || c->nmerges == XLSX_MAX_MERGES)
			continue;
		if ((ref = xmlGetProp(m, (const xmlChar *)"ref")) == NULL)
			continue;
		colon = strchr((char *)ref, ':');
		if (colon) {
			*colon = '\0';
			if (cell_ref((char *)ref, &g.r1, &g.c1) && cell_ref(colon + 1, &g.r2, &g.c2) &&
			    g.r1 <= g.r2 && g.c1 <= g.c2)
				c->merges[c->nmerges++] = g;
		}
		xmlFree(ref);
	}
}

/* 1 if (row, col) is covered by a merged range but is not its top-left cell. */
static int covered(struct xctx *c, long row, long col)
{
	for (size_t i = 0; i < c->nmerges; i++) {
		const struct merge *g = &c->merges[i];
		if (xstep(c))
			return 0;
		if (row >= g->r1 && row <= g->r2 && col >= g->c1 && col <= g->c2)
			return !(row == g->r1 && col == g->c1);
	}
	return 0;
}

/* The value of cell c as text, into out. */
static void cell_value(struct xctx *c, const xmlNode *cell, struct buf *out)
{
	xmlChar *t = xmlGetProp(cell, (const xmlChar *)"t");
	const xmlNode *v = child(cell, "v");
	xmlChar *vs = v ? xmlNodeGetContent(v) : NULL;
	const char *type = t ? (const char *)t : "n";
	int rc = 0;

	if (strcmp(type, "s") == 0 && vs) {
		char *end;
		unsigned long k = strtoul((const char *)vs, &end, 10);
		if (end != (char *)vs && k < c->nshared)
			rc = buf_puts(out, c->shared[k]);
	} else if (strcmp(type, "inlineStr") == 0) {
		text_of(c, cell->children, out, 0);
	} else if (strcmp(type, "b") == 0 && vs) {
		rc = buf_puts(out, strcmp((const char *)vs, "1") == 0 ? "TRUE" : "FALSE");
	} else if (vs) {
		rc = buf_puts(out, (const char *)vs);
	}
	if (rc)
		c->rc = err_set(c->e, ERR_LIMIT, "", "cell text is too long");
	xmlFree(t);
	xmlFree(vs);
}

/* The first used column of the sheet (1-based), from the cells' references. */
static long first_column(const xmlNode *data)
{
	long first = CHK_MAX_COLS, r, col;
	for (const xmlNode *row = data ? data->children : NULL; row; row = row->next)
		for (const xmlNode *cell = chk_xml_is(row, "row") ? row->children : NULL; cell;
		     cell = cell->next) {
			xmlChar *ref;
			if (!chk_xml_is(cell, "c") || !(ref = xmlGetProp(cell, (const xmlChar *)"r")))
				continue;
			if (cell_ref((const char *)ref, &r, &col) && col < first)
				first = col;
			xmlFree(ref);
		}
	return first == CHK_MAX_COLS ? 1 : first;
}

static int add_cell(struct xctx *c, const char *s, size_t len, unsigned flags)
{
	if (xstep(c))
		return 1;
	if (chk_doc_cell(c->d, s, len, flags)) {
		c->rc = err_set(c->e, ERR_LIMIT, "", "workbook has more than %d cells", CHK_MAX_CELLS);
		return 1;
	}
	return 0;
}

static void read_row(struct xctx *c, const xmlNode *row, long rownum, long first, int table,
		     struct buf *b)
{
	long next = first, r, col;

	if (chk_doc_row(c->d, CHK_ROW_TABLE, table, NULL)) {
		c->rc = err_set(c->e, ERR_LIMIT, "", "workbook has too many rows");
		return;
	}
	for (const xmlNode *cell = row->children; cell && !c->rc; cell = cell->next) {
		xmlChar *ref;
		if (!chk_xml_is(cell, "c"))
			continue;
		ref = xmlGetProp(cell, (const xmlChar *)"r");
		if (!ref || !cell_ref((const char *)ref, &r, &col))
			col = next;  /* references are optional: the next column */
		xmlFree(ref);
		if (col < next || col - first >= CHK_MAX_COLS)
			continue;
		for (; next < col && !c->rc; next++)  /* empty or merged positions before it */
			if (add_cell(c, "", 0, covered(c, rownum, next) ? CHK_CELL_SPAN : 0))
				return;
		buf_reset(b);
		cell_value(c, cell, b);
		if (c->rc || add_cell(c, b->ptr ? b->ptr : "", b->len,
				      covered(c, rownum, col) ? CHK_CELL_SPAN : 0))
			return;
		next = col + 1;
	}
}

static void read_sheet(struct xctx *c, xmlDocPtr doc)
{
	const xmlNode *ws = xmlDocGetRootElement(doc), *data = child(ws, "sheetData");
	long first = first_column(data), rownum = 0;
	int table = c->d->ntables++;
	struct buf b;

	read_merges(c, ws);
	buf_init(&b, CHK_MAX_INPUT);
	for (const xmlNode *row = data ? data->children : NULL; row && !c->rc; row = row->next) {
		xmlChar *r;
		char *end;
		if (!chk_xml_is(row, "row"))
			continue;
		r = xmlGetProp(row, (const xmlChar *)"r");
		rownum = r ? strtol((const char *)r, &end, 10) : rownum + 1;
		xmlFree(r);
		read_row(c, row, rownum, first, table, &b);
	}
	buf_free(&b);
}

/* The sheet paths in workbook order: xl/workbook.xml's sheets resolved through its
 * relationships; where those are missing, xl/worksheets/sheet1.xml, sheet2.xml, … */
static size_t sheet_paths(struct xctx *c, zip_t *z, char **paths)
{
	xmlDocPtr wb = NULL, rels = NULL;
	size_t n = 0;

	if (chk_zip_xml(z, "xl/workbook.xml", CHK_MAX_DOCX_XML, &wb, NULL) == 0 &&
	    chk_zip_xml(z, "xl/_rels/workbook.xml.rels", CHK_MAX_DOCX_XML, &rels, NULL) == 0) {
		const xmlNode *sheets = child(xmlDocGetRootElement(wb), "sheets");
		for (const xmlNode *s = sheets ? sheets->children : NULL; s && n < XLSX_MAX_SHEETS;
		     s = s->next) {
			xmlChar *id;
			if (!chk_xml_is(s, "sheet"))
				continue;
			id = xmlGetNsProp(s, (const xmlChar *)"id", (const xmlChar *)
					  "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
			for (const xmlNode *r = xmlDocGetRootElement(rels)->children; id && r; r = r->next) {
				xmlChar *rid, *target;
				if (!chk_xml_is(r, "Relationship"))
					continue;
				rid = xmlGetProp(r, (const xmlChar *)"Id");
				target = xmlGetProp(r, (const xmlChar *)"Target");
				if (rid && target && strcmp((char *)rid, (char *)id) == 0 &&
				    strlen((char *)target) < 200)
					paths[n++] = target[0] == '/' ? xasprintf("%s", (char *)target + 1)
								      : xasprintf("xl/%s", (char *)target);
				xmlFree(rid);
				xmlFree(target);
			}
			xmlFree(id);
		}
	}
	if (wb)
		xmlFreeDoc(wb);
	if (rels)
		xmlFreeDoc(rels);
	for (int k = 1; n == 0 && k <= XLSX_MAX_SHEETS; k++) {
		char *p = xasprintf("xl/worksheets/sheet%d.xml", k);
		if (zip_name_locate(z, p, 0) < 0) {
			free(p);
			break;
		}
		paths[n++] = p;
		if (k == XLSX_MAX_SHEETS)
			break;
	}
	(void)c;
	return n;
}

int chk_read_xlsx(const char *raw, size_t len, struct chk_doc *d, struct gk_error *e)
{
	struct xctx *c = xcalloc(1, sizeof *c);
	char *paths[XLSX_MAX_SHEETS];
	xmlDocPtr doc = NULL;
	zip_t *z = NULL;
	size_t n = 0;
	int rc;

	c->d = d, c->e = e;
	if ((rc = chk_zip_open(raw, len, "XLSX", &z, e)) != 0)
		goto out;
	rc = chk_zip_xml(z, "xl/sharedStrings.xml", CHK_MAX_DOCX_XML, &doc, e);
	if (rc == 0)
		read_shared(c, doc);
	else if (rc != ERR_NOTFOUND)
		goto out;
	if (doc)
		xmlFreeDoc(doc), doc = NULL;
	if ((rc = c->rc) != 0)
		goto out;
	if ((n = sheet_paths(c, z, paths)) == 0) {
		rc = err_set(e, ERR_INVALID, "", "not a valid XLSX: no worksheet in the workbook");
		goto out;
	}
	for (size_t k = 0; k < n && rc == 0; k++) {
		rc = chk_zip_xml(z, paths[k], CHK_MAX_DOCX_XML, &doc, e);
		if (rc == ERR_NOTFOUND)
			rc = err_set(e, ERR_INVALID, "", "not a valid XLSX: no %s in the zip", paths[k]);
		if (rc == 0) {
			read_sheet(c, doc);
			rc = c->rc;
		}
		if (doc)
			xmlFreeDoc(doc), doc = NULL;
	}
out:
	for (size_t k = 0; k < n; k++)
		free(paths[k]);
	if (z)
		zip_discard(z);
	free(c);
	return rc;
}

/*
 * ooxml.c — zip members of DOCX / XLSX packages (see ooxml.h).
 */
#include "check/ooxml.h"

#include <string.h>

#include <libxml/parser.h>

#include "text/xmlerr.h"

int chk_zip_open(const char *raw, size_t len, const char *what, zip_t **z, struct gk_error *e)
{
	zip_error_t zerr;
	zip_source_t *src;
	int rc = 0;

	*z = NULL;
	zip_error_init(&zerr);
	if ((src = zip_source_buffer_create(raw, len, 0, &zerr)) == NULL) {
		rc = err_set(e, ERR_INVALID, "", "cannot read the zip: %s", zip_error_strerror(&zerr));
	} else if ((*z = zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL) {
		rc = err_set(e, ERR_INVALID, "", "not a valid %s (broken zip: %s)", what,
			     zip_error_strerror(&zerr));
		zip_source_free(src);
	}
	zip_error_fini(&zerr);
	return rc;
}

int chk_zip_member(zip_t *z, const char *name, struct buf *b, size_t max, struct gk_error *e)
{
	zip_file_t *f;
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;

	if (zip_name_locate(z, name, 0) < 0)
		return ERR_NOTFOUND;
	if ((f = zip_fopen(z, name, 0)) == NULL)
		return err_set(e, ERR_INVALID, "", "cannot open %s in the zip: %s", name,
			       zip_strerror(z));
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

/* The member parsed, with libxml2's encoding errors caught (text/xmlerr.h). */
static xmlDocPtr parse_member(const char *s, size_t len, const char *name, int *bad_encoding)
{
	struct xml_catch c;
	xmlDocPtr doc;

	xml_catch_begin(&c);
	doc = xmlReadMemory(s, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	xml_catch_end(&c);
	xmlResetLastError();   /* see chk_read_html_utf8 */
	*bad_encoding = c.encoding;
	return doc;
}

int chk_zip_xml(zip_t *z, const char *name, size_t max, xmlDocPtr *doc, struct gk_error *e)
{
	struct buf b;
	int rc, bad_encoding;

	*doc = NULL;
	buf_init(&b, max);
	if ((rc = chk_zip_member(z, name, &b, max, e)) == 0) {
		if (b.len > (size_t)0x7fffffff) {
			rc = err_set(e, ERR_LIMIT, "", "%s is too large", name);
		} else {
			*doc = parse_member(b.ptr ? b.ptr : "", b.len, name, &bad_encoding);
			if (*doc == NULL || xmlDocGetRootElement(*doc) == NULL) {
				if (*doc)
					xmlFreeDoc(*doc);
				*doc = NULL;
				rc = bad_encoding ?
				     err_set(e, ERR_INVALID, "", "%s is not XML: its bytes are not in "
					     "the encoding it declares", name) :
				     err_set(e, ERR_INVALID, "", "%s is not XML", name);
			}
		}
	}
	buf_free(&b);
	return rc;
}

int chk_xml_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

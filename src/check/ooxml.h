/*
 * ooxml.h — the zip package of an Office Open XML document (DOCX, XLSX): open it from memory
 * and read one member, bounded whatever the zip directory claims, and parse a member as XML
 * without network access or entity substitution. Used by read_docx.c and read_xlsx.c (and the
 * fuzz corpus test, to take a document apart).
 * May call base/, text/xmlerr.h (libzip and libxml2 are included here and in those readers).
 */
#ifndef GK_CHECK_OOXML_H
#define GK_CHECK_OOXML_H

#include <stddef.h>

#include <libxml/tree.h>
#include <zip.h>

#include "base/buf.h"
#include "base/err.h"

/* Open the zip in raw[0..len) (raw must outlive *z); what names the document ("DOCX",
 * "XLSX") for messages. Close with zip_discard. */
int chk_zip_open(const char *raw, size_t len, const char *what, zip_t **z,
		 struct gk_error *e) GK_WUR;

/* Member name, at most max bytes uncompressed, appended to b. ERR_NOTFOUND if absent
 * (e is then left alone), ERR_LIMIT past max, ERR_INVALID if it cannot be read. */
int chk_zip_member(zip_t *z, const char *name, struct buf *b, size_t max,
		   struct gk_error *e) GK_WUR;

/* Member name parsed as XML into *doc (free with xmlFreeDoc). Errors as chk_zip_member, and
 * ERR_INVALID naming the member when it is not XML. */
int chk_zip_xml(zip_t *z, const char *name, size_t max, xmlDocPtr *doc,
		struct gk_error *e) GK_WUR;

/* 1 if n is an element with the local name `name` (any namespace). */
int chk_xml_is(const xmlNode *n, const char *name);

#endif

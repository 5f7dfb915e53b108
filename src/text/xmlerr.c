/*
 * xmlerr.c — libxml2's errors outside a parser's context, caught (see xmlerr.h).
 */
#include "text/xmlerr.h"

#include <libxml/globals.h>

static void note(void *ctx, xmlErrorPtr err)
{
	struct xml_catch *c = ctx;

	if (err && (err->domain == XML_FROM_I18N ||
		    (err->domain == XML_FROM_IO && err->code == XML_IO_ENCODER)))
		c->encoding = 1;
}

void xml_catch_begin(struct xml_catch *c)
{
	c->old = xmlStructuredError;
	c->old_ctx = xmlStructuredErrorContext;
	c->encoding = 0;
	xmlSetStructuredErrorFunc(c, note);
}

void xml_catch_end(struct xml_catch *c)
{
	xmlSetStructuredErrorFunc(c->old_ctx, c->old);
}

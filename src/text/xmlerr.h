/*
 * xmlerr.h — the errors libxml2 reports outside a parser's context.
 *
 * An encoding that does not fit the bytes (a part declaring GBK written in UTF-8) is reported
 * by libxml2 to the thread's error handler — written to stderr by default — whatever the parse
 * options (XML_PARSE_NOERROR silences only the parser's own). Between xml_catch_begin and
 * xml_catch_end, the thread's handler notes them instead, so that the caller can say what was
 * wrong; the handler that was set before is put back. Per thread, as libxml2's handler is.
 * May use base/ only.
 */
#ifndef GK_TEXT_XMLERR_H
#define GK_TEXT_XMLERR_H

#include <libxml/xmlerror.h>

struct xml_catch {
	xmlStructuredErrorFunc old;
	void *old_ctx;
	int encoding;    /* an encoding error was reported */
};

void xml_catch_begin(struct xml_catch *c);
void xml_catch_end(struct xml_catch *c);

#endif

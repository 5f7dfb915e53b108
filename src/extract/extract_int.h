/*
 * extract_int.h — the readers run inside the extraction process (extract.c's child): each
 * appends the text of one file to out and returns NULL, or a short English reason it could not
 * read the file (what was appended before is kept). Only the extract module includes this.
 */
#ifndef GK_EXTRACT_EXTRACT_INT_H
#define GK_EXTRACT_EXTRACT_INT_H

#include <stddef.h>

#include "base/buf.h"

const char *extract_pdf(const char *data, size_t len, struct buf *out);
const char *extract_docx(const char *data, size_t len, struct buf *out);
const char *extract_xlsx(const char *data, size_t len, struct buf *out);

#endif

/* fuzz_extract.c — the attachment text readers on arbitrary bytes (src/extract/extract_zip.c):
 * each input is read as a DOCX and as an XLSX, as the extraction process reads an uploaded
 * file (the unzip limit, libxml2's reader without network or entities). Nothing may crash,
 * hang or leak (the parent checks the text is UTF-8, extract/extract.c).
 * PDF is read by poppler (Debian), not by gongkai's code, so it is not a target here. */
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "extract/extract_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_as(const char *(*reader)(const char *, size_t, struct buf *), const uint8_t *data,
		    size_t size)
{
	struct buf out;

	buf_init(&out, 8 << 20);   /* what the parent reads of the child's output */
	(void)reader((const char *)data, size, &out);
	buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_as(extract_docx, data, size);
	read_as(extract_xlsx, data, size);
	return 0;
}

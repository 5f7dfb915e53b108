/* fuzz_check_docx.c — the report checker on a .docx capture (zip, XML, the document's paragraphs
 * and tables, extraction, rules): the bytes are the XML of word/document.xml, or a whole
 * package when they start as a zip does (see fuzz_check_docx in fuzz_check.h). Seed corpus:
 * fuzz/corpus/fuzz_check_docx. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_docx(data, size, "fuzz.docx");
	return 0;
}

/* fuzz_check_sniff.c — the report checker on arbitrary bytes with no file name: content
 * sniffing picks the reader (PDF, DOCX, XLSX, HTML, HTML in a script string, JSON, text) and the
 * rest follows: see fuzz_check.h. Seed corpus: fuzz/corpus/fuzz_check_sniff. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_input(data, size, NULL);
	return 0;
}

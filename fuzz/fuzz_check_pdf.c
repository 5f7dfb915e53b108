/* fuzz_check_pdf.c — the report checker on arbitrary bytes read as a .pdf (poppler, the
 * positional table rebuild, extraction, rules): see fuzz_check.h. Seed corpus:
 * fuzz/corpus/fuzz_check_pdf. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_input(data, size, "fuzz.pdf");
	return 0;
}

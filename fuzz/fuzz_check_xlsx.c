/* fuzz_check_xlsx.c — the report checker on a .xlsx capture (zip, XML, the workbook's shared
 * strings and worksheet rows, merged cells, extraction, rules): the bytes are the XML of a
 * worksheet, the shared strings before it when they hold a NUL, or a whole package when they
 * start as a zip does (see fuzz_check_xlsx in fuzz_check.h). Seed corpus:
 * fuzz/corpus/fuzz_check_xlsx. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_xlsx(data, size, "fuzz.xlsx");
	return 0;
}

/* fuzz_check_text.c — the report checker on arbitrary bytes read as a .text capture (reader,
 * charset decoding, extraction, rules): see fuzz_check.h. Seed corpus: fuzz/corpus/fuzz_check_text. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_input(data, size, "fuzz.text");
	return 0;
}

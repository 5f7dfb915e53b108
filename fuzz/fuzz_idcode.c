/* fuzz_idcode.c — the 统一社会信用代码 and 身份证 validators on arbitrary bytes: nothing may
 * crash or read past the string; whatever is accepted has 18 characters and its check
 * character recomputes to itself. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/idcode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64];
	struct gk_error e = { 0 };

	if (size >= sizeof s)
		size = sizeof s - 1;
	memcpy(s, data, size);
	s[size] = '\0';
	if (idcode_uscc_validate(s, "code", &e) == 0 &&
	    (strlen(s) != USCC_LEN || idcode_uscc_check_char(s) != s[17]))
		abort();
	if (idcode_resident_id_validate(s, "id", &e) == 0) {
		char want = idcode_resident_id_check_char(s);
		if (strlen(s) != RESIDENT_ID_LEN || (s[17] != want && !(s[17] == 'x' && want == 'X')))
			abort();
	}
	return 0;
}

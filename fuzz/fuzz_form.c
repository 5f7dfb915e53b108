/* fuzz_form.c — request body parsers on arbitrary bytes: urlencoded and multipart (the first
 * line of the input is the Content-Type header); nothing may crash or read out of bounds. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "web/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct form f = { 0 }, g = { 0 };
	struct gk_error e = { 0 };
	const char *nl = memchr(data, '\n', size);
	char ct[256] = "multipart/form-data; boundary=B";
	const char *body = (const char *)data;
	size_t len = size;

	arena_init(&a);
	if (nl && (size_t)(nl - (const char *)data) < sizeof ct) {
		memcpy(ct, data, (size_t)(nl - (const char *)data));
		ct[nl - (const char *)data] = '\0';
		body = nl + 1;
		len = size - (size_t)(nl + 1 - (const char *)data);
	}
	(void)!form_parse_multipart(&a, &f, ct, body, len, 4096, &e);
	(void)!form_parse_urlencoded(&a, &g, (const char *)data, size, &e);
	arena_free(&a);
	return 0;
}

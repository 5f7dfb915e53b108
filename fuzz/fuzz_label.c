/* fuzz_label.c — the report-label normalisation and matchers on arbitrary bytes (the report
 * reader feeds them text from untrusted pages): nothing may crash, and a label's key is
 * stable (the cached and the computed key agree). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf a, b;

	buf_init(&a, 0);
	buf_init(&b, 0);
	if (fmt_label_key(s, size, &a, NULL) == 0 && fmt_label_key(s, size, &b, NULL) == 0 &&
	    (a.len != b.len || memcmp(buf_cstr(&a), buf_cstr(&b), a.len) != 0))
		abort();
	for (int v = 0; v < FMT__MAX; v++) {
		const struct report_format *f = fmt_get((enum fmt_version)v);
		(void)fmt_match_t3_row(f, s, size);
		(void)fmt_match_t3_group(f, s, size);
		(void)fmt_match_t3_col(f, s, size);
		(void)fmt_match_t4_col(f, s, size);
		(void)fmt_match_t4_group(f, s, size);
		for (int bl = -1; bl <= f->t2_nblocks; bl++) {
			(void)fmt_match_t2_row(f, bl, s, size);
			(void)fmt_match_t2_col(f, bl, s, size);
		}
		(void)fmt_match_t2_block(f, s, size);
	}
	(void)fmt_match_section(s, size);
	buf_free(&a);
	buf_free(&b);
	return 0;
}

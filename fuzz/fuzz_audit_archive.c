/* fuzz_audit_archive.c — `gongkai audit verify FILE` on arbitrary bytes: an audit archive is
 * checked offline wherever it came from (domain/audit_archive.h). Nothing may crash or leak;
 * a file that is not an archive is refused, and one that is read either holds (its head
 * and key given) or names the line that does not. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit_archive.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct audit_archive_check out;
	struct gk_error e = { 0 };

	memset(&out, 0, sizeof out);
	if (audit_archive_verify((const char *)data, size, NULL, &out, &e) == 0) {
		if (out.ok && (strlen(out.head) != 64 || out.entries < 0))
			abort();
		if (!out.ok && !out.reason[0])
			abort();  /* a broken archive says why */
	}
	return 0;
}

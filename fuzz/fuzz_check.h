/* fuzz_check.h — the body shared by the check fuzz targets and by their corpus replay test
 * (tests/unit/check/test_fuzz_replay.c): read arbitrary bytes as a report of the given kind,
 * extract and judge it. Nothing may crash, hang or leak; every finding must point at cells
 * of its own format. */
#ifndef GK_FUZZ_CHECK_H
#define GK_FUZZ_CHECK_H

#include <stdint.h>
#include <stdlib.h>

#include "check/check.h"

static inline void fuzz_check_input(const uint8_t *data, size_t size, const char *name)
{
	struct chk_options o = { 0 };
	struct chk_report r;

	if (chk_check_mem((const char *)data, size, name, &o, &r) == 0) {
		for (size_t i = 0; i < r.findings.n; i++) {
			const struct finding *f = &r.findings.v[i];
			for (int k = 0; k < f->ncells; k++)
				if (!f->fmt || f->cells[k] < 0 || f->cells[k] >= fmt_ncells(f->fmt))
					abort();
		}
		if (r.res.complete && r.res.format != CHK_FMT_2021 && r.res.format != CHK_FMT_2019)
			abort();  /* only a declared format can be complete */
	}
	chk_report_free(&r);
}

#endif

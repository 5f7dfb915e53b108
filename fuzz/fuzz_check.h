/* fuzz_check.h — the body shared by the check fuzz targets and by their corpus replay test
 * (tests/unit/check/test_fuzz_replay.c): read arbitrary bytes as a report of the given kind,
 * extract and judge it. Nothing may crash, hang or leak; every finding must point at cells
 * of its own format. The DOCX target's bytes are the XML of the document, packed here
 * (fuzz_check_docx). */
#ifndef GK_FUZZ_CHECK_H
#define GK_FUZZ_CHECK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

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

/* Read `data` as a DOCX named `name`: a whole package when it starts as a zip does; otherwise
 * the XML of word/document.xml, stored (not deflated) in a package made here. A mutated
 * deflated package almost never stays a zip whose member inflates and matches its CRC, so
 * fuzzing whole packages spends its time on text and HTML, which have targets of their own. */
static inline void fuzz_check_docx(const uint8_t *data, size_t size, const char *name)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_int64_t idx;
	zip_stat_t st;
	char *pkg;

	if (size >= 4 && memcmp(data, "PK\003\004", 4) == 0) {
		fuzz_check_input(data, size, name);
		return;
	}
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)))
		abort();
	zip_source_keep(src);
	if (!(z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) ||
	    (idx = zip_file_add(z, "word/document.xml", zip_source_buffer(z, data, size, 0), 0)) < 0 ||
	    zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0) != 0 || zip_close(z) != 0 ||
	    zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0 ||
	    !(pkg = malloc(st.size ? st.size : 1)) ||
	    zip_source_read(src, pkg, st.size) != (zip_int64_t)st.size)
		abort();  /* packing a buffer in memory cannot fail */
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	fuzz_check_input((const uint8_t *)pkg, st.size, name);
	free(pkg);
}

#endif

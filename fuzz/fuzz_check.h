/* fuzz_check.h — the body shared by the check fuzz targets and by their corpus replay test
 * (tests/unit/check/test_fuzz_replay.c): read arbitrary bytes as a report of the given kind,
 * extract and judge it. Nothing may crash, hang or leak; every finding must point at cells
 * of its own format. The DOCX and XLSX targets' bytes are the XML of their members, packed
 * here (fuzz_check_docx, fuzz_check_xlsx). */
#ifndef GK_FUZZ_CHECK_H
#define GK_FUZZ_CHECK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "check/check.h"
#include "render/zip_pkg.h"

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

/* A zip of parts[0..n), stored (not deflated: the inputs change at every run), appended to
 * pkg. A mutated deflated package almost never stays a zip whose members inflate and match
 * their CRC, so the DOCX and XLSX targets fuzz the members' XML and pack it here with
 * gongkai's own package writer (render/zip_pkg.h). */
static inline void fuzz_pack(const struct zip_part *parts, size_t n, struct buf *pkg)
{
	if (zip_package(parts, n, 0, 2000, 1, 1, pkg) != 0)
		abort();  /* packing buffers in memory cannot fail */
}

static inline int fuzz_is_zip(const uint8_t *data, size_t size)
{
	return size >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

/* Read `data` as a file named `name`: a whole package when it starts as a zip does (broken
 * zips are fuzzed too); otherwise the package `pack` makes of it. */
static inline void fuzz_check_packed(const uint8_t *data, size_t size, const char *name,
				     void (*pack)(const uint8_t *, size_t, struct buf *))
{
	struct buf pkg;

	if (fuzz_is_zip(data, size)) {
		fuzz_check_input(data, size, name);
		return;
	}
	buf_init(&pkg, 0);
	pack(data, size, &pkg);
	fuzz_check_input((const uint8_t *)pkg.ptr, pkg.len, name);
	buf_free(&pkg);
}

/* The DOCX target's package for data that does not start as a zip does: data is the XML of
 * word/document.xml. Appended to pkg. */
static inline void fuzz_docx_package(const uint8_t *data, size_t size, struct buf *pkg)
{
	struct zip_part doc = { "word/document.xml", (const char *)data, size };

	fuzz_pack(&doc, 1, pkg);
}

/* Read `data` as a DOCX named `name` (fuzz_check_packed, fuzz_docx_package). */
static inline void fuzz_check_docx(const uint8_t *data, size_t size, const char *name)
{
	fuzz_check_packed(data, size, name, fuzz_docx_package);
}

/* The XLSX target's package for data that does not start as a zip does: the XML of a worksheet
 * (xl/worksheets/sheet1.xml) or, when the bytes hold a NUL, the shared strings
 * (xl/sharedStrings.xml) before it and the worksheet after it, with a workbook of that one
 * sheet. Appended to pkg. */
static inline void fuzz_xlsx_package(const uint8_t *data, size_t size, struct buf *pkg)
{
	static const char workbook[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas."
		"openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats"
		".org/officeDocument/2006/relationships\"><sheets><sheet name=\"1\" sheetId=\"1\" "
		"r:id=\"rId1\"/></sheets></workbook>";
	static const char rels[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
		"openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
		"Target=\"worksheets/sheet1.xml\"/></Relationships>";
	const uint8_t *nul = memchr(data, '\0', size);
	struct zip_part parts[4] = {
		{ "xl/workbook.xml", workbook, sizeof workbook - 1 },
		{ "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1 },
		{ "xl/worksheets/sheet1.xml", (const char *)data, size },
		{ "xl/sharedStrings.xml", (const char *)data, 0 },
	};

	if (nul) {
		parts[3].len = (size_t)(nul - data);
		parts[2].data = (const char *)nul + 1;
		parts[2].len = size - parts[3].len - 1;
	}
	fuzz_pack(parts, nul ? 4 : 3, pkg);
}

/* Read `data` as an XLSX named `name` (fuzz_check_packed, fuzz_xlsx_package). */
static inline void fuzz_check_xlsx(const uint8_t *data, size_t size, const char *name)
{
	fuzz_check_packed(data, size, name, fuzz_xlsx_package);
}

#endif

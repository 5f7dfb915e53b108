/*
 * zip_pkg.h — the one zip package writer behind the Word documents (docx_pkg.c) and the OFD
 * files (ofd.c) gongkai writes, and the packages the DOCX and XLSX fuzz targets make of their
 * inputs (fuzz/fuzz_check.h, stored). Inside render/ and the fuzz harness only.
 *
 * Parts are stored in the order given, deflated at the level given, every entry dated 00:00 local time
 * on one day. libzip stores that as an MS-DOS local time converted with localtime(), so the
 * time_t handed to it is made with mktime() from the fixed local fields: the stored fields are
 * then the same in every time zone and the same parts give the same bytes (docs/render.md,
 * Determinism).
 * This module is the only one that writes with zip.h. May use base/.
 */
#ifndef GK_RENDER_ZIP_PKG_H
#define GK_RENDER_ZIP_PKG_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

/* One part of a package: its name inside the zip and its bytes (borrowed). */
struct zip_part {
	const char *name;
	const char *data;
	size_t len;
};

/* Zip parts[0..n) in that order, deflated at `level` (1–9; 0: stored), every entry dated
 * y-m-d (2000-01-01 outside 1980–2107), and append the archive to out. ERR_LIMIT when out is
 * full, ERR_INTERNAL when libzip fails. */
int zip_package(const struct zip_part *parts, size_t n, int level, int y, int m, int d,
		struct buf *out) GK_WUR;

#endif

/*
 * zip_pkg.c — zip packages with a fixed order and fixed times (see zip_pkg.h).
 * The only file of render/ that includes zip.h. May use base/.
 */
#include "render/zip_pkg.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "base/mem.h"

/* Add a part; data is copied (libzip frees the copy). An empty part has no copy: libzip never
 * frees the buffer of an empty source. */
static int add_part(zip_t *za, const struct zip_part *p, int level, time_t mtime)
{
	char *copy = p->len ? xmalloc(p->len) : NULL;
	zip_source_t *src;
	zip_int64_t idx;

	if (copy)
		memcpy(copy, p->data, p->len);
	if (!(src = zip_source_buffer(za, copy, p->len, copy != NULL))) {
		free(copy);
		return ERR_INTERNAL;
	}
	if ((idx = zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return ERR_INTERNAL;
	}
	if (zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) ||
	    zip_set_file_compression(za, (zip_uint64_t)idx, level ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
				     (zip_uint32_t)level))
		return ERR_INTERNAL;
	return 0;
}

/* The entries' modification time: 00:00 local time on y-m-d (2000-01-01 outside the MS-DOS
 * range), as a time_t that localtime() turns back into exactly those fields. */
static time_t entry_mtime(int y, int m, int d)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (y < 1980 || y > 2107) {
		y = 2000;
		m = d = 1;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int zip_package(const struct zip_part *parts, size_t n, int level, int y, int m, int d,
		struct buf *out)
{
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	zip_stat_t st;
	time_t mtime = entry_mtime(y, m, d);
	int rc = 0;

	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)) ||
	    !(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
		rc = ERR_INTERNAL;
		goto out;
	}
	zip_source_keep(src);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = add_part(za, &parts[i], level, mtime);
	if (rc)
		goto out;
	if (zip_close(za) != 0) {
		rc = ERR_INTERNAL;
		goto out;
	}
	za = NULL;
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
		rc = ERR_INTERNAL;
		goto out;
	}
	for (zip_uint64_t done = 0; done < st.size && rc == 0;) {
		char chunk[8192];
		zip_int64_t got = zip_source_read(src, chunk, sizeof chunk);

		if (got <= 0)
			rc = ERR_INTERNAL;
		else if ((rc = buf_append(out, chunk, (size_t)got)) == 0)
			done += (zip_uint64_t)got;
	}
	zip_source_close(src);
out:
	if (za)
		zip_discard(za);
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

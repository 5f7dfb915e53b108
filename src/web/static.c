/*
 * static.c — static files held in memory (see static.h).
 * May call: base/.
 */
#include "web/static.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/mem.h"

struct static_set {
	struct static_file *f;
	size_t n;
};

static const char *type_of(const char *name)
{
	static const char *const types[][2] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".woff2", "font/woff2" },
	};
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

int static_load(const char *dir, struct static_set **out, struct gk_error *e)
{
	struct static_set *set = xcalloc(1, sizeof *set);
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (d == NULL) {
		free(set);
		return err_set(e, ERR_IO, dir, "cannot open the static files directory");
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct static_file *f;
		struct buf b;
		struct stat st;
		char *path;
		char hash[CRYPTO_SHA256_HEX];

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		buf_init(&b, STATIC_MAX_FILE);
		rc = buf_read_file(&b, path, e);
		free(path);
		if (rc) {
			buf_free(&b);
			break;
		}
		set->f = xrealloc(set->f, (set->n + 1) * sizeof *set->f);
		f = &set->f[set->n++];
		f->name = xstrdup(de->d_name);
		f->len = b.len;
		f->data = buf_steal(&b);
		f->content_type = type_of(f->name);
		crypto_sha256_hex(f->data, f->len, hash);
		f->etag = xasprintf("\"%.16s\"", hash);
		buf_free(&b);
	}
	closedir(d);
	if (rc) {
		static_free(set);
		return rc;
	}
	*out = set;
	return 0;
}

void static_free(struct static_set *set)
{
	if (set == NULL)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free((char *)set->f[i].name);
		free((char *)set->f[i].data);
		free((char *)set->f[i].etag);
	}
	free(set->f);
	free(set);
}

const struct static_file *static_find(const struct static_set *set, const char *name)
{
	if (name[0] == '.' || strchr(name, '/'))
		return NULL;
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->f[i].name, name) == 0)
			return &set->f[i];
	return NULL;
}

/*
 * buf.h — a growable byte buffer with a hard maximum, and {ptr, len} string views.
 *
 * All output building goes through struct buf (like curl's dynbuf): the maximum is fixed when
 * the buffer is made, so input can never grow memory without bound; exceeding it returns
 * ERR_LIMIT and leaves the buffer as it was. The content is always NUL-terminated.
 * Depends on base/err.h and base/mem.h.
 */
#ifndef GK_BASE_BUF_H
#define GK_BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "base/err.h"

#define BUF_MAX_DEFAULT ((size_t)64 << 20)  /* 64 MiB */

struct buf {
	char *ptr;   /* NUL-terminated content; NULL until the first append */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated */
	size_t max;  /* hard maximum for len */
};

/* A borrowed piece of text; not NUL-terminated in general. */
struct strv {
	const char *ptr;
	size_t len;
};

#define STRV(s) ((struct strv){ (s), sizeof(s) - 1 })

struct strv strv_from(const char *s);
int strv_eq(struct strv a, const char *s);

/* Prepare an empty buffer whose content may grow to at most max bytes (0 = BUF_MAX_DEFAULT). */
void buf_init(struct buf *b, size_t max);
/* Release the memory; b may be NULL; b is empty (and reusable) afterwards. */
void buf_free(struct buf *b);
/* Forget the content but keep the memory. */
void buf_reset(struct buf *b);

int buf_append(struct buf *b, const void *data, size_t len) GK_WUR;
int buf_puts(struct buf *b, const char *s) GK_WUR;
int buf_putc(struct buf *b, char c) GK_WUR;
int buf_printf(struct buf *b, const char *fmt, ...) GK_WUR GK_PRINTF(2, 3);
int buf_vprintf(struct buf *b, const char *fmt, va_list ap) GK_WUR;

/* The content as a C string ("" when empty); owned by the buffer. */
const char *buf_cstr(const struct buf *b);
/* Hand the content to the caller (who frees it) and leave the buffer empty. Never NULL. */
char *buf_steal(struct buf *b);

/* Read a whole file into b (appending); ERR_LIMIT if it is larger than the buffer's maximum,
 * ERR_IO with a message naming the path if it cannot be read. */
int buf_read_file(struct buf *b, const char *path, struct gk_error *e) GK_WUR;

#endif

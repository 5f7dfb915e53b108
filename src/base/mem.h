/*
 * mem.h — allocation that never returns NULL.
 *
 * Out of memory aborts with a log line (CONVENTIONS: sizes that depend on input are capped
 * before allocating, so oversized input is an error, never an abort). Every pointer returned
 * is owned by the caller and released with free().
 */
#ifndef GK_BASE_MEM_H
#define GK_BASE_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated printf-formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

/*
 * arena.h — a bump allocator freed all at once (one per web request or per command).
 *
 * Handlers allocate from the request's arena and never call free; the adapter frees the arena
 * when the request ends. Allocation never fails (aborts on exhaustion, see mem.h); callers cap
 * input sizes before allocating.
 */
#ifndef GK_BASE_ARENA_H
#define GK_BASE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;   /* bytes handed out, for limits and diagnostics */
};

void arena_init(struct arena *a);
/* Free every block; a may be NULL; the arena is empty and reusable afterwards. */
void arena_free(struct arena *a);
/* n bytes aligned for any type, zero-filled; owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

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

/* The array v of n elements of elem bytes, with room for *cap: when it is full, a copy in a
 * with twice the room (first when empty), *cap updated; else v itself. The old copy stays in
 * the arena until the arena is freed. */
void *arena_grow(struct arena *a, void *v, size_t n, size_t *cap, size_t elem, size_t first);

/* Append one zero-filled element to the arena array v (n elements, capacity cap, both size_t
 * lvalues) and give its address: ARENA_PUSH(a, v, n, cap, 16)->id = 7. */
#define ARENA_PUSH(a, v, n, cap, first) \
	((v) = arena_grow((a), (v), (n), &(cap), sizeof *(v), (first)), &(v)[(n)++])

#endif

/*
 * normalise.h — the one text normalisation used before any matching.
 *
 * Search (documents and queries alike) and the report reader compare text only after this:
 * Unicode NFKC (full-width digits, letters and punctuation become their ASCII forms), case
 * folding, then OpenCC traditional → simplified Chinese (條例 → 条例). Implemented with utf8proc
 * and OpenCC; this module is the only one that includes their headers. OpenCC is given only
 * valid UTF-8.
 * Depends on base/.
 */
#ifndef GK_TEXT_NORMALISE_H
#define GK_TEXT_NORMALISE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

/* Append the normalised form of s[0..len) to out. ERR_INVALID if s is not valid UTF-8,
 * ERR_LIMIT if out would exceed its maximum. Thread-safe. */
int text_normalise(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* Only NFKC + case folding (no traditional → simplified step). */
int text_nfkc_casefold(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* Only OpenCC traditional → simplified. */
int text_t2s(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

#endif

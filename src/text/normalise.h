/*
 * normalise.h — the one text normalisation used before any matching.
 *
 * Search (documents and queries alike) and the report reader compare text only after this:
 * Unicode NFKC (full-width digits, letters and punctuation become their ASCII forms), case
 * folding, then OpenCC traditional → simplified Chinese (條例 → 条例). Implemented with utf8proc
 * and OpenCC; this module is the only one that includes their headers. OpenCC is given only
 * valid UTF-8.
 * Depends on base/, text/utf8.h, text/cpset.h.
 */
#ifndef GK_TEXT_NORMALISE_H
#define GK_TEXT_NORMALISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"

/* Append the normalised form of s[0..len) to out. ERR_INVALID if s is not valid UTF-8,
 * ERR_LIMIT if out would exceed its maximum. Thread-safe. */
int text_normalise(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* The normalisation of what an annual report says (the checker's rows, the format's label
 * keys): text_normalise, but traditional → simplified only of the runs of Han characters that
 * hold one of the traditional characters reports are written with (text_t2s_report). Most
 * reports are simplified, and OpenCC is most of the time spent normalising. */
int text_normalise_report(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* Whether s[0..len) holds one of the traditional forms of the characters annual reports are
 * written with (the forms OpenCC makes of the real captures and the spec). */
bool text_has_traditional(const char *s, size_t len);

/* Only NFKC + case folding (no traditional → simplified step). */
int text_nfkc_casefold(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* Classes of a folded code point, as the search tokenizer sees them. */
enum text_cp_class {
	TEXT_CP_OTHER,   /* punctuation, symbols, spaces, controls: separate tokens */
	TEXT_CP_LETTER,  /* a letter of an alphabetic script (a–z, é, Cyrillic …) */
	TEXT_CP_DIGIT,   /* 0–9 */
	TEXT_CP_MARK,    /* a combining mark: continues a word */
	TEXT_CP_IDEO,    /* a Han character or kana: a token by itself */
};

/* The per-character form of text_normalise, for the search tokenizer, which must map every
 * token back to a byte range of the original text: cp is folded by NFKC and case folding,
 * then each resulting Han character through OpenCC's traditional → simplified character table
 * (the first candidate; phrase context is not used, so 乾隆 and 乾燥 fold alike). Writes at most
 * max code points to out and returns how many (0 for an ignorable code point such as a soft
 * hyphen; never more than max). Thread-safe; the character table is built on first use. */
size_t text_fold_cp(int32_t cp, int32_t *out, size_t max);

/* Build text_fold_cp's character table now (about 15 ms: OpenCC over every Han character)
 * instead of at the first Han character folded: the server does it at start, so that no
 * one's first search waits for it. */
void text_fold_prepare(void);

/* The class of a code point that is already folded. */
enum text_cp_class text_cp_class(int32_t cp);

/* Only OpenCC traditional → simplified (of the text up to its first NUL, as OpenCC reads it). */
int text_t2s(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* The traditional → simplified step of text_normalise_report: text_t2s on each run of Han
 * characters that holds one of the traditional characters reports are written with
 * (text_has_traditional); a run without one is left as it is, as a page without one is. */
int text_t2s_report(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

#endif

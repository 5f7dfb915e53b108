/*
 * tokenize.h — gongkai's search tokenizer: text → tokens, the same for documents and queries.
 *
 * Each code point is first folded as text_normalise folds text (NFKC, case folding, traditional
 * → simplified; see text/normalise.h), then:
 *   - each Han character (and kana) is a token by itself, so one- and two-character queries
 *     (申, 公开) match — SQLite's built-in trigram tokenizer finds nothing shorter than three;
 *   - a run of letters (with combining marks) is one lower-cased word token;
 *   - a run of digits is one token (慈政〔2024〕3号 → 慈 政 2024 3 号);
 *   - everything else (punctuation, brackets, spaces, symbols) separates tokens.
 * Letters and digits split each other: 11370900004341590P → 11370900004341590, p.
 * Each token carries the byte range of the original text it came from, for snippets.
 * Invalid UTF-8 bytes are skipped. Pure C: the FTS5 registration lives in store/.
 * Depends on text/ and base/.
 */
#ifndef GK_SEARCH_TOKENIZE_H
#define GK_SEARCH_TOKENIZE_H

#include <stddef.h>

#define TOKEN_MAX_BYTES 64  /* a longer word or digit run is cut into several tokens */

/* Called once per token: tok[0..len) is the folded token (UTF-8, not NUL-terminated, valid
 * only during the call); [start, end) its byte range in the original text. A nonzero return
 * stops tokenizing and is returned by search_tokenize. */
typedef int (*search_token_fn)(void *ctx, const char *tok, size_t len, size_t start, size_t end);

/* Tokenize text[0..len) calling fn for each token in order. Returns 0 or fn's nonzero value. */
int search_tokenize(const char *text, size_t len, search_token_fn fn, void *ctx);

#endif

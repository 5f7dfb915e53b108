/*
 * tokenize.h — gongkai's search tokenizer: text → tokens, one definition for indexing and for
 * queries (and for any backend: the SQLite FTS5 tokenizer wraps it, a PostgreSQL tsvector
 * would hold the same tokens at the same positions).
 *
 * Each code point is first folded as text_normalise folds text (NFKC, case folding, traditional
 * → simplified; see text/normalise.h), then:
 *   - a run of letters (with combining marks) is one lower-cased word token;
 *   - a run of digits is one token (慈政〔2024〕3号 → … 2024 3 …);
 *   - each Han character (and kana) takes one position; in a document it is indexed twice at
 *     that position: by itself (unigram, so one-character queries such as 申 match) and,
 *     when the next character of the run is Han too, as the bigram of it and the next one,
 *     marked SEARCH_TOKEN_COLOCATED (公开信息 → 公 公开 | 开 开信 | 信 信息 | 息);
 *   - everything else (punctuation, brackets, spaces, symbols) separates tokens, except a
 *     space or a line break between two Han characters: Chinese puts no space between words,
 *     so the run goes on across it (王　芳 → 王 王芳 | 芳).
 * A query is tokenized so that it finds the document positions above with as few and as rare
 * tokens as possible: a run of one Han character is its unigram; a longer run is its chain of
 * bigrams (乡村振兴 → 乡村 村振 振兴, one position each), followed by the unigram of its last
 * character when more tokens follow in the same text, so that positions stay aligned with the
 * document's (慈政〔2024〕3号 → 慈政 政 2024 3 号).
 * Letters and digits split each other: 11370900004341590P → 11370900004341590, p.
 * Each token carries the byte range of the original text it came from (snippets highlight the
 * text as written). Invalid UTF-8 bytes are skipped. Pure C: the FTS5 glue lives in store/.
 * Depends on text/ and base/.
 */
#ifndef GK_SEARCH_TOKENIZE_H
#define GK_SEARCH_TOKENIZE_H

#include <stddef.h>

#define TOKEN_MAX_BYTES 64  /* a longer word or digit run is cut into several tokens */

enum search_tok_mode {
	SEARCH_TOK_DOCUMENT,  /* text being indexed (or scanned for a snippet) */
	SEARCH_TOK_QUERY,     /* one term of a query */
};

/* flags of a token */
#define SEARCH_TOKEN_COLOCATED 1  /* at the same position as the token before it */

/* Called once per token: tok[0..len) is the folded token (UTF-8, not NUL-terminated, valid
 * only during the call); [start, end) its byte range in the original text. A nonzero return
 * stops tokenizing and is returned by search_tokenize. */
typedef int (*search_token_fn)(void *ctx, const char *tok, size_t len, size_t start, size_t end,
			       int flags);

/* Tokenize text[0..len) in mode, calling fn for each token in order. Returns 0 or fn's nonzero
 * value. */
int search_tokenize(const char *text, size_t len, enum search_tok_mode mode, search_token_fn fn,
		    void *ctx);

#endif

/*
 * utf8.h — UTF-8 validation and decoding.
 *
 * Every piece of text that enters gongkai (forms, files, report pages after charset
 * conversion) is checked with utf8_valid before it is stored or passed to OpenCC.
 * Depends on nothing but libc.
 */
#ifndef GK_TEXT_UTF8_H
#define GK_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). */
int utf8_valid(const char *s, size_t len);
/* Decode one code point at s (len bytes available); returns its byte length (≥1) and stores the
 * code point in *cp, or returns 0 for an invalid sequence. */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);
/* Encode cp into out (4 bytes); returns the byte length, 0 if cp is invalid. */
size_t utf8_encode(int32_t cp, char out[4]);
/* Number of code points in valid UTF-8. */
size_t utf8_count(const char *s, size_t len);
/* The start of the character at or before byte p of s (p itself when it starts one; 0 at the
 * most): going back over continuation bytes. */
size_t utf8_char_start(const char *s, size_t p);

/* Length of the run of ASCII bytes (< 0x80) at the start of s[0..len), read 8 bytes at a
 * time: what a scan over mostly-ASCII text (markup, figures) skips in one step. */
size_t utf8_ascii_run(const char *s, size_t len);
/* The first control character (C0 or DEL) of s[0..len) that is not one of allowed ("\n",
 * "\t\n\r" or ""), or NULL: what no stored text may hold (the search snippets mark their hits
 * with control characters). */
const char *utf8_control(const char *s, size_t len, const char *allowed);
/* 1 if cp is a Han (CJK unified ideograph) character. */
int utf8_is_han(int32_t cp);
/* Terminal columns the NUL-terminated string takes: 2 for East Asian wide and fullwidth
 * characters (汉字, fullwidth punctuation), 1 for others. */
size_t utf8_width(const char *s);

#endif

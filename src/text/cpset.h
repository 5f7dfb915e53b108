/*
 * cpset.h — a constant set of code points built once from a UTF-8 string, for "is this one of
 * those characters" tests on whole documents (charset sniffing, traditional-character
 * detection). Thread-safe after text_cpset_has's first call on a set.
 * May call text/utf8.h.
 */
#ifndef GK_TEXT_CPSET_H
#define GK_TEXT_CPSET_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* Members are characters of the Basic Multilingual Plane (U+0000–U+FFFF): one bit each. */
struct text_cpset {
	const char *chars;         /* UTF-8, the members */
	pthread_once_t once;
	uint64_t bits[0x10000 / 64];
};

#define TEXT_CPSET(str) { (str), PTHREAD_ONCE_INIT, { 0 } }

/* 1 if cp is a member. The set is built on first use; a member beyond U+FFFF is ignored. */
int text_cpset_has(struct text_cpset *s, int32_t cp);

/* Number of members found in the UTF-8 text s[0..len), counting at most `enough`. */
size_t text_cpset_count(struct text_cpset *s, const char *text, size_t len, size_t enough);

#endif

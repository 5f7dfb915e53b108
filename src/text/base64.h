/*
 * base64.h — RFC 4648 base64 (standard alphabet, with padding), for binary data inside JSON
 * (attachments in the ledger export). Decoding is strict: no whitespace, correct padding.
 * Depends on base/buf.h.
 */
#ifndef GK_TEXT_BASE64_H
#define GK_TEXT_BASE64_H

#include <stddef.h>

#include "base/buf.h"

/* Append the base64 form of data[0..len) to out. */
int base64_encode(const void *data, size_t len, struct buf *out) GK_WUR;

/* Append the bytes of base64 text s[0..len) to out; ERR_INVALID for anything that is not
 * canonical base64. */
int base64_decode(const char *s, size_t len, struct buf *out) GK_WUR;

#endif

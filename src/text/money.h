/*
 * money.h — amounts of money held exactly as integer 分 (fen, 0.01 元).
 *
 * Officers type amounts in 元 ("1234.56"); Table 二 of the annual report prints 行政事业性收费
 * in 万元 (1 万元 = 1 000 000 分). Floating point never touches an amount: parsing and
 * formatting work on the decimal digits. Spec: annual-report-format.md §2 (store 分, render
 * 万元), T2-01 (at most 6 decimals of 万元).
 * Depends on base/err.h.
 */
#ifndef GK_TEXT_MONEY_H
#define GK_TEXT_MONEY_H

#include <stdint.h>

#include "base/err.h"

#define MONEY_MAX_FEN ((int64_t)100000000000000)  /* 1 万亿元: larger is surely a typo */
#define MONEY_LEN 32                               /* room for any formatted amount + NUL */

/* Parse a non-negative amount in 元: digits, optionally '.' and one or two decimals
 * ("1234", "1234.5", "1234.56"). No sign, no thousands separators, no unit. field names the
 * input in errors. */
int money_parse_yuan(const char *s, int64_t *fen, const char *field, struct gk_error *e) GK_WUR;

/* "1234.56" — always two decimals. Returns out. */
char *money_format_yuan(int64_t fen, char out[MONEY_LEN]);

/* The amount in 万元, exactly (up to 6 decimals, trailing zeros dropped): 123456 分 →
 * "0.123456", 1000000 分 → "1", 0 → "0". Returns out. */
char *money_format_wan(int64_t fen, char out[MONEY_LEN]);

/* The amount in 万元 rounded half-up to `decimals` places (0–6), trailing zeros dropped:
 * money_format_wan_rounded(123456, 4) → "0.1235". Returns out. */
char *money_format_wan_rounded(int64_t fen, int decimals, char out[MONEY_LEN]);

#endif

/*
 * idcode.h — check characters of Chinese identification codes.
 *
 * 统一社会信用代码 (USCC, GB 32100-2015): 18 characters of 0-9A-HJ-NPQRTUWXY, the last one a
 * check character over the first 17 (spec index-and-catalogue.md §3.3).
 * 居民身份证号码 (GB 11643-1999): 17 digits (6 region, 8 birth date, 3 sequence) and a check
 * character 0-9 or X. The catalogue (索引号 prefix), the organ register and the application
 * ledger all use these. Depends on base/err.h and text/date.h.
 */
#ifndef GK_TEXT_IDCODE_H
#define GK_TEXT_IDCODE_H

#include "base/err.h"

#define USCC_LEN 18
#define RESIDENT_ID_LEN 18

/* The USCC check character for the first 17 characters of code, or 0 if one of them is not in
 * the USCC alphabet. */
char idcode_uscc_check_char(const char *code17);

/* 0 if s is a well-formed USCC (length, alphabet, check character). Otherwise ERR_INVALID with a
 * message naming what is wrong (which character, the expected check character); field names
 * the argument ("--agency-code"). Lower-case letters are refused: codes are printed upper-case. */
int idcode_uscc_validate(const char *s, const char *field, struct gk_error *e) GK_WUR;

/* The GB 11643 check character ('0'-'9' or 'X') for 17 digits, or 0 if one is not a digit. */
char idcode_resident_id_check_char(const char *digits17);

/* 0 if s is a valid 18-character 居民身份证 number: 17 digits, a real birth date (1900..today's
 * range of text/date.h), and the right check character (an 'x' is accepted for 'X').
 * Otherwise ERR_INVALID naming the problem. */
int idcode_resident_id_validate(const char *s, const char *field, struct gk_error *e) GK_WUR;

#endif

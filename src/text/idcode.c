/*
 * idcode.c — USCC (GB 32100-2015) and 居民身份证 (GB 11643-1999) check characters.
 */
#include "text/idcode.h"

#include <string.h>

#include "text/date.h"

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int uscc_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(uscc_alphabet, c);
	return p ? (int)(p - uscc_alphabet) : -1;
}

/* REQ GB32100-check: weights 3^i mod 31, check = alphabet[(31 - sum mod 31) mod 31] */
char idcode_uscc_check_char(const char *code17)
{
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		int v = uscc_value(code17[i]);
		if (v < 0)
			return 0;
		sum += v * w[i];
	}
	return uscc_alphabet[(31 - sum % 31) % 31];
}

int idcode_uscc_validate(const char *s, const char *field, struct gk_error *e)
{
	size_t len = strlen(s);
	char want;

	if (len != USCC_LEN)
		return err_set(e, ERR_INVALID, field,
			       "统一社会信用代码 must have 18 characters, got %zu: %s", len, s);
	for (size_t i = 0; i < len; i++)
		if (uscc_value(s[i]) < 0)
			return err_set(e, ERR_INVALID, field,
				       "统一社会信用代码 %s: character %zu '%c' is not allowed "
				       "(0-9 and A-Z without I O S V Z)", s, i + 1, s[i]);
	want = idcode_uscc_check_char(s);
	if (s[17] != want)
		return err_set(e, ERR_INVALID, field,
			       "统一社会信用代码 %s: check character is '%c', expected '%c'",
			       s, s[17], want);
	return 0;
}

/* REQ GB11643-check: weights 2^(17-i) mod 11, check table "10X98765432"[sum mod 11] */
char idcode_resident_id_check_char(const char *digits17)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char table[] = "10X98765432";
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		if (digits17[i] < '0' || digits17[i] > '9')
			return 0;
		sum += (digits17[i] - '0') * w[i];
	}
	return table[sum % 11];
}

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int idcode_resident_id_validate(const char *s, const char *field, struct gk_error *e)
{
	size_t len = strlen(s);
	char want, got;
	int y, m, d;

	if (len != RESIDENT_ID_LEN)
		return err_set(e, ERR_INVALID, field,
			       "身份证号码 must have 18 characters, got %zu", len);
	for (int i = 0; i < 17; i++)
		if (s[i] < '0' || s[i] > '9')
			return err_set(e, ERR_INVALID, field,
				       "身份证号码: character %d is not a digit", i + 1);
	y = digits(s + 6, 4);
	m = digits(s + 10, 2);
	d = digits(s + 12, 2);
	if (!date_valid(y, m, d) || date_make(y, m, d) > date_today())
		return err_set(e, ERR_INVALID, field,
			       "身份证号码: birth date %.8s is not a real past date", s + 6);
	want = idcode_resident_id_check_char(s);
	got = s[17] == 'x' ? 'X' : s[17];
	if (got != want)
		return err_set(e, ERR_INVALID, field,
			       "身份证号码: check character is '%c', expected '%c'", s[17], want);
	return 0;
}

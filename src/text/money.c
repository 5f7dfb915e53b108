/*
 * money.c — exact 元 / 万元 amounts in integer 分 (see money.h).
 */
#include "text/money.h"

#include <stdio.h>
#include <string.h>

int money_parse_yuan(const char *s, int64_t *fen, const char *field, struct gk_error *e)
{
	int64_t yuan = 0, cents = 0;
	const char *p = s;
	int ndig = 0, ndec = 0;

	while (*p >= '0' && *p <= '9') {
		if (ndig >= 13)
			return err_set(e, ERR_INVALID, field, "amount too large: %s", s);
		yuan = yuan * 10 + (*p - '0');
		ndig++;
		p++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (ndec == 2)
				return err_set(e, ERR_INVALID, field,
					       "at most two decimals (分) in an amount of 元: %s", s);
			cents = cents * 10 + (*p - '0');
			ndec++;
			p++;
		}
		if (ndec == 0)
			return err_set(e, ERR_INVALID, field, "no digits after the decimal point: %s", s);
	}
	if (ndig == 0 || *p != '\0')
		return err_set(e, ERR_INVALID, field,
			       "not an amount in 元 (digits with up to two decimals, e.g. 1234.56): '%s'", s);
	if (ndec == 1)
		cents *= 10;
	*fen = yuan * 100 + cents;
	if (*fen > MONEY_MAX_FEN)
		return err_set(e, ERR_INVALID, field, "amount too large: %s", s);
	return 0;
}

char *money_format_yuan(int64_t fen, char out[MONEY_LEN])
{
	const char *sign = fen < 0 ? "-" : "";
	uint64_t v = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;

	snprintf(out, MONEY_LEN, "%s%llu.%02llu", sign, (unsigned long long)(v / 100),
		 (unsigned long long)(v % 100));
	return out;
}

/* Format v / 10^6 with `decimals` digits, then drop trailing zeros (and a bare point). */
static char *format_scaled(uint64_t v, int decimals, const char *sign, char out[MONEY_LEN])
{
	static const uint64_t pow10[7] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
	uint64_t unit = pow10[6 - decimals];
	uint64_t q = (v + unit / 2) / unit;   /* half-up; exact when decimals == 6 */
	size_t len;

	if (decimals == 0) {
		snprintf(out, MONEY_LEN, "%s%llu", sign, (unsigned long long)q);
		return out;
	}
	snprintf(out, MONEY_LEN, "%s%llu.%0*llu", sign, (unsigned long long)(q / pow10[decimals]),
		 decimals, (unsigned long long)(q % pow10[decimals]));
	len = strlen(out);
	while (len > 0 && out[len - 1] == '0')
		out[--len] = '\0';
	if (len > 0 && out[len - 1] == '.')
		out[--len] = '\0';
	if (strcmp(out, "-0") == 0)
		memmove(out, out + 1, 2);
	return out;
}

char *money_format_wan_rounded(int64_t fen, int decimals, char out[MONEY_LEN])
{
	uint64_t v = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	return format_scaled(v, decimals, fen < 0 ? "-" : "", out);
}

char *money_format_wan(int64_t fen, char out[MONEY_LEN])
{
	return money_format_wan_rounded(fen, 6, out);
}

/*
 * fold.c — NFKC + case folding of a document's rows, the same as text_nfkc_casefold (the one
 * normalisation, text/normalise.h) but done here for the characters nearly every report is
 * made of: ASCII, the CJK ideographs U+4E00–U+9FFF, the full-width forms U+FF01–U+FF5E (NFKC
 * makes them ASCII) and the CJK punctuation NFKC leaves alone (、。《》“” …), the ideographic
 * and no-break spaces (NFKC makes them a space). A line holding any other character goes to
 * utf8proc through text_nfkc_casefold: a line break ends every composition, so line by line
 * is the same as the whole text. tests/unit/check/test_readers.c checks, code point by code
 * point, that each character folded here folds as utf8proc folds it. Half the reading time of
 * a plain-text report went to utf8proc before.
 * May call base/, text/.
 */
#include "check/extract_int.h"

#include "text/normalise.h"
#include "text/utf8.h"

/* Punctuation that NFKC and case folding leave as it is. */
static int stable_punct(int32_t cp)
{
	return (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
	       (cp >= 0x3014 && cp <= 0x301B) || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
	       cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x00B7 ||
	       cp == 0x00D7 || cp == 0x2022 || cp == 0x25CB || cp == 0x25CF || cp == 0x00B0;
}

int32_t chk_fold_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || stable_punct(cp))
		return cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return chk_fold_cp(cp - 0xFEE0);
	if (cp == 0x3000 || cp == 0x00A0)
		return ' ';
	return -1;
}

int chk_fold(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	const char *end = s + len;
	char enc[4];
	int rc = 0;

	while (s < end && !rc) {
		const char *nl = memchr(s, '\n', (size_t)(end - s)), *p = s, *run = s;
		const char *eol = nl ? nl + 1 : end;
		size_t mark = out->len;
		int32_t cp, f = 0;
		/* runs of characters that fold to themselves are copied at once */
		while (p < eol && !rc) {
			size_t k = (unsigned char)*p < 0x80 ? (cp = *p, 1) : utf8_decode(p, (size_t)(eol - p), &cp);
			if (k == 0 || (f = chk_fold_cp(cp)) < 0)
				break;
			if (f != cp && !(rc = buf_append(out, run, (size_t)(p - run))))
				rc = buf_append(out, enc, utf8_encode(f, enc));
			p += k;
			if (f != cp)
				run = p;
		}
		if (!rc && p == eol) {
			rc = buf_append(out, run, (size_t)(p - run));
		} else if (!rc) {
			/* a character not folded here: the whole line to utf8proc */
			out->len = mark;
			if (out->ptr)
				out->ptr[mark] = '\0';
			if ((rc = text_nfkc_casefold(s, (size_t)(eol - s), out, e)) != 0)
				return rc;
		}
		s = eol;
	}
	return rc ? err_set(e, rc, "", "normalised text is too long") : 0;
}

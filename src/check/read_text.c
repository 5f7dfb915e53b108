/*
 * read_text.c — the plain-text and Markdown reader (see reader.h).
 *
 * Captures of published reports come as: tab-separated rows with empty group cells (the
 * reference report); one cell per line ending in ` |`, with a lone `|` for an empty cell and
 * `||`/`|||` lines where the page had padding cells; `a | b | c |` rows; Markdown tables
 * `| a | b |` with `|---|` separator lines; cells on their own lines separated by blank lines;
 * space-separated rows from PDF text (`四、结转下年度继续办理 0 0 0 0 0 0 0`). Each line becomes
 * one row; blank lines separate rows and are otherwise dropped. Leading `#! key: value` lines
 * written by archiving tools describe the capture, not the report, and are skipped.
 */
#include "check/reader.h"

#include <string.h>

#include "text/utf8.h"

/* A token that reads as a table number: digits with optional sign, separators, decimals, a
 * unit (元/万元/件/个/条), or a zero placeholder (- / — /). */
static int numberish(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (len == 0)
		return 0;
	if ((len == 1 && (s[0] == '-' || s[0] == '/')) ||
	    (len == 3 && (memcmp(s, "—", 3) == 0 || memcmp(s, "－", 3) == 0 ||
			  memcmp(s, "／", 3) == 0)))
		return 1;
	if (s[0] == '+' || s[0] == '-')
		i++;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == '.' || c == ',')
			continue;
		else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC &&
			 (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
			digits++;  /* full-width digit */
			i += 2;
		} else
			break;
	}
	if (digits == 0)
		return 0;
	if (i == len)
		return 1;
	/* a unit after the number */
	return (len - i == 3 && (memcmp(s + i, "元", 3) == 0 || memcmp(s + i, "件", 3) == 0 ||
				 memcmp(s + i, "个", 3) == 0 || memcmp(s + i, "条", 3) == 0)) ||
	       (len - i == 6 && memcmp(s + i, "万元", 6) == 0);
}

/* Split s[0..len) at whitespace runs; returns the number of tokens (≤ max) in starts/lens. */
static size_t tokens(const char *s, size_t len, const char **starts, size_t *lens, size_t max)
{
	size_t n = 0, i = 0;

	while (i < len) {
		size_t j;
		while (i < len && (s[i] == ' ' || s[i] == '\t' ||
				   (i + 2 < len && memcmp(s + i, "\xE3\x80\x80", 3) == 0)))
			i += s[i] == ' ' || s[i] == '\t' ? 1 : 3;
		if (i >= len)
			break;
		j = i;
		while (j < len && s[j] != ' ' && s[j] != '\t' &&
		       !(j + 2 < len && memcmp(s + j, "\xE3\x80\x80", 3) == 0))
			j++;
		if (n == max)
			return max + 1;
		starts[n] = s + i;
		lens[n] = j - i;
		n++;
		i = j;
	}
	return n;
}

static int only_chars(const char *s, size_t len, const char *set, size_t *count_of_first)
{
	size_t i;
	*count_of_first = 0;
	for (i = 0; i < len; i++) {
		if (!strchr(set, s[i]))
			return 0;
		if (s[i] == set[0])
			(*count_of_first)++;
	}
	return 1;
}

int chk_text_line(struct chk_doc *d, const char *s, size_t len, unsigned flags)
{
	size_t npipe, k;
	int rc;

	s = chk_trim(s, &len);
	if (len == 0)
		return 0;
	if (memchr(s, '\t', len)) {
		const char *p = s, *end = s + len, *t;
		if ((rc = chk_doc_row(d, flags | CHK_ROW_TABLE, -1, NULL)) != 0)
			return rc;
		for (;;) {
			t = memchr(p, '\t', (size_t)(end - p));
			if ((rc = chk_doc_cell(d, p, (size_t)((t ? t : end) - p), 0)) != 0)
				return rc;
			if (!t)
				break;
			p = t + 1;
		}
		return 0;
	}
	if (memchr(s, '|', len)) {
		const char *p = s, *end = s + len, *t;
		if (only_chars(s, len, "| \t", &npipe)) {
			if (npipe == 1) {  /* a lone `|`: one empty cell of a one-cell-per-line table */
				if ((rc = chk_doc_row(d, flags | CHK_ROW_TABLE, -1, NULL)) != 0)
					return rc;
				return chk_doc_cell(d, "", 0, 0);
			}
			return chk_doc_row(d, flags | CHK_ROW_PAD, -1, NULL);
		}
		if (only_chars(s, len, "|-: \t", &npipe))
			return 0;  /* Markdown |---|---| separator */
		if ((rc = chk_doc_row(d, flags | CHK_ROW_TABLE, -1, NULL)) != 0)
			return rc;
		if (*p == '|')
			p++;  /* a leading pipe delimits, it is not an empty first cell */
		if (end > p && end[-1] == '|')
			end--;
		for (;;) {
			t = memchr(p, '|', (size_t)(end - p));
			if ((rc = chk_doc_cell(d, p, (size_t)((t ? t : end) - p), 0)) != 0)
				return rc;
			if (!t)
				break;
			p = t + 1;
		}
		return 0;
	}
	{
		/* `label 0 0 0` or `0 0 0 …`: a row of a table whose cells PDF text joined by spaces. */
		const char *st[64];
		size_t ln[64], n = tokens(s, len, st, ln, 64), nnum = 0;
		if (n >= 2 && n <= 64) {
			for (k = n; k > 0 && numberish(st[k - 1], ln[k - 1]); k--)
				nnum++;
			if (nnum == n || (nnum >= 1 && !numberish(st[0], ln[0]) && nnum + 1 <= n)) {
				if ((rc = chk_doc_row(d, flags | CHK_ROW_TABLE, -1, NULL)) != 0)
					return rc;
				if (nnum < n) {
					const char *lend = st[n - nnum - 1] + ln[n - nnum - 1];
					if ((rc = chk_doc_cell(d, s, (size_t)(lend - s), 0)) != 0)
						return rc;
				}
				for (k = n - nnum; k < n; k++)
					if ((rc = chk_doc_cell(d, st[k], ln[k], 0)) != 0)
						return rc;
				return 0;
			}
		}
	}
	return chk_doc_line(d, s, len, flags);
}

int chk_read_text(const char *s, size_t len, struct chk_doc *d, struct gk_error *e)
{
	const char *p = s, *end = s + len;
	int header = 1, rc = 0;

	if (!utf8_valid(s, len))
		return err_set(e, ERR_INVALID, "", "text is not valid UTF-8");
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t l = (size_t)(le - p);
		unsigned flags = 0;
		const char *q = p;

		if (l && q[l - 1] == '\r')
			l--;
		if (header && l >= 2 && q[0] == '#' && q[1] == '!') {
			p = nl ? nl + 1 : end;
			continue;
		}
		if (memchr(q, '\0', l))
			return err_set(e, ERR_INVALID, "", "text contains NUL bytes (a binary file?)");
		header = 0;
		{
			size_t tl = l;
			const char *t = chk_trim(q, &tl);
			size_t h = 0;
			while (h < tl && h < 6 && t[h] == '#')
				h++;
			if (h > 0 && h < tl && (t[h] == ' ' || t[h] == '\t')) {
				q = t + h;
				l = tl - h;
				flags |= CHK_ROW_HEADING;
				if (d->source == CHK_SRC_TEXT)
					d->source = CHK_SRC_MARKDOWN;
			}
		}
		{
			size_t before = d->n;
			if ((rc = chk_text_line(d, q, l, flags)) != 0)
				return rc == ERR_LIMIT ? err_set(e, rc, "", "text has too many rows or cells")
						       : rc;
			if (!nl && d->n > before) {
				/* No line break at the end: the capture may stop inside the last cell. */
				struct chk_row *r = &d->rows[d->n - 1];
				size_t tl = l;
				const char *t = chk_trim(q, &tl);
				d->cut = 1;
				if (r->n && !(tl && t[tl - 1] == '|' && r->flags & CHK_ROW_TABLE))
					r->cells[r->n - 1].flags |= CHK_CELL_CUT;
			}
		}
		p = nl ? nl + 1 : end;
	}
	if (len == 0 || s[len - 1] != '\n')
		d->cut = 1;
	return 0;
}

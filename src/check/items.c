/*
 * items.c — the document as a stream of classified items and one normalised text per row
 * (see extract_int.h): numbers with their unit and sign, blank placeholders, text; injected
 * pinyin / jyutping ruby removed (CAP-07); NFKC + casefold, traditional → simplified only when
 * the page holds traditional characters. May call base/, text/.
 */
#include "check/extract_int.h"

#include <stdlib.h>
#include "base/mem.h"
#include "text/normalise.h"
#include "text/utf8.h"

/* Decode one full-width or ASCII digit at s; returns its byte length and the digit in *dg. */
static size_t digit_at(const char *s, size_t len, int *dg)
{
	if (len >= 1 && s[0] >= '0' && s[0] <= '9') {
		*dg = s[0] - '0';
		return 1;
	}
	if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*dg = (unsigned char)s[2] - 0x90;
		return 3;
	}
	return 0;
}

/* Classify a cell: a number (ASCII or full-width digits, sign, thousands separators, decimal
 * point, a unit 元/万元/件/个/条/项), a blank (empty or a dash/slash placeholder), or text. */
enum kind chk_classify(const char *s, size_t len, struct num *num)
{
	static const char *const placeholders[] = { "-", "--", "/", "—", "——", "－", "／", "―",
						    "\\", "无", "空" };
	size_t i = 0, k;
	int dg, digits = 0, point = 0;

	memset(num, 0, sizeof *num);
	if (len == 0)
		return K_BLANK;
	for (k = 0; len <= 6 && k < sizeof placeholders / sizeof placeholders[0]; k++)
		if (len == strlen(placeholders[k]) && memcmp(s, placeholders[k], len) == 0)
			return K_BLANK;  /* (none is longer than 6 bytes: "——") */
	if (s[0] == '+' || s[0] == '-') {
		num->neg = s[0] == '-';
		i = 1;
	} else if (starts(s, len, "＋") || starts(s, len, "－")) {
		num->neg = starts(s, len, "－");
		i = 3;
	}
	while (i < len) {
		if ((k = digit_at(s + i, len - i, &dg)) > 0) {
			if (num->mant > INT64_MAX / 100)
				return K_TEXT;  /* not a table count */
			num->mant = num->mant * 10 + dg;
			digits++;
			if (point)
				num->scale++;
			i += k;
		} else if (s[i] == ',' && digits && !point) {
			i++;
		} else if (starts(s + i, len - i, "，") && digits && !point) {
			i += 3;
		} else if ((s[i] == '.' || starts(s + i, len - i, "．")) && digits && !point) {
			point = 1;
			i += s[i] == '.' ? 1 : 3;
		} else {
			break;
		}
	}
	if (digits == 0)
		return K_TEXT;
	if (i < len) {
		const char *u = s + i;
		size_t ul = len - i;
		if (ul == 3 && memcmp(u, "元", 3) == 0)
			num->unit = U_YUAN;
		else if (ul == 6 && memcmp(u, "万元", 6) == 0)
			num->unit = U_WAN;
		else if (!(ul == 3 && (memcmp(u, "件", 3) == 0 || memcmp(u, "个", 3) == 0 ||
				       memcmp(u, "条", 3) == 0 || memcmp(u, "项", 3) == 0 ||
				       memcmp(u, "次", 3) == 0)))
			return K_TEXT;
	}
	return K_NUM;
}

/* 1 if cp is a Latin letter that pinyin / jyutping annotations use. */
static int ruby_letter(int32_t cp, int *accent)
{
	if ((cp >= 'a' && cp <= 'z'))
		return 1;
	if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
	    (cp >= 0x300 && cp <= 0x36F)) {
		*accent = 1;
		return 1;
	}
	return 0;
}

/* Length of a ruby annotation "(rèn)" / "（rèn）" at s, 0 if none; *accent set if it has a
 * tone mark. */
static size_t ruby_at(const char *s, size_t len, int *accent)
{
	size_t i, open, n, letters = 0;
	int32_t cp;

	*accent = 0;
	if (len >= 1 && s[0] == '(')
		open = 1;
	else if (starts(s, len, "（"))
		open = 3;
	else
		return 0;
	for (i = open; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return 0;
		if (cp == ')' || cp == 0xFF09) {
			if (letters == 0 || letters > 8)
				return 0;
			return i + n;
		}
		if (!ruby_letter(cp, accent))
			return 0;
		letters++;
	}
	return 0;
}

/* Copy s removing ruby annotations that follow a Han character. */
static char *strip_ruby(struct arena *a, const char *s, size_t len, size_t *outlen, int *count)
{
	char *out = arena_alloc(a, len + 1);
	size_t i = 0, o = 0, n;
	int32_t cp, prev_han = 0, accent;

	while (i < len) {
		size_t rl;
		if (prev_han && (rl = ruby_at(s + i, len - i, &accent)) > 0) {
			i += rl;
			(*count)++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1, cp = 0;
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
		prev_han = utf8_is_han(cp);
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Number of tone-marked annotations after Han characters in the document. */
static int count_ruby(const struct chk_doc *d)
{
	int count = 0;
	for (size_t r = 0; r < d->n && count < 3; r++)
		for (size_t c = 0; c < d->rows[r].n; c++) {
			const char *s = d->rows[r].cells[c].text;
			size_t len = strlen(s), i = 0, n;
			int32_t cp, prev = 0, accent;
			while (i < len) {
				size_t rl;
				if (prev && (rl = ruby_at(s + i, len - i, &accent)) > 0 && accent) {
					count++;
					i += rl;
					continue;
				}
				n = utf8_decode(s + i, len - i, &cp);
				if (n == 0)
					n = 1, cp = 0;
				i += n;
				prev = utf8_is_han(cp);
			}
		}
	return count;
}

void chk_items_build(struct extraction *x)
{
	const struct chk_doc *d = x->d;
	size_t cap = d->ncells + d->n + 1, r, c;
	int stripped = 0;

	x->ruby = count_ruby(d) >= 3;
	x->it = xcalloc(cap, sizeof *x->it);
	for (r = 0; r < d->n; r++) {
		const struct chk_row *row = &d->rows[r];
		int nreal = 0, pos = 0;
		if (row->flags & CHK_ROW_PAD) {
			x->it[x->n].kind = K_PAD;
			x->it[x->n].text = "";
			x->it[x->n].row = (int)r;
			x->n++;
			continue;
		}
		if (row->flags & CHK_ROW_META)
			continue;
		for (c = 0; c < row->n; c++)
			nreal += !(row->cells[c].flags & CHK_CELL_SPAN);
		for (c = 0; c < row->n; c++) {
			struct item *it = &x->it[x->n];
			const char *s = row->cells[c].text;
			size_t len = strlen(s);
			if (row->cells[c].flags & CHK_CELL_SPAN)
				continue;
			if (x->ruby)
				s = strip_ruby(&x->arena, s, len, &len, &stripped);
			it->text = s;
			it->len = len;
			it->row = (int)r;
			it->rowcells = nreal;
			it->pos = pos++;
			it->cut = !!(row->cells[c].flags & CHK_CELL_CUT);
			it->kind = chk_classify(s, len, &it->num);
			x->n++;
		}
	}
	if (x->ruby)
		chk_note(x->r, "CAP-07", NULL, 0, "页面注入了注音标注（如“認(rèn)真”），已去除 %d 处后再读取",
		     stripped);
}

/* ---- normalised rows ------------------------------------------------------------------------ */

/* Remove ASCII spaces, tabs, CRs, U+3000 and U+00A0 from s, in place; the runs between them
 * are moved whole. */
static void strip_spaces(char *s)
{
	char *o = s, *p = s;

	for (;;) {
		const unsigned char *u;
		size_t run = strcspn(p, " \t\r\xE3\xC2");
		memmove(o, p, run);
		o += run;
		p += run;
		u = (const unsigned char *)p;
		if (!*u)
			break;
		if (*u == ' ' || *u == '\t' || *u == '\r')
			p++;
		else if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
			p += 3;
		else if (u[0] == 0xC2 && u[1] == 0xA0)
			p += 2;
		else
			*o++ = *p++;
	}
	*o = '\0';
}

/* nrow[i]: row i's cells (ruby removed) normalised and without whitespace. One normalisation
 * call for the whole document; rows map to lines. */
int chk_rows_normalise(struct extraction *x)
{
	struct buf raw, norm;
	size_t i, line;
	int rc;
	char *p;

	x->nrows = x->d->n;
	x->nrow = arena_alloc(&x->arena, (x->nrows + 1) * sizeof *x->nrow);
	x->nline = arena_alloc(&x->arena, (x->nrows + 1) * sizeof *x->nline);
	buf_init(&raw, 0);
	buf_init(&norm, 0);
	/* rows from the items (ruby already removed); META rows from the doc */
	{
		size_t k = 0;
		for (i = 0; i < x->nrows; i++) {
			const struct chk_row *row = &x->d->rows[i];
			if (row->flags & CHK_ROW_META) {
				for (size_t c = 0; c < row->n; c++)
					if ((rc = buf_puts(&raw, row->cells[c].text)) != 0)
						goto out;
			}
			while (k < x->n && x->it[k].row == (int)i) {
				if ((x->it[k].pos > 0 && (rc = buf_putc(&raw, '\t')) != 0) ||
				    (rc = buf_append(&raw, x->it[k].text, x->it[k].len)) != 0)
					goto out;
				k++;
			}
			if ((rc = buf_putc(&raw, '\n')) != 0)
				goto out;
		}
	}
	/* the one normalisation of a report's text (text/normalise.h): NFKC + case folding, then
	 * traditional → simplified where the page has traditional characters */
	if ((rc = chk_fold(raw.ptr ? raw.ptr : "", raw.len, &norm, x->e)) != 0)
		goto out;
	if (text_has_traditional(raw.ptr ? raw.ptr : "", raw.len)) {
		struct buf t2s;
		buf_init(&t2s, 0);
		rc = text_t2s_report(norm.ptr ? norm.ptr : "", norm.len, &t2s, x->e);
		buf_free(&norm);
		norm = t2s;
		if (rc)
			goto out;
	}
	p = norm.ptr ? norm.ptr : (char *)"";
	for (line = 0; line < x->nrows; line++) {
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		x->nline[line] = arena_strdup(&x->arena, p);
		x->nrow[line] = arena_strdup(&x->arena, p);
		strip_spaces(x->nrow[line]);
		p = nl + 1;
	}
	for (; line < x->nrows; line++)  /* the normaliser changed the line count: cannot map */
		x->nrow[line] = x->nline[line] = "";
	rc = 0;
out:
	buf_free(&raw);
	buf_free(&norm);
	return rc;
}


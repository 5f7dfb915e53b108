/*
 * doc.c — the neutral row/cell form of a captured report (see doc.h).
 */
#include "check/doc.h"

#include <string.h>

#include <stdlib.h>

#include "base/mem.h"

void chk_doc_init(struct chk_doc *d, enum chk_source source)
{
	memset(d, 0, sizeof *d);
	arena_init(&d->arena);
	d->source = source;
	d->charset = "UTF-8";
	d->given_complete = -1;
}

const char *chk_source_name(enum chk_source s)
{
	static const char *const names[CHK_SRC__MAX] = { "text", "markdown", "html", "docx", "json",
							 "pdf", "xlsx", "html-in-script" };
	return (unsigned)s < CHK_SRC__MAX ? names[s] : "unknown";
}

void chk_doc_free(struct chk_doc *d)
{
	if (d == NULL)
		return;
	free(d->rows);
	arena_free(&d->arena);
	memset(d, 0, sizeof *d);
}

int chk_doc_row(struct chk_doc *d, unsigned flags, int table, struct chk_row **out)
{
	struct chk_row *r;

	if (d->n >= CHK_MAX_ROWS)
		return ERR_LIMIT;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->rows = xrealloc(d->rows, d->cap * sizeof *d->rows);
	}
	r = &d->rows[d->n++];
	r->cells = NULL;
	r->n = 0;
	r->flags = flags;
	r->table = table;
	if (out)
		*out = r;
	return 0;
}

/* Length of the whitespace character at s (ASCII space/tab/CR/LF, U+00A0, U+3000, U+2002–
 * U+200B, U+FEFF), 0 if none. */
static size_t space_at(const unsigned char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' ||
			 s[0] == '\f' || s[0] == '\v'))
		return 1;
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x82 && s[2] <= 0x8B)
		return 3;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

const char *chk_trim(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = *len, k;

	while (n > 0 && (k = space_at(p, n)) > 0)
		p += k, n -= k;
	while (n > 0) {
		/* Look back for a 1-, 2- or 3-byte space ending at n. */
		if (space_at(p + n - 1, 1) == 1)
			n -= 1;
		else if (n >= 2 && space_at(p + n - 2, 2) == 2)
			n -= 2;
		else if (n >= 3 && space_at(p + n - 3, 3) == 3)
			n -= 3;
		else
			break;
	}
	*len = n;
	return (const char *)p;
}

int chk_doc_cell(struct chk_doc *d, const char *s, size_t len, unsigned flags)
{
	struct chk_row *r;
	struct chk_cell *cells;

	if (d->n == 0) {
		int rc = chk_doc_row(d, 0, -1, NULL);
		if (rc)
			return rc;
	}
	if (d->ncells >= CHK_MAX_CELLS)
		return ERR_LIMIT;
	r = &d->rows[d->n - 1];
	/* Cells live in the arena; grow by doubling (the old array is simply abandoned). */
	if ((r->n & (r->n - 1)) == 0) {
		size_t cap = r->n ? r->n * 2 : 1;
		cells = arena_alloc(&d->arena, cap * sizeof *cells);
		if (r->n)
			memcpy(cells, r->cells, r->n * sizeof *cells);
		r->cells = cells;
	}
	s = chk_trim(s, &len);
	r->cells[r->n].text = len ? arena_strndup(&d->arena, s, len) : "";
	r->cells[r->n].flags = flags;
	r->n++;
	d->ncells++;
	return 0;
}

int chk_doc_step(struct chk_doc *d, const char *what, struct gk_error *e)
{
	if (++d->steps <= CHK_MAX_STEPS)
		return 0;
	return err_set(e, ERR_LIMIT, "", "%s is too complex (more than %ld parse steps)", what,
		       CHK_MAX_STEPS);
}

int chk_doc_line(struct chk_doc *d, const char *s, size_t len, unsigned flags)
{
	int rc;

	s = chk_trim(s, &len);
	if (len == 0)
		return 0;
	if ((rc = chk_doc_row(d, flags, -1, NULL)) != 0)
		return rc;
	return chk_doc_cell(d, s, len, 0);
}

int chk_doc_text(const struct chk_doc *d, struct buf *out)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < d->n && rc == 0; i++) {
		const struct chk_row *r = &d->rows[i];
		if (r->flags & CHK_ROW_PAD)
			continue;
		for (j = 0; j < r->n && rc == 0; j++) {
			if (j && (rc = buf_putc(out, '\t')) != 0)
				break;
			if (!(r->cells[j].flags & CHK_CELL_SPAN))
				rc = buf_puts(out, r->cells[j].text);
		}
		if (rc == 0)
			rc = buf_putc(out, '\n');
	}
	return rc;
}

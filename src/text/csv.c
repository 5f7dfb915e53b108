/*
 * csv.c — strict RFC 4180 reader (see csv.h).
 *
 * One pass over the bytes with a tiny state machine; the field being read grows in a capped
 * struct buf, finished fields and records are copied into the caller's arena. The input is
 * validated as UTF-8 first, so the state machine only ever sees ASCII delimiters and whole
 * characters. Standard: RFC 4180 (with LF accepted as a record separator).
 */
#include "text/csv.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "text/utf8.h"

const struct csv_limits CSV_LIMITS_DEFAULT = {
	.max_bytes = (size_t)16 << 20,
	.max_rows = 100000,
	.max_cols = 64,
	.max_field = (size_t)64 << 10,
};

/* A record under construction: the fields read so far. */
struct row {
	char **fields;
	size_t n, cap;
	int line;
};

static int fail(struct gk_error *e, int code, const char *label, int line, const char *fmt, ...)
	GK_PRINTF(5, 6);

/* Record an error whose field is "LABEL:LINE". */
static int fail(struct gk_error *e, int code, const char *label, int line, const char *fmt, ...)
{
	char field[64], msg[400];
	va_list ap;

	snprintf(field, sizeof field, "%s:%d", label, line);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(e, code, field, "%s", msg);
}

/* Check UTF-8 and NUL bytes; on failure say on which line. */
static int check_text(const char *s, size_t len, const char *label, struct gk_error *e)
{
	int line = 1;
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t n;

		if (c == 0)
			return fail(e, ERR_INVALID, label, line, "NUL byte in the file");
		if (c < 0x80) {
			line += c == '\n';
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return fail(e, ERR_INVALID, label, line,
				    "not valid UTF-8 (save the file as UTF-8; GBK is not accepted)");
		i += n;
	}
	return 0;
}

static int row_push(struct row *r, struct arena *a, const struct buf *field, size_t max_cols,
		    const char *label, struct gk_error *e)
{
	if (r->n >= max_cols)
		return fail(e, ERR_LIMIT, label, r->line, "more than %zu columns", max_cols);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
	}
	r->fields[r->n++] = arena_strndup(a, buf_cstr(field), field->len);
	return 0;
}

static void trim_blanks(char *s)
{
	size_t len = strlen(s), start = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (start < len && (s[start] == ' ' || s[start] == '\t'))
		start++;
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
}

/* A finished record: the first becomes the header, later ones must match its width. */
static int finish_row(struct row *r, struct csv_table *t, struct csv_record **recs, size_t *cap,
		      const struct csv_limits *lim, struct arena *a, const char *label, struct gk_error *e)
{
	if (r->n == 1 && r->fields[0][0] == '\0')
		goto skip;  /* an empty line */
	if (t->header == NULL) {
		for (size_t i = 0; i < r->n; i++) {
			trim_blanks(r->fields[i]);
			if (r->fields[i][0] == '\0') {
				return fail(e, ERR_INVALID, label, r->line, "header column %zu has no name", i + 1);
			}
			for (size_t j = 0; j < i; j++)
				if (strcmp(r->fields[i], r->fields[j]) == 0)
					return fail(e, ERR_INVALID, label, r->line, "column '%s' appears twice in the header",
						    r->fields[i]);
		}
		t->ncols = r->n;
		t->header = arena_alloc(a, r->n * sizeof(char *));
		memcpy(t->header, r->fields, r->n * sizeof(char *));
		t->header_line = r->line;
		goto skip;
	}
	if (r->n != t->ncols) {
		return fail(e, ERR_INVALID, label, r->line, "%zu fields where the header has %zu", r->n, t->ncols);
	}
	if (t->nrows >= lim->max_rows)
		return fail(e, ERR_LIMIT, label, r->line, "more than %zu rows (split the file)", lim->max_rows);
	if (t->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*recs = xrealloc(*recs, *cap * sizeof **recs);
	}
	(*recs)[t->nrows].line = r->line;
	(*recs)[t->nrows].fields = arena_alloc(a, r->n * sizeof(char *));
	memcpy((*recs)[t->nrows].fields, r->fields, r->n * sizeof(char *));
	t->nrows++;
skip:
	r->n = 0;
	return 0;
}

int csv_parse(const char *data, size_t len, const char *label, const struct csv_limits *lim,
	      struct arena *a, struct csv_table *out, struct gk_error *e)
{
	enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } st = FIELD_START;
	struct csv_table t = { 0 };
	struct csv_record *recs = NULL;
	struct row r = { 0 };
	struct buf field;
	size_t cap = 0, i = 0;
	int line = 1, quote_line = 0, rc = 0;

	if (lim == NULL)
		lim = &CSV_LIMITS_DEFAULT;
	buf_init(&field, lim->max_field);
	memset(out, 0, sizeof *out);
	if (len > lim->max_bytes) {
		rc = fail(e, ERR_LIMIT, label, 1, "file larger than %zu bytes (split it)", lim->max_bytes);
		goto out;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if ((rc = check_text(data + i, len - i, label, e)) != 0)
		goto out;
	r.line = 1;
	for (; i <= len; i++) {
		int c = i < len ? (unsigned char)data[i] : -1;  /* -1: end of input */
		int end_record = 0;

		switch (st) {
		case FIELD_START:
		case UNQUOTED:
			if (c == '"') {
				if (st == UNQUOTED) {
					rc = fail(e, ERR_INVALID, label, line,
						  "a quote inside an unquoted field (enclose the field in quotes and double the quote)");
					goto out;
				}
				st = QUOTED;
				quote_line = line;
				continue;
			}
			if (c == '\n' || c == -1) {
				end_record = 1;
			} else if (c == ',') {
				/* the field ends */
			} else if (c == '\r' && i + 1 < len && data[i + 1] == '\n') {
				continue;  /* CR of CRLF: the LF ends the record */
			} else {
				st = UNQUOTED;
				if (buf_putc(&field, (char)c) != 0)
					goto too_long;
				continue;
			}
			break;
		case QUOTED:
			if (c == -1) {
				rc = fail(e, ERR_INVALID, label, quote_line, "a quoted field opened here is never closed");
				goto out;
			}
			if (c == '"') {
				st = QUOTE_IN_QUOTED;
				continue;
			}
			line += c == '\n';
			if (buf_putc(&field, (char)c) != 0)
				goto too_long;
			continue;
		case QUOTE_IN_QUOTED:
			if (c == '"') {  /* a doubled quote stands for one */
				st = QUOTED;
				if (buf_putc(&field, '"') != 0)
					goto too_long;
				continue;
			}
			if (c == '\n' || c == -1) {
				end_record = 1;
			} else if (c == ',') {
				/* the field ends */
			} else if (c == '\r' && i + 1 < len && data[i + 1] == '\n') {
				continue;
			} else {
				rc = fail(e, ERR_INVALID, label, line, "text after the closing quote of a field");
				goto out;
			}
			break;
		}
		/* A field ends here (and perhaps the record). */
		if ((rc = row_push(&r, a, &field, lim->max_cols, label, e)) != 0)
			goto out;
		buf_reset(&field);
		st = FIELD_START;
		if (end_record) {
			if ((rc = finish_row(&r, &t, &recs, &cap, lim, a, label, e)) != 0)
				goto out;
			if (c == '\n')
				line++;
			r.line = line;
		}
	}
	if (t.header == NULL) {
		rc = fail(e, ERR_INVALID, label, 1, "the file is empty; the first line must name the columns");
		goto out;
	}
	if (t.nrows) {
		t.rows = arena_alloc(a, t.nrows * sizeof *t.rows);
		memcpy(t.rows, recs, t.nrows * sizeof *t.rows);
	}
	*out = t;
	goto out;
too_long:
	rc = fail(e, ERR_LIMIT, label, line, "a field is longer than %zu bytes", lim->max_field);
out:
	free(r.fields);
	free(recs);
	buf_free(&field);
	return rc;
}

int csv_column(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->header[i], name) == 0)
			return (int)i;
	return -1;
}

int csv_write_field(struct buf *b, const char *s)
{
	int rc = 0, formula;

	if (s == NULL)
		return 0;
	formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	if (!formula && strpbrk(s, ",\"\n\r") == NULL)
		return buf_append(b, s, strlen(s));
	rc |= buf_append(b, "\"", 1);
	if (formula)
		rc |= buf_append(b, "'", 1);
	for (; *s && rc == 0; s++)
		rc |= *s == '"' ? buf_append(b, "\"\"", 2) : buf_append(b, s, 1);
	rc |= buf_append(b, "\"", 1);
	return rc;
}

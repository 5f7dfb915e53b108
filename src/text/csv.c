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

/* The reader between two bytes: the state machine's state and what it has read so far. */
struct reader {
	enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } st;
	struct csv_table t;
	struct csv_record *recs;  /* finished records (grown with xrealloc, copied out at the end) */
	size_t cap;
	struct row r;
	struct buf field;         /* the field being read, capped at lim->max_field */
	int line, quote_line;
	const struct csv_limits *lim;
	struct arena *a;
	const char *label;
	struct gk_error *e;
};

/* What a byte does besides changing state. */
enum byte_effect { READ_ON, FIELD_ENDS, RECORD_ENDS };

static int put(struct reader *p, char c)
{
	if (buf_putc(&p->field, c) == 0)
		return 0;
	return fail(p->e, ERR_LIMIT, p->label, p->line, "a field is longer than %zu bytes",
		    p->lim->max_field);
}

/* Outside quotes (at a field's start or in an unquoted field): c is the byte, -1 at the end of
 * input; next is the byte after it (-1 if none). */
static int feed_unquoted(struct reader *p, int c, int next, enum byte_effect *fx)
{
	*fx = READ_ON;
	if (c == '"') {
		if (p->st == UNQUOTED)
			return fail(p->e, ERR_INVALID, p->label, p->line,
				    "a quote inside an unquoted field (enclose the field in quotes and double the quote)");
		p->st = QUOTED;
		p->quote_line = p->line;
		return 0;
	}
	if (c == '\n' || c == -1)
		*fx = RECORD_ENDS;
	else if (c == ',')
		*fx = FIELD_ENDS;
	else if (c == '\r' && next == '\n')
		;  /* CR of CRLF: the LF ends the record */
	else {
		p->st = UNQUOTED;
		return put(p, (char)c);
	}
	return 0;
}

/* Inside quotes, or just after a quote inside them (which either doubles or closes). */
static int feed_quoted(struct reader *p, int c, int next, enum byte_effect *fx)
{
	*fx = READ_ON;
	if (p->st == QUOTED) {
		if (c == -1)
			return fail(p->e, ERR_INVALID, p->label, p->quote_line,
				    "a quoted field opened here is never closed");
		if (c == '"') {
			p->st = QUOTE_IN_QUOTED;
			return 0;
		}
		p->line += c == '\n';
		return put(p, (char)c);
	}
	if (c == '"') {  /* a doubled quote stands for one */
		p->st = QUOTED;
		return put(p, '"');
	}
	if (c == '\n' || c == -1)
		*fx = RECORD_ENDS;
	else if (c == ',')
		*fx = FIELD_ENDS;
	else if (c == '\r' && next == '\n')
		;
	else
		return fail(p->e, ERR_INVALID, p->label, p->line, "text after the closing quote of a field");
	return 0;
}

/* A field ends at byte c, and with it the record if fx says so. */
static int end_field(struct reader *p, int c, enum byte_effect fx)
{
	int rc;

	if ((rc = row_push(&p->r, p->a, &p->field, p->lim->max_cols, p->label, p->e)) != 0)
		return rc;
	buf_reset(&p->field);
	p->st = FIELD_START;
	if (fx == RECORD_ENDS) {
		if ((rc = finish_row(&p->r, &p->t, &p->recs, &p->cap, p->lim, p->a, p->label, p->e)) != 0)
			return rc;
		if (c == '\n')
			p->line++;
		p->r.line = p->line;
	}
	return 0;
}

int csv_parse(const char *data, size_t len, const char *label, const struct csv_limits *lim,
	      struct arena *a, struct csv_table *out, struct gk_error *e)
{
	struct reader p = { .st = FIELD_START, .line = 1, .lim = lim ? lim : &CSV_LIMITS_DEFAULT,
			    .a = a, .label = label, .e = e };
	size_t i = 0;
	int rc = 0;

	buf_init(&p.field, p.lim->max_field);
	memset(out, 0, sizeof *out);
	if (len > p.lim->max_bytes) {
		rc = fail(e, ERR_LIMIT, label, 1, "file larger than %zu bytes (split it)", p.lim->max_bytes);
		goto out;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if ((rc = check_text(data + i, len - i, label, e)) != 0)
		goto out;
	p.r.line = 1;
	for (; i <= len; i++) {
		int c = i < len ? (unsigned char)data[i] : -1;  /* -1: end of input */
		int next = i + 1 < len ? (unsigned char)data[i + 1] : -1;
		enum byte_effect fx;

		if (p.st == QUOTED || p.st == QUOTE_IN_QUOTED)
			rc = feed_quoted(&p, c, next, &fx);
		else
			rc = feed_unquoted(&p, c, next, &fx);
		if (rc == 0 && fx != READ_ON)
			rc = end_field(&p, c, fx);
		if (rc != 0)
			goto out;
	}
	if (p.t.header == NULL) {
		rc = fail(e, ERR_INVALID, label, 1, "the file is empty; the first line must name the columns");
		goto out;
	}
	if (p.t.nrows) {
		p.t.rows = arena_alloc(a, p.t.nrows * sizeof *p.t.rows);
		memcpy(p.t.rows, p.recs, p.t.nrows * sizeof *p.t.rows);
	}
	*out = p.t;
out:
	free(p.r.fields);
	free(p.recs);
	buf_free(&p.field);
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

/*
 * csv.h — a strict reader for the CSV files offices import (RFC 4180), and the one writer of
 * a CSV field for every CSV gongkai exports.
 *
 * The whole file is read at once into an arena-backed table: a header row naming the columns,
 * then one record per row, each remembering the line it started on so every later complaint
 * ("line 12: --date: not a date") points at the line an officer sees in a text editor.
 * Strict means: the text must be valid UTF-8 (an optional UTF-8 byte-order mark is skipped);
 * fields are separated by commas, records by LF or CRLF; a field containing a comma, quote or
 * line break is enclosed in double quotes and a quote inside it is doubled; a stray quote in an
 * unquoted field, text after a closing quote, an unterminated quote, a NUL byte, a row with
 * the wrong number of fields or an empty / duplicate column name are errors. Completely empty
 * lines are skipped. Sizes are capped before anything is allocated (struct csv_limits).
 * Depends on base/ (err, arena) and text/utf8.
 */
#ifndef GK_TEXT_CSV_H
#define GK_TEXT_CSV_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

struct csv_limits {
	size_t max_bytes;   /* whole input */
	size_t max_rows;    /* records after the header */
	size_t max_cols;
	size_t max_field;   /* bytes of one field */
};

/* 16 MiB, 100 000 rows, 64 columns, 64 KiB per field. */
extern const struct csv_limits CSV_LIMITS_DEFAULT;

struct csv_record {
	int line;        /* 1-based line on which the record starts */
	char **fields;   /* ncols NUL-terminated strings, owned by the arena */
};

struct csv_table {
	size_t ncols;
	char **header;              /* column names as written (owned by the arena) */
	int header_line;            /* line of the header row (1 unless blank lines precede it) */
	size_t nrows;
	struct csv_record *rows;    /* owned by the arena */
};

/*
 * Parse data[0..len) into *out; every string is allocated from arena a and lives as long as
 * it does. label names the input in errors: the error's field is "LABEL:LINE" and the message
 * says what is wrong on that line. lim may be NULL for CSV_LIMITS_DEFAULT.
 * Returns 0, ERR_INVALID (malformed input) or ERR_LIMIT (a cap exceeded).
 */
int csv_parse(const char *data, size_t len, const char *label, const struct csv_limits *lim,
	      struct arena *a, struct csv_table *out, struct gk_error *e) GK_WUR;

/* The index of the column named name (exact match after trimming ASCII blanks), or -1. */
int csv_column(const struct csv_table *t, const char *name);

/*
 * Append text s (NULL = empty) to b as one CSV field, quoted when it holds a comma, quote or
 * line break. A text that a spreadsheet would take for a formula — one starting with = + - @,
 * a tab or a carriage return (CSV formula injection: "=HYPERLINK(…)", "@SUM(…)") — is
 * neutralised with a leading apostrophe, so Excel and LibreOffice show it as the text it is.
 * Numbers the exporter writes itself do not go through here. Returns buf_append's result.
 */
int csv_write_field(struct buf *b, const char *s) GK_WUR;

#endif
